"""The HTTP transport (bot/transport.py) against a real loopback server: what arrives, and how failures read."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import NetworkError, TimedOut

from bot.retrying import RetryingRequest, never_sent
from bot.transport import AiohttpRequest
from tests.e2e.fake_bot_api import FakeBotAPI


def closed_port() -> int:
    """A loopback port nothing listens on (connecting is refused at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def silent_server() -> Iterator[int]:
    """Accepts connections and reads requests, but never answers: a Telegram that hangs."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.05)
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            held.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(server.getsockname()[1])
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


def bot_on(api: FakeBotAPI, **timeouts: float) -> Bot:
    return Bot("123:abc", base_url=api.url, request=AiohttpRequest(**timeouts), get_updates_request=AiohttpRequest())


async def test_messages_buttons_and_long_polls_arrive_as_telegram_reads_them():
    with FakeBotAPI() as api:
        async with bot_on(api) as bot:
            keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("✅ Done", callback_data="nudge:done:c1")]])
            sent = await bot.send_message(9, "<b>Zoë</b> & co", parse_mode="HTML", reply_markup=keyboard)
            api.push_text(9, "/met Jane at the editors happy hour")
            updates = await bot.get_updates(offset=0, timeout=2)
    method, params = api.sent[-1]
    assert method == "sendMessage"
    assert params["text"] == "<b>Zoë</b> & co" and params["parse_mode"] == "HTML"
    assert params["reply_markup"] == {"inline_keyboard": [[{"text": "✅ Done", "callback_data": "nudge:done:c1"}]]}
    assert sent.text == "<b>Zoë</b> & co"
    assert [u.message.text for u in updates] == ["/met Jane at the editors happy hour"]


async def test_a_file_goes_up_as_multipart_with_its_name_and_bytes():
    content = '{"format": "nurture-notebook", "name": "Zoë"}'.encode()
    with FakeBotAPI() as api:
        async with bot_on(api) as bot:
            await bot.send_document(9, content, filename="nurture-export.json", caption="Your notebook")
    method, params = api.sent[-1]
    assert method == "sendDocument"
    assert params["caption"] == "Your notebook"
    assert params["document"] == content


async def test_nothing_listening_is_a_network_error_that_never_left_this_machine():
    request = AiohttpRequest()
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as caught:
            await request.post(f"http://127.0.0.1:{closed_port()}/bot123:abc/sendMessage")
    finally:
        await request.shutdown()
    assert never_sent(caught.value)  # so a reply is safely tried again (bot/retrying.py)


async def test_a_retried_send_reaches_telegram_once_it_listens():
    """The retry wrapper tries again after a refused connection, and the message then arrives exactly once."""
    port = closed_port()
    request = RetryingRequest(AiohttpRequest(), delays=(0.3,))
    await request.initialize()
    started: list[FakeBotAPI] = []

    async def start_telegram_meanwhile() -> None:
        await asyncio.sleep(0.1)  # the first try has been refused by then
        started.append(FakeBotAPI(port=port).start())

    try:
        starting = asyncio.create_task(start_telegram_meanwhile())
        code, _ = await request.do_request(f"http://127.0.0.1:{port}/bot123:abc/sendMessage", "POST")
        await starting
    finally:
        await request.shutdown()
        for api in started:
            api.stop()
    assert code == 200
    assert [method for method, _ in started[0].sent] == ["sendMessage"]


async def test_telegram_that_never_answers_times_out_and_may_have_received_it(silent_server):
    request = AiohttpRequest(read_timeout=0.2)
    await request.initialize()
    try:
        with pytest.raises(TimedOut) as caught:
            await request.post(f"http://127.0.0.1:{silent_server}/bot123:abc/sendMessage")
    finally:
        await request.shutdown()
    assert not never_sent(caught.value)  # the request went out: repeating it could show the message twice


async def test_no_free_connection_in_time_is_a_timeout_that_never_sent(silent_server):
    request = AiohttpRequest(connection_pool_size=1, read_timeout=2.0, connect_timeout=0.1, pool_timeout=0.1)
    await request.initialize()
    url = f"http://127.0.0.1:{silent_server}/bot123:abc/sendMessage"
    try:
        hanging = asyncio.create_task(request.post(url))  # holds the only connection
        await asyncio.sleep(0.1)
        with pytest.raises(TimedOut, match="not sent") as caught:
            await request.post(url)
        hanging.cancel()
    finally:
        await request.shutdown()
    assert never_sent(caught.value)


async def test_it_can_be_shut_down_and_started_again():
    with FakeBotAPI() as api:
        request = AiohttpRequest()
        bot = Bot("123:abc", base_url=api.url, request=request)
        async with bot:
            await bot.send_message(9, "one")
        async with bot:
            await bot.send_message(9, "two")
    assert api.texts(9) == ["one", "two"]
    with pytest.raises(NetworkError, match="not initialized"):
        await request.post(f"{api.url}/bot123:abc/sendMessage")


async def test_a_proxy_named_in_the_environment_carries_the_requests(monkeypatch):
    """Where Telegram is only reachable through a proxy, HTTPS_PROXY / HTTP_PROXY work as they do for most tools."""
    with FakeBotAPI() as proxy:  # an HTTP proxy receives "POST http://host/path": the fake reads the path
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        async with Bot("123:abc", base_url="http://api.telegram.invalid/bot", request=AiohttpRequest()) as bot:
            await bot.send_message(9, "through the proxy")
    assert proxy.texts(9) == ["through the proxy"]


async def test_no_proxy_exempts_a_host(monkeypatch):
    with FakeBotAPI() as api:
        monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{closed_port()}")  # a proxy that is down
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        async with bot_on(api) as bot:
            await bot.send_message(9, "straight there")
    assert api.texts(9) == ["straight there"]
