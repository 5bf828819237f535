"""A read-only view of one user's network, indexed for the questions the coach asks.

Built once per request from the notebook's records, so planning and drafting never touch storage.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from bot.store.notebook import Notebook
from bot.store.records import Contact, Fact, Interaction, Promise


@dataclass
class Network:
    contacts: list[Contact]
    interactions: list[Interaction] = field(default_factory=list)
    promises: list[Promise] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)  # typed facts (facts.py), superseded ones included

    def __post_init__(self) -> None:
        self.by_id: dict[str, Contact] = {c.id: c for c in self.contacts}
        self._interactions: dict[str, list[Interaction]] = defaultdict(list)
        for item in sorted(self.interactions, key=lambda i: (i.on, i.at)):
            self._interactions[item.contact_id].append(item)
        self._promises: dict[str, list[Promise]] = defaultdict(list)
        for promise in self.promises:
            self._promises[promise.contact_id].append(promise)
        self._facts: dict[str, list[Fact]] = defaultdict(list)
        for fact in sorted(self.facts, key=lambda f: f.on):
            self._facts[fact.contact_id].append(fact)

    def contact(self, contact_id: str) -> Contact | None:
        return self.by_id.get(contact_id)

    def timeline(self, contact_id: str) -> list[Interaction]:
        """Interactions with one contact, oldest first."""
        return self._interactions.get(contact_id, [])

    def promises_for(self, contact_id: str) -> list[Promise]:
        """Every promise and thank-you for one contact, open or kept."""
        return self._promises.get(contact_id, [])

    def facts_for(self, contact_id: str) -> list[Fact]:
        """The typed facts saved about one contact, oldest first (see facts.known for the current ones)."""
        return self._facts.get(contact_id, [])

    def open_promises(self, contact_id: str | None = None, kind: str | None = None) -> list[Promise]:
        pool = self._promises.get(contact_id, []) if contact_id else self.promises
        return [p for p in pool if p.is_open and (kind is None or p.kind == kind)]

    def last_touch(self, contact_id: str) -> date | None:
        """The day of the latest logged interaction of any kind: any touch resets the cadence clock."""
        timeline = self.timeline(contact_id)
        if timeline and timeline[-1].on:
            return date.fromisoformat(timeline[-1].on)
        contact = self.by_id.get(contact_id)
        if contact and contact.met_on:
            return date.fromisoformat(contact.met_on)
        return None

    def last_activity(self, contact_id: str) -> str:
        """When anything was last logged for a contact (ISO datetime), for "most recently active" ordering."""
        timeline = self.timeline(contact_id)
        contact = self.by_id.get(contact_id)
        latest = max((i.at for i in timeline), default="")
        return max(latest, contact.created_at if contact else "")

    def count(self, contact_id: str, kind: str) -> int:
        return sum(1 for i in self.timeline(contact_id) if i.kind == kind)


def network_of(notebook: Notebook, about: Collection[str] | None = None) -> Network:
    """The network as a read-only view. ``about`` limits the interactions, promises and facts to those contacts (all
    contacts stay known by id), which is all a draft or a contact card needs and much cheaper to build."""
    if about is None:
        return Network(notebook.contacts(), notebook.interactions(), notebook.promises(), notebook.facts())
    wanted = set(about)
    return Network(
        notebook.contacts(),
        [i for i in notebook.interactions() if i.contact_id in wanted],
        [p for p in notebook.promises() if p.contact_id in wanted],
        [f for f in notebook.facts() if f.contact_id in wanted],
    )
