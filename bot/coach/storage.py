"""A TinyDB storage that never loses an acknowledged write.

TinyDB's stock JSONStorage truncates and rewrites the file in place, so a crash mid-write leaves half a file.
Here every write goes to a temporary file in the same folder, is fsynced, atomically renamed over the old one
with ``os.replace``, and the folder is fsynced so the rename itself survives a power cut. When ``write``
returns, the data is on disk: there is no write-back cache.

The parsed document is kept in memory after the first read (TinyDB calls ``read`` before every operation, and
re-parsing a user's whole file each time would dominate latency). That cache is write-through and is dropped on
any failed write, so memory never runs ahead of the disk.

``batch()`` groups several TinyDB operations into one disk write: one user action ("met Jane and Tom") is saved
as a unit, at the cost of one write instead of five.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from bot.coach.errors import UnreadableData

# File layout. The file is one ordinary JSON object, but its first keys are fixed so that a reader who needs only
# the notebook's digest and small state (morning planning, start-up scheduling) can read a few kilobytes instead
# of parsing every record:
#   {"_head":"<digest bytes, 12 digits>,<state bytes, 12 digits>","_digest":{...},"state":{...},"contacts":...}
HEAD, DIGEST, STATE = "_head", "_digest", "state"
_HEAD_PREFIX = b'{"_head":"'
_HEAD_LEN = len(_HEAD_PREFIX) + 25 + len(b'","_digest":')
_STATE_JOIN = b',"state":'


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._data: dict[str, Any] | None = None
        self._loaded = False
        self._batch_depth = 0
        self._dirty = False

    def read(self) -> dict[str, Any] | None:
        if not self._loaded:
            self._data = self._load()
            self._loaded = True
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self._loaded = True
        if self._batch_depth:
            self._dirty = True
            return
        self._flush()

    @property
    def in_batch(self) -> bool:
        return self._batch_depth > 0

    def close(self) -> None:
        self._data = None
        self._loaded = False

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Defer writes until the outermost batch ends; on an exception nothing is written and memory is reset."""
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if not self._batch_depth:
                self._forget()
            raise
        self._batch_depth -= 1
        if not self._batch_depth and self._dirty:
            self._flush()

    def _forget(self) -> None:
        self._dirty = False
        self._data = None
        self._loaded = False

    def _load(self) -> dict[str, Any] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        if not raw.strip():
            return None
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise UnreadableData(self.path, str(exc)) from exc
        if not isinstance(data, dict):
            raise UnreadableData(self.path, "top level is not an object")
        data.pop(HEAD, None)  # layout, not data: rewritten on every save
        return data

    def _flush(self) -> None:
        try:
            # orjson: a 1,000-contact notebook serialises in well under a millisecond (stdlib json: ~6 ms).
            payload = serialise(self._data or {})
            write_atomically(self.path, payload)
        except BaseException:
            self._forget()  # memory must never claim what the disk does not hold
            raise
        self._dirty = False


def serialise(data: dict[str, Any]) -> bytes:
    """The whole notebook as JSON, with the head, digest and state first (see the layout above)."""
    # orjson: a 1,000-contact notebook serialises in well under a millisecond (stdlib json: ~6 ms).
    digest = orjson.dumps(data.get(DIGEST) or {})
    state = orjson.dumps(data.get(STATE) or {})
    rest = orjson.dumps({k: v for k, v in data.items() if k not in (HEAD, DIGEST, STATE)})
    head = _HEAD_PREFIX + f'{len(digest):012d},{len(state):012d}","{DIGEST}":'.encode()
    tail = b"}" if rest == b"{}" else b"," + rest[1:]
    return head + digest + _STATE_JOIN + state + tail


def read_head(path: Path) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """Only the digest and the state table of a notebook file, or None when the file has no head (or no file)."""
    try:
        with open(path, "rb") as handle:
            prefix = handle.read(_HEAD_LEN)
            if not prefix.startswith(_HEAD_PREFIX) or len(prefix) < _HEAD_LEN:
                return None
            digest_len, state_len = int(prefix[10:22]), int(prefix[23:35])
            digest = orjson.loads(handle.read(digest_len))
            if handle.read(len(_STATE_JOIN)) != _STATE_JOIN:
                return None
            return digest, orjson.loads(handle.read(state_len))
    except FileNotFoundError:
        return None
    except (ValueError, orjson.JSONDecodeError):  # damaged: the full reader reports it properly
        return None


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload`` so that a crash at any instant leaves either the old or the new file."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    fsync_folder(folder)


def fsync_folder(folder: Path) -> None:
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
