"""Sending the morning message and the weekly review: planned by the coach, each sent at most once per day.

``deliver_morning`` plans, claims the day in the notebook (one write, before anything is sent: see
bot/coach/journal/delivery.py), then sends. It never touches the scheduler: it reports what happened ("sent", "blocked",
...) and the job (bot/morning/jobs.py) acts on it, so the two modules never import each other in a circle.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from datetime import date, datetime
from typing import NamedTuple

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application

from bot.callbacks import button
from bot.coach.journal import delivery, review
from bot.coach.journal.days import local_day
from bot.coach.journal.delivery import CLAIMED, QUIET
from bot.coach.reading.shorthand import article
from bot.coach.writing.plans import MorningPlan
from bot.context import Services, services
from bot.rendering import render
from bot.retrying import no_resend_after_5xx
from bot.sending import Keyboard, keyboard, split_html
from bot.store.errors import UnreadableData
from bot.store.notebook import Notebook
from bot.store.view import network_of

log = logging.getLogger(__name__)


def nudge_message(notebook: Notebook, plan: MorningPlan, today: date, *, morning: bool) -> tuple[str, Keyboard]:
    """The message text and one row of buttons per nudge. Each nudge waits in the notebook under a token."""
    people = notebook.summaries()  # first names from the digest: no need to load every record
    rows: list[list[tuple[str, str]]] = []
    items = []
    for number, nudge in enumerate(plan.nudges, 1):
        token = notebook.put_pending("nudge", dataclasses.asdict(nudge))
        name = people.get(nudge.contact_id, {}).get("first", "")
        items.append({"nudge": nudge, "number": number, "name": name})
        if nudge.kind == "starter":
            continue
        if "debrief" in nudge.slots:  # how did the meeting go? one tap logs it and opens the next step
            rows.append(
                [
                    (f"👍 {number} Went well", button("nudge", "well", token)),
                    (f"🤝 {number} They'll help", button("nudge", "help", token)),
                ]
            )
            rows.append(
                [
                    (f"📌 {number} I promised something", button("nudge", "owe", token)),
                    (f"✖️ {number} Didn't happen", button("nudge", "missed", token)),
                ]
            )
            continue
        row = [
            (f"✅ {number} Done", button("nudge", "done", token)),
            (f"💤 {number} Snooze", button("nudge", "snooze", token)),
        ]
        if "answer" in nudge.slots:  # an ask waiting for an answer: how did they answer?
            row.extend(
                [
                    (f"🙌 {number} They said yes", button("nudge", "yes", token)),
                    (f"✖️ {number} They said no", button("nudge", "no", token)),
                ]
            )
        if "field" in nudge.slots:  # a question: "Is N26 a fintech?"
            field = nudge.slots["field"]
            row[:1] = [
                (f"✅ {number} Yes, {article(field)} {field}", button("nudge", "yes", token)),
                (f"✖️ {number} No", button("nudge", "no", token)),
            ]
        if nudge.draft_kind:
            row.append((f"✍️ {number} Draft", button("nudge", "draft", token)))
        rows.append(row)
    if plan.ask_rhythm:
        rows.append(
            [
                ("Fewer", button("rhythm", "fewer")),
                ("Pause a week", button("rhythm", "pause")),
                ("Keep", button("rhythm", "keep")),
            ]
        )
    profile = notebook.profile()
    text = render(
        "messages/nudges.html",
        items=items,
        morning=morning,
        name=profile.first_name,
        today=today,
        shrunk=plan.shrunk,
        ask_rhythm=plan.ask_rhythm,
        waiting=plan.waiting,
        weekly=plan.announce_weekly,
        has_goal=any(not g.get("done_on") for g in profile.goals),
    )
    return text, rows


async def deliver_morning(app: Application, user_id: int) -> str:
    """Send one user's morning message, at most once per local day. Returns what happened (for logs and tests):
    "sent", "already-sent", "skipped", "quiet", "blocked", "refused", "uncertain", "unreadable" or "error"."""
    svc = services(app)
    async with svc.deliveries:
        try:
            # The user's turn (see Store.lease): their messages wait while this one is planned and sent, and a
            # notebook deleted meanwhile (/deleteme) is never brought back.
            async with svc.store.lease_existing(user_id) as notebook:
                if notebook is None:
                    return "skipped"
                return await _deliver(app, svc, user_id, notebook)
        except UnreadableData as error:
            log.error("user %s: notebook unreadable, morning skipped (%s)", user_id, error.reason)
            return "unreadable"


class Prepared(NamedTuple):
    """A morning claimed and worded, ready to send."""

    day: date
    text: str
    rows: Keyboard
    nudges: int


def prepare_morning(notebook: Notebook, now: datetime) -> Prepared | str:
    """Everything a morning does before sending: plan from the digest, then claim the day and word the steps in one
    write. What is returned when nothing is to be sent says why ("skipped", "already-sent", "quiet", "error").

    Only the head of the file is read (the digest and the state): no record is parsed."""
    profile = notebook.profile()
    if profile.paused or not profile.active:
        return "skipped"
    day = local_day(now, profile.timezone)
    if delivery.already_delivered(notebook, day):
        return "already-sent"
    if delivery.paused_on(notebook, day):
        return "skipped"
    try:
        plan = delivery.plan_for(notebook, day)
    except Exception:  # one user's odd data must never stop everyone else's morning
        log.exception("user %s: could not plan the morning", notebook.user_id)
        return "error"
    with notebook.batch():  # claim the day and remember the buttons in one write, before anything is sent
        if not delivery.claim(notebook, day, plan.nudges if plan.send else [], CLAIMED if plan.send else QUIET):
            return "already-sent"
        delivery.remember(notebook, day, plan)
        if not plan.send:
            return "quiet"  # a quiet day, or a day between weekly mornings: nothing is sent
        if plan.ask_rhythm:
            delivery.asked_about_rhythm(notebook, day)
        text, rows = nudge_message(notebook, plan, day, morning=True)
    return Prepared(day, text, rows, len(plan.nudges))


async def _deliver(app: Application, svc: Services, user_id: int, notebook: Notebook) -> str:
    # Yielding first lets mornings due at the same instant interleave with replies to people chatting, so the event
    # loop never stalls on a queue of them.
    await asyncio.sleep(0)
    prepared = prepare_morning(notebook, svc.clock.now())
    if isinstance(prepared, str):
        return prepared
    result = await _send(app, notebook, user_id, prepared.text, prepared.rows)
    if result in (delivery.SENT, delivery.BLOCKED, delivery.UNCERTAIN):
        delivery.settle(notebook, prepared.day, result)
    elif result == "refused":
        # Refused before delivery (flood limit after the rate limiter's retries, or a malformed message): the day
        # is released so a later trigger may try again.
        delivery.release(notebook, prepared.day)
    if result == delivery.SENT:
        log.info("user %s: morning sent (%d nudges)", user_id, prepared.nudges)
    return result


async def _send(app: Application, notebook: Notebook, user_id: int, text: str, rows: Keyboard) -> str:
    """Send a message that may be long; a 403 marks the user inactive (guard.py reactivates them)."""
    try:
        chunks = split_html(text)
        with no_resend_after_5xx():  # a duplicate morning is worse than a missed one (see delivery.py)
            for chunk in chunks[:-1]:
                await app.bot.send_message(user_id, chunk)
            await app.bot.send_message(user_id, chunks[-1], reply_markup=keyboard(rows))
    except Forbidden:
        profile = notebook.profile()
        profile.active = False
        notebook.save_profile(profile)
        log.info("user %s blocked the bot; morning messages paused until they write again", user_id)
        return delivery.BLOCKED
    except (RetryAfter, BadRequest) as error:
        log.warning("user %s: message refused by Telegram (%s)", user_id, error)
        return "refused"
    except (TimedOut, NetworkError) as error:
        # Maybe delivered, maybe not: never risk a duplicate today.
        log.warning("user %s: send timed out (%s); not resending today", user_id, error)
        return delivery.UNCERTAIN
    return delivery.SENT


async def deliver_review(app: Application, user_id: int) -> str:
    """Push the weekly review, at most once per local day (its own record, like the morning's)."""
    svc = services(app)
    async with svc.deliveries:
        try:
            async with svc.store.lease_existing(user_id) as notebook:
                if notebook is None:
                    return "skipped"
                profile = notebook.profile()
                if profile.paused or not profile.active:
                    return "skipped"
                day = local_day(svc.clock.now(), profile.timezone)
                if not delivery.claim_review(notebook, day):
                    return "already-sent"
                weekly = review.week_review(network_of(notebook), day, profile.goals)
                result = await _send(app, notebook, user_id, render("messages/week.html", review=weekly), [])
                if result == "refused":
                    delivery.release_review(notebook, day)
                return result
        except UnreadableData:
            return "unreadable"
