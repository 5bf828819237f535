"""/met (and plain "met Jane at ..."), /note, /gave, /got, /done: writing down what happened."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import ContextTypes

from bot.callbacks import button, pressed
from bot.coach import journal
from bot.coach.capture import MAX_TEXT, looks_like_meeting, parse_meeting
from bot.coach.errors import NotUnderstood
from bot.coach.names import split_name_and_rest
from bot.coach.notebook import Notebook
from bot.coach.when import when_in_words
from bot.handlers import goals
from bot.handlers.choices import label, resolve_or_ask, resume_with
from bot.handlers.guard import for_user
from bot.handlers.reply import reply
from bot.handlers.words import command_text, message_text
from bot.rendering import render
from bot.services import local_today


def _who_and_what(update: Update, notebook: Notebook, hint: str, *, what_needed: bool = True) -> tuple[str, str]:
    """The person named at the start of "/cmd Jane Doe the article" (or "/cmd Jane: text") and the rest."""
    name, what = split_name_and_rest(notebook.contacts(), command_text(update))
    if not name or (what_needed and not what):
        raise NotUnderstood(render(hint))
    return name, what


# -- /met ------------------------------------------------------------------------------------------------------------


@for_user
async def met_command(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    text = command_text(update)
    if not text:
        raise NotUnderstood(render("messages/hint_met.txt"))
    await capture_meeting(update, context, notebook, text)


@for_user
async def plain_text(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    """Chat without a command: "Met Jane at the editors happy hour" is a capture; anything else gets a pointer."""
    text = message_text(update)
    if text and looks_like_meeting(text):
        await capture_meeting(update, context, notebook, text)
    elif text and await goals.report_outcome(update, context, notebook, text, None):
        return
    else:
        await reply(update, context, render("messages/chat_hint.html", has_contacts=bool(notebook.contacts())))


async def capture_meeting(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook, text: str) -> None:
    _, today = local_today(context, notebook)
    meeting = parse_meeting(text, today)
    if len(text) > MAX_TEXT:
        meeting.notes = text  # the parser reads a line's worth; the whole message is kept, nothing is lost
    matches = journal.match_people(notebook.contacts(), meeting)
    choices = [m.contact.id if m.contact else (None if not m.candidates else "?") for m in matches]
    await _continue_meeting(update, context, notebook, journal.meeting_to_dict(meeting), choices)


async def _continue_meeting(
    update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook, meeting_data: dict[str, Any], choices: list
) -> None:
    """Ask about the next person who may be someone already known; save once every person is settled."""
    meeting = journal.meeting_from_dict(meeting_data)
    for index, choice in enumerate(choices):
        if choice != "?":
            continue
        mention = meeting.people[index]
        candidates = journal.match_people(notebook.contacts(), meeting)[index].candidates
        token = notebook.put_pending("met", {"meeting": meeting_data, "choices": choices, "index": index})
        buttons = [[(f"Yes: {label(c)}", button("pick", token, c.id))] for c in candidates[:6]]
        buttons.append([(f"No, a new {mention.name}", button("pick", token, journal.NEW))])
        await reply(update, context, render("messages/same_person.html", name=mention.name), buttons)
        return
    now, today = local_today(context, notebook)
    saved = journal.record_meeting(notebook, meeting, [None if c == journal.NEW else c for c in choices], now)
    first = saved.contacts[0]
    draft_kind = "followup" if saved.promises else "thanks"
    await reply(
        update,
        context,
        render(
            "messages/met.html",
            saved=saved,
            meeting=meeting,
            when=when_in_words(meeting.when, today),
            draft_kind=draft_kind,
        ),
        [
            [
                (f"✍️ Draft a note to {first.first_name}", button("draft", draft_kind, first.id)),
                (f"📇 {first.first_name}'s card", button("card", first.id)),
            ]
        ],
    )


async def _resume_meeting(
    update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook, payload: dict[str, Any], choice: str
) -> None:
    choices = list(payload["choices"])
    choices[payload["index"]] = choice
    await _continue_meeting(update, context, notebook, payload["meeting"], choices)


# -- /note -----------------------------------------------------------------------------------------------------------


@for_user
async def note_command(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    name, text = _who_and_what(update, notebook, "messages/hint_note.txt")
    await add_note(update, context, notebook, name=name, text=text)


async def add_note(
    update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook, *, name: str, text: str
) -> None:
    contact = await resolve_or_ask(update, context, notebook, name, "note", {"name": name, "text": text}, "name")
    if contact is None:
        return
    now, today = local_today(context, notebook)
    facts = journal.record_note(notebook, contact, text, now, today)
    if await goals.report_outcome(update, context, notebook, text, contact):
        return
    await reply(update, context, render("messages/noted.html", contact=contact, facts=facts))


# -- /gave and /got --------------------------------------------------------------------------------------------------


@for_user
async def gave_command(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    name, what = _who_and_what(update, notebook, "messages/hint_gave.txt")
    await log_give(update, context, notebook, name=name, what=what)


async def log_give(
    update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook, *, name: str, what: str
) -> None:
    contact = await resolve_or_ask(update, context, notebook, name, "gave", {"name": name, "what": what}, "name")
    if contact is None:
        return
    now, today = local_today(context, notebook)
    journal.record_give(notebook, contact, what, now, today)
    network = notebook.network(about=[contact.id])
    await reply(
        update,
        context,
        render(
            "messages/gave.html",
            contact=contact,
            what=what,
            given=network.count(contact.id, "gave"),
            received=network.count(contact.id, "got"),
        ),
    )


@for_user
async def got_command(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    name, what = _who_and_what(update, notebook, "messages/hint_got.txt")
    await log_help(update, context, notebook, name=name, what=what)


async def log_help(
    update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook, *, name: str, what: str
) -> None:
    contact = await resolve_or_ask(update, context, notebook, name, "got", {"name": name, "what": what}, "name")
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


# -- /done -----------------------------------------------------------------------------------------------------------


@for_user
async def done_command(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    name, what = _who_and_what(update, notebook, "messages/hint_done.txt", what_needed=False)
    await close_promise(update, context, notebook, name=name, what=what)


async def close_promise(
    update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook, *, name: str, what: str
) -> None:
    contact = await resolve_or_ask(update, context, notebook, name, "done", {"name": name, "what": what}, "name")
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


async def _keep(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook, promise_id: str) -> None:
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
async def on_keep(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    query, data = pressed(update)
    if data is None:
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    await query.answer()
    if query.message is not None:
        await query.edit_message_reply_markup(reply_markup=None)
    await _keep(update, context, notebook, data.args[0])


RESUMERS = {
    "met": _resume_meeting,
    "note": resume_with(add_note),
    "gave": resume_with(log_give),
    "got": resume_with(log_help),
    "done": resume_with(close_promise),
}
