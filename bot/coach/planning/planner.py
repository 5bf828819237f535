"""Today's plan: a few steps, best first, a mix of kinds, one person once, and a coach that does not nag.

``due.all_due`` lists what is due with its score; ``wording.write`` says it. This module decides what the user
sees, following docs/coaching.md, "Respecting attention":

- at most ``budget`` steps, one per person, a mix of kinds (a second step of a kind already planned costs
  ``KIND_REPEAT_PENALTY``); telling helpers how a goal turned out comes first and may exceed the budget (up to
  ``LOOPS_PER_MORNING``), because every helper should hear within two days;
- an item shown and left untapped on two mornings of the last week rests, unless it is a debt due that very day;
- after three ignored mornings in a row the plan shrinks to one step, and the coach asks once about the rhythm;
- snoozes rest a person ("person:<id>") or a single item (its key);
- a long-cold contact comes back at most one a morning and three a week, the goal gap at most once a week;
- nothing due is an honest quiet day, never a filler touch.

The memory it works from is the last two weeks of morning records (bot/coach/journal/delivery.py): what was shown to
whom and which of it the user tapped.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple, NotRequired, TypedDict

from bot.coach.planning.due import Due, all_due
from bot.coach.planning.nudges import BUDGET_RANGE
from bot.coach.planning.summary import Row

Rows = Mapping[str, Row]


KIND_REPEAT_PENALTY = 60.0
LOOPS_PER_MORNING = 3  # helpers told how a goal turned out: on top of the budget, so all hear within two days
REST_AFTER_IGNORED = 2  # mornings a person was shown and ignored (in the last week) before they rest
SHRINK_AFTER = 3  # ignored mornings in a row before the plan shrinks to one step
WEEK = 7
DEBT_KINDS = frozenset({"thank", "followup", "reminder"})  # open items the user owes: a quiet day names them
REDISCOVER_PER_WEEK = 3


class MorningRecord(TypedDict):
    """One morning's memory, kept by delivery.py."""

    status: str
    keys: list[str]  # the nudges shown
    people: NotRequired[list[list[str]]]  # per nudge, the people it was about
    acted: NotRequired[list[str]]  # the keys the user tapped (done, snooze, draft)


class Rhythm(TypedDict, total=False):
    """The answer to "does this rhythm suit you?" (docs/coaching.md, "Shrink")."""

    asked_on: str
    choice: str  # "fewer" | "pause" | "keep"
    chosen_on: str


class Recent(NamedTuple):
    resting: frozenset[str]  # keys shown and left untapped on REST_AFTER_IGNORED mornings of the last week
    ignored_in_a_row: int  # mornings in a row, up to yesterday, with nothing tapped
    week_keys: frozenset[str]  # every key shown in the last week
    rediscovered: int  # long-cold contacts shown in the last week


class Picked(NamedTuple):
    """Today's steps, chosen but not yet said (``bot.coach.writing.plans`` words them)."""

    steps: list[Due]
    starter: bool  # an empty notebook: teach the one-line capture
    shrunk: bool  # three ignored mornings: one tiny step
    ask_rhythm: bool  # ask now whether the rhythm suits (only once)
    waiting: int = 0  # open debts left out today (resting, snoozed, past the budget): never "nothing is due"


def pick_morning(
    rows: Rows,
    today: date,
    *,
    budget: int = 3,
    snoozed: Mapping[str, str] | None = None,
    mornings: Mapping[str, Any] | None = None,
    goals: Sequence[Mapping[str, Any]] = (),
    offers: Sequence[str] = (),
    rhythm: Rhythm | None = None,
) -> Picked:
    """Today's steps from the digest rows and the coach's memory (see the module docstring)."""
    recent = recent_mornings(mornings or {}, today, since=(rhythm or {}).get("chosen_on", ""))
    if not rows:
        # An empty notebook: teach the one-line capture, once a week at most; otherwise an honest quiet day.
        return Picked([], "starter" not in recent.week_keys, False, False)
    shrunk = recent.ignored_in_a_row >= SHRINK_AFTER
    budget = 1 if shrunk else max(BUDGET_RANGE[0], min(BUDGET_RANGE[1], budget))
    hidden_keys, hidden_people = _snoozed(snoozed or {}, today)
    # How many of each plentiful kind (reconnects, shares: one item per person) can matter to _pick: the first one
    # that is neither hidden, resting, nor about someone already planned. Each hidden key or person and each resting
    # key rules out at most one of them, and the steps planned before the last one involve at most 2 * (budget - 1)
    # people (an intro names two), so one more than all of that always reaches it.
    keep = len(hidden_keys) + len(hidden_people) + len(recent.resting) + 2 * (budget - 1) + 1
    everything = all_due(rows, today, goals=goals, offers=offers, keep=keep)
    allowed = _allowed(everything, recent, hidden_keys, hidden_people)
    # What is pressing (a reminder, a birthday, a promise due today) stands in the plan whatever else is planned for
    # that person, and even past the budget: nothing the user set is dropped (docs/coaching.md, "Debts first").
    pressing = [due for due in allowed if due.pressing]
    loops = [due for due in allowed if due.kind == "loop" and not due.pressing][:LOOPS_PER_MORNING]
    others = [due for due in allowed if due.kind != "loop" and not due.pressing]
    plan = pressing + loops + _pick(others, max(0, budget - len(pressing) - len(loops)))
    ask_rhythm = shrunk and not (rhythm or {}).get("asked_on")
    planned = {due.key for due in plan}
    waiting = sum(1 for due in everything if due.kind in DEBT_KINDS and due.key not in planned)
    return Picked(plan, False, shrunk, ask_rhythm, waiting)


def recent_mornings(mornings: Mapping[str, Any], today: date, *, since: str = "") -> Recent:
    """What the last week of mornings says: which items were shown and ignored, and how many mornings in a row went
    by without a tap. Mornings on or before ``since`` (the day the user last chose a rhythm) do not count toward
    shrinking."""
    week_from, iso = _week(today)
    ignored: dict[str, int] = {}
    keys: set[str] = set()
    rediscovered = 0
    for day, record in mornings.items():
        if not (week_from <= day < iso) or not isinstance(record, dict):
            continue
        shown = record.get("keys") or []
        keys.update(shown)
        acted = record.get("acted")
        tapped = set(acted) if acted else ()
        for key in shown:
            if key not in tapped:
                ignored[key] = ignored.get(key, 0) + 1
            if key.startswith("rediscover:"):
                rediscovered += 1
    in_a_row = 0
    earlier = today.toordinal() - 1
    while True:
        day = _iso(earlier)
        record = mornings.get(day)
        if not isinstance(record, dict) or record.get("acted") or day <= since:
            break
        if record.get("keys"):
            in_a_row += 1
        earlier -= 1
    resting = frozenset(key for key, n in ignored.items() if n >= REST_AFTER_IGNORED)
    return Recent(resting, in_a_row, frozenset(keys), rediscovered)


@functools.lru_cache(maxsize=8)  # the same day or two, for every user planned this morning
def _week(today: date) -> tuple[str, str]:
    """A week ago and today, as ISO days."""
    return (today - timedelta(days=WEEK)).isoformat(), today.isoformat()


@functools.lru_cache(maxsize=64)  # the same few days, for every user planned this morning
def _iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def _snoozed(snoozed: Mapping[str, str], today: date) -> tuple[set[str], set[str]]:
    keys: set[str] = set()
    people: set[str] = set()
    iso = today.isoformat()
    for key, until in snoozed.items():
        try:
            if date.fromisoformat(until[:10]).isoformat() <= iso:
                continue  # over
        except (TypeError, ValueError):
            continue  # garbled: a bad snooze must not hide a nudge forever
        if key.startswith("person:"):
            people.add(key[7:])
        else:
            keys.add(key)
    return keys, people


def _allowed(everything: list[Due], recent: Recent, hidden_keys: set[str], hidden_people: set[str]) -> list[Due]:
    allowed = []
    rediscovered = recent.rediscovered
    resting, week_keys = recent.resting, recent.week_keys
    for due in everything:
        key = due.key
        if key in hidden_keys:
            continue
        if hidden_people and not due.pressing and not hidden_people.isdisjoint(due.people):
            continue  # a snoozed person rests, but what is due on its day (a reminder, a birthday) still comes
        if key in resting and not due.pressing:
            continue
        kind = due.kind
        if kind == "goal" and key.startswith("gap:") and key in week_keys:
            continue  # the gap is said once a week
        if kind == "reconnect" and key.startswith("rediscover:"):
            if rediscovered >= REDISCOVER_PER_WEEK or key in week_keys:
                continue
            rediscovered = REDISCOVER_PER_WEEK  # one a morning
        allowed.append(due)
    return allowed


def _pick(due: Sequence[Due], budget: int) -> list[Due]:
    """Greedy by score, with a penalty for repeating a kind and never the same person twice."""
    by_kind: dict[str, list[Due]] = {}
    for item in due:  # already best first
        found = by_kind.get(item.kind)
        if found is None:
            by_kind[item.kind] = [item]
        else:
            found.append(item)
    position = dict.fromkeys(by_kind, 0)
    chosen_of_kind = dict.fromkeys(by_kind, 0)
    people: set[str] = set()
    plan: list[Due] = []
    while len(plan) < budget:
        best: Due | None = None
        best_value = 0.0
        for kind, items in by_kind.items():
            i = position[kind]
            while i < len(items) and not people.isdisjoint(items[i].people):
                i += 1
            position[kind] = i
            if i == len(items):
                continue
            item = items[i]
            value = -item.rank - KIND_REPEAT_PENALTY * chosen_of_kind[kind]  # the score, less the repeat penalty
            if best is None or value > best_value or (value == best_value and item.key < best.key):
                best, best_value = item, value
        if best is None:
            break
        plan.append(best)
        people.update(best.people)
        chosen_of_kind[best.kind] += 1
        position[best.kind] += 1
    return plan
