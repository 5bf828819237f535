"""One user's notebook: their contacts, interactions, promises, facts and settings, in one TinyDB database.

One file per user keeps users isolated (one broken file never touches another), makes export and deletion a
file operation, and makes a write cost the size of that user's data, not everyone's.

The notebook is a stock ``TinyDB`` over Nurture's ``NotebookStorage`` (storage.py). Records are written through
TinyDB's ``Table`` (insert, update, remove by document id), each write first telling the storage which documents
it changes, so a save is one appended line. Records are read into dataclasses once, the first time a table is
asked for, and kept in step with every write; a failed batch drops them with the storage's memory.

**Derived data is handed in, never imported.** The store knows no coaching: the *digest* (one summary row per
contact, what morning planning reads without parsing any record) is computed by the ``Digest`` the notebook is
given, inside the very save that changed the records, so it never lags behind them. Indexes over the contacts
(names for resolving what the user typed) are built by whoever asks (``contact_index``) and kept current here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from tinydb import TinyDB
from tinydb.table import Document

from bot.store.batches import Batches
from bot.store.logfile import DIGEST, DIGEST_VERSION, STATE
from bot.store.memory import MemoryNotebookStorage
from bot.store.records import SCHEMA_VERSION, Contact, Fact, Interaction, Profile, Promise, new_id
from bot.store.storage import NotebookStorage
from bot.store.tables import ContactIndex, RecordTable, replace_with

# The id of the incoming update being handled, and the day it came (the handler's clock), if any. Set by the Telegram
# glue around each handler; every write made while handling it records the id in the same atomic write, so an update
# redelivered after a crash (Telegram resends what was not confirmed, for up to a day) is recognised and not applied
# twice. A ContextVar, so a morning job running at the same time for the same user never stamps the handler's id.
HANDLING: ContextVar[tuple[int, date] | None] = ContextVar("HANDLING", default=None)
HANDLED = "handled"
HANDLED_DAYS = 3  # Telegram keeps an unconfirmed update for 24 hours: ids are kept for the day, and two more


class Digest(NamedTuple):
    """What a notebook derives from its records: one row per contact, rebuilt for the contacts a save touches."""

    version: int  # rows of another version are rebuilt
    row: Callable[[Contact, Sequence[Interaction], Sequence[Promise]], dict[str, Any]]
    fits: Callable[[Any], bool]  # a stored row has the shape ``row`` makes (else every row is rebuilt)


Index = TypeVar("Index", bound=ContactIndex)


def _given(storage: Any) -> Callable[[], Any]:
    return lambda: storage  # TinyDB builds its storage from a callable


class Notebook:
    def __init__(
        self, user_id: int, storage: NotebookStorage | MemoryNotebookStorage, digest: Digest | None = None
    ) -> None:
        self.user_id = user_id
        self.storage = Batches(_given(storage))  # every write goes through a batch: one save, or none
        self.path: Path = storage.path
        self.digest = digest
        self.db = TinyDB(storage=self.storage)
        self.storage.read()  # fail now, on open, if the file's head is unreadable (the records are read on use)
        self._contacts = RecordTable(self.db, self.storage, "contacts", Contact)
        self._interactions = RecordTable(self.db, self.storage, "interactions", Interaction)
        self._promises = RecordTable(self.db, self.storage, "promises", Promise)
        self._facts = RecordTable(self.db, self.storage, "facts", Fact)
        self._tables = (self._contacts, self._interactions, self._promises, self._facts)
        self._kv = self.db.table(STATE, cache_size=0)
        self._state_ids: dict[str, int] | None = None  # state key -> document id
        self._dirty: set[str] = set()  # contacts whose digest row must be recomputed before the next write
        self._rebuild_digest = False
        if not storage.read_only and (storage.repaired or storage.damaged or self._digest_stale()):
            # Repairs and derived data are saved at once (the original of damage is kept), as the notebook's own
            # work: never stamped with the update being handled, which has not been handled yet.
            answering = HANDLING.set(None)
            try:
                self.rebuild_digest()
            finally:
                HANDLING.reset(answering)

    # -- units of work ------------------------------------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Everything inside is saved with one atomic write when the block ends, or not at all.

        Every change goes through here, so the digest is brought up to date inside the very write that changed the
        records: it can never lag behind them."""
        outermost = not self.storage.in_batch
        try:
            with self.storage.batch():
                yield
                if outermost:
                    self._stamp_handled()
                    if self._dirty or self._rebuild_digest:
                        self._refresh_digest()
        except BaseException:
            self._forget()
            raise

    def _forget(self) -> None:
        for table in self._tables:
            table.forget()
        self._state_ids = None
        self._dirty.clear()
        self._rebuild_digest = False

    def read_records(self) -> None:
        """Read and check every record now (UnreadableData if they do not read), not the first time one is asked for."""
        data = self.storage.read()
        if data is not None:
            data.records()

    def close(self) -> None:
        """This object leaves memory: any later use raises NotebookClosed (see Store)."""
        self.storage.close()
        self._forget()

    # -- contacts -------------------------------------------------------------------------------------------------

    def contacts(self) -> list[Contact]:
        return list(self._contacts.items().values())  # type: ignore[arg-type]

    def contact(self, contact_id: str) -> Contact | None:
        return self._contacts.items().get(contact_id)  # type: ignore[return-value]

    def contact_index(self, build: Callable[[list[Contact]], Index]) -> Index:
        """An index over the contacts made by ``build`` (once), then kept current with every save and deletion."""
        records = self._contacts
        found = records.indexes.get(build)
        if found is None:
            found = records.indexes[build] = build(self.contacts())
        return found  # type: ignore[return-value]

    def save_contact(self, contact: Contact) -> None:
        with self.batch():
            self._contacts.put(contact)
            self._dirty.add(contact.id)

    def remove_records(self, contact_id: str) -> None:
        """Remove a contact and everything logged about them (see erasing.py for deleting them from the disk)."""
        with self.batch():
            self._interactions.remove([i.id for i in self.interactions(contact_id)])
            self._promises.remove([p.id for p in self.promises(contact_id)])
            self._facts.remove([f.id for f in self.facts(contact_id)])
            self._contacts.remove([contact_id])
            self._dirty.add(contact_id)

    def remove_entries(
        self,
        contact_id: str,
        *,
        interactions: Sequence[str] = (),
        promises: Sequence[str] = (),
        facts: Sequence[str] = (),
    ) -> None:
        """Remove some of a contact's records by id, keeping the contact (a capture undone)."""
        with self.batch():
            self._interactions.remove(list(interactions))
            self._promises.remove(list(promises))
            self._facts.remove(list(facts))
            self._dirty.add(contact_id)

    def save_many(
        self,
        contacts: Iterable[Contact] = (),
        interactions: Iterable[Interaction] = (),
        promises: Iterable[Promise] = (),
        facts: Iterable[Fact] = (),
    ) -> None:
        """Save many records at once (an import): as saving each, in one batch, without copying the notebook's
        tables once per record."""
        with self.batch():
            for table, records in ((self._contacts, list(contacts)), (self._interactions, list(interactions)),
                                   (self._promises, list(promises)), (self._facts, list(facts))):  # fmt: skip
                table.put_many(records)
                self._dirty.update(getattr(r, "contact_id", None) or r.id for r in records)

    def fresh_id(self) -> str:
        """A record id no record of this notebook has."""
        taken = [table.items() for table in self._tables]
        while True:
            candidate = new_id()
            if not any(candidate in items for items in taken):
                return candidate

    # -- interactions, promises, facts ----------------------------------------------------------------------------

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
        """Typed facts, oldest first; superseded ones included (check ``superseded_on``)."""
        if contact_id is not None:
            items: list[Fact] = self._facts.of_contact(contact_id)  # type: ignore[assignment]
        else:
            items = list(self._facts.items().values())  # type: ignore[arg-type]
        return sorted(items, key=lambda f: f.on)

    def save_fact(self, fact: Fact) -> None:
        with self.batch():
            self._facts.put(fact)
            self._dirty.add(fact.contact_id)

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

    # -- the digest: one row per contact, derived by the Digest the notebook was given ------------------------------

    def summaries(self) -> dict[str, dict[str, Any]]:
        """Contact id -> digest row (read from the file's head: no record is parsed)."""
        data = self.storage.read()
        if self.digest is None:
            return {}
        if self._digest_stale() or data is None:
            return {c.id: self._row(c) for c in self.contacts()}
        return data[DIGEST]

    def _digest_stale(self) -> bool:
        """The stored digest is missing or of another version. Its rows are not checked one by one here (that
        would cost a morning more than planning it): whoever finds a row that does not fit asks ``repair_digest``."""
        if self.digest is None:
            return False
        data = self.storage.read()
        if data is None:
            return False
        return DIGEST not in data or self.get_state(DIGEST_VERSION) != self.digest.version

    def repair_digest(self) -> bool:
        """Rebuild the digest if a stored row does not fit (see ``Digest.fits``); True when it did."""
        if self.digest is None:
            return False
        fits = self.digest.fits
        if all(isinstance(row, dict) and fits(row) for row in self.summaries().values()):
            return False
        self.rebuild_digest()
        return True

    def _row(self, contact: Contact) -> dict[str, Any]:
        assert self.digest is not None
        timeline = sorted(self.interactions(contact.id), key=lambda i: (i.on, i.at))
        return self.digest.row(contact, timeline, self.promises(contact.id))

    def _refresh_digest(self) -> None:
        """Recompute the rows of the contacts this batch touched, and stage them for the batch's one save."""
        if self.digest is None:
            self._dirty.clear()
            self._rebuild_digest = False
            return
        data = self.storage.read()
        if data is None:  # nothing saved yet: the batch wrote nothing
            return
        if self._rebuild_digest or self._digest_stale():
            data[DIGEST] = {c.id: self._row(c) for c in self.contacts()}
            self.set_state(DIGEST_VERSION, self.digest.version)
            self.storage.write(data)  # every row is new: a whole rewrite
        else:
            rows = data[DIGEST]
            for contact_id in self._dirty:
                contact = self.contact(contact_id)
                if contact is None:
                    rows.pop(contact_id, None)
                else:
                    rows[contact_id] = self._row(contact)
            self.storage.expect(DIGEST, self._dirty)
            self.storage.write(data)
        self._dirty.clear()
        self._rebuild_digest = False

    def rebuild_digest(self) -> None:
        """Recompute and save every contact's digest row (and whatever reading the file repaired)."""
        with self.batch():
            self._rebuild_digest = True
            self._refresh_digest()  # now: the rows are current at once, also inside a batch that goes on
            self.storage.rewrite_on_save()

    # -- redelivered updates ----------------------------------------------------------------------------------------

    def has_handled(self, update_id: int) -> bool:
        handled = self.get_state(HANDLED) or {}
        if isinstance(handled, list):  # an earlier release kept the last fifty, undated
            return update_id in handled
        return any(update_id in ids for ids in handled.values())

    def _stamp_handled(self) -> None:
        handling = HANDLING.get()
        if handling is None or not self.storage.in_batch:
            return
        update_id, day = handling
        handled = self.get_state(HANDLED) or {}
        if isinstance(handled, list):
            handled = {day.isoformat(): list(handled)}
        if any(update_id in ids for ids in handled.values()):
            return
        today = day.isoformat()
        days = sorted({*handled, today})[-HANDLED_DAYS:]
        kept = {d: list(handled.get(d, [])) for d in days}
        kept[today].append(update_id)
        self.set_state(HANDLED, kept)

    # -- settings and small state -----------------------------------------------------------------------------------

    def profile(self) -> Profile:
        data = self.get_state("profile")
        return Profile.from_dict(data) if data else Profile(user_id=self.user_id)

    def save_profile(self, profile: Profile) -> None:
        self.set_state("profile", profile.to_dict())

    def _ids(self) -> dict[str, int]:
        if self._state_ids is None:
            self._state_ids = {doc["key"]: doc.doc_id for doc in self._kv if isinstance(doc.get("key"), str)}
        return self._state_ids

    def get_state(self, key: str) -> Any:
        """Small named values (settings, delivery records, snoozes). Returns None when unset."""
        doc_id = self._ids().get(key)
        if doc_id is None:
            return None
        doc = self._kv.get(doc_id=doc_id)
        return doc.get("value") if isinstance(doc, dict) else None

    def state_values(self) -> dict[str, Any]:
        return {doc["key"]: doc.get("value") for doc in self._kv if isinstance(doc.get("key"), str)}

    def set_state(self, key: str, value: Any) -> None:
        with self.batch():
            ids = self._ids()
            doc = {"key": key, "value": value, "v": SCHEMA_VERSION}
            doc_id = ids.get(key)
            if doc_id is not None:
                self.storage.expect(STATE, [str(doc_id)])
                self._kv.update(replace_with(doc), doc_ids=[doc_id])  # type: ignore[arg-type]
                return
            doc_id = max(ids.values(), default=0) + 1
            self.storage.expect(STATE, [str(doc_id)])
            self._kv.insert(Document(doc, doc_id=doc_id))
            ids[key] = doc_id

    def delete_state(self, key: str) -> None:
        """Remove a named value altogether (not just set it to None)."""
        ids = self._ids()
        doc_id = ids.get(key)
        if doc_id is not None:
            with self.batch():
                self.storage.expect(STATE, [str(doc_id)])
                self._kv.remove(doc_ids=[doc_id])
            ids.pop(key, None)

    # -- pending choices (a question asked with buttons, waiting for a tap) --------------------------------------

    def put_pending(self, action: str, payload: dict[str, Any]) -> str:
        """Remember what the user asked while we ask them a question; the token goes in the buttons."""
        token = new_id()
        pending = dict(self.get_state("pending") or {})
        pending[token] = {"action": action, "payload": payload}
        while len(pending) > 20:  # keep the last few questions only: old buttons simply expire
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
