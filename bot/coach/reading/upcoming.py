"""A meeting still to come, in the user's words: "lunch with Carla tmrw", "coffee w/ Sam friday 10am",
"/meet Carla friday 12:30". Who, what kind of meeting, which day, and the time when one is said.

Prepare, then debrief (principle 17): a saved meeting brings a brief on its morning and "how did it go?" the day
after (docs/coaching.md, "The meeting loop").
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from bot.coach.errors import NotUnderstood
from bot.coach.reading.dates import find_day

MEET_HINT = "Try: /meet Carla friday 12:30 - or just: lunch with Carla tmrw"
_KINDS = r"lunch|coffee|breakfast|brunch|dinner|drinks|beers?|call|zoom|meeting|catch[\s-]?up|chat|walk|tea"
_PLAN = re.compile(
    r"^\s*(?:(?:having|have|got|grabbing|grab|booked|planned|set\s+up)\s+)?(?:a\s+|an\s+)?(?P<what>" + _KINDS + r")"
    r"\s+(?:with|w/|w)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\b(?:at\s+|@\s*)?(?:(?P<h>[01]?\d|2[0-3])[:.h](?P<m>[0-5]\d)\s*(?P<ap1>am|pm)?"
    r"|(?P<h2>1[0-2]|0?[1-9])\s*(?P<ap2>am|pm))\b",
    re.IGNORECASE,
)
_KIND_WORD = re.compile(r"\b(?P<what>" + _KINDS + r")\b", re.IGNORECASE)
_CONNECTORS = re.compile(
    r"^(?:on|at|this|next|for|,|-|\s)+|(?:\s|,|-|\bon|\bat|\bthis|\bfor|\bfor\s+a)+$", re.IGNORECASE
)
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}$")


class Upcoming(NamedTuple):
    name: str  # as typed: the handler resolves it ("which Carla?")
    what: str  # "lunch", "coffee", "meeting"
    day: date
    at: str = ""  # "12:30" (24 hours), or ""

    @property
    def text(self) -> str:
        """As kept on the open item: "lunch 12:30"."""
        return f"{self.what} {self.at}".strip()


def read_plan(text: str, today: date) -> Upcoming | None:
    """ "lunch with Carla tmrw" -> a meeting still to come with Carla; None when the line is not one (no meeting word,
    no day, a day already past, or no name that looks like one)."""
    m = _PLAN.match(" ".join(text.split()))
    if m is None:
        return None
    rest = m.group("rest")
    found = find_day(rest, today, prefer="future")
    if found is None or found.day < today:
        return None
    name = _CONNECTORS.sub("", rest[: found.start]).strip()
    if not _NAME.match(name):
        return None
    return Upcoming(name, _kind(m.group("what")), found.day, _time(rest))


def read_meet(body: str, today: date) -> Upcoming:
    """ "/meet Carla friday 12:30", "/meet Carla Diaz lunch tomorrow 1pm": who, when and what; NotUnderstood with
    an example otherwise."""
    body = " ".join(body.split())
    planned = read_plan(body, today)
    if planned is not None:
        return planned
    found = find_day(body, today, prefer="future")
    if found is None:
        raise NotUnderstood(MEET_HINT)
    if found.day < today:
        raise NotUnderstood(f"That day has passed. {MEET_HINT}")
    before, after = body[: found.start], body[found.end :]
    kind = _KIND_WORD.search(before) or _KIND_WORD.search(after)
    name = _CONNECTORS.sub("", _KIND_WORD.sub("", before)).strip(" ,:")
    name = re.sub(r"\s+(?:with|w/)$|^(?:with|w/)\s+", "", name, flags=re.IGNORECASE).strip()
    if not name:
        raise NotUnderstood(MEET_HINT)
    return Upcoming(name, _kind(kind.group("what")) if kind else "meeting", found.day, _time(after or body))


def _kind(word: str) -> str:
    low = re.sub(r"[\s-]+", "", word.lower())
    return {"beer": "drinks", "beers": "drinks", "catchup": "catch-up", "zoom": "call"}.get(low, low)


def _time(text: str) -> str:
    m = _TIME.search(text)
    if m is None:
        return ""
    if m.group("h") is not None:
        hour, minute, ap = int(m.group("h")), int(m.group("m")), m.group("ap1")
    else:
        hour, minute, ap = int(m.group("h2")), 0, m.group("ap2")
    if ap and ap.lower() == "pm" and hour < 12:
        hour += 12
    elif ap and ap.lower() == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"
