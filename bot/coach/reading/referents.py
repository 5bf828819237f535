"""What "it" and "them" in a promise stand for, when the line named it before: the thing ("offered to review our
patent draft 🙏 send it in 2 wks" -> "send our patent draft", "Abena needs boxes ..., will drop them off" -> "drop off
the boxes", "wants feedback on her thesis, I offered to read it" -> "read her thesis") or the deed ("I forgot to
text Mike back. doing it by fri" -> "text him back").

A promise kept as "send it" says nothing a week later; the words it stands for are in the same line, a clause or
two before. Only a verb that takes a thing is read this way: in "connect them with Sam", "them" are people.
"""

from __future__ import annotations

import re

from bot.coach.reading.given_names import pronoun_of

# Verbs done to a thing, never to a person: "it" or "them" after them is a thing said before.
_THING_VERBS = frozenset(
    {"send", "read", "review", "drop", "bring", "share", "forward", "print", "sign", "finish", "return", "check",
     "edit", "fix", "post", "mail", "ship", "submit", "file", "proofread", "look"}
)  # fmt: skip
_IT = re.compile(
    r"^(?P<verb>[a-z]+(?:\s+over)?)\s+(?:it|them)(?P<part>\s+(?:off|over|back|along|in|out|up|through))?"
    r"(?P<rest>\s+(?:to|at|with|for|by|in|on)\s.+)?$",
    re.IGNORECASE,
)
_DO_IT = re.compile(r"^(?:do|doing)\s+(?:it|that|this)$", re.IGNORECASE)
_DETERMINED = r"(?:a|an|the|some|his|her|their|our|my|your|\d+)\s+"
# Where a thing is named: "needs boxes", "wants feedback on her thesis", "has 3 CVs", "asked for our deck".
_NAMED = re.compile(
    r"\b(?:needs?|wants?|asked\s+for|asks\s+for|has|got|sent\s+me|gave\s+me|offered\s+to\s+(?:review|read"
    r"|look\s+at|check)|review|reviewing)\s+(?P<thing>(?:" + _DETERMINED + r")?[a-z][\w'’-]*(?:\s+[\w'’-]+){0,5})",
    re.IGNORECASE,
)
_THING_END = re.compile(
    r"\s+(?:and|but|so|if|because|by|before|until|next|this|tomorrow|tmrw|today|tonight|on|in|at|i|we|she|he|they"
    r"|who|which|that|from|w|with|lol)\b.*$",
    re.IGNORECASE,
)
_ABOUT_IT = re.compile(r"^(?:feedback|help|input|advice|comments|notes|thoughts)\s+(?:on|with|about)\s+", re.I)
# Where a deed is named: "forgot to text Mike back", "meant to call her".
_DEED = re.compile(
    r"\b(?:forgot|meant|need|needs|have|has|got|promised|remember|supposed|wanted)\s+to\s+"
    r"(?P<deed>[a-z][^,.;:!?()\n]*)",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,.;:!?()\n]|\s[-–—]\s")
MAX_BACK_CHARS = 200  # how far back the thing may have been named: a sentence or two


def stood_for(action: str, text: str, end: int) -> str:
    """``action`` with its "it" or "them" said as what the line named before ``end``, or ``action`` as it was."""
    if _DO_IT.match(action):
        deed = _last(_DEED, text, end, "deed")
        return _said_to_them(deed) if deed else action
    m = _IT.match(action)
    if m is None or m.group("verb").split()[0].lower() not in _THING_VERBS:
        return action
    thing = _last(_NAMED, text, end, "thing")
    if not thing:
        return action
    verb, part, rest = m.group("verb"), m.group("part") or "", m.group("rest") or ""
    return " ".join(f"{verb}{part} {thing}{rest}".split())


def _last(pattern: re.Pattern[str], text: str, end: int, group: str) -> str:
    """The last phrase ``pattern`` names in the words before ``end`` (within ``MAX_BACK_CHARS``), cut at its
    clause's end."""
    found = ""
    for m in pattern.finditer(text, max(0, end - MAX_BACK_CHARS), end):
        if m.start(group) >= end:
            break
        words = text[m.start(group) : min(m.end(group), end)]
        cut = _CLAUSE_END.search(words)
        words = words[: cut.start()] if cut else words
        found = _THING_END.sub("", _ABOUT_IT.sub("", words.strip())).strip() if group == "thing" else words.strip()
    return found


def _said_to_them(deed: str) -> str:
    """ "text Mike back abt Deloitte" -> "text him back abt Deloitte": a promise kept for Mike speaks of him."""
    words = deed.split()
    if len(words) > 1 and words[1][:1].isupper():
        pronoun = {"she": "her", "he": "him"}.get(pronoun_of(words[1]), "")
        if pronoun:
            words[1] = pronoun
    return " ".join(words)
