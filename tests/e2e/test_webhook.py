"""``nurture --webhook`` as a real process: real HTTP updates posted to its webhook server on a loopback port, its
replies going to the loopback fake of Telegram. Only requests carrying the secret token get in."""

from __future__ import annotations

import contextlib
import json
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.local_api import LocalChat
from testkit.fake_bot_api import FakeBotAPI
from tests.e2e.test_real_process import REPLY_TIMEOUT, TOKEN, BotProcess, clean_env

WEBHOOK_SECRET = "webhook-Secret_0123456789"
USER = 5151


def _ephemeral_ports() -> range:
    """The ports the kernel hands out to any socket that asks for port 0 (outgoing connections too)."""
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return range(int(low), int(high) + 1)
    except (OSError, ValueError):
        return range(32768, 61000)


def free_port() -> int:
    """A loopback port free now, picked outside the ephemeral range so that no other test's outgoing connection
    or ``bind(0)`` is handed it before the bot binds it. A port can still be taken in between by someone choosing
    the same way: ``start_listening`` starts the bot again on another port when that happens."""
    ephemeral = _ephemeral_ports()
    for _ in range(200):
        port = random.randrange(20000, 32000)
        if port in ephemeral:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def lost_its_port(bot: BotProcess) -> bool:
    """The bot stopped because someone took its port between ``free_port`` and its own bind."""
    return bot.process.poll() is not None and "Address already in use" in bot.output()


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


class Webhook:
    def __init__(self, bot: BotProcess, port: int, data_dir: Path) -> None:
        self.bot = bot
        self.port = port
        self.url = f"http://127.0.0.1:{port}/nurture/telegram"
        self.data_dir = data_dir
        self.chat = LocalChat(user_id=USER, first_name="Robin")

    def post(self, text: str, secret: str | None = WEBHOOK_SECRET) -> int:
        """Post one update as Telegram would; returns the HTTP status."""
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        body = json.dumps(self.chat.message(text)).encode()
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=REPLY_TIMEOUT) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return error.code


@pytest.fixture
def webhook(tmp_path: Path) -> Iterator[tuple[FakeBotAPI, Webhook]]:
    with FakeBotAPI() as api:
        for attempt in range(5):
            port = free_port()
            env = clean_env(
                TELEGRAM_BOT_TOKEN=TOKEN,
                TELEGRAM_BASE_URL=api.url,
                COACH_DATA_DIR=str(tmp_path / "data"),
                TELEGRAM_WEBHOOK_URL="https://bot.example.org/nurture/telegram",
                TELEGRAM_WEBHOOK_SECRET=WEBHOOK_SECRET,
                COACH_WEBHOOK_LISTEN="127.0.0.1",
                COACH_WEBHOOK_PORT=str(port),
                COACH_LOG_LEVEL="DEBUG",
            )
            bot = BotProcess(tmp_path, f"webhook-{attempt}", env, args=("--webhook",))
            # python-telegram-bot registers the webhook first, then starts listening: wait for both.
            deadline = time.monotonic() + REPLY_TIMEOUT
            while not (api.calls("setWebhook") and listening(port)) and not lost_its_port(bot):
                if bot.process.poll() is not None or time.monotonic() >= deadline:
                    bot.kill()
                    raise AssertionError(bot.output()[-3000:])
                time.sleep(0.05)
            if not lost_its_port(bot):
                break
            bot.kill()
        else:
            raise AssertionError("five loopback ports were taken before the bot could bind them")
        try:
            yield api, Webhook(bot, port, tmp_path / "data")
        finally:
            bot.kill()


def test_telegram_is_told_the_public_url_and_the_secret(webhook):
    api, _ = webhook
    registered = api.calls("setWebhook")[-1]
    assert registered["url"] == "https://bot.example.org/nurture/telegram"
    assert registered["secret_token"] == WEBHOOK_SECRET
    assert registered["allowed_updates"] == ["message", "edited_message", "callback_query"]


def test_an_update_with_the_secret_is_answered_and_saved(webhook):
    api, hook = webhook
    assert hook.post("/met Jane from Acme at the meetup") == 200
    assert api.wait_for(lambda s: any("Saved" in t for t in s.texts(USER)), timeout=REPLY_TIMEOUT), hook.bot.output()
    assert (hook.data_dir / "users" / f"{USER}.json").exists()
    assert hook.bot.terminate() == 0, hook.bot.output()[-3000:]
    assert WEBHOOK_SECRET not in hook.bot.output() and "Traceback" not in hook.bot.output()


@pytest.mark.parametrize("secret", [None, "wrong-secret", ""], ids=["no secret", "a wrong secret", "empty"])
def test_a_request_without_the_right_secret_gets_403_and_changes_nothing(webhook, secret):
    api, hook = webhook
    assert hook.post("/met Mallory from Evil Corp at the door", secret=secret) == 403
    # A genuine update after it is answered, and it is the only thing that happened.
    assert hook.post("/contacts") == 200
    assert api.wait_for(lambda s: len(s.texts(USER)) >= 1, timeout=REPLY_TIMEOUT), hook.bot.output()
    time.sleep(0.2)  # room for a wrongly accepted update to show up as a reply
    [reply] = api.texts(USER)
    assert "Mallory" not in reply
    assert hook.bot.terminate() == 0, hook.bot.output()[-3000:]
    assert "Mallory" not in (hook.data_dir / "users" / f"{USER}.json").read_text(encoding="utf-8")


def test_webhook_mode_without_a_secret_refuses_to_start(tmp_path: Path):
    env = clean_env(
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_WEBHOOK_URL="https://bot.example.org/nurture/telegram",
        COACH_DATA_DIR=str(tmp_path / "data"),
    )
    done = subprocess.run(
        [sys.executable, "-m", "bot", "--webhook"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 2
    assert "TELEGRAM_WEBHOOK_SECRET" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "data").exists()


def test_a_port_already_taken_is_named(tmp_path: Path):
    with FakeBotAPI() as api, socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        env = clean_env(
            PYTHONPATH=str(Path(__file__).resolve().parents[2]),
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=api.url,
            TELEGRAM_WEBHOOK_URL="https://bot.example.org/nurture/telegram",
            TELEGRAM_WEBHOOK_SECRET=WEBHOOK_SECRET,
            COACH_WEBHOOK_PORT=str(taken.getsockname()[1]),
            COACH_DATA_DIR=str(tmp_path / "data"),
        )
        done = subprocess.run(
            [sys.executable, "-m", "bot", "--webhook"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2
    assert "COACH_WEBHOOK_PORT" in done.stderr and "Traceback" not in done.stderr


# -- bounded: nothing is read of a request that is refused ------------------------------------------------------


def raw_request(port: int, head: str, body: bytes = b"", timeout: float = 5.0) -> tuple[int, float]:
    """Send ``head`` (and ``body``) on a fresh connection; the status the server answers and how long it took."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
        conn.sendall(head.encode() + body)
        answer = b""
        while b"\r\n" not in answer:
            piece = conn.recv(4096)
            if not piece:
                break
            answer += piece
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
    return status, time.monotonic() - started


def post_head(hook: Webhook, length: int, secret: str | None) -> str:
    lines = [
        "POST /nurture/telegram HTTP/1.1",
        "Host: bot.example.org",
        "Content-Type: application/json",
        f"Content-Length: {length}",
    ]
    if secret is not None:
        lines.append(f"X-Telegram-Bot-Api-Secret-Token: {secret}")
    return "\r\n".join(lines) + "\r\n\r\n"


@pytest.mark.parametrize("secret", [None, "wrong-secret"], ids=["no secret", "a wrong secret"])
def test_a_request_without_the_secret_is_refused_before_its_body_is_read(webhook, secret):
    """The body of 99 MB is announced and never sent: the answer must come from the headers alone."""
    _, hook = webhook
    status, took = raw_request(hook.port, post_head(hook, 99_000_000, secret), b'{"update_id": 1')
    assert status == 403 and took < 3.0


def test_a_body_over_the_limit_is_refused_before_it_is_read_even_with_the_secret(webhook):
    _, hook = webhook
    status, took = raw_request(hook.port, post_head(hook, 99_000_000, WEBHOOK_SECRET), b'{"update_id": 1')
    assert status == 413 and took < 3.0
    assert hook.post("/contacts") == 200  # and the bot goes on taking updates


def test_eight_huge_unauthenticated_posts_at_once_leave_the_bot_small(webhook):
    api, hook = webhook
    before = rss_kib(hook.bot.process.pid)
    chunk = b"x" * (1 << 20)

    def flood() -> None:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", hook.port), timeout=5) as conn:
            conn.sendall(post_head(hook, 99 * len(chunk), None).encode())
            for _ in range(99):
                conn.sendall(chunk)

    threads = [threading.Thread(target=flood) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert rss_kib(hook.bot.process.pid) - before < 50_000  # KiB: nowhere near 8 x 99 MB
    assert hook.post("/met Jane from Acme at the meetup") == 200
    assert api.wait_for(lambda s: any("Saved" in t for t in s.texts(USER)), timeout=REPLY_TIMEOUT), hook.bot.output()


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


# -- health --------------------------------------------------------------------------------------------------------


def get(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=REPLY_TIMEOUT) as response:
            return int(response.status), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_liveness_and_readiness_answer_on_the_webhook_port(webhook):
    _, hook = webhook
    assert get(hook.port, "/healthz") == (200, "alive\n")
    assert get(hook.port, "/readyz") == (200, "ready\n")
    # The data folder goes away (a disk unmounted): not ready, and it says why; alive all the same.
    hook.data_dir.rename(hook.data_dir.with_name("gone"))
    status, reason = get(hook.port, "/readyz")
    assert status == 503 and "data folder" in reason and "gone" in reason and len(reason) < 200
    assert get(hook.port, "/healthz")[0] == 200
    hook.data_dir.with_name("gone").rename(hook.data_dir)
    assert get(hook.port, "/readyz")[0] == 200
    assert hook.bot.terminate() == 0, hook.bot.output()[-3000:]
