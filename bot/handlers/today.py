"""/today (the morning plan on demand), the buttons on each nudge (Done / Snooze / Draft), and the answer to
"does this rhythm suit you?". The morning message itself lives in bot/morning/."""

from __future__ import annotations

from telegram import Update

from bot.callbacks import button, pressed
from bot.coach.journal import delivery, upcoming
from bot.coach.journal import entries as journal
from bot.coach.planning import goals
from bot.coach.planning.nudges import COACH_DRAFTS, Nudge
from bot.coach.reading.shorthand import article
from bot.context import Context, local_today
from bot.handlers.drafts import send_coach_draft, send_draft
from bot.handlers.guard import for_user
from bot.morning.send import nudge_message
from bot.rendering import render
from bot.sending import reply
from bot.store.notebook import Notebook


@for_user
async def today_command(update: Update, context: Context, notebook: Notebook) -> None:
    _, today = local_today(context, notebook)
    with notebook.batch():
        text, rows = nudge_message(notebook, delivery.plan_for(notebook, today), today, morning=False)
    await reply(update, context, text, rows)


@for_user
async def on_nudge(update: Update, context: Context, notebook: Notebook) -> None:
    query, data = pressed(update)
    pending = notebook.peek_pending(data.args[1]) if data else None
    if data is None or pending is None or pending["action"] != "nudge":
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    nudge = Nudge(**pending["payload"])
    action, token = data.args
    if action in ("done", "snooze1", "snooze7", "only", "draft", "yes", "no", *upcoming.OUTCOMES):
        delivery.acted(notebook, nudge.key)
    now, today = local_today(context, notebook)
    contact = notebook.contact(nudge.contact_id)
    if nudge.contact_id and contact is None and nudge.kind != "goal":
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    name = contact.first_name if contact else ""
    if action in ("yes", "no") and "field" in nudge.slots:
        company, field = nudge.slots["company"], nudge.slots["field"]
        with notebook.batch():
            delivery.answer_field(notebook, company, field, action == "yes")
            notebook.pop_pending(token)
        await query.answer()
        said = f"{article(field)} {field}"
        text = render("messages/field_answer.html", company=company, field=said, yes=action == "yes", name=name)
        await reply(update, context, text)
    elif action in ("yes", "no") and "answer" in nudge.slots and contact is not None:
        ask = notebook.promise(nudge.promise_id)
        if ask is not None and ask.is_open:
            journal.answer_ask(notebook, ask, action == "yes", now, today)
        notebook.pop_pending(token)
        await query.answer()
        await reply(update, context, render("messages/ask_answered.html", yes=action == "yes", name=name))
    elif action in upcoming.OUTCOMES and contact is not None:
        meeting = notebook.promise(nudge.promise_id)
        if meeting is not None and meeting.is_open:
            upcoming.debrief(notebook, meeting, action, now, today)
        notebook.pop_pending(token)
        await query.answer()
        what = nudge.slots.get("debrief", "meeting")
        thank = [(f"✍️ Draft a thank-you to {name}", button("draft", "thanks", contact.id))]
        buttons = [thank] if action == "well" else []
        text = render("messages/debriefed.html", outcome=action, name=name, what=what, full=contact.name)
        await reply(update, context, text, buttons)
    elif action == "done":
        with notebook.batch():
            logged = journal.complete_nudge(notebook, nudge, now, today)
            if nudge.kind == "loop" and contact is not None:
                profile = notebook.profile()
                goals.loop_closed(profile, nudge.goal_id, contact.id)
                notebook.save_profile(profile)
            notebook.pop_pending(token)
        await query.answer("Done ✅")
        await reply(update, context, render("messages/nudge_done.html", nudge=nudge, name=name, logged=logged))
    elif action == "snooze":
        await query.answer()
        await reply(
            update,
            context,
            render("messages/nudge_snooze.html", name=name, nudge=nudge),
            [
                [("Tomorrow", button("nudge", "snooze1", token)), ("Next week", button("nudge", "snooze7", token))],
                [("Only this one, for a week", button("nudge", "only", token))],
            ],
        )
    elif action in ("snooze1", "snooze7", "only"):
        days = 1 if action == "snooze1" else 7
        with notebook.batch():
            delivery.snooze_nudge(notebook, nudge, days, today, only_this=action == "only")
            notebook.pop_pending(token)
        await query.answer("Snoozed 💤")
        if query.message is not None:
            await query.edit_message_text(render("messages/nudge_snoozed.html", name=name, days=days))
    elif action == "draft" and nudge.draft_kind in COACH_DRAFTS:
        await query.answer()
        await send_coach_draft(update, context, notebook, nudge, token, name)
    elif action == "draft" and nudge.draft_kind and contact is not None:
        await query.answer()
        await send_draft(update, context, notebook, nudge.draft_kind, contact.id, nudge.other_contact_id or None)
    else:
        await query.answer(render("messages/expired.txt"), show_alert=True)


@for_user
async def on_rhythm(update: Update, context: Context, notebook: Notebook) -> None:
    """Fewer steps, a week's pause, or keep as is: the answer to the question asked after ignored mornings."""
    query, data = pressed(update)
    if data is None:
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    choice = data.args[0]
    _, today = local_today(context, notebook)
    delivery.choose_rhythm(notebook, choice, today)
    await query.answer()
    await reply(update, context, render("messages/rhythm.html", choice=choice, profile=notebook.profile()))
