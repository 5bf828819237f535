"""Give-first ideas: small, concrete ways to be useful to someone before you ever need them (principle 3).

Three kinds of give: pass on something about what a person cares about, congratulate a win, and introduce two
of your people who share an interest. This module only finds the ideas; nudges.py decides which make the plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
    strength: Mapping[str, float],
    *,
    per_group: int = 4,
    limit: int = 12,
) -> list[IntroIdea]:
    """Pairs of contacts worth introducing, strongest ties first within each shared interest or company.

    Pairing everyone with everyone is quadratic; instead contacts are grouped by what they share and only the
    few strongest ties in each group are paired, with a hard cap on the total, so a 1,000-contact network
    costs about the same as a 50-contact one.
    """
    groups: dict[tuple[str, str], list[Contact]] = {}
    labels: dict[tuple[str, str], str] = {}
    for contact in contacts:
        for interest in contact.interests:
            key = ("interest", interest.strip().lower())
            if key[1]:
                groups.setdefault(key, []).append(contact)
                labels.setdefault(key, interest.strip())
        if contact.company.strip():
            key = ("company", contact.company.strip().lower())
            groups.setdefault(key, []).append(contact)
            labels.setdefault(key, contact.company.strip())

    ideas: list[IntroIdea] = []
    seen: set[tuple[str, str]] = set()
    # Interests first: a shared passion makes a warmer intro than a shared employer.
    for key in sorted(
        (k for k, members in groups.items() if len(members) > 1), key=lambda k: k[0] != "interest"
    ):
        members = sorted(groups[key], key=lambda c: (-strength.get(c.id, 0.0), c.id))[:per_group]
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                if pair in seen or _already_know(a, b, network):
                    continue
                seen.add(pair)
                first, second = (a, b) if a.id < b.id else (b, a)
                ideas.append(IntroIdea(first, second, labels[key], key[0]))
                if len(ideas) >= limit:
                    return ideas
    return ideas


def _already_know(a: Contact, b: Contact, network: Network) -> bool:
    """One introduced the other to the user, or the user already logged an intro between them."""
    if a.introduced_by_id == b.id or b.introduced_by_id == a.id:
        return True
    for one, other in ((a, b), (b, a)):
        name = other.first_name.lower()
        if name and any(i.kind == "gave" and name in i.text.lower() for i in network.timeline(one.id)):
            return True
    return False
