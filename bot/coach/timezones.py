"""Turning "Berlin", "NYC" or "São Paulo" into the IANA time zone the morning nudge is scheduled in.

Users name the city they live in, not "America/Sao_Paulo". Sources, in order: a small dict of cities and
abbreviations that are not zone names (or whose zone is named after another city: Munich -> Europe/Berlin);
a fixed offset ("UTC+2"); the city part of an IANA name ("vienna" -> Europe/Vienna); a full IANA name in any
case. A typo gets suggestions instead of a silent guess, because a wrong zone means nudges at 3 a.m.
"""

from __future__ import annotations

import re
from functools import cache
from zoneinfo import available_timezones

from rapidfuzz import fuzz, process

from bot.coach.names import fold

SUGGESTION_CUTOFF = 70

# Cities people say that are not the last part of an IANA name, plus spellings and abbreviations people use.
# Keys are folded (see _normal). Values must be in zoneinfo.available_timezones(); a test checks that.
CITY_ALIASES: dict[str, str] = {
    # Americas
    "nyc": "America/New_York",
    "new york city": "America/New_York",
    "ny": "America/New_York",
    "brooklyn": "America/New_York",
    "boston": "America/New_York",
    "washington": "America/New_York",
    "washington dc": "America/New_York",
    "dc": "America/New_York",
    "philadelphia": "America/New_York",
    "atlanta": "America/New_York",
    "miami": "America/New_York",
    "pittsburgh": "America/New_York",
    "sf": "America/Los_Angeles",
    "san francisco": "America/Los_Angeles",
    "bay area": "America/Los_Angeles",
    "silicon valley": "America/Los_Angeles",
    "palo alto": "America/Los_Angeles",
    "san jose": "America/Los_Angeles",
    "oakland": "America/Los_Angeles",
    "la": "America/Los_Angeles",
    "san diego": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "portland": "America/Los_Angeles",
    "las vegas": "America/Los_Angeles",
    "austin": "America/Chicago",
    "dallas": "America/Chicago",
    "houston": "America/Chicago",
    "minneapolis": "America/Chicago",
    "new orleans": "America/Chicago",
    "nashville": "America/Chicago",
    "denver": "America/Denver",
    "salt lake city": "America/Denver",
    "phoenix": "America/Phoenix",
    "montreal": "America/Toronto",
    "ottawa": "America/Toronto",
    "sao paulo": "America/Sao_Paulo",
    "rio": "America/Sao_Paulo",
    "rio de janeiro": "America/Sao_Paulo",
    "buenos aires": "America/Argentina/Buenos_Aires",
    "cordoba": "America/Argentina/Cordoba",
    "mendoza": "America/Argentina/Mendoza",
    "indianapolis": "America/Indiana/Indianapolis",
    "louisville": "America/Kentucky/Louisville",
    "medellin": "America/Bogota",
    "guadalajara": "America/Mexico_City",
    "monterrey": "America/Monterrey",
    # Europe
    "munich": "Europe/Berlin",
    "munchen": "Europe/Berlin",
    "hamburg": "Europe/Berlin",
    "frankfurt": "Europe/Berlin",
    "cologne": "Europe/Berlin",
    "koln": "Europe/Berlin",
    "dusseldorf": "Europe/Berlin",
    "stuttgart": "Europe/Berlin",
    "geneva": "Europe/Zurich",
    "basel": "Europe/Zurich",
    "milan": "Europe/Rome",
    "barcelona": "Europe/Madrid",
    "valencia": "Europe/Madrid",
    "porto": "Europe/Lisbon",
    "manchester": "Europe/London",
    "edinburgh": "Europe/London",
    "cambridge": "Europe/London",
    "oxford": "Europe/London",
    "rotterdam": "Europe/Amsterdam",
    "the hague": "Europe/Amsterdam",
    "antwerp": "Europe/Brussels",
    "lyon": "Europe/Paris",
    "marseille": "Europe/Paris",
    "krakow": "Europe/Warsaw",
    "kiev": "Europe/Kyiv",
    "kyiv": "Europe/Kyiv",
    "st petersburg": "Europe/Moscow",
    "saint petersburg": "Europe/Moscow",
    "istanbul": "Europe/Istanbul",
    "gothenburg": "Europe/Stockholm",
    "nicosia": "Asia/Nicosia",
    # Asia, Africa, Oceania
    "bangalore": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata",
    "bombay": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "hyderabad": "Asia/Kolkata",
    "chennai": "Asia/Kolkata",
    "pune": "Asia/Kolkata",
    "calcutta": "Asia/Kolkata",
    "beijing": "Asia/Shanghai",
    "shenzhen": "Asia/Shanghai",
    "guangzhou": "Asia/Shanghai",
    "hangzhou": "Asia/Shanghai",
    "hk": "Asia/Hong_Kong",
    "osaka": "Asia/Tokyo",
    "kyoto": "Asia/Tokyo",
    "busan": "Asia/Seoul",
    "tel aviv": "Asia/Jerusalem",
    "tel aviv yafo": "Asia/Jerusalem",
    "abu dhabi": "Asia/Dubai",
    "saigon": "Asia/Ho_Chi_Minh",
    "ho chi minh city": "Asia/Ho_Chi_Minh",
    "hanoi": "Asia/Bangkok",
    "abuja": "Africa/Lagos",
    "cape town": "Africa/Johannesburg",
    "canberra": "Australia/Sydney",
    "wellington": "Pacific/Auckland",
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
    # City before full name, so "Singapore" is Asia/Singapore not the legacy top-level "Singapore" link.
    if zone := _city_names().get(key) or _zone_names().get(key):
        return zone
    # "Berlin, Germany" or "Austin, TX": the city comes first.
    head = _normal(text.split(",", 1)[0])
    if head and head != key:
        return resolve_timezone(head)
    return None


def suggest_timezones(text: str, limit: int = 3) -> list[str]:
    """Zones whose city or name is close to ``text`` (a typo: "Berln" -> ["Europe/Berlin"]), best first."""
    key = _normal(text)
    if not key:
        return []
    choices = {**_zone_names(), **_city_names(), **CITY_ALIASES}
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
