"""Several TinyDB writes saved as one, or not at all: a TinyDB ``Middleware`` over any notebook storage.

TinyDB saves after every operation. A capture saves a contact, an interaction, a few facts, their digest rows and
the id of the message it answers: inside ``batch()`` every write is held, and the outermost batch's end hands the
storage one write (NotebookStorage makes it one appended, fsynced line). If anything inside fails, nothing is
written, and the storage is told to ``forget`` what it holds in memory (TinyDB changed it in place): memory never
claims what the disk does not hold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from tinydb.middlewares import Middleware


class Batches(Middleware):
    def __init__(self, storage_cls: Callable[..., Any]) -> None:
        super().__init__(storage_cls)
        self.depth = 0
        self.held: Any = None  # the tables of the writes held in this batch

    def read(self) -> Any:
        return self.held if self.held is not None else self.storage.read()

    def write(self, data: Any) -> None:
        if self.depth:
            self.held = data
        else:
            self.storage.write(data)

    def close(self) -> None:
        self.held = None
        self.storage.close()

    @property
    def in_batch(self) -> bool:
        return self.depth > 0

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Hold every write until the outermost batch ends, then save once; on an exception, save nothing."""
        self.depth += 1
        try:
            yield
        except BaseException:
            self.depth -= 1
            if not self.depth:
                self.held = None
                forget = getattr(self.storage, "forget", None)  # a storage that caches what it read
                if forget is not None:
                    forget()
            raise
        self.depth -= 1
        if not self.depth and self.held is not None:
            data, self.held = self.held, None
            self.storage.write(data)
