"""A meeting still to come, kept as an open item of kind "meeting" due on its day: the morning planner briefs the
user on that day and asks "how did it go?" after it (docs/coaching.md, "The meeting loop"). The answer closes it:
logged as a meeting (or not, when it didn't happen), and the reply opens the next step.
"""

from __future__ import annotations

from datetime import date, datetime

from bot.coach.reading.upcoming import Upcoming
from bot.store.notebook import Notebook
from bot.store.records import Contact, Interaction, Promise, new_id

OUTCOMES = ("well", "help", "owe", "missed")  # went well; they'll help; I promised something; didn't happen


def save_upcoming(notebook: Notebook, contact: Contact, plan: Upcoming, today: date) -> Promise:
    """Keep the meeting; a second line about the same person and day changes that one rather than adding another."""
    day = plan.day.isoformat()
    for promise in notebook.promises(contact.id):
        if promise.kind == "meeting" and promise.is_open and promise.due_on == day:
            promise.text = plan.text
            notebook.save_promise(promise)
            return promise
    promise = Promise(
        id=new_id(), contact_id=contact.id, text=plan.text, kind="meeting", made_on=today.isoformat(), due_on=day
    )
    notebook.save_promise(promise)
    return promise


def meeting_words(text: str) -> tuple[str, str]:
    """An open meeting's text as kept ("lunch 12:30") -> ("lunch", "12:30")."""
    what, _, at = text.partition(" ")
    return what or "meeting", at


def debrief(notebook: Notebook, promise: Promise, outcome: str, now: datetime, today: date) -> None:
    """How it went: the meeting closes, and unless it didn't happen it is logged as met on its day (a touch)."""
    with notebook.batch():
        promise.done_on = today.isoformat()
        notebook.save_promise(promise)
        if outcome != "missed":
            what, _ = meeting_words(promise.text)
            notebook.add_interaction(
                Interaction(
                    id=new_id(),
                    contact_id=promise.contact_id,
                    kind="met",
                    text=what,
                    on=promise.due_on or today.isoformat(),
                    at=now.isoformat(),
                    context=what,
                )
            )
