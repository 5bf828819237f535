"""One small row per contact: everything the morning planner needs to know about them, and nothing more.

Planning runs for every user every morning; reading a whole notebook into records for it costs far more than
the planning itself. So the notebook keeps one summary row per contact, rebuilt for the contacts a write
touches, and the planner reads only those rows. A row holds facts that do not depend on the day (when the
last touch was, whether a meeting was followed up, which promises are open); the planner compares them with
``today``. Rows are plain JSON-safe dicts (``Row`` below names every key); empty values are left out, so a
quiet contact costs a couple of hundred bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NotRequired, TypedDict

from bot.coach.planning.asks import context_fields, role_tokens
from bot.coach.planning.give import fresh_win, key_words
from bot.coach.planning.strength import known_about
from bot.coach.saying.debts import debt_words
from bot.store.notebook import Digest
from bot.store.records import CIRCLE_CADENCE_DAYS, DEFAULT_CIRCLE, Contact, Interaction, Promise
from bot.store.schema import typed_dict_check
from bot.store.view import Network

# 3: readable keys, empty and zero values left out; needs, offers, birthday, tags, depth; promise due dates
# 4: open items carry the words a morning says them with ("said")
# 5: an archived contact's row says so ("archived") and carries nothing a morning plans from
# 6: the day help was last received ("got_on"): no ask for a while after someone helped
# 7: "can" names a role said in two words as one ("product manager" -> "pm"), and the field of where they met
SUMMARY_VERSION = 7
_SAID = frozenset({"promise", "thanks"})  # open items said in words worked out when the row is saved
TIMELINE_CAP = 10  # strength stops growing at ten interactions, so more need not be counted
TEXT_LIMIT = 120  # nudges quote at most a line; longer texts are clipped when the row is built
GAVE_TEXT_LIMIT = 240  # enough for the last few gives, where "introduced to Sam" would be


class OpenItem(TypedDict):
    """An open promise or an owed thank-you."""

    id: str
    kind: str  # "promise" | "thanks" | "reminder" | "ask" (an ask made, waiting for an answer) | "theirs" | "later"
    made_on: str
    text: str  # clipped; only ever shown through the wording rules in bot/coach/writing/nudges.py
    due_on: NotRequired[str]
    # How a morning says it (facts.debt_words: "You promised Priya the Ferrazzi book", "reviewed your CV"), worked
    # out when the row is saved rather than every morning; left out when it is said as typed (a reminder).
    said: NotRequired[str]


class Row(TypedDict):
    """Hundreds of these sit in the head of every user's file and are parsed every morning, so a row carries only
    what planning reads, and leaves out what is empty or zero (read those with ``row.get(key, default)``)."""

    id: str
    first: str  # first name: nudges name people by it
    circle: str  # the circle the coach treats them as (unknown circles read as the default)
    last: str  # last touch day: the latest interaction, else met_on, else the day the contact was created
    touches: int  # interactions logged (capped at TIMELINE_CAP)
    got: NotRequired[int]  # help received
    got_on: NotRequired[str]  # the day help was last received from them
    gave: NotRequired[int]  # gives made by the user
    company: NotRequired[str]
    role: NotRequired[str]
    introduced_by: NotRequired[str]  # contact id
    interests: NotRequired[list[str]]
    needs: NotRequired[list[str]]  # what they are looking for
    offers: NotRequired[list[str]]  # what they can help with
    tags: NotRequired[list[str]]
    birthday: NotRequired[str]  # "MM-DD"
    known: NotRequired[int]  # details known about them (tie depth, see strength.py)
    can: NotRequired[list[str]]  # key words of their role, company, tags and offers: what they have or do
    met_on: NotRequired[str]  # the day they met (the contact's met_on, else the first meeting's day)
    followed_up: NotRequired[int]  # 1 when the user already followed up after that meeting
    met_at: NotRequired[str]  # where they met, while the meeting still wants a follow-up
    win: NotRequired[str]  # the latest win
    congratulated: NotRequired[int]  # 1 when it was already congratulated
    gives: NotRequired[str]  # what the user gave or asked them, lowercased, latest first (to spot "already done")
    open: NotRequired[list[OpenItem]]
    archived: NotRequired[int]  # 1 when the user archived them: no step is ever planned for them


def summarize(contact: Contact, timeline: Sequence[Interaction], promises: Sequence[Promise]) -> Row:
    """The summary row of one contact; ``timeline`` is oldest first, ``promises`` are all of theirs."""
    parts = contact.name.split()
    got = gave = 0
    got_on = ""
    gave_texts: list[str] = []
    met_on, met_context = contact.met_on, contact.met_context.strip()
    first_meeting = True
    for logged in timeline:
        kind = logged.kind
        if kind == "got":
            got += 1
            got_on = max(got_on, logged.on)
        elif kind in ("gave", "asked"):
            gave += kind == "gave"
            if logged.text.strip():
                gave_texts.append(logged.text.strip().lower())
        elif kind == "met":
            if first_meeting:
                met_on, first_meeting = met_on or logged.on, False
            met_context = met_context or logged.context.strip()
    row: Row = {
        "id": contact.id,
        "first": parts[0] if parts else "",
        "circle": contact.circle if contact.circle in CIRCLE_CADENCE_DAYS else DEFAULT_CIRCLE,
        "last": (timeline[-1].on if timeline else "") or contact.met_on or contact.created_at[:10],
        "touches": min(len(timeline), TIMELINE_CAP),
    }
    # Out of the mornings: archived (/archive), or only mentioned, never met ("her son Elias"). Who they are, and
    # nothing to plan from.
    if contact.archived_on or contact.mentioned_on:
        row["archived"] = 1
        return row
    if got:
        row["got"] = got
        if got_on:
            row["got_on"] = got_on
    if gave:
        row["gave"] = gave
    if contact.company.strip():
        row["company"] = contact.company.strip()
    if contact.role.strip():
        row["role"] = contact.role.strip()
    if contact.introduced_by_id:
        row["introduced_by"] = contact.introduced_by_id
    for key, values in (
        ("interests", contact.interests),
        ("needs", contact.needs),
        ("offers", contact.offers),
        ("tags", contact.tags),
    ):
        cleaned = [v.strip() for v in values if v.strip()]
        if cleaned:
            row[key] = cleaned  # type: ignore[literal-required]
    if contact.birthday:
        row["birthday"] = contact.birthday
    can = set().union(*(key_words(v) for v in (contact.role, contact.company, *contact.tags, *contact.offers)))
    can |= role_tokens(contact.role) | context_fields(met_context)  # met at "the fintech meetup": in that world
    if can:
        row["can"] = sorted(can)
    known = known_about(contact)
    if known:
        row["known"] = known
    if met_on:
        row["met_on"] = met_on
        if any(i.on > met_on or (i.on == met_on and i.kind not in ("met", "note")) for i in timeline):
            row["followed_up"] = 1
    if met_context and "followed_up" not in row:
        row["met_at"] = _clip(met_context)
    wins = [w.strip() for w in contact.wins if w.strip()]
    if wins:
        row["win"] = _clip(wins[-1])
        if not fresh_win(contact, timeline):
            row["congratulated"] = 1
    if gave_texts:
        row["gives"] = _latest_first(gave_texts)
    items: list[OpenItem] = []
    for p in promises:
        if not p.done_on:
            item: OpenItem = {"id": p.id, "kind": p.kind, "made_on": p.made_on, "text": _clip(p.text.strip())}
            if p.due_on:
                item["due_on"] = p.due_on
            said = debt_words(p.kind, row["first"], item["text"], bool(p.due_on)) if p.kind in _SAID else ""
            if said:
                item["said"] = said
            items.append(item)
    if items:
        row["open"] = items
    return row


def _clip(text: str, limit: int = TEXT_LIMIT) -> str:
    # A single-character ellipsis, so wording that trims trailing dots keeps the mark of a clipped text.
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _latest_first(texts: list[str]) -> str:
    """The latest gives first, cut at a limit: an intro the user just made matters more than one years ago.

    Only searched for names, never shown, so a cut mid-word costs nothing.
    """
    return "\n".join(reversed(texts))[:GAVE_TEXT_LIMIT]


def summaries(network: Network) -> dict[str, Any]:
    """Every contact's row, built from a network at hand (tests, and notebooks without a digest yet)."""
    return {c.id: summarize(c, network.timeline(c.id), network.promises_for(c.id)) for c in network.contacts}


def row_fits(row: Any) -> bool:
    """A stored row has the shape ``summarize`` makes (a row that does not is rebuilt with every other)."""
    return _ROW_CHECK(row) is None


_ROW_CHECK = typed_dict_check(Row)

# What every notebook derives from its records, handed to the store (which knows no coaching).
DIGEST = Digest(version=SUMMARY_VERSION, row=summarize, fits=row_fits)  # type: ignore[arg-type]
