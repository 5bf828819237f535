"""Every domain error mapped to a friendly message, in one place; everything else is logged and apologised for."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, RetryAfter

from bot.coach.errors import BadImportFile, CoachError, NotUnderstood, UnknownContact
from bot.context import Context
from bot.rendering import render
from bot.sending import reply
from bot.store.errors import UnreadableData

log = logging.getLogger(__name__)


def explain(error: CoachError | UnreadableData) -> str:
    if isinstance(error, UnreadableData):
        return render("messages/unreadable.html", moved_to=error.moved_to.name if error.moved_to else "")
    if isinstance(error, UnknownContact):
        return render("messages/unknown_contact.html", query=error.query, suggestions=error.suggestions)
    if isinstance(error, BadImportFile):
        return render("messages/import_bad_file.html", line=error.line, problem=error.problem)
    if isinstance(error, NotUnderstood):
        return render("messages/not_understood.html", hint=error.hint)
    return render("messages/oops.html")


async def on_error(update: object, context: Context) -> None:
    """Last line of defence: log the bug, tell the user plainly, never show a traceback."""
    error = context.error
    if isinstance(error, Forbidden | RetryAfter | NetworkError):
        # Telegram-side trouble (blocked, flood control, network): nothing to tell the user through the same pipe.
        log.warning("Telegram error while handling an update: %s", error)
        return
    log.error("Unhandled error while handling an update", exc_info=error)
    if isinstance(update, Update) and update.effective_chat and update.effective_chat.type == "private":
        try:
            await reply(update, context, render("messages/oops.html"))
        except Exception:  # the apology itself failed (network); the log line above is what matters
            log.warning("Could not send the apology message", exc_info=True)
