"""What every handler and job needs, built once by ``build_application`` and kept in ``bot_data``."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from telegram.ext import Application, CallbackContext

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


def services(context: CallbackContext[Any, Any, Any, Any] | Application[Any, Any, Any, Any, Any, Any]) -> Services:
    """The services from a handler's context or from the Application itself (jobs, start-up)."""
    app = context if isinstance(context, Application) else context.application
    return app.bot_data["services"]


def local_today(context: CallbackContext[Any, Any, Any, Any], notebook: Notebook) -> tuple[datetime, date]:
    """Now (UTC) and the user's own calendar day: "yesterday" and "today" mean theirs, not the server's."""
    now = services(context).clock.now()
    return now, local_day(now, notebook.profile().timezone)
