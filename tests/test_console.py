"""The console: the real Application in a terminal, with files sent by path and Copy buttons shown as their text."""

from __future__ import annotations

import io
from pathlib import Path

from bot.clock import FixedClock
from bot.config import Settings
from bot.console import chat_in_console
from bot.notebooks import open_store
from tests.conftest import NOW

SAMPLES = Path(__file__).resolve().parent / "samples" / "contacts"


async def run(tmp_path: Path, *lines: str) -> str:
    out = io.StringIO()
    store = open_store(tmp_path / "data")
    await chat_in_console(Settings(data_dir=tmp_path / "data"), store, FixedClock(NOW), io.StringIO("\n".join(lines)
                          + "\n"), out)  # fmt: skip
    return out.getvalue()


async def test_file_sends_a_document_so_an_import_can_be_tried_without_telegram(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shown = await run(tmp_path, f"/file {SAMPLES / 'Connections.csv'}", "1", "/contacts")
    assert "LinkedIn: 4 people, all new to your notebook." in shown
    assert "Imported 4 new people" in shown
    assert "Zoë Ångström" in shown.split("/contacts")[-1] or "Your people (4)" in shown


async def test_a_file_that_is_not_there_is_said_plainly(tmp_path):
    shown = await run(tmp_path, f"/file {tmp_path / 'nope.vcf'}")
    assert "No file at" in shown and "Traceback" not in shown


async def test_copy_buttons_show_the_text_they_would_copy(tmp_path):
    shown = await run(tmp_path, "/met Jane from Acme at PyCon, loves jazz", "/draft thanks Jane")
    copied = shown.split("📋 Copy: ", 1)[1].split("\n\n\n")[0]  # the whole note, as the button would copy it
    assert copied.split()[1].startswith("Jane") and "PyCon" in copied  # "Hi Jane," ... the whole note
    assert len(copied) > 40 and "[1]" not in copied
