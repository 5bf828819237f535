"""Promises as people type them: the modal shapes of the user's own ("I gotta", "i must to", "i promise to", "i
said id"), what is owed and by whom ("owes me", "I owe him a beer + our price sheet"), a contact's deed said with
no helping verb ("Ben sending the contract tmrw"), the days of office talk ("eod fri", "before that"), and the
person of a line a promise was made to."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.reading.capture import understand
from bot.coach.reading.notes import extract_facts

TODAY = date(2026, 3, 4)  # a Wednesday
FRI, THU = "2026-03-06", "2026-03-05"


def mine(note: str) -> list[tuple[str, str]]:
    return [(p.text, p.due_on) for p in extract_facts(note, TODAY).promise_items]


def theirs(note: str) -> list[tuple[str, str]]:
    return [(p.text, p.due_on) for p in extract_facts(note, TODAY).their_items]


@pytest.mark.parametrize(
    ("note", "promise"),
    [
        ("I gotta send her the floor plan by fri", ("send her the floor plan", FRI)),
        ("i've got to call him back by thurs", ("call him back", THU)),
        ("I must to register before friday", ("register", FRI)),
        ("i promise to send his portfolio to my manager", ("send his portfolio to my manager", "")),
        ("i said id bake her a cake for the party", ("bake her a cake for the party", "")),
    ],
)
def test_the_users_promise_said_with_any_modal_is_the_users(note, promise):
    assert mine(note) == [promise]
    assert theirs(note) == []


@pytest.mark.parametrize(
    ("note", "owed"),
    [
        ("she owes me the seating plan by thurs", ("send me the seating plan", THU)),
        ("he owes me a call about the lease", ("call me about the lease", "")),
        ("owes me a reply re: the quote by fri", ("reply to me about the quote", FRI)),
    ],
)
def test_what_they_owe_the_user_is_theirs(note, owed):
    assert theirs(note) == [owed]
    assert mine(note) == []


@pytest.mark.parametrize(
    ("note", "owed"),
    [
        ("I owe him a beer + our price sheet", [("buy him a beer", ""), ("send him our price sheet", "")]),
        ("i owe her a coffee", [("buy her a coffee", "")]),
        ("I owe her a code review by fri", [("review her code", FRI)]),
        ("owe Tomas the guest list by thurs", [("send Tomas the guest list", THU)]),
    ],
)
def test_what_the_user_owes_is_said_as_the_deed(note, owed):
    assert mine(note) == owed
    assert theirs(note) == []


@pytest.mark.parametrize(
    ("note", "promise"),
    [
        ("lunch w Ana and Ben. Ben sending the contract tmrw", ("send the contract", "2026-03-05")),
        ("Ben's gonna send the floor plans", ("send the floor plans", "")),
        ("Sofia from the Weber lab promised to share her slides by the 15th", ("share her slides", "2026-03-15")),
        ("sent her my card, she said she'll call on the 25th", ("call me", "2026-03-25")),
    ],
)
def test_a_contacts_deed_without_a_helping_verb_is_theirs(note, promise):
    assert promise in theirs(note)
    assert mine(note) == []


@pytest.mark.parametrize(
    ("note", "promise", "whose"),
    [
        ("she'll send the deck eod fri", ("send the deck", FRI), "theirs"),
        ("I'll share the notes end of day thursday", ("share the notes", THU), "mine"),
        ("she moved our call to friday so I have to send her the agenda before that", ("send her the agenda", FRI),
         "mine"),
    ],
)  # fmt: skip
def test_a_promise_is_due_on_the_day_office_talk_says(note, promise, whose):
    assert promise in (theirs(note) if whose == "theirs" else mine(note))


def test_a_promise_told_to_one_person_of_a_line_is_theirs_alone():
    meeting = understand("met Ana Lopez and Ben Roth at the expo. told Ben I'd send the report tmrw", TODAY).meeting
    assert meeting is not None
    ana, ben = meeting.people
    assert [p.text for p in meeting.promises_of(ben)] == ["send the report"]
    assert meeting.promises_of(ana) == []


def test_a_promise_to_her_is_kept_for_the_one_of_the_line_who_is_a_she():
    line = "met Rosa Diaz at the fundraiser, her husband Tom runs a bakery. I'll email her the flyer by fri"
    meeting = understand(line, TODAY).meeting
    assert meeting is not None
    (rosa,) = meeting.people  # her husband is talked about, not met
    assert [p.text for p in meeting.promises_of(rosa)] == ["email her the flyer"] and meeting.mentioned == ["Tom"]


@pytest.mark.parametrize(
    ("line", "promise"),
    [
        ("I owe Robin Tate a code review by fri. she's a staff eng at Fastly", ("review her code", FRI)),
        ("owe Nadia the seating chart, promised by end of month", ("send her the seating chart", "2026-03-31")),
    ],
)
def test_a_debt_is_read_through_the_name_and_its_day_said_after(line, promise):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None
    assert [(p.text, p.due_on) for p in meeting.promises_of(meeting.people[0])] == [promise]


@pytest.mark.parametrize(
    ("note", "promise"),
    [
        ("she's keen on it, wants to know the salary range. I'll send by fri", ("send her the salary range", FRI)),
        ("he wants to swap pitch decks. sending him ours by thurs", ("send him our pitch decks", THU)),
        ("wants to do a joint podcast episode. follow up thurs", ("follow up about the joint podcast episode", THU)),
    ],
)  # fmt: skip
def test_a_promise_that_names_nothing_takes_what_they_wanted(note, promise):
    assert mine(note) == [promise]


def test_what_they_want_to_know_is_no_promise_alone():
    assert mine("she wants to know our pricing by fri") == []


def test_a_unit_glued_to_its_number_is_said_apart():
    assert theirs("she'll hold 20lb of salmon for me thurs") == [("hold 20 lb of salmon for me", THU)]


def test_a_thing_got_to_someone_is_sent_to_them():
    assert theirs("he'll get the signed lease to me by thurs") == [("send me the signed lease", THU)]
    assert mine("I'll get the floor plans over to her by fri") == [("send her the floor plans", FRI)]


@pytest.mark.parametrize(
    ("note", "promise"),
    [
        ("she offered to review our pitch deck 🙏 send it by fri", ("send our pitch deck", FRI)),
        ("he wants feedback on his grant proposal, I offered to read it by thurs", ("read his grant proposal", THU)),
        ("she needs folding chairs, will drop them off thurs", ("drop off folding chairs", THU)),
        ("I forgot to call Ana back about the lease. doing it by fri", ("call her back about the lease", FRI)),
    ],
)
def test_it_and_them_in_a_promise_are_what_the_line_named_before(note, promise):
    assert promise in mine(note)


def test_them_after_a_verb_done_to_people_stays_them():
    assert mine("they want a designer. I'll connect them with Sam by fri") == [("connect them with Sam", FRI)]


@pytest.mark.parametrize(
    ("line", "promise"),
    [
        ("congrats msg for Dana Levi - she made partner!", ("send her a congrats message", "")),
        ("thx note to Omar Haddad for the dinner, tmrw", ("send him a thank-you note for the dinner", "2026-03-05")),
        ("bday card for Ana Costa by fri", ("send her a birthday card", FRI)),
    ],
)
def test_a_note_for_an_occasion_is_a_promise_to_the_one_it_is_for(line, promise):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and len(meeting.people) == 1
    assert [(p.text, p.due_on) for p in meeting.promises_of(meeting.people[0])] == [promise]
    assert meeting.when == TODAY


# -- the words of a day taken out leave a whole promise ------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "promise", "whose"),
    [
        # a day named with "for" is what is planned, said whole ("for 3/11"), and still the day it is due
        ("i'm scheduling the tech deep dive for 3/11", ("schedule the tech deep dive for 3/11", "2026-03-11"), "mine"),
        ("I'll book the demo for friday", ("book the demo for friday", FRI), "mine"),
        # "the next week" goes whole, "the" with it
        ("Priya will send me a test the next week.", ("send me a test", "2026-03-09"), "theirs"),
        # a day that comes back is a habit, not a deadline: said whole, due on no day
        ("she'll send me her rate sheet every monday", ("send me her rate sheet every monday", ""), "theirs"),
        # "after" a day is when it can start, not when it is due
        ("I'll send the edited images after 3/13", ("send the edited images", ""), "mine"),
    ],
)  # fmt: skip
def test_a_promise_keeps_no_word_that_belonged_to_its_day(note, promise, whose):
    assert promise in (theirs(note) if whose == "theirs" else mine(note))


@pytest.mark.parametrize(
    ("note", "promise", "whose"),
    [
        # the user speaking for their team
        ("told him we'd run a paid pilot", ("run a paid pilot", ""), "mine"),
        ("we'll send the SOW by friday", ("send the SOW", FRI), "mine"),
        ("said we'd counter by fri", ("counter", FRI), "mine"),
        # "he'll" typed without its apostrophe, before something he will do
        ("short on crew, hell send me the roster", ("send me the roster", ""), "theirs"),
        # "promise" with its "to" left out, as people writing English as a second language type it
        ("I promise send him my notes from the workshop", ("send him my notes from the workshop", ""), "mine"),
        # "this wknd" is the weekend to come
        ("i'll read her draft this wknd", ("read her draft", "2026-03-07"), "mine"),
        # a day gone by is what the thing is, not when it is due
        ("I'll send her my slides from last year", ("send her my slides from last year", ""), "mine"),
    ],
)  # fmt: skip
def test_promises_typed_in_a_hurry_or_for_a_team_are_kept(note, promise, whose):
    assert promise in (theirs(note) if whose == "theirs" else mine(note))


def test_well_see_is_no_promise():
    assert mine("we'll see how it goes") == [] and mine("we will see") == []


def test_a_meeting_asked_for_is_held_not_sent_and_forgetting_is_no_promise():
    assert mine("she wants a follow up in 2 wks with our numbers") == [("follow up", "2026-03-18")]
    assert mine("he wants a call by fri") == [("set up a call", FRI)]
    assert mine("event recap bc i WILL forget: 1) Ana from Gong") == []
