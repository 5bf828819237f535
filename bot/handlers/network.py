"""/map: a picture of the network with its hubs, clusters, bridges and gaps.

Drawing a map of hundreds of people takes a good part of a second of CPU. The handler is registered as
non-blocking (see ``Command.background``) and the drawing runs in a worker thread on a snapshot of the records,
so other users' messages keep being answered meanwhile and the notebook is never touched off the event loop.
"""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import date

from telegram import InputFile, Update
from telegram.ext import ContextTypes

from bot.coach.models import Contact, Interaction, Profile
from bot.coach.netmap import NetworkMap, map_network
from bot.coach.notebook import Notebook
from bot.handlers.guard import for_user
from bot.handlers.reply import reply
from bot.rendering import render
from bot.services import local_today


def draw(
    contacts: list[Contact], interactions: list[Interaction], today: date, profile: Profile
) -> tuple[NetworkMap, bytes | None]:
    """The map and its picture (None under three people: a kind word says more than two dots)."""
    from bot.coach.netmap_picture import draw_map

    netmap = map_network(contacts, interactions, today, profile)
    return netmap, draw_map(netmap) if netmap.size >= 3 else None


@for_user
async def map_command(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    _, today = local_today(context, notebook)
    # A snapshot: the worker thread must never see a record change under it.
    contacts = [dataclasses.replace(c) for c in notebook.contacts()]
    interactions = list(notebook.interactions())
    netmap, picture = await asyncio.to_thread(draw, contacts, interactions, today, notebook.profile())
    chat = update.effective_chat
    assert chat is not None
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
