"""The one factory that wires Nurture together. Nothing happens at import time."""

from __future__ import annotations

import logging

from telegram import BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest, HTTPXRequest

from bot.clock import Clock
from bot.coach.store import Store
from bot.commands import COMMANDS
from bot.config import Settings
from bot.handlers import capture, choices, coaching, contacts, drafts, morning, network, privacy, schedule, start
from bot.handlers.errors import on_error
from bot.handlers.guard import for_user
from bot.handlers.reply import reply
from bot.rendering import render
from bot.retrying import RetryingRequest
from bot.scheduling import rebuild_jobs
from bot.services import Services
from bot.updates import MAX_UPDATES_IN_FLIGHT, InFlightQueue, PerUserOrder

log = logging.getLogger(__name__)

# Used when no token is configured (console mode and tests): python-telegram-bot insists on one.
OFFLINE_TOKEN = "100000001:offline-console-token"

# Telegram allows about 30 messages a second overall. Spacing sends evenly just under that (a bucket of one)
# avoids the burst-then-429 pattern a bucket of 30 produces against a strict sliding window.
MESSAGES_PER_SECOND = 29.5

COMMAND_HANDLERS = {
    "start": start.start_command,
    "help": start.help_command,
    "met": capture.met_command,
    "note": capture.note_command,
    "gave": capture.gave_command,
    "got": capture.got_command,
    "done": capture.done_command,
    "contacts": contacts.contacts_command,
    "contact": contacts.contact_command,
    "forget": contacts.forget_command,
    "draft": drafts.draft_command,
    "today": morning.today_command,
    "week": coaching.week_command,
    "circle": coaching.circle_command,
    "budget": coaching.budget_command,
    "timezone": schedule.timezone_command,
    "morning": schedule.morning_command,
    "pause": schedule.pause_command,
    "resume": schedule.resume_command,
    "export": privacy.export_command,
    "deleteme": privacy.deleteme_command,
    "map": network.map_command,
}

BUTTON_HANDLERS = {
    "pick": choices.on_pick,
    "keep": capture.on_keep,
    "page": contacts.on_page,
    "card": contacts.on_card,
    "forget": contacts.on_forget,
    "draft": drafts.on_draft_button,
    "sent": drafts.on_sent,
    "again": drafts.on_again,
    "nudge": morning.on_nudge,
    "tz": schedule.on_timezone_button,
    "wipe": privacy.on_wipe,
}


def build_application(
    settings: Settings, store: Store, clock: Clock, request: BaseRequest | None = None
) -> Application:
    builder = (
        Application.builder()
        .token(settings.token or OFFLINE_TOKEN)
        .rate_limiter(AIORateLimiter(overall_max_rate=1, overall_time_period=1 / MESSAGES_PER_SECOND, max_retries=3))
        .post_init(on_startup)
        # Users in parallel, each user's updates in order; at most MAX_UPDATES_IN_FLIGHT confirmed to Telegram and
        # not yet handled (what a kill could lose). See bot/updates.py. What Telegram redelivers after a restart is
        # recognised by its id (see Notebook.HANDLING).
        .concurrent_updates(PerUserOrder(MAX_UPDATES_IN_FLIGHT))
        .update_queue(InFlightQueue(MAX_UPDATES_IN_FLIGHT))
    )
    if request is None:
        # Morning fan-out sends to many chats at once, and a slow chat must not hold a connection others need: a
        # pool of 16 (the default is one). The rate limiter, not the pool, sets the pace.
        request = HTTPXRequest(connection_pool_size=16, pool_timeout=30.0)
        builder = builder.get_updates_request(HTTPXRequest())
    else:
        builder = builder.get_updates_request(request)
    builder = builder.request(RetryingRequest(request))  # 5xx and never-sent requests are tried again
    if settings.base_url:
        builder = builder.base_url(settings.base_url)
    if settings.base_file_url:
        builder = builder.base_file_url(settings.base_file_url)
    app = builder.build()

    services = Services(settings=settings, store=store, clock=clock)
    services.resumers.update({**capture.RESUMERS, **contacts.RESUMERS, **drafts.RESUMERS, **coaching.RESUMERS})
    app.bot_data["services"] = services

    for command in COMMANDS:
        app.add_handler(CommandHandler(command.name, COMMAND_HANDLERS[command.name], block=not command.background))
    for kind, handler in BUTTON_HANDLERS.items():
        app.add_handler(CallbackQueryHandler(handler, pattern=f"^{kind}:"))
    app.add_handler(CallbackQueryHandler(expired_button))
    app.add_handler(MessageHandler(filters.COMMAND, unknown_command))
    app.add_handler(MessageHandler(filters.TEXT, capture.plain_text))
    app.add_handler(MessageHandler(~filters.TEXT & ~filters.StatusUpdate.ALL, not_text))
    app.add_error_handler(on_error)
    return app


async def on_startup(app: Application) -> None:
    """Schedule every user's morning message and publish the command menu (a failure there is not fatal)."""
    rebuild_jobs(app)
    try:
        await app.bot.set_my_commands([BotCommand(c.name, c.summary) for c in COMMANDS])
    except TelegramError as error:
        log.warning("could not publish the command menu: %s", error)


@for_user
async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: object) -> None:
    await reply(update, context, render("messages/unknown_command.html"))


@for_user
async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: object) -> None:
    await reply(update, context, render("messages/not_text.html"))


@for_user
async def expired_button(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: object) -> None:
    if update.callback_query:
        await update.callback_query.answer(render("messages/expired.txt"), show_alert=True)
