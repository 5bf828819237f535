"""/find: people by anything known about them, ranked, accent- and script-insensitive."""

from __future__ import annotations

import pytest

from bot.coach.network.search import search
from bot.store.records import Contact, Interaction

PEOPLE = [
    Contact(id="00000001", name="Иван Петров", company="Yandex", met_on="2026-01-02"),
    Contact(id="00000002", name="Jane Doe", needs=["a lawyer"], interests=["jazz", "rock climbing"]),
    Contact(id="00000003", name="Tom Acheson", role="lawyer", company="Acme Logistics", met_on="2026-05-01"),
    Contact(id="00000004", name="José Núñez", offers=["review pitch decks"], tags=["investor"]),
    Contact(id="00000005", name="Acme Smith", met_context="the climbing gym"),
]
NOTES = [Interaction(id="0000000a", contact_id="00000004", kind="note", text="moving to München in spring")]


def names(query: str) -> list[str]:
    return [h.contact.name for h in search(PEOPLE, NOTES, query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ivan", ["Иван Петров"]),
        ("jose", ["José Núñez"]),
        ("jazz", ["Jane Doe"]),
        ("investor", ["José Núñez"]),
        ("pitch deck", ["José Núñez"]),
        ("munchen", ["José Núñez"]),
        ("yandex ivan", ["Иван Петров"]),
        ("nobody at all", []),
        ("", []),
    ],
)
def test_finds_people_by_anything_known(query, expected):
    assert names(query) == expected


def test_a_name_match_ranks_above_a_company_match():
    assert names("acme") == ["Acme Smith", "Tom Acheson"]


def test_what_they_need_and_what_they_do_both_count():
    hits = search(PEOPLE, NOTES, "lawyer")
    assert {h.contact.name for h in hits} == {"Jane Doe", "Tom Acheson"}
    assert any(h.why == "needs: a lawyer" for h in hits)


def test_the_start_of_a_word_counts_too():
    assert set(names("climb")) == {"Acme Smith", "Jane Doe"}
