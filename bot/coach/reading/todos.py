"""The user's to-dos said without a verb of their own: a thing and its day ("counter-offer by 3/31", "abstract by nov
15", "forms for the school trip due by 16 oct"), a note for an occasion ("thank-you email to him, tmrw", "congrats
msg for her") and the user's pledge ("I'm in for 25k").

Each is said back as an action (promises.py keeps promises as verb phrases): "send the counter-offer", "invest 25k".
A thing and its day is a to-do only as a clause of its own, its day said in full and nothing after it, and never
when the words before the day say who does what ("she needs 4 volunteers by friday" is hers).
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from bot.coach.reading.dates import day_at, find_day
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
_SOMEONE = frozenset({"she", "he", "they", "we", "i", "shes", "hes", "theyll", "shell", "hell", "you", "u"})
_WANTING = frozenset({"want", "ask", "request", "expect", "expects", "expecting", "hope", "hopes", "hoping"})
_OWNED = frozenset({"my", "our", "the", "a", "an", "this", "that", "these", "those"})
_AMOUNT = r"(?P<amount>[$€£]?\s?\d[\d.,]*\s*(?:k|m|mm|million|thousand|grand)?)\b"
_MY_PLEDGE = re.compile(
    r"\b(?:I\s*(?:'m|’m|\s+am)\s+in\s+for|I\s+(?:committed|pledged)|I\s*(?:'ll|’ll|\s+will)\s+(?:invest|put\s+in))\s+"
    + _AMOUNT,
    re.IGNORECASE,
)


# A note for an occasion, said as a heading: "thank-you email to him for the invite, tmrw", "congrats msg for her".
_OCCASIONS = {
    "thank-you": "thank-you", "thank you": "thank-you", "thankyou": "thank-you", "thanks": "thank-you",
    "thx": "thank-you", "ty": "thank-you", "congrats": "congrats", "congratulations": "congratulations",
    "bday": "birthday", "b-day": "birthday", "birthday": "birthday", "welcome": "welcome", "get-well": "get-well",
    "get well": "get-well", "condolence": "condolence", "sympathy": "sympathy", "farewell": "farewell",
}  # fmt: skip
_NOTES = {"note": "note", "email": "email", "e-mail": "email", "msg": "message", "message": "message", "card": "card",
          "text": "text", "letter": "letter", "dm": "DM", "gift": "gift"}  # fmt: skip
_OCCASION_NOTE = (
    r"(?:^|(?<=[,;:!?()\n])\s*|(?<=\.)\s+|(?<=\s[-–—])\s*)(?:an?\s+)?(?P<occasion>"
    + "|".join(sorted((re.escape(o) for o in _OCCASIONS), key=len, reverse=True))
    + r")\s+(?P<note>" + "|".join(re.escape(n) for n in _NOTES) + r")\s+(?:to|for)"
)
_NOTE_TO = re.compile(
    _OCCASION_NOTE + r"\s+(?P<to>her|him|them|(?-i:[A-Z][\w'’.-]*)(?:\s+(?-i:[A-Z][\w'’-]*))?)(?P<rest>[^,;!?\n]*)",
    re.IGNORECASE,
)
_NOTE_RUNS_ON = re.compile(_OCCASION_NOTE + r"$", re.IGNORECASE)


def note_runs_on(text: str) -> bool:
    """True for "thank-you email to": the name typed next is who it is for."""
    return bool(_NOTE_RUNS_ON.search(text.rstrip()))


def todos(text: str, taken: list[tuple[int, int]], today: date | None) -> list[Todo]:
    """The to-dos of ``text`` that no other reading took (see the module's docstring)."""
    found: list[Todo] = []
    for m in _NOTE_TO.finditer(text):
        if not _free(taken, m.start("occasion"), m.end()):
            continue
        rest = m.group("rest")
        day = find_day(rest, today, prefer="future") if today is not None else None
        if day is None and today is not None:  # "..., tmrw morning": the day said in the next breath
            after = re.match(r"\s*[,;]\s*", text[m.end() :])
            day = day_at(text, m.end() + after.end(), today, "future") if after else None
            day = day if day is not None and _CLAUSE_END.match(text, day.end) else None
            rest_day = None
        else:
            rest_day = day
        if rest_day is not None:
            rest = re.sub(r"\s*\b(?:by|on|before|until|till|in)\s*$", "", rest[: rest_day.start], flags=re.IGNORECASE)
        occasion, note = _OCCASIONS[m.group("occasion").lower()], _NOTES[m.group("note").lower()]
        said = " ".join(f"send {m.group('to')} a {occasion} {note} {rest}".split()).rstrip(" .")
        found.append(Todo(m.start("occasion"), m.end(), said, day.day.isoformat() if day else ""))
        taken.append((m.start("occasion"), m.end()))
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
    if first in _SOMEONE or re.search(r"['’](?:ll|d|re|ve)$", first):
        return False  # "she'll email holds by wed": someone else's word, read as theirs (promises.py)
    if first in _NOT_THINGS:
        return False  # "both by fri": the day of the promises before it (promises.py)
    if first.endswith("ing") and plain_verb(first):
        return False  # "sending the deck by fri": a promise, read as one
    return not is_plain_verb(first) or is_thing(first)  # "apply by oct 15" is a deed; "draft due 5/15" a thing
