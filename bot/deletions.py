"""What is left of a deleted notebook: that somebody deleted one, and when; never who, never what it held.

After /deleteme the user's files are gone. Their next message starts a new notebook, and they are told so ("You
deleted your notebook on 22 Nov; this starts a new one"), which needs a mark that they deleted. The mark must not
undo "deleted means gone from disk", so:

- it lives outside ``users/`` (one small file, ``deletions.json``, in the data folder), beside no notebook;
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

import orjson

from bot.store.disk import write_atomically

FILE_NAME = "deletions.json"
KEEP = timedelta(days=30)


class Deletions:
    def __init__(self, data_dir: Path, secret: str) -> None:
        self.path = Path(data_dir) / FILE_NAME
        self._key = hashlib.sha256(b"nurture deletion marks\0" + secret.encode()).digest()

    def record(self, user_id: int, at: datetime) -> None:
        """Mark that ``user_id`` deleted their notebook at ``at`` (before the files go: a crash in between leaves
        a notebook with a mark, which is harmless, never a deletion without one)."""
        marks = self._read(at)
        marks[self._mark(user_id)] = int(at.timestamp())
        self._write(marks)

    def when(self, user_id: int, now: datetime) -> datetime | None:
        """When ``user_id`` deleted their notebook, if they did in the last ``KEEP``."""
        stamp = self._read(now).get(self._mark(user_id))
        return datetime.fromtimestamp(stamp, UTC) if stamp is not None else None

    def forget(self, user_id: int, now: datetime) -> None:
        """The user started afresh: their mark goes."""
        marks = self._read(now)
        if marks.pop(self._mark(user_id), None) is not None:
            self._write(marks)

    def _mark(self, user_id: int) -> str:
        return hmac.new(self._key, str(int(user_id)).encode(), hashlib.sha256).hexdigest()[:32]

    def _read(self, now: datetime) -> dict[str, int]:
        try:
            stored = orjson.loads(self.path.read_bytes())
        except (FileNotFoundError, orjson.JSONDecodeError):
            return {}  # none yet, or damaged: a mark is a courtesy, never worth stopping for
        oldest = (now - KEEP).timestamp()
        marks = stored.get("marks") if isinstance(stored, dict) else None
        if not isinstance(marks, dict):
            return {}
        return {k: v for k, v in marks.items() if isinstance(v, int) and v >= oldest}

    def _write(self, marks: dict[str, int]) -> None:
        write_atomically(self.path, orjson.dumps({"marks": marks}))
