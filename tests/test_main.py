"""Starting the bot with a broken configuration: one clear line, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
