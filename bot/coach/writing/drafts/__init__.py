"""Notes the user can copy and send: thank-yous, follow-ups, catch-ups, shares, congratulations and introductions,
one module per kind, as templates/drafts/ has one template per kind.

Most people skip the follow-up and the thank-you because the blank page is the hard part (principles 4 and 5).
A draft only helps if the person receiving it would believe a thoughtful friend wrote it, so:

- it is composed from typed facts (reading/facts.py), never from the text of a note: the user's shorthand about
  someone ("launched her own studio on the side") is theirs, not something to read back to that person;
- it uses one or two facts, each said once, in the second person and with dates relative to the day;
- it fits a chat message (``MAX_CHARS``) and signs with the user's first name;
- an introduction always has a reason the message can say (reasons.py) and comes in two steps: a double opt-in ask
  to each person (intro.py), then, once both said yes, the introduction itself to both (introduce.py).

Split of work: each kind's module decides *which* facts a note uses and turns them into phrases (``write(note)``
fills a note.Note); the templates under templates/drafts/ arrange the phrases, with ``VARIANTS`` wordings per kind
and three styles (warm, short, formal). User text only ever reaches a template as data.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from datetime import date

from bot.coach.errors import NotUnderstood
from bot.coach.saying.known import known_in
from bot.coach.writing.drafts import congrats, followup, intro, introduce, reconnect, share, thanks
from bot.coach.writing.drafts.coached import coach_draft
from bot.coach.writing.drafts.note import (
    COPY_LIMIT,
    MAX_CHARS,
    STYLES,
    VARIANTS,
    Draft,
    Note,
    contact_in,
    tidy,
)
from bot.coach.writing.drafts.reasons import IntroReason, intro_reason, reason_in_words
from bot.store.view import Network

DRAFT_KINDS: tuple[str, ...] = ("thanks", "followup", "reconnect", "share", "intro", "congrats")
# The second step of an introduction, once both people said yes: one message to both of them.
INTRODUCE = "introduce"
ALL_KINDS: tuple[str, ...] = (*DRAFT_KINDS, INTRODUCE)

KIND_HELP: dict[str, str] = {
    "thanks": "a thank-you that names the help (or the meeting)",
    "followup": "a short note after meeting, keeping what you promised",
    "reconnect": "a catch-up that picks up the latest real thread and asks one question",
    "share": "pass on something concrete about what they care about or need",
    "intro": "introduce two people who have a reason to meet (asks each of them first)",
    "congrats": "congratulate them on their news (a new job, a launch, a race, a wedding...)",
}

_WRITERS: dict[str, Callable[[Note], None]] = {
    "thanks": thanks.write,
    "followup": followup.write,
    "reconnect": reconnect.write,
    "share": share.write,
    "congrats": congrats.write,
}


def draft_note(
    kind: str,
    network: Network,
    contact_id: str,
    today: date,
    *,
    other_id: str | None = None,
    sender_name: str = "",
    variant: int | None = None,
    style: str = "warm",
    goals: Sequence[str] = (),
) -> Draft:
    """Write a ``kind`` note to one contact (intro: to ``contact_id`` about meeting ``other_id``; introduce: to both).

    ``variant`` picks the wording; None chooses one from (contact, day), so asking twice on the same day gives the
    same note while different days and people read differently. ``goals``: the user's open goals, in their words
    (a contact hiring the very role one of them is after is told so).
    """
    if kind not in ALL_KINDS:
        raise NotUnderstood(f"I can draft these notes: {', '.join(DRAFT_KINDS)}. For example: /draft thanks Jane")
    if kind in ("intro", INTRODUCE) and not other_id:
        raise NotUnderstood("An introduction needs two people, the one you write to first: /draft intro Jane Tom")
    contact = contact_in(network, contact_id)
    seed = zlib.crc32(f"{contact_id}|{today.isoformat()}".encode())
    chosen = (seed if variant is None else variant) % VARIANTS
    style = style if style in STYLES else "warm"
    known = known_in(network, contact.id, today)
    note = Note(kind, contact, network, known, today, chosen, style, sender_name, goals)
    if kind in ("intro", INTRODUCE):
        other = contact_in(network, other_id or "")
        if other.id == contact.id:
            raise NotUnderstood("Pick two different people to introduce: /draft intro Jane Tom")
        (introduce if kind == INTRODUCE else intro).write(note, other)
    else:
        _WRITERS[kind](note)
    return note.finish()


__all__ = [
    "ALL_KINDS",
    "COPY_LIMIT",
    "DRAFT_KINDS",
    "INTRODUCE",
    "KIND_HELP",
    "MAX_CHARS",
    "STYLES",
    "VARIANTS",
    "Draft",
    "IntroReason",
    "coach_draft",
    "draft_note",
    "intro_reason",
    "reason_in_words",
    "tidy",
]
