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


# -- offers: ability, knowing a field's people, and what they will hand over ---------------------------------------


@pytest.mark.parametrize(
    ("note", "offer"),
    [
        ("might help w our garden redesign", "our garden redesign"),
        ("may be able to help with the planning permit", "the planning permit"),
        ("could maybe help on pricing", "pricing"),
        ("she can do our wedding flowers", "our wedding flowers"),
    ],
)
def test_an_ability_said_with_a_hedge_or_a_plain_do_is_an_offer(note, offer):
    assert offer in extract_facts(note, TODAY).offers


@pytest.mark.parametrize(
    ("note", "field"),
    [
        ("knows everybody in specialty coffee", "specialty coffee"),
        ("knows a lot of people in the film industry", "film industry"),
        ("he is well connected in agritech", "agritech"),
    ],
)
def test_knowing_a_fields_people_offers_contacts_there_and_the_field_is_an_interest(note, field):
    found = extract_facts(note, TODAY)
    assert any(o.startswith("contacts in") and o.endswith(field) for o in found.offers), found.offers
    assert field in found.interests


@pytest.mark.parametrize(
    ("note", "offer"),
    [
        ("she'll hold two crates of the plums for me", "two crates of the plums"),
        ("he'll give me a seat at the pitch night", "a seat at the pitch night"),
        ("she'll let me use her kiln on fridays", "use of her kiln on fridays"),
        ("he'll share his hiring scorecard", "his hiring scorecard"),
        ("Ines offer me a tour of the lab", "a tour of the lab"),
    ],
)
def test_what_they_will_hand_over_to_the_user_is_an_offer(note, offer):
    assert offer in extract_facts(note, TODAY).offers


@pytest.mark.parametrize(
    "note",
    ["she'll send the contract tonight", "he'll get back to me on monday", "he made me an offer", "could do it friday"],
)
def test_a_message_a_reply_or_a_job_offer_is_no_offer_of_help(note):
    assert extract_facts(note, TODAY).offers == []


# -- interests: liking said with its degree, caring, the field of one's work, what one publishes on ----------------


@pytest.mark.parametrize(
    ("note", "interest"),
    [
        ("they like very much the opera", "opera"),
        ("she likes birdwatching a lot", "birdwatching"),
        ("he loves so much the mountains", "mountains"),
        ("cares deeply about ocean plastics", "ocean plastics"),
        ("really cared about open source", "open source"),
    ],
)
def test_liking_or_caring_said_with_how_much_is_an_interest(note, interest):
    assert interest in extract_facts(note, TODAY).interests


@pytest.mark.parametrize(
    ("note", "interest"),
    [
        ("she is doing data platform work at a bank", "data platform work"),  # whole: not "into data platform"
        ("does policy work on housing", "policy work"),
        ("he runs a podcast on urban cycling", "urban cycling"),
        ("writes a newsletter about rare plants", "rare plants"),
    ],
)
def test_the_field_of_their_work_and_what_they_publish_on_are_interests(note, interest):
    assert interest in extract_facts(note, TODAY).interests


@pytest.mark.parametrize(
    "note",
    ["does freelance work", "doing some work for the council", "does legal work", "she hosts a show on climate"],
)
def test_no_interest_from_work_that_names_no_field_or_a_shows_subject(note):
    assert extract_facts(note, TODAY).interests == []


# -- more ways of saying it -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "need"),
    [
        ("asked if I know any good physios", "good physios"),
        ("asked whether we knew a notary in town", "a notary in town"),
        ("is desperate for a reliable nanny", "a reliable nanny"),
        ("has been looking for a flatmate for weeks", "a flatmate"),
        ("job hunting in logistics", "a job in logistics"),
        ("she's between jobs, asked for intros", "a new job"),
    ],
)
def test_asking_whom_the_user_knows_and_looking_for_work_are_needs(note, need):
    assert need in extract_facts(note, TODAY).needs


def test_what_they_want_the_user_to_do_is_no_need_phrase():
    assert extract_facts("wants me to intro him to Sara", TODAY).needs == []


@pytest.mark.parametrize(
    ("note", "offer"),
    [
        ("has contacts at the port authority", "contacts at the port authority"),
        ("has lots of connections in hospitality", "contacts in hospitality"),
        ("she's really good at grant budgets", "grant budgets"),
    ],
)
def test_contacts_they_have_and_what_they_are_good_at_are_offers(note, offer):
    assert offer in extract_facts(note, TODAY).offers


@pytest.mark.parametrize(
    ("note", "interest"),
    [("a tea lover", "tea"), ("collects old maps", "old maps"), ("he's really into padel lately", "padel")],
)
def test_a_lover_a_collector_and_a_passion_said_with_a_time_are_interests(note, interest):
    assert extract_facts(note, TODAY).interests == [interest]


@pytest.mark.parametrize(
    ("note", "found"),
    [
        ("he wanna raise a bridge round", ("needs", "a bridge round")),
        ("interested about soil health", ("interests", "soil health")),
        ("passionate for street photography", ("interests", "street photography")),
        ("she enjoy gardening", ("interests", "gardening")),
        ("he love opera", ("interests", "opera")),
        ("loves to swim and sail", ("interests", "swimming")),
        ("volunteers at the animal shelter", ("interests", "volunteering at the animal shelter")),
        ("she can advise on pricing", ("offers", "advise on pricing")),
    ],
)
def test_the_forms_non_native_and_hurried_writers_use(note, found):
    kind, phrase = found
    assert phrase in getattr(extract_facts(note, TODAY), kind)


def test_what_the_user_loves_is_no_interest_of_theirs():
    assert extract_facts("I love it, we enjoy the view", TODAY).interests == []


@pytest.mark.parametrize(
    ("note", "offer"),
    [
        ("wants to come talk to the year 9 class", "talk to the year 9 class"),
        ("would love to come and read at the library", "read at the library"),
        ("keen to help with the spring fair", "the spring fair"),
    ],
)
def test_wanting_to_come_and_give_is_an_offer(note, offer):
    assert offer in extract_facts(note, TODAY).offers


def test_something_to_do_together_is_both_what_they_want_and_a_shared_interest():
    found = extract_facts("wants to do a joint grant application with us", TODAY)
    assert found.needs == ["do a joint grant application with us"]
    assert found.interests == ["joint grant application with us"]
