"""How each kind of nudge is said: whole sentences built from structured fields, never from raw note text.

A nudge names people by first name, says why it matters today and what to do, in a few words. It never quotes the
coach's own text back (a logged touch's text, a previous nudge), and each sentence is composed whole around the
field it carries, so its grammar holds whatever the field says (docs/coaching.md, "Respecting attention").
Only the nudges that make the plan are worded.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Mapping
from datetime import date

from bot.coach.planning.due import Brief, Debt, Due, FieldQuestion, Gap, Helper, Lead, LoopDue
from bot.coach.planning.give import IntroIdea, OfferIdea, share_interest
from bot.coach.planning.goals import OUTCOME_NEWS
from bot.coach.planning.nudges import Nudge
from bot.coach.planning.summary import OpenItem, Row
from bot.coach.reading.dates import how_long, when_in_words
from bot.coach.reading.facts import NEWS_KINDS
from bot.coach.reading.shorthand import article
from bot.coach.reading.slots import goal_words, read_interest, read_need, read_offer
from bot.coach.saying.debts import debt_words
from bot.coach.saying.grammar import YOU, Person, place_words
from bot.coach.saying.known import known
from bot.coach.saying.phrases import congrats_on, looking_for, need_words, offer_words, topic
from bot.coach.writing import asks
from bot.store.records import CIRCLE_CADENCE_DAYS, DEFAULT_CIRCLE, Contact

Rows = Mapping[str, Row]

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


def _nudge(due: Due, contact_id: str, reason: str, action: str, draft_kind: str | None, **more: object) -> Nudge:
    return Nudge(
        key=due.key,
        kind=due.kind,
        contact_id=contact_id,
        reason=reason,
        action=action,
        draft_kind=draft_kind,
        score=due.score,
        **more,  # type: ignore[arg-type]
    )


def _day(iso_day: str, today: date) -> date:
    try:
        return date.fromisoformat(iso_day[:10])
    except (TypeError, ValueError):
        return today


# -- debts --------------------------------------------------------------------------------------------


def _thanks_owed(due: Due, rows: Rows, today: date) -> Nudge:
    row, item = due.detail
    first = row["first"]
    when = when_in_words(_day(item["made_on"], today), today)
    # What they did, through the facts layer: "Tom reviewed your CV", or just "Tom helped you" when the logged
    # help is not a phrase that turns into a sentence ("intro to Acme"). Worked out when the row was saved.
    helped = _said(row, item)
    return _nudge(
        due,
        row["id"],
        f"{first} {helped} {when} and hasn't heard a thank-you yet.",
        f"Send {first} a short, personal thank-you.",
        "thanks",
        promise_id=item["id"],
    )


def _said(row: Row, item: OpenItem) -> str:
    """An open item's words (facts.debt_words), as its summary row keeps them; worked out here for a row that does
    not have them."""
    said = item.get("said")
    if said is None:
        said = debt_words(item["kind"], row["first"], item["text"], bool(item.get("due_on")))
    return said


def _reminder(due: Due, rows: Rows, today: date) -> Nudge:
    row, item = due.detail
    text = item["text"].rstrip(".") or f"get in touch with {row['first']}"
    day = when_in_words(_day(item.get("due_on", ""), today), today).removeprefix("on ")
    return _nudge(
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
    return _nudge(
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
        promised = _said(row, item)
        due_day = _day(item["due_on"], today)
        when = when_in_words(due_day, today)
        lead = "Due today" if due_day == today else f"Due {when}" if due_day > today else f"It was due {when}"
        reason = f"{lead}: {promised[:1].lower()}{promised[1:]}."
    else:
        made = _day(item["made_on"], today)
        # Past a week, say how long it has been: the gap is what makes a promise feel overdue.
        when = when_in_words(made, today) if (today - made).days < 7 else f"{how_long(made, today)} ago"
        # The day first: "Yesterday, you told Priya you'd send her the book." (at the end, "... the book
        # yesterday." would read as when the book was due). After a past day the verb is past too: "Yesterday, you
        # promised Max a call", never "Yesterday, you owe Max a call".
        promised = _said(row, item)
        reason = f"{when[:1].upper()}{when[1:]}, {promised[:1].lower()}{promised[1:]}."
    return _nudge(
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
    when = how_long(_day(item["made_on"], today), today)
    return _nudge(
        due,
        row["id"],
        f"You asked {first} {asked} {when} ago and haven't heard back - one gentle follow-up is fine.",
        f"Send {first} a short, friendly follow-up - or tap how they answered.",
        None,
        promise_id=item["id"],
        slots={"answer": "ask"},
    )


_MINE = re.compile(r"\b(?:me|my|mine|I|myself)\b", re.IGNORECASE)
_TO_WHOM = re.compile(r"^(intro(?:duce)?|refer|connect|put)\s+(?!you\b|me\b|us\b)", re.IGNORECASE)
_YOURS = {"me": "you", "my": "your", "mine": "yours", "i": "you", "myself": "yourself"}


def _yours(text: str) -> str:
    """Their promise as the user typed it ("intro me to her CRO"), said to the user ("intro you to her CRO")."""
    said = _MINE.sub(lambda m: _YOURS[m.group(0).lower()], text)
    return _TO_WHOM.sub(r"\1 you ", said, count=1)  # "intro to VCs" -> "intro you to VCs"


def _their_promise(due: Due, rows: Rows, today: date) -> Nudge:
    row, item = due.detail
    first = row["first"]
    when = when_in_words(_day(item["made_on"], today), today)
    what = _yours(item["text"].rstrip("."))
    return _nudge(
        due,
        row["id"],
        f"{when[:1].upper()}{when[1:]}, {first} said they'd {what}.",
        f"If it hasn't happened, a friendly check-in with {first} helps - tap Done once it has.",
        None,
        promise_id=item["id"],
    )


# -- the meeting loop (docs/coaching.md, "The meeting loop") ---------------------------------------------------------


def _meeting(item: OpenItem) -> tuple[str, str]:
    """("lunch", "12:30") from an open meeting's text ("lunch 12:30")."""
    what, _, at = item["text"].partition(" ")
    return what or "meeting", at


def _brief(due: Due, rows: Rows, today: date) -> Nudge:
    """The morning of a meeting: what they care about, open promises both ways, a need the user can meet, whether
    an ask is ready, and one question to ask."""
    brief: Brief = due.detail
    row, item = brief.row, brief.item
    first = row["first"]
    what, at = _meeting(item)
    lines = []
    interests = [topic(read_interest(i)) for i in row.get("interests", ())[:3]]
    if interests:
        lines.append(f"{first} cares about {_and(interests)}.")
    for open_item in row.get("open", ()):
        kind = open_item["kind"]
        if kind == "promise":
            said = _said(row, open_item)
            lines.append(f"{said[:1].upper()}{said[1:]} - still open.")
        elif kind == "thanks":
            lines.append(f"{first} {_said(row, open_item)} - thank them in person.")
        elif kind == "theirs":
            lines.append(f"{first} said they'd {_yours(open_item['text'])} - a good moment to ask how it's going.")
    need = brief.need
    if isinstance(need, OfferIdea):
        lines.append(f"{looking_for(read_need(need.need), first)} - and you {offer_words(read_offer(need.offer))}.")
    elif isinstance(need, IntroIdea) and need.b in rows:
        other = rows[need.b]["first"]
        lines.append(f"{looking_for(read_need(need.need), first)} - {other} {need.because}: offer an intro.")
    helper = brief.helper
    if helper is not None and helper.ready:
        lines.append(f"An ask is ready: ask {first} {asks.request(helper.focus, helper.ask, helper.goal_text)}.")
    elif helper is not None:
        ask = asks.short_request(helper.ask).removeprefix("for ")
        lines.append(f"Not yet for an ask ({ask}): today is for listening and giving.")
    lines.append(f"One question to ask: {_question(row, today)}")
    when = f" at {at}" if at else ""
    return _nudge(
        due,
        row["id"],
        f"{what[:1].upper()}{what[1:]} with {first} today{when}. A minute of prep:",
        "\n".join(f"• {line}" for line in lines),
        None,
        promise_id=item["id"],
    )


def _question(row: Row, today: date) -> str:
    """One open question that fits what is known about them: their need, their news, what they care about, their
    work; else what they are working on."""
    first = row["first"]
    sought = read_need(row["needs"][0]).slots.get("what", "") if "needs" in row else ""
    if sought.startswith(("a ", "an ")) and len(sought.split()) <= 6:
        return f"\"How is the search for {sought} going?\""
    if "win" in row and "congratulated" not in row:
        on = win_in_words(first, row["win"])
        return f"\"How is it going since {on}?\"" if on else "\"What's new since the news?\""
    interest = _interest(row, today)
    if interest:
        return f"\"What's got you excited about {interest} lately?\""
    if "company" in row:
        return f"\"What's the biggest thing on your plate at {row['company']} right now?\""
    if "needs" in row:
        return "\"What's the one thing that would help you most right now?\""
    return "\"What are you working on that I could help with?\""


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _debrief(due: Due, rows: Rows, today: date) -> Nudge:
    row, item = due.detail
    first = row["first"]
    what, _ = _meeting(item)
    when = when_in_words(_day(item.get("due_on", ""), today), today)
    return _nudge(
        due,
        row["id"],
        f"How did {what} with {first} go ({when})?",
        "One tap logs it and sets up the next step.",
        None,
        promise_id=item["id"],
        slots={"debrief": what},
    )


def _nice_to_meet(due: Due, rows: Rows, today: date) -> Nudge:
    row: Row = due.detail
    first = row["first"]
    place = place_words(row["met_at"]) if "met_at" in row else ""
    at = f" at {place}" if place else ""
    when = when_in_words(_day(row["met_on"], today), today)
    return _nudge(
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
    return _nudge(due, loop.row["id"], reason, action, "loop", goal_id=loop.goal_id, slots=slots)


# -- goals ----------------------------------------------------------------------------------------------


def goal_in_words(text: str) -> str:
    """'your goal to land a PM role at a fintech', 'your goal of raising a seed round' (facts.goal_words)."""
    said = goal_words(text).after_goal
    return f"your goal {said}" if said else "your goal"


def _interest(row: Row, today: date) -> str:
    """The interest to name today, as the facts layer says it ("AI", never "ai stuff"); "" when none."""
    interest = share_interest(row.get("interests", ()), today)
    return topic(read_interest(interest)) if interest else ""


def _ask(due: Due, rows: Rows, today: date) -> Nudge:
    helper: Helper = due.detail
    first = helper.row["first"]
    why = asks.why(first, dict(helper.row), helper.focus, helper.ask)
    return _nudge(
        due,
        helper.row["id"],
        f"{first} {why}, and your tie is strong enough to ask. It moves {goal_in_words(helper.goal_text)} forward.",
        f"Ask {first} {asks.request(helper.focus, helper.ask, helper.goal_text)}.",
        "ask",
        goal_id=helper.goal_id,
        slots={
            **_ask_slots(first, helper.goal_text, helper.ask.bar, why),
            **_request(helper),
            "asked": asks.request(helper.focus, helper.ask, helper.goal_text),  # kept on the ask, for its follow-up
        },
    )


def _request(helper: Helper) -> dict[str, str]:
    return {"request": asks.draft_request(helper.focus, helper.ask, helper.goal_text)}


def _ask_slots(first: str, goal: str, ask: str, why: str) -> dict[str, str]:
    """What the ask draft (templates/drafts/ask.txt) is written from: the goal said in the first person."""
    return {"first": first, "goal": goal, "goal_words": goal_words(goal).first_person, "ask": ask, "why": why}


def _warm_up(due: Due, rows: Rows, today: date) -> Nudge:
    helper: Helper = due.detail
    row = helper.row
    first = row["first"]
    why = asks.why(first, dict(row), helper.focus, helper.ask)
    interest = _interest(row, today)
    if "win" in row and "congratulated" not in row:
        give, draft = f"congratulate {first} on the news", "congrats"
    elif interest:
        give, draft = f"send {first} something about {interest}", "share"
    else:
        give, draft = f"send {first} a quick hello and ask how things are", "reconnect"
    return _nudge(
        due,
        row["id"],
        f"{first} {why} and could help with {goal_in_words(helper.goal_text)} - give first, ask later.",
        f"Before asking {first} {asks.short_request(helper.ask)}, {give}.",
        draft,
        goal_id=helper.goal_id,
    )


def _lead(due: Due, rows: Rows, today: date) -> Nudge:
    lead: Lead = due.detail
    first = lead.row["first"]
    reason = f"{looking_for(read_need(lead.need), first)} - that's the role you want."
    if not lead.ready:  # a brand-new tie: a give before the ask (docs/coaching.md, "Asks")
        return _nudge(
            due,
            lead.row["id"],
            reason,
            f"Send {first} a nice-to-meet-you note first; say you're interested once you're in touch.",
            "followup",
            goal_id=lead.goal_id,
        )
    return _nudge(
        due,
        lead.row["id"],
        reason,
        f"Tell {first} you're interested, and ask if they'd pass your name on.",
        "ask",
        goal_id=lead.goal_id,
        slots=_ask_slots(first, lead.goal_text, "referral", ""),
    )


def _gap(due: Due, rows: Rows, today: date) -> Nudge:
    gap: Gap = due.detail
    return _nudge(
        due,
        "",
        f"For {goal_in_words(gap.goal_text)}: nobody you know {gap.missing} yet - who could introduce you?",
        "Think of one person who knows that world, and ask them for an introduction.",
        None,
        goal_id=gap.goal_id,
    )


def _field_question(due: Due, rows: Rows, today: date) -> Nudge:
    question: FieldQuestion = due.detail
    first, company, field = question.row["first"], question.company, question.field
    return _nudge(
        due,
        question.row["id"],
        f"Is {company} {article(field)} {field}? {first} works there - if it is, {first} is well placed to help with "
        f"{goal_in_words(question.goal_text)}.",
        "Tap yes or no - I'll remember it.",
        None,
        goal_id=question.goal_id,
        slots={"company": company, "field": field},
    )


# -- gives ------------------------------------------------------------------------------------------------


def _intro(due: Due, rows: Rows, today: date) -> Nudge:
    idea: IntroIdea = due.detail
    a, b = rows[idea.a]["first"], rows[idea.b]["first"]
    return _nudge(
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
    return _nudge(
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
    return _nudge(
        due,
        row["id"],
        f"Good news for {first}{': ' + on if on else ''}. A quick congratulations shows you were paying attention.",
        f"Congratulate {first} on {on}." if on else f"Congratulate {first} on the news.",
        "congrats",
    )


@functools.lru_cache(maxsize=1024)  # a win stays on the card for days: read once, not every morning
def win_in_words(first: str, win: str) -> str:
    """What to congratulate someone on, through the shared facts layer: "launching her own ceramics studio",
    "their promotion to VP", "the new job at Globex"; "" when the card's text does not read as news. The card's text
    (the user's own shorthand) is never quoted."""
    contact = Contact(id="", name=first, wins=[win])
    fact = known(contact, (), (), (), date.max).latest(*NEWS_KINDS)
    if fact is None or fact.slots.get("event") == "news":  # news in words no rule reads: said without quoting it
        return ""
    return congrats_on(fact, Person(first, fact.slots.get("pronoun", "they")))


def _share(due: Due, rows: Rows, today: date) -> Nudge:
    row: Row = due.detail
    first = row["first"]
    interest = _interest(row, today)
    got, gave = row.get("got", 0), row.get("gave", 0)
    if got > gave:
        times = "once" if got == 1 else f"{got} times"
        reason = f"{first} has helped you {times} and you haven't given back yet - they care about {interest}."
    else:
        reason = f"{first} cares about {interest} - passing something on is a give that asks for nothing."
    return _nudge(due, row["id"], reason, f"Send {first} a short note passing on something about {interest}.", "share")


# -- keeping in touch -------------------------------------------------------------------------------------


def _reconnect(due: Due, rows: Rows, today: date) -> Nudge:
    row: Row = due.detail
    first = row["first"]
    gap = f"It's been {how_long(_day(row['last'], today), today)} since you were in touch with {first}"
    circle = row["circle"] if row["circle"] in CIRCLE_CADENCE_DAYS else DEFAULT_CIRCLE
    cadence = CIRCLE_CADENCE_DAYS[circle]
    rhythm = _RHYTHM.get(cadence, f"every {cadence} days")
    interest = _interest(row, today)
    ask = f", with a line about {interest}" if interest else ""  # the reconnect draft asks about it
    return _nudge(
        due,
        row["id"],
        f"{gap} - your {circle} circle gets a touch {rhythm}.",
        f"Send {first} a quick hello{ask}.",
        "reconnect",
    )


def _rediscover(due: Due, rows: Rows, today: date) -> Nudge:
    row: Row = due.detail
    first = row["first"]
    return _nudge(
        due,
        row["id"],
        f"You haven't talked to {first} in {how_long(_day(row['last'], today), today)} - an old tie is easier to "
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
    "brief": _brief,
    "debrief": _debrief,
    "theirs": _their_promise,
    "thank-meet": _nice_to_meet,
    "loop": _loop,
    "ask": _ask,
    "warm": _warm_up,
    "lead": _lead,
    "gap": _gap,
    "field": _field_question,
    "intro": _intro,
    "offer": _offer,
    "congrats": _congrats,
    "give": _share,
    "reconnect": _reconnect,
    "rediscover": _rediscover,
}
