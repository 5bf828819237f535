"""The weekly review: small acts counted over the last seven days, the give/get ledger, and the streak."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from bot.coach.journal.review import week_review
from bot.store.records import Contact, Interaction, Promise
from bot.store.view import Network

TODAY = date(2025, 6, 18)
_ids = itertools.count()


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def person(cid: str, name: str, *, circle: str = "close", met: int = 200) -> Contact:
    return Contact(id=cid, name=name, circle=circle, met_on=ago(met))


def log(cid: str, kind: str, days: int) -> Interaction:
    return Interaction(id=f"i{next(_ids)}", contact_id=cid, kind=kind, on=ago(days))


def test_the_week_counts_acts_inside_the_seven_days_only():
    network = Network(
        [person("a", "Ann Bell"), person("n", "Nia New", met=2), person("o", "Olu Old", met=7)],
        [
            log("a", "gave", 0),
            log("a", "gave", 6),
            log("a", "gave", 7),  # last week
            log("a", "thanked", 3),
            log("a", "followed_up", 2),
            log("a", "kept", 1),
            log("a", "got", 4),
            log("a", "got", 30),
        ],
        [
            Promise(id="p1", contact_id="a", text="the book", made_on=ago(3)),
            Promise(id="p2", contact_id="a", text="thanks", kind="thanks", made_on=ago(3), done_on=ago(1)),
            Promise(id="p3", contact_id="a", text="a referral", kind="thanks", made_on=ago(2)),
        ],
    )
    review = week_review(network, TODAY)
    assert (review.start, review.end) == (TODAY - timedelta(days=6), TODAY)
    assert (review.gives, review.thanks, review.followups) == (2, 1, 2)
    assert (review.given_total, review.received_total) == (3, 2)
    assert review.met == 1
    assert review.open_promises == 2


@pytest.mark.parametrize(
    ("circle", "history", "reconnected"),
    [
        ("close", [40, 2], True),  # a month-plus gap, touched this week
        ("close", [20, 2], False),  # within the monthly rhythm
        ("inner", [20, 2], True),  # past the two-week rhythm
        ("wider", [60, 2], False),
        ("close", [40], False),  # not touched this week
    ],
)
def test_reconnected_lists_people_brought_back_after_their_rhythm(circle, history, reconnected):
    network = Network([person("a", "Ann Bell", circle=circle)], [log("a", "touch", d) for d in history])
    assert week_review(network, TODAY).reconnected == (["Ann Bell"] if reconnected else [])


@pytest.mark.parametrize(
    ("active_days", "streak"),
    [
        ([], 0),
        ([0], 1),
        ([6], 1),
        ([1, 8, 15], 3),
        ([1, 15], 1),  # a gap week breaks the streak
        ([8, 15], 0),  # nothing yet this week
    ],
)
def test_streak_counts_consecutive_active_weeks_ending_this_week(active_days, streak):
    network = Network([person("a", "Ann Bell")], [log("a", "touch", d) for d in active_days])
    assert week_review(network, TODAY).streak_weeks == streak


def test_notes_and_meetings_alone_do_not_keep_a_streak():
    network = Network([person("a", "Ann Bell")], [log("a", "note", 1), log("a", "met", 2)])
    assert week_review(network, TODAY).streak_weeks == 0


def test_an_empty_network_reviews_to_zeros():
    review = week_review(Network([]), TODAY)
    assert (review.gives, review.met, review.streak_weeks, review.open_promises, review.reconnected) == (
        0,
        0,
        0,
        0,
        [],
    )


def test_someone_only_mentioned_this_week_is_not_counted_as_met():
    elias = Contact(id="e", name="Elias", created_at=f"{ago(1)}T10:00:00+00:00", mentioned_on=ago(1))
    network = Network([person("n", "Nia New", met=1), elias], [], [])
    assert week_review(network, TODAY).met == 1
