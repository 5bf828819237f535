"""Today's plan in words: the steps the planner picked (bot/coach/planning/planner.py), each said by
bot/coach/writing/nudges.py."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from bot.coach.planning.due import all_due
from bot.coach.planning.nudges import STARTER_NUDGE, Nudge
from bot.coach.planning.planner import Rest, Rows, pick_morning
from bot.coach.planning.summary import summaries
from bot.coach.writing.nudges import write
from bot.store.view import Network


class MorningPlan(NamedTuple):
    nudges: list[Nudge]
    shrunk: bool  # three ignored mornings: one tiny step
    ask_rhythm: bool  # ask now whether the rhythm suits (only once)
    waiting: int = 0  # open debts left out today: a quiet morning names them rather than say "nothing is due"
    send: bool = True  # the morning job sends it (quiet days and weekly mode send nothing)
    weekly: bool = False  # the user ignores the mornings: the coach writes weekly
    announce_weekly: bool = False  # say once that the coach writes weekly from now on
    weekly_on: str = ""  # weekly mode starts today: the day to remember
    rests: dict[str, Rest] = {}  # noqa: RUF012 - items starting a rest today, to remember (never mutated)


def plan_morning(rows: Rows, today: date, **options: Any) -> MorningPlan:
    """Today's plan from the digest rows and the coach's memory, in words (see ``pick_morning`` for the options)."""
    picked = pick_morning(rows, today, **options)
    if picked.starter:
        return MorningPlan([STARTER_NUDGE], False, False)
    nudges = [write(due, rows, today, returning=due.key in picked.returning) for due in picked.steps]
    return MorningPlan(
        nudges,
        picked.shrunk,
        picked.ask_rhythm,
        picked.waiting,
        picked.send,
        picked.weekly,
        picked.announce_weekly,
        picked.weekly_on,
        picked.rests,
    )


# -- for a network at hand (tests, tools) ---------------------------------------------------------------------


def candidates(network: Network, today: date, **context: Any) -> list[Nudge]:
    """Every nudge due today, best first, before the budget, rest and variety are applied."""
    rows = summaries(network)
    if not rows:
        return [STARTER_NUDGE]
    return [write(due, rows, today) for due in all_due(rows, today, **context)]


def plan_day(network: Network, today: date, **options: Any) -> list[Nudge]:
    """Today's nudges for a network at hand: see ``plan_morning``."""
    return plan_morning(summaries(network), today, **options).nudges
