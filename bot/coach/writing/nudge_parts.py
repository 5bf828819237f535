"""The pieces every nudge writer shares: the digest rows it reads, a nudge made from a candidate, a stored day
read back, and the few phrases several kinds say (a debt, their promise, a win, an interest)."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from datetime import date

from bot.coach.planning.give import share_interest
from bot.coach.planning.nudges import Nudge
from bot.coach.planning.rules import Due
from bot.coach.planning.summary import OpenItem, Row
from bot.coach.reading.facts import NEWS_KINDS
from bot.coach.reading.slots import read_interest
from bot.coach.saying.debts import debt_words
from bot.coach.saying.grammar import Person
from bot.coach.saying.known import known
from bot.coach.saying.phrases import congrats_on, topic
from bot.store.records import Contact

Rows = Mapping[str, Row]


def make_nudge(due: Due, contact_id: str, reason: str, action: str, draft_kind: str | None, **more: object) -> Nudge:
    return Nudge(
        key=due.key,
        kind=due.kind,
        contact_id=contact_id,
        reason=reason,
        action=action,
        draft_kind=draft_kind,
        score=due.score,
        **more,  # type: ignore[arg-type]
    )


def day_of(iso_day: str, today: date) -> date:
    try:
        return date.fromisoformat(iso_day[:10])
    except (TypeError, ValueError):
        return today


def interest_of(row: Row, today: date) -> str:
    """The interest to name today, as the facts layer says it ("AI", never "ai stuff"); "" when none."""
    interest = share_interest(row.get("interests", ()), today)
    return topic(read_interest(interest)) if interest else ""


def said_of(row: Row, item: OpenItem) -> str:
    """An open item's words (facts.debt_words), as its summary row keeps them; worked out here for a row that does
    not have them."""
    said = item.get("said")
    if said is None:
        said = debt_words(item["kind"], row["first"], item["text"], bool(item.get("due_on")))
    return said


def yours(text: str) -> str:
    """Their promise as the user typed it ("intro me to her CRO"), said to the user ("intro you to her CRO")."""
    said = _MINE.sub(lambda m: _YOURS[m.group(0).lower()], text)
    return _TO_WHOM.sub(r"\1 you ", said, count=1)  # "intro to VCs" -> "intro you to VCs"


@functools.lru_cache(maxsize=1024)  # a win stays on the card for days: read once, not every morning
def win_in_words(first: str, win: str) -> str:
    """What to congratulate someone on, through the shared facts layer: "launching her own ceramics studio",
    "their promotion to VP", "the new job at Globex"; "" when the card's text does not read as news. The card's text
    (the user's own shorthand) is never quoted."""
    contact = Contact(id="", name=first, wins=[win])
    fact = known(contact, (), (), (), date.max).latest(*NEWS_KINDS)
    if fact is None or fact.slots.get("event") == "news":  # news in words no rule reads: said without quoting it
        return ""
    return congrats_on(fact, Person(first, fact.slots.get("pronoun", "they")))


_MINE = re.compile(r"\b(?:me|my|mine|I|myself)\b", re.IGNORECASE)


_TO_WHOM = re.compile(r"^(intro(?:duce)?|refer|connect|put)\s+(?!you\b|me\b|us\b)", re.IGNORECASE)


_YOURS = {"me": "you", "my": "your", "mine": "yours", "i": "you", "myself": "yourself"}
