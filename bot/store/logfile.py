"""The notebook file: a snapshot line, then one line per save.

    {"_head":"<digest>,<state>,<snapshot> bytes","_digest":{...},"state":{...},"contacts":{...},...}\\n
    [["contacts","12",{...}],["_digest","a1b2c3d4",{...}]]\\n        <- one line per save: [table, key, doc or null]
    [["interactions","57",null]]\\n

The first line alone is an ordinary JSON object. Its fixed head says where the digest (one summary row per contact,
what morning planning reads) and the small state table end, so a reader can parse those two and leave the records
("the body") as bytes until someone asks for them: a morning plans, claims its day and words its steps without
parsing a single record. A head of four sizes (``_plan``, a planning index of an earlier release) is still read;
the index is skipped and the next snapshot leaves it out.

**Each line stands alone.** A line that does not end in a newline was torn by a crash before its fsync returned:
it was never acknowledged, and it is dropped. A complete line that does not read (a damaged byte on disk) is
skipped and reported, and the lines after it are kept: one bad sector never takes every later save with it.

With a ``Codec`` (``COACH_DATA_KEY``) every line is sealed on its way to disk and opened on its way back
(crypto.py); what is described here is what the lines say once opened.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, NamedTuple

import orjson

from bot.store.crypto import Codec, Damaged, DataKeyError, owner_of, sealed_with
from bot.store.disk import read_file
from bot.store.errors import UnreadableData
from bot.store.schema import NotANotebook, changes_of

HEAD, DIGEST, STATE, PLAN = "_head", "_digest", "state", "_plan"
HEAD_TABLES = (DIGEST, STATE)
DIGEST_VERSION = "digest_version"  # the state value naming the version of the digest rows stored
_HEAD_PREFIX = b'{"_head":"'
_HEAD_SUFFIX = b'","_digest":'
_HEAD_LEN = len(_HEAD_PREFIX) + 38 + len(_HEAD_SUFFIX)  # three 12-digit sizes and two commas
_PLAN_HEAD_LEN = len(_HEAD_PREFIX) + 51 + len(_HEAD_SUFFIX)  # an earlier release's: four sizes
_STATE_JOIN = b',"state":'
_PLAN_JOIN = b',"_plan":'
_DAMAGED = b"\x00"  # stands for a complete line that does not open (never valid JSON)

Change = tuple[str, str, Any]  # (table, key, document or None for a removal)


class Layout(NamedTuple):
    """Where the parts of a snapshot's head sit."""

    prefix: int  # the fixed "_head" part
    digest: int
    state: int
    snapshot: int  # the whole first line, newline included
    plan: int  # an earlier release's planning index (skipped); 0 without one

    @property
    def head_end(self) -> int:
        """Where the head (layout, digest and state) ends."""
        return self.prefix + self.digest + len(_STATE_JOIN) + self.state

    @property
    def body_start(self) -> int:
        return self.head_end + (len(_PLAN_JOIN) + self.plan if self.plan else 0)


def layout(snapshot: bytes) -> Layout | None:
    """The head's layout from a snapshot's first bytes, None without a head (a file of an old release)."""
    if not snapshot.startswith(_HEAD_PREFIX):
        return None
    try:
        sizes = int(snapshot[10:22]), int(snapshot[23:35]), int(snapshot[36:48])
        if snapshot[_HEAD_LEN - len(_HEAD_SUFFIX) : _HEAD_LEN] == _HEAD_SUFFIX:
            return Layout(_HEAD_LEN, *sizes, 0)
        if snapshot[_PLAN_HEAD_LEN - len(_HEAD_SUFFIX) : _PLAN_HEAD_LEN] == _HEAD_SUFFIX:
            plan = int(snapshot[49:61])
            return Layout(_PLAN_HEAD_LEN, *sizes, plan) if plan else None
    except ValueError:
        return None
    return None


def head_length(snapshot: bytes) -> int:
    """Where a plaintext snapshot's head ends (what encryption seals apart from the body); 0 without one."""
    found = layout(snapshot)
    return found.body_start if found is not None else 0


def serialise(data: dict[str, Any]) -> bytes:
    """A whole notebook (every table, as TinyDB holds them) as one snapshot line."""
    body = {name: table for name, table in data.items() if name not in (HEAD, PLAN, DIGEST, STATE)}
    return snapshot_line(data.get(DIGEST), data.get(STATE), body)


def snapshot_line(digest: Any, state: Any, body: dict[str, Any] | bytes) -> bytes:
    """One snapshot line: the head (digest, state) first, then the other tables. ``body`` is either the tables
    or, when nobody asked for them since they were read, their JSON object exactly as read (never parsed)."""
    digest_bytes = orjson.dumps(digest or {})
    state_bytes = orjson.dumps(state or {})
    rest = body if isinstance(body, bytes | bytearray) else orjson.dumps(body)
    tail = b"}" if rest.strip() == b"{}" else b"," + bytes(rest[1:])
    size = _HEAD_LEN + len(digest_bytes) + len(_STATE_JOIN) + len(state_bytes) + len(tail) + 1
    sizes = f"{len(digest_bytes):012d},{len(state_bytes):012d},{size:012d}"
    return _HEAD_PREFIX + sizes.encode() + _HEAD_SUFFIX + digest_bytes + _STATE_JOIN + state_bytes + tail + b"\n"


def change_line(changes: Iterable[Change]) -> bytes:
    return orjson.dumps([list(change) for change in changes]) + b"\n"


# -- reading ---------------------------------------------------------------------------------------------------------


class Parsed(NamedTuple):
    """A notebook file, read: the head's tables parsed, the body left as bytes, the log's changes in order."""

    digest: dict[str, Any] | None  # None: the file has no digest (an old release's); it is rebuilt
    state: dict[str, Any]
    body: bytes | dict[str, Any]  # the other tables' JSON object, or (an old file without a head) the tables
    changes: list[Change]  # the log's changes, in order, every table
    damaged: list[int]  # line numbers (1 = the snapshot) of complete lines that did not read
    torn: int  # bytes of an unfinished last line (a crash mid-save), dropped
    snapshot_size: int  # plaintext bytes of the snapshot line
    log_size: int  # plaintext bytes of the log lines kept
    fresh_layout: bool  # False: an older layout, rewritten by the next save


def open_lines(raw: bytes, codec: Codec | None, owner: str) -> tuple[bytes, list[bytes], bytes]:
    """The snapshot line, the complete log lines (``_DAMAGED`` for one that does not open) and the unfinished
    tail, all as plaintext. Raises DataKeyError when the file and ``codec`` do not go together, UnreadableData-worthy
    Damaged when the snapshot itself does not open."""
    lines = raw.split(b"\n")
    first, log, tail = lines[0], lines[1:-1], lines[-1]
    if len(lines) == 1:  # no newline at all: a snapshot torn mid-write (never acknowledged) or not a notebook
        first, tail = raw, b""
    if codec is None:
        if sealed_with(raw[:16]).key_id is not None:
            raise DataKeyError("this notebook is encrypted, but COACH_DATA_KEY is not set")
        return first, log, tail
    codec.require_own(raw[:16])
    opened = []
    for line in log:
        try:
            opened.append(codec.open_line(line, owner))
        except (Damaged, DataKeyError):
            opened.append(_DAMAGED)
    return codec.open_snapshot(first, owner), opened, tail


def parse(raw: bytes, codec: Codec | None, owner: str, where: os.PathLike[str] | str) -> Parsed | None:
    """Read a whole notebook file; None when it is empty. Raises UnreadableData when the snapshot line is not a
    notebook's, DataKeyError when the file needs another key."""
    if not raw.strip():
        return None
    try:
        snapshot, log, tail = open_lines(raw, codec, owner)
    except Damaged as exc:
        raise UnreadableData(where, str(exc)) from exc
    found = layout(snapshot)
    try:
        if found is not None and found.snapshot == len(snapshot) + 1:
            view = memoryview(snapshot)
            digest = orjson.loads(view[found.prefix : found.prefix + found.digest])
            state = orjson.loads(view[found.head_end - found.state : found.head_end])
            body: bytes | dict[str, Any] = b"{" + snapshot[found.body_start + 1 :]
            if snapshot[found.body_start : found.body_start + 1] != b",":
                body = b"{}"
        else:
            whole = orjson.loads(snapshot)
            if not isinstance(whole, dict):
                raise UnreadableData(where, "the top level is not an object")
            for derived in (HEAD, PLAN):
                whole.pop(derived, None)
            digest, state, body = whole.pop(DIGEST, None), whole.pop(STATE, None) or {}, whole
    except orjson.JSONDecodeError as exc:
        raise UnreadableData(where, f"the snapshot is not JSON ({exc})") from exc
    if not isinstance(state, dict) or not (digest is None or isinstance(digest, dict)):
        raise UnreadableData(where, "the head's tables are not objects")
    changes: list[Change] = []
    damaged: list[int] = []
    log_size = 0
    for number, line in enumerate(log, start=2):
        try:
            changes.extend(changes_of(orjson.loads(line)))
        except (orjson.JSONDecodeError, NotANotebook):
            damaged.append(number)
            continue
        log_size += len(line) + 1
    torn = len(tail)
    fresh = found is not None and not found.plan
    return Parsed(digest, state, body, changes, damaged, torn, len(snapshot) + 1, log_size, fresh)


def read(path: os.PathLike[str] | str, codec: Codec | None) -> Parsed | None:
    """A notebook file from disk (see ``parse``); None when it does not exist or is empty."""
    try:
        raw = read_file(path)
    except FileNotFoundError:
        return None
    return parse(raw, codec, owner_of(path), path)


def read_head(path: os.PathLike[str] | str, codec: Codec | None = None) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """Only the digest rows and the state values (key -> value) of a notebook, log applied: what start-up
    scheduling and ``nurture stats`` need. None when the file is missing, has no digest, or does not read (the
    full reader reports that). Raises DataKeyError when the file and ``codec`` do not go together."""
    try:
        parsed = read(path, codec)
    except UnreadableData:
        return None
    return head_of(parsed) if parsed is not None else None


def head_of(parsed: Parsed) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The digest rows and state values of a notebook read (see ``read_head``); None without a digest."""
    if parsed.digest is None:
        return None
    digest, state = dict(parsed.digest), dict(parsed.state)
    for table, key, doc in parsed.changes:
        target = digest if table == DIGEST else state if table == STATE else None
        if target is None:
            continue
        if doc is None:
            target.pop(key, None)
        else:
            target[key] = doc
    return digest, state_values(state)


def state_values(table: dict[str, Any]) -> dict[str, Any]:
    """The state table's documents ({"key": ..., "value": ...}) as one dict."""
    return {doc["key"]: doc.get("value") for doc in table.values() if isinstance(doc, dict) and "key" in doc}
