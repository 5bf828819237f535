"""Encryption at rest from the operator's side: start-up with a wrong or missing key, and `nurture rotate-key`,
also when it is killed (SIGKILL) half-way and run again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.notebooks import open_store
from bot.store.crypto import REKEY_JOURNAL, Codec, file_key, generate_key
from bot.store.records import Contact, new_id

ROOT = Path(__file__).resolve().parent.parent
USERS = 24


def nurture(cwd: Path, env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "COACH_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env={**base, "PYTHONPATH": str(ROOT), **env},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def populate(data_dir: Path, codec: Codec | None) -> dict[int, list[str]]:
    store = open_store(data_dir, codec=codec)
    people = {}
    for user_id in range(1, USERS + 1):
        names = [f"Person{user_id}-{n}" for n in range(3)]
        notebook = store.notebook(user_id)
        for name in names:
            notebook.save_contact(Contact(id=new_id(), name=name, company="Acme"))
        people[user_id] = names
        store.drop(user_id)
    return people


def contents(data_dir: Path, codec: Codec | None) -> dict[int, list[str]]:
    store = open_store(data_dir, codec=codec)
    return {user_id: sorted(c.name for c in store.notebook(user_id).contacts()) for user_id in store.user_ids()}


def test_the_bot_refuses_to_start_with_a_wrong_or_missing_key(tmp_path):
    data = tmp_path / "data"
    key = generate_key()
    populate(data, Codec.from_text(key))
    before = {p.name: p.read_bytes() for p in (data / "users").iterdir()}

    wrong = nurture(tmp_path, {"COACH_DATA_DIR": str(data), "COACH_DATA_KEY": generate_key()}, "--console")
    assert wrong.returncode == 2 and "is not the key" in wrong.stderr and "Traceback" not in wrong.stderr
    missing = nurture(tmp_path, {"COACH_DATA_DIR": str(data)}, "--console")
    assert missing.returncode == 2 and "COACH_DATA_KEY is not set" in missing.stderr
    malformed = nurture(tmp_path, {"COACH_DATA_DIR": str(data), "COACH_DATA_KEY": "hunter2"}, "--console")
    assert malformed.returncode == 2 and "COACH_DATA_KEY" in malformed.stderr and "hunter2" not in malformed.stderr
    assert {p.name: p.read_bytes() for p in (data / "users").iterdir()} == before  # nothing set aside

    right = nurture(tmp_path, {"COACH_DATA_DIR": str(data), "COACH_DATA_KEY": key}, "--console", stdin="/contacts\n")
    assert right.returncode == 0 and "Person1-0" in right.stdout
    assert nurture(tmp_path, {"COACH_DATA_DIR": str(data), "COACH_DATA_KEY": key}, "check").returncode == 0


def test_rotate_key_turns_encryption_on_moves_keys_and_turns_it_off(tmp_path):
    data = tmp_path / "data"
    people = populate(data, None)
    open_store(data).write_side(1, "import-abc", b'{"people": []}')  # an import waiting for its answer
    first, second = generate_key(), generate_key()

    on = nurture(tmp_path, {"COACH_DATA_DIR": str(data), "COACH_NEW_DATA_KEY": first}, "rotate-key")
    assert on.returncode == 0, on.stderr
    assert f"re-encrypted {USERS + 1} files" in on.stdout and first not in on.stdout
    assert contents(data, Codec.from_text(first)) == people
    assert b"people" not in open_store(data).side_file(1, "import-abc").read_bytes()
    assert open_store(data, codec=Codec.from_text(first)).read_side(1, "import-abc") == b'{"people": []}'

    moved = nurture(
        tmp_path, {"COACH_DATA_DIR": str(data), "COACH_DATA_KEY": first, "COACH_NEW_DATA_KEY": second}, "rotate-key"
    )
    assert moved.returncode == 0, moved.stderr
    assert contents(data, Codec.from_text(second)) == people

    off = nurture(
        tmp_path, {"COACH_DATA_DIR": str(data), "COACH_DATA_KEY": second, "COACH_NEW_DATA_KEY": "none"}, "rotate-key"
    )
    assert off.returncode == 0, off.stderr
    assert contents(data, None) == people
    assert open_store(data).read_side(1, "import-abc") == b'{"people": []}'


def test_rotate_key_needs_the_new_key_and_the_data_folder(tmp_path):
    data = tmp_path / "data"
    populate(data, None)
    no_key = nurture(tmp_path, {"COACH_DATA_DIR": str(data)}, "rotate-key")
    assert no_key.returncode == 2 and "COACH_NEW_DATA_KEY" in no_key.stderr


KILL_AFTER = 9

# Runs the real rotation with SIGKILL at a chosen instant: between two files, or with a file's new copy written
# but not yet renamed over the old one.
HARNESS = """
import os, signal, sys
from bot import ops
from bot.config import Settings

where, after = sys.argv[1], int(sys.argv[2])
settings = Settings.load()
replaced = []
if where == "mid-file":
    real_replace = os.replace
    def replace(src, dst):
        if len(replaced) == after + 1:  # the journal, then `after` files
            os.kill(os.getpid(), signal.SIGKILL)
        replaced.append(dst)
        real_replace(src, dst)
    os.replace = replace
def on_file(path):
    replaced.append(path) if where != "mid-file" else None
    if where == "between-files" and len(replaced) == after:
        os.kill(os.getpid(), signal.SIGKILL)
ops.rotate_key(settings.data_dir, settings.codec(), settings.new_codec(), on_file)
"""


@pytest.mark.parametrize("where", ["between-files", "mid-file"])
def test_rotate_key_killed_half_way_loses_nothing_and_a_second_run_finishes(tmp_path, where):
    data = tmp_path / "data"
    old, new = generate_key(), generate_key()
    people = populate(data, Codec.from_text(old))
    env = {"COACH_DATA_DIR": str(data), "COACH_DATA_KEY": old, "COACH_NEW_DATA_KEY": new}
    base = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "COACH_"))}

    killed = subprocess.run(
        [sys.executable, "-c", HARNESS, where, str(KILL_AFTER)],
        cwd=tmp_path,
        env={**base, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == -9, killed.stderr
    keys = [file_key(p).key_id for p in sorted((data / "users").glob("*.json"))]
    assert keys.count(Codec.from_text(new).key_id) == KILL_AFTER  # really half-way: some files moved, not all
    assert keys.count(Codec.from_text(old).key_id) == USERS - KILL_AFTER
    assert (data / REKEY_JOURNAL).exists()

    # Neither key starts the bot while the rotation is unfinished: it says how to finish.
    for key in (old, new):
        refused = nurture(tmp_path, {"COACH_DATA_DIR": str(data), "COACH_DATA_KEY": key}, "--console")
        assert refused.returncode == 2 and "rotate-key" in refused.stderr and "interrupted" in refused.stderr

    again = nurture(tmp_path, env, "rotate-key")
    assert again.returncode == 0, again.stderr
    assert f"re-encrypted {USERS - KILL_AFTER} files ({KILL_AFTER} were already done)" in again.stdout
    assert not (data / REKEY_JOURNAL).exists()
    assert contents(data, Codec.from_text(new)) == people
    assert nurture(tmp_path, {"COACH_DATA_DIR": str(data), "COACH_DATA_KEY": new}, "check").returncode == 0


def test_rotate_key_refuses_while_the_bot_holds_the_data_folder(tmp_path):
    from bot.datalock import lock_data_folder

    data = tmp_path / "data"
    populate(data, None)
    held = lock_data_folder(data)
    try:
        busy = nurture(tmp_path, {"COACH_DATA_DIR": str(data), "COACH_NEW_DATA_KEY": generate_key()}, "rotate-key")
    finally:
        held.release()
    assert busy.returncode == 2 and "stop the bot" in busy.stderr
    assert all(file_key(p).key_id is None for p in (data / "users").glob("*.json"))  # nothing was touched


def test_a_backup_of_encrypted_notebooks_stays_encrypted_and_opens_with_the_key(tmp_path):
    from bot import ops

    data = tmp_path / "data"
    codec = Codec.from_text(generate_key())
    people = populate(data, codec)
    with open(data / "users" / "1.json", "ab") as handle:
        handle.write(b"E1." + codec.key_id.encode() + b".half-written")  # a save in flight during the copy
    copied = ops.backup(data, tmp_path / "backup", codec)
    assert copied.notebooks == USERS and copied.unreadable == []
    assert all(file_key(p).key_id == codec.key_id for p in (tmp_path / "backup" / "users").glob("*.json"))
    assert contents(tmp_path / "backup", codec) == people


def test_rotate_key_with_the_wrong_current_key_changes_nothing(tmp_path):
    data = tmp_path / "data"
    populate(data, Codec.from_text(generate_key()))
    before = {p.name: p.read_bytes() for p in (data / "users").iterdir()}
    env = {"COACH_DATA_DIR": str(data), "COACH_DATA_KEY": generate_key(), "COACH_NEW_DATA_KEY": generate_key()}
    wrong = nurture(tmp_path, env, "rotate-key")
    assert wrong.returncode == 2 and "is under key id" in wrong.stderr and "Traceback" not in wrong.stderr
    assert {p.name: p.read_bytes() for p in (data / "users").iterdir()} == before
    assert not (data / REKEY_JOURNAL).exists()  # the bot still starts with the right key


def test_rotate_key_leaves_no_temporary_copy_readable_or_under_an_old_key(tmp_path):
    """A save or a rotation killed mid-write leaves its temporary file behind: after a rotation, none is left in
    plaintext or under the key that was rotated away from."""
    data = tmp_path / "data"
    users = data / "users"
    populate(data, None)
    first, second = generate_key(), generate_key()
    # Left by a bot killed while rewriting notebook 1 (plaintext), and by an earlier rotation killed mid-file.
    (users / ".1.json.k1ll3d.tmp").write_bytes(b'{"contacts": {"1": {"name": "Secret Sauce"}}}\n')
    (data / f".{REKEY_JOURNAL}.half.tmp").write_bytes(b"plaintext")

    assert nurture(tmp_path, {"COACH_DATA_DIR": str(data), "COACH_NEW_DATA_KEY": first}, "rotate-key").returncode == 0
    leftovers = [p.name for p in data.rglob("*.tmp")]
    assert leftovers == []
    assert not any(b"Secret Sauce" in p.read_bytes() for p in data.rglob("*") if p.is_file())

    # Under the first key now: a crash mid-save leaves a sealed temporary copy, which the next rotation removes.
    sealed = Codec.from_text(first).seal_line(b'{"contacts": {}}', "2")
    (users / ".2.json.k1ll3d.tmp").write_bytes(sealed)
    env = {"COACH_DATA_DIR": str(data), "COACH_DATA_KEY": first, "COACH_NEW_DATA_KEY": second}
    assert nurture(tmp_path, env, "rotate-key").returncode == 0
    assert [p.name for p in data.rglob("*.tmp")] == []
    first_id = Codec.from_text(first).key_id
    assert [p.name for p in data.rglob("*") if p.is_file() and file_key(p).key_id == first_id] == []
