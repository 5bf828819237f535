"""Importing a contacts file the user sends: a preview with a question, then one all-or-nothing import.

The file is read in a worker thread (5,000 rows are a good part of a second of CPU) and the handler is
non-blocking, so other users are answered meanwhile. What the preview found waits in a side file next to the
user's notebook (not in memory: a restart between the preview and the tap loses nothing; not in the notebook's
head, which every morning reads), and the question's token in the notebook's pending questions. The import is
one notebook batch: every person is saved, or none is.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time

import orjson
from telegram import Update
from telegram.error import TelegramError

from bot.callbacks import button, pressed
from bot.coach.network.imports import MAX_BYTES, Incoming, Preview, plan_import, preview, read_file
from bot.context import Context
from bot.handlers.guard import for_user
from bot.rendering import render
from bot.sending import reply
from bot.store.notebook import Notebook
from bot.store.notebooks import Store
from bot.store.records import Contact

log = logging.getLogger(__name__)

ACTION = "import"
CHUNK = 1000  # people planned per step; the progress message is edited between steps
PROGRESS_EVERY_S = 1.0  # Telegram frowns on editing one message many times a second
MANY = 50  # past this many saved contacts, rebuilding the whole digest once is cheaper than row by row


def _read_and_preview(file_name: str, data: bytes, contacts: list[Contact]) -> tuple[Preview, bytes]:
    """The preview, and what must wait on disk for the user's answer (serialised here, off the event loop)."""
    found = preview(read_file(file_name, data), contacts)
    waiting = {
        "kind": found.kind,
        "people": [p.to_dict() for p in found.people],
        "matches": {str(i): cid for i, cid in found.matches.items()},
    }
    return found, orjson.dumps(waiting)


def _read_waiting(store: Store, user_id: int, token: str) -> tuple[list[Incoming], dict[int, str]]:
    """The people a preview found, back from the side file (FileNotFoundError when already answered)."""
    waiting = orjson.loads(store.read_side(user_id, f"import-{token}"))
    return [Incoming.from_dict(p) for p in waiting["people"]], {int(i): cid for i, cid in waiting["matches"].items()}


@for_user
async def on_document(update: Update, context: Context, notebook: Notebook) -> None:
    message = update.effective_message
    user = update.effective_user
    assert message is not None and message.document is not None and user is not None
    document = message.document
    if document.file_size and document.file_size > MAX_BYTES:
        await reply(update, context, render("messages/import_too_big.html"))
        return
    try:
        data = bytes(await (await document.get_file()).download_as_bytearray())
    except TelegramError as error:  # Telegram would not hand it over (too big for bots, gone) or the line broke
        log.warning("user %s: a file could not be fetched from Telegram: %s", user.id, error)
        await reply(update, context, render("messages/import_not_fetched.html"))
        return
    contacts = [dataclasses.replace(c) for c in notebook.contacts()]
    found, waiting = await asyncio.to_thread(_read_and_preview, document.file_name or "", data, contacts)
    if not found.people:
        await reply(update, context, render("messages/import_nobody.html", found=found))
        return
    token = notebook.put_pending(ACTION, {"people": len(found.people), "kind": found.kind})
    await asyncio.to_thread(context.services.store.write_side, user.id, f"import-{token}", waiting)
    examples = [found.people[i].name for i in sorted(found.matches)[:3]]
    if found.matches:
        buttons = [
            [("🔗 Merge them", button("import", token, "merge")), ("Skip them", button("import", token, "skip"))],
            [("Cancel", button("import", token, "cancel"))],
        ]
    else:
        buttons = [[(f"📥 Import {len(found.people):,}", button("import", token, "merge"))],
                   [("Cancel", button("import", token, "cancel"))]]  # fmt: skip
    await reply(update, context, render("messages/import_preview.html", found=found, examples=examples), buttons)


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
    token, choice = data.args
    store = context.services.store
    if choice == "cancel":
        notebook.pop_pending(token)
        store.delete_side(user.id, f"import-{token}")
        await query.edit_message_text(render("messages/import_cancelled.html"))
        return
    try:
        people, matches = await asyncio.to_thread(_read_waiting, store, user.id, token)
    except FileNotFoundError:
        notebook.pop_pending(token)
        await query.edit_message_text(render("messages/expired.html"))
        return
    await _run_import(update, context, notebook, token, people, matches, merge=choice == "merge")
    store.delete_side(user.id, f"import-{token}")


def _save_all(notebook: Notebook, contacts: list[Contact], token: str) -> None:
    """One batch: every person is saved and the question is closed, or (on any failure) nothing is; a crash
    right after cannot leave a Merge button that would import everyone a second time.

    Runs in a worker thread (thousands of records take a tenth of a second to write): safe because the handler
    holds the user's turn (Store.hold), so nothing else reads or writes this notebook meanwhile.
    """
    with notebook.batch():
        for contact in contacts:
            notebook.save_contact(contact)
        if len(contacts) > MANY:
            notebook.rebuild_digest()
        notebook.pop_pending(token)


async def _run_import(
    update: Update,
    context: Context,
    notebook: Notebook,
    token: str,
    people: list[Incoming],
    matches: dict[int, str],
    *,
    merge: bool,
) -> None:
    query = update.callback_query
    assert query is not None
    now = context.services.clock.now()
    total = len(people)

    async def progress(done: int) -> None:
        text = render("messages/import_progress.html", done=done, total=total)
        await query.edit_message_text(text)

    await progress(0)
    last_edit = time.monotonic()
    # Plan in steps off the event loop, on a snapshot; contacts filled in by an earlier step carry on to the next.
    known = {c.id: dataclasses.replace(c) for c in notebook.contacts()}
    new: list[Contact] = []
    updated: dict[str, Contact] = {}
    skipped = 0
    for start in range(0, total, CHUNK):
        step = {i - start: cid for i, cid in matches.items() if start <= i < start + CHUNK}
        planned = await asyncio.to_thread(plan_import, people[start : start + CHUNK], step, known, merge, now)
        new += planned.new
        skipped += planned.skipped
        for contact in planned.updated:
            known[contact.id] = updated[contact.id] = contact
        if time.monotonic() - last_edit >= PROGRESS_EVERY_S and start + CHUNK < total:
            await progress(start + CHUNK)
            last_edit = time.monotonic()
    await asyncio.to_thread(_save_all, notebook, [*new, *updated.values()], token)
    text = render(
        "messages/import_done.html", added=len(new), merged=len(updated), same=len(matches) - skipped - len(updated),
        skipped=skipped,
    )  # fmt: skip
    await query.edit_message_text(text)
