"""/draft <kind> <who>: a personal note from real context, in its own message, ready to copy."""

from __future__ import annotations

import re
from datetime import date

from telegram import Update
from telegram.ext import ContextTypes

from bot.callbacks import button, pressed
from bot.coach import journal
from bot.coach.drafts import DRAFT_KINDS, KIND_HELP, Draft, draft_note
from bot.coach.errors import NotUnderstood
from bot.coach.models import Contact
from bot.coach.names import fold, resolve, split_name_and_rest
from bot.coach.notebook import Notebook
from bot.handlers.choices import resolve_or_ask, resume_with
from bot.handlers.guard import for_user
from bot.handlers.reply import reply, send
from bot.handlers.words import command_text
from bot.rendering import render
from bot.services import local_today

# The words people actually type for each kind.
KIND_WORDS = {
    "thanks": "thanks",
    "thank": "thanks",
    "thankyou": "thanks",
    "thx": "thanks",
    "ty": "thanks",
    "followup": "followup",
    "follow": "followup",
    "fu": "followup",
    "reconnect": "reconnect",
    "catchup": "reconnect",
    "checkin": "reconnect",
    "ping": "reconnect",
    "share": "share",
    "give": "share",
    "pass": "share",
    "intro": "intro",
    "introduce": "intro",
    "congrats": "congrats",
    "congratulate": "congrats",
    "congratulations": "congrats",
    "congrat": "congrats",
    "introduction": "intro",
}
_JOINERS = re.compile(r"^(?:and|&|\+|,|to|with)\s+", re.IGNORECASE)


def split_kind(text: str) -> tuple[str | None, str]:
    """("thanks", "Jane") from "thanks Jane", "thank-you Jane", "follow up Jane"; (None, text) if no kind word."""
    words = text.split(maxsplit=2)
    if not words:
        return None, ""
    first = re.sub(r"[^a-z]", "", fold(words[0]))
    if first == "follow" and len(words) > 1 and fold(words[1]) == "up":
        return "followup", words[2] if len(words) > 2 else ""
    kind = KIND_WORDS.get(first)
    rest = text.split(maxsplit=1)[1] if len(words) > 1 else ""
    return (kind, rest) if kind else (None, text)


@for_user
async def draft_command(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    text = command_text(update)
    kind, rest = split_kind(text)
    person = resolve(notebook.contacts(), text, fuzzy=False).contact if kind is None and text else None
    if person is not None:
        # "/draft Jane": the person is clear, the kind is not - offer the kinds that fit her.
        await reply(update, context, render("messages/draft_which_kind.html", contact=person), _kind_buttons(person))
        return
    if kind is None or not rest.strip():
        await reply(
            update, context, render("messages/draft_help.html", kinds=KIND_HELP, typed=text, has_kind=bool(kind))
        )
        return
    if kind == "intro":
        first, second = split_name_and_rest(notebook.contacts(), rest)
        second = _JOINERS.sub("", second.strip()).strip()
        if not first or not second:
            raise NotUnderstood(render("messages/hint_intro.txt"))
        await write_draft(update, context, notebook, kind=kind, name=first, other=second)
    else:
        await write_draft(update, context, notebook, kind=kind, name=rest.strip(), other="")


def _kind_buttons(contact: Contact) -> list[list[tuple[str, str]]]:
    kinds = [("🙏 Thanks", "thanks"), ("✍️ Follow-up", "followup"), ("👋 Reconnect", "reconnect"), ("🎁 Share", "share")]
    if contact.wins:
        kinds.append(("🎉 Congrats", "congrats"))
    return [[(label, button("draft", kind, contact.id)) for label, kind in kinds[i : i + 3]] for i in (0, 3)]


async def write_draft(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    notebook: Notebook,
    *,
    kind: str,
    name: str,
    other: str,
    variant: int | None = None,
) -> None:
    args = {"kind": kind, "name": name, "other": other}
    contact = await resolve_or_ask(update, context, notebook, name, "draft", args, "name")
    if contact is None:
        return
    other_contact = None
    if other:
        args["name"] = "#" + contact.id
        other_contact = await resolve_or_ask(update, context, notebook, other, "draft", args, "other")
        if other_contact is None:
            return
    await send_draft(update, context, notebook, kind, contact.id, other_contact.id if other_contact else None, variant)


async def send_draft(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    notebook: Notebook,
    kind: str,
    contact_id: str,
    other_id: str | None,
    variant: int | None = None,
) -> None:
    _, today = local_today(context, notebook)
    draft = _draft(notebook, kind, contact_id, other_id, today, variant)
    people = [notebook.contact(cid) for cid in draft.contact_ids]
    ids = [str(draft.variant), *draft.contact_ids]
    chat = update.effective_chat
    assert chat is not None
    await send(context, chat.id, render("messages/draft_intro.html", kind=kind, people=people))
    # The note alone in its own message: a long-press copies exactly what to send, nothing else.
    await send(
        context,
        chat.id,
        render("messages/draft_text.html", text=draft.text),
        [[("✅ I sent it", button("sent", kind, *ids)), ("🔄 Other wording", button("again", kind, *ids))]],
    )


def _draft(
    notebook: Notebook, kind: str, contact_id: str, other_id: str | None, today: date, variant: int | None
) -> Draft:
    people = [contact_id, other_id] if other_id else [contact_id]
    return draft_note(
        kind,
        notebook.network(about=people),
        contact_id,
        today,
        other_id=other_id,
        sender_name=notebook.profile().first_name,
        variant=variant,
    )


@for_user
async def on_draft_button(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    query, data = pressed(update)
    await query.answer()
    if data is None or notebook.contact(data.args[1]) is None:
        await reply(update, context, render("messages/expired.html"))
        return
    await send_draft(update, context, notebook, data.args[0], data.args[1], None)


async def _drafted(update: Update, notebook: Notebook) -> tuple[str, int, list[str]] | None:
    """(kind, variant, contact ids) from a "sent"/"again" button; None (after saying so) if it has expired."""
    query, data = pressed(update)
    if data is not None:
        kind, variant, *ids = data.args
        if all(notebook.contact(cid) for cid in ids):
            return kind, int(variant), ids
    await query.answer(render("messages/expired.txt"), show_alert=True)
    return None


@for_user
async def on_sent(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    drafted = await _drafted(update, notebook)
    if drafted is None:
        return
    kind, variant, ids = drafted
    now, today = local_today(context, notebook)
    # Rebuilt the same way it was shown, to know which open promises the note kept.
    draft = _draft(notebook, kind, ids[0], ids[1] if len(ids) > 1 else None, today, variant)
    closed = journal.record_sent_draft(notebook, kind, ids, draft.promise_ids, now, today)
    query, _ = pressed(update)
    await query.answer("Logged ✅")
    if query.message is not None:
        await query.edit_message_reply_markup(reply_markup=None)
    people = [c for c in (notebook.contact(cid) for cid in ids) if c]
    await reply(update, context, render("messages/sent.html", kind=kind, people=people, closed=closed))


@for_user
async def on_again(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    drafted = await _drafted(update, notebook)
    if drafted is None:
        return
    await update.callback_query.answer()  # type: ignore[union-attr]
    kind, variant, ids = drafted
    await send_draft(update, context, notebook, kind, ids[0], ids[1] if len(ids) > 1 else None, variant + 1)


RESUMERS = {"draft": resume_with(write_draft)}
__all__ = ["DRAFT_KINDS", "RESUMERS"]
