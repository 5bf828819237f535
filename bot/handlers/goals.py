"""/goal, /goals, /offer and /review: what the user wants from their network, what they can give, and when the
weekly review comes. The rules behind goals are in docs/coaching.md, "Goals"."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.callbacks import button, pressed
from bot.coach.planning import goals
from bot.handlers.guard import for_user
from bot.handlers.reply import reply
from bot.handlers.words import command_text
from bot.morning.jobs import WEEKDAYS, parse_review_time, review_time, schedule_morning
from bot.rendering import render
from bot.services import local_today, services
from bot.store.notebook import Notebook
from bot.store.records import Contact
from bot.store.view import network_of

MAX_OFFERS = 10
MAX_OFFER_CHARS = 120


@for_user
async def goal_command(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    text = command_text(update)
    profile = notebook.profile()
    if not text:
        await reply(update, context, render("messages/goal_help.html", has_goals=bool(goals.open_goals(profile.goals))))
        return
    if len(goals.open_goals(profile.goals)) >= goals.MAX_OPEN_GOALS:
        await reply(update, context, render("messages/goal_too_many.html", limit=goals.MAX_OPEN_GOALS))
        return
    _, today = local_today(context, notebook)
    goal = goals.add_goal(profile, text, today)
    notebook.save_profile(profile)
    await reply(update, context, render("messages/goal_set.html", goal=goal))


@for_user
async def goals_command(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    profile = notebook.profile()
    opened = goals.open_goals(profile.goals)
    ended = [g for g in profile.goals if g.get("done_on")][-5:]
    rows = [
        [(f"🏁 Reached {n}", button("goal", "reached", g["id"])), (f"✖️ Drop {n}", button("goal", "dropped", g["id"]))]
        for n, g in enumerate(opened, 1)
    ]
    await reply(update, context, render("messages/goals.html", opened=opened, ended=ended), rows)


@for_user
async def on_goal(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    query, data = pressed(update)
    if data is None:
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    outcome, goal_id = data.args
    _, today = local_today(context, notebook)
    profile = notebook.profile()
    goal = goals.end_goal(profile, goal_id, outcome, today)
    if goal is None:
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    notebook.save_profile(profile)
    await query.answer()
    await reply(update, context, render("messages/goal_ended.html", goal=goal, outcome=outcome))


@for_user
async def offer_command(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    text = " ".join(command_text(update).split())[:MAX_OFFER_CHARS].rstrip(".")
    profile = notebook.profile()
    if not text:
        await reply(update, context, render("messages/offer_help.html", offers=profile.offers))
        return
    if text.lower() not in {o.lower() for o in profile.offers}:
        profile.offers = [*profile.offers, text][-MAX_OFFERS:]
        notebook.save_profile(profile)
    await reply(update, context, render("messages/offer_set.html", offer=text, offers=profile.offers))


@for_user
async def review_command(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    text = command_text(update)
    profile = notebook.profile()
    parsed = parse_review_time(text) if text else None
    if parsed is None:
        weekday, at = review_time(profile)
        await reply(update, context, render("messages/review_help.html", day=WEEKDAYS[weekday], at=at, typed=text))
        return
    weekday, at = parsed
    profile.review = f"{WEEKDAYS[weekday]} {at:%H:%M}"
    notebook.save_profile(profile)
    user = update.effective_user
    assert user is not None
    schedule_morning(context.application, user.id, profile, services(context).clock.now())
    await reply(update, context, render("messages/review_set.html", day=WEEKDAYS[weekday], at=at))


async def report_outcome(
    update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook, text: str, contact: Contact | None
) -> bool:
    """A note that reports an outcome ("got the offer", "she passed") moves the open goal: progress, the helpers
    to tell, a celebration when it is reached. False (nothing said) when it reports none or no goal is open."""
    outcome = goals.outcome_in(text)
    profile = notebook.profile()
    if outcome is None or not goals.open_goals(profile.goals):
        return False
    _, today = local_today(context, notebook)
    saved = goals.apply_outcome(profile, network_of(notebook), outcome, contact.id if contact else "", today)
    if saved is None:
        return False
    notebook.save_profile(profile)
    helpers = [c.first_name for c in (notebook.contact(cid) for cid in saved.helpers) if c is not None]
    await reply(
        update,
        context,
        render("messages/outcome.html", saved=saved, helpers=helpers, contact=contact),
    )
    return True
