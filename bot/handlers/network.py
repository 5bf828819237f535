"""/map, /tag and /remind: seeing the network, sorting people, and being reminded of them on a day.

Drawing a map of hundreds of people takes a good part of a second of CPU. The handler is registered as
non-blocking (see ``Command.background``) and the drawing runs in a worker thread on a snapshot of the records,
so other users' messages keep being answered meanwhile and the notebook is never touched off the event loop.
"""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import date

from telegram import InputFile, Update
from telegram.constants import ChatAction

from bot.coach.errors import NotUnderstood
from bot.coach.journal.reminders import (
    ReminderRequest,
    apply_tags,
    new_reminder,
    read_reminder,
    read_tags,
    tag_counts,
)
from bot.coach.network.shape import NetworkMap, map_network
from bot.coach.reading.dates import when_in_words
from bot.coach.reading.names import split_name_and_rest
from bot.context import Context, local_today
from bot.handlers import tidying
from bot.handlers.choices import resolve_or_ask, resume_with
from bot.handlers.guard import for_user
from bot.handlers.words import command_text, message_text
from bot.rendering import render
from bot.sending import reply
from bot.store.notebook import Notebook
from bot.store.records import Contact, Interaction, Profile


def draw(
    contacts: list[Contact], interactions: list[Interaction], today: date, profile: Profile
) -> tuple[NetworkMap, bytes | None]:
    """The map and its picture (None under three people: a kind word says more than two dots)."""
    from bot.coach.network.picture import draw_map

    netmap = map_network(contacts, interactions, today, profile)
    return netmap, draw_map(netmap) if netmap.size >= 3 else None


@for_user
async def map_command(update: Update, context: Context, notebook: Notebook) -> None:
    _, today = local_today(context, notebook)
    chat = update.effective_chat
    assert chat is not None
    await context.bot.send_chat_action(chat.id, ChatAction.UPLOAD_PHOTO)  # a picture of hundreds takes a second
    # A snapshot: the worker thread must never see a record change under it; archived people are not drawn.
    contacts = [dataclasses.replace(c) for c in notebook.contacts() if not c.archived_on]
    shown = {c.id for c in contacts}
    interactions = [i for i in notebook.interactions() if i.contact_id in shown]
    netmap, picture = await asyncio.to_thread(draw, contacts, interactions, today, notebook.profile())
    if picture is not None:
        named = sum(1 for c in netmap.clusters if not c.grouped)
        await context.bot.send_photo(
            chat.id,
            InputFile(picture, filename="network-map.png"),
            caption=render("messages/map_caption.txt", netmap=netmap, named=named),
        )
    await reply(
        update,
        context,
        render(
            "messages/map.html",
            netmap=netmap,
            names=sorted(p.name for p in netmap.people.values()),
            clusters=[c for c in netmap.clusters if not c.grouped][:8],
            alone=sum(len(c.members) for c in netmap.clusters if c.grouped),
        ),
    )


# -- /tag and /contacts #tag ---------------------------------------------------------------------------------------


@for_user
async def tag_command(update: Update, context: Context, notebook: Notebook) -> None:
    text = command_text(update)
    if not text:
        await reply(update, context, render("messages/tags.html", counts=tag_counts(notebook.contacts())))
        return
    many = tidying.bulk_tags(text)
    if many is not None:  # "/tag Jane, Sam, Petra: designers"
        await tidying.tag_named(update, context, notebook, names=many[0], tags=many[1])
        return
    name, tags = split_name_and_rest(notebook.contacts(), text)
    if not read_tags(tags).add and not read_tags(tags).remove:
        raise NotUnderstood(render("messages/hint_tag.txt"))
    people = tidying.names_among_tags(notebook, tags)
    if people:  # "/tag Jane Sam Petra designers": Sam and Petra are people, not tags
        rest = [t for t in read_tags(tags).add if t not in {p.lower() for p in people}]
        raise NotUnderstood(render("messages/hint_tag_many.txt", name=name, people=people, tags=rest))
    await tag_person(update, context, notebook, name=name, tags=tags)


async def tag_person(
    update: Update, context: Context, notebook: Notebook, *, name: str, tags: str
) -> None:
    contact = await resolve_or_ask(update, context, notebook, name, "tag", {"name": name, "tags": tags}, "name")
    if contact is None:
        return
    change = read_tags(tags)
    apply_tags(contact, change)
    notebook.save_contact(contact)
    await reply(update, context, render("messages/tag_set.html", contact=contact, change=change))


# -- /remind and "remind me ..." -----------------------------------------------------------------------------------


@for_user
async def remind_command(update: Update, context: Context, notebook: Notebook) -> None:
    await _remind(update, context, notebook, message_text(update))


@for_user
async def remind_text(update: Update, context: Context, notebook: Notebook) -> None:
    """ "remind me in 2 weeks to ping Sam", typed without a command."""
    await _remind(update, context, notebook, message_text(update))


async def _remind(update: Update, context: Context, notebook: Notebook, text: str) -> None:
    _, today = local_today(context, notebook)
    request = read_reminder(text, notebook.contacts(), today)
    await remind_person(
        update, context, notebook, name=request.name, due_on=request.due_on.isoformat(), what=request.what
    )


async def remind_person(
    update: Update, context: Context, notebook: Notebook, *, name: str, due_on: str, what: str
) -> None:
    args = {"name": name, "due_on": due_on, "what": what}
    contact = await resolve_or_ask(update, context, notebook, name, "remind", args, "name")
    if contact is None:
        return
    _, today = local_today(context, notebook)
    request = ReminderRequest(name, date.fromisoformat(due_on), what)
    notebook.save_promise(new_reminder(contact, request, today))
    when = when_in_words(request.due_on, today)
    await reply(update, context, render("messages/reminder_set.html", contact=contact, when=when, request=request))


RESUMERS = {
    "tag": resume_with(tag_person),
    "remind": resume_with(remind_person),
}
