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

from bot.coach.notebook import Notebook
from bot.coach.nudges import Nudge, plan_from_summaries

MORNINGS = "mornings"
SNOOZES = "snoozes"
KEEP_DAYS = 14  # how many days of delivery records to keep (yesterday's is what matters)

CLAIMED, SENT, BLOCKED, UNCERTAIN = "claimed", "sent", "blocked", "uncertain"


def mornings(notebook: Notebook) -> dict[str, Any]:
    return dict(notebook.get_state(MORNINGS) or {})


def already_delivered(notebook: Notebook, day: date) -> bool:
    return day.isoformat() in mornings(notebook)


def snoozes(notebook: Notebook) -> dict[str, str]:
    return dict(notebook.get_state(SNOOZES) or {})


def plan_for(notebook: Notebook, today: date) -> list[Nudge]:
    """Today's plan for an open notebook (see ``plan``)."""
    return plan(notebook.summaries(), notebook.state_values(), today)


def plan(rows: Mapping[str, dict[str, Any]], state: Mapping[str, Any], today: date) -> list[Nudge]:
    """Today's plan from the digest rows (one summary per contact: no records are loaded) and the state values:
    the user's budget, their snoozes, and yesterday's suggestions (not repeated unless still the top one)."""
    yesterday = (state.get(MORNINGS) or {}).get((today - timedelta(days=1)).isoformat(), {})
    return plan_from_summaries(
        rows,
        today,
        budget=int((state.get("profile") or {}).get("budget", 3)),
        snoozed=state.get(SNOOZES) or {},
        yesterday=list(yesterday.get("keys", [])),
    )


def claim(notebook: Notebook, day: date, plan: Sequence[Nudge]) -> bool:
    """Record that ``day``'s message is going out. False if it already went (or is going) out."""
    records = mornings(notebook)
    if day.isoformat() in records:
        return False
    records[day.isoformat()] = {"status": CLAIMED, "keys": [n.key for n in plan]}
    cutoff = (day - timedelta(days=KEEP_DAYS)).isoformat()
    notebook.set_state(MORNINGS, {d: r for d, r in records.items() if d >= cutoff})
    return True


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


def snooze(notebook: Notebook, key: str, until: date, today: date) -> None:
    """Hide a nudge until ``until``; expired snoozes are dropped on the way."""
    current = {k: v for k, v in snoozes(notebook).items() if v > today.isoformat()}
    current[key] = until.isoformat()
    notebook.set_state(SNOOZES, current)
