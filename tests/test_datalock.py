"""One writer per data folder: a second bot or console on the same folder refuses at once, naming the other."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bot.datalock import DataFolderBusy, lock_data_folder

ROOT = Path(__file__).resolve().parent.parent


def test_a_second_lock_on_the_folder_is_refused_with_the_holders_pid(tmp_path):
    held = lock_data_folder(tmp_path / "data")
    try:
        with pytest.raises(DataFolderBusy) as refused:
            lock_data_folder(tmp_path / "data")
        assert refused.value.pid == os.getpid()
        assert str((tmp_path / "data").resolve()) in str(refused.value)
        assert f"process {os.getpid()}" in str(refused.value)
    finally:
        held.release()
    lock_data_folder(tmp_path / "data").release()  # free again once released


def test_the_folder_is_created_private(tmp_path):
    lock_data_folder(tmp_path / "data").release()
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700


def test_a_console_on_a_folder_in_use_exits_at_once_naming_the_folder_and_the_process(tmp_path):
    held = lock_data_folder(tmp_path / "data")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "bot", "--console"],
            cwd=tmp_path,
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "COACH_DATA_DIR": str(tmp_path / "data")},
            capture_output=True,
            text=True,
            timeout=60,
            input="/met Jane at the meetup\n",
        )
    finally:
        held.release()
    assert result.returncode == 2
    assert str((tmp_path / "data").resolve()) in result.stderr and str(os.getpid()) in result.stderr
    assert "Traceback" not in result.stderr and "Saved" not in result.stdout
    assert len(result.stderr.strip().splitlines()) == 1


def test_console_exports_are_private(tmp_path, monkeypatch):
    import io

    from bot.console import Console

    monkeypatch.chdir(tmp_path)
    Console(io.StringIO()).on_call("sendDocument", {"files": {"document": ("nurture-notebook.json", b"{}")}})
    assert stat.S_IMODE((tmp_path / "nurture-notebook.json").stat().st_mode) == 0o600


def test_deleting_the_lock_file_does_not_let_a_second_bot_in(tmp_path):
    held = lock_data_folder(tmp_path / "data")
    try:
        for leftover in (tmp_path / "data").iterdir():  # an operator "cleaning up" a stale-looking lock file
            if leftover.is_file():
                leftover.unlink()
        with pytest.raises(DataFolderBusy) as refused:
            lock_data_folder(tmp_path / "data")
        assert "in use by" in str(refused.value)
    finally:
        held.release()
    lock_data_folder(tmp_path / "data").release()
