"""/privacy, /export and /deleteme; what the bot tells Telegram about itself at start-up."""

from __future__ import annotations

import time

import orjson
from telegram import Update

from bot import app as app_module
from bot.app import build_application, on_startup
from bot.commands import COMMANDS
from bot.config import Settings
from bot.local_api import LocalBotAPI, LocalChat
from bot.morning.jobs import job_name
from bot.store.crypto import generate_key
from tests.conftest import User


async def test_export_sends_everything_as_a_readable_json_file(bot, user: User):
    await user.say("/met Jane from Acme at the meetup, loves jazz, promised to send her the deck")
    await user.say("/got Jane reviewed my CV")
    await user.say("/export")
    [document] = bot.api.sent("sendDocument")
    [(name, content)] = document["files"].values()
    assert name == "nurture-notebook.json"
    data = orjson.loads(content)
    assert [c["name"] for c in data["contacts"]] == ["Jane"]
    assert data["contacts"][0]["interests"] == ["jazz"]
    assert {p["text"] for p in data["promises"]} == {"send her the deck", "reviewed my CV"}
    assert document["caption"].startswith("Your notebook: 1 person, 2 timeline entries.")


async def test_deleteme_asks_first_then_erases_everything_and_stops_mornings(bot, user: User, store):
    await user.say("/met Jane at the meetup")
    assert len(bot.app.job_queue.get_jobs_by_name(job_name(4242))) == 1
    reply = await user.say("/deleteme")
    assert "can't be undone" in reply
    await user.tap("Keep my data")
    assert store.path_for(4242).exists()
    await user.say("/deleteme")
    reply = await user.tap("Yes, delete everything")
    assert "deleted" in reply
    assert not store.path_for(4242).exists()
    assert bot.app.job_queue.get_jobs_by_name(job_name(4242)) == ()
    assert store.user_ids() == []
    # Starting again later is a fresh start.
    assert "empty" in await user.say("/contacts")


async def test_privacy_says_what_is_kept_where_who_reads_it_how_long_and_how_to_leave(bot, user: User, store):
    reply = await user.say("/privacy")
    for words in ("What I keep", "Where", "Who can read it", "How long", "/export", "/deleteme", "/forget"):
        assert words in reply
    assert "has not left a contact" in reply
    assert store.user_ids() == []  # asking opens no notebook


async def test_privacy_names_the_operator_from_settings(tmp_path, store, clock):
    settings = Settings(data_dir=tmp_path / "data", operator_contact="Sam <sam@example.org>")
    api = LocalBotAPI()
    async with build_application(settings, store, clock, request=api, paced=False) as app:
        await app.process_update(Update.de_json(LocalChat(user_id=7, first_name="Kim").message("/privacy"), app.bot))
    [sent] = api.texts()
    assert "run by Sam &lt;sam@example.org&gt;" in sent


async def test_someone_not_let_in_can_still_read_the_privacy_notice(tmp_path, store, clock):
    settings = Settings(data_dir=tmp_path / "data", allowed_users=frozenset({1}))
    api = LocalBotAPI()
    async with build_application(settings, store, clock, request=api, paced=False) as app:
        await app.process_update(Update.de_json(LocalChat(user_id=7, first_name="Kim").message("/privacy"), app.bot))
    assert "Who can read it" in api.texts()[0]
    assert store.user_ids() == []


async def test_at_start_up_the_bot_publishes_its_descriptions_and_a_private_chat_menu(bot):
    await on_startup(bot.app)
    [description] = bot.api.sent("setMyDescription")
    [short] = bot.api.sent("setMyShortDescription")
    [menu] = bot.api.sent("setMyCommands")
    assert "/privacy" in description["description"] and len(description["description"]) <= 512
    assert 0 < len(short["short_description"]) <= 120
    assert menu["scope"] == {"type": "all_private_chats"}
    assert [c["command"] for c in menu["commands"]] == [c.name for c in COMMANDS]
    assert "privacy" in [c["command"] for c in menu["commands"]]
    assert bot.api.sent("deleteMyCommands") == [{"scope": {"type": "default"}}]


async def test_start_up_goes_on_when_telegram_refuses_the_descriptions(bot, monkeypatch):
    monkeypatch.setattr(app_module, "INTRODUCTION_TIMEOUT", 0.2)
    bot.api.fail_next("setMyDescription", LocalBotAPI.too_many_requests(retry_after=30))
    bot.api.fail_next("setMyShortDescription", (400, {"ok": False, "error_code": 400, "description": "Bad Request"}))
    started = time.monotonic()
    await on_startup(bot.app)
    assert time.monotonic() - started < 5  # not waiting out the 30 s
    assert bot.api.sent("setMyCommands") and not bot.api.sent("setMyDescription")


async def test_privacy_says_when_notebooks_are_encrypted(tmp_path, store, clock):
    settings = Settings(data_dir=tmp_path / "data", data_key=generate_key())
    api = LocalBotAPI()
    async with build_application(settings, store, clock, request=api, paced=False) as app:
        await app.process_update(Update.de_json(LocalChat(user_id=7, first_name="Kim").message("/privacy"), app.bot))
    assert "encrypted at rest" in api.texts()[0]


async def test_privacy_says_what_an_imported_address_book_brings_and_how_to_remove_it(user: User):
    said = await user.say("/privacy")
    assert "your phone's contacts" not in said  # an imported .vcf does store other people's phones
    for words in ("phone numbers", "email addresses", "birthdays", "import", "/forget", "/deleteme"):
        assert words in said, words
