"""How strong a tie is: recency, frequency, reciprocity and depth, folded into one score and a plain label.

Principle 1 (depth, not count) and principle 2 (the action threshold): a contact matters if they would act for
you, and how much you may ask of them depends on how well they know you. The score is what the planner checks
before it proposes an ask, and what the contact card and the network map show ("strong / warm / fading").
See docs/coaching.md, "Tie strength" and "Asks".

The four parts, each between 0 and 1:
    recency      halves every ``RECENCY_HALF_LIFE_DAYS`` since the last touch
    frequency    touches logged, up to ``FREQUENCY_FULL``
    reciprocity  both gave and received: full; the user gave: most of it; they only gave: a little
    depth        what the user knows about them (company, role, interests, needs, offers, wins, where you met)

Two entry points: ``tie_strength`` for a contact with its timeline (the card, the map), and ``row_strength`` for
the planner's digest row (summary.py), which carries the same signals precomputed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple

from bot.store.records import Contact, Interaction

RECENCY_HALF_LIFE_DAYS = 60.0
FREQUENCY_FULL = 10  # touches (the digest counts up to ten); more do not make a tie stronger
DEPTH_FULL = 5  # things known about someone
WEIGHTS = (0.25, 0.35, 0.20, 0.20)  # recency, frequency, reciprocity, depth
STRONG, WARM = 0.65, 0.35  # label thresholds on the score

# The action threshold (principle 2): how strong a tie must be before each kind of ask.
ASK_THRESHOLD = {"coffee": 0.3, "advice": 0.4, "intro": 0.55, "referral": 0.65}
NEW_TIE_DAYS = 7  # never ask someone met less than a week ago who has had no give from the user


class TieSignals(NamedTuple):
    """The raw facts the score is computed from."""

    days_since: int  # since the last touch (0 when today or unknown)
    touches: int  # interactions logged
    gave: int  # gives logged to them
    got: int  # help received from them
    known: int  # details known about them


class TieStrength(NamedTuple):
    score: float  # 0..1
    label: str  # "strong" | "warm" | "fading"
    recency: float
    frequency: float
    reciprocity: float
    depth: float


def strength_from(signals: TieSignals) -> TieStrength:
    """The score and label for a set of signals: the one formula every entry point uses."""
    days, touches, gave, got, known = signals
    recency = 0.5 ** (max(days, 0) / RECENCY_HALF_LIFE_DAYS)
    frequency = min(touches, FREQUENCY_FULL) / FREQUENCY_FULL
    # Giving first builds more trust than receiving (principle 3); both ways is a real relationship.
    reciprocity = 1.0 if gave and got else 0.6 if gave else 0.25 if got else 0.0
    depth = min(known, DEPTH_FULL) / DEPTH_FULL
    w_recency, w_frequency, w_reciprocity, w_depth = WEIGHTS
    score = w_recency * recency + w_frequency * frequency + w_reciprocity * reciprocity + w_depth * depth
    return TieStrength(round(score, 3), label_for(score), recency, frequency, reciprocity, depth)


def label_for(score: float) -> str:
    return "strong" if score >= STRONG else "warm" if score >= WARM else "fading"


def tie_strength(contact: Contact, timeline: Sequence[Interaction], today: date) -> TieStrength:
    """How strong the tie with ``contact`` is on ``today``; ``timeline`` is theirs, in any order."""
    last = max((i.on for i in timeline if i.on), default="") or contact.met_on or contact.created_at[:10]
    gave = sum(1 for i in timeline if i.kind == "gave")
    got = sum(1 for i in timeline if i.kind == "got")
    return strength_from(TieSignals(_days_between(last, today), len(timeline), gave, got, known_about(contact)))


def row_strength(row: Mapping[str, Any], today: date) -> TieStrength:
    """The same score from a digest row (see summary.Row)."""
    signals = TieSignals(
        _days_between(row["last"], today), row["touches"], row.get("gave", 0), row.get("got", 0), row.get("known", 0)
    )
    return strength_from(signals)


def known_about(contact: Contact) -> int:
    """How many kinds of detail the user knows about someone (depth: principle 12, remember the details)."""
    return sum(
        1
        for known in (
            contact.company.strip(),
            contact.role.strip(),
            contact.met_context.strip(),
            contact.interests,
            contact.needs,
            contact.offers,
            contact.wins,
            contact.birthday,
        )
        if known
    )


def ask_ready(strength: TieStrength, ask: str) -> bool:
    """Whether the tie clears the bar for this kind of ask ("coffee", "advice", "intro", "referral")."""
    return strength.score >= ASK_THRESHOLD.get(ask, ASK_THRESHOLD["referral"])


def _days_between(iso_day: str, today: date) -> int:
    try:
        return max(0, (today - date.fromisoformat(iso_day[:10])).days) if iso_day else 0
    except ValueError:
        return 0
