"""/week, /budget, /circle: the rhythm of coaching."""

from __future__ import annotations

from telegram import Update

from bot.callbacks import button, pressed
from bot.coach.journal.review import WeekReview, week_review
from bot.coach.planning.nudges import BUDGET_RANGE
from bot.context import Context, local_today
from bot.handlers.choices import resolve_or_ask, resume_with
from bot.handlers.guard import for_user
from bot.handlers.words import command_text
from bot.rendering import render
from bot.sending import Keyboard, keyboard, reply
from bot.store.notebook import Notebook
from bot.store.records import CIRCLE_CADENCE_DAYS
from bot.store.view import network_of

# A week can hold hundreds of people (a day of catching up, an import): the review names the first few and pages
# through the rest on request, editing its one message, so the chat never gets a wall of messages.
WEEK_NAMES_SHOWN = 10
WEEK_PAGE = 25


@for_user
async def week_command(update: Update, context: Context, notebook: Notebook) -> None:
    text, buttons = _week(context, notebook)
    await reply(update, context, text, buttons)


@for_user
async def on_week(update: Update, context: Context, notebook: Notebook) -> None:
    """"All N reconnected", then "Next" / "Prev" through them, and back to the review: one message, edited."""
    query, data = pressed(update)
    await query.answer()
    if data is None or data.args[0] == "back":
        text, buttons = _week(context, notebook)
    else:
        text, buttons = _week_people(context, notebook, int(data.args[0]))
    await query.edit_message_text(text, reply_markup=keyboard(buttons))


def _review(context: Context, notebook: Notebook) -> WeekReview:
    _, today = local_today(context, notebook)
    return week_review(network_of(notebook), today, notebook.profile().goals)


def _week(context: Context, notebook: Notebook) -> tuple[str, Keyboard]:
    review = _review(context, notebook)
    text = render("messages/week.html", review=review, shown=WEEK_NAMES_SHOWN)
    everyone = len(review.reconnected)
    more = [[(f"👋 All {everyone} reconnected", button("week", "0"))]] if everyone > WEEK_NAMES_SHOWN else []
    return text, more


def _week_people(context: Context, notebook: Notebook, page: int) -> tuple[str, Keyboard]:
    names = _review(context, notebook).reconnected
    pages = max(1, -(-len(names) // WEEK_PAGE))
    page = min(max(page, 0), pages - 1)
    shown = names[page * WEEK_PAGE : (page + 1) * WEEK_PAGE]
    text = render("messages/week_people.html", names=shown, total=len(names), page=page, pages=pages)
    nav = []
    if page > 0:
        nav.append(("‹ Prev", button("week", str(page - 1))))
    if page < pages - 1:
        nav.append(("Next ›", button("week", str(page + 1))))
    return text, [nav, [("↩ Back to the week", button("week", "back"))]]


@for_user
async def budget_command(update: Update, context: Context, notebook: Notebook) -> None:
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
async def circle_command(update: Update, context: Context, notebook: Notebook) -> None:
    words = command_text(update).rsplit(maxsplit=1)
    if len(words) != 2 or words[1].lower() not in CIRCLE_CADENCE_DAYS:
        await reply(update, context, render("messages/circle_help.html", cadences=CIRCLE_CADENCE_DAYS))
        return
    await set_circle(update, context, notebook, name=words[0], circle=words[1].lower())


async def set_circle(
    update: Update, context: Context, notebook: Notebook, *, name: str, circle: str
) -> None:
    args = {"name": name, "circle": circle}
    contact = await resolve_or_ask(update, context, notebook, name, "circle", args, "name")
    if contact is None:
        return
    contact.circle = circle
    notebook.save_contact(contact)
    await reply(update, context, render("messages/circle_set.html", contact=contact, days=CIRCLE_CADENCE_DAYS[circle]))


RESUMERS = {"circle": resume_with(set_circle)}
