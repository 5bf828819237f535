"""Damage is loud: a notebook set aside while its user was away (a morning job, a start-up) is told to them at their
next message, with what was kept; a damaged line is told too, and everything else stays."""

from __future__ import annotations

from bot.morning.jobs import rebuild_jobs
from tests.conftest import User


async def test_a_notebook_set_aside_at_start_up_is_told_at_the_next_message_not_greeted_as_new(bot, store, user: User):
    await user.say("/met Jane from Acme at the editors happy hour")
    store.drop(user.chat.user["id"])
    store.path_for(user.chat.user["id"]).write_bytes(b'{"_head": "garbage')
    rebuild_jobs(bot.app)  # start-up: every notebook glanced at; this one does not read and is set aside

    reply = await user.say("/start")

    assert "couldn't read your saved notebook" in reply and "set the old one aside" in reply
    assert ".json.unreadable-" in reply  # the copy kept for the operator, named
    again = await user.say("/contacts")
    assert "couldn't read" not in again  # told once


async def test_a_damaged_line_is_told_and_everything_else_is_kept(store, user: User):
    await user.say("/met Jane from Acme at the editors happy hour")
    await user.say("/met Tom at lunch")
    await user.say("/met Zara at the meetup")
    uid = user.chat.user["id"]
    store.drop(uid)
    path = store.path_for(uid)
    lines = path.read_bytes().split(b"\n")
    lines[-3] = lines[-3][:10] + b"\x00garbled" + lines[-3][18:]  # Tom's save, in the middle of the log
    path.write_bytes(b"\n".join(lines))

    reply = await user.say("/contacts")

    assert "could not be read" in reply and "Everything else is kept" in reply
    assert "Jane" in reply and "Zara" in reply
    assert list(path.parent.glob(f"{path.name}.damaged-*")), "the damaged original is kept"


async def test_the_first_message_after_an_upgrade_rebuilds_the_digest_and_is_still_answered(store, user: User):
    await user.say("/met Jane from Acme at the editors happy hour")
    uid = user.chat.user["id"]
    store.notebook(uid).set_state("digest_version", 1)  # rows written by an older release
    store.drop(uid)

    reply = await user.say("/contacts")

    assert "Jane" in reply  # the repair on opening is the notebook's own work, not this message's


async def test_an_update_posted_again_after_many_newer_ones_is_applied_once(bot, store, user: User):
    """Telegram resends what it did not see confirmed, for up to a day: an update handled before 55 newer ones
    (a busy user) is still recognised when it comes again."""
    first = user.chat.message("/met Jane from Acme at the editors happy hour")
    await bot.process(first)
    for n in range(55):
        await user.say(f"/note Jane: thought {n}")
    before = len(store.notebook(user.chat.user["id"]).interactions())

    await bot.process(first)  # the same update, again

    names = [c.name for c in store.notebook(user.chat.user["id"]).contacts()]
    assert names == ["Jane"]
    assert len(store.notebook(user.chat.user["id"]).interactions()) == before
