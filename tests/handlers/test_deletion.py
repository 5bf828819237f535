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
    app = build_application(settings, store, clock, request=api, paced=False)
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


# -- deletion is final: nothing brings a deleted notebook back but a new message from its owner ----------------


async def _delete_everything(user: User) -> list[tuple[str, str]]:
    """A user with a capture and its buttons, a morning plan and a card; then /deleteme, confirmed. Returns every
    button they were shown before deleting (all still in their chat)."""
    shown: list[tuple[str, str]] = []
    for text in ("/met Zara Quill at the glassblowing night, promised her the falconry book", "/contacts", "/today"):
        await user.say(text)
        shown += user.buttons
    await user.say("/contact Zara")
    shown += user.buttons
    await user.say("/deleteme")
    shown += [b for b in user.buttons if "Yes" not in b[0]]
    await user.tap("Yes, delete everything")
    assert "deleted" in user.text.lower()
    return shown


def _sent_to_them(bot: Bot, since: int) -> list[str]:
    return [m for m, _ in bot.api.calls[since:] if m in ("sendMessage", "editMessageText", "sendDocument")]


async def test_old_buttons_after_deleteme_recreate_nothing_and_send_nothing(bot: Bot, user: User, store, settings):
    shown = await _delete_everything(user)
    assert len(shown) >= 5
    before = len(bot.api.calls)
    for _, data in shown:
        await user.press(data)
        assert not store.path_for(UID).exists(), data
    assert _sent_to_them(bot, before) == []
    assert files_mentioning(settings.data_dir, "Zara", "falconry", "glassblowing") == []
    assert not store.is_open(UID)
    # Every tap was answered (no spinning button), with a word on why nothing happens.
    answers = [p for m, p in bot.api.calls[before:] if m == "answerCallbackQuery"]
    assert len(answers) == len(shown) and all("deleted" in str(a.get("text", "")) for a in answers)


async def test_editing_an_old_message_after_deleteme_recreates_nothing(bot: Bot, user: User, store):
    update = user.chat.message("met Zara Quill at the glassblowing night")
    await bot.process(update)
    await user.say("/deleteme")
    await user.tap("Yes, delete everything")
    before = len(bot.api.calls)
    edit = {
        "update_id": next(user.chat._ids),
        "edited_message": {
            **update["message"],
            "text": "met Zara Quill at the opera",
            "edit_date": update["message"]["date"] + 60,
        },
    }
    await bot.process(edit)
    assert not store.path_for(UID).exists()
    assert _sent_to_them(bot, before) == []


async def test_after_deleteme_no_job_is_left_and_no_morning_goes_out(bot: Bot, user: User, store, clock):
    shown = await _delete_everything(user)
    jobs = [job.name for job in bot.app.job_queue.jobs()]
    assert not [name for name in jobs if name and name.endswith(str(UID))], jobs
    for _, data in shown:  # taps that used to bring the notebook back, and the morning job with it
        await user.press(data)
    assert not [job.name for job in bot.app.job_queue.jobs() if job.name and job.name.endswith(str(UID))]
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    before = len(bot.api.calls)
    assert await deliver_morning(bot.app, UID) == "skipped"
    assert _sent_to_them(bot, before) == []
    assert not store.path_for(UID).exists()


async def test_a_new_message_after_deleteme_starts_afresh_and_says_so(bot: Bot, user: User, store, settings):
    await _delete_everything(user)
    reply = await user.say("/met Tom at lunch")
    assert "You deleted your notebook on 22 Nov 2026" in reply and "new one" in reply
    assert "Saved <b>Tom</b>" in reply
    assert [c.name for c in store.notebook(UID).contacts()] == ["Tom"]
    assert "deleted" not in await user.say("/contacts")  # said once
    assert files_mentioning(settings.data_dir, "Zara", "falconry", "glassblowing") == []


async def test_what_marks_a_deletion_holds_nothing_of_the_person(bot: Bot, user: User, store, settings):
    await _delete_everything(user)
    leftovers = [p for p in settings.data_dir.rglob("*") if p.is_file() and p.name != ".lock"]
    assert not any(str(UID) in p.name for p in leftovers)
    for path in leftovers:  # at most a mark that someone deleted, never who (no id, no name)
        content = path.read_bytes()
        assert str(UID).encode() not in content and b"Alex" not in content and b"Zara" not in content
    assert not list(store.users_dir.iterdir())  # and nothing of theirs where notebooks live


async def test_a_message_sent_before_the_deletion_and_redelivered_after_it_changes_nothing(bot: Bot, user: User, store):
    early = user.chat.message("/met Zara at the glassblowing night")
    early["message"]["date"] = int(datetime(2026, 11, 22, 9, 0, tzinfo=UTC).timestamp())  # before NOW (09:30)
    await user.say("/met Tom at lunch")
    await user.say("/deleteme")
    await user.tap("Yes, delete everything")
    before = len(bot.api.calls)
    await bot.process(early)  # Telegram redelivers what was not confirmed before a crash
    assert not store.path_for(UID).exists()
    assert _sent_to_them(bot, before) == []
