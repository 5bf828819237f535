"""How long one message takes to handle, through the real Application, as a user's notebook and the number of
other users grow.

    python bench/bench_handlers.py [--samples 150] [--others 10000]

(``--others 100`` runs the same cells with 100 other users instead of 10,000: seconds of setup, not minutes.)

For each cell (1 / 100 / 1,000 contacts for the user x 1 / 10,000 other users' notebooks on disk; the two "other
users" settings are measured sample by sample in turn, so the ratio compares like with like) it times
``/met <someone new> at <place>`` and ``/draft thanks <name>`` end to end (``app.process_update``, including the
fsynced save and the in-process Bot API) and prints p50/p99 in ms. Updates are spaced out like a person typing,
so the rate limiter starts idle; time spent waiting in it is reported separately ("limiter") and subtracted
for "work". Each /met's new contact is removed afterwards (untimed) so the notebook keeps its size.

Targets at 1,000 contacts: work p50 < 5 ms, p99 < 20 ms; 10,000 other users change latency by < 10 %.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import synthetic  # noqa: F401 - puts the repo on sys.path
from harness import percentile
from synthetic import notebook_document, person_name, write_notebook
from telegram import Update
from telegram.ext import BaseRateLimiter

from bot.app import build_application
from bot.clock import FixedClock
from bot.coach.journal.captures import forget_contact
from bot.config import Settings
from bot.local_api import LocalBotAPI, LocalChat
from bot.notebooks import open_store

NOW = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)
USER = 1
CONTACT_COUNTS = (1, 100, 1_000)
OTHER_COUNTS = (1, 10_000)
PACE = 0.04  # seconds between messages: the limiter (29.5/s, bucket of one) has drained by then


def write_others(users_dir: Path, count: int) -> float:
    started = time.perf_counter()
    rng = random.Random(7)
    today = NOW.date()
    for n in range(count):
        write_notebook(users_dir, 10_000 + n, notebook_document(10_000 + n, 20, today, rng))
    return time.perf_counter() - started


class TimedLimiter(BaseRateLimiter):
    """Wraps the app's rate limiter to add up how long calls waited in it before going out."""

    def __init__(self, inner: BaseRateLimiter) -> None:
        self.inner = inner
        self.waited = 0.0

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

    async def process_request(self, callback: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        asked = time.perf_counter()

        async def go(*a: Any, **k: Any) -> Any:
            self.waited += time.perf_counter() - asked
            return await callback(*a, **k)

        return await self.inner.process_request(callback=go, **kwargs)


class Cell:
    """One user with ``contacts`` contacts in a data folder, served by its own real Application."""

    def __init__(self, data_dir: Path, contacts: int) -> None:
        write_notebook(data_dir / "users", USER, notebook_document(USER, contacts, NOW.date(), random.Random(contacts)))
        self.store = open_store(data_dir)  # fresh: nothing cached from an earlier cell
        self.api = LocalBotAPI()
        self.app = build_application(Settings(data_dir=data_dir), self.store, FixedClock(NOW), request=self.api)
        self.errors: list[BaseException] = []

        async def collect(update: object, context: Any) -> None:
            self.errors.append(context.error)

        self.app.add_error_handler(collect)
        self.limiter = TimedLimiter(self.app.bot.rate_limiter)
        self.app.bot._rate_limiter = self.limiter  # the one seam to observe it: ExtBot has no public setter
        self.chat = LocalChat(user_id=USER, first_name="Alex")
        self.results: dict[str, dict[str, list[float]]] = {}

    async def sample(self, label: str, text: str, keep: bool) -> None:
        update = Update.de_json(self.chat.message(text), self.app.bot)
        self.limiter.waited = 0.0
        before = len(self.api.calls)
        started = time.perf_counter()
        await self.app.process_update(update)
        elapsed = time.perf_counter() - started
        if keep:
            series = self.results.setdefault(label, {"total": [], "work": []})
            series["total"].append(elapsed * 1000)
            series["work"].append((elapsed - self.limiter.waited) * 1000)
        if label == "/met":
            replies = [str(p.get("text", "")) for m, p in self.api.calls[before:] if m == "sendMessage"]
            if not any("Saved" in r for r in replies):
                print(f"   ! unexpected reply to {text!r}: {replies[:1]}", file=sys.stderr)
            notebook = self.store.notebook(USER)  # untimed: keep the notebook at its size
            name = text.removeprefix("/met ").removesuffix(" at a product meetup")
            for contact in notebook.contacts():
                if contact.name == name:
                    forget_contact(notebook, contact.id)

    def summary(self) -> dict[str, dict[str, float]]:
        if self.errors:
            print(f"   ! {len(self.errors)} handler errors, first: {self.errors[0]!r}", file=sys.stderr)
        return {
            label: {
                "p50": statistics.median(series["work"]),
                "p99": percentile(series["work"], 99),
                "total_p50": statistics.median(series["total"]),
                "total_p99": percentile(series["total"], 99),
            }
            for label, series in self.results.items()
        }


async def measure(data_dirs: dict[int, Path], contacts: int, samples: int, warmup: int) -> dict[int, dict]:
    """Both "other users" settings for one notebook size, sample by sample in turn, so that the machine's drift
    (other processes, disk writeback) falls on both alike and their ratio is fair."""
    cells = {others: Cell(data_dir, contacts) for others, data_dir in data_dirs.items()}
    known = person_name(0)
    for cell in cells.values():
        await cell.app.initialize()
    try:
        for label, make in (
            ("/met", lambda i: f"/met {person_name(500_000 + i)} at a product meetup"),
            ("/draft", lambda i: f"/draft thanks {known}"),
        ):
            for i in range(warmup + samples):
                for cell in cells.values():
                    await asyncio.sleep(PACE)
                    await cell.sample(label, make(i), keep=i >= warmup)
    finally:
        for cell in cells.values():
            await cell.app.shutdown()
    return {others: cell.summary() for others, cell in cells.items()}


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--samples", type=int, default=150)
    parser.add_argument("--warmup", type=int, default=15)
    parser.add_argument("--others", type=int, default=OTHER_COUNTS[-1], help="other users' notebooks on disk")
    args = parser.parse_args()
    many_count = args.others
    other_counts = (1, many_count)

    root = Path(tempfile.mkdtemp(prefix="nurture-bench-handlers-"))
    table: dict[tuple[int, int], dict[str, dict[str, float]]] = {}
    try:
        data_dirs = {}
        for others in other_counts:
            data_dir = root / f"others-{others}"
            users_dir = data_dir / "users"
            users_dir.mkdir(parents=True)
            took = write_others(users_dir, others)
            print(f"setup: {others:,} other users' notebooks (20 contacts each) written in {took:.1f} s", flush=True)
            data_dirs[others] = data_dir
        os.sync()  # flush the setup's dirty pages now, not during the measured fsyncs
        for contacts in CONTACT_COUNTS:
            for others, cell in (await measure(data_dirs, contacts, args.samples, args.warmup)).items():
                table[(others, contacts)] = cell
                print(
                    f"  others={others:>6,} contacts={contacts:>5,}  "
                    + "  ".join(
                        f"{label} work p50 {s['p50']:6.2f} p99 {s['p99']:6.2f} ms "
                        f"(with limiter p50 {s['total_p50']:6.2f} p99 {s['total_p99']:6.2f})"
                        for label, s in cell.items()
                    ),
                    flush=True,
                )
    finally:
        shutil.rmtree(root, ignore_errors=True)

    print()
    print(f"command  contacts  others=1 p50/p99 ms   others={many_count:,} p50/p99 ms   ratio p50 ({many_count:,} / 1)")
    for label in ("/met", "/draft"):
        for contacts in CONTACT_COUNTS:
            one = table[(1, contacts)][label]
            many = table[(many_count, contacts)][label]
            print(
                f"{label:<8} {contacts:>8,}  {one['p50']:7.2f} / {one['p99']:7.2f}     "
                f"{many['p50']:7.2f} / {many['p99']:7.2f}            {many['p50'] / one['p50']:.2f}"
            )
    at_1000 = table[(many_count, 1_000)]
    print()
    print("targets at 1,000 contacts: work p50 < 5 ms, p99 < 20 ms; other users change latency by < 10 %")
    for label, s in at_1000.items():
        print(f"  {label}: p50 {s['p50']:.2f} ms, p99 {s['p99']:.2f} ms")


if __name__ == "__main__":
    asyncio.run(main())
