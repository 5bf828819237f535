"""What is left of a deleted notebook: that somebody deleted one, and when; never who, never what it held.

After /deleteme the user's files are gone. Their next message starts a new notebook, and they are told so ("You
deleted your notebook on 22 Nov; this starts a new one"), which needs a mark that they deleted. The mark must not
undo "deleted means gone from disk", so:

- it lives outside ``users/`` (one small file, ``deletions.json``, in the data folder; with a database, a table
  of its own), beside no notebook;
- it names the user only by a keyed hash (HMAC-SHA256 with the bot's token, a secret that is not in the data
  folder): whoever reads the folder or a backup cannot tell whose mark it is, nor test a guess;
- it holds the time of the deletion and nothing else, and is dropped when the user starts afresh or after
  ``KEEP`` (by then a redelivered update is long gone; the notice is only a courtesy).

The rule that makes deletion final does not depend on the mark: an update that is not a new message (a button, an
edit) never creates a notebook (bot/handlers/guard.py). The mark adds the notice, and tells a message sent *before*
the deletion (redelivered by Telegram after a crash) from one sent after it.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.store.folder import MARKS, FileMarks
from bot.store.place import Marks

FILE_NAME = MARKS
KEEP = timedelta(days=30)


class Deletions:
    def __init__(self, where: Path | Marks, secret: str) -> None:
        """``where``: the data folder (the marks are ``deletions.json`` in it) or the store's ``marks()``."""
        self.marks = FileMarks(Path(where) / FILE_NAME) if isinstance(where, str | Path) else where
        self._key = hashlib.sha256(b"nurture deletion marks\0" + secret.encode()).digest()

    def record(self, user_id: int, at: datetime) -> None:
        """Mark that ``user_id`` deleted their notebook at ``at`` (before the files go: a crash in between leaves
        a notebook with a mark, which is harmless, never a deletion without one)."""
        self.marks.put(self._mark(user_id), int(at.timestamp()), _oldest(at))

    def when(self, user_id: int, now: datetime) -> datetime | None:
        """When ``user_id`` deleted their notebook, if they did in the last ``KEEP``."""
        stamp = self.marks.get(self._mark(user_id), _oldest(now))
        return datetime.fromtimestamp(stamp, UTC) if stamp is not None else None

    def forget(self, user_id: int, now: datetime) -> None:
        """The user started afresh: their mark goes."""
        self.marks.drop(self._mark(user_id), _oldest(now))

    def _mark(self, user_id: int) -> str:
        return hmac.new(self._key, str(int(user_id)).encode(), hashlib.sha256).hexdigest()[:32]


def _oldest(now: datetime) -> int:
    return int((now - KEEP).timestamp())
