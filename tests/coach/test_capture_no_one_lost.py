"""Never lose a person: a line that names someone, anywhere in it, saves them (or keeps them as mentioned)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.coach.reading.capture import understand

TODAY = date(2026, 3, 4)


def _named(line: str) -> list[str]:
    understood = understand(line, TODAY)
    meeting = understood.meeting
    if understood.kind == "none" or meeting is None:
        return []
    return [p.name for p in meeting.people] + list(meeting.mentioned)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("finally met Dana from optum (interview!!) + the hiring mgr Dr. Paul Weiss, said decision soon", "Paul Weiss"),
        ("committee mtg: Prof. Okonkwo wants a robustness chapter by dec 1, Dr. Hahn will send me her code", "Hahn"),
        ("the Tanaka brothers (Ken & Hiro) who own tanaka bikes + Priya Das, SEO consultant", "Priya Das"),
        ("intro from Paul G → Ayesha Siddiqui, runs growth at careem. coffee next tues", "Ayesha Siddiqui"),
    ],
)
def test_someone_named_later_in_a_line_is_saved(line, name):
    assert name in _named(line)


LEADS = [
    "met Ana Lima at the fair +",
    "committee mtg: Prof. Okonkwo wants a chapter by dec 1,",
    "finally met Dana from optum in person + the hiring mgr",
    "intro from Paul G →",
    "great chat today w",
    "lunch w Lee Park and",
]
TITLES = ["", "Dr. ", "Prof. ", "Mrs "]
GIVEN = ["Priya", "Paul", "Ayesha", "Ingrid", "Kwame", "Sven", "Grace", "Tomás"]
SURNAMES = ["Das", "Weiss", "Siddiqui", "Okafor", "Berg", "Lindqvist"]
TAILS = ["", ", SEO consultant", " will send me the code", ", he said decision in 2 weeks", " (ops @ itau)"]


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(LEADS),
    st.sampled_from(TITLES),
    st.sampled_from(GIVEN),
    st.sampled_from(SURNAMES),
    st.sampled_from(TAILS),
)
def test_no_capitalised_name_outside_a_sentence_start_is_dropped(lead, title, first, last, tail):
    line = f"{lead} {title}{first} {last}{tail}"
    assert any(last in name or first in name for name in _named(line)), line


# -- names as people type them: handles, contractions, capitals after a name, a cry that opens the line -----------


def _people(line: str) -> list[str]:
    meeting = understand(line, TODAY).meeting
    return [p.name for p in meeting.people] if meeting is not None else []


@pytest.mark.parametrize(
    ("line", "name"),
    [
        # a handle, then who it is: the person saved by name
        ("twitter space w @lunar_dev (amara obi) on wallets, she's great", "Amara Obi"),
        ("dm'd w @quillgrid (irl Jonas Feld) about a collab", "Jonas Feld"),
        ("hackathon afterparty: @zk_rita (rita moss, head of research) wants a demo", "Rita Moss"),
        # "we'd", "she'll" after a name typed in lower case are no part of it
        ("quick call this am. told lena we'd send the numbers monday", "Lena"),
        # letters in capitals after a first and last name say where they are, not who
        ("/met Dana Whitcomb SEIU rep at the rally", "Dana Whitcomb"),
        # a cry that opens the line is no one
        ("Praise God - met Harold Boyce after the service, he runs a print shop", "Harold Boyce"),
    ],
)  # fmt: skip
def test_a_name_is_saved_whole_and_alone_however_the_line_dresses_it(line, name):
    assert _people(line) == [name]


def test_a_surname_typed_in_capitals_stays_part_of_the_name():
    assert _people("met Jean DUPONT at the trade fair") == ["Jean DUPONT"]


def test_a_cry_that_opens_the_line_is_not_where_they_met():
    meeting = understand("Great news - met Harold Boyce, he runs a print shop", TODAY).meeting
    assert meeting is not None and meeting.context == ""


@pytest.mark.parametrize(
    ("line", "name", "where"),
    [("PyCon - met Jane Doe, she runs a bakery", "Jane Doe", "PyCon"), ("SaaStr - met Ana Lopez from Gong", "Ana Lopez",
                                                                          "SaaStr")],
)  # fmt: skip
def test_an_event_before_a_dash_is_where_they_met_not_someone(line, name, where):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and [p.name for p in meeting.people] == [name] and meeting.context == where


@pytest.mark.parametrize(
    ("line", "first"),
    [
        ("Ngozi called, wants the deck by friday", "Ngozi"),
        ("Chidi emailed, wants the deck by friday", "Chidi"),
        ("Ngozi called. Meeting with her oga Mr Fashola is Thursday 10am for their office", "Ngozi"),
    ],
)
def test_someone_no_name_list_knows_who_opens_the_line_doing_something_is_not_dropped(line, first):
    understood = understand(line, TODAY)
    assert understood.kind != "none" and understood.meeting is not None
    assert understood.meeting.people[0].name == first


@pytest.mark.parametrize("line", ["Google called, wants the deck by friday", "Monday called for rain", "Mom called"])
def test_a_firm_a_day_or_family_calling_is_no_one_to_save(line):
    assert _named(line) == []


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("met Pete Kowalski at the VFW fish fry. wife Linda works HR at Lockheed Martin Grand Prairie",
         ["Pete Kowalski"]),
        ("mock interview w/ Annette Vo today. Rob Delgado needs a night shift distro mgr in Sherman TX",
         ["Annette Vo", "Rob Delgado"]),
        ("met Dale Briggs at the job fair, he'll fwd my resume to HR NLT fri", ["Dale Briggs"]),
        ("finally met Dana from optum + the hiring mgr Dr. Paul Weiss, said decision soon", ["Dana", "Paul Weiss"]),
    ],
)  # fmt: skip
def test_the_rest_of_a_firms_name_a_town_and_initials_are_no_one_met(line, people):
    understood = understand(line, TODAY)
    assert understood.meeting is not None and [p.name for p in understood.meeting.people] == people


@pytest.mark.parametrize(
    ("line", "met_", "mentioned"),
    [
        ("Kakao lunch with Steve Han, he ask advice for US launch, I promised make intro to Jason Park (Zillow)",
         ["Steve Han"], ["Jason Park"]),
        ("Dr. Feld asked if i know anyone for their unit secretary opening, said i'd send him Kayla's name",
         ["Feld"], ["Kayla"]),
        ("Meenakshi Rao is searching job change, I will share her resume with Venkatesh sir", ["Meenakshi Rao"],
         ["Venkatesh"]),
        ("call w Tony Russo, I'll send to QI today", ["Tony Russo"], []),
        ("rick intro'd me to Sam Whitaker frm Whitaker Steel, solid guy", ["Sam Whitaker"], ["Rick"]),
        ("intro call w/ Lena Ortiz (ops lead @ Fernway) today", ["Lena Ortiz"], []),
    ],
)  # fmt: skip
def test_someone_named_in_what_the_user_will_do_is_mentioned_not_met(line, met_, mentioned):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None
    assert ([p.name for p in meeting.people], meeting.mentioned) == (met_, mentioned)


def test_a_job_in_brackets_is_no_second_person():
    meeting = understand("met Ana Ruiz (Google, Senior Engineer) at the expo", TODAY).meeting
    assert meeting is not None and [p.name for p in meeting.people] == ["Ana Ruiz"]


def test_someone_introduced_to_the_user_is_met_not_only_mentioned():
    meeting = understand("Deacon Ray intro'd me to the pantry lead, Marcus Webb", TODAY).meeting
    assert meeting is not None
    assert "Marcus Webb" in [p.name for p in meeting.people] and "Marcus Webb" not in meeting.mentioned


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # the capitalised words first taken for a person name a group, a place or an organisation: read on
        ("Today I go to Vietnamese American Chamber of Commerce mixer, meet Tuấn Nguyễn, at KPMG", ["Tuấn Nguyễn"]),
        ("Church Vietnamese Martyrs after mass I meet bác Hải, he own 3 nail salon in Sugar Land", ["Hải"]),
        ("Sat go Hong Kong City Mall with mẹ, run into Thảo Lê from old job! now she is at Sysco", ["Thảo Lê"]),
        # "ep 42", "potential sponsor": words before a name typed in lower case that are no part of it
        ("ep 42 recorded w Maya Oduya, need to send her raw audio by Tues", ["Maya Oduya"]),
        ("discord call w/ owner marcus + potential sponsor lena hoffmann from red bull", ["Marcus", "Lena Hoffmann"]),
    ],
)
def test_words_that_name_no_one_are_passed_over_for_the_person(line, names):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and sorted(p.name for p in meeting.people) == sorted(names)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # a nickname in quotes, typed in lower case too, is what they are called, no one else
        ('met tyler "zeno" chen irl at the dallas esports meetup, ex-pro cs', ["Tyler Chen"]),
        ('met Siddharth "Sid" Rao at the meetup', ["Siddharth Rao"]),
        # "Rang" is phoned, "old pal" no one's name
        ("Rang Ciarán Doyle, old pal from Galway, sparky over here 10 yrs", ["Ciarán Doyle"]),
    ],
)
def test_what_people_are_called_and_how_they_were_reached_make_no_one_else(line, names):
    understood = understand(line, TODAY)
    assert understood.kind == "meeting" and [p.name for p in understood.meeting.people] == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("mock interview with sandeep bhaiya done yesterday. he told my SQL is weak", ["Sandeep"]),
        ("Reference calls arranged: Gen. Castellano, Adm. Brennan and Mrs. Holloway agreed to speak with Lakeshore",
         ["Castellano", "Brennan", "Holloway"]),
        ("Gen Z creators are wild, met Ana at the creator meetup", ["Ana"]),
        ("Met Tasha Green (Tasha Green Events) - she plans like 30 weddings a year", ["Tasha Green"]),
    ],
)
def test_ranks_respect_and_a_firm_named_after_them_are_no_part_of_the_name(line, names):
    assert [p.name for p in understand(line, TODAY).meeting.people] == names


def test_who_someone_is_said_before_a_lower_case_name_is_skipped_to_the_name_and_shares_nothing():
    line = "discord call w/ owner marcus + potential sponsor lena hoffmann from red bull, wants a content plan"
    people = {p.name: p for p in understand(line, TODAY).meeting.people}
    assert set(people) == {"Marcus", "Lena Hoffmann"} and people["Marcus"].company == ""
    [dana] = understand("call w/ prospective client dana lee from acme, wants a demo", TODAY).meeting.people
    assert dana.name == "Dana Lee"


@pytest.mark.parametrize(
    ("line", "met", "owner"),
    [
        ("Vikram sir's wife Anjali called me, she is in HR at Infosys", "Anjali", "Vikram"),
        ("Meena didi's husband Arun messaged, he can refer me", "Arun", "Meena"),
    ],
)
def test_respect_after_a_tie_owner_leaves_the_person_met(line, met, owner):
    meeting = understand(line, TODAY).meeting
    assert [p.name for p in meeting.people] == [met]
    assert owner in meeting.mentioned


@pytest.mark.parametrize(
    ("line", "met"),
    [
        ("Efua called — Kestrel Ventures leading the round!! she'll send the term sheet thurs", ["Efua"]),
        ("revert back from Suresh at Jumeirah group desk - they confirmed 30 rooms", ["Suresh"]),
        ("/met Dean Martha Olsen (History, Lakeview CC) at the spring mixer", ["Martha Olsen"]),
        ("Devon never called back. followed up w/ Priya tho, she says the req reopens in june", ["Devon", "Priya"]),
        ("new dispatcher maria lopez at swift lines needs 2 reefers a week", ["Maria Lopez"]),
    ],
)
def test_who_called_wrote_or_was_followed_up_with_is_saved(line, met):
    understood = understand(line, TODAY)
    assert understood.kind != "none" and understood.meeting is not None
    assert [p.name for p in understood.meeting.people] == met


def test_a_dean_by_name_is_still_a_person_called_dean():
    assert [p.name for p in understand("met Dean Smith at the mixer, loves golf", TODAY).meeting.people] == [
        "Dean Smith"
    ]


def test_a_capitalised_name_after_and_is_a_person_not_a_tie_and_a_job_in_letters_before_a_name_is_theirs():
    meeting = understand("coffee w Rachel Finn + Dev Malhotra, they need a PSM. Dev's sending sides by EOW", TODAY)
    people = {p.name: p for p in meeting.meeting.people}
    assert set(people) == {"Rachel Finn", "Dev Malhotra"} and people["Dev Malhotra"].link_to == ""
    assert understand("coffee chat w/ my AE Jordan, she'll push for my promo", TODAY).meeting.people[0].role == "AE"
    tie = understand("dinner w Raj and his dev Mei Lin", TODAY).meeting.people[1]
    assert (tie.name, tie.link_to, tie.link_as) == ("Mei Lin", "Raj", "dev")


@pytest.mark.parametrize(
    ("line", "relative"),
    [
        ("dinner hosted by my old colleague Helen Park, and I met her husband, James Park", "James Park"),
        ("closing night tonight, Harriet came w/ her husband Clive, both loved it", "Clive"),
    ],
)
def test_a_relative_the_user_met_or_who_came_along_is_met(line, relative):
    meeting = understand(line, TODAY).meeting
    assert relative in [p.name for p in meeting.people] and relative not in meeting.mentioned


@pytest.mark.parametrize("line", ["Tuan Nguyen call went well, wants a proposal", "Wojtek Zielinski call - a demo"])
def test_a_name_opening_a_line_before_a_meeting_is_a_person_even_when_the_name_list_does_not_know_it(line):
    assert _named(line)[0] in ("Tuan Nguyen", "Wojtek Zielinski")


@pytest.mark.parametrize(
    ("line", "who", "role"),
    [
        ("Akron clinic. Dr. Hsu saw me briefly. Her MA Tiffany said the doctor is busy", "Tiffany", "MA"),
        ("Wendy (Kiln) - 2nd mtg w the partners. Their EIR Sunil Das doing tech DD, call set 3/12", "Sunil Das", "EIR"),
    ],
)
def test_a_job_in_letters_before_a_later_name_is_their_job_not_part_of_the_name(line, who, role):
    people = {p.name: p for p in understand(line, TODAY).meeting.people}
    assert who in people and people[who].role == role


@pytest.mark.parametrize(
    "line",
    [
        "Coffee chat (Zoom) with Alicia Park, Senior Instructional Designer at Coursera",
        "met Patricia Nwosu, Deputy General Counsel at Meridian Insurance, and her husband",
        "Coffee chat with Ms. Deepa Subramanian, Director Analytics at United Airlines",
    ],
)
def test_a_job_title_in_capitals_later_in_a_line_is_no_one(line):
    assert len(understand(line, TODAY).meeting.people) == 1


@pytest.mark.parametrize(
    "line",
    ["spring game @ Tarleton, Ray Ortega showed me around", "Ramadan iftar at the hotel, met Omar Siddiqui (HR head)"],
)
def test_a_gathering_taken_for_a_person_beside_the_people_met_is_no_one(line):
    names = [p.name for p in understand(line, TODAY).meeting.people]
    assert len(names) == 1 and names[0] in ("Ray Ortega", "Omar Siddiqui")


@pytest.mark.parametrize("line", ["New York meeting w/ Ana Ruiz went ok", "Las Vegas trip, met Ana Ruiz at the expo"])
def test_the_rest_of_a_city_s_name_is_no_one(line):
    assert [p.name for p in understand(line, TODAY).meeting.people] == ["Ana Ruiz"]
