"""PostgreSQL as a store's place (``COACH_DATABASE_URL=postgresql://...``): every notebook, and what goes beside it,
in one database that several Nurture processes share.

**The same notebooks, in rows.** A notebook is its snapshot line in ``notebooks`` and one row per appended change
line in ``notebook_changes`` (migrations.py), the very bytes a file would hold, sealed the same way with
COACH_DATA_KEY. ``RowPages`` gives storage.py those bytes back as one file's worth, so parsing, the lazy records,
compaction, the hints of what changed and encryption are the file store's own code. A save is one statement: its
change row and the notebook's new version commit together, or not at all.

**Several processes, one notebook at a time.** Each user has a *turn* across processes: a session-level advisory
lock (key: the user id) taken on this process's one lock connection while the store holds the user's turn
(notebooks.py ``Store.hold``). A process that dies, however it dies, loses its connection and with it its locks, so
nothing is left to clean up. Taking the turn also reads the notebook's ``version``: a copy cached here that another
process changed (or deleted) since is dropped and read again. Every save names the version it was read at and is
refused when that is not the current one (``ChangedElsewhere``): even a lock lost with its connection can never
let an older copy be saved over a newer one.

The driver is psycopg 3 (with psycopg-pool), synchronous like TinyDB's ``Storage`` seam that calls it (asyncpg
would need a hop to another thread for every read and save; bench/bench_drivers.py measures both).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from bot.store import logfile, migrations
from bot.store.crypto import REKEY_JOURNAL, Codec, DataKeyError, check_keys
from bot.store.errors import StoreError, UnreadableData
from bot.store.rows import DatabaseMarks, RowPages, aside_name, whole_notebook

log = logging.getLogger(__name__)

INSTANCE_LOCK = -0x4E55_5200  # polling takes it alone, webhook replicas share it (see ``Database.claim_instance``)
POOL_SIZE = 8  # connections for reads and saves (each is one short statement); the lock connection is apart
CONNECT_TIMEOUT_S = 10.0
REKEY_FLAG = REKEY_JOURNAL  # in store_flags while `nurture rotate-key` runs: the key id it is moving to
TURN_POLL_S = (0.002, 0.05)  # waiting for another process's turn: first and longest pause between tries
# Granted advisory locks of this database: advisory lock keys are per database, but pg_locks shows the whole server,
# where other deployments may hold the same keys on their own databases.
_THIS_DATABASE = (
    "locktype = 'advisory' AND granted AND objsubid = 1 "
    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
)


class NotStarted(StoreError):
    """Another Nurture process holds the database in a way that excludes this one (see ``claim_instance``)."""


def redact_url(url: str) -> str:
    """A database URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


class Database:
    """A PostgreSQL database as a store's place (place.py)."""

    shared = True

    def __init__(self, url: str, *, pool_size: int = POOL_SIZE, migrate: bool = True) -> None:
        import psycopg
        from psycopg_pool import ConnectionPool, PoolTimeout

        self.url = url
        self.name = redact_url(url)
        self._psycopg = psycopg
        self.pool = ConnectionPool(
            url,
            min_size=1,
            max_size=pool_size,
            kwargs={"autocommit": True, "connect_timeout": int(CONNECT_TIMEOUT_S)},
            open=False,
            timeout=CONNECT_TIMEOUT_S,
        )
        self._lock_conn: Any = None
        self._lock_guard = threading.Lock()
        self._held: set[int] = set()
        try:
            # One connection first: what stops it (refused, a wrong password) is said in its own words.
            psycopg.connect(url, connect_timeout=int(CONNECT_TIMEOUT_S)).close()
            self.pool.open(wait=True, timeout=CONNECT_TIMEOUT_S)
            if migrate:
                with self.connection() as conn:
                    applied = migrations.apply(conn)
                if applied:
                    log.info("database schema brought up to migration %d", migrations.LATEST)
        except (psycopg.Error, PoolTimeout, migrations.NewerSchema) as error:
            self.pool.close()
            reason = str(error) if not isinstance(error, PoolTimeout) else "no connection could be made"
            raise DatabaseUnusable(f"cannot use the database {self.name}: {reason}") from error

    def close(self) -> None:
        with self._lock_guard:
            if self._lock_conn is not None:
                self._lock_conn.close()
                self._lock_conn = None
        self.pool.close()

    @contextmanager
    def connection(self) -> Iterator[Any]:
        with self.pool.connection() as conn:
            yield conn

    def query(self, sql: str, params: Any = None, *, binary: bool = False) -> list[tuple[Any, ...]]:
        """One statement; ``binary``: results in PostgreSQL's binary format (bytea as is, not hex: notebooks)."""
        with self.connection() as conn:
            return conn.execute(sql, params, binary=binary).fetchall()

    # -- the turn across processes ----------------------------------------------------------------------------------

    def _locks(self) -> Any:
        """The connection that holds this process's advisory locks (opened again if it was lost: the locks it held
        went with it, and the saves' version check covers the moment)."""
        if self._lock_conn is None or self._lock_conn.closed:
            self._held.clear()
            self._lock_conn = self._psycopg.connect(self.url, autocommit=True, connect_timeout=int(CONNECT_TIMEOUT_S))
        return self._lock_conn

    def try_turn(self, user_id: int) -> tuple[bool, int | None]:
        """Take the user's turn if no other process holds it; (taken, the notebook's current version or None)."""
        with self._lock_guard:
            try:
                row = (
                    self._locks()
                    .execute(
                        "SELECT pg_try_advisory_lock(%s), (SELECT version FROM notebooks WHERE user_id = %s)",
                        (user_id, user_id),
                    )
                    .fetchone()
                )
            except self._psycopg.OperationalError:
                self._lock_conn = None
                raise
            if row[0]:
                self._held.add(user_id)
            return bool(row[0]), row[1]

    async def enter(self, user_id: int) -> object:
        pause = TURN_POLL_S[0]
        while True:
            taken, version = self.try_turn(user_id)
            if taken:
                return version
            await asyncio.sleep(pause)
            pause = min(pause * 2, TURN_POLL_S[1])

    def leave(self, user_id: int) -> None:
        with self._lock_guard:
            if user_id not in self._held:
                return
            self._held.discard(user_id)
            try:
                self._locks().execute("SELECT pg_advisory_unlock(%s)", (user_id,))
            except self._psycopg.Error:
                self._lock_conn = None  # gone with the connection anyway

    def instances(self) -> str:
        """Which Nurture processes hold the database ("" when none): "a polling bot", "2 webhook replicas"."""
        row = self.query(
            "SELECT count(*) FILTER (WHERE mode = 'ShareLock'), bool_or(mode = 'ExclusiveLock') FROM pg_locks "
            f"WHERE {_THIS_DATABASE} AND (classid::bigint << 32 | objid::bigint) = %s",
            (INSTANCE_LOCK,),
        )[0]
        if row[1]:
            return "a polling bot runs"
        if row[0]:
            return f"{row[0]} webhook replica{'s' if row[0] > 1 else ''} run{'' if row[0] > 1 else 's'}"
        return ""

    def current(self, pages: object, version: object) -> bool:
        return isinstance(pages, RowPages) and pages.version == version

    def claim_instance(self, exclusive: bool) -> None:
        """Polling is one process per bot (``exclusive``: no other Nurture process on this database); webhook
        replicas share the database with each other but never with a polling one. NotStarted says who is there."""
        sql = "SELECT pg_try_advisory_lock(%s)" if exclusive else "SELECT pg_try_advisory_lock_shared(%s)"
        with self._lock_guard:
            row = self._locks().execute(sql, (INSTANCE_LOCK,)).fetchone()
            if row[0]:
                return
            holders = (
                self._locks()
                .execute(
                    "SELECT count(*), bool_or(mode = 'ExclusiveLock') FROM pg_locks "
                    f"WHERE {_THIS_DATABASE} AND (classid::bigint << 32 | objid::bigint) = %s",
                    (INSTANCE_LOCK,),
                )
                .fetchone()
            )
        others = holders[0] if holders else 0
        if exclusive:
            raise NotStarted(
                f"another Nurture process ({others} in all) uses the database {self.name}: polling runs as one "
                "process only (stop the other one, or run replicas with --webhook)"
            )
        raise NotStarted(
            f"a Nurture bot polls Telegram on the database {self.name}: stop it before starting webhook replicas"
        )

    # -- notebooks --------------------------------------------------------------------------------------------------

    def pages(self, user_id: int) -> RowPages:
        return RowPages(self, int(user_id))

    def has_notebook(self, user_id: int) -> bool:
        return bool(self.query("SELECT 1 FROM notebooks WHERE user_id = %s", (user_id,)))

    def user_ids(self) -> list[int]:
        return [row[0] for row in self.query("SELECT user_id FROM notebooks ORDER BY user_id")]

    def read_head(self, user_id: int, codec: Codec | None) -> tuple[dict[str, Any], dict[str, Any]] | None:
        raw = self.pages(user_id).read()
        if raw is None:
            return None
        try:
            parsed = logfile.parse(raw, codec, str(user_id), f"{user_id}.json")
        except UnreadableData:
            return None
        return logfile.head_of(parsed) if parsed is not None else None

    def saved_since(self, since: datetime) -> list[tuple[int, datetime]]:
        """(user id, when saved) of every notebook saved at or after ``since``: how replicas follow each other."""
        rows = self.query("SELECT user_id, saved_at FROM notebooks WHERE saved_at >= %s ORDER BY saved_at", (since,))
        return [(row[0], row[1]) for row in rows]

    def now(self) -> datetime:
        """The database's clock (replicas compare save times by it, never by their own)."""
        when: datetime = self.query("SELECT now()")[0][0]
        return when

    def set_aside_notebook(self, user_id: int, why: str) -> str | None:
        with self.connection() as conn, conn.transaction():
            raw = whole_notebook(conn, user_id, lock=True)
            if raw is None:
                return None
            name = aside_name(conn, user_id, why)
            conn.execute(
                "INSERT INTO set_aside (name, user_id, why, content) VALUES (%s, %s, %s, %s)",
                (name, user_id, why, raw),
            )
            conn.execute("DELETE FROM notebooks WHERE user_id = %s", (user_id,))
        return name

    def delete_user(self, user_id: int) -> None:
        with self.connection() as conn, conn.transaction():
            for table in ("notebooks", "set_aside", "notices", "side_files"):
                conn.execute(f"DELETE FROM {table} WHERE user_id = %s", (user_id,))

    # -- beside the notebooks ---------------------------------------------------------------------------------------

    def create(self) -> None:
        """Nothing to make: the migrations made the tables."""

    def leave_notice(self, user_id: int, payload: bytes) -> None:
        self.query(
            "INSERT INTO notices (user_id, payload) VALUES (%s, %s) "
            "ON CONFLICT (user_id) DO UPDATE SET payload = excluded.payload RETURNING 1",
            (user_id, payload),
        )

    def take_notice(self, user_id: int) -> bytes | None:
        rows = self.query("DELETE FROM notices WHERE user_id = %s RETURNING payload", (user_id,))
        return bytes(rows[0][0]) if rows else None

    def has_notice(self, user_id: int) -> bool:
        return bool(self.query("SELECT 1 FROM notices WHERE user_id = %s", (user_id,)))

    def noticed(self) -> set[int]:
        return set()  # asked of the database each time (another process may leave one): see Store.take_notice

    def write_side(self, user_id: int, name: str, payload: bytes) -> None:
        self.query(
            "INSERT INTO side_files (user_id, name, payload) VALUES (%s, %s, %s) "
            "ON CONFLICT (user_id, name) DO UPDATE SET payload = excluded.payload RETURNING 1",
            (user_id, name, payload),
        )

    def read_side(self, user_id: int, name: str) -> bytes:
        rows = self.query("SELECT payload FROM side_files WHERE user_id = %s AND name = %s", (user_id, name))
        if not rows:
            raise FileNotFoundError(f"{user_id}.json.side-{name}")
        return bytes(rows[0][0])

    def delete_side(self, user_id: int, name: str) -> None:
        self.query("DELETE FROM side_files WHERE user_id = %s AND name = %s RETURNING 1", (user_id, name))

    def marks(self) -> DatabaseMarks:
        return DatabaseMarks(self)

    def problem(self) -> str:
        """What keeps the database from being used ("" when nothing)."""
        try:
            self.query("SELECT 1 FROM notebooks LIMIT 0")
        except self._psycopg.errors.UndefinedTable:
            return f"the database {self.name} has no notebooks table (no Nurture bot ever started on it)"
        except Exception as error:  # whatever the driver says, it is the reason not to take traffic
            return f"the database {self.name} does not answer ({type(error).__name__}: {error})".strip()
        return ""

    # -- Telegram's overall rate, shared ----------------------------------------------------------------------------

    def take_send_slot(self, rate: float, burst: float = 1.0) -> float:
        """Reserve the next of Telegram's send slots in one bucket that every process shares: the seconds to wait
        before sending (0: now). The bucket refills at ``rate`` per second up to ``burst``; a reservation may drive
        it below zero, and the next ones wait for that debt."""
        rows = self.query(
            "INSERT INTO send_budget AS b (name, tokens, at) "
            "VALUES ('telegram', %(burst)s - 1, extract(epoch FROM clock_timestamp())) "
            "ON CONFLICT (name) DO UPDATE SET "
            "tokens = least(%(burst)s, b.tokens + (extract(epoch FROM clock_timestamp()) - b.at) * %(rate)s) - 1, "
            "at = extract(epoch FROM clock_timestamp()) RETURNING tokens",
            {"rate": rate, "burst": burst},
        )
        tokens = float(rows[0][0])
        return 0.0 if tokens >= 0 else -tokens / rate

    # -- a key rotation in progress ---------------------------------------------------------------------------------

    def flag(self, name: str) -> str | None:
        rows = self.query("SELECT value FROM store_flags WHERE name = %s", (name,))
        return str(rows[0][0]) if rows else None

    def set_flag(self, name: str, value: str | None) -> None:
        if value is None:
            self.query("DELETE FROM store_flags WHERE name = %s RETURNING 1", (name,))
        else:
            self.query(
                "INSERT INTO store_flags (name, value) VALUES (%s, %s) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value RETURNING 1",
                (name, value),
            )


class DatabaseUnusable(StoreError):
    """The database cannot be reached, or its schema cannot be brought up to date: says which, and why."""


def check_database(db: Database, codec: Codec | None) -> list[int]:
    """``crypto.check_folder`` for a database: DataKeyError when the notebooks and COACH_DATA_KEY do not go together
    (or a key rotation was interrupted); the ids of the users whose notebook alone does not go with it."""
    if db.flag(REKEY_FLAG) is not None:
        raise DataKeyError(
            "a key rotation (nurture rotate-key) was interrupted: run it again with the same COACH_DATA_KEY and "
            "COACH_NEW_DATA_KEY to finish it, then start the bot with the new key"
        )
    rows = db.query("SELECT user_id, substring(snapshot FROM 1 FOR 16) FROM notebooks ORDER BY user_id")
    return check_keys(((row[0], bytes(row[1])) for row in rows), codec, f"the database {db.name}")
