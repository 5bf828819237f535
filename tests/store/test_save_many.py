"""Saving thousands of records at once (an import) leaves the notebook exactly as saving them one by one would."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.coach.planning.summary import DIGEST
from bot.store.memory import MemoryNotebookStorage
from bot.store.notebook import Notebook
from bot.store.records import Contact, Interaction, Promise
from bot.store.storage import NotebookStorage


def records(prefix: str, count: int) -> tuple[list[Contact], list[Interaction], list[Promise]]:
    contacts = [Contact(id=f"{prefix}{n:05d}", name=f"Person {n}", company="Acme") for n in range(count)]
    met = [Interaction(id=f"i{c.id}", contact_id=c.id, kind="met", on="2026-11-20") for c in contacts[::2]]
    promised = [Promise(id=f"p{c.id}", contact_id=c.id, text="the deck", made_on="2026-11-20") for c in contacts[:3]]
    return contacts, met, promised


@pytest.mark.parametrize("where", ["file", "memory"])
def test_many_at_once_is_the_same_notebook_as_one_by_one(where, tmp_path: Path):
    def fresh(name: str) -> Notebook:
        storage = NotebookStorage(tmp_path / f"{name}.json") if where == "file" else MemoryNotebookStorage()
        notebook = Notebook(1, storage, DIGEST)
        notebook.save_contact(Contact(id="c00001", name="Already Here", company="Globex"))
        return notebook

    contacts, met, promised = records("c", 300)
    contacts[1] = Contact(id="c00001", name="Already Here", company="Acme")  # an update of someone saved before
    contacts.append(Contact(id="c00002", name="Person 2", company="Initech"))  # the same id twice: the later wins
    one_by_one, at_once = fresh("one"), fresh("many")
    with one_by_one.batch():
        for contact in contacts:
            one_by_one.save_contact(contact)
        for item in met:
            one_by_one.add_interaction(item)
        for promise in promised:
            one_by_one.save_promise(promise)
    at_once.save_many(contacts, met, promised)
    for notebook in (one_by_one, at_once):
        assert notebook.contact("c00001").company == "Acme" and notebook.contact("c00002").company == "Initech"
    assert at_once.export() == one_by_one.export()
    assert at_once.summaries() == one_by_one.summaries()
    if where == "file":
        again = Notebook(1, NotebookStorage(tmp_path / "many.json"), DIGEST)
        assert again.export() == Notebook(1, NotebookStorage(tmp_path / "one.json"), DIGEST).export()
        assert [i.id for i in again.interactions("c00002")] == ["ic00002"]
