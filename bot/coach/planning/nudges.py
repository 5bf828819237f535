"""A nudge: one small step the morning plan suggests, with the words it is said in.

The planning itself is split along its three concerns (docs/coaching.md explains the rules):

    bot/coach/planning/due.py      what is due today and how much it matters (one pass over the digest rows)
    bot/coach/writing/nudges.py  how each kind of nudge is said, from structured fields only
    bot/coach/planning/planner.py  today's plan: budget, variety, rest for ignored items, snoozes, quiet days
"""

from __future__ import annotations

from dataclasses import dataclass, field

# In the order they usually rank: debts first, then asks and gives, then keeping in touch.
NUDGE_KINDS = (
    "meeting", "thank", "reminder", "birthday", "followup", "loop", "ask", "give", "reconnect", "goal", "starter"
)
BUDGET_RANGE = (1, 10)

# Draft kinds the nudge can open: the drafts module's ("thanks", "followup", ...) or one of the coach's own,
# rendered from the nudge's slots (templates/drafts/<kind>.txt).
COACH_DRAFTS = ("ask", "loop", "offer", "birthday")


@dataclass(frozen=True)
class Nudge:
    key: str  # stable identity for snooze/rest across days, e.g. "followup:<promise_id>"
    kind: str  # one of NUDGE_KINDS
    contact_id: str  # "" for the starter and goal steps
    reason: str  # one line, plain words, real context
    action: str  # the suggested action in a few words
    draft_kind: str | None  # a draft kind (bot/coach/writing/drafts/), one of COACH_DRAFTS, or None
    other_contact_id: str = ""  # the second person of an intro
    promise_id: str = ""  # the promise or owed thank-you this nudge closes
    score: float = 0.0
    goal_id: str = ""  # the goal this step serves (asks, loops, goal steps)
    slots: dict[str, str] = field(default_factory=dict)  # what a coach draft is written from

    @property
    def people(self) -> tuple[str, ...]:
        return tuple(p for p in (self.contact_id, self.other_contact_id) if p)


STARTER_EXAMPLE = "met Jane from Acme at the editors happy hour, loves jazz, promised to send her the Ferrazzi book"

STARTER_NUDGE = Nudge(
    key="starter",
    kind="starter",
    contact_id="",
    reason="Every relationship here starts with one line about someone you met. Copy this, change the details:",
    action=STARTER_EXAMPLE,
    draft_kind=None,
    score=1.0,
)
