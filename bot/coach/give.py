"""Give-first ideas: small, concrete ways to be useful to someone before you ever need them (principle 3).

Three kinds of give: pass on something about what a person cares about, congratulate a win, and introduce two
of your people who share an interest. This module only finds the ideas; nudges.py decides which make the plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bot.coach.models import Contact, Interaction
from bot.coach.network import Network


def share_interest(contact: Contact, today: date) -> str:
    """The interest to pass something on about today; it rotates daily so the nudge never feels canned."""
    interests = [i for i in contact.interests if i.strip()]
    if not interests:
        return ""
    return interests[today.toordinal() % len(interests)].strip()


def fresh_win(contact: Contact, timeline: Sequence[Interaction]) -> str:
    """The latest win worth congratulating, or "" if there is none or the user already sent congratulations.

    Wins carry no date, so "already congratulated" is read from the log: a note mentioning congratulations or
    the win itself. That keeps one win from being suggested again every few days.
    """
    wins = [w.strip() for w in contact.wins if w.strip()]
    if not wins:
        return ""
    win = wins[-1]
    needle = win.lower()
    for item in timeline:
        text = item.text.lower()
        if "congrat" in text or (needle and needle in text):
            return ""
    return win


@dataclass(frozen=True)
class IntroIdea:
    a: Contact
    b: Contact
    shared: str  # the interest or company they share, as the user wrote it
    via: str  # "interest" | "company"


def intro_ideas(
    contacts: Sequence[Contact],
    network: Network,
    *,
    per_group: int = 3,
    limit: int = 8,
) -> list[IntroIdea]:
    """Pairs of contacts worth introducing; ``contacts`` come strongest tie first, and so do the pairs.

    Pairing everyone with everyone is quadratic; instead contacts are grouped by what they share and only the
    few strongest ties in each group are paired, with a hard cap on the total, so a 1,000-contact network
    costs about the same as a 50-contact one.
    """
    # Group keys are prefixed strings ("i:" interest, "c:" company) so one dict serves both. Members keep the
    # order of ``contacts``, strongest first, so no group needs sorting.
    groups: dict[str, list[Contact]] = {}
    for contact in contacts:
        for interest in contact.interests:
            groups.setdefault("i:" + interest.strip().lower(), []).append(contact)
        if contact.company:
            groups.setdefault("c:" + contact.company.strip().lower(), []).append(contact)

    ideas: list[IntroIdea] = []
    seen: set[tuple[str, str]] = set()
    gave_texts: dict[str, str] = {}  # contact id -> what the user gave them, lowercased, read once
    shared = [key for key, members in groups.items() if len(members) > 1 and len(key) > 2]
    # Interests first: a shared passion makes a warmer intro than a shared employer.
    shared.sort(key=lambda key: key[0] != "i")
    for key in shared:
        members = groups[key][:per_group]
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                first, second = (a, b) if a.id < b.id else (b, a)
                pair = (first.id, second.id)
                if pair in seen or _already_know(a, b, network, gave_texts):
                    continue
                seen.add(pair)
                via = "interest" if key[0] == "i" else "company"
                ideas.append(IntroIdea(first, second, _label(first, key), via))
                if len(ideas) >= limit:
                    return ideas
    return ideas


def _label(contact: Contact, key: str) -> str:
    """The shared interest or company as the user wrote it, for the nudge's words."""
    wanted = key[2:]
    for text in (*contact.interests, contact.company) if key[0] == "i" else (contact.company,):
        if text.strip().lower() == wanted:
            return text.strip()
    return wanted


def _already_know(a: Contact, b: Contact, network: Network, gave_texts: dict[str, str]) -> bool:
    """One introduced the other to the user, or the user already logged a give mentioning the other."""
    if a.introduced_by_id == b.id or b.introduced_by_id == a.id:
        return True
    for one, other in ((a, b), (b, a)):
        if one.id not in gave_texts:
            gave_texts[one.id] = "\n".join(i.text for i in network.timeline(one.id) if i.kind == "gave").lower()
        name = other.first_name.lower()
        if name and name in gave_texts[one.id]:
            return True
    return False
