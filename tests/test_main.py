"""Starting the bot with a broken configuration: one clear line, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_bot(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_a_data_folder_that_cannot_be_created_is_named(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run_bot(tmp_path, {"COACH_DATA_DIR": str(blocker / "data")}, "--console")
    assert result.returncode == 2
    assert "COACH_DATA_DIR" in result.stderr and "Traceback" not in result.stderr


def test_a_malformed_setting_is_named(tmp_path):
    result = run_bot(tmp_path, {"TELEGRAM_BOT_TOKEN": "123:abc", "COACH_ALLOWED_USERS": "me"})
    assert result.returncode == 2
    assert "COACH_ALLOWED_USERS" in result.stderr and "Traceback" not in result.stderr


def test_version_says_which_release(tmp_path):
    from importlib.metadata import version

    result = run_bot(tmp_path, {}, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"nurture {version('nurture')}"


def reader_gone(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``nurture ARGS`` with its output piped into a reader that has already stopped (``| head`` that is done)."""
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "COACH_DATA_DIR": str(tmp_path / "data")}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    error = process.stderr.read()
    return subprocess.CompletedProcess(process.args, process.wait(timeout=60), "", error)


@pytest.mark.parametrize("command", ["stats", "check", "new-key"])
def test_output_into_a_pipe_that_closed_early_ends_cleanly(tmp_path, command):
    (tmp_path / "data" / "users").mkdir(parents=True)
    result = reader_gone(tmp_path, command)
    assert result.stderr == ""
    assert result.returncode == 0


def test_check_into_a_closed_pipe_still_exits_with_its_verdict(tmp_path):
    (tmp_path / "data" / "users").mkdir(parents=True)
    (tmp_path / "data" / "users" / "7.json").write_bytes(b'{"contacts": ')
    result = reader_gone(tmp_path, "check")
    assert result.stderr == "" and result.returncode == 1
