"""A capture can be corrected: "✏️ Fix" or an edit of the original message within two days brings the same records
in line with the corrected line. What each capture wrote is remembered here; forgetting a contact forgets every
remembered capture that names them.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.coach.journal.delivery import MORNINGS, REVIEWS, SNOOZES
from bot.coach.journal.learning import learn as learn_facts
from bot.coach.journal.meetings import (
    MeetingSaved,
    find_introducer,
    learn_card,
    meeting_from_dict,
    meeting_to_dict,
)
from bot.coach.reading.meeting import Meeting, PersonMention
from bot.coach.reading.names import fold
from bot.store.erasing import erase_contact
from bot.store.notebook import Notebook
from bot.store.records import Contact, Interaction, Promise, new_id

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
                "mentioned": [c.id for c in saved.mentioned],
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
    saved = MeetingSaved([], [], [], find_introducer(notebook.contacts(), meeting.introduced_by))
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
            learn_card(contact, mention.facts)
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
                    way=meeting.way,
                )
            )
            learn_facts(notebook, contact, meeting.said_of(mention), meeting.when, source_id=interaction_id)
            saved.contacts.append(contact)
            saved.created.append(created)
            saved.interactions.append(interaction_id)
        for index in range(len(meeting.people), len(ids)):  # the corrected line names fewer people
            if item["created"][index] and notebook.contact(ids[index]) is not None:
                forget_contact(notebook, ids[index])
        named = {fold(name) for name in meeting.mentioned}
        mentioned = []
        for contact_id in item.get("mentioned", []):  # someone it only named, no longer named: taken back
            other = notebook.contact(contact_id)
            if other is not None and other.mentioned_on and fold(other.name) not in named:
                forget_contact(notebook, contact_id)
            elif other is not None:
                mentioned.append(contact_id)
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
            mentioned=mentioned,
            meeting=meeting_to_dict(meeting),
            edits=[*item.get("edits", []), edit_id] if edit_id else item.get("edits", []),
        )
        if token in (notebook.get_state(CAPTURES) or {}):
            _keep_captures(notebook, capture_tokens(notebook))  # an old notebook's captures move to their own values
        notebook.set_state(capture_key(token), item)
    return saved


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
