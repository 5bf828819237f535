"""One user's notebook: their contacts, interactions, promises and settings, in one TinyDB file.

One file per user keeps users isolated (one broken file never touches another), makes export and deletion a
file operation, and makes a write cost the size of that user's data, not everyone's.

Records are read into dataclasses once and kept in step with every write, so a request over a 1,000-contact
notebook does not re-build 1,000 objects. Any failed batch drops those caches together with the storage cache.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB

from bot.coach.models import SCHEMA_VERSION, Contact, Interaction, Profile, Promise, Record, new_id
from bot.coach.network import Network
from bot.coach.storage import AtomicJSONStorage

R = TypeVar("R", bound=Record)


class _Table:
    """A TinyDB table seen as a list of records with string ids."""

    def __init__(self, db: TinyDB, name: str, cls: type[Record]) -> None:
        self.table = db.table(name, cache_size=0)
        self.cls = cls
        self._items: dict[str, Record] | None = None
        self._doc_ids: dict[str, int] = {}

    def forget(self) -> None:
        self._items = None
        self._doc_ids = {}

    def items(self) -> dict[str, Record]:
        if self._items is None:
            items: dict[str, Record] = {}
            doc_ids: dict[str, int] = {}
            for doc in self.table.all():
                record = self.cls.from_dict(doc)
                items[record.id] = record  # type: ignore[attr-defined]
                doc_ids[record.id] = doc.doc_id  # type: ignore[attr-defined]
            self._items, self._doc_ids = items, doc_ids
        return self._items

    def put(self, record: Record) -> None:
        items = self.items()
        key = record.id  # type: ignore[attr-defined]
        if key in self._doc_ids:
            self.table.update(record.to_dict(), doc_ids=[self._doc_ids[key]])
        else:
            self._doc_ids[key] = self.table.insert(record.to_dict())
        items[key] = record

    def remove(self, keys: list[str]) -> None:
        items = self.items()
        doc_ids = [self._doc_ids.pop(k) for k in keys if k in self._doc_ids]
        if doc_ids:
            self.table.remove(doc_ids=doc_ids)
        for key in keys:
            items.pop(key, None)


class Notebook:
    def __init__(self, user_id: int, path: Path) -> None:
        self.user_id = user_id
        self.path = path
        self.storage = AtomicJSONStorage(path)
        self.db = TinyDB(storage=lambda: self.storage)
        self.storage.read()  # fail now, on open, if the file is unreadable
        self._contacts = _Table(self.db, "contacts", Contact)
        self._interactions = _Table(self.db, "interactions", Interaction)
        self._promises = _Table(self.db, "promises", Promise)
        self._tables = (self._contacts, self._interactions, self._promises)
        self._kv = self.db.table("state", cache_size=0)

    # -- units of work ------------------------------------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Everything inside is saved with one atomic write when the block ends, or not at all."""
        try:
            with self.storage.batch():
                yield
        except BaseException:
            for table in self._tables:
                table.forget()
            raise

    # -- contacts -------------------------------------------------------------------------------------------------

    def contacts(self) -> list[Contact]:
        return list(self._contacts.items().values())  # type: ignore[arg-type]

    def contact(self, contact_id: str) -> Contact | None:
        return self._contacts.items().get(contact_id)  # type: ignore[return-value]

    def save_contact(self, contact: Contact) -> None:
        self._contacts.put(contact)

    def delete_contact(self, contact_id: str) -> None:
        """Remove a contact with everything logged about them, and unlink anyone they introduced."""
        with self.batch():
            self._interactions.remove([i.id for i in self.interactions(contact_id)])
            self._promises.remove([p.id for p in self.promises(contact_id)])
            for other in self.contacts():
                if other.introduced_by_id == contact_id:
                    other.introduced_by_id = ""
                    self._contacts.put(other)
            self._contacts.remove([contact_id])

    # -- interactions and promises ------------------------------------------------------------------------------

    def interactions(self, contact_id: str | None = None) -> list[Interaction]:
        items: list[Interaction] = list(self._interactions.items().values())  # type: ignore[arg-type]
        return items if contact_id is None else [i for i in items if i.contact_id == contact_id]

    def add_interaction(self, interaction: Interaction) -> None:
        self._interactions.put(interaction)

    def promises(self, contact_id: str | None = None) -> list[Promise]:
        items: list[Promise] = list(self._promises.items().values())  # type: ignore[arg-type]
        return items if contact_id is None else [p for p in items if p.contact_id == contact_id]

    def promise(self, promise_id: str) -> Promise | None:
        return self._promises.items().get(promise_id)  # type: ignore[return-value]

    def save_promise(self, promise: Promise) -> None:
        self._promises.put(promise)

    def network(self) -> Network:
        return Network(self.contacts(), self.interactions(), self.promises())

    # -- settings and small state ---------------------------------------------------------------------------------

    def profile(self) -> Profile:
        data = self.get_state("profile")
        return Profile.from_dict(data) if data else Profile(user_id=self.user_id)

    def save_profile(self, profile: Profile) -> None:
        self.set_state("profile", profile.to_dict())

    def get_state(self, key: str) -> Any:
        """Small named values (settings, delivery records, snoozes). Returns None when unset."""
        docs = self._kv.all()
        for doc in docs:
            if doc.get("key") == key:
                return doc.get("value")
        return None

    def set_state(self, key: str, value: Any) -> None:
        for doc in self._kv.all():
            if doc.get("key") == key:
                self._kv.update({"value": value, "v": SCHEMA_VERSION}, doc_ids=[doc.doc_id])
                return
        self._kv.insert({"key": key, "value": value, "v": SCHEMA_VERSION})

    def update_state(self, key: str, change: Callable[[Any], Any]) -> Any:
        value = change(self.get_state(key))
        self.set_state(key, value)
        return value

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
