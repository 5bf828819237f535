"""Who is whose: ties between the people of a line, and to people it names without the user meeting them.

A link is read the way it was said. "Ngozi and her husband Femi": Femi is Ngozi's husband (the tie is about him).
"Ines, whose son is Paco" or "Ines ... her son Paco" when Paco was not met: the tie is kept on Ines, saying who Paco
is to her, and Paco is kept as mentioned. The lines are written for these tests, not taken from a corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.reading.capture import understand
from bot.coach.reading.meeting import Meeting, PersonMention

TODAY = date(2026, 3, 4)


def read(line: str) -> Meeting:
    meeting = understand(line, TODAY).meeting
    assert meeting is not None, line
    return meeting


def person(meeting: Meeting, name: str) -> PersonMention:
    return next(p for p in meeting.people if p.name == name)


@pytest.mark.parametrize(
    ("line", "met", "other", "as_"),
    [
        ("coffee w/ Hannah Berg, she wants to move closer to her son Elias", "Hannah Berg", "Elias", "son"),
        ("call with Marek Nowak about the loan - he'll ask his accountant Zofia", "Marek Nowak", "Zofia", "accountant"),
        ("lunch w Priti, she'll loop in her manager Dev Anand next week", "Priti", "Dev Anand", "manager"),
        ("met Tomasz at the gym, his wife is Ola and she bakes", "Tomasz", "Ola", "wife"),
        ("coffee with Bea, Chris and Ayo. ayo's sister Temi runs a clinic", "Ayo", "Temi", "sister"),
    ],
)
def test_a_tie_to_someone_not_met_stays_on_the_person_met_and_names_who_the_other_is_to_them(line, met, other, as_):
    meeting = read(line)
    who = person(meeting, met)
    assert (who.link_to, who.link_as, who.link_theirs) == (other, as_, True)
    assert other in meeting.mentioned
    assert other not in [p.name for p in meeting.people]


def test_a_tie_of_the_user_names_someone_mentioned_but_links_no_one():
    meeting = read("met Rui at the fair, my cousin Ana knows him")
    assert meeting.mentioned == ["Ana"]
    assert person(meeting, "Rui").link_to == ""


@pytest.mark.parametrize(
    ("line", "pair", "as_"),
    [
        ("Oskar + Lena Brandt (married, both teachers) asked for tutors", ("Oskar Brandt", "Lena Brandt"), "spouse"),
        ("Ama Owusu & Kojo Owusu, siblings, run a print shop", ("Ama Owusu", "Kojo Owusu"), "sibling"),
        ("fair recap: Ravi Shah (kpmg) + Dana Cole (kpmg) - they're colleagues", ("Ravi Shah", "Dana Cole"),
         "colleague"),
        ("met Ines Roca + Pau Vidal, co-authors of the survey paper", ("Ines Roca", "Pau Vidal"), "co-author"),
        ("the Novak sisters (Eva & Mila) run the bakery", ("Eva Novak", "Mila Novak"), "sister"),
    ],
)  # fmt: skip
def test_two_people_said_together_with_a_tie_in_the_plural_are_each_linked_to_the_other(line, pair, as_):
    meeting = read(line)
    one, two = person(meeting, pair[0]), person(meeting, pair[1])
    assert (one.link_to, one.link_as) == (two.name, as_)
    assert (two.link_to, two.link_as) == (one.name, as_)


def test_a_plural_tie_about_something_else_links_no_one():
    meeting = read("met Ravi Shah + Dana Cole at the brothers' bar, great cocktails")
    assert all(not p.link_to for p in meeting.people)


@pytest.mark.parametrize(
    ("line", "met", "other", "as_"),
    [
        ("I meet the mother of Aiko (my son's classmate), Yumi Sato, she is nurse", "Yumi Sato", "Aiko", "mother"),
        ("today I met the uncle of Beto, Jorge Ruiz, he sells cars", "Jorge Ruiz", "Beto", "uncle"),
        ("Dr Okafor's new postdoc, Lina Haddad, wants my code", "Lina Haddad", "Okafor", "postdoc"),
        ("Prof. Brenner's assistant Julia Roth called about the grant", "Julia Roth", "Brenner", "assistant"),
        ("fyi Kemal's wife is Selin and her bday is 3 may", "Selin", "Kemal", "wife"),
    ],
)
def test_a_tie_said_before_the_name_in_other_shapes_links_the_person_met_to_the_one_mentioned(line, met, other, as_):
    meeting = read(line)
    who = person(meeting, met)
    assert (who.link_to, who.link_as, who.link_theirs) == (other, as_, False)
    assert other in meeting.mentioned
    assert [p.name for p in meeting.people] == [met]


def test_their_child_or_boss_is_linked_to_the_first_of_those_they_belong_to():
    meeting = read("at the fete: Nour Saleh and her husband Karim, and their son Adam who wants a summer job")
    assert (person(meeting, "Karim").link_to, person(meeting, "Karim").link_as) == ("Nour Saleh", "husband")
    assert (person(meeting, "Adam").link_to, person(meeting, "Adam").link_as) == ("Nour Saleh", "son")


@pytest.mark.parametrize(
    ("line", "mentioned"),
    [
        ("coffee w Lea (founder, Pikto) - told her i'd connect her w Dr. Amadi next week", "Amadi"),
        ("met Jonas Berg at the expo, I'll introduce him to Sven Olsen", "Sven Olsen"),
        ("Kira Lin and Tom Ek from the fund - I'll put them in touch with Mona Said", "Mona Said"),
    ],
)
def test_someone_the_user_will_introduce_them_to_is_mentioned_not_met(line, mentioned):
    meeting = read(line)
    assert mentioned in meeting.mentioned
    assert mentioned not in [p.name for p in meeting.people]


@pytest.mark.parametrize(
    ("line", "met", "as_"),
    [
        ("drinks w Sara Lind + her bro Nils, both in fintech", "Nils", "brother"),
        ("met Ida Berg and her hubby Per at the fair", "Per", "husband"),
        ("dropped by Eva's shop, her biz partner Jonas wants a quote", "Jonas", "business partner"),
    ],
)
def test_a_clipped_tie_is_kept_in_whole_words(line, met, as_):
    assert person(read(line), met).link_as == as_


def test_a_possessive_tie_names_its_owner_mid_sentence_even_when_no_name_list_knows_them():
    meeting = read("Please note Kwabla's wife is Esinam and her birthday is 4 July.")
    assert [(p.name, p.link_to, p.link_as) for p in meeting.people] == [("Esinam", "Kwabla", "wife")]
    assert meeting.mentioned == ["Kwabla"]


@pytest.mark.parametrize(
    ("line", "met", "introducer"),
    [
        ("intro from Bilal K → Sana Mir, leads data at a bank, coffee thurs", "Sana Mir", "Bilal K"),
        ("intro via Dana -> Tomas Weber: founder, needs a designer", "Tomas Weber", "Dana"),
    ],
)
def test_who_an_intro_came_from_is_the_introducer_not_a_person_met(line, met, introducer):
    meeting = read(line)
    assert [p.name for p in meeting.people] == [met]
    assert meeting.introduced_by == introducer


@pytest.mark.parametrize(
    "line", ["met sm1 called Ingrid at the expo, works in logistics", "met somebody called Ingrid at the expo"]
)
def test_someone_called_a_name_is_that_person(line):
    assert [p.name for p in read(line).people] == ["Ingrid"]


def test_a_tie_of_someone_met_is_found_by_their_surname_too():
    meeting = read("Amina Diallo's son Ibou is in my class - she's a nurse, offered to help")
    assert [p.name for p in meeting.people] == ["Amina Diallo"]
    assert (meeting.people[0].link_to, meeting.people[0].link_as) == ("Ibou", "son")
    assert meeting.mentioned == ["Ibou"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Tariku + Selam Bekele (married, both vets) asked about the clinic", ["Tariku Bekele", "Selam Bekele"]),
        ("Oyelaran & Ifeoma Chukwu, siblings, run a print shop", ["Oyelaran Chukwu", "Ifeoma Chukwu"]),
    ],
)
def test_a_first_name_alone_shares_the_surname_of_the_family_it_is_said_with(line, names):
    assert [p.name for p in read(line).people] == names


def test_colleagues_said_together_keep_their_own_names():
    line = "Oyelaran + Ifeoma Chukwu - they're colleagues"
    assert [p.name for p in read(line).people] == ["Oyelaran", "Ifeoma Chukwu"]


@pytest.mark.parametrize(
    ("line", "owner", "other", "as_"),
    [
        ("drinks with Hana Ito and her husband Kenji, he restores old bikes", "Hana Ito", "Kenji", "husband"),
        ("Bruno Silva (baker) + his daughter Lia, she wants an apprenticeship", "Bruno Silva", "Lia", "daughter"),
        ("lunch w Aiko Mori, her manager Rupert Shaw and Dana Cole", "Aiko Mori", "Rupert Shaw", "manager"),
        ("book club: Greta Lind + her roommate Oona, both read sci-fi", "Greta Lind", "Oona", "roommate"),
    ],
)
def test_both_people_of_a_tie_said_with_his_or_her_are_linked_to_each_other(line, owner, other, as_):
    meeting = read(line)
    first, second = person(meeting, owner), person(meeting, other)
    assert (second.link_to, second.link_as, second.link_theirs) == (owner, as_, False)  # Kenji is Hana's husband
    assert (first.link_to, first.link_as, first.link_theirs) == (other, as_, True)  # Hana's husband is Kenji


def test_the_owner_of_a_tie_keeps_a_tie_of_their_own_said_first():
    meeting = read("Kofi's sister Ama Mensah and her husband Yaw Boateng")
    ama = person(meeting, "Ama Mensah")
    assert (ama.link_to, ama.link_as) == ("Kofi", "sister")
