"""Dates as people type them, in both orders, never before the day they were said unless written in the past."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.reading.capture import understand
from bot.coach.reading.dates import find_day
from bot.coach.reading.notes import extract_facts

TODAY = date(2026, 3, 10)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("send her mockups by 30th", "2026-03-30"),
        ("email him dates by end of may", "2026-05-31"),
        ("apply by oct 15 please", "2026-10-15"),
        ("by Jan 20", "2027-01-20"),
        ("by March 3rd", "2027-03-03"),
        ("by 15 march", "2026-03-15"),
        ("on 2/24", "2027-02-24"),
        ("by the 20th", "2026-03-20"),
        ("next monday", "2026-03-16"),
        ("in 2 weeks", "2026-03-24"),
        ("end of month", "2026-03-31"),
        # the end of the next week or month is that week's Friday, that month's last day; not next Monday
        ("let me know by end of next wk", "2026-03-20"),
        ("by the end of next week", "2026-03-20"),
        ("end of this week", "2026-03-13"),
        ("by end of next month", "2026-04-30"),
    ],
)
def test_a_deadline_in_any_common_form(text, day):
    found = find_day(text, TODAY, prefer="future")
    assert found is not None and found.day.isoformat() == day


def test_the_words_of_the_date_leave_the_promise():
    [item] = extract_facts("I'll send her the deck by March 3rd", TODAY).promise_items
    assert (item.text, item.due_on) == ("send her the deck", "2027-03-03")


@pytest.mark.parametrize("text", ["sat next to Ana on the train", "sat w/ Ravi's mentor", "by 5 pm", "on 5th ave"])
def test_words_that_only_look_like_dates(text):
    assert find_day(text, TODAY, prefer="past") is None


def test_sat_is_still_saturday_when_said_as_a_day():
    meeting = understand("met Ola last sat at parkrun", TODAY).meeting
    assert meeting is not None and meeting.when == date(2026, 3, 7)


def test_an_offer_said_of_them_is_theirs_and_comes_without_its_emoji():
    facts = extract_facts("pitch practice w/ Dr. Eze - offered to review my deck 🙏", TODAY)
    assert facts.theirs == ["review my deck"] and facts.promises == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("first thursday of april", "2026-04-02"),
        ("the last friday of march", "2026-03-27"),
        ("2nd monday in may", "2026-05-11"),
        ("first Thursday of July", "2026-07-02"),
    ],
)
def test_a_weekday_of_a_month(text, day):
    found = find_day(text, TODAY, prefer="future")
    assert found is not None and found.day.isoformat() == day


def test_day_n_is_a_deadline_day_of_the_month():
    found = find_day("I send him the plans day 25", TODAY, prefer="future")
    assert found is not None and found.day.isoformat() == "2026-03-25"
    assert find_day("day 2 of the conference", TODAY, prefer="future") is None
    assert find_day("met her on day 3", TODAY, prefer="past") is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("send it eod fri", "2026-03-13"),
        ("by end of day thursday", "2026-03-12"),
        ("the deck by COB", "2026-03-10"),
        ("the notes eod", "2026-03-10"),
    ],
)
def test_office_days_are_read(text, day):
    found = find_day(text, TODAY, prefer="future")
    assert found is not None and found.day.isoformat() == day


def test_last_nite_is_yesterday_and_a_birthday_word_is_nobody():
    meeting = understand("dinner last nite w Omar Haddad, bday july 22", TODAY).meeting
    assert meeting is not None and meeting.when.isoformat() == "2026-03-09"
    assert [p.name for p in meeting.people] == ["Omar Haddad"]
    lower = understand("omar haddad from the chess club, bday july 22, loves jazz", TODAY).meeting
    assert lower is not None and [p.name for p in lower.people] == ["Omar Haddad"]
    assert lower.when == TODAY and lower.people[0].facts.birthday == "07-22"


@pytest.mark.parametrize(
    ("line", "today", "when"),
    [
        ("venue walkthru @ The Glasshouse for the Kim/Patel wedding (6/13) w/ the venue mgr Derek Oyelaran",
         date(2026, 5, 26), date(2026, 5, 26)),
        ("met Harold Jenkins, owner of Jenkins Auto Body on 7 Mile, at church", date(2026, 4, 6), date(2026, 4, 6)),
        ("met Ana Ruiz on 5/13 at the gala", date(2026, 5, 26), date(2026, 5, 13)),
        ("met Ana Ruiz at the gala on 12/20", date(2026, 1, 5), date(2025, 12, 20)),
    ],
)  # fmt: skip
def test_an_event_ahead_or_a_road_is_not_when_they_met(line, today, when):
    meeting = understand(line, today).meeting
    assert meeting is not None and meeting.when == when


@pytest.mark.parametrize(
    ("said", "text", "due"),
    [
        # one day said twice ("Mon 1/26"), and "the week of": the day goes, the deed stays whole
        ("I'll open it Mon 3/16", "open it", "2026-03-16"),
        ("I'll send it on Mon, 3/16", "send it", "2026-03-16"),
        ("I'll send it fri 3/20", "send it", "2026-03-20"),
        ("I'll follow up wk of 3/23", "follow up", "2026-03-23"),
        ("I'll set up a tour the week of the 23rd", "set up a tour", "2026-03-23"),
        # a day naming the thing stays in it
        ("I'll send her my availability for the panel week of the 23rd",
         "send her my availability for the panel week of the 23rd", "2026-03-23"),
    ],
)
def test_a_day_said_twice_or_as_a_week_leaves_the_promise_whole(said, text, due):
    facts = extract_facts(said, TODAY)
    assert (facts.promises, facts.due) == ([text], [due])
