"""Where notebooks live: one file per Telegram user under ``<data_dir>/users/`` (folder.py), opened one at a time.

Every read and write goes through the notebook of the person who sent the update, so one user can never reach
another's records.

**One notebook per user in memory.** A user's notebook is an object with a write-through cache of their file. Two
such objects for one user would each save their own view over the other's (a morning job holding an old copy
once saved it over a newer "✅ Saved Zara"). So:

- ``lease(user_id)`` is how the bot uses a notebook: an async context that serialises everyone working on one
  user (their handlers and their morning job) and marks the notebook as held;
- a held notebook is never evicted: the small LRU of open notebooks only ever closes notebooks nobody holds;
- a notebook that leaves memory (evicted, dropped, deleted) is *closed*: any later read or write through a stale
  reference raises ``NotebookClosed`` instead of touching the disk.

**Damage is loud and contained.** A notebook that does not read is set aside (kept for the operator, never
overwritten) and its user starts afresh; a notebook with a damaged line keeps everything else and its original is
kept. Either way a *notice* waits beside it (no personal data: what happened and when), and the user is told at
their next contact, whenever the damage was found (a morning job at 08:00, a start-up). One notebook's trouble is
that notebook's alone.

The LRU is small on purpose: every cached notebook is thousands of objects that Python's garbage collector walks
on a full collection, and 256 of them made those pauses ~100 ms (32: ~20 ms), stalling every chat at once.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from bot.store.crypto import Codec
from bot.store.errors import UnreadableData
from bot.store.folder import DataFolder
from bot.store.notebook import DIGEST_VERSION, Digest, Notebook
from bot.store.place import Place
from bot.store.storage import NotebookStorage

log = logging.getLogger(__name__)


@dataclass
class Glance:
    """What scheduling and ``nurture stats`` need of a notebook: its digest rows and its small state values."""

    rows: Mapping[str, Any]  # contact id -> digest row
    state: dict[str, Any]


@dataclass(frozen=True)
class Notice:
    """Something that happened to a user's notebook that they must be told about."""

    what: str  # "unreadable": set aside, a fresh notebook started; "damaged": some saved changes did not read
    on: str  # ISO day
    kept: str = ""  # the name of the copy kept for the operator


class _Turn:
    """Who is working on one user's notebook right now, and who waits: an asyncio lock that the task holding it
    may enter again (a handler that calls another helper leasing the same notebook must not deadlock)."""

    __slots__ = ("depth", "lock", "owner", "wanted")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.owner: asyncio.Task[Any] | None = None
        self.depth = 0
        self.wanted = 0  # tasks holding or waiting: the turn is forgotten when nobody wants it


class Store:
    def __init__(
        self,
        data_dir: str | os.PathLike[str] | Place,
        cache_size: int = 32,
        codec: Codec | None = None,
        digest: Digest | None = None,
    ) -> None:
        """Over a data folder (a path) or any other ``Place`` (place.py: a database)."""
        self.place: Place = DataFolder(data_dir) if isinstance(data_dir, str | os.PathLike) else data_dir
        self.place.create()
        self.cache_size = cache_size
        self.codec = codec  # every notebook sealed with COACH_DATA_KEY, or None (see crypto.py)
        self.digest = digest  # what every notebook derives from its records (handed in: the store knows no coaching)
        self._open: OrderedDict[int, Notebook] = OrderedDict()
        self._turns: dict[int, _Turn] = {}
        self._noticed = self.place.noticed()

    @property
    def folder(self) -> DataFolder:
        """The data folder (a store over files only)."""
        if not isinstance(self.place, DataFolder):
            raise AttributeError("this store keeps its notebooks in a database, not in a data folder")
        return self.place

    @property
    def data_dir(self) -> Path:
        return self.folder.root

    @property
    def users_dir(self) -> Path:
        return self.folder.users

    def path_for(self, user_id: int) -> Path:
        return self.folder.notebook(user_id)

    def has_notebook(self, user_id: int) -> bool:
        """Whether the user has a notebook (open here, or saved)."""
        return int(user_id) in self._open or self.place.has_notebook(int(user_id))

    def has_notice(self, user_id: int) -> bool:
        return self.place.has_notice(int(user_id))

    # -- using a notebook -----------------------------------------------------------------------------------------

    @asynccontextmanager
    async def lease(self, user_id: int) -> AsyncIterator[Notebook]:
        """The user's one notebook, held (never evicted) and theirs alone until the block ends.

        Everyone else working on this user waits their turn, in arrival order; other users are not affected.
        Raises UnreadableData (after setting the file aside) like ``notebook``, also when the records turn out
        unreadable the first time they are asked for."""
        async with self.hold(int(user_id)):
            with self.setting_aside(user_id):
                yield self.notebook(user_id)

    @asynccontextmanager
    async def lease_existing(self, user_id: int) -> AsyncIterator[Notebook | None]:
        """Like ``lease``, but None when the user has no notebook (never created, or deleted while this waited):
        for jobs, which must never bring a deleted notebook back to life. The records are read only if asked for."""
        user_id = int(user_id)
        async with self.hold(user_id):
            with self.setting_aside(user_id):
                if self.has_notebook(user_id):
                    yield self.notebook(user_id, whole=False)
                else:
                    yield None

    @asynccontextmanager
    async def hold(self, user_id: int) -> AsyncIterator[None]:
        """This user's turn: while it lasts, their notebook is never evicted and nobody else works on it."""
        user_id = int(user_id)
        turn = self._turns.get(user_id)
        if turn is None:
            turn = self._turns[user_id] = _Turn()
        task = asyncio.current_task()
        turn.wanted += 1
        try:
            if turn.owner is not None and turn.owner is task:
                turn.depth += 1
                try:
                    yield
                finally:
                    turn.depth -= 1
                return
            async with turn.lock:
                turn.owner, turn.depth = task, 1
                try:
                    await self._enter(user_id)
                    try:
                        yield
                    finally:
                        self.place.leave(user_id)
                finally:
                    turn.owner, turn.depth = None, 0
        finally:
            turn.wanted -= 1
            if not turn.wanted:
                del self._turns[user_id]
                self._evict()

    async def _enter(self, user_id: int) -> None:
        """The turn across processes (a database's; a folder is this process's alone). A copy of the notebook kept
        here that another process changed (or deleted) since is dropped, to be read again."""
        if not self.place.shared:
            return
        version = await self.place.enter(user_id)
        notebook = self._open.get(user_id)
        if notebook is not None and not self.place.current(notebook.storage.pages, version):
            self._open.pop(user_id).close()

    def is_held(self, user_id: int) -> bool:
        return int(user_id) in self._turns

    def notebook(self, user_id: int, *, whole: bool = True) -> Notebook:
        """The notebook of one user, opened on first use (the same object for as long as it stays open).

        The bot uses ``lease``; this is for tools, tests and code already inside a lease. A file that cannot be
        read, or that does not have the shape of a notebook, is set aside (never overwritten) and UnreadableData
        is raised so the user can be told; the next attempt starts a fresh notebook. ``whole``: the records are
        read and checked now (what a conversation needs); otherwise the first time they are asked for (a morning
        plans from the digest alone)."""
        user_id = int(user_id)
        notebook = self._open.get(user_id)
        if notebook is not None:
            self._open.move_to_end(user_id)
            if whole:
                with self.setting_aside(user_id):
                    notebook.read_records()
            return notebook
        with self.setting_aside(user_id):
            storage = NotebookStorage(self.place.pages(user_id), self.codec)
            notebook = Notebook(user_id, storage, self.digest)
            if whole:
                notebook.read_records()
        if storage.damaged:
            self._leave_notice(user_id, Notice("damaged", _today(), storage.kept))
        self._open[user_id] = notebook
        self._evict(keep=user_id)
        return notebook

    @contextmanager
    def setting_aside(self, user_id: int) -> Iterator[None]:
        """Inside: an UnreadableData about this user's file sets the file aside, with a notice for the user."""
        try:
            yield
        except UnreadableData as error:
            if error.moved_to is None:
                raise self._set_aside(int(user_id), error) from error
            raise

    def _set_aside(self, user_id: int, error: UnreadableData) -> UnreadableData:
        if error.moved_to is not None:
            return error
        notebook = self._open.pop(user_id, None)
        if notebook is not None:
            notebook.close()
        moved = self.place.set_aside_notebook(user_id, "unreadable")
        if moved is None:
            return error
        log.error("user %s: notebook unreadable (%s); moved aside to %s", user_id, error.reason, moved)
        self._leave_notice(user_id, Notice("unreadable", _today(), moved))
        return UnreadableData(error.path, error.reason, moved_to=error.path.with_name(moved))

    def set_aside_misfit(self, path: Path | int) -> None:
        """A notebook found at start-up under another key than every other one, or with a damaged prefix: set aside
        (kept for the operator) with a notice for its user, and the bot starts for everyone."""
        user_id = path if isinstance(path, int) else int(path.name.split(".")[0])
        where = Path(f"{user_id}.json") if isinstance(path, int) else path
        self._set_aside(user_id, UnreadableData(where, "it does not go with COACH_DATA_KEY (damaged, or another key)"))

    # -- notices -------------------------------------------------------------------------------------------------

    def _leave_notice(self, user_id: int, notice: Notice) -> None:
        payload = orjson.dumps({"what": notice.what, "on": notice.on, "kept": notice.kept})
        self.place.leave_notice(user_id, payload)
        self._noticed.add(user_id)

    def take_notice(self, user_id: int) -> Notice | None:
        """What happened to this user's notebook since they last wrote, once (then it is forgotten)."""
        user_id = int(user_id)
        if user_id not in self._noticed and not self.place.shared:  # (in a database, another process may have left it)
            return None
        self._noticed.discard(user_id)
        payload = self.place.take_notice(user_id)
        try:
            data = orjson.loads(payload) if payload is not None else None
        except orjson.JSONDecodeError:
            data = None
        if not isinstance(data, dict):
            return None
        return Notice(str(data.get("what", "unreadable")), str(data.get("on", "")), str(data.get("kept", "")))

    # -- the rest ------------------------------------------------------------------------------------------------

    def _evict(self, keep: int | None = None) -> None:
        """Close the least recently used notebooks beyond the cache size, skipping every one that is held (and
        ``keep``, the one being handed out)."""
        if len(self._open) <= self.cache_size:
            return
        for user_id in list(self._open):
            if len(self._open) <= self.cache_size:
                break
            if user_id not in self._turns and user_id != keep:
                self._open.pop(user_id).close()

    def glance(self, user_id: int) -> Glance:
        """A quick look at a notebook without parsing its records: its digest and state (the file's head).

        An open notebook answers from memory (in a database, only while this process holds its turn: another may
        have changed it); a notebook without a current digest is opened fully."""
        user_id = int(user_id)
        notebook = self._open.get(user_id)
        if notebook is not None and self.place.shared and user_id not in self._turns:
            self.drop(user_id)
            notebook = None
        head = None if notebook is not None else self.place.read_head(user_id, self.codec)
        if head is not None:
            digest, values = head
            if self.digest is not None and values.get(DIGEST_VERSION) == self.digest.version:
                return Glance(rows=digest, state=values)
        if notebook is None:
            notebook = self.notebook(user_id)
        return Glance(rows=notebook.summaries(), state=notebook.state_values())

    def user_ids(self) -> list[int]:
        """Every user with a notebook saved."""
        return self.place.user_ids()

    def delete(self, user_id: int) -> None:
        """Delete a user's notebook for good (their own request), and everything set aside or half-written of it.

        The open notebook is closed first: a job still holding a reference can no longer write it back."""
        notebook = self._open.pop(int(user_id), None)
        if notebook is not None:
            notebook.close()
        self.place.delete_user(int(user_id))
        self._noticed.discard(int(user_id))

    def side_file(self, user_id: int, name: str) -> Path:
        """A file kept beside a user's notebook (a store over files only; see ``write_side``)."""
        return self.folder.side(user_id, name)

    def write_side(self, user_id: int, name: str, payload: bytes) -> None:
        """Keep something beside a user's notebook (an import waiting for the user's answer), deleted with it; saved
        atomically, sealed with COACH_DATA_KEY like the notebook when a key is set."""
        owner = str(int(user_id))
        self.place.write_side(int(user_id), name, self.codec.seal_line(payload, owner) if self.codec else payload)

    def read_side(self, user_id: int, name: str) -> bytes:
        """A side file's content; FileNotFoundError when there is none (answered already, or deleted)."""
        raw = self.place.read_side(int(user_id), name)
        return self.codec.open_line(raw.rstrip(b"\n"), str(int(user_id))) if self.codec else raw

    def delete_side(self, user_id: int, name: str) -> None:
        self.place.delete_side(int(user_id), name)

    def is_open(self, user_id: int) -> bool:
        return int(user_id) in self._open

    def drop(self, user_id: int) -> None:
        """Close the cached copy (tests and tools use this to simulate a fresh start)."""
        notebook = self._open.pop(int(user_id), None)
        if notebook is not None:
            notebook.close()


def _today() -> str:
    return datetime.now(UTC).date().isoformat()
