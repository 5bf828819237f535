"""Keeping what a note says others promised, wait for, turned down or went through (reading/commitments.py):
each becomes an open item with a day, saved inside the caller's batch; the same item still open is not saved twice.
"""

from __future__ import annotations

from datetime import date, datetime

from bot.coach.reading.commitments import read_commitments
from bot.coach.reading.names import fold
from bot.store.notebook import Notebook
from bot.store.records import Contact, Interaction, Promise, new_id

_FILLER = frozenset({"a", "an", "the", "their", "her", "his", "my", "some", "new"})


def learn_commitments(notebook: Notebook, contact: Contact, text: str, now: datetime, today: date) -> list[Promise]:
    """Save the dated items ``text`` gives rise to for ``contact``; returns those saved (news goes on the card). A
    pledge is help received: logged as such, with the thank-you it calls for (entries.record_help's way)."""
    found = read_commitments(text, contact.first_name, today)
    if not found:
        return []
    open_now = {(p.kind, fold(p.text)) for p in notebook.promises(contact.id) if p.is_open}
    saved: list[Promise] = []
    card_changed = False
    for item in found:
        if item.kind == "met":
            found_words = set(fold(item.news).split()) - _FILLER
            kept = [n for n in contact.needs if not (set(fold(n).split()) - _FILLER) & found_words]
            if len(kept) != len(contact.needs):
                contact.needs = kept  # "hired a lawyer": nobody offers them a lawyer any more
                card_changed = True
            continue
        if item.kind == "news":
            if fold(item.news) not in {fold(w) for w in contact.wins}:
                contact.wins.append(item.news)
                card_changed = True
            continue
        kind = "thanks" if item.kind == "got" else item.kind
        if (kind, fold(item.text)) in open_now:
            continue
        open_now.add((kind, fold(item.text)))
        if item.kind == "got":
            got = Interaction(
                id=new_id(), contact_id=contact.id, kind="got", text=item.text, on=today.isoformat(), at=now.isoformat()
            )
            notebook.add_interaction(got)
            for ask in (p for p in notebook.promises(contact.id) if p.kind == "ask" and p.is_open):
                ask.done_on = today.isoformat()  # the ask was answered: they're in
                notebook.save_promise(ask)
        promise = Promise(
            id=new_id(), contact_id=contact.id, text=item.text, kind=kind, made_on=today.isoformat(), due_on=item.due_on
        )
        notebook.save_promise(promise)
        saved.append(promise)
    if card_changed:
        notebook.save_contact(contact)
    return saved
