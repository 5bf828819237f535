"""Finding the contact a user means: certain, ambiguous (ask) or unknown (suggest)."""

from __future__ import annotations

import random
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.coach.journal.captures import forget_contact
from bot.coach.reading.names import NameIndex, Resolution, fold, names_of, resolve, split_name_and_rest
from bot.notebooks import open_notebook
from bot.store.records import Contact

NAMES = [
    "Jane Doe",
    "Jane Smith",
    "Janet Ng",
    "José Álvarez",
    "Dr. Ana Ortiz",
    "Ørsted Møller",
    "Bob",
    "Siobhán O'Brien",
    "Jean-Luc Picard",
    "李明",
]
CONTACTS = [Contact(id=f"c{i}", name=name) for i, name in enumerate(NAMES)]


def names(contacts: list[Contact]) -> list[str]:
    return [c.name for c in contacts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("José", "jose"),
        ("Ørsted", "orsted"),
        ("  Jane   DOE ", "jane doe"),
        ("Straße", "strasse"),
        ("Zoë Łukasz", "zoe lukasz"),
        ("", ""),
    ],
)
def test_fold_ignores_case_accents_and_extra_spaces(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Jane Doe", "Jane Doe"),
        ("jane doe", "Jane Doe"),
        ("JANE   DOE", "Jane Doe"),
        ("jose", "José Álvarez"),  # accents ignored
        ("JOSÉ ALVAREZ", "José Álvarez"),
        ("orsted", "Ørsted Møller"),
        ("ana ortiz", "Dr. Ana Ortiz"),  # titles ignored
        ("Dr Ana Ortiz", "Dr. Ana Ortiz"),
        ("ana", "Dr. Ana Ortiz"),  # unique first name
        ("ortiz", "Dr. Ana Ortiz"),  # last name
        ("alvarez", "José Álvarez"),
        ("janet", "Janet Ng"),  # a whole first name beats "jane" being a prefix of it
        ("Jane D", "Jane Doe"),  # prefix of the full name
        ("obrien", "Siobhán O'Brien"),  # apostrophes do not matter
        ("o'brien", "Siobhán O'Brien"),
        ("jean luc", "Jean-Luc Picard"),
        ("jean-luc", "Jean-Luc Picard"),
        ("picard", "Jean-Luc Picard"),
        ("李明", "李明"),
        ("bob", "Bob"),
    ],
)
def test_certain_match(query, expected):
    result = resolve(CONTACTS, query)
    assert result.is_certain and not result.is_ambiguous and not result.is_unknown
    assert result.contact is not None and result.contact.name == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("jane", ["Jane Doe", "Jane Smith", "Janet Ng"]),  # two Janes first, then the near miss
        ("JANE", ["Jane Doe", "Jane Smith", "Janet Ng"]),
        ("jan", ["Jane Doe", "Jane Smith", "Janet Ng"]),
    ],
)
def test_ambiguous_names_are_never_silently_picked(query, expected):
    result = resolve(CONTACTS, query)
    assert result.is_ambiguous and result.contact is None
    assert names(result.candidates) == expected


def test_an_exact_full_name_wins_over_a_shared_first_name():
    contacts = [Contact(id="a", name="Jane"), Contact(id="b", name="Jane Doe")]
    assert resolve(contacts, "jane").contact is contacts[0]


def test_two_contacts_with_the_same_full_name_are_ambiguous():
    twins = [Contact(id="a", name="Sam Lee"), Contact(id="b", name="Sam Lee")]
    result = resolve(twins, "sam lee")
    assert result.is_ambiguous and [c.id for c in result.candidates] == ["a", "b"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Jnae", ["Jane Doe", "Jane Smith"]),
        ("Jnae Doe", ["Jane Doe"]),
        ("Jose Alvarz", ["José Álvarez"]),
        ("Ortis", ["Dr. Ana Ortiz"]),
        ("Bbo", ["Bob"]),  # one swapped letter on a short name
        ("Smiht", ["Jane Smith"]),
    ],
)
def test_typos_become_suggestions_never_a_match(query, expected):
    result = resolve(CONTACTS, query)
    assert result.is_unknown and result.contact is None and result.candidates == []
    assert names(result.suggestions) == expected


@pytest.mark.parametrize("query", ["", "   ", "🙂", "🙂🙂", "Xavier", "j", "dr", "?!"])
def test_no_match_and_nothing_close(query):
    result = resolve(CONTACTS, query)
    assert result == Resolution() or (result.is_unknown and result.suggestions == [])


def test_suggestions_are_capped_at_three():
    many = [Contact(id=str(i), name=f"Jane {c}") for i, c in enumerate("ABCDE")]
    assert len(resolve(many, "Jnae").suggestions) == 3


def test_no_contacts_at_all():
    assert resolve([], "jane").is_unknown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe the climate article", ("Jane Doe", "the climate article")),
        ("jane doe the climate article", ("jane doe", "the climate article")),
        ("Jane the article", ("Jane", "the article")),  # two Janes: the caller will ask which
        ("Dr. Ana Ortiz the book", ("Dr. Ana Ortiz", "the book")),
        ("Ana Ortiz the book", ("Ana Ortiz", "the book")),
        ("Ortiz a paper", ("Ortiz", "a paper")),
        ("José, an intro to Bob", ("José", "an intro to Bob")),
        ("Jane: loves sailing", ("Jane", "loves sailing")),
        ("Jane Doe: ran a marathon: her first", ("Jane Doe", "ran a marathon: her first")),
        ("Jnae Doe the article", ("Jnae Doe", "the article")),  # close to a name: caller suggests Jane Doe
        ("Jnae the article", ("Jnae", "the article")),
        ("Xavier said hi", ("Xavier", "said hi")),  # unknown: first word, so the caller can say so
        ("Bob  the\nbook list", ("Bob", "the\nbook list")),  # the rest keeps the user's line breaks
        ("Jean-Luc Picard tea", ("Jean-Luc Picard", "tea")),
        ("Bob", ("Bob", "")),
        ("", ("", "")),
    ],
)
def test_split_name_and_rest(text, expected):
    assert split_name_and_rest(CONTACTS, text) == expected


def test_a_thousand_contacts():
    # Speed is measured outside the tests (house rule: no timed assertions); here, correctness at size.
    rng = random.Random(7)

    def word(n: int) -> str:
        return "".join(rng.choices(string.ascii_lowercase, k=n)).title()

    crowd = [Contact(id=str(i), name=f"{word(6)} {word(8)}") for i in range(1000)]
    crowd.append(Contact(id="z", name="Zelda Quux"))
    assert resolve(crowd, "zelda quux").contact is crowd[-1]
    assert resolve(crowd, "Zelda").contact is crowd[-1]
    assert crowd[-1] in resolve(crowd, "Zelda Qux").suggestions


def test_a_name_in_another_script_is_found_by_its_latin_spelling():
    people = [Contact(id="00000001", name="Иван Петров"), Contact(id="00000002", name="Jane")]
    assert resolve(people, "ivan").contact is people[0]
    assert resolve(people, "Иван").contact is people[0]


# -- the notebook's name index gives exactly what the pass over every contact gives ----------------------------------

NAME_PARTS = ["Jane", "jane", "Janet", "Jan", "Doe", "José", "Jose", "Dr.", "Ana", "Ortiz", "Ort", "Li", "Иван", ""]


@given(
    people=st.lists(st.lists(st.sampled_from(NAME_PARTS), min_size=1, max_size=3), max_size=25),
    renames=st.lists(st.tuples(st.integers(0, 30), st.lists(st.sampled_from(NAME_PARTS), max_size=3)), max_size=5),
    deletions=st.lists(st.integers(0, 30), max_size=5),
    queries=st.lists(st.lists(st.sampled_from(NAME_PARTS), min_size=1, max_size=3), min_size=1, max_size=6),
)
@settings(max_examples=300, deadline=None)
def test_the_name_index_finds_what_a_pass_over_every_contact_finds(people, renames, deletions, queries):
    contacts = {f"c{i}": Contact(id=f"c{i}", name=" ".join(parts)) for i, parts in enumerate(people)}
    index = NameIndex(contacts.values())
    for at, parts in renames:  # a saved contact, perhaps renamed (the index keeps its place)
        if contacts:
            key = list(contacts)[at % len(contacts)]
            contacts[key] = Contact(id=key, name=" ".join(parts))
            index.put(contacts[key])
    for at in deletions:
        if contacts:
            key = list(contacts)[at % len(contacts)]
            del contacts[key]
            index.remove(key)
    everyone = list(contacts.values())
    for parts in queries:
        query = " ".join(parts)
        assert resolve(index, query) == resolve(everyone, query), query
        assert resolve(index, query, fuzzy=False) == resolve(everyone, query, fuzzy=False), query


def test_a_notebooks_name_index_follows_saves_renames_and_deletions(tmp_path):
    notebook = open_notebook(1, tmp_path / "1.json")
    jane, janet = Contact(id="a", name="Jane Doe"), Contact(id="b", name="Janet Ng")
    notebook.save_contact(jane)
    assert resolve(names_of(notebook), "jane").contact == jane
    notebook.save_contact(janet)
    assert resolve(names_of(notebook), "jan").candidates == [jane, janet]
    jane.name = "Jane Okafor"  # married, renamed on her card
    notebook.save_contact(jane)
    assert resolve(names_of(notebook), "okafor").contact == jane
    assert resolve(names_of(notebook), "doe", fuzzy=False).is_unknown
    forget_contact(notebook, "a")
    assert resolve(names_of(notebook), "okafor", fuzzy=False).is_unknown
    assert resolve(names_of(notebook), "jane").contact == janet  # the one name left that starts so
    assert resolve(names_of(open_notebook(1, tmp_path / "1.json")), "janet").contact == janet  # reopened from disk
