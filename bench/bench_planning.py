"""How many users' mornings the morning job gets ready per second, on the path it really takes.

    python bench/bench_planning.py [--users 10000] [--contacts 200] [--passes 3] [--sample 500]

Setup writes ``--users`` notebooks of ``--contacts`` contacts each (interests, roles, needs, offers, tags, birthdays,
~3 interactions per contact, some promises, some dated; a goal, an offer and a week of mornings per user) with two
worker processes, each file saved once by the bot's own Notebook (so its head carries the digest the bot keeps), then
syncs the disk so writing the files out does not run during the passes.

Each pass goes over every user the way the morning job does (bot/morning/send.py), one user after another in one
event loop, through a fresh store with the bot's per-process caches emptied (the synthetic texts repeat; real users'
texts do not): ``store.lease_existing(user)`` opens the notebook (only the file's head is parsed: the digest rows
and the state), ``prepare_morning`` plans the day from the digest, claims the day and words the steps in one
fsynced write, then ``delivery.settle`` records the send in a second one. Only the send itself is left out: it is
Telegram's 30 messages a second that paces a real morning (bench_fanout.py measures that). Each pass plans a new day.

Reported: users/s (the median pass counts: one pass on this shared machine varies by ±15%), CPU ms per user of this
thread (``time.thread_time``, which other processes disturb far less), and where the time goes for ``--sample``
users: opening (reading the file, parsing the head), planning, claiming and wording (with its fsync), settling (an
fsync). The files were just written, so they are read from the page cache.

Target: no slower than the morning job's path before this round (188 users/s here, bench/README.md).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

import synthetic  # noqa: F401 - puts the repo on sys.path
from harness import forget_caches
from synthetic import check_shape, notebook_document, write_notebook

from bot.coach.journal import delivery
from bot.morning import send
from bot.morning.send import Prepared, prepare_morning
from bot.notebooks import open_store
from bot.store.notebooks import Store

TODAY = date(2026, 3, 10)


def write_range(users_dir: str, start: int, stop: int, contacts: int) -> int:
    rng = random.Random(start)
    for user_id in range(start, stop):
        write_notebook(Path(users_dir), user_id, notebook_document(user_id, contacts, TODAY, rng))
    return stop - start


def setup(users_dir: Path, users: int, contacts: int, workers: int) -> None:
    step = max(1, users // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        jobs = [
            pool.submit(write_range, str(users_dir), start, min(users + 1, start + step), contacts)
            for start in range(1, users + 1, step)
        ]
        assert sum(job.result() for job in jobs) == users


def morning_of(day: date) -> datetime:
    """Late in the day everywhere (the synthetic zones are UTC-5 to UTC+5:30): each user's local day is ``day``."""
    return datetime.combine(day, clock_time(12, 0), tzinfo=UTC)


async def one_pass(store: Store, user_ids: list[int], now: datetime) -> int:
    """The morning job's share for every user, as ``deliver_morning`` does it but for the send. Returns mornings."""
    ready = 0
    for user_id in user_ids:
        async with store.lease_existing(user_id) as notebook:
            assert notebook is not None
            prepared = prepare_morning(notebook, now)
            if isinstance(prepared, Prepared):
                delivery.settle(notebook, prepared.day, delivery.SENT)
                ready += 1
    return ready


def where_the_time_goes(root: Path, user_ids: list[int], now: datetime) -> None:
    """One more pass over a sample, split into the steps of ``prepare_morning`` (timed around the functions it
    calls), in CPU ms of this thread per user."""
    clock = time.thread_time
    spent: dict[str, float] = {}

    def timed(name: str, work: Callable[..., Any]) -> Callable[..., Any]:
        def timed_work(*args: Any, **kwargs: Any) -> Any:
            started = clock()
            try:
                return work(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + clock() - started

        return timed_work

    store = open_store(root)
    forget_caches()
    originals = (delivery.plan_for, delivery.claim, send.nudge_message)
    delivery.plan_for = timed("plan", delivery.plan_for)  # type: ignore[assignment]
    delivery.claim = timed("claim", delivery.claim)  # type: ignore[assignment]
    send.nudge_message = timed("word", send.nudge_message)  # type: ignore[assignment]
    settle = timed("settle", delivery.settle)
    try:
        total_started = clock()
        for user_id in user_ids:
            started = clock()
            notebook = store.notebook(user_id, whole=False)
            spent["open"] = spent.get("open", 0.0) + clock() - started
            prepared = timed("prepare", prepare_morning)(notebook, now)
            if isinstance(prepared, Prepared):
                settle(notebook, prepared.day, delivery.SENT)
            store.drop(user_id)
        total = clock() - total_started
    finally:
        delivery.plan_for, delivery.claim, send.nudge_message = originals  # type: ignore[assignment]
    per = {name: value / len(user_ids) * 1000 for name, value in spent.items()}
    rest = per["prepare"] - per["plan"] - per["word"] - per["claim"]
    print(f"where the time goes (CPU ms per user, {len(user_ids):,} users):")
    print(f"  open the notebook (read the file, parse the digest and the state)  {per['open']:.3f}")
    print(f"  plan the day from the digest (delivery.plan_for)                     {per['plan']:.3f}")
    print(f"  claim the day                                                        {per['claim']:.3f}")
    print(f"  word the steps and remember their buttons                            {per['word']:.3f}")
    print(f"  the rest of the claiming write (digest check, serialise, fsync)      {rest:.3f}")
    print(f"  settle (one more fsynced line)                                       {per['settle']:.3f}")
    print(f"  total {total / len(user_ids) * 1000:.3f} ms/user = {len(user_ids) / total:,.0f} users per CPU-second")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--contacts", type=int, default=200)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1), help="processes for the setup")
    parser.add_argument("--sample", type=int, default=500, help="users in the 'where the time goes' split")
    parser.add_argument("--passes", type=int, default=3, help="passes over every user (the median counts)")
    args = parser.parse_args()
    check_shape()
    root = Path(tempfile.mkdtemp(prefix="nurture-bench-planning-"))
    try:
        users_dir = root / "users"
        users_dir.mkdir()
        started = time.perf_counter()
        setup(users_dir, args.users, args.contacts, args.workers)
        subprocess.run(["sync"], check=False)
        size = sum(p.stat().st_size for p in users_dir.iterdir())
        print(
            f"setup: {args.users:,} users x {args.contacts} contacts, {size / 1e9:.2f} GB, "
            f"{time.perf_counter() - started:.0f} s"
        )
        ids = open_store(root).user_ids()
        rates = []
        for number in range(args.passes):
            now = morning_of(TODAY + timedelta(days=number))
            store = open_store(root)  # fresh: nothing cached, every notebook is read from its file
            forget_caches()
            wall, cpu = time.perf_counter(), time.thread_time()
            ready = asyncio.run(one_pass(store, ids, now))
            wall, cpu = time.perf_counter() - wall, time.thread_time() - cpu
            rates.append(len(ids) / wall)
            print(
                f"pass {number + 1}: {len(ids):,} mornings ({ready:,} planned, claimed, worded and settled) in "
                f"{wall:.1f} s = {len(ids) / wall:,.0f} users/s; CPU {cpu / len(ids) * 1000:.3f} ms/user"
            )
        print(f"morning job's path: median {statistics.median(rates):,.0f} users/s over {args.passes} passes")
        sample = ids[: args.sample]
        where_the_time_goes(root, sample, morning_of(TODAY + timedelta(days=args.passes)))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
