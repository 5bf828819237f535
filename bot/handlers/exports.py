"""/export csv and /export vcf: the user's people for a spreadsheet or an address book (the JSON export in
privacy.py stays the one complete copy). Both read back through the import to the same people."""

from __future__ import annotations

import asyncio
import dataclasses

from telegram import InputFile, Update
from telegram.constants import ChatAction

from bot.coach.network.exports import contacts_csv, contacts_vcf
from bot.context import Context
from bot.rendering import render
from bot.store.notebook import Notebook

PEOPLE_FORMATS = {"csv": (contacts_csv, "nurture-people.csv"), "vcf": (contacts_vcf, "nurture-people.vcf")}


async def export_people(update: Update, context: Context, notebook: Notebook, fmt: str) -> None:
    write, filename = PEOPLE_FORMATS[fmt]
    chat = update.effective_chat
    assert chat is not None
    await context.bot.send_chat_action(chat.id, ChatAction.UPLOAD_DOCUMENT)  # thousands of vCards take a second
    contacts = [dataclasses.replace(c) for c in notebook.contacts()]
    payload = await asyncio.to_thread(write, contacts)
    await context.bot.send_document(
        chat.id,
        InputFile(payload, filename=filename),
        caption=render("messages/export_people.txt", contacts=len(contacts), fmt=fmt),
    )
