"""The morning message's memory: what was planned and sent on which local day, and what is snoozed.

"Exactly once per user per local day" rests on one record per day, written (and fsynced) *before* the message
goes out. A restart, a second trigger or a retry after a timeout finds the record and sends nothing. The cost
is deliberate: a send that timed out may not have arrived, and it is not repeated that day, because a
duplicate morning message is worse than a missed one (tomorrow's plan picks the same items up again).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from bot.coach.planning.nudges import Nudge
from bot.coach.writing.plans import MorningPlan, plan_morning
from bot.store.notebook import Notebook

MORNINGS = "mornings"
SNOOZES = "snoozes"
RHYTHM = "rhythm"  # planner.Rhythm: whether the user was asked about the rhythm, and what they chose
PAUSED_UNTIL = "paused_until"  # ISO day mornings start again after "pause a week"
RESTS = "rests"  # key -> [ISO day an ignored item rests until, how many rests so far] (planner.Rest)
ACTIVE_ON = "active_on"  # the last local day the user wrote or tapped anything: engagement, not only taps
QUIET_NOTES = "quiet_notes"  # True: a quiet day still sends "all quiet" (the user asked for it)
FIELDS = "fields"  # company, folded -> the fields the user said it is in ("Is N26 a fintech?" answered yes)
KEEP_RESTS_DAYS = 120  # a rest that ended this long ago is forgotten (its item is long settled or changed)
KEEP_DAYS = 14  # how many days of delivery records to keep (yesterday's is what matters)

CLAIMED, SENT, BLOCKED, UNCERTAIN, QUIET = "claimed", "sent", "blocked", "uncertain", "quiet"


def mornings(notebook: Notebook) -> dict[str, Any]:
    return dict(notebook.get_state(MORNINGS) or {})


def already_delivered(notebook: Notebook, day: date) -> bool:
    return day.isoformat() in mornings(notebook)


def snoozes(notebook: Notebook) -> dict[str, str]:
    return dict(notebook.get_state(SNOOZES) or {})


def plan_for(notebook: Notebook, today: date) -> MorningPlan:
    """Today's plan for an open notebook (see ``plan``). A digest row that does not have the shape planning reads
    (a file damaged or written by other means) makes the notebook rebuild its digest from the records, once."""
    try:
        return plan(notebook.summaries(), notebook.state_values(), today)
    except (TypeError, ValueError, KeyError, AttributeError, IndexError):
        if not notebook.repair_digest():
            raise
        return plan(notebook.summaries(), notebook.state_values(), today)


def plan(rows: Mapping[str, Any], state: Mapping[str, Any], today: date) -> MorningPlan:
    """Today's plan from the digest rows (one summary per contact: no records are loaded) and the state values:
    the profile (budget, goals, offers), snoozes, the last two weeks of mornings, the rests of ignored items, the
    day the user was last active, and the rhythm answer."""
    profile = state.get("profile") or {}
    return plan_morning(
        rows,
        today,
        budget=int(profile.get("budget", 3)),
        snoozed=state.get(SNOOZES) or {},
        mornings=state.get(MORNINGS) or {},
        goals=profile.get("goals") or (),
        offers=profile.get("offers") or (),
        rhythm=state.get(RHYTHM) or None,
        rests=state.get(RESTS) or {},
        active_on=state.get(ACTIVE_ON) or "",
        quiet_notes=bool(state.get(QUIET_NOTES)),
        fields=state.get(FIELDS) or {},
    )


def paused_on(notebook: Notebook, day: date) -> bool:
    """The user chose "pause a week" and the week is not over."""
    until = notebook.get_state(PAUSED_UNTIL)
    return isinstance(until, str) and day.isoformat() < until


def claim(notebook: Notebook, day: date, plan: Sequence[Nudge], status: str = CLAIMED) -> bool:
    """Record that ``day``'s message is going out, with who it is about (or, with ``status`` QUIET, that nothing goes
    out today). False if the day was already claimed."""
    records = mornings(notebook)
    if day.isoformat() in records:
        return False
    records[day.isoformat()] = {
        "status": status,
        "keys": [n.key for n in plan],
        "people": [list(n.people) for n in plan],
    }
    cutoff = (day - timedelta(days=KEEP_DAYS)).isoformat()
    notebook.set_state(MORNINGS, {d: r for d, r in records.items() if d >= cutoff})
    return True


def remember(notebook: Notebook, day: date, plan: MorningPlan) -> None:
    """What the planner decided today that later mornings must know (inside the claim's write): the items that
    start a rest, and the day weekly mode began."""
    if plan.rests:
        cutoff = (day - timedelta(days=KEEP_RESTS_DAYS)).isoformat()
        kept = {k: v for k, v in (notebook.get_state(RESTS) or {}).items() if isinstance(v, list) and v[:1] > [cutoff]}
        notebook.set_state(RESTS, {**kept, **plan.rests})
    if plan.weekly_on:
        notebook.set_state(RHYTHM, {**(notebook.get_state(RHYTHM) or {}), "weekly_on": plan.weekly_on})


def answer_field(notebook: Notebook, company: str, field: str, yes: bool) -> None:
    """The answer to "Is N26 a fintech?", kept so it is never asked again (and a yes makes them a helper: asks.py)."""
    fields = dict(notebook.get_state(FIELDS) or {})
    said = [f for f in fields.get(company.lower(), []) if f.lstrip("!") != field]
    fields[company.lower()] = [*said, field if yes else f"!{field}"]
    notebook.set_state(FIELDS, fields)


def engaged(notebook: Notebook, day: date) -> None:
    """The user wrote or tapped something today: mornings before it were not ignored (one write a day at most)."""
    if notebook.get_state(ACTIVE_ON) != day.isoformat():
        notebook.set_state(ACTIVE_ON, day.isoformat())


def settle(notebook: Notebook, day: date, status: str) -> None:
    """What became of a claimed message: sent, blocked (403), or uncertain (timed out: never resent today)."""
    records = mornings(notebook)
    if day.isoformat() in records:
        records[day.isoformat()] = {**records[day.isoformat()], "status": status}
        notebook.set_state(MORNINGS, records)


def release(notebook: Notebook, day: date) -> None:
    """Telegram refused before delivering (flood limit after retries): the day may be tried again."""
    records = mornings(notebook)
    if records.pop(day.isoformat(), None) is not None:
        notebook.set_state(MORNINGS, records)


def acted(notebook: Notebook, key: str) -> None:
    """The user tapped a nudge (done, snooze, draft): the morning that showed it was not ignored, and its backoff
    starts over."""
    rests = notebook.get_state(RESTS) or {}
    if key in rests:
        notebook.set_state(RESTS, {k: v for k, v in rests.items() if k != key})
    records = mornings(notebook)
    for day in sorted(records, reverse=True):
        record = records[day]
        if key in record.get("keys", ()):
            if key not in record.get("acted", ()):
                records[day] = {**record, "acted": [*record.get("acted", ()), key]}
                notebook.set_state(MORNINGS, records)
            return


def asked_about_rhythm(notebook: Notebook, day: date) -> None:
    notebook.set_state(RHYTHM, {**(notebook.get_state(RHYTHM) or {}), "asked_on": day.isoformat()})


def choose_rhythm(notebook: Notebook, choice: str, day: date) -> None:
    """ "fewer" (one step less a morning, never below one), "pause" (a week) or "keep": remembered, so the ignored
    mornings before it stop counting."""
    with notebook.batch():
        notebook.set_state(
            RHYTHM, {**(notebook.get_state(RHYTHM) or {}), "choice": choice, "chosen_on": day.isoformat()}
        )
        if choice == "pause":
            notebook.set_state(PAUSED_UNTIL, (day + timedelta(days=7)).isoformat())
        if choice == "fewer":
            profile = notebook.profile()
            profile.budget = max(1, profile.budget - 1)
            notebook.save_profile(profile)


def snooze_nudge(notebook: Notebook, nudge: Nudge, days: int, today: date, *, only_this: bool = False) -> None:
    """Snooze rests the person, unless the user picked this one item, or it is about nobody (docs/coaching.md,
    "Respecting attention")."""
    key = nudge.key if only_this or not nudge.contact_id else f"person:{nudge.contact_id}"
    snooze(notebook, key, today + timedelta(days=days), today)


def snooze(notebook: Notebook, key: str, until: date, today: date) -> None:
    """Hide a nudge (or with key "person:<id>", everything about a person) until ``until``; expired snoozes are
    dropped on the way."""
    current = {k: v for k, v in snoozes(notebook).items() if v > today.isoformat()}
    current[key] = until.isoformat()
    notebook.set_state(SNOOZES, current)


REVIEWS = "reviews"


def claim_review(notebook: Notebook, day: date) -> bool:
    """Record that ``day``'s weekly review is going out; False if it already did (exactly once, like mornings)."""
    records = dict(notebook.get_state(REVIEWS) or {})
    if day.isoformat() in records:
        return False
    records[day.isoformat()] = CLAIMED
    cutoff = (day - timedelta(days=7 * 8)).isoformat()
    notebook.set_state(REVIEWS, {d: s for d, s in records.items() if d >= cutoff})
    return True


def release_review(notebook: Notebook, day: date) -> None:
    records = dict(notebook.get_state(REVIEWS) or {})
    if records.pop(day.isoformat(), None) is not None:
        notebook.set_state(REVIEWS, records)
