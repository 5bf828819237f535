"""Is Nurture healthy? What ``GET /readyz`` (webhook mode) and ``nurture health`` (polling mode) both ask.

Two things make the bot ready to answer people:

- **the data store is usable**: the data folder is there, a file can be made in it, and its disk is not full (with
  COACH_DATABASE_URL: the database answers);
- **the Bot API answered getMe recently**: Telegram (or the local Bot API server) is reachable with this token.

Liveness is simpler: the process runs (``GET /healthz`` answers while it does; ``nurture health`` also asks whether
a bot holds the data folder).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TextIO

from telegram.error import InvalidToken, TelegramError

from bot.config import Redactor, Settings
from bot.datalock import held_by_another, holder
from bot.store.folder import DataFolder

FRESH_S = 60.0  # a getMe answer this recent counts; an older one is asked again
DEFAULT_BASE_URL = "https://api.telegram.org/bot"  # python-telegram-bot's, when TELEGRAM_BASE_URL is not set
RETRY_S = 10.0  # after a failed getMe, the next one is asked no sooner than this
GET_ME_TIMEOUT_S = 5.0


def store_problem(data_dir: Path) -> str:
    """What keeps the data folder from being used ("" when nothing): gone, not writable, or its disk full."""
    return DataFolder(data_dir).problem()


class BotAPICheck:
    """Whether the Bot API answered getMe within the last ``FRESH_S`` seconds; asks it again when that is older.

    Health checkers poll often (every few seconds, from several places): one getMe at a time, at most one per
    ``FRESH_S`` while it answers and one per ``RETRY_S`` while it does not, is all Telegram ever sees of them."""

    def __init__(
        self,
        get_me: Callable[[], Awaitable[object]],
        redact: Redactor,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._get_me = get_me
        self._redact = redact
        self._clock = clock
        self._asked_at: float | None = None  # when the last answer (or failure) came
        self._problem = "the Bot API was not asked yet"
        self._asking: asyncio.Future[str] | None = None

    def answered(self) -> None:
        """getMe was answered just now (the bot asks it itself at start-up)."""
        self._asked_at, self._problem = self._clock(), ""

    async def problem(self) -> str:
        """"" when the Bot API answered recently (asking it now if that is too long ago), else why not."""
        if self._asked_at is not None and self._clock() - self._asked_at < (RETRY_S if self._problem else FRESH_S):
            return self._problem
        if self._asking is None or self._asking.done():
            self._asking = asyncio.ensure_future(self._ask())
        return await asyncio.shield(self._asking)

    async def _ask(self) -> str:
        try:
            await asyncio.wait_for(self._get_me(), GET_ME_TIMEOUT_S)
        except InvalidToken:
            problem = "the Bot API rejects TELEGRAM_BOT_TOKEN"
        except TimeoutError:
            problem = f"the Bot API did not answer getMe within {GET_ME_TIMEOUT_S:g} s"
        except TelegramError as error:
            problem = self._redact(f"the Bot API did not answer getMe ({type(error).__name__}: {error})")
        else:
            problem = ""
        self._asked_at, self._problem = self._clock(), problem
        return problem


# -- nurture health (polling mode) -------------------------------------------------------------------------------


def run_health(settings: Settings, out: TextIO) -> int:
    """``nurture health``: 0 and a line saying so when a bot runs on the data folder, the folder is usable and the
    Bot API answers getMe; else 1 and a line saying what is wrong. For polling mode (a container's health check);
    in webhook mode the bot answers ``GET /readyz`` itself. With COACH_DATABASE_URL, the database instead of the
    folder: it answers, and a Nurture bot holds it."""
    if settings.database_url:
        return _database_health(settings, out)
    folder = settings.data_dir
    problem = "" if folder.is_dir() else f"the data folder COACH_DATA_DIR={folder} is not there"
    if not problem and not held_by_another(folder):
        problem = f"no Nurture bot is running on COACH_DATA_DIR={folder} (nothing holds the folder)"
    problem = problem or store_problem(folder)
    username = ""
    if not problem:
        username, problem = asyncio.run(_ask_get_me(settings, Redactor.for_settings(settings)))
    if problem:
        print(f"unhealthy: {problem}", file=out)
        return 1
    pid = holder(folder.resolve())
    running = f"a bot{f' (process {pid})' if pid else ''} runs on {folder}"
    print(f"healthy: {running}, its data folder is usable, and the Bot API answered getMe as @{username}", file=out)
    return 0


def _database_health(settings: Settings, out: TextIO) -> int:
    from bot.store.database import Database, redact_url
    from bot.store.errors import StoreError

    where = redact_url(settings.database_url)
    try:
        database = Database(settings.database_url, pool_size=1, migrate=False)
    except (StoreError, ImportError) as error:
        print(f"unhealthy: {error}", file=out)
        return 1
    try:
        problem = database.problem()
        running = database.instances() if not problem else ""
    finally:
        database.close()
    if not problem and not running:
        problem = f"no Nurture bot is running on the database {where} (nothing holds it)"
    username = ""
    if not problem:
        username, problem = asyncio.run(_ask_get_me(settings, Redactor.for_settings(settings)))
    if problem:
        print(f"unhealthy: {problem}", file=out)
        return 1
    print(f"healthy: {running} on {where}, it answers, and the Bot API answered getMe as @{username}", file=out)
    return 0


async def _ask_get_me(settings: Settings, redact: Redactor) -> tuple[str, str]:
    """(the bot's username, "") when the Bot API answers getMe, else ("", why not)."""
    from telegram import Bot

    from bot.connections import http_request

    bot = Bot(settings.token, base_url=settings.base_url or DEFAULT_BASE_URL, request=http_request(1))
    check = BotAPICheck(bot.initialize, redact)  # initialize asks getMe (and opens the connection first)
    try:
        problem = await check.problem()
        return ("", problem) if problem else (bot.username or bot.first_name, "")
    finally:
        await bot.shutdown()
