"""The one factory that wires Nurture together. Nothing happens at import time."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import BotCommand, BotCommandScopeAllPrivateChats, BotCommandScopeDefault, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.budget import rate_limiter
from bot.clock import Clock
from bot.commands import COMMANDS
from bot.config import Settings
from bot.connections import ChatShare, long_poll_request, send_request
from bot.context import CONTEXT_TYPES, BotData, Context, Services
from bot.handlers import (
    capture,
    choices,
    coaching,
    contacts,
    drafts,
    goals,
    imports,
    inputs,
    journal,
    meetings,
    network,
    privacy,
    schedule,
    start,
    tidying,
    today,
)
from bot.handlers.errors import on_error
from bot.handlers.guard import for_user
from bot.morning.jobs import rebuild_jobs
from bot.rendering import render
from bot.retrying import RetryingRequest
from bot.sending import reply
from bot.store.notebooks import Store
from bot.updates import MAX_UPDATES_IN_FLIGHT, InFlightQueue, PerUserOrder

log = logging.getLogger(__name__)

# Used when no token is configured (console mode and tests): python-telegram-bot insists on one.
OFFLINE_TOKEN = "100000001:offline-console-token"

# Telegram allows about 30 messages a second overall. Spacing sends evenly just under that (a bucket of one)
# avoids the burst-then-429 pattern a bucket of 30 produces against a strict sliding window.
MESSAGES_PER_SECOND = 29.5

# Seconds each start-up call describing the bot may take (see introduce_bot).
INTRODUCTION_TIMEOUT = 5.0

COMMAND_HANDLERS = {
    "start": start.start_command,
    "help": start.help_command,
    "met": capture.met_command,
    "note": journal.note_command,
    "gave": journal.gave_command,
    "got": journal.got_command,
    "done": journal.done_command,
    "contacts": contacts.contacts_command,
    "contact": contacts.contact_command,
    "find": contacts.find_command,
    "forget": contacts.forget_command,
    "merge": tidying.merge_command,
    "archive": tidying.archive_command,
    "unarchive": tidying.unarchive_command,
    "draft": drafts.draft_command,
    "today": today.today_command,
    "goal": goals.goal_command,
    "goals": goals.goals_command,
    "offer": goals.offer_command,
    "review": goals.review_command,
    "week": coaching.week_command,
    "circle": coaching.circle_command,
    "budget": coaching.budget_command,
    "timezone": schedule.timezone_command,
    "morning": schedule.morning_command,
    "pause": schedule.pause_command,
    "resume": schedule.resume_command,
    "export": privacy.export_command,
    "deleteme": privacy.deleteme_command,
    "privacy": privacy.privacy_command,
    "map": network.map_command,
    "tag": network.tag_command,
    "remind": network.remind_command,
    "meet": meetings.meet_command,
}

BUTTON_HANDLERS = {
    "pick": choices.on_pick,
    "keep": journal.on_keep,
    "fix": capture.on_fix,
    "unmet": capture.on_undo,
    "page": contacts.on_page,
    "found": contacts.on_found,
    "merge": tidying.on_merge,
    "unarchive": tidying.on_unarchive,
    "week": coaching.on_week,
    "card": contacts.on_card,
    "forget": contacts.on_forget,
    "draft": drafts.on_draft_button,
    "sent": drafts.on_sent,
    "again": drafts.on_again,
    "reword": drafts.on_reword,
    "yes": drafts.on_both_said_yes,
    "nudge": today.on_nudge,
    "rhythm": today.on_rhythm,
    "goal": goals.on_goal,
    "outcome": goals.on_outcome,
    "undo": goals.on_undo,
    "tz": schedule.on_timezone_button,
    "wipe": privacy.on_wipe,
    "import": imports.on_import,
}

# "remind me in 2 weeks to ping Sam", typed without a command.
REMIND_ME = re.compile(r"^\s*remind\s+me\b", re.IGNORECASE)

# Buttons whose work takes long (importing thousands of people): handled without holding up other users.
BACKGROUND_BUTTONS = {"import"}


def build_application(
    settings: Settings, store: Store, clock: Clock, request: BaseRequest | None = None, *, paced: bool = True
) -> Application[Any, Context, Any, Any, BotData, Any]:
    """The one Application every way of running the bot uses. ``request``: a transport other than Telegram's (the
    console's and the tests' offline Bot API); ``paced`` False: sends are not spaced under Telegram's limits, for a
    transport that is not Telegram (429 answers are still waited out and retried)."""
    builder = (
        Application.builder()
        .context_types(CONTEXT_TYPES)  # handlers get a Context whose .services are the ones built below
        .defaults(Defaults(parse_mode=ParseMode.HTML))  # everything the bot says is an HTML template (rendering.py)
        .token(settings.token or OFFLINE_TOKEN)
        .rate_limiter(rate_limiter(store.place, MESSAGES_PER_SECOND if paced else 0))  # shared by the replicas
        .post_init(on_startup)
        # Users in parallel, each user's updates in order; at most MAX_UPDATES_IN_FLIGHT confirmed to Telegram and
        # not yet handled (what a kill could lose). See bot/updates.py. What Telegram redelivers after a restart is
        # recognised by its id (see Notebook.HANDLING).
        .concurrent_updates(PerUserOrder(MAX_UPDATES_IN_FLIGHT))
        .update_queue(InFlightQueue(MAX_UPDATES_IN_FLIGHT))
    )
    # python-telegram-bot's HTTPXRequest: a connection for the long poll, a pool for everything else, of which each
    # chat holds at most a small share; sends that cannot have arrived (and 5xx answers) are tried again. The sizes
    # and timeouts are explained in bot/connections.py.
    polls, sends = (long_poll_request(), send_request()) if request is None else (request, request)
    builder = builder.get_updates_request(polls).request(ChatShare(RetryingRequest(sends)))
    if settings.base_url:
        builder = builder.base_url(settings.base_url)
    if settings.base_file_url:
        builder = builder.base_file_url(settings.base_file_url)
    app = builder.build()

    services = Services(settings=settings, store=store, clock=clock)
    services.resumers.update(
        {
            **capture.RESUMERS,
            **journal.RESUMERS,
            **inputs.RESUMERS,
            **contacts.RESUMERS,
            **drafts.RESUMERS,
            **coaching.RESUMERS,
            **network.RESUMERS,
            **meetings.RESUMERS,
            **tidying.RESUMERS,
        }
    )
    app.bot_data.services = services

    # First: an edited message only ever corrects the capture it made (the handlers below would run it again).
    app.add_handler(MessageHandler(filters.UpdateType.EDITED, capture.on_edit))
    for command in COMMANDS:
        app.add_handler(CommandHandler(command.name, COMMAND_HANDLERS[command.name], block=not command.background))
    for kind, handler in BUTTON_HANDLERS.items():
        app.add_handler(CallbackQueryHandler(handler, pattern=f"^{kind}:", block=kind not in BACKGROUND_BUTTONS))
    app.add_handler(CallbackQueryHandler(expired_button))
    app.add_handler(MessageHandler(filters.COMMAND, unknown_command))
    app.add_handler(MessageHandler(filters.TEXT & filters.Regex(REMIND_ME), network.remind_text))
    app.add_handler(MessageHandler(inputs.FORWARDED, inputs.on_forward))
    app.add_handler(MessageHandler(filters.TEXT, capture.plain_text))
    # Photos and (non-contacts-file) documents with a caption: the caption is read like a typed line. A document
    # without one, or a .vcf/.csv, goes on to the importer below.
    app.add_handler(MessageHandler(inputs.CAPTIONED, inputs.on_caption))
    app.add_handler(MessageHandler(filters.CONTACT, inputs.on_contact))
    app.add_handler(MessageHandler(filters.LOCATION, inputs.on_location))
    app.add_handler(MessageHandler(inputs.SOUNDS_AND_STICKERS, inputs.on_sound_or_sticker))
    # A contacts file to import (long: other users' messages are not held up meanwhile).
    app.add_handler(MessageHandler(filters.Document.ALL, imports.on_document, block=False))
    app.add_handler(MessageHandler(~filters.TEXT & ~filters.StatusUpdate.ALL, not_text))
    app.add_error_handler(on_error)
    return app


async def on_startup(app: Application) -> None:
    """Schedule every user's morning message, then tell Telegram who the bot is (a failure there is not fatal)."""
    rebuild_jobs(app)
    await introduce_bot(app)


async def introduce_bot(app: Application) -> None:
    """The description (an empty chat's "What can this bot do?"), the short description (profile and shares) and
    the command menu, for private chats only: in groups the bot shows nothing, so it offers no commands there.

    Telegram rate-limits these calls hard, sometimes asking to wait for minutes; a start-up is not held back by
    that (each step gets INTRODUCTION_TIMEOUT seconds), and whatever failed is published on the next start.
    """
    bot = app.bot
    steps: dict[str, Callable[[], Awaitable[bool]]] = {
        "description": lambda: bot.set_my_description(render("messages/bot_description.txt")),
        "short description": lambda: bot.set_my_short_description(render("messages/bot_short_description.txt")),
        "command menu": lambda: bot.set_my_commands(
            [BotCommand(c.name, c.summary) for c in COMMANDS],
            scope=BotCommandScopeAllPrivateChats(),
        ),
        # A menu from an older release, published for every chat, would offer commands in groups.
        "old menu for all chats": lambda: bot.delete_my_commands(scope=BotCommandScopeDefault()),
    }
    for what, step in steps.items():
        try:
            await asyncio.wait_for(step(), INTRODUCTION_TIMEOUT)
        except TelegramError as error:
            log.warning("could not publish the bot's %s: %s", what, error)
        except TimeoutError:
            log.warning("could not publish the bot's %s: Telegram is slow or asks to wait; next start", what)


@for_user
async def unknown_command(update: Update, context: Context, notebook: object) -> None:
    await reply(update, context, render("messages/unknown_command.html"))


@for_user
async def not_text(update: Update, context: Context, notebook: object) -> None:
    await reply(update, context, render("messages/not_text.html"))


@for_user
async def expired_button(update: Update, context: Context, notebook: object) -> None:
    if update.callback_query:
        await update.callback_query.answer(render("messages/expired.txt"), show_alert=True)
