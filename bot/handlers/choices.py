"""Asking "which one?" with buttons, and picking up where the user left off when they tap.

The original request waits in the user's notebook under a short token (so nothing typed is lost, even across a
restart); the button carries only that token and a contact id. Names are never silently guessed: an ambiguous
name ("two Janes") or a typo ("Jnae") always comes back as a question.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update

from bot.callbacks import button, pressed
from bot.coach.errors import UnknownContact
from bot.coach.journal.entries import add_contact
from bot.coach.reading.names import names_of, resolve
from bot.context import Context
from bot.handlers.guard import for_user
from bot.rendering import render
from bot.sending import reply
from bot.store.notebook import Notebook
from bot.store.records import Contact

BY_ID = "#"  # a name slot already settled by a tap: "#<contact id>"
ADD = "+"  # a name slot answered "add them": "+Sam" (someone new, added with one tap; what was typed is kept)

Resumer = Callable[[Update, Context, Notebook, dict[str, Any], str], Awaitable[None]]
Core = Callable[..., Awaitable[None]]


def label(contact: Contact) -> str:
    detail = " · ".join(part for part in (contact.role, contact.company or contact.met_context) if part)
    text = f"{contact.name} · {detail}" if detail else contact.name
    return text[:60]


async def resolve_or_ask(
    update: Update,
    context: Context,
    notebook: Notebook,
    name: str,
    action: str,
    args: dict[str, Any],
    slot: str,
    *,
    offer_add: bool = False,
) -> Contact | None:
    """The contact ``name`` means, or None after asking the user which one (the action resumes on the tap).

    ``offer_add``: someone unknown gets a "➕ Add Sam" button instead of "I don't know anyone called Sam", and the
    action resumes with the new contact, so nothing typed is lost.
    """
    if name.startswith(ADD):
        found_now = resolve(names_of(notebook), name[len(ADD) :], fuzzy=False)
        if found_now.contact is not None and found_now.contact.name == name[len(ADD) :]:
            return found_now.contact  # added already (the same button tapped twice)
        return add_contact(notebook, name[len(ADD) :], context.services.clock.now())
    if name.startswith(BY_ID):
        contact = notebook.contact(name[len(BY_ID) :])
        if contact is None:
            raise UnknownContact("that person (they were deleted)")
        return contact
    found = resolve(names_of(notebook), name)
    if found.contact is not None:
        return found.contact
    options = found.candidates or found.suggestions
    if not options and not offer_add:
        raise UnknownContact(name)
    token = notebook.put_pending(action, {"args": args, "slot": slot})
    buttons = [[(label(c), button("pick", token, c.id))] for c in options[:8]]
    if offer_add and not found.candidates:
        buttons.append([(f"➕ Add {name[:40]}", button("pick", token, "add"))])
    await reply(
        update,
        context,
        render(
            "messages/which.html",
            query=name,
            ambiguous=bool(found.candidates),
            unknown=not options,
            offer_add=offer_add,
        ),
        buttons,
    )
    return None


def resume_with(core: Core) -> Resumer:
    """A resumer that re-runs ``core`` with the tapped contact in the slot that was in question."""

    async def resume(
        update: Update, context: Context, notebook: Notebook, payload: dict[str, Any], choice: str
    ) -> None:
        args = dict(payload["args"])
        slot = payload["slot"]
        args[slot] = ADD + args[slot] if choice == "add" else BY_ID + choice
        await core(update, context, notebook, **args)

    return resume


@for_user
async def on_pick(update: Update, context: Context, notebook: Notebook) -> None:
    query, data = pressed(update)
    pending = notebook.peek_pending(data.args[0]) if data else None
    resumer = context.services.resumers.get(pending["action"]) if pending else None
    if pending is None or resumer is None or data is None:
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    await query.answer()
    if query.message is not None:
        await query.edit_message_reply_markup(reply_markup=None)
    await resumer(update, context, notebook, pending["payload"], data.args[1])
    # Forgotten only once answered: a crash half-way leaves the question to be answered again, not lost.
    notebook.pop_pending(data.args[0])
