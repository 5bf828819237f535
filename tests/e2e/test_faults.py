"""The real process against a Telegram that misbehaves (the fault-injecting fake Bot API): what users notice.

Each scenario starts ``python -m bot`` against its own fake, injects a fault, and checks what people would see: the
other users still answered at once, no reply lost, none shown twice. Nothing sleeps for a schedule: every wait polls a
condition with a deadline.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from testkit.fake_bot_api import FakeBotAPI
from tests.e2e.test_real_process import REPLY_TIMEOUT, TOKEN, BotProcess, clean_env

STUCK = 1  # a chat Telegram cannot reach: every send to it hangs
# Other users are answered well before the bot gives up on a hung send (its 5 s read timeout), so none of them waited
# for one; a healthy answer takes milliseconds.
QUICK = 3.0
VCARD = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Priya Raman\r\nORG:Acme\r\nEND:VCARD\r\n"
PREVIEW = "1 person"  # the import preview of VCARD

Start = Callable[..., tuple[FakeBotAPI, BotProcess]]


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Start]:
    """Starts a fake Bot API (with the given faults' settings) and the bot against it; both go when the test ends."""
    started: list[tuple[FakeBotAPI, BotProcess]] = []

    def run(**fake: object) -> tuple[FakeBotAPI, BotProcess]:
        api = FakeBotAPI(**fake).start()  # type: ignore[arg-type]
        env = clean_env(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=api.url,
            TELEGRAM_BASE_FILE_URL=api.file_url,
            COACH_DATA_DIR=str(tmp_path / "data"),
            COACH_LOG_LEVEL="INFO",
        )
        bot = BotProcess(tmp_path, f"bot{len(started)}", env)
        started.append((api, bot))
        return api, bot

    yield run
    for api, bot in started:
        bot.kill()
        api.stop()


def ask(api: FakeBotAPI, bot: BotProcess, user: int, text: str, expect: str) -> float:
    """``user`` sends ``text``; returns the seconds until a reply containing ``expect`` reached Telegram."""
    before = len(api.texts(user))
    started = time.monotonic()
    api.push_text(user, text, first_name=f"U{user}")

    def answered(server: FakeBotAPI) -> bool:
        return any(expect in t for t in server.texts(user)[before:]) or bot.process.poll() is not None

    api.wait_for(answered, timeout=REPLY_TIMEOUT)
    took = time.monotonic() - started
    new = api.texts(user)[before:]
    assert any(expect in t for t in new), f"{user}: no {expect!r} for {text!r}; got {new!r}\n{bot.output()[-3000:]}"
    return took


def saved(api: FakeBotAPI, user: int, name: str) -> int:
    """How many "Saved <name>" replies the user received."""
    return sum(1 for t in api.texts(user) if "Saved" in t and name in t)


# -- no user waits on another -----------------------------------------------------------------------------------------


def test_a_chat_whose_replies_hang_with_forty_messages_queued_holds_up_no_one_else(start):
    api, bot = start()
    ask(api, bot, 2, "/start", "Nurture")  # the bot is up
    api.hang(STUCK)
    for n in range(40):  # that user keeps typing; not one reply reaches them
        api.push_text(STUCK, f"/met Stuck{n} at the meetup", first_name="Sam")
    assert api.wait_for(lambda s: s.holding >= 1, timeout=REPLY_TIMEOUT), bot.output()[-3000:]

    waits = [ask(api, bot, user, f"/met Person{user} at lunch", f"Person{user}") for user in range(2, 8)]

    print(f"\nother users answered in {', '.join(f'{w * 1000:.0f} ms' for w in waits)} while chat {STUCK} hangs")
    assert max(waits) < QUICK
    assert api.texts(STUCK) == []


def test_twenty_chats_whose_replies_hang_do_not_run_the_connections_dry(start):
    api, bot = start()
    ask(api, bot, 100, "/start", "Nurture")
    stuck = list(range(1, 21))
    api.hang(*stuck)
    for chat in stuck:
        for n in range(2):
            api.push_text(chat, f"/met Stuck{chat}x{n} at the meetup", first_name=f"S{chat}")
    # Sixteen hung at once would fill a pool of sixteen connections; a pool too small shows from here on.
    assert api.wait_for(lambda s: s.holding >= 16, timeout=REPLY_TIMEOUT), f"held {api.holding}\n{bot.output()[-3000:]}"

    waits = [ask(api, bot, user, f"/met Person{user} at lunch", f"Person{user}") for user in range(100, 106)]

    print(f"\nother users answered in {', '.join(f'{w * 1000:.0f} ms' for w in waits)} while 20 chats hang")
    assert max(waits) < QUICK
    assert api.holding >= 20


# -- no reply lost, none shown twice ----------------------------------------------------------------------------------


def test_no_reply_is_lost_when_telegram_closes_kept_alive_connections(start):
    """Idle connections reaped by the server (noticed before reuse), and one closed just as a reply went out on it
    (the reply is sent again on a new connection): every reply arrives, once."""
    api, bot = start(idle_timeout=0.2)
    user = 4242
    ask(api, bot, user, "/start", "Nurture")
    for n in range(3):
        reaped = api.reaped
        assert api.wait_for(lambda s, r=reaped: s.reaped > r, timeout=REPLY_TIMEOUT)  # the send connection idled out
        ask(api, bot, user, f"/met Reaped{n} at the meetup", f"Reaped{n}")
    for n in range(3):
        api.drop_reused(1, method="sendMessage")
        ask(api, bot, user, f"/met Raced{n} at the meetup", f"Raced{n}")
    assert api.dropped == 3
    assert [saved(api, user, f"Reaped{n}") for n in range(3)] == [1, 1, 1]
    assert [saved(api, user, f"Raced{n}") for n in range(3)] == [1, 1, 1]


def test_telegram_failing_with_5xx_is_tried_again_and_the_reply_arrives_once(start):
    api, bot = start()
    user = 4242
    ask(api, bot, user, "/start", "Nurture")
    api.fail_next("sendMessage", 502, 500)
    ask(api, bot, user, "/met Jane at the meetup", "Jane")
    assert saved(api, user, "Jane") == 1


@pytest.mark.parametrize(
    ("fake", "after"),
    [({"keep_alive": False}, "request"), ({}, "headers")],
    ids=["reset on a fresh connection", "answer cut off after its head"],
)
def test_a_reply_that_may_have_arrived_is_never_sent_twice(start, fake, after):
    """Telegram read the reply (and delivered it), then the connection broke: the bot cannot know it arrived, so it
    does not send it again. The user's next message is answered as usual."""
    api, bot = start(**fake)
    user = 4242
    ask(api, bot, user, "/start", "Nurture")
    api.reset_next("sendMessage", after=after)
    ask(api, bot, user, "/met Jane at the meetup", "Jane")
    ask(api, bot, user, "/met Tom at the meetup", "Tom")  # handled after Jane's reply and any retry of it
    assert saved(api, user, "Jane") == 1
    assert saved(api, user, "Tom") == 1


# -- files -----------------------------------------------------------------------------------------------------------


def test_a_file_download_that_fails_once_is_tried_again(start):
    api, bot = start()
    user = 4242
    ask(api, bot, user, "/start", "Nurture")
    api.fail_downloads(502)
    api.push_document(user, "contacts.vcf", VCARD)
    assert api.wait_for(lambda s: any(PREVIEW in t for t in s.texts(user)), timeout=REPLY_TIMEOUT), api.texts(user)
    assert api.downloads == 1


def test_a_file_download_that_keeps_failing_gets_an_answer_and_the_bot_goes_on(start):
    api, bot = start()
    user = 4242
    ask(api, bot, user, "/start", "Nurture")
    before = len(api.texts(user))
    api.fail_downloads(*[502] * 5)
    api.push_document(user, "contacts.vcf", VCARD)
    assert api.wait_for(lambda s: len(s.texts(user)) > before, timeout=REPLY_TIMEOUT), bot.output()[-3000:]
    assert not any(PREVIEW in t for t in api.texts(user))
    ask(api, bot, user, "/met Jane at the meetup", "Jane")
    assert "Traceback" not in bot.output()
