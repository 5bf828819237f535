"""Why two people should meet: a reason a message can say in one sentence (principle 11), found from what each
needs, offers and is, and said from either side. Intros (intro.py, introduce.py) need one; a share (share.py) may
offer an intro to someone who has what is needed."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from bot.coach.planning.give import because, key_words
from bot.coach.reading.names import fold
from bot.coach.reading.slots import read_offer
from bot.coach.saying.grammar import Person
from bot.coach.saying.known import Known, known_in
from bot.coach.saying.phrases import need_words, needs, offer_words
from bot.store.records import Contact, Fact
from bot.store.view import Network

# ``IntroReason.has`` when the other person *is* what is needed (the need says "a lawyer", their card "lawyer").
ROLE_MATCH = "is one"


def has_words(has: str, person: Contact) -> str:
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
            has = helps_with(need, helper, helper_known)
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


def helps_with(need: Fact, helper: Contact, helper_known: Known) -> str:
    """What ``helper`` is or offers that meets ``need``, said after their name; "" when nothing matches."""
    act, what = need.slots.get("act", ""), need.slots.get("what", "")
    wanted = _content_words(what)
    if act == "hiring":
        for their_need in helper_known.of("need"):
            if _content_words(their_need.slots.get("what", "")) & {"job", "role", "position", "opportunity"}:
                return "is looking for a new role"
        if wanted and wanted & _content_words(helper.role):
            return f"is {a_role(helper.role)}"
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


def a_role(role: str) -> str:
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
        return f"{needs(reason.need, needer.first_name)}, and {has_words(reason.has, helper)}"
    if reason.kind == "goal" and reason.need is not None:
        return f"{a.first_name} and {b.first_name} are both {need_words(reason.need)}"
    return f"{a.first_name} and {b.first_name} both care about {reason.interest}, which few of your people share"


# --- composing one note -----------------------------------------------------------------------------------------


def offer_fact(contact: Contact, what: str) -> Fact:
    """One of a card's offers as a fact, for ``helps_with``."""
    offer = read_offer(what)
    offer.contact_id = contact.id
    return offer


def about_person(contact: Contact) -> str:
    """ ", CTO at Acme" / ", a designer" / "" - after a name in an introduction."""
    role, company = contact.role.strip(), contact.company.strip()
    if role and company:
        return f", {role} at {company}"
    if role:
        return f", {a_role(role)}"
    return f", who works at {company}" if company else ""
