"""Importing 5,000 LinkedIn connections: how long it takes, and whether other users wait meanwhile.

    python bench/bench_import.py [--rows 5000] [--existing 1000]

A generated Connections.csv (with LinkedIn's "Notes:" preamble) is sent to the real Application (LocalBotAPI)
by a user who already has ``--existing`` contacts (so duplicates are looked up for real; every 20th row is one of
them). Prints the time from the file to the preview, from the tap to "Imported", each step apart (reading,
planning, the one all-or-nothing save), user B's reply latency to ``/contacts`` sent every 50 ms meanwhile, and the
longest stall of the event loop (a 5 ms ticker).

Also prints the time to read the same people as vCards (vobject, the slowest format).

Target: 5,000 rows in < 2 s end to end (preview and commit); other users' replies stay fast. The work runs in
worker threads; what still stalls the loop for ~0.1 s is Python's full garbage collection over the whole heap,
triggered by the thousands of new records. ``--gc-freeze`` shows the effect of ``gc.freeze()`` after start-up
(an experiment).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from telegram import Update  # noqa: E402

from bot.app import build_application  # noqa: E402
from bot.clock import FixedClock  # noqa: E402
from bot.coach.network.exports import contacts_vcf  # noqa: E402
from bot.coach.network.files import read_file  # noqa: E402
from bot.coach.network.imports import plan_import, preview  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.local_api import LocalBotAPI, LocalChat, buttons_of  # noqa: E402
from bot.notebooks import open_store  # noqa: E402
from bot.store.records import Contact  # noqa: E402

COMPANIES = ["Acme", "Stripe", "Monzo", "Globex", "Initech", "Hooli", "Klarna", "Wonka", ""]


def connections_csv(rows: int, existing: int) -> bytes:
    lines = [
        "Notes:",
        '"When exporting your connection data, you may notice that some of the email addresses are missing."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    start = date(2015, 1, 1)
    for n in range(rows):
        first, last = (f"Existing{n % existing}", "Person") if n % 20 == 0 and existing else (f"First{n}", f"Last{n}")
        day = (start + timedelta(days=n % 3650)).strftime("%d %b %Y")
        email = f"p{n}@example.com" if n % 3 == 0 else ""
        lines.append(
            f'{first},{last},https://www.linkedin.com/in/p{n},{email},{COMPANIES[n % 9]},"Engineer, {n}",{day}'
        )
    return ("\r\n".join(lines) + "\r\n").encode()


async def run(rows: int, existing: int, freeze: bool) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        data = connections_csv(rows, existing)
        t0 = time.perf_counter()
        found = preview(read_file("Connections.csv", data), [])
        print(
            f"coach: read + preview of {rows:,} rows: {time.perf_counter() - t0:.2f} s ({len(found.people):,} people)"
        )
        cards = contacts_vcf(plan_import(found.people, {}, {}, datetime.now(UTC)).new)
        t0 = time.perf_counter()
        read = read_file("contacts.vcf", cards)
        print(f"coach: read of {len(read.people):,} vCards (vobject): {time.perf_counter() - t0:.2f} s")

        store = open_store(folder / "data")
        notebook = store.notebook(1)
        with notebook.batch():
            for n in range(existing):
                notebook.save_contact(Contact(id=f"{n:016x}", name=f"Existing{n} Person", company="Acme"))
        api = LocalBotAPI()
        app = build_application(Settings(data_dir=folder / "data"), store, FixedClock(datetime.now(UTC)), request=api)
        alice, bob = LocalChat(user_id=1, first_name="A"), LocalChat(user_id=2, first_name="B")
        async with app:
            await app.process_update(Update.de_json(bob.message("/met Jane at PyCon"), app.bot))
            stalls: list[float] = []
            latencies: list[float] = []
            done = asyncio.Event()

            async def ticker() -> None:
                last = time.perf_counter()
                while not done.is_set():
                    await asyncio.sleep(0.005)
                    now = time.perf_counter()
                    stalls.append(now - last - 0.005)
                    last = now

            async def other_user() -> None:
                while not done.is_set():
                    t = time.perf_counter()
                    await app.process_update(Update.de_json(bob.message("/contacts"), app.bot))
                    latencies.append(time.perf_counter() - t)
                    await asyncio.sleep(0.05)

            async def wait_for(predicate) -> None:
                while not predicate():
                    await asyncio.sleep(0.005)

            if freeze:  # what the longest stall is made of: full garbage collections over the whole heap
                gc.collect()
                gc.freeze()
            tasks = [asyncio.create_task(ticker()), asyncio.create_task(other_user())]
            start = time.perf_counter()
            file_id = api.add_file(data)
            await app.process_update(Update.de_json(alice.document(file_id, "Connections.csv", len(data)), app.bot))
            await wait_for(lambda: any("LinkedIn" in p.get("text", "") for p in api.sent()))
            to_preview = time.perf_counter() - start
            preview_message = next(p for p in api.sent() if "LinkedIn" in p.get("text", ""))
            merge = next(d for label, d in buttons_of(preview_message) if "Import" in label)
            start = time.perf_counter()
            await app.process_update(Update.de_json(alice.press(merge), app.bot))
            await wait_for(lambda: any("Imported" in p.get("text", "") for p in api.sent("editMessageText")))
            to_done = time.perf_counter() - start
            done.set()
            await asyncio.gather(*tasks)
            imported = len(store.notebook(1).contacts())
        print(
            f"app: {rows:,} rows with {existing:,} contacts already there: preview after {to_preview:.2f} s, "
            f"imported after the tap in {to_done:.2f} s (total {to_preview + to_done:.2f} s); notebook now {imported:,}"
        )
        print(
            f"meanwhile user B: {len(latencies)} replies, p50 {statistics.median(latencies) * 1000:.1f} ms, "
            f"max {max(latencies) * 1000:.1f} ms; longest event-loop stall {max(stalls) * 1000:.1f} ms"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    warnings.filterwarnings("ignore", message="Tasks created via `Application.create_task`")
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--existing", type=int, default=1000)
    parser.add_argument("--gc-freeze", action="store_true", help="gc.freeze() before the import (an experiment)")
    args = parser.parse_args()
    asyncio.run(run(args.rows, args.existing, args.gc_freeze))


if __name__ == "__main__":
    main()
