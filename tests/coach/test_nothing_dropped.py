"""Nothing the user set up is dropped (docs/coaching.md, "Debts first"): a reminder, a birthday or a promise due today
stands in the plan whatever else is planned for that person, whatever the budget, and an open item is never
"nothing is due"."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.coach.planning.summary import summaries
from bot.coach.writing.plans import plan_day, plan_morning
from bot.store.records import Contact, Interaction, Promise
from bot.store.view import Network

TODAY = date(2026, 3, 10)


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


MAX = Network(
    [Contact(id="m", name="Max Kim", met_on=ago(60)), Contact(id="t", name="Tom Berg", met_on=ago(60))],
    [
        Interaction(id="i1", contact_id="m", kind="got", text="reviewed my CV", on=ago(1)),
        Interaction(id="i2", contact_id="t", kind="got", text="sent me a lead", on=ago(1)),
    ],
    [
        Promise(id="th", contact_id="m", text="reviewed my CV", kind="thanks", made_on=ago(1)),
        Promise(id="tt", contact_id="t", text="sent me a lead", kind="thanks", made_on=ago(1)),
        Promise(id="r1", contact_id="m", text="ask about the launch", kind="reminder", made_on=ago(9), due_on=ago(0)),
    ],
)


def test_a_reminder_stands_beside_another_step_about_the_same_person():
    keys = [n.key for n in plan_day(MAX, TODAY)]
    assert "remind:r1" in keys and "thank:th" in keys


def test_a_reminder_is_in_the_plan_whatever_the_budget():
    keys = [n.key for n in plan_day(MAX, TODAY, budget=1)]
    assert "remind:r1" in keys


def test_a_reminder_left_open_comes_back_after_its_day():
    network = Network(MAX.contacts, MAX.interactions, MAX.promises[1:])
    later = [n for n in plan_day(network, TODAY + timedelta(days=1)) if n.key == "remind:r1"]
    assert later and later[0].reason == "A reminder for yesterday, about Max:"


def test_an_open_item_resting_is_never_nothing_is_due():
    mornings = {ago(n): {"status": "sent", "keys": ["thank:th", "thank:tt"], "people": [["m"], ["t"]]} for n in (1, 2)}
    plan = plan_morning(summaries(MAX), TODAY + timedelta(days=1), mornings=mornings)
    assert [n.key for n in plan.nudges] == ["remind:r1"] or plan.waiting


def test_when_nothing_is_planned_the_resting_items_are_counted():
    network = Network(MAX.contacts, MAX.interactions, MAX.promises[:2])
    shown = {ago(n): {"status": "sent", "keys": ["thank:th", "thank:tt"], "people": [["m"], ["t"]]} for n in (1, 2)}
    plan = plan_morning(summaries(network), TODAY, mornings=shown)
    assert plan.nudges == [] and plan.waiting == 2


# -- random notebooks over 60 days: every reminder and birthday surfaces on its day ---------------------------------


def _random_network(rng: random.Random, size: int) -> Network:
    contacts, interactions, promises = [], [], []
    start = TODAY
    for n in range(size):
        cid = f"c{n:03d}"
        birthday = (start + timedelta(days=rng.randrange(60))).strftime("%m-%d") if rng.random() < 0.3 else ""
        contacts.append(
            Contact(id=cid, name=f"P{n} Person", met_on=ago(rng.randrange(1, 400)), birthday=birthday,
                    circle=rng.choice(["inner", "close", "wider"]), interests=["jazz"] if rng.random() < 0.5 else [],
                    needs=["a lawyer"] if rng.random() < 0.1 else [], role="lawyer" if rng.random() < 0.1 else "")
        )  # fmt: skip
        for k in range(rng.randrange(4)):
            kind = rng.choice(["touch", "got", "gave", "note"])
            interactions.append(Interaction(id=f"{cid}i{k}", contact_id=cid, kind=kind, on=ago(rng.randrange(200))))
        for k in range(rng.randrange(3)):
            kind = rng.choice(["promise", "thanks", "reminder", "reminder"])
            due = (start + timedelta(days=rng.randrange(-5, 60))).isoformat() if kind != "thanks" else ""
            promises.append(Promise(id=f"{cid}p{k}", contact_id=cid, text="ask about the launch", kind=kind,
                                    made_on=ago(rng.randrange(1, 30)), due_on=due))  # fmt: skip
    return Network(contacts, interactions, promises)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), size=st.integers(1, 25), budget=st.integers(1, 4), taps=st.floats(0, 1))
def test_every_reminder_and_birthday_surfaces_on_its_day(seed, size, budget, taps):
    rng = random.Random(seed)
    network = _random_network(rng, size)
    rows = summaries(network)
    mornings: dict = {}
    snoozed: dict[str, str] = {}
    for day in range(60):
        today = TODAY + timedelta(days=day)
        plan = plan_morning(rows, today, budget=budget, mornings=mornings, snoozed=snoozed).nudges
        shown = {n.key for n in plan}
        for contact in network.contacts:
            if contact.birthday == today.strftime("%m-%d"):
                assert f"birthday:{contact.id}:{today.year}" in shown, (day, contact.id)
        for promise in network.promises:
            if promise.kind == "reminder" and promise.due_on == today.isoformat():
                assert f"remind:{promise.id}" in shown, (day, promise.id)
        acted = [n.key for n in plan if rng.random() < taps]
        mornings[today.isoformat()] = {
            "status": "sent", "keys": [n.key for n in plan], "people": [list(n.people) for n in plan], "acted": acted,
        }  # fmt: skip
        mornings = {d: r for d, r in mornings.items() if d >= (today - timedelta(days=14)).isoformat()}
        for nudge in plan:
            if nudge.contact_id and rng.random() < 0.1:  # now and then a person is snoozed for a week
                snoozed[f"person:{nudge.contact_id}"] = (today + timedelta(days=7)).isoformat()
