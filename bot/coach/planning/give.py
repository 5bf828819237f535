"""Give-first ideas: small, concrete ways to be useful to someone before you ever need them (principle 3).

Four kinds of give: pass on something about what a person cares about, congratulate a win, introduce someone
who needs something to someone who has or does it, and meet a need with one of the user's own offers. This
module only finds the ideas; bot/coach/planning/planner.py decides which make the plan (docs/coaching.md, "Gives").
Intro ideas work on the contacts' summary rows (summary.py), so planning never reads a whole timeline.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple

from bot.coach.reading.shorthand import article, is_role, tidy
from bot.coach.reading.slots import read_offer
from bot.coach.saying.grammar import Person
from bot.coach.saying.phrases import offer_words
from bot.store.records import Contact, Interaction


def share_interest(interests: Sequence[str], today: date) -> str:
    """The interest to pass something on about today; it rotates daily so the nudge never feels canned."""
    interests = [i for i in interests if i.strip()]
    if not interests:
        return ""
    return interests[today.toordinal() % len(interests)].strip()


def fresh_win(contact: Contact, timeline: Sequence[Interaction]) -> str:
    """The latest win worth congratulating, or "" if there is none or the user already sent congratulations.

    Wins carry no date, so "already congratulated" is read from the log: anything mentioning congratulations,
    or a give/touch mentioning the win itself. The note or meeting the win was learned from does not count: it
    names the win, but nobody congratulated anyone yet. That keeps one win from being suggested every few days.
    """
    wins = [w.strip() for w in contact.wins if w.strip()]
    if not wins:
        return ""
    win = wins[-1]
    needle = win.lower()
    for item in timeline:
        text = item.text.lower()
        if "congrat" in text or (needle and needle in text and item.kind not in ("note", "met")):
            return ""
    return win


class IntroIdea(NamedTuple):
    """Introduce ``a`` (who needs something) to ``b`` (who has or does it): the reason fits in one sentence."""

    a: str  # contact id of the person with the need
    b: str  # contact id of the person who can meet it
    need: str  # the need as the user wrote it: "a lawyer"
    because: str  # why b fits, a clause after b's name: "is a lawyer", "offers legal advice", "works at Acme"


class OfferIdea(NamedTuple):
    """A need the user can meet themselves, with one of their own offers (/offer)."""

    contact_id: str
    need: str
    offer: str


# Words that say nothing about what is needed or offered.
_FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "some",
        "any",
        "someone",
        "somebody",
        "good",
        "great",
        "new",
        "first",
        "her",
        "his",
        "their",
        "my",
        "our",
        "your",
        "for",
        "to",
        "of",
        "in",
        "on",
        "at",
        "with",
        "and",
        "or",
        "who",
        "can",
        "could",
        "help",
        "helping",
        "looking",
        "look",
        "find",
        "finding",
        "need",
        "needs",
        "needed",
        "want",
        "wants",
        "i",
        "me",
        "we",
        "us",
        "she",
        "he",
        "they",
        "them",
        "it",
        "advice",
        "intro",
        "introduction",
        "introductions",
        "contact",
        "contacts",
        "person",
        "people",
    ]
)


@functools.lru_cache(maxsize=4096)  # the same companies, roles and needs come back in every user's rows
def key_words(text: str) -> frozenset[str]:
    """The words of a need or an offer that carry meaning, singular: 'feedback on her pitch decks' ->
    {'feedback', 'pitch', 'deck'}."""
    words = set()
    for word in text.lower().split():
        word = word.strip(".,!?;:()\"'#")
        if len(word) > 1 and word not in _FILLER:
            words.add(word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word)
    return frozenset(words)


CANDIDATES_PER_WORD = 12  # people considered for one word of a need: enough to find a fit, bounded however many


def intro_ideas(
    needing: Sequence[Mapping[str, Any]], capable: Sequence[Mapping[str, Any]], *, limit: int = 4
) -> list[IntroIdea]:
    """Pairs worth introducing because one has a need the other can meet (docs/coaching.md, "Gives").

    ``needing`` are the summary rows with needs, ``capable`` those saying what someone has or does (their "can"
    words). Only the words some need mentions are indexed, so the work follows the needs, not the network's size.
    Never two people at the same company (they know each other already), never a pair the user already
    introduced or asked about.
    """
    if not needing:
        return []
    words = needed_words(needing)
    index: dict[str, list[Mapping[str, Any]]] = {}
    for row in capable:
        for word in row["can"]:
            if word in words:
                found = index.setdefault(word, [])
                if len(found) < CANDIDATES_PER_WORD:
                    found.append(row)
    return intros_from(needing, index, limit=limit)


def needed_words(needing: Sequence[Mapping[str, Any]]) -> frozenset[str]:
    """The key words of everyone's needs: the only words whose candidates an intro can use."""
    return frozenset().union(*(key_words(need) for row in needing for need in row["needs"]))


def intros_from(
    needing: Sequence[Mapping[str, Any]], index: Mapping[str, list[Mapping[str, Any]]], *, limit: int = 4
) -> list[IntroIdea]:
    """``intro_ideas`` once the candidates are known: for each key word, the first ``CANDIDATES_PER_WORD`` people
    (in digest order) who have or do it."""
    ideas: list[IntroIdea] = []
    if not index:
        return ideas
    for row in needing:
        for need in row["needs"]:
            need_words = key_words(need)
            other = _best_match(row, need_words, index)
            if other is not None:
                ideas.append(IntroIdea(row["id"], other["id"], need, because(other, need_words)))
                if len(ideas) >= limit:
                    return ideas
                break  # one intro per person with a need is plenty for a morning
    return ideas


def _best_match(
    row: Mapping[str, Any], words: frozenset[str], index: Mapping[str, list[Mapping[str, Any]]]
) -> Mapping[str, Any] | None:
    hits: dict[str, int] = {}
    found: dict[str, Mapping[str, Any]] = {}
    company = row.get("company", "").lower()
    for word in words:
        for other in index.get(word, ()):
            if other["id"] == row["id"] or (company and other.get("company", "").lower() == company):
                continue
            if _already_know(row, other):
                continue
            hits[other["id"]] = hits.get(other["id"], 0) + 1
            found[other["id"]] = other
    if not hits:
        return None
    best = max(sorted(hits), key=lambda cid: (hits[cid], found[cid]["touches"]))
    return found[best]


def because(row: Mapping[str, Any], words: frozenset[str]) -> str:
    """Why this person fits a need with these key words, as a clause after their name: "is a lawyer", "can review
    pitch decks" (their offer, through the facts layer: never pasted as typed)."""
    role = row.get("role", "")
    if role and key_words(role) & words:
        return f"is {_article(role)} {role if role.isupper() else role.lower()}"
    for offer in row.get("offers", ()):
        if key_words(offer) & words:
            return offer_words(read_offer(offer), Person("them"))
    for tag in row.get("tags", ()):
        if key_words(tag) & words:
            tag = tidy(tag)
            return f"is {_article(tag)} {tag}" if is_role(tag.split()[-1]) else f"works in {tag}"
    return f"works at {row.get('company', '')}" if row.get("company") else "knows the field"


def _article(word: str) -> str:
    return article(word)


def offer_ideas(people: Iterable[Mapping[str, Any]], offers: Sequence[str], *, limit: int = 3) -> list[OfferIdea]:
    """Needs the user can meet with one of their own offers."""
    if not offers:
        return []
    offered = [(offer, key_words(offer)) for offer in offers]
    ideas: list[OfferIdea] = []
    for row in people:
        given = key_words(row["gives"]) if "gives" in row else frozenset()
        for need in row.get("needs", ()):
            words = key_words(need)
            if given and len(words & given) >= min(2, len(words)):
                continue  # a give already answered it ("/gave Oli notes on his pitch deck")
            for offer, offered_words in offered:
                if not words.isdisjoint(offered_words):
                    ideas.append(OfferIdea(row["id"], need, offer))
                    break
            else:
                continue
            break
        if len(ideas) >= limit:
            break
    return ideas


def _already_know(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """One introduced the other to the user, or the user already logged a give or an ask mentioning the other."""
    if a.get("introduced_by") == b["id"] or b.get("introduced_by") == a["id"]:
        return True
    return bool(
        ("gives" in a and b["first"] and b["first"].lower() in a["gives"])
        or ("gives" in b and a["first"] and a["first"].lower() in b["gives"])
    )
