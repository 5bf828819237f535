"""How steps toward a goal are said: an ask that names what and whom, a warm-up give, a lead, a gap nobody known
fills yet, and the question about a company's field."""

from __future__ import annotations

from datetime import date

from bot.coach.planning.nudges import Nudge
from bot.coach.planning.rules import Due, FieldQuestion, Gap, Helper, Lead
from bot.coach.reading.shorthand import article
from bot.coach.reading.slots import goal_words, read_need
from bot.coach.saying.phrases import looking_for
from bot.coach.writing import asks
from bot.coach.writing.nudge_parts import Rows, interest_of, make_nudge


def goal_in_words(text: str) -> str:
    """'your goal to land a PM role at a fintech', 'your goal of raising a seed round' (facts.goal_words)."""
    said = goal_words(text).after_goal
    return f"your goal {said}" if said else "your goal"


def ask(due: Due, rows: Rows, today: date) -> Nudge:
    helper: Helper = due.detail
    first = helper.row["first"]
    why = asks.why(first, dict(helper.row), helper.focus, helper.ask)
    return make_nudge(
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


def warm_up(due: Due, rows: Rows, today: date) -> Nudge:
    helper: Helper = due.detail
    row = helper.row
    first = row["first"]
    why = asks.why(first, dict(row), helper.focus, helper.ask)
    interest = interest_of(row, today)
    if "win" in row and "congratulated" not in row:
        give, draft = f"congratulate {first} on the news", "congrats"
    elif interest:
        give, draft = f"send {first} something about {interest}", "share"
    else:
        give, draft = f"send {first} a quick hello and ask how things are", "reconnect"
    return make_nudge(
        due,
        row["id"],
        f"{first} {why} and could help with {goal_in_words(helper.goal_text)} - give first, ask later.",
        f"Before asking {first} {asks.short_request(helper.ask)}, {give}.",
        draft,
        goal_id=helper.goal_id,
    )


def lead(due: Due, rows: Rows, today: date) -> Nudge:
    lead: Lead = due.detail
    first = lead.row["first"]
    reason = f"{looking_for(read_need(lead.need), first)} - that's the role you want."
    if not lead.ready:  # a brand-new tie: a give before the ask (docs/coaching.md, "Asks")
        return make_nudge(
            due,
            lead.row["id"],
            reason,
            f"Send {first} a nice-to-meet-you note first; say you're interested once you're in touch.",
            "followup",
            goal_id=lead.goal_id,
        )
    return make_nudge(
        due,
        lead.row["id"],
        reason,
        f"Tell {first} you're interested, and ask if they'd pass your name on.",
        "ask",
        goal_id=lead.goal_id,
        slots=_ask_slots(first, lead.goal_text, "referral", ""),
    )


def gap(due: Due, rows: Rows, today: date) -> Nudge:
    gap: Gap = due.detail
    return make_nudge(
        due,
        "",
        f"For {goal_in_words(gap.goal_text)}: nobody you know {gap.missing} yet - who could introduce you?",
        "Think of one person who knows that world, and ask them for an introduction.",
        None,
        goal_id=gap.goal_id,
    )


def field_question(due: Due, rows: Rows, today: date) -> Nudge:
    question: FieldQuestion = due.detail
    first, company, field = question.row["first"], question.company, question.field
    return make_nudge(
        due,
        question.row["id"],
        f"Is {company} {article(field)} {field}? {first} works there - if it is, {first} is well placed to help with "
        f"{goal_in_words(question.goal_text)}.",
        "Tap yes or no - I'll remember it.",
        None,
        goal_id=question.goal_id,
        slots={"company": company, "field": field},
    )
