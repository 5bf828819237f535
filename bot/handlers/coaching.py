"""/week, /budget, /circle: the rhythm of coaching."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.coach.journal.review import week_review
from bot.coach.planning.nudges import BUDGET_RANGE
from bot.handlers.choices import resolve_or_ask, resume_with
from bot.handlers.guard import for_user
from bot.handlers.reply import reply
from bot.handlers.words import command_text
from bot.rendering import render
from bot.services import local_today
from bot.store.notebook import Notebook
from bot.store.records import CIRCLE_CADENCE_DAYS
from bot.store.view import network_of


@for_user
async def week_command(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    _, today = local_today(context, notebook)
    review = week_review(network_of(notebook), today, notebook.profile().goals)
    await reply(update, context, render("messages/week.html", review=review))


@for_user
async def budget_command(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    text = command_text(update)
    profile = notebook.profile()
    low, high = BUDGET_RANGE
    if not text.isdecimal() or not low <= int(text) <= high:
        await reply(
            update,
            context,
            render("messages/budget.html", profile=profile, low=low, high=high, changed=False, typed=text),
        )
        return
    profile.budget = int(text)
    notebook.save_profile(profile)
    await reply(
        update, context, render("messages/budget.html", profile=profile, low=low, high=high, changed=True, typed=text)
    )


@for_user
async def circle_command(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    words = command_text(update).rsplit(maxsplit=1)
    if len(words) != 2 or words[1].lower() not in CIRCLE_CADENCE_DAYS:
        await reply(update, context, render("messages/circle_help.html", cadences=CIRCLE_CADENCE_DAYS))
        return
    await set_circle(update, context, notebook, name=words[0], circle=words[1].lower())


async def set_circle(
    update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook, *, name: str, circle: str
) -> None:
    args = {"name": name, "circle": circle}
    contact = await resolve_or_ask(update, context, notebook, name, "circle", args, "name")
    if contact is None:
        return
    contact.circle = circle
    notebook.save_contact(contact)
    await reply(update, context, render("messages/circle_set.html", contact=contact, days=CIRCLE_CADENCE_DAYS[circle]))


RESUMERS = {"circle": resume_with(set_circle)}
