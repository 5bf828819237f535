"""What every handler and job is handed: a typed context (python-telegram-bot's ``ContextTypes``) whose
``services`` are built once by ``build_application`` and kept in ``bot_data``."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.clock import Clock
from bot.coach.journal.days import local_day
from bot.config import Settings
from bot.store.notebook import Notebook
from bot.store.notebooks import Store

MORNINGS_AT_ONCE = 4


@dataclass
class Services:
    settings: Settings
    store: Store
    clock: Clock
    # Resume a question asked with buttons ("which Jane?"): action name -> coroutine, filled by the factory.
    resumers: dict[str, Any] = field(default_factory=dict)
    # At 08:00 every user's morning job fires at once. A few deliveries at a time keep the send rate smooth (no
    # 429 storms), the event loop responsive, and each day's claim close to its send (see delivery.py).
    scheduled: set[int] = field(default_factory=set)  # users with a morning job (kept by bot/morning/jobs.py)
    deliveries: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(MORNINGS_AT_ONCE))


class BotData:
    """The Application's ``bot_data``: the services, set by ``build_application`` before any update or job runs."""

    services: Services


class Context(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """The context every handler and job gets."""

    @property
    def services(self) -> Services:
        return self.bot_data.services


CONTEXT_TYPES = ContextTypes(context=Context, bot_data=BotData)


def services(app: Application[Any, Any, Any, Any, Any, Any]) -> Services:
    """The services from the Application itself (start-up, jobs given the Application)."""
    return app.bot_data.services  # bot_data is a BotData (CONTEXT_TYPES)


def local_today(context: Context, notebook: Notebook) -> tuple[datetime, date]:
    """Now (UTC) and the user's own calendar day: "yesterday" and "today" mean theirs, not the server's."""
    now = context.services.clock.now()
    return now, local_day(now, notebook.profile().timezone)
