"""Dates and gaps in the words a person would use: "yesterday", "on Tuesday", "last week", "a few months".

Notes cite when things happened (principle 12: remember the details), and "met on 2024-03-12" reads like a
database, not a friend. Everything is relative to ``today``, which callers pass in: time is a parameter.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import NamedTuple

# Upper bounds (exclusive, in days) for how long a gap feels.
# Rough on purpose: "a few months" is what people say.
_GAPS: tuple[tuple[int, str], ...] = (
    (7, "a few days"),
    (14, "a week or so"),
    (25, "a few weeks"),
    (45, "about a month"),
    (75, "a couple of months"),
    (150, "a few months"),
    (270, "about half a year"),
    (420, "about a year"),
    (730, "over a year"),
    (1095, "a couple of years"),
)

# Spelled out rather than strftime("%A"), which follows the process locale; notes are written in English.
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Beyond this many days a bare month name ("in March") could be last year's or this year's: name the year.
_NAME_YEAR_AFTER_DAYS = 183


def when_in_words(day: date, today: date) -> str:
    """When ``day`` was (or will be) as a short phrase that fits after a verb: "we met {when}".

    Past: "today", "yesterday", "on Tuesday" (within a week), "last week", "earlier this month", "in March",
    "in March 2023". Future: "tomorrow", "on Friday", "next week", "later this month", "in April".
    """
    days = (today - day).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days == -1:
        return "tomorrow"
    if 2 <= abs(days) <= 6:
        return f"on {_WEEKDAYS[day.weekday()]}"
    if 7 <= abs(days) <= 13:
        return "last week" if days > 0 else "next week"
    if (day.year, day.month) == (today.year, today.month):
        return "earlier this month" if days > 0 else "later this month"
    if day.year != today.year and abs(days) > _NAME_YEAR_AFTER_DAYS:
        return f"in {_MONTHS[day.month - 1]} {day.year}"
    return f"in {_MONTHS[day.month - 1]}"


def how_long(since: date, today: date) -> str:
    """How long it has been since ``since``, as in "it's been {how_long}": "a few weeks", "about a year"."""
    days = max((today - since).days, 0)
    for limit, words in _GAPS:
        if days < limit:
            return words
    return "years"


# --- reading dates people type ---------------------------------------------------------------------------------
#
# "yday", "last sat", "on the 3rd", "2 months ago", "by friday", "in feb", "12/24": phone shorthand that a general
# date library reads poorly or slowly. One regular expression finds the phrase; a small resolver turns it into a
# day relative to ``today``. ``prefer`` says which way a bare "friday" or "the 3rd" points: meetings lie in the past
# ("met Ann on friday"), deadlines in the future ("send it by friday"). Words that carry their own direction
# ("tmrw", "next week", "ago") win over the preference.

_WEEKDAY_NUMBERS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "weds": 2, "wednesday": 2, "thu": 3,
    "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}  # fmt: skip
_MONTH_NUMBERS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5, "jun": 6,
    "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple": 2, "few": 3, "several": 3,
}  # fmt: skip

_WD = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|saturday"
    r"|(?:(?<=last\s)|(?<=past\s)|(?<=this\s)|(?<=next\s)|(?<=coming\s)|(?<=on\s)|(?<=by\s))sat"
    r"|sat(?!\s+(?:next|nxt|with|w/|w\b|down|in\b|on\b|beside|at\b|by\b|behind|opposite|together|there|across))"
    r"|sun(?:day)?)"
)
_MO = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORD = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_COUNT = (
    r"(?P<count>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few|several)"
)
_UNIT = r"(?P<unit>days?|weeks?|wks?|months?|mos?|years?|yrs?)"
_NOT_A_UNIT = r"(?!\s*(?:days?|weeks?|wks?|months?|years?|yrs?|hours?|mins?|am|pm|k\b|%))"

DATE_PHRASE = re.compile(
    r"(?<![\w/])(?:"
    r"(?P<before>the\s+day\s+before\s+yesterday)"
    r"|(?P<after>the\s+day\s+after\s+(?:tomorrow|tmrw|tmr))"
    r"|(?P<today>(?:earlier\s+|later\s+)?today|tonight|tonite|this\s+(?:morning|afternoon|evening|am|pm)|asap\s+today"
    rf"|(?:eod|eob|cob|close\s+of\s+business)(?!\s+(?:on\s+)?{_WD}\b))"
    r"|(?P<yesterday>yesterday|yday|yest|ystrdy|yesterdy|last\s+(?:night|nite))(?:\s+(?:morning|afternoon|evening|night|am|pm))?"
    r"|(?P<tomorrow>tomorrow|tomorow|tmrw|tmrrw|tmr|tmw|2moro|2morrow)(?:\s+(?:morning|afternoon|evening|night|am|pm))?"
    rf"|(?P<in>in\s+)?{_COUNT}\s+{_UNIT}(?(in)|\s+(?P<ago>ago|back))"
    rf"|(?P<edge>(?:the\s+)?end\s+of\s+(?:the\s+)?(?:(?P<edge_rel>this|next|nxt|coming|following)\s+)?"
    rf"(?P<edge_of>week|wk|month|mo|day)|eow|eom)(?!\s+(?:on\s+)?{_WD}\b)"
    rf"|(?:the\s+)?end\s+of\s+(?P<edge_month>{_MO})\b"
    r"|(?P<rel>last|past|this|next|nxt|coming|(?:(?<=\bon\s)|(?<=\bby\s)|(?<=\bover\s))the(?=\s+(?:weekend|wknd)\b))"
    r"\s+(?P<rel_unit>week(?:end)?|wknd|wkend|w/e|wk|month|mo|year|yr)\b"  # "on the weekend": this one
    rf"|(?:the\s+)?(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th|last)\s+(?P<nth_wd>{_WD})\s+(?:of|in)\s+(?P<nth_m>{_MO})\b"
    rf"|(?:(?:eod|eob|cob|close\s+of\s+business|(?:the\s+)?end\s+of\s+(?:the\s+)?day)\s+(?:on\s+)?)?"
    rf"(?:(?P<wd_rel>last|past|this|next|nxt|coming)\s+)?(?P<wd>{_WD})\b\.?(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:the\s+)?{_ORD.format('d1')}\s+(?:of\s+)?(?P<m1>{_MO})\b\.?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MO})\.?\s+(?:the\s+)?{_ORD.format('d2')}\b{_NOT_A_UNIT}(?:,?\s+(?P<y2>\d{{4}}))?"
    r"|(?P<iso>\d{4}-\d{1,2}-\d{1,2})"
    r"|(?P<slash>[0-3]?\d/[0-3]?\d(?:/(?:\d{4}|\d{2}))?)(?![\d/])"
    rf"|(?P<mo_rel>last|next|nxt|this)\s+(?P<m3>{_MO})\b"
    rf"|(?:(?:back\s+)?in|since|during|by|before|until|till)\s+(?P<m4>{_MO})\b(?!\.?\s+\d)(?:\s+(?P<y4>\d{{4}}))?"
    rf"|the\s+{_ORD.format('d5')}\b(?![:.]\d)"
    r"|(?:(?<=by\s)|(?<=on\s)|(?<=before\s)|(?<=until\s)|(?<=till\s))(?P<d6>[0-3]?\d)(?:st|nd|rd|th)?\b"
    r"(?!\s+(?-i:[A-Z])[a-z])"  # "Jenkins Auto Body on 7 Mile": a road, no day
    r"(?![/.:]\d|\s*(?:%|k\b|am\b|pm\b|units?\b|ppl\b|people\b|min|hours?|days?|weeks?|months?|years?|ave|st\b"
    r"|street|floor|fl\b|place|row|road|rd\b))"
    r"|day\s+(?P<d7>[0-3]?\d)\b(?![/.:]\d|\s*(?:of|in|at|and|to|or)\b)"
    r")(?![\w'’])",
    re.IGNORECASE,
)


class DayPhrase(NamedTuple):
    """A date phrase found in a line: where it is, and the day it means."""

    start: int
    end: int
    day: date


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_day(month: int, day: int, year: int | None, today: date, prefer: str) -> date | None:
    if year is not None:
        return _safe(year, month, day)
    found = _safe(today.year, month, day)
    if found is None:
        return None
    if prefer == "past" and found > today:
        return _safe(today.year - 1, month, day)
    if prefer == "future" and found < today:
        return _safe(today.year + 1, month, day)
    return found


def _count(text: str) -> int:
    words = text.lower().split()
    return int(words[0]) if words[0].isdigit() else _COUNT_WORDS.get(words[-1] if words[-1] != "of" else words[-2], 1)


def _shift(today: date, n: int, unit: str) -> date:
    unit = unit.lower()
    if unit.startswith("d"):
        return today + timedelta(days=n)
    if unit.startswith("w"):
        return today + timedelta(weeks=n)
    if unit.startswith("m"):
        return _add_months(today, n)
    return _add_months(today, 12 * n)


def _resolve(m: re.Match[str], today: date, prefer: str) -> date | None:
    g = m.group
    if g("today"):
        return today
    if g("yesterday"):
        return today - timedelta(days=1)
    if g("tomorrow"):
        return today + timedelta(days=1)
    if g("before"):
        return today - timedelta(days=2)
    if g("after"):
        return today + timedelta(days=2)
    if g("count"):
        n = _count(g("count"))
        return _shift(today, -n if g("ago") else n, g("unit"))
    if g("edge"):
        edge = (g("edge_of") or g("edge")).lower()
        later = (g("edge_rel") or "").lower() not in ("", "this")  # "end of next week": that week's Friday
        if edge in ("week", "wk", "eow"):
            return today + timedelta(days=(4 - today.weekday()) % 7 + (7 if later else 0))
        if edge in ("month", "mo", "eom"):
            start = (today.replace(day=28) + timedelta(days=4)).replace(day=1) if later else today.replace(day=1)
            return start.replace(day=calendar.monthrange(start.year, start.month)[1])
        return today
    if g("rel"):
        rel = g("rel").lower().replace("nxt", "next")
        unit = {"wk": "week", "mo": "month", "yr": "year", "wknd": "weekend", "wkend": "weekend", "w/e": "weekend"}.get(
            g("rel_unit").lower(), g("rel_unit").lower()
        )
        step = -1 if rel in ("last", "past") else (1 if rel in ("next", "coming") else 0)
        if unit == "weekend":
            saturday = today + timedelta(days=(5 - today.weekday()) % 7)
            if rel == "the" and prefer == "past":  # "saw her over the weekend": the one just gone
                return saturday - timedelta(days=7) if saturday > today else saturday
            if step < 0:
                return saturday - timedelta(days=7) if saturday >= today else saturday
            return saturday + timedelta(days=7 * step) if saturday < today else saturday
        if unit == "week":
            if step < 0:
                return today - timedelta(days=7)
            if step > 0:
                return today + timedelta(days=7 - today.weekday())  # next Monday
            return today
        if unit == "month":
            if step > 0:
                return _add_months(today.replace(day=1), 1)
            return _add_months(today, step)
        return _add_months(today, 12 * step)
    if g("nth"):
        return _nth_weekday(g("nth").lower(), g("nth_wd"), g("nth_m"), today, prefer)
    if g("d7"):  # "I send it day 20", as people say it in Spanish or Portuguese: a day of the month, said ahead
        return _day_of_month(int(g("d7")), today, "future") if prefer == "future" else None
    if g("wd"):
        target = _WEEKDAY_NUMBERS[g("wd").lower().rstrip(".")]
        rel = (g("wd_rel") or "").lower().replace("nxt", "next")
        back = (today.weekday() - target) % 7
        ahead = (target - today.weekday()) % 7
        if rel in ("last", "past"):
            return today - timedelta(days=back or 7)
        if rel in ("next", "coming"):
            return today + timedelta(days=ahead or 7)
        if rel == "this":
            return today + timedelta(days=ahead) if prefer == "future" else today - timedelta(days=back)
        # A bare "Sunday" said on a Sunday is the one before (else the user would say "today").
        return today - timedelta(days=back or 7) if prefer == "past" else today + timedelta(days=ahead)
    for d_key, m_key, y_key in (("d1", "m1", "y1"), ("d2", "m2", "y2")):
        if g(m_key):
            year = int(g(y_key)) if g(y_key) else None
            month = _MONTH_NUMBERS[g(m_key).lower().rstrip(".")[:3]]
            return _month_day(month, int(g(d_key)), year, today, prefer)
    if g("iso"):
        y, mo, d = (int(x) for x in g("iso").split("-"))
        return _safe(y, mo, d)
    if g("slash"):
        parts = [int(x) for x in g("slash").split("/")]
        first, second = parts[0], parts[1]
        month, day = (second, first) if first > 12 else (first, second)
        year = None
        if len(parts) == 3:
            year = parts[2] + (2000 if parts[2] < 100 else 0)
        if not (1 <= month <= 12):
            return None
        return _month_day(month, day, year, today, prefer)
    if g("m3"):
        month = _MONTH_NUMBERS[g("m3").lower()[:3]]
        rel = g("mo_rel").lower().replace("nxt", "next")
        year = today.year + (1 if rel == "next" and month <= today.month else 0)
        if rel == "last" and month >= today.month:
            year -= 1
        return date(year, month, 1)
    if g("m4"):
        month = _MONTH_NUMBERS[g("m4").lower()[:3]]
        if g("y4"):
            return date(int(g("y4")), month, 1)
        year = today.year
        if prefer == "past" and month > today.month:
            year -= 1
        if prefer == "future" and month < today.month:
            year += 1
        return date(year, month, 1)
    if g("edge_month"):
        month = _MONTH_NUMBERS[g("edge_month").lower()[:3]]
        year = today.year + (1 if prefer == "future" and month < today.month else 0)
        return date(year, month, calendar.monthrange(year, month)[1])
    if g("d5") or g("d6"):
        return _day_of_month(int(g("d5") or g("d6")), today, prefer)
    return None


def _day_of_month(day: int, today: date, prefer: str) -> date | None:
    """ "the 20th": this month's, or the month before or after when that way points past it."""
    if not 1 <= day <= 31:
        return None
    found = _safe(today.year, today.month, day)
    if prefer == "past" and (found is None or found > today):
        prev = _add_months(today.replace(day=1), -1)
        return _safe(prev.year, prev.month, day)
    if prefer == "future" and (found is None or found < today):
        nxt = _add_months(today.replace(day=1), 1)
        return _safe(nxt.year, nxt.month, day)
    return found


_NTH = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}


def _nth_weekday(nth: str, weekday: str, month_name: str, today: date, prefer: str) -> date | None:
    """ "the first Thursday of July", "last friday of march": that day of the month, in the year the way points."""
    month = _MONTH_NUMBERS[month_name.lower().rstrip(".")[:3]]
    target = _WEEKDAY_NUMBERS[weekday.lower().rstrip(".")]

    def in_year(year: int) -> date:
        if nth == "last":
            end = date(year, month, calendar.monthrange(year, month)[1])
            return end - timedelta(days=(end.weekday() - target) % 7)
        first = date(year, month, 1)
        return first + timedelta(days=(target - first.weekday()) % 7 + 7 * _NTH[nth])

    found = in_year(today.year)
    if found.month != month:  # no fifth one
        return None
    if prefer == "future" and found < today:
        return in_year(today.year + 1)
    if prefer == "past" and found > today:
        return in_year(today.year - 1)
    return found


def still_to_come(day: date, today: date) -> bool:
    """A day read as past only by going back a year, that is a few months ahead this year: "the Kim/Patel wedding
    (6/13)" said on 5/26 is an event to come, not when they met in 2025."""
    ahead = _safe(today.year, day.month, day.day)
    return day.year < today.year and ahead is not None and 0 < (ahead - today).days <= 120


def find_day(text: str, today: date, prefer: str = "past", start: int = 0, end: int | None = None) -> DayPhrase | None:
    """The first date phrase in ``text[start:end]`` and the day it means, or None."""
    for m in DATE_PHRASE.finditer(text, start, len(text) if end is None else end):
        day = _resolve(m, today, prefer)
        if day is not None:
            return DayPhrase(m.start(), m.end(), day)
    return None


def day_at(text: str, pos: int, today: date, prefer: str = "past") -> DayPhrase | None:
    """The date phrase that starts exactly at ``pos`` (after optional "on"), or None."""
    m = _ON.match(text, pos)
    at = m.end() if m else pos
    found = DATE_PHRASE.match(text, at)
    if not found:
        return None
    day = _resolve(found, today, prefer)
    return DayPhrase(pos, found.end(), day) if day is not None else None


_ON = re.compile(r"(?:on|from|since|by|before|until|til|till)\s+", re.IGNORECASE)


def birthday_in_words(birthday: str) -> str:
    """ "05-03" -> "3 May"; "" (or anything else) -> ""."""
    try:
        month, day = (int(x) for x in birthday.split("-"))
        return f"{day} {_MONTHS[month - 1]}"
    except (ValueError, IndexError):
        return ""
