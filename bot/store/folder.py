"""The data folder's layout: every path and suffix Nurture writes under ``COACH_DATA_DIR``, named in one place.

    <data dir>/                                 0700
        .rekey                                  a key rotation in progress (crypto.py, REKEY_JOURNAL)
        .lock                                   names the running bot's pid (the lock is a flock on the folder)
        deletions.json                          when users deleted their notebook (bot/deletions.py): keyed ids only
        users/                                  0700
            <user id>.json                      the user's notebook: a snapshot and a log of changes (logfile.py)
            <user id>.json.side-<name>          a file kept beside it (an import waiting for the user's answer)
            <user id>.json.notice               what the user is told at their next contact; no personal data
            <user id>.json.unreadable-<stamp>   a notebook set aside as unreadable, kept for the operator
            <user id>.json.damaged-<stamp>      the original of a notebook with a damaged line, kept before its
                                                next rewrite
            .<user id>.json.<random>.tmp        a file being written atomically (a crash may leave one)

Every file a user's data can be in is found by ``copies_of``: deleting a user deletes all of them.

A ``DataFolder`` is one of the two places a ``Store`` keeps notebooks and what goes beside them (place.py); the
other is a database (database.py). ``FilePages`` is one notebook's bytes in it (pages.py).
"""

from __future__ import annotations

import os
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from bot.store.crypto import Codec, owner_of
from bot.store.disk import (
    FILE_MODE,
    FOLDER_MODE,
    append_durably,
    fsync_folder,
    read_file,
    temp_prefix,
    write_atomically,
)
from bot.store.logfile import read_head
from bot.store.pages import Copy

SUFFIX = ".json"
SIDE = ".side-"
NOTICE = ".notice"
SET_ASIDE = (".unreadable-", ".damaged-")
MARKS = "deletions.json"  # bot/deletions.py: the marks of deleted notebooks, beside users/ (never in it)
MIN_FREE_BYTES = 1 << 20  # below this, the next rewrite of a notebook may not fit: the disk counts as full


class DataFolder:
    """Where every file of every user lives."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.users = self.root / "users"
        self._prefix = os.path.join(self.users, "")

    def create(self) -> None:
        """Make the folders, readable by their owner only (other people on the machine never read anyone's notes)."""
        self.users.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
        for folder in (self.root, self.users):
            os.chmod(folder, FOLDER_MODE)

    def notebook(self, user_id: int) -> Path:
        return Path(self.notebook_name(user_id))

    def notebook_name(self, user_id: int) -> str:
        """The notebook's path as a plain string: built for every user at start-up, where pathlib costs."""
        return f"{self._prefix}{int(user_id)}{SUFFIX}"

    def side(self, user_id: int, name: str) -> Path:
        return self.users / f"{int(user_id)}{SUFFIX}{SIDE}{name}"

    def notice(self, user_id: int) -> Path:
        return self.users / f"{int(user_id)}{SUFFIX}{NOTICE}"

    def user_ids(self) -> list[int]:
        """Every user with a notebook on disk."""
        ids = []
        with os.scandir(self.users) as entries:
            for entry in entries:
                stem, _, ext = entry.name.partition(".")
                if ext == SUFFIX[1:] and stem.isdigit():
                    ids.append(int(stem))
        return sorted(ids)

    def notebooks(self) -> list[tuple[int, Path]]:
        """(user id, path) of every notebook, in user id order (copies set aside are not notebooks)."""
        if not self.users.is_dir():
            return []
        return [(user_id, self.notebook(user_id)) for user_id in self.user_ids()]

    def sealed_files(self) -> list[Path]:
        """Every file a data key covers: notebooks, copies set aside, and side files."""
        if not self.users.is_dir():
            return []
        return sorted(
            path
            for path in self.users.iterdir()
            if path.name.split(".")[0].isdigit()
            and (path.name.endswith(SUFFIX) or any(f"{SUFFIX}{why}" in path.name for why in (*SET_ASIDE, SIDE)))
        )

    def temporary_files(self) -> list[Path]:
        """Files a write in progress makes (disk.write_atomically), in the data folder and beside the notebooks."""
        return [
            path
            for folder in (self.root, self.users)
            if folder.is_dir()
            for path in folder.glob(".*.tmp")
            if path.is_file()
        ]

    def set_aside_count(self) -> int:
        """Notebooks set aside as unreadable, kept for the operator."""
        return sum(1 for _ in self.users.glob(f"*{SUFFIX}{SET_ASIDE[0]}*")) if self.users.is_dir() else 0

    # -- as a store's place (place.py) ------------------------------------------------------------------------------

    shared = False  # one process at a time holds a data folder (datalock.py): no turn is taken across processes

    def pages(self, user_id: int) -> FilePages:
        return FilePages(self.notebook_name(user_id))

    def has_notebook(self, user_id: int) -> bool:
        return os.path.exists(self.notebook_name(user_id))

    def read_head(self, user_id: int, codec: Codec | None) -> tuple[dict[str, Any], dict[str, Any]] | None:
        return read_head(self.notebook_name(user_id), codec)

    def set_aside_notebook(self, user_id: int, why: str) -> str | None:
        """Move the notebook out of the way (see ``set_aside``); the name it is kept under, None when it is gone."""
        path = self.notebook(user_id)
        if not path.exists():
            return None
        return self.set_aside(path, why).name

    def delete_user(self, user_id: int) -> None:
        """The notebook and every file beside it that holds some of its data."""
        path = self.notebook(user_id)
        for leftover in [path, *copies_of(path)]:
            with suppress(FileNotFoundError):
                leftover.unlink()
        fsync_folder(self.users)

    def leave_notice(self, user_id: int, payload: bytes) -> None:
        write_atomically(self.notice(user_id), payload)

    def take_notice(self, user_id: int) -> bytes | None:
        path = self.notice(user_id)
        try:
            payload = read_file(path)
        except FileNotFoundError:
            return None
        with suppress(FileNotFoundError):
            path.unlink()
        return payload

    def has_notice(self, user_id: int) -> bool:
        return self.notice(user_id).exists()

    def noticed(self) -> set[int]:
        return {int(p.name.split(".")[0]) for p in self.users.glob(f"*{SUFFIX}{NOTICE}")}

    def write_side(self, user_id: int, name: str, payload: bytes) -> None:
        write_atomically(self.side(user_id, name), payload)

    def read_side(self, user_id: int, name: str) -> bytes:
        """FileNotFoundError when there is none."""
        return read_file(self.side(user_id, name))

    def delete_side(self, user_id: int, name: str) -> None:
        with suppress(FileNotFoundError):
            self.side(user_id, name).unlink()

    def marks(self) -> FileMarks:
        return FileMarks(self.root / MARKS)

    async def enter(self, user_id: int) -> object:
        return None  # the folder is this process's alone (datalock.py): the turn taken in memory is the whole turn

    def leave(self, user_id: int) -> None:
        return None

    def current(self, pages: object, version: object) -> bool:
        return True  # nobody else writes the folder

    def problem(self) -> str:
        """What keeps the folder from being used ("" when nothing): gone, not writable, or its disk full."""
        probe = self.users / f".ready-{os.getpid()}"
        try:
            fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.close(fd)
            os.unlink(probe)
            free = os.statvfs(self.users)
        except FileNotFoundError:
            return f"the data folder {self.root} is gone"
        except OSError as error:
            return f"the data folder {self.root} cannot be written ({error.strerror})"
        if free.f_bavail * free.f_frsize < MIN_FREE_BYTES:
            return f"the disk of the data folder {self.root} is full"
        return ""

    def set_aside(self, path: Path, why: str = "unreadable", *, copy: bool = False) -> Path:
        """Move (or copy) a notebook out of the way under a name that says why and when; never over an earlier one."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        target = path.with_name(f"{path.name}.{why}-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = path.with_name(f"{path.name}.{why}-{stamp}-{n}")
        if copy:
            write_atomically(target, path.read_bytes())
        else:
            os.replace(path, target)
            fsync_folder(path.parent)
        return target


def copies_of(path: Path) -> list[Path]:
    """Every file other than the notebook itself that holds (or held) some of its data: copies set aside, temporary
    files a crash left half-written, side files and the notice."""
    return [
        *(copy for why in SET_ASIDE for copy in path.parent.glob(f"{path.name}{why}*")),
        *path.parent.glob(f"{temp_prefix(path)}*.tmp"),
        *path.parent.glob(f"{path.name}{SIDE}*"),
        *path.parent.glob(f"{path.name}{NOTICE}"),
    ]


class FilePages:
    """A notebook in a file: ``<data dir>/users/<user id>.json`` (pages.py)."""

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.name = self.path.name
        self.owner = owner_of(self.path)
        self.read_only = read_only

    def read(self) -> bytes | None:
        try:
            raw = read_file(self.path)
        except FileNotFoundError:
            return None
        if not self.read_only and raw and (os.stat(self.path).st_mode & 0o777) != FILE_MODE:
            os.chmod(self.path, FILE_MODE)  # a file from an older release may be readable by others
        return raw if raw.strip() else None

    def append(self, line: bytes) -> None:
        append_durably(self.path, line)

    def replace(self, payload: bytes) -> None:
        write_atomically(self.path, payload)

    def keep_copy(self, why: str) -> str:
        return DataFolder(self.path.parent.parent).set_aside(self.path, why, copy=True).name

    def copies(self) -> list[Copy]:
        return [Copy(p.name, p.read_bytes, p.unlink) for p in copies_of(self.path)]


class FileMarks:
    """Named stamps in one small JSON file (``{"marks": {name: stamp}}``), rewritten atomically; stamps older than
    ``oldest`` are dropped whenever it is read. Damaged or missing, it reads as empty: a mark is a courtesy."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def get(self, mark: str, oldest: int) -> int | None:
        return self._read(oldest).get(mark)

    def put(self, mark: str, stamp: int, oldest: int) -> None:
        marks = self._read(oldest)
        marks[mark] = stamp
        write_atomically(self.path, orjson.dumps({"marks": marks}))

    def drop(self, mark: str, oldest: int) -> None:
        marks = self._read(oldest)
        if marks.pop(mark, None) is not None:
            write_atomically(self.path, orjson.dumps({"marks": marks}))

    def _read(self, oldest: int) -> dict[str, int]:
        try:
            stored = orjson.loads(read_file(self.path))
        except (FileNotFoundError, orjson.JSONDecodeError):
            return {}
        marks = stored.get("marks") if isinstance(stored, dict) else None
        if not isinstance(marks, dict):
            return {}
        return {k: v for k, v in marks.items() if isinstance(v, int) and v >= oldest}
