"""/timezone, /morning, /pause, /resume: when the morning message comes, rescheduled on every change."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from telegram import Update

from bot.callbacks import button, pressed
from bot.coach.journal.days import next_morning, parse_morning_time
from bot.coach.journal.delivery import QUIET_NOTES
from bot.coach.reading.places import place_choices, resolve_timezone, suggest_timezones
from bot.context import Context
from bot.handlers.guard import for_user
from bot.handlers.words import command_text
from bot.morning.jobs import morning_time, schedule_morning
from bot.rendering import render
from bot.sending import reply
from bot.store.notebook import Notebook


async def _change_profile(
    update: Update, context: Context, notebook: Notebook, changed: str, **fields: object
) -> None:
    """Save a settings change, move the morning job to match, and say when the next morning message comes."""
    profile = notebook.profile()
    for name, value in fields.items():
        setattr(profile, name, value)
    notebook.save_profile(profile)
    now = context.services.clock.now()
    user = update.effective_user
    assert user is not None
    schedule_morning(context.application, user.id, profile, now)
    upcoming = ""
    if not profile.paused:
        local = next_morning(now, profile.timezone, morning_time(profile)).astimezone(ZoneInfo(profile.timezone))
        upcoming = local.strftime("%a %d %b, %H:%M")
    await reply(
        update,
        context,
        render("messages/schedule.html", profile=profile, changed=changed, upcoming=upcoming, tz=profile.timezone),
    )


@for_user
async def timezone_command(update: Update, context: Context, notebook: Notebook) -> None:
    text = command_text(update)
    await set_timezone(update, context, notebook, text)


async def set_timezone(update: Update, context: Context, notebook: Notebook, text: str) -> None:
    choices = place_choices(text) if text else []
    if choices:  # "Portland": Oregon or Maine? A wrong zone means nudges at 3 a.m., so ask.
        await reply(
            update,
            context,
            render("messages/timezone_which.html", typed=text),
            [[(f"{p.label} ({p.zone})", button("tz", p.zone))] for p in choices],
        )
        return
    zone = resolve_timezone(text) if text else None
    if zone is None:
        suggestions = suggest_timezones(text) if text else []
        await reply(
            update,
            context,
            render("messages/timezone_unknown.html", typed=text, current=notebook.profile().timezone),
            [[(s, button("tz", s))] for s in suggestions],
        )
        return
    await _change_profile(update, context, notebook, "timezone", timezone=zone)


@for_user
async def on_timezone_button(update: Update, context: Context, notebook: Notebook) -> None:
    query, data = pressed(update)
    await query.answer()
    await set_timezone(update, context, notebook, data.args[0] if data else "")


_QUIET = re.compile(r"^\s*quiet(?:\s+(on|off|yes|no))?\s*$", re.IGNORECASE)


@for_user
async def morning_command(update: Update, context: Context, notebook: Notebook) -> None:
    typed = command_text(update)
    quiet = _QUIET.match(typed)
    if quiet:  # "/morning quiet on": a quiet morning still says "all quiet" (by default it sends nothing)
        on = (quiet.group(1) or "on").lower() in ("on", "yes")
        notebook.set_state(QUIET_NOTES, on or None)
        await reply(update, context, render("messages/quiet_notes.html", on=on))
        return
    at = parse_morning_time(typed)
    if at is None:
        await reply(update, context, render("messages/morning_help.html", profile=notebook.profile(), typed=typed))
        return
    await _change_profile(update, context, notebook, "morning", morning=at.strftime("%H:%M"))


@for_user
async def pause_command(update: Update, context: Context, notebook: Notebook) -> None:
    await _change_profile(update, context, notebook, "paused", paused=True)


@for_user
async def resume_command(update: Update, context: Context, notebook: Notebook) -> None:
    await _change_profile(update, context, notebook, "resumed", paused=False, active=True)
