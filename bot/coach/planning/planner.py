"""Today's plan: a few steps, best first, a mix of kinds, one person once, and a coach that does not nag.

``due.all_due`` lists what is due with its score; ``bot.coach.writing.nudges`` says it. This module decides what the
user sees, following docs/coaching.md, "Respecting attention":

- at most ``budget`` steps, one per person, a mix of kinds (a second step of a kind already planned costs
  ``KIND_REPEAT_PENALTY``); what is due on its day (a reminder, a birthday, a promise due today) comes first and
  stands beside that person's other step; telling helpers how a goal turned out comes next and may exceed the
  budget (up to ``LOOPS_PER_MORNING``), because every helper should hear within two days;
- backoff, not loops: an item shown and left untapped on two mornings rests a week; each time it comes back and is
  ignored again, it rests longer (``REST_WEEKS``: one, two, then four weeks), unless it is due that very day;
- nobody is shown on more than ``PERSON_SHOWINGS`` mornings in ``PERSON_DAYS`` days while ignored;
- after three ignored mornings in a row the plan shrinks to one step, and the coach asks once about the rhythm;
  after ``WEEKLY_AFTER`` it says once that it will write weekly, and does, until the user engages again. Typing a
  capture or a note, or any message, counts as engaging (``active_on``), not only a tap;
- snoozes rest a person ("person:<id>") or a single item (its key);
- a long-cold contact comes back at most one a morning and three a week, the goal gap at most once a week;
- nothing due is a quiet day: nothing is sent, unless the user asked for "all quiet" notes. Never a filler touch.

The memory it works from is the last two weeks of morning records (bot/coach/journal/delivery.py): what was shown to
whom and which of it the user tapped; the rests of ignored items (kept longer, with their level); the day the user
last engaged; and the rhythm (when weekly mode began).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple, NotRequired, TypedDict

from bot.coach.planning.due import all_due
from bot.coach.planning.nudges import BUDGET_RANGE
from bot.coach.planning.rules import Due
from bot.coach.planning.summary import Row

Rows = Mapping[str, Row]


KIND_REPEAT_PENALTY = 60.0
LOOPS_PER_MORNING = 3  # helpers told how a goal turned out: on top of the budget, so all hear within two days
REST_AFTER_IGNORED = 2  # mornings an item is shown and ignored before its first rest; once back, one is enough
REST_WEEKS = (1, 2, 4)  # each rest of an ignored item is longer than the last, up to four weeks
PERSON_SHOWINGS = 3  # mornings one person may be shown on in PERSON_DAYS while their steps are ignored
PERSON_DAYS = 14
SHRINK_AFTER = 3  # ignored mornings in a row before the plan shrinks to one step
WEEKLY_AFTER = 5  # ignored mornings in a row (after the plan shrank) before the coach writes weekly instead
WEEK = 7
DEBT_KINDS = frozenset({"thank", "followup", "reminder", "meeting"})  # open items the user owes: a quiet day names them
REDISCOVER_PER_WEEK = 3
Rest = list[Any]  # [ISO day it rests until, how many rests so far]
_DATED = ("remind:", "birthday:", "brief:")  # keys of what the user dated themselves
_PLENTIFUL = ("give:", "warm:", "reconnect:", "rediscover:")  # shares and hellos: one of each a morning


class MorningRecord(TypedDict):
    """One morning's memory, kept by delivery.py."""

    status: str
    keys: list[str]  # the nudges shown
    people: NotRequired[list[list[str]]]  # per nudge, the people it was about
    acted: NotRequired[list[str]]  # the keys the user tapped (done, snooze, draft)


class Rhythm(TypedDict, total=False):
    """The answer to "does this rhythm suit you?" (docs/coaching.md, "Shrink"), and weekly mode."""

    asked_on: str
    choice: str  # "fewer" | "pause" | "keep"
    chosen_on: str
    weekly_on: str  # the day the coach said it would write weekly (until the user engages after it)


class Recent(NamedTuple):
    ignored: dict[str, list[str]]  # key -> the days it was shown and left untapped (the last two weeks)
    ignored_in_a_row: int  # mornings in a row, up to yesterday, with nothing tapped or typed
    week_keys: frozenset[str]  # every key shown in the last week
    rediscovered: int  # long-cold contacts shown in the last week
    people_ignored: dict[str, list[str]]  # contact id -> days shown while nothing about them was tapped
    last_sent: str  # the latest day a morning showed something ("" when none in two weeks)
    last_acted: str  # the latest day a morning's step was tapped
    tapped: dict[str, str]  # key -> the latest day it was tapped


class Picked(NamedTuple):
    """Today's steps, chosen but not yet said (``bot.coach.writing.plans`` words them)."""

    steps: list[Due]
    starter: bool  # an empty notebook: teach the one-line capture
    shrunk: bool  # three ignored mornings: one tiny step
    ask_rhythm: bool  # ask now whether the rhythm suits (only once)
    waiting: int = 0  # open debts left out today (resting, snoozed, past the budget): never "nothing is due"
    send: bool = True  # whether the morning job sends anything today (quiet days and weekly mode send nothing)
    weekly: bool = False  # the user ignores the mornings: the coach writes weekly
    announce_weekly: bool = False  # weekly mode starts today: say so, once
    weekly_on: str = ""  # the day weekly mode started, to remember ("" when it did not start today)
    rests: dict[str, Rest] = {}  # noqa: RUF012 - items that start a rest today, to remember (never mutated)
    returning: frozenset[str] = frozenset()  # keys back after a rest: said as a smaller step


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
    rests: Mapping[str, Rest] | None = None,
    active_on: str = "",
    quiet_notes: bool = False,
    fields: Mapping[str, Sequence[str]] | None = None,
) -> Picked:
    """Today's steps from the digest rows and the coach's memory (see the module docstring)."""
    rhythm = rhythm or {}
    recent = recent_mornings(mornings or {}, today, since=rhythm.get("chosen_on", ""), active_on=active_on)
    if not rows:
        # An empty notebook: teach the one-line capture, once a week at most; otherwise an honest quiet day.
        starter = "starter" not in recent.week_keys
        return Picked([], starter, False, False, send=starter or quiet_notes)
    weekly_on = rhythm.get("weekly_on", "")
    in_weekly = bool(weekly_on) and active_on < weekly_on and recent.last_acted < weekly_on
    entering = not in_weekly and recent.ignored_in_a_row >= WEEKLY_AFTER
    weekly = in_weekly or entering
    shrunk = recent.ignored_in_a_row >= SHRINK_AFTER and not weekly
    budget = 1 if shrunk else max(BUDGET_RANGE[0], min(BUDGET_RANGE[1], budget))
    hidden_keys, hidden_people = _snoozed(snoozed or {}, today)
    resting, started, returning = _rests(recent, rests or {}, today)
    tired = _tired(recent, rows)
    # How many of each plentiful kind (reconnects, shares: one item per person) can matter to _pick: the first one
    # that is neither hidden, resting, nor about someone already planned. Each hidden key or person and each resting
    # key or tired person rules out at most one of them, and the steps planned before the last one involve at most
    # 2 * (budget - 1) people (an intro names two), so one more than all of that always reaches it.
    keep = len(hidden_keys) + len(hidden_people) + len(resting) + len(tired) + 2 * (budget - 1) + 1
    everything = all_due(rows, today, goals=goals, offers=offers, keep=keep, fields=fields)
    allowed = _allowed(everything, recent, hidden_keys, hidden_people | tired, resting)
    # What is pressing (a reminder, a birthday, a promise due today) stands in the plan whatever else is planned for
    # that person, and takes the budget first: nothing the user set is dropped (docs/coaching.md, "Debts first").
    pressing = [due for due in allowed if due.pressing]
    loops = [due for due in allowed if due.kind == "loop" and not due.pressing][:LOOPS_PER_MORNING]
    # A meeting today is briefed: what else is owed them is in the brief, said in person rather than in a note. Someone
    # told how a goal turned out is not also sent a second step the same morning.
    taken = {person for due in pressing if due.key.startswith("brief:") for person in due.people}
    taken.update(person for due in loops for person in due.people)
    others = [
        due for due in allowed if due.kind != "loop" and not due.pressing and not (taken and taken & set(due.people))
    ]
    plan = pressing + loops + _pick(others, max(0, budget - len(pressing) - len(loops)))
    ask_rhythm = shrunk and not rhythm.get("asked_on")
    planned = {due.key for due in plan}
    waiting = sum(1 for due in everything if due.kind in DEBT_KINDS and due.key not in planned)
    week_due = not recent.last_sent or _iso(today.toordinal() - WEEK) >= recent.last_sent
    announce = entering and bool(plan or quiet_notes)  # said with the first weekly message that goes out
    # Weekly mode sends nothing between the weekly mornings but what is due on its day; a quiet day sends nothing.
    between_weeks = weekly and not (announce or week_due or pressing)
    send = not between_weeks and (bool(plan) or quiet_notes)
    return Picked(
        plan,
        False,
        shrunk,
        ask_rhythm,
        waiting,
        send,
        weekly,
        announce,
        today.isoformat() if announce else "",
        {key: rest for key, rest in started.items()},
        frozenset(returning & planned),
    )


def recent_mornings(mornings: Mapping[str, Any], today: date, *, since: str = "", active_on: str = "") -> Recent:
    """What the last two weeks of mornings say: which items and people were shown and ignored, and how many mornings
    in a row went by with nothing tapped or typed. Mornings on or before ``since`` (the day the user last chose a
    rhythm) or ``active_on`` (the last day they wrote anything) do not count as ignored in a row."""
    week_from, iso = _week(today)
    person_from = _iso(today.toordinal() - PERSON_DAYS)
    ignored: dict[str, list[str]] = {}
    people_ignored: dict[str, list[str]] = {}
    keys: set[str] = set()
    rediscovered = 0
    last_sent = last_acted = ""
    tapped_on: dict[str, str] = {}
    for day, record in mornings.items():
        if not (person_from <= day < iso) or not isinstance(record, dict):
            continue
        shown = record.get("keys") or []
        if not shown:
            continue
        last_sent = max(last_sent, day)
        acted = record.get("acted")
        tapped = set(acted) if acted else ()
        if tapped:
            last_acted = max(last_acted, day)
            for key in tapped:
                tapped_on[key] = max(tapped_on.get(key, ""), day)
        this_week = day >= week_from
        if this_week:
            keys.update(shown)
        for key in shown:
            if key not in tapped:
                ignored.setdefault(key, []).append(day)
            if this_week and key.startswith("rediscover:"):
                rediscovered += 1
        people = record.get("people") or ()
        if len(people) == len(shown):
            engaged = {cid for key, who in zip(shown, people, strict=True) if key in tapped for cid in who}
            for key, who in zip(shown, people, strict=True):
                if key.startswith(_DATED):
                    continue  # the user's own reminders and birthdays do not tire anyone
                for cid in who:
                    if cid not in engaged:
                        days = people_ignored.setdefault(cid, [])
                        if not days or days[-1] != day:
                            days.append(day)
    in_a_row = 0
    earlier = today.toordinal() - 1
    while True:
        day = _iso(earlier)
        record = mornings.get(day)
        if not isinstance(record, dict) or record.get("acted") or day <= since or day <= active_on:
            break
        if record.get("keys"):
            in_a_row += 1
        earlier -= 1
    return Recent(ignored, in_a_row, frozenset(keys), rediscovered, people_ignored, last_sent, last_acted, tapped_on)


def _rests(recent: Recent, rests: Mapping[str, Rest], today: date) -> tuple[frozenset[str], dict[str, Rest], set[str]]:
    """(the keys resting today, the rests that start today, the keys back from a rest): an item ignored on
    ``REST_AFTER_IGNORED`` mornings rests ``REST_WEEKS[0]`` weeks; back from a rest, one more ignored morning rests it
    again, each time longer (docs/coaching.md, "Backoff")."""
    iso = today.isoformat()
    resting: set[str] = set()
    started: dict[str, Rest] = {}
    returning: set[str] = set()
    for key, rest in rests.items():
        until, level = _rest_of(rest)
        if until > iso:
            resting.add(key)
        elif level and recent.tapped.get(key, "") < until:
            returning.add(key)
    for key, days in recent.ignored.items():
        if key in resting:
            continue
        until, level = _rest_of(rests.get(key))
        if recent.tapped.get(key, "") >= until:
            level = 0  # tapped since it came back (or never rested): the backoff starts over
        after = [day for day in days if day >= until] if until else days
        if len(after) >= (REST_AFTER_IGNORED if not level else 1):
            weeks = REST_WEEKS[min(level, len(REST_WEEKS) - 1)]
            started[key] = [(today + timedelta(days=WEEK * weeks)).isoformat(), level + 1]
            resting.add(key)
    return frozenset(resting), started, returning - resting


def _rest_of(rest: Any) -> tuple[str, int]:
    """A stored rest as (until, level); anything malformed as no rest at all."""
    if isinstance(rest, list | tuple) and len(rest) == 2 and isinstance(rest[0], str) and isinstance(rest[1], int):
        return rest[0], rest[1]
    return "", 0


def _tired(recent: Recent, rows: Rows) -> set[str]:
    """People shown on ``PERSON_SHOWINGS`` mornings of the last ``PERSON_DAYS`` days with nothing about them tapped,
    and nothing logged with them since (a note or a touch counts): they rest until a morning drops out of the window.
    """
    tired = set()
    for cid, days in recent.people_ignored.items():
        if len(days) >= PERSON_SHOWINGS:
            row = rows.get(cid)
            if row is None or row["last"] < days[-1]:
                tired.add(cid)
    return tired


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


def _allowed(
    everything: list[Due], recent: Recent, hidden_keys: set[str], hidden_people: set[str], resting: frozenset[str]
) -> list[Due]:
    allowed = []
    rediscovered = recent.rediscovered
    week_keys = recent.week_keys
    for due in everything:
        key = due.key
        if key in hidden_keys:
            continue
        if due.pressing:
            allowed.append(due)  # due on its day: rests, snoozed people and tired people do not hold it back
            continue
        if key in resting or (hidden_people and not hidden_people.isdisjoint(due.people)):
            continue
        kind = due.kind
        if kind == "goal" and key.startswith(("gap:", "field:")) and key in week_keys:
            continue  # the gap is said once a week, and so is a question about a company's field
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
            if value <= 0 and item.key.startswith(_PLENTIFUL):
                continue  # a second "pass something on" or "say hello" is filler, not a step (docs/coaching.md)
            if best is None or value > best_value or (value == best_value and item.key < best.key):
                best, best_value = item, value
        if best is None:
            break
        plan.append(best)
        people.update(best.people)
        chosen_of_kind[best.kind] += 1
        position[best.kind] += 1
    return plan
