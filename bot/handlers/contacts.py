"""/contacts, /contact and /forget: seeing and pruning the people you know."""

from __future__ import annotations

from datetime import date

from telegram import Update

from bot.callbacks import button, pressed
from bot.coach.journal.captures import forget_contact
from bot.coach.journal.entries import linked_people
from bot.coach.network.search import Hit, search
from bot.coach.planning.strength import tie_strength
from bot.coach.reading.dates import birthday_in_words, when_in_words
from bot.coach.reading.names import names_of, resolve
from bot.context import Context, local_today
from bot.handlers.choices import label, resolve_or_ask, resume_with
from bot.handlers.guard import for_user
from bot.handlers.network import show_tagged
from bot.handlers.words import command_text
from bot.rendering import render
from bot.sending import keyboard, reply
from bot.store.notebook import Notebook
from bot.store.records import Contact
from bot.store.view import Network, network_of

PAGE_SIZE = 10
# How each kind of logged interaction reads on a card's timeline.
TIMELINE_LABELS = {
    "note": "note",
    "gave": "you gave",
    "got": "they helped",
    "thanked": "you thanked them",
    "followed_up": "you followed up",
    "kept": "promise kept",
    "touch": "in touch",
}
TIMELINE_SHOWN = 8


def by_recent_activity(network: Network) -> list[Contact]:
    """Most recently active first (anything logged counts); people never touched sort by when they were added."""
    return sorted(network.contacts, key=lambda c: network.last_activity(c.id), reverse=True)


# -- /contacts -------------------------------------------------------------------------------------------------------


@for_user
async def contacts_command(update: Update, context: Context, notebook: Notebook) -> None:
    if command_text(update).startswith("#"):  # /contacts #investor
        await show_tagged(update, context, notebook, command_text(update))
        return
    await _show_page(update, context, notebook, 0, edit=False)


@for_user
async def on_page(update: Update, context: Context, notebook: Notebook) -> None:
    query, data = pressed(update)
    await query.answer()
    await _show_page(update, context, notebook, int(data.args[0]) if data else 0, edit=True)


async def _show_page(
    update: Update, context: Context, notebook: Notebook, page: int, *, edit: bool
) -> None:
    network = network_of(notebook)
    people = by_recent_activity(network)
    pages = max(1, -(-len(people) // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    _, today = local_today(context, notebook)
    shown = people[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    rows = [
        {
            "contact": c,
            "last": when_in_words(touched, today) if (touched := network.last_touch(c.id)) else "",
            "open": len(network.open_promises(c.id)),
        }
        for c in shown
    ]
    text = render("messages/contacts.html", rows=rows, page=page, pages=pages, total=len(people))
    buttons = [[(f"📇 {c.name[:28]}", button("card", c.id)) for c in shown[i : i + 2]] for i in range(0, len(shown), 2)]
    nav = []
    if page > 0:
        nav.append(("‹ Newer", button("page", str(page - 1))))
    if page < pages - 1:
        nav.append(("Older ›", button("page", str(page + 1))))
    buttons.append(nav)
    query = update.callback_query
    if edit and query is not None and query.message is not None:
        await query.edit_message_text(text, reply_markup=keyboard(buttons))
    else:
        await reply(update, context, text, buttons)


# -- /contact --------------------------------------------------------------------------------------------------------


@for_user
async def contact_command(update: Update, context: Context, notebook: Notebook) -> None:
    name = command_text(update)
    if not name:
        await _show_page(update, context, notebook, 0, edit=False)
        return
    await show_card(update, context, notebook, name=name)


FIND_SHOWN = 10
FIND_BUTTONS = 8


@for_user
async def find_command(update: Update, context: Context, notebook: Notebook) -> None:
    """/find <words>: everyone whose name, company, role, interests, needs, offers, tags or notes match."""
    query = command_text(update)
    if not query:
        await reply(update, context, render("messages/find_help.html"))
        return
    await _show_hits(update, context, notebook, query, search(notebook.contacts(), notebook.interactions(), query))


async def _show_hits(
    update: Update, context: Context, notebook: Notebook, query: str, hits: list[Hit]
) -> None:
    buttons = [[(label(h.contact), button("card", h.contact.id))] for h in hits[:FIND_BUTTONS]]
    await reply(update, context, render("messages/found.html", query=query, hits=hits[:FIND_SHOWN]), buttons)


async def show_card(update: Update, context: Context, notebook: Notebook, *, name: str) -> None:
    if not name.startswith(("#", "+")) and resolve(names_of(notebook), name).is_unknown:
        hits = search(notebook.contacts(), notebook.interactions(), name)
        if hits:  # "/contact Acme": no one is called that, but people match it
            await _show_hits(update, context, notebook, name, hits)
            return
    contact = await resolve_or_ask(update, context, notebook, name, "contact", {"name": name}, "name")
    if contact is None:
        return
    network = network_of(notebook, about=[contact.id])
    _, today = local_today(context, notebook)
    timeline = list(reversed(network.timeline(contact.id)))
    promises = network.open_promises(contact.id)
    introducer = network.contact(contact.introduced_by_id) if contact.introduced_by_id else None
    text = render(
        "messages/card.html",
        contact=contact,
        met_when=when_in_words(date.fromisoformat(contact.met_on), today) if contact.met_on else "",
        introducer_name=introducer.name if introducer else contact.introduced_by,
        promises=promises,
        timeline=[
            (when_in_words(date.fromisoformat(i.on), today) if i.on else "", i) for i in timeline[:TIMELINE_SHOWN]
        ],
        earlier=max(0, len(timeline) - TIMELINE_SHOWN),
        given=network.count(contact.id, "gave"),
        received=network.count(contact.id, "got"),
        labels=TIMELINE_LABELS,
        strength=tie_strength(contact, timeline, today),
        links=linked_people(notebook, contact),
        birthday=birthday_in_words(contact.birthday),
    )
    buttons = [[(f"✅ {p.text[:40]}", button("keep", p.id))] for p in promises[:5]]
    drafts = [
        ("✍️ Follow-up", button("draft", "followup", contact.id)),
        ("🙏 Thanks", button("draft", "thanks", contact.id)),
        ("🎁 Share", button("draft", "share", contact.id)),
    ]
    if contact.wins:
        drafts.append(("🎉 Congrats", button("draft", "congrats", contact.id)))
    buttons.append(drafts)
    await reply(update, context, text, buttons)


@for_user
async def on_card(update: Update, context: Context, notebook: Notebook) -> None:
    query, data = pressed(update)
    await query.answer()
    if data is None or notebook.contact(data.args[0]) is None:
        await reply(update, context, render("messages/expired.html"))
        return
    await show_card(update, context, notebook, name="#" + data.args[0])


# -- /forget ---------------------------------------------------------------------------------------------------------


@for_user
async def forget_command(update: Update, context: Context, notebook: Notebook) -> None:
    name = command_text(update)
    if not name:
        await reply(update, context, render("messages/hint_forget.html"))
        return
    await confirm_forget(update, context, notebook, name=name)


async def confirm_forget(update: Update, context: Context, notebook: Notebook, *, name: str) -> None:
    contact = await resolve_or_ask(update, context, notebook, name, "forget", {"name": name}, "name")
    if contact is None:
        return
    network = network_of(notebook, about=[contact.id])
    await reply(
        update,
        context,
        render(
            "messages/forget_confirm.html",
            contact=contact,
            entries=len(network.timeline(contact.id)),
            promises=len(network.open_promises(contact.id)),
        ),
        [[("🗑 Yes, delete", button("forget", contact.id, "yes")), ("Keep", button("forget", contact.id, "no"))]],
    )


@for_user
async def on_forget(update: Update, context: Context, notebook: Notebook) -> None:
    query, data = pressed(update)
    await query.answer()
    contact = notebook.contact(data.args[0]) if data else None
    if data is None or contact is None:
        text = render("messages/expired.html")
    elif data.args[1] == "yes":
        forget_contact(notebook, contact.id)
        text = render("messages/forgotten.html", name=contact.name)
    else:
        text = render("messages/kept_contact.html", name=contact.name)
    if query.message is not None:
        await query.edit_message_text(text)
    else:
        await reply(update, context, text)


RESUMERS = {
    "contact": resume_with(show_card),
    "forget": resume_with(confirm_forget),
}
