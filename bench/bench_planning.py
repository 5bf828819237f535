"""How many users' mornings can be planned per second: read each notebook from disk, then plan the day.

    python bench/bench_planning.py [--users 10000] [--contacts 200]

Setup writes ``--users`` notebooks of ``--contacts`` contacts each (interests, roles, needs, offers, tags,
birthdays, ~3 interactions per contact, some promises, some dated, dates spread over two years; a goal, an offer
and a week of mornings per user) straight to disk with orjson (two worker processes, no fsync).
Files carry the per-contact digest the bot itself keeps beside the records (computed by the bot's Notebook).
Setup ends with a sync, so the kernel writing the files out does not run during the passes. Then, in one process
like the bot, passes over every user through a fresh ``Store``, each starting with the bot's per-process caches
emptied (``forget_caches``: the synthetic texts repeat, real users' texts do not):

1. planning, ``--passes`` times (the median counts; a single pass on this shared machine varies by ±15%):
   ``store.glance(user)`` reads only the head of the file (the per-contact digest, the small state: profile with
   goals and offers, snoozes, the week's mornings, and the digest's planning index) and ``delivery.plan(...)``
   plans the day from it ("load" + "plan"): the index says what is due, and only the few digest rows a plan picks
   or inspects are parsed (bot/coach/planning/plan_index.py, due_index.py);
2. the whole morning job's share: ``store.notebook(user)`` parses the entire file and ``plan_for`` plans from the
   open notebook (the morning job opens it anyway, to record the day's delivery before sending).

The files were just written, so they are read from the page cache: a cold disk would add its read time on top.
The machine may be shared, so each pass also reports the CPU time of this thread per user (``time.thread_time``),
which other processes disturb far less than wall-clock time. Last, "where the time goes" splits pass 1 user by
user: reading the head's bytes, parsing the planning index, parsing the state, the rest of ``read_head``, finding
what is due (``all_due_indexed``, timed inside the planner) and the rest of planning (rest, variety, wording); and
plans the same users the way it was done before the index (the whole digest parsed, ``due.all_due``'s one pass
over every row), for a before/after in the same run.

Target: >= 3,000 users planned per second in one process (the median of the planning passes), with goals, needs
and offers present.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import synthetic  # noqa: F401 - puts the repo on sys.path
from bot.coach.planning.due_index import all_due_indexed
from synthetic import check_shape, notebook_document, write_notebook

from bot.coach.journal.delivery import plan, plan_for
from bot.coach.planning import due, planner
from bot.coach.planning.due import all_due
from bot.notebooks import open_store
from bot.store.notebook import state_values
from bot.store.notebooks import Store
from bot.store.storage import Layout, _read_plain_head, read_head

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


def forget_caches() -> int:
    """Empty the bot's per-process caches (every lru_cache of a bot module, and the table of day numbers), so a pass
    is not flattered by what an earlier one left there: the synthetic notebooks repeat a handful of needs, offers
    and promise texts, while real users' texts are their own. Returns how many caches were emptied."""
    emptied = 0
    for name, module in list(sys.modules.items()):
        if name == "bot" or name.startswith("bot."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
                    emptied += 1
    due._DAY_NUMBERS.clear()
    return emptied


def plan_users(root: str, user_ids: list[int]) -> int:
    """One worker's share: glance at each notebook's head and plan its day. Returns the nudges planned."""
    store = open_store(root)
    total = 0
    for user_id in user_ids:
        glance = store.glance(user_id)
        total += len(plan(glance.rows, glance.state, TODAY).nudges)
    return total


def where_the_time_goes(root: Path, user_ids: list[int]) -> None:
    """Pass 1 split into its steps, in CPU time of this thread per user, one user after another like pass 1 (holding
    many users' parsed heads at once makes the garbage collector's full passes the cost), less the cost of reading
    the clock; and the same users planned the way it was done before the planning index (the whole digest parsed,
    one pass over every row), for comparison in the same run. Finding what is due is timed inside ``plan``."""
    paths = [open_store(root).path_for(user_id) for user_id in user_ids]
    if not paths:
        return
    clock = time.thread_time
    finding = [0.0, 0.0]  # finding what is due, wording what was picked

    def timed(work: Any, slot: int) -> Any:
        def timed_work(*args: Any, **kwargs: Any) -> Any:
            started = clock()
            try:
                return work(*args, **kwargs)
            finally:
                finding[slot] += clock() - started

        return timed_work

    def head_of(path: Path) -> tuple[Layout, memoryview]:
        read = _read_plain_head(path)  # what read_head does first: the head's bytes (and the log after it)
        assert read is not None and read[0].plan, "a head with a planning index"
        return read[0], memoryview(read[1])

    def part(found: Layout, head: memoryview, name: str) -> memoryview:
        state_start = found.prefix + found.digest + 9  # 9: ',"state":'
        index_start = state_start + found.state + 9  # 9: ',"_plan":'
        if name == "digest":
            return head[found.prefix : found.prefix + found.digest]
        return head[state_start : index_start - 9] if name == "state" else head[index_start:]

    steps: dict[str, float] = {}

    started = clock()
    for _ in range(1000):
        clock()
    tick = (clock() - started) / 1000  # what reading the clock costs

    def step(name: str, run: Any, item: Any) -> Any:
        finding[:] = [0.0, 0.0]
        started = clock()
        result = run(item)
        steps[name] = steps.get(name, 0.0) + clock() - started - tick
        steps[name + " finding"] = steps.get(name + " finding", 0.0) + max(0.0, finding[0] - tick)
        steps[name + " wording"] = steps.get(name + " wording", 0.0) + max(0.0, finding[1] - 3 * tick)
        return result

    parsed = size = index_size = 0
    write = planner.write
    planner.all_due_indexed, planner.all_due = timed(all_due_indexed, 0), timed(all_due, 0)  # type: ignore[attr-defined]
    planner.write = timed(write, 1)  # type: ignore[attr-defined]
    try:
        for path in paths:
            found, head = step("read", head_of, path)
            index_bytes, state_bytes, digest_bytes = (part(found, head, name) for name in ("index", "state", "digest"))
            step("index", orjson.loads, index_bytes)
            state = state_values(step("state", orjson.loads, state_bytes))
            rows, _ = step("head", read_head, path) or ({}, {})
            step("plan", lambda both: plan(*both, TODAY), (rows, state))
            digest = step("digest", orjson.loads, digest_bytes)
            step("old plan", lambda both: plan(*both, TODAY), (digest, state))
            parsed += len(getattr(rows, "parsed", ()))
            size += found.digest
            index_size += found.plan
    finally:
        planner.all_due_indexed, planner.all_due = all_due_indexed, all_due  # type: ignore[attr-defined]
        planner.write = write  # type: ignore[attr-defined]
    ms = {name: spent / len(paths) * 1000 for name, spent in steps.items()}
    rest_of_head = max(0.0, ms["head"] - ms["read"] - ms["index"] - ms["state"])
    new = ms["head"] + ms["plan"]
    old = ms["read"] + ms["digest"] + ms["state"] + rest_of_head + ms["old plan"]
    print(
        f"where the time goes (CPU ms per user, {len(paths):,} users, digest {size / len(paths) / 1000:.0f} KB, "
        f"planning index {index_size / len(paths) / 1000:.0f} KB):"
    )
    print(
        f"  head {ms['head']:.3f}: read the bytes {ms['read']:.3f}, parse the index {ms['index']:.3f}, parse the state "
        f"{ms['state']:.3f}, the rest of read_head {rest_of_head:.3f}"
    )
    print(
        f"  plan {ms['plan']:.3f}: find what is due (all_due_indexed) {ms['plan finding']:.3f}, word the picked nudges "
        f"{ms['plan wording']:.3f}, the rest (rest, snoozes, variety) "
        f"{max(0.0, ms['plan'] - ms['plan finding'] - ms['plan wording']):.3f}; "
        f"{parsed / len(paths):.1f} digest rows parsed per user"
    )
    print(f"  total {new:.3f} ms/user = {1000 / new:,.0f} users per CPU-second")
    print(
        f"  before the index, same users: parse the digest JSON {ms['digest']:.3f}, due.all_due "
        f"{ms['old plan finding']:.3f}, word {ms['old plan wording']:.3f}, the rest "
        f"{max(0.0, ms['old plan'] - ms['old plan finding'] - ms['old plan wording']):.3f}; "
        f"total {old:.3f} ms/user = {1000 / old:,.0f} users per CPU-second"
    )


def p99(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.99) - 1)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--contacts", type=int, default=200)
    parser.add_argument(
        "--workers", type=int, default=min(2, os.cpu_count() or 1), help="processes (setup, parallel planning)"
    )
    parser.add_argument("--sample", type=int, default=500, help="users in the 'where the time goes' split")
    parser.add_argument("--passes", type=int, default=3, help="passes of planning from the head (the median counts)")
    args = parser.parse_args()
    check_shape()

    root = Path(tempfile.mkdtemp(prefix="nurture-bench-planning-"))
    try:
        users_dir = root / "users"
        users_dir.mkdir()
        started = time.perf_counter()
        setup(users_dir, args.users, args.contacts, args.workers)
        size = sum(entry.stat().st_size for entry in os.scandir(users_dir))
        print(
            f"setup: {args.users:,} notebooks x {args.contacts} contacts, {size / 1e6:,.0f} MB, "
            f"written in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        os.sync()  # the kernel writing the setup's files out must not run during the passes

        head_pass = (
            "planning from the head (glance + plan)",
            Store.glance,
            lambda g: plan(g.rows, g.state, TODAY).nudges,
        )
        full_pass = ("full open + plan (the morning job)", Store.notebook, lambda nb: plan_for(nb, TODAY).nudges)
        rates: list[float] = []
        for number, (label, load_one, plan_one) in enumerate([*[head_pass] * args.passes, full_pass], 1):
            if load_one is Store.glance:
                label = f"{label}, pass {number} of {args.passes}"
            forget_caches()  # every pass starts as if each text were new to the process
            store = open_store(root)  # fresh: nothing cached, every notebook is read from its file
            load_times: list[float] = []
            plan_times: list[float] = []
            nudges = 0
            cpu_started = time.thread_time()
            started = time.perf_counter()
            for user_id in store.user_ids():
                t0 = time.perf_counter()
                loaded = load_one(store, user_id)
                t1 = time.perf_counter()
                nudges += len(plan_one(loaded))
                t2 = time.perf_counter()
                load_times.append(t1 - t0)
                plan_times.append(t2 - t1)
            wall = time.perf_counter() - started
            cpu = time.thread_time() - cpu_started
            planned = len(load_times)
            load, planning = sum(load_times), sum(plan_times)
            print(
                f"{label}: {planned:,} users in {wall:.2f} s: {planned / wall:,.0f} users/s; "
                f"CPU {cpu / planned * 1000:.2f} ms/user ({planned / cpu:,.0f} users per CPU-second)"
            )
            if load_one is Store.glance:
                rates.append(planned / wall)
                if len(rates) == args.passes:
                    median = statistics.median(rates)
                    print(f"planning from the head, median of {args.passes} passes: {median:,.0f} users/s")
            print(
                f"  split: load {load / wall:.0%} ({load / planned * 1000:.2f} ms/user), "
                f"plan {planning / wall:.0%} ({planning / planned * 1000:.2f} ms/user)"
            )
            print(
                f"  per user p50/p99: load {ms(statistics.median(load_times))} / {ms(p99(load_times))} ms, "
                f"plan {ms(statistics.median(plan_times))} / {ms(p99(plan_times))} ms; "
                f"{nudges / planned:.1f} nudges per user",
                flush=True,
            )
        # Mornings are independent per user, so planning spreads over both cores; the wall time includes
        # starting the worker processes.
        ids = open_store(root).user_ids()
        chunks = [ids[i :: args.workers] for i in range(args.workers)]
        started = time.perf_counter()
        with ProcessPoolExecutor(max_workers=args.workers) as pool:
            nudges = sum(pool.map(plan_users, [str(root)] * len(chunks), chunks))
        wall = time.perf_counter() - started
        print(
            f"planning from the head on {args.workers} processes: {len(ids):,} users in {wall:.2f} s: "
            f"{len(ids) / wall:,.0f} users/s ({nudges / len(ids):.1f} nudges per user)"
        )
        where_the_time_goes(root, open_store(root).user_ids()[: args.sample])
        print("target: >= 3,000 users/s planned in one process (issue #11)")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
