"""Backoff, not loops (docs/coaching.md, "Respecting attention"): an ignored item rests for one, then two, then four
weeks; nobody is shown more than PERSON_SHOWINGS times in 14 days while ignored; typed notes and captures count as
engagement; a user who ignores every morning moves to a weekly message, and back to daily when they engage; no
ask to someone for a while after they helped."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from bot.coach.planning.planner import PERSON_SHOWINGS, WEEKLY_AFTER, pick_morning
from bot.coach.planning.summary import summaries
from bot.store.records import Contact, Interaction, Promise
from bot.store.view import Network

TODAY = date(2026, 3, 10)


def ago(days: int, today: date = TODAY) -> str:
    return (today - timedelta(days=days)).isoformat()


def person(cid: str, name: str, **fields) -> Contact:
    return Contact(id=cid, name=name, met_on=ago(200), **fields)


class Life:
    """Mornings planned one after another, remembered as the morning job remembers them."""

    def __init__(self, network: Network, **options) -> None:
        self.rows = summaries(network)
        self.options = options
        self.mornings: dict = {}
        self.rests: dict = {}
        self.rhythm: dict = {}
        self.active_on = ""
        self.shown: dict[int, list[str]] = {}
        self.people: dict[int, list[list[str]]] = {}

    def morning(self, day: int, tap: bool = False):
        today = TODAY + timedelta(days=day)
        picked = pick_morning(
            self.rows, today, mornings=self.mornings, rests=self.rests, rhythm=self.rhythm,
            active_on=self.active_on, **self.options,
        )  # fmt: skip
        keys = [due.key for due in picked.steps]
        if picked.send:
            self.shown[day] = keys
            self.people[day] = [list(due.people) for due in picked.steps]
        record = {"status": "sent" if picked.send else "quiet", "keys": keys if picked.send else []}
        record["people"] = [list(due.people) for due in picked.steps] if picked.send else []
        if tap and keys:
            record["acted"] = keys[:1]
        self.mornings[today.isoformat()] = record
        self.mornings = {d: r for d, r in self.mornings.items() if d >= (today - timedelta(days=14)).isoformat()}
        self.rests.update(picked.rests)
        if picked.weekly_on:
            self.rhythm["weekly_on"] = picked.weekly_on
        return picked


ONE_PROMISE = Network(
    [person("m", "Max Kim")],
    [Interaction(id="i", contact_id="m", kind="touch", on=ago(1))],
    [Promise(id="p1", contact_id="m", text="send him the deck", made_on=ago(1))],
)


def test_an_ignored_item_rests_one_then_two_then_four_weeks():
    life = Life(ONE_PROMISE)
    for day in range(70):
        life.morning(day)
    shown = [day for day, keys in life.shown.items() if "followup:p1" in keys]
    assert shown[:2] == [0, 1]  # twice, then a week's rest
    gaps = [b - a for a, b in itertools.pairwise(shown)]
    assert gaps[:4] == [1, 8, 15, 29], shown  # a week; back once, then two weeks; once more, then four


def test_a_tap_ends_the_backoff():
    rows = summaries(ONE_PROMISE)
    back = (TODAY + timedelta(days=9)).isoformat()
    rests = {"followup:p1": [back, 1]}  # rested a week, back on day 9
    day = lambda n: (TODAY + timedelta(days=n)).isoformat()  # noqa: E731
    tapped = {day(9): {"status": "sent", "keys": ["followup:p1"], "people": [["m"]], "acted": ["followup:p1"]}}
    ignored = {**tapped, day(10): {"status": "sent", "keys": ["followup:p1"], "people": [["m"]]}}
    keys = [d.key for d in pick_morning(rows, TODAY + timedelta(days=11), mornings=ignored, rests=rests).steps]
    assert keys == ["followup:p1"]  # tapped since: ignored once more is not yet a rest (it would be, untapped)
    untapped = {day(9): {**tapped[day(9)], "acted": []}, day(10): ignored[day(10)]}
    assert pick_morning(rows, TODAY + timedelta(days=11), mornings=untapped, rests=rests).steps == []


def _crowd() -> Network:
    """One person with many kinds of step; everyone else quiet."""
    ann = person("a", "Ann Bell", circle="inner", interests=["jazz"], needs=["a lawyer"], birthday="")
    others = [person(f"l{n}", f"Lee{n} Park", role="lawyer") for n in range(2)]
    return Network(
        [ann, *others],
        [Interaction(id="a1", contact_id="a", kind="got", text="sent me a lead", on=ago(40))]
        + [Interaction(id=f"x{n}", contact_id=f"l{n}", kind="touch", on=ago(1)) for n in range(2)],
        [
            Promise(id="t1", contact_id="a", text="sent me a lead", kind="thanks", made_on=ago(40)),
            Promise(id="p1", contact_id="a", text="send her the deck", made_on=ago(30)),
            Promise(id="p2", contact_id="a", text="call her", made_on=ago(20)),
        ],
    )


def test_nobody_is_shown_more_than_n_times_in_14_days_while_ignored():
    life = Life(_crowd())
    for day in range(42):
        life.morning(day)
    for cid in ("a", "l0", "l1"):
        days = sorted(d for d, people in life.people.items() if any(cid in who for who in people))
        for day in days:
            window = [d for d in days if day <= d < day + 14]
            assert len(window) <= PERSON_SHOWINGS, (cid, days)


def test_typed_notes_count_as_engagement():
    life = Life(_crowd())
    for day in range(6):
        life.active_on = (TODAY + timedelta(days=day)).isoformat()  # types something every day, never taps
        picked = life.morning(day)
    assert not picked.shrunk and not picked.ask_rhythm


def test_a_user_who_ignores_every_morning_moves_to_weekly_and_back():
    life = Life(_crowd())
    sent = []
    announced = None
    for day in range(40):
        picked = life.morning(day)
        if picked.announce_weekly:
            announced = day
            assert len(sent) >= WEEKLY_AFTER  # after that many ignored mornings in a row
        if picked.send:
            sent.append(day)
    assert announced is not None
    weekly = [d for d in sent if d >= announced]
    assert all(b - a >= 7 for a, b in itertools.pairwise(weekly)), sent
    life.active_on = (TODAY + timedelta(days=40)).isoformat()  # they write again
    back = life.morning(41)
    assert not back.weekly and not back.announce_weekly


def test_no_ask_right_after_they_helped():
    carla = person("c", "Carla Diaz", company="Stripe", role="PM", tags=["fintech"])
    goal = {"id": "g1", "text": "land a PM role at a fintech", "by": "", "done_on": "", "set_on": ago(90)}
    history = [Interaction(id=f"t{n}", contact_id="c", kind="touch", on=ago(n + 3)) for n in range(9)]
    gave = [Interaction(id="g", contact_id="c", kind="gave", on=ago(20))]
    helped = [Interaction(id="h", contact_id="c", kind="got", text="two intros", on=ago(5))]
    keys = lambda network: [d.key for d in pick_morning(summaries(network), TODAY, goals=[goal]).steps]  # noqa: E731
    assert "ask:g1:c" in keys(Network([carla], history + gave))
    assert "ask:g1:c" not in keys(Network([carla], history + gave + helped))
