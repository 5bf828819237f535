"""What a goal asks of whom: an ask a person can say yes to, fitted to their role and to the user's goal
(principle 16; the rules are in docs/coaching.md, "Asks").

An investor is asked to invest (their fund named), someone who knows investors for one introduction, a recruiter for
a referral to a named role, someone at a company in the goal's field for an introduction to the hiring manager, a
peer for advice on one named question. Someone who fits none of these cannot plausibly help the goal, and is never
framed as helping it. How well placed each one is (``AskFit.fit``) ranks them, with tie strength and gives made
(due.py).

The goal's field ("a fintech") is known from the user's own words: a contact's tags, where they met ("the fintech
founders breakfast": summary.py adds the field to their "can" words), and the answers to "Is N26 a fintech?"
(``fields``: company, folded -> the fields the user said it is in). No maintained list of which companies are in
which field could be installed, so the user's words are the source.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from bot.coach.planning.goals import Focus
from bot.coach.reading.shorthand import SECTORS

INVESTOR_WORDS = frozenset({"investor", "vc", "angel", "venture", "ventures", "capital", "fund", "partners"})
_FUND_WORDS = frozenset({"ventures", "venture", "capital", "fund", "partners", "vc"})
RECRUITER_WORDS = frozenset({"recruiter", "recruiting", "talent", "headhunter", "sourcer", "hr"})
_BUILDER_WORDS = frozenset({"engineer", "developer", "founder", "cto", "designer", "cofounder"})
_KNOWS_INVESTORS = frozenset({"investor", "vc", "fundraising", "angel"})

# Role phrases said as one role: a "product manager" is a PM, not "a product" and "a manager".
ROLE_PHRASES = (("product manager", "pm"), ("product owner", "pm"), ("program manager", "pm"))


class AskFit(NamedTuple):
    """The ask that fits one contact and one goal."""

    kind: str  # "invest" | "intro_investor" | "referral" | "intro_team" | "advice" | "intro_candidate" | "intro_client"
    bar: str  # the action threshold it must clear (strength.ASK_THRESHOLD)
    fit: float  # 0..1: how well placed they are to help this goal
    org: str  # the company or fund the ask names ("Acme Ventures", "Monzo"), or ""
    in_field: bool  # their company is in the goal's field (the user said so, or tagged them)


_BARS = {
    "invest": "intro",
    "intro_investor": "intro",
    "referral": "referral",
    "intro_team": "intro",
    "advice": "advice",
    "intro_candidate": "intro",
    "intro_client": "intro",
}


@functools.lru_cache(maxsize=4096)
def role_tokens(role: str) -> frozenset[str]:
    """The roles a card's role names as one word each: "Senior Product Manager" -> {"pm"}."""
    low = " ".join(role.lower().split())
    return frozenset(token for phrase, token in ROLE_PHRASES if phrase in low)


@functools.lru_cache(maxsize=4096)
def context_fields(context: str) -> frozenset[str]:
    """The fields a place names ("the fintech founders breakfast" -> {"fintech"}): met there, they know that world."""
    words = (w.strip(".,!?;:()#'").lower() for w in context.split())
    return frozenset(w.removesuffix("s") for w in words if w in SECTORS)


def goal_words(focus: Focus) -> frozenset[str]:
    """The key words a row's "can" words must share to be worth checking for this goal (a cheap first filter)."""
    words = set(focus.roles)
    if focus.target:
        words.add(focus.target.removesuffix("s"))
    if focus.kind == "raise":
        words |= INVESTOR_WORDS | {"vcs", "investors", "fundraising"}
    elif focus.kind == "cofounder":
        words |= _BUILDER_WORDS
    elif focus.kind in ("hire", "job"):
        words |= RECRUITER_WORDS  # people whose work is finding candidates, and placing them
    return frozenset(words)


def ask_fit(row: Mapping[str, Any], focus: Focus, fields: Mapping[str, Sequence[str]]) -> AskFit | None:
    """The ask this contact can say yes to for this goal, or None when they cannot plausibly help it."""
    can = frozenset(row.get("can", ()))
    company = row.get("company", "")
    tags = {t.lower() for t in row.get("tags", ())}
    target = focus.target.removesuffix("s")
    said = bool(target) and (
        target in tags or target in (s.removesuffix("s") for s in fields.get(company.lower(), ()))
    )  # the user said their company is in the field (a tag, or "yes" to "Is N26 a fintech?")
    at_target = said or (bool(target) and target in can)  # or their company is the target, or met in that world
    in_field = said and target not in _words(company)
    same_role = bool(focus.roles) and not can.isdisjoint(focus.roles)
    kind, fit = "", 0.0
    if focus.kind == "raise":
        if not can.isdisjoint(INVESTOR_WORDS) and _invests(row):
            kind, fit = "invest", 1.0
        elif not can.isdisjoint(_KNOWS_INVESTORS | {"vcs", "investors"}):
            kind, fit = "intro_investor", 0.6
    elif focus.kind == "job":
        if not can.isdisjoint(RECRUITER_WORDS):
            kind, fit = "referral", 0.9 if at_target or not target else 0.7
        elif at_target:
            kind, fit = "intro_team", 1.0 if same_role else 0.8
        elif same_role:
            kind, fit = "advice", 0.5
    elif focus.kind == "hire":
        if not can.isdisjoint(RECRUITER_WORDS):
            kind, fit = "intro_candidate", 0.9
        elif same_role:
            kind, fit = "intro_candidate", 0.7
    elif focus.kind == "cofounder":
        if not can.isdisjoint(_BUILDER_WORDS):
            kind, fit = "intro_candidate", 0.6
    elif focus.kind == "clients":
        if at_target:
            kind, fit = "intro_client", 0.9
    elif at_target or same_role:
        kind, fit = "advice", 0.4
    if not kind:
        return None
    org = company if kind in ("referral", "intro_team", "intro_client") or _fund(company) else ""
    return AskFit(kind, _BARS[kind], fit, org, in_field)


def _invests(row: Mapping[str, Any]) -> bool:
    """An investor by role, tags or fund, not someone who only offers intros to investors."""
    said = _words(" ".join((row.get("role", ""), row.get("company", ""), *row.get("tags", ()))))
    return not said.isdisjoint(INVESTOR_WORDS) or ("partner" in said and _fund(row.get("company", "")) != "")


def _fund(company: str) -> str:
    """The company when its name says it is a fund ("Acme Ventures", "Seedcamp Capital"), else ""."""
    return company if not _words(company).isdisjoint(_FUND_WORDS) else ""


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip(".,!?;:()#") for w in text.lower().split())


def is_sector(target: str) -> bool:
    """The goal names a kind of company ("a fintech"), not one company ("Stripe")."""
    return target.lower() in SECTORS
