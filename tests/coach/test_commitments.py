"""Their words count too: what a note says someone else promised, waits for, turned down or went through becomes a
dated item (docs/coaching.md, "Their words")."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.reading.commitments import Commitment, read_commitments

MONDAY = date(2026, 12, 7)


def read(text: str) -> list[Commitment]:
    return read_commitments(text, "Carla", MONDAY)


def test_a_pledge_is_a_thank_you_owed_and_their_promise_checked_on_later():
    found = read("coffee went well, she's in for 50k")
    assert Commitment("got", "committed 50k") in found
    assert Commitment("theirs", "put in 50k", "2026-12-28") in found


def test_a_promise_made_to_the_user_is_theirs_with_its_day_or_a_week_on():
    assert read("Carla will intro me to her CRO") == [Commitment("theirs", "intro me to her CRO", "2026-12-14")]
    assert read("said he would send the term sheet by friday") == [
        Commitment("theirs", "send the term sheet", "2026-12-11")
    ]


def test_a_call_they_want_next_week_is_a_reminder_on_that_monday():
    assert read("wants a call next week") == [Commitment("reminder", "set up the call Carla asked for", "2026-12-14")]


def test_a_horizon_is_a_reminder_when_it_comes():
    assert read("wants to see 3 more months of revenue") == [
        Commitment("later", "show Carla 3 more months of revenue", "2027-03-07")
    ]
    assert read("said to check back in 6 weeks") == [Commitment("later", "check back in with Carla", "2027-01-18")]


def test_a_refusal_is_a_graceful_close_today_and_a_revisit_in_months():
    found = read("passing for now, liked the team though")
    assert [(c.kind, c.due_on) for c in found] == [("reminder", "2026-12-08"), ("later", "2027-03-07")]
    assert found[0].text.startswith("thank Carla for considering it")
    assert not [c for c in found if c.kind == "got"]  # a no is no pledge


@pytest.mark.parametrize(
    ("text", "kind", "due_on"),
    [
        ("has a final round interview at Stripe on friday", "reminder", "2026-12-12"),
        ("launching the app on thursday", "reminder", "2026-12-10"),
        ("new grandchild!", "news", ""),
        ("her story was published in the Atlantic", "news", ""),
    ],
)
def test_milestones_are_news_or_a_day_to_ask_about(text, kind, due_on):
    found = read(text)
    assert [(c.kind, c.due_on) for c in found] == [(kind, due_on)], found


@pytest.mark.parametrize(
    "text",
    [
        "passed the exam",
        "loves jazz",
        "not in for now",
        "I'll send her the deck by friday",
        "met at the launch party",
        "happy to intro to VCs",  # an offer: the user may ask, nothing to check on
    ],
)
def test_no_trigger_no_item(text):
    assert read(text) == []


def test_a_need_met_is_read_so_nobody_offers_it_again():
    assert read("hired a lawyer, thanks to Ben") == [Commitment("met", "", news="a lawyer")]
    assert read("still hasn't found a lawyer") == []
