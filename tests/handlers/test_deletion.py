"""Deletion that deletes: right after the confirmation, nothing of the person (or of the user) is left on disk."""

from __future__ import annotations

import asyncio
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.local_api import LocalChat
from bot.morning.send import deliver_morning
from tests.conftest import Bot, User
from tests.handlers.slow_telegram import HangingAPI

UID = 4242


def files_mentioning(folder: Path, *words: str) -> list[str]:
    """Like ``grep -ril``: every file under the data folder containing any of ``words``, case-insensitively."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            content = path.read_bytes().lower()
            found += [f"{path.name}: {w}" for w in words if w.lower().encode() in content]
    return found


async def test_forget_removes_the_name_and_the_notes_from_disk_before_confirming(bot, user: User, settings):
    await user.say("/met Zara Quill from Initech at the glassblowing night, loves falconry")
    await user.say("/note Zara: thinking about moving to Reykjavik")
    await user.say("/met Tom at lunch")
    await user.say("/forget Zara")  # a question waits in the notebook, mentioning her
    await user.say("/forget Zara")
    reply = await user.tap("Yes, delete")
    assert "Zara" in reply
    assert files_mentioning(settings.data_dir, "Zara", "Quill", "falconry", "Reykjavik", "glassblowing") == []
    assert files_mentioning(settings.data_dir, "Tom")  # the others are still there
    assert "Tom" in await user.say("/contacts")


async def test_forget_after_a_plain_text_capture_leaves_nothing_either(bot, user: User, settings):
    await user.say("met Zara Quill at the glassblowing night, loves falconry, promised her the Reykjavik map")
    await user.say("met Tom at lunch")
    await user.say("/forget Zara")
    await user.tap("Yes, delete")
    assert files_mentioning(settings.data_dir, "Zara", "Quill", "falconry", "Reykjavik", "glassblowing") == []
    assert files_mentioning(settings.data_dir, "Tom")


async def test_forget_also_deletes_set_aside_copies_that_mention_them(bot, user: User, store, settings):
    await user.say("/met Zara at the glassblowing night")
    path = store.path_for(UID)
    (path.parent / f"{path.name}.unreadable-20260101T000000").write_bytes(b'{"contacts": {"1": {"name": "Zara"')
    (path.parent / f"{path.name}.unreadable-20260102T000000").write_bytes(b'{"contacts": {"1": {"name": "Tom"')
    await user.say("/forget Zara")
    await user.tap("Yes, delete")
    assert files_mentioning(settings.data_dir, "Zara") == []
    assert files_mentioning(settings.data_dir, "Tom")  # set aside, about someone else: kept for recovery


async def test_deleteme_leaves_nothing_behind(bot, user: User, store, settings):
    await user.say("/met Zara Quill at the glassblowing night, loves falconry")
    path = store.path_for(UID)
    (path.parent / f"{path.name}.unreadable-20260101T000000").write_bytes(b"Zara's old notes")
    await user.say("/deleteme")
    await user.tap("Yes, delete everything")
    assert files_mentioning(settings.data_dir, "Zara", "falconry", "glassblowing") == []
    assert not any(str(UID) in p.name for p in settings.data_dir.rglob("*"))


async def _hanging_bot(settings, store, clock) -> tuple[Bot, HangingAPI]:
    from bot.app import build_application

    api = HangingAPI()
    app = build_application(settings, store, clock, request=api)
    harness = Bot(app, api)

    async def collect(update: object, context: Any) -> None:
        harness.errors.append(context.error)

    app.add_error_handler(collect)
    return harness, api


async def test_deleteme_during_an_inflight_morning_send_never_recreates_the_file(settings, store, clock):
    harness, api = await _hanging_bot(settings, store, clock)
    async with harness.app:
        user = User(harness, LocalChat(user_id=UID, first_name="Alex"))
        await user.say("/met Zara at the glassblowing night, promised to send her the falconry book")
        await user.say("/deleteme")
        wipe_button = dict(user.buttons)["🗑 Yes, delete everything"]
        clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
        api.hang_chat = UID
        morning = asyncio.create_task(deliver_morning(harness.app, UID))
        await api.hanging.wait()  # the morning message is on its way
        wipe = asyncio.create_task(user.press(wipe_button))
        await asyncio.sleep(0.05)
        api.release.set()
        assert await morning == "sent"
        await wipe
        assert "deleted" in user.text
        assert not store.path_for(UID).exists()
        assert files_mentioning(settings.data_dir, "Zara", "falconry") == []
        # A morning job that fires later finds nobody.
        assert await deliver_morning(harness.app, UID) == "skipped"
        assert not store.path_for(UID).exists()


async def test_the_data_folder_and_files_are_private(bot, user: User, store, settings):
    await user.say("/met Zara at the glassblowing night")
    for _ in range(3):
        await user.say("/note Zara: likes tea")
    assert stat.S_IMODE(settings.data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.users_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.path_for(UID).stat().st_mode) == 0o600
