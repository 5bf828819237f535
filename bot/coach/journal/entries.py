"""Writing down what happened: notes, gives, help received, touches, promises kept, drafts sent and nudges done.
(Meetings are meetings.py; a capture's memory for "✏️ Fix" is captures.py.)

Each function is one user action saved as one atomic write (``notebook.batch()``), so a reply that says "saved"
always describes what is on disk, and a failure half-way leaves nothing half-saved.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from bot.coach.journal.commitments import learn_commitments
from bot.coach.journal.learning import learn as learn_facts
from bot.coach.journal.learning import mark_done
from bot.coach.journal.meetings import learn_card
from bot.coach.reading.facts import NEWS_KINDS
from bot.coach.reading.names import fold
from bot.coach.reading.notes import Facts, extract_facts
from bot.store.notebook import Notebook
from bot.store.records import Contact, Interaction, Promise, new_id


class Noted(NamedTuple):
    facts: Facts
    dated: list[Promise]  # what others promised, wait for or turned down, as dated items (commitments.py)


def record_note(notebook: Notebook, contact: Contact, text: str, now: datetime, today: date) -> Noted:
    facts = extract_facts(text, today)
    with notebook.batch():
        learn_card(contact, facts)
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
        dated = learn_commitments(notebook, contact, text, now, today)
    return Noted(facts, dated)


def record_give(notebook: Notebook, contact: Contact, what: str, now: datetime, today: date) -> None:
    notebook.add_interaction(_interaction(contact, "gave", what, now, today))


def record_help(notebook: Notebook, contact: Contact, what: str, now: datetime, today: date) -> Promise:
    """Help received: logged, and a thank-you to do is opened (principle 5: always say thank you)."""
    thanks = Promise(id=new_id(), contact_id=contact.id, text=what, kind="thanks", made_on=today.isoformat())
    with notebook.batch():
        notebook.add_interaction(_interaction(contact, "got", what, now, today))
        notebook.save_promise(thanks)
        for ask in (p for p in notebook.promises(contact.id) if p.kind == "ask" and p.is_open):
            ask.done_on = today.isoformat()  # the ask was answered with help
            notebook.save_promise(ask)
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


def record_sent_draft(
    notebook: Notebook, kind: str, contact_ids: list[str], promise_ids: list[str], now: datetime, today: date
) -> tuple[list[str], list[str]]:
    """The user sent a drafted note: log the touch it was, and close the loops it closed. An intro's ask goes to the
    first person only, so only they are logged (as asked); the introduction itself touches both. Congratulations
    mark the news they answered as said. Returns who was logged, and what was closed."""
    contact_ids = contact_ids if kind == "introduce" else contact_ids[:1]
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
        if kind == "congrats" and contact_ids:
            mark_done(notebook, contact_ids[0], NEWS_KINDS, today)
    return contact_ids, closed


_PAST = {
    "send": "sent", "intro": "introduced", "introduce": "introduced", "share": "shared", "forward": "forwarded",
    "review": "reviewed", "connect": "connected", "refer": "referred", "put": "put", "get": "got", "give": "gave",
    "check": "checked", "call": "called", "email": "emailed", "ping": "pinged", "look": "looked",
}


def _done(promised: str) -> str:
    """Their promise, kept: "send me the contract template" -> "sent me the contract template" (said as help)."""
    verb, _, rest = promised.partition(" ")
    past = _PAST.get(verb.lower())
    return f"{past} {rest}".strip() if past else promised


def complete_nudge(notebook: Notebook, nudge: Any, now: datetime, today: date) -> str:
    """The user did what a nudge suggested: close its loop or log its touch. Returns what was logged, in words.

    Logged touches carry no text of the coach's own: a nudge's words must never come back quoted in a later one.
    """
    contact = notebook.contact(nudge.contact_id) if nudge.contact_id else None
    if nudge.kind in ("starter", "goal") or contact is None:
        return ""
    promise = notebook.promise(nudge.promise_id) if nudge.promise_id else None
    if promise is not None and promise.is_open and promise.kind == "ask":
        with notebook.batch():  # the one gentle follow-up is sent: the ask stays open, with no more follow-ups
            promise.due_on = ""
            notebook.save_promise(promise)
            record_touch(notebook, contact, "followed_up", "", now, today)
        return "followed-up"
    if promise is not None and promise.is_open and promise.kind == "meeting":
        return "briefed"  # the brief was read: the meeting stays open for "how did it go?" the day after
    if promise is not None and promise.is_open and promise.kind == "theirs":
        with notebook.batch():  # they kept their word: help received, and a thank-you owed for it
            promise.done_on = today.isoformat()
            notebook.save_promise(promise)
            record_help(notebook, contact, _done(promise.text), now, today)
        return "got"
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
            track_ask(notebook, contact, nudge.slots.get("asked", ""), today)
            return "asked"
        if nudge.kind == "give":
            # Congratulations said: the news is answered (give.fresh_win reads the log), not suggested again.
            congrats = nudge.draft_kind == "congrats"
            record_touch(notebook, contact, "gave", "congratulations" if congrats else "", now, today)
            if congrats:
                mark_done(notebook, contact.id, NEWS_KINDS, today)
            return "gave"
        if nudge.kind == "loop":
            record_touch(notebook, contact, "followed_up", "", now, today)
            return "loop"
        kind = "followed_up" if nudge.kind in ("thank", "followup") else "touch"
        record_touch(notebook, contact, kind, "", now, today)
    return kind


ASK_FOLLOW_UP_DAYS = 7  # no answer to an ask this long: one gentle follow-up (docs/coaching.md, "Asks")


def track_ask(notebook: Notebook, contact: Contact, asked: str, today: date) -> Promise:
    """An ask made: open until they answer (yes, no, or help logged), with one follow-up due a week on."""
    follow_up = (today + timedelta(days=ASK_FOLLOW_UP_DAYS)).isoformat()
    ask = Promise(id=new_id(), contact_id=contact.id, text=asked, kind="ask", made_on=today.isoformat())
    ask.due_on = follow_up
    notebook.save_promise(ask)
    return ask


def answer_ask(notebook: Notebook, promise: Promise, yes: bool, now: datetime, today: date) -> Promise | None:
    """They answered an ask: it closes; a yes opens a thank-you (and they hear how it turns out: goals.py)."""
    contact = notebook.contact(promise.contact_id)
    with notebook.batch():
        promise.done_on = today.isoformat()
        notebook.save_promise(promise)
        if not yes or contact is None:
            return None
        thanks = Promise(id=new_id(), contact_id=contact.id, text="said yes to your ask", kind="thanks")
        thanks.made_on = today.isoformat()
        notebook.save_promise(thanks)
        return thanks


def linked_people(notebook: Notebook, contact: Contact) -> list[dict[str, str]]:
    """The people ``contact`` is linked to, by name: [{"name": "Jane", "as": "husband"}] (deleted ones skipped), with
    "theirs" when the relation is who they are to the contact ({"name": "Paco", "as": "son", "theirs": "yes"})."""
    found = []
    for link in contact.links:
        other = notebook.contact(link.get("contact_id", ""))
        if other is not None:
            shown = {"name": other.name, "as": link.get("as", "") or "linked"}
            found.append({**shown, "theirs": "yes"} if link.get("side") == "theirs" else shown)
    return found


def add_contact(notebook: Notebook, name: str, now: datetime) -> Contact:
    """Someone named in /got, /gave, /note or /done who is not in the notebook yet, added with one tap."""
    contact = Contact(id=new_id(), name=name.strip()[:80], created_at=now.isoformat())
    notebook.save_contact(contact)
    return contact
