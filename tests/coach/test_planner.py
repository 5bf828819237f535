"""The planner's rules for attention and goals (docs/coaching.md), table-driven over small networks."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from bot.coach.planning.summary import summaries
from bot.coach.writing.plans import plan_day, plan_morning
from bot.store.records import Contact, Interaction, Promise
from bot.store.view import Network

TODAY = date(2026, 3, 10)  # a Tuesday
_ids = itertools.count()


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def person(cid: str, name: str, *, met: int = 200, **fields) -> Contact:
    return Contact(id=cid, name=name, met_on=ago(met), **fields)


def log(cid: str, kind: str, days: int) -> Interaction:
    return Interaction(id=f"i{next(_ids)}", contact_id=cid, kind=kind, on=ago(days))


def keys(network: Network, today: date = TODAY, **options) -> list[str]:
    return [n.key for n in plan_day(network, today, **options)]


def goal(text: str, **more) -> dict:
    return {"id": "g1", "text": text, "by": "", "done_on": "", "set_on": ago(60), **more}


# -- dated promises, reminders, birthdays -----------------------------------------------------------------------

DATED = Network(
    [person("m", "Max Kim")],
    [log("m", "touch", 1)],
    [Promise(id="p1", contact_id="m", text="send him the deck", made_on=ago(40), due_on=ago(-5))],
)


@pytest.mark.parametrize(("days_before_due", "shown"), [(30, False), (5, False), (3, False), (2, True), (1, True),
                                                        (0, True), (-3, True)])  # fmt: skip
def test_a_dated_promise_surfaces_two_days_before_it_is_due_not_from_day_one(days_before_due, shown):
    today = TODAY + timedelta(days=5 - days_before_due)
    assert keys(DATED, today) == (["followup:p1"] if shown else [])


def test_a_dated_promise_says_when_it_is_due():
    [nudge] = plan_day(DATED, TODAY + timedelta(days=4))
    assert nudge.reason == "Due tomorrow: you promised Max the deck."


REMINDER = Network(
    [person("r", "Ray Ode")],
    [log("r", "touch", 1)],
    [Promise(id="r1", contact_id="r", text="ask about the lease", kind="reminder", made_on=ago(9), due_on=ago(0))],
)


@pytest.mark.parametrize(("offset", "shown"), [(-1, False), (0, True), (1, True)])
def test_a_reminder_comes_on_the_morning_of_its_day_and_stays_while_open(offset, shown):
    assert keys(REMINDER, TODAY + timedelta(days=offset)) == (["remind:r1"] if shown else [])


def test_a_reminder_says_what_the_user_asked_to_be_reminded_of():
    [nudge] = plan_day(REMINDER, TODAY)
    assert (nudge.reason, nudge.action) == ("A reminder for today, about Ray:", "Ask about the lease.")


def test_a_birthday_comes_on_the_day():
    network = Network([person("b", "Bea Ng", birthday=TODAY.strftime("%m-%d"))], [log("b", "touch", 1)])
    [nudge] = plan_day(network, TODAY)
    assert (nudge.kind, nudge.reason, nudge.draft_kind) == ("birthday", "It's Bea's birthday today.", "birthday")
    assert plan_day(network, TODAY + timedelta(days=1)) == []


# -- long-cold contacts -------------------------------------------------------------------------------------------


def test_long_cold_contacts_come_back_one_a_morning_three_a_week():
    cold = Network(
        [person(f"c{n}", f"Cold{n} Person", circle="wider", met=900) for n in range(10)],
        [log(f"c{n}", "touch", 800) for n in range(10)],
    )
    mornings: dict = {}
    shown = []
    for day in range(7):
        today = TODAY + timedelta(days=day)
        plan = plan_morning(summaries(cold), today, mornings=mornings).nudges
        assert len(plan) <= 1
        shown += [n.key for n in plan]
        mornings[today.isoformat()] = {"status": "sent", "keys": [n.key for n in plan], "acted": ["x"]}
    assert len(shown) == 3 and all(key.startswith("rediscover:") for key in shown)


# -- attention ----------------------------------------------------------------------------------------------------

BUSY = Network(
    [person(c, f"{c.upper()} Person", circle="inner", interests=["jazz"]) for c in "abcdef"],
    [log(c, "touch", 20 + n) for n, c in enumerate("abcdef")],
    [Promise(id="due", contact_id="a", text="the deck", made_on=ago(20), due_on=ago(0))],
)


def _mornings(*days: tuple[int, list[str], bool]) -> dict:
    return {
        ago(n): {"status": "sent", "keys": shown, "people": [[k.split(":")[-1]] for k in shown],
                 **({"acted": shown[:1]} if acted else {})}
        for n, shown, acted in days
    }  # fmt: skip


def people(network: Network, **options) -> set[str]:
    return {p for n in plan_day(network, TODAY, **options) for p in n.people}


def test_an_item_shown_on_two_ignored_mornings_rests():
    [_, _, item] = keys(BUSY)
    mornings = _mornings((1, [item], False), (2, [item], False))
    assert item not in keys(BUSY, mornings=mornings)
    assert item in keys(BUSY, mornings=_mornings((1, [item], False), (15, [item], False)))  # two weeks apart


def test_a_debt_due_today_comes_back_even_when_ignored():
    mornings = _mornings((1, ["followup:due"], False), (2, ["followup:due"], False))
    mornings[ago(1)]["people"] = mornings[ago(2)]["people"] = [["a"]]
    assert keys(BUSY, mornings=mornings)[0] == "followup:due"


def test_a_tapped_item_is_not_ignored():
    [_, _, item] = keys(BUSY)
    assert item in keys(BUSY, mornings=_mornings((1, [item], True), (2, [item], True)))


@pytest.mark.parametrize(("ignored", "shrunk"), [(2, False), (3, True), (4, True)])
def test_the_plan_shrinks_to_one_step_after_three_ignored_mornings(ignored, shrunk):
    mornings = _mornings(*((n, [f"reconnect:x{n}"], False) for n in range(1, ignored + 1)))
    plan = plan_morning(summaries(BUSY), TODAY, mornings=mornings)
    assert (plan.shrunk, len(plan.nudges) == 1, plan.ask_rhythm) == (shrunk, shrunk, shrunk)


def test_the_rhythm_question_is_asked_once_and_an_answer_resets_the_count():
    mornings = _mornings(*((n, [f"reconnect:x{n}"], False) for n in range(1, 5)))
    asked = plan_morning(summaries(BUSY), TODAY, mornings=mornings, rhythm={"asked_on": ago(1)})
    assert asked.shrunk and not asked.ask_rhythm
    kept = plan_morning(summaries(BUSY), TODAY, mornings=mornings, rhythm={"choice": "keep", "chosen_on": ago(1)})
    assert not kept.shrunk and len(kept.nudges) == 3


# -- goals ----------------------------------------------------------------------------------------------------------


def _carla(touches: int, *, met: int = 200, gave: bool = True, **fields) -> Network:
    interactions = [log("c", "touch", n + 1) for n in range(touches)] + ([log("c", "gave", 2)] if gave else [])
    carla = person("c", "Carla Diaz", met=met, company="Stripe", role="Designer", tags=["fintech"],
                   interests=["design systems"], **fields)  # fmt: skip
    return Network([carla], interactions)


@pytest.mark.parametrize(
    ("network", "expected"),
    [
        (_carla(9), "ask:g1:c"),  # a strong tie: the ask is ready
        (_carla(0, gave=False), "warm:c"),  # not yet: give first
        (_carla(9, met=3, gave=False), "warm:c"),  # met three days ago, nothing given: never an ask
    ],
    ids=["strong tie", "weak tie", "brand new"],
)
def test_an_ask_toward_the_goal_waits_for_a_strong_enough_tie(network, expected):
    [nudge] = plan_day(network, TODAY, goals=[goal("land a PM role at a fintech by March")])
    assert nudge.key == expected
    if expected.startswith("ask"):  # tagged fintech: someone in the goal's field, asked for the team
        assert nudge.reason.startswith("Carla works at Stripe, a fintech, and your tie is strong enough to ask.")
        assert nudge.action == "Ask Carla for an introduction to the hiring manager for PM roles at Stripe."
        assert nudge.draft_kind == "ask" and nudge.slots["ask"] == "intro"
    else:
        assert (
            nudge.action
            == "Before asking Carla for an introduction to the team, send Carla something about design systems."
        )


def test_the_gap_is_named_when_nobody_known_can_help_once_a_week():
    network = Network([person("a", "Ann Bell")], [log("a", "touch", 1)])
    goals = [goal("land a PM role at a fintech")]
    [nudge] = plan_day(network, TODAY, goals=goals)
    assert nudge.reason == (
        "For your goal to land a PM role at a fintech: "
        "nobody you know works at a fintech yet - who could introduce you?"
    )
    shown = _mornings((3, ["gap:g1"], True))
    assert plan_day(network, TODAY, goals=goals, mornings=shown) == []


def test_helpers_hear_how_the_goal_turned_out_from_the_day_after():
    network = Network([person("a", "Ann Bell"), person("b", "Bob Hart")], [log("a", "got", 5), log("b", "asked", 4)])
    reached = goal("raise a seed round", done_on=ago(1), outcome="reached", outcome_on=ago(1), loops=["a", "b"],
                   progress=[{"on": ago(1), "what": "round", "good": True}])  # fmt: skip
    assert keys(network, TODAY - timedelta(days=1), goals=[reached]) == []  # the same day: not yet
    plan = plan_day(network, TODAY, goals=[reached])
    assert [n.key for n in plan] == ["loop:g1:a", "loop:g1:b"]  # every helper at once, no kind penalty
    assert plan[0].reason == "You closed the round - Ann helped you get there and will want to hear it from you."
    assert plan[0].slots["news"] == "we closed the round"
    assert keys(network, TODAY + timedelta(days=8), goals=[reached]) == []


def test_the_users_own_offer_meets_a_need():
    network = Network([person("o", "Oli Ray", needs=["feedback on her pitch deck"])], [log("o", "touch", 1)])
    [nudge] = plan_day(network, TODAY, offers=["I can review pitch decks"])
    assert nudge.key == "offer:o"
    assert nudge.reason == "Oli's pitch deck could use feedback - and you can review pitch decks."


@pytest.mark.parametrize(("met", "action"), [(30, "Tell Hannah you're interested"), (2, "nice-to-meet-you note first")])
def test_a_need_for_the_role_the_user_wants_is_a_job_lead(met, action):
    network = Network([person("h", "Hannah Lee", met=met, needs=["a PM"])], [log("h", "touch", 1)])
    nudge = plan_day(network, TODAY, goals=[goal("land a PM role at a fintech")])[0]
    assert nudge.key == "lead:g1:h"
    assert nudge.reason == "Hannah is looking for a PM - that's the role you want."
    assert action in nudge.action


# -- hiring: the user needs candidates, not a referral ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["hire a designer", "hire 2 designers by June", "Hiring designer"])
def test_a_hiring_goal_asks_for_an_introduction_to_someone_they_would_recommend(text):
    [nudge] = plan_day(_carla(9), TODAY, goals=[goal(text)])
    assert nudge.key == "ask:g1:c"
    assert nudge.reason.startswith("Carla works as a designer, and your tie is strong enough to ask.")
    assert nudge.action == "Ask Carla for an introduction to a designer they'd recommend."
    assert nudge.slots["ask"] == "intro"  # the draft: "introducing me to one or two people you think would fit"


def test_someone_hiring_for_the_same_role_is_no_lead_for_a_user_who_is_hiring():
    network = Network([person("h", "Hannah Lee", needs=["a designer"])], [log("h", "touch", 1)])
    plan = plan_day(network, TODAY, goals=[goal("hire a designer")])
    assert not any(n.key.startswith("lead:") or "the role you want" in n.reason for n in plan)


def test_with_nobody_to_ask_a_hiring_goal_names_the_gap():
    network = Network([person("a", "Ann Bell")], [log("a", "touch", 1)])
    [nudge] = plan_day(network, TODAY, goals=[goal("hire 2 engineers")])
    assert nudge.reason == (
        "For your goal to hire 2 engineers: nobody you know works as an engineer yet - who could introduce you?"
    )


def test_a_recruiter_can_help_a_hiring_goal():
    recruiter = person("r", "Rita Moss", role="Recruiter", company="Talentful")
    network = Network([recruiter], [log("r", "touch", n + 1) for n in range(9)] + [log("r", "gave", 2)])
    [nudge] = plan_day(network, TODAY, goals=[goal("hire a designer")])
    assert nudge.key == "ask:g1:r"


def test_reconnect_bands_never_overlap():
    """The planner scores a wider circle only when closer circles cannot fill a plan: that needs disjoint bands."""
    from bot.coach.planning.due import RECONNECT_ORDER, RECONNECT_SPREAD
    from bot.coach.planning.rules import RECONNECT_BASE

    for closer, further in itertools.pairwise(RECONNECT_ORDER):
        assert RECONNECT_BASE[closer] > RECONNECT_BASE[further] + RECONNECT_SPREAD


def test_a_need_a_give_already_answered_is_not_offered_again():
    from bot.coach.planning.give import offer_ideas

    row = {"id": "o", "first": "Oli", "needs": ["feedback on his pitch deck"]}
    assert offer_ideas([row], ["I can review pitch decks"])
    assert not offer_ideas([{**row, "gives": "notes on his pitch deck"}], ["I can review pitch decks"])
