"""/find: people by anything known about them, ranked, accent- and script-insensitive."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.coach.network.search import search, search_notebook
from bot.notebooks import open_store
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


def _old_search(contacts, interactions, query):
    """The search as it was before the index: every word of every field checked, contact by contact."""
    from bot.coach.network import search as module

    words = module.query_words(" ".join(w for w in query.split() if not w.startswith("#")))
    tags = [w[1:].lower() for w in query.split() if w.startswith("#") and len(w) > 1]
    if not words and not tags:
        return []
    notes: dict[str, list[str]] = {}
    for item in sorted(interactions, key=lambda i: i.at or i.on, reverse=True):
        if item.text:
            notes.setdefault(item.contact_id, []).append(item.text)
    found = []
    for contact in contacts:
        if tags and not all(tag in contact.tags for tag in tags):
            continue
        fields = [(n, t, module._words(t)) for n, t in module._fields(contact, notes.get(contact.id, ()))]
        total = module.WEIGHTS["tags"] * len(tags)
        for word in words:
            best = 0.0
            for name, _, field_words in fields:
                if word in field_words:
                    best = max(best, module.WEIGHTS[name])
                elif len(word) >= module.MIN_PREFIX and any(w.startswith(word) for w in field_words):
                    best = max(best, module.WEIGHTS[name] * module.PREFIX_WEIGHT)
            if not best:
                break
            total += best
        else:
            found.append((contact.id, total))
    return sorted(found)


WORDS = ["acme", "ac", "jazz", "ja", "lawyer", "law", "climb", "ivan", "munchen", "#investor", "doe", "the", "zz"]


@settings(max_examples=60, deadline=None)
@given(
    query=st.lists(st.sampled_from(WORDS), min_size=1, max_size=3),
    edits=st.lists(st.tuples(st.integers(0, 4), st.sampled_from(["company", "role", "tags", "name"]),
                       st.sampled_from(["Acme", "jazz band", "Lawyers Inc", "investor", "Ivan Jazzman", ""])),
             max_size=6),
)  # fmt: skip
def test_the_notebooks_search_index_finds_exactly_what_a_full_pass_finds(query, edits, tmp_path_factory):
    """Through saves and deletions: the index never answers with a contact as it was before a save."""
    notebook = open_store(tmp_path_factory.mktemp("search") / "data").notebook(1)
    with notebook.batch():
        for contact in PEOPLE:
            notebook.save_contact(dataclasses.replace(contact))
        for note in NOTES:
            notebook.add_interaction(note)
    text = " ".join(query)
    search_notebook(notebook, text)  # the index is built, then the notebook changes under it
    for at, field, value in edits:
        contact = dataclasses.replace(notebook.contacts()[at % len(notebook.contacts())])
        setattr(contact, field, [value] if field == "tags" else value or contact.name if field == "name" else value)
        notebook.save_contact(contact)
        if value == "":
            notebook.remove_records(contact.id)
        if not notebook.contacts():
            break
    got = sorted((h.contact.id, h.score) for h in search_notebook(notebook, text))
    assert got == _old_search(notebook.contacts(), notebook.interactions(), text)
