"""The door every update passes through: who is asking, where, and which notebook they may touch.

Handlers wrapped with ``for_user`` receive the sender's own notebook, so no handler ever picks a notebook by any
id other than the sender's Telegram user id.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.ext import ContextTypes

from bot.coach.errors import CoachError
from bot.handlers.errors import explain
from bot.handlers.reply import reply
from bot.morning.jobs import ensure_morning
from bot.rendering import render
from bot.services import services
from bot.store.errors import UnreadableData
from bot.store.notebook import HANDLING, Notebook

log = logging.getLogger(__name__)

UserHandler = Callable[[Update, ContextTypes.DEFAULT_TYPE, Notebook], Awaitable[Any]]
Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def for_user(handler: UserHandler) -> Handler:
    @functools.wraps(handler)
    async def wrapper(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        user, chat = update.effective_user, update.effective_chat
        if user is None or chat is None or user.is_bot:
            return
        query = update.callback_query
        if chat.type != "private":
            # Groups see no one's notes. Say so when addressed (a command or a button), stay silent otherwise.
            if query:
                await query.answer(render("messages/group.txt"), show_alert=True)
            elif update.effective_message and (update.effective_message.text or "").startswith("/"):
                await reply(update, context, render("messages/group.html"))
            return
        if not services(context).settings.allows(user.id):
            log.info("refused user %s (not in COACH_ALLOWED_USERS)", user.id)
            if query:
                await query.answer()
            await reply(update, context, render("messages/not_allowed.html"))
            return
        handling = HANDLING.set((update.update_id, services(context).clock.now().date()))
        store = services(context).store
        try:
            # The user's turn: their morning job and their other updates wait, other users do not.
            async with store.hold(user.id):
                notebook = await _open_notebook(update, context, user.id)
                notice = store.take_notice(user.id)  # damage found while they were away (a morning, a start-up)
                if notice is not None:
                    await reply(update, context, render("messages/notice.html", notice=notice))
                if notebook.has_handled(update.update_id):
                    # Telegram redelivers what was not confirmed before a crash; its changes are already saved.
                    log.info("user %s: update %s was already handled before a restart", user.id, update.update_id)
                    return
                await handler(update, context, notebook)
                # After the handler, so the handler's own change is the first write stamped with this message; not
                # when the handler deleted the notebook (/deleteme): writing the profile back would undo that.
                if store.is_open(user.id):
                    _welcome_back(context, user.id, user.first_name, notebook)
        except CoachError as error:
            if query:
                await query.answer()
            await reply(update, context, explain(error))
        finally:
            HANDLING.reset(handling)

    return wrapper


async def _open_notebook(update: Update, context: ContextTypes.DEFAULT_TYPE, user_id: int) -> Notebook:
    """The sender's notebook. One that cannot be read (or has not the shape of a notebook) is set aside by the store;
    the user is told, and this very message goes on with a fresh notebook, so /start, /export and /deleteme always
    work."""
    store = services(context).store
    try:
        return store.notebook(user_id)
    except UnreadableData as error:
        log.error("user %s: unreadable notebook: %s", user_id, error.reason)
        store.take_notice(user_id)  # told right now
        await reply(update, context, explain(error))
        return store.notebook(user_id)


def _welcome_back(context: ContextTypes.DEFAULT_TYPE, user_id: int, first_name: str, notebook: Notebook) -> None:
    """Keep the profile current: a user who blocked the bot and writes again is active again (we never nag the
    unwilling, but someone who comes back wants their mornings), and a new user gets their morning job."""
    profile = notebook.profile()
    if not profile.active or (first_name and profile.first_name != first_name):
        profile.active = True
        profile.first_name = first_name
        notebook.save_profile(profile)
    ensure_morning(context.application, user_id, profile)
