"""The user's to-dos said without a verb of their own: a thing and its day ("counter-offer by 3/31", "abstract by nov
15", "forms for the school trip due by 16 oct") and the user's pledge ("I'm in for 25k").

Each is said back as an action (promises.py keeps promises as verb phrases): "send the counter-offer", "invest 25k".
A thing and its day is a to-do only as a clause of its own, its day said in full and nothing after it, and never
when the words before the day say who does what ("she needs 4 volunteers by friday" is hers).
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from bot.coach.reading.dates import day_at
from bot.coach.reading.spans import _NOT_INTEREST, _free
from bot.coach.reading.verbs import is_plain_verb, is_thing, plain_verb

MAX_THING_WORDS = 5


class Todo(NamedTuple):
    start: int
    end: int
    text: str  # "send the counter-offer"
    due_on: str  # ISO, or ""


_THING_BY_DAY = re.compile(
    r"(?:^|(?<=[,;:!?()\n])\s*|(?<!\bdr)(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bprof)(?<=\.)\s*|(?<=\s[-–—])\s*)"
    r"(?P<what>[a-z][\w'’-]*(?:\s+[\w'’-]+){0,4}?)\s+(?:(?:is\s+|are\s+)?due\s+(?:by\s+|before\s+|on\s+)?|by\s+|before\s+)",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(
    r"\s*(?:[,.;!?\n)]|$|\s[-–—]\s|[\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff])"
)
_NOT_THINGS = frozenset({"both", "all", "each", "everything", "anything", "something", "nothing", "one"})
_WANTING = frozenset({"want", "ask", "request", "expect", "expects", "expecting", "hope", "hopes", "hoping"})
_OWNED = frozenset({"my", "our", "the", "a", "an", "this", "that", "these", "those"})
_AMOUNT = r"(?P<amount>[$€£]?\s?\d[\d.,]*\s*(?:k|m|mm|million|thousand|grand)?)\b"
_MY_PLEDGE = re.compile(
    r"\b(?:I\s*(?:'m|’m|\s+am)\s+in\s+for|I\s+(?:committed|pledged)|I\s*(?:'ll|’ll|\s+will)\s+(?:invest|put\s+in))\s+"
    + _AMOUNT,
    re.IGNORECASE,
)


def todos(text: str, taken: list[tuple[int, int]], today: date | None) -> list[Todo]:
    """The to-dos of ``text`` that no other reading took (see the module's docstring)."""
    found: list[Todo] = []
    for m in _MY_PLEDGE.finditer(text):
        amount = " ".join(m.group("amount").split())
        found.append(Todo(m.start(), m.end(), f"invest {amount}", ""))
    if today is None:
        return found
    for m in _THING_BY_DAY.finditer(text):
        day = day_at(text, m.end(), today, "future")
        if day is None or day.day < today or not _CLAUSE_END.match(text, day.end):
            continue
        if not _free(taken, m.start("what"), day.end) or not _a_thing(m.group("what")):
            continue
        what = " ".join(m.group("what").split())
        said = what if what.split()[0].lower() in _OWNED else f"the {what}"
        found.append(Todo(m.start("what"), day.end, f"send {said}", day.day.isoformat()))
    return found


def _a_thing(what: str) -> bool:
    """ "counter-offer", "forms for the school trip": a thing; "she needs 4 volunteers", "apply" are not."""
    words = what.lower().split()
    if len(words) > MAX_THING_WORDS or any((w in _NOT_INTEREST and w not in _OWNED) or w in _WANTING for w in words):
        return False
    if any("'" in w or "’" in w or (plain_verb(w) and not is_thing(w)) for w in words[1:]):
        return False  # "he'll send the new lease by end of month": a clause of its own, read as a promise
    first = words[0]
    if first in _NOT_THINGS:
        return False  # "both by fri": the day of the promises before it (promises.py)
    if first.endswith("ing") and plain_verb(first):
        return False  # "sending the deck by fri": a promise, read as one
    return not is_plain_verb(first) or is_thing(first)  # "apply by oct 15" is a deed; "draft due 5/15" a thing
