"""Where a ``Store`` keeps its notebooks, and what it keeps beside them: a data folder (folder.py, the default) or a
PostgreSQL database (database.py, ``COACH_DATABASE_URL``).

A place answers for everything the store does besides reading and writing a notebook's bytes (pages.py): which
users have a notebook, setting a damaged notebook aside, deleting everything of a user, the notices waiting for a
user, the side files, the deletion marks (bot/deletions.py), and whether it is usable at all (``/readyz``).

A shared place (a database) is used by several processes at once, so it also hands out each user's *turn* across
processes: ``enter`` waits until no other process works on the user, and says which version of the notebook is
current, so a copy cached in this process that another one has changed since is read again.
"""

from __future__ import annotations

from typing import Any, Protocol

from bot.store.crypto import Codec
from bot.store.pages import Pages


class Marks(Protocol):
    """Small named stamps (bot/deletions.py keeps the marks of deleted notebooks in them)."""

    def get(self, mark: str, oldest: int) -> int | None: ...

    def put(self, mark: str, stamp: int, oldest: int) -> None: ...

    def drop(self, mark: str, oldest: int) -> None: ...


class Place(Protocol):
    shared: bool  # True: other processes use it at the same time (a database)

    def create(self) -> None: ...

    def pages(self, user_id: int) -> Pages: ...

    def has_notebook(self, user_id: int) -> bool: ...

    def user_ids(self) -> list[int]: ...

    def read_head(self, user_id: int, codec: Codec | None) -> tuple[dict[str, Any], dict[str, Any]] | None: ...

    def set_aside_notebook(self, user_id: int, why: str) -> str | None: ...

    def delete_user(self, user_id: int) -> None: ...

    def leave_notice(self, user_id: int, payload: bytes) -> None: ...

    def take_notice(self, user_id: int) -> bytes | None: ...

    def has_notice(self, user_id: int) -> bool: ...

    def noticed(self) -> set[int]: ...

    def write_side(self, user_id: int, name: str, payload: bytes) -> None: ...

    def read_side(self, user_id: int, name: str) -> bytes: ...

    def delete_side(self, user_id: int, name: str) -> None: ...

    def problem(self) -> str: ...

    def marks(self) -> Marks: ...

    async def enter(self, user_id: int) -> object:
        """This process's turn on the user across processes (waits for it); the current version of their
        notebook (None: there is none)."""
        ...

    def leave(self, user_id: int) -> None: ...

    def current(self, pages: Pages, version: object) -> bool:
        """Whether a notebook read through ``pages`` is still the one at ``version`` (what ``enter`` said)."""
        ...
