"""Whose is it? What they offer or promise the user is theirs, what the user promises is the user's, and a promise
belongs to the person it was made to."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.reading.capture import understand
from bot.coach.reading.notes import extract_facts

TODAY = date(2026, 3, 4)  # a Wednesday


@pytest.mark.parametrize(
    ("note", "theirs"),
    [
        ("she offered to review my model", "review my model"),
        ("said she'd forward my CV to the hiring team", "forward my CV to the hiring team"),
        ("he'll intro me to his manager next week", "intro me to his manager"),
        ("she's sending the contract fri", "sending the contract"),
        ("happy to intro us to her syndicate", "intro us to her syndicate"),
    ],
)
def test_what_they_offer_or_promise_is_theirs_never_the_users(note, theirs):
    facts = extract_facts(note, TODAY)
    assert theirs in facts.theirs
    assert not facts.promises


@pytest.mark.parametrize(
    ("note", "mine", "due"),
    [
        ("I'll send her the deck by fri", "send her the deck", "2026-03-06"),
        ("promised to send him the article", "send him the article", ""),
        ("told him i'd reply by monday", "reply", "2026-03-09"),
        ("sending her 5 profiles by thurs", "sending her 5 profiles", "2026-03-05"),
        ("ask her rates by fri", "ask her rates", "2026-03-06"),
    ],
)
def test_the_users_promise_stays_the_users(note, mine, due):
    facts = extract_facts(note, TODAY)
    assert (mine, due) in [(p.text, p.due_on) for p in facts.promise_items]
    assert not facts.theirs


def test_a_promise_belongs_to_the_person_it_was_made_to():
    meeting = understand("met Lee Park and Ana Silva at the fair. Lee wants a demo, I'll send him the deck fri", TODAY)
    assert meeting.meeting is not None
    lee, ana = meeting.meeting.people
    assert [p.text for p in meeting.meeting.promises_of(lee)] == ["send him the deck"]
    assert meeting.meeting.promises_of(ana) == []
    both = understand("lunch w Lee Park + Ana Silva, sending both my github tonight", TODAY).meeting
    assert both is not None and all(both.promises_of(p) for p in both.people)
