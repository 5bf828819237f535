"""What someone offered or promised the user is theirs: a morning asks after it in their name, and once it
happened, the user owes them a thank-you, never a promise of their own."""

from __future__ import annotations

import html
from datetime import UTC, datetime, time, timedelta

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


async def test_their_offer_is_never_the_users_promise(bot, user: User, clock):
    reply = await user.say("coffee w/ Priya Nair, product lead at Acme, she offered to review my pitch deck")
    assert "Can help with: review my pitch deck" in reply  # hers to give: the user may ask
    said = "\n".join([await morning(bot, user, clock, day) for day in range(1, 10)]).lower()
    assert "promised priya" not in said and "you'd review" not in said


async def test_their_promise_is_asked_after_in_their_name_and_thanked_when_kept(bot, user: User, clock):
    reply = await user.say("coffee w/ Tom Berg, eng manager at Acme, he'll send me his hiring plan by friday")
    assert "Tom's promise: send me his hiring plan" in reply
    days = {}
    for day in range(1, 12):
        days[day] = await morning(bot, user, clock, day)
        if "Tom said he'd send you his hiring plan" in days[day]:
            break
    else:
        raise AssertionError("\n".join(days.values()))
    assert "you promised tom" not in "\n".join(days.values()).lower()
    assert "kept their word" in await user.tap("Done")
    later = "\n".join([await morning(bot, user, clock, d) for d in range(day + 1, day + 4)])
    assert "Tom sent you his hiring plan" in later and "thank-you" in later
