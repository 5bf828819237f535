"""Needs as people say them: "wants a demo", "asked for a site visit", "wants to see the equity breakdown"."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.reading.notes import extract_facts

TODAY = date(2026, 3, 4)


@pytest.mark.parametrize(
    ("note", "need"),
    [
        ("Marco wants a demo thurs", "a demo"),
        ("asked for a site visit", "a site visit"),
        ("wants to see the equity breakdown", "see the equity breakdown"),
        ("wants to move to product design", "move to product design"),
        ("he search backend developer", "backend developer"),
    ],
)
def test_a_need_is_read_whole(note, need):
    assert need in extract_facts(note, TODAY).needs


def test_wanting_to_learn_is_an_interest_not_a_need():
    assert extract_facts("wants to learn about composting", TODAY).needs == []


@pytest.mark.parametrize(
    ("note", "need"),
    [
        ("she need mentors for the student nurses cohort", "mentors for the student nurses cohort"),
        ("looking for 2 mentors for the spring cohort", "2 mentors for the spring cohort"),
    ],
)
def test_mentors_wanted_are_a_need_not_an_offer(note, need):
    facts = extract_facts(note, TODAY)
    assert (facts.needs, facts.offers) == ([need], [])


@pytest.mark.parametrize(
    ("note", "offer"),
    [
        ("founder of Carebridge, offering 0.25% equity for an advisor role", "0.25% equity for an advisor role"),
        ("has a free staffing benchmark report, sending it tmrw", "a free staffing benchmark report"),
        ("he has a postdoc opening starting in the fall", "a postdoc opening starting in the fall"),
    ],
)
def test_what_they_have_to_give_is_an_offer(note, offer):
    assert offer in extract_facts(note, TODAY).offers


def test_the_users_own_offer_and_a_relative_are_no_offer_of_theirs():
    assert extract_facts("I'm offering a discount", TODAY).offers == []
    assert extract_facts("she has a kid in grade 5", TODAY).offers == []
