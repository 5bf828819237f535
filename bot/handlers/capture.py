"""/met (and plain "met Jane at ..."): writing down who was met, asking what is missing, fixing and undoing a capture.

/note, /gave, /got and /done, logged after a meeting, are in journal.py."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from telegram import Update

from bot.callbacks import button, pressed
from bot.coach.errors import NotUnderstood
from bot.coach.journal import captures, meetings, undoing
from bot.coach.reading.capture import parse_meeting, understand
from bot.coach.reading.dates import birthday_in_words, when_in_words
from bot.coach.reading.meeting import ASK_ABOVE_PEOPLE, MAX_TEXT, Meeting
from bot.coach.reading.names import fold, names_of
from bot.coach.reading.upcoming import read_plan
from bot.context import Context, local_today
from bot.handlers import goals, tidying
from bot.handlers import meetings as meetings_flow
from bot.handlers.choices import label
from bot.handlers.guard import for_user
from bot.handlers.words import command_text, message_text
from bot.rendering import render
from bot.sending import reply
from bot.store.notebook import Notebook

AWAITING_FIX = "awaiting_fix"  # notebook state while "✏️ Fix" waits for the corrected line
AWAITING_WHERE = "awaiting_where"  # after a shared contact: "where did you meet?" waits for the answer
WHERE_MINUTES = 30


# -- /met ------------------------------------------------------------------------------------------------------------

# Questions asked before a capture is saved, in this order; each is asked at most once per capture.
_CHECKS = ("maybe", "future", "crowd", "twins")
FIX_MINUTES = 15  # "✏️ Fix" waits this long for the corrected line


@for_user
async def met_command(update: Update, context: Context, notebook: Notebook) -> None:
    text = command_text(update)
    if not text:
        raise NotUnderstood(render("messages/hint_met.txt"))
    await capture_meeting(update, context, notebook, text)


@for_user
async def plain_text(update: Update, context: Context, notebook: Notebook) -> None:
    """Chat without a command: "had coffee w/ sam" is a capture, "Sam's boss, Lauren, at the offsite" a question,
    anything else gets a pointer. A reply to "✏️ Fix" corrects the capture it was asked for."""
    await read_line(update, context, notebook, message_text(update))


async def read_line(update: Update, context: Context, notebook: Notebook, text: str) -> None:
    """A typed line, a caption: a correction, a capture, a question, or a pointer to what works."""
    if await _apply_fix(update, context, notebook, text):
        return
    if await tidying.apply_awaited_tag(update, context, notebook, text):  # the tag for a /find's "🏷 Tag all"
        return
    _, today = local_today(context, notebook)
    planned = read_plan(text, today)
    if planned is not None and planned.day > today:  # "lunch with Carla tmrw": a meeting to come, not one had
        await meetings_flow.plan_meeting(update, context, notebook, plan=planned)
        return
    understood = understand(text, today)
    if understood.kind != "meeting" and await _apply_where(update, context, notebook, text):
        return
    if understood.meeting is None:
        if await goals.report_outcome(update, context, notebook, text, None):  # "I got the offer!"
            return
        await reply(update, context, render("messages/chat_hint.html", has_contacts=bool(notebook.contacts())))
        return
    asked = [] if understood.kind == "maybe" else ["maybe"]
    await _check(update, context, notebook, _payload(update, text, understood.meeting, asked))


async def capture_meeting(
    update: Update, context: Context, notebook: Notebook, text: str, meeting: Meeting | None = None
) -> None:
    _, today = local_today(context, notebook)
    meeting = meeting or parse_meeting(text, today)
    await _check(update, context, notebook, _payload(update, text, meeting, ["maybe"]))


def _payload(update: Update, text: str, meeting: Meeting, asked: list[str]) -> dict[str, Any]:
    if len(text) > MAX_TEXT:
        meeting.notes = text  # the parser reads a line's worth; the whole message is kept, nothing is lost
    message = update.effective_message
    return {
        "meeting": meetings.meeting_to_dict(meeting),
        "asked": asked,
        "message_id": message.message_id if message else 0,
    }


def _next_question(meeting: Meeting, today: date, asked: list[str]) -> str:
    for check in _CHECKS:
        if check in asked:
            continue
        if check == "maybe":
            return check
        if check == "future" and meeting.is_future(today):
            return check
        if check == "crowd" and len(meeting.people) > ASK_ABOVE_PEOPLE:
            return check
        if check == "twins" and len({fold(p.name) for p in meeting.people}) < len(meeting.people):
            return check
    return ""


async def _check(update: Update, context: Context, notebook: Notebook, payload: dict[str, Any]) -> None:
    """Ask what needs asking before saving (is it a meeting? in the future? so many people? two Sams?)."""
    meeting = meetings.meeting_from_dict(payload["meeting"])
    _, today = local_today(context, notebook)
    question = _next_question(meeting, today, payload["asked"])
    if not question:
        matches = meetings.match_people(names_of(notebook), meeting)
        choices = [m.contact.id if m.contact else (None if not m.candidates else "?") for m in matches]
        await _continue_meeting(update, context, notebook, payload, choices)
        return
    token = notebook.put_pending("capq", {**payload, "question": question})
    names = [p.name for p in meeting.people]
    if question == "twins":
        twin = next(n for n in names if sum(fold(m) == fold(n) for m in names) > 1)
        buttons = [
            [(f"Two different {twin}s", button("pick", token, "yes")), (f"One {twin}", button("pick", token, "one"))]
        ]
    else:
        yes = {"maybe": "✅ Yes, log it", "future": "✅ We met already", "crowd": f"✅ Save all {len(names)}"}
        no = {"maybe": "No", "future": "Not yet", "crowd": "Cancel"}
        buttons = [[(yes[question], button("pick", token, "yes")), (no[question], button("pick", token, "no"))]]
    await reply(
        update,
        context,
        render(
            f"messages/capture_{question}.html",
            names=names,
            count=len(names),
            when=when_in_words(meeting.when, today),
            twin=names[0],
        ),
        buttons,
    )


async def _resume_question(
    update: Update, context: Context, notebook: Notebook, payload: dict[str, Any], choice: str
) -> None:
    question = payload.pop("question")
    if choice == "no":
        await reply(update, context, render("messages/capture_dropped.html", question=question))
        return
    payload["asked"] = [*payload["asked"], question]
    if question == "future":
        _, today = local_today(context, notebook)
        payload["meeting"]["when"] = today.isoformat()  # "we met already": today
    if question == "twins" and choice == "one":
        seen: set[str] = set()
        people = []
        for person in payload["meeting"]["people"]:
            if fold(person["name"]) not in seen:
                seen.add(fold(person["name"]))
                people.append(person)
        payload["meeting"]["people"] = people
    await _check(update, context, notebook, payload)


async def _continue_meeting(
    update: Update, context: Context, notebook: Notebook, payload: dict[str, Any], choices: list
) -> None:
    """Ask about the next person who may be someone already known; save once every person is settled."""
    meeting = meetings.meeting_from_dict(payload["meeting"])
    for index, choice in enumerate(choices):
        if choice != "?":
            continue
        mention = meeting.people[index]
        candidates = meetings.match_people(names_of(notebook), meeting)[index].candidates
        token = notebook.put_pending("met", {**payload, "choices": choices, "index": index})
        buttons = [[(f"Yes: {label(c)}", button("pick", token, c.id))] for c in candidates[:6]]
        buttons.append([(f"No, a new {mention.name}", button("pick", token, meetings.NEW))])
        await reply(update, context, render("messages/same_person.html", name=mention.name), buttons)
        return
    now, today = local_today(context, notebook)
    with notebook.batch():
        chosen = [None if c == meetings.NEW else c for c in choices]
        before = undoing.before_capture(notebook, chosen)
        saved = meetings.record_meeting(notebook, meeting, chosen, now)
        token = captures.remember_capture(notebook, saved, meeting, now, payload.get("message_id", 0))
        undoing.remember_undo(notebook, token, before, now)
    await _show_capture(update, context, saved, meeting, today, token)


async def _show_capture(
    update: Update,
    context: Context,
    saved: meetings.MeetingSaved,
    meeting: Meeting,
    today: date,
    token: str,
    fixed: bool = False,
) -> None:
    first = saved.contacts[0]
    draft_kind = "followup" if saved.promises else "thanks"
    await reply(
        update,
        context,
        render(
            "messages/met.html",
            saved=saved,
            meeting=meeting,
            when=when_in_words(meeting.when, today),
            draft_kind=draft_kind,
            due={p.text: when_in_words(date.fromisoformat(p.due_on), today) for p in saved.promises if p.due_on},
            birthday_words=birthday_in_words,
            fixed=fixed,
            dated=[(p, when_in_words(date.fromisoformat(p.due_on), today) if p.due_on else "") for p in saved.dated],
        ),
        [
            [
                (f"✍️ Draft a note to {first.first_name}", button("draft", draft_kind, first.id)),
                (f"📇 {first.first_name}'s card", button("card", first.id)),
            ],
            [("✏️ Fix", button("fix", token)), ("↩️ Undo", button("unmet", token))],
        ],
    )


@for_user
async def on_undo(update: Update, context: Context, notebook: Notebook) -> None:
    """ "↩️ Undo" under the last capture (for a few minutes): exactly what that line saved is taken back."""
    query, data = pressed(update)
    now, _ = local_today(context, notebook)
    names = undoing.undo_capture(notebook, data.args[0], now) if data else None
    if names is None:
        await query.answer(render("messages/undo_too_late.txt", minutes=undoing.UNDO_MINUTES), show_alert=True)
        return
    await query.answer()
    await query.edit_message_text(render("messages/undone.html", names=names))


async def _resume_meeting(
    update: Update, context: Context, notebook: Notebook, payload: dict[str, Any], choice: str
) -> None:
    choices = list(payload.pop("choices"))
    choices[payload.pop("index")] = choice
    await _continue_meeting(update, context, notebook, payload, choices)


# -- fixing a capture: "✏️ Fix" and edits of the original message ---------------------------------------------------


@for_user
async def on_fix(update: Update, context: Context, notebook: Notebook) -> None:
    query, data = pressed(update)
    now, _ = local_today(context, notebook)
    if data is None or not captures.can_still_edit(notebook, data.args[0], now):
        await query.answer(render("messages/expired.txt"), show_alert=True)
        return
    await query.answer()
    notebook.set_state(
        AWAITING_FIX, {"token": data.args[0], "until": (now + timedelta(minutes=FIX_MINUTES)).isoformat()}
    )
    item = captures.captured(notebook, data.args[0]) or {}
    meeting = meetings.meeting_from_dict(item["meeting"])
    await reply(update, context, render("messages/fix_ask.html", meeting=meeting))


async def _apply_fix(update: Update, context: Context, notebook: Notebook, text: str) -> bool:
    """The reply to "✏️ Fix": the corrected line, applied to the same records. False when no fix is waiting."""
    waiting = notebook.get_state(AWAITING_FIX)
    if not waiting:
        return False
    now, _ = local_today(context, notebook)
    notebook.set_state(AWAITING_FIX, None)
    if now > datetime.fromisoformat(waiting["until"]):
        return False
    await _revise(update, context, notebook, waiting["token"], text, "")
    return True


def ask_where(notebook: Notebook, contact_id: str, now: datetime) -> None:
    """Wait for the answer to "where did you meet?" about a contact just added (a shared contact)."""
    until = (now + timedelta(minutes=WHERE_MINUTES)).isoformat()
    notebook.set_state(AWAITING_WHERE, {"contact": contact_id, "until": until})


async def _apply_where(update: Update, context: Context, notebook: Notebook, text: str) -> bool:
    """ "at PyCon yesterday" after "where did you meet?": a meeting with that contact. False if none waits."""
    waiting = notebook.get_state(AWAITING_WHERE)
    if not waiting:
        return False
    notebook.set_state(AWAITING_WHERE, None)
    now, today = local_today(context, notebook)
    contact = notebook.contact(waiting["contact"])
    if contact is None or now > datetime.fromisoformat(waiting["until"]):
        return False
    meeting = parse_meeting(f"{contact.name} {text}", today)
    meeting.people = meeting.people[:1]
    meeting.people[0].name = contact.name
    person = meeting.people[0]
    if not (meeting.context or meeting.when != today or meeting.facts or person.role or person.company):
        return False  # "thanks!" is not where you met: read it as any other line
    with notebook.batch():
        before = undoing.before_capture(notebook, [contact.id])
        saved = meetings.record_meeting(notebook, meeting, [contact.id], now)
        token = captures.remember_capture(notebook, saved, meeting, now)
        undoing.remember_undo(notebook, token, before, now)
    await _show_capture(update, context, saved, meeting, today, token)
    return True


async def _revise(update: Update, context: Context, notebook: Notebook, token: str, text: str, edit_id: str) -> None:
    now, today = local_today(context, notebook)
    meeting = parse_meeting(text, today)
    with notebook.batch():
        saved = captures.revise_capture(notebook, token, meeting, now, edit_id)
        undoing.capture_revised(notebook, token)
    if saved is None:
        return  # this edit was applied already
    await _show_capture(update, context, saved, meeting, today, token, fixed=True)


@for_user
async def on_edit(update: Update, context: Context, notebook: Notebook) -> None:
    """An edited message: if it made a capture within the last 48 hours, that capture follows the new text.

    Telegram sends the whole new text and the edit's time; the edit time is recorded with the capture, so a
    redelivered edit is not applied twice. Edits of anything else change nothing (and say nothing).
    """
    message = update.edited_message
    if message is None:
        return
    token = captures.capture_for_message(notebook, message.message_id)
    if not token:
        return
    now, _ = local_today(context, notebook)
    if not captures.can_still_edit(notebook, token, now):
        await reply(update, context, render("messages/edit_too_old.html", hours=captures.EDITABLE_HOURS))
        return
    text = message_text(update)
    if text.startswith("/"):
        text = command_text(update)
    edit_id = str(int(message.edit_date.timestamp())) if message.edit_date else str(update.update_id)
    await _revise(update, context, notebook, token, text, edit_id)


# -- /note -----------------------------------------------------------------------------------------------------------


# -- /gave and /got --------------------------------------------------------------------------------------------------


# -- /done -----------------------------------------------------------------------------------------------------------


RESUMERS = {
    "met": _resume_meeting,
    "capq": _resume_question,
}
