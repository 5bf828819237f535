"""What can go wrong with a notebook on disk. Each is told to the user in plain words by the handlers."""

from __future__ import annotations

import os
from pathlib import Path


class StoreError(Exception):
    """Base of the store's errors."""


class UnreadableData(StoreError):
    """A user's notebook file exists but is not a notebook. It is set aside (kept for the operator), never
    overwritten, and the user is told at their next contact."""

    def __init__(self, path: os.PathLike[str] | str, reason: str, moved_to: Path | None = None) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason
        self.moved_to = moved_to


class NotebookClosed(RuntimeError):
    """A notebook was used after it left memory (a bug: the live copy is the one in the store)."""
