"""/start and /help: what Nurture does, driven by the one command table."""

from __future__ import annotations

from itertools import groupby

from telegram import Update

from bot.callbacks import button
from bot.commands import COMMANDS
from bot.context import Context
from bot.handlers.guard import for_user
from bot.rendering import render
from bot.sending import reply
from bot.store.notebook import Notebook

# Offered at /start so the morning message arrives at the user's morning, not the server's.
COMMON_ZONES = ("Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Kolkata", "UTC")


@for_user
async def start_command(update: Update, context: Context, notebook: Notebook) -> None:
    profile = notebook.profile()
    is_new = not profile.created_at
    if is_new:
        profile.created_at = context.services.clock.now().isoformat()
        notebook.save_profile(profile)
    buttons = [
        [(zone.split("/")[-1].replace("_", " "), button("tz", zone)) for zone in COMMON_ZONES[i : i + 3]]
        for i in range(0, len(COMMON_ZONES), 3)
    ]
    await reply(
        update,
        context,
        render(
            "messages/start.html",
            name=_first_name(update) or profile.first_name,
            is_new=is_new,
            profile=profile,
            has_contacts=bool(notebook.contacts()),
            has_goal=bool(profile.goals),
        ),
        buttons,
    )


@for_user
async def help_command(update: Update, context: Context, notebook: Notebook) -> None:
    sections = [(section, list(items)) for section, items in groupby(COMMANDS, key=lambda c: c.section)]
    await reply(update, context, render("messages/help.html", sections=sections))


def _first_name(update: Update) -> str:
    return update.effective_user.first_name if update.effective_user else ""
