"""Writing down a meeting: who was met (someone new, or someone already known), where and when, what the line
said about them, the promises made, and who is linked to whom. One capture is one atomic write; what it wrote is
remembered for "✏️ Fix" (captures.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import orjson

from bot.coach.journal.commitments import learn_commitments
from bot.coach.journal.learning import learn as learn_facts
from bot.coach.reading.meeting import Meeting, PersonMention
from bot.coach.reading.names import NameIndex, fold, resolve
from bot.coach.reading.notes import Facts
from bot.store.notebook import Notebook
from bot.store.records import Contact, Interaction, Promise, new_id

NEW = "new"  # the answer "this is someone new" to "is this the Jane you know?"


@dataclass
class PersonMatch:
    """How one person mentioned in /met maps onto the notebook."""

    mention: PersonMention
    contact: Contact | None = None  # an existing contact known for certain
    candidates: list[Contact] = field(default_factory=list)  # existing contacts it may be; the user decides


def match_people(contacts: Sequence[Contact] | NameIndex, meeting: Meeting) -> list[PersonMatch]:
    """Exact same full name -> the same person. A partial name that fits people already known -> ask. Else new.
    (``contacts``: a notebook's ``names()`` finds them without a pass over everyone.)"""
    matches = []
    for mention in meeting.people:
        found = resolve(contacts, mention.name, fuzzy=False)
        plausible = [found.contact] if found.contact else found.candidates
        same_name = [c for c in plausible if fold(c.name) == fold(mention.name)]
        if len(same_name) == 1:
            matches.append(PersonMatch(mention, contact=same_name[0]))
        else:
            matches.append(PersonMatch(mention, candidates=same_name or plausible))
    return matches


@dataclass
class MeetingSaved:
    contacts: list[Contact]
    created: list[bool]  # per contact: newly created (True) or an existing contact met again (False)
    promises: list[Promise]
    introducer: Contact | None
    interactions: list[str] = field(default_factory=list)  # ids of the "met" entries, one per contact
    dated: list[Promise] = field(default_factory=list)  # what they promised or wait for (commitments.py)
    mentioned: list[Contact] = field(default_factory=list)  # the people it named but did not meet, created by it


def record_meeting(
    notebook: Notebook,
    meeting: Meeting,
    choices: list[str | None],
    now: datetime,
) -> MeetingSaved:
    """Save a meeting. ``choices[i]`` is the contact id for person i, or None / NEW for a new contact."""
    contacts = notebook.contacts()  # as before this meeting: whom a "his cofounder" may point to
    introducer = find_introducer(contacts, meeting.introduced_by)
    saved = MeetingSaved([], [], [], introducer)
    day = meeting.when.isoformat()
    by_name: dict[str, Contact] = {}  # people of this line, so "Raj and his cofounder Mei" links Mei to Raj
    with notebook.batch():
        for mention, choice in zip(meeting.people, choices, strict=True):
            contact = notebook.contact(choice) if choice else None
            created = contact is None
            if contact is None:
                contact = Contact(id=new_id(), name=mention.name, met_on=day, created_at=now.isoformat())
                contact.met_context = meeting.context
            elif contact.mentioned_on:  # named before ("her son Elias"), met now: into the mornings from today
                contact.mentioned_on, contact.met_on = "", day
                contact.met_context = contact.met_context or meeting.context
            _fill(contact, mention, meeting, introducer)
            learn_card(contact, mention.facts if meeting.people_facts else meeting.facts)
            by_name.setdefault(fold(mention.name), contact)
            notebook.save_contact(contact)
            text = meeting.notes or (f"Met at {meeting.context}" if meeting.context else "Met")
            met = Interaction(
                id=new_id(),
                contact_id=contact.id,
                kind="met",
                text=text,
                on=day,
                at=now.isoformat(),
                context=meeting.context,
                way=meeting.way,
            )
            notebook.add_interaction(met)
            saved.interactions.append(met.id)  # a fix or an edit of this capture rewrites this entry in place
            learn_facts(notebook, contact, meeting.said_of(mention), meeting.when, source_id=met.id)  # facts.py
            # A promise made to a group ("I'll send you both the deck") is kept once per person; "I'll send Lee the
            # deck" only for Lee. What they promised the user is theirs to keep, never saved as the user's promise.
            for item in (p for p in meeting.promises_of(mention) if p.whose == "mine"):
                promise = Promise(id=new_id(), contact_id=contact.id, text=item.text, made_on=day, due_on=item.due_on)
                notebook.save_promise(promise)
                saved.promises.append(promise)
            if len(meeting.people) == 1:  # in a line about several people, whose words they were is a guess
                saved.dated.extend(learn_commitments(notebook, contact, meeting.notes, now, meeting.when))
            saved.contacts.append(contact)
            saved.created.append(created)
        for name in meeting.mentioned:
            if fold(name) not in by_name:
                by_name[fold(name)] = _mentioned(notebook, contacts, name, day, now, saved)
        for mention, contact in zip(meeting.people, saved.contacts, strict=True):
            if mention.link_to:
                other = by_name.get(fold(mention.link_to)) or resolve(contacts, mention.link_to).contact
                theirs = mention.link_theirs
                if other is not None and other.id != contact.id and _link(contact, other.id, mention.link_as, theirs):
                    notebook.save_contact(contact)
                if other in saved.mentioned and _link(other, contact.id, mention.link_as, not theirs):
                    notebook.save_contact(other)  # "her son Elias": Elias's card says whose son he is
    return saved


def _mentioned(
    notebook: Notebook, contacts: list[Contact], name: str, day: str, now: datetime, saved: MeetingSaved
) -> Contact:
    """Someone the line names without the user meeting them: the contact already known by that name, or a new one
    marked as mentioned (no meeting logged, out of the mornings until met)."""
    known = resolve(contacts, name, fuzzy=False).contact
    if known is not None:
        return known
    contact = Contact(id=new_id(), name=name, mentioned_on=day, created_at=now.isoformat())
    notebook.save_contact(contact)
    saved.mentioned.append(contact)
    return contact


def _link(contact: Contact, other_id: str, relation: str, theirs: bool = False) -> bool:
    """Link ``contact`` to ``other_id`` as ``relation`` ("husband": the contact is the other's husband), or, when
    ``theirs``, with the other as the contact's ``relation`` ("son"); False when that link is already there."""
    link = {"contact_id": other_id, "as": relation, **({"side": "theirs"} if theirs else {})}
    if link in contact.links:
        return False
    contact.links = [x for x in contact.links if x.get("contact_id") != other_id] + [link]
    return True


def find_introducer(contacts: list[Contact], name: str) -> Contact | None:
    if not name:
        return None
    return resolve(contacts, name, fuzzy=False).contact


def _fill(contact: Contact, mention: PersonMention, meeting: Meeting, introducer: Contact | None) -> None:
    """New facts win over old ones; missing facts never erase what was known."""
    if mention.company:
        contact.company = mention.company
    if mention.role:
        contact.role = mention.role
    if mention.title:
        contact.title = mention.title
    if meeting.context and not contact.met_context:
        contact.met_context = meeting.context
    if meeting.introduced_by and not contact.introduced_by:
        contact.introduced_by = introducer.name if introducer else meeting.introduced_by
        contact.introduced_by_id = introducer.id if introducer else ""


def learn_card(contact: Contact, facts: Facts) -> None:
    for interest in facts.interests:
        if fold(interest) not in {fold(i) for i in contact.interests}:
            contact.interests.append(interest)
    for win in facts.wins:
        if fold(win) not in {fold(w) for w in contact.wins}:
            contact.wins.append(win)
    for need in facts.needs:
        if fold(need) not in {fold(n) for n in contact.needs}:
            contact.needs.append(need)
    for offer in facts.offers:
        if fold(offer) not in {fold(o) for o in contact.offers}:
            contact.offers.append(offer)
    if facts.birthday:
        contact.birthday = facts.birthday


def meeting_to_dict(meeting: Meeting) -> dict[str, Any]:
    """A parsed meeting as JSON-safe data, so it can wait in the notebook while the user answers a question.

    orjson writes dataclasses (and dates, as ISO days) itself, ten times faster than ``dataclasses.asdict``."""
    data: dict[str, Any] = orjson.loads(orjson.dumps(meeting))
    return data


def _mention_from_dict(data: dict[str, Any]) -> PersonMention:
    data = dict(data)
    facts = Facts(**data.pop("facts", {}))
    return PersonMention(**data, facts=facts)


def meeting_from_dict(data: dict[str, Any]) -> Meeting:
    return Meeting(
        people=[_mention_from_dict(p) for p in data["people"]],
        when=date.fromisoformat(data["when"]),
        context=data.get("context", ""),
        way=data.get("way", ""),
        introduced_by=data.get("introduced_by", ""),
        facts=Facts(**data.get("facts", {})),
        notes=data.get("notes", ""),
        mentioned=list(data.get("mentioned", [])),
    )
