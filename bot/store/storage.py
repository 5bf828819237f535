"""Nurture's TinyDB ``Storage``: a notebook file that never loses an acknowledged write, whose saves cost the size
of the change, and whose records are parsed only when someone asks for them.

TinyDB hands a storage the whole database to ``write``. Saving it whole every time would cost the size of the
notebook for every message, so a writer that knows what it changed says so first (``expect``: these documents of
this table). The next save then appends one line with just those documents (logfile.py) and fsyncs it. Without a
word of what changed (stock TinyDB use, a repair) the whole file is rewritten atomically. When the log has grown to
half the snapshot, the next save also rewrites the file, so reading stays cheap.

``read`` returns ``Tables``: the head's tables (the digest and the state) parsed when the file is opened, the others
("the records") parsed, checked and brought up to date with the log the first time any of them is asked for. A
morning plans from the digest, claims its day in the state and words its steps without parsing a record; a
compaction that finds the records never asked for copies their bytes as read.

When ``write`` returns, the data is on disk: there is no write-back cache. Several writes become one save inside
a batch of the ``Batches`` middleware (batches.py); if anything in it fails, nothing is saved and memory is dropped,
to be read again from the disk. A closed storage (its notebook left memory) refuses to read or write: a stale
reference can never save an old copy over a newer file.

It works as stock TinyDB's storage too: ``TinyDB(path, storage=NotebookStorage)`` opens a notebook.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, MutableMapping
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from bot.store import logfile
from bot.store.crypto import Codec
from bot.store.errors import NotebookClosed, UnreadableData
from bot.store.folder import FilePages
from bot.store.logfile import DIGEST, DIGEST_VERSION, HEAD_TABLES, STATE, Change
from bot.store.pages import Pages
from bot.store.schema import NotANotebook, check_records, check_state

log = logging.getLogger(__name__)

# Rewrite the snapshot once the log is this large relative to it (and at least COMPACT_MIN bytes): reading stays
# cheap and the rewrite cost is spread over many small saves.
COMPACT_RATIO = 0.5
COMPACT_MIN = 32 * 1024


class Tables(dict[str, Any]):
    """A notebook's tables as TinyDB reads them: the head's parsed, the records parsed on first use.

    A dict (what TinyDB's ``Storage.read`` returns) holding the head's tables from the start; any access to
    another table, or to the whole, first parses the records (``_open``)."""

    __slots__ = ("_pending", "_raw", "_where")

    def __init__(
        self, tables: dict[str, Any], raw: bytes | None = None, pending: Iterable[Change] = (), where: str = ""
    ) -> None:
        super().__init__(tables)
        self._raw = raw  # the records' JSON object as read, not parsed yet
        self._pending = list(pending)  # the log's changes to the records, applied when they are parsed
        self._where = where

    @property
    def opened(self) -> bool:
        return self._raw is None

    def unparsed(self) -> bytes | None:
        """The records' bytes exactly as read, when nobody asked for them and nothing changed them since."""
        return self._raw if self._raw is not None and not self._pending else None

    def head(self, name: str) -> Any:
        """One of the head's tables ({} when there is none), never parsing the records."""
        return super().get(name) or {}

    def records(self) -> dict[str, Any]:
        """Every table but the head's (parsing them now if nobody did yet)."""
        self._open()
        return {name: table for name, table in super().items() if name not in HEAD_TABLES}

    def _open(self) -> None:
        if self._raw is None:
            return
        try:
            body = orjson.loads(self._raw)
            if not isinstance(body, dict):
                raise NotANotebook("the records are not an object")
            apply(body, self._pending)
            check_records(body)
        except (orjson.JSONDecodeError, NotANotebook) as exc:
            raise UnreadableData(self._where, getattr(exc, "reason", str(exc))) from exc
        self._raw, self._pending = None, []
        for name, table in body.items():
            if name not in HEAD_TABLES:
                super().__setitem__(name, table)

    def __getitem__(self, name: str) -> Any:
        if name not in HEAD_TABLES:
            self._open()
        return super().__getitem__(name)

    def get(self, name: str, default: Any = None) -> Any:  # one key type: table names
        if name not in HEAD_TABLES:
            self._open()
        return super().get(name, default)

    def __setitem__(self, name: str, table: Any) -> None:
        if name not in HEAD_TABLES:
            self._open()
        super().__setitem__(name, table)

    def __delitem__(self, name: str) -> None:
        if name not in HEAD_TABLES:
            self._open()
        super().__delitem__(name)

    def __contains__(self, name: object) -> bool:
        if name not in HEAD_TABLES:
            self._open()
        return super().__contains__(name)

    def __iter__(self) -> Iterator[str]:
        self._open()
        return iter(list(super().keys()))

    def __len__(self) -> int:
        self._open()
        return super().__len__()

    def keys(self) -> Any:
        self._open()
        return super().keys()

    def items(self) -> Any:
        self._open()
        return super().items()

    def values(self) -> Any:
        self._open()
        return super().values()


def apply(tables: dict[str, Any], changes: Iterable[Change]) -> None:
    """Apply log changes to parsed tables (a removal is a None document)."""
    for table, key, doc in changes:
        target = tables.setdefault(table, {})
        if not isinstance(target, dict):
            raise NotANotebook(f"table {table!r} is not an object")
        if doc is None:
            target.pop(key, None)
        else:
            target[key] = doc


class NotebookStorage(Storage):
    """Over a file (a path: what stock TinyDB hands it) or any other ``Pages`` (pages.py: a database's rows)."""

    def __init__(
        self, path: str | os.PathLike[str] | Pages, codec: Codec | None = None, *, read_only: bool = False
    ) -> None:
        self.pages: Pages = FilePages(path, read_only=read_only) if isinstance(path, str | os.PathLike) else path
        self.path = Path(getattr(self.pages, "path", self.pages.name))
        self.read_only = read_only  # a tool's look (nurture check): reading changes nothing, writing is refused
        self.codec = codec  # None: plaintext files
        self._owner = self.pages.owner
        self._data: Tables | None = None
        self._loaded = False
        self._expected: set[tuple[str, str]] = set()
        self._whole = False  # a write came without ``expect``: the next save rewrites the file
        self._rewrite = False  # the file on disk must be rewritten whole (older layout, torn or damaged lines)
        self._snapshot_size = 0  # plaintext bytes of the first line on disk (0: no file yet)
        self._log_size = 0
        self.repaired: list[str] = []  # what reading repaired or found missing: "pending", "digest"
        self.damaged: list[int] = []  # log lines skipped on reading because they did not read
        self.kept = ""  # the name of the copy of the notebook kept before its damaged lines were skipped
        self.closed = False

    # -- the TinyDB Storage interface -----------------------------------------------------------------------------

    def read(self) -> Tables | None:
        if self.closed:
            raise NotebookClosed(str(self.path))
        if not self._loaded:
            self._data = self._load()
            self._loaded = True
        return self._data

    def write(self, data: MutableMapping[str, Any]) -> None:
        if self.closed:
            raise NotebookClosed(str(self.path))
        if self.read_only:
            raise PermissionError(f"{self.path.name} was opened read-only")
        if not isinstance(data, Tables):
            data = Tables(dict(data))
        if not self._expected:
            # Nobody said what changed (stock TinyDB, a tool): the file is rewritten whole, and the digest, which
            # only a notebook keeps in step with the records, is left out, to be rebuilt when a notebook opens it.
            self._whole = True
            state = data.head(STATE)
            for doc_id in [d for d, doc in state.items() if isinstance(doc, dict) and doc.get("key") == DIGEST_VERSION]:
                del state[doc_id]
        self._data = data
        self._loaded = True
        self._flush()

    def close(self) -> None:
        self._data = None
        self._loaded = False
        self.closed = True

    # -- what Nurture adds ----------------------------------------------------------------------------------------

    def expect(self, table: str, keys: Iterable[str]) -> None:
        """The next write changes only these documents of ``table``: it is saved as one appended line."""
        self._expected.update((table, str(key)) for key in keys)

    def rewrite_on_save(self) -> None:
        """The next save rewrites the whole file (no log line): what a deletion needs, so that nothing of the
        deleted records stays in the snapshot or in an earlier log line."""
        self._rewrite = True

    # -- internals ------------------------------------------------------------------------------------------------

    def forget(self) -> None:
        """Drop memory (it is read from the disk again): it must never claim what the disk does not hold. Called
        when a write failed, and by ``Batches`` when a batch did (TinyDB changes what ``read`` gave it in place)."""
        self._whole = False
        self._expected.clear()
        self._data = None
        self._loaded = False

    def _load(self) -> Tables | None:
        raw = self.pages.read()
        parsed = logfile.parse(raw, self.codec, self._owner, self.path) if raw is not None else None
        if parsed is None:
            self._snapshot_size = self._log_size = 0
            return None
        head = {DIGEST: parsed.digest, STATE: parsed.state}
        records = [change for change in parsed.changes if change[0] not in HEAD_TABLES]
        try:
            apply(head, (change for change in parsed.changes if change[0] in HEAD_TABLES))
            self.repaired = check_state(head[STATE])
        except NotANotebook as exc:
            raise UnreadableData(self.path, exc.reason) from exc
        if parsed.digest is None:
            del head[DIGEST]
            self.repaired.append("digest")
        self.damaged = parsed.damaged
        if parsed.damaged and not self.read_only:
            kept = self.kept = self.pages.keep_copy("damaged")
            log.error(
                "%s: %d saved change(s) did not read (lines %s) and were skipped; the original is kept as %s",
                self.pages.name,
                len(parsed.damaged),
                ", ".join(map(str, parsed.damaged)),
                kept,
            )
        if parsed.torn:
            log.warning("%s: dropping %d bytes of an unfinished save", self.pages.name, parsed.torn)
        self._rewrite = bool(parsed.damaged or parsed.torn or not parsed.fresh_layout)
        self._snapshot_size, self._log_size = parsed.snapshot_size, parsed.log_size
        if isinstance(parsed.body, dict):  # an older file without a head: its records are parsed already
            tables = Tables(head, where=str(self.path))
            apply(parsed.body, records)
            try:
                check_records(parsed.body)
            except NotANotebook as exc:
                raise UnreadableData(self.path, exc.reason) from exc
            for name, table in parsed.body.items():
                tables[name] = table
            return tables
        return Tables(head, parsed.body, records, where=str(self.path))

    def _flush(self) -> None:
        if self.closed:
            raise NotebookClosed(str(self.path))
        data = self._data if self._data is not None else Tables({})
        try:
            if (
                self._rewrite
                or self._whole
                or not self._snapshot_size
                or self._log_size > max(COMPACT_MIN, self._snapshot_size * COMPACT_RATIO)
            ):
                body = data.unparsed()
                payload = logfile.snapshot_line(
                    data.head(DIGEST), data.head(STATE), body if body is not None else data.records()
                )
                sealed = (
                    self.codec.seal_snapshot(payload, logfile.head_length(payload), self._owner) if self.codec else None
                )
                self.pages.replace(sealed or payload)
                self._snapshot_size, self._log_size = len(payload), 0
            elif self._expected:
                line = logfile.change_line(
                    (table, key, _document(data, table, key)) for table, key in sorted(self._expected)
                )
                self.pages.append(self.codec.seal_line(line, self._owner) if self.codec else line)
                self._log_size += len(line)
        except BaseException:
            self.forget()
            raise
        self._whole = self._rewrite = False
        self._expected.clear()


def _document(data: Tables, table: str, key: str) -> Any:
    found = data.get(table)
    return found.get(key) if isinstance(found, dict) else None
