"""Respecting attention through the real Application: what a morning says when it holds back, how it backs off,
and how it follows a user who goes quiet (docs/coaching.md, "Respecting attention")."""

from __future__ import annotations

from bot.context import services
from tests.conftest import User

UID = 4242


def notebook(bot):
    return services(bot.app).store.notebook(UID)


async def test_an_open_item_resting_is_named_not_nothing_is_due(bot, user: User, clock):
    await user.say("/met Priya Raman at Web Summit, promised to send her the Ferrazzi book")
    await user.morning(clock, 1)
    await user.morning(clock, 2)
    text = await user.morning(clock, 3)
    assert "nothing is due" not in text
    assert "1 open item is waiting" in text


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
