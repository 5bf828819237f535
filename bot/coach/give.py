"""Give-first ideas: small, concrete ways to be useful to someone before you ever need them (principle 3).

Three kinds of give: pass on something about what a person cares about, congratulate a win, and introduce two
of your people who share an interest. This module only finds the ideas; nudges.py decides which make the plan.
Intro ideas work on the contacts' summary rows (summary.py), so planning never reads a whole timeline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple

from bot.coach.models import Contact, Interaction


def share_interest(interests: Sequence[str], today: date) -> str:
    """The interest to pass something on about today; it rotates daily so the nudge never feels canned."""
    interests = [i for i in interests if i.strip()]
    if not interests:
        return ""
    return interests[today.toordinal() % len(interests)].strip()


def fresh_win(contact: Contact, timeline: Sequence[Interaction]) -> str:
    """The latest win worth congratulating, or "" if there is none or the user already sent congratulations.

    Wins carry no date, so "already congratulated" is read from the log: anything mentioning congratulations,
    or a give/touch mentioning the win itself. The note or meeting the win was learned from does not count: it
    names the win, but nobody congratulated anyone yet. That keeps one win from being suggested every few days.
    """
    wins = [w.strip() for w in contact.wins if w.strip()]
    if not wins:
        return ""
    win = wins[-1]
    needle = win.lower()
    for item in timeline:
        text = item.text.lower()
        if "congrat" in text or (needle and needle in text and item.kind not in ("note", "met")):
            return ""
    return win


class IntroIdea(NamedTuple):
    a: str  # contact ids, the smaller first
    b: str
    shared: str  # the interest or company they share, as the user wrote it
    via: str  # "interest" | "company"


def intro_ideas(
    people: Sequence[Mapping[str, Any]],
    *,
    per_group: int = 3,
    limit: int = 8,
) -> list[IntroIdea]:
    """Pairs of contacts worth introducing; ``people`` (summary rows) come strongest tie first, and so do the pairs.

    Pairing everyone with everyone is quadratic; instead contacts are grouped by what they share and only the
    few strongest ties in each group are paired, with a hard cap on the total, so a 1,000-contact network
    costs about the same as a 50-contact one. This runs inside every morning's planning, hence the plain loops.
    """
    # Members keep the order of ``people``, strongest first, so no group needs sorting, and a full group
    # takes no more members.
    interests: dict[str, list[Mapping[str, Any]]] = {}
    companies: dict[str, list[Mapping[str, Any]]] = {}
    for row in people:
        for interest in row.get("i", ()):
            key = interest.lower()
            members = interests.get(key)
            if members is None:
                interests[key] = [row]
            elif len(members) < per_group and members[-1] is not row:  # "Jazz" and "jazz" are one interest
                members.append(row)
        if "co" in row:
            key = row["co"].lower()
            members = companies.get(key)
            if members is None:
                companies[key] = [row]
            elif len(members) < per_group:
                members.append(row)

    ideas: list[IntroIdea] = []
    seen: set[tuple[str, str]] = set()
    # Interests first: a shared passion makes a warmer intro than a shared employer.
    for groups, via in ((interests, "interest"), (companies, "company")):
        for key, members in groups.items():
            if len(members) < 2 or not key:
                continue
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    first, second = (a, b) if a["id"] < b["id"] else (b, a)
                    pair = (first["id"], second["id"])
                    if pair in seen or _already_know(a, b):
                        continue
                    seen.add(pair)
                    ideas.append(IntroIdea(pair[0], pair[1], _label(first, key, via), via))
                    if len(ideas) >= limit:
                        return ideas
    return ideas


def _label(row: Mapping[str, Any], key: str, via: str) -> str:
    """The shared interest or company as the user wrote it, for the nudge's words."""
    company = row.get("co", "")
    for text in (*row.get("i", ()), company) if via == "interest" else (company,):
        if text.lower() == key:
            return text
    return key


def _already_know(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """One introduced the other to the user, or the user already logged a give mentioning the other."""
    if a.get("ib") == b["id"] or b.get("ib") == a["id"]:
        return True
    return bool(
        ("gt" in a and b["f"] and b["f"].lower() in a["gt"]) or ("gt" in b and a["f"] and a["f"].lower() in b["gt"])
    )
