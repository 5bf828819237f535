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


def _imports() -> dict[str, set[str]]:
    """Every bot module -> the bot modules it imports, wherever the import stands: at module level, inside a
    function, or under ``if TYPE_CHECKING``."""
    graph: dict[str, set[str]] = {}
    for path in (ROOT / "bot").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        found = graph.setdefault(module, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bot"):
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names if alias.name.startswith("bot"))
    return {m: {d for d in deps if d in graph and d != m} for m, deps in graph.items()}


def test_no_module_imports_itself_back_in_a_circle():
    """No import circle anywhere in bot/, counting imports inside functions and under TYPE_CHECKING too."""
    graph = _imports()

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


def _package(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:3]) if parts[:2] == ["bot", "coach"] and len(parts) > 2 else ".".join(parts[:2])


# What each package may import besides itself (each package's docstring says the same).
MAY_IMPORT = {
    "bot.store": set(),
    "bot.coach.errors": set(),
    "bot.coach.reading": {"bot.store", "bot.coach.errors"},
    "bot.coach.saying": {"bot.store", "bot.coach.errors", "bot.coach.reading"},
    "bot.coach.planning": {"bot.store", "bot.coach.errors", "bot.coach.reading", "bot.coach.saying"},
    "bot.coach.network": {
        "bot.store", "bot.coach.errors", "bot.coach.reading", "bot.coach.saying", "bot.coach.planning",
    },
    "bot.coach.writing": {
        "bot.store", "bot.coach.errors", "bot.rendering", "bot.coach.reading", "bot.coach.saying",
        "bot.coach.planning",
    },
    "bot.coach.journal": {
        "bot.store", "bot.coach.errors", "bot.rendering", "bot.coach.reading", "bot.coach.saying",
        "bot.coach.planning", "bot.coach.network", "bot.coach.writing",
    },
}  # fmt: skip


def test_each_package_imports_only_what_it_may():
    """The store knows no coaching; the coach's packages follow the flow (reading, saying, planning, network,
    writing, journal), each importing only those before it."""
    wrong = []
    for module, deps in _imports().items():
        allowed = MAY_IMPORT.get(_package(module))
        if allowed is None:
            continue
        wrong += [f"{module} -> {d}" for d in deps if _package(d) != _package(module) and _package(d) not in allowed]
    assert wrong == []


def test_each_package_says_what_it_owns_and_may_import():
    for init in (ROOT / "bot").rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert len(doc) > 40, f"{init.relative_to(ROOT)} says nothing of what it owns"
        if init.parent.parent == ROOT / "bot" / "coach" or init.parent == ROOT / "bot" / "store":
            assert "May import" in doc, f"{init.relative_to(ROOT)} does not say what it may import"
