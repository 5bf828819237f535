"""/map at 500 contacts: how long the picture takes, and whether other users wait while it is drawn.

    python bench/bench_map.py [--contacts 500] [--runs 5]

(1) The coach alone: ``map_network`` + ``draw_map`` on a generated network (testkit/networks.py), p50 and
max over a few runs (the first run, which loads Pillow, networkx and the fonts, is reported apart).
(2) Through the real Application (LocalBotAPI): user A sends /map over a 500-contact notebook while user B sends
``/contacts`` every 50 ms. Prints A's time to the picture, B's reply latency during the map (p50/max), and the
longest stall of the event loop (a 5 ms ticker).

Targets: /map < 3 s at 500 contacts; B's max latency and the loop's longest stall stay small (tens of ms).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from telegram import Update  # noqa: E402

from bot.app import build_application  # noqa: E402
from bot.clock import FixedClock  # noqa: E402
from bot.coach.network.shape import map_network  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.local_api import LocalBotAPI, LocalChat  # noqa: E402
from bot.notebooks import open_store  # noqa: E402
from testkit.networks import generated_network  # noqa: E402


def coach_alone(size: int, runs: int) -> None:
    sample = generated_network(size)
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        from bot.coach.network.picture import draw_map

        netmap = map_network(sample.contacts, sample.interactions, sample.today, sample.profile)
        picture = draw_map(netmap)
        times.append(time.perf_counter() - start)
    print(
        f"coach: {size} contacts, map + picture: first {times[0]:.2f} s (imports the drawing), then p50 "
        f"{statistics.median(times[1:]):.2f} s, max {max(times[1:]):.2f} s, png {len(picture or b'') // 1024} KB"
    )


async def through_the_app(size: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-map-"))
    try:
        store = open_store(folder / "data")
        sample = generated_network(size)
        notebook = store.notebook(1)
        with notebook.batch():
            for contact in sample.contacts:
                notebook.save_contact(contact)
            for item in sample.interactions:
                notebook.add_interaction(item)
        api = LocalBotAPI()
        app = build_application(Settings(data_dir=folder / "data"), store, FixedClock(datetime.now(UTC)), request=api)
        alice, bob = LocalChat(user_id=1, first_name="A"), LocalChat(user_id=2, first_name="B")
        async with app:
            await app.process_update(Update.de_json(bob.message("/met Jane at PyCon"), app.bot))
            stalls: list[float] = []
            done = asyncio.Event()

            async def ticker() -> None:
                last = time.perf_counter()
                while not done.is_set():
                    await asyncio.sleep(0.005)
                    now = time.perf_counter()
                    stalls.append(now - last - 0.005)
                    last = now

            tick = asyncio.create_task(ticker())
            start = time.perf_counter()
            await app.process_update(Update.de_json(alice.message("/map"), app.bot))
            latencies = []
            while not api.sent("sendPhoto"):
                t0 = time.perf_counter()
                await app.process_update(Update.de_json(bob.message("/contacts"), app.bot))
                latencies.append(time.perf_counter() - t0)
                await asyncio.sleep(0.05)
            took = time.perf_counter() - start
            done.set()
            await tick
        print(
            f"app: /map at {size} contacts: picture after {took:.2f} s; meanwhile user B got {len(latencies)} "
            f"replies, p50 {statistics.median(latencies) * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms; "
            f"longest event-loop stall {max(stalls) * 1000:.1f} ms"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    warnings.filterwarnings("ignore", message="Tasks created via `Application.create_task`")
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    coach_alone(args.contacts, args.runs)
    asyncio.run(through_the_app(args.contacts))


if __name__ == "__main__":
    main()
