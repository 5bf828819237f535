"""What people need, offer and care about, said in every tense and in the forms non-native writers use: the verb's
class is read, not one phrasing of it."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.reading.notes import extract_facts

TODAY = date(2026, 3, 4)


# -- needs: wanting, seeking and lacking, in every tense ------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "need"),
    [
        ("he is wanting a bridge loan", "a bridge loan"),
        ("she wanted a warm intro to her old lab", "a warm intro to her old lab"),
        ("they needed a venue for the offsite", "a venue for the offsite"),
        ("he search a flat near the station", "a flat near the station"),
        ("she is searching job of accountant", "job of accountant"),
        ("is seeking a technical cofounder", "a technical cofounder"),
        ("sought investors for the clinic last year", "investors for the clinic"),
        ("he lacks a sales lead", "a sales lead"),
    ],
)
def test_a_verb_of_wanting_in_any_tense_or_form_says_a_need(note, need):
    assert need in extract_facts(note, TODAY).needs


@pytest.mark.parametrize(
    ("note", "need"),
    [
        ("hunting for a rehearsal space", "a rehearsal space"),
        ("on the lookout for a part-time bookkeeper", "a part-time bookkeeper"),
        ("in the market for a used cargo van", "a used cargo van"),
        ("asked me for advice on visas", "advice on visas"),
        ("they're after a growth marketer", "a growth marketer"),
        ("looking out for a summer placement", "a summer placement"),
    ],
)
def test_seeking_said_with_a_preposition_or_a_linking_verb_says_a_need(note, need):
    assert need in extract_facts(note, TODAY).needs


@pytest.mark.parametrize(
    ("note", "need"),
    [
        ("hoping to find a climbing partner", "a climbing partner"),
        ("keen to hire a data engineer", "a data engineer"),
        ("trying to land a PM role in Lisbon", "a PM role in Lisbon"),
        ("would love a warm intro to a food scientist", "a warm intro to a food scientist"),
    ],
)
def test_wanting_to_find_something_says_that_thing_as_the_need(note, need):
    found = extract_facts(note, TODAY)
    assert need in found.needs
    assert found.offers == []


@pytest.mark.parametrize(
    "note",
    ["lack of sleep is killing him", "I'm looking for a flat", "we need a designer", "hiring mgr for the ops team"],
)
def test_no_need_from_a_noun_the_users_own_want_or_a_job_title(note):
    assert extract_facts(note, TODAY).needs == []
