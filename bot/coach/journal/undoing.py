""" "↩️ Undo" under the last capture, for a few minutes: exactly what that line wrote is taken back.

People the capture created are deleted (with everything logged about them). For people it met again, the entries it
added (the "met" entry, the promises, the facts read from the line) are removed, and what it changed on their card
or in what was known about them goes back to how it was: a field or fact changed again since (a /tag, a note) is
left as it now is. Only the last capture can be undone, and only for ``UNDO_MINUTES``: after that, "✏️ Fix" and
/forget are the tools.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from datetime import datetime, timedelta
from typing import Any

from bot.coach.journal.captures import capture_key, captured, forget_contact
from bot.store.notebook import Notebook
from bot.store.records import Contact, Fact, Promise

UNDO = "undo_capture"  # state: the last capture's token, until when it may be undone, and copies from around it
UNDO_MINUTES = 10


def before_capture(notebook: Notebook, contact_ids: Iterable[str | None]) -> dict[str, Any]:
    """A copy of the people a capture is about to meet again (the new ones have nothing to put back)."""
    return {cid: _copy(notebook, cid) for cid in dict.fromkeys(c for c in contact_ids if c) if notebook.contact(cid)}


def remember_undo(notebook: Notebook, token: str, before: dict[str, Any], now: datetime) -> None:
    """Make the capture ``token`` the one "↩️ Undo" undoes (only the last one can be), with its people as they
    were before it (``before``) and as it left them."""
    until = (now + timedelta(minutes=UNDO_MINUTES)).isoformat()
    after = {cid: _copy(notebook, cid) for cid in before}
    notebook.set_state(UNDO, {"token": token, "until": until, "before": before, "after": after})


def capture_revised(notebook: Notebook, token: str) -> None:
    """A "✏️ Fix" or an edit rewrote the capture ``token``: what it leaves is what an undo takes back from now on."""
    waiting = notebook.get_state(UNDO)
    if isinstance(waiting, dict) and waiting.get("token") == token:
        after = {cid: _copy(notebook, cid) for cid in waiting.get("before", {})}
        notebook.set_state(UNDO, {**waiting, "after": after})


def can_undo(notebook: Notebook, token: str, now: datetime) -> bool:
    waiting = notebook.get_state(UNDO)
    return (
        isinstance(waiting, dict)
        and waiting.get("token") == token
        and now <= datetime.fromisoformat(waiting["until"])
        and captured(notebook, token) is not None
    )


def undo_capture(notebook: Notebook, token: str, now: datetime) -> list[str] | None:
    """Undo the capture ``token``: the names of the people it was about, or None when it can no longer be undone."""
    item = captured(notebook, token)
    if item is None or not can_undo(notebook, token, now):
        return None
    waiting: dict[str, Any] = notebook.get_state(UNDO)
    before, after = waiting.get("before", {}), waiting.get("after", {})
    names = []
    wrote = {"interactions": set(item["interactions"]), "promises": set(item["promises"])}
    with notebook.batch():
        for contact_id, created in zip(item["contacts"], item["created"], strict=False):
            contact = notebook.contact(contact_id)
            if contact is None:
                continue
            names.append(contact.name)
            if created or contact_id not in before or contact_id not in after:
                forget_contact(notebook, contact_id)
            else:
                _take_back(notebook, contact, before[contact_id], after[contact_id], wrote)
        for contact_id in item.get("mentioned", []):  # people it only named, unless met since
            mentioned = notebook.contact(contact_id)
            if mentioned is not None and mentioned.mentioned_on:
                forget_contact(notebook, contact_id)
        notebook.delete_state(capture_key(token))  # nothing left for "✏️ Fix" to correct
        notebook.delete_state(UNDO)
    return names


def _copy(notebook: Notebook, contact_id: str) -> dict[str, Any]:
    contact = notebook.contact(contact_id)
    assert contact is not None
    return {
        "contact": contact.to_dict(),
        "interactions": [i.id for i in notebook.interactions(contact_id)],
        "promises": {p.id: p.to_dict() for p in notebook.promises(contact_id)},
        "facts": {f.id: f.to_dict() for f in notebook.facts(contact_id)},
    }


def _take_back(
    notebook: Notebook, contact: Contact, before: dict[str, Any], after: dict[str, Any], wrote: dict[str, set[str]]
) -> None:
    """Remove what the capture added to ``contact`` and put back what it changed, where nothing changed it since."""
    added = set(after["interactions"]) - set(before["interactions"])
    met = {i.id for i in notebook.interactions(contact.id) if i.id in wrote["interactions"] or i.id in added}
    notebook.remove_entries(
        contact.id,
        interactions=sorted(met),
        promises=[
            p.id
            for p in notebook.promises(contact.id)
            if p.id not in before["promises"] and (p.id in wrote["promises"] or p.id in after["promises"])
        ],
        facts=[
            f.id
            for f in notebook.facts(contact.id)
            if f.id not in before["facts"] and (f.source_id in met or f.id in after["facts"])
        ],
    )
    was, left = Contact.from_dict(before["contact"]), Contact.from_dict(after["contact"])
    changed = False
    for field in fields(Contact):
        value = getattr(left, field.name)
        if value != getattr(was, field.name) and getattr(contact, field.name) == value:
            setattr(contact, field.name, getattr(was, field.name))
            changed = True
    if changed:
        notebook.save_contact(contact)
    promises = {p.id: p for p in notebook.promises(contact.id)}
    for _, old in _put_back(before["promises"], after["promises"], promises):
        notebook.save_promise(Promise.from_dict(old))
    facts = {f.id: f for f in notebook.facts(contact.id)}
    for _, old in _put_back(before["facts"], after["facts"], facts):
        notebook.save_fact(Fact.from_dict(old))


def _put_back(
    before: dict[str, Any], after: dict[str, Any], current: dict[str, Promise] | dict[str, Fact]
) -> list[tuple[str, dict[str, Any]]]:
    """The records the capture changed (a fact it superseded) and nothing changed since, as they were before it."""
    return [
        (record_id, old)
        for record_id, old in before.items()
        if record_id in after
        and old != after[record_id]
        and record_id in current
        and current[record_id].to_dict() == after[record_id]
    ]
