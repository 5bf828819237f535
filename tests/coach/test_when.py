"""Dates and gaps in words, relative to a fixed "today" (Thursday 2024-05-16)."""

from datetime import date, timedelta

import pytest

from bot.coach.reading.dates import how_long, when_in_words

TODAY = date(2024, 5, 16)  # a Thursday


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (TODAY, "today"),
        (TODAY - timedelta(days=1), "yesterday"),
        (date(2024, 5, 14), "on Tuesday"),
        (date(2024, 5, 10), "on Friday"),  # six days ago is still "on Friday"
        (date(2024, 5, 9), "last week"),
        (date(2024, 5, 3), "last week"),
        (date(2024, 5, 2), "earlier this month"),
        (date(2024, 5, 1), "earlier this month"),
        (date(2024, 4, 30), "in April"),
        (date(2024, 3, 5), "in March"),
        (date(2024, 1, 1), "in January"),
        (date(2023, 12, 1), "in December"),  # recent enough that the year is obvious
        (date(2023, 5, 20), "in May 2023"),
        (date(2021, 7, 4), "in July 2021"),
        (TODAY + timedelta(days=1), "tomorrow"),
        (date(2024, 5, 20), "on Monday"),
        (date(2024, 5, 25), "next week"),
        (date(2024, 6, 10), "in June"),
        (date(2025, 3, 1), "in March 2025"),
    ],
)
def test_when_in_words(day, words):
    assert when_in_words(day, TODAY) == words


def test_later_this_month():
    assert when_in_words(date(2024, 5, 31), date(2024, 5, 2)) == "later this month"


@pytest.mark.parametrize(
    ("days_ago", "words"),
    [
        (0, "a few days"),
        (3, "a few days"),
        (10, "a week or so"),
        (20, "a few weeks"),
        (35, "about a month"),
        (60, "a couple of months"),
        (100, "a few months"),
        (200, "about half a year"),
        (365, "about a year"),
        (500, "over a year"),
        (800, "a couple of years"),
        (2000, "years"),
        (-5, "a few days"),  # a future date (a typo) never gives a negative gap
    ],
)
def test_how_long(days_ago, words):
    assert how_long(TODAY - timedelta(days=days_ago), TODAY) == words
