"""Where notebooks live: one TinyDB file per Telegram user under ``<data_dir>/users/``.

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

Together: there is at most one live notebook per user, and nothing can save through a copy that is not it.

The LRU is small on purpose: every cached notebook is thousands of objects that Python's garbage collector walks
on a full collection, and 256 of them made those pauses ~100 ms (32: ~20 ms), stalling every chat at once.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections import OrderedDict
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.coach.errors import UnreadableData
from bot.coach.planning.summary import SUMMARY_VERSION
from bot.store.crypto import Codec, owner_of
from bot.store.notebook import DIGEST_VERSION, Notebook, set_aside_files, state_values
from bot.store.storage import FOLDER_MODE, fsync_folder, read_head, write_atomically

log = logging.getLogger(__name__)


@dataclass
class Glance:
    """What morning planning and scheduling need of a notebook: the digest rows and the small state values."""

    rows: Mapping[str, Any]  # contact id -> summary row; from a file's head, parsed row by row (plan_index.py)
    state: dict[str, Any]


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
    def __init__(self, data_dir: str | os.PathLike[str], cache_size: int = 32, codec: Codec | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.users_dir = self.data_dir / "users"
        self._users_prefix = os.path.join(self.users_dir, "")
        self.users_dir.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
        for folder in (self.data_dir, self.users_dir):  # other people on the machine never read anyone's notes
            os.chmod(folder, FOLDER_MODE)
        self.cache_size = cache_size
        self.codec = codec  # every notebook sealed with COACH_DATA_KEY, or None (see crypto.py)
        self._open: OrderedDict[int, Notebook] = OrderedDict()
        self._turns: dict[int, _Turn] = {}

    def path_for(self, user_id: int) -> Path:
        return Path(self._file_of(user_id))

    def _file_of(self, user_id: int) -> str:
        """The user's file as a plain string: glance builds one for every user every morning, and pathlib costs."""
        return f"{self._users_prefix}{int(user_id)}.json"

    # -- using a notebook -----------------------------------------------------------------------------------------

    @asynccontextmanager
    async def lease(self, user_id: int) -> AsyncIterator[Notebook]:
        """The user's one notebook, held (never evicted) and theirs alone until the block ends.

        Everyone else working on this user waits their turn, in arrival order; other users are not affected.
        Raises UnreadableData (after moving the file aside) like ``notebook``.
        """
        async with self.hold(int(user_id)):
            yield self.notebook(user_id)

    @asynccontextmanager
    async def lease_existing(self, user_id: int) -> AsyncIterator[Notebook | None]:
        """Like ``lease``, but None when the user has no notebook (never created, or deleted while this waited):
        for jobs, which must never bring a deleted notebook back to life."""
        user_id = int(user_id)
        async with self.hold(user_id):
            if user_id in self._open or self.path_for(user_id).exists():
                yield self.notebook(user_id)
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
                    yield
                finally:
                    turn.owner, turn.depth = None, 0
        finally:
            turn.wanted -= 1
            if not turn.wanted:
                del self._turns[user_id]
                self._evict()

    def is_held(self, user_id: int) -> bool:
        return int(user_id) in self._turns

    def notebook(self, user_id: int) -> Notebook:
        """The notebook of one user, opened on first use (the same object for as long as it stays open).

        The bot uses ``lease``; this is for tools, tests and code already inside a lease. A file that cannot be
        read, or that does not have the shape of a notebook, is moved aside (never overwritten) and
        UnreadableData is raised so the user can be told; the next attempt starts a fresh notebook.
        """
        user_id = int(user_id)
        notebook = self._open.get(user_id)
        if notebook is not None:
            self._open.move_to_end(user_id)
            return notebook
        path = self.path_for(user_id)
        try:
            notebook = Notebook(user_id, path, self.codec)
        except UnreadableData as exc:
            moved = self._set_aside(path)
            log.error("user %s: notebook unreadable (%s); moved aside to %s", user_id, exc.reason, moved.name)
            raise UnreadableData(path, exc.reason, moved_to=moved) from exc
        self._open[user_id] = notebook
        self._evict(keep=user_id)
        return notebook

    def _set_aside(self, path: Path) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        moved = path.with_name(f"{path.name}.unreadable-{stamp}")
        n = 1
        while moved.exists():  # two in one second: never overwrite the first
            n += 1
            moved = path.with_name(f"{path.name}.unreadable-{stamp}-{n}")
        os.replace(path, moved)
        fsync_folder(path.parent)
        return moved

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
        """A quick look at a notebook without loading every record: reads only the head of the file.

        An open notebook answers from memory; a file without a current head (older release) is opened fully.
        """
        notebook = self._open.get(int(user_id))
        head = None if notebook is not None else read_head(self._file_of(user_id), self.codec)
        if head is not None:
            state = state_values(head[1])
            if state.get(DIGEST_VERSION) == SUMMARY_VERSION:
                return Glance(rows=head[0], state=state)
        if notebook is None:
            notebook = self.notebook(user_id)
        return Glance(rows=notebook.summaries(), state=notebook.state_values())

    def user_ids(self) -> list[int]:
        """Every user with a notebook on disk."""
        ids = []
        for entry in os.scandir(self.users_dir):
            stem, _, ext = entry.name.partition(".")
            if ext == "json" and stem.isdigit():
                ids.append(int(stem))
        return sorted(ids)

    def delete(self, user_id: int) -> None:
        """Delete a user's notebook for good (their own request), and everything set aside or half-written of it.

        The open notebook is closed first: a job still holding a reference can no longer write it back.
        """
        notebook = self._open.pop(int(user_id), None)
        if notebook is not None:
            notebook.close()
        path = self.path_for(user_id)
        for leftover in [path, *set_aside_files(path)]:
            with suppress(FileNotFoundError):
                leftover.unlink()
        fsync_folder(self.users_dir)

    def side_file(self, user_id: int, name: str) -> Path:
        """A file kept beside a user's notebook, outside its head (an import waiting for the user's answer);
        deleted together with the notebook."""
        return self.users_dir / f"{int(user_id)}.json.side-{name}"

    def write_side(self, user_id: int, name: str, payload: bytes) -> None:
        """Save a side file atomically, sealed with COACH_DATA_KEY like the notebook when a key is set."""
        path = self.side_file(user_id, name)
        write_atomically(path, self.codec.seal_line(payload, owner_of(path)) if self.codec else payload)

    def read_side(self, user_id: int, name: str) -> bytes:
        """A side file's content; FileNotFoundError when there is none (answered already, or deleted)."""
        path = self.side_file(user_id, name)
        raw = path.read_bytes()
        return self.codec.open_line(raw.rstrip(b"\n"), owner_of(path)) if self.codec else raw

    def is_open(self, user_id: int) -> bool:
        return int(user_id) in self._open

    def drop(self, user_id: int) -> None:
        """Close the cached copy (tests and tools use this to simulate a fresh start)."""
        notebook = self._open.pop(int(user_id), None)
        if notebook is not None:
            notebook.close()
