"""Long replies are split under Telegram's limit without breaking HTML; button data always round-trips."""

from __future__ import annotations

import re

import pytest

from bot.callbacks import button, parse
from bot.sending import split_html


def balanced(html: str) -> bool:
    stack = []
    for closing, name in re.findall(r"<(/?)([a-z]+)[^>]*>", html):
        if closing:
            if not stack or stack.pop() != name:
                return False
        else:
            stack.append(name)
    return not stack


@pytest.mark.parametrize(
    "html",
    [
        "short",
        "<b>" + "x" * 9000 + "</b>",
        ("line with <i>italics</i> and &amp; entity\n" * 400),
        "<b>title</b>\n" + "&lt;" * 5000,
        "é" * 4096 + "tail",
    ],
)
def test_split_html_keeps_every_chunk_valid_and_loses_nothing(html):
    chunks = split_html(html)
    assert all(len(c) <= 4096 for c in chunks)
    assert all(balanced(c) for c in chunks)
    plain = lambda s: re.sub(r"<[^>]+>", "", s)  # noqa: E731
    assert "".join(plain(c) for c in chunks) == plain(html)
    assert not any(re.search(r"&[#\w]*$", c.split("<")[0]) for c in chunks[:-1])


@pytest.mark.parametrize(
    "args",
    [
        ("pick", "0123abcd", "new"),
        ("forget", "0123abcd", "yes"),
        ("page", "12"),
        ("nudge", "snooze7", "0123abcd"),
        ("tz", "America/Argentina/Buenos_Aires"),
        ("draft", "thanks", "0123abcd"),
    ],
)
def test_button_data_round_trips(args):
    data = button(*args)
    assert len(data.encode()) <= 64
    assert parse(data).args == args[1:]


@pytest.mark.parametrize(
    "data", ["", None, "pick:../../etc:new", "page:-1", "forget:0123abcd:maybe", "x" * 100, "card:"]
)
def test_malformed_button_data_is_rejected(data):
    assert parse(data) is None


def test_building_bad_button_data_is_a_bug_caught_at_once():
    with pytest.raises(ValueError):
        button("card", "not-an-id")


async def test_a_message_whose_html_telegram_refuses_is_sent_as_plain_text(bot, user):
    bot.api.fail_next(
        "sendMessage", (400, {"ok": False, "error_code": 400, "description": "Bad Request: can't parse entities"})
    )
    reply = await user.say("/help")
    assert "Nurture" in reply and "<b>" not in reply
