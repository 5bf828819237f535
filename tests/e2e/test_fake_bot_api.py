"""The loopback fake Telegram must behave like Telegram where the other tests rely on it."""

from __future__ import annotations

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import RetryAfter

from testkit.fake_bot_api import FakeBotAPI, parse_body


@pytest.mark.parametrize(
    ("content_type", "body", "expected"),
    [
        ("application/json", b'{"chat_id": 5, "text": "hi"}', {"chat_id": 5, "text": "hi"}),
        (
            "application/x-www-form-urlencoded",
            b"chat_id=5&text=%5Bnot+json%5D&reply_markup=%7B%22inline_keyboard%22%3A%5B%5D%7D",
            {"chat_id": "5", "text": "[not json]", "reply_markup": {"inline_keyboard": []}},
        ),
        (
            "multipart/form-data; boundary=XyZ",
            b'--XyZ\r\nContent-Disposition: form-data; name="chat_id"\r\n\r\n7\r\n--XyZ--\r\n',
            {"chat_id": "7"},
        ),
    ],
)
def test_parameters_arrive_in_every_encoding(content_type, body, expected):
    assert parse_body(content_type, body) == expected


async def test_a_real_bot_sends_polls_and_hits_the_flood_limit():
    with FakeBotAPI(max_per_second=3) as api:
        async with Bot("123:abc", base_url=api.url) as bot:
            keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data="go:1")]])
            sent = await bot.send_message(9, "<b>hi</b>", parse_mode="HTML", reply_markup=keyboard)
            api.push_text(9, "/start")
            updates = await bot.get_updates(offset=0, timeout=5)
            confirmed = await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
            await bot.send_message(9, "two")
            await bot.send_message(9, "three")
            with pytest.raises(RetryAfter):
                await bot.send_message(9, "four: over the limit")

    assert sent.message_id and sent.reply_markup == keyboard
    assert [u.message.text for u in updates] == ["/start"]
    assert confirmed == () and api.pending_updates() == []
    assert api.texts(9) == ["<b>hi</b>", "two", "three"]  # the refused one was not delivered
    assert api.stats()["refused_429"] == 1
