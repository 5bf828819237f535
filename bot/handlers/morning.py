"""The morning message: planned by the coach, sent once per local day, with Done / Snooze / Draft on each nudge.

Also /today, the same plan on demand.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from datetime import date, timedelta

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application, ContextTypes

from bot.callbacks import button, pressed
from bot.coach import delivery, journal
from bot.coach.errors import UnreadableData
from bot.coach.morning import local_day
from bot.coach.notebook import Notebook
from bot.coach.nudges import Nudge
from bot.handlers.drafts import send_draft
from bot.handlers.guard import for_user
from bot.handlers.reply import Keyboard, keyboard, reply, split_html
from bot.rendering import render
from bot.retrying import no_resend_after_5xx
from bot.scheduling import schedule_morning
from bot.services import Services, local_today, services

log = logging.getLogger(__name__)


def nudge_message(notebook: Notebook, plan: list[Nudge], today: date, *, morning: bool) -> tuple[str, Keyboard]:
    """The message text and one row of buttons per nudge. Each nudge waits in the notebook under a token."""
    people = notebook.summaries()  # first names from the digest: no need to load every record
    rows = []
    items = []
    for number, nudge in enumerate(plan, 1):
        token = notebook.put_pending("nudge", dataclasses.asdict(nudge))
        name = people.get(nudge.contact_id, {}).get("f", "")
        items.append({"nudge": nudge, "number": number, "name": name})
        if nudge.kind == "starter":
            continue
        row = [
            (f"✅ {number} Done", button("nudge", "done", token)),
            (f"💤 {number} Snooze", button("nudge", "snooze", token)),
        ]
        if nudge.draft_kind:
            row.append((f"✍️ {number} Draft", button("nudge", "draft", token)))
        rows.append(row)
    profile = notebook.profile()
    text = render("messages/nudges.html", items=items, morning=morning, name=profile.first_name, today=today)
    return text, rows


async def deliver_morning(app: Application, user_id: int) -> str:
    """Send one user's morning message, at most once per local day. Returns what happened (for logs and tests)."""
    svc = services(app)  # type: ignore[arg-type]
    async with svc.deliveries:
        try:
            # The user's turn (see Store.lease): their messages wait while this one is planned and sent, and a
            # notebook deleted meanwhile (/deleteme) is never brought back.
            async with svc.store.lease_existing(user_id) as notebook:
                if notebook is None:
                    return "skipped"
                with no_resend_after_5xx():  # a duplicate morning is worse than a missed one (delivery.py)
                    return await _deliver(app, svc, user_id, notebook)
        except UnreadableData as error:
            log.error("user %s: notebook unreadable, morning skipped (%s)", user_id, error.reason)
            return "unreadable"


async def _deliver(app: Application, svc: Services, user_id: int, notebook: Notebook) -> str:
    now = svc.clock.now()
    profile = notebook.profile()
    if profile.paused or not profile.active:
        return "skipped"
    day = local_day(now, profile.timezone)
    if delivery.already_delivered(notebook, day):
        return "already-sent"
    try:
        plan = await _plan(notebook, day)
    except Exception:  # one user's odd data must never stop everyone else's morning
        log.exception("user %s: could not plan the morning", user_id)
        return "error"
    with notebook.batch():  # claim the day and remember the buttons in one write, before anything is sent
        if not delivery.claim(notebook, day, plan):
            return "already-sent"
        text, rows = nudge_message(notebook, plan, day, morning=True)
    try:
        for chunk in split_html(text)[:-1]:
            await app.bot.send_message(user_id, chunk, parse_mode="HTML")
        await app.bot.send_message(user_id, split_html(text)[-1], parse_mode="HTML", reply_markup=keyboard(rows))
    except Forbidden:
        # They blocked the bot: stop the morning message until they write again (guard.py reactivates).
        profile.active = False
        with notebook.batch():
            notebook.save_profile(profile)
            delivery.settle(notebook, day, delivery.BLOCKED)
        schedule_morning(app, user_id, profile, now)  # drops the job
        log.info("user %s blocked the bot; morning messages paused until they write again", user_id)
        return "blocked"
    except (RetryAfter, BadRequest) as error:
        # Refused before delivery (flood limit after the rate limiter's retries, or a malformed message): the day
        # is released so a later trigger may try again.
        delivery.release(notebook, day)
        log.warning("user %s: morning refused by Telegram (%s)", user_id, error)
        return "refused"
    except (TimedOut, NetworkError) as error:
        # Maybe delivered, maybe not: never risk a duplicate today.
        delivery.settle(notebook, day, delivery.UNCERTAIN)
        log.warning("user %s: morning send timed out (%s); not resending today", user_id, error)
        return "uncertain"
    delivery.settle(notebook, day, delivery.SENT)
    log.info("user %s: morning sent (%d nudges)", user_id, len(plan))
    return "sent"


async def _plan(notebook: Notebook, day: date) -> list[Nudge]:
    """Planning from the digest takes well under a millisecond; yielding first lets mornings that are due at
    the same time interleave with replies to people chatting, so the event loop never stalls on a queue of them."""
    await asyncio.sleep(0)
    return delivery.plan_for(notebook, day)


@for_user
async def today_command(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    _, today = local_today(context, notebook)
    with notebook.batch():
        text, rows = nudge_message(notebook, delivery.plan_for(notebook, today), today, morning=False)
    await reply(update, context, text, rows)


@for_user
async def on_nudge(update: Update, context: ContextTypes.DEFAULT_TYPE, notebook: Notebook) -> None:
    query, data = pressed(update)
    pending = notebook.peek_pending(data.args[1]) if data else None
    if data is None or pending is None or pending["action"] != "nudge":
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    nudge = Nudge(**pending["payload"])
    action, token = data.args
    now, today = local_today(context, notebook)
    contact = notebook.contact(nudge.contact_id)
    if nudge.contact_id and contact is None:
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    name = contact.first_name if contact else ""
    if action == "done":
        with notebook.batch():
            logged = journal.complete_nudge(notebook, nudge, now, today)
            notebook.pop_pending(token)
        await query.answer("Done ✅")
        await reply(update, context, render("messages/nudge_done.html", nudge=nudge, name=name, logged=logged))
    elif action == "snooze":
        await query.answer()
        await reply(
            update,
            context,
            render("messages/nudge_snooze.html", name=name, nudge=nudge),
            [[("Tomorrow", button("nudge", "snooze1", token)), ("Next week", button("nudge", "snooze7", token))]],
        )
    elif action in ("snooze1", "snooze7"):
        days = 1 if action == "snooze1" else 7
        until = today + timedelta(days=days)
        with notebook.batch():
            delivery.snooze(notebook, nudge.key, until, today)
            notebook.pop_pending(token)
        await query.answer("Snoozed 💤")
        if query.message is not None:
            await query.edit_message_text(
                render("messages/nudge_snoozed.html", name=name, days=days), parse_mode="HTML"
            )
    elif action == "draft" and nudge.draft_kind and contact is not None:
        await query.answer()
        await send_draft(update, context, notebook, nudge.draft_kind, contact.id, nudge.other_contact_id or None)
    else:
        await query.answer(render("messages/expired.txt"), show_alert=True)
