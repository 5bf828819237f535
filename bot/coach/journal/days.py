"""When the morning nudge fires: once per local day, at the time the user chose, in their zone.

The user thinks in wall-clock time ("8:00 where I live"); the scheduler thinks in UTC instants. Daylight
saving is where the two disagree, and the rule here is simple to say: exactly one nudge every local day.
- A time that does not exist that day (02:30 when clocks jump 02:00 -> 03:00) fires at the same instant as
  the wall clock shifted forward by the gap (03:30), rather than being skipped (or back, in the rare zone
  whose gap sits at midnight, so the nudge stays on its own day).
- A time that happens twice (01:30 when clocks fall back) fires only at its first occurrence.
Both fall out of PEP 495's fold=0 reading of a local time, which is what datetime/zoneinfo do by default.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

_CLOCK = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|a|p)?$")


def parse_morning_time(text: str) -> time | None:
    """The time the user typed: "08:00", "8:30", "7", "7am", "7:15 pm", "19:05"; None if unreadable."""
    cleaned = " ".join(text.strip().lower().split())
    if cleaned == "noon":
        return time(12, 0)
    match = _CLOCK.match(cleaned)
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2] or 0)
    meridiem = match[3]
    if minute > 59:
        return None
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        # 12am is midnight and 12pm is noon; every other hour adds 12 in the afternoon.
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    elif hour > 23:
        return None
    return time(hour, minute)


def local_day(now: datetime, tz: str) -> date:
    """The user's calendar date at the instant ``now`` (an aware datetime)."""
    return _aware(now).astimezone(ZoneInfo(tz)).date()


def morning_of(day: date, tz: str, at: time) -> datetime:
    """The one instant (aware, UTC) the nudge fires on local ``day``.

    fold=0 picks the first of a repeated time, and for a skipped time applies the offset from before the jump,
    which lands exactly the gap's length later on the new wall clock (02:30 CET == 03:30 CEST).
    """
    zone = ZoneInfo(tz)
    wall = datetime.combine(day, at.replace(tzinfo=None, fold=0), tzinfo=zone)
    fire = wall.astimezone(UTC)
    if fire.astimezone(zone).date() != day:
        # A gap at local midnight (America/Nuuk jumps 23:00 -> 00:00) would push a late skipped time into
        # tomorrow, leaving today without a nudge and tomorrow with two; shift back by the gap instead.
        fire = wall.replace(fold=1).astimezone(UTC)
    return fire


def next_morning(after: datetime, tz: str, at: time) -> datetime:
    """The first fire strictly after ``after``, as an aware UTC datetime."""
    after = _aware(after)
    today = local_day(after, tz)
    # Yesterday's and tomorrow's neighbours cover a fire that a DST shift nudged across local midnight.
    for offset in (-1, 0, 1, 2):
        fire = morning_of(today + timedelta(days=offset), tz, at)
        if fire > after:
            return fire
    raise AssertionError("unreachable: some fire within two days is always later")  # pragma: no cover


def last_morning(before: datetime, tz: str, at: time) -> datetime:
    """The latest fire at or before ``before`` (aware UTC): what a restarted bot may still owe the user."""
    before = _aware(before)
    today = local_day(before, tz)
    for offset in (1, 0, -1, -2):
        fire = morning_of(today + timedelta(days=offset), tz, at)
        if fire <= before:
            return fire
    raise AssertionError("unreachable: some fire within two days is always earlier")  # pragma: no cover


def _aware(moment: datetime) -> datetime:
    # A naive datetime has no instant; guessing (local server time? UTC?) would shift every nudge silently.
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"expected an aware datetime, got naive {moment!r}")
    return moment
