"""A TinyDB storage that never loses an acknowledged write, and whose saves cost the size of the change.

A notebook file is a snapshot followed by a log of changes:

    {"_head":"<digest>,<state>,<snapshot>,<index> bytes","_digest":{...},"state":{...},"_plan":{...},"contacts":...}\\n
    [["contacts","12",{...}],["_digest","a1b2c3d4",{...}]]\\n        <- one line per save: [table, key, doc or null]
    [["interactions","57",null]]\\n

Saving appends one line and fsyncs it: a few hundred bytes however big the notebook is. When the log has grown to
half the snapshot (or a change cannot be expressed as a line), the whole notebook is written to a temporary file,
fsynced, renamed over the old one with ``os.replace``, and the folder is fsynced: a crash at any instant leaves
either the old file or the new one. A line torn by a crash was never acknowledged (its fsync had not returned),
so it is dropped on reading, and the next save rewrites the file cleanly. When ``write`` returns, the data is on
disk: there is no write-back cache.

The first line alone is an ordinary JSON object. Its fixed head lets a reader who needs only the digest and the
small state (morning planning, start-up scheduling) read a few kilobytes instead of every record. ``_plan`` is the
digest's planning index (plan_index.py), written with every snapshot: ``read_head`` gives the digest as rows parsed
one by one when asked for, and planning finds what is due through the index. Files written before the index
existed (a head of three sizes) are still read, and are rewritten with an index by their next save.

The parsed document is kept in memory after the first read (TinyDB calls ``read`` before every operation). That
cache is write-through and dropped on any failed write, so memory never runs ahead of the disk. ``batch()``
groups several TinyDB operations into one save. A closed storage (its notebook left memory) refuses to read or
write: a stale reference can never save an old copy over a newer file.

Files are private to their owner (0600, folders 0700). Every byte read or written goes through ``read_file``,
``append_durably`` and ``write_atomically``.

With a ``Codec`` (COACH_DATA_KEY), each line is sealed on its way to disk and opened on its way back: the layout
above is what the lines say once opened (see crypto.py). Everything else here works on those plaintext lines.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, NamedTuple

import orjson
from tinydb.storages import Storage

from bot.coach.errors import UnreadableData
from bot.coach.planning.plan_index import DigestRows, encode, fits, fits_values
from bot.store.crypto import Codec, Damaged, DataKeyError, owner_of, sealed_with
from bot.store.schema import NotANotebook, changes_of

log = logging.getLogger(__name__)

HEAD, DIGEST, STATE, PLAN = "_head", "_digest", "state", "_plan"
_HEAD_PREFIX = b'{"_head":"'
_HEAD_SUFFIX = b'","_digest":'
_HEAD_LEN = len(_HEAD_PREFIX) + 51 + len(_HEAD_SUFFIX)  # four 12-digit sizes and three commas
_OLD_HEAD_LEN = len(_HEAD_PREFIX) + 38 + len(_HEAD_SUFFIX)  # before the planning index: three sizes
_STATE_JOIN = b',"state":'
_PLAN_JOIN = b',"_plan":'
# Rewrite the snapshot once the log is this large relative to it (and at least COMPACT_MIN bytes): reading stays
# cheap and the rewrite cost is spread over many small saves.
COMPACT_RATIO = 0.5
COMPACT_MIN = 32 * 1024

FILE_MODE, FOLDER_MODE = 0o600, 0o700

Change = tuple[str, str]  # (top-level table, key within it)


class NotebookClosed(RuntimeError):
    """A notebook was used after it left memory (a bug: the live copy is the one in the store)."""


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | os.PathLike[str], codec: Codec | None = None) -> None:
        self.path = Path(path)
        self.codec = codec  # None: plaintext files
        self._owner = owner_of(self.path)
        self._data: dict[str, Any] | None = None
        self._loaded = False
        self._batch_depth = 0
        self._dirty = False
        self._changes: set[Change] = set()
        self._rewrite = False  # the next save must rewrite the whole file
        self._snapshot_size = 0  # bytes of the first line on disk (0: no file yet)
        self._log_size = 0
        self.closed = False

    # -- the TinyDB Storage interface -----------------------------------------------------------------------------

    def read(self) -> dict[str, Any] | None:
        if self.closed:
            raise NotebookClosed(str(self.path))
        if not self._loaded:
            self._data = self._load()
            self._loaded = True
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        """TinyDB's generic save: without knowing what changed, the whole file is rewritten."""
        self._rewrite = True
        self._stage(data)

    def close(self) -> None:
        self._data = None
        self._loaded = False
        self.closed = True

    def rewrite_on_save(self) -> None:
        """The next save rewrites the whole file (no log line): what a deletion needs, so that nothing of the
        deleted records stays in the snapshot or in an earlier log line."""
        self._rewrite = True

    # -- what Nurture adds ----------------------------------------------------------------------------------------

    def write_changes(self, data: dict[str, Any], changes: Iterable[Change]) -> None:
        """Save ``data`` where only ``data[table][key]`` changed for each (table, key): one appended line."""
        self._changes.update(changes)
        self._stage(data)

    @property
    def in_batch(self) -> bool:
        return self._batch_depth > 0

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Defer saving until the outermost batch ends; on an exception nothing is saved and memory is reset."""
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

    # -- internals ------------------------------------------------------------------------------------------------

    def _stage(self, data: dict[str, Any]) -> None:
        self._data = data
        self._loaded = True
        if self._batch_depth:
            self._dirty = True
        else:
            self._flush()

    def _forget(self) -> None:
        self._dirty = False
        self._changes.clear()
        self._rewrite = False
        self._data = None
        self._loaded = False

    def _load(self) -> dict[str, Any] | None:
        try:
            raw = read_plain(self.path, self.codec)
        except FileNotFoundError:
            self._snapshot_size = self._log_size = 0
            return None
        if not raw.strip():
            self._snapshot_size = self._log_size = 0
            return None
        end = raw.find(b"\n")
        snapshot = raw if end < 0 else raw[:end]
        try:
            data = orjson.loads(snapshot)
        except orjson.JSONDecodeError as exc:
            raise UnreadableData(self.path, str(exc)) from exc
        if not isinstance(data, dict):
            raise UnreadableData(self.path, "top level is not an object")
        data.pop(HEAD, None)  # layout, not data: rewritten with every snapshot
        index = data.pop(PLAN, None)  # derived from the digest, rewritten with every snapshot
        if index is None or not (fits(index) and fits_values(index)):
            # Written before the index existed, or an index of the wrong shape: the next save writes a new one.
            if index is not None:
                log.warning("%s: the planning index does not fit; it is rebuilt on the next save", self.path.name)
            self._rewrite = True
        self._snapshot_size = len(snapshot) + 1 if end >= 0 else len(raw)
        try:
            applied = replay(data, raw[self._snapshot_size :], tables=None)
        except NotANotebook as exc:
            raise UnreadableData(self.path, exc.reason) from exc
        self._log_size = applied
        dropped = len(raw) - self._snapshot_size - applied
        if dropped or end < 0:
            # A torn last line (a crash mid-save, never acknowledged) or a file from before the log existed: the
            # next save rewrites the file rather than appending after it.
            if dropped:
                log.warning("%s: dropping %d bytes of an unfinished save", self.path.name, dropped)
            self._rewrite = True
        return data

    def _flush(self) -> None:
        if self.closed:
            raise NotebookClosed(str(self.path))
        data = self._data or {}
        try:
            if (
                self._rewrite
                or not self._snapshot_size
                or self._log_size > max(COMPACT_MIN, self._snapshot_size * COMPACT_RATIO)
            ):
                payload = serialise(data)
                sealed = self.codec.seal_snapshot(payload, head_length(payload), self._owner) if self.codec else None
                write_atomically(self.path, sealed or payload)
                self._snapshot_size, self._log_size = len(payload), 0
            elif self._changes:
                line = orjson.dumps([[t, k, data.get(t, {}).get(k)] for t, k in sorted(self._changes)]) + b"\n"
                append_durably(self.path, self.codec.seal_line(line, self._owner) if self.codec else line)
                self._log_size += len(line)
        except BaseException:
            self._forget()  # memory must never claim what the disk does not hold
            raise
        self._dirty = False
        self._changes.clear()
        self._rewrite = False


def replay(
    data: dict[str, Any], log_bytes: bytes, tables: set[str] | None, digest: list[tuple[str, Any]] | None = None
) -> int:
    """Apply the change lines in ``log_bytes`` to ``data`` (only ``tables`` when given; the digest's changes are
    listed in ``digest`` instead when it is given). Returns the bytes applied: everything up to the first line that
    is unfinished or unreadable, which only a crash mid-save leaves. A line that reads as JSON but is not a list of
    changes raises NotANotebook (see validation.py)."""
    applied = 0
    for line in log_bytes.split(b"\n")[:-1]:  # the piece after the last newline is unfinished by definition
        try:
            changes = orjson.loads(line)
        except orjson.JSONDecodeError:
            break
        for table, key, value in changes_of(changes):  # JSON of another shape: NotANotebook
            if digest is not None and table == DIGEST:
                digest.append((key, value))
                continue
            if tables is not None and table not in tables:
                continue
            target = data.setdefault(table, {})
            if not isinstance(target, dict):
                raise NotANotebook(f"table {table!r} is not an object")
            if value is None:
                target.pop(key, None)
            else:
                target[key] = value
        applied += len(line) + 1
    return applied


def serialise(data: dict[str, Any]) -> bytes:
    """The whole notebook as one snapshot line, with the head, digest and state first (see the layout above)."""
    # orjson: a 1,000-contact notebook serialises in about a millisecond (stdlib json: ~6 ms).
    digest, index = encode(data.get(DIGEST) or {})  # the digest as orjson writes it, and its planning index
    state = orjson.dumps(data.get(STATE) or {})
    rest = orjson.dumps({k: v for k, v in data.items() if k not in (HEAD, DIGEST, STATE, PLAN)})
    body = digest + _STATE_JOIN + state + _PLAN_JOIN + index + (b"}" if rest == b"{}" else b"," + rest[1:])
    size = _HEAD_LEN + len(body) + 1
    sizes = f"{len(digest):012d},{len(state):012d},{size:012d},{len(index):012d}"
    return _HEAD_PREFIX + sizes.encode() + _HEAD_SUFFIX + body + b"\n"


class Layout(NamedTuple):
    """Where the parts of a snapshot's head sit."""

    prefix: int  # the fixed "_head" part
    digest: int
    state: int
    snapshot: int  # the whole first line
    plan: int  # the planning index; 0: a head from before it

    @property
    def end(self) -> int:
        """Where the head (layout, digest, state and index) ends: what read_head reads."""
        end = self.prefix + self.digest + len(_STATE_JOIN) + self.state
        return end + len(_PLAN_JOIN) + self.plan if self.plan else end


def layout(snapshot: bytes) -> Layout | None:
    """The head's layout from a snapshot's first bytes (at least ``_HEAD_LEN`` of them), None without a head."""
    try:
        if not snapshot.startswith(_HEAD_PREFIX):
            return None
        sizes = int(snapshot[10:22]), int(snapshot[23:35]), int(snapshot[36:48])
        if snapshot[_HEAD_LEN - len(_HEAD_SUFFIX) : _HEAD_LEN] == _HEAD_SUFFIX:
            plan = int(snapshot[49:61])
            return Layout(_HEAD_LEN, *sizes, plan) if plan else None
        if snapshot[_OLD_HEAD_LEN - len(_HEAD_SUFFIX) : _OLD_HEAD_LEN] == _HEAD_SUFFIX:
            return Layout(_OLD_HEAD_LEN, *sizes, 0)
    except ValueError:
        return None
    return None


def head_length(snapshot: bytes) -> int:
    """Where a plaintext snapshot's head (layout, digest, state, index) ends: what read_head reads. 0 without one."""
    found = layout(snapshot)
    return found.end if found is not None else 0


def _read_plain_head(path: str | os.PathLike[str]) -> tuple[Layout, bytes, bytes] | None:
    """A plaintext file's head (layout, digest, state, index) and its log after the snapshot, in as few system calls
    as the morning can afford for every user: the layout, then the rest of the head, then the log."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        prefix = os.pread(fd, _HEAD_LEN, 0)
        if sealed_with(prefix[:16]).key_id is not None:
            raise DataKeyError("this notebook is encrypted, but COACH_DATA_KEY is not set")
        found = layout(prefix)
        if found is None:
            return None
        head = os.pread(fd, found.end, 0) if found.end > len(prefix) else prefix[: found.end]
        size = os.fstat(fd).st_size
        tail = os.pread(fd, size - found.snapshot, found.snapshot) if size > found.snapshot else b""
        return found, head, tail
    finally:
        os.close(fd)


def read_head(
    path: str | os.PathLike[str], codec: Codec | None = None
) -> tuple[Mapping[str, Any], dict[str, Any]] | None:
    """Only the digest and the state table of a notebook (snapshot head plus the log's changes to them), or None
    when the file has no head, does not exist, or looks damaged (the full reader then reports it properly).

    With a planning index in the head, the digest is a ``DigestRows``: rows parsed one by one when asked for, and
    the index that planning reads (plan_index.py). Without one (an older file), a dict of every row.

    Raises DataKeyError when the file and ``codec`` do not go together (see crypto.py)."""
    try:
        if codec is None:
            read = _read_plain_head(path)
        else:
            with open(path, "rb") as handle:
                sealed_head, sealed_tail = codec.read_head(handle, owner_of(path))
            opened = layout(sealed_head)
            read = None if opened is None else (opened, sealed_head, sealed_tail)
        if read is None:
            return None
        found, head, tail = read
    except FileNotFoundError:
        return None
    except (ValueError, Damaged):
        return None
    if len(head) != found.end:
        return None
    view = memoryview(head)  # the parts below are read in place, never copied
    digest_start = found.prefix
    state_start = digest_start + found.digest + len(_STATE_JOIN)
    state_end = state_start + found.state
    if view[state_start - len(_STATE_JOIN) : state_start] != _STATE_JOIN:
        return None
    if found.plan and view[state_end : state_end + len(_PLAN_JOIN)] != _PLAN_JOIN:
        return None
    try:
        state = orjson.loads(view[state_start:state_end])
        index = orjson.loads(view[state_end + len(_PLAN_JOIN) :]) if found.plan else None
    except orjson.JSONDecodeError:
        return None
    if not isinstance(state, dict):
        return None
    digest_bytes = view[digest_start : digest_start + found.digest]
    changes: list[tuple[str, Any]] = []
    if tail:
        holder = {STATE: state}
        try:
            replay(holder, tail, tables={STATE}, digest=changes)
        except NotANotebook:
            return None
        state = holder[STATE]
    if index is not None and fits(index):
        return DigestRows(digest_bytes, index, changes), state
    try:
        digest = orjson.loads(digest_bytes)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(digest, dict):
        return None
    for key, value in changes:
        if value is None:
            digest.pop(key, None)
        else:
            digest[key] = value
    return digest, state


def read_plain(path: Path, codec: Codec | None) -> bytes:
    """A whole notebook file as the plaintext layout above, whether or not it is sealed (see crypto.py).

    Raises DataKeyError when the file and ``codec`` do not go together, UnreadableData when a sealed file that
    matches the key does not open."""
    raw = read_file(path)
    if codec is None:
        if sealed_with(raw[:16]).key_id is not None:
            raise DataKeyError("this notebook is encrypted, but COACH_DATA_KEY is not set")
        return raw
    try:
        return codec.open_file(raw, owner_of(path))
    except Damaged as exc:
        raise UnreadableData(path, str(exc)) from exc


def read_set_aside(path: Path, codec: Codec | None) -> bytes:
    """What can still be read of a file set aside as unreadable: its lines opened where they open (the rest as
    stored), so a deletion can tell whether it mentions someone."""
    raw = read_file(path)
    if codec is None or sealed_with(raw[:16]).key_id is None:
        return raw
    owner, opened = owner_of(path), []
    for number, line in enumerate(raw.split(b"\n")):
        try:
            opened.append(codec.open_snapshot(line, owner) if number == 0 else codec.open_line(line, owner))
        except (Damaged, DataKeyError):
            opened.append(line)
    return b"\n".join(opened)


def read_file(path: Path) -> bytes:
    """A whole notebook file as stored."""
    return path.read_bytes()


def append_durably(path: Path, line: bytes) -> None:
    """Append one line and fsync it. The file already exists (its creation was fsynced with its folder)."""
    with open(path, "ab") as handle:
        handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload`` so that a crash at any instant leaves either the old or the new file."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    # mkstemp creates the file with mode 0600, and os.replace keeps it: a notebook is readable by its owner only.
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
