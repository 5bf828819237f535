"""Needs, offers and interests as people type them: the whole object kept, shorthand spelled out, and the many
ways of saying what someone is after, can give, or cares about."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.reading.notes import extract_facts

TODAY = date(2026, 3, 4)


# -- needs --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "need"),
    [
        ("she wants a hand w/ the grant application", "help with the grant application"),
        ("he asked for help w the budget model", "help with the budget model"),
        ("looking for a cofounder w/hardware chops", "a cofounder with hardware chops"),
        ("needs a PM w/ fintech experience", "a PM with fintech experience"),
    ],
)
def test_with_typed_short_is_said_whole_in_a_need(note, need):
    assert need in extract_facts(note, TODAY).needs


@pytest.mark.parametrize(
    ("note", "need"),
    [
        ("the choir needs singers for the Sunday service, told her maybe", "singers for the Sunday service"),
        ("she needs helpers for the May 12 bake sale", "helpers for the May 12 bake sale"),
        ("looking for drivers for Saturday trips to the coast", "drivers for Saturday trips to the coast"),
    ],
)
def test_a_day_that_names_a_kind_of_thing_stays_in_the_need(note, need):
    assert need in extract_facts(note, TODAY).needs


@pytest.mark.parametrize(
    ("note", "need"),
    [
        ("he wants a designer by friday", "a designer"),
        ("needs a lawyer on monday", "a lawyer"),
    ],
)
def test_a_day_that_says_when_is_still_left_out_of_the_need(note, need):
    assert extract_facts(note, TODAY).needs == [need]


@pytest.mark.parametrize(
    ("note", "need"),
    [
        ("raising 2.5M seed, wants warm intros", "2.5M seed"),
        ("she's raising a $1.2m bridge. call next week", "a $1.2m bridge"),
        ("looking for a 0.5 FTE data analyst", "a 0.5 FTE data analyst"),
    ],
)
def test_a_decimal_point_does_not_end_a_need(note, need):
    assert need in extract_facts(note, TODAY).needs


@pytest.mark.parametrize(
    ("note", "needs"),
    [
        ("first-time buyers, budget 600k, a garden a must", ["budget 600k", "a garden"]),
        ("their budget's now 1.2m", ["budget 1.2m"]),
        ("budget is around $400k, parking is a must", ["budget $400k", "parking"]),
    ],
)
def test_a_budget_and_a_must_are_needs(note, needs):
    found = extract_facts(note, TODAY).needs
    for need in needs:
        assert any(need in f for f in found), found


def test_the_users_own_budget_is_no_need_of_theirs():
    assert extract_facts("told him our budget is 90k max", TODAY).needs == []


def test_an_emoji_between_two_clauses_ends_the_need():
    assert extract_facts("wants someone to edit her memoir 📚 promised a call", TODAY).needs == [
        "someone to edit her memoir"
    ]


def test_a_need_said_before_a_must_is_whole():
    from bot.coach.reading.boundaries import cut_short

    assert cut_short("Luis needs a quiet street.", "relocating, a quiet street a must") == []
    assert cut_short("Luis needs a quiet.", "relocating, a quiet street a must") != []


# -- interests ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "interest"),
    [
        ("she's giving a talk on zero-knowledge proofs at devcon", "zero-knowledge proofs"),
        ("he is doing a keynote about urban farming in october", "urban farming"),
        ("he works on protein folding, wants our GPUs", "protein folding"),
        ("now working on wildfire prediction models", "wildfire prediction models"),
        ("she is researching coral bleaching", "coral bleaching"),
        ("he teaches at the uni and research soil microbes", "soil microbes"),
        ("curious about my compost project", "compost project"),
        ("they're building cargo bikes for couriers", "cargo bikes for couriers"),
        ("both building soil sensors", "soil sensors"),
    ],
)
def test_what_someone_works_on_or_talks_about_is_an_interest(note, interest):
    assert interest in extract_facts(note, TODAY).interests


@pytest.mark.parametrize(
    ("note", "interests"),
    [
        ("she like salsa and tango", ["salsa", "tango"]),
        ("he like cricket too", ["cricket"]),
        ("liked my talk on pricing", ["pricing"]),  # the topic; "liked the case" is none (test_whole_phrases)
        ("total coffee nerd, roasts his own", ["coffee"]),
        ("a history buff", ["history"]),
        ("we geeked out about mechanical keyboards", ["mechanical keyboards"]),
    ],
)
def test_liking_said_many_ways_is_an_interest(note, interests):
    assert extract_facts(note, TODAY).interests == interests


@pytest.mark.parametrize(
    ("note", "interest"),
    [
        ("he wants to get into woodworking", "woodworking"),
        ("they want to come to our pottery workshop on 5/2", "pottery workshop"),
        ("wants to swap notes on hiring in Lagos", "hiring in Lagos"),
        ("wants to talk supply chains. call next week", "supply chains"),
        ("want make a game together with me", "game"),
        ("wants to volunteer at the animal shelter", "volunteering at the animal shelter"),
    ],
)
def test_an_activity_someone_wants_to_do_is_an_interest_not_a_need(note, interest):
    found = extract_facts(note, TODAY)
    assert interest in found.interests
    assert found.needs == []


def test_a_talk_someone_gives_is_their_topic_not_the_users_promise():
    found = extract_facts("Ines, data lead at a bank, doing a talk on fraud graphs in may", TODAY)
    assert found.interests == ["fraud graphs"]
    assert found.promises == []


def test_a_talk_the_user_gives_stays_the_users():
    assert extract_facts("I'm giving a talk on pricing next week", TODAY).interests == []


@pytest.mark.parametrize(
    "note",
    [
        "I'm working on the deck tonight",
        "works on weekends",
        "working on it",
        "we're building a new office",
        "she like me",
        "he's building a budgeting app",
    ],
)
def test_no_interest_is_read_from_the_users_own_work_or_a_day(note):
    assert extract_facts(note, TODAY).interests == []


# -- offers -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "offer"),
    [
        ("open to mentoring junior analysts", "mentoring junior analysts"),
        ("she's open to sharing her pitch template", "sharing her pitch template"),
        ("he is open to intros to his LPs", "intros to his LPs"),
    ],
)
def test_what_someone_is_open_to_doing_for_you_is_an_offer(note, offer):
    assert offer in extract_facts(note, TODAY).offers


def test_being_open_to_a_move_is_no_offer():
    assert extract_facts("open to moving if the pay is right", TODAY).offers == []


@pytest.mark.parametrize(
    ("note", "offer"),
    [
        ("we're swapping leads from now on", "leads"),
        ("she wants to trade honey for eggs", "honey"),
        ("we could trade intros", "intros"),
    ],
)
def test_what_someone_swaps_with_you_is_an_offer(note, offer):
    assert offer in extract_facts(note, TODAY).offers


def test_what_someone_trades_for_is_their_need():
    found = extract_facts("she wants to trade honey for eggs", TODAY)
    assert (found.offers, found.needs) == (["honey"], ["eggs"])


@pytest.mark.parametrize(
    ("note", "offer"),
    [
        ("she has two openings for junior devs", "two openings for junior devs"),
        ("has 5 resumes for the ops lead search", "5 resumes for the ops lead search"),
        ("the club has spare desk space on fridays", "spare desk space on fridays"),
        ("he has a data role for new grads", "a data role for new grads"),
    ],
)
def test_something_they_have_for_you_is_an_offer(note, offer):
    assert offer in extract_facts(note, TODAY).offers


@pytest.mark.parametrize(
    "note", ["she has a senior role at a bank", "has two kids", "he has a competing offer", "has a new job at Stripe"]
)
def test_what_someone_simply_has_is_no_offer(note):
    assert extract_facts(note, TODAY).offers == []


@pytest.mark.parametrize(
    ("note", "offer"),
    [
        ("angel, writes 50k checks", "50k checks"),
        ("she's a maths tutor", "maths tutoring"),
        ("he's a Spanish tutor in the evenings", "Spanish tutoring"),
        ("Lou teaches guitar", "guitar lessons"),
        ("runs a weekly writing circle, said I can come", "a weekly writing circle"),
    ],
)
def test_what_a_job_or_a_group_says_they_offer(note, offer):
    assert offer in extract_facts(note, TODAY).offers


@pytest.mark.parametrize("note", ["he teaches at the uni", "runs a bakery", "she teaches school", "runs the show"])
def test_a_job_that_offers_nothing_in_particular(note):
    assert extract_facts(note, TODAY).offers == []


def test_swapping_for_a_purpose_is_one_offer():
    found = extract_facts("we're swapping shortlists for the data team", TODAY)
    assert (found.offers, found.needs) == (["shortlists for the data team"], [])


# -- smaller shapes -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "interest"),
    [
        ("she runs ultras most weekends", "ultras"),
        ("he did two ironmans last year", "ironmans"),
        ("runs the office cycling club", "cycling"),
    ],
)
def test_a_sport_someone_does_is_an_interest(note, interest):
    assert interest in extract_facts(note, TODAY).interests


@pytest.mark.parametrize(
    ("note", "need"),
    [
        ("looking for a flat, something near the river. call mon", "a flat, something near the river"),
        ("needs a new laptop, ideally a light one", "a new laptop, ideally a light one"),
    ],
)
def test_what_a_need_is_said_more_closely_after_a_comma_stays_with_it(note, need):
    assert need in extract_facts(note, TODAY).needs


@pytest.mark.parametrize(
    ("note", "need"),
    [
        ("wants speakers for nov", "speakers for November"),
        ("she needs interns for sept", "interns for September"),
    ],
)
def test_a_month_typed_short_inside_a_need_is_said_whole(note, need):
    assert need in extract_facts(note, TODAY).needs


@pytest.mark.parametrize(
    ("note", "need"),
    [
        ("emailed about the grant template", "the grant template"),
        ("she asked about our pricing, reply by fri", "our pricing"),
    ],
)
def test_what_someone_asked_about_is_a_need(note, need):
    assert need in extract_facts(note, TODAY).needs


def test_what_the_user_asked_about_is_no_need_of_theirs():
    assert extract_facts("I asked about her kids", TODAY).needs == []


def test_a_month_said_whole_is_no_cut_of_the_month_typed_short():
    from bot.coach.reading.boundaries import cut_short

    assert cut_short("Are you still looking for interns for September?", "needs interns for sept") == []


@pytest.mark.parametrize(
    "note",
    [
        "(research scientist, a big lab) asked for our preprint",
        "Wei (research sci at a lab now) offered to help",
        "flutterwave alumni, now building ledgerly",
        "she work on google as UX",
    ],
)
def test_a_job_title_a_product_or_a_workplace_is_no_interest(note):
    assert extract_facts(note, TODAY).interests == []


@pytest.mark.parametrize(
    ("note", "interests"),
    [
        ("Rui + Ada from the lab, both on climate finance", ["climate finance"]),
        ("both on holiday till june", []),
        ("they were both on the panel", []),
    ],
)
def test_a_field_two_people_are_both_on_is_their_interest(note, interests):
    assert extract_facts(note, TODAY).interests == interests
