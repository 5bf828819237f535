"""What people send besides typed text: shared contacts, photos and files with a caption, forwarded messages,
locations, voice notes and stickers.

Each becomes the capture it stands for, or a kind word about what works. Contact files (.vcf, .csv) sent as
documents belong to the importer (bot/handlers/imports.py); a document here is only read for its caption.
"""

from __future__ import annotations

from telegram import MessageOriginHiddenUser, MessageOriginUser, Update
from telegram.ext import filters

from bot.callbacks import button
from bot.coach.journal import entries as journal
from bot.coach.reading.names import fold, names_of, resolve
from bot.coach.reading.places import timezone_at
from bot.context import Context, local_today
from bot.handlers.capture import ask_where, read_line
from bot.handlers.guard import for_user
from bot.handlers.schedule import set_timezone
from bot.handlers.words import clean
from bot.rendering import render
from bot.sending import reply
from bot.store.notebook import Notebook
from bot.store.records import Contact, new_id

# A photo, or a document that is not a contacts file, with a caption: the caption is a typed line.
CONTACT_FILES = (".vcf", ".vcard", ".csv", ".txt", ".zip")
CAPTIONED = filters.CAPTION & (
    filters.PHOTO
    | filters.VIDEO
    | (filters.Document.ALL & ~filters.Document.FileExtension("vcf") & ~filters.Document.FileExtension("vcard")
       & ~filters.Document.FileExtension("csv") & ~filters.Document.FileExtension("txt")
       & ~filters.Document.FileExtension("zip"))
)  # fmt: skip
FORWARDED = filters.FORWARDED & ~filters.COMMAND
SOUNDS_AND_STICKERS = filters.VOICE | filters.AUDIO | filters.VIDEO_NOTE | filters.Sticker.ALL
MAX_FORWARD_CHARS = 500


@for_user
async def on_caption(update: Update, context: Context, notebook: Notebook) -> None:
    """ "met Bob at the expo" under a photo of his badge reads like the same line typed."""
    message = update.effective_message
    assert message is not None
    await read_line(update, context, notebook, clean(message.caption or ""))


@for_user
async def on_contact(update: Update, context: Context, notebook: Notebook) -> None:
    """A shared contact becomes a contact (name, phone, Telegram id); then "where did you meet?"."""
    message = update.effective_message
    assert message is not None and message.contact is not None
    shared = message.contact
    name = clean(" ".join(p for p in (shared.first_name, shared.last_name) if p))[:80] or shared.phone_number
    now, _ = local_today(context, notebook)
    contact = _same_person(notebook, name, shared.user_id or 0, shared.phone_number or "")
    created = contact is None
    if contact is None:
        contact = Contact(id=new_id(), name=name, created_at=now.isoformat())
    if shared.phone_number and not contact.phones:
        contact.phones = [{"value": shared.phone_number}]
    contact.telegram_id = contact.telegram_id or (shared.user_id or 0)
    with notebook.batch():
        notebook.save_contact(contact)
        ask_where(notebook, contact.id, now)
    await reply(
        update,
        context,
        render("messages/contact_shared.html", contact=contact, created=created),
        [[(f"📇 {contact.first_name}'s card", button("card", contact.id))]],
    )


def _same_person(notebook: Notebook, name: str, telegram_id: int, phone: str) -> Contact | None:
    digits = "".join(c for c in phone if c.isdigit())
    for contact in notebook.contacts():
        if telegram_id and contact.telegram_id == telegram_id:
            return contact
        if digits and "".join(c for c in contact.phone if c.isdigit()) == digits:
            return contact
        if fold(contact.name) == fold(name):
            return contact
    return None


@for_user
async def on_forward(update: Update, context: Context, notebook: Notebook) -> None:
    """A message forwarded from a person: "Log a touch with X?" (from a channel or a group: a kind pointer)."""
    message = update.effective_message
    assert message is not None
    origin = message.forward_origin
    if isinstance(origin, MessageOriginUser):
        name = clean(origin.sender_user.full_name)[:80]
        telegram_id = origin.sender_user.id
    elif isinstance(origin, MessageOriginHiddenUser):
        name, telegram_id = clean(origin.sender_user_name)[:80], 0
    else:
        await reply(update, context, render("messages/forward_not_a_person.html"))
        return
    text = clean(message.text or message.caption or "")[:MAX_FORWARD_CHARS]
    token = notebook.put_pending("touch", {"name": name, "telegram_id": telegram_id, "text": text})
    await reply(
        update,
        context,
        render("messages/forward_touch.html", name=name),
        [[("✅ Yes", button("pick", token, "yes")), ("No", button("pick", token, "no"))]],
    )


async def _resume_touch(
    update: Update, context: Context, notebook: Notebook, payload: dict, choice: str
) -> None:
    if choice != "yes":
        await reply(update, context, render("messages/capture_dropped.html", question="touch"))
        return
    now, today = local_today(context, notebook)
    contact = _same_person(notebook, payload["name"], payload["telegram_id"], "")
    if contact is None:
        found = resolve(names_of(notebook), payload["name"], fuzzy=False)
        contact = found.contact
    with notebook.batch():
        created = contact is None
        if contact is None:
            contact = Contact(id=new_id(), name=payload["name"], created_at=now.isoformat(), met_on=today.isoformat())
        contact.telegram_id = contact.telegram_id or payload["telegram_id"]
        notebook.save_contact(contact)
        journal.record_touch(notebook, contact, "touch", payload["text"] or "a message", now, today)
    await reply(update, context, render("messages/touch_logged.html", contact=contact, created=created))


@for_user
async def on_location(update: Update, context: Context, notebook: Notebook) -> None:
    """A shared location sets the time zone the morning message follows."""
    message = update.effective_message
    assert message is not None and message.location is not None
    zone = timezone_at(message.location.latitude, message.location.longitude)
    if zone is None:
        await reply(update, context, render("messages/location_unknown.html"))
        return
    await set_timezone(update, context, notebook, zone)


@for_user
async def on_sound_or_sticker(update: Update, context: Context, notebook: Notebook) -> None:
    message = update.effective_message
    kind = "sticker" if message is not None and message.sticker else "voice"
    await reply(update, context, render("messages/not_text.html", kind=kind))


RESUMERS = {"touch": _resume_touch}
