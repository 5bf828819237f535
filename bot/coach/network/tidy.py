"""Tidying an address book: the list of people in the order that matters, two records of one person made one, people
archived out of the way, and tags given to many at once.

The list puts the people you met first, by your last real touch (anything you logged with them), and below them the
people who only came with an import, by the day you connected ("connected on" is a weaker touch than a meeting), so
a 5,000-row import never buries someone you met yesterday. Archived people are left out of it (and of mornings and
the map) but kept for search and export; archiving is undone by /unarchive.

A merge keeps the first record and folds the second into it (merging.py: nothing known is dropped, the second's name
is kept as an alias), then moves everything that pointed at the second - its timeline, promises, facts, the links
and introductions of others, the goals it helped - before the second is removed: one write, all or nothing.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from datetime import date
from operator import attrgetter
from typing import Any, NamedTuple

from bot.coach.network.incoming import clean_tag
from bot.coach.network.merging import copy_of, fold_into
from bot.store.notebook import Notebook
from bot.store.records import CIRCLE_CADENCE_DAYS, Contact, Interaction

ARCHIVED = "archived"
_AND = re.compile(r"\s+(?:and|&|\+)\s+", re.IGNORECASE)


class Filter(NamedTuple):
    """Which people a list shows: "/contacts inner #investor", "/contacts archived"."""

    circle: str = ""
    tags: tuple[str, ...] = ()
    archived: bool = False
    unknown: tuple[str, ...] = ()  # words that are neither a circle, a tag nor "archived"

    @property
    def text(self) -> str:
        words = [self.circle, *(f"#{t}" for t in self.tags), ARCHIVED if self.archived else ""]
        return " ".join(w for w in words if w)


def read_filter(text: str) -> Filter:
    circle, tags, archived, unknown = "", [], False, []
    for word in text.split():
        lowered = word.lower().strip(",")
        if lowered in CIRCLE_CADENCE_DAYS:
            circle = lowered
        elif lowered.startswith("#") and clean_tag(lowered):
            tags.append(clean_tag(lowered))
        elif lowered == ARCHIVED:
            archived = True
        elif lowered:
            unknown.append(word)
    return Filter(circle, tuple(tags), archived, tuple(unknown))


def people_list(contacts: Iterable[Contact], interactions: Iterable[Interaction], wanted: Filter) -> list[Contact]:
    """The people a filter asks for, the ones you met by your last touch first, then imported people by the day you
    connected (newest first)."""
    last: dict[str, tuple[str, str]] = {}
    for item in interactions:
        stamp = (item.on, item.at)
        if stamp > last.get(item.contact_id, ("", "")):
            last[item.contact_id] = stamp
    shown = [c for c in contacts if bool(c.archived_on) == wanted.archived]
    if wanted.circle:
        shown = [c for c in shown if c.circle == wanted.circle]
    if wanted.tags:
        shown = [c for c in shown if all(tag in c.tags for tag in wanted.tags)]
    met = sorted((c for c in shown if c.id in last), key=lambda c: last[c.id], reverse=True)
    connected = sorted((c for c in shown if c.id not in last), key=attrgetter("met_on", "created_at"), reverse=True)
    return met + connected


# -- /merge ------------------------------------------------------------------------------------------------------


def merge_contacts(notebook: Notebook, keep: Contact, gone: Contact) -> Contact:
    """Make ``gone`` part of ``keep`` (see the module docstring); returns the merged record as saved."""
    merged = copy_of(keep)
    fold_into(merged, gone)
    merged.links = [link for link in merged.links if link.get("contact_id") not in (keep.id, gone.id)]
    if merged.introduced_by_id == gone.id:
        merged.introduced_by_id = ""
    with notebook.batch():
        for item in notebook.interactions(gone.id):
            notebook.add_interaction(_moved(item, merged.id))
        for promise in notebook.promises(gone.id):
            notebook.save_promise(_moved(promise, merged.id))
        for fact in notebook.facts(gone.id):
            notebook.save_fact(_moved(fact, merged.id))
        for other in notebook.contacts():
            if other.id in (keep.id, gone.id):
                continue
            changed = copy_of(other)
            if changed.introduced_by_id == gone.id:
                changed.introduced_by_id = merged.id
            links = [dict(link, contact_id=merged.id) if link.get("contact_id") == gone.id else link
                     for link in changed.links]  # fmt: skip
            changed.links = [link for n, link in enumerate(links) if link not in links[:n]]
            if changed != other:
                notebook.save_contact(changed)
        profile = notebook.profile()
        for goal in profile.goals:
            loops = goal.get("loops") or []
            if gone.id in loops:
                goal["loops"] = list(dict.fromkeys(merged.id if cid == gone.id else cid for cid in loops))
                notebook.save_profile(profile)
        notebook.save_contact(merged)
        notebook.remove_records(gone.id)
    return merged


def _moved(record: Any, contact_id: str) -> Any:
    return dataclasses.replace(record, contact_id=contact_id)


# -- /archive and tags for many ----------------------------------------------------------------------------------


def archive(notebook: Notebook, people: Sequence[Contact], today: date) -> list[Contact]:
    """Archive everyone in ``people`` (one write); returns those who were not archived yet."""
    return _set_archived(notebook, people, today.isoformat())


def unarchive(notebook: Notebook, people: Sequence[Contact]) -> list[Contact]:
    return _set_archived(notebook, people, "")


def _set_archived(notebook: Notebook, people: Sequence[Contact], day: str) -> list[Contact]:
    changed = []
    with notebook.batch():
        for contact in people:
            if bool(contact.archived_on) != bool(day):
                contact.archived_on = day
                notebook.save_contact(contact)
                changed.append(contact)
    return changed


def split_people(text: str) -> list[str]:
    """ "Jane, Sam and Petra" -> ["Jane", "Sam", "Petra"]."""
    parts = [p.strip() for chunk in text.split(",") for p in _AND.split(chunk)]
    return [p for p in parts if p]

