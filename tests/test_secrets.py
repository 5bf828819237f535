"""Secrets never printed: the bot token, the webhook secret, the data keys and the credentials in any URL (a proxy's
included) are redacted from every line the bot writes to stderr, log lines and its own last words alike, whatever
their case."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import Redactor, RedactSecrets, redacted_stderr
from tests.e2e.test_real_process import REPO, SECRET, TOKEN, clean_env

PROXY_USER, PROXY_PASSWORD = "alice-proxy", "Pr0xy-Pa55word"


def nurture(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        env=clean_env(PYTHONPATH=str(REPO), TELEGRAM_BOT_TOKEN=TOKEN, COACH_DATA_DIR=str(tmp_path / "data"), **env),
        capture_output=True,
        text=True,
        timeout=90,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(
    "url", ["api.telegram.org/bot", "htp://x/bot", "http//x/bot", "http://", ":::", "http://[::1/bot", "ftp://x/bot"]
)
def test_a_malformed_base_url_is_named_at_once_and_the_token_never_printed(tmp_path, url):
    done = nurture(tmp_path, TELEGRAM_BASE_URL=url)
    assert done.returncode == 2
    assert "TELEGRAM_BASE_URL" in done.stderr and "Traceback" not in done.stderr
    assert SECRET.lower() not in (done.stdout + done.stderr).lower()


@pytest.fixture
def proxy_asking_for_credentials() -> Iterator[int]:
    """An outbound proxy that answers every request with 407 Proxy Authentication Required."""

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(
                b'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\n'
                b"Content-Length: 0\r\nConnection: close\r\n\r\n"
            )
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(asyncio.start_server(answer, "127.0.0.1", 0))
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        server.close()
        loop.run_until_complete(server.wait_closed())
        loop.close()


@pytest.mark.parametrize("scheme", ["http", "HTTP"])
def test_a_proxy_answering_407_never_gets_its_credentials_into_the_output(
    tmp_path, proxy_asking_for_credentials, scheme
):
    proxy = f"{scheme}://{PROXY_USER}:{PROXY_PASSWORD}@127.0.0.1:{proxy_asking_for_credentials}"
    # One retry (COACH_START_RETRIES): the retry's own log lines are checked too, without waiting out five.
    done = nurture(tmp_path, HTTPS_PROXY=proxy, COACH_LOG_LEVEL="DEBUG", COACH_START_RETRIES="1")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output[-2000:]
    assert "Failed run number 1 of 1. Aborting" in output  # the first try, then the one retry
    assert "407" in output.splitlines()[-1]  # the last line still says what went wrong
    for secret in (PROXY_USER, PROXY_PASSWORD, SECRET):
        assert secret.lower() not in output.lower(), output[-2000:]


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("ClientHttpProxyError: 407, url='http://alice:s3cret@10.0.0.1:3128'", ["alice", "s3cret"]),
        ("proxy HTTP://Alice:S3cret@Proxy.Example:8080 refused", ["Alice", "S3cret"]),
        ("socks5://bob:pa@ss@socks.example:1080/", ["bob", "pa@ss"]),
        ("webhook https://user@bot.example.org/hook", ["user@"]),
    ],
)
def test_credentials_in_any_url_are_redacted(text, hidden):
    redacted = Redactor()(text)
    assert "<credentials>@" in redacted
    for secret in hidden:
        assert secret not in redacted


def test_proxy_passwords_from_the_environment_are_redacted_wherever_they_appear(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", f"http://{PROXY_USER}:{PROXY_PASSWORD}@proxy.example:3128")
    redact = Redactor.for_environment()
    assert PROXY_PASSWORD.lower() not in redact(f"auth failed for password {PROXY_PASSWORD.upper()}").lower()


def test_every_line_to_stderr_is_redacted_like_the_logs(capsys):
    with redacted_stderr() as stream:
        stream.redactor = Redactor(TOKEN)
        print(f"nurture: cannot reach Telegram (https://api.telegram.org/bot{TOKEN.upper()}/getMe)", file=sys.stderr)
        sys.stderr.write(f"half a line with bot{TOKEN}")
        sys.stderr.write("/getMe and the rest\n")
    err = capsys.readouterr().err
    assert SECRET.lower() not in err.lower()
    assert err.count("<token>") == 2


def test_the_log_filter_redacts_url_credentials_too(caplog):
    logger = logging.getLogger("test.redact.urls")
    logger.addFilter(RedactSecrets(TOKEN))
    with caplog.at_level(logging.INFO, logger="test.redact.urls"):
        logger.info("proxy said 407 for %s", "HTTP://Carol:Hunter2@proxy:3128")
    assert "Hunter2" not in caplog.text and "Carol" not in caplog.text
