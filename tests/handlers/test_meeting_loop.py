"""Prepare, then debrief (docs/coaching.md, "The meeting loop"): a meeting to come is saved from "/meet" or "lunch
with Carla tmrw", briefed on its morning, and asked about the day after with one-tap outcomes."""

from __future__ import annotations

import html
from datetime import UTC, datetime, time, timedelta

from bot.context import services
from bot.morning.send import deliver_morning
from tests.conftest import NOW, User

UID = 4242


async def morning(bot, user: User, clock, days: int) -> str:
    clock.set(datetime.combine(NOW.date() + timedelta(days=days), time(8, 0), UTC))
    before = len(bot.api.calls)
    assert await deliver_morning(bot.app, UID) in ("sent", "quiet")
    sent = [p for m, p in bot.api.calls[before:] if m == "sendMessage"]
    user.last = sent
    return html.unescape("\n".join(p["text"] for p in sent))


async def test_lunch_tomorrow_is_saved_briefed_that_morning_and_asked_about_the_day_after(bot, user: User, clock):
    await user.say("/goal land a PM role at a fintech")
    await user.say("/offer I can review pitch decks")
    await user.say("/met Carla Diaz, PM at Monzo, at the fintech meetup, loves design systems")
    await user.say("/note Carla: looking for feedback on her pitch deck, she'll intro me to her CRO")
    await user.say("/met Max Kim from Acme at the demo day")
    reply = await user.say("lunch with Carla tmrw")
    assert "Lunch with <b>Carla</b> tomorrow, noted" in reply

    brief = await morning(bot, user, clock, 1)
    assert "Lunch with Carla today. A minute of prep:" in brief
    assert "Carla cares about design systems" in brief
    assert "Carla said she'd intro you to her CRO" in brief  # their promise, both ways
    assert "and you can review pitch decks" in brief  # her need the user can meet
    assert "ask Carla" in brief.lower() or "Not yet for an ask" in brief  # whether an ask is ready
    assert "One question to ask:" in brief

    after = await morning(bot, user, clock, 2)
    assert "How did lunch with Carla go (yesterday)?" in after
    reply = await user.tap("Went well")
    assert "Logged: lunch with Carla" in reply
    assert any("thank-you" in label for label, _ in user.buttons)
    notebook = services(bot.app).store.notebook(UID)
    carla = next(c for c in notebook.contacts() if c.first_name == "Carla")
    met = sorted(i.on for i in notebook.interactions(carla.id) if i.kind == "met")
    assert met[-1] == (NOW.date() + timedelta(days=1)).isoformat()  # the touch is logged on the lunch's day
    assert "How did lunch" not in await morning(bot, user, clock, 3)  # asked once answered: never again


async def test_meet_with_a_day_and_a_time_and_didnt_happen(bot, user: User, clock):
    await user.say("/met Sam Ortiz at the founders dinner")
    reply = await user.say("/meet Sam friday 12:30")
    assert "Meeting with <b>Sam</b> on Friday at 12:30, noted" in reply
    friday = next(d for d in range(1, 8) if (NOW.date() + timedelta(days=d)).weekday() == 4)
    assert "Meeting with Sam today at 12:30" in await morning(bot, user, clock, friday)
    assert "tomorrow I'll ask how it went" in await user.tap("1 Done")  # the brief read: the meeting stays open
    assert "How did meeting with Sam go" in await morning(bot, user, clock, friday + 1)
    reply = await user.tap("Didn't happen")
    assert "nothing logged" in reply and "/meet Sam Ortiz" in reply


async def test_meet_says_what_it_needs(user: User):
    reply = await user.say("/meet Sam")
    assert "/meet Carla friday 12:30" in reply
