"""The blind corpus's grader follows the corpus's own rules (testkit/grading.py), checked with made-up readers
so a rule is tested apart from the parser."""

from __future__ import annotations

from datetime import date

import pytest

from testkit.grading import (
    BATCH2_FROZEN,
    BATCH2_TUNING,
    BATCH3_FROZEN,
    BATCH3_TUNING,
    BATCH4_FROZEN,
    BATCH4_TUNING,
    BATCH5_FROZEN,
    BATCH5_TUNING,
    BATCH6_FROZEN,
    BATCH6_TUNING,
    BATCH7_FROZEN,
    BATCH7_TUNING,
    BATCH8_FROZEN,
    BATCH8_TUNING,
    BATCH9_FROZEN,
    BATCH9_TUNING,
    FROZEN,
    TUNING,
    Case,
    Reading,
    grade,
    load,
    match_people,
    same_list,
    same_name,
    same_text,
    starts_words,
)

TODAY = date(2026, 3, 4)


def person(name: str, **fields) -> dict:
    return {"name": name, **fields}


def case(people: list[dict], mentioned: tuple[str, ...] = (), chat: bool = False) -> Case:
    return Case("a line", TODAY, people, list(mentioned), chat, 1)


def reader(kind: str, people: list[dict], mentioned: tuple[str, ...] = ()):
    return lambda line, today: Reading(kind, people, list(mentioned))


@pytest.mark.parametrize(
    ("want", "got", "ok"),
    [
        ("Ana", "ana", True),
        ("José Núñez", "jose nunez", True),
        ("Dr. Nnamdi Eze", "Nnamdi Eze", True),
        ("Kevin O'Brien", "kevin obrien", True),
        ("Siddharth Rao", "Siddharth 'Sid' Rao", False),
        ("Nadia|Nadia Rahman", "Nadia Rahman", True),
        ("Ana", "Ana Paula", False),
    ],
)
def test_names_ignore_case_accents_punctuation_and_titles(want, got, ok):
    assert same_name(want, got) is ok


def test_a_person_is_found_by_a_unique_first_name_but_the_name_is_right_only_whole():
    assert match_people(["Mai Nguyen"], ["Mai"]) == {0: 0}
    assert match_people(["Mai Nguyen", "Mai Tran"], ["Mai"]) == {}  # not unique: not found
    g = grade([case([person("Mai Nguyen")])], reader("meeting", [person("Mai")]))
    assert g.right["names"] == 0 and g.lost_people == 0 and g.right_lines == 0


@pytest.mark.parametrize(
    ("want", "got", "ok"),
    [
        ("Qonto", "qonto", True),
        ("design meetup @ Figma office|design meetup", "the design meetup", True),
        ("Mercado Libre|MercadoLibre", "mercado libre", True),
        ("head of design", "design", True),  # one contains the other as whole words
        ("Nubank", "nubank's design ops", False),
        ("PM", "PMM", False),
        ("Anthropic", "", False),
        ("ops dir|operations director", "ops director", True),  # job shorthand read whole on both sides
        ("sr ds|senior data scientist", "senior ds", True),
        ("ops dir", "ops manager", False),
    ],
)
def test_company_role_and_where_are_equal_or_contain_each_other_as_whole_words(want, got, ok):
    assert same_text(want, got) is ok


@pytest.mark.parametrize(
    ("want", "stored", "ok"),
    [
        ("co-speaker", "a co-speaker", True),
        ("designer", "designers", True),
        ("senior designers", "seniors", False),
        ("a Berlin studio to join", "berlin studio to join", True),
        ("forró|forro", "forro nights", True),
        ("help with accessibility audit", "a hand with their accessibility audit", False),
        ("send me the lease draft", "send the lease draft", True),  # whom it is for, left out as the line did
        ("bring her samples", "bring samples", True),
        ("email me the choir schedule", "email me the schedule", False),  # a word of what is promised is missing
    ],
)
def test_list_items_every_word_of_one_alternative_starts_a_stored_word(want, stored, ok):
    assert starts_words(want, stored) is ok


def test_a_list_is_right_when_every_item_is_found_in_some_stored_item():
    assert same_list(["API docs", "pricing"], ["API docs + pricing"])
    assert not same_list(["API docs", "pricing"], ["API docs"])


def test_only_filled_fields_are_graded_and_dates_are_exact():
    want = person("Ana", company="Nubank", role="", when="2026-03-03", needs=["designer"], offers=[])
    got = person("Ana", company="nubank", role="PM", when="2026-03-04", needs=["a designer"], offers=["intros"])
    g = grade([case([want])], reader("meeting", [got]))
    assert (g.total["company"], g.total["role"], g.total["offers"]) == (1, 0, 0)
    assert g.right["company"] == 1 and g.right["needs"] == 1 and g.right["when"] == 0
    assert g.right_lines == 0


def test_promises_need_their_words_due_day_and_whose():
    want = person(
        "Dev",
        promises=[
            {"what": "review my portfolio", "due": "", "whose": "theirs"},
            {"what": "review his portfolio", "due": "2026-03-12", "whose": "mine"},
        ],
    )
    right = person(
        "Dev",
        promises=[
            {"what": "review his portfolio", "due": "2026-03-12", "whose": "mine"},
            {"what": "review my portfolio", "due": "", "whose": "theirs"},
        ],
    )
    mine_only = person("Dev", promises=[{**p, "whose": "mine"} for p in right["promises"]])
    assert grade([case([want])], reader("meeting", [right])).right_lines == 1
    g = grade([case([want])], reader("meeting", [mine_only]))
    assert g.right["promises"] == 0 and g.right["whose"] == 0 and g.right_lines == 0
    late = person("Dev", promises=[{**right["promises"][0], "due": "2026-03-13"}, right["promises"][1]])
    g = grade([case([want])], reader("meeting", [late]))
    assert g.right["promises"] == 0 and g.right["whose"] == 1


def test_an_ampersand_is_the_word_and():
    assert same_list(["referrals for wage and hour cases"], ["referrals for wage & hour cases"])
    assert same_text("Hollis & Kane", "Hollis and Kane")
    assert not same_list(["referrals for wage and hour cases"], ["referrals for wage cases"])


def test_a_date_may_be_one_of_several_and_an_empty_alternative_accepts_no_date():
    deck = {"what": "send the deck", "due": "2026-03-13|2026-03-16|"}
    want = person("Dev", when="2026-03-03|2026-03-04", promises=[deck])
    for when, due in (("2026-03-04", "2026-03-16"), ("2026-03-03", ""), ("2026-03-03", "2026-03-13")):
        got = person("Dev", when=when, promises=[{"what": "send the deck", "due": due, "whose": "mine"}])
        assert grade([case([want])], reader("meeting", [got])).right_lines == 1, (when, due)
    late = person("Dev", when="2026-03-05", promises=[{"what": "send the deck", "due": "2026-03-17", "whose": "mine"}])
    g = grade([case([want])], reader("meeting", [late]))
    assert (g.right["when"], g.right["promises"], g.right_lines) == (0, 0, 0)
    exact = person("Dev", promises=[{"what": "send the deck", "due": "2026-03-13"}])
    g = grade([case([exact])], reader("meeting", [person("Dev", promises=[{"what": "send the deck", "due": ""}])]))
    assert g.right["promises"] == 0


def test_a_phantom_fails_the_line_and_a_mentioned_person_must_stay_mentioned():
    g = grade([case([person("Ana")])], reader("meeting", [person("Ana"), person("Design")]))
    assert g.right_lines == 0 and len(g.phantom_lines) == 1
    want = case([person("Minji Kang", links=[{"name": "Jae", "as": "boss"}])], mentioned=("Jae",))
    linked = person("Minji Kang", links=[{"name": "Jae", "as": "boss"}])
    assert grade([want], reader("meeting", [linked], mentioned=("Jae",))).right_lines == 1
    g = grade([want], reader("meeting", [linked, person("Jae")]))
    assert g.right["mentioned"] == 0 and g.right_lines == 0


def test_a_chat_line_creates_nobody_and_a_question_counts_as_saving():
    assert grade([case([], chat=True)], reader("none", [])).right_lines == 1
    g = grade([case([], chat=True)], reader("maybe", [person("Thx")]))
    assert g.right_lines == 0 and g.phantom_lines
    g = grade([case([person("Lauren")])], reader("maybe", [person("Lauren")]))
    assert g.right_lines == 1 and g.asked == 1


def test_a_line_is_lost_when_nobody_it_names_is_saved_and_lost_people_fail_their_fields():
    g = grade([case([person("Tariq", role="physio")])], reader("none", []))
    assert len(g.lost_lines) == 1 and g.lost_people == 1
    assert (g.right["role"], g.total["role"]) == (0, 1)


def test_the_blind_corpus_loads_and_is_split_two_thirds_to_one_third():
    tuning, frozen = load(TUNING), load(FROZEN)
    assert len(tuning) == 300 and len(frozen) == 150
    overlap = len({c.line for c in tuning} & {c.line for c in frozen})  # a count: frozen lines are never printed
    assert overlap == 0


def test_the_second_batch_loads_is_split_the_same_way_and_shares_no_line_with_the_first():
    tuning, frozen = load(BATCH2_TUNING), load(BATCH2_FROZEN)
    assert tuning and frozen and len(frozen) * 2 <= len(tuning) + 6  # every third line of each persona is frozen
    first = {c.line for c in load(TUNING)} | {c.line for c in load(FROZEN)}
    assert not {c.line for c in tuning} & {c.line for c in frozen}  # a count: frozen lines are never printed
    assert not ({c.line for c in tuning} | {c.line for c in frozen}) & first


def test_the_third_batch_loads_is_split_the_same_way_and_shares_no_line_with_the_others():
    tuning, frozen = load(BATCH3_TUNING), load(BATCH3_FROZEN)
    assert tuning and frozen and len(frozen) * 2 <= len(tuning) + 6  # every third line of each persona is frozen
    earlier = {c.line for path in (TUNING, FROZEN, BATCH2_TUNING, BATCH2_FROZEN) for c in load(path)}
    assert not {c.line for c in tuning} & {c.line for c in frozen}  # a count: frozen lines are never printed
    assert not ({c.line for c in tuning} | {c.line for c in frozen}) & earlier


def test_the_fourth_batch_loads_is_split_the_same_way_and_shares_no_line_with_the_others():
    tuning, frozen = load(BATCH4_TUNING), load(BATCH4_FROZEN)
    assert tuning and frozen and len(frozen) * 2 <= len(tuning) + 6  # every third line of each persona is frozen
    paths = (TUNING, FROZEN, BATCH2_TUNING, BATCH2_FROZEN, BATCH3_TUNING, BATCH3_FROZEN)
    earlier = {c.line for path in paths for c in load(path)}
    assert not {c.line for c in tuning} & {c.line for c in frozen}  # a count: frozen lines are never printed
    assert not ({c.line for c in tuning} | {c.line for c in frozen}) & earlier


def test_the_fifth_batch_loads_is_split_the_same_way_and_shares_no_line_with_the_others():
    tuning, frozen = load(BATCH5_TUNING), load(BATCH5_FROZEN)
    assert tuning and frozen and len(frozen) * 2 <= len(tuning) + 6  # every third line of each persona is frozen
    paths = (TUNING, FROZEN, BATCH2_TUNING, BATCH2_FROZEN, BATCH3_TUNING, BATCH3_FROZEN, BATCH4_TUNING, BATCH4_FROZEN)
    earlier = {c.line for path in paths for c in load(path)}
    assert not {c.line for c in tuning} & {c.line for c in frozen}  # a count: frozen lines are never printed
    assert not ({c.line for c in tuning} | {c.line for c in frozen}) & earlier


def test_the_sixth_batch_loads_is_split_the_same_way_and_shares_no_line_with_the_others():
    tuning, frozen = load(BATCH6_TUNING), load(BATCH6_FROZEN)
    assert tuning and frozen and len(frozen) * 2 <= len(tuning) + 6  # every third line of each persona is frozen
    paths = (TUNING, FROZEN, BATCH2_TUNING, BATCH2_FROZEN, BATCH3_TUNING, BATCH3_FROZEN, BATCH4_TUNING, BATCH4_FROZEN)
    earlier = {c.line for path in (*paths, BATCH5_TUNING, BATCH5_FROZEN) for c in load(path)}
    assert not {c.line for c in tuning} & {c.line for c in frozen}  # a count: frozen lines are never printed
    assert not ({c.line for c in tuning} | {c.line for c in frozen}) & earlier


def test_the_seventh_batch_loads_is_split_the_same_way_and_shares_no_line_with_the_others():
    tuning, frozen = load(BATCH7_TUNING), load(BATCH7_FROZEN)
    assert tuning and frozen and len(frozen) * 2 <= len(tuning) + 6  # every third line of each persona is frozen
    paths = (TUNING, FROZEN, BATCH2_TUNING, BATCH2_FROZEN, BATCH3_TUNING, BATCH3_FROZEN, BATCH4_TUNING, BATCH4_FROZEN)
    older = (*paths, BATCH5_TUNING, BATCH5_FROZEN, BATCH6_TUNING, BATCH6_FROZEN)
    earlier = {c.line for path in older for c in load(path)}
    assert not {c.line for c in tuning} & {c.line for c in frozen}  # a count: frozen lines are never printed
    assert not ({c.line for c in tuning} | {c.line for c in frozen}) & earlier


def test_the_eighth_batch_loads_is_split_the_same_way_and_shares_no_line_with_the_others():
    tuning, frozen = load(BATCH8_TUNING), load(BATCH8_FROZEN)
    assert tuning and frozen and len(frozen) * 2 <= len(tuning) + 6  # every third line of each persona is frozen
    paths = (TUNING, FROZEN, BATCH2_TUNING, BATCH2_FROZEN, BATCH3_TUNING, BATCH3_FROZEN, BATCH4_TUNING, BATCH4_FROZEN)
    older = (*paths, BATCH5_TUNING, BATCH5_FROZEN, BATCH6_TUNING, BATCH6_FROZEN, BATCH7_TUNING, BATCH7_FROZEN)
    earlier = {c.line for path in older for c in load(path)}
    assert not {c.line for c in tuning} & {c.line for c in frozen}  # a count: frozen lines are never printed
    assert not ({c.line for c in tuning} | {c.line for c in frozen}) & earlier


def test_the_ninth_batch_loads_is_split_the_same_way_and_shares_no_line_with_the_others():
    tuning, frozen = load(BATCH9_TUNING), load(BATCH9_FROZEN)
    assert tuning and frozen and len(frozen) * 2 <= len(tuning) + 6  # every third line of each persona is frozen
    paths = (TUNING, FROZEN, BATCH2_TUNING, BATCH2_FROZEN, BATCH3_TUNING, BATCH3_FROZEN, BATCH4_TUNING, BATCH4_FROZEN)
    older = (*paths, BATCH5_TUNING, BATCH5_FROZEN, BATCH6_TUNING, BATCH6_FROZEN, BATCH7_TUNING, BATCH7_FROZEN)
    earlier = {c.line for path in (*older, BATCH8_TUNING, BATCH8_FROZEN) for c in load(path)}
    assert not {c.line for c in tuning} & {c.line for c in frozen}  # a count: frozen lines are never printed
    assert not ({c.line for c in tuning} | {c.line for c in frozen}) & earlier


def test_a_tie_kept_from_the_persons_side_is_graded_as_the_writer_records_the_others():
    from bot.coach.reading.meeting import PersonMention
    from testkit.grading import _as_the_other

    ana = PersonMention("Ana", link_to="Carlos", link_as="wife")  # Ana is Carlos's wife: to Ana, he is her husband
    assert "husband" in _as_the_other(ana).split("|")
    becca = PersonMention("Becca", link_to="Tyler", link_as="bf", link_theirs=True)  # Tyler is her bf
    assert _as_the_other(becca) == "bf"


def test_an_empty_alternative_in_a_text_field_accepts_nothing_saved_and_only_then():
    from testkit.grading import may_be_empty

    assert may_be_empty("tasting|") and may_be_empty("|CMO") and may_be_empty("call | ")
    assert not may_be_empty("CMO") and not may_be_empty("CMO|chief marketing officer") and not may_be_empty("")


def test_an_item_with_an_empty_alternative_in_a_list_may_be_missing_and_the_others_may_not():
    from testkit.grading import same_list

    assert same_list(["summer camp gig|"], [])  # the writer: saving nothing for it is right too
    assert same_list(["summer camp gig|", "a GA spot"], ["a GA spot at UNI"])
    assert not same_list(["summer camp gig|", "a GA spot"], [])
    assert not same_list(["a GA spot"], [])
