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


def test_no_module_imports_itself_back_in_a_circle():
    """Module-level imports between bot modules form no cycle (the morning job and the handlers used to)."""
    graph: dict[str, set[str]] = {}
    for path in (ROOT / "bot").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        found = graph.setdefault(module, set())
        for node in ast.parse(path.read_text(encoding="utf-8")).body:  # module level only
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bot"):
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names if alias.name.startswith("bot"))
    graph = {m: {d for d in deps if d in graph and d != m} for m, deps in graph.items()}

    def cycle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        seen = set()
        while stack:
            module, path = stack.pop()
            for dep in graph[module]:
                if dep == start:
                    return [*path, dep]
                if dep not in seen:
                    seen.add(dep)
                    stack.append((dep, [*path, dep]))
        return None

    cycles = [c for m in graph if (c := cycle_from(m))]
    assert cycles == []
