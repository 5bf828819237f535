"""Work and place as people type them: the event a line opens with is no job ("dinner at Nori w/ ..."), a lab or
team named after "in the", jobs said with a verb ("roasts coffee", "does grant writing"), a job and company shared by
several people, and the meeting itself as where it happened ("lunch w/ Ana")."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.reading.capture import understand

TODAY = date(2026, 3, 4)


def person(text: str, who: str):  # type: ignore[no-untyped-def]
    meeting = understand(text, TODAY).meeting
    assert meeting is not None, text
    return next(p for p in meeting.people if p.name == who)


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("brunch at Tartine w/ the Okafor crew - Ada Okafor (owner) + her son Chidi", "Ada Okafor"),
        ("birthday party at the Lees' — met their neighbour Farah, a dentist", "Farah"),
        ("book club @ the library tonight: met Ines Pereira, loves sci-fi", "Ines Pereira"),
        ("gallery opening at Pace, met Tomas Berg who paints murals", "Tomas Berg"),
    ],
)
def test_the_event_a_line_opens_with_is_no_job(line, who):
    got = person(line, who)
    assert got.role.split()[-1:] not in (["brunch"], ["party"], ["club"], ["opening"])
    assert "party" not in got.role and "club" not in got.role and "brunch" not in got.role


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("met Ravi Menon, postdoc in the Okafor lab, works on yeast", "Ravi Menon", "postdoc", "Okafor lab"),
        ("met Lea Brandt, engineer in the Payments team at Adyen", "Lea Brandt", "engineer", "Adyen"),
        ("coffee w/ June Park, grad student in the Fisher group", "June Park", "grad student", "Fisher group"),
    ],
)
def test_a_lab_or_group_named_after_in_the_is_where_they_work(line, who, role, company):
    got = person(line, who)
    assert (got.role, got.company) == (role, company)


@pytest.mark.parametrize(
    ("line", "who", "role"),
    [
        ("met Nadia Haddad, she roasts coffee in Lisbon", "Nadia Haddad", "coffee roaster"),
        ("met Ben Ortiz who volunteers at the shelter", "Ben Ortiz", "volunteer"),
        ("met Uma Rao, she tutors in Leeds", "Uma Rao", "tutor"),
        ("coffee w/ Lina Park, she does grant writing for nonprofits", "Lina Park", "grant writer"),
        ("met Omar Said + his wife Rana who does graphic design", "Rana", "graphic designer"),
        ("met Theo Blum, he does VC, into climate", "Theo Blum", "VC"),
        ("met Carla Reyes, she consults for Bain", "Carla Reyes", "consultant"),
    ],
)
def test_a_job_said_with_its_verb_is_the_job_it_names(line, who, role):
    assert person(line, who).role == role


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("met Ivo Kral, he plays cello and wants a duet partner", "Ivo Kral"),
        ("met Sara Lind, she writes 2 checks a year, angel-ish", "Sara Lind"),
        ("met Joe Kim, he sends his regards", "Joe Kim"),
        ("met Mia Cho, she loves pottery", "Mia Cho"),
        ("met Ola at the fair, she knits", "Ola"),
        ("met Ari at the club, supports Arsenal", "Ari"),
    ],
)
def test_a_verb_whose_doer_is_no_job_says_none(line, who):
    assert person(line, who).role == ""


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("met Gus Abara, he runs the flower shop on Main", "Gus Abara", "runs the flower shop on Main",
         "the flower shop on Main"),
        ("met Ilse Vogel, she owns the bike shop on 4th", "Ilse Vogel", "owner", "the bike shop on 4th"),
        ("met Rosa Diaz, she owns Rosa's Tacos", "Rosa Diaz", "owner", "Rosa's Tacos"),
        ("met Wen Li, runs the children's foundation", "Wen Li", "runs the children's foundation",
         "the children's foundation"),
        ("the tall woman who runs the cafe on Pine, Hana Mori, wants to stock our jam", "Hana Mori",
         "runs the cafe on Pine", "the cafe on Pine"),
    ],
)  # fmt: skip
def test_a_business_someone_runs_or_owns_is_where_they_work(line, who, role, company):
    got = person(line, who)
    assert (got.role, got.company) == (role, company)


def test_a_person_word_before_the_name_is_no_job():
    got = person("the lady at the raffle table, Dora Fink, sells quilts", "Dora Fink")
    assert got.role != "lady" and got.company != "the raffle table"


@pytest.mark.parametrize(
    ("line", "role", "company"),
    [
        ("met Sam + Ana Ruiz (cofounders of Kelp, married)", "cofounder", "Kelp"),
        ("met Tom and Lia (both from Canva design)", "design", "Canva"),
        ("coffee w/ Ken & Jo (sales reps at Sysco)", "sales rep", "Sysco"),
        ("drinks with Raj + Mo (both engineers @ Wise)", "engineer", "Wise"),
    ],
)
def test_a_job_in_brackets_after_several_names_is_each_ones(line, role, company):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and len(meeting.people) == 2
    assert [(p.role, p.company) for p in meeting.people] == [(role, company)] * 2


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("met Lucia (HR of Inditex) at the fair", "Lucia", "HR", "Inditex"),
        ("met Hugo (Mayor of Boston)", "Hugo", "Mayor of Boston", ""),
        ("met Ivan (Director of Rosneft)", "Ivan", "Director", "Rosneft"),
        ("met Zoe (Director of Marketing)", "Zoe", "Director of Marketing", ""),
        ("met Dina (Spotify partnerships)", "Dina", "partnerships", "Spotify"),
        ("met Omar Aziz from Tesco sourcing", "Omar Aziz", "sourcing", "Tesco"),
        ("met Priya ma'am (Principal, DPS) today", "Priya", "Principal", "DPS"),
        ("interviewed Kofi (NYC, frontend, 4 yrs)", "Kofi", "frontend", ""),
    ],
)
def test_a_job_and_company_in_brackets_however_they_are_said(line, who, role, company):
    got = person(line, who)
    assert (got.role, got.company) == (role, company)


def test_a_job_said_of_both_after_and_is_each_ones():
    meeting = understand("met Ines and Rui at the fair, Ines is the aunt of Rui and both they are dentists", TODAY)
    assert meeting.meeting is not None
    assert [p.role for p in meeting.meeting.people] == ["dentist", "dentist"]


@pytest.mark.parametrize(
    ("line", "who", "role"),
    [
        ("met Omar & his cofounder Lea Roth (Kite)", "Omar", "cofounder"),
        ("met Sun Li at the expo. Her cofounder Dan Wu is technical", "Sun Li", "cofounder"),
        ("met Greta Holm, she taught 5th grade for years", "Greta Holm", "5th grade teacher"),
        ("met Ann Roe (VP eng, Asana)", "Ann Roe", "VP of engineering"),
        ("met Joe Ames, he's the one who signs off", "Joe Ames", ""),
        ("met Dr Lee at the gala - oncology chief, wants volunteers", "Lee", "oncology chief"),
    ],
)
def test_jobs_said_through_a_tie_a_past_or_shorthand(line, who, role):
    assert person(line, who).role == role


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("panel w/ Ruth Ade and Ken Obi - both want our deck", "panel"),
        ("launch party w/ Ana Lima, she's moving to Porto", "launch party"),
        ("workshop with Rob Lane (CFO, Vex)", "workshop"),
        ("had lunch w/ Ana Lima, she's moving to Porto", ""),
        ("coffee w/ Kim Ro, loves chess", ""),
        ("great meeting with Sam Ode today", ""),
    ],
)
def test_the_event_said_before_with_is_where_they_met(line, where):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.context == where


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("book fair was great. Nora Quinn from Penguin wants my pitch", "book fair"),
        ("so, the gala of saturday was lovely!! I know Rui and his wife Ana", "the gala"),
        ("bus stop chat w/ Len Ford, he's a plumber", "bus stop"),
        ("school gate chat with Amy Fox - she runs the PTA", "school gate"),
        ("catch up call w Raf Diaz, wants an intro", ""),
        ("coffee chat w/ Kim Ro, loves chess", ""),
        ("zoom call with Ada Lin about the grant", ""),
    ],
)
def test_the_place_or_event_a_line_opens_with_is_where_they_met(line, where):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.context == where


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("met Lia Souza, she work in Natura like manager of sales", "Lia Souza", "manager of sales", "Natura"),
        ("met Ravi Jain, he works at Infosys like architect", "Ravi Jain", "architect", "Infosys"),
    ],
)
def test_a_job_said_with_like_as_in_another_language(line, who, role, company):
    got = person(line, who)
    assert (got.role, got.company) == (role, company)
