"""Importing a contacts file the user sends: a preview with questions, then one all-or-nothing import.

The file is read in a worker thread (5,000 rows are a good part of a second of CPU) and the handler is
non-blocking, so other users are answered meanwhile. What the preview found waits in a side file next to the
user's notebook (not in memory: a restart between the preview and the tap loses nothing; not in the notebook's
head, which every morning reads), and the question's token in the notebook's pending questions, with a short
summary to redraw the preview from. The answers to "maybe the same?" are kept in the notebook's state while the
user taps (``CHOICES``); nothing is merged unless they said so. The import is one notebook batch: every person and
record is saved, or none is.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import Any

import orjson
from telegram import Update
from telegram.constants import ChatAction
from telegram.error import TelegramError

from bot.callbacks import button, pressed
from bot.coach.network.files import read_file
from bot.coach.network.identity import region_of
from bot.coach.network.imports import Pair, Preview, plan_import, preview
from bot.coach.network.incoming import MAX_BYTES, Incoming
from bot.context import Context, local_today
from bot.handlers.guard import for_user
from bot.rendering import render
from bot.sending import Keyboard, keyboard, reply
from bot.store.notebook import Notebook
from bot.store.notebooks import Store
from bot.store.records import Contact, Fact, Interaction, Promise

log = logging.getLogger(__name__)

ACTION = "import"
CHOICES = "import-choices"  # token -> {"all": "apart"|"same", "pairs": {"3": "same"}}: the answers so far
PAIRS_SHOWN = 5  # "maybe the same" pairs with buttons of their own; the rest follow "all"
MANY = 50  # past this many saved contacts, rebuilding the whole digest once is cheaper than row by row


def _label(contact: Contact) -> str:
    """ "Jane Doe (Acme)": a name and what tells two of that name apart."""
    detail = contact.company or contact.email or contact.phone or contact.role
    return f"{contact.name} ({detail})" if detail else contact.name


def _summary(found: Preview, contacts: dict[str, Contact]) -> dict[str, Any]:
    """What the preview says, small enough to keep with the question and redraw it after each tap."""
    pairs = []
    for pair in found.maybe[:PAIRS_SHOWN]:
        other = contacts[pair.contact_id] if pair.contact_id else found.people[pair.earlier].contact
        pairs.append([_label(found.people[pair.at].contact), _label(other)])
    return {
        "kind": found.kind,
        "people": len(found.people),
        "matches": len(found.matches),
        "examples": [found.people[i].name for i in sorted(found.matches)[:3]],
        "maybe": len(found.maybe),
        "pairs": pairs,
        "repeats": found.repeats,
        "shared": found.shared,
        "nameless": found.nameless,
        "notes": found.notes[:5],
        "skipped_fields": found.skipped_fields,
        "restore": found.restore,
        "entries": sum(len(r) for p in found.people for r in p.records.values()),
    }


def _read_and_preview(
    file_name: str, data: bytes, contacts: list[Contact], region: str
) -> tuple[Preview, dict[str, Any], bytes]:
    """The preview, its summary, and what must wait on disk for the user's answer (serialised here, off the event
    loop)."""
    found = preview(read_file(file_name, data), contacts, region)
    waiting = {
        "kind": found.kind,
        "people": [p.to_dict() for p in found.people],
        "matches": {str(i): cid for i, cid in found.matches.items()},
        "maybe": [list(pair) for pair in found.maybe],
        "profile": found.profile or {},
    }
    return found, _summary(found, {c.id: c for c in contacts}), orjson.dumps(waiting)


def _read_waiting(store: Store, user_id: int, token: str) -> dict[str, Any]:
    """What a preview found, back from the side file (FileNotFoundError when already answered or from before this
    release's preview: sent again, it is read again)."""
    waiting = orjson.loads(store.read_side(user_id, f"import-{token}"))
    if "maybe" not in waiting:
        raise FileNotFoundError(token)
    return {
        "people": [Incoming.from_dict(p) for p in waiting["people"]],
        "matches": {int(i): cid for i, cid in waiting["matches"].items()},
        "maybe": [Pair(*pair) for pair in waiting["maybe"]],
        "profile": waiting.get("profile") or {},
    }


@for_user
async def on_document(update: Update, context: Context, notebook: Notebook) -> None:
    message = update.effective_message
    user = update.effective_user
    assert message is not None and message.document is not None and user is not None
    document = message.document
    if document.file_size and document.file_size > MAX_BYTES:
        await reply(update, context, render("messages/import_too_big.html"))
        return
    await context.bot.send_chat_action(message.chat_id, ChatAction.TYPING)
    try:
        data = bytes(await (await document.get_file()).download_as_bytearray())
    except TelegramError as error:  # Telegram would not hand it over (too big for bots, gone) or the line broke
        log.warning("user %s: a file could not be fetched from Telegram: %s", user.id, error)
        await reply(update, context, render("messages/import_not_fetched.html"))
        return
    contacts = [dataclasses.replace(c) for c in notebook.contacts()]
    region = region_of(notebook.profile().timezone)
    found, summary, waiting = await asyncio.to_thread(
        _read_and_preview, document.file_name or "", data, contacts, region
    )
    del data
    if not found.people:
        await reply(update, context, render("messages/import_nobody.html", found=found))
        return
    token = notebook.put_pending(ACTION, summary)
    await asyncio.to_thread(context.services.store.write_side, user.id, f"import-{token}", waiting)
    text, buttons = _question(token, summary, {})
    await reply(update, context, text, buttons)


def _question(token: str, summary: dict[str, Any], choices: dict[str, Any]) -> tuple[str, Keyboard]:
    """The preview and its buttons, with the answers given so far."""
    every = choices.get("all", "apart")
    answers = [choices.get("pairs", {}).get(str(i), every) for i in range(len(summary["pairs"]))]
    text = render("messages/import_preview.html", s=summary, answers=answers, every=every)
    buttons: list[list[tuple[str, str]]] = []
    for i, answer in enumerate(answers):
        buttons.append([
            (f"{'✅' if answer == 'same' else '🔗'} {i + 1} same", button("import", token, "same", str(i))),
            (f"{'✅' if answer == 'apart' else '👥'} {i + 1} two people", button("import", token, "apart", str(i))),
        ])  # fmt: skip
    if summary["maybe"] > len(answers) or len(answers) > 1:
        everyone = "all" if summary["maybe"] <= len(answers) else f"all {summary['maybe']}"
        buttons.append([
            (f"{'✅' if every == 'same' else '🔗'} {everyone} same", button("import", token, "allsame")),
            (f"{'✅' if every == 'apart' else '👥'} {everyone} apart", button("import", token, "allapart")),
        ])  # fmt: skip
    label = "♻️ Restore" if summary["restore"] else "📥 Import"
    buttons.append([(f"{label} {summary['people']:,}", button("import", token, "go")),
                    ("Cancel", button("import", token, "cancel"))])  # fmt: skip
    return text, buttons


@for_user
async def on_import(update: Update, context: Context, notebook: Notebook) -> None:
    query, data = pressed(update)
    user = update.effective_user
    assert user is not None
    pending = notebook.peek_pending(data.args[0]) if data else None
    if data is None or pending is None or pending.get("action") != ACTION:
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    await query.answer()
    token, choice = data.args[0], data.args[1]
    summary: dict[str, Any] = pending["payload"]
    store = context.services.store
    all_choices: dict[str, Any] = dict(notebook.get_state(CHOICES) or {})
    choices: dict[str, Any] = dict(all_choices.get(token) or {})
    if choice in ("same", "apart") and len(data.args) < 3:
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    if choice in ("same", "apart", "allsame", "allapart"):
        if choice.startswith("all"):
            choices = {"all": choice[3:]}
        else:
            choices["pairs"] = {**choices.get("pairs", {}), data.args[2]: choice}
        all_choices = {t: c for t, c in all_choices.items() if notebook.peek_pending(t) is not None}
        notebook.set_state(CHOICES, {**all_choices, token: choices})
        text, buttons = _question(token, summary, choices)
        await query.edit_message_text(text, reply_markup=keyboard(buttons))
        return
    if choice == "cancel":
        _close(notebook, token)
        store.delete_side(user.id, f"import-{token}")
        await query.edit_message_text(render("messages/import_cancelled.html"))
        return
    try:
        waiting = await asyncio.to_thread(_read_waiting, store, user.id, token)
    except FileNotFoundError:
        _close(notebook, token)
        await query.edit_message_text(render("messages/expired.html"))
        return
    every = choices.get("all", "apart")
    together = [
        pair for i, pair in enumerate(waiting["maybe"]) if choices.get("pairs", {}).get(str(i), every) == "same"
    ]
    await _run_import(update, context, notebook, token, waiting, together)
    store.delete_side(user.id, f"import-{token}")


def _close(notebook: Notebook, token: str) -> None:
    with notebook.batch():
        notebook.pop_pending(token)
        choices = dict(notebook.get_state(CHOICES) or {})
        if choices.pop(token, None) is not None:
            notebook.set_state(CHOICES, choices)


def _save_all(notebook: Notebook, contacts: list[Contact], records: dict[str, list[dict[str, Any]]],
              profile: dict[str, Any], token: str) -> None:  # fmt: skip
    """One batch: every person and record is saved and the question is closed, or (on any failure) nothing is; a
    crash right after cannot leave an Import button that would import everyone a second time.

    Runs in a worker thread (thousands of records take a tenth of a second to write): safe because the handler
    holds the user's turn (Store.hold), so nothing else reads or writes this notebook meanwhile.
    """
    with notebook.batch():
        notebook.save_many(
            contacts,
            [Interaction.from_dict(doc) for doc in records.get("interactions", [])],
            [Promise.from_dict(doc) for doc in records.get("promises", [])],
            [Fact.from_dict(doc) for doc in records.get("facts", [])],
        )
        if profile.get("goals") or profile.get("offers"):
            mine = notebook.profile()
            known = {g.get("id") for g in mine.goals}
            mine.goals += [g for g in profile.get("goals", []) if isinstance(g, dict) and g.get("id") not in known]
            mine.offers += [o for o in profile.get("offers", []) if isinstance(o, str) and o not in mine.offers]
            notebook.save_profile(mine)
        if len(contacts) > MANY:
            notebook.rebuild_digest()
        _close(notebook, token)


async def _run_import(
    update: Update,
    context: Context,
    notebook: Notebook,
    token: str,
    waiting: dict[str, Any],
    together: list[Pair],
) -> None:
    query = update.callback_query
    assert query is not None
    now, today = local_today(context, notebook)
    people: list[Incoming] = waiting["people"]
    await query.edit_message_text(
        render("messages/import_progress.html", done=0, total=len(people))
    )
    # Planned off the event loop, on a snapshot; every id is checked against every record id of the notebook.
    known = {c.id: dataclasses.replace(c) for c in notebook.contacts()}
    taken = {*known, *(i.id for i in notebook.interactions()), *(p.id for p in notebook.promises()),
             *(f.id for f in notebook.facts())}  # fmt: skip
    planned = await asyncio.to_thread(
        plan_import, people, waiting["matches"], known, now, together=together, today=today.isoformat(), taken=taken
    )
    contacts = [*planned.new, *planned.updated]
    await asyncio.to_thread(_save_all, notebook, contacts, planned.records, waiting["profile"], token)
    text = render(
        "messages/import_done.html",
        added=len(planned.new),
        merged=len(planned.updated),
        same=planned.same,
        entries=sum(len(r) for r in planned.records.values()),
    )
    await query.edit_message_text(text)
