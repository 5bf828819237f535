"""psycopg 3 or asyncpg for the store? The statements the store runs, timed with each driver.

    python bench/bench_drivers.py [--rounds 2000]      (asyncpg is measured when it is installed)

The store's seam is TinyDB's ``Storage``: ``read`` and ``write`` are plain calls, made by the notebook in the middle
of a handler. So the driver is called synchronously, one statement at a time, on one connection:

- a save: one change row appended and the notebook's version bumped (one statement: bot/store/database.py);
- a read: the snapshot and its change rows in one statement (a 50 KB snapshot, 20 change rows);
- a turn: ``pg_try_advisory_lock`` with the notebook's version, then ``pg_advisory_unlock``.

psycopg is timed as the store calls it. asyncpg is timed twice: natively (awaited in its event loop: its best
case, which the store's synchronous seam cannot use) and as the store would have to call it (the statement handed
to an event loop in another thread and waited for, since a synchronous call cannot await on the loop it runs on).
Against a durable throwaway cluster on this machine (tools/pgserver.py), or ``COACH_BENCH_DATABASE_URL``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import synthetic  # noqa: F401 - puts the repo on sys.path
from harness import percentile

from tools.pgserver import Cluster, wait_for

SAVE = (
    "WITH saved AS (UPDATE notebooks SET version = version + 1, log_bytes = log_bytes + {size}, saved_at = now() "
    "WHERE user_id = {user} AND version = {version} RETURNING version) "
    "INSERT INTO notebook_changes (user_id, version, line) SELECT {user}, version, {line} FROM saved RETURNING version"
)
READ = (
    "SELECT version, snapshot, (SELECT array_agg(line ORDER BY version) FROM notebook_changes c "
    "WHERE c.user_id = n.user_id) FROM notebooks n WHERE user_id = {user}"
)
TURN = "SELECT pg_try_advisory_lock({user}), (SELECT version FROM notebooks WHERE user_id = {user})"
LINE = b'[["interactions","57",{"id":"a1b2c3d4e5f60718","contact_id":"0011223344556677","kind":"note"}]]\n' * 3


def prepare(url: str) -> None:
    from bot.store.database import Database

    db = Database(url)  # the schema
    with db.connection() as conn:
        conn.execute("TRUNCATE notebooks, notebook_changes")
    for user in (1, 2):
        db.pages(user).replace(b"{" + b'"x":"' + b"y" * 50_000 + b'"}\n' + b"".join([LINE] * 20))
    db.close()


def timed(rounds: int, step: Callable[[int], None]) -> list[float]:
    times = []
    for n in range(rounds):
        started = time.perf_counter()
        step(n)
        times.append((time.perf_counter() - started) * 1e6)
    return times


def report(label: str, times: dict[str, list[float]]) -> None:
    cells = "   ".join(
        f"{op} {statistics.median(t):7.0f} µs (p99 {percentile(t, 99):7.0f})" for op, t in times.items()
    )
    print(f"{label:<34} {cells}")


def one_turn(conn: object) -> None:
    conn.execute(TURN.format(user=3)).fetchone()  # type: ignore[attr-defined]
    conn.execute("SELECT pg_advisory_unlock(3)").fetchone()  # type: ignore[attr-defined]


def with_psycopg(url: str, rounds: int) -> dict[str, list[float]]:
    import psycopg

    conn = psycopg.connect(url, autocommit=True)
    version = conn.execute("SELECT version FROM notebooks WHERE user_id = 1").fetchone()[0]
    save = SAVE.format(size=len(LINE), user=1, version="%s", line="%s")

    def one_save(n: int) -> None:
        assert conn.execute(save, (version + n, LINE)).fetchone() is not None

    results = {
        "save": timed(rounds, one_save),
        "read": timed(rounds, lambda n: conn.execute(READ.format(user=2), binary=True).fetchone()),
        "turn": timed(
            rounds, lambda n: (conn.execute(TURN.format(user=3)), conn.execute("SELECT pg_advisory_unlock(3)"))
        ),
    }
    conn.close()
    return results


def with_asyncpg(url: str, rounds: int, *, from_a_thread: bool) -> dict[str, list[float]]:
    import asyncpg

    loop = asyncio.new_event_loop()
    runner = threading.Thread(target=loop.run_forever, daemon=True)
    runner.start()

    def run(coroutine: object) -> object:
        return asyncio.run_coroutine_threadsafe(coroutine, loop).result()  # type: ignore[arg-type]

    conn = run(asyncpg.connect(url))
    version = run(conn.fetchval("SELECT version FROM notebooks WHERE user_id = 1"))
    save = SAVE.format(size=len(LINE), user=1, version="$1", line="$2")
    read, turn = READ.format(user=2), TURN.format(user=3)

    async def natively(step: str, n: int) -> None:
        if step == "save":
            assert await conn.fetchval(save, version + n, LINE) is not None
        elif step == "read":
            await conn.fetchrow(read)
        else:
            await conn.fetchrow(turn)
            await conn.fetchval("SELECT pg_advisory_unlock(3)")

    results: dict[str, list[float]] = {}
    for step in ("save", "read", "turn"):
        if from_a_thread:  # as the synchronous seam would call it: one hop to the loop per statement
            results[step] = timed(rounds, lambda n, step=step: run(natively(step, n)))
        else:  # awaited inside the loop: timed there

            async def inside(step: str = step) -> list[float]:
                times = []
                for n in range(rounds):
                    started = time.perf_counter()
                    await natively(step, n)
                    times.append((time.perf_counter() - started) * 1e6)
                return times

            results[step] = run(inside())  # type: ignore[assignment]
        version += rounds if step == "save" else 0
    run(conn.close())
    loop.call_soon_threadsafe(loop.stop)
    runner.join()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="nurture-bench-drivers-"))
    url, cluster = os.environ.get("COACH_BENCH_DATABASE_URL", ""), None
    try:
        if not url:
            cluster = Cluster(root / "pg")
            url = cluster.start(durable=True)
            wait_for(url)
        print(f"{args.rounds} rounds of each statement, one connection, loopback; medians (p99)")
        prepare(url)
        report("psycopg, as the store calls it", with_psycopg(url, args.rounds))
        try:
            import asyncpg  # noqa: F401
        except ImportError:
            print("asyncpg is not installed: pip install asyncpg to compare")
            return
        prepare(url)
        report("asyncpg, natively (in its loop)", with_asyncpg(url, args.rounds, from_a_thread=False))
        prepare(url)
        report("asyncpg, from the synchronous seam", with_asyncpg(url, args.rounds, from_a_thread=True))
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
