"""Dates: which reader finds the days people write? The hand-written reader (bot/coach/reading/dates.py) against
dateparser's ``search_dates`` and ctparse, on the date fields of the blind corpus.

Run: python bench/compare_dates.py  (dateparser and ctparse are not dependencies: ``pip install dateparser ctparse``
to include them; a reader that is not installed is left out)

For every person's written date in a line (a meeting day other than the day it was typed, a promise's due day, a
birthday), a reader is right when one of the days it finds in the line is that day (a birthday: that month and
day); it reads with the preference the field implies (a meeting in the past, a due day in the future). Also printed:
days found that no field expects (noise a capture would have to throw away), and the time per line. Numbers only:
the frozen part is never looked at line by line.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.coach.reading.dates import find_day
from testkit import grading

Reader = Callable[[str, date, str], list[date]]


def hand(text: str, today: date, prefer: str) -> list[date]:
    found: list[date] = []
    at = 0
    while (day := find_day(text, today, prefer, start=at)) is not None:
        found.append(day.day)
        at = day.end
    return found


def _dateparser() -> Reader | None:
    try:
        search = importlib.import_module("dateparser.search")
    except ImportError:
        return None

    def read(text: str, today: date, prefer: str) -> list[date]:
        settings: dict[str, Any] = {
            "RELATIVE_BASE": datetime(today.year, today.month, today.day, 12),
            "PREFER_DATES_FROM": prefer,
            "DATE_ORDER": "MDY",
        }
        found = search.search_dates(text, languages=["en"], settings=settings) or []
        return [d.date() for _, d in found]

    return read


def _ctparse() -> Reader | None:
    logging.getLogger("ctparse").setLevel(logging.CRITICAL)  # it logs each line it finds nothing in
    try:
        ctparse = importlib.import_module("ctparse")
        types = importlib.import_module("ctparse.types")
    except ImportError:
        return None

    def read(text: str, today: date, prefer: str) -> list[date]:
        ts = datetime(today.year, today.month, today.day, 12)
        parsed = ctparse.ctparse(text, ts=ts, timeout=0.5)
        if parsed is None:
            return []
        res = parsed.resolution
        if isinstance(res, types.Interval):
            res = res.start
        if isinstance(res, types.Time) and res.year and res.month and res.day:
            return [date(res.year, res.month, res.day)]
        return []

    return read


def expected(case: grading.Case) -> list[tuple[str, str]]:
    """(field, day) for each date written in the line: the preference it implies is in the field."""
    want: list[tuple[str, str]] = []
    for person in case.people:
        if person.get("when") and person["when"] != case.today.isoformat():
            want.append(("when", person["when"]))
        if person.get("birthday"):
            want.append(("birthday", person["birthday"]))
        for promise in person.get("promises", []):
            if promise.get("due") and promise["due"] != case.today.isoformat():
                want.append(("due", promise["due"]))
    return want


def score(read: Reader, cases: list[grading.Case]) -> tuple[dict[str, list[int]], int, float]:
    right: dict[str, list[int]] = {"when": [0, 0], "due": [0, 0], "birthday": [0, 0]}
    extra = 0
    start = time.perf_counter()
    for case in cases:
        want, today = expected(case), case.today
        seen: set[date] = set()
        for field, day in want:
            prefer = "past" if field == "when" else "future"
            try:
                found = read(case.line, case.today, prefer)
            except Exception:  # a reader that fails on a line finds nothing in it
                found = []
            seen.update(found)
            if field == "birthday":
                ok = day in {d.strftime("%m-%d") for d in found}
            else:
                ok = date.fromisoformat(day) in found
            right[field][0] += ok
            right[field][1] += 1
        if not want:
            with contextlib.suppress(Exception):
                seen.update(read(case.line, case.today, "past"))
        days = {d for _, d in want}
        extra += sum(1 for d in seen if d.isoformat() not in days and d.strftime("%m-%d") not in days and d != today)
    return right, extra, (time.perf_counter() - start) * 1000 / max(1, len(cases))


def main() -> None:
    readers: dict[str, Reader | None] = {"hand-written": hand, "dateparser": _dateparser(), "ctparse": _ctparse()}
    for part, path in (("tuning", grading.TUNING), ("frozen", grading.FROZEN)):
        cases = grading.load(path)
        print(f"{part}: {len(cases)} lines, {sum(len(expected(c)) for c in cases)} written dates")
        for name, read in readers.items():
            if read is None:
                print(f"  {name:<13} not installed")
                continue
            right, extra, ms = score(read, cases)
            fields = "  ".join(f"{f} {r}/{t}" for f, (r, t) in right.items())
            total = sum(r for r, _ in right.values()), sum(t for _, t in right.values())
            print(f"  {name:<13} {total[0]}/{total[1]} ({total[0] / max(1, total[1]):.1%})  {fields}  "
                  f"days no field expects {extra}  {ms:.2f} ms/line")  # fmt: skip


if __name__ == "__main__":
    main()
