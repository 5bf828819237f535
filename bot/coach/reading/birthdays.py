"""Birthdays as people say them: "bday 14/02", "birthday: March 3rd", "Emmanuel's bday is tomorrow", "bday
tomorrow (aug 19)", "call her on her birthday, it's the 28th", "turns 40 on march 3rd".

A birthday is kept as "MM-DD" (no year: nobody types one). A day said relative to today ("tomorrow", "friday", "the
28th") is read with ``today``, looking ahead unless the words look back ("was yesterday", "turned 40 on sunday").
A promise kept "on her birthday" is due on it, and so is a bare wish ("must wish her"): a happy birthday.
"""

from __future__ import annotations

import re
from datetime import date

from bot.coach.reading.dates import day_at
from bot.coach.reading.promises import PromiseItem

_BIRTHDAY_WORD = r"(?:b-?days?|b['’]day|birthday|bday|bd)"
_BIRTHDAY = re.compile(
    r"\b" + _BIRTHDAY_WORD + r"\b(?P<past>\s+was)?(?:\s+(?:is|falls|will\s+be))?(?:\s+(?:on|in))?"
    r"(?:\s*[,(:]\s*|\s*[-–—]\s*)?(?:(?:it['’]s|it\s+is|which\s+is)\s+(?:on\s+)?)?\s*"
    r"|\bturn(?:s|ing|ed)?\s+\d{1,3}\b(?:\s+(?:years?\s+old|yrs?|y/?o))?\s*(?:on\s+)?",
    re.IGNORECASE,
)
_ON_THEIR_BIRTHDAY = re.compile(r"\bon\s+(?:her|his|their|the)\s+" + _BIRTHDAY_WORD + r"\b", re.IGNORECASE)


def read_birthday(text: str, taken: list[tuple[int, int]], today: date | None = None) -> str:
    """The birthday ``text`` says, as "MM-DD", or "". Days said relative to today need ``today``."""
    for m in _BIRTHDAY.finditer(text):
        back = bool(m.group("past")) or m.group().lower().startswith("turned")
        day = day_at(text, m.end(), today, "past" if back else "future") if today is not None else None
        if day is None:  # no today, or a day this year has not ("feb 29"): only a day that names its month
            day = day_at(text, m.end(), _LEAP_YEAR, "future")
            if day is not None and not _says_the_month(text[m.end() : day.end]):
                day = None
        if day is None or _VAGUE.search(text, m.end(), day.end):
            continue
        taken.append((m.start(), day.end))
        return f"{day.day.month:02d}-{day.day.day:02d}"
    return ""


_LEAP_YEAR = date(2000, 1, 1)
_MONTH_SAID = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,4}\s*[/.-]\s*\d", re.I)
_RELATIVE = re.compile(r"today|tomorrow|tmrw|tonight|yesterday|mon|tue|wed|thu|fri|sat|sun|next|last|this", re.I)
# "her birthday was last week", "bday in 2 weeks": near, but not a day to keep
_VAGUE = re.compile(r"\b(?:weeks?|wks?|months?|mos?|years?|yrs?|weekend|ago)\b", re.IGNORECASE)


def _says_the_month(words: str) -> bool:
    """ "march 3rd", "14/02": the day stands on its own; "tomorrow" or "friday" needs today."""
    return bool(_MONTH_SAID.search(words)) and not _RELATIVE.search(words)


def on_the_birthday(promises: list[PromiseItem], birthday: str, today: date | None) -> list[PromiseItem]:
    """A promise kept "on her birthday" with no day of its own is due on the birthday, the next one to come."""
    if not birthday or today is None:
        return promises
    month, day = (int(x) for x in birthday.split("-"))
    due = _next(today, month, day)
    kept: list[PromiseItem] = []
    for p in promises:
        wish = _WISH.match(p.text)
        if wish:  # "bday falls on 5th Oct ... must wish her": a happy birthday, that day
            p = p._replace(text=f"wish {wish.group('who')} a happy birthday")
        if due and not p.due_on and (wish or _ON_THEIR_BIRTHDAY.search(p.text)):
            p = p._replace(due_on=due.isoformat())
        kept.append(p)
    return kept


# A wish said bare on a line that names a birthday: "must wish her", "wish him hbd", "wish them a happy bday".
_WISH = re.compile(
    r"^wish\s+(?P<who>her|him|them|[A-Z][\w'’-]*)(?:\s+(?:a\s+)?(?:happy\s+|hbd\b|many\s+happy\s+returns\b)?"
    + _BIRTHDAY_WORD
    + r"?)?$",
    re.IGNORECASE,
)


def _next(today: date, month: int, day: int) -> date | None:
    for year in (today.year, today.year + 1, today.year + 4):  # 29 February comes back in a leap year
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found >= today:
            return found
    return None


def names_a_birthday(text: str) -> bool:
    """True when ``text`` speaks of a birthday: a day said right after it ("bday tomorrow, (aug 19)") is its day."""
    return bool(re.search(r"\b" + _BIRTHDAY_WORD + r"\b|\bturn(?:s|ing)\s+\d", text, re.IGNORECASE))
