"""/meet and "lunch with Carla tmrw": a meeting still to come, briefed on its morning and asked about the day after
(the loop itself is planned by the coach: docs/coaching.md, "The meeting loop")."""

from __future__ import annotations

from datetime import date

from telegram import Update

from bot.coach.journal.upcoming import save_upcoming
from bot.coach.reading.dates import when_in_words
from bot.coach.reading.upcoming import Upcoming, read_meet
from bot.context import Context, local_today
from bot.handlers.choices import resolve_or_ask, resume_with
from bot.handlers.guard import for_user
from bot.handlers.words import command_text
from bot.rendering import render
from bot.sending import reply
from bot.store.notebook import Notebook


@for_user
async def meet_command(update: Update, context: Context, notebook: Notebook) -> None:
    _, today = local_today(context, notebook)
    plan = read_meet(command_text(update), today)
    await plan_meeting(update, context, notebook, plan=plan)


async def plan_meeting(update: Update, context: Context, notebook: Notebook, *, plan: Upcoming) -> None:
    await meet_person(
        update, context, notebook, name=plan.name, what=plan.what, day=plan.day.isoformat(), at=plan.at
    )


async def meet_person(
    update: Update, context: Context, notebook: Notebook, *, name: str, what: str, day: str, at: str
) -> None:
    args = {"name": name, "what": what, "day": day, "at": at}
    contact = await resolve_or_ask(update, context, notebook, name, "meet", args, "name", offer_add=True)
    if contact is None:
        return
    _, today = local_today(context, notebook)
    plan = Upcoming(name, what, date.fromisoformat(day), at)
    with notebook.batch():
        save_upcoming(notebook, contact, plan, today)
    text = render(
        "messages/meeting_set.html",
        name=contact.first_name,
        what=what,
        at=at,
        when=when_in_words(plan.day, today),
        today=plan.day == today,
    )
    await reply(update, context, text)


RESUMERS = {"meet": resume_with(meet_person)}
