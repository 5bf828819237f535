"""Writing down what happened: meetings, notes, gives, help received, promises kept.

Each function is one user action saved as one atomic write (``notebook.batch()``), so a reply that says "saved"
always describes what is on disk, and a failure half-way leaves nothing half-saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import orjson

from bot.coach.journal.delivery import MORNINGS, REVIEWS, SNOOZES
from bot.coach.journal.learning import learn as learn_facts
from bot.coach.reading.meeting import Meeting, PersonMention
from bot.coach.reading.names import NameIndex, fold, resolve
from bot.coach.reading.notes import Facts, extract_facts
from bot.store.erasing import erase_contact
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


def record_meeting(
    notebook: Notebook,
    meeting: Meeting,
    choices: list[str | None],
    now: datetime,
) -> MeetingSaved:
    """Save a meeting. ``choices[i]`` is the contact id for person i, or None / NEW for a new contact."""
    contacts = notebook.contacts()  # as before this meeting: whom a "his cofounder" may point to
    introducer = _find_introducer(contacts, meeting.introduced_by)
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
            _fill(contact, mention, meeting, introducer)
            _learn(contact, mention.facts if meeting.people_facts else meeting.facts)
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
            )
            notebook.add_interaction(met)
            saved.interactions.append(met.id)  # a fix or an edit of this capture rewrites this entry in place
            learn_facts(notebook, contact, meeting.notes, meeting.when, source_id=met.id)  # typed facts: facts.py
            # A promise made to a group ("I'll send you both the deck") is kept once per person.
            for item in meeting.facts.promise_items:
                promise = Promise(id=new_id(), contact_id=contact.id, text=item.text, made_on=day, due_on=item.due_on)
                notebook.save_promise(promise)
                saved.promises.append(promise)
            saved.contacts.append(contact)
            saved.created.append(created)
        for mention, contact in zip(meeting.people, saved.contacts, strict=True):
            if mention.link_to:
                other = by_name.get(fold(mention.link_to)) or resolve(contacts, mention.link_to).contact
                if other is not None and other.id != contact.id and _link(contact, other.id, mention.link_as):
                    notebook.save_contact(contact)
    return saved


def _link(contact: Contact, other_id: str, relation: str) -> bool:
    """Link ``contact`` to ``other_id`` as ``relation`` ("husband"); False when that link is already there."""
    link = {"contact_id": other_id, "as": relation}
    if link in contact.links:
        return False
    contact.links = [x for x in contact.links if x.get("contact_id") != other_id] + [link]
    return True


def record_note(notebook: Notebook, contact: Contact, text: str, now: datetime, today: date) -> Facts:
    facts = extract_facts(text, today)
    with notebook.batch():
        _learn(contact, facts)
        note = _interaction(contact, "note", text, now, today)
        learn_facts(notebook, contact, text, today, source_id=note.id)  # typed facts (facts.py); may update the card
        notebook.save_contact(contact)
        notebook.add_interaction(note)
        for item in facts.promise_items:
            notebook.save_promise(
                Promise(
                    id=new_id(), contact_id=contact.id, text=item.text, made_on=today.isoformat(), due_on=item.due_on
                )
            )
    return facts


def record_give(notebook: Notebook, contact: Contact, what: str, now: datetime, today: date) -> None:
    notebook.add_interaction(_interaction(contact, "gave", what, now, today))


def record_help(notebook: Notebook, contact: Contact, what: str, now: datetime, today: date) -> Promise:
    """Help received: logged, and a thank-you to do is opened (principle 5: always say thank you)."""
    thanks = Promise(id=new_id(), contact_id=contact.id, text=what, kind="thanks", made_on=today.isoformat())
    with notebook.batch():
        notebook.add_interaction(_interaction(contact, "got", what, now, today))
        notebook.save_promise(thanks)
    return thanks


def record_touch(notebook: Notebook, contact: Contact, kind: str, text: str, now: datetime, today: date) -> None:
    """Any other touch (a follow-up sent, a catch-up): resets the cadence clock."""
    notebook.add_interaction(_interaction(contact, kind, text, now, today))


def keep_promise(notebook: Notebook, promise: Promise, now: datetime, today: date) -> None:
    """Close an open loop and log it as a touch: a kept promise ("kept") or a thank-you said ("thanked")."""
    contact = notebook.contact(promise.contact_id)
    with notebook.batch():
        promise.done_on = today.isoformat()
        notebook.save_promise(promise)
        if contact is not None:
            kind = "thanked" if promise.kind == "thanks" else "kept"
            notebook.add_interaction(_interaction(contact, kind, promise.text, now, today))


def find_promises(promises: list[Promise], what: str) -> list[Promise]:
    """Open promises whose text best matches ``what`` (all of them when ``what`` is empty)."""
    open_ = [p for p in promises if p.is_open]
    key = fold(what)
    if not key:
        return open_
    exact = [p for p in open_ if key in fold(p.text)]
    if exact:
        return exact
    words = set(key.split())
    scored = [(len(words & set(fold(p.text).split())), p) for p in open_]
    best = max((score for score, _ in scored), default=0)
    return [p for score, p in scored if best and score == best]


def _interaction(contact: Contact, kind: str, text: str, now: datetime, today: date) -> Interaction:
    return Interaction(
        id=new_id(), contact_id=contact.id, kind=kind, text=text, on=today.isoformat(), at=now.isoformat()
    )


def _find_introducer(contacts: list[Contact], name: str) -> Contact | None:
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


def _learn(contact: Contact, facts: Facts) -> None:
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
        introduced_by=data.get("introduced_by", ""),
        facts=Facts(**data.get("facts", {})),
        notes=data.get("notes", ""),
    )


def record_sent_draft(
    notebook: Notebook, kind: str, contact_ids: list[str], promise_ids: list[str], now: datetime, today: date
) -> list[str]:
    """The user sent a drafted note: log the touch it was, and close the loops it closed. Returns what was closed."""
    closed: list[str] = []
    touch = {
        "thanks": "thanked",
        "followup": "followed_up",
        "reconnect": "touch",
        "share": "gave",
        "intro": "asked",  # step 1 of an intro only asks (double opt-in): the give is the introduction itself
        "introduce": "gave",
    }
    with notebook.batch():
        for promise_id in promise_ids:
            promise = notebook.promise(promise_id)
            if promise is not None and promise.is_open:
                keep_promise(notebook, promise, now, today)
                closed.append(promise.text)
        people = [c for c in (notebook.contact(cid) for cid in contact_ids) if c is not None]
        for contact in people:
            others = [p.name for p in people if p.id != contact.id]
            if kind == "introduce" and others:
                text = f"introduced to {', '.join(others)}"
            elif kind == "intro" and others:
                text = f"asked about an intro to {', '.join(others)}"
            else:
                text = f"sent a {kind} note"
            if not (closed and kind == "thanks"):  # a thank-you that closed its loop is logged once, as "thanked"
                record_touch(notebook, contact, touch.get(kind, "touch"), text, now, today)
    return closed


def complete_nudge(notebook: Notebook, nudge: Any, now: datetime, today: date) -> str:
    """The user did what a nudge suggested: close its loop or log its touch. Returns what was logged, in words.

    Logged touches carry no text of the coach's own: a nudge's words must never come back quoted in a later one.
    """
    contact = notebook.contact(nudge.contact_id) if nudge.contact_id else None
    if nudge.kind in ("starter", "goal") or contact is None:
        return ""
    promise = notebook.promise(nudge.promise_id) if nudge.promise_id else None
    if promise is not None and promise.is_open:
        keep_promise(notebook, promise, now, today)
        return "thanked" if promise.kind == "thanks" else "kept"
    other = notebook.contact(nudge.other_contact_id) if nudge.other_contact_id else None
    with notebook.batch():
        if nudge.draft_kind == "intro" and other is not None:
            # Asking whether they'd like an intro is one ask (double opt-in); the gives come with the intro itself.
            record_touch(notebook, contact, "asked", f"asked about an intro to {other.name}", now, today)
            return "asked-intro"
        if nudge.kind == "ask":
            record_touch(notebook, contact, "asked", "", now, today)
            return "asked"
        if nudge.kind == "give":
            record_touch(notebook, contact, "gave", "", now, today)
            return "gave"
        if nudge.kind == "loop":
            record_touch(notebook, contact, "followed_up", "", now, today)
            return "loop"
        kind = "followed_up" if nudge.kind in ("thank", "followup") else "touch"
        record_touch(notebook, contact, kind, "", now, today)
    return kind


def linked_people(notebook: Notebook, contact: Contact) -> list[dict[str, str]]:
    """The people ``contact`` is linked to, by name: [{"name": "Jane", "as": "husband"}] (deleted ones skipped)."""
    found = []
    for link in contact.links:
        other = notebook.contact(link.get("contact_id", ""))
        if other is not None:
            found.append({"name": other.name, "as": link.get("as", "") or "linked"})
    return found


# --- a capture can be corrected: "✏️ Fix" or an edit of the original message ------------------------------------

# Each capture is its own small state value ("capture:<token>"), listed oldest first under CAPTURE_TOKENS: a /met
# saves a few hundred bytes, not every kept capture again. Notebooks from before keep them all in one CAPTURES
# value; it is read as it is and moved to the new layout by the next write that touches captures.
CAPTURES = "captures"
CAPTURE_TOKENS = "capture_tokens"
CAPTURE_PREFIX = "capture:"
KEEP_CAPTURES = 40
EDITABLE_HOURS = 48


def capture_key(token: str) -> str:
    return CAPTURE_PREFIX + token


def captured(notebook: Notebook, token: str) -> dict[str, Any] | None:
    """What the capture ``token`` wrote, or None when it is gone (pruned, or deleted with a contact)."""
    item = notebook.get_state(capture_key(token))
    if item is None:
        item = (notebook.get_state(CAPTURES) or {}).get(token)
    return item if isinstance(item, dict) else None


def capture_tokens(notebook: Notebook) -> list[str]:
    """The tokens of the captures kept, oldest first."""
    tokens = [t for t in notebook.get_state(CAPTURE_TOKENS) or [] if notebook.get_state(capture_key(t)) is not None]
    return [*(notebook.get_state(CAPTURES) or {}), *tokens]


def _keep_captures(notebook: Notebook, tokens: list[str]) -> None:
    """Save the kept captures' list (moving an old single CAPTURES value over), dropping what falls off it."""
    kept = tokens[-KEEP_CAPTURES:]
    with notebook.batch():
        old = notebook.get_state(CAPTURES)
        if old is not None:
            for token, item in old.items():
                if token in kept:
                    notebook.set_state(capture_key(token), item)
            notebook.delete_state(CAPTURES)
        for token in {*tokens[:-KEEP_CAPTURES], *(notebook.get_state(CAPTURE_TOKENS) or [])} - {*kept}:
            notebook.delete_state(capture_key(token))
        notebook.set_state(CAPTURE_TOKENS, kept)


def remember_capture(
    notebook: Notebook, saved: MeetingSaved, meeting: Meeting, now: datetime, message_id: int = 0
) -> str:
    """Keep what a capture wrote (ids, and the mentions as read) under a token for "✏️ Fix" and message edits."""
    token = new_id()
    with notebook.batch():
        tokens = capture_tokens(notebook)
        notebook.set_state(
            capture_key(token),
            {
                "contacts": [c.id for c in saved.contacts],
                "created": saved.created,
                "interactions": saved.interactions,
                "promises": [p.id for p in saved.promises],
                "meeting": meeting_to_dict(meeting),
                "message_id": message_id,
                "at": now.isoformat(),
                "edits": [],
            },
        )
        _keep_captures(notebook, [*tokens, token])
    return token


def capture_for_message(notebook: Notebook, message_id: int) -> str:
    """The token of the capture a Telegram message made, or ""."""
    if not message_id:
        return ""
    for token in capture_tokens(notebook):
        item = captured(notebook, token)
        if item is not None and item.get("message_id") == message_id:
            return token
    return ""


def can_still_edit(notebook: Notebook, token: str, now: datetime) -> bool:
    item = captured(notebook, token)
    if not item:
        return False
    return now - datetime.fromisoformat(item["at"]) <= timedelta(hours=EDITABLE_HOURS)


def revise_capture(
    notebook: Notebook, token: str, meeting: Meeting, now: datetime, edit_id: str = ""
) -> MeetingSaved | None:
    """Correct a capture in place from a corrected line: names, companies, roles, place, date, and the split into
    people. Contacts this capture created follow the new reading (a person no longer in it is removed); contacts
    that existed before keep everything but what this capture itself had set. ``edit_id`` (a Telegram edit's
    date) is recorded so the same edit is never applied twice. None when the capture is gone or the edit was seen.
    """
    item = captured(notebook, token)
    if item is None or (edit_id and edit_id in item.get("edits", [])):
        return None
    before = meeting_from_dict(item["meeting"])
    day = meeting.when.isoformat()
    saved = MeetingSaved([], [], [], _find_introducer(notebook.contacts(), meeting.introduced_by))
    with notebook.batch():
        ids: list[str] = item["contacts"]
        for index, mention in enumerate(meeting.people):
            contact = notebook.contact(ids[index]) if index < len(ids) else None
            created = contact is None or item["created"][index]
            old = before.people[index] if index < len(before.people) else PersonMention("")
            if contact is None:
                contact = Contact(id=new_id(), name=mention.name, met_on=day, created_at=now.isoformat())
            if created:
                contact.name = mention.name
            for name in ("company", "role", "title"):
                if getattr(mention, name) != getattr(old, name) and (created or getattr(mention, name)):
                    setattr(contact, name, getattr(mention, name))
            if created:
                contact.met_on, contact.met_context = day, meeting.context
                if meeting.introduced_by != before.introduced_by:
                    contact.introduced_by = saved.introducer.name if saved.introducer else meeting.introduced_by
                    contact.introduced_by_id = saved.introducer.id if saved.introducer else ""
            _learn(contact, mention.facts)
            notebook.save_contact(contact)
            interaction_id = item["interactions"][index] if index < len(item["interactions"]) else new_id()
            for fact in notebook.facts(contact.id):  # what the old wording said gives way to the corrected one
                if fact.source_id == interaction_id and not fact.superseded_on:
                    fact.superseded_on = day
                    notebook.save_fact(fact)
            notebook.add_interaction(
                Interaction(
                    id=interaction_id,
                    contact_id=contact.id,
                    kind="met",
                    text=meeting.notes or (f"Met at {meeting.context}" if meeting.context else "Met"),
                    on=day,
                    at=now.isoformat(),
                    context=meeting.context,
                )
            )
            learn_facts(notebook, contact, meeting.notes, meeting.when, source_id=interaction_id)
            saved.contacts.append(contact)
            saved.created.append(created)
            saved.interactions.append(interaction_id)
        for index in range(len(meeting.people), len(ids)):  # the corrected line names fewer people
            if item["created"][index] and notebook.contact(ids[index]) is not None:
                forget_contact(notebook, ids[index])
        old_promises = [notebook.promise(pid) for pid in item["promises"]]
        for index, promise_item in enumerate(meeting.facts.promise_items):
            promise = old_promises[index] if index < len(old_promises) else None
            if promise is None:
                promise = Promise(id=new_id(), contact_id=saved.contacts[0].id, text="", made_on=day)
            promise.text, promise.due_on = promise_item.text, promise_item.due_on
            notebook.save_promise(promise)
            saved.promises.append(promise)
        item.update(
            contacts=[c.id for c in saved.contacts],
            created=saved.created,
            interactions=saved.interactions,
            promises=[p.id for p in saved.promises],
            meeting=meeting_to_dict(meeting),
            edits=[*item.get("edits", []), edit_id] if edit_id else item.get("edits", []),
        )
        if token in (notebook.get_state(CAPTURES) or {}):
            _keep_captures(notebook, capture_tokens(notebook))  # an old notebook's captures move to their own values
        notebook.set_state(capture_key(token), item)
    return saved


def add_contact(notebook: Notebook, name: str, now: datetime) -> Contact:
    """Someone named in /got, /gave, /note or /done who is not in the notebook yet, added with one tap."""
    contact = Contact(id=new_id(), name=name.strip()[:80], created_at=now.isoformat())
    notebook.save_contact(contact)
    return contact


# State that holds only ids and days, never what was said about anyone: delivery records must survive a deletion
# (dropping one would let a second morning message go out today).
STATE_WITHOUT_PEOPLE = frozenset({MORNINGS, REVIEWS, SNOOZES, CAPTURE_TOKENS})


def forget_contact(notebook: Notebook, contact_id: str) -> None:
    """Delete a contact, and every remembered capture that names them (it holds the words as typed)."""
    with notebook.batch():
        tokens = capture_tokens(notebook)
        kept = [t for t in tokens if contact_id not in (captured(notebook, t) or {}).get("contacts", [])]
        if len(kept) != len(tokens) or CAPTURES in notebook.state_values():
            _keep_captures(notebook, kept)
        erase_contact(notebook, contact_id, kept=STATE_WITHOUT_PEOPLE, whole=(CAPTURE_PREFIX,))
