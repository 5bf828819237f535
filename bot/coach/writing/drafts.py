"""Notes the user can copy and send: thank-yous, follow-ups, catch-ups, shares, congratulations and introductions.

Most people skip the follow-up and the thank-you because the blank page is the hard part (principles 4 and 5).
A draft only helps if the person receiving it would believe a thoughtful friend wrote it, so:

- it is composed from typed facts (facts.py), never from the text of a note: the user's shorthand about someone
  ("launched her own studio on the side") is theirs, not something to read back to that person;
- it uses one or two facts, each said once, in the second person and with dates relative to the day;
- it fits a chat message (``MAX_CHARS``) and signs with the user's first name;
- an introduction always has a reason the message can say (``intro_reason``) and comes in two steps: a double
  opt-in ask to each person ("intro"), then, once both said yes, the introduction itself to both ("introduce").

Split of work: this module decides *which* facts a note uses and turns them into phrases; the templates under
templates/drafts/ arrange the phrases, with ``VARIANTS`` wordings per kind and three styles (warm, short,
formal). User text only ever reaches a template as data.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from bot.coach.errors import NotUnderstood, UnknownContact
from bot.coach.planning.give import because, key_words
from bot.coach.reading.facts import NEWS_KINDS, read_offer
from bot.coach.reading.names import fold
from bot.coach.reading.second_person import to_second_person
from bot.coach.saying.grammar import Person, day_in_words, place_words, since
from bot.coach.saying.known import Known, known_in, promise_fact
from bot.coach.saying.phrases import (
    Kept,
    congrats_on,
    help_words,
    keeping,
    looking_for,
    need_words,
    needs,
    offer_words,
    question,
    question_after,
    still_owed,
    topic,
)
from bot.rendering import render
from bot.store.records import Contact, Fact
from bot.store.view import Network

DRAFT_KINDS: tuple[str, ...] = ("thanks", "followup", "reconnect", "share", "intro", "congrats")
# The second step of an introduction, once both people said yes: one message to both of them.
INTRODUCE = "introduce"
ALL_KINDS: tuple[str, ...] = (*DRAFT_KINDS, INTRODUCE)

KIND_HELP: dict[str, str] = {
    "thanks": "a thank-you that names the help (or the meeting)",
    "followup": "a short note after meeting, keeping what you promised",
    "reconnect": "a catch-up that picks up the latest real thread and asks one question",
    "share": "pass on something concrete about what they care about or need",
    "intro": "introduce two people who have a reason to meet (asks each of them first)",
    "congrats": "congratulate them on their news (a new job, a launch, a race, a wedding...)",
}

VARIANTS = 3  # wordings per kind; "Other wording" counts up and wraps around
STYLES = ("warm", "short", "formal")
MAX_CHARS = 600  # a chat message, not a letter
COPY_LIMIT = 256  # Telegram's copy_text button carries at most this many characters
# Meetings older than this are not "great to meet you" material any more.
_FRESH_MEETING_DAYS = 45


@dataclass
class Draft:
    kind: str
    text: str  # the note itself, plain text, ready to copy (the handler escapes it on send)
    contact_ids: list[str]  # who it is for (intro: the one it is written to, then the other person)
    promise_ids: list[str]  # open promises and thank-yous the note keeps, closed when the user says it was sent
    variant: int = 0  # the wording used; variant + 1 is "Other wording"
    style: str = "warm"
    paste: str = ""  # what the user adds before sending (a share's link), said in words; "" when nothing
    reason: str = ""  # an intro's reason, in one sentence to the user
    facts: list[Fact] = field(default_factory=list)  # the facts the note says

    @property
    def fits_copy_button(self) -> bool:
        return len(self.text) <= COPY_LIMIT


def draft_note(
    kind: str,
    network: Network,
    contact_id: str,
    today: date,
    *,
    other_id: str | None = None,
    sender_name: str = "",
    variant: int | None = None,
    style: str = "warm",
) -> Draft:
    """Write a ``kind`` note to one contact (intro: to ``contact_id`` about meeting ``other_id``; introduce: to both).

    ``variant`` picks the wording; None chooses one from (contact, day), so asking twice on the same day gives the
    same note while different days and people read differently.
    """
    if kind not in ALL_KINDS:
        raise NotUnderstood(f"I can draft these notes: {', '.join(DRAFT_KINDS)}. For example: /draft thanks Jane")
    if kind in ("intro", INTRODUCE) and not other_id:
        raise NotUnderstood("An introduction needs two people, the one you write to first: /draft intro Jane Tom")
    contact = _contact(network, contact_id)
    seed = zlib.crc32(f"{contact_id}|{today.isoformat()}".encode())
    chosen = (seed if variant is None else variant) % VARIANTS
    style = style if style in STYLES else "warm"
    facts = known_in(network, contact.id, today)
    note = _Note(kind, contact, network, facts, today, chosen, style, sender_name)
    if kind in ("intro", INTRODUCE):
        other = _contact(network, other_id or "")
        if other.id == contact.id:
            raise NotUnderstood("Pick two different people to introduce: /draft intro Jane Tom")
        note.intro(other, known_in(network, other.id, today))
    else:
        getattr(note, kind)()
    return note.finish()


def tidy(text: str) -> str:
    """Normalise whitespace into the shape of a note: greeting, one body paragraph, sign-off.

    Paragraphs are separated by blank lines. The first is the greeting and the last the sign-off ("Best,\\nSam",
    whose line break is kept); everything between is the body, whose line breaks are template layout, so it is
    joined into one paragraph - a note of two to five sentences needs no more.
    """
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    if len(paragraphs) < 3:
        return "\n\n".join(" ".join(p.split()) for p in paragraphs)
    greeting, *body, signoff = paragraphs
    lines = [" ".join(line.split()) for line in signoff.splitlines() if line.strip()]
    return "\n\n".join([" ".join(greeting.split()), " ".join(" ".join(body).split()), "\n".join(lines)])


# --- intros: a reason the message can say ---------------------------------------------------------------------


# ``IntroReason.has`` when the other person *is* what is needed (the need says "a lawyer", their card "lawyer").
ROLE_MATCH = "is one"


def _has_words(has: str, person: Contact) -> str:
    """What the helper has, after their first name: "can help with exactly that", "does exactly that at Beta Legal"."""
    if has != ROLE_MATCH:
        return f"{person.first_name} {has}"
    where = f" at {person.company.strip()}" if person.company.strip() else ""
    return f"that's exactly {person.first_name}'s line of work{where}"


class IntroReason(NamedTuple):
    """Why two people should meet, in pieces the notes can say from either side.

    kind "need": ``needer`` needs ``need`` (a fact) and the other person has it (``has``: "can help with tax law",
    "is a lawyer", "is at Sequoia"); "goal": both need the same thing (``need`` is the first one's); "interest":
    both care about ``interest``, which few of the user's people share.
    """

    kind: str
    needer: str  # contact id of the one who needs, for kind "need"; "" otherwise
    need: Fact | None
    has: str  # what the other one is or offers, said after their name
    interest: str


_NOT_CONTENT = frozenset(
    (
        *("a", "an", "the", "some", "someone", "somebody", "people", "person", "new", "good", "great", "more"),
        *("for", "to", "at", "in", "of", "on", "with", "and", "or", "my", "your", "their", "help", "advice"),
        *("intro", "introduction", "introductions", "contact", "contacts", "who", "that", "can", "any", "too"),
    )
)
# An interest shared by at most this share of the user's people (and at least two) is rare enough to be a reason.
_RARE_SHARE = 0.05
_RARE_MIN = 3


@lru_cache(maxsize=8192)  # roles and offers repeat across a network; a share scans all of them
def _content_words(text: str) -> frozenset[str]:
    words = set()
    for word in re.findall(r"[\w'-]+", fold(text)):
        if word in _NOT_CONTENT or len(word) < 2:
            continue
        words.add(word[:-1] if word.endswith("s") and len(word) > 3 else word)
    return frozenset(words)


def intro_reason(network: Network, a: Contact, b: Contact, today: date) -> IntroReason | None:
    """A reason for ``a`` and ``b`` to meet that a message can say in one sentence, or None.

    Never for two people at the same company: colleagues already know each other (principle 11).
    """
    if a.company.strip() and fold(a.company) == fold(b.company):
        return None
    known_a, known_b = known_in(network, a.id, today), known_in(network, b.id, today)
    for needer, helper, needer_known, helper_known in ((a, b, known_a, known_b), (b, a, known_b, known_a)):
        for need in reversed(needer_known.of("need")):
            has = _helps_with(need, helper, helper_known)
            if has:
                return IntroReason("need", needer.id, need, has, "")
    for need in reversed(known_a.of("need")):
        theirs = {_need_key(n) for n in known_b.of("need")}
        if _need_key(need) in theirs:
            return IntroReason("goal", "", need, "", "")
    # The planner's own need-to-"can" match (give.py), so an intro the morning suggests is one the draft can say.
    for needer, helper, needer_known in ((a, b, known_a), (b, a, known_b)):
        can = frozenset().union(*(key_words(v) for v in (helper.role, helper.company, *helper.tags, *helper.offers)))
        for need_text in needer.needs:
            words = key_words(need_text)
            if words & can:
                fact = next((f for f in needer_known.of("need") if key_words(f.slots.get("what", "")) & words), None)
                if fact is not None:
                    return IntroReason("need", needer.id, fact, because(_row_of(helper), words), "")
    shared = _shared_interests(known_a, known_b)
    if shared:
        counts = _interest_counts(network)
        limit = max(_RARE_MIN, int(len(network.contacts) * _RARE_SHARE))
        rare = [i for i in shared if counts.get(fold(i), 0) <= limit]
        if rare:
            return IntroReason("interest", "", None, "", rare[0])
    return None


def _row_of(contact: Contact) -> dict[str, object]:
    """The fields give.because reads, from a contact."""
    return {"role": contact.role, "company": contact.company, "offers": contact.offers, "tags": contact.tags}


def _need_key(need: Fact) -> str:
    return need.slots.get("act", "") + " " + " ".join(sorted(_content_words(need.slots.get("what", ""))))


def _helps_with(need: Fact, helper: Contact, helper_known: Known) -> str:
    """What ``helper`` is or offers that meets ``need``, said after their name; "" when nothing matches."""
    act, what = need.slots.get("act", ""), need.slots.get("what", "")
    wanted = _content_words(what)
    if act == "hiring":
        for their_need in helper_known.of("need"):
            if _content_words(their_need.slots.get("what", "")) & {"job", "role", "position", "opportunity"}:
                return "is looking for a new role"
        if wanted and wanted & _content_words(helper.role):
            return f"is {_a(helper.role)}"
        return ""
    if act == "raising":
        wanted = frozenset({"investor", "vc", "angel", "fund", "capital", "ventures", "partners"})
    if not wanted:
        return ""
    for offer in helper_known.of("offer"):
        offered = _content_words(offer.slots.get("what", ""))
        if wanted & offered:
            # Said once: when the offer is the need, "can help with exactly that".
            if wanted <= offered:
                return "can help with exactly that"
            return offer_words(offer, Person(helper.first_name))
    if wanted & _content_words(helper.role) or wanted & {t.lower() for t in helper.tags}:
        return ROLE_MATCH  # the need already names the role ("a lawyer"): said without repeating it
    if helper.company and fold(helper.company) in fold(what):
        return f"is at {helper.company}"
    return ""


def _a(role: str) -> str:
    """ "designer" -> "a designer", "engineer" -> "an engineer", "CTO" -> "a CTO"."""
    if not role:
        return ""
    vowel = role[:1].lower() in "aeio" or (role[:1].isupper() and role[:2].isupper() and role[:1] in "AEFHILMNORSX")
    return f"{'an' if vowel else 'a'} {role}"


def _shared_interests(a: Known, b: Known) -> list[str]:
    theirs = {fold(f.slots.get("what", "")) for f in b.of("interest")}
    return [f.slots["what"] for f in a.of("interest") if f.slots.get("what") and fold(f.slots["what"]) in theirs]


def _interest_counts(network: Network) -> dict[str, int]:
    counts: dict[str, int] = {}
    for contact in network.contacts:
        for interest in {fold(i) for i in contact.interests if i.strip()}:
            counts[interest] = counts.get(interest, 0) + 1
    return counts


def reason_in_words(reason: IntroReason, a: Contact, b: Contact) -> str:
    """The reason, to the user, naming both: "Jane is looking for a lawyer, and Tom is a lawyer at Beta"."""
    if reason.kind == "need" and reason.need is not None:
        needer, helper = (a, b) if reason.needer == a.id else (b, a)
        return f"{needs(reason.need, needer.first_name)}, and {_has_words(reason.has, helper)}"
    if reason.kind == "goal" and reason.need is not None:
        return f"{a.first_name} and {b.first_name} are both {need_words(reason.need)}"
    return f"{a.first_name} and {b.first_name} both care about {reason.interest}, which few of your people share"


# --- composing one note -----------------------------------------------------------------------------------------


class _Note:
    """The facts a note uses and the phrases it renders; one instance per draft."""

    def __init__(
        self,
        kind: str,
        contact: Contact,
        network: Network,
        known: Known,
        today: date,
        variant: int,
        style: str,
        sender_name: str,
    ) -> None:
        self.kind = kind
        self.contact = contact
        self.network = network
        self.known = known
        self.today = today
        self.variant = variant
        self.style = style
        self.used: list[Fact] = []
        self.promise_ids: list[str] = []
        self.contact_ids = [contact.id]
        self.paste = ""
        self.reason = ""
        sender = sender_name.split()
        self.context: dict[str, object] = {
            "first_name": contact.first_name.strip() or "there",
            "sender": sender[0] if sender else "",
            "variant": variant,
            "short": style == "short",
            "formal": style == "formal",
        }

    # -- what we know of the meeting and the tie --

    def _meeting(self, latest: bool) -> tuple[str, str, int]:
        """(where, when in words, days ago) of the latest (or first) meeting; ("", "", -1) when unknown."""
        meetings = [i for i in self.network.timeline(self.contact.id) if i.kind == "met"]
        where = self.contact.met_context.strip() or next((m.context for m in meetings if m.context), "")
        on = self.contact.met_on or (meetings[0].on if meetings else "")
        if latest and len(meetings) > 1:
            where, on = meetings[-1].context or where, meetings[-1].on or on
        day = _day(on)
        if day is None or day > self.today:
            return _place(where), "", -1
        return _place(where), day_in_words(day, self.today), (self.today - day).days

    def _gap(self) -> str:
        last = self.network.last_touch(self.contact.id)
        return since(last, self.today) if last and last <= self.today else ""

    def _use(self, fact: Fact | None) -> Fact | None:
        if fact is not None and fact not in self.used:
            self.used.append(fact)
        return fact

    def _offer_back(self, fallback: bool = True) -> str:
        """A light offer tied to what they need or care about, as a sentence; the second fact a note may use."""
        need = self.known.latest("need")
        if need is not None and len(self.used) < 2 and need not in self.used:
            self._use(need)
            words = need_words(need)
            if self.style == "formal":
                return f"If I can be of any help while you're {words}, please let me know."
            return (
                f"And if I can help while you're {words}, just say the word.",
                f"If I hear of anything useful while you're {words}, I'll send it your way.",
                f"Let me know if I can help at all while you're {words}.",
            )[self.variant]
        interest = self.known.latest("interest")
        if interest is not None and len(self.used) < 2 and interest not in self.used:
            self._use(interest)
            what = interest.slots.get("what", "")
            if self.style == "formal":
                return f"Should I come across anything about {what} you might enjoy, I will pass it on."
            return (
                f"If I find something about {what} you'd enjoy, I'll send it your way.",
                f"I'll keep an eye out for anything about {what} for you.",
                f"If something about {what} crosses my desk, it's yours.",
            )[self.variant]
        if not fallback:
            return ""
        if self.style == "formal":
            return "If I can ever return the favour, please do let me know."
        return (
            "If I can ever return the favour, just say the word.",
            "Let me know if I can ever help in return.",
            "Happy to return the favour any time.",
        )[self.variant]

    # -- thanks --

    def thanks(self) -> None:
        owed = self.network.open_promises(self.contact.id, "thanks")
        helps = self.known.of("help_received")
        help_fact = None
        if owed:
            latest = max(owed, key=lambda p: p.made_on)
            self.promise_ids = [latest.id]
            help_fact = next((f for f in helps if f.slots.get("promise_id") == latest.id), None)
        else:
            got = [f for f in helps if not f.slots.get("promise_id")]
            help_fact = got[-1] if got else None
        close_loop = False
        if help_fact is not None and not owed:
            thanked = [i for i in self.network.timeline(self.contact.id) if i.kind == "thanked"]
            close_loop = any(i.on >= help_fact.on for i in thanked)
        where, when, days = self._meeting(latest=True)
        for_what = ""
        past = ""
        help_when = ""
        if help_fact is not None:
            self._use(help_fact)
            words = help_words(help_fact)
            for_what, past = words.gerund, words.past
            if not for_what:
                for_what = _thing_thanked(help_fact.slots.get("did", ""))
            day = _day(help_fact.on)
            help_when = day_in_words(day, self.today) if day and day <= self.today else ""
        self.context.update(
            helped=help_fact is not None,
            close_loop=close_loop,
            for_what=for_what,
            help_past=past,
            help_when=help_when if help_when not in ("today",) else "",
            met_where=where if days >= 0 and days <= _FRESH_MEETING_DAYS else "",
            met_when=when if days >= 0 and days <= _FRESH_MEETING_DAYS else "",
            offer_back=self._offer_back(),
        )

    # -- followup --

    def followup(self) -> None:
        promises = sorted(self.network.open_promises(self.contact.id, "promise"), key=lambda p: p.made_on)
        promises = [p for p in promises if p.text.strip()][:2]
        self.promise_ids = [p.id for p in promises]
        kept = []
        for n, promise in enumerate(promises):
            fact = promise_fact(promise)
            self._use(fact)
            kept.append(keeping(Kept(fact.slots["form"], fact.slots["what"]), self.variant + n))
        where, when, days = self._meeting(latest=True)
        fresh = 0 <= days <= _FRESH_MEETING_DAYS
        meetings = sum(1 for i in self.network.timeline(self.contact.id) if i.kind == "met")
        next_step = ""
        if not kept:
            next_step = self._next_step()
        self.context.update(
            kept=kept,
            met_where=where if fresh else "",
            met_when=when if fresh else "",
            met_again=meetings > 1,
            next_step=next_step,
        )

    def _next_step(self) -> str:
        """With nothing promised: a coffee, about the thing they care about most right now."""
        news = self._news()
        if news is not None and not self.known.of("need"):
            # Their news is the freshest thing to pick up: congratulate, then ask to hear about it.
            self._use(news)
            on = congrats_on(news)
            if self.style == "formal":
                return f"Congratulations on {on}, too. I would love to hear more about it over a coffee some time."
            return (
                f"And congratulations on {on}! I'd love to hear all about it over a coffee.",
                f"Also, huge congrats on {on}! Fancy a quick call soon to tell me about it?",
                f"Congratulations on {on}, by the way - let's grab a coffee and you can tell me everything.",
            )[self.variant]
        fact = self.known.latest("need") or self.known.latest("interest")
        topic = ""
        if fact is not None:
            self._use(fact)
            topic = _about(fact)
        elif self.contact.company.strip():
            topic = f"what you're building at {self.contact.company.strip()}"
        elif self.contact.role.strip():
            topic = f"your work as {self.contact.role.strip()}"
        else:
            topic = "what you're working on"
        if self.style == "formal":
            return f"Would you be open to a coffee in the coming weeks? I would like to hear more about {topic}."
        return (
            f"Would you be up for a coffee in the next few weeks? I'd love to hear more about {topic}.",
            f"How about a quick call soon? I'd like to hear more about {topic}.",
            f"Fancy a coffee sometime soon? I'm keen to hear more about {topic}.",
        )[self.variant]

    # -- reconnect --

    def reconnect(self) -> None:
        thread = self._freshest_thread()
        lead, ask = "", ""
        if thread is not None:
            self._use(thread)
            lead, ask = self._thread_words(thread)
        else:
            where, when, _ = self._meeting(latest=False)
            if where and when:
                lead = f"I was thinking back to when we met at {where} {when}."
            elif where:
                lead = f"I was thinking back to when we met at {where}."
            ask = ("How have you been?", "What have you been up to lately?", "How are things with you?")[self.variant]
        gap = self._gap()
        self.context.update(gap=gap, recent=gap in ("a few days", "a week or so"), lead=lead, ask=ask)

    def _freshest_thread(self) -> Fact | None:
        """The newest real thread: their news, their need, a move, an open promise, else what they care about."""
        # News already congratulated, or too old to call news, is no thread to pick up.
        congratulated = self._congratulated_on()
        stale = (self.today - timedelta(days=_NEWS_DAYS)).isoformat()
        ranked = [
            f
            for f in self.known.facts
            if f.kind in ("move", "need", "promise")
            or (
                f.kind in NEWS_KINDS
                and f.slots.get("event") != "news"  # news we cannot name is no thread to pick up
                and not f.done_on
                and f.on > congratulated
                and (not f.on or f.on >= stale)
            )
        ]
        if ranked:
            return max(ranked, key=lambda f: (f.on, _THREAD_ORDER.get(f.kind, 0)))
        interests = self.known.of("interest")
        return interests[self.variant % len(interests)] if interests else None

    def _thread_words(self, fact: Fact) -> tuple[str, str]:
        """(a sentence naming the thread, one question) - the fact is named once."""
        v = self.variant
        if fact.kind in NEWS_KINDS:
            on = congrats_on(fact)
            lead = (f"I saw your news - congratulations on {on}!", f"I heard about {on} - congratulations!",
                    f"Congratulations on {on}, by the way!")[v]  # fmt: skip
            if self.style == "formal":
                lead = f"I was delighted to hear of {on} - congratulations."
            return lead, question_after(fact, v)
        if fact.kind == "promise":
            kept = Kept(fact.slots["form"], fact.slots["what"])
            return f"{still_owed(kept)} - sorry it's taken me a while.", _ask_back(v)
        if fact.kind == "need":
            words = need_words(fact)
            return f"Last time we spoke you were {words}.", question_after(fact, v)
        return "", question(fact, v)

    # -- share --

    def share(self) -> None:
        need = self.known.latest("need")
        helper = self._who_can_help(need) if need is not None else None
        give, close = "", ""
        if need is not None and helper is not None:
            person, has = helper
            self._use(need)
            self.contact_ids.append(person.id)
            words = need_words(need)
            who = person.name + (f" at {person.company.strip()}" if person.company.strip() else "")
            if has == ROLE_MATCH:
                give = (
                    f"You mentioned you're {words}. I know a good one: {who}.",
                    f"Since you're {words}: {who} is one, and I think you two should talk.",
                    f"You're {words}, right? {who} is one - I immediately thought of you.",
                )[self.variant]
            else:
                give = (
                    f"You mentioned you're {words}. I know someone who might help: {person.name}, who {has}.",
                    f"Since you're {words}: {person.name} {has}, and I think you two should talk.",
                    f"You're {words}, right? {person.name} {has} - I immediately thought of you.",
                )[self.variant]
            close = "Would an intro be useful? I'm happy to ask first."
            self.reason = f"{needs(need, self.contact.first_name)}, and {_has_words(has, person)}"
        elif need is not None:
            self._use(need)
            words = need_words(need)
            give = (f"You mentioned you're {words}, and this looked like a good lead:",
                    f"Since you're {words}, I thought this might be useful:",
                    f"This made me think of you, since you're {words}:")[self.variant]  # fmt: skip
            close = "No need to reply - I just hope it helps."
            # Said to the user, about them: "a lead for Oli (a name, a profile or a post): Oli's pitch deck could use
            # feedback" - their deck, in the same words as the morning's nudge.
            first = self.contact.first_name
            self.paste = f"a lead for {first} (a name, a profile or a post) - {looking_for(need, first)} -"
        else:
            interest = self.known.latest("interest") if self.variant != 1 else _rotate(self.known.of("interest"), 1)
            thing, paste = _SHARE_THINGS[self.variant]
            company, role = self.contact.company.strip(), self.contact.role.strip()
            if interest is not None:
                self._use(interest)
                topic = interest.slots.get("what", "")
                give = f"I came across {thing} about {topic} and thought of you:"
                self.paste = f"a link to {paste} about {topic}"
            elif company or role:  # their work: an article, whatever the wording (an "event about Acme" is odd)
                work = f"your work at {company}" if company else f"your work as {role}"
                give = (f"I came across a piece that made me think of {work}:",
                        f"This made me think of {work}, so I wanted to pass it on:",
                        f"I read something that seemed right up your street, given {work}:")[self.variant]  # fmt: skip
                self.paste = f"a link to an article relevant to {self.contact.first_name}'s work" + (
                    f" at {company}" if company else f" as {role}"
                )
            else:
                give = f"I came across {thing} that made me think of you:"
                self.paste = f"a link to {paste} you think they'd enjoy"
            close = ("No need to reply - I just thought you'd enjoy it.", "I'd love to hear what you make of it.",
                     "Hope it's useful!")[self.variant]  # fmt: skip
        if self.style == "formal":
            close = close.replace("No need to reply - ", "").replace("I'd", "I would").replace("!", ".")
            close = close[:1].upper() + close[1:]
        self.context.update(give=give, close=close, paste=bool(self.paste))

    def _who_can_help(self, need: Fact) -> tuple[Contact, str] | None:
        """Someone else the user knows who is or offers what ``need`` asks for (a share can offer an intro)."""
        for other in self.network.contacts:
            if not (other.role or other.offers or other.tags or other.company):
                continue
            if other.id == self.contact.id or (
                self.contact.company.strip() and fold(other.company) == fold(self.contact.company)
            ):
                continue
            # Only offers and roles on the card are checked here: reading every contact's notes would make a share
            # draft cost the whole network; a full reason check runs when the intro itself is drafted.
            has = _helps_with(need, other, Known([_offer(other, o) for o in other.offers if o.strip()]))
            if has:
                return other, has
        return None

    # -- congrats --

    def congrats(self) -> None:
        news = self._news()
        if news is None:
            name = self.contact.first_name.strip() or "them"
            raise NotUnderstood(
                f"I don't know of any news for {name} yet - add it with /note {name}: just got promoted"
            )
        self._use(news)
        life = news.kind == "life_event"
        extra = ""
        if not life:
            extra = self._offer_back(fallback=False) if self.variant == 2 else ""
        day = _day(news.on)
        self.context.update(
            congrats_on=congrats_on(news),
            belated=day is not None and (self.today - day).days > _NEWS_DAYS // 2,
            life=life,
            ask=question_after(news, self.variant),
            extra=extra,
        )

    def _news(self) -> Fact | None:
        """The latest news not congratulated yet, else the latest news."""
        news = self.known.of(*NEWS_KINDS)
        if not news:
            return None
        congratulated = self._congratulated_on()
        fresh = [f for f in news if not f.done_on and f.on > congratulated]
        return (fresh or news)[-1]

    def _congratulated_on(self) -> str:
        """The last day the user sent congratulations (a logged congrats note), or ""."""
        return max((i.on for i in self.network.timeline(self.contact.id) if "congrat" in i.text.lower()), default="")

    # -- intro, step 1 (ask each) and step 2 (introduce both) --

    def intro(self, other: Contact, other_known: Known) -> None:
        contact = self.contact
        if contact.company.strip() and fold(contact.company) == fold(other.company):
            raise NotUnderstood(
                f"{contact.first_name} and {other.first_name} both work at {contact.company.strip()}, so they "
                "probably know each other already. An intro helps most between people who don't."
            )
        reason = intro_reason(self.network, contact, other, self.today)
        if reason is None:
            raise NotUnderstood(
                f"I can't see a reason for {contact.first_name} and {other.first_name} to meet yet - an intro needs "
                "one you can say: what one needs and the other offers, a shared goal, or a rare shared interest. "
                f"Tell me with a note, e.g. /note {contact.first_name}: looking for a designer"
            )
        self.contact_ids.append(other.id)
        self.reason = reason_in_words(reason, contact, other)
        if reason.need is not None:
            self.used.append(reason.need)
        if self.kind == INTRODUCE:
            self.context["first_name"] = f"{contact.first_name} and {other.first_name}"
        # When the reason is what someone is ("is a lawyer at Beta"), the name is not followed by the same words.
        helper_id = other.id if reason.needer == contact.id else contact.id
        helper = other if helper_id == other.id else contact
        card = [w.lower() for w in (helper.company.strip(), helper.role.strip()) if w]
        by_card = reason.kind == "need" and (
            reason.has == ROLE_MATCH
            or (reason.need is not None and reason.need.slots.get("act") == "hiring")
            or any(w in reason.has.lower() for w in card)
        )
        self.context.update(
            a_first=contact.first_name,
            other_name=" ".join(other.name.split()),
            other_first=other.first_name,
            other_about="" if by_card and helper_id == other.id else _about_person(other),
            me_about="" if by_card and helper_id == contact.id else _about_person(contact),
            full_name=" ".join(contact.name.split()),
            names=f"{contact.first_name} and {other.first_name}",
            why_you=self._why(reason, contact, other, speaking_to=contact),
            why_both=self._why_both(reason, contact, other),
        )

    def _why(self, reason: IntroReason, me: Contact, other: Contact, speaking_to: Contact) -> str:
        """The reason, said to ``speaking_to`` about ``other``."""
        if reason.kind == "need" and reason.need is not None:
            words = need_words(reason.need)
            if reason.needer == me.id:
                return f"You mentioned you're {words}, and {_has_words(reason.has, other)}."
            need = needs(reason.need, other.first_name)
            return (
                f"{need}, and I thought of you straight away.",
                f"{need}, and you were the first person I thought of.",
                f"{need}, and you came to mind at once.",
            )[self.variant]
        if reason.kind == "goal" and reason.need is not None:
            return f"You're both {need_words(reason.need)} right now, so you'd have plenty to compare notes on."
        return f"You're both into {reason.interest}, which not many people I know are."

    def _why_both(self, reason: IntroReason, a: Contact, b: Contact) -> str:
        """The reason said to both at once, by name only."""
        if reason.kind == "need" and reason.need is not None:
            needer, helper = (a, b) if reason.needer == a.id else (b, a)
            return f"{needs(reason.need, needer.first_name)}, and {_has_words(reason.has, helper)}."
        if reason.kind == "goal" and reason.need is not None:
            return f"You're both {need_words(reason.need)} right now and could compare notes."
        return f"You both love {reason.interest}, and you're the two people I know who talk about it best."

    # -- rendering --

    def finish(self) -> Draft:
        template = "introduce" if self.kind == INTRODUCE else self.kind
        text = tidy(render(f"drafts/{template}.txt", **self.context))
        if len(text) > MAX_CHARS and not self.context["short"]:
            self.context["short"] = True
            text = tidy(render(f"drafts/{template}.txt", **self.context))
        return Draft(
            kind=self.kind,
            text=text,
            contact_ids=self.contact_ids,
            promise_ids=self.promise_ids,
            variant=self.variant,
            style=self.style,
            paste=self.paste,
            reason=self.reason,
            facts=list(self.used),
        )


_NEWS_DAYS = 120  # news older than this is not "I saw your news" any more; half of it makes congratulations belated
_THREAD_ORDER = {"win": 5, "job_change": 5, "life_event": 5, "move": 4, "need": 3, "promise": 2}
_SHARE_THINGS = (("a piece", "an article"), ("an event", "an event page"), ("a podcast episode", "an episode"))


def _offer(contact: Contact, what: str) -> Fact:
    offer = read_offer(what)
    offer.contact_id = contact.id
    return offer


def _ask_back(variant: int) -> str:
    return ("How have you been?", "What's new with you?", "How are things on your side?")[variant]


def _rotate(items: Sequence[Fact], by: int) -> Fact | None:
    return items[by % len(items)] if items else None


def _about(fact: Fact) -> str:
    """What to hear more about, after "I'd love to hear more about": "the hiring", "jazz", "your move to Berlin"."""
    if fact.kind == "need":
        act = fact.slots.get("act", "")
        if act == "hiring":
            return "the team you're hiring for"
        if act == "raising":
            return "the round you're raising"
        return f"your search for {fact.slots.get('what', '')}"
    return topic(fact)


def _about_person(contact: Contact) -> str:
    """ ", CTO at Acme" / ", a designer" / "" - after a name in an introduction."""
    role, company = contact.role.strip(), contact.company.strip()
    if role and company:
        return f", {role} at {company}"
    if role:
        return f", {_a(role)}"
    return f", who works at {company}" if company else ""


def _thing_thanked(did: str) -> str:
    """Help logged as a thing rather than a deed ("intro to Ana", "advice on pricing") -> "the intro to Ana"."""
    words = did.strip().rstrip(".!").split()
    if not words or len(words) > 6:
        return ""
    text = " ".join(words)
    if words[0].lower() in ("the", "your", "a", "an", "that", "those"):
        return to_second_person(text)
    return "the " + to_second_person(text)


def _place(where: str) -> str:
    """A meeting place as it sits after "at" (facts.place_words: a few words, no day of its own)."""
    return place_words(where)


def _day(iso: str) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def _contact(network: Network, contact_id: str) -> Contact:
    contact = network.contact(contact_id)
    if contact is None:
        raise UnknownContact(contact_id)
    return contact
