"""The learned reader's second look at the names a line says (bot/coach/reading/tagger.py, second_look.py)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from bot.coach.reading import second_look as second
from bot.coach.reading.capture import parse_meeting, understand
from bot.coach.reading.meeting import Meeting, PersonMention
from bot.coach.reading.tagger import MODEL, Tagged, Tagging, features, names_in, tokens
from testkit import grading

TODAY = date(2026, 5, 6)
REPO = Path(__file__).resolve().parents[2]


def _names(text: str) -> list[str]:
    understood = understand(text, TODAY)
    return [p.name for p in understood.meeting.people] if understood.meeting and understood.kind != "none" else []


def test_a_word_before_a_name_that_is_no_part_of_it_is_dropped():
    assert _names("Afterwards Tomas Berg (runs Berg Bikes) offered to sponsor the charity ride") == ["Tomas Berg"]
    assert [p.name for p in parse_meeting("Afterwards Tomas Berg (runs Berg Bikes)", TODAY).people] == ["Tomas Berg"]


def test_a_job_said_before_a_name_is_the_job_not_part_of_the_name():
    meeting = understand("Call w/ VP Sandra Lowe re the renewal, she needs the SOC2 report", TODAY).meeting
    assert meeting is not None
    assert [(p.name, p.role) for p in meeting.people] == [("Sandra Lowe", "VP")]


def test_a_first_name_the_name_dictionary_lacks_is_kept_with_the_family_name():
    meeting = understand("Dev Khanna - product lead at a climate startup, needs a designer", TODAY).meeting
    assert meeting is not None
    assert [p.name for p in meeting.people] == ["Dev Khanna"]
    assert meeting.people[0].role.lower() == "product lead"


def test_a_line_the_scanner_saves_nobody_from_but_that_names_someone_met_is_asked_about():
    understood = understand("Received the proposal of Henrik, it looks fair, I must answer him before friday", TODAY)
    assert understood.kind == "maybe"
    assert understood.meeting is not None and [p.name for p in understood.meeting.people] == ["Henrik"]


@pytest.mark.parametrize(
    "line",
    ["thanks, that's all for today", "what's due this week?", "Happy Friday!", "ugh Monday again", "ok 👍", "lol"],
)
def test_chat_stays_chat(line: str):
    assert understand(line, TODAY).kind == "none"


def test_someone_met_the_scanner_missed_is_added_only_when_the_name_opens_with_a_first_name(monkeypatch):
    said = [
        Tagged(("Lars", "Halvorsen"), True, 0.97),
        Tagged(("June",), True, 0.99),  # a month
        Tagged(("Dad",), True, 0.99),  # a tie
        Tagged(("Carrow", "Capital"), True, 0.99),  # no first name
        Tagged(("Noor",), False, 0.99),  # only mentioned
        Tagged(("Kasia",), True, 0.6),  # not sure enough to add
        Tagged(("Raj",), True, 0.99),  # saved already
    ]
    monkeypatch.setattr(second, "tagging", lambda text: Tagging(said, [], []))
    meeting = Meeting(people=[PersonMention("Raj")], when=TODAY, mentioned=[])
    second.second_look("(the line)", meeting)
    assert [p.name for p in meeting.people] == ["Raj", "Lars Halvorsen"]


def test_a_renamed_person_keeps_the_ties_others_have_to_them(monkeypatch):
    line = "the church's Coordinator Denise Howard and Angela"
    at = line.index("Denise")
    tagged = [Tagged(("Denise", "Howard"), True, 0.9, at, at + 13)]
    monkeypatch.setattr(second, "tagging", lambda text: Tagging(tagged, [], []))
    denise = PersonMention("Coordinator Denise Howard")
    angela = PersonMention("Angela", link_to="Coordinator Denise Howard", link_as="colleague")
    meeting = Meeting(people=[denise, angela], when=TODAY)
    second.second_look(line, meeting)
    assert (denise.name, angela.link_to) == ("Denise Howard", "Denise Howard")


def test_names_typed_in_lower_case_are_asked_about_with_capitals(monkeypatch):
    monkeypatch.setattr(second, "names_in", lambda text: [Tagged(("tony",), True, 0.9)])
    assert [p.name for p in second.people_found("glazing - tony says the mockup is late")] == ["Tony"]


def test_the_tagger_reads_words_apart_from_a_possessive_and_punctuation():
    assert [w for w, _, _ in tokens("Noah's mum, Claire-Ann (O'Brien).")] == [
        "Noah", "'s", "mum", ",", "Claire-Ann", "(", "O'Brien", ")", ".",
    ]  # fmt: skip
    assert names_in("") == []
    assert len(features(["met", "Kofi"])) == 2


def test_the_shipped_model_is_the_one_the_tuning_parts_make_and_no_frozen_part_is_read(tmp_path):
    sys.path.insert(0, str(REPO / "tools"))
    try:
        import train_people_tagger as trainer
    finally:
        sys.path.remove(str(REPO / "tools"))
    assert not [p for p in trainer.PARTS if "frozen" in p]
    parts = [p for p in trainer.PARTS if (grading.BLIND / f"{p}.jsonl").exists()]
    fresh = tmp_path / "people.crfsuite"
    trainer.train(parts, fresh)
    assert fresh.read_bytes() == MODEL.read_bytes(), "run tools/train_people_tagger.py and commit the model"


def _at(line: str, words: str, met: bool = False) -> Tagged:
    start = line.index(words)
    return Tagged(tuple(words.split()), met, 0.9, start, start + len(words))


def test_a_company_or_a_job_said_of_someone_is_theirs_when_the_scanner_gave_none(monkeypatch):
    line = "drinks w Carlos Vega (BDR @ HubSpot) + Jess Kim from Gong, Jess owes me a deck"
    read = Tagging([], [_at(line, "HubSpot"), _at(line, "Gong")], [_at(line, "BDR")])
    monkeypatch.setattr(second, "tagging", lambda text: read)
    carlos, jess = PersonMention("Carlos Vega"), PersonMention("Jess Kim", company="Gong")
    meeting = Meeting(people=[carlos, jess], when=TODAY)
    second.second_look(line, meeting)
    assert (carlos.company, carlos.role) == ("HubSpot", "BDR")
    assert (jess.company, jess.role) == ("Gong", "")  # the company said after her name, no job said


def test_words_the_tagger_reads_as_no_company_give_way_to_the_company_said(monkeypatch):
    line = "Dan Porter (Colliers, retail) is a big golfer"
    monkeypatch.setattr(second, "tagging", lambda text: Tagging([], [_at(line, "Colliers")], []))
    dan = PersonMention("Dan Porter", company="retail")
    second.second_look(line, Meeting(people=[dan], when=TODAY))
    assert dan.company == "Colliers"


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("site walk w ben torres + kay. ben needs the rebar schedule", "site walk"),
        ("open house was quiet except Maya (teacher at Lincoln), she wants a 3bd", "open house"),
    ],
)
def test_a_place_or_event_the_scanner_missed_is_where_they_met(line: str, where: str):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.context == where


@pytest.mark.parametrize(
    "line",
    [
        "texted w/ Omar Said about the lease",
        "Teams call w Greg Ruiz re the renewal",
        "coffee chat w/ Kim Ro",
        "booked a disco call w/ Lena Ortiz (ops lead @ Fernway) for thurs",
    ],
)
def test_a_way_of_meeting_is_never_where_they_met(line: str):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.context == ""


@pytest.mark.parametrize("line", ["met Ana Lopez \ud83d today at the gala", "met Ana\x00 Lopez at the gala", "\ud800"])
def test_a_lone_surrogate_or_a_nul_never_breaks_the_reading(line: str):
    understood = understand(line, TODAY)  # valid JSON can carry both; CRFsuite reads UTF-8 C strings
    assert understood.kind in ("meeting", "maybe", "none")


def test_a_person_the_tagger_is_sure_is_a_place_or_a_company_is_no_person(monkeypatch):
    line = "Zoom re Birch Ct. 4B: Hana Sato (tenant) + Ken Sato"
    read = Tagging([_at(line, "Hana Sato", True), _at(line, "Ken Sato", True)], [], [], [_at(line, "Birch Ct")])
    monkeypatch.setattr(second, "tagging", lambda text: read)
    people = [PersonMention("Birch Ct"), PersonMention("Hana Sato"), PersonMention("Ken Sato")]
    meeting = Meeting(people=people, when=TODAY)
    second.second_look(line, meeting)
    assert [p.name for p in meeting.people] == ["Hana Sato", "Ken Sato"]
    monkeypatch.setattr(second, "tagging", lambda text: Tagging([], [], [], [_at(line, "Birch Ct")]))
    alone = Meeting(people=[PersonMention("Birch Ct")], when=TODAY)  # never the line's only one
    second.second_look(line, alone)
    assert [p.name for p in alone.people] == ["Birch Ct"]


def test_a_place_named_after_someone_still_names_them(monkeypatch):
    line = "dropped by Rebecca's studio, her partner Tom wants samples"
    studio = Tagged(("Rebecca", "'s", "studio"), False, 0.95, line.index("Rebecca"), line.index(","))
    monkeypatch.setattr(second, "tagging", lambda text: Tagging([], [], [], [studio]))
    meeting = Meeting(people=[PersonMention("Rebecca"), PersonMention("Tom")], when=TODAY)
    second.second_look(line, meeting)
    assert [p.name for p in meeting.people] == ["Rebecca", "Tom"]


def test_a_lone_person_read_from_a_company_is_renamed_to_whom_the_tagger_is_sure_was_met(monkeypatch):
    line = "sparky Jimmy Doyle (Doyle Electric) says the switchgear is late"
    read = Tagging([_at(line, "Jimmy Doyle", True)], [_at(line, "Doyle Electric")], [])
    monkeypatch.setattr(second, "tagging", lambda text: read)
    person = PersonMention("Doyle Electric")
    second.second_look(line, Meeting(people=[person], when=TODAY))
    assert (person.name, person.company) == ("Jimmy Doyle", "Doyle Electric")


def test_a_lone_person_read_from_a_place_is_renamed_and_the_place_is_where_they_met(monkeypatch):
    line = "Willow Creek Barn tour w/ Tasha, she wants a styled shoot"
    read = Tagging([_at(line, "Tasha", True)], [], [], [_at(line, "Willow Creek Barn")])
    monkeypatch.setattr(second, "tagging", lambda text: read)
    person = PersonMention("Willow Creek Barn")
    meeting = Meeting(people=[person], when=TODAY)
    second.second_look(line, meeting)
    assert (person.name, person.company, meeting.context) == ("Tasha", "", "Willow Creek Barn")
