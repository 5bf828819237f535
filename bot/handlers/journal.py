"""What happens after a meeting, logged as it is said: /note, /gave (a give), /got (help received) and /done (a
promise kept), each naming the person first, and the button that keeps a promise."""

from __future__ import annotations

from datetime import date

from telegram import Update

from bot.callbacks import button, pressed
from bot.coach.errors import NotUnderstood
from bot.coach.journal import entries as journal
from bot.coach.reading.dates import when_in_words
from bot.coach.reading.names import split_name_and_rest
from bot.coach.saying.debts import helped_you
from bot.context import Context, local_today
from bot.handlers import goals
from bot.handlers.choices import resolve_or_ask, resume_with
from bot.handlers.guard import for_user
from bot.handlers.words import command_text
from bot.rendering import render
from bot.sending import reply
from bot.store.notebook import Notebook
from bot.store.view import network_of

AWAITING_FIX = "awaiting_fix"  # notebook state while "✏️ Fix" waits for the corrected line
AWAITING_WHERE = "awaiting_where"  # after a shared contact: "where did you meet?" waits for the answer
WHERE_MINUTES = 30


def _who_and_what(update: Update, notebook: Notebook, hint: str, *, what_needed: bool = True) -> tuple[str, str]:
    """The person named at the start of "/cmd Jane Doe the article" (or "/cmd Jane: text") and the rest."""
    name, what = split_name_and_rest(notebook.contacts(), command_text(update))
    if not name or (what_needed and not what):
        raise NotUnderstood(render(hint))
    return name, what


@for_user
async def note_command(update: Update, context: Context, notebook: Notebook) -> None:
    name, text = _who_and_what(update, notebook, "messages/hint_note.txt")
    await add_note(update, context, notebook, name=name, text=text)


async def add_note(update: Update, context: Context, notebook: Notebook, *, name: str, text: str) -> None:
    contact = await resolve_or_ask(
        update, context, notebook, name, "note", {"name": name, "text": text}, "name", offer_add=True
    )
    if contact is None:
        return
    now, today = local_today(context, notebook)
    noted = journal.record_note(notebook, contact, text, now, today)
    if await goals.report_outcome(update, context, notebook, text, contact):
        return
    dated = [(p, when_in_words(date.fromisoformat(p.due_on), today) if p.due_on else "") for p in noted.dated]
    await reply(update, context, render("messages/noted.html", contact=contact, facts=noted.facts, dated=dated))


@for_user
async def gave_command(update: Update, context: Context, notebook: Notebook) -> None:
    name, what = _who_and_what(update, notebook, "messages/hint_gave.txt")
    await log_give(update, context, notebook, name=name, what=what)


async def log_give(update: Update, context: Context, notebook: Notebook, *, name: str, what: str) -> None:
    contact = await resolve_or_ask(
        update, context, notebook, name, "gave", {"name": name, "what": what}, "name", offer_add=True
    )
    if contact is None:
        return
    now, today = local_today(context, notebook)
    journal.record_give(notebook, contact, what, now, today)
    network = network_of(notebook, about=[contact.id])
    # A give to someone still owed a thank-you may have been the thank-you: ask once, rather than keep reminding.
    owed = sorted(network.open_promises(contact.id, "thanks"), key=lambda p: p.made_on)[-1:]
    await reply(
        update,
        context,
        render(
            "messages/gave.html",
            contact=contact,
            what=what,
            given=network.count(contact.id, "gave"),
            received=network.count(contact.id, "got"),
            owed=helped_you(owed[0].text) if owed else "",
        ),
        [[("✅ Yes, that thanked them", button("keep", owed[0].id))]] if owed else None,
    )


@for_user
async def got_command(update: Update, context: Context, notebook: Notebook) -> None:
    name, what = _who_and_what(update, notebook, "messages/hint_got.txt")
    await log_help(update, context, notebook, name=name, what=what)


async def log_help(update: Update, context: Context, notebook: Notebook, *, name: str, what: str) -> None:
    contact = await resolve_or_ask(
        update, context, notebook, name, "got", {"name": name, "what": what}, "name", offer_add=True
    )
    if contact is None:
        return
    now, today = local_today(context, notebook)
    journal.record_help(notebook, contact, what, now, today)
    await reply(
        update,
        context,
        render("messages/got.html", contact=contact, what=what),
        [[(f"✍️ Draft a thank-you to {contact.first_name}", button("draft", "thanks", contact.id))]],
    )


@for_user
async def done_command(update: Update, context: Context, notebook: Notebook) -> None:
    name, what = _who_and_what(update, notebook, "messages/hint_done.txt", what_needed=False)
    await close_promise(update, context, notebook, name=name, what=what)


async def close_promise(update: Update, context: Context, notebook: Notebook, *, name: str, what: str) -> None:
    contact = await resolve_or_ask(
        update, context, notebook, name, "done", {"name": name, "what": what}, "name", offer_add=True
    )
    if contact is None:
        return
    matches = journal.find_promises(notebook.promises(contact.id), what)
    if len(matches) != 1:
        # None open, or several: show them as buttons rather than guess which one was kept.
        buttons = [[(f"✅ {p.text[:50]}", button("keep", p.id))] for p in matches[:8]]
        await reply(
            update, context, render("messages/done_which.html", contact=contact, what=what, count=len(matches)), buttons
        )
        return
    await _keep(update, context, notebook, matches[0].id)


async def _keep(update: Update, context: Context, notebook: Notebook, promise_id: str) -> None:
    promise = notebook.promise(promise_id)
    if promise is None or not promise.is_open:
        await reply(
            update, context, render("messages/expired.html" if promise is None else "messages/already_done.html")
        )
        return
    now, today = local_today(context, notebook)
    journal.keep_promise(notebook, promise, now, today)
    contact = notebook.contact(promise.contact_id)
    await reply(update, context, render("messages/kept.html", promise=promise, contact=contact))


@for_user
async def on_keep(update: Update, context: Context, notebook: Notebook) -> None:
    query, data = pressed(update)
    if data is None:
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    await query.answer()
    if query.message is not None:
        await query.edit_message_reply_markup(reply_markup=None)
    await _keep(update, context, notebook, data.args[0])


RESUMERS = {
    "note": resume_with(add_note),
    "gave": resume_with(log_give),
    "got": resume_with(log_help),
    "done": resume_with(close_promise),
}
