"""Users in parallel, each user in order; Telegram failures that are safe to repeat are retried."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest
from telegram import Update
from telegram.error import NetworkError

from bot import retrying
from bot.app import build_application
from bot.connections import http_request
from bot.local_api import LocalBotAPI, LocalChat
from bot.morning.send import deliver_morning
from tests.conftest import User
from tests.handlers.slow_telegram import HangingAPI
from tests.test_transport import closed_port


async def _until(condition: Any, timeout: float = 3.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.005)


def _texts_to(api: LocalBotAPI, chat_id: int) -> list[str]:
    return [str(p.get("text", "")) for p in api.sent() if int(p.get("chat_id", 0)) == chat_id]


async def _put(app: Any, update: dict[str, Any]) -> None:
    await app.update_queue.put(Update.de_json(update, app.bot))


async def test_a_hanging_send_to_one_chat_never_delays_another_and_each_chat_stays_in_order(settings, store, clock):
    api = HangingAPI()
    app = build_application(settings, store, clock, request=api, paced=False)
    slow, quick = LocalChat(user_id=1, first_name="Sam"), LocalChat(user_id=2, first_name="Kim")
    async with app:
        await app.start()
        try:
            api.hang_chat = 1
            await _put(app, slow.message("/met Zara at the glassblowing night"))
            await api.hanging.wait()
            await _put(app, slow.message("/note Zara: loves falconry"))  # must wait for the /met before it
            for n in range(5):
                await _put(app, quick.message(f"/met Person{n} at lunch"))
            await _until(lambda: len(_texts_to(api, 2)) == 5)
            assert [t.split("</b>")[0].split("<b>")[1] for t in _texts_to(api, 2)] == [f"Person{n}" for n in range(5)]
            assert _texts_to(api, 1) == []
            api.release.set()
            await _until(lambda: len(_texts_to(api, 1)) == 2)
            first, second = _texts_to(api, 1)
            assert "Saved" in first and "Zara" in first and "falconry" not in first
            assert "Zara" in second
            assert [i.text for i in store.notebook(1).interactions() if i.kind == "note"] == ["loves falconry"]
        finally:
            api.release.set()
            await app.stop()


@pytest.fixture
def no_backoff(monkeypatch):
    monkeypatch.setattr(retrying, "RETRY_DELAYS", (0.0, 0.0, 0.0, 0.0))


SERVER_ERROR = (500, {"ok": False, "error_code": 500, "description": "Internal Server Error"})
BAD_GATEWAY = (502, {"ok": False, "error_code": 502, "description": "Bad Gateway"})


async def _not_sent() -> Exception:
    """The error the real transport raises when nothing listens where Telegram should be."""
    request = http_request()
    await request.initialize()
    try:
        await request.post(f"http://127.0.0.1:{closed_port()}/bot123:abc/sendMessage")
    except NetworkError as error:
        return error
    finally:
        await request.shutdown()
    raise AssertionError("a closed port answered")


async def test_replies_are_retried_after_a_5xx_or_a_failed_connection(no_backoff, bot, user: User):
    bot.api.fail_next("sendMessage", SERVER_ERROR, await _not_sent(), BAD_GATEWAY)
    reply = await user.say("/met Zara at the glassblowing night")
    assert "Saved" in reply
    assert len(bot.api.sent()) == 1  # the three failures never reached a user; the fourth try did, once


async def test_a_read_timeout_is_not_retried_since_the_message_may_have_arrived(no_backoff, bot, user: User):
    await user.say("/start")
    before = len(bot.api.sent())
    bot.api.fail_next("sendMessage", LocalBotAPI.timed_out(), SERVER_ERROR)
    with pytest.raises(AssertionError, match="TimedOut"):  # reaches the error handler, which logs it
        await user.say("/met Zara at the glassblowing night")
    bot.errors.clear()
    assert len(bot.api.sent()) == before  # no second try after the timeout
    assert store_has(bot, "Zara")


def store_has(bot: Any, name: str) -> bool:
    store = bot.app.bot_data.services.store
    return any(c.name.startswith(name) for c in store.notebook(4242).contacts())


async def test_a_morning_message_is_never_resent_after_a_5xx(no_backoff, bot, user: User, clock):
    await user.say("/met Priya at Web Summit, promised to send her the Ferrazzi book")
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    bot.api.fail_next("sendMessage", SERVER_ERROR)
    before = len(bot.api.sent())
    assert await deliver_morning(bot.app, 4242) == "uncertain"
    assert await deliver_morning(bot.app, 4242) == "already-sent"
    assert len(bot.api.sent()) == before
