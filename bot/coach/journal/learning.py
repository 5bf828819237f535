"""Keeping what a note says: its facts saved, older ones superseded, the contact's card brought up to date,
and promises marked done.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from bot.coach.reading.names import fold
from bot.store.records import Contact, Fact

if TYPE_CHECKING:
    from bot.store.notebook import Notebook
from bot.coach.reading.facts import _key, read_facts, supersedes

# -- 2. keeping ------------------------------------------------------------------------------------------------


class Learned(NamedTuple):
    """What ``learn`` saved, and whether the contact card changed with it (a new company or role)."""

    facts: list[Fact]
    card_changed: bool


def learn(notebook: Notebook, contact: Contact, text: str, today: date, source_id: str = "") -> Learned:
    """Read ``text`` into facts and save them on ``notebook`` (inside the caller's batch, so one write).

    Newer facts supersede older ones: a new job supersedes the previous job (and the card's company and role), a
    move the previous move; a need, offer, interest or win already known is not saved twice.
    """
    fresh = read_facts(text, contact, today.isoformat(), source_id)
    current = [f for f in notebook.facts(contact.id) if not f.superseded_on]
    saved: list[Fact] = []
    for fact in fresh:
        for old in supersedes(fact, current):
            old.superseded_on = today.isoformat()
            notebook.save_fact(old)
        if any(_key(old) == _key(fact) for old in current if not old.superseded_on):
            continue
        notebook.save_fact(fact)
        current.append(fact)
        saved.append(fact)
    changed = update_card(contact, saved)
    if changed:
        notebook.save_contact(contact)
    return Learned(saved, changed)


def update_card(contact: Contact, facts: Iterable[Fact]) -> bool:
    """Bring the card's company and role in line with the newest job facts; True when anything changed."""
    before = (contact.company, contact.role)
    for fact in facts:
        if fact.kind == "job_change":
            company, role = fact.slots.get("company", ""), fact.slots.get("role", "")
            if company and fold(company) != fold(contact.company):
                contact.company = company
                contact.role = role  # the old role was at the old company
            elif role:
                contact.role = role
        elif fact.kind == "win" and fact.slots.get("event") == "promotion" and fact.slots.get("to"):
            contact.role = fact.slots["to"]
    return (contact.company, contact.role) != before


def mark_done(notebook: Notebook, contact_id: str, kinds: Sequence[str], today: date) -> int:
    """Mark the contact's current facts of ``kinds`` as done (a win congratulated); returns how many."""
    count = 0
    for fact in notebook.facts(contact_id):
        if fact.kind in kinds and not fact.done_on and not fact.superseded_on:
            fact.done_on = today.isoformat()
            notebook.save_fact(fact)
            count += 1
    return count
