"""Give first (principle 3, templates/drafts/share.txt): something concrete tied to what they need or care about;
when someone the user knows has what they need, the offer of an intro."""

from __future__ import annotations

from collections.abc import Sequence

from bot.coach.reading.names import fold
from bot.coach.saying.grammar import as_role, company_written
from bot.coach.saying.known import Known
from bot.coach.saying.phrases import looking_for, need_words, needs
from bot.coach.writing.drafts.note import Note
from bot.coach.writing.drafts.reasons import ROLE_MATCH, has_words, helps_with, offer_fact
from bot.store.records import Contact, Fact

_SHARE_THINGS = (("a piece", "an article"), ("an event", "an event page"), ("a podcast episode", "an episode"))


def write(note: Note) -> None:
    need = note.known.latest("need")
    helper = _who_can_help(note, need) if need is not None else None
    give, close = "", ""
    if need is not None and helper is not None:
        person, has = helper
        note.use(need)
        note.contact_ids.append(person.id)
        words = need_words(need)
        who = person.name + (f" at {person.company.strip()}" if person.company.strip() else "")
        if has == ROLE_MATCH:
            give = (
                f"You mentioned you're {words}. I know a good one: {who}.",
                f"Since you're {words}: {who} is one, and I think you two should talk.",
                f"You're {words}, right? {who} is one - I immediately thought of you.",
            )[note.variant]
        else:
            give = (
                f"You mentioned you're {words}. I know someone who might help: {person.name}, who {has}.",
                f"Since you're {words}: {person.name} {has}, and I think you two should talk.",
                f"You're {words}, right? {person.name} {has} - I immediately thought of you.",
            )[note.variant]
        close = "Would an intro be useful? I'm happy to ask first."
        note.reason = f"{needs(need, note.contact.first_name)}, and {has_words(has, person)}"
    elif need is not None:
        note.use(need)
        words = need_words(need)
        give = (f"You mentioned you're {words}, and this looked like a good lead:",
                f"Since you're {words}, I thought this might be useful:",
                f"This made me think of you, since you're {words}:")[note.variant]  # fmt: skip
        close = "No need to reply - I just hope it helps."
        # Said to the user, about them: "a lead for Oli (a name, a profile or a post): Oli's pitch deck could use
        # feedback" - their deck, in the same words as the morning's nudge.
        first = note.contact.first_name
        note.paste = f"a lead for {first} (a name, a profile or a post) - {looking_for(need, first)} -"
    else:
        interest = note.known.latest("interest") if note.variant != 1 else _rotate(note.known.of("interest"), 1)
        thing, paste = _SHARE_THINGS[note.variant]
        company, role = company_written(note.contact.company.strip()), note.contact.role.strip()
        if interest is not None:
            note.use(interest)
            topic = interest.slots.get("what", "")
            give = f"I came across {thing} about {topic} and thought of you:"
            note.paste = f"a link to {paste} about {topic}"
        elif company or role:  # their work: an article, whatever the wording (an "event about Acme" is odd)
            work = f"your work at {company}" if company else f"your work {as_role(role)}"
            give = (f"I came across a piece that made me think of {work}:",
                    f"This made me think of {work}, so I wanted to pass it on:",
                    f"I read something that seemed right up your street, given {work}:")[note.variant]  # fmt: skip
            note.paste = f"a link to an article relevant to {note.contact.first_name}'s work" + (
                f" at {company}" if company else f" {as_role(role)}"
            )
        else:
            give = f"I came across {thing} that made me think of you:"
            note.paste = f"a link to {paste} you think they'd enjoy"
        close = ("No need to reply - I just thought you'd enjoy it.", "I'd love to hear what you make of it.",
                 "Hope it's useful!")[note.variant]  # fmt: skip
    if note.style == "formal":
        close = close.replace("No need to reply - ", "").replace("I'd", "I would").replace("!", ".")
        close = close[:1].upper() + close[1:]
    note.context.update(give=give, close=close, paste=bool(note.paste))


def _who_can_help(note: Note, need: Fact) -> tuple[Contact, str] | None:
    """Someone else the user knows who is or offers what ``need`` asks for (a share can offer an intro)."""
    for other in note.network.contacts:
        if not (other.role or other.offers or other.tags or other.company):
            continue
        if other.id == note.contact.id or (
            note.contact.company.strip() and fold(other.company) == fold(note.contact.company)
        ):
            continue
        # Only offers and roles on the card are checked here: reading every contact's notes would make a share
        # draft cost the whole network; a full reason check runs when the intro itself is drafted.
        has = helps_with(need, other, Known([offer_fact(other, o) for o in other.offers if o.strip()]))
        if has:
            return other, has
    return None


def _rotate(items: Sequence[Fact], by: int) -> Fact | None:
    return items[by % len(items)] if items else None
