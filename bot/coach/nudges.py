"""Morning nudges: the few things worth doing today to keep the user's relationships alive.

``candidates`` lists everything that is due, each with a score; ``plan_day`` picks a small, varied plan
from it. The scores encode the coaching order: social debts first (a thank-you owed for help, then a promise,
then the nice-to-meet-you note while the meeting is fresh), then keeping the inner circle warm, then giving
first, then the wider circle (principles 4, 5, 3 and 6). The plan is a mix, never one person twice, and
respects snoozes.

Planning runs for every user every morning, so scoring is one cheap pass over the contacts (ISO day strings
compare like dates) and the wording is written only for the nudges that make the plan.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from bot.coach.give import IntroIdea, fresh_win, intro_ideas, share_interest
from bot.coach.models import CIRCLE_CADENCE_DAYS, DEFAULT_CIRCLE, Contact, Interaction, Promise
from bot.coach.network import Network
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
    draft_kind: str | None  # "thanks" | "followup" | "reconnect" | "share" | "intro" | None
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


def candidates(network: Network, today: date) -> list[Nudge]:
    """Every nudge due today, best first, before the daily budget and variety are applied."""
    if not network.contacts:
        return [STARTER_NUDGE]
    return [_write(network, today, due) for due in _all_due(network, today)]


def plan_day(
    network: Network,
    today: date,
    *,
    budget: int = 3,
    snoozed: Mapping[str, str] | None = None,
    yesterday: Sequence[str] = (),
) -> list[Nudge]:
    """Today's plan: at most ``budget`` nudges, best first, a mix of kinds, one per person.

    ``snoozed`` maps a nudge key to the ISO day it may come back; ``yesterday`` holds the keys suggested
    yesterday, which stay away today unless one of them is still the most important thing to do.
    """
    if not network.contacts:
        return [STARTER_NUDGE]
    budget = max(BUDGET_RANGE[0], min(BUDGET_RANGE[1], budget))
    hidden = _hidden_keys(snoozed or {}, today)
    due = _all_due(network, today)
    if hidden:
        due = [d for d in due if d[1] not in hidden]
    if due and yesterday:
        repeat = set(yesterday) - {due[0][1]}  # the single most important thing may come back
        due = [d for d in due if d[1] not in repeat]
    plan = _pick(due, budget) or _gentle(network, today, hidden, set(yesterday))
    return [_write(network, today, d) for d in plan]


# -- what is due -----------------------------------------------------------------------------------

# A candidate before its words are written: (-score, key, kind, people involved, writer, detail). A plain
# tuple because a network of hundreds of contacts yields hundreds of candidates a morning and few are kept;
# the score is negated so a plain sort ranks best first, ties broken by the unique key.
_Writer = Callable[[Network, date, "_Due"], Nudge]
_Due = tuple[float, str, str, tuple[str, ...], _Writer, Any]


def _write(network: Network, today: date, due: _Due) -> Nudge:
    return due[4](network, today, due)


def _all_due(network: Network, today: date) -> list[_Due]:
    """Everything due, best first, in one pass over the contacts."""
    iso = today.isoformat()

    def day(n: int) -> str:
        return (today - timedelta(days=n)).isoformat()

    overdue_before = {circle: day(cadence) for circle, cadence in CIRCLE_CADENCE_DAYS.items()}
    meet_from, loop_from, loop_to = day(MEET_FOLLOWUP_DAYS[1]), day(LOOP_DAYS[1]), day(LOOP_DAYS[0])
    win_to, share_to = day(WIN_QUIET_DAYS), day(SHARE_QUIET_DAYS)
    today_ordinal = today.toordinal()
    timeline_of = network.timeline

    due: list[_Due] = []
    warm: list[tuple[float, str, Contact]] = []
    strength_of: dict[str, float] = {}
    ordinals: dict[str, int] = {}
    for contact in network.contacts:
        cid = contact.id
        timeline = timeline_of(cid)
        last_on = (timeline[-1].on if timeline else "") or contact.met_on or contact.created_at[:10]
        circle = contact.circle if contact.circle in overdue_before else DEFAULT_CIRCLE

        if meet_from <= last_on < iso:
            item = _nice_to_meet(contact, timeline, today)
            if item is not None:
                due.append(item)
        if (
            loop_from <= last_on <= loop_to
            and timeline
            and timeline[-1].kind == "thanked"
            and any(i.kind == "got" for i in timeline)
        ):
            due.append((-CLOSE_THE_LOOP, f"loop:{timeline[-1].id}", "thank", (cid,), _write_loop, contact))

        overdue = last_on and last_on < overdue_before[circle]
        shares = contact.interests and last_on <= share_to
        wins = contact.wins and last_on <= win_to
        warm_tie = contact.interests and len(timeline) >= INTRO_MIN_INTERACTIONS
        if not (overdue or shares or wins or warm_tie):
            continue
        # One pass over the timeline for the give/get balance that strength and reciprocity both use.
        got = gave = 0
        for item in timeline:
            kind = item.kind
            if kind == "got":
                got += 1
            elif kind == "gave":
                gave += 1
        # More history and a two-way give/get make a stronger tie (principle 1).
        # (Conditional expressions rather than min()/max(): this loop runs for every contact every morning.)
        strength = (len(timeline) if len(timeline) < 10 else 10) * 0.3 + (1.0 if got and gave else 0.0)
        if overdue:
            ordinal = ordinals.get(last_on)
            if ordinal is None:  # many contacts share a day; parse each day once
                ordinal = ordinals[last_on] = _ordinal(last_on, today_ordinal)
            late = (today_ordinal - ordinal) / CIRCLE_CADENCE_DAYS[circle] - 1.0
            score = RECONNECT_BASE[circle] + (late if late < 2.0 else 2.0) * 5.0 + (strength if strength < 4.0 else 4.0)
            due.append((-score, f"reconnect:{cid}", "reconnect", (cid,), _write_reconnect, contact))
        if shares or wins:
            # Reciprocity: people who helped the user without getting anything back come first (principle 3).
            debt = got - gave if got - gave < 3 else 3
            score = (debt * 4.0 if debt > 0 else 0.0) + _CIRCLE_BONUS[circle]
            if wins and fresh_win(contact, timeline):
                due.append((-WIN - score, f"congrats:{cid}", "give", (cid,), _write_congrats, contact))
            elif shares:
                due.append((-SHARE - score, f"give:{cid}", "give", (cid,), _write_share, contact))
        if warm_tie:
            warm.append((strength, cid, contact))
            strength_of[cid] = strength

    for promise in network.promises:
        if promise.done_on or promise.contact_id not in network.by_id:
            continue  # kept, or a promise to someone since deleted
        days = _days_since(promise.made_on, today)
        people = (promise.contact_id,)
        if promise.kind == "thanks":
            score = THANKS_OWED + min(days, 30) * 0.3
            due.append((-score, f"thank:{promise.id}", "thank", people, _write_thanks_owed, promise))
        elif promise.kind == "promise":
            score = PROMISE_OPEN + min(days, 60) * 0.25
            due.append((-score, f"followup:{promise.id}", "followup", people, _write_promise, promise))

    if len(warm) > 1:
        warm.sort(reverse=True)  # strongest ties first (ties broken by id, so the order is stable)
        for idea in intro_ideas([c for _, _, c in warm[:INTRO_POOL]], network):
            score = INTRO + min(strength_of[idea.a.id], strength_of[idea.b.id], 3.0)
            people = (idea.a.id, idea.b.id)
            due.append((-score, f"intro:{idea.a.id}:{idea.b.id}", "give", people, _write_intro, idea))
    due.sort()  # best first: negated score, then the (unique) key
    return due


def _got_gave(timeline: Sequence[Interaction]) -> tuple[int, int]:
    kinds = [i.kind for i in timeline]
    return kinds.count("got"), kinds.count("gave")


def _nice_to_meet(contact: Contact, timeline: Sequence[Interaction], today: date) -> _Due | None:
    met_on = contact.met_on or next((i.on for i in timeline if i.kind == "met"), "")
    days = _days_since(met_on, today) if met_on else -1
    if not MEET_FOLLOWUP_DAYS[0] <= days <= MEET_FOLLOWUP_DAYS[1]:
        return None
    for item in timeline:
        # Anything after the meeting day, or a real reply on the day itself, means the user already followed
        # up; a note jotted down at the meeting does not.
        if item.on > met_on or (item.on == met_on and item.kind not in ("met", "note")):
            return None
    return (
        -NICE_TO_MEET - days,
        f"thank-meet:{contact.id}",
        "thank",
        (contact.id,),
        _write_nice_to_meet,
        contact,
    )


# -- the words ---------------------------------------------------------------------------------------


def _write_thanks_owed(network: Network, today: date, due: _Due) -> Nudge:
    promise: Promise = due[5]
    first = network.by_id[promise.contact_id].first_name
    what = f" ({promise.text.strip()})" if promise.text.strip() else ""
    when = when_in_words(_parse_day(promise.made_on) or today, today)
    return Nudge(
        key=due[1],
        kind="thank",
        contact_id=promise.contact_id,
        reason=f"{first} helped you {when}{what} and hasn't heard a thank-you yet.",
        action=f"Send {first} a short, personal thank-you.",
        draft_kind="thanks",
        promise_id=promise.id,
        score=-due[0],
    )


def _write_promise(network: Network, today: date, due: _Due) -> Nudge:
    promise: Promise = due[5]
    first = network.by_id[promise.contact_id].first_name
    made = _parse_day(promise.made_on) or today
    # Past a week, say how long it has been: the gap is what makes a promise feel overdue.
    when = when_in_words(made, today) if (today - made).days < 7 else f"{how_long(made, today)} ago"
    return Nudge(
        key=due[1],
        kind="followup",
        contact_id=promise.contact_id,
        reason=f"{_promised(first, promise.text)} {when}.",
        action=f"Keep your word today, or tell {first} when you will.",
        draft_kind="followup",
        promise_id=promise.id,
        score=-due[0],
    )


def _write_nice_to_meet(network: Network, today: date, due: _Due) -> Nudge:
    contact: Contact = due[5]
    timeline = network.timeline(contact.id)
    met_on = contact.met_on or next((i.on for i in timeline if i.kind == "met"), "")
    context = contact.met_context.strip() or next(
        (i.context.strip() for i in timeline if i.kind == "met" and i.context.strip()), ""
    )
    at = f" at {context}" if context else ""
    first = contact.first_name
    when = when_in_words(_parse_day(met_on) or today, today)
    return Nudge(
        key=due[1],
        kind="thank",
        contact_id=contact.id,
        reason=f"You met {first}{at} {when} - a short nice-to-meet-you note now makes the meeting stick.",
        action=f"Send {first} a nice-to-meet-you note.",
        draft_kind="followup",
        score=-due[0],
    )


def _write_loop(network: Network, today: date, due: _Due) -> Nudge:
    contact: Contact = due[5]
    timeline = network.timeline(contact.id)
    help_text = next((i.text.strip() for i in reversed(timeline) if i.kind == "got"), "")
    what = f" for {_clip(help_text)}" if help_text else ""
    first = contact.first_name
    when = when_in_words(_parse_day(timeline[-1].on) or today, today)
    return Nudge(
        key=due[1],
        kind="thank",
        contact_id=contact.id,
        reason=f"You thanked {first}{what} {when} - telling them how it turned out closes the loop.",
        action=f"Tell {first} how it turned out.",
        draft_kind="thanks",
        score=-due[0],
    )


def _write_reconnect(network: Network, today: date, due: _Due, *, gentle: bool = False) -> Nudge:
    contact: Contact = due[5]
    timeline = network.timeline(contact.id)
    first = contact.first_name
    last = _parse_day((timeline[-1].on if timeline else "") or contact.met_on or contact.created_at[:10])
    said = next((i.text.strip() for i in reversed(timeline) if i.text.strip()), "")
    about = f" ({_clip(said)})" if said else ""
    if last:
        gap = f"It's been {how_long(last, today)} since you were in touch with {first}"
    else:
        gap = f"You haven't been in touch with {first} for a while"
    if gentle:
        reason = f"{gap}{about} - nothing urgent today, but a light touch keeps the tie warm."
    else:
        circle = contact.circle if contact.circle in CIRCLE_CADENCE_DAYS else DEFAULT_CIRCLE
        cadence = CIRCLE_CADENCE_DAYS[circle]
        rhythm = _RHYTHM.get(cadence, f"every {cadence} days")
        reason = f"{gap}{about} - your {circle} circle gets a touch {rhythm}."
    interest = share_interest(contact, today)
    ask = f" and ask how things are going with {interest}" if interest else ""
    return Nudge(
        key=due[1],
        kind="reconnect",
        contact_id=contact.id,
        reason=reason,
        action=f"Send {first} a quick hello{ask}.",
        draft_kind="reconnect",
        score=-due[0],
    )


def _write_congrats(network: Network, today: date, due: _Due) -> Nudge:
    contact: Contact = due[5]
    first = contact.first_name
    win = fresh_win(contact, network.timeline(contact.id))
    return Nudge(
        key=due[1],
        kind="give",
        contact_id=contact.id,
        reason=f"Good news for {first}: {win}. A quick congratulations shows you were paying attention.",
        action=f"Congratulate {first} on the news.",
        draft_kind=None,
        score=-due[0],
    )


def _write_share(network: Network, today: date, due: _Due, *, gentle: bool = False) -> Nudge:
    contact: Contact = due[5]
    first = contact.first_name
    interest = share_interest(contact, today)
    got, gave = _got_gave(network.timeline(contact.id))
    if got > gave:
        times = "once" if got == 1 else f"{got} times"
        reason = f"{first} has helped you {times} and you haven't given back yet - they care about {interest}."
    else:
        reason = f"{first} cares about {interest} - passing something on is a give that asks for nothing."
    return Nudge(
        key=due[1],
        kind="give",
        contact_id=contact.id,
        reason=f"Nothing urgent today. {reason}" if gentle else reason,
        action=f"Send {first} a short note passing on something about {interest}.",
        draft_kind="share",
        score=-due[0],
    )


def _write_intro(network: Network, today: date, due: _Due) -> Nudge:
    idea: IntroIdea = due[5]
    a, b = idea.a.first_name, idea.b.first_name
    shared = f"both care about {idea.shared}" if idea.via == "interest" else f"both work at {idea.shared}"
    return Nudge(
        key=due[1],
        kind="give",
        contact_id=idea.a.id,
        other_contact_id=idea.b.id,
        reason=f"{a} and {b} {shared} - an intro helps two people at once.",
        action=f"Ask {a} and {b} if they'd like an intro.",
        draft_kind="intro",
        score=-due[0],
    )


def _write_gentle_share(network: Network, today: date, due: _Due) -> Nudge:
    return _write_share(network, today, due, gentle=True)


def _write_gentle_reconnect(network: Network, today: date, due: _Due) -> Nudge:
    return _write_reconnect(network, today, due, gentle=True)


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


def _gentle(network: Network, today: date, hidden: set[str], yesterday: set[str]) -> list[_Due]:
    """Nothing is due: one light touch for whoever went longest without one, so mornings are never empty."""

    def last_on(contact: Contact) -> str:
        timeline = network.timeline(contact.id)
        return (timeline[-1].on if timeline else "") or contact.met_on or contact.created_at[:10]

    fallback: list[_Due] = []
    for contact in sorted(network.contacts, key=lambda c: (last_on(c), c.id)):
        people = (contact.id,)
        if share_interest(contact, today):
            due: _Due = (-SHARE, f"give:{contact.id}", "give", people, _write_gentle_share, contact)
        else:
            due = (
                -RECONNECT_BASE["wider"],
                f"reconnect:{contact.id}",
                "reconnect",
                people,
                _write_gentle_reconnect,
                contact,
            )
        if due[1] in hidden:
            continue
        if due[1] not in yesterday:
            return [due]
        fallback.append(due)
    return fallback[:1]


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


def _ordinal(iso_day: str, default: int) -> int:
    day = _parse_day(iso_day)
    return day.toordinal() if day else default


def _days_since(iso_day: str, today: date) -> int:
    day = _parse_day(iso_day)
    return max(0, (today - day).days) if day else 0


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
