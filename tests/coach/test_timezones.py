"""Turning the city a user names into the zone their morning nudge is scheduled in."""

from __future__ import annotations

from zoneinfo import ZoneInfo, available_timezones

import pytest

from bot.coach.reading.places import CITY_ALIASES, place_choices, resolve_timezone, suggest_timezones, timezone_at


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        # IANA names, any case or spacing
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("AMERICA/NEW_YORK", "America/New_York"),
        ("America/New York", "America/New_York"),
        ("America/Port-au-Prince", "America/Port-au-Prince"),
        ("  Asia/Kolkata ", "Asia/Kolkata"),
        # the city part of an IANA name
        ("Berlin", "Europe/Berlin"),
        ("Vienna", "Europe/Vienna"),
        ("los angeles", "America/Los_Angeles"),
        ("new york", "America/New_York"),
        ("London", "Europe/London"),
        ("Toronto", "America/Toronto"),
        ("Sydney", "Australia/Sydney"),
        ("Tokyo", "Asia/Tokyo"),
        ("Singapore", "Asia/Singapore"),
        ("Dubai", "Asia/Dubai"),
        ("Paris", "Europe/Paris"),
        ("Amsterdam", "Europe/Amsterdam"),
        ("Madrid", "Europe/Madrid"),
        ("Lisbon", "Europe/Lisbon"),
        ("Moscow", "Europe/Moscow"),
        ("Istanbul", "Europe/Istanbul"),
        ("Lagos", "Africa/Lagos"),
        ("Nairobi", "Africa/Nairobi"),
        ("Cairo", "Africa/Cairo"),
        ("Mexico City", "America/Mexico_City"),
        ("Hong Kong", "Asia/Hong_Kong"),
        ("Seoul", "Asia/Seoul"),
        ("Jakarta", "Asia/Jakarta"),
        ("Zurich", "Europe/Zurich"),
        ("Indianapolis", "America/Indiana/Indianapolis"),
        # cities that are not zone names, spellings, abbreviations
        ("NYC", "America/New_York"),
        ("Boston", "America/New_York"),
        ("SF", "America/Los_Angeles"),
        ("San Francisco", "America/Los_Angeles"),
        ("Seattle", "America/Los_Angeles"),
        ("Austin", "America/Chicago"),
        ("São Paulo", "America/Sao_Paulo"),
        ("Sao Paulo", "America/Sao_Paulo"),
        ("Bangalore", "Asia/Kolkata"),
        ("Bengaluru", "Asia/Kolkata"),
        ("Mumbai", "Asia/Kolkata"),
        ("Delhi", "Asia/Kolkata"),
        ("Beijing", "Asia/Shanghai"),
        ("Munich", "Europe/Berlin"),
        ("München", "Europe/Berlin"),
        ("Kyiv", "Europe/Kyiv"),
        ("Kiev", "Europe/Kyiv"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires"),
        ("Tel Aviv", "Asia/Jerusalem"),
        ("St. Petersburg", "Europe/Moscow"),
        ("Berlin, Germany", "Europe/Berlin"),
        ("Austin, TX", "America/Chicago"),
        ("EST", "America/New_York"),  # people mean New York time, daylight saving included
        # UTC and fixed offsets (Etc/GMT names flip the sign)
        ("UTC", "UTC"),
        ("GMT", "UTC"),
        ("utc", "UTC"),
        ("UTC+2", "Etc/GMT-2"),
        ("GMT-5", "Etc/GMT+5"),
        ("utc +10", "Etc/GMT-10"),
        ("UTC+0", "UTC"),
        ("Etc/GMT-5", "Etc/GMT-5"),  # an explicit IANA name is taken literally
    ],
)
def test_resolve_timezone(text, zone):
    assert resolve_timezone(text) == zone
    ZoneInfo(zone)  # and it is a zone the scheduler can load


@pytest.mark.parametrize("text", ["", "   ", "Xyzzyville", "🙂", "UTC+15", "UTC-13", "Berln", "Europe/Nowhere"])
def test_unknown_places_resolve_to_nothing(text):
    assert resolve_timezone(text) is None


def test_every_alias_points_at_a_real_zone():
    assert set(CITY_ALIASES.values()) <= available_timezones()


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Berln", "Europe/Berlin"),
        ("Sao Paolo", "America/Sao_Paulo"),
        ("Bangalor", "Asia/Kolkata"),
        ("Nwe York", "America/New_York"),
        ("Amsterdm", "Europe/Amsterdam"),
        ("europe/berln", "Europe/Berlin"),
    ],
)
def test_typos_get_suggestions_best_first(text, first):
    suggestions = suggest_timezones(text)
    assert suggestions[0] == first
    assert len(suggestions) <= 3 and len(set(suggestions)) == len(suggestions)


@pytest.mark.parametrize("text", ["", "xx", "🙂", "qwertyuiop"])
def test_nothing_close_suggests_nothing(text):
    assert suggest_timezones(text) == []


def test_suggestion_limit():
    assert len(suggest_timezones("San", limit=1)) <= 1


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Pokhara", "Asia/Kathmandu"),
        ("Tromsø", "Europe/Oslo"),
        ("Munchen", "Europe/Berlin"),
        ("Portland, ME", "America/New_York"),
    ],
)
def test_cities_come_from_the_gazetteer(text, zone):
    assert resolve_timezone(text) == zone


def test_a_city_in_several_zones_is_a_choice():
    assert {p.zone for p in place_choices("Portland")} == {"America/Los_Angeles", "America/New_York"}
    assert len({p.zone for p in place_choices("Springfield")}) >= 2
    assert place_choices("Paris") == [] and place_choices("London") == []


def test_a_location_has_a_zone():
    assert timezone_at(52.52, 13.40) == "Europe/Berlin"
    assert timezone_at(95, 0) is None


def test_a_slash_in_a_made_up_place_is_not_a_crash():
    assert resolve_timezone("Mars /Olympus") is None
