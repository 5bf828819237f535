"""The operator commands over PostgreSQL (``COACH_DATABASE_URL`` set): check, stats, backup and rotate-key, run as
an operator runs them (``nurture ...``), saying what they say of a data folder."""

from __future__ import annotations

import psycopg
import pytest

from bot.__main__ import main
from bot.notebooks import open_store
from bot.store.crypto import Codec, generate_key
from bot.store.database import Database
from bot.store.records import Contact, Interaction, Profile


@pytest.fixture
def operator(database_url, monkeypatch, tmp_path, capsys):
    """Runs ``nurture ARGS`` on the database; (exit status, stdout, stderr)."""
    for name in ("COACH_DATA_KEY", "COACH_NEW_DATA_KEY", "COACH_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COACH_DATABASE_URL", database_url)
    monkeypatch.chdir(tmp_path)

    def run(*args: str, **env: str) -> tuple[int, str, str]:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        status = main(list(args))
        said = capsys.readouterr()
        return status, said.out, said.err

    return run


def save_people(database_url: str, codec: Codec | None = None, users: int = 3) -> None:
    database = Database(database_url)
    store = open_store(database, codec=codec)
    for user_id in range(1, users + 1):
        notebook = store.notebook(user_id)
        notebook.save_profile(Profile(user_id=user_id, first_name="Sam"))
        notebook.save_contact(Contact(id="c1", name="Jane Doe", company="Acme"))
        notebook.add_interaction(Interaction(id="i1", contact_id="c1", kind="met", on="2026-11-20", text="jazz"))
    database.close()


def test_check_and_stats_read_the_database(operator, database_url):
    save_people(database_url)
    status, out, _ = operator("check")
    assert status == 0 and "checked 3 notebooks in the database" in out and "3 ok, 0 with problems" in out
    status, out, _ = operator("stats")
    assert status == 0 and "users                3" in out and "contacts             3" in out
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("UPDATE notebook_changes SET line = %s WHERE user_id = 2 AND version = 2", (b"{not json\n",))
    status, out, _ = operator("check")
    assert status == 1 and "notebook 2: line 2 of " in out and "not JSON" in out and "2 ok, 1 with problems" in out


def test_backup_writes_a_data_folder_that_the_file_store_opens(operator, database_url, tmp_path):
    key = generate_key()
    save_people(database_url, Codec.from_text(key))
    status, out, _ = operator("backup", str(tmp_path / "copy"), COACH_DATA_KEY=key)
    assert status == 0 and "backed up 3 notebooks" in out
    copy = open_store(tmp_path / "copy", codec=Codec.from_text(key))
    assert sorted(copy.user_ids()) == [1, 2, 3]
    assert [c.name for c in copy.notebook(2).contacts()] == ["Jane Doe"]
    status, _, err = operator("backup", str(tmp_path / "copy"), COACH_DATA_KEY=key)
    assert status == 2 and "not empty" in err


def test_rotate_key_encrypts_the_database_and_the_bot_follows(operator, database_url):
    save_people(database_url)
    key = generate_key()
    status, out, _ = operator("rotate-key", COACH_NEW_DATA_KEY=key)
    assert status == 0 and "re-encrypted 3 notebooks" in out
    with psycopg.connect(database_url) as conn:
        snapshots = [bytes(row[0]) for row in conn.execute("SELECT snapshot FROM notebooks")]
    assert all(s.startswith(b"E1.") and b"Jane" not in s for s in snapshots)
    status, _, err = operator("check")  # no key now: refused, naming it
    assert status == 2 and "COACH_DATA_KEY is not set" in err
    status, out, _ = operator("check", COACH_DATA_KEY=key)
    assert status == 0 and "3 ok" in out
    status, out, _ = operator("rotate-key", COACH_DATA_KEY=key, COACH_NEW_DATA_KEY="none")
    assert status == 0 and "to plaintext" in out
