"""/privacy, /export and /deleteme: the user's data is theirs, to know about, to take away or to erase."""

from __future__ import annotations

import asyncio

import orjson
from telegram import InputFile, Update
from telegram.constants import ChatAction

from bot.callbacks import button, pressed
from bot.context import Context
from bot.handlers.exports import PEOPLE_FORMATS, export_people
from bot.handlers.guard import deletions, for_user
from bot.handlers.words import command_text
from bot.morning.jobs import remove_jobs
from bot.rendering import render
from bot.sending import reply
from bot.store.notebook import Notebook


async def privacy_command(update: Update, context: Context) -> None:
    """What is stored, where, who can read it, for how long, and how to take it or erase it.

    Anyone may ask, before using the bot and even when not let in (COACH_ALLOWED_USERS): it opens no notebook.
    """
    if update.effective_user is None or update.effective_user.is_bot:
        return
    settings = context.services.settings
    await reply(
        update,
        context,
        render("messages/privacy.html", operator=settings.operator_contact, encrypted=bool(settings.data_key)),
    )


@for_user
async def export_command(update: Update, context: Context, notebook: Notebook) -> None:
    if command_text(update).lower().lstrip(".") in PEOPLE_FORMATS:
        await export_people(update, context, notebook, command_text(update).lower().lstrip("."))
        return
    chat = update.effective_chat
    assert chat is not None
    await context.bot.send_chat_action(chat.id, ChatAction.UPLOAD_DOCUMENT)
    data = notebook.export()
    payload = orjson.dumps(data, option=orjson.OPT_INDENT_2)
    await context.bot.send_document(
        chat.id,
        InputFile(payload, filename="nurture-notebook.json"),
        caption=render("messages/export.txt", contacts=len(data["contacts"]), entries=len(data["interactions"])),
    )


@for_user
async def deleteme_command(update: Update, context: Context, notebook: Notebook) -> None:
    await reply(
        update,
        context,
        render("messages/wipe_confirm.html", contacts=len(notebook.contacts())),
        [[("🗑 Yes, delete everything", button("wipe", "yes")), ("Keep my data", button("wipe", "no"))]],
    )


@for_user
async def on_wipe(update: Update, context: Context, notebook: Notebook) -> None:
    query, data = pressed(update)
    assert update.effective_user is not None
    await query.answer()
    if data is None or data.args[0] != "yes":
        await query.edit_message_text(render("messages/wipe_kept.html"))
        return
    user_id = update.effective_user.id
    remove_jobs(context.application, user_id)  # no morning, no weekly review
    # The mark first (it holds nothing of them: bot/deletions.py), then the files: from here on only a new message
    # from them starts a notebook again (guard.py), and they are told it is a new one.
    await asyncio.to_thread(deletions(context).record, user_id, context.services.clock.now())
    context.services.store.delete(user_id)
    await query.edit_message_text(render("messages/wiped.html"))
