"""Morning nudges: the few things worth doing today to keep the user's relationships alive.

``candidates`` lists everything that is due, each with a score; ``plan_day`` picks a small, varied plan
from it. The scores encode the coaching order: social debts first (a thank-you owed for help, then a promise,
then the nice-to-meet-you note while the meeting is fresh), then keeping the inner circle warm, then giving
first, then the wider circle (principles 4, 5, 3 and 6). The plan is a mix, never one person twice, and
respects snoozes.

Planning runs for every user every morning, so it works from each contact's summary row (summary.py), which
the notebook keeps up to date on every write, never from the full timeline. Scoring is one cheap pass over
the rows (ISO day strings compare like dates) and the wording is written only for the nudges that make the plan.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from operator import itemgetter
from typing import Any

from bot.coach.give import IntroIdea, intro_ideas, share_interest
from bot.coach.models import CIRCLE_CADENCE_DAYS, DEFAULT_CIRCLE
from bot.coach.network import Network
from bot.coach.summary import summaries
from bot.coach.when import how_long, when_in_words

NUDGE_KINDS = ("thank", "followup", "give", "reconnect", "starter")

# -- how urgent each kind is -----------------------------------------------------------------------
# Bands are far enough apart that age or tie strength never lets a lower band overtake a higher one, except
# the deliberately overlapping "give" and "close circle" bands, which trade places on reciprocity and overdue
# days.
THANKS_OWED = 100.0  # + up to 9 as it ages: a late thank-you is still better than none
PROMISE_OPEN = 80.0  # + up to 15, most overdue first
NICE_TO_MEET = 70.0  # + 1 a day: day two is the last good day
CLOSE_THE_LOOP = 45.0
RECONNECT_BASE = {"inner": 50.0, "close": 34.0, "wider": 12.0}  # + up to 14 for overdueness and strength
WIN = 36.0
SHARE = 28.0
INTRO = 32.0  # + up to 3: an intro helps two people at once, worth more than a plain share
STARTER = 1.0
# Picking a second nudge of a kind already in the plan costs this much, so a lower kind "within reach" wins.
KIND_REPEAT_PENALTY = 60.0

BUDGET_RANGE = (1, 10)
MEET_FOLLOWUP_DAYS = (1, 2)  # a nice-to-meet-you note lands best a day or two after meeting
LOOP_DAYS = (14, 28)  # "tell them how it turned out" two to four weeks after thanking
SHARE_QUIET_DAYS = 7  # don't pass things on to someone you were in touch with this week
WIN_QUIET_DAYS = 3
_CIRCLE_BONUS = {"inner": 4.0, "close": 2.0, "wider": 0.0}
_RHYTHM = {14: "every two weeks", 30: "about monthly", 90: "every few months"}
# Intros put the user's name on the line (principle 2), so only well-known ties are paired, strongest first.
INTRO_MIN_INTERACTIONS = 2
INTRO_POOL = 24
# Words that open a promise phrased as an action ("send her the book"), so it reads "you'd send her the book".
_ACTION_VERBS = frozenset(
    (
        *("ask", "call", "check", "connect", "email", "find", "follow", "forward", "get", "help", "intro"),
        *("introduce", "invite", "look", "make", "meet", "pass", "ping", "put", "read", "recommend"),
        *("review", "send", "set", "share", "show", "text", "write"),
    )
)


@dataclass(frozen=True)
class Nudge:
    key: str  # stable identity for snooze/dedupe across days, e.g. "followup:<promise_id>"
    kind: str  # one of NUDGE_KINDS
    contact_id: str  # "" for the starter
    reason: str  # one line, plain words, real context
    action: str  # the suggested action in a few words
    draft_kind: str | None  # "thanks" | "followup" | "reconnect" | "share" | "intro" | "congrats" | None
    other_contact_id: str = ""  # the second person of an intro
    promise_id: str = ""  # the promise or owed thank-you this nudge closes
    score: float = 0.0


STARTER_NUDGE = Nudge(
    key="starter",
    kind="starter",
    contact_id="",
    reason="Your network is empty so far - every relationship starts with one line about someone you met.",
    action="Add one person you met recently.",
    draft_kind=None,
    score=STARTER,
)


# -- public API ------------------------------------------------------------------------------------

Rows = Mapping[str, dict[str, Any]]  # contact id -> summary row (see summary.py for the keys)


def candidates(network: Network, today: date) -> list[Nudge]:
    """Every nudge due today, best first, before the daily budget and variety are applied."""
    rows = summaries(network)
    if not rows:
        return [STARTER_NUDGE]
    return [_write(rows, today, due) for due in _all_due(rows, today)]


def plan_day(
    network: Network,
    today: date,
    *,
    budget: int = 3,
    snoozed: Mapping[str, str] | None = None,
    yesterday: Sequence[str] = (),
) -> list[Nudge]:
    """Today's plan for a network at hand: see ``plan_from_summaries``, which this summarises it for."""
    return plan_from_summaries(summaries(network), today, budget=budget, snoozed=snoozed, yesterday=yesterday)


def plan_from_summaries(
    rows: Rows,
    today: date,
    *,
    budget: int = 3,
    snoozed: Mapping[str, str] | None = None,
    yesterday: Sequence[str] = (),
) -> list[Nudge]:
    """Today's plan: at most ``budget`` nudges, best first, a mix of kinds, one per person.

    ``rows`` maps contact ids to their summary rows. ``snoozed`` maps a nudge key to the ISO day it may come
    back; ``yesterday`` holds the keys suggested yesterday, which stay away today unless one of them is still
    the most important thing to do.
    """
    if not rows:
        return [STARTER_NUDGE]
    budget = max(BUDGET_RANGE[0], min(BUDGET_RANGE[1], budget))
    hidden = _hidden_keys(snoozed or {}, today)
    # Only the best few reconnects and shares can be reached: walking down one of those lists, each item is
    # picked (at most ``budget``), passed over because its person is already in the plan (a person has one
    # of each, and a plan holds at most two people per pick), or dropped as snoozed or shown yesterday.
    everything = _all_due(rows, today, keep=3 * budget + len(hidden) + len(yesterday) + 1)
    due = [d for d in everything if d[1] not in hidden] if hidden else everything
    if due and yesterday:
        repeat = set(yesterday) - {due[0][1]}  # the single most important thing may come back
        due = [d for d in due if d[1] not in repeat]
    plan = _pick(due, budget)
    if not plan:
        plan = _gentle(rows, today, hidden, set(yesterday), _snoozed_people(hidden, everything))
    return [_write(rows, today, d) for d in plan]


# -- what is due -----------------------------------------------------------------------------------

# A candidate before its words are written: (-score, key, kind, people involved, writer, detail). A plain
# tuple because a network of hundreds of contacts yields hundreds of candidates a morning and few are kept;
# the score is negated so a plain sort ranks best first, ties broken by the unique key. The detail is the
# contact's row, (row, open promise) or an IntroIdea.
_Writer = Callable[[Rows, date, "_Due"], Nudge]
_Due = tuple[float, str, str, tuple[str, ...], _Writer, Any]


def _write(rows: Rows, today: date, due: _Due) -> Nudge:
    return due[4](rows, today, due)


def _all_due(rows: Rows, today: date, keep: int | None = None) -> list[_Due]:
    """Everything due, best first, in one pass over the rows; with ``keep``, only the best ``keep`` of each
    plentiful kind (reconnects, shares), which is all a plan can reach.

    This loop runs for every contact of every user every morning, so it reads each row key once, looks the
    circle's rules up once, writes conditional expressions rather than min()/max() calls, and leaves the
    plentiful kinds as small (score, id, row) tuples until they are known to matter.
    """
    iso, meet_from, loop_from, loop_to, win_to, share_to, rules = _days_that_matter(today)
    default_rules = rules[DEFAULT_CIRCLE]
    today_number = today.toordinal()
    day_numbers = _day_numbers()

    def days_since(iso_day: str) -> int:
        number = day_numbers.get(iso_day)
        if number is None:
            number = day_numbers[iso_day] = _day_number(iso_day)
        # An unreadable day (0) counts as today rather than as ages ago.
        return today_number - number if 0 < number < today_number else 0

    due: list[_Due] = []
    reconnects: list[tuple[float, str, dict[str, Any]]] = []
    shares: list[tuple[float, str, dict[str, Any]]] = []
    warm: list[tuple[float, str, dict[str, Any]]] = []
    add_reconnect, add_share, add_warm = reconnects.append, shares.append, warm.append
    for row in rows.values():
        last_on = row["l"]
        if last_on >= loop_from:  # touched in the last four weeks: a meeting or a thank-you may want a sequel
            if last_on >= meet_from:
                if last_on < iso and "mo" in row and "mf" not in row:
                    _nice_to_meet(due, row, days_since(row["mo"]))
            elif last_on <= loop_to and "lt" in row:
                due.append((-CLOSE_THE_LOOP, f"loop:{row['lt'][0]}", "thank", (row["id"],), _write_loop, row))
        if "p" in row:
            _open_promises(due, row, days_since)

        try:
            overdue_from, cadence, base, bonus = rules[row["c"]]
        except KeyError:  # a circle this release does not know
            overdue_from, cadence, base, bonus = default_rules
        interests = "i" in row
        overdue = last_on and last_on < overdue_from
        share = interests and last_on <= share_to
        win = "w" in row and last_on <= win_to and "wc" not in row
        logged, got, gave = row["k"]
        warm_tie = interests and logged >= INTRO_MIN_INTERACTIONS
        if not (overdue or share or win or warm_tie):
            continue
        cid = row["id"]
        # More history and a two-way give/get make a stronger tie (principle 1); the count is capped at ten.
        strength = logged * 0.3 + (1.0 if got and gave else 0.0)
        if overdue:  # days_since(last_on), written out: this is the line most contacts reach
            number = day_numbers.get(last_on)
            if number is None:
                number = day_numbers[last_on] = _day_number(last_on)
            late = ((today_number - number if 0 < number < today_number else 0) / cadence) - 1.0
            score = base + (late if late < 2.0 else 2.0) * 5.0 + (strength if strength < 4.0 else 4.0)
            add_reconnect((-score, cid, row))
        if share or win:
            # Reciprocity: people who helped the user without getting anything back come first (principle 3).
            debt = got - gave
            score = (debt * 4.0 if debt < 3 else 12.0) + bonus if debt > 0 else bonus
            if win:
                due.append((-WIN - score, f"congrats:{cid}", "give", (cid,), _write_congrats, row))
            else:
                add_share((-SHARE - score, cid, row))
        if warm_tie:
            add_warm((strength, cid, row))

    # Within one kind of key, ordering by id is ordering by key, so the small tuples sort like the full ones.
    for items, prefix, kind, writer in (
        (reconnects, "reconnect:", "reconnect", _write_reconnect),
        (shares, "give:", "give", _write_share),
    ):
        _by_score_then_id(items)
        due.extend([(score, prefix + cid, kind, (cid,), writer, row) for score, cid, row in items[:keep]])
    if len(warm) > 1:
        # Strongest ties first, equal strengths by id, the higher first (the order intros were always found in).
        _by_score_then_id(warm, reverse=True)
        pool = warm[:INTRO_POOL]
        strength_of = {cid: strength for strength, cid, _ in pool}
        for idea in intro_ideas([row for _, _, row in pool]):
            score = INTRO + min(strength_of[idea.a], strength_of[idea.b], 3.0)
            due.append((-score, f"intro:{idea.a}:{idea.b}", "give", (idea.a, idea.b), _write_intro, idea))
    due.sort()  # best first: negated score, then the (unique) key
    return due


@functools.lru_cache(maxsize=8)  # a morning plans thousands of users on the same one or two local days
def _days_that_matter(
    today: date,
) -> tuple[str, str, str, str, str, str, dict[str, tuple[str, int, float, float]]]:
    """The ISO days the rules compare with: today, the nice-to-meet window's start, the close-the-loop window,
    the quiet days before a win or a share, and per circle (overdue before, cadence, reconnect base, give bonus).
    """

    def day(n: int) -> str:
        return (today - timedelta(days=n)).isoformat()

    rules = {
        circle: (day(cadence), cadence, RECONNECT_BASE[circle], _CIRCLE_BONUS[circle])
        for circle, cadence in CIRCLE_CADENCE_DAYS.items()
    }
    return (
        today.isoformat(),
        day(MEET_FOLLOWUP_DAYS[1]),
        day(LOOP_DAYS[1]),
        day(LOOP_DAYS[0]),
        day(WIN_QUIET_DAYS),
        day(SHARE_QUIET_DAYS),
        rules,
    )


def _by_score_then_id(items: list[tuple[float, str, dict[str, Any]]], *, reverse: bool = False) -> None:
    """Sort like the tuples themselves, but as two stable sorts on plain keys, which CPython compares several
    times faster than tuples whose scores tie (and scores tie a lot: they come from a few small numbers)."""
    items.sort(key=_ID, reverse=reverse)
    items.sort(key=_SCORE, reverse=reverse)


_SCORE, _ID = itemgetter(0), itemgetter(1)


def _nice_to_meet(due: list[_Due], row: dict[str, Any], days: int) -> None:
    """A nice-to-meet-you note lands best a day or two after meeting, and only if nothing followed yet."""
    if MEET_FOLLOWUP_DAYS[0] <= days <= MEET_FOLLOWUP_DAYS[1]:
        cid = row["id"]
        due.append((-NICE_TO_MEET - days, f"thank-meet:{cid}", "thank", (cid,), _write_nice_to_meet, row))


def _open_promises(due: list[_Due], row: dict[str, Any], days_since: Callable[[str], int]) -> None:
    """Owed thank-yous age slowly, promises a little slower; both stay above everything else."""
    people = (row["id"],)
    for promise in row["p"]:
        kind = promise[1]
        if kind == "thanks":
            days = days_since(promise[2])
            score = THANKS_OWED + (days if days < 30 else 30) * 0.3
            due.append((-score, f"thank:{promise[0]}", "thank", people, _write_thanks_owed, (row, promise)))
        elif kind == "promise":
            days = days_since(promise[2])
            score = PROMISE_OPEN + (days if days < 60 else 60) * 0.25
            due.append((-score, f"followup:{promise[0]}", "followup", people, _write_promise, (row, promise)))


# ISO day -> day number, shared by every plan: all users' rows name the same few hundred recent days, so each
# is parsed once per process rather than once per contact. Cleared when it grows past any sensible size.
_DAY_NUMBERS: dict[str, int] = {}
_DAY_NUMBERS_KEPT = 20_000


def _day_numbers() -> dict[str, int]:
    if len(_DAY_NUMBERS) > _DAY_NUMBERS_KEPT:
        _DAY_NUMBERS.clear()
    return _DAY_NUMBERS


def _day_number(iso_day: str) -> int:
    """The day's ordinal, or 0 when it cannot be read."""
    day = _parse_day(iso_day)
    return day.toordinal() if day else 0


# -- the words ---------------------------------------------------------------------------------------


def _write_thanks_owed(rows: Rows, today: date, due: _Due) -> Nudge:
    row, (promise_id, _, made_on, text) = due[5]
    first = row["f"]
    what = f" ({text})" if text else ""
    when = when_in_words(_parse_day(made_on) or today, today)
    return Nudge(
        key=due[1],
        kind="thank",
        contact_id=row["id"],
        reason=f"{first} helped you {when}{what} and hasn't heard a thank-you yet.",
        action=f"Send {first} a short, personal thank-you.",
        draft_kind="thanks",
        promise_id=promise_id,
        score=-due[0],
    )


def _write_promise(rows: Rows, today: date, due: _Due) -> Nudge:
    row, (promise_id, _, made_on, text) = due[5]
    first = row["f"]
    made = _parse_day(made_on) or today
    # Past a week, say how long it has been: the gap is what makes a promise feel overdue.
    when = when_in_words(made, today) if (today - made).days < 7 else f"{how_long(made, today)} ago"
    return Nudge(
        key=due[1],
        kind="followup",
        contact_id=row["id"],
        # The day first: "Yesterday, you told Priya you'd send her the book." (at the end, "... the book
        # yesterday." would read as when the book was due).
        reason=f"{when[:1].upper()}{when[1:]}, {_promised(first, text)[:1].lower()}{_promised(first, text)[1:]}.",
        action=f"Keep your word today, or tell {first} when you will.",
        draft_kind="followup",
        promise_id=promise_id,
        score=-due[0],
    )


def _write_nice_to_meet(rows: Rows, today: date, due: _Due) -> Nudge:
    row = due[5]
    context = row.get("mc", "")
    at = f" at {context}" if context else ""
    first = row["f"]
    when = when_in_words(_parse_day(row["mo"]) or today, today)
    return Nudge(
        key=due[1],
        kind="thank",
        contact_id=row["id"],
        reason=f"You met {first}{at} {when} - a short nice-to-meet-you note now makes the meeting stick.",
        action=f"Send {first} a nice-to-meet-you note.",
        draft_kind="followup",
        score=-due[0],
    )


def _write_loop(rows: Rows, today: date, due: _Due) -> Nudge:
    row = due[5]
    _, thanked_on, help_text = row["lt"]
    what = f" for {_clip(help_text)}" if help_text else ""
    first = row["f"]
    when = when_in_words(_parse_day(thanked_on) or today, today)
    return Nudge(
        key=due[1],
        kind="thank",
        contact_id=row["id"],
        reason=f"You thanked {first}{what} {when} - telling them how it turned out closes the loop.",
        action=f"Tell {first} how it turned out.",
        draft_kind="thanks",
        score=-due[0],
    )


def _write_reconnect(rows: Rows, today: date, due: _Due, *, gentle: bool = False) -> Nudge:
    row = due[5]
    first = row["f"]
    last = _parse_day(row["l"])
    said = row.get("s", "")
    about = f" ({_clip(said)})" if said else ""
    if last:
        gap = f"It's been {how_long(last, today)} since you were in touch with {first}"
    else:
        gap = f"You haven't been in touch with {first} for a while"
    if gentle:
        reason = f"{gap}{about} - nothing urgent today, but a light touch keeps the tie warm."
    else:
        circle = row["c"] if row["c"] in CIRCLE_CADENCE_DAYS else DEFAULT_CIRCLE
        cadence = CIRCLE_CADENCE_DAYS[circle]
        rhythm = _RHYTHM.get(cadence, f"every {cadence} days")
        reason = f"{gap}{about} - your {circle} circle gets a touch {rhythm}."
    interest = share_interest(row.get("i", ()), today)
    ask = f" and ask how things are going with {interest}" if interest else ""
    return Nudge(
        key=due[1],
        kind="reconnect",
        contact_id=row["id"],
        reason=reason,
        action=f"Send {first} a quick hello{ask}.",
        draft_kind="reconnect",
        score=-due[0],
    )


def _write_congrats(rows: Rows, today: date, due: _Due) -> Nudge:
    row = due[5]
    first = row["f"]
    return Nudge(
        key=due[1],
        kind="give",
        contact_id=row["id"],
        reason=f"Good news for {first}: {row['w']}. A quick congratulations shows you were paying attention.",
        action=f"Congratulate {first} on the news.",
        draft_kind="congrats",
        score=-due[0],
    )


def _write_share(rows: Rows, today: date, due: _Due, *, gentle: bool = False) -> Nudge:
    row = due[5]
    first = row["f"]
    interest = share_interest(row.get("i", ()), today)
    _, got, gave = row["k"]
    if got > gave:
        times = "once" if got == 1 else f"{got} times"
        reason = f"{first} has helped you {times} and you haven't given back yet - they care about {interest}."
    else:
        reason = f"{first} cares about {interest} - passing something on is a give that asks for nothing."
    return Nudge(
        key=due[1],
        kind="give",
        contact_id=row["id"],
        reason=f"Nothing urgent today. {reason}" if gentle else reason,
        action=f"Send {first} a short note passing on something about {interest}.",
        draft_kind="share",
        score=-due[0],
    )


def _write_intro(rows: Rows, today: date, due: _Due) -> Nudge:
    idea: IntroIdea = due[5]
    a, b = rows[idea.a]["f"], rows[idea.b]["f"]
    shared = f"both care about {idea.shared}" if idea.via == "interest" else f"both work at {idea.shared}"
    return Nudge(
        key=due[1],
        kind="give",
        contact_id=idea.a,
        other_contact_id=idea.b,
        reason=f"{a} and {b} {shared} - an intro helps two people at once.",
        action=f"Ask {a} and {b} if they'd like an intro.",
        draft_kind="intro",
        score=-due[0],
    )


def _write_gentle_share(rows: Rows, today: date, due: _Due) -> Nudge:
    return _write_share(rows, today, due, gentle=True)


def _write_gentle_reconnect(rows: Rows, today: date, due: _Due) -> Nudge:
    return _write_reconnect(rows, today, due, gentle=True)


# -- choosing the plan -----------------------------------------------------------------------------


def _pick(due: Sequence[_Due], budget: int) -> list[_Due]:
    """Greedy by score, with a penalty for repeating a kind and never the same person twice."""
    by_kind: dict[str, list[_Due]] = {}
    for item in due:  # already best first
        by_kind.setdefault(item[2], []).append(item)
    position = dict.fromkeys(by_kind, 0)
    chosen_of_kind = dict.fromkeys(by_kind, 0)
    people: set[str] = set()
    plan: list[_Due] = []
    while len(plan) < budget:
        best: _Due | None = None
        best_value = 0.0
        for kind, items in by_kind.items():
            i = position[kind]
            while i < len(items) and not people.isdisjoint(items[i][3]):
                i += 1
            position[kind] = i
            if i == len(items):
                continue
            value = -items[i][0] - KIND_REPEAT_PENALTY * chosen_of_kind[kind]
            if best is None or value > best_value or (value == best_value and items[i][1] < best[1]):
                best, best_value = items[i], value
        if best is None:
            break
        plan.append(best)
        people.update(best[3])
        chosen_of_kind[best[2]] += 1
        position[best[2]] += 1
    return plan


def _gentle(rows: Rows, today: date, hidden: set[str], yesterday: set[str], resting: set[str]) -> list[_Due]:
    """Nothing is due: one light touch for whoever went longest without one, so mornings are rarely empty.

    People in ``resting`` have a nudge snoozed today: the user just said "not now" about them, so a light
    touch to the same person would be the same nudge in other words.
    """
    fallback: list[_Due] = []
    for row in sorted(rows.values(), key=_longest_untouched_first):
        cid = row["id"]
        if cid in resting:
            continue
        people = (cid,)
        if share_interest(row.get("i", ()), today):
            due: _Due = (-SHARE, f"give:{cid}", "give", people, _write_gentle_share, row)
        else:
            due = (-RECONNECT_BASE["wider"], f"reconnect:{cid}", "reconnect", people, _write_gentle_reconnect, row)
        if due[1] in hidden:
            continue
        if due[1] not in yesterday:
            return [due]
        fallback.append(due)
    return fallback[:1]


def _longest_untouched_first(row: dict[str, Any]) -> tuple[str, str]:
    return row["l"], row["id"]


def _snoozed_people(hidden: set[str], everything: Sequence[_Due]) -> set[str]:
    """Who the snoozed nudges are about: read from today's candidates, or from the key when it names people."""
    people: set[str] = set()
    if not hidden:
        return people
    for due in everything:
        if due[1] in hidden:
            people.update(due[3])
    for key in hidden:
        kind, _, rest = key.partition(":")
        if kind in _KEYED_BY_CONTACT:
            people.update(rest.split(":"))
    return people


# Nudge kinds whose key names the contacts themselves ("reconnect:<id>", "intro:<id>:<id>"); the others name a
# promise or an interaction.
_KEYED_BY_CONTACT = frozenset(("thank-meet", "reconnect", "give", "congrats", "intro"))


# -- small helpers -----------------------------------------------------------------------------------


def _hidden_keys(snoozed: Mapping[str, str], today: date) -> set[str]:
    hidden = set()
    for key, until in snoozed.items():
        try:
            if today < date.fromisoformat(until[:10]):
                hidden.add(key)
        except (TypeError, ValueError):
            continue  # a garbled snooze should not hide a nudge forever
    return hidden


def _parse_day(iso_day: str) -> date | None:
    try:
        return date.fromisoformat(iso_day[:10]) if iso_day else None
    except ValueError:
        return None


def _promised(first: str, text: str) -> str:
    """'You promised Priya the Ferrazzi book' or 'You told Priya you'd send her the book'."""
    text = text.strip().rstrip(".")
    lower = text.lower()
    for opener in ("i'll ", "i will ", "ill ", "to "):
        if lower.startswith(opener):
            return f"You told {first} you'd {text[len(opener) :]}"
    if lower.split(" ", 1)[0] in _ACTION_VERBS:
        return f"You told {first} you'd {text}"
    return f"You promised {first} {text}" if text else f"You made {first} a promise"


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."
