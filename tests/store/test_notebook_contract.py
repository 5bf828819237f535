"""The notebook over TinyDB's front door: stock TinyDB opens a notebook file, and the notebook keeps its promises over
files, TinyDB's MemoryStorage and PostgreSQL rows alike (as TinyDB's own tests run every feature over each storage)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import tinydb

from bot.coach.journal.captures import forget_contact
from bot.coach.planning.summary import DIGEST
from bot.store.database import Database
from bot.store.memory import MemoryNotebookStorage
from bot.store.notebook import Notebook
from bot.store.records import Contact, Interaction, Promise
from bot.store.storage import NotebookStorage

Opener = Callable[[], Notebook]


@pytest.fixture(params=["file", "memory", "postgres"])
def opener(request, tmp_path: Path) -> Iterator[Opener]:
    """Opens the same notebook again (a fresh object over the same data), as a restart would."""
    memory = MemoryNotebookStorage()
    path = tmp_path / "users" / "1.json"
    path.parent.mkdir()
    database = Database(request.getfixturevalue("database_url")) if request.param == "postgres" else None

    def open_again() -> Notebook:
        if request.param == "file":
            return Notebook(1, NotebookStorage(path), DIGEST)
        if database is not None:
            return Notebook(1, NotebookStorage(database.pages(1)), DIGEST)
        memory.closed = False
        return Notebook(1, memory, DIGEST)

    yield open_again
    if database is not None:
        database.close()


def test_a_saved_contact_is_there_when_the_notebook_is_opened_again(opener):
    opener().save_contact(Contact(id="c1", name="Jane Doe", company="Acme", interests=["jazz"]))
    [jane] = opener().contacts()
    assert (jane.name, jane.company, jane.interests) == ("Jane Doe", "Acme", ["jazz"])


def test_a_failed_batch_saves_nothing_and_memory_goes_back(opener):
    notebook = opener()
    notebook.save_contact(Contact(id="c1", name="Jane"))
    with pytest.raises(RuntimeError), notebook.batch():
        notebook.save_contact(Contact(id="c2", name="Tom"))
        notebook.add_interaction(Interaction(id="i1", contact_id="c2", kind="met", on="2026-11-22"))
        raise RuntimeError("half-way")
    assert [c.name for c in notebook.contacts()] == ["Jane"]
    assert notebook.interactions() == []
    assert [c.name for c in opener().contacts()] == ["Jane"]


def test_a_field_set_back_to_its_default_is_really_reset(opener):
    notebook = opener()
    notebook.save_contact(Contact(id="c1", name="Jane", company="Acme"))
    notebook.save_contact(Contact(id="c1", name="Jane"))
    assert opener().contact("c1").company == ""


def test_records_are_found_by_contact_and_the_digest_follows_every_save(opener):
    notebook = opener()
    notebook.save_contact(Contact(id="c1", name="Jane Doe"))
    notebook.add_interaction(Interaction(id="i1", contact_id="c1", kind="met", on="2026-11-20"))
    notebook.save_promise(Promise(id="p1", contact_id="c1", text="send the deck", made_on="2026-11-20"))
    again = opener()
    assert [i.id for i in again.interactions("c1")] == ["i1"]
    assert [p.id for p in again.promises("c1")] == ["p1"]
    row = again.summaries()["c1"]
    assert row["first"] == "Jane" and row["last"] == "2026-11-20" and row["open"][0]["id"] == "p1"


def test_small_state_values_are_kept_changed_and_removed(opener):
    notebook = opener()
    notebook.set_state("snoozes", {"thank:c1": "2026-12-01"})
    notebook.set_state("snoozes", {"thank:c2": "2026-12-02"})
    notebook.set_state("rhythm", {"choice": "keep"})
    notebook.delete_state("rhythm")
    again = opener()
    assert again.get_state("snoozes") == {"thank:c2": "2026-12-02"}
    assert again.get_state("rhythm") is None


def test_a_forgotten_contact_leaves_nothing_behind(opener):
    notebook = opener()
    notebook.save_contact(Contact(id="c1", name="Jane"))
    notebook.add_interaction(Interaction(id="i1", contact_id="c1", kind="met", on="2026-11-20", text="jazz bar"))
    token = notebook.put_pending("forget", {"contact_id": "c1"})
    forget_contact(notebook, "c1")
    again = opener()
    assert again.contacts() == [] and again.interactions() == [] and "c1" not in again.summaries()
    assert again.peek_pending(token) is None


def test_stock_tinydb_opens_a_notebook_and_the_notebook_reads_what_it_wrote(tmp_path):
    path = tmp_path / "users" / "7.json"
    path.parent.mkdir()
    notebook = Notebook(7, NotebookStorage(path), DIGEST)
    notebook.save_contact(Contact(id="c1", name="Jane Doe", company="Acme"))
    notebook.add_interaction(Interaction(id="i1", contact_id="c1", kind="met", on="2026-11-20"))
    notebook.close()

    db = tinydb.TinyDB(path, storage=NotebookStorage)
    assert [(doc["name"], doc["company"]) for doc in db.table("contacts").all()] == [("Jane Doe", "Acme")]
    assert db.table("interactions").get(tinydb.Query().id == "i1")["kind"] == "met"
    db.table("contacts").insert({"id": "c2", "name": "Tom Lee", "v": 2})
    db.close()

    reopened = Notebook(7, NotebookStorage(path), DIGEST)
    assert sorted(c.name for c in reopened.contacts()) == ["Jane Doe", "Tom Lee"]
    assert "c2" in reopened.summaries()  # a file written by other means gets its digest rebuilt on opening


def test_a_save_appends_one_line_whatever_the_notebook_size(tmp_path):
    path = tmp_path / "users" / "1.json"
    path.parent.mkdir()
    notebook = Notebook(1, NotebookStorage(path), DIGEST)
    with notebook.batch():
        for n in range(300):
            notebook.save_contact(Contact(id=f"c{n:03d}", name=f"Person {n:03d}"))
    before = path.read_bytes()
    notebook.add_interaction(Interaction(id="i1", contact_id="c007", kind="met", on="2026-11-20"))
    after = path.read_bytes()
    assert after.startswith(before) and after.count(b"\n") == before.count(b"\n") + 1
    assert len(after) - len(before) < 1000


def test_a_new_contact_never_replaces_another_that_has_the_same_id(opener):
    from bot.store.tables import IdTaken

    notebook = opener()
    notebook.save_contact(Contact(id="c1", name="Jane Doe", created_at="2026-01-01T10:00:00"))
    with pytest.raises(IdTaken):
        notebook.save_contact(Contact(id="c1", name="Zoe Berg", created_at="2026-03-01T10:00:00"))
    notebook.save_contact(Contact(id="c1", name="Jane Smith", created_at="2026-01-01T10:00:00"))  # a rename
    assert [c.name for c in opener().contacts()] == ["Jane Smith"]
