"""Bringing in the people a user already knows: a preview of who is new, who is already in the notebook and who
only might be, then the plan of what one all-or-nothing import saves.

Who is who follows identity.py: only strong evidence (the same LinkedIn profile, or the same email or phone and a
compatible name) makes two records one person. Someone in the file who is surely someone in the notebook is filled
in (nothing they have is overwritten); a row that repeats someone earlier in the same file is folded into that row;
everything weaker is a pair the user is asked about ("maybe the same: Jane Doe (Acme) and Jane Doe (Globex)"), kept
apart unless they say otherwise. A Nurture backup (the JSON /export) sent to an empty notebook is restored as it
is: the same people, ids and timelines.

Imported people join the wider circle with the day they connected as their last touch (principle 10: not all
contacts are equal); the planner brings back only a few of them each week.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from bot.coach.network.identity import APART, MAYBE, SAME, Keys, judge, keys_of, name_words, shares_but_differs
from bot.coach.network.incoming import Incoming, ReadFile
from bot.coach.network.incoming import clean_tag as clean_tag  # where /tag and reminders have long found it
from bot.coach.network.merging import copy_of, fold_into
from bot.store.records import Contact, new_id

BACKUP = "Nurture backup"
RECORD_KINDS = ("interactions", "promises", "facts")


class Pair(NamedTuple):
    """Someone in the file (``at`` in Preview.people) who may be a notebook contact or an earlier person in the
    file (``earlier``; -1 when the other is in the notebook)."""

    at: int
    contact_id: str = ""
    earlier: int = -1


@dataclass
class Preview:
    kind: str
    people: list[Incoming]
    matches: dict[int, str] = field(default_factory=dict)  # index -> the notebook contact they surely are
    maybe: list[Pair] = field(default_factory=list)  # pairs to ask about
    nameless: int = 0
    repeats: int = 0  # rows folded into an earlier row of the same person
    shared: int = 0  # people sharing a phone or an address with someone of another name: kept apart
    notes: list[str] = field(default_factory=list)  # fields left out while reading
    skipped_fields: int = 0
    restore: bool = False  # a backup into an empty notebook: as it is
    profile: dict[str, Any] | None = None


class _Index:
    """Email, phone, LinkedIn, name and company keys of a set of people, to find who someone already is."""

    def __init__(self, *, one_file: bool = False) -> None:
        self.keys: dict[str, Keys] = {}
        self.by_key: dict[str, list[str]] = {}
        # Within one file Nurture exported, two ids are two records the user kept apart: never folded together.
        self.one_file = one_file

    def add(self, who: str, keys: Keys) -> None:
        self.keys[who] = keys
        for key in _lookups(keys):
            found = self.by_key.setdefault(key, [])
            if who not in found:
                found.append(who)

    def find(self, keys: Keys) -> tuple[str | None, str | None, bool]:
        """The first who is surely the same, the first who may be, and whether someone else shares a number or an
        address with them."""
        same = maybe = None
        shared = False
        for who in dict.fromkeys(w for key in _lookups(keys) for w in self.by_key.get(key, ())):
            other = self.keys[who]
            kept_apart = self.one_file and keys.uid and other.uid and keys.uid != other.uid
            verdict = APART if kept_apart else judge(keys, other)
            if verdict == SAME:
                return who, None, shared
            if verdict == MAYBE and maybe is None:
                maybe = who
            shared = shared or (verdict == APART and shares_but_differs(keys, other))
        return same, maybe, shared


def _lookups(keys: Keys) -> Iterable[str]:
    if keys.uid:
        yield "u:" + keys.uid
    yield from ("e:" + e for e in keys.emails)
    yield from ("p:" + p for p in keys.phones)
    if keys.linkedin:
        yield "l:" + keys.linkedin
    for words in keys.names:
        yield "n:" + " ".join(sorted(words))
        if keys.company and words:
            yield f"c:{keys.company}|{words[0]}"


def preview(read: ReadFile, contacts: Sequence[Contact], region: str = "") -> Preview:
    """Who in the file is new, who is surely someone in the notebook, who only might be, and who appears twice in
    the file (kept once, the later rows adding what the first lacked)."""
    found = Preview(read.kind, [], nameless=read.nameless, notes=read.notes, skipped_fields=read.skipped_fields)
    found.profile = read.profile
    if read.kind == BACKUP and not contacts:
        found.people, found.restore = list(read.people), True
        return found
    known = _Index()
    for contact in contacts:
        known.add(contact.id, keys_of(contact, region))
    seen = _Index(one_file=True)
    for person in read.people:
        keys = keys_of(person.contact, region)
        earlier, earlier_maybe, shared_in_file = seen.find(keys)
        if earlier is not None:
            first = found.people[int(earlier)]
            fold_into(first.contact, person.contact)
            first.links += [link for link in person.links if link not in first.links]
            for kind, records in person.records.items():  # their timeline goes along, to the first's id
                moved = [dict(r, contact_id=first.source_id) for r in records]
                first.records.setdefault(kind, []).extend(moved)
            found.repeats += 1
            seen.add(earlier, keys_of(first.contact, region))
            continue
        index = len(found.people)
        found.people.append(person)
        match, match_maybe, shared = known.find(keys)
        if match is not None:
            found.matches[index] = match
        elif match_maybe is not None:
            found.maybe.append(Pair(index, contact_id=match_maybe))
        elif earlier_maybe is not None:
            found.maybe.append(Pair(index, earlier=int(earlier_maybe)))
        found.shared += shared or shared_in_file
        seen.add(str(index), keys)
    return found


class Planned(NamedTuple):
    new: list[Contact]
    updated: list[Contact]  # existing contacts with fields filled in (copies: the notebook's are untouched)
    same: int  # people already in the notebook who brought nothing new
    records: dict[str, list[dict[str, Any]]]  # a backup's interactions, promises and facts, ready to save


def plan_import(
    people: Sequence[Incoming],
    matches: Mapping[int, str],
    by_id: Mapping[str, Contact],
    now: datetime,
    *,
    together: Sequence[Pair] = (),
    today: str = "",
    taken: set[str] | None = None,
) -> Planned:
    """The contacts to add and the ones to update (``by_id``: the notebook's contacts, never changed here);
    ``together`` are the "maybe" pairs the user said are one person. Pure, so it can run off the event loop on a
    snapshot; ``taken`` (the notebook's record ids, grown with every id given out here) keeps ids unique."""
    today = today or now.date().isoformat()
    taken = set(by_id) if taken is None else taken
    into: dict[int, int] = {pair.at: pair.earlier for pair in together if pair.earlier >= 0}
    targets = dict(matches)
    targets.update({pair.at: pair.contact_id for pair in together if pair.contact_id in by_id})
    new: dict[int, Contact] = {}
    updated: dict[str, Contact] = {}
    same = 0
    ids: dict[str, str] = {}  # a backup's contact id -> the id it has now
    for index, person in enumerate(people):
        contact = person.contact
        for note in contact.imported_notes:
            note.setdefault("on", today)
        root = index
        while root in into:
            root = into[root]
        target_id = targets.get(root)
        if root != index and root in new:  # the user said this row is someone earlier in the file
            fold_into(new[root], contact)
            ids[person.source_id or f"#{index}"] = new[root].id
            continue
        existing = by_id.get(target_id) if target_id else None
        if existing is None:
            keep = contact.id if contact.id not in taken else ""  # a backup's id, while no record here has it
            added = copy_of(contact)
            added.id = keep or new_id(taken)
            added.created_at = added.created_at or now.isoformat(timespec="seconds")
            taken.add(added.id)
            new[index] = added
            ids[person.source_id or f"#{index}"] = added.id
            continue
        ids[person.source_id or f"#{index}"] = existing.id
        copy = updated.get(existing.id) or copy_of(existing)
        incoming = copy_of(contact)
        incoming.links, incoming.introduced_by_id = [], ""  # ids of the file: linked below, once all are known
        if fold_into(copy, incoming):
            updated[copy.id] = copy
        else:
            same += 1
    added_list = list(new.values())
    _link(people, new, by_id, ids)
    records = _records(people, ids, taken, by_id)
    return Planned(added_list, list(updated.values()), same, records)


def _link(
    people: Sequence[Incoming],
    new: dict[int, Contact],
    by_id: Mapping[str, Contact],
    ids: dict[str, str],
) -> None:
    """Links between people of the same file: a backup's by id, a CSV's or a vCard's by name (an introducer, a
    linked person, an AGENT's assistant); a name shared by two people links nobody."""
    everyone = [*by_id.values(), *new.values()]
    by_name: dict[str, str] = {}
    for contact in everyone:
        key = " ".join(name_words(contact.name))
        by_name[key] = "" if key in by_name and by_name[key] != contact.id else contact.id
    for index, contact in new.items():
        person = people[index]
        if contact.introduced_by_id:
            contact.introduced_by_id = ids.get(contact.introduced_by_id, "")
        if contact.introduced_by and not contact.introduced_by_id:
            introducer = by_name.get(" ".join(name_words(contact.introduced_by)), "")
            contact.introduced_by_id = introducer if introducer != contact.id else ""  # nobody introduces themselves
        contact.links = [
            {**link, "contact_id": ids[link["contact_id"]]} for link in contact.links if link.get("contact_id") in ids
        ]
        for link in person.links:
            other = by_name.get(" ".join(name_words(link["name"])), "")
            if other and other != contact.id and all(x.get("contact_id") != other for x in contact.links):
                side = {"side": link["side"]} if link.get("side") else {}
                contact.links.append({"contact_id": other, "as": link.get("as", "linked"), **side})


def _records(
    people: Sequence[Incoming], ids: dict[str, str], taken: set[str], by_id: Mapping[str, Contact]
) -> dict[str, list[dict[str, Any]]]:
    """A backup's own records, pointed at the contacts they belong to now, with ids no record here has; a record
    of someone already in the notebook that the notebook already has (the same id) is not added twice."""
    out: dict[str, list[dict[str, Any]]] = {kind: [] for kind in RECORD_KINDS}
    for person in people:
        for kind in RECORD_KINDS:
            for doc in person.records.get(kind, []):
                owner = ids.get(str(doc.get("contact_id", "")))
                if owner is None:
                    continue
                record = dict(doc, contact_id=owner)
                if owner in by_id and record.get("id") in taken:
                    continue
                if not record.get("id") or record["id"] in taken:
                    record["id"] = new_id(taken)
                taken.add(record["id"])
                out[kind].append(record)
    return out
