"""Step 1 of an introduction (principle 11, templates/drafts/intro.txt): the double opt-in ask, written to one of
the two, with the reason said to them. The same ask goes to the other person before anyone is connected; step 2 is
introduce.py."""

from __future__ import annotations

from bot.coach.errors import NotUnderstood
from bot.coach.reading.names import fold
from bot.coach.saying.phrases import need_words, needs
from bot.coach.writing.drafts.note import Note
from bot.coach.writing.drafts.reasons import (
    ROLE_MATCH,
    IntroReason,
    about_person,
    has_words,
    intro_reason,
    reason_in_words,
)
from bot.store.records import Contact


def write(note: Note, other: Contact) -> None:
    """The pair's reason and how each is introduced: what both intro.txt and introduce.txt say."""
    contact = note.contact
    if contact.company.strip() and fold(contact.company) == fold(other.company):
        raise NotUnderstood(
            f"{contact.first_name} and {other.first_name} both work at {contact.company.strip()}, so they "
            "probably know each other already. An intro helps most between people who don't."
        )
    reason = intro_reason(note.network, contact, other, note.today)
    if reason is None:
        raise NotUnderstood(
            f"I can't see a reason for {contact.first_name} and {other.first_name} to meet yet - an intro needs "
            "one you can say: what one needs and the other offers, a shared goal, or a rare shared interest. "
            f"Tell me with a note, e.g. /note {contact.first_name}: looking for a designer"
        )
    note.contact_ids.append(other.id)
    note.reason = reason_in_words(reason, contact, other)
    if reason.need is not None:
        note.used.append(reason.need)
    # When the reason is what someone is ("is a lawyer at Beta"), the name is not followed by the same words.
    helper_id = other.id if reason.needer == contact.id else contact.id
    helper = other if helper_id == other.id else contact
    card = [w.lower() for w in (helper.company.strip(), helper.role.strip()) if w]
    by_card = reason.kind == "need" and (
        reason.has == ROLE_MATCH
        or (reason.need is not None and reason.need.slots.get("act") == "hiring")
        or any(w in reason.has.lower() for w in card)
    )
    note.context.update(
        a_first=contact.first_name,
        other_name=" ".join(other.name.split()),
        other_first=other.first_name,
        other_about="" if by_card and helper_id == other.id else about_person(other),
        me_about="" if by_card and helper_id == contact.id else about_person(contact),
        full_name=" ".join(contact.name.split()),
        names=f"{contact.first_name} and {other.first_name}",
        why_you=_why(note, reason, contact, other),
        why_both=_why_both(reason, contact, other),
    )


def _why(note: Note, reason: IntroReason, me: Contact, other: Contact) -> str:
    """The reason, said to ``me`` about ``other``."""
    if reason.kind == "need" and reason.need is not None:
        words = need_words(reason.need)
        if reason.needer == me.id:
            return f"You mentioned you're {words}, and {has_words(reason.has, other)}."
        need = needs(reason.need, other.first_name)
        return (
            f"{need}, and I thought of you straight away.",
            f"{need}, and you were the first person I thought of.",
            f"{need}, and you came to mind at once.",
        )[note.variant]
    if reason.kind == "goal" and reason.need is not None:
        return f"You're both {need_words(reason.need)} right now, so you'd have plenty to compare notes on."
    return f"You're both into {reason.interest}, which not many people I know are."


def _why_both(reason: IntroReason, a: Contact, b: Contact) -> str:
    """The reason said to both at once, by name only."""
    if reason.kind == "need" and reason.need is not None:
        needer, helper = (a, b) if reason.needer == a.id else (b, a)
        return f"{needs(reason.need, needer.first_name)}, and {has_words(reason.has, helper)}."
    if reason.kind == "goal" and reason.need is not None:
        return f"You're both {need_words(reason.need)} right now and could compare notes."
    return f"You both love {reason.interest}, and you're the two people I know who talk about it best."
