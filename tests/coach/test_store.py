"""The notebook store: atomic writes, one file per user, batches, broken files, records that round-trip."""

from __future__ import annotations

import os

import orjson
import pytest

from bot.coach.journal.captures import forget_contact
from bot.notebooks import open_store
from bot.store.errors import UnreadableData
from bot.store.records import SCHEMA_VERSION, Contact, Interaction, Profile, Promise


def jane(**extra) -> Contact:
    return Contact(id="aaaaaaaa", name="Jane", **extra)


def test_a_saved_contact_is_on_disk_before_save_returns(tmp_path):
    store = open_store(tmp_path)
    store.notebook(1).save_contact(jane(interests=["jazz"]))
    data = orjson.loads(store.path_for(1).read_bytes())
    [doc] = data["contacts"].values()
    assert doc["name"] == "Jane" and doc["interests"] == ["jazz"] and doc["v"] == SCHEMA_VERSION
    # A fresh process sees it.
    assert open_store(tmp_path).notebook(1).contacts() == [jane(interests=["jazz"])]


def test_each_user_has_their_own_file(tmp_path):
    store = open_store(tmp_path)
    store.notebook(1).save_contact(jane())
    store.notebook(2).save_contact(Contact(id="bbbbbbbb", name="Tom"))
    assert store.user_ids() == [1, 2]
    assert [c.name for c in store.notebook(1).contacts()] == ["Jane"]
    assert [c.name for c in store.notebook(2).contacts()] == ["Tom"]


def test_a_batch_is_one_write_and_a_failed_batch_writes_nothing(tmp_path):
    store = open_store(tmp_path)
    notebook = store.notebook(1)
    notebook.save_contact(jane())
    before = store.path_for(1).read_bytes()
    with pytest.raises(RuntimeError), notebook.batch():
        notebook.save_contact(Contact(id="bbbbbbbb", name="Tom"))
        notebook.add_interaction(Interaction(id="cccccccc", contact_id="bbbbbbbb", kind="met", on="2026-11-22"))
        assert store.path_for(1).read_bytes() == before  # nothing written mid-batch
        raise RuntimeError("crash half-way")
    assert store.path_for(1).read_bytes() == before
    assert [c.name for c in notebook.contacts()] == ["Jane"]  # memory rolled back with the disk


def test_no_temporary_files_are_left_behind(tmp_path):
    store = open_store(tmp_path)
    for n in range(20):
        store.notebook(1).save_contact(Contact(id=f"{n:08x}", name=f"P{n}"))
    assert sorted(os.listdir(store.users_dir)) == ["1.json"]


def test_an_unreadable_file_is_moved_aside_never_overwritten(tmp_path):
    store = open_store(tmp_path)
    store.path_for(7).write_bytes(b'{"contacts": {"1": {"na')
    with pytest.raises(UnreadableData) as caught:
        store.notebook(7)
    assert caught.value.moved_to is not None
    assert caught.value.moved_to.read_bytes() == b'{"contacts": {"1": {"na'
    assert not store.path_for(7).exists()
    assert store.notebook(7).contacts() == []  # a fresh notebook next time


@pytest.mark.parametrize("content", [b"[1, 2, 3]", b"\xff\xfe garbage", b'"just a string"'])
def test_other_kinds_of_damage_are_caught_too(tmp_path, content):
    store = open_store(tmp_path)
    store.path_for(8).write_bytes(content)
    with pytest.raises(UnreadableData):
        store.notebook(8)


def test_fields_reset_to_their_default_are_really_reset(tmp_path):
    store = open_store(tmp_path)
    notebook = store.notebook(1)
    contact = jane(introduced_by_id="bbbbbbbb", company="Acme")
    notebook.save_contact(contact)
    contact.introduced_by_id = ""
    contact.company = ""
    notebook.save_contact(contact)
    store.drop(1)
    [again] = store.notebook(1).contacts()
    assert (again.introduced_by_id, again.company) == ("", "")


def test_records_from_a_newer_release_keep_what_this_one_knows(tmp_path):
    doc = {"id": "aaaaaaaa", "name": "Jane", "v": 2, "pronouns": "she/her"}
    assert Contact.from_dict(doc).name == "Jane"


def test_stored_lists_are_not_shared_with_records_in_memory(tmp_path):
    store = open_store(tmp_path)
    notebook = store.notebook(1)
    contact = jane(interests=["jazz"])
    notebook.save_contact(contact)
    contact.interests.append("unsaved")  # changed in memory, never saved
    notebook.save_profile(Profile(user_id=1))  # an unrelated write
    store.drop(1)
    assert store.notebook(1).contacts()[0].interests == ["jazz"]


def test_deleting_a_contact_removes_their_history_and_unlinks_introductions(tmp_path):
    store = open_store(tmp_path)
    notebook = store.notebook(1)
    notebook.save_contact(jane())
    notebook.save_contact(Contact(id="bbbbbbbb", name="Tom", introduced_by_id="aaaaaaaa"))
    notebook.add_interaction(Interaction(id="cccccccc", contact_id="aaaaaaaa", kind="met"))
    notebook.save_promise(Promise(id="dddddddd", contact_id="aaaaaaaa", text="send the deck"))
    forget_contact(notebook, "aaaaaaaa")
    store.drop(1)
    notebook = store.notebook(1)
    assert [c.name for c in notebook.contacts()] == ["Tom"]
    assert notebook.contacts()[0].introduced_by_id == ""
    assert notebook.interactions() == [] and notebook.promises() == []


def test_the_digest_follows_every_write(tmp_path):
    store = open_store(tmp_path)
    notebook = store.notebook(1)
    notebook.save_contact(jane())
    assert set(notebook.summaries()) == {"aaaaaaaa"}
    data = orjson.loads(store.path_for(1).read_bytes())
    assert list(data)[:3] == ["_head", "_digest", "state"]  # a plain JSON object whose head can be read alone
    forget_contact(notebook, "aaaaaaaa")
    assert notebook.summaries() == {}
    store.drop(1)
    assert store.notebook(1).summaries() == {}


def test_pending_questions_survive_a_restart_and_expire_when_old(tmp_path):
    store = open_store(tmp_path)
    notebook = store.notebook(1)
    token = notebook.put_pending("note", {"name": "Jane", "text": "likes tea"})
    store.drop(1)
    assert store.notebook(1).pop_pending(token) == {"action": "note", "payload": {"name": "Jane", "text": "likes tea"}}
    assert store.notebook(1).pop_pending(token) is None
    tokens = [store.notebook(1).put_pending("x", {}) for _ in range(25)]
    assert store.notebook(1).peek_pending(tokens[0]) is None and store.notebook(1).peek_pending(tokens[-1])


def test_a_glance_reads_only_the_head_and_matches_the_full_notebook(tmp_path):
    store = open_store(tmp_path)
    notebook = store.notebook(1)
    notebook.save_contact(jane(interests=["jazz"]))
    notebook.save_profile(Profile(user_id=1, budget=5))
    expected = (notebook.summaries(), notebook.state_values())
    fresh = open_store(tmp_path)
    glance = fresh.glance(1)
    assert (glance.rows, glance.state) == expected
    assert glance.state["profile"]["budget"] == 5
    assert fresh._open == {}  # nothing was fully opened


def test_a_glance_at_a_file_without_a_head_opens_it_fully(tmp_path):
    store = open_store(tmp_path)
    doc = {"contacts": {"1": {"id": "aaaaaaaa", "name": "Jane", "v": 1}}}
    store.path_for(3).write_bytes(orjson.dumps(doc))  # as an older release would have written it
    assert list(store.glance(3).rows) == ["aaaaaaaa"]


def test_saves_append_a_small_line_instead_of_rewriting_the_notebook(tmp_path):
    store = open_store(tmp_path)
    notebook = store.notebook(1)
    with notebook.batch():
        for n in range(300):
            notebook.save_contact(Contact(id=f"{n:08x}", name=f"Person {n}", interests=["jazz"]))
    size = store.path_for(1).stat().st_size
    notebook.add_interaction(Interaction(id="cccccccc", contact_id="00000001", kind="note", text="coffee"))
    grown = store.path_for(1).stat().st_size - size
    assert 0 < grown < 1000  # the change, not the notebook
    assert len(store.path_for(1).read_bytes().splitlines()) == 2
    fresh = open_store(tmp_path).notebook(1)
    assert [i.text for i in fresh.interactions()] == ["coffee"]
    assert fresh.summaries()["00000001"] == notebook.summaries()["00000001"]


def test_a_save_torn_by_a_crash_is_dropped_and_the_next_save_rewrites_cleanly(tmp_path):
    store = open_store(tmp_path)
    notebook = store.notebook(1)
    notebook.save_contact(jane())
    notebook.save_contact(Contact(id="bbbbbbbb", name="Tom"))  # appended, acknowledged
    with open(store.path_for(1), "ab") as handle:
        handle.write(b'[["contacts","9",{"id":"dddddddd","na')  # a crash mid-append: never acknowledged
    fresh = open_store(tmp_path)
    assert sorted(c.name for c in fresh.notebook(1).contacts()) == ["Jane", "Tom"]
    fresh.notebook(1).save_contact(Contact(id="eeeeeeee", name="Ana"))
    lines = store.path_for(1).read_bytes().splitlines()
    assert len(lines) == 1  # rewritten as one clean snapshot, the torn bytes gone
    assert sorted(c.name for c in open_store(tmp_path).notebook(1).contacts()) == ["Ana", "Jane", "Tom"]


def test_the_log_is_folded_into_the_snapshot_as_it_grows(tmp_path):
    store = open_store(tmp_path)
    notebook = store.notebook(1)
    notebook.save_contact(jane())
    for n in range(400):
        notebook.add_interaction(Interaction(id=f"{n:08x}", contact_id="aaaaaaaa", kind="note", text="x" * 100))
    assert len(store.path_for(1).read_bytes().splitlines()) < 400  # compacted along the way
    assert len(open_store(tmp_path).notebook(1).interactions()) == 400


def test_deletions_and_resets_survive_through_the_log(tmp_path):
    store = open_store(tmp_path)
    notebook = store.notebook(1)
    notebook.save_contact(jane(company="Acme"))
    notebook.save_contact(Contact(id="bbbbbbbb", name="Tom"))
    forget_contact(notebook, "bbbbbbbb")
    contact = notebook.contact("aaaaaaaa")
    contact.company = ""
    notebook.save_contact(contact)
    [again] = open_store(tmp_path).notebook(1).contacts()
    assert (again.name, again.company) == ("Jane", "")


def test_a_glance_sees_changes_still_in_the_log(tmp_path):
    store = open_store(tmp_path)
    notebook = store.notebook(1)
    notebook.save_contact(jane())
    notebook.save_profile(Profile(user_id=1, budget=7))
    notebook.save_contact(Contact(id="bbbbbbbb", name="Tom"))
    glance = open_store(tmp_path).glance(1)
    assert glance.state["profile"]["budget"] == 7
    assert set(glance.rows) == {"aaaaaaaa", "bbbbbbbb"}
