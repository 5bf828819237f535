"""Dates and gaps in the words a person would use: "yesterday", "on Tuesday", "last week", "a few months".

Notes cite when things happened (principle 12: remember the details), and "met on 2024-03-12" reads like a
database, not a friend. Everything is relative to ``today``, which callers pass in: time is a parameter.
"""

from __future__ import annotations

from datetime import date

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
