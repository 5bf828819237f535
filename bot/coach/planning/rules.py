"""How much each kind of step matters, and when: the weights, days and thresholds that encode docs/coaching.md's
order (debts first, then asks and the gives that build toward them, then intros and offers, then keeping in touch),
and the shapes of a morning's candidates. The one place a score or a threshold is written; due.py applies them."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any, NamedTuple, TypeVar, cast

from bot.coach.planning.asks import AskFit
from bot.coach.planning.give import IntroIdea, OfferIdea
from bot.coach.planning.goals import Focus
from bot.coach.planning.strength import NEW_TIE_DAYS
from bot.coach.planning.summary import OpenItem, Row
from bot.store.records import CIRCLE_CADENCE_DAYS

T = TypeVar("T")

# -- how much each kind matters (docs/coaching.md, "Debts first") -----------------------------------------------
BRIEF = 110.0  # a meeting today: the brief comes first, whatever else is planned
THANKS_OWED = 100.0  # + up to 9 as it ages: a late thank-you is still better than none
DEBRIEF = 90.0  # "how did it go?" the day after a meeting, while it is fresh
REMINDER = 95.0  # on its day
REMINDER_LATE = 84.0  # still open after its day
BIRTHDAY = 92.0
LOOP = 88.0  # tell a helper how the goal turned out
PROMISE_OPEN = 80.0  # + up to 15, most overdue first
PROMISE_DUE_SOON = 10.0  # added when a dated promise is within its window
NICE_TO_MEET = 70.0  # + 1 a day: day two is the last good day
ASK_FOLLOW_UP = 66.0  # an ask unanswered for a week: one gentle follow-up
THEIRS = 64.0  # their promise to the user, come due and not kept: one friendly check-in
ASK = 60.0  # an ask toward a goal, the tie strong enough
WARM_UP = 54.0  # a give that builds toward an ask
RECONNECT_BASE = {"inner": 50.0, "close": 34.0, "wider": 12.0}  # + up to 14 for overdueness and strength
OFFER = 44.0  # the user can meet a need themselves
INTRO = 40.0  # an intro that answers a need
WIN = 36.0
SHARE = 28.0
GAP = 20.0  # nobody known can help with a goal yet
FIELD_QUESTION = 21.0  # "Is N26 a fintech?": one question, so the gap is not said while it may be wrong
FIELD_BEFORE_ASK = 66.0  # the same question about a peer who could be asked: a yes makes it the hiring manager
REDISCOVER = 8.0  # a long-cold contact of the wider circle
CIRCLE_BONUS = {"inner": 4.0, "close": 2.0, "wider": 0.0}

MEET_FOLLOWUP_DAYS = (1, 2)  # a nice-to-meet-you note lands best a day or two after meeting
SHARE_QUIET_DAYS = 7  # don't pass things on to someone you were in touch with this week
WIN_QUIET_DAYS = 3
PROMISE_LEAD_DAYS = 2  # a dated promise surfaces this many days before it is due
DEBRIEF_DAYS = 7  # a meeting nobody said anything about is asked about for a week, then let go
ASK_COOLDOWN_DAYS = 30  # no ask to someone this soon after they helped (they get a thank-you, not another ask)
COLD_DAYS = 365  # a wider-circle contact untouched this long is "long cold"
HELPERS_PER_GOAL = 2
FIT_WEIGHT = 0.3  # how well placed someone is to help a goal (asks.AskFit.fit), beside tie strength (0..1)
GAVE_WEIGHT = 0.05  # per give already made to them, up to three: asks go first to people the user gave to


class Due(NamedTuple):
    """A candidate before its words are written. Sorting a list of them puts the best first."""

    rank: float  # the score, negated
    key: str  # unique; also the tie-break
    kind: str  # a Nudge kind
    people: tuple[str, ...]
    detail: Any  # what the wording needs: the row, a Debt, a Helper, an IntroIdea, ...
    pressing: bool = False  # a debt due today: comes back even when its person is resting

    @property
    def score(self) -> float:
        return -self.rank


class Ranked(NamedTuple):
    """One of the plentiful kinds (reconnects, shares), before it is known to matter."""

    rank: float
    contact_id: str
    row: Row


class Debt(NamedTuple):
    row: Row  # or, found through the planning index, the row's position there (wording.write reads it)
    item: OpenItem


class Helper(NamedTuple):
    """Someone who can help with a goal, and what the goal asks of them."""

    row: Row
    goal_id: str
    goal_text: str
    focus: Focus
    ready: bool  # the tie clears the bar for the goal's ask
    ask: AskFit  # what to ask them for (planning/asks.py)


class Lead(NamedTuple):
    """A contact needs someone for the very role the user's goal is after: a job lead."""

    row: Row
    goal_id: str
    goal_text: str
    need: str
    ready: bool  # not a brand-new tie: the user may say they're interested


class Gap(NamedTuple):
    goal_id: str
    goal_text: str
    missing: str  # "works at a fintech"


class FieldQuestion(NamedTuple):
    """Whether a contact's company is in a goal's field: asked once ("Is N26 a fintech?"), remembered after."""

    row: Row
    goal_id: str
    goal_text: str
    field: str  # "fintech"
    company: str  # as on the card: "N26"


class Brief(NamedTuple):
    """A meeting today, and what the user may want to know before it (docs/coaching.md, "The meeting loop")."""

    row: Row
    item: OpenItem
    helper: Helper | None  # what they could be asked toward a goal, and whether the tie is ready for it
    need: IntroIdea | OfferIdea | None  # a need of theirs the user can meet, or an intro that would


class LoopDue(NamedTuple):
    row: Row
    goal_id: str
    goal_text: str
    news: str  # outcome key, see goals.OUTCOME_NEWS
    good: bool
    part: bool = False  # they took part in the outcome itself (the note was about them): thanked, not told


def tuple_maker(cls: type[T]) -> Callable[[Iterable[Any]], T]:
    """``cls(*fields)`` for a NamedTuple, without the Python-level ``__new__`` that calling the class runs: planning
    builds dozens of these per user every morning, and those calls were a noticeable share of its time
    (bench/bench_planning.py). Every field is given, defaults included."""
    return cast(Callable[[Iterable[Any]], T], functools.partial(tuple.__new__, cls))


new_due = tuple_maker(Due)
new_debt = tuple_maker(Debt)


class Rules(NamedTuple):
    """A circle's rhythm: touched before ``overdue_before`` means overdue."""

    overdue_before: str
    cadence: int
    base: float
    give_bonus: float


class Days(NamedTuple):
    """The ISO days the rules compare with, worked out once per date."""

    today: str
    month_day: str  # "MM-DD", for birthdays
    meet_from: str
    win_to: str
    share_to: str
    new_tie_from: str
    cold_before: str
    lead_to: str  # dated promises due on or before this day are in their window
    cool_from: str  # help received on or after this day: too soon to ask them again
    rules: dict[str, Rules]
    capped: dict[str, str]  # per circle: touched on or before this day is as late as a reconnect gets (3 cadences)


class GoalView(NamedTuple):
    goal_id: str
    text: str
    focus: Focus
    words: frozenset[str]  # key words a helper's row ("can") must share


@functools.lru_cache(maxsize=8)  # a morning plans thousands of users on the same one or two local days
def days_that_matter(today: date) -> Days:
    def day(n: int) -> str:
        return (today - timedelta(days=n)).isoformat()

    rules = {
        circle: Rules(day(cadence), cadence, RECONNECT_BASE[circle], CIRCLE_BONUS[circle])
        for circle, cadence in CIRCLE_CADENCE_DAYS.items()
    }
    return Days(
        today=today.isoformat(),
        month_day=today.strftime("%m-%d"),
        meet_from=day(MEET_FOLLOWUP_DAYS[1]),
        win_to=day(WIN_QUIET_DAYS),
        share_to=day(SHARE_QUIET_DAYS),
        new_tie_from=day(NEW_TIE_DAYS - 1),
        cold_before=day(COLD_DAYS),
        lead_to=day(-PROMISE_LEAD_DAYS),
        cool_from=day(ASK_COOLDOWN_DAYS),
        rules=rules,
        capped={circle: day(3 * cadence) for circle, cadence in CIRCLE_CADENCE_DAYS.items()},
    )
