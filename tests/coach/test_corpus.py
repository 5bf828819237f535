"""The capture corpus: hundreds of lines typed the way people type on a phone, scored field by field.

The targets are the issue's quality bar. On failure the message lists the lines that missed, so a regression
names itself.
"""

from __future__ import annotations

import pytest

from testkit.scoring import load, read_with_nurture, score

TARGETS = {
    "names": 0.97,
    "company": 0.92,
    "role": 0.92,
    "where": 0.92,
    "when": 0.92,
    "intro": 0.92,
    "interests": 0.90,
    "needs": 0.90,
    "offers": 0.90,
    "promises": 0.90,
}


@pytest.fixture(scope="module")
def result():
    return score(load(), read_with_nurture)


def test_the_corpus_is_big_enough():
    cases = load()
    assert len(cases) >= 300
    assert sum(len(c.people) for c in cases) >= 300


@pytest.mark.parametrize("field", TARGETS)
def test_field_accuracy(result, field):
    accuracy = result.accuracy(field)
    misses = "\n".join(result.misses[field][:40])
    assert accuracy >= TARGETS[field], f"{field}: {accuracy:.1%} < {TARGETS[field]:.0%}\n{misses}"


def test_no_line_that_names_a_person_loses_that_person(result):
    assert not result.lost_people, "\n".join(result.lost_people)
