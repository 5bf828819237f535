"""The weekly review: what the user did for their relationships in the last seven days.

Networking is slow growth (principle 7), so the review counts small acts - gives, thank-yous, follow-ups, ties
brought back from cold - and a streak of active weeks, never the size of the contact list (principle 1).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.coach.models import CIRCLE_CADENCE_DAYS, DEFAULT_CIRCLE
from bot.coach.network import Network

# What keeps a streak alive: an act toward someone. Meeting people or jotting notes alone does not.
STREAK_KINDS = frozenset({"gave", "thanked", "followed_up", "kept", "touch"})


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


def week_review(network: Network, today: date) -> WeekReview:
    start = today - timedelta(days=6)
    first_day, last_day = start.isoformat(), today.isoformat()

    gives = thanks = followups = given_total = received_total = 0
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
            thanks += kind == "thanked"
            followups += kind in ("followed_up", "kept")
        if kind in STREAK_KINDS:
            active_weeks.add((today - day).days // 7)
    streak = 0
    while streak in active_weeks:
        streak += 1

    reconnected: list[str] = []
    met = 0
    for contact in network.contacts:
        met_on = contact.met_on or contact.created_at[:10]
        if first_day <= met_on[:10] <= last_day:
            met += 1
            continue  # a new person is a start, not a reconnection
        timeline = network.timeline(contact.id)
        this_week = next((i for i in timeline if first_day <= i.on <= last_day), None)
        if this_week is None:
            continue
        before = [i.on for i in timeline if i.on and i.on < first_day]
        previous = _day(before[-1] if before else contact.met_on)
        touched = _day(this_week.on)
        cadence = CIRCLE_CADENCE_DAYS.get(contact.circle, CIRCLE_CADENCE_DAYS[DEFAULT_CIRCLE])
        if previous and touched and (touched - previous).days > cadence:
            reconnected.append(contact.name)

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
    )


def _day(iso_day: str) -> date | None:
    try:
        return date.fromisoformat(iso_day[:10]) if iso_day else None
    except ValueError:
        return None
