"""What is due today, and how much it matters: one pass over the digest rows, a score for each candidate.

The scores (rules.py) encode the coaching order of docs/coaching.md: debts first (a thank-you owed, a reminder or a
birthday today, a promise, telling helpers how a goal turned out, the nice-to-meet-you note), then asks toward a
goal and the gives that build toward them, then intros and offers that answer a need, then keeping in touch.
Bands are far enough apart that age or tie strength never lets a lower band overtake a higher one.

This runs for every contact of every user every morning. So it reads each row key once, compares ISO day strings
(they sort like dates), and leaves the plentiful kinds (reconnects, shares) as small ``Ranked`` tuples until
they are known to be among the few a plan can reach; the wording is written later, only for what is picked.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Mapping, Sequence
from collections.abc import Set as AbstractSet
from datetime import date
from typing import Any

from bot.coach.planning.asks import AskFit, ask_fit, is_sector
from bot.coach.planning.asks import goal_words as ask_words
from bot.coach.planning.give import IntroIdea, OfferIdea, intro_ideas, key_words, offer_ideas
from bot.coach.planning.goals import LOOP_DAYS, focus_of, gap_words, open_goals
from bot.coach.planning.rules import (
    ASK,
    ASK_FOLLOW_UP,
    BIRTHDAY,
    BRIEF,
    DEBRIEF,
    DEBRIEF_DAYS,
    FIELD_BEFORE_ASK,
    FIELD_QUESTION,
    FIT_WEIGHT,
    GAP,
    GAVE_WEIGHT,
    HELPERS_PER_GOAL,
    INTRO,
    LOOP,
    NICE_TO_MEET,
    OFFER,
    PROMISE_DUE_SOON,
    PROMISE_LEAD_DAYS,
    PROMISE_OPEN,
    RECONNECT_BASE,
    REDISCOVER,
    REMINDER,
    REMINDER_LATE,
    SHARE,
    THANKS_OWED,
    THEIRS,
    WARM_UP,
    WIN,
    Brief,
    Days,
    Due,
    FieldQuestion,
    Gap,
    GoalView,
    Helper,
    Lead,
    LoopDue,
    Ranked,
    Rules,
    days_that_matter,
    new_debt,
    new_due,
)
from bot.coach.planning.strength import ASK_THRESHOLD, row_strength
from bot.coach.planning.summary import OpenItem, Row
from bot.store.records import DEFAULT_CIRCLE

Rows = Mapping[str, Row]


def all_due(
    rows: Rows,
    today: date,
    *,
    goals: Sequence[Mapping[str, Any]] = (),
    offers: Sequence[str] = (),
    keep: int | None = None,
    fields: Mapping[str, Sequence[str]] | None = None,
) -> list[Due]:
    """Everything due today, best first; with ``keep``, only the best ``keep`` of each plentiful kind. ``fields``:
    the fields the user said companies are in (company, folded -> ["fintech"]), for who can help a goal."""
    days = days_that_matter(today)
    iso, meet_from, win_to, share_to = days.today, days.meet_from, days.win_to, days.share_to
    rules, cold_before = days.rules, days.cold_before
    today_number = today.toordinal()
    views = _goal_views(goals)
    goal_words = frozenset().union(*(v.words for v in views)) if views else frozenset()
    fields = fields or {}
    targets = {v.focus.target.removesuffix("s") for v in views if v.focus.target}
    sectors = {t for t in targets if is_sector(t)}
    unknown: Row | None = None  # the strongest tie whose company's field the user has not said yet
    in_fields: Collection[str] = ()
    if targets:
        in_fields = {c for c, said in fields.items() if targets & {f.removesuffix("s") for f in said}}

    due: list[Due] = []
    # The plentiful kinds are kept as bare scores beside their rows until the best few are known (``_best``):
    # most contacts are overdue for something, and a tuple per contact per morning is what planning cost most.
    overdue: dict[str, list[Row]] = {circle: [] for circle in RECONNECT_ORDER}
    share_scores: list[float] = []
    share_rows: list[Row] = []
    cold_scores: list[float] = []
    cold_rows: list[Row] = []
    helpers: list[Row] = []
    held: list[Row] = []  # could help a goal, but not asked today: their helping still means the gap is not real
    needing: list[Row] = []
    month_day = days.month_day
    for row in rows.values():
        if "archived" in row:  # the user took them out of the mornings (/archive)
            continue
        last = row["last"]
        if "met_on" in row and "followed_up" not in row and meet_from <= row["met_on"] < iso:
            days_since = _age(row["met_on"], today_number)
            due.append(Due(-NICE_TO_MEET - days_since, f"thank-meet:{row['id']}", "thank", (row["id"],), row))
        if "open" in row:
            _open_items(due, row["id"], row, row["open"], days, today_number)
        if "birthday" in row and row["birthday"] == month_day:
            due.append(Due(-BIRTHDAY, f"birthday:{row['id']}:{today.year}", "birthday", (row["id"],), row, True))
        if "needs" in row:
            needing.append(row)
        if goal_words and "can" in row:
            if _may_help(row, goal_words, in_fields) and not cooling(row, days):
                helpers.append(row)
            elif _fits_words(row, goal_words, in_fields):
                held.append(row)  # can help, but is waiting on an answer, a day they named, or just helped
        if sectors and "company" in row and _field_unknown(row, sectors, fields, unknown):
            unknown = row

        circle = row["circle"]
        if circle not in rules:
            circle = DEFAULT_CIRCLE  # a circle this release does not know
        overdue_before, _, _, bonus = rules[circle]
        is_overdue = last and last < overdue_before
        share = "interests" in row and last <= share_to
        win = "win" in row and "congratulated" not in row and last <= win_to
        if is_overdue:
            if circle == "wider" and last < cold_before:
                cold_scores.append(REDISCOVER + (1.0 if "interests" in row else 0.0))
                cold_rows.append(row)
            else:
                overdue[circle].append(row)  # scored below, only as far as a plan can reach
        if share or win:
            # Reciprocity: people who helped without getting anything back come first (principle 3).
            debt = row.get("got", 0) - row.get("gave", 0)
            score = (debt * 4.0 if debt < 3 else 12.0) + bonus if debt > 0 else bonus
            if win:
                due.append(Due(-WIN - score, f"congrats:{row['id']}", "give", (row["id"],), row))
            else:
                share_scores.append(SHARE + score)
                share_rows.append(row)

    if any(d.key.startswith("brief:") for d in due if d.pressing):  # a brief today: only then its facts are gathered
        _brief(due, rows, views, offers, fields, today, days)
    reconnect_scores, reconnect_rows = _reconnect_scores(overdue, rules, today_number, keep)
    _best(due, reconnect_scores, reconnect_rows, keep, "reconnect:", "reconnect")
    _best(due, share_scores, share_rows, keep, "give:", "give")
    _best(due, cold_scores, cold_rows, 3, "rediscover:", "reconnect")
    if views or any(goal.get("loops") for goal in goals):
        _goal_steps(due, rows, views, helpers, needing, goals, today, days, fields, unknown, held)
    if needing:
        _need_gives(due, rows, needing, [row for row in rows.values() if "can" in row], offers)
    due.sort()
    return due


# Reconnect bands never overlap (each circle's lowest score is above the next one's highest: see
# test_reconnect_bands_never_overlap), so the best few come from the closest circles: a wider circle's overdue
# contacts are only scored when the inner and close circles cannot fill what a plan may reach.
RECONNECT_ORDER = sorted(RECONNECT_BASE, key=RECONNECT_BASE.__getitem__, reverse=True)
RECONNECT_SPREAD = 14.0  # lateness (up to 10) plus strength (up to 4) on top of a circle's base


def _reconnect_scores(
    overdue: dict[str, list[Row]], rules: dict[str, Rules], today_number: int, keep: int | None
) -> tuple[list[float], list[Row]]:
    scores: list[float] = []
    scored: list[Row] = []
    day_numbers = _DAY_NUMBERS
    for circle in RECONNECT_ORDER:
        if keep is not None and len(scores) >= keep:
            break
        _, cadence, base, _ = rules[circle]
        for row in overdue[circle]:
            # More history and a two-way give/get make a stronger tie (docs/coaching.md, "Tie strength").
            strength = row["touches"] * 0.3 + (1.0 if "got" in row and "gave" in row else 0.0)
            last = row["last"]
            number = day_numbers.get(last) or _day_number(last)
            late = (today_number - number if number < today_number else 0) / cadence - 1.0
            scores.append(base + (late if late < 2.0 else 2.0) * 5.0 + (strength if strength < 4.0 else 4.0))
            scored.append(row)
    return scores, scored


def _best(due: list[Due], scores: list[float], rows: list[Row], keep: int | None, prefix: str, kind: str) -> None:
    """Add the best ``keep`` of one plentiful kind, ranked by score then id (the order a full sort would give)."""
    if not scores:
        return
    picked: Sequence[int] = range(len(scores))
    if keep is not None and len(scores) > keep:
        threshold = heapq.nlargest(keep, scores)[-1]
        picked = [i for i, score in enumerate(scores) if score >= threshold]  # ties at the threshold stay in
    ranked = sorted(Ranked(-scores[i], rows[i]["id"], rows[i]) for i in picked)[:keep]
    due.extend([Due(r.rank, prefix + r.contact_id, kind, (r.contact_id,), r.row) for r in ranked])


def _open_items(
    due: list[Due], contact_id: str, row: Row | int, open_items: Sequence[OpenItem], days: Days, today_number: int
) -> None:
    """Owed thank-yous age slowly, promises a little slower; a dated promise waits for its window, a reminder
    for its day (docs/coaching.md, "Debts first"). ``row``: the contact's row, or its position in the planning
    index (the row is read only if the debt is picked: see ``Debt``)."""
    people = (contact_id,)
    for item in open_items:
        kind = item["kind"]
        if kind == "thanks":
            age = _age(item["made_on"], today_number)
            score = THANKS_OWED + (age if age < 30 else 30) * 0.3
            due.append(new_due((-score, f"thank:{item['id']}", "thank", people, new_debt((row, item)), False)))
        elif kind == "ask":
            # An ask made and not answered: one gentle follow-up a week on (its day cleared once it is sent).
            due_on = item.get("due_on", "")
            if due_on and due_on <= days.today:
                key = f"askfollow:{item['id']}"
                due.append(new_due((-ASK_FOLLOW_UP, key, "followup", people, new_debt((row, item)), False)))
        elif kind == "meeting":
            # A meeting to come: the brief on its day (pressing, like a reminder), "how did it go?" after it.
            due_on = item.get("due_on", "")
            if due_on == days.today:
                key = f"brief:{item['id']}"
                due.append(new_due((-BRIEF, key, "meeting", people, new_debt((row, item)), True)))
            elif due_on and due_on < days.today and (age := today_number - _day_number(due_on)) <= DEBRIEF_DAYS:
                # The day after, it stands like a reminder (while it is fresh); later, a debt like any other.
                key = f"debrief:{item['id']}"
                due.append(new_due((-DEBRIEF, key, "meeting", people, new_debt((row, item)), age == 1)))
        elif kind == "theirs":
            # What they promised the user ("she'll intro me to her CRO"), once its day has gone by: "by friday" is
            # still kept on Friday (docs/coaching.md, "Their words").
            due_on = item.get("due_on", "")
            if due_on and due_on < days.today:
                key = f"theirs:{item['id']}"
                due.append(new_due((-THEIRS, key, "followup", people, new_debt((row, item)), False)))
        elif kind == "reminder" or kind == "later":
            # On its day it stands in the plan whatever else is there; left open, it comes back after (as a debt,
            # resting when ignored like any other): nothing the user set is dropped.
            due_on = item.get("due_on", "")
            if due_on and due_on <= days.today:
                on_the_day = due_on == days.today
                score = REMINDER if on_the_day else REMINDER_LATE
                due.append(
                    new_due((-score, f"remind:{item['id']}", "reminder", people, new_debt((row, item)), on_the_day))
                )
        else:
            due_on = item.get("due_on", "")
            if due_on:
                if due_on > days.lead_to:
                    continue  # not yet: a promise due in February is not nagged in January
                late = today_number - _day_number(due_on)  # negative while it is still ahead
                score = PROMISE_OPEN + PROMISE_DUE_SOON + min(max(late, -PROMISE_LEAD_DAYS), 20) * 0.25
                pressing = due_on == days.today
            else:
                age = _age(item["made_on"], today_number)
                score, pressing = PROMISE_OPEN + (age if age < 60 else 60) * 0.25, False
            due.append(new_due((-score, f"followup:{item['id']}", "followup", people, new_debt((row, item)), pressing)))


_WAITING = frozenset({"ask", "later"})  # open items that hold back an ask of that person


def _fits_words(row: Row, goal_words: frozenset[str], in_fields: Collection[str]) -> bool:
    return not goal_words.isdisjoint(row["can"]) or bool(in_fields and row.get("company", "").lower() in in_fields)


def _may_help(row: Row, goal_words: frozenset[str], in_fields: Collection[str]) -> bool:
    """Worth checking as a helper: their "can" words meet a goal's, or their company is in a goal's field; and no
    ask to them is still waiting for an answer, nor a day they named ("3 more months of revenue", "passing for now")."""
    if _fits_words(row, goal_words, in_fields):
        return not any(item["kind"] in _WAITING for item in row.get("open", ()))
    return False


def _field_unknown(row: Row, sectors: AbstractSet[str], fields: Mapping[str, Sequence[str]], best: Row | None) -> bool:
    """Nothing says whether their company is in a goal's field (no answer, no tag, not met in that world), and the
    tie is stronger than the best such one so far."""
    if best is not None and row["touches"] <= best["touches"]:
        return False
    return row["company"].lower() not in fields and sectors.isdisjoint(row.get("can", ()))


def cooling(row: Row, days: Days) -> bool:
    """They helped the user lately: a thank-you and a give are due, not another ask (docs/coaching.md, "Asks")."""
    return row.get("got_on", "") >= days.cool_from


def _goal_views(goals: Sequence[Mapping[str, Any]]) -> list[GoalView]:
    views = []
    for goal in open_goals(goals):
        focus = focus_of(goal["text"])
        views.append(GoalView(goal["id"], goal["text"], focus, ask_words(focus)))
    return views


def _goal_steps(
    due: list[Due],
    rows: Rows,
    views: list[GoalView],
    helpers: list[Row],
    needing: list[Row],
    goals: Sequence[Mapping[str, Any]],
    today: date,
    days: Days,
    fields: Mapping[str, Sequence[str]],
    unknown: Row | None = None,
    held: Sequence[Row] = (),
) -> None:
    """Asks toward each goal when a helper's tie is strong enough, a warm-up give when it is not, the gap when
    nobody known can help, and the close-the-loop notes after an outcome (docs/coaching.md, "Goals", "Asks").
    ``held``: people who could help but are not to be asked today (the gap is not said while they can)."""
    covered = frozenset(v.goal_id for v in views if any(ask_fit(row, v.focus, fields) for row in held))
    helpers_by_goal = []
    for view in views:
        fitting = [(fit, row) for row in helpers if (fit := ask_fit(row, view.focus, fields)) is not None]
        # The best placed first by a cheap measure (fit, touches, recency); the exact rank for those few: fit, tie
        # strength and gives already made (docs/coaching.md, "Asks").
        likely = sorted(fitting, key=_FIT_THEN_TOUCHES, reverse=True)[: 3 * HELPERS_PER_GOAL]
        ranked = []
        for fit, row in likely:
            strength = row_strength(row, today).score
            rank = strength + FIT_WEIGHT * fit.fit + GAVE_WEIGHT * min(row.get("gave", 0), 3)
            ranked.append((rank, strength, row["id"], row, fit))
        ranked.sort(key=_FIRST_THREE, reverse=True)
        helpers_by_goal.append(ranked[:HELPERS_PER_GOAL])
    _goal_steps_after_helpers(due, rows, views, helpers_by_goal, needing, goals, today, days, unknown, covered)


def _fit_then_touches(item: tuple[AskFit, Row]) -> tuple[float, int, str]:
    fit, row = item
    return fit.fit, row["touches"], row["last"]


def _first_three(item: tuple[float, float, str, Row, AskFit]) -> tuple[float, float, str]:
    return item[0], item[1], item[2]


_FIT_THEN_TOUCHES = _fit_then_touches
_FIRST_THREE = _first_three


def _goal_steps_after_helpers(
    due: list[Due],
    rows: Rows,
    views: list[GoalView],
    helpers_by_goal: list[list[tuple[float, float, str, Row, AskFit]]],
    needing: Sequence[Row],
    goals: Sequence[Mapping[str, Any]],
    today: date,
    days: Days,
    unknown: Row | None = None,
    covered: AbstractSet[str] = frozenset(),
) -> None:
    """``_goal_steps`` once each goal's best helpers are known: (rank, strength, contact id, row, ask), best first.
    ``unknown``: the strongest tie whose company's field the user has not said (asked about instead of the gap)."""
    for view, strengths in zip(views, helpers_by_goal, strict=True):
        if view.focus.roles and view.focus.kind == "job":  # "Hannah is looking for a PM": a lead for a PM job
            for row in needing:
                need = next((n for n in row["needs"] if not key_words(n).isdisjoint(view.focus.roles)), "")
                if need and not cooling(row, days):
                    brand_new = row.get("met_on", "") >= days.new_tie_from and not row.get("gave")
                    lead = Lead(row, view.goal_id, view.text, need, not brand_new)
                    kind = "ask" if lead.ready else "give"
                    due.append(Due(-ASK - 5.0, f"lead:{view.goal_id}:{row['id']}", kind, (row["id"],), lead))
        target = view.focus.target.removesuffix("s")
        if unknown is not None and is_sector(target) and view.focus.kind in ("job", "clients") and len(strengths) < 2:
            # "Is N26 a fintech?": asked before saying nobody works at one (the answer is remembered: asks.py)
            company = unknown["company"]
            question = FieldQuestion(unknown, view.goal_id, view.text, target, company)
            key = f"field:{view.goal_id}:{company.lower()}"
            # Before asking them anything else: the answer changes what they are asked (the hiring manager at N26)
            peer = any(helper[2] == unknown["id"] and helper[4].kind == "advice" for helper in strengths)
            score = FIELD_BEFORE_ASK if peer else FIELD_QUESTION
            due.append(Due(-score, key, "goal", (unknown["id"],), question))
            if not strengths:
                continue
        if not strengths:
            missing = gap_words(view.focus) if view.goal_id not in covered else ""
            if missing:
                due.append(Due(-GAP, f"gap:{view.goal_id}", "goal", (), Gap(view.goal_id, view.text, missing)))
            continue
        for rank, strength, cid, row, fit in strengths:
            brand_new = row.get("met_on", "") >= days.new_tie_from and not row.get("gave")
            ready = strength >= ASK_THRESHOLD[fit.bar] and not brand_new
            helper = Helper(row, view.goal_id, view.text, view.focus, ready, fit)
            if ready:
                due.append(Due(-ASK - rank, f"ask:{view.goal_id}:{cid}", "ask", (cid,), helper))
            else:
                due.append(Due(-WARM_UP - rank, f"warm:{cid}", "give", (cid,), helper))
    for goal in goals:
        outcome_on = goal.get("outcome_on", "")
        if not goal.get("loops") or not outcome_on or outcome_on >= days.today:
            continue
        if _day_number(outcome_on) + LOOP_DAYS < today.toordinal():
            continue
        last = (goal.get("progress") or [{}])[-1]
        for cid in goal["loops"]:
            helped = rows.get(cid)
            if helped is not None and "archived" not in helped:
                what, good, part = last.get("what", ""), bool(last.get("good")), cid == last.get("about")
                detail = LoopDue(helped, goal["id"], goal["text"], what, good, part)
                due.append(Due(-LOOP, f"loop:{goal['id']}:{cid}", "loop", (cid,), detail))


def _brief(
    due: list[Due],
    rows: Rows,
    views: list[GoalView],
    offers: Sequence[str],
    fields: Mapping[str, Sequence[str]],
    today: date,
    days: Days,
) -> None:
    """Each meeting today gets what a brief says beyond the row: the ask toward a goal they fit (and whether the tie
    is ready for it), and a need of theirs the user can meet themselves or with an intro."""
    for index, item in enumerate(due):
        if not item.pressing or not item.key.startswith("brief:"):
            continue
        row, open_item = item.detail
        helper = None
        for view in views:
            fit = ask_fit(row, view.focus, fields) if "can" in row else None
            if fit is not None:
                brand_new = row.get("met_on", "") >= days.new_tie_from and not row.get("gave")
                waiting = any(o["kind"] in _WAITING for o in row.get("open", ()))
                ready = row_strength(row, today).score >= ASK_THRESHOLD[fit.bar] and not brand_new
                ready = ready and not cooling(row, days) and not waiting
                helper = Helper(row, view.goal_id, view.text, view.focus, ready, fit)
                break
        need: IntroIdea | OfferIdea | None = None
        if "needs" in row:
            offered = offer_ideas([row], offers)
            intros = [] if offered else intro_ideas([row], [r for r in rows.values() if "can" in r])
            need = offered[0] if offered else intros[0] if intros else None
        due[index] = item._replace(detail=Brief(row, open_item, helper, need))


def _need_gives(due: list[Due], rows: Rows, needing: list[Row], capable: list[Row], offers: Sequence[str]) -> None:
    """Needs drive gives: an intro to someone who has or does what is needed, or one of the user's own offers."""
    _need_gives_from(due, intro_ideas(needing, capable), needing, offers)


def _need_gives_from(due: list[Due], intros: list[IntroIdea], needing: Sequence[Row], offers: Sequence[str]) -> None:
    idea: IntroIdea
    for idea in intros:
        due.append(new_due((-INTRO, f"intro:{idea.a}:{idea.b}", "give", (idea.a, idea.b), idea, False)))
    offer: OfferIdea
    for offer in offer_ideas(needing, offers):
        due.append(new_due((-OFFER, f"offer:{offer.contact_id}", "give", (offer.contact_id,), offer, False)))


# ISO day -> day number, shared by every plan: all users' rows name the same few hundred recent days, so each
# is parsed once per process rather than once per contact. Cleared when it grows past any sensible size.
_DAY_NUMBERS: dict[str, int] = {}
_DAY_NUMBERS_KEPT = 20_000


def _age(iso_day: str, today_number: int) -> int:
    """Days since ``iso_day`` (0 for today, the future, or a day that cannot be read)."""
    age = today_number - _day_number(iso_day)
    return age if age > 0 else 0


def _day_number(iso_day: str) -> int:
    """The day's ordinal; an unreadable day counts as today's neighbour rather than ages ago."""
    number = _DAY_NUMBERS.get(iso_day)
    if number is None:
        if len(_DAY_NUMBERS) > _DAY_NUMBERS_KEPT:
            _DAY_NUMBERS.clear()
        try:
            number = date.fromisoformat(iso_day[:10]).toordinal()
        except (TypeError, ValueError):
            number = date.max.toordinal()  # unreadable: never "long ago", so never urgent
        _DAY_NUMBERS[iso_day] = number
    return number
