"""Drafts a morning step carries whole: an ask toward a goal, a close-the-loop after an outcome, an offer of the
user's help, a birthday wish (templates/drafts/ask.txt, loop.txt, offer.txt, birthday.txt).

They are written from the step's slots, saved with the morning's plan, so a step tapped later still has its words.
Like every draft they come in ``VARIANTS`` wordings and three styles, and the short one is always shorter.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.coach.writing.drafts.note import STYLES, VARIANTS, shorter, tidy
from bot.rendering import render


def coach_draft(kind: str, slots: Mapping[str, str], sender_name: str, variant: int = 0, style: str = "warm") -> str:
    """The note a step of this ``kind`` drafts (one of planning.nudges.COACH_DRAFTS), signed with a first name."""
    sender = " ".join(sender_name.split()[:1])
    style = style if style in STYLES else "warm"

    def written(short: bool, formal: bool) -> str:
        context = {**slots, "sender": sender, "variant": variant % VARIANTS, "short": short, "formal": formal}
        return tidy(render(f"drafts/{kind}.txt", **context))

    text = written(style == "short", style == "formal")
    if style == "short":
        text = shorter(text, min(len(written(False, formal)) for formal in (False, True)), keep_sentences=True)
    return text
