"""/goal, /goals, /offer and /review: what the user wants from their network, what they can give, and when the
weekly review comes. The rules behind goals are in docs/coaching.md, "Goals"."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from telegram import Update

from bot.callbacks import button, pressed
from bot.coach.planning import goals
from bot.context import Context, local_today
from bot.handlers.guard import for_user
from bot.handlers.words import command_text
from bot.morning.jobs import WEEKDAYS, parse_review_time, review_time, schedule_morning
from bot.rendering import render
from bot.sending import reply
from bot.store.notebook import Notebook
from bot.store.records import Contact
from bot.store.view import network_of

MAX_OFFERS = 10
MAX_OFFER_CHARS = 120


@for_user
async def goal_command(update: Update, context: Context, notebook: Notebook) -> None:
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
async def goals_command(update: Update, context: Context, notebook: Notebook) -> None:
    profile = notebook.profile()
    opened = goals.open_goals(profile.goals)
    ended = [g for g in profile.goals if g.get("done_on")][-5:]
    rows = [
        [(f"🏁 Reached {n}", button("goal", "reached", g["id"])), (f"✖️ Drop {n}", button("goal", "dropped", g["id"]))]
        for n, g in enumerate(opened, 1)
    ]
    await reply(update, context, render("messages/goals.html", opened=opened, ended=ended), rows)


@for_user
async def on_goal(update: Update, context: Context, notebook: Notebook) -> None:
    query, data = pressed(update)
    if data is None:
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    outcome, goal_id = data.args
    _, today = local_today(context, notebook)
    profile = notebook.profile()
    before = copy.deepcopy(goals.find_goal(profile.goals, goal_id))
    goal = goals.end_goal(profile, goal_id, outcome, today)
    if goal is None or before is None:
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    with notebook.batch():
        notebook.save_profile(profile)
        undo = _undo_button(notebook, before)
    await query.answer()
    await reply(update, context, render("messages/goal_ended.html", goal=goal, outcome=outcome), undo)


def _undo_button(notebook: Notebook, before: Mapping[str, Any]) -> list[list[tuple[str, str]]]:
    """An "Undo" under a goal's change: the goal as it was is kept under a token (closing a goal is undoable)."""
    token = notebook.put_pending("undo", {"goal": dict(before)})
    return [[("↩️ Undo", button("undo", token))]]


@for_user
async def on_undo(update: Update, context: Context, notebook: Notebook) -> None:
    query, data = pressed(update)
    pending = notebook.peek_pending(data.args[0]) if data else None
    if data is None or pending is None or pending["action"] != "undo":
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    profile = notebook.profile()
    with notebook.batch():
        goal = goals.restore_goal(profile, pending["payload"]["goal"])
        notebook.pop_pending(data.args[0])
        if goal is not None:
            notebook.save_profile(profile)
    await query.answer()
    if query.message is not None:
        await query.edit_message_reply_markup(reply_markup=None)
    await reply(update, context, render("messages/goal_undone.html", goal=goal))


@for_user
async def offer_command(update: Update, context: Context, notebook: Notebook) -> None:
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
async def review_command(update: Update, context: Context, notebook: Notebook) -> None:
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
    schedule_morning(context.application, user.id, profile, context.services.clock.now())
    await reply(update, context, render("messages/review_set.html", day=WEEKDAYS[weekday], at=at))


async def report_outcome(
    update: Update, context: Context, notebook: Notebook, text: str, contact: Contact | None
) -> bool:
    """A note that reports an outcome ("got the offer", "she passed") moves the open goal it fits: progress, the
    helpers to tell, a celebration when it is reached, and an Undo. When no goal fits, or several do, the user picks
    (docs/coaching.md, "Goals": never a goal closed by guessing). False (nothing said) when the note reports no
    outcome or no goal is open."""
    outcome = goals.outcome_in(text)
    profile = notebook.profile()
    opened = goals.open_goals(profile.goals)
    if outcome is None or not opened:
        return False
    fitting = goals.goals_for(profile.goals, outcome)
    subject = contact.id if contact else ""
    if len(fitting) == 1:
        await _apply_outcome(update, context, notebook, outcome.key, fitting[0]["id"], subject)
        return True
    token = notebook.put_pending("outcome", {"outcome": outcome.key, "contact": subject})
    buttons = [[(f"🎯 {_short(g['text'])}", button("outcome", token, g["id"]))] for g in fitting or opened]
    buttons.append([("None of these - just a note", button("outcome", token, "none"))])
    text = render("messages/outcome_which.html", outcome=outcome, contact=contact, several=len(fitting) > 1)
    await reply(update, context, text, buttons)
    return True


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@for_user
async def on_outcome(update: Update, context: Context, notebook: Notebook) -> None:
    """The answer to "which goal is it about?" after an outcome note."""
    query, data = pressed(update)
    pending = notebook.peek_pending(data.args[0]) if data else None
    if data is None or pending is None or pending["action"] != "outcome":
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    await query.answer()
    if query.message is not None:
        await query.edit_message_reply_markup(reply_markup=None)
    notebook.pop_pending(data.args[0])
    payload = pending["payload"]
    if data.args[1] == "none":
        await reply(update, context, render("messages/outcome_none.html", noted=bool(payload["contact"])))
        return
    await _apply_outcome(update, context, notebook, payload["outcome"], data.args[1], payload["contact"])


async def _apply_outcome(
    update: Update, context: Context, notebook: Notebook, key: str, goal_id: str, subject: str
) -> None:
    profile = notebook.profile()
    outcome = goals.outcome_of(key)
    before = copy.deepcopy(goals.find_goal(profile.goals, goal_id))
    _, today = local_today(context, notebook)
    saved = None
    if outcome is not None and before is not None:
        saved = goals.apply_outcome(profile, network_of(notebook), outcome, subject, today, goal_id)
    if saved is None or before is None:
        await reply(update, context, render("messages/expired.html"))
        return
    with notebook.batch():
        notebook.save_profile(profile)
        undo = _undo_button(notebook, before)
    helpers = [c.first_name for c in (notebook.contact(cid) for cid in saved.helpers) if c is not None]
    contact = notebook.contact(subject) if subject else None
    await reply(update, context, render("messages/outcome.html", saved=saved, helpers=helpers, contact=contact), undo)
