"""The weekly review: what the user did for their relationships in the last seven days.

Networking is slow growth (principle 7), so the review counts small acts - gives, thank-yous, follow-ups, ties
brought back from cold, help received - a streak of active weeks, progress on goals, and names a few people worth
a thought; never the size of the contact list (principle 1). See docs/coaching.md, "The weekly review".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

from bot.coach.planning.goals import open_goals
from bot.coach.planning.strength import tie_strength
from bot.store.records import CIRCLE_CADENCE_DAYS, DEFAULT_CIRCLE
from bot.store.view import Network

# What keeps a streak alive: an act toward someone. Meeting people or jotting notes alone does not.
STREAK_KINDS = frozenset({"gave", "thanked", "followed_up", "kept", "touch", "asked"})
QUIET_AFTER_DAYS = 21  # a warm or strong tie untouched this long is worth a thought
PEOPLE_WORTH_A_THOUGHT = 3


class GoalWeek(NamedTuple):
    text: str
    updates: int  # outcomes reported this week
    reached: bool  # reached this week


@dataclass
class WeekReview:
    start: date  # the seven days ending today
    end: date
    gives: int  # logged "gave" this week
    thanks: int  # logged "thanked"
    followups: int  # logged "followed_up" or "kept"
    reconnected: list[str]  # names of people touched this week after going past their circle's rhythm
    met: int  # new people met this week
    given_total: int  # the all-time give/get ledger
    received_total: int
    streak_weeks: int  # consecutive weeks, ending with this one, with at least one act toward someone
    open_promises: int  # promises and thank-yous still open
    gets: int = 0  # help received this week
    goals: list[GoalWeek] = field(default_factory=list)  # open goals, and those reached this week
    worth_a_thought: list[str] = field(default_factory=list)  # first names: strong or warm ties going quiet


def week_review(network: Network, today: date, goals: Sequence[Mapping[str, Any]] = ()) -> WeekReview:
    start = today - timedelta(days=6)
    first_day, last_day = start.isoformat(), today.isoformat()

    gives = gets = thanks = followups = given_total = received_total = 0
    active_weeks: set[int] = set()  # 0 = this week, 1 = the seven days before, ...
    for item in network.interactions:
        kind = item.kind
        if kind == "gave":
            given_total += 1
        elif kind == "got":
            received_total += 1
        day = _day(item.on)
        if day is None or day > today:
            continue
        if day >= start:
            gives += kind == "gave"
            gets += kind == "got"
            thanks += kind == "thanked"
            followups += kind in ("followed_up", "kept")
        if kind in STREAK_KINDS:
            active_weeks.add((today - day).days // 7)
    streak = 0
    while streak in active_weeks:
        streak += 1

    reconnected: list[str] = []
    quiet: list[tuple[float, str]] = []
    met = 0
    for contact in network.contacts:
        if contact.mentioned_on:  # named in a line, never met: no start, no tie going quiet
            continue
        met_on = contact.met_on or contact.created_at[:10]
        timeline = network.timeline(contact.id)
        if first_day <= met_on[:10] <= last_day:
            met += 1
            continue  # a new person is a start, not a reconnection
        last = _day(timeline[-1].on) if timeline else _day(contact.met_on)
        if last is not None and (today - last).days >= QUIET_AFTER_DAYS:
            strength = tie_strength(contact, timeline, today)
            if strength.label != "fading":
                quiet.append((-strength.score, contact.first_name))
        this_week = next((i for i in timeline if first_day <= i.on <= last_day), None)
        if this_week is None:
            continue
        before = [i.on for i in timeline if i.on and i.on < first_day]
        previous = _day(before[-1] if before else contact.met_on)
        touched = _day(this_week.on)
        cadence = CIRCLE_CADENCE_DAYS.get(contact.circle, CIRCLE_CADENCE_DAYS[DEFAULT_CIRCLE])
        if previous and touched and (touched - previous).days > cadence:
            reconnected.append(contact.name)

    goal_weeks = [
        GoalWeek(
            goal["text"],
            sum(1 for p in goal.get("progress", ()) if first_day <= p.get("on", "") <= last_day),
            goal.get("outcome") == "reached" and first_day <= goal.get("done_on", "") <= last_day,
        )
        for goal in goals
        if goal in open_goals(goals) or (goal.get("done_on", "") >= first_day and goal.get("outcome") == "reached")
    ]

    return WeekReview(
        start=start,
        end=today,
        gives=gives,
        thanks=thanks,
        followups=followups,
        reconnected=reconnected,
        met=met,
        given_total=given_total,
        received_total=received_total,
        streak_weeks=streak,
        open_promises=sum(1 for p in network.promises if p.is_open),
        gets=gets,
        goals=goal_weeks,
        worth_a_thought=[name for _, name in sorted(quiet)[:PEOPLE_WORTH_A_THOUGHT]],
    )


def _day(iso_day: str) -> date | None:
    try:
        return date.fromisoformat(iso_day[:10]) if iso_day else None
    except ValueError:
        return None
