"""When the morning nudge fires: one per local day, at the chosen wall-clock time, DST included."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.coach.journal.days import last_morning, local_day, morning_of, next_morning, parse_morning_time


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08:00", time(8, 0)),
        ("8:30", time(8, 30)),
        ("7", time(7, 0)),
        ("07", time(7, 0)),
        ("7am", time(7, 0)),
        ("7 AM", time(7, 0)),
        ("7 a.m.", time(7, 0)),
        ("7:15 pm", time(19, 15)),
        ("7:15PM", time(19, 15)),
        ("19:05", time(19, 5)),
        ("7.30", time(7, 30)),
        ("0:00", time(0, 0)),
        ("12am", time(0, 0)),
        ("12:30 am", time(0, 30)),
        ("12pm", time(12, 0)),
        ("noon", time(12, 0)),
        ("  9:45  ", time(9, 45)),
        ("23:59", time(23, 59)),
    ],
)
def test_parse_morning_time(text, expected):
    assert parse_morning_time(text) == expected


@pytest.mark.parametrize(
    "text", ["", "abc", "24", "24:00", "7:60", "13pm", "0am", "19:05 pm", "-1", "7:5", "8:00:00", "tomorrow"]
)
def test_unreadable_times_are_refused(text):
    assert parse_morning_time(text) is None


@pytest.mark.parametrize(
    ("now", "tz", "day"),
    [
        (utc(2026, 6, 1, 23, 30), "Europe/Berlin", date(2026, 6, 2)),  # already tomorrow in Berlin
        (utc(2026, 6, 1, 3, 0), "America/New_York", date(2026, 5, 31)),  # still yesterday in New York
        (utc(2026, 6, 1, 18, 29), "Asia/Kolkata", date(2026, 6, 1)),  # 23:59 in India
        (utc(2026, 6, 1, 18, 30), "Asia/Kolkata", date(2026, 6, 2)),  # midnight in India
    ],
)
def test_local_day(now, tz, day):
    assert local_day(now, tz) == day


def fires(start: datetime, tz: str, at: time, count: int) -> list[datetime]:
    out = []
    for _ in range(count):
        start = next_morning(start, tz, at)
        out.append(start)
    return out


def test_berlin_spring_forward_fires_once_a_day_at_the_shifted_time():
    # 2026-03-29: clocks jump 02:00 CET -> 03:00 CEST, so 02:30 does not exist that day.
    got = fires(utc(2026, 3, 27, 12), "Europe/Berlin", time(2, 30), 3)
    assert got == [
        utc(2026, 3, 28, 1, 30),  # 02:30 CET
        utc(2026, 3, 29, 1, 30),  # 03:30 CEST: the gap's length after 02:30
        utc(2026, 3, 30, 0, 30),  # 02:30 CEST
    ]
    berlin = ZoneInfo("Europe/Berlin")
    assert [f.astimezone(berlin).date() for f in got] == [
        date(2026, 3, 28),
        date(2026, 3, 29),
        date(2026, 3, 30),
    ]
    assert got[1].astimezone(berlin).time() == time(3, 30)


def test_new_york_fall_back_fires_only_at_the_first_1_30():
    # 2026-11-01: clocks fall back 02:00 EDT -> 01:00 EST, so 01:30 happens twice that day.
    got = fires(utc(2026, 10, 30, 12), "America/New_York", time(1, 30), 3)
    assert got == [
        utc(2026, 10, 31, 5, 30),  # EDT
        utc(2026, 11, 1, 5, 30),  # the first 01:30 (EDT); the second, 06:30 UTC, is skipped
        utc(2026, 11, 2, 6, 30),  # EST
    ]


def test_between_the_two_1_30s_the_next_fire_is_tomorrow():
    assert next_morning(utc(2026, 11, 1, 6, 0), "America/New_York", time(1, 30)) == utc(2026, 11, 2, 6, 30)


def test_ordinary_day_in_a_half_hour_zone():
    # Asia/Kolkata is UTC+05:30 all year: 08:00 there is 02:30 UTC.
    assert next_morning(utc(2026, 6, 1, 0, 0), "Asia/Kolkata", time(8, 0)) == utc(2026, 6, 1, 2, 30)
    assert next_morning(utc(2026, 6, 1, 3, 0), "Asia/Kolkata", time(8, 0)) == utc(2026, 6, 2, 2, 30)


@pytest.mark.parametrize(
    ("fire", "tz", "at"),
    [
        (utc(2026, 6, 1, 2, 30), "Asia/Kolkata", time(8, 0)),
        (utc(2026, 3, 29, 1, 30), "Europe/Berlin", time(2, 30)),
        (utc(2026, 11, 1, 5, 30), "America/New_York", time(1, 30)),
    ],
)
def test_a_fire_instant_is_not_after_itself(fire, tz, at):
    nxt = next_morning(fire, tz, at)
    assert nxt > fire
    assert local_day(nxt, tz) == local_day(fire, tz) + timedelta(days=1)
    assert last_morning(fire, tz, at) == fire  # "at or before" includes the instant itself
    assert last_morning(fire - timedelta(microseconds=1), tz, at) < fire


@pytest.mark.parametrize(
    ("before", "tz", "at", "expected"),
    [
        (utc(2026, 6, 1, 12), "Asia/Kolkata", time(8, 0), utc(2026, 6, 1, 2, 30)),
        (utc(2026, 6, 1, 2, 0), "Asia/Kolkata", time(8, 0), utc(2026, 5, 31, 2, 30)),  # today's not yet due
        (utc(2026, 3, 29, 12), "Europe/Berlin", time(2, 30), utc(2026, 3, 29, 1, 30)),
        (utc(2026, 11, 1, 6, 0), "America/New_York", time(1, 30), utc(2026, 11, 1, 5, 30)),
        (utc(2026, 6, 1, 12), "UTC", time(8, 0), utc(2026, 6, 1, 8, 0)),
    ],
)
def test_last_morning_for_catch_up_after_a_restart(before, tz, at, expected):
    assert last_morning(before, tz, at) == expected


def test_inputs_in_other_offsets_mean_the_same_instant():
    tokyo_evening = datetime(2026, 6, 1, 21, 0, tzinfo=timezone(timedelta(hours=9)))  # 12:00 UTC
    assert next_morning(tokyo_evening, "UTC", time(8, 0)) == utc(2026, 6, 2, 8, 0)
    assert next_morning(tokyo_evening, "UTC", time(8, 0)).tzinfo is UTC


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="aware"):
        next_morning(datetime(2026, 6, 1, 8, 0), "UTC", time(8, 0))


@pytest.mark.parametrize(
    "tz",
    [
        "Europe/Berlin",
        "America/New_York",
        "Asia/Kolkata",
        "Australia/Lord_Howe",
        "America/Santiago",
        "America/Nuuk",
    ],
)
@pytest.mark.parametrize("at", [time(0, 0), time(0, 30), time(1, 30), time(2, 30), time(8, 0), time(23, 30)])
def test_a_year_of_mornings_is_one_per_local_day(tz, at):
    zone = ZoneInfo(tz)
    got = fires(utc(2026, 1, 1), tz, at, 366)
    days = [f.astimezone(zone).date() for f in got]
    assert all((b - a).days == 1 for a, b in itertools.pairwise(days))
    for fire, day in zip(got, days, strict=True):
        assert fire == morning_of(day, tz, at)
        # When the chosen time exists that day, the wall clock shows exactly it.
        wall = datetime.combine(day, at, tzinfo=zone)
        if wall.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == wall.replace(tzinfo=None):
            assert fire.astimezone(zone).time() == at
