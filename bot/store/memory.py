"""A notebook kept in memory only, over TinyDB's ``MemoryStorage``: what the notebook's tests run on beside the
files (as TinyDB's own tests run every feature over both), and a place to try the coach without a disk.

It keeps what ``NotebookStorage`` promises the notebook: a failed batch leaves memory as it was (``forget`` goes
back to the last write), and it answers the same questions (``expect``, ``rewrite_on_save``, ``repaired``,
``damaged``) with nothing to do.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tinydb.storages import MemoryStorage

from bot.store.errors import NotebookClosed


class MemoryNotebookStorage(MemoryStorage):
    def __init__(self, name: str = "memory") -> None:
        super().__init__()
        self.path = Path(name)
        self.codec = None
        self.read_only = False
        self.repaired: list[str] = []
        self.damaged: list[int] = []
        self.closed = False
        self._saved: Any = None  # the last write, as written (TinyDB changes what read gave it in place)

    def read(self) -> Any:
        if self.closed:
            raise NotebookClosed(str(self.path))
        return super().read()

    def write(self, data: Any) -> None:
        if self.closed:
            raise NotebookClosed(str(self.path))
        self._saved = copy.deepcopy(data)
        super().write(data)

    def forget(self) -> None:
        self.memory = copy.deepcopy(self._saved)

    def expect(self, table: str, keys: Iterable[str]) -> None:
        """Nothing to do: memory saves whole."""

    def rewrite_on_save(self) -> None:
        """Nothing to do: memory keeps no earlier copy."""

    def close(self) -> None:
        self.memory = None
        self.closed = True
