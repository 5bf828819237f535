"""How an ask is said: why this person, and what exactly to ask them for, named (principle 16).

The planner decides the ask (planning/asks.py: invest, a referral for a named role, the hiring manager at a named
company, one named question); this module says it three ways: why they can help, to the user ("Carla works at
Monzo, a fintech"), what to ask for, after "Ask Carla" ("for an introduction to the hiring manager for PM roles at
Monzo"), and the same ask in the first person for the draft the user sends ("Would you be open to introducing me to
the hiring manager for PM roles at Monzo?").
"""

from __future__ import annotations

import re

from bot.coach.planning.asks import AskFit, is_sector
from bot.coach.planning.goals import Focus, why_they_can_help
from bot.coach.reading.shorthand import article, company_name, tidy, with_article

_ROUND = re.compile(r"\b(pre-?seed|seed|angel|bridge|series\s+[a-e])\b", re.IGNORECASE)


def round_words(goal: str) -> str:
    """The round a raise goal names, said to the user: "the seed round you're raising", "the Series A round you're
    raising"; "the round you're raising" otherwise."""
    return f"the {_round_name(goal)}round you're raising"


def _round_name(goal: str) -> str:
    """ "seed ", "Series A ", or "" when the goal names no round."""
    found = _ROUND.search(goal)
    if not found:
        return ""
    name = found.group(1).lower()
    return f"Series {name[-1].upper()} " if name.startswith("series") else f"{name} "


def _role(focus: Focus) -> str:
    """The role a goal is after, said: "PM", "designer"; "" when it names none."""
    roles = sorted(focus.roles)
    return tidy(roles[0]) if roles else ""


def _field(focus: Focus) -> str:
    """The goal's target as said after "what ... look for": "fintech teams", "Stripe", or "teams"."""
    if not focus.target:
        return "teams"
    return f"{focus.target.removesuffix('s')} teams" if is_sector(focus.target) else company_name(focus.target)


def question(focus: Focus) -> str:
    """The one named question a peer is asked: "what fintech teams look for in a PM"."""
    role = _role(focus)
    who = _field(focus)
    verb = "look" if who.endswith("teams") else "looks"
    if role:
        return f"what {who} {verb} for in {article(role)} {role}"
    if focus.kind == "clients":
        return "who they think needs what you offer most"
    return f"what {who} {verb} for in someone like you" if focus.target else "what they would do first in your place"


def why(first: str, row: dict[str, object], focus: Focus, fit: AskFit) -> str:
    """Why they can help, after their first name: "invests with Acme Ventures", "works at Monzo, a fintech"."""
    company = str(row.get("company", "") or "")
    role = str(row.get("role", "") or "")
    kind = fit.kind
    if kind == "invest":
        return f"invests with {fit.org}" if fit.org else "invests"
    if kind == "intro_investor":
        return "knows investors"
    if kind == "referral":
        return f"recruits at {company}" if company else "recruits"
    if kind in ("intro_team", "intro_client"):
        target = focus.target.removesuffix("s")
        if fit.in_field and company:
            return f"works at {company}, {article(target)} {target}"
        if company:
            return f"works at {company}"
        return f"knows the {target} world"
    if kind == "advice":
        said = " ".join(w.lower() if w[:1].isupper() and w[1:].islower() else w for w in role.split())
        return f"works as {with_article(said)}" if said else "knows the field"
    return why_they_can_help(row, focus) or "knows the people you need"


def request(focus: Focus, fit: AskFit, goal: str) -> str:
    """What to ask for, after "Ask Carla": one thing, naming what and whom."""
    role = _role(focus)
    kind = fit.kind
    if kind == "invest":
        if fit.org:
            return f"whether {fit.org} would invest in {round_words(goal)}"
        return f"whether they'd invest in {round_words(goal)}"
    if kind == "intro_investor":
        return f"for an introduction to one {_round_name(goal)}investor they know well"
    if kind == "referral":
        at = f" at {fit.org}" if fit.org else ""
        return f"for a referral for {article(role)} {role} role{at}" if role else f"for a referral to the team{at}"
    if kind == "intro_team":
        roles = f"{role} roles" if role else "the role you want"
        return f"for an introduction to the hiring manager for {roles} at {fit.org}"
    if kind == "advice":
        return f"for 15 minutes of advice on one question: {question(focus)}"
    if kind == "intro_client":
        return f"who at {fit.org} might need what you offer" if fit.org else "who might need what you offer"
    if focus.kind == "hire" and role:
        return f"for an introduction to {article(role)} {role} they'd recommend"
    return "whether they know someone who'd want to build something with you"


_SHORT = {
    "invest": "whether they'd invest",
    "intro_investor": "for an introduction to an investor",
    "referral": "for a referral",
    "intro_team": "for an introduction to the team",
    "advice": "for advice",
    "intro_candidate": "for an introduction",
    "intro_client": "for an introduction",
}


def short_request(fit: AskFit) -> str:
    """The ask in a few words, where the step is something else (a give before it): "for a referral"."""
    return _SHORT[fit.kind]


def draft_request(focus: Focus, fit: AskFit, goal: str) -> str:
    """The same ask in the user's voice, for the draft they send."""
    role = _role(focus)
    kind = fit.kind
    if kind == "invest":
        who = fit.org or "you"
        return f"Would {who} consider investing in our {_round_name(goal)}round? I'd be glad to send the deck."
    if kind == "intro_investor":
        return "Is there one investor you know well who might be a good fit? An introduction would mean a lot."
    if kind == "referral":
        at = f" at {fit.org}" if fit.org else ""
        what = f"{article(role)} {role} role{at}" if role else f"a role{at}"
        return f"Would you be open to referring me for {what}, or pointing me to the right person on the team?"
    if kind == "intro_team":
        roles = f"{role} roles" if role else "the role I'm after"
        return f"Would you be open to introducing me to the hiring manager for {roles} at {fit.org}?"
    if kind == "advice":
        asked = question(focus).replace("someone like you", "someone like me").replace("your place", "my place")
        return f"Could I get 15 minutes of your advice on one question: {asked}?"
    if kind == "intro_client":
        at = f" at {fit.org}" if fit.org else ""
        return f"Is there someone{at} who might need what I offer? An introduction would mean a lot."
    if focus.kind == "hire" and role:
        return f"Would you be open to introducing me to {article(role)} {role} you'd recommend?"
    return "Do you know someone who'd want to build something with me? An introduction would mean a lot."
