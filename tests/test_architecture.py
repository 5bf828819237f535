"""House rules that keep the code honest."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_coach_never_imports_telegram():
    offenders = []
    for path in (ROOT / "bot" / "coach").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n == "telegram" or n.startswith("telegram.")]
    assert offenders == []


def test_importing_the_bot_has_no_side_effects(tmp_path):
    """Importing every module must not create files, start loops or read the environment's token."""
    code = (
        "import bot.app, bot.console, bot.__main__, bot.handlers.capture, bot.handlers.contacts, "
        "bot.handlers.drafts; print('ok')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []
