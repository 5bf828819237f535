"""PostgreSQL beside the files: ``/met`` through the real Application, what the database pays per update, and the
morning job's real path for 10,000 users.

    python bench/bench_postgres.py [--users 10000] [--contacts 50] [--samples 200] [--passes 2]

A throwaway cluster with PostgreSQL's default durability (fsync and synchronous commit on) is started in a temporary
folder (tools/pgserver.py), on this machine, beside the files' temporary folder on the same disk; or
``COACH_BENCH_DATABASE_URL`` names one (its database must be empty).

1. ``/met <someone new> at <place>`` end to end (``app.process_update``: the capture, one save, the reply through the
   in-process Bot API) for one user with ``--contacts`` contacts, over files and over PostgreSQL, sample by sample
   in turn (bench_handlers.py's cell). p50/p99 in ms; "work" leaves out the time spent waiting for a send slot,
   which with a database includes taking it from the shared bucket (one statement), shown apart.
2. What the database pays per /met: the statements the store sends (each one round trip), WAL bytes, rows and
   table bytes (``pg_current_wal_lsn()``, ``pg_total_relation_size``) before and after each timed /met.
3. The morning job's path (bench_planning.py's pass: open the notebook's head, plan, claim and word in one save,
   settle in a second) for ``--users`` users, over files and over PostgreSQL (the same notebooks, moved in with
   ``nurture migrate``'s code, which is timed too). users/s per pass.
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
from datetime import timedelta
from pathlib import Path
from typing import Any

import synthetic  # noqa: F401 - puts the repo on sys.path
from bench_handlers import NOW, PACE, USER, TimedLimiter
from bench_planning import TODAY, morning_of, one_pass, setup
from harness import forget_caches, percentile
from synthetic import notebook_document, person_name, write_notebook
from telegram import Update

from bot.app import build_application
from bot.clock import FixedClock
from bot.coach.journal.captures import forget_contact
from bot.config import Settings
from bot.local_api import LocalBotAPI, LocalChat
from bot.migrate import DatabaseSide, FolderSide, migrate
from bot.notebooks import open_store
from bot.store.database import Database
from tools.pgserver import Cluster, wait_for


class Cell:
    """One user's notebook served by a real Application over ``store``."""

    def __init__(self, store: Any, data_dir: Path) -> None:
        self.store = store
        self.api = LocalBotAPI()
        self.app = build_application(Settings(data_dir=data_dir), store, FixedClock(NOW), request=self.api)
        self.limiter = TimedLimiter(self.app.bot.rate_limiter)
        self.app.bot._rate_limiter = self.limiter  # the one seam to observe it: ExtBot has no public setter
        self.chat = LocalChat(user_id=USER, first_name="Alex")
        self.work: list[float] = []
        self.total: list[float] = []
        self.paid: dict[str, int] = {}  # what the database did for the timed /met (not the untimed deletion)

    async def met(self, name: str, keep: bool, db: Database | None = None) -> None:
        update = Update.de_json(self.chat.message(f"/met {name} at a product meetup"), self.app.bot)
        self.limiter.waited = 0.0
        before = database_counters(db) if db is not None else {}
        statements = CountedDatabase.statements
        started = time.perf_counter()
        await self.app.process_update(update)
        elapsed = time.perf_counter() - started
        if db is not None and keep:
            sent = CountedDatabase.statements - statements
            after = database_counters(db)
            for key, value in [*after.items(), ("statements", sent)]:
                self.paid[key] = self.paid.get(key, 0) + value - before.get(key, 0)
        if keep:
            self.total.append(elapsed * 1000)
            self.work.append((elapsed - self.limiter.waited) * 1000)
        async with self.store.lease(USER) as notebook:  # untimed: the notebook keeps its size
            for contact in notebook.contacts():
                if contact.name == name:
                    forget_contact(notebook, contact.id)

    def line(self, label: str) -> str:
        return (
            f"{label:<11} work p50 {statistics.median(self.work):6.2f} ms  p99 {percentile(self.work, 99):6.2f} ms   "
            f"with the send slot p50 {statistics.median(self.total):6.2f} ms  p99 {percentile(self.total, 99):6.2f}"
        )


class CountedDatabase(Database):
    """The store's database, counting the statements it sends (each is one round trip)."""

    statements = 0

    def query(self, sql: str, params: Any = None, *, binary: bool = False) -> list[tuple[Any, ...]]:
        CountedDatabase.statements += 1
        return super().query(sql, params, binary=binary)

    def try_turn(self, user_id: int) -> tuple[bool, int | None]:
        CountedDatabase.statements += 1
        return super().try_turn(user_id)

    def leave(self, user_id: int) -> None:
        CountedDatabase.statements += 1
        super().leave(user_id)


def database_counters(db: Database) -> dict[str, int]:
    row = db.query(
        "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn, "
        "pg_total_relation_size('notebooks') + pg_total_relation_size('notebook_changes'), "
        "(SELECT count(*) FROM notebook_changes)"
    )[0]
    return {"wal": int(row[0]), "bytes": int(row[1]), "change rows": int(row[2])}


async def compare_met(root: Path, db: Database, contacts: int, samples: int) -> None:
    document = notebook_document(USER, contacts, NOW.date(), random.Random(contacts))
    (root / "files" / "users").mkdir(parents=True)
    write_notebook(root / "files" / "users", USER, document)
    migrate(FolderSide(root / "files"), DatabaseSide(db))
    cells = {"files": Cell(open_store(root / "files"), root / "files"), "postgresql": Cell(open_store(db), root)}
    for cell in cells.values():
        await cell.app.initialize()
    try:
        warmup = 10
        for i in range(warmup):
            for cell in cells.values():
                await cell.met(person_name(600_000 + i), keep=False)
        for i in range(samples):
            for label, cell in cells.items():
                await asyncio.sleep(PACE)
                await cell.met(person_name(700_000 + i), keep=True, db=db if label == "postgresql" else None)
    finally:
        for cell in cells.values():
            await cell.app.shutdown()
    print(f"/met for one user with {contacts} contacts, {samples} samples each, in turn:")
    for label, cell in cells.items():
        print("  " + cell.line(label))
    per = {k: v / samples for k, v in cells["postgresql"].paid.items()}
    print(
        f"  the database per /met: {per['statements']:.1f} statements (the turn, the save, a send slot per reply, "
        f"the turn given back), {per['wal'] / 1024:.1f} KiB of WAL, {per['change rows']:.2f} change rows, "
        f"{per['bytes'] / 1024:+.1f} KiB of table"
    )


def compare_mornings(root: Path, db: Database, users: int, contacts: int, passes: int) -> None:
    folder = root / "mornings"
    (folder / "users").mkdir(parents=True)
    started = time.perf_counter()
    setup(folder / "users", users, contacts, min(2, os.cpu_count() or 1))
    size = sum(p.stat().st_size for p in (folder / "users").iterdir())
    took = time.perf_counter() - started
    print(f"\nmornings: {users:,} users x {contacts} contacts ({size / 1e6:.0f} MB), written in {took:.0f} s")
    with db.connection() as conn:
        conn.execute("TRUNCATE notebooks, notebook_changes")
    started = time.perf_counter()
    moved = migrate(FolderSide(folder), DatabaseSide(db))
    took = time.perf_counter() - started
    print(f"  nurture migrate into PostgreSQL: {moved.notebooks:,} notebooks in {took:.1f} s, verified")
    print("  in the database: " + table_sizes(db))
    ids = open_store(folder).user_ids()
    for number in range(passes):
        for label, store in (("files", open_store(folder)), ("postgresql", open_store(db))):
            forget_caches()
            now = morning_of(TODAY + timedelta(days=number))
            before, statements = database_counters(db), CountedDatabase.statements
            wall, cpu = time.perf_counter(), time.thread_time()
            ready = asyncio.run(one_pass(store, ids, now))
            wall, cpu = time.perf_counter() - wall, time.thread_time() - cpu
            paid = ""
            if label == "postgresql":
                after = database_counters(db)
                paid = (
                    f"; per user {(CountedDatabase.statements - statements) / len(ids):.1f} statements, "
                    f"{(after['wal'] - before['wal']) / len(ids) / 1024:.1f} KiB of WAL"
                )
            print(
                f"  pass {number + 1} {label:<10} {ready:,} mornings planned, claimed, worded and settled in "
                f"{wall:5.1f} s = {len(ids) / wall:6,.0f} users/s; CPU {cpu / len(ids) * 1000:.2f} ms/user{paid}"
            )
    print("  in the database after the passes: " + table_sizes(db))


def table_sizes(db: Database) -> str:
    """Rows and bytes (with indexes and TOAST) of the notebooks' two tables, and the whole database's size."""
    row = db.query(
        "SELECT (SELECT count(*) FROM notebooks), pg_total_relation_size('notebooks'), "
        "(SELECT count(*) FROM notebook_changes), pg_total_relation_size('notebook_changes'), "
        "pg_database_size(current_database())"
    )[0]
    notebooks, notebook_bytes, changes, change_bytes, whole = (int(v) for v in row)
    return (
        f"notebooks {notebooks:,} rows, {notebook_bytes / 1e6:.0f} MB ({notebook_bytes / max(notebooks, 1) / 1024:.1f} "
        f"KiB a row); notebook_changes {changes:,} rows, {change_bytes / 1e6:.1f} MB; database {whole / 1e6:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--contacts", type=int, default=50, help="per user, for the mornings (/met uses 100)")
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--passes", type=int, default=2)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="nurture-bench-postgres-"))
    url = os.environ.get("COACH_BENCH_DATABASE_URL", "")
    cluster = None
    try:
        if not url:
            cluster = Cluster(root / "pg")
            url = cluster.start(durable=True)
            wait_for(url)
        db = CountedDatabase(url)
        print(f"PostgreSQL {db.query('SHOW server_version')[0][0]}, fsync {db.query('SHOW fsync')[0][0]}, "
              f"synchronous_commit {db.query('SHOW synchronous_commit')[0][0]}")  # fmt: skip
        asyncio.run(compare_met(root, db, 100, args.samples))
        compare_mornings(root, db, args.users, args.contacts, args.passes)
        db.close()
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(root, ignore_errors=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
