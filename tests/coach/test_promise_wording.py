"""A promise said back to the user in a morning reads as a sentence: a deed is something they'd do ("You told Ana
you'd design it"), a thing is something they promised ("You promised Ana beers"), never a deed glued to "promised"."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.reading.notes import extract_facts
from bot.coach.saying.debts import promise_in_words

TODAY = date(2026, 3, 4)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("design it", "You told Ana you'd design it"),
        ("water the plants while she's away", "You told Ana you'd water the plants while she's away"),
        ("run a workshop for her team", "You told Ana you'd run a workshop for her team"),
        ("return the drill to him", "You told Ana you'd return the drill to him"),
        # a thing stays a thing, even when its word can be a verb too
        ("lunch on me", "You promised Ana lunch on you"),
    ],
)
def test_a_deed_is_said_as_one(typed, said):
    assert promise_in_words("Ana", typed, past=True) == said


@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("I promised him beers sat", "You promised Ana the beers"),
        ("i'm drafting the budget by friday", "You told Ana you'd draft the budget"),
        ("I said I would design it", "You told Ana you'd design it"),
    ],
)
def test_what_the_user_typed_is_said_back_well(note, said):
    [item] = extract_facts(note, TODAY).promise_items
    assert promise_in_words("Ana", item.text, past=True) == said


@pytest.mark.parametrize(
    ("typed", "said"),
    [("apply before", "You told Ana you'd apply"), ("to reply until", "You told Ana you'd reply")],
)
def test_a_word_left_waiting_for_its_day_is_not_said(typed, said):
    assert promise_in_words("Ana", typed, past=True) == said


def test_a_thank_you_note_stays_a_thank_you_note_and_a_one_word_name_keeps_its_title():
    from bot.store.records import Contact

    assert promise_in_words("Dave", "send thank you note") == "You promised Dave the thank you note"
    assert Contact(id="c1", name="Patel", title="Dr").first_name == "Dr. Patel"
    assert Contact(id="c2", name="Okoro", title="Councilmember").first_name == "Councilmember Okoro"
    assert Contact(id="c3", name="Priya Nair", title="Dr").first_name == "Priya"


def test_a_promise_of_something_unnamed_is_kept_without_saying_your_something():
    from bot.coach.saying.debts import keep_words, keeping

    assert keeping(keep_words("send her something")) == "And I haven't forgotten what I promised you."
    assert promise_in_words("Priyanka", "send her something") == "You made Priyanka a promise"
