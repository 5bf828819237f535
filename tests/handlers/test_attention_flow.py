"""Respecting attention through the real Application: what a morning says when it holds back, how it backs off,
and how it follows a user who goes quiet (docs/coaching.md, "Respecting attention")."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.context import services
from bot.morning.send import deliver_morning
from tests.conftest import User

UID = 4242


def notebook(bot):
    return services(bot.app).store.notebook(UID)


async def test_an_open_item_resting_is_named_not_nothing_is_due(bot, user: User, clock):
    await user.say("/met Priya Raman at Web Summit, promised to send her the Ferrazzi book")
    await user.morning(clock, 1)
    await user.morning(clock, 2)
    clock.set(datetime(2026, 11, 25, 8, 0, tzinfo=UTC))
    assert await deliver_morning(bot.app, UID) == "quiet"  # a quiet day sends nothing
    text = await user.say("/today")
    assert "nothing is due" not in text
    assert "1 open item is waiting" in text


async def test_all_quiet_notes_come_only_when_asked_for(bot, user: User, clock):
    await user.say("/met Priya Raman at Web Summit")
    await user.morning(clock, 1)  # the nice-to-meet-you note
    await user.morning(clock, 2)
    clock.set(datetime(2026, 11, 25, 8, 0, tzinfo=UTC))
    assert await deliver_morning(bot.app, UID) == "quiet"
    assert "quiet mornings" in await user.say("/morning quiet on")
    assert "All quiet" in await user.morning(clock, 4)
    assert "quiet mornings" in await user.say("/morning quiet off")
    clock.set(datetime(2026, 11, 27, 8, 0, tzinfo=UTC))
    assert await deliver_morning(bot.app, UID) == "quiet"


async def test_a_reminder_is_not_dropped_when_its_person_has_another_step(bot, user: User, clock):
    await user.say("/met Max Kim at the demo day")
    await user.say("/remind Max 25 Nov: ask about the launch")
    await user.say("/budget 1")
    await user.morning(clock, 1)
    await user.morning(clock, 2)
    await user.say("/got Max reviewed my CV")
    text = await user.morning(clock, 3)  # 25 November
    assert "⏰ Reminder - Max" in text and "Ask about the launch." in text
    assert "🙏 Thank - Max" in await user.morning(clock, 4)  # the thank-you waited a day, unshown: not ignored


async def test_a_give_to_someone_owed_a_thank_you_asks_once_whether_it_thanked_them(bot, user: User, clock):
    await user.say("/met Tom Berg at the meetup")
    await user.say("/got Tom reviewed my CV")
    reply = await user.say("/gave Tom a recommendation for his course")
    assert "Did that thank Tom" in reply
    await user.tap("Yes")
    assert not [p for p in notebook(bot).promises() if p.is_open]
    assert "hasn't heard a thank-you" not in await user.say("/today")
