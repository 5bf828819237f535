"""The store as the bot uses it: every notebook keeps the coach's digest (one summary row per contact)."""

from __future__ import annotations

import os

from bot.coach.planning.summary import DIGEST
from bot.store.crypto import Codec
from bot.store.notebook import Notebook
from bot.store.notebooks import Store
from bot.store.place import Place
from bot.store.storage import NotebookStorage


def open_store(data_dir: str | os.PathLike[str] | Place, codec: Codec | None = None, cache_size: int = 32) -> Store:
    """The store over a data folder (a path) or a database (store/database.py)."""
    return Store(data_dir, cache_size=cache_size, codec=codec, digest=DIGEST)


def open_notebook(user_id: int, path: str | os.PathLike[str], codec: Codec | None = None) -> Notebook:
    """One notebook file opened on its own, outside any store (tools and tests)."""
    return Notebook(user_id, NotebookStorage(path, codec), DIGEST)
