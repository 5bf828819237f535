"""The door every update passes through: who is asking, where, and which notebook they may touch.

Handlers wrapped with ``for_user`` receive the sender's own notebook, so no handler ever picks a notebook by any
id other than the sender's Telegram user id.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram import Update

from bot.coach.errors import CoachError
from bot.coach.journal.days import local_day
from bot.coach.journal.delivery import engaged
from bot.context import Context
from bot.deletions import Deletions
from bot.handlers.errors import explain
from bot.morning.jobs import ensure_morning
from bot.rendering import render
from bot.sending import reply
from bot.store.errors import UnreadableData
from bot.store.notebook import HANDLING, Notebook

log = logging.getLogger(__name__)

UserHandler = Callable[[Update, Context, Notebook], Awaitable[Any]]
Handler = Callable[[Update, Context], Coroutine[Any, Any, None]]


def for_user(handler: UserHandler) -> Handler:
    @functools.wraps(handler)
    async def wrapper(update: Update, context: Context) -> None:
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
        if not context.services.settings.allows(user.id):
            log.info("refused user %s (not in COACH_ALLOWED_USERS)", user.id)
            if query:
                await query.answer()
            await reply(update, context, render("messages/not_allowed.html"))
            return
        handling = HANDLING.set((update.update_id, context.services.clock.now().date()))
        store = context.services.store
        try:
            # The user's turn: their morning job and their other updates wait, other users do not.
            async with store.hold(user.id):
                if not store.has_notebook(user.id) and not await _may_begin(
                    update, context, user.id
                ):
                    return  # a button, an edit or a redelivered message of a notebook that was deleted
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
                    # Anything they write or tap is engagement: mornings before it were not ignored (planner.py).
                    engaged(notebook, local_day(context.services.clock.now(), notebook.profile().timezone))
        except CoachError as error:
            if query:
                await query.answer()
            await reply(update, context, explain(error))
        finally:
            HANDLING.reset(handling)

    return wrapper


def deletions(context: Context) -> Deletions:
    """The marks of deleted notebooks (bot/deletions.py), keyed with a secret that is not in the data folder."""
    svc = context.services
    return Deletions(svc.store.place.marks(), svc.settings.token or svc.settings.data_key or "no token (console)")


async def _may_begin(update: Update, context: Context, user_id: int) -> bool:
    """Whether this update may start a notebook for a user who has none: only a message they send now does.

    A button or an edit belongs to a notebook that is gone (deleted with /deleteme, or never there): it changes
    nothing, schedules nothing and sends nothing (a tap is answered, so the button stops spinning). A message
    sent before a deletion, redelivered after it (Telegram resends what was not confirmed before a crash), is
    ignored the same way. The first message after a deletion is told that it starts a new notebook. (A notebook
    set aside as unreadable leaves a notice for its owner: any update goes on, and they are told.)
    """
    if context.services.store.has_notice(user_id):
        return True
    now = context.services.clock.now()
    marks = deletions(context)
    deleted = await asyncio.to_thread(marks.when, user_id, now)
    message = update.message
    if message is None:
        if update.callback_query is not None:
            text = render("messages/gone.txt") if deleted else render("messages/expired.txt")
            await update.callback_query.answer(text, show_alert=True)
        log.info("user %s: %s for a notebook that is not there; ignored", user_id, _kind(update))
        return False
    if deleted is None:
        return True
    if message.date <= deleted:
        log.info("user %s: a message sent before they deleted their notebook, redelivered; ignored", user_id)
        return False
    await asyncio.to_thread(marks.forget, user_id, now)
    await reply(update, context, render("messages/fresh_start.html", deleted=deleted))
    return True


def _kind(update: Update) -> str:
    return "a button" if update.callback_query is not None else "an edit" if update.edited_message else "an update"


async def _open_notebook(update: Update, context: Context, user_id: int) -> Notebook:
    """The sender's notebook. One that cannot be read (or has not the shape of a notebook) is set aside by the store;
    the user is told, and this very message goes on with a fresh notebook, so /start, /export and /deleteme always
    work."""
    store = context.services.store
    try:
        return store.notebook(user_id)
    except UnreadableData as error:
        log.error("user %s: unreadable notebook: %s", user_id, error.reason)
        store.take_notice(user_id)  # told right now
        await reply(update, context, explain(error))
        return store.notebook(user_id)


def _welcome_back(context: Context, user_id: int, first_name: str, notebook: Notebook) -> None:
    """Keep the profile current: a user who blocked the bot and writes again is active again (we never nag the
    unwilling, but someone who comes back wants their mornings), and a new user gets their morning job."""
    profile = notebook.profile()
    if not profile.active or (first_name and profile.first_name != first_name):
        profile.active = True
        profile.first_name = first_name
        notebook.save_profile(profile)
    ensure_morning(context.application, user_id, profile)
