"""Operator commands: ``nurture check``, ``nurture backup DIR``, ``nurture stats``."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import orjson
import pytest

from bot import ops
from bot.coach.journal.delivery import MORNINGS, SENT
from bot.notebooks import open_notebook
from bot.store.logfile import serialise
from bot.store.records import Contact, Interaction, new_id

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 22, 12, 30, tzinfo=UTC)
TODAY = NOW.date()


def make_notebook(data_dir: Path, user_id: int, names: list[str], last: date = TODAY, **profile: object) -> Path:
    notebook = open_notebook(user_id, data_dir / "users" / f"{user_id}.json")
    with notebook.batch():
        for name in names:
            contact = Contact(id=new_id(), name=name, met_on=last.isoformat())
            notebook.save_contact(contact)
            notebook.add_interaction(
                Interaction(id=new_id(), contact_id=contact.id, kind="met", on=last.isoformat(), context="a meetup")
            )
        if profile:
            saved = notebook.profile()
            for key, value in profile.items():
                setattr(saved, key, value)
            notebook.save_profile(saved)
    notebook.close()
    return notebook.path


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    (folder / "users").mkdir(parents=True)
    return folder


def run_check(data_dir: Path) -> tuple[int, str]:
    out = io.StringIO()
    return ops.check(data_dir, out), out.getvalue()


# -- check ------------------------------------------------------------------------------------------------------


def test_check_passes_healthy_notebooks(data_dir):
    make_notebook(data_dir, 1, ["Jane Doe", "Tom Lee"])
    make_notebook(data_dir, 2, ["Ana Silva"])
    status, out = run_check(data_dir)
    assert status == 0
    assert "checked 2 notebooks" in out and "2 ok, 0 with problems" in out


def test_check_names_each_problem_and_changes_nothing(data_dir):
    make_notebook(data_dir, 1, ["Jane Doe"])
    garbled = make_notebook(data_dir, 2, ["Ana Silva"])
    garbled.write_bytes(b'{"contacts": {"x": ')
    drifted = make_notebook(data_dir, 3, ["Tom Lee"])
    data = orjson.loads(drifted.read_bytes().split(b"\n")[0])
    data.pop("_head")
    (row,) = data["_digest"].values()
    row["n"] = "Somebody Else"
    drifted.write_bytes(serialise(data))
    misshapen = make_notebook(data_dir, 4, ["Kim Park"])
    data = orjson.loads(misshapen.read_bytes().split(b"\n")[0])
    data.pop("_head")
    data["contacts"] = {"1": "not a contact"}
    misshapen.write_bytes(serialise(data))
    before = {p.name: p.read_bytes() for p in (data_dir / "users").iterdir()}

    status, out = run_check(data_dir)

    assert status == 1
    assert "users/2.json (user 2): line 1 (the snapshot): the snapshot is not JSON" in out
    assert "users/3.json (user 3): digest inconsistent with the records: 1 contact rows differ" in out
    assert "users/4.json (user 4): contacts/1: not an object" in out
    assert "users/1.json" not in out
    assert "checked 4 notebooks" in out and "1 ok, 3 with problems" in out
    # A check only reports: nothing was moved aside or rewritten.
    assert {p.name: p.read_bytes() for p in (data_dir / "users").iterdir()} == before


def test_check_reads_the_log_after_the_snapshot(data_dir):
    path = make_notebook(data_dir, 1, ["Jane Doe"])
    notebook = open_notebook(1, path)
    notebook.save_contact(Contact(id=new_id(), name="Tom Lee"))  # one appended line, digest row in the same line
    notebook.close()
    assert path.read_bytes().count(b"\n") == 2
    assert run_check(data_dir)[0] == 0


def everything_in(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file and folder under ``folder`` with its bytes, mode and modification time."""
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else b"", p.stat().st_mode, p.stat().st_mtime_ns)
        for p in [folder, *folder.rglob("*")]
    }


def damage_line(path: Path, number: int) -> None:
    """Damage a byte in the middle of line ``number`` (1: the snapshot): a NUL, as a bad sector may leave, which no
    JSON allows wherever it falls (a flipped letter inside a string could still read)."""
    lines = path.read_bytes().split(b"\n")
    line = bytearray(lines[number - 1])
    line[len(line) // 2] = 0
    lines[number - 1] = bytes(line)
    path.write_bytes(b"\n".join(lines))


def three_saves_after_the_snapshot(data_dir: Path, user_id: int) -> Path:
    path = make_notebook(data_dir, user_id, ["Jane Doe"])
    for name in ("Tom Lee", "Ana Silva", "Kim Park"):
        notebook = open_notebook(user_id, path)
        notebook.save_contact(Contact(id=new_id(), name=name))
        notebook.close()
    assert path.read_bytes().count(b"\n") == 4
    return path


def test_check_stats_and_backup_are_strictly_read_only(data_dir, tmp_path):
    make_notebook(data_dir, 1, ["Jane Doe"])
    odd_row = make_notebook(data_dir, 2, ["Ana Silva"])  # a digest row of a shape the bot would rebuild
    data = orjson.loads(odd_row.read_bytes().split(b"\n")[0])
    data.pop("_head")
    (key,) = data["_digest"]
    data["_digest"][key] = {"not": "a row"}
    odd_row.write_bytes(serialise(data))
    os.chmod(make_notebook(data_dir, 3, ["Tom Lee"]), 0o644)  # from an older release: the bot would chmod it
    damage_line(three_saves_after_the_snapshot(data_dir, 4), 3)
    with open(make_notebook(data_dir, 5, ["Kim Park"]), "ab") as torn:
        torn.write(b'[["contacts","9",{"id":"zz')
    stale = make_notebook(data_dir, 6, ["Old Friend"])  # an older release's file, readable by others too
    old = open_notebook(6, stale)
    old.set_state("digest_version", 1)
    old.close()
    os.chmod(stale, 0o644)
    before = everything_in(data_dir)

    for command in (["check"], ["stats"], ["backup", str(tmp_path / "copy")]):
        done = nurture(tmp_path, data_dir, *command)
        assert "Traceback" not in done.stderr, done.stderr
        assert everything_in(data_dir) == before, command


def test_check_says_which_file_which_line_and_which_record(data_dir):
    damage_line(three_saves_after_the_snapshot(data_dir, 4), 3)
    misshapen = make_notebook(data_dir, 6, ["Kim Park"])
    data = orjson.loads(misshapen.read_bytes().split(b"\n")[0])
    data.pop("_head")
    data["contacts"]["1"]["met_on"] = "the day after tomorrow"
    misshapen.write_bytes(serialise(data))

    status, out = run_check(data_dir)

    assert status == 1
    [line_problem] = [line for line in out.splitlines() if "users/4.json" in line]
    assert "line 3 of 4" in line_problem and "not JSON" in line_problem
    [record_problem] = [line for line in out.splitlines() if "users/6.json" in line]
    assert "contacts/1" in record_problem and "met_on" in record_problem
    assert "Kim" not in out  # where, never what was written


def test_check_reads_on_past_a_damaged_line(data_dir):
    path = three_saves_after_the_snapshot(data_dir, 4)
    damage_line(path, 3)
    lines = path.read_bytes().split(b"\n")
    lines.insert(3, b'[["contacts", "9", "not a contact"]]')  # and the next line of the wrong shape
    path.write_bytes(b"\n".join(lines))
    status, out = run_check(data_dir)
    assert status == 1
    assert "line 3 of 5: not JSON" in out and "line 4 of 5: a saved change has fields of the wrong type" in out


def test_check_tells_a_crash_mid_save_from_damage(data_dir):
    with open(make_notebook(data_dir, 5, ["Kim Park"]), "ab") as torn:
        torn.write(b'[["contacts","9",{"id":"zz')
    status, out = run_check(data_dir)
    assert status == 0, out
    assert "users/5.json" in out and "unfinished save" in out


# -- backup -----------------------------------------------------------------------------------------------------


def test_backup_copies_every_notebook_into_a_private_data_folder(data_dir, tmp_path):
    make_notebook(data_dir, 1, ["Jane Doe", "Tom Lee"])
    make_notebook(data_dir, 2, ["Ana Silva"])
    dest = tmp_path / "backup"

    copied = ops.backup(data_dir, dest)

    assert (copied.notebooks, copied.unreadable) == (2, [])
    assert sorted(c.name for c in open_notebook(1, dest / "users" / "1.json").contacts()) == ["Jane Doe", "Tom Lee"]
    assert stat.S_IMODE(os.stat(dest).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(dest / "users" / "2.json").st_mode) == 0o600
    assert run_check(dest)[0] == 0  # a backup is a data folder of its own
    with pytest.raises(FileExistsError):
        ops.backup(data_dir, dest)  # never mixed into an older backup


def test_backup_leaves_out_a_save_caught_half_written(data_dir, tmp_path):
    path = make_notebook(data_dir, 1, ["Jane Doe"])
    with open(path, "ab") as handle:
        handle.write(b'[["contacts","zz",{"id":"zz","na')  # an append in flight at the instant of the copy
    ops.backup(data_dir, tmp_path / "backup")
    copy = tmp_path / "backup" / "users" / "1.json"
    assert copy.read_bytes().endswith(b"\n")
    assert [c.name for c in open_notebook(1, copy).contacts()] == ["Jane Doe"]


def test_backup_while_the_bot_saves_gives_notebooks_that_open(data_dir, tmp_path):
    path = make_notebook(data_dir, 1, ["Person 000"])
    saving = open_notebook(1, path)
    stop = threading.Event()

    def keep_saving() -> None:
        n = 0
        while not stop.is_set() and n < 2000:
            n += 1
            saving.save_contact(Contact(id=new_id(), name=f"Person {n:03d}"))  # appends, and now and then rewrites

    writer = threading.Thread(target=keep_saving)
    writer.start()
    try:
        counts = []
        for round_ in range(15):
            copied = ops.backup(data_dir, tmp_path / f"backup-{round_}")
            assert copied.unreadable == []
            copy = open_notebook(1, tmp_path / f"backup-{round_}" / "users" / "1.json")
            counts.append(len(copy.contacts()))
            copy.close()
    finally:
        stop.set()
        writer.join()
    assert counts == sorted(counts) and counts[-1] > counts[0]


@pytest.mark.parametrize("inside", ["backup", "users/7.json", "users", "."])
def test_backup_into_the_data_folder_is_refused_and_the_bot_still_starts(data_dir, tmp_path, inside):
    make_notebook(data_dir, 1, ["Jane Doe"])
    before = sorted(p.relative_to(data_dir) for p in data_dir.rglob("*"))
    refused = nurture(tmp_path, data_dir, "backup", str(data_dir / inside))
    assert refused.returncode == 2 and "inside the data folder" in refused.stderr and "Traceback" not in refused.stderr
    assert sorted(p.relative_to(data_dir) for p in data_dir.rglob("*")) == before  # no debris
    # The bot (here its console) still starts on the folder and finds everyone.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "COACH_"))}
    console = subprocess.run(
        [sys.executable, "-m", "bot", "--console"],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT), "COACH_DATA_DIR": str(data_dir)},
        input="/contacts\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert console.returncode == 0, console.stderr


def test_backup_through_a_link_into_the_data_folder_is_refused(data_dir, tmp_path):
    make_notebook(data_dir, 1, ["Jane Doe"])
    (tmp_path / "elsewhere").symlink_to(data_dir / "users")
    with pytest.raises(ops.BackupRefused, match="inside the data folder"):
        ops.backup(data_dir, tmp_path / "elsewhere" / "copy")
    assert not (data_dir / "users" / "copy").exists()


@pytest.mark.parametrize("existed", [False, True], ids=["a new folder", "an empty folder"])
def test_a_backup_that_fails_half_way_leaves_nothing_behind(data_dir, tmp_path, monkeypatch, existed):
    for user_id in (1, 2, 3):
        make_notebook(data_dir, user_id, [f"Person {user_id}"])
    dest = tmp_path / "backup"
    if existed:
        dest.mkdir()
    real = ops.write_atomically
    written = []

    def disk_full_on_the_third(path: Path, payload: bytes) -> None:
        if len(written) == 2:
            raise OSError(28, "No space left on device")
        written.append(path)
        real(path, payload)

    monkeypatch.setattr(ops, "write_atomically", disk_full_on_the_third)
    with pytest.raises(OSError, match="No space left"):
        ops.backup(data_dir, dest)
    assert dest.exists() is existed
    assert not existed or list(dest.iterdir()) == []


# -- stats ------------------------------------------------------------------------------------------------------


def test_stats_counts_users_active_users_contacts_and_mornings_sent_today(data_dir):
    make_notebook(data_dir, 1, ["Jane Doe", "Tom Lee"])
    make_notebook(data_dir, 2, ["Ana Silva"], active=False)  # blocked the bot
    make_notebook(data_dir, 3, ["Old Friend"], last=TODAY - timedelta(days=90))  # quiet for months
    make_notebook(data_dir, 4, [], timezone="Pacific/Kiritimati")  # already tomorrow there
    sent_today = open_notebook(1, data_dir / "users" / "1.json")
    sent_today.set_state(MORNINGS, {TODAY.isoformat(): {"status": SENT, "keys": []}})
    sent_today.close()
    ahead = open_notebook(4, data_dir / "users" / "4.json")
    ahead.set_state(MORNINGS, {TODAY.isoformat(): {"status": SENT, "keys": []}})  # their yesterday
    ahead.close()

    numbers = ops.stats(data_dir, NOW)

    assert numbers == ops.Stats(users=4, active_users=1, contacts=4, mornings_sent_today=1, unreadable=0)


def test_stats_prints_counts_and_never_a_name(data_dir):
    make_notebook(data_dir, 1, ["Jane Doe", "Tom Lee"])
    out = io.StringIO()
    ops.print_stats(ops.stats(data_dir, NOW), out)
    text = out.getvalue()
    assert "users                1" in text and "contacts             2" in text
    assert "Jane" not in text and "Tom" not in text and "meetup" not in text


# -- the command line -------------------------------------------------------------------------------------------


def nurture(tmp_path: Path, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "COACH_"))}
    env.update(PYTHONPATH=str(ROOT), COACH_DATA_DIR=str(data_dir))
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
    )


def test_the_three_commands_from_the_command_line_need_no_token(data_dir, tmp_path):
    make_notebook(data_dir, 1, ["Jane Doe"])
    checked = nurture(tmp_path, data_dir, "check")
    assert checked.returncode == 0 and "1 ok, 0 with problems" in checked.stdout
    counted = nurture(tmp_path, data_dir, "stats")
    assert counted.returncode == 0 and "contacts             1" in counted.stdout and "Jane" not in counted.stdout
    backed = nurture(tmp_path, data_dir, "backup", str(tmp_path / "copy"))
    assert backed.returncode == 0 and "backed up 1 notebooks" in backed.stdout
    again = nurture(tmp_path, data_dir, "backup", str(tmp_path / "copy"))
    assert again.returncode == 2 and "not empty" in again.stderr and "Traceback" not in again.stderr
    missing = nurture(tmp_path, tmp_path / "nowhere", "stats")
    assert missing.returncode == 2 and "COACH_DATA_DIR" in missing.stderr


def test_a_failed_backup_removes_the_folders_it_created_on_the_way(data_dir, tmp_path, monkeypatch):
    make_notebook(data_dir, 1, ["Jane Doe"])
    monkeypatch.setattr(ops, "fsync_folder", lambda folder: (_ for _ in ()).throw(OSError(5, "Input/output error")))
    with pytest.raises(OSError):
        ops.backup(data_dir, tmp_path / "backups" / "2026-11-22")
    assert not (tmp_path / "backups").exists()
