"""/export and /deleteme."""

from __future__ import annotations

import orjson

from bot.morning.jobs import job_name
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
