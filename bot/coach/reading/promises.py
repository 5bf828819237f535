"""Promises in a note, with whose they are and when they are due: the user's ("I'll send her the deck by fri",
"need to RSVP by wed", "sending her 5 profiles") and what others promised the user ("she'll intro me to her CRO",
"offered to review my CV", "said he'd send the contract").

A promise wrongly read nags the user every morning, so each pattern needs a clear trigger word; what they promised is
never saved as the user's own.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from bot.coach.reading.dates import find_day
from bot.coach.reading.spans import (
    _CLAUSE_SPLIT,
    _COMMA_END,
    _NOT_A_SUBJECT,
    _NOT_INTEREST,
    _OBJECT_PRONOUNS,
    MAX_ACTION_WORDS,
    _clip_words,
    _free,
    _tidy,
    _to_boundary,
    _user_said,
)


class PromiseItem(NamedTuple):
    """One thing promised, the day it is due (ISO) or "", and whose promise it is: "mine" (the user's: "I'll send
    her the deck") or "theirs" (made to the user: "she'll intro me to her CRO", "offered to review my CV")."""

    text: str
    due_on: str
    whose: str = "mine"


# --- promises: the user's own commitments, phrased as the action --------------------------------------------

_I_WILL = (
    r"\bI\s*(?:'ll|’ll|\s+will|\s+shall|'m\s+going\s+to|’m\s+going\s+to|\s+am\s+going\s+to|'m\s+gonna|’m\s+gonna"
    r"|\s+need\s+to|\s+have\s+to|\s+must|\s+should|\s+ought\s+to|\s+promised(?:\s+to)?|\s+offered\s+to"
    r"|\s+agreed\s+to|\s+want\s+to|\s+said\s+i'll|\s+said\s+i’ll|\s+said\s+I'd|\s+said\s+I’d|\s+said\s+I\s+would)\s+"
)
_TOLD = (
    r"\b(?:told|promised|assured)\s+(?:" + _OBJECT_PRONOUNS + r"|[A-Z][\w'’-]*)\s+(?:that\s+)?"
    r"I\s*(?:'d|’d|\s+would|'ll|’ll|\s+will)\s+"
)
_PROMISED_TO = r"\b(?:promised|offered|agreed|committed)\s+to\s+"
_PROMISED_OBJ = r"\bpromised\s+(?P<obj>" + _OBJECT_PRONOUNS + r")\s+(?!to\b|that\b|I\b)"
# Subject-less to-dos, only at the start of a clause: "need to send him my CV", "should follow up".
_CLAUSE_START = r"(?:^|(?<=[,.;:!?(\n])\s*|(?<=\s[-–—])\s*|\b(?:and|also|then|so|must|really)\s+)"
_TODO = (
    _CLAUSE_START + r"(?:need\s+to|have\s+to|gotta|got\s+to|should|must|will|going\s+to|remember\s+to"
    r"|remind\s+me\s+to|to\s*do\s*:|todo\s*:?)\s+"
)
_OWE = r"\b(?:I\s+)?(?P<owe>owe\s+(?:her|him|them|you|[A-Z][\w'’-]*)\s+)"
_IMPERATIVE = (
    _CLAUSE_START + r"(?P<verb>(?:send|snd|intro|introduce|email|e-mail|ping|text|share|forward|fwd|invite"
    r"|follow\s+up|connect\s+(?:her|him|them)\s+with|buy|book|schedule|call|reply(?:\s+to)?|look\s+up"
    r"|check\s+in\s+with|ask|confirm|chase|pay|drop|bring|answer|invoice|apply|rsvp|reach\s+out"
    r"|sending|emailing|pinging|texting|calling|getting|showing|sharing|forwarding|booking|dropping|bringing"
    r"|doing|writing|introducing|paying|invoicing)\b)"
)
# Promises made to the user: "she'll intro me", "said he'd send", "offered to review my CV", "can refer me",
# "happy to intro", "is sending the contract", "Jean sends his by the 20th".
_THEY_WILL = (
    r"\b(?P<they>(?:she|he|they|shes|hes)\s*(?:'ll|’ll|\s+will|\s+would|'d|’d|\s+is\s+going\s+to|'s\s+going\s+to"
    r"|’s\s+going\s+to|\s+can|\s+could|\s+might|\s+may)"
    r"|(?:said|says|say|told\s+me|promised|mentioned)\s+(?:that\s+)?(?:she|he|they)\s*(?:'d|’d|'ll|’ll|\s+would|\s+will"
    r"|\s+can|\s+could)"
    r"|(?:offered|offer|offers|promised|agreed|volunteered)\s+(?:to\s+me\s+)?(?:me\s+)?to"
    r"|(?:is|'s|’s)\s+(?:happy|glad|keen|willing|going)\s+to|happy\s+to|glad\s+to"
    r"|(?:can|could)\s+(?=(?:intro|introduce|refer|help|get|send|share|review|look|check|put|connect|host|teach|show"
    r"|lend|give|shoot|stage|do)\b))\s+"
)
_THEY_DO = r"\b(?P<theydo>(?:she|he|they)(?:'s|’s|\s+is|\s+are)\s+(?=(?:sending|bringing|emailing|sharing|getting)\b))"
_PROMISE = re.compile(
    "|".join(f"(?P<p{i}>{p})" for i, p in enumerate((_TOLD, _I_WILL, _PROMISED_TO, _PROMISED_OBJ, _TODO, _OWE)))
    + f"|(?P<imp>{_IMPERATIVE})|(?P<theirs>{_THEY_WILL})|(?P<their_do>{_THEY_DO})",
    re.IGNORECASE,
)


def _someone_else_said(text: str, start: int) -> bool:
    """True for "she promised to..." or "Jane owes...": a commitment, but not the user's."""
    words = _CLAUSE_SPLIT.split(text[:start])[-1].split()
    if not words:
        return False
    last = words[-1]
    return last.lower() not in _NOT_A_SUBJECT and (last[:1].isupper() or last.lower() in _NOT_INTEREST)


_DUE_LEAD = re.compile(r"\s*\b(?:by|on|before|until|til|till|in|no\s+later\s+than|at\s+the\s+latest)?\s*$", re.I)


def _with_due(action: str, today: date | None) -> PromiseItem:
    """ "send her my deck by friday" -> ("send her my deck", the coming Friday)."""
    if today is None:
        return PromiseItem(action, "")
    found = find_day(action, today, prefer="future")
    if found is None:
        return PromiseItem(action, "")
    head = action[: found.start]
    lead = _DUE_LEAD.search(head)
    head = head[: lead.start()] if lead else head
    text = _tidy(re.sub(r"\s+", " ", f"{head} {action[found.end :]}"))
    return PromiseItem(text or action, found.day.isoformat())


def _promises(text: str, taken: list[tuple[int, int]], today: date | None = None) -> list[PromiseItem]:
    found: list[PromiseItem] = []
    for m in _PROMISE.finditer(text):
        if not _free(taken, m.start(), m.end()):
            continue
        theirs = bool(m.group("theirs") or m.group("their_do"))
        if theirs and _user_said(text, m.start()):
            continue  # "I offered to": the user's, read by _I_WILL
        if not theirs and not m.group().lower().startswith("i") and _someone_else_said(text, m.start()):
            theirs = bool(m.group("p2"))  # "Jane promised to send it": hers
            if not theirs:
                continue
        elif m.group("p2") and re.match(r"(?:offered|agreed)", m.group(), re.I) and not _user_said(text, m.start()):
            theirs = True  # "..., offered to intro me to 2 clients": said of them, not of the user
        start = m.end()
        prefix = ""
        if m.group("imp"):
            start = m.start("verb")
        elif m.group("owe"):
            start = m.start("owe")
        elif m.group("obj"):
            prefix = f"get {m.group('obj').lower()} "
        end = _to_boundary(text, start, _COMMA_END)
        action = _tidy(prefix + _clip_words(text[start:end], MAX_ACTION_WORDS))
        if not action:  # "I'll." says nothing to keep
            continue
        if not theirs:  # what they promise is often an offer too ("happy to intro", "can help with"): read it again
            taken.append((m.start(), end))
        item = _with_due(action, today)
        found.append(item._replace(whose="theirs") if theirs else item)
    return found
