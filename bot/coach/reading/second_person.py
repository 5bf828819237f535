"""A note about someone turned to speak to them: the third person of what the user typed, in the second
person ("launched her own studio" -> "launched your own studio"). Facts are kept this way, so drafts can say them.
"""

from __future__ import annotations

import re

from bot.coach.reading.names import fold
from bot.store.records import Contact

# After "her", these words mean it was the object ("send her the book"); else possessive ("review her CV").
_AFTER_OBJECT = frozenset(
    (
        "the", "a", "an", "to", "about", "on", "in", "at", "for", "with", "next", "this", "tomorrow", "today",
        "some", "my", "our", "back", "over", "up", "when", "once", "after", "before", "and", "if", "later", "soon",
    )
)


_BE = {"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't", "wasn't": "weren't",
       "hasn't": "haven't", "doesn't": "don't"}  # fmt: skip


_CONTRACTED = {
    "she's": "you're", "he's": "you're", "they're": "you're", "she’s": "you're", "he’s": "you're",
    "they’re": "you're", "she'll": "you'll", "he'll": "you'll", "she'd": "you'd", "he'd": "you'd",
}  # fmt: skip


def to_second_person(text: str, contact: Contact | None = None) -> str:
    """A note about someone, turned to speak to them: "launched her own studio" -> "launched your own studio",
    "he is hiring" -> "you're hiring", "she loves sailing" -> "you love sailing", "Jane's startup" -> "your startup".
    """
    names = {fold(w) for w in contact.name.split() if len(w) > 1} if contact else set()
    words = text.split()
    out: list[str] = []
    subject = False  # the previous word was a subject turned into "you": the verb after it agrees with "you"
    for n, word in enumerate(words):
        core = word.strip('.,;:!?()"')
        lead, tail = word[: word.find(core)] if core else "", word[word.find(core) + len(core) :] if core else ""
        low = core.lower()
        following = words[n + 1].lower().strip(".,;:!?") if n + 1 < len(words) else ""
        new = core
        was_subject = subject
        subject = False
        if low in _CONTRACTED:
            new = _CONTRACTED[low]
        elif low in ("she", "he", "they") or (fold(low) in names and following and not following.endswith("'s")):
            if fold(low) in names and n > 0 and words[n - 1].lower() in ("to", "with", "for", "and"):
                new = "you"
            else:
                new, subject = "you", True
        elif fold(low.removesuffix("'s").removesuffix("’s")) in names and low.endswith(("'s", "’s")):
            new = "your"
        elif low in ("him", "them"):
            new = "you"
        elif low == "her":
            new = "you" if (not following or following in _AFTER_OBJECT) else "your"
        elif low in ("his", "their"):
            new = "your"
        elif low in ("hers", "theirs"):
            new = "yours"
        elif low in ("herself", "himself", "themselves"):
            new = "yourself"
        elif was_subject:
            new = _agree_with_you(core)
            subject = low in ("just", "also", "still", "now", "really", "finally", "recently")  # "she just loves"
        if new == "you" and out and out[-1] == "you" and was_subject:
            new = core
        out.append(f"{lead}{new}{tail}")
    joined = " ".join(out)
    return re.sub(r"\byou are\b", "you're", joined)


def _agree_with_you(verb: str) -> str:
    """The verb after "you": "is" -> "are", "loves" -> "love"; past tense and adverbs stay."""
    low = verb.lower()
    if low in _BE:
        return _BE[low]
    if low.endswith("ies") and len(low) > 4:
        return verb[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return verb[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        return verb[:-1]
    return verb
