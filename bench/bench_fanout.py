"""The 08:00 fan-out: 1,000 users' morning messages at once, against a Bot API that enforces 30 messages/s.

    python bench/bench_fanout.py [--users 1000] [--limit 30]

The fake Bot API (testkit/fake_bot_api.py) runs as a separate process with ``--max-per-second 30``: a send
beyond 30 in any sliding second gets HTTP 429 and is not delivered. The bot side is the real Application from
``build_application`` with its own HTTP transport (bot/connections.py), inside ``async with app:``; every user's
morning is delivered at once, like the JobQueue firing 1,000 jobs at 08:00 (``asyncio.gather`` of ``deliver_morning``).

Prints: total time vs the ideal (users / limit seconds; target within 5 %), duplicates and missed users from
the server's per-chat counts (target zero each), 429s received, and the longest event-loop stall seen by a
ticker that sleeps 5 ms (target < 100 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import synthetic  # noqa: F401 - puts the repo on sys.path
from synthetic import REPO, notebook_document, write_notebook

import bot.app
from bot.app import build_application
from bot.clock import FixedClock
from bot.config import Settings
from bot.context import MORNINGS_AT_ONCE
from bot.morning.send import deliver_morning
from bot.notebooks import open_store

NOW = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
TOKEN = "123456:BENCH-fanout-token"
SERVER = REPO / "testkit" / "fake_bot_api.py"


def start_server(limit: int) -> tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen(
        [sys.executable, str(SERVER), "--port", "0", "--max-per-second", str(limit), "--seconds", "600"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    line = server.stdout.readline()  # "listening http://127.0.0.1:PORT/bot port=PORT"
    if not line.startswith("listening"):
        server.kill()
        raise SystemExit(f"fake Bot API did not start: {line!r}")
    return server, line.split()[1]


def server_stats(base_url: str) -> dict:
    root = base_url.rsplit("/bot", 1)[0]
    with urllib.request.urlopen(f"{root}/_stats", timeout=10) as answer:
        return json.loads(answer.read())


class StallMeter:
    """A task that sleeps 5 ms at a time and records how late it wakes: the event loop's longest stall."""

    def __init__(self, period: float = 0.005) -> None:
        self.period = period
        self.worst = 0.0
        self.lateness: list[float] = []
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            due = loop.time() + self.period
            await asyncio.sleep(self.period)
            late = loop.time() - due
            self.lateness.append(late)
            self.worst = max(self.worst, late)

    def __enter__(self) -> StallMeter:
        self._task = asyncio.get_running_loop().create_task(self._tick())
        return self

    def __exit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()


async def fan_out(
    data_dir: Path, base_url: str, users: list[int], concurrency: int
) -> tuple[float, Counter[str], StallMeter]:
    settings = Settings(token=TOKEN, base_url=base_url, data_dir=data_dir)
    app = build_application(settings, open_store(data_dir), FixedClock(NOW))
    slots = asyncio.Semaphore(concurrency or len(users))

    async def deliver(user_id: int) -> str:
        async with slots:
            return await deliver_morning(app, user_id)

    async with app:
        with StallMeter() as stalls:
            started = time.perf_counter()
            outcomes = await asyncio.gather(*(deliver(user_id) for user_id in users))
            took = time.perf_counter() - started
    return took, Counter(outcomes), stalls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=1_000)
    parser.add_argument("--limit", type=int, default=30, help="the fake server's messages per second")
    parser.add_argument("--contacts", type=int, default=8, help="contacts per user's notebook")
    parser.add_argument(
        "--bot-rate", type=float, default=0, help="experiment: override bot.app.MESSAGES_PER_SECOND (0: as built)"
    )
    parser.add_argument(
        "--concurrency", type=int, default=0, help="experiment: at most N deliveries in flight (0: all at once)"
    )
    args = parser.parse_args()
    if args.bot_rate:
        bot.app.MESSAGES_PER_SECOND = args.bot_rate

    root = Path(tempfile.mkdtemp(prefix="nurture-bench-fanout-"))
    server, base_url = start_server(args.limit)
    try:
        users_dir = root / "users"
        users_dir.mkdir()
        rng = random.Random(3)
        users = list(range(1, args.users + 1))
        for user_id in users:
            write_notebook(users_dir, user_id, notebook_document(user_id, args.contacts, NOW.date(), rng))
        print(
            f"setup: {args.users:,} notebooks; fake Bot API at {base_url.rsplit('/bot', 1)[0]} "
            f"(separate process, {args.limit}/s)",
            flush=True,
        )

        print(
            f"bot: {bot.app.MESSAGES_PER_SECOND}/s; all {args.users:,} mornings started at once "
            f"(the bot runs {MORNINGS_AT_ONCE} at a time)"
            + (f", plus an extra cap of {args.concurrency} here" if args.concurrency else "")
        )
        took, outcomes, stalls = asyncio.run(fan_out(root, base_url, users, args.concurrency))
        stats = server_stats(base_url)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)

    delivered = {int(chat): n for chat, n in stats["delivered"].items()}
    duplicates = sum(n - 1 for chat, n in delivered.items() if n > 1)
    missed = [u for u in users if delivered.get(u, 0) == 0]
    ideal = args.users / args.limit
    lateness = sorted(stalls.lateness)
    print(f"outcomes: {dict(outcomes)}")
    print(f"total {took:.2f} s vs ideal {ideal:.2f} s: ratio {took / ideal:.3f} (target <= 1.05)")
    print(
        f"delivered {stats['total_delivered']:,} messages to {len(delivered):,} chats; "
        f"duplicates {duplicates}, missed {len(missed)} (target 0 and 0); 429s received {stats['refused_429']}"
    )
    print(
        f"event loop: longest stall {stalls.worst * 1000:.1f} ms (target < 100 ms), "
        f"p99 lateness {lateness[int(len(lateness) * 0.99) - 1] * 1000:.1f} ms over {len(lateness):,} ticks"
    )


if __name__ == "__main__":
    main()
