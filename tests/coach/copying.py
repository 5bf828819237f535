"""What the draft and facts tests measure a copy with: the longest stretch of a text found in a source.

The rule it serves: a message never pastes a note's sentence back. A fact's own object said whole ("your first
Ironman in Frankfurt", "a product marketing lead") is not such a paste, so the phrases a text was written from
(``own``) are left out before measuring: what remains, the words around them, is the coach's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.coach.reading.facts import read_facts
from bot.store.records import Contact, Fact

_VOICES = ("your", "her", "his", "their", "my", "a", "an", "the")


def longest_copied_run(text: str, source: str, own: Iterable[str] = ()) -> int:
    """Length of the longest stretch of ``text`` that appears in ``source``, ignoring case, once the phrases in
    ``own`` (in any person: "your deck" is also "his deck") are taken out of ``text``."""
    a, b = _without(text.lower(), own), source.lower()
    best = 0
    for i in range(len(a)):
        j = i + best + 1
        while j <= len(a) and a[i:j] in b:
            best = j - i
            j += 1
    return best


def own_phrases(facts: Iterable[Fact]) -> list[str]:
    """The object phrases of ``facts`` (what, did, to, place, company, role), as the text may say them."""
    return [v for f in facts for k, v in f.slots.items() if k in ("what", "did", "to", "place", "company", "role")]


def phrases_of(note: str) -> list[str]:
    """The object phrases the facts layer reads from ``note``: what a message written from it may say whole."""
    return own_phrases(read_facts(note, Contact(id="copying0", name="Someone"), "2000-01-01"))


def _without(text: str, own: Iterable[str]) -> str:
    for phrase in sorted({p.lower().strip() for p in own if len(p.strip()) > 3}, key=len, reverse=True):
        words = [re.escape(w) for w in phrase.split()]
        pattern = r"\s+".join(f"(?:{'|'.join(_VOICES)})" if w in _VOICES else w for w in words)
        text = re.sub(pattern, "\x00", text)
    return text
