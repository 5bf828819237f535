"""Encryption at rest: notebooks sealed line by line with COACH_DATA_KEY (bot/store/crypto.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.notebooks import open_notebook, open_store
from bot.store.crypto import Codec, DataKeyError, check_folder, generate_key, reseal
from bot.store.errors import UnreadableData
from bot.store.logfile import head_length, read_head
from bot.store.notebook import Notebook
from bot.store.records import Contact, Interaction, new_id
from bot.store.storage import COMPACT_MIN

KEY = Codec.from_text(generate_key())
OTHER = Codec.from_text(generate_key())


def fill(notebook: Notebook, names: list[str]) -> None:
    for name in names:
        contact = Contact(id=new_id(), name=name, company="Acme", interests=["jazz"])
        with notebook.batch():
            notebook.save_contact(contact)
            notebook.add_interaction(
                Interaction(id=new_id(), contact_id=contact.id, kind="met", on="2026-11-20", context="the happy hour")
            )


def test_a_sealed_notebook_round_trips_and_shows_nothing_on_disk(tmp_path):
    store = open_store(tmp_path / "data", codec=KEY)
    fill(store.notebook(7), ["Jane Doe", "Tom Lee"])
    path = store.path_for(7)
    raw = path.read_bytes()
    assert raw.count(b"\n") >= 2  # a snapshot and appended change lines, each sealed on its own
    assert all(line.startswith(b"E1." + KEY.key_id.encode()) for line in raw.splitlines())
    for secret in (b"Jane", b"Acme", b"jazz", b"happy hour"):
        assert secret not in raw
    store.drop(7)
    reopened = store.notebook(7)
    assert sorted(c.name for c in reopened.contacts()) == ["Jane Doe", "Tom Lee"]
    assert len(reopened.interactions()) == 2


def test_the_head_is_read_without_the_records_and_matches_the_plaintext_digest(tmp_path):
    store = open_store(tmp_path / "data", codec=KEY)
    fill(store.notebook(7), ["Jane Doe"])
    expected = store.notebook(7).summaries()
    store.drop(7)
    rows, _ = read_head(store.path_for(7), KEY) or ({}, {})
    assert rows == expected
    assert store.glance(7).rows == expected


def test_compaction_rewrites_a_sealed_snapshot(tmp_path):
    store = open_store(tmp_path / "data", codec=KEY)
    notebook = store.notebook(7)
    fill(notebook, [f"Person {n:03d}" for n in range(COMPACT_MIN // 300 + 40)])
    store.drop(7)
    assert len(store.notebook(7).contacts()) == COMPACT_MIN // 300 + 40


def test_a_missing_or_wrong_key_is_a_clear_error_and_the_file_is_never_set_aside(tmp_path):
    data = tmp_path / "data"
    store = open_store(data, codec=KEY)
    fill(store.notebook(7), ["Jane Doe"])
    before = store.path_for(7).read_bytes()

    with pytest.raises(DataKeyError, match="COACH_DATA_KEY is not set"):
        check_folder(data, None)
    with pytest.raises(DataKeyError, match=rf"is not the key 1 notebook .* was encrypted with \(key id {KEY.key_id}\)"):
        check_folder(data, OTHER)
    check_folder(data, KEY)
    with pytest.raises(DataKeyError):
        open_store(data, codec=OTHER).notebook(7)
    with pytest.raises(DataKeyError):
        open_store(data).notebook(7)
    with pytest.raises(DataKeyError):
        read_head(store.path_for(7))
    assert store.path_for(7).read_bytes() == before
    assert sorted(p.name for p in (data / "users").iterdir()) == ["7.json"]


def test_a_key_set_on_plaintext_notebooks_asks_for_rotate_key(tmp_path):
    store = open_store(tmp_path / "data")
    fill(store.notebook(7), ["Jane Doe"])
    with pytest.raises(DataKeyError, match="rotate-key"):
        check_folder(tmp_path / "data", KEY)


def test_a_torn_sealed_append_is_dropped_and_the_next_save_is_clean(tmp_path):
    store = open_store(tmp_path / "data", codec=KEY)
    fill(store.notebook(7), ["Jane Doe"])
    store.drop(7)
    with open(store.path_for(7), "ab") as handle:
        handle.write(b"E1." + KEY.key_id.encode() + b".AAAAbroken-mid-wri")
    notebook = store.notebook(7)
    assert [c.name for c in notebook.contacts()] == ["Jane Doe"]
    fill(notebook, ["Tom Lee"])
    store.drop(7)
    assert sorted(c.name for c in store.notebook(7).contacts()) == ["Jane Doe", "Tom Lee"]


def test_a_tampered_line_does_not_open(tmp_path):
    store = open_store(tmp_path / "data", codec=KEY)
    fill(store.notebook(7), ["Jane Doe", "Tom Lee"])
    store.drop(7)
    path = store.path_for(7)
    snapshot, *log = path.read_bytes().split(b"\n")
    flipped = bytearray(log[0])
    flipped[40] = ord("A") if flipped[40] != ord("A") else ord("B")
    path.write_bytes(b"\n".join([snapshot, bytes(flipped), *log[1:]]))
    # A change line that does not authenticate ends the log there, as a torn line would.
    assert [c.name for c in store.notebook(7).contacts()] == ["Jane Doe"]
    store.drop(7)
    broken = bytearray(snapshot)
    broken[60] = ord("A") if broken[60] != ord("A") else ord("B")
    path.write_bytes(bytes(broken) + b"\n")
    with pytest.raises(UnreadableData):
        store.notebook(7)


def test_one_users_sealed_file_does_not_open_as_anothers(tmp_path):
    store = open_store(tmp_path / "data", codec=KEY)
    fill(store.notebook(7), ["Jane Doe"])
    store.path_for(8).write_bytes(store.path_for(7).read_bytes())
    with pytest.raises(UnreadableData):
        store.notebook(8)


def test_reseal_moves_a_file_between_plaintext_and_keys_line_by_line(tmp_path):
    plain_store = open_store(tmp_path / "plain")
    fill(plain_store.notebook(7), ["Jane Doe", "Tom Lee"])
    plain = plain_store.path_for(7).read_bytes()
    sealed = reseal(plain, None, KEY, "7", head_length)
    again = reseal(sealed, KEY, OTHER, "7", head_length)
    back = reseal(again, OTHER, None, "7", head_length)
    assert back == plain
    with pytest.raises(DataKeyError):
        reseal(sealed, OTHER, KEY, "7", head_length)


@pytest.mark.parametrize(
    "text", ["", "short", "x" * 44, generate_key()[:-4]], ids=["empty", "short", "not base64", "cut short"]
)
def test_a_malformed_key_is_refused(text):
    with pytest.raises(ValueError):
        Codec.from_text(text)


def test_paths_are_bound_by_their_owner(tmp_path: Path):
    # Copies set aside and backups keep the user id the segments are bound to.
    store = open_store(tmp_path / "data", codec=KEY)
    fill(store.notebook(7), ["Jane Doe"])
    aside = store.path_for(7).with_name("7.json.unreadable-20261122T000000")
    aside.write_bytes(store.path_for(7).read_bytes())
    assert [c.name for c in open_notebook(7, aside, KEY).contacts()] == ["Jane Doe"]


def test_one_notebook_with_a_damaged_key_id_is_set_aside_and_told_never_stopping_everyone(tmp_path):
    data = tmp_path / "data"
    store = open_store(data, codec=KEY)
    fill(store.notebook(7), ["Jane Doe"])
    fill(store.notebook(8), ["Tom Lee"])
    store.drop(7)
    store.drop(8)
    raw = store.path_for(8).read_bytes()
    store.path_for(8).write_bytes(raw[:3] + b"zz" + raw[5:])  # two damaged bytes in its key id

    misfits = check_folder(data, KEY)  # no DataKeyError: user 7's notebook goes with the key
    assert misfits == [store.path_for(8)]
    again = open_store(data, codec=KEY)
    for path in misfits:
        again.set_aside_misfit(path)
    assert [c.name for c in again.notebook(7).contacts()] == ["Jane Doe"]
    assert not again.path_for(8).exists()
    notice = again.take_notice(8)
    assert notice is not None and notice.what == "unreadable" and notice.kept.startswith("8.json.unreadable-")
    assert again.notebook(8).contacts() == []  # a fresh notebook; the old one is kept for the operator
