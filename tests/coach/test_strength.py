"""Tie strength: recency, frequency, reciprocity and depth, and the label the card and the map show."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.coach.planning.strength import ASK_THRESHOLD, TieSignals, ask_ready, row_strength, strength_from, tie_strength
from bot.coach.planning.summary import summarize
from bot.store.records import Contact, Interaction

TODAY = date(2026, 3, 10)


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def touches(kinds: list[tuple[str, int]]) -> list[Interaction]:
    return [Interaction(id=f"i{n}", contact_id="c", kind=k, on=ago(d)) for n, (k, d) in enumerate(kinds)]


CASES = {
    "met once, long ago, nothing known": (
        Contact(id="c", name="Ann", met_on=ago(400)),
        touches([("met", 400)]),
        "fading",
    ),
    "a few recent touches, a give, known details": (
        Contact(id="c", name="Ann", company="Acme", role="PM", interests=["jazz"], met_on=ago(60)),
        touches([("met", 60), ("note", 30), ("gave", 10), ("touch", 5)]),
        "warm",
    ),
    "frequent, recent, two-way, well known": (
        Contact(id="c", name="Ann", company="Acme", role="PM", interests=["jazz"], needs=["a lawyer"], met_context="x"),
        touches(
            [
                ("met", 90),
                ("got", 50),
                ("gave", 40),
                ("touch", 20),
                ("note", 10),
                ("gave", 5),
                ("touch", 2),
                ("thanked", 1),
            ]
        ),
        "strong",
    ),
}


@pytest.mark.parametrize(("contact", "timeline", "label"), CASES.values(), ids=CASES)
def test_the_label_follows_recency_frequency_reciprocity_and_depth(contact, timeline, label):
    strength = tie_strength(contact, timeline, TODAY)
    assert strength.label == label
    assert 0.0 <= strength.score <= 1.0


@pytest.mark.parametrize(("contact", "timeline", "label"), CASES.values(), ids=CASES)
def test_the_digest_row_gives_the_same_score_as_the_records(contact, timeline, label):
    row = summarize(contact, sorted(timeline, key=lambda i: i.on), [])
    assert row_strength(row, TODAY) == tie_strength(contact, timeline, TODAY)


@pytest.mark.parametrize(
    ("changed", "field"),
    [
        (TieSignals(10, 4, 1, 1, 3), "recency"),
        (TieSignals(30, 8, 1, 1, 3), "frequency"),
        (TieSignals(30, 4, 1, 1, 3), "reciprocity"),
        (TieSignals(30, 4, 1, 0, 5), "depth"),
    ],
)
def test_each_part_makes_a_tie_stronger(changed, field):
    base = strength_from(TieSignals(30, 4, 1, 0, 3))
    better = strength_from(changed)
    assert getattr(better, field) > getattr(base, field)
    assert better.score > base.score


def test_bigger_asks_need_stronger_ties():
    assert ASK_THRESHOLD["coffee"] < ASK_THRESHOLD["advice"] < ASK_THRESHOLD["intro"] < ASK_THRESHOLD["referral"]
    warm = strength_from(TieSignals(7, 3, 1, 0, 3))
    assert ask_ready(warm, "coffee") and not ask_ready(warm, "referral")
