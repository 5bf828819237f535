"""/contacts, /contact and /forget: seeing and pruning the people you know."""

from __future__ import annotations

from datetime import date

from telegram import Update

from bot.callbacks import button, pressed
from bot.coach.journal.captures import forget_contact
from bot.coach.journal.entries import linked_people
from bot.coach.network.search import Hit, search_notebook
from bot.coach.network.tidy import Filter, people_list, read_filter
from bot.coach.planning.strength import tie_strength
from bot.coach.reading.dates import birthday_in_words, when_in_words
from bot.coach.reading.names import names_of, resolve
from bot.context import Context, local_today
from bot.handlers import tidying
from bot.handlers.choices import label, resolve_or_ask, resume_with
from bot.handlers.guard import for_user
from bot.handlers.words import command_text
from bot.rendering import render
from bot.sending import keyboard, reply
from bot.store.notebook import Notebook
from bot.store.view import network_of

PAGE_SIZE = 10
FIND_SHOWN = 10
LIST = "list"  # a filtered /contacts, paged: its filter waits under a pending token
FOUND = "found"  # a /find with more than one person: its words wait under a pending token
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


# -- /contacts -------------------------------------------------------------------------------------------------------


@for_user
async def contacts_command(update: Update, context: Context, notebook: Notebook) -> None:
    """/contacts, /contacts inner, /contacts #investor, /contacts archived: people you met first (see tidy.py)."""
    text = command_text(update)
    wanted = read_filter(text)
    if wanted.unknown:  # "/contacts jazz": not a filter, a search
        await _show_hits(update, context, notebook, text, 0, edit=False)
        return
    await _show_page(update, context, notebook, wanted, 0, token="", edit=False)


@for_user
async def on_page(update: Update, context: Context, notebook: Notebook) -> None:
    query, data = pressed(update)
    await query.answer()
    page, token = (int(data.args[0]), data.args[1] if len(data.args) > 1 else "") if data else (0, "")
    pending = notebook.peek_pending(token) if token else None
    if token and (pending is None or pending.get("action") != LIST):
        await reply(update, context, render("messages/expired.html"))
        return
    wanted = read_filter(pending["payload"]["filter"]) if pending else Filter()
    await _show_page(update, context, notebook, wanted, page, token=token, edit=True)


async def _show_page(
    update: Update,
    context: Context,
    notebook: Notebook,
    wanted: Filter,
    page: int,
    *,
    token: str,
    edit: bool,
) -> None:
    people = people_list(notebook.contacts(), notebook.interactions(), wanted)
    pages = max(1, -(-len(people) // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    _, today = local_today(context, notebook)
    shown = people[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    rows = []
    for contact in shown:
        timeline = notebook.interactions(contact.id)
        touched = max((i.on for i in timeline if i.on), default="")
        rows.append({
            "contact": contact,
            "last": when_in_words(date.fromisoformat(touched), today) if touched else "",
            "connected": when_in_words(date.fromisoformat(contact.met_on), today) if not touched and contact.met_on
            else "",
            "open": sum(1 for p in notebook.promises(contact.id) if p.is_open),
        })  # fmt: skip
    everyone = len(notebook.contacts())
    text = render("messages/contacts.html", rows=rows, page=page, pages=pages, total=len(people), wanted=wanted,
                  everyone=everyone)  # fmt: skip
    buttons = [[(f"📇 {c.name[:28]}", button("card", c.id)) for c in shown[i : i + 2]] for i in range(0, len(shown), 2)]
    if pages > 1 and wanted.text and not token:
        token = notebook.put_pending(LIST, {"filter": wanted.text})  # the filter is words: kept here, not in a button
    nav = []
    if page > 0:
        nav.append(("‹ Newer", button("page", str(page - 1), *([token] if token else []))))
    if page < pages - 1:
        nav.append(("Older ›", button("page", str(page + 1), *([token] if token else []))))
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
        await _show_page(update, context, notebook, Filter(), 0, token="", edit=False)
        return
    await show_card(update, context, notebook, name=name)


# -- /find -----------------------------------------------------------------------------------------------------------


@for_user
async def find_command(update: Update, context: Context, notebook: Notebook) -> None:
    """/find <words>: everyone whose name, company, role, interests, needs, offers, tags, emails, phones or notes
    match, page by page, with a tag or archive action for all of them."""
    query = command_text(update)
    if not query:
        await reply(update, context, render("messages/find_help.html"))
        return
    await _show_hits(update, context, notebook, query, 0, edit=False)


async def _show_hits(
    update: Update,
    context: Context,
    notebook: Notebook,
    query: str,
    page: int,
    *,
    edit: bool,
    token: str = "",
    hits: list[Hit] | None = None,
) -> None:
    hits = search_notebook(notebook, query) if hits is None else hits
    pages = max(1, -(-len(hits) // FIND_SHOWN))
    page = min(max(page, 0), pages - 1)
    shown = hits[page * FIND_SHOWN : (page + 1) * FIND_SHOWN]
    text = render("messages/found.html", query=query, hits=shown, total=len(hits), page=page, pages=pages)
    buttons: list[list[tuple[str, str]]] = [[(label(h.contact), button("card", h.contact.id))] for h in shown]
    if len(hits) > 1:
        token = token or notebook.put_pending(FOUND, {"query": query})  # the words wait here, not in a button
        nav = []
        if page > 0:
            nav.append(("‹ Back", button("found", token, str(page - 1))))
        if page < pages - 1:
            nav.append(("More ›", button("found", token, str(page + 1))))
        buttons.append(nav)
        buttons.append([(f"🏷 Tag all {len(hits)}", button("found", token, "tag")),
                        (f"🗄 Archive all {len(hits)}", button("found", token, "archive"))])  # fmt: skip
    query_message = update.callback_query
    if edit and query_message is not None and query_message.message is not None:
        await query_message.edit_message_text(text, reply_markup=keyboard(buttons))
    else:
        await reply(update, context, text, buttons)


@for_user
async def on_found(update: Update, context: Context, notebook: Notebook) -> None:
    """A page of a /find, or an action on everyone it found (the search is run again: the notebook may have
    changed since)."""
    query, data = pressed(update)
    pending = notebook.peek_pending(data.args[0]) if data else None
    if data is None or pending is None or pending.get("action") != FOUND:
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    await query.answer()
    token, what = data.args
    words = pending["payload"]["query"]
    hits = search_notebook(notebook, words)
    if what.isdigit():
        await _show_hits(update, context, notebook, words, int(what), edit=True, token=token, hits=hits)
    elif what == "tag":
        await tidying.ask_tag_for(update, context, notebook, [h.contact.id for h in hits], words)
    else:
        await tidying.archive_people(update, context, notebook, [h.contact for h in hits])


async def show_card(update: Update, context: Context, notebook: Notebook, *, name: str) -> None:
    if not name.startswith(("#", "+")) and resolve(names_of(notebook), name).is_unknown:
        hits = search_notebook(notebook, name)
        if hits:  # "/contact Acme": no one is called that, but people match it (or an alias a merge kept)
            await _show_hits(update, context, notebook, name, 0, edit=False, hits=hits)
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
