"""How each kind of nudge is said: whole sentences built from structured fields, never from raw note text.

A nudge names people by first name, says why it matters today and what to do, in a few words. It never quotes the
coach's own text back (a logged touch's text, a previous nudge), and each sentence is composed whole around the
field it carries, so its grammar holds whatever the field says (docs/coaching.md, "Respecting attention").
Only the nudges that make the plan are worded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from bot.coach.planning.give import IntroIdea, OfferIdea
from bot.coach.planning.goals import OUTCOME_NEWS
from bot.coach.planning.nudges import Nudge
from bot.coach.planning.rules import Debt, Due, LoopDue
from bot.coach.planning.summary import Row
from bot.coach.reading.dates import how_long, when_in_words
from bot.coach.reading.slots import read_need, read_offer
from bot.coach.saying.debts import they_said
from bot.coach.saying.grammar import YOU, at_place
from bot.coach.saying.phrases import looking_for, need_words, offer_words
from bot.coach.writing.goal_nudges import ask, field_question, gap, lead, warm_up
from bot.coach.writing.meeting_nudges import brief, debrief
from bot.coach.writing.nudge_parts import Rows, day_of, interest_of, make_nudge, said_of, win_in_words, yours
from bot.store.records import CIRCLE_CADENCE_DAYS, DEFAULT_CIRCLE

_RHYTHM = {14: "every two weeks", 30: "about monthly", 90: "every few months"}
_ASKS = {"coffee": "a coffee chat", "advice": "their advice", "intro": "an introduction", "referral": "a referral"}
# Second person, for the user: what happened.
_NEWS_FOR_YOU = {
    "offer": "You got the offer",
    "round": "You closed the round",
    "signed": "You signed",
    "passed": "It didn't work out this time",
    "rejected": "It didn't work out this time",
}


def write(due: Due, rows: Rows, today: date, *, returning: bool = False) -> Nudge:
    """The nudge for a candidate, in words; ``returning``: back after resting unanswered, it asks for a smaller step
    (docs/coaching.md, "Backoff")."""
    prefix = due.key.split(":", 1)[0]
    nudge = _WRITERS[prefix](due, rows, today)
    if returning:
        smaller = _SMALLER.get(prefix if prefix in _SMALLER else nudge.kind)
        if smaller:
            first = rows[nudge.contact_id]["first"] if nudge.contact_id in rows else "them"
            nudge = dataclasses.replace(nudge, action=smaller.format(first=first))
    return nudge


# Back after a rest, a step is made smaller rather than said again the same way.
_SMALLER = {
    "thank": "Even two lines of thanks to {first} count - send them today.",
    "followup": "If it isn't happening soon, send {first} one line saying when it will.",
    "theirs": "One line asking {first} whether it's still on is plenty - or let it go.",
    "reconnect": "A one-line hello to {first} is plenty.",
    "give": "Skip the search: one line to {first} saying you thought of them is a give too.",
}


# -- debts --------------------------------------------------------------------------------------------


def _thanks_owed(due: Due, rows: Rows, today: date) -> Nudge:
    row, item = due.detail
    first = row["first"]
    when = when_in_words(day_of(item["made_on"], today), today)
    # What they did, through the facts layer: "Tom reviewed your CV", or just "Tom helped you" when the logged
    # help is not a phrase that turns into a sentence ("intro to Acme"). Worked out when the row was saved.
    helped = said_of(row, item)
    return make_nudge(
        due,
        row["id"],
        f"{first} {helped} {when} and hasn't heard a thank-you yet.",
        f"Send {first} a short, personal thank-you.",
        "thanks",
        promise_id=item["id"],
    )


def _reminder(due: Due, rows: Rows, today: date) -> Nudge:
    row, item = due.detail
    text = item["text"].rstrip(".") or f"get in touch with {row['first']}"
    day = when_in_words(day_of(item.get("due_on", ""), today), today).removeprefix("on ")
    return make_nudge(
        due,
        row["id"],
        f"A reminder for {day}, about {row['first']}:",
        f"{text[:1].upper()}{text[1:]}.",
        None,
        promise_id=item["id"],
    )


def _birthday(due: Due, rows: Rows, today: date) -> Nudge:
    row: Row = due.detail
    first = row["first"]
    return make_nudge(
        due,
        row["id"],
        f"It's {first}'s birthday today.",
        f"Wish {first} a happy birthday - one personal line beats a generic one.",
        "birthday",
        slots={"first": first},
    )


def _promise(due: Due, rows: Rows, today: date) -> Nudge:
    debt: Debt = due.detail
    row, item = debt
    first = row["first"]
    if item.get("due_on"):
        promised = said_of(row, item)
        due_day = day_of(item["due_on"], today)
        when = when_in_words(due_day, today)
        lead = "Due today" if due_day == today else f"Due {when}" if due_day > today else f"It was due {when}"
        reason = f"{lead}: {promised[:1].lower()}{promised[1:]}."
    else:
        made = day_of(item["made_on"], today)
        # Past a week, say how long it has been: the gap is what makes a promise feel overdue.
        when = when_in_words(made, today) if (today - made).days < 7 else f"{how_long(made, today)} ago"
        # The day first: "Yesterday, you told Priya you'd send her the book." (at the end, "... the book
        # yesterday." would read as when the book was due). After a past day the verb is past too: "Yesterday, you
        # promised Max a call", never "Yesterday, you owe Max a call".
        promised = said_of(row, item)
        reason = f"{when[:1].upper()}{when[1:]}, {promised[:1].lower()}{promised[1:]}."
    return make_nudge(
        due,
        row["id"],
        reason,
        f"Keep your word today, or tell {first} when you will.",
        "followup",
        promise_id=item["id"],
    )


def _ask_follow_up(due: Due, rows: Rows, today: date) -> Nudge:
    row, item = due.detail
    first = row["first"]
    asked = item["text"] or "for their help"
    when = how_long(day_of(item["made_on"], today), today)
    return make_nudge(
        due,
        row["id"],
        f"You asked {first} {asked} {when} ago and haven't heard back - one gentle follow-up is fine.",
        f"Send {first} a short, friendly follow-up - or tap how they answered.",
        None,
        promise_id=item["id"],
        slots={"answer": "ask"},
    )


def _their_promise(due: Due, rows: Rows, today: date) -> Nudge:
    row, item = due.detail
    first = row["first"]
    when = when_in_words(day_of(item["made_on"], today), today)
    what = yours(item["text"].rstrip("."))
    return make_nudge(
        due,
        row["id"],
        f"{when[:1].upper()}{when[1:]}, {they_said(first, item['text'])} {what}.",
        f"If it hasn't happened, a friendly check-in with {first} helps - tap Done once it has.",
        None,
        promise_id=item["id"],
    )


# -- the meeting loop (docs/coaching.md, "The meeting loop") ---------------------------------------------------------


def _nice_to_meet(due: Due, rows: Rows, today: date) -> Nudge:
    row: Row = due.detail
    first = row["first"]
    at = f" {at_place(row['met_at'])}" if row.get("met_at") else ""
    when = when_in_words(day_of(row["met_on"], today), today)
    return make_nudge(
        due,
        row["id"],
        f"You met {first}{at} {when} - a short nice-to-meet-you note now makes the meeting stick.",
        f"Send {first} a nice-to-meet-you note.",
        "followup",
    )


def _loop(due: Due, rows: Rows, today: date) -> Nudge:
    loop: LoopDue = due.detail
    first = loop.row["first"]
    news = _NEWS_FOR_YOU.get(loop.news, "You have news")
    action = f"Tell {first} how it turned out, and thank them."
    if loop.part:  # they were part of it, so they know: thank them for their part (docs/coaching.md, "Drafts")
        reason = f"{news} with {first}." if loop.news == "signed" else f"{news} - {first} was part of it."
        action = f"Thank {first} for their trust." if loop.news == "signed" else f"Thank {first} for their part in it."
    elif loop.good:
        reason = f"{news} - {first} helped you get there and will want to hear it from you."
    else:
        reason = f"{news}, but {first} helped along the way - telling them keeps the door open."
    slots = {"first": first, "news": OUTCOME_NEWS.get(loop.news, "there's news"), "good": "1" if loop.good else ""}
    if loop.part:
        slots.update(part="1", what=loop.news)
    return make_nudge(due, loop.row["id"], reason, action, "loop", goal_id=loop.goal_id, slots=slots)


# -- goals ----------------------------------------------------------------------------------------------


# -- gives ------------------------------------------------------------------------------------------------


def _intro(due: Due, rows: Rows, today: date) -> Nudge:
    idea: IntroIdea = due.detail
    a, b = rows[idea.a]["first"], rows[idea.b]["first"]
    return make_nudge(
        due,
        idea.a,
        f"{looking_for(read_need(idea.need), a)}, and {b} {idea.because} - an intro answers that need.",
        f"Ask {a} and {b} if they'd like an intro.",
        "intro",
        other_contact_id=idea.b,
    )


def _offer(due: Due, rows: Rows, today: date) -> Nudge:
    idea: OfferIdea = due.detail
    first = rows[idea.contact_id]["first"]
    need, offer = read_need(idea.need), read_offer(idea.offer)
    return make_nudge(
        due,
        idea.contact_id,
        f"{looking_for(need, first)} - and you {offer_words(offer)}.",
        f"Offer {first} your help, no strings attached.",
        "offer",
        # The offer draft (templates/drafts/offer.txt) says the same need and offer, to them and in the first person.
        slots={
            "first": first,
            "need": idea.need,
            "offer": idea.offer,
            "need_words": need_words(need, YOU),
            "offer_words": f"I {offer_words(offer)}",
        },
    )


def _congrats(due: Due, rows: Rows, today: date) -> Nudge:
    row: Row = due.detail
    first = row["first"]
    on = win_in_words(first, row["win"])
    return make_nudge(
        due,
        row["id"],
        f"Good news for {first}{': ' + on if on else ''}. A quick congratulations shows you were paying attention.",
        f"Congratulate {first} on {on}." if on else f"Congratulate {first} on the news.",
        "congrats",
    )


def _share(due: Due, rows: Rows, today: date) -> Nudge:
    row: Row = due.detail
    first = row["first"]
    interest = interest_of(row, today)
    got, gave = row.get("got", 0), row.get("gave", 0)
    if got > gave:
        times = "once" if got == 1 else f"{got} times"
        reason = f"{first} has helped you {times} and you haven't given back yet - they care about {interest}."
    else:
        reason = f"{first} cares about {interest} - passing something on is a give that asks for nothing."
    return make_nudge(
        due, row["id"], reason, f"Send {first} a short note passing on something about {interest}.", "share"
    )


# -- keeping in touch -------------------------------------------------------------------------------------


def _reconnect(due: Due, rows: Rows, today: date) -> Nudge:
    row: Row = due.detail
    first = row["first"]
    gap = f"It's been {how_long(day_of(row['last'], today), today)} since you were in touch with {first}"
    circle = row["circle"] if row["circle"] in CIRCLE_CADENCE_DAYS else DEFAULT_CIRCLE
    cadence = CIRCLE_CADENCE_DAYS[circle]
    rhythm = _RHYTHM.get(cadence, f"every {cadence} days")
    interest = interest_of(row, today)
    ask = f", with a line about {interest}" if interest else ""  # the reconnect draft asks about it
    return make_nudge(
        due,
        row["id"],
        f"{gap} - your {circle} circle gets a touch {rhythm}.",
        f"Send {first} a quick hello{ask}.",
        "reconnect",
    )


def _rediscover(due: Due, rows: Rows, today: date) -> Nudge:
    row: Row = due.detail
    first = row["first"]
    return make_nudge(
        due,
        row["id"],
        f"You haven't talked to {first} in {how_long(day_of(row['last'], today), today)} - an old tie is easier to "
        "bring back than a new one is to build.",
        f"Send {first} a short hello, no agenda.",
        "reconnect",
    )


_Writer = Callable[[Due, Rows, date], Nudge]
_WRITERS: dict[str, _Writer] = {
    "thank": _thanks_owed,
    "remind": _reminder,
    "birthday": _birthday,
    "followup": _promise,
    "askfollow": _ask_follow_up,
    "brief": brief,
    "debrief": debrief,
    "theirs": _their_promise,
    "thank-meet": _nice_to_meet,
    "loop": _loop,
    "ask": ask,
    "warm": warm_up,
    "lead": lead,
    "gap": gap,
    "field": field_question,
    "intro": _intro,
    "offer": _offer,
    "congrats": _congrats,
    "give": _share,
    "reconnect": _reconnect,
    "rediscover": _rediscover,
}
