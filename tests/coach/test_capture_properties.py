"""Whatever people send, capture and search answer calmly: no exception, and never a contact named after a verb
or a filler word ("Grabbed", "Coffee", "Thanks")."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.coach.network.search import search
from bot.coach.reading.capture import understand
from bot.coach.reading.notes import extract_facts
from bot.coach.reading.stopwords import NOT_NAMES, is_not_a_name
from bot.store.records import Contact

TODAY = date(2026, 11, 22)
WORDS = [
    *sorted(NOT_NAMES)[:400],
    "met", "had", "coffee", "w/", "with", "Sam", "Jane", "at", "the", "PM", "@", "stripe", "(", ")", ",", "-",
    "yday", "tmrw", "via", "thru", "Dr", "his", "cofounder", "Mei", "and", "'s", "husband", "needs", "a",
    "lawyer", "🎉", "😂", "مرحبا", "שלום", "Иван", "\u202e", "\x00", "\n", "lol", "bday", "is", "may", "3",
]  # fmt: skip
_ANY_CHARACTER = st.characters(exclude_categories=())  # lone surrogates included
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.builds(lambda a, b: a * 10_000 + b, st.sampled_from(["a", "Jane ", "met ", "😂", "\x00", "ש"]), st.text()),
    # Lone surrogates too: valid JSON ("\ud83d") can carry them, and the learned reader's C library reads UTF-8.
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(_ANY_CHARACTER, max_size=3)), max_size=30).map(" ".join),
)


def _named_after_filler(name: str) -> bool:
    words = name.replace("-", " ").split()
    return not words or all(is_not_a_name(w) for w in words)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_capture_never_raises_and_never_names_a_verb(text):
    understood = understand(text, TODAY)
    assert understood.kind in ("meeting", "maybe", "none")
    if understood.meeting is not None:
        assert understood.meeting.people
        for person in understood.meeting.people:
            assert not _named_after_filler(person.name), person.name
            assert 0 < len(person.name) <= 80
    extract_facts(text, TODAY)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_search_never_raises(text):
    people = [Contact(id="00000001", name="Иван", company="Acme", needs=["a lawyer"]), Contact(id="2", name=text)]
    for hit in search(people, [], text):
        assert hit.score > 0


def test_known_traps():
    for text in ("Grabbed coffee w/ nobody", "Thanks!", "Coffee?", "Had lunch", "Hi", "Just got back", "OK"):
        understood = understand(text, TODAY)
        assert understood.meeting is None or not any(_named_after_filler(p.name) for p in understood.meeting.people)
