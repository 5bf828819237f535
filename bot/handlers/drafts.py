"""/draft <kind> <who>: a personal note from real context, in its own message, ready to copy."""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from telegram import CopyTextButton, InlineKeyboardButton, Update

from bot.callbacks import button, pressed
from bot.coach.errors import NotUnderstood
from bot.coach.journal import entries as journal
from bot.coach.planning.goals import open_goals
from bot.coach.planning.nudges import Nudge
from bot.coach.reading.facts import NEWS_KINDS
from bot.coach.reading.names import fold, names_of, resolve, split_name_and_rest
from bot.coach.saying.known import known_in
from bot.coach.writing.drafts import (
    COPY_LIMIT,
    DRAFT_KINDS,
    INTRODUCE,
    KIND_HELP,
    STYLES,
    VARIANTS,
    Draft,
    coach_draft,
    draft_note,
)
from bot.context import Context, local_today
from bot.handlers.choices import resolve_or_ask, resume_with
from bot.handlers.guard import for_user
from bot.handlers.words import command_text
from bot.rendering import render
from bot.sending import keyboard, reply, send
from bot.store.notebook import Notebook
from bot.store.records import Contact
from bot.store.view import network_of

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
Keyboard = list[list[tuple[str, str] | InlineKeyboardButton]]
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
async def draft_command(update: Update, context: Context, notebook: Notebook) -> None:
    text = command_text(update)
    kind, rest = split_kind(text)
    person = resolve(names_of(notebook), text, fuzzy=False).contact if kind is None and text else None
    if person is not None:
        # "/draft Jane": the person is clear, the kind is not - offer the kinds that fit her.
        _, today = local_today(context, notebook)
        has_news = bool(known_in(network_of(notebook, about=[person.id]), person.id, today).of(*NEWS_KINDS))
        buttons = _kind_buttons(person, has_news)
        await reply(update, context, render("messages/draft_which_kind.html", contact=person), buttons)
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


def _kind_buttons(contact: Contact, has_news: bool) -> list[list[tuple[str, str]]]:
    kinds = [("🙏 Thanks", "thanks"), ("✍️ Follow-up", "followup"), ("👋 Reconnect", "reconnect"), ("🎁 Share", "share")]
    if has_news:
        kinds.append(("🎉 Congrats", "congrats"))
    return [[(label, button("draft", kind, contact.id)) for label, kind in kinds[i : i + 3]] for i in (0, 3)]


async def write_draft(
    update: Update,
    context: Context,
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
    context: Context,
    notebook: Notebook,
    kind: str,
    contact_id: str,
    other_id: str | None,
    variant: int | None = None,
    style: str = "warm",
) -> None:
    """A header saying what the note is (and what to paste), then the note alone in its own message.

    An intro is two asks, one to each person (double opt-in), with one "Both said yes" tap for the intro itself.
    """
    _, today = local_today(context, notebook)
    chat = update.effective_chat
    assert chat is not None
    if kind == "intro" and other_id:
        ask_first = _draft(notebook, "intro", contact_id, other_id, today, variant, style)
        ask_second = _draft(notebook, "intro", other_id, contact_id, today, variant, style)
        people = [notebook.contact(contact_id), notebook.contact(other_id)]
        await send(context, chat.id, render("messages/draft_intro_asks.html", people=people, reason=ask_first.reason))
        await send(context, chat.id, _draft_html(ask_first), _draft_buttons(notebook, ask_first))
        await send(context, chat.id, _draft_html(ask_second), _draft_buttons(notebook, ask_second))
        return
    draft = _draft(notebook, kind, contact_id, other_id, today, variant, style)
    people = [notebook.contact(cid) for cid in draft.contact_ids]
    header = render("messages/draft_intro.html", kind=kind, people=people, paste=draft.paste, reason=draft.reason)
    await send(context, chat.id, header)
    # The note alone in its own message: a long-press copies exactly what to send, nothing else.
    await send(context, chat.id, _draft_html(draft), _draft_buttons(notebook, draft))


def _draft_html(draft: Draft) -> str:
    return _draft_html_text(draft.text)


async def send_coach_draft(
    update: Update, context: Context, notebook: Notebook, nudge: Nudge, token: str, name: str
) -> None:
    """The draft a morning step carries (an ask, a close-the-loop, an offer, a birthday wish), in its own message
    with Copy and the rewording buttons like every other draft; Done on the step logs it."""
    chat = update.effective_chat
    assert chat is not None
    assert nudge.draft_kind is not None
    await send(context, chat.id, render("messages/coach_draft_intro.html", kind=nudge.draft_kind, name=name))
    text = coach_draft(nudge.draft_kind, nudge.slots, notebook.profile().first_name)
    await send(context, chat.id, render("messages/draft_text.html", text=text), _reword_buttons(token, text, 0, "warm"))


def _reword_buttons(token: str, text: str, variant: int, style: str) -> Keyboard:
    """Copy (where Telegram allows it); Other wording; Shorter / More formal / Warmer: a step's draft is kept with
    the step, so its token is all a button needs."""
    rows: Keyboard = []
    if len(text) <= COPY_LIMIT:
        rows.append([InlineKeyboardButton("📋 Copy", copy_text=CopyTextButton(text))])
    rows.append([("🔄 Other wording", button("reword", token, f"{(variant + 1) % VARIANTS}{style[0]}"))])
    restyle = [("✂️ Shorter", "short"), ("🎩 More formal", "formal"), ("🙂 Warmer", "warm")]
    rows.append([(label, button("reword", token, f"{variant}{s[0]}")) for label, s in restyle if s != style])
    return rows


@for_user
async def on_reword(update: Update, context: Context, notebook: Notebook) -> None:
    """Other wording, Shorter, More formal on a step's draft: edited in place while the step is open."""
    query, data = pressed(update)
    pending = notebook.peek_pending(data.args[0]) if data else None
    if data is None or pending is None or pending["action"] != "nudge":
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    await query.answer()
    nudge = Nudge(**pending["payload"])
    token, phrasing = data.args
    variant, style = int(phrasing[0]), _STYLE_OF[phrasing[1]]
    text = coach_draft(nudge.draft_kind or "", nudge.slots, notebook.profile().first_name, variant, style)
    buttons = _reword_buttons(token, text, variant, style)
    if query.message is None:
        await reply(update, context, _draft_html_text(text), buttons)
        return
    await query.edit_message_text(_draft_html_text(text), reply_markup=keyboard(buttons))


def _draft_html_text(text: str) -> str:
    return render("messages/draft_text.html", text=text)


def _draft_buttons(notebook: Notebook, draft: Draft) -> list[list[tuple[str, str] | InlineKeyboardButton]]:
    """Copy (where Telegram allows it) and Open chat; I sent it and Other wording; Shorter / More formal / Warmer."""
    kind, v = draft.kind, draft.variant
    ids = draft.contact_ids if kind in ("intro", INTRODUCE) else draft.contact_ids[:1]  # a share may name a helper
    shown = f"{v}{draft.style[0]}"
    rows: list[list[tuple[str, str] | InlineKeyboardButton]] = []
    send_row: list[tuple[str, str] | InlineKeyboardButton] = []
    if draft.fits_copy_button:
        send_row.append(InlineKeyboardButton("📋 Copy", copy_text=CopyTextButton(draft.text)))
    addressee = notebook.contact(draft.contact_ids[0])
    if addressee is not None and addressee.username and draft.kind != INTRODUCE:
        send_row.append(InlineKeyboardButton("💬 Open chat", url=f"https://t.me/{addressee.username}"))
    if send_row:
        rows.append(send_row)
    rows.append(
        [
            ("✅ I sent it", button("sent", kind, shown, *ids)),
            ("🔄 Other wording", button("again", kind, f"{(v + 1) % VARIANTS}{draft.style[0]}", *ids)),
        ]
    )
    restyle = [("✂️ Shorter", "short"), ("🎩 More formal", "formal"), ("🙂 Warmer", "warm")]
    rows.append([(label, button("again", kind, f"{v}{s[0]}", *ids)) for label, s in restyle if s != draft.style])
    if kind == "intro":  # step 2 is one tap away from either ask
        rows.append([("🤝 Both said yes - write the intro", button("yes", *ids))])
    return rows


def _draft(
    notebook: Notebook,
    kind: str,
    contact_id: str,
    other_id: str | None,
    today: date,
    variant: int | None,
    style: str = "warm",
) -> Draft:
    people = [contact_id, other_id] if other_id else [contact_id]
    profile = notebook.profile()
    return draft_note(
        kind,
        network_of(notebook, about=people),
        contact_id,
        today,
        other_id=other_id,
        sender_name=profile.first_name,
        variant=variant,
        style=style,
        goals=[goal["text"] for goal in open_goals(profile.goals)],
    )


@for_user
async def on_draft_button(update: Update, context: Context, notebook: Notebook) -> None:
    query, data = pressed(update)
    await query.answer()
    if data is None or notebook.contact(data.args[1]) is None:
        await reply(update, context, render("messages/expired.html"))
        return
    await send_draft(update, context, notebook, data.args[0], data.args[1], None)


class Drafted(NamedTuple):
    """What a "sent"/"again" button names: the draft's kind, wording, style and people."""

    kind: str
    variant: int
    style: str
    ids: list[str]

    @property
    def other(self) -> str | None:
        return self.ids[1] if len(self.ids) > 1 else None


_STYLE_OF = {style[0]: style for style in STYLES}


async def _drafted(update: Update, notebook: Notebook) -> Drafted | None:
    """The draft a "sent"/"again" button names; None (after saying so) if it has expired."""
    query, data = pressed(update)
    if data is not None:
        kind, phrasing, *ids = data.args
        if all(notebook.contact(cid) for cid in ids):
            return Drafted(kind, int(phrasing[0]), _STYLE_OF[phrasing[1]], ids)
    await query.answer(render("messages/expired.txt"), show_alert=True)
    return None


@for_user
async def on_sent(update: Update, context: Context, notebook: Notebook) -> None:
    drafted = await _drafted(update, notebook)
    if drafted is None:
        return
    now, today = local_today(context, notebook)
    # Rebuilt the same way it was shown, to know which open promises the note kept.
    draft = _draft(notebook, drafted.kind, drafted.ids[0], drafted.other, today, drafted.variant, drafted.style)
    with notebook.batch():
        logged, closed = journal.record_sent_draft(notebook, drafted.kind, drafted.ids, draft.promise_ids, now, today)
    query, _ = pressed(update)
    await query.answer("Logged ✅")
    if query.message is not None:
        await query.edit_message_reply_markup(reply_markup=None)
    people = [c for c in (notebook.contact(cid) for cid in logged) if c]
    await reply(update, context, render("messages/sent.html", kind=drafted.kind, people=people, closed=closed))


@for_user
async def on_again(update: Update, context: Context, notebook: Notebook) -> None:
    """Other wording, Shorter, More formal: the draft message is edited in place."""
    drafted = await _drafted(update, notebook)
    if drafted is None:
        return
    query, _ = pressed(update)
    await query.answer()
    _, today = local_today(context, notebook)
    draft = _draft(notebook, drafted.kind, drafted.ids[0], drafted.other, today, drafted.variant, drafted.style)
    buttons = _draft_buttons(notebook, draft)
    if query.message is None:
        await reply(update, context, _draft_html(draft), buttons)
        return
    await query.edit_message_text(_draft_html(draft), reply_markup=keyboard(buttons))


@for_user
async def on_both_said_yes(update: Update, context: Context, notebook: Notebook) -> None:
    """Step 2 of an intro: both said yes, so here is the introduction itself, to both."""
    query, data = pressed(update)
    if data is None or not all(notebook.contact(cid) for cid in data.args):
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    await query.answer()
    if query.message is not None:
        await query.edit_message_reply_markup(reply_markup=None)
    first, second = data.args
    await send_draft(update, context, notebook, INTRODUCE, first, second)


RESUMERS = {"draft": resume_with(write_draft)}
__all__ = ["DRAFT_KINDS", "RESUMERS"]
