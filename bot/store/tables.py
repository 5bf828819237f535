"""One TinyDB table of a notebook's records, seen as a dict of dataclasses keyed by their own id (notebook.py
holds one per kind of record).

Writes go through TinyDB's ``Table`` (insert, update, remove by document id); each first tells the storage which
documents it changes, so a save is one appended line. A new record never replaces a different one that happens to
share its id (``IdTaken``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from tinydb import TinyDB
from tinydb.table import Document, Table

from bot.store.batches import Batches
from bot.store.records import Contact, Record


def replace_with(doc: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    """TinyDB's update merges fields; a record whose field went back to its default must lose the old value."""

    def replace(stored: dict[str, Any]) -> None:
        stored.clear()
        stored.update(doc)

    return replace


class IdTaken(RuntimeError):
    """A new record came with the id of another one (ids are random; see records.new_id): never saved over it."""


def _another(stored: Record, new: Record) -> bool:
    """Whether ``new`` is a different record than ``stored`` (not a later version of it): it was created at another
    moment. A record's creation stamp never changes, whatever else does."""
    made = getattr(stored, "created_at", "")
    return bool(made) and bool(getattr(new, "created_at", "")) and made != getattr(new, "created_at", "")


class ContactIndex(Protocol):
    """An index over the contacts, built by whoever needs it and kept current by the notebook."""

    def put(self, contact: Contact) -> None: ...

    def remove(self, contact_id: str) -> None: ...


class RecordTable:
    """One TinyDB table of records, seen as a dict of dataclasses keyed by their own id."""

    def __init__(self, db: TinyDB, storage: Batches, name: str, cls: type[Record]) -> None:
        self.table: Table = db.table(name, cache_size=0)
        self.storage = storage
        self.name = name
        self.cls = cls
        self._items: dict[str, Record] | None = None
        self._doc_ids: dict[str, int] = {}
        self._next_doc_id = 1
        # contact id -> their records (in the order of ``items``), built on first use: one person's history is
        # found without walking everyone's.
        self._by_contact: dict[str, dict[str, Record]] | None = None
        self.indexes: dict[Any, ContactIndex] = {}  # the contacts table only

    def forget(self) -> None:
        self._items = None
        self._doc_ids = {}
        self._by_contact = None
        self.indexes = {}

    def items(self) -> dict[str, Record]:
        if self._items is None:
            items: dict[str, Record] = {}
            doc_ids: dict[str, int] = {}
            from_dict = self.cls.from_dict
            # Through TinyDB's own reading (``Table`` iteration gives ``Document``s with their ids).
            for doc in self.table:
                record = from_dict(doc)
                key = record.id  # type: ignore[attr-defined]
                items[key] = record
                doc_ids[key] = doc.doc_id
            self._items, self._doc_ids = items, doc_ids
            self._next_doc_id = max(doc_ids.values(), default=0) + 1
        return self._items

    def of_contact(self, contact_id: str) -> list[Record]:
        if self._by_contact is None:
            index: dict[str, dict[str, Record]] = {}
            for key, record in self.items().items():
                index.setdefault(record.contact_id, {})[key] = record  # type: ignore[attr-defined]
            self._by_contact = index
        return list(self._by_contact.get(contact_id, {}).values())

    def put(self, record: Record) -> None:
        items = self.items()
        key: str = record.id  # type: ignore[attr-defined]
        doc = record.to_dict()
        doc_id = self._doc_ids.get(key)
        previous = items.get(key)
        if previous is not None and _another(previous, record):
            raise IdTaken(f"{self.name}: {key} already belongs to another record")
        if doc_id is not None:
            self.storage.expect(self.name, [str(doc_id)])
            self.table.update(replace_with(doc), doc_ids=[doc_id])  # type: ignore[arg-type]
        else:
            doc_id = self._doc_ids[key] = self._next_doc_id
            self._next_doc_id += 1
            self.storage.expect(self.name, [str(doc_id)])
            self.table.insert(Document(doc, doc_id=doc_id))
        self._remember(record, previous)

    def put_many(self, records: Iterable[Record]) -> None:
        """``put`` each record (the last of the same id wins), with one TinyDB write for the new ones and one for
        those saved before: TinyDB copies the whole table on every insert or update, so 5,000 new contacts saved
        one by one would copy it 5,000 times."""
        items = self.items()
        latest: dict[str, Record] = {}
        for record in records:
            key: str = record.id  # type: ignore[attr-defined]
            earlier = latest.get(key) or items.get(key)
            if earlier is not None and _another(earlier, record):
                raise IdTaken(f"{self.name}: {key} already belongs to another record")
            latest[key] = record
        fresh: list[Document] = []
        saved_before: dict[str, dict[str, Any]] = {}
        for key, record in latest.items():
            if key in self._doc_ids:
                saved_before[key] = record.to_dict()
                continue
            doc_id = self._doc_ids[key] = self._next_doc_id
            self._next_doc_id += 1
            fresh.append(Document(record.to_dict(), doc_id=doc_id))
        if saved_before:
            self.storage.expect(self.name, [str(self._doc_ids[key]) for key in saved_before])

            def replace(stored: dict[str, Any]) -> None:
                doc = saved_before[stored["id"]]
                stored.clear()
                stored.update(doc)

            self.table.update(replace, doc_ids=[self._doc_ids[key] for key in saved_before])  # type: ignore[arg-type]
        if fresh:
            self.storage.expect(self.name, [str(d.doc_id) for d in fresh])
            self.table.insert_multiple(fresh)
        for key, record in latest.items():
            self._remember(record, items.get(key))

    def _remember(self, record: Record, previous: Record | None) -> None:
        key: str = record.id  # type: ignore[attr-defined]
        self.items()[key] = record
        contact_id = getattr(record, "contact_id", None)
        if self._by_contact is not None and contact_id is not None:
            if previous is not None and previous.contact_id != contact_id:  # type: ignore[attr-defined]
                self._by_contact.get(previous.contact_id, {}).pop(key, None)  # type: ignore[attr-defined]
            self._by_contact.setdefault(contact_id, {})[key] = record
        for index in self.indexes.values():
            index.put(record)  # type: ignore[arg-type]

    def remove(self, keys: Sequence[str]) -> None:
        items = self.items()
        doc_ids = [self._doc_ids.pop(k) for k in keys if k in self._doc_ids]
        if doc_ids:
            self.storage.expect(self.name, [str(d) for d in doc_ids])
            self.table.remove(doc_ids=doc_ids)
        for key in keys:
            record = items.pop(key, None)
            if record is not None and self._by_contact is not None:
                self._by_contact.get(record.contact_id, {}).pop(key, None)  # type: ignore[attr-defined]
            for index in self.indexes.values():
                index.remove(key)
