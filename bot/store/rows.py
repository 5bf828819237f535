"""A notebook's bytes as rows of the database (database.py): its snapshot and change lines read back as one
file's worth (``RowPages``, what storage.py reads and writes through), what is kept beside it (copies set aside,
side files, a notice), and the deletion marks.

Written against ``Rows``, the little of ``Database`` it needs, so this module does not import the one that builds
it."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, Protocol

from bot.store.errors import StoreError
from bot.store.pages import Copy


class ChangedElsewhere(StoreError):
    """A save found the notebook changed by another process since it was read: refused, nothing written."""


class Rows(Protocol):
    """What the rows need of the database: its statements and its connections."""

    def query(self, sql: str, params: Any = None, *, binary: bool = False) -> list[tuple[Any, ...]]: ...

    def connection(self) -> AbstractContextManager[Any]: ...

    def has_notice(self, user_id: int) -> bool: ...


class RowPages:
    """One notebook's rows as pages (pages.py): the bytes of a file, and saves fenced by the notebook's version."""

    def __init__(self, db: Rows, user_id: int) -> None:
        self.db = db
        self.user_id = user_id
        self.name = f"{user_id}.json"
        self.owner = str(user_id)
        self.version: int | None = None  # as last read or saved here; None: no notebook saved

    def read(self) -> bytes | None:
        rows = self.db.query(
            "SELECT version, snapshot, (SELECT array_agg(line ORDER BY version) FROM notebook_changes c "
            "WHERE c.user_id = n.user_id) FROM notebooks n WHERE user_id = %s",
            (self.user_id,),
            binary=True,
        )
        if not rows:
            self.version = None
            return None
        version, snapshot, lines = rows[0]
        self.version = version
        return bytes(snapshot) + b"".join(bytes(line) for line in lines or ())

    def append(self, line: bytes) -> None:
        rows = self.db.query(
            "WITH saved AS (UPDATE notebooks SET version = version + 1, log_bytes = log_bytes + %(size)s, "
            "saved_at = now() WHERE user_id = %(user)s AND version = %(version)s RETURNING version) "
            "INSERT INTO notebook_changes (user_id, version, line) SELECT %(user)s, version, %(line)s FROM saved "
            "RETURNING version",
            {"user": self.user_id, "version": self.version, "line": line, "size": len(line)},
        )
        if not rows:
            raise ChangedElsewhere(f"{self.name}: changed by another process since it was read; nothing was saved")
        self.version = rows[0][0]

    def replace(self, payload: bytes) -> None:
        """The whole notebook (a snapshot line, and the lines after it if any: a migration or a key rotation)."""
        first, _, rest = payload.partition(b"\n")
        snapshot = first + b"\n"
        lines = [line + b"\n" for line in rest.split(b"\n")[:-1]] if rest else []
        with self.db.connection() as conn, conn.transaction():
            if self.version is None:
                row = conn.execute(
                    "INSERT INTO notebooks (user_id, version, snapshot) VALUES (%s, 1, %s) "
                    "ON CONFLICT (user_id) DO NOTHING RETURNING version",
                    (self.user_id, snapshot),
                ).fetchone()
            else:
                row = conn.execute(
                    "UPDATE notebooks SET version = version + 1, snapshot = %s, log_bytes = %s, saved_at = now() "
                    "WHERE user_id = %s AND version = %s RETURNING version",
                    (snapshot, sum(map(len, lines)), self.user_id, self.version),
                ).fetchone()
                if row is not None:
                    conn.execute("DELETE FROM notebook_changes WHERE user_id = %s", (self.user_id,))
            if row is None:
                raise ChangedElsewhere(f"{self.name}: changed by another process since it was read; nothing was saved")
            version = row[0]
            if lines:
                version += len(lines)
                conn.execute("UPDATE notebooks SET version = %s WHERE user_id = %s", (version, self.user_id))
                with conn.cursor() as cursor:
                    cursor.executemany(
                        "INSERT INTO notebook_changes (user_id, version, line) VALUES (%s, %s, %s)",
                        [(self.user_id, row[0] + n, line) for n, line in enumerate(lines, start=1)],
                    )
        self.version = version

    def keep_copy(self, why: str) -> str:
        with self.db.connection() as conn, conn.transaction():
            raw = whole_notebook(conn, self.user_id) or b""
            name = aside_name(conn, self.user_id, why)
            conn.execute(
                "INSERT INTO set_aside (name, user_id, why, content) VALUES (%s, %s, %s, %s)",
                (name, self.user_id, why, raw),
            )
        return name

    def copies(self) -> list[Copy]:
        db, user = self.db, self.user_id
        found: list[Copy] = []
        for (name,) in db.query("SELECT name FROM set_aside WHERE user_id = %s", (user,)):
            found.append(
                Copy(
                    name,
                    _reader(db, "SELECT content FROM set_aside WHERE name = %s", (name,)),
                    _deleter(db, "DELETE FROM set_aside WHERE name = %s", (name,)),
                )
            )
        for (name,) in db.query("SELECT name FROM side_files WHERE user_id = %s", (user,)):
            found.append(
                Copy(
                    f"{self.name}.side-{name}",
                    _reader(db, "SELECT payload FROM side_files WHERE user_id = %s AND name = %s", (user, name)),
                    _deleter(db, "DELETE FROM side_files WHERE user_id = %s AND name = %s", (user, name)),
                )
            )
        if db.has_notice(user):
            found.append(
                Copy(
                    f"{self.name}.notice",
                    _reader(db, "SELECT payload FROM notices WHERE user_id = %s", (user,)),
                    _deleter(db, "DELETE FROM notices WHERE user_id = %s", (user,)),
                )
            )
        return found


class DatabaseMarks:
    """Named stamps in ``deletion_marks`` (place.Marks)."""

    def __init__(self, db: Rows) -> None:
        self.db = db

    def get(self, mark: str, oldest: int) -> int | None:
        rows = self.db.query("SELECT stamp FROM deletion_marks WHERE mark = %s AND stamp >= %s", (mark, oldest))
        return int(rows[0][0]) if rows else None

    def put(self, mark: str, stamp: int, oldest: int) -> None:
        with self.db.connection() as conn, conn.transaction():
            conn.execute("DELETE FROM deletion_marks WHERE stamp < %s", (oldest,))
            conn.execute(
                "INSERT INTO deletion_marks (mark, stamp) VALUES (%s, %s) "
                "ON CONFLICT (mark) DO UPDATE SET stamp = excluded.stamp",
                (mark, stamp),
            )

    def drop(self, mark: str, oldest: int) -> None:
        self.db.query("DELETE FROM deletion_marks WHERE mark = %s OR stamp < %s RETURNING 1", (mark, oldest))


def whole_notebook(conn: Any, user_id: int, *, lock: bool = False) -> bytes | None:
    row = conn.execute(
        "SELECT snapshot, (SELECT array_agg(line ORDER BY version) FROM notebook_changes c "
        f"WHERE c.user_id = n.user_id) FROM notebooks n WHERE user_id = %s{' FOR UPDATE' if lock else ''}",
        (user_id,),
        binary=True,
    ).fetchone()
    if row is None:
        return None
    return bytes(row[0]) + b"".join(bytes(line) for line in row[1] or ())


def aside_name(conn: Any, user_id: int, why: str) -> str:
    """A name like a file set aside would have (``4242.json.unreadable-20261122T080000``), never taken twice."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    name, n = f"{user_id}.json.{why}-{stamp}", 1
    while conn.execute("SELECT 1 FROM set_aside WHERE name = %s", (name,)).fetchone():
        n += 1
        name = f"{user_id}.json.{why}-{stamp}-{n}"
    return name


def _reader(db: Rows, sql: str, params: tuple[Any, ...]) -> Any:
    def read() -> bytes:
        rows = db.query(sql, params)
        if not rows:
            raise FileNotFoundError(sql)
        return bytes(rows[0][0])

    return read


def _deleter(db: Rows, sql: str, params: tuple[Any, ...]) -> Any:
    return lambda: db.query(sql + " RETURNING 1", params) and None
