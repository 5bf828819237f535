"""Tables that must stay in step: every button kind has a handler, every "which one?" question can be resumed."""

from __future__ import annotations

import ast
from pathlib import Path

from bot import app, callbacks
from bot.app import BUTTON_HANDLERS
from bot.clock import FixedClock
from bot.config import Settings
from bot.context import services
from bot.local_api import LocalBotAPI
from bot.notebooks import open_store
from tests.conftest import NOW

BOT = Path(__file__).resolve().parent.parent / "bot"
# Pending questions answered by a button of their own rather than by "pick" + a resumer.
ANSWERED_BY_OWN_BUTTON = {"nudge": "nudge", "outcome": "outcome", "undo": "undo"}


def _literal_calls(function: str, position: int) -> set[str]:
    """The string literals passed at ``position`` to every call of ``function`` anywhere under bot/."""
    found = set()
    for path in BOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call) or len(node.args) <= position:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            arg = node.args[position]
            if name == function and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
    return found


def test_every_button_kind_has_exactly_one_handler():
    assert set(callbacks._PATTERNS) == set(BUTTON_HANDLERS)


def test_every_button_the_bot_draws_is_a_known_kind():
    drawn = _literal_calls("button", 0)
    assert drawn, "no button() calls found: the scan is broken"
    assert drawn <= set(BUTTON_HANDLERS)


def test_every_which_one_question_has_a_resumer(tmp_path: Path):
    application = app.build_application(
        Settings(data_dir=tmp_path), open_store(tmp_path), FixedClock(NOW), request=LocalBotAPI()
    )
    resumers = services(application).resumers
    asked = _literal_calls("resolve_or_ask", 4) | _literal_calls("put_pending", 0)
    assert "met" in asked and "draft" in asked, "the scan is broken"
    for action in asked:
        if action in ANSWERED_BY_OWN_BUTTON:
            assert ANSWERED_BY_OWN_BUTTON[action] in BUTTON_HANDLERS
        else:
            assert action in resumers, f"the question {action!r} has no resumer: a tap on its buttons would expire"
