"""The bot's HTTP to the Bot API (bot/connections.py, bot/retrying.py) against real loopback servers: what arrives,
which failures are tried again, and proxies from the environment."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import NetworkError, TimedOut
from telegram.ext import Application

from bot.app import build_application
from bot.clock import FixedClock
from bot.config import Settings
from bot.connections import http_request
from bot.retrying import RetryingRequest, dropped_unanswered, never_sent, no_resend_after_5xx
from bot.store.notebooks import Store
from testkit.fake_bot_api import FakeBotAPI

TOKEN = "123:abc"


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


class Socks5Proxy:
    """A minimal SOCKS5 proxy (no authentication) that relays every connection to ``target`` and records where the
    client asked to go."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.asked: list[tuple[str, int]] = []
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.05)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"socks5://127.0.0.1:{self._server.getsockname()[1]}"

    def __enter__(self) -> Socks5Proxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._server.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._server.accept()
            except OSError:
                continue
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        with client:
            client.settimeout(5)
            greeting = _read(client, 2)
            _read(client, greeting[1])  # the authentication methods offered
            client.sendall(b"\x05\x00")  # no authentication
            _version, _command, _reserved, kind = _read(client, 4)
            if kind == 3:  # a domain name
                host = _read(client, _read(client, 1)[0]).decode()
            elif kind == 1:
                host = socket.inet_ntoa(_read(client, 4))
            else:
                host = socket.inet_ntop(socket.AF_INET6, _read(client, 16))
            (port,) = struct.unpack("!H", _read(client, 2))
            self.asked.append((host, port))
            with socket.create_connection(self.target) as upstream:
                client.sendall(b"\x05\x00\x00\x01" + socket.inet_aton("127.0.0.1") + struct.pack("!H", 0))
                _relay(client, upstream)


def _read(sock: socket.socket, count: int) -> bytes:
    data = b""
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def _relay(a: socket.socket, b: socket.socket) -> None:
    def pump(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)

    other = threading.Thread(target=pump, args=(b, a), daemon=True)
    other.start()
    pump(a, b)
    other.join(timeout=5)


def the_bots_application(tmp_path: Path, base_url: str) -> Application:
    """The Application as ``nurture`` builds it: python-telegram-bot's HTTPXRequest under the bot's own layers."""
    settings = Settings(token=TOKEN, base_url=base_url, data_dir=tmp_path / "data")
    return build_application(settings, Store(settings.data_dir), FixedClock(datetime(2026, 11, 22, 9, 30, tzinfo=UTC)))


@pytest.fixture
def no_backoff(monkeypatch):
    monkeypatch.setattr("bot.retrying.RETRY_DELAYS", (0.0, 0.0, 0.0, 0.0))


# -- what arrives -----------------------------------------------------------------------------------------------------


async def test_messages_buttons_and_long_polls_arrive_as_telegram_reads_them(tmp_path):
    with FakeBotAPI() as api:
        async with the_bots_application(tmp_path, api.url).bot as bot:
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


async def test_a_file_goes_up_as_multipart_with_its_name_and_bytes(tmp_path):
    content = '{"format": "nurture-notebook", "name": "Zoë"}'.encode()
    with FakeBotAPI() as api:
        async with the_bots_application(tmp_path, api.url).bot as bot:
            await bot.send_document(9, content, filename="nurture-export.json", caption="Your notebook")
    method, params = api.sent[-1]
    assert method == "sendDocument"
    assert params["caption"] == "Your notebook"
    assert params["document"] == content


async def test_it_can_be_shut_down_and_started_again(tmp_path):
    with FakeBotAPI() as api:
        bot = the_bots_application(tmp_path, api.url).bot
        async with bot:
            await bot.send_message(9, "one")
        async with bot:
            await bot.send_message(9, "two")
    assert api.texts(9) == ["one", "two"]


# -- which failures are tried again -----------------------------------------------------------------------------------


async def test_nothing_listening_is_a_network_error_that_never_left_this_machine():
    request = http_request()
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
    request = RetryingRequest(http_request(), delays=(0.3,))
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
    request = http_request(read_timeout=0.2)
    await request.initialize()
    try:
        with pytest.raises(TimedOut) as caught:
            await request.post(f"http://127.0.0.1:{silent_server}/bot123:abc/sendMessage")
    finally:
        await request.shutdown()
    assert not never_sent(caught.value)  # the request went out: repeating it could show the message twice
    assert not dropped_unanswered(caught.value)


async def test_no_free_connection_in_time_is_a_timeout_that_never_sent(silent_server):
    request = http_request(connection_pool_size=1, read_timeout=2.0, pool_timeout=0.1)
    await request.initialize()
    url = f"http://127.0.0.1:{silent_server}/bot123:abc/sendMessage"
    try:
        hanging = asyncio.create_task(request.post(url))  # holds the only connection
        await asyncio.sleep(0.1)
        with pytest.raises(TimedOut, match="not") as caught:
            await request.post(url)
        hanging.cancel()
    finally:
        await request.shutdown()
    assert never_sent(caught.value)


async def test_a_reply_survives_the_server_closing_its_kept_alive_connection_as_it_is_sent(tmp_path, no_backoff):
    """Servers close connections that sat idle; one closed just as a reply goes out on it delivered nothing (it was
    not read), and the reply goes out again on a new connection: it arrives exactly once."""
    with FakeBotAPI() as api:
        async with the_bots_application(tmp_path, api.url).bot as bot:
            await bot.send_message(9, "one")
            api.drop_reused(1)  # the next request on a used connection meets a server that just closed it
            await bot.send_message(9, "two")
    assert api.dropped == 1
    assert api.texts(9) == ["one", "two"]


async def test_a_connection_reset_after_telegram_read_the_request_is_not_sent_twice(tmp_path, no_backoff):
    """On a fresh connection the request reached Telegram before the reset: it may have been delivered, so it is
    not repeated (the user may miss one reply; they never see it twice)."""
    with FakeBotAPI(keep_alive=False) as api:  # every request on a connection of its own
        async with the_bots_application(tmp_path, api.url).bot as bot:
            api.reset_next("sendMessage", after="request")
            with pytest.raises(NetworkError) as caught:
                await bot.send_message(9, "one")
    assert api.texts(9) == ["one"]  # delivered once, not twice
    assert not never_sent(caught.value) and not dropped_unanswered(caught.value)


async def test_an_answer_cut_off_after_it_began_is_not_sent_again(tmp_path, no_backoff):
    """Telegram had started answering on a kept-alive connection (its head came back): it read the request."""
    with FakeBotAPI() as api:
        async with the_bots_application(tmp_path, api.url).bot as bot:
            await bot.send_message(9, "one")
            api.reset_next("sendMessage", after="headers")
            with pytest.raises(NetworkError) as caught:
                await bot.send_message(9, "two")
    assert api.texts(9) == ["one", "two"]
    assert not never_sent(caught.value) and not dropped_unanswered(caught.value)


async def test_a_morning_is_not_resent_after_a_dropped_connection(tmp_path, no_backoff):
    """Morning messages are sent where a duplicate matters more than a miss (bot/coach/delivery.py): a dropped
    kept-alive connection is almost always harmless, but not provably, so it is not tried again there."""
    with FakeBotAPI() as api:
        async with the_bots_application(tmp_path, api.url).bot as bot:
            await bot.send_message(9, "one")
            api.drop_reused(1)
            with pytest.raises(NetworkError) as caught, no_resend_after_5xx():
                await bot.send_message(9, "good morning")
    assert api.texts(9) == ["one"]
    assert dropped_unanswered(caught.value) and not never_sent(caught.value)


async def test_5xx_answers_are_tried_again_and_arrive_once(tmp_path, no_backoff):
    with FakeBotAPI() as api:
        async with the_bots_application(tmp_path, api.url).bot as bot:
            api.fail_next("sendMessage", 502, 500)
            await bot.send_message(9, "one")
    assert api.texts(9) == ["one"]


# -- proxies from the environment -------------------------------------------------------------------------------------


@pytest.fixture
def no_proxy_settings(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


async def test_a_proxy_named_in_the_environment_carries_the_requests(tmp_path, no_proxy_settings):
    """Where Telegram is only reachable through a proxy, HTTPS_PROXY / HTTP_PROXY work as they do for most tools."""
    with FakeBotAPI() as proxy:  # an HTTP proxy receives "POST http://host/path": the fake reads the path
        no_proxy_settings.setenv("HTTP_PROXY", f"http://127.0.0.1:{proxy.port}")
        async with the_bots_application(tmp_path, "http://api.telegram.invalid/bot").bot as bot:
            await bot.send_message(9, "through the proxy")
    assert proxy.texts(9) == ["through the proxy"]


async def test_a_socks5_proxy_carries_the_requests(tmp_path, no_proxy_settings):
    with FakeBotAPI() as api, Socks5Proxy(("127.0.0.1", api.port)) as proxy:
        no_proxy_settings.setenv("HTTP_PROXY", proxy.url)
        async with the_bots_application(tmp_path, "http://api.telegram.invalid/bot").bot as bot:
            await bot.send_message(9, "through the socks proxy")
    assert api.texts(9) == ["through the socks proxy"]
    assert ("api.telegram.invalid", 80) in proxy.asked


async def test_https_proxy_may_be_a_socks5_proxy(tmp_path, no_proxy_settings):
    """HTTPS_PROXY=socks5://... (Telegram's address is https): the connection is asked of the SOCKS proxy, for
    Telegram's host and port 443 (here the loopback fake speaks no TLS, so the exchange itself then fails)."""
    with FakeBotAPI() as api, Socks5Proxy(("127.0.0.1", api.port)) as proxy:
        no_proxy_settings.setenv("HTTPS_PROXY", proxy.url)
        request = http_request()
        await request.initialize()
        try:
            with pytest.raises(NetworkError):
                await request.post("https://api.telegram.invalid/bot123:abc/getMe")
        finally:
            await request.shutdown()
    assert proxy.asked == [("api.telegram.invalid", 443)]


async def test_no_proxy_exempts_a_host(tmp_path, no_proxy_settings):
    with FakeBotAPI() as api:
        no_proxy_settings.setenv("HTTP_PROXY", f"http://127.0.0.1:{closed_port()}")  # a proxy that is down
        no_proxy_settings.setenv("NO_PROXY", "127.0.0.1")
        async with the_bots_application(tmp_path, api.url).bot as bot:
            await bot.send_message(9, "straight there")
    assert api.texts(9) == ["straight there"]


async def test_a_bare_bot_also_reads_the_proxy_from_the_environment(no_proxy_settings):
    """The same holds for python-telegram-bot's default request, which the bench's echo bot uses."""
    with FakeBotAPI() as proxy:
        no_proxy_settings.setenv("HTTP_PROXY", f"http://127.0.0.1:{proxy.port}")
        async with Bot(TOKEN, base_url="http://api.telegram.invalid/bot") as bot:
            await bot.send_message(9, "through the proxy")
    assert proxy.texts(9) == ["through the proxy"]


# -- each chat's share ------------------------------------------------------------------------------------------------


async def test_one_chat_holds_at_most_two_connections_and_others_go_straight_through(tmp_path):
    """A chat whose calls hang (a burst of background work to a chat Telegram cannot reach) takes two connections;
    its further calls wait their turn without one, and other chats are served at once."""
    with FakeBotAPI() as api:
        async with the_bots_application(tmp_path, api.url).bot as bot:
            api.hang(9)
            stuck = [asyncio.create_task(bot.send_message(9, f"to the stuck chat {n}")) for n in range(4)]
            async with asyncio.timeout(5):
                while api.holding < 2:
                    await asyncio.sleep(0.01)
            await bot.send_message(10, "straight through")
            assert api.holding == 2  # the other two wait for their chat's turn, holding no connection
            api.release()
            await asyncio.gather(*stuck)
    assert api.texts(10) == ["straight through"]
    assert sorted(api.texts(9)) == [f"to the stuck chat {n}" for n in range(4)]
