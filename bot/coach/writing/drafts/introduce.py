"""Step 2 of an introduction, once both said yes (templates/drafts/introduce.txt): one message to both, each
introduced to the other by name, the reason in one sentence, then out of the way."""

from __future__ import annotations

from bot.coach.writing.drafts.intro import write as write_pair
from bot.coach.writing.drafts.note import Note
from bot.store.records import Contact


def write(note: Note, other: Contact) -> None:
    write_pair(note, other)
    note.context["first_name"] = f"{note.contact.first_name} and {other.first_name}"
