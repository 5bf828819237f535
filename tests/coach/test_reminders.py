"""Reading reminders and tags in the user's words."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.errors import NotUnderstood
from bot.coach.journal.reminders import apply_tags, read_reminder, read_tags, tag_counts, tagged
from bot.store.records import Contact

TODAY = date(2026, 11, 22)  # a Sunday
PEOPLE = [Contact(id="1", name="Jane Doe"), Contact(id="2", name="Sam Lee"), Contact(id="3", name="Tom")]


@pytest.mark.parametrize(
    ("text", "name", "due", "what"),
    [
        ("/remind Jane 12 Jan: ask about the launch", "Jane", date(2027, 1, 12), "ask about the launch"),
        ("remind me in 2 weeks to ping Sam", "Sam", date(2026, 12, 6), "ping Sam"),
        ("Remind me to ping Sam in 2 weeks", "Sam", date(2026, 12, 6), "ping Sam"),
        ("remind me on Friday to call Tom about the deck", "Tom", date(2026, 11, 27), "call Tom about the deck"),
        ("/remind Jane to send the deck next monday", "Jane", date(2026, 11, 23), "send the deck"),
        ("/remind Jane Doe tomorrow: congrats on the launch", "Jane Doe", date(2026, 11, 23), "congrats on the launch"),
        ("/remind Jane: ask about the launch on 12 Jan", "Jane", date(2027, 1, 12), "ask about the launch"),
        ("remind me about Jane's launch on 3 Dec", "Jane", date(2026, 12, 3), "Jane's launch"),
    ],
)
def test_reminders_in_the_users_words(text, name, due, what):
    request = read_reminder(text, PEOPLE, TODAY)
    assert (request.name, request.due_on, request.what) == (name, due, what)


@pytest.mark.parametrize("text", ["/remind Jane", "remind me to ping Sam", "/remind Jane 12 Jan", "/remind"])
def test_a_reminder_needs_who_when_and_what(text):
    with pytest.raises(NotUnderstood, match="remind"):
        read_reminder(text, PEOPLE, TODAY)


def test_tags_are_lowercased_without_hash_and_can_be_removed():
    jane = Contact(id="1", name="Jane", tags=["school"])
    apply_tags(jane, read_tags("Investor, #fintech -school #investor"))
    assert jane.tags == ["investor", "fintech"]
    sam = Contact(id="2", name="Sam", tags=["investor"])
    assert [c.name for c in tagged([sam, jane], "#Investor")] == ["Jane", "Sam"]
    assert tag_counts([sam, jane]) == [("investor", 2), ("fintech", 1)]
