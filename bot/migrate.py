"""``nurture migrate --from DIR --to URL`` (and back, ``--from URL --to DIR``): every notebook, and everything kept
beside it, moved between a data folder and a PostgreSQL database, crash-safely, verified.

**Bytes as they are.** A notebook is the same lines in a file and in rows (bot/store/database.py), sealed with the
same COACH_DATA_KEY bound to the same user id, so a migration copies lines: no key is needed, nothing is decrypted,
and what comes out is byte for byte what went in (a save torn by a crash, never acknowledged, is left behind). Side
files, notices, copies set aside and the deletion marks go along.

**Crash-safe.** The source is only read; neither side may be in use (the folder is locked like a bot locks it, the
database taken alone, so no bot writes either meanwhile). The target must be empty, or hold what an interrupted run
of this same migration left: a mark (``.migrating`` in a folder, a flag in a database) names the source while it
runs, and a bot refuses to start on a target that carries it. Each notebook is written whole in one step (an atomic
file, one transaction), so a kill leaves each either there in full or absent; running the same command again skips
what is already identical and finishes the rest.

**Verified.** Before the mark is removed, every notebook is read back from the target: the counts must match, and
each notebook's SHA-256 and its digest (the summary rows planning reads) must be the source's.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from bot.store.crypto import Codec
from bot.store.disk import read_file, write_atomically
from bot.store.folder import MARKS, NOTICE, SET_ASIDE, SIDE, SUFFIX, DataFolder
from bot.store.logfile import head_of, parse

if TYPE_CHECKING:
    from bot.store.database import Database

FOLDER_MARK = ".migrating"
DATABASE_FLAG = "migrating"


class MigrationRefused(Exception):
    """The migration cannot start or finish (a target in use or holding something else, a check that failed)."""


@dataclass
class Moved:
    notebooks: int = 0  # copied by this run
    already: int = 0  # found identical in the target (an interrupted run had copied them)
    extras: int = 0  # side files, notices, copies set aside, deletion marks
    problems: list[str] = field(default_factory=list)


Extra = tuple[str, int, str, bytes]  # (kind: side, notice or aside; user id; name; content)


def is_database(where: str) -> bool:
    return where.startswith(("postgresql://", "postgres://"))


def whole_lines(raw: bytes | None) -> bytes:
    """A notebook's complete lines (a torn last line, never acknowledged, is left behind)."""
    return raw[: raw.rfind(b"\n") + 1] if raw else b""


# -- the two kinds of place, as a migration sees them -------------------------------------------------------------


class FolderSide:
    def __init__(self, root: Path) -> None:
        self.folder = DataFolder(root)
        self.name = str(root)

    def user_ids(self) -> list[int]:
        return self.folder.user_ids() if self.folder.users.is_dir() else []

    def read(self, user_id: int) -> bytes:
        return whole_lines(self.folder.pages(user_id).read())

    def write(self, user_id: int, content: bytes) -> None:
        write_atomically(self.folder.notebook(user_id), content)

    def extras(self) -> Iterator[Extra]:
        users = self.folder.users
        for path in sorted(users.iterdir()) if users.is_dir() else ():
            stem, dot, rest = path.name.partition(".")
            if not stem.isdigit() or not dot or not rest.startswith(SUFFIX[1:] + "."):
                continue
            tail = rest[len(SUFFIX) - 1 :]  # after "json": ".side-...", ".notice", ".unreadable-..."
            if tail.startswith(SIDE):
                yield "side", int(stem), tail[len(SIDE) :], read_file(path)
            elif tail == NOTICE:
                yield "notice", int(stem), "", read_file(path)
            elif tail.startswith(SET_ASIDE):
                yield "aside", int(stem), path.name, read_file(path)
        marks = self.folder.root / MARKS
        if marks.exists():
            yield "marks", 0, MARKS, read_file(marks)

    def put_extra(self, kind: str, user_id: int, name: str, content: bytes) -> None:
        if kind == "side":
            self.folder.write_side(user_id, name, content)
        elif kind == "notice":
            self.folder.leave_notice(user_id, content)
        elif kind == "aside":
            write_atomically(self.folder.users / name, content)
        elif kind == "marks":
            marks = FolderMarks(self.folder.root / MARKS)
            marks.merge(orjson.loads(content))

    def is_empty(self) -> bool:
        return not self.user_ids() and not any(True for _ in self.extras())

    def mark(self) -> str | None:
        path = self.folder.root / FOLDER_MARK
        return path.read_text(encoding="utf-8").strip() if path.exists() else None

    def set_mark(self, source: str | None) -> None:
        path = self.folder.root / FOLDER_MARK
        if source is None:
            with suppress(FileNotFoundError):
                path.unlink()
        else:
            self.folder.create()
            write_atomically(path, source.encode())

    @contextmanager
    def alone(self) -> Iterator[None]:
        from bot.datalock import DataFolderBusy, lock_data_folder

        try:
            held = lock_data_folder(self.folder.root)
        except DataFolderBusy as error:
            raise MigrationRefused(f"{error} (stop the bot before migrating)") from None
        try:
            yield
        finally:
            held.release()


class FolderMarks:
    """The deletion marks file, merged into (a database's marks arrive as one object)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def merge(self, marks: dict[str, int]) -> None:
        try:
            stored = orjson.loads(read_file(self.path)).get("marks") or {}
        except (FileNotFoundError, orjson.JSONDecodeError, AttributeError):
            stored = {}
        stored.update(marks)
        write_atomically(self.path, orjson.dumps({"marks": stored}))


class DatabaseSide:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.name = db.name

    def user_ids(self) -> list[int]:
        return self.db.user_ids()

    def read(self, user_id: int) -> bytes:
        return whole_lines(self.db.pages(user_id).read())

    def write(self, user_id: int, content: bytes) -> None:
        pages = self.db.pages(user_id)
        pages.read()  # the version a rewrite goes over (none: a new row)
        pages.replace(content)

    def extras(self) -> Iterator[Extra]:
        for user_id, name, payload in self.db.query("SELECT user_id, name, payload FROM side_files ORDER BY 1, 2"):
            yield "side", user_id, name, bytes(payload)
        for user_id, payload in self.db.query("SELECT user_id, payload FROM notices ORDER BY 1"):
            yield "notice", user_id, "", bytes(payload)
        for user_id, name, content in self.db.query("SELECT user_id, name, content FROM set_aside ORDER BY 2"):
            yield "aside", user_id, name, bytes(content)
        marks = dict(self.db.query("SELECT mark, stamp FROM deletion_marks"))
        if marks:
            yield "marks", 0, MARKS, orjson.dumps({"marks": marks})

    def put_extra(self, kind: str, user_id: int, name: str, content: bytes) -> None:
        if kind == "side":
            self.db.write_side(user_id, name, content)
        elif kind == "notice":
            self.db.leave_notice(user_id, content)
        elif kind == "aside":
            why = name.split(".json.", 1)[-1].split("-", 1)[0]
            self.db.query(
                "INSERT INTO set_aside (name, user_id, why, content) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (name) DO UPDATE SET content = excluded.content RETURNING 1",
                (name, user_id, why, content),
            )
        elif kind == "marks":
            marks = (orjson.loads(content) or {}).get("marks") or {}
            for mark, stamp in marks.items():
                if isinstance(stamp, int):
                    self.db.query(
                        "INSERT INTO deletion_marks (mark, stamp) VALUES (%s, %s) "
                        "ON CONFLICT (mark) DO UPDATE SET stamp = excluded.stamp RETURNING 1",
                        (mark, stamp),
                    )

    def is_empty(self) -> bool:
        return not self.user_ids() and not any(True for _ in self.extras())

    def mark(self) -> str | None:
        return self.db.flag(DATABASE_FLAG)

    def set_mark(self, source: str | None) -> None:
        self.db.set_flag(DATABASE_FLAG, source)

    @contextmanager
    def alone(self) -> Iterator[None]:
        from bot.store.database import NotStarted

        try:
            self.db.claim_instance(exclusive=True)
        except NotStarted as error:
            raise MigrationRefused(f"{error} (stop every bot on it before migrating)") from None
        yield

    def close(self) -> None:
        self.db.close()


Side = FolderSide | DatabaseSide


def open_side(where: str) -> Side:
    """A folder, or a database (its schema brought up to date): DatabaseUnusable says why one cannot be used."""
    if is_database(where):
        from bot.store.database import Database

        return DatabaseSide(Database(where))
    return FolderSide(Path(where))


# -- the migration ------------------------------------------------------------------------------------------------


def migrate(
    source: Side, target: Side, codec: Codec | None = None, on_notebook: Callable[[int], None] | None = None
) -> Moved:
    """Copy everything from ``source`` into ``target`` (see the module docstring). ``codec`` (COACH_DATA_KEY, if
    any) is used only to compare the digests after copying; ``on_notebook`` is called after each notebook is safely
    written (progress, and tests that stop it there)."""
    moved = Moved()
    with source.alone(), target.alone():
        mark = target.mark()
        if mark is not None and mark != source.name:
            raise MigrationRefused(f"{target.name} holds an unfinished migration from {mark}: finish that one first")
        if mark is None and not target.is_empty():
            raise MigrationRefused(f"{target.name} is not empty: migrate into an empty folder or database")
        target.set_mark(source.name)
        users = source.user_ids()
        for user_id in users:
            content = source.read(user_id)
            if not content:
                continue
            if target.read(user_id) == content:
                moved.already += 1
                continue
            target.write(user_id, content)
            moved.notebooks += 1
            if on_notebook is not None:
                on_notebook(user_id)
        for kind, user_id, name, content in source.extras():
            target.put_extra(kind, user_id, name, content)
            moved.extras += 1
        moved.problems = verify(source, target, codec)
        if moved.problems:
            raise MigrationRefused(
                f"{len(moved.problems)} notebooks differ after copying (the target keeps its mark; run again): "
                + "; ".join(moved.problems[:5])
            )
        target.set_mark(None)
    return moved


def verify(source: Side, target: Side, codec: Codec | None) -> list[str]:
    """Counts, each notebook's SHA-256, and each readable notebook's digest rows, source against target."""
    problems = []
    expected = [u for u in source.user_ids() if source.read(u)]
    found = target.user_ids()
    if sorted(expected) != sorted(found):
        problems.append(f"{len(expected)} notebooks in the source, {len(found)} in the target")
    for user_id in expected:
        ours, theirs = source.read(user_id), target.read(user_id)
        if hashlib.sha256(ours).digest() != hashlib.sha256(theirs).digest():
            problems.append(f"user {user_id}: the notebook's SHA-256 differs")
        elif digest_of(ours, user_id, codec) != digest_of(theirs, user_id, codec):
            problems.append(f"user {user_id}: the digest reads differently")
    return problems


def digest_of(content: bytes, user_id: int, codec: Codec | None) -> Any:
    """The digest rows and state a notebook's head says (None when it does not read with ``codec``)."""
    try:
        parsed = parse(content, codec, str(user_id), f"{user_id}.json")
    except Exception:  # a notebook that does not read (or needs another key) is compared by its bytes alone
        return None
    return head_of(parsed) if parsed is not None else None


def describe(where: str) -> str:
    if is_database(where):
        from bot.store.database import redact_url

        return redact_url(where)
    return os.fspath(where)
