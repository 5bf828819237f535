"""Where notebooks live: one TinyDB file per Telegram user under ``<data_dir>/users/``.

Every read and write goes through ``notebook(user_id)`` with the id of the person who sent the update, so one
user can never reach another's records. Open notebooks are kept in a small LRU so a busy user does not re-parse
their file on every message, while memory stays bounded however many users there are. Small on purpose: every
cached notebook is thousands of objects that Python's garbage collector walks on a full collection, and 256 of
them made those pauses ~100 ms (32: ~20 ms), stalling every chat at once.
"""

from __future__ import annotations

import logging
import os
from collections import OrderedDict
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.coach.errors import UnreadableData
from bot.coach.notebook import DIGEST_VERSION, Notebook, state_values
from bot.coach.storage import fsync_folder, read_head
from bot.coach.summary import SUMMARY_VERSION

log = logging.getLogger(__name__)


@dataclass
class Glance:
    """What morning planning and scheduling need of a notebook: the digest rows and the small state values."""

    rows: dict[str, dict[str, Any]]
    state: dict[str, Any]


class Store:
    def __init__(self, data_dir: str | os.PathLike[str], cache_size: int = 32) -> None:
        self.data_dir = Path(data_dir)
        self.users_dir = self.data_dir / "users"
        self.users_dir.mkdir(parents=True, exist_ok=True)
        self.cache_size = cache_size
        self._open: OrderedDict[int, Notebook] = OrderedDict()

    def path_for(self, user_id: int) -> Path:
        return self.users_dir / f"{int(user_id)}.json"

    def notebook(self, user_id: int) -> Notebook:
        """The notebook of one user, opened on first use.

        A file that cannot be parsed is moved aside (never overwritten) and UnreadableData is raised so the
        user can be told; their next message starts a fresh notebook.
        """
        user_id = int(user_id)
        notebook = self._open.get(user_id)
        if notebook is not None:
            self._open.move_to_end(user_id)
            return notebook
        path = self.path_for(user_id)
        try:
            notebook = Notebook(user_id, path)
        except UnreadableData as exc:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            moved = path.with_name(f"{path.name}.unreadable-{stamp}")
            os.replace(path, moved)
            log.error("user %s: notebook unreadable (%s); moved aside to %s", user_id, exc.reason, moved.name)
            raise UnreadableData(path, exc.reason, moved_to=moved) from exc
        self._open[user_id] = notebook
        if len(self._open) > self.cache_size:
            self._open.popitem(last=False)
        return notebook

    def glance(self, user_id: int) -> Glance:
        """A quick look at a notebook without loading every record: reads only the head of the file.

        An open notebook answers from memory; a file without a current head (older release) is opened fully.
        """
        notebook = self._open.get(int(user_id))
        head = None if notebook is not None else read_head(self.path_for(user_id))
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
        """Delete a user's notebook for good (their own request). Files set aside as unreadable go too."""
        self._open.pop(int(user_id), None)
        path = self.path_for(user_id)
        for leftover in [
            path,
            *path.parent.glob(f"{path.name}.unreadable-*"),
            *path.parent.glob(f".{path.name}.*.tmp"),
            *path.parent.glob(f"{path.name}.side-*"),
        ]:
            with suppress(FileNotFoundError):
                leftover.unlink()
        fsync_folder(self.users_dir)

    def side_file(self, user_id: int, name: str) -> Path:
        """A file kept beside a user's notebook, outside its head (an import waiting for the user's answer);
        deleted together with the notebook."""
        return self.users_dir / f"{int(user_id)}.json.side-{name}"

    def is_open(self, user_id: int) -> bool:
        return int(user_id) in self._open

    def drop(self, user_id: int) -> None:
        """Forget the cached copy (tests and tools use this to simulate a fresh start)."""
        self._open.pop(int(user_id), None)
