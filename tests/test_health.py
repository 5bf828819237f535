"""Health: ``nurture health`` for polling mode (exit 0 or 1, with a line saying why), and the getMe freshness that
``GET /readyz`` relies on in webhook mode (tests/e2e/test_webhook.py drives the endpoints themselves)."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from telegram.error import NetworkError

from bot.config import Redactor
from bot.datalock import lock_data_folder
from bot.health import FRESH_S, RETRY_S, BotAPICheck
from testkit.fake_bot_api import FakeBotAPI
from tests.e2e.test_real_process import REPO, SECRET, TOKEN, clean_env


def health(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    settings = {"TELEGRAM_BOT_TOKEN": TOKEN, "COACH_DATA_DIR": str(tmp_path / "data"), **env}
    return subprocess.run(
        [sys.executable, "-m", "bot", "health"],
        cwd=tmp_path,
        env=clean_env(PYTHONPATH=str(REPO), **settings),
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Path]:
    """A data folder a bot holds (here: this test process, as a running bot would)."""
    held = lock_data_folder(tmp_path / "data")
    (tmp_path / "data" / "users").mkdir(mode=0o700)
    try:
        yield tmp_path / "data"
    finally:
        held.release()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_healthy_when_a_bot_holds_the_folder_and_telegram_answers(tmp_path, running):
    with FakeBotAPI() as api:
        done = health(tmp_path, TELEGRAM_BASE_URL=api.url)
    assert done.returncode == 0, done.stdout + done.stderr
    [line] = done.stdout.splitlines()
    assert line.startswith("healthy:") and "@nurture_coach_bot" in line


def test_unhealthy_when_no_bot_runs_on_the_folder(tmp_path):
    (tmp_path / "data" / "users").mkdir(parents=True)
    with FakeBotAPI() as api:
        done = health(tmp_path, TELEGRAM_BASE_URL=api.url)
    assert done.returncode == 1
    assert "no Nurture bot is running" in done.stdout and "Traceback" not in done.stderr


def test_unhealthy_when_telegram_does_not_answer(tmp_path, running):
    done = health(tmp_path, TELEGRAM_BASE_URL=f"http://127.0.0.1:{closed_port()}/bot")
    assert done.returncode == 1
    assert "getMe" in done.stdout and SECRET not in done.stdout + done.stderr


def test_unhealthy_when_the_data_folder_is_gone(tmp_path):
    with FakeBotAPI() as api:
        done = health(tmp_path, TELEGRAM_BASE_URL=api.url, COACH_DATA_DIR=str(tmp_path / "nowhere"))
    assert done.returncode == 1 and "data folder" in done.stdout


class FakeTelegram:
    def __init__(self) -> None:
        self.asked = 0
        self.failing = False

    async def get_me(self) -> object:
        self.asked += 1
        await asyncio.sleep(0.01)
        if self.failing:
            raise NetworkError(f"cannot connect to https://api.telegram.org/bot{TOKEN}/getMe")
        return object()


async def test_getme_is_asked_at_most_once_per_freshness_window_and_failures_are_redacted():
    telegram, now = FakeTelegram(), [1000.0]
    check = BotAPICheck(telegram.get_me, Redactor(TOKEN), clock=lambda: now[0])
    check.answered()  # start-up asked it
    assert await check.problem() == "" and telegram.asked == 0
    now[0] += FRESH_S + 1
    assert await asyncio.gather(*(check.problem() for _ in range(20))) == [""] * 20
    assert telegram.asked == 1  # twenty probes at once: one getMe
    telegram.failing = True
    now[0] += FRESH_S + 1
    problem = await check.problem()
    assert "did not answer getMe" in problem and SECRET not in problem
    assert await check.problem() == problem and telegram.asked == 2  # not asked again at once
    telegram.failing = False
    now[0] += RETRY_S + 1
    assert await check.problem() == "" and telegram.asked == 3


def test_with_a_database_health_asks_whether_a_bot_holds_it(tmp_path, database_url):
    from bot.store.database import Database

    with FakeBotAPI() as api:
        done = health(tmp_path, TELEGRAM_BASE_URL=api.url, COACH_DATABASE_URL=database_url)
        assert done.returncode == 1 and "no Nurture bot ever started on it" in done.stdout, done.stdout
        Database(database_url).close()  # a bot started once: the tables are there
        done = health(tmp_path, TELEGRAM_BASE_URL=api.url, COACH_DATABASE_URL=database_url)
        assert done.returncode == 1 and "no Nurture bot is running on the database" in done.stdout, done.stdout
        bot = Database(database_url)
        bot.claim_instance(exclusive=True)  # as a polling bot does
        try:
            done = health(tmp_path, TELEGRAM_BASE_URL=api.url, COACH_DATABASE_URL=database_url)
        finally:
            bot.close()
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("healthy: a polling bot runs on postgresql://")


def test_with_a_database_that_does_not_answer_health_says_so_without_its_password(tmp_path):
    url = f"postgresql://nurture:pass-word-9@127.0.0.1:{closed_port()}/nurture"
    done = health(tmp_path, COACH_DATABASE_URL=url)
    assert done.returncode == 1 and "unhealthy: cannot use the database" in done.stdout
    assert "pass-word-9" not in done.stdout + done.stderr
