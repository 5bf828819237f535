"""How the meeting loop is said (docs/coaching.md, "The meeting loop"): the brief on the morning of a meeting,
and the question the day after."""

from __future__ import annotations

from datetime import date

from bot.coach.planning.give import IntroIdea, OfferIdea
from bot.coach.planning.nudges import Nudge
from bot.coach.planning.rules import Brief, Due
from bot.coach.planning.summary import OpenItem, Row
from bot.coach.reading.dates import when_in_words
from bot.coach.reading.slots import read_interest, read_need, read_offer
from bot.coach.saying.debts import they_said
from bot.coach.saying.phrases import looking_for, offer_words, topic
from bot.coach.writing import asks
from bot.coach.writing.nudge_parts import Rows, day_of, interest_of, make_nudge, said_of, win_in_words, yours


def _meeting(item: OpenItem) -> tuple[str, str]:
    """("lunch", "12:30") from an open meeting's text ("lunch 12:30")."""
    what, _, at = item["text"].partition(" ")
    return what or "meeting", at


def brief(due: Due, rows: Rows, today: date) -> Nudge:
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
            said = said_of(row, open_item)
            lines.append(f"{said[:1].upper()}{said[1:]} - still open.")
        elif kind == "thanks":
            lines.append(f"{first} {said_of(row, open_item)} - thank them in person.")
        elif kind == "theirs":
            said = they_said(first, open_item["text"])
            lines.append(f"{said} {yours(open_item['text'])} - a good moment to ask how it's going.")
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
    return make_nudge(
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
        return f'"How is the search for {sought} going?"'
    if "win" in row and "congratulated" not in row:
        on = win_in_words(first, row["win"])
        return f'"How is it going since {on}?"' if on else '"What\'s new since the news?"'
    interest = interest_of(row, today)
    if interest:
        return f'"What\'s got you excited about {interest} lately?"'
    if "company" in row:
        return f'"What\'s the biggest thing on your plate at {row["company"]} right now?"'
    if "needs" in row:
        return '"What\'s the one thing that would help you most right now?"'
    return '"What are you working on that I could help with?"'


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def debrief(due: Due, rows: Rows, today: date) -> Nudge:
    row, item = due.detail
    first = row["first"]
    what, _ = _meeting(item)
    when = when_in_words(day_of(item.get("due_on", ""), today), today)
    return make_nudge(
        due,
        row["id"],
        f"How did {what} with {first} go ({when})?",
        "One tap logs it and sets up the next step.",
        None,
        promise_id=item["id"],
        slots={"debrief": what},
    )
