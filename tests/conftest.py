"""Shared fixtures: a real Application wired to an in-process Bot API, a store in a temp folder, a fixed clock."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from telegram import Update
from telegram.ext import Application

from bot.app import build_application
from bot.clock import FixedClock
from bot.config import Settings
from bot.local_api import LocalBotAPI, LocalChat, buttons_of
from bot.morning.send import deliver_morning
from bot.notebooks import open_store
from bot.store.notebooks import Store

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)

# Run first: the tests that take seconds each (real processes, a database, mypy over the tree). Over several workers
# (pytest -n), a long test that starts last keeps one worker busy after the others have finished; started first,
# it overlaps the thousands of short ones. The order is otherwise the collection order.
LONG_FIRST = (
    "tests/e2e/test_replicas.py",
    "tests/test_types.py",
    "tests/test_migrate.py",
    "tests/e2e/",
    "tests/test_encryption.py",
    "tests/test_packaging.py",
    "tests/test_secrets.py",
    "tests/test_ops.py",
    "tests/handlers/test_wrong_shapes.py",
    "tests/handlers/test_any_input.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        path = item.nodeid.split("::")[0]
        return next((n for n, prefix in enumerate(LONG_FIRST) if path.startswith(prefix)), len(LONG_FIRST))

    items.sort(key=rank)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(tmp_path / "data")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL server for the session: ``COACH_TEST_DATABASE_URL`` (.ci/run starts one), else a throwaway
    cluster started here (tools/pgserver.py). None can be started: skipped, saying why; under CI that fails."""
    url = os.environ.get("COACH_TEST_DATABASE_URL", "")
    if url:
        yield url
        return
    from tools.pgserver import Cluster, NoServer, wait_for

    folder = Path(tempfile.mkdtemp(prefix="nurture-pg-"))
    cluster = Cluster(folder)
    try:
        url = cluster.start()
        wait_for(url)
    except (NoServer, subprocess.CalledProcessError, OSError) as error:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is needed under CI and could not be started: {error}")
        pytest.skip(f"no PostgreSQL here: {error}")
    try:
        yield url
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def database_url(postgres_url: str) -> Iterator[str]:
    """A new, empty database on that server for one test, dropped after it."""
    import psycopg

    name = f"nurture_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield postgres_url.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


class Bot:
    """The real Application, offline: feed it updates, read what it sent, fail on any unhandled error."""

    def __init__(self, app: Application, api: LocalBotAPI) -> None:
        self.app = app
        self.api = api
        self.errors: list[BaseException] = []

    async def process(self, update: dict[str, Any]) -> list[dict[str, Any]]:
        before = len(self.api.calls)
        await self.app.process_update(Update.de_json(update, self.app.bot))
        await self.settle()
        if self.errors:
            raise AssertionError(f"handler raised: {self.errors!r}") from self.errors[0]
        return [params for method, params in self.api.calls[before:] if method in ("sendMessage", "editMessageText")]

    @staticmethod
    async def settle() -> None:
        """Wait for handlers registered as non-blocking (``block=False``), which the Application runs as tasks."""
        running = [t for t in asyncio.all_tasks() if "process_update_non_blocking" in t.get_name() and not t.done()]
        if running:
            await asyncio.wait(running, timeout=30)


class User:
    """One person chatting with the bot; remembers the last buttons they were shown."""

    def __init__(self, bot: Bot, chat: LocalChat) -> None:
        self.bot = bot
        self.chat = chat
        self.last: list[dict[str, Any]] = []
        self.alerts: list[str] = []

    async def say(self, text: str) -> str:
        self.last = await self.bot.process(self.chat.message(text))
        return self.text

    async def tap(self, label: str) -> str:
        """Tap the first button whose label contains ``label`` among the most recent messages with buttons."""
        for params in reversed(self.last):
            for text, data in buttons_of(params):
                if label.lower() in text.lower():
                    return await self.press(data)
        raise AssertionError(f"no button {label!r} in {[buttons_of(p) for p in self.last]}")

    async def send_file(self, file_name: str, content: bytes, caption: str = "") -> str:
        """Send a document, as from Telegram's paperclip."""
        file_id = self.bot.api.add_file(content)
        self.last = await self.bot.process(self.chat.document(file_id, file_name, len(content), caption))
        return self.text

    async def press(self, data: str) -> str:
        before = len(self.bot.api.calls)
        self.last = await self.bot.process(self.chat.press(data))
        self.alerts = [
            str(p.get("text", ""))
            for m, p in self.bot.api.calls[before:]
            if m == "answerCallbackQuery" and p.get("text")
        ]
        return self.text

    async def morning(self, clock: FixedClock, day: int) -> str:
        """This user's morning message on 2026-11-{22 + day} at 08:00 UTC (it must go out), as the messages seen."""
        clock.set(datetime(2026, 11, 22 + day, 8, 0, tzinfo=UTC))
        before = len(self.bot.api.calls)
        assert await deliver_morning(self.bot.app, self.chat.user["id"]) == "sent"
        self.last = [p for m, p in self.bot.api.calls[before:] if m == "sendMessage"]
        return self.text

    @property
    def text(self) -> str:
        return "\n\n".join(str(p.get("text", "")) for p in self.last)

    @property
    def buttons(self) -> list[tuple[str, str]]:
        return [b for p in self.last for b in buttons_of(p)]


@pytest.fixture
async def bot(settings: Settings, store: Store, clock: FixedClock):
    api = LocalBotAPI()
    # Offline, as the console runs: replies are not spaced under Telegram's 30 a second (each would wait ~34 ms for
    # nothing); the pacing itself runs in the end-to-end tests, against the real process.
    app = build_application(settings, store, clock, request=api, paced=False)
    harness = Bot(app, api)

    async def collect(update: object, context: Any) -> None:
        harness.errors.append(context.error)

    app.add_error_handler(collect)
    async with app:
        yield harness


@pytest.fixture
def user(bot: Bot) -> User:
    return User(bot, LocalChat(user_id=4242, first_name="Alex"))
