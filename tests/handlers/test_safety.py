"""Access, broken data and the start of a conversation."""

from __future__ import annotations

from bot.app import build_application
from bot.config import Settings
from bot.local_api import LocalBotAPI, LocalChat
from tests.conftest import Bot, User


async def test_start_welcomes_and_offers_time_zones(user: User):
    reply = await user.say("/start")
    assert "Nurture" in reply and "met Jane" in reply
    assert any("Berlin" in label for label, _ in user.buttons)


async def test_help_lists_every_command_from_the_table(user: User):
    from bot.commands import COMMANDS

    reply = await user.say("/help")
    for command in COMMANDS:
        assert f"/{command.name}" in reply


async def test_unallowed_users_are_refused_and_nothing_is_stored(tmp_path, store, clock):
    settings = Settings(data_dir=tmp_path / "data", allowed_users=frozenset({1}))
    api = LocalBotAPI()
    app = build_application(settings, store, clock, request=api, paced=False)
    async with app:
        stranger = User(Bot(app, api), LocalChat(user_id=999))
        reply = await stranger.say("/met Jane at the meetup")
    assert "private" in reply
    assert store.user_ids() == []


async def test_an_unreadable_notebook_is_moved_aside_and_others_keep_working(bot, user: User, store):
    await user.say("/met Jane at the meetup")
    other = User(bot, LocalChat(user_id=555))
    await other.say("/met Tom at lunch")
    path = store.path_for(555)
    store.drop(555)
    path.write_text('{"contacts": {"1": {"name": "Tom"', encoding="utf-8")  # truncated by some accident
    reply = await other.say("/contacts")
    assert "couldn't read" in reply
    moved = list(path.parent.glob("555.json.unreadable-*"))
    assert len(moved) == 1 and moved[0].read_text(encoding="utf-8").startswith('{"contacts"')
    # The damaged user starts fresh; nobody else noticed anything.
    assert "empty" in await other.say("/contacts")
    assert "Jane" in await user.say("/contacts")
