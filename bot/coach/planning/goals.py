"""Goals: what the user wants from their network now, who can help, and outcomes that close loops.

Networking with a purpose (principle 8) and closing the loop on outcomes (principle 15); the rules are in
docs/coaching.md, "Goals". A goal is a small dict on the profile (``Goal``), so it travels in the export as
``profile.goals`` and the morning planner reads it from the notebook's state without loading any record.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple, NotRequired, TypedDict

from bot.coach.reading.shorthand import SECTORS, article, company_name, is_role, tidy, with_article
from bot.store.records import Profile, new_id
from bot.store.view import Network

MAX_GOAL_CHARS = 200
MAX_OPEN_GOALS = 5
LOOP_DAYS = 7  # close-the-loop nudges stay due this long after an outcome (they come within a day or two)


class Progress(TypedDict):
    on: str
    what: str  # an outcome key, see OUTCOMES
    good: bool
    about: NotRequired[str]  # the contact a good outcome note was about: they took part in it


class Goal(TypedDict):
    id: str
    text: str
    by: str  # ISO date or ""
    done_on: str  # ISO date it was reached or dropped, "" while open
    set_on: NotRequired[str]
    outcome: NotRequired[str]  # "reached" | "dropped" once done
    progress: NotRequired[list[Progress]]
    loops: NotRequired[list[str]]  # contact ids still to be told how it turned out
    outcome_on: NotRequired[str]  # the day of the latest outcome


# -- setting and ending goals -----------------------------------------------------------------------

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_BY = re.compile(
    r"\s*,?\s+(?:by|before|until)\s+(?:the\s+)?(?:end\s+of\s+)?"
    r"(?P<when>(?P<iso>\d{4}-\d{2}-\d{2})|(?P<month>[a-z]{3,9})(?:\s+(?P<year>\d{4}))?|(?P<only_year>\d{4}))\s*\.?$",
    re.IGNORECASE,
)


class GoalText(NamedTuple):
    text: str  # without the deadline
    by: str  # ISO date or ""


def parse_goal(text: str, today: date) -> GoalText:
    """'land a PM role at a fintech by March' -> ('land a PM role at a fintech', the last day of next March)."""
    text = " ".join(text.split())[:MAX_GOAL_CHARS].rstrip(".!")
    match = _BY.search(text)
    if not match:
        return GoalText(text, "")
    by = _deadline(match, today)
    if not by:
        return GoalText(text, "")
    return GoalText(text[: match.start()].strip(), by.isoformat())


def _deadline(match: re.Match[str], today: date) -> date | None:
    if match["iso"]:
        try:
            return date.fromisoformat(match["iso"])
        except ValueError:
            return None
    if match["only_year"]:
        return date(int(match["only_year"]), 12, 31)
    month_word = match["month"].lower()[:3]
    if month_word not in _MONTHS or not match["month"].lower().startswith(month_word):
        return None
    month = _MONTHS.index(month_word) + 1
    year = int(match["year"]) if match["year"] else today.year + (1 if month < today.month else 0)
    end = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(end.toordinal() - 1)


def open_goals(goals: Iterable[Mapping[str, Any]]) -> list[Goal]:
    return [g for g in goals if not g.get("done_on")]  # type: ignore[misc]


def add_goal(profile: Profile, text: str, today: date) -> Goal:
    """A new open goal on the profile (the caller saves it)."""
    parsed = parse_goal(text, today)
    goal: Goal = {"id": new_id(), "text": parsed.text, "by": parsed.by, "done_on": "", "set_on": today.isoformat()}
    profile.goals.append(dict(goal))
    return goal


def end_goal(profile: Profile, goal_id: str, outcome: str, today: date) -> Goal | None:
    """Mark a goal reached or dropped; None when it is unknown or already done."""
    for goal in profile.goals:
        if goal.get("id") == goal_id and not goal.get("done_on"):
            goal["done_on"] = today.isoformat()
            goal["outcome"] = outcome
            return goal  # type: ignore[return-value]
    return None


# -- what a goal is about: who can help ------------------------------------------------------------

_RAISE = frozenset(
    [
        "raise",
        "raising",
        "round",
        "seed",
        "funding",
        "fundraise",
        "fundraising",
        "investors",
        "investor",
        "series",
        "vc",
    ]
)
_JOB = frozenset(["job", "role", "position", "offer", "hired", "career", "promotion", "work", "internship"])
_COFOUNDER = frozenset(["cofounder", "co-founder", "cofounders"])
# The user is the one hiring ("hire a designer", "hiring 2 engineers"): they need candidates, not a referral.
_HIRE = frozenset(["hire", "hiring", "recruit", "recruiting", "staff", "staffing"])
_CLIENTS = frozenset(["clients", "client", "customers", "customer", "sales", "leads", "users"])
_INVESTOR_WORDS = frozenset(["investor", "investors", "vc", "angel", "partner", "fund", "ventures", "capital"])
_BUILDER_WORDS = frozenset(["engineer", "developer", "founder", "cto", "designer"])
_FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "our",
        "some",
        "new",
        "first",
        "next",
        "good",
        "great",
        "real",
        "to",
        "for",
        "of",
        "in",
        "at",
        "on",
        "with",
        "and",
        "or",
        "by",
        "land",
        "get",
        "find",
        "become",
        "be",
        "make",
        "join",
        "start",
        "build",
        "raise",
        "into",
        "as",
    ]
)
_ROLE_WORDS = frozenset(
    [
        "pm",
        "product",
        "manager",
        "engineer",
        "developer",
        "designer",
        "cto",
        "ceo",
        "vp",
        "director",
        "lead",
        "head",
        "marketer",
        "analyst",
        "researcher",
        "scientist",
        "writer",
        "editor",
        "recruiter",
        "sales",
    ]
)


# Words that qualify a role rather than name one: alone they are the role ("become a director").
_QUALIFIERS = frozenset(["product", "manager", "lead", "head", "director", "vp"])


class Focus(NamedTuple):
    """What a goal needs from the network."""

    kind: str  # "job" | "hire" | "raise" | "cofounder" | "clients" | "other"
    target: str  # the company or field named after "at"/"in" ("fintech"), or ""
    roles: frozenset[str]  # role words named in the goal ("pm")
    ask: str  # the ask that fits it, see strength.ASK_THRESHOLD
    prep: str = "at"  # the word before the target: "at" a company or a kind of company, "in" a field


@functools.lru_cache(maxsize=256)
def focus_of(text: str) -> Focus:
    words = [w.strip(".,!?;:()") for w in text.lower().split()]
    found = set(words)
    target, prep = "", "at"
    for i, word in enumerate(words):
        if word in ("at", "in", "into") and i + 1 < len(words):
            rest = [w for w in words[i + 1 :] if w not in ("a", "an", "the", "some")]
            if rest and rest[0] not in _MONTHS and not rest[0].isdigit():
                target, prep = rest[0], "at" if word == "at" else "in"
                break
    # "2 engineers": a role named in the plural is the same role
    roles = frozenset(found & _ROLE_WORDS) | {w[:-1] for w in found if w.endswith("s") and w[:-1] in _ROLE_WORDS}
    if {"product", "manager"} <= roles or {"product", "owner"} <= found:  # one role, not a product and a manager
        roles = (roles - {"product", "manager"}) | {"pm"}
    if roles - _QUALIFIERS:
        roles -= _QUALIFIERS  # "lead designer": the designer is the role
    if found & _COFOUNDER:
        return Focus("cofounder", target, roles, "intro", prep)
    if found & _RAISE:
        return Focus("raise", target, roles, "intro", prep)
    if found & _HIRE and (roles or words[0] in _HIRE):
        return Focus("hire", target, roles, "intro", prep)  # an introduction to someone they would recommend
    if found & _JOB or roles:
        return Focus("job", target, roles, "referral", prep)
    if found & _CLIENTS:
        return Focus("clients", target, roles, "intro", prep)
    return Focus("other", target, roles, "advice", prep)


def _words(values: Iterable[str]) -> set[str]:
    return {w.strip(".,!?;:()#").removesuffix("s") for v in values for w in v.lower().split()}


def why_they_can_help(row: Mapping[str, Any], focus: Focus) -> str:
    """A short clause saying why this contact can help with the goal ("works at a fintech"), or ""."""
    company = row.get("company", "")
    tags = row.get("tags", ())
    offers = row.get("offers", ())
    role = row.get("role", "")
    if not (company or tags or offers or role):
        return ""
    about = _words((company, role, *tags, *offers))
    target = focus.target.removesuffix("s")
    if target and target in about:
        if company and target in _words((company,)):
            return f"works at {company}"
        return f"knows the {focus.target} world"
    if focus.kind == "raise" and about & _INVESTOR_WORDS:
        return "invests" if "investor" in about or "angel" in about or "vc" in about else "works with investors"
    if focus.kind == "cofounder" and about & _BUILDER_WORDS:
        return "builds things and knows builders"
    if focus.roles and about & {r.removesuffix("s") for r in focus.roles}:
        said = _role_in_a_sentence(role)
        return f"works as {with_article(said) if is_role(said.split()[-1]) else said}" if role else "works in that role"
    return ""


def _role_in_a_sentence(role: str) -> str:
    """A card's role said mid-sentence: "Designer" -> "designer", "Head of Product" -> "head of product",
    "VP Engineering" -> "VP engineering"; acronyms and mixed case stay ("PM", "iOS developer")."""
    return " ".join(w.lower() if w[:1].isupper() and w[1:].islower() else w for w in role.split())


def gap_words(focus: Focus) -> str:
    """What is missing when nobody known can help: "works at a fintech" / "invests"."""
    if focus.target:
        if focus.kind not in ("job", "clients"):
            return f"knows the {focus.target if focus.target in SECTORS else company_name(focus.target)} world"
        if focus.prep == "in":  # "a PM role in healthcare": a field, not a company
            return f"works in {focus.target}"
        return f"works at {company_name(focus.target)}"  # "at a fintech", "at Stripe"
    if focus.kind == "raise":
        return "invests"
    if focus.kind == "cofounder":
        return "could be a cofounder"
    if focus.roles:
        role = sorted(focus.roles)[0]
        role = tidy(role)
        return f"works as {article(role)} {role}"
    return ""


def first_person(text: str) -> str:
    """The goal as the user would say it in a note: 'I'm looking to land a PM role at a fintech'."""
    first = text.split(" ", 1)[0].lower() if text else ""
    if first in ("land", "get", "find", "raise", "become", "join", "start", "build", "hire", "move", "switch", "grow"):
        return f"I'm looking to {text}"
    return f"I'm looking for {text}"


# -- outcomes ---------------------------------------------------------------------------------------


class Outcome(NamedTuple):
    key: str  # "offer", "round", "signed", "passed", "rejected"
    good: bool
    final: bool  # a good final outcome reaches the goal


_OUTCOMES: tuple[tuple[re.Pattern[str], Outcome], ...] = (
    (
        re.compile(r"\b(?:got|accepted|received|landed)\s+(?:the|an|a|my)\s+(?:job\s+)?offer\b", re.I),
        Outcome("offer", True, True),
    ),
    (re.compile(r"\b(?:got|landed)\s+the\s+(?:job|role|position)\b", re.I), Outcome("offer", True, True)),
    (re.compile(r"\bclosed\s+(?:the|our|my)\s+(?:[\w-]+\s+){0,2}round\b", re.I), Outcome("round", True, True)),
    (re.compile(r"\b(?:signed|it's\s+signed|deal\s+signed)\b", re.I), Outcome("signed", True, True)),
    (
        re.compile(r"\b(?:she|he|they|we)\s+passed\b|\bpassed\s+on\s+(?:us|me|it)\b", re.I),
        Outcome("passed", False, False),
    ),
    (
        re.compile(r"\b(?:rejected|turned\s+(?:me|us)\s+down|didn't\s+get\s+(?:the|it))\b", re.I),
        Outcome("rejected", False, False),
    ),
)

# How each outcome reads in a note to someone who helped, first person.
OUTCOME_NEWS = {
    "offer": "I got the offer",
    "round": "we closed the round",
    "signed": "we signed",
    "passed": "it didn't work out this time",
    "rejected": "it didn't work out this time",
}


def outcome_of(key: str) -> Outcome | None:
    """The outcome with this key, as ``outcome_in`` reads it ("offer", "round", ...)."""
    return next((outcome for _, outcome in _OUTCOMES if outcome.key == key), None)


def outcome_in(text: str) -> Outcome | None:
    """The outcome a note reports, if it reports one."""
    for pattern, outcome in _OUTCOMES:
        if pattern.search(text):
            return outcome
    return None


class OutcomeSaved(NamedTuple):
    goal: Goal
    outcome: Outcome
    reached: bool
    helpers: list[str]  # contact ids who will get a close-the-loop nudge


# The goal kinds each outcome can belong to; a no ("she passed", "rejected") can be part of any goal.
_FITS: dict[str, tuple[str, ...]] = {"offer": ("job",), "round": ("raise",), "signed": ("clients",)}


def goals_for(goals: Sequence[Mapping[str, Any]], outcome: Outcome) -> list[Goal]:
    """The open goals an outcome fits (docs/coaching.md, "Goals"): an offer a job goal, a round a raise, a signed deal
    a goal of clients; a no fits any. One fit is the goal; none or several, and the user is asked."""
    kinds = _FITS.get(outcome.key)
    return [g for g in open_goals(goals) if kinds is None or focus_of(g["text"]).kind in kinds]


def find_goal(goals: Sequence[Mapping[str, Any]], goal_id: str) -> Goal | None:
    return next((g for g in goals if g.get("id") == goal_id), None)  # type: ignore[return-value]


def restore_goal(profile: Profile, before: Mapping[str, Any]) -> Goal | None:
    """Undo: the goal as it was before an outcome or an ending (``before`` is a copy taken then)."""
    for index, goal in enumerate(profile.goals):
        if goal.get("id") == before.get("id"):
            profile.goals[index] = copy.deepcopy(dict(before))
            return profile.goals[index]  # type: ignore[return-value]
    return None


def apply_outcome(
    profile: Profile, network: Network, outcome: Outcome, subject_id: str, today: date, goal_id: str
) -> OutcomeSaved | None:
    """Record an outcome on its goal: progress, helpers to tell, and the goal reached when it was a final yes.

    Helpers: everyone the user received help from or asked since the goal was set, whoever introduced the people
    met since then, and the person a good-news note is about. The person the note is about is left out when they
    said no. None when the goal is not open (any more).
    """
    goal = find_goal(profile.goals, goal_id)
    if goal is None or goal.get("done_on"):
        return None
    since = goal.get("set_on", "")
    helpers: list[str] = []
    for item in network.interactions:
        if item.kind in ("got", "asked") and item.on >= since and item.contact_id not in helpers:
            helpers.append(item.contact_id)
    for contact in network.contacts:
        introducer = contact.introduced_by_id
        met_since = (contact.met_on or contact.created_at[:10]) >= since
        if introducer and met_since and introducer not in helpers and network.contact(introducer):
            helpers.append(introducer)
    if outcome.good and subject_id and subject_id not in helpers:
        helpers.append(subject_id)  # the note is about them: they were part of it
    if not outcome.good and subject_id in helpers:
        helpers.remove(subject_id)
    progress = list(goal.get("progress", []))
    step: Progress = {"on": today.isoformat(), "what": outcome.key, "good": outcome.good}
    if outcome.good and subject_id:
        step["about"] = subject_id  # they took part in it (the fund that led, the client who signed): thanks, not news
    progress.append(step)
    goal["progress"] = progress
    goal["loops"] = sorted(set(goal.get("loops", [])) | set(helpers))
    goal["outcome_on"] = today.isoformat()
    reached = outcome.good and outcome.final
    if reached:
        goal["done_on"] = today.isoformat()
        goal["outcome"] = "reached"
    return OutcomeSaved(goal, outcome, reached, helpers)


def loop_closed(profile: Profile, goal_id: str, contact_id: str) -> None:
    """The user told this helper how it turned out."""
    for goal in profile.goals:
        if goal.get("id") == goal_id and contact_id in goal.get("loops", []):
            goal["loops"] = [c for c in goal["loops"] if c != contact_id]
