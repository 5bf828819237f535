"""Birthdays as people say them, in any order and relative to the day they were said."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.reading.capture import understand
from bot.coach.reading.notes import extract_facts

TODAY = date(2026, 3, 10)  # a Tuesday


@pytest.mark.parametrize(
    ("note", "birthday"),
    [
        ("bday 14/02", "02-14"),
        ("birthday: March 3rd", "03-03"),
        ("turns 40 on march 3rd", "03-03"),
        ("her bday is tomorrow apparently", "03-11"),
        ("bday tmrw (mar 11)!", "03-11"),
        ("his birthday, it's the 28th", "03-28"),
        ("turning 30 next friday", "03-13"),
        ("birthday was yesterday, missed it", "03-09"),
        ("b-day feb 29", "02-29"),
        # a party on a day is not a birthday, and a week is not a day
        ("bday party for Zayn on the 19th", ""),
        ("her birthday was last week", ""),
        ("birthday in 2 weeks", ""),
    ],
)
def test_a_birthday_in_the_words_people_use(note, birthday):
    assert extract_facts(note, TODAY).birthday == birthday


def test_a_birthday_that_names_its_month_needs_no_today():
    assert extract_facts("bday 3 nov").birthday == "11-03"
    assert extract_facts("bday tomorrow").birthday == ""


def test_a_promise_kept_on_their_birthday_is_due_on_it():
    meeting = understand("remind me to call Ana on her birthday, it's the 28th", TODAY).meeting
    assert meeting is not None
    [ana] = meeting.people
    assert ana.facts.birthday == "03-28"
    assert [(p.text, p.due_on) for p in meeting.promises_of(ana)] == [("call her on her birthday", "2026-03-28")]


def test_the_day_a_birthday_restates_is_not_the_meetings():
    meeting = understand("met Tiago Matos at the fair, bday tomorrow (mar 11)", TODAY).meeting
    assert meeting is not None
    assert meeting.when == TODAY and meeting.people[0].facts.birthday == "03-11"


@pytest.mark.parametrize(
    ("note", "promise"),
    [
        ("her bday is on 5th Oct, loves opera. must wish her 🎂", ("wish her a happy birthday", "2026-10-05")),
        ("bday june 2 - need to wish him happy bday", ("wish him a happy birthday", "2026-06-02")),
    ],
)
def test_a_bare_wish_on_a_birthday_line_is_a_happy_birthday_on_the_day(note, promise):
    assert [(p.text, p.due_on) for p in extract_facts(note, TODAY).promise_items] == [promise]
