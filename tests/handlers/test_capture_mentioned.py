"""People a capture names without the user meeting them: kept as a minimal contact marked as mentioned, with the tie
the line says, the right way round, and out of the mornings until the user meets them."""

from __future__ import annotations

import html
import time as clock_time
from datetime import UTC, datetime, time, timedelta

from bot.morning.send import deliver_morning
from tests.conftest import NOW, User

UID = 4242
LINE = "coffee w/ Hannah Berg, she wants to move closer to her son Elias"


async def morning(bot, user: User, clock, days: int) -> str:
    clock.set(datetime.combine(NOW.date() + timedelta(days=days), time(8, 0), UTC))
    before = len(bot.api.calls)
    assert await deliver_morning(bot.app, UID) in ("sent", "quiet")
    return html.unescape("\n".join(p["text"] for m, p in bot.api.calls[before:] if m == "sendMessage"))


async def test_a_tie_to_someone_not_met_is_said_as_theirs(user: User):
    reply = await user.say(LINE)
    assert "Saved <b>Hannah Berg</b>" in reply
    assert "👥 Son: Elias\n" in reply and "Son of Elias" not in reply
    assert "Saved <b>Elias</b>" not in reply


async def test_someone_mentioned_is_kept_with_the_tie_on_both_cards(user: User, store):
    await user.say(LINE)
    elias = next(c for c in store.notebook(UID).contacts() if c.name == "Elias")
    assert elias.mentioned_on and not elias.met_on
    card = await user.say("/contact Elias")
    assert "mentioned, not met yet" in card and "👥 Son of Hannah Berg" in card
    assert "Son: Elias" in await user.say("/contact Hannah")


async def test_someone_mentioned_gets_no_nudge_until_met(bot, user: User, clock):
    await user.say(LINE)
    mornings = [await morning(bot, user, clock, day) for day in (1, 2, 8, 31, 45, 95)]
    assert any("Hannah" in text for text in mornings)  # the mornings run, and speak of the person met
    assert not any("Elias" in text for text in mornings)


async def test_someone_mentioned_gets_no_nudge_even_with_no_one_else_to_nudge(bot, user: User, clock):
    await user.say(LINE)
    assert "Hannah" in await user.say("/archive Hannah")
    mornings = [await morning(bot, user, clock, day) for day in (1, 2, 8, 31, 45, 95, 200)]
    assert not any("Elias" in text for text in mornings)


async def test_meeting_someone_mentioned_before_brings_them_into_the_mornings(bot, user: User, clock, store):
    await user.say(LINE)
    reply = await user.say("lunch w Elias, he's a nurse at the county hospital")
    assert "Elias" in reply
    elias = next(c for c in store.notebook(UID).contacts() if c.name == "Elias")
    assert not elias.mentioned_on and elias.met_on
    assert len([c for c in store.notebook(UID).contacts() if c.name == "Elias"]) == 1
    mornings = [await morning(bot, user, clock, day) for day in (1, 2, 8, 31, 45, 95)]
    assert any("Elias" in text for text in mornings)


async def test_undo_takes_back_the_people_a_capture_only_mentioned(user: User, store):
    await user.say(LINE)
    assert "Undone" in await user.tap("Undo")
    assert store.notebook(UID).contacts() == []


async def test_a_corrected_line_that_no_longer_names_someone_takes_them_back(user: User, store):
    update = user.chat.message(LINE)
    user.last = await user.bot.process(update)
    message = update["message"]
    fixed = "coffee w/ Hannah Berg, she wants to move closer to the coast"
    number = next(user.chat._ids)
    edit = {"update_id": number, "edited_message": {**message, "text": fixed, "edit_date": int(clock_time.time())}}
    user.last = await user.bot.process(edit)
    assert "Fixed" in user.text
    assert [c.name for c in store.notebook(UID).contacts()] == ["Hannah Berg"]
