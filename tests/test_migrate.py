"""``nurture migrate``: every notebook from a data folder into PostgreSQL and back, byte for byte, verified, and a
migration killed half-way finished by running it again."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.migrate import DatabaseSide, FolderSide, MigrationRefused, migrate, open_side
from bot.notebooks import open_store
from bot.store.crypto import Codec, generate_key
from bot.store.database import Database
from bot.store.records import Contact, Interaction, Profile, Promise

KEY_TEXT = generate_key()
KEY = Codec.from_text(KEY_TEXT)
FIRST = ["Ada", "Ben", "Cleo", "Dan", "Eve", "Finn", "Gia", "Hugo", "Ivy", "Jack", "Kai", "Lea"]


def fill(data_dir: Path, users: int, codec: Codec | None, seed: int = 7) -> list[int]:
    """``users`` notebooks of a few people each, saved by the store as the bot saves them: a snapshot, and for most
    of them change lines after it."""
    rng = random.Random(seed)
    store = open_store(data_dir, codec=codec)
    ids = [1000 + n * 7 for n in range(users)]
    for user_id in ids:
        notebook = store.notebook(user_id)
        with notebook.batch():
            notebook.save_profile(Profile(user_id=user_id, first_name="Sam", budget=rng.randint(1, 5)))
            for n in range(rng.randint(0, 6)):
                contact = Contact(id=f"c{n}", name=f"{rng.choice(FIRST)} Lee{n}", company=rng.choice(["Acme", ""]))
                notebook.save_contact(contact)
                notebook.add_interaction(Interaction(id=f"i{n}", contact_id=contact.id, kind="met", on="2026-11-20"))
        if rng.random() < 0.7 and notebook.contacts():  # saves after the snapshot: change lines
            notebook.save_promise(Promise(id="p1", contact_id="c0", text="send the deck", made_on="2026-11-21"))
            notebook.add_interaction(Interaction(id="i9", contact_id="c0", kind="note", on="2026-11-22", text="jazz"))
        store.drop(user_id)
    return ids


def exports(data_dir: Path, ids: list[int], codec: Codec | None) -> dict[int, dict]:
    store = open_store(data_dir, codec=codec)
    return {user_id: store.notebook(user_id).export() for user_id in ids}


def test_a_thousand_notebooks_go_into_postgresql_and_back_with_identical_exports(tmp_path, database_url):
    ids = fill(tmp_path / "before", 1000, KEY)
    database = Database(database_url)
    try:
        there = migrate(FolderSide(tmp_path / "before"), DatabaseSide(database), KEY)
        assert (there.notebooks, there.already) == (1000, 0)
        back = migrate(DatabaseSide(database), FolderSide(tmp_path / "after"), KEY)
        assert back.notebooks == 1000
        assert sorted(open_store(database, codec=KEY).user_ids()) == ids
    finally:
        database.close()
    for user_id in ids:  # byte for byte, still sealed with the same key
        before = (tmp_path / "before" / "users" / f"{user_id}.json").read_bytes()
        assert (tmp_path / "after" / "users" / f"{user_id}.json").read_bytes() == before
    assert exports(tmp_path / "after", ids, KEY) == exports(tmp_path / "before", ids, KEY)


def test_what_is_kept_beside_the_notebooks_goes_along(tmp_path, database_url):
    [user_id, *_] = fill(tmp_path / "before", 3, None)
    store = open_store(tmp_path / "before")
    store.write_side(user_id, "import-abc", b'{"people": []}')
    store.place.leave_notice(user_id, b'{"what": "damaged", "on": "2026-11-22", "kept": ""}')
    (tmp_path / "before" / "users" / f"{user_id}.json.unreadable-20261101T000000").write_bytes(b"not a notebook\n")
    (tmp_path / "before" / "deletions.json").write_bytes(b'{"marks": {"abc123": 1900000000}}')
    database = Database(database_url)
    try:
        migrate(FolderSide(tmp_path / "before"), DatabaseSide(database), None)
        migrate(DatabaseSide(database), FolderSide(tmp_path / "after"), None)
    finally:
        database.close()
    after = open_store(tmp_path / "after")
    assert after.read_side(user_id, "import-abc") == b'{"people": []}'
    assert after.take_notice(user_id).what == "damaged"
    assert (tmp_path / "after" / "users" / f"{user_id}.json.unreadable-20261101T000000").read_bytes() == (
        b"not a notebook\n"
    )
    assert b"abc123" in (tmp_path / "after" / "deletions.json").read_bytes()


def test_a_migration_killed_half_way_is_finished_by_running_it_again(tmp_path, database_url):
    ids = fill(tmp_path / "data", 30, None)
    database = Database(database_url)

    def killed_after_ten(user_id: int) -> None:
        if user_id == ids[9]:
            raise KeyboardInterrupt  # as a kill at that instant would leave it: ten notebooks written whole

    try:
        with pytest.raises(KeyboardInterrupt):
            migrate(FolderSide(tmp_path / "data"), DatabaseSide(database), None, on_notebook=killed_after_ten)
        assert len(database.user_ids()) == 10
        # The bot does not start on a half-filled database; the same command finishes it.
        out = io.StringIO()
        settings_env = {"COACH_DATABASE_URL": database_url, "TELEGRAM_BOT_TOKEN": "1:" + "x" * 30}
        with pytest.MonkeyPatch.context() as env:
            for name, value in settings_env.items():
                env.setenv(name, value)
            env.chdir(tmp_path)
            assert main(["--console"]) == 2
        finished = migrate(FolderSide(tmp_path / "data"), DatabaseSide(database), None)
        assert (finished.notebooks, finished.already) == (20, 10)
        assert database.flag("migrating") is None
        assert out.getvalue() == ""
    finally:
        database.close()


def test_a_target_that_holds_other_notebooks_is_refused(tmp_path, database_url):
    fill(tmp_path / "one", 2, None, seed=1)
    fill(tmp_path / "two", 2, None, seed=2)
    database = Database(database_url)
    try:
        migrate(FolderSide(tmp_path / "one"), DatabaseSide(database), None)
        with pytest.raises(MigrationRefused, match="not empty"):
            migrate(FolderSide(tmp_path / "two"), DatabaseSide(database), None)
    finally:
        database.close()


def test_the_command_moves_a_folder_into_a_database(tmp_path, database_url, monkeypatch, capsys):
    ids = fill(tmp_path / "data", 5, None)
    for name in ("COACH_DATABASE_URL", "COACH_DATA_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["migrate", "--from", str(tmp_path / "data"), "--to", database_url]) == 0
    said = capsys.readouterr().out
    assert "migrated 5 notebooks" in said and "verified" in said
    side = open_side(database_url)
    try:
        assert sorted(side.user_ids()) == ids
    finally:
        side.db.close()  # type: ignore[union-attr]
    assert main(["migrate", "--from", str(tmp_path / "data"), "--to", str(tmp_path / "elsewhere")]) == 2
