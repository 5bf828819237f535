"""One user's notebook: their contacts, interactions, promises and settings, in one TinyDB file.

One file per user keeps users isolated (one broken file never touches another), makes export and deletion a
file operation, and makes a write cost the size of that user's data, not everyone's.

Records are read into dataclasses once and kept in step with every write, so a request over a 1,000-contact
notebook does not re-build 1,000 objects. Any failed batch drops those caches together with the storage cache.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Collection, Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, TypeVar

import orjson
from tinydb import TinyDB
from tinydb.table import Table

from bot.coach.errors import UnreadableData
from bot.coach.network.view import Network
from bot.coach.planning.summary import SUMMARY_VERSION, summarize
from bot.coach.planning.summary import summaries as summaries_of
from bot.coach.reading.names import NameIndex
from bot.store.crypto import Codec
from bot.store.records import SCHEMA_VERSION, Contact, Fact, Interaction, Profile, Promise, Record, new_id
from bot.store.schema import NotANotebook, check_notebook
from bot.store.storage import DIGEST, FILE_MODE, STATE, AtomicJSONStorage, read_set_aside

R = TypeVar("R", bound=Record)

# The id of the incoming message being handled, if any. Set by the Telegram glue around each handler; every write
# made while handling it records the id in the same atomic write, so a message redelivered after a crash (Telegram
# resends what was not confirmed) is recognised and not applied twice. A ContextVar, so a morning job running at
# the same time for the same user never stamps the handler's id.
HANDLING: ContextVar[int | None] = ContextVar("HANDLING", default=None)
HANDLED = "handled"
DIGEST_VERSION = "digest_version"  # the summary version the stored digest rows were made with
HANDLED_KEEP = 50  # ids are only redelivered shortly after a crash; Telegram may restart ids after a quiet week


class _IntKeys(MutableMapping[int, Any]):
    """A table's stored documents (JSON object keys are strings) seen with TinyDB's integer document ids."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        self.touched: set[str] = set()  # documents read for change, written or removed: what the save must carry

    def __getitem__(self, key: int) -> Any:
        self.touched.add(str(key))  # TinyDB's update changes the document it gets, in place
        return self.raw[str(key)]

    def __setitem__(self, key: int, value: Any) -> None:
        self.touched.add(str(key))
        self.raw[str(key)] = value

    def __delitem__(self, key: int) -> None:
        self.touched.add(str(key))
        del self.raw[str(key)]

    def __contains__(self, key: object) -> bool:
        return str(key) in self.raw

    def __iter__(self) -> Iterator[int]:
        return (int(key) for key in self.raw)

    def __len__(self) -> int:
        return len(self.raw)


class NotebookTable(Table):
    """TinyDB's Table, changing documents in place.

    Stock TinyDB copies a whole table twice on every insert or update (to convert document ids between the
    JSON file's strings and ints) and hands the storage the whole database to save. Here TinyDB's own
    insert/update/remove logic runs on a view that converts one key at a time and notes which documents it
    touched, so the storage can save just those (see storage.py).
    """

    def _update_table(self, updater: Callable[[dict[int, Mapping[str, Any]]], None]) -> None:
        tables = self._storage.read() or {}
        view = _IntKeys(tables.setdefault(self.name, {}))
        updater(view)  # type: ignore[arg-type]
        self._storage.write_changes(tables, [(self.name, key) for key in view.touched])  # type: ignore[attr-defined]
        self.clear_cache()


class NotebookDB(TinyDB):
    table_class = NotebookTable


class _Table:
    """A TinyDB table seen as a dict of records keyed by their string id."""

    def __init__(self, db: TinyDB, storage: AtomicJSONStorage, name: str, cls: type[Record]) -> None:
        self.table = db.table(name, cache_size=0)
        self.storage = storage
        self.name = name
        self.cls = cls
        self._items: dict[str, Record] | None = None
        self._doc_ids: dict[str, int] = {}
        # contact id -> their records (in the order of ``items``), built on first use: one person's history is
        # found without walking everyone's (a /met over 1,000 contacts used to scan ~3,000 interactions).
        self._by_contact: dict[str, dict[str, Record]] | None = None
        # The contacts table only: their names indexed for resolve() (names.py), built on first use, then kept.
        self._names: NameIndex | None = None

    def forget(self) -> None:
        self._items = None
        self._doc_ids = {}
        self._by_contact = None
        self._names = None

    def name_index(self) -> NameIndex:
        if self._names is None:
            self._names = NameIndex(self.items().values())  # type: ignore[arg-type]
        return self._names

    def of_contact(self, contact_id: str) -> list[Record]:
        if self._by_contact is None:
            index: dict[str, dict[str, Record]] = {}
            for key, record in self.items().items():
                index.setdefault(record.contact_id, {})[key] = record  # type: ignore[attr-defined]
            self._by_contact = index
        return list(self._by_contact.get(contact_id, {}).values())

    def items(self) -> dict[str, Record]:
        if self._items is None:
            # Straight from the parsed file: TinyDB's Document wrappers would double the cost of a big notebook.
            raw = (self.storage.read() or {}).get(self.name, {})
            items: dict[str, Record] = {}
            doc_ids: dict[str, int] = {}
            from_dict = self.cls.from_dict
            for doc_id, doc in raw.items():
                record = from_dict(doc)
                items[record.id] = record  # type: ignore[attr-defined]
                doc_ids[record.id] = int(doc_id)  # type: ignore[attr-defined]
            self._items, self._doc_ids = items, doc_ids
        return self._items

    def put(self, record: Record) -> None:
        items = self.items()
        key = record.id  # type: ignore[attr-defined]
        doc = record.to_dict()
        if key in self._doc_ids:
            self.table.update(_replace_with(doc), doc_ids=[self._doc_ids[key]])
        else:
            self._doc_ids[key] = self.table.insert(doc)
        previous = items.get(key)
        items[key] = record
        if self._by_contact is not None:
            if previous is not None and previous.contact_id != record.contact_id:  # type: ignore[attr-defined]
                self._by_contact.get(previous.contact_id, {}).pop(key, None)  # type: ignore[attr-defined]
            self._by_contact.setdefault(record.contact_id, {})[key] = record  # type: ignore[attr-defined]
        if self._names is not None:
            self._names.put(record)  # type: ignore[arg-type]

    def remove(self, keys: list[str]) -> None:
        items = self.items()
        doc_ids = [self._doc_ids.pop(k) for k in keys if k in self._doc_ids]
        if doc_ids:
            self.table.remove(doc_ids=doc_ids)
        for key in keys:
            record = items.pop(key, None)
            if record is not None and self._by_contact is not None:
                self._by_contact.get(record.contact_id, {}).pop(key, None)  # type: ignore[attr-defined]
            if self._names is not None:
                self._names.remove(key)


def _traces_of(contact: Contact | None, *records: list[Any]) -> list[bytes]:
    """What would show that a deleted contact was ever here: their id, their name, and every text logged about
    them, as the bytes a notebook file holds (lower-cased: the search ignores case)."""
    texts: list[str] = []
    if contact is not None:
        texts += [contact.id, contact.name]
    for group in records:
        for record in group:
            texts.append(record.id)
            texts += [getattr(record, name, "") for name in ("text", "context")]
            texts += [v for v in (getattr(record, "slots", None) or {}).values() if isinstance(v, str)]
    return [orjson.dumps(t)[1:-1].lower() for t in texts if t and len(t) >= 2]


# State that holds only ids and days, never what was said about anyone: delivery records must survive a deletion
# (dropping one would let a second morning message go out today).
_STATE_WITHOUT_PEOPLE = frozenset(
    {"profile", "mornings", "reviews", "snoozes", "capture_tokens", HANDLED, DIGEST_VERSION}
)
# State values that are one record each (journal.py keeps each capture as "capture:<token>"): one that mentions a
# deleted person goes whole.
_STATE_RECORD_PREFIXES = ("capture:",)


def _mentions(blob: bytes, traces: list[bytes]) -> bool:
    lowered = blob.lower()
    return any(trace in lowered for trace in traces)


def _replace_with(doc: dict[str, Any]) -> Callable[[MutableMapping[Any, Any]], None]:
    """TinyDB's update merges fields; a record whose field went back to its default must lose the old value."""

    def replace(stored: MutableMapping[Any, Any]) -> None:
        stored.clear()
        stored.update(doc)

    return replace


def set_aside_files(path: Path) -> list[Path]:
    """Copies of a notebook's data other than the file itself: files moved aside as unreadable, and temporary files
    a crash left half-written, and side files (an import waiting for the user's answer, see Store.side_file)."""
    return [
        *path.parent.glob(f"{path.name}.unreadable-*"),
        *path.parent.glob(f".{path.name}.*.tmp"),
        *path.parent.glob(f"{path.name}.side-*"),
    ]


def state_values(table: dict[str, Any]) -> dict[str, Any]:
    """The "state" table's documents ({"key": ..., "value": ...}) as one dict."""
    return {doc["key"]: doc.get("value") for doc in table.values() if isinstance(doc, dict) and "key" in doc}


class Notebook:
    def __init__(self, user_id: int, path: Path, codec: Codec | None = None) -> None:
        self.user_id = user_id
        self.path = path
        self.storage = AtomicJSONStorage(path, codec)  # codec: sealed lines with COACH_DATA_KEY (crypto.py)
        self.db = NotebookDB(storage=lambda: self.storage)
        data = self.storage.read()  # fail now, on open, if the file is unreadable...
        try:
            repaired = check_notebook(data) if data is not None else []  # ...or is not a notebook (validation.py)
        except NotANotebook as exc:
            self.storage.close()
            raise UnreadableData(path, exc.reason) from exc
        if path.exists():
            os.chmod(path, FILE_MODE)  # a file from an older release may be readable by others
        self._contacts = _Table(self.db, self.storage, "contacts", Contact)
        self._interactions = _Table(self.db, self.storage, "interactions", Interaction)
        self._promises = _Table(self.db, self.storage, "promises", Promise)
        self._facts = _Table(self.db, self.storage, "facts", Fact)
        self._dirty: set[str] = set()  # contacts whose digest row must be recomputed before the next write
        self._rebuild_digest = False
        self._tables = (self._contacts, self._interactions, self._promises, self._facts)
        self._kv = self.db.table(STATE, cache_size=0)
        # The state table's documents by key, for the table object they were read from (a reload is a new one).
        self._state_index: tuple[dict[str, Any], dict[str, str]] | None = None
        if "digest" in repaired:
            self.rebuild_digest()  # derived data: rebuilt from the records, and saved

    # -- units of work ------------------------------------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Everything inside is saved with one atomic write when the block ends, or not at all.

        Every change goes through here, so the digest (one summary row per contact, what morning planning reads)
        is brought up to date inside the very write that changed the records: it can never lag behind them.
        """
        outermost = not self.storage.in_batch
        try:
            with self.storage.batch():
                yield
                if outermost:
                    self._stamp_handled()
                    if self._dirty or self._rebuild_digest:
                        self._refresh_digest()
        except BaseException:
            for table in self._tables:
                table.forget()
            self._dirty.clear()
            self._rebuild_digest = False
            raise

    # -- contacts -------------------------------------------------------------------------------------------------

    def contacts(self) -> list[Contact]:
        return list(self._contacts.items().values())  # type: ignore[arg-type]

    def names(self) -> NameIndex:
        """The contacts by name, for ``names.resolve`` without a pass over everyone; current after every change."""
        return self._contacts.name_index()

    def contact(self, contact_id: str) -> Contact | None:
        return self._contacts.items().get(contact_id)  # type: ignore[return-value]

    def save_contact(self, contact: Contact) -> None:
        with self.batch():
            self._contacts.put(contact)
            self._dirty.add(contact.id)

    def delete_contact(self, contact_id: str) -> None:
        """Remove a contact with everything logged about them, and unlink anyone they introduced.

        Deleted means gone from disk when this returns: the file is rewritten whole (no log line still holding
        them), questions still waiting about them are dropped, and copies set aside or half-written by a crash that
        mention them are deleted.
        """
        contact = self.contact(contact_id)
        traces = _traces_of(contact, self.interactions(contact_id), self.promises(contact_id), self.facts(contact_id))
        with self.batch():
            self._interactions.remove([i.id for i in self.interactions(contact_id)])
            self._promises.remove([p.id for p in self.promises(contact_id)])
            self._facts.remove([f.id for f in self.facts(contact_id)])
            for other in self.contacts():
                if other.introduced_by_id == contact_id:
                    other.introduced_by_id = ""
                    self.save_contact(other)
            self._contacts.remove([contact_id])
            self._dirty.add(contact_id)
            for key, value in self.state_values().items():
                if key in _STATE_WITHOUT_PEOPLE or not _mentions(orjson.dumps(value), traces):
                    continue
                if key.startswith(_STATE_RECORD_PREFIXES):
                    self.delete_state(key)
                    continue
                # Questions waiting about them, captures kept for "Fix": entries that mention them go.
                if isinstance(value, dict):
                    self.set_state(key, {k: v for k, v in value.items() if not _mentions(orjson.dumps(v), traces)})
                elif isinstance(value, list):
                    self.set_state(key, [v for v in value if not _mentions(orjson.dumps(v), traces)])
                else:
                    self.set_state(key, None)
            self.storage.rewrite_on_save()
        for copy in set_aside_files(self.path):
            try:
                if _mentions(read_set_aside(copy, self.storage.codec), traces):
                    copy.unlink()
            except FileNotFoundError:
                pass

    # -- interactions and promises ------------------------------------------------------------------------------

    def interactions(self, contact_id: str | None = None) -> list[Interaction]:
        if contact_id is not None:
            return self._interactions.of_contact(contact_id)  # type: ignore[return-value]
        return list(self._interactions.items().values())  # type: ignore[arg-type]

    def add_interaction(self, interaction: Interaction) -> None:
        with self.batch():
            self._interactions.put(interaction)
            self._dirty.add(interaction.contact_id)

    def promises(self, contact_id: str | None = None) -> list[Promise]:
        if contact_id is not None:
            return self._promises.of_contact(contact_id)  # type: ignore[return-value]
        return list(self._promises.items().values())  # type: ignore[arg-type]

    def promise(self, promise_id: str) -> Promise | None:
        return self._promises.items().get(promise_id)  # type: ignore[return-value]

    def save_promise(self, promise: Promise) -> None:
        with self.batch():
            self._promises.put(promise)
            self._dirty.add(promise.contact_id)

    def facts(self, contact_id: str | None = None) -> list[Fact]:
        """Typed facts (bot/coach/facts.py), oldest first; superseded ones included (check ``superseded_on``)."""
        if contact_id is not None:
            items: list[Fact] = self._facts.of_contact(contact_id)  # type: ignore[assignment]
        else:
            items = list(self._facts.items().values())  # type: ignore[arg-type]
        return sorted(items, key=lambda f: f.on)

    def save_fact(self, fact: Fact) -> None:
        with self.batch():
            self._facts.put(fact)
            self._dirty.add(fact.contact_id)

    def network(self, about: Collection[str] | None = None) -> Network:
        """The network as a read-only view. ``about`` limits the interactions and promises to those contacts (all
        contacts stay known by id), which is all a draft or a contact card needs and much cheaper to build."""
        if about is None:
            return Network(self.contacts(), self.interactions(), self.promises(), self.facts())
        wanted = set(about)
        return Network(
            self.contacts(),
            [i for i in self.interactions() if i.contact_id in wanted],
            [p for p in self.promises() if p.contact_id in wanted],
            [f for f in self.facts() if f.contact_id in wanted],
        )

    def export(self) -> dict[str, Any]:
        """Everything the user told the coach, as plain JSON-ready data with every field spelled out."""
        return {
            "format": "nurture-notebook",
            "schema_version": SCHEMA_VERSION,
            "profile": dataclasses.asdict(self.profile()),
            "contacts": [dataclasses.asdict(c) for c in self.contacts()],
            "interactions": [dataclasses.asdict(i) for i in sorted(self.interactions(), key=lambda i: (i.on, i.at))],
            "promises": [dataclasses.asdict(p) for p in self.promises()],
            "facts": [dataclasses.asdict(f) for f in self.facts()],
        }

    # -- the digest: one compact summary row per contact, for planning without loading every record ----------

    def summaries(self) -> dict[str, dict[str, Any]]:
        """Contact id -> summary row. Rows from an older summary version are rebuilt on the spot."""
        data = self.storage.read()
        if data is not None and self.get_state(DIGEST_VERSION) == SUMMARY_VERSION and DIGEST in data:
            return data[DIGEST]
        return summaries_of(self.network())

    def has_handled(self, update_id: int) -> bool:
        return update_id in (self.get_state(HANDLED) or [])

    def _stamp_handled(self) -> None:
        update_id = HANDLING.get()
        if update_id is None or not self.storage.in_batch:
            return
        handled = list(self.get_state(HANDLED) or [])
        if update_id not in handled:
            self.set_state(HANDLED, [*handled, update_id][-HANDLED_KEEP:])

    def _refresh_digest(self) -> None:
        """Recompute the rows of the contacts this batch touched, and stage them for the batch's one save."""
        data = self.storage.read() or {}
        if self._rebuild_digest or self.get_state(DIGEST_VERSION) != SUMMARY_VERSION or DIGEST not in data:
            data[DIGEST] = summaries_of(self.network())
            self.set_state(DIGEST_VERSION, SUMMARY_VERSION)
            self.storage.write(data)  # every row is new: a whole rewrite
        else:
            rows = data[DIGEST]
            for contact_id in self._dirty:
                contact = self.contact(contact_id)
                if contact is None:
                    rows.pop(contact_id, None)
                else:
                    timeline = sorted(self.interactions(contact_id), key=lambda i: (i.on, i.at))
                    rows[contact_id] = summarize(contact, timeline, self.promises(contact_id))
            self.storage.write_changes(data, [(DIGEST, contact_id) for contact_id in self._dirty])
        self._dirty.clear()
        self._rebuild_digest = False

    def rebuild_digest(self) -> None:
        """Recompute and save every contact's summary row (a file written by other means, or by an old release)."""
        with self.batch():
            self._rebuild_digest = True

    def close(self) -> None:
        """This object leaves memory: any later use raises NotebookClosed (see Store)."""
        self.storage.close()
        for table in self._tables:
            table.forget()

    # -- settings and small state ---------------------------------------------------------------------------------

    def profile(self) -> Profile:
        data = self.get_state("profile")
        return Profile.from_dict(data) if data else Profile(user_id=self.user_id)

    def save_profile(self, profile: Profile) -> None:
        self.set_state("profile", profile.to_dict())

    def get_state(self, key: str) -> Any:
        """Small named values (settings, delivery records, snoozes). Returns None when unset."""
        table, ids = self._state_ids()
        doc_id = ids.get(key)
        return None if doc_id is None else table[doc_id].get("value")

    def state_values(self) -> dict[str, Any]:
        return state_values((self.storage.read() or {}).get(STATE) or {})

    def _state_ids(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The state table as stored, and key -> document id: a lookup without walking every named value."""
        table = (self.storage.read() or {}).get(STATE) or {}
        if self._state_index is None or self._state_index[0] is not table:
            ids = {doc["key"]: doc_id for doc_id, doc in table.items() if isinstance(doc, dict) and "key" in doc}
            self._state_index = (table, ids)
        return self._state_index

    def set_state(self, key: str, value: Any) -> None:
        with self.batch():
            doc_id = self._state_ids()[1].get(key)
            if doc_id is not None:
                self._kv.update({"value": value, "v": SCHEMA_VERSION}, doc_ids=[int(doc_id)])
                return
            index = self._state_index
            inserted = self._kv.insert({"key": key, "value": value, "v": SCHEMA_VERSION})
            if index is not None:
                index[1][key] = str(inserted)  # kept, not rebuilt (a stale table is noticed in _state_ids)

    def delete_state(self, key: str) -> None:
        """Remove a named value altogether (not just set it to None)."""
        ids = self._state_ids()[1]
        doc_id = ids.get(key)
        if doc_id is not None:
            with self.batch():
                self._kv.remove(doc_ids=[int(doc_id)])
            ids.pop(key, None)

    # -- pending choices (a question asked with buttons, waiting for a tap) --------------------------------------

    def put_pending(self, action: str, payload: dict[str, Any]) -> str:
        """Remember what the user asked while we ask them a question; the token goes in the buttons."""
        token = new_id()
        pending = dict(self.get_state("pending") or {})
        pending[token] = {"action": action, "payload": payload}
        # Keep the last few questions only: old buttons simply expire.
        while len(pending) > 20:
            pending.pop(next(iter(pending)))
        self.set_state("pending", pending)
        return token

    def pop_pending(self, token: str) -> dict[str, Any] | None:
        pending = dict(self.get_state("pending") or {})
        item = pending.pop(token, None)
        if item is not None:
            self.set_state("pending", pending)
        return item

    def peek_pending(self, token: str) -> dict[str, Any] | None:
        return (self.get_state("pending") or {}).get(token)
