"""One small row per contact: everything the morning planner needs to know about them, and nothing more.

Planning runs for every user every morning; reading a whole notebook into records for it costs far more than
the planning itself. So the notebook keeps one summary row per contact, rebuilt for the contacts a write
touches, and the planner reads only those rows. A row holds facts that do not depend on the day (when the
last touch was, whether a meeting was followed up, which promises are open); the planner compares them with
``today``. Rows are plain JSON-safe dicts with short keys, because hundreds of them sit in every user's file:

    v    SUMMARY_VERSION the row was built with (rows of another version are rebuilt)
    id   contact id                       n    name                      f    first name
    c    circle the coach treats them as (unknown circles read as the default)
    co   company        r   role          ib   introduced_by_id          i    interests, cleaned, as written
    mc   where they met (the contact's met_context, else the first meeting's context)
    mo   day they met (the contact's met_on, else the first meeting's day)
    mf   1 when the user already followed up after that meeting (anything later, or a real reply that day)
    l    last touch day: the latest interaction, else met_on, else the day the contact was created
    k    counts: [interactions logged (capped at TIMELINE_CAP), help received, help given]
    s    the latest thing said (any interaction text), clipped
    w    the latest win                   wc   1 when it was already congratulated
    gt   what the user gave them, lowercased, latest first, clipped (to spot "already introduced")
    lt   [interaction id, day, what they helped with]: the last entry is a thank-you for help received,
         so "tell them how it turned out" may become due
    p    open promises and owed thank-yous: [[promise id, kind, made_on, text], ...]
Empty values are left out, so a quiet contact costs well under 200 bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.coach.give import fresh_win
from bot.coach.models import CIRCLE_CADENCE_DAYS, DEFAULT_CIRCLE, Contact, Interaction, Promise
from bot.coach.network import Network

SUMMARY_VERSION = 1
TIMELINE_CAP = 10  # strength stops growing at ten interactions, so more need not be counted
TEXT_LIMIT = 120  # nudges quote at most a line; longer texts are clipped when the row is built
GAVE_TEXT_LIMIT = 240  # enough for the last few gives, where "introduced to Sam" would be


def summarize(contact: Contact, timeline: Sequence[Interaction], promises: Sequence[Promise]) -> dict[str, Any]:
    """The summary row of one contact; ``timeline`` is oldest first, ``promises`` are all of theirs."""
    parts = contact.name.split()
    first = parts[0] if parts else ""
    row: dict[str, Any] = {
        "v": SUMMARY_VERSION,
        "id": contact.id,
        "n": contact.name,
        "f": first,
        "c": contact.circle if contact.circle in CIRCLE_CADENCE_DAYS else DEFAULT_CIRCLE,
    }
    _put(row, "co", contact.company.strip())
    _put(row, "r", contact.role.strip())
    _put(row, "ib", contact.introduced_by_id)
    _put(row, "i", [i.strip() for i in contact.interests if i.strip()])

    got = gave = 0
    gave_texts: list[str] = []
    met_on, met_context = contact.met_on, contact.met_context.strip()
    first_meeting = True
    for item in timeline:
        kind = item.kind
        if kind == "got":
            got += 1
        elif kind == "gave":
            gave += 1
            if item.text.strip():
                gave_texts.append(item.text.strip().lower())
        elif kind == "met":
            if first_meeting:
                met_on, first_meeting = met_on or item.on, False
            met_context = met_context or item.context.strip()
    _put(row, "mc", _clip(met_context))
    _put(row, "mo", met_on)
    if met_on and any(i.on > met_on or (i.on == met_on and i.kind not in ("met", "note")) for i in timeline):
        row["mf"] = 1

    row["l"] = (timeline[-1].on if timeline else "") or contact.met_on or contact.created_at[:10]
    row["k"] = [min(len(timeline), TIMELINE_CAP), got, gave]
    said = next((i.text.strip() for i in reversed(timeline) if i.text.strip()), "")
    _put(row, "s", _clip(said))

    wins = [w.strip() for w in contact.wins if w.strip()]
    if wins:
        row["w"] = _clip(wins[-1])
        if not fresh_win(contact, timeline):
            row["wc"] = 1
    _put(row, "gt", _latest_first(gave_texts))
    if timeline and timeline[-1].kind == "thanked" and got:
        last = timeline[-1]
        helped = next(i.text.strip() for i in reversed(timeline) if i.kind == "got")
        row["lt"] = [last.id, last.on, _clip(helped)]
    _put(row, "p", [[p.id, p.kind, p.made_on, _clip(p.text.strip())] for p in promises if not p.done_on])
    return row


def _put(row: dict[str, Any], key: str, value: Any) -> None:
    if value:
        row[key] = value


def _clip(text: str, limit: int = TEXT_LIMIT) -> str:
    # A single-character ellipsis, so wording that trims trailing dots keeps the mark of a clipped text.
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _latest_first(texts: list[str]) -> str:
    """The latest gives first, cut at a limit: an intro the user just made matters more than one years ago.

    Only searched for names, never shown, so a cut mid-word costs nothing.
    """
    return "\n".join(reversed(texts))[:GAVE_TEXT_LIMIT]


def summaries(network: Network) -> dict[str, dict[str, Any]]:
    """Every contact's row, built from a network at hand (tests, and notebooks without a digest yet)."""
    return {c.id: summarize(c, network.timeline(c.id), network.promises_for(c.id)) for c in network.contacts}
