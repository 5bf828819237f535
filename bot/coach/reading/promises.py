"""Promises in a note, with whose they are and when they are due: the user's ("I'll send her the deck by fri",
"need to RSVP by wed", "sending her 5 profiles") and what others promised the user ("she'll intro me to her CRO",
"offered to review my CV", "said he'd send the contract").

A promise wrongly read nags the user every morning, so each pattern needs a clear trigger word; what they promised is
never saved as the user's own.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from bot.coach.reading.dates import _MO, _WEEKDAY_NUMBERS, day_at, find_day
from bot.coach.reading.given_names import is_given_name
from bot.coach.reading.lexicon import _set
from bot.coach.reading.owed import FILLER_END, as_deed, split_owed
from bot.coach.reading.referents import stood_for
from bot.coach.reading.shorthand import tidy
from bot.coach.reading.spans import (
    _CLAUSE_SPLIT,
    _NOT_A_SUBJECT,
    _NOT_INTEREST,
    _OBJECT_PRONOUNS,
    MAX_ACTION_WORDS,
    NOT_A_TITLE,
    _clip_words,
    _free,
    _tidy,
    _to_boundary,
    _user_said,
)
from bot.coach.reading.stopwords import is_not_a_name
from bot.coach.reading.todos import note_runs_on, todos
from bot.coach.reading.verbs import is_inflected, plain_verb


class PromiseItem(NamedTuple):
    """One thing promised, the day it is due (ISO) or "", and whose promise it is: "mine" (the user's: "I'll send
    her the deck") or "theirs" (made to the user: "she'll intro me to her CRO", "offered to review my CV")."""

    text: str
    due_on: str
    whose: str = "mine"


# --- promises: the user's own commitments, phrased as the action --------------------------------------------

# Deeds a promise is made of, for the shapes that say no "to" before them ("I promise send", "hell send me").
_DEED = (
    r"(?:send|email|e-mail|text|call|intro|introduce|get|bring|share|forward|put|check|ping|look|review|connect"
    r"|help|set|make|give|write|do|come|visit|show|lend)"
)
# After "shell", "hed" (she'll, he'd typed without the apostrophe), more deeds than "I promise send" takes.
_TYPED_FAST_DEED = (
    r"(?:" + _DEED + r"|refer|fwd|let|loop|follow|reach|ask|pass|flag|mention|hook|take|talk|meet|teach|cater|buy|pay"
    r"|mentor|join|go|hold|save|cover|keep)"
)
_I_WILL = (
    r"(?<!\bif\s)(?<!\bwhether\s)\b(?:I|we)\s*(?:'ll|’ll|\s+will|\s+shall|'m\s+going\s+to|’m\s+going\s+to|\s+am\s+going\s+to|'m\s+gonna|’m\s+gonna"
    r"|\s+need\s+to|\s+have\s+to|\s+must(?:\s+to)?|\s+should|\s+ought\s+to|\s+gotta|\s+got\s+to"
    r"|\s+am\s+to(?=\s+" + _DEED + r"\b)"  # "I am to send the contract to Susan"
    r"|\s*(?:'ve|’ve|\s+have)\s+got\s+to|\s+promised(?:\s+to|(?!\s+(?:her|him|them)\b))|\s+promise\s+to"
    r"|\s+offered\s+to|\s+go(?=\s+" + _DEED + r"\b)"  # "I go send her the contract": I will, in Nigerian English
    r"|\s+agreed\s+to|\s+want\s+to|\s+said\s+i'll|\s+said\s+i’ll|\s+said\s+I'd|\s+said\s+I’d|\s+said\s+I\s+would"
    r"|\s+promised?(?=\s+" + _TYPED_FAST_DEED + r"\b)"  # "I promise send him my slides": "to" left out
    r"|(?:'d|’d)(?=\s+(?:answer|reply|respond|confirm|" + _DEED + r")\b)"  # "(told Priya) I'd answer by 3/20"
    r"|\s+promised?\s+(?:her|him|them|(?-i:[A-Z][\w'’-]*))\s+to)\s+"  # "I promise Kevin to share my notes"
)
_TOLD = (
    r"\b(?:told|promised|assured)\s+(?:(?:" + _OBJECT_PRONOUNS + r"|[A-Za-z][\w'’-]*)\s+(?:that\s+)?"
    r"(?:(?:I|we)\s*(?:'d|’d|\s+would|'ll|’ll|\s+will)|id)|(?:him|her|them)\s+(?:that\s+)?(?:will|would))\s+"
)  # "told him id get em to him": I'd, typed fast; "i told him will revert back with rates": the "I" left out, as
# Indian English has it (not "He told he will refer me": his)
_PROMISED_TO = r"\b(?:promised|offered|agreed|committed)\s+to\s+"
# The user's word, reported: "said i'd send rates tmrw", "i said id knit one" (a "she" before "said" makes it someone
# else's words).
_SAID_I = (
    r"\b(?:said|say|says)\s+(?:that\s+)?(?:(?:I|we)\s*(?:'d|’d|\s+would|'ll|’ll|\s+will)|id"
    r"|(?<=\bI\ssaid\s)will)\s+"  # "I said will arrange": the "I" said once
)
_PROMISED_OBJ = r"\bpromised\s+(?P<obj>" + _OBJECT_PRONOUNS + r")\s+(?!to\b|that\b|I\b)"
# Subject-less to-dos, only at the start of a clause: "need to send him my CV", "should follow up".
_CLAUSE_START = (
    r"(?:^|(?<=[,.;:!?()\n])\s*|(?<=\s[-–—])\s*|\b(?:and|also|then|so|must|really)\s+"
    r"|(?<=[\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff])\s*)"
)
_TODO = (
    # "he can cover the lanes 3x a week need to send him rate con": a to-do run on from the clause before, typed fast
    r"(?<=[a-z\d]\s)(?:need\s+to|gotta)(?=\s+" + _DEED + r"\s+(?:him|her|them|em)\b)\s+|"
    + _CLAUSE_START + r"(?:need\s+to|have\s+to|gotta|gonna|got\s+to|should(?!\s+(?:i|we)\b)|must|will(?!\s+(?:i|we)\b)"
    r"|going\s+to|remember\s+to"
    r"|remind\s+me\s+to|to\s*do\s*:|todo\s*:?"
    r"|promised(?=\s+(?:(?-i:[A-Z])[\w'’-]+\s+)?(?:a|an|the|my|our|some|\d+)\s))\s+"  # "promised a roadmap briefing
    # by 5/30", "Promised Grace the COPD posters": I promised
)
# What is owed: the user's ("I owe her a coffee", "owe Tomas the list") or theirs ("she owes me the schedule").
_OWE = (
    r"\b(?:I\s+(?:still\s+)?)?(?P<owe>owes?\s+(?:her|him|them|you|me|us|(?-i:[A-Z][\w'’-]*)"
    r"|(?!(?:it|this|that|so|too|much|big|one|lots?)\b)(?-i:[a-z][\w'’-]+)(?=\s+(?:the|a|an|my|our|some|\d)\b))\s+)"
)  # "owe lena the content plan": a name typed in lower case, then what is owed
_OWED_TO_ME = re.compile(r"^owes?\s+(?:me|us)\b|^owes\b", re.IGNORECASE)
_IMPERATIVE = (
    _CLAUSE_START + r"(?P<verb>(?:send|snd|intro(?!['’]?d\b)|introduce|email|e-mail|ping|text|share|forward|fwd|invite"
    r"|follow\s+up|f/u(?=\s+(?:w/?|with|on|re:?|about|by)\s)|connect\s+(?:her|him|them)\s+with|buy|book|schedule|call"
    r"|reply(?:\s+to)?(?!\s+(?:to\s+)?(?:my|our)\b)|look\s+up"  # "Emily Chen reply my email": she did
    r"|check\s+in\s+with|ask|confirm|chase|pay|drop|bring|answer|invoice|apply|rsvp|reach\s+out"
    r"|sending|emailing|pinging|texting|calling|getting|showing|sharing|forwarding|booking|dropping|bringing"
    r"|doing|writing|introducing|paying|invoicing)\b)"
)
# Promises made to the user: "she'll intro me", "said he'd send", "offered to review my CV", "can refer me",
# "happy to intro", "is sending the contract", "Jean sends his by the 20th".
_THEY_WILL = (
    r"\b(?P<they>(?:shell|hell|theyll)(?=\s+" + _TYPED_FAST_DEED + r"\b)"  # "hell send me the sheet": he'll, typed
    r"|(?<=said\s)(?:shed|hed|theyd)(?=\s+" + _TYPED_FAST_DEED + r"\b)"  # "she said shed let me know": she'd
    r"|(?:she|he|they|shes|hes)\s*(?:'ll|’ll|\s+will|\s+would|'d|’d|\s+is\s+going\s+to|'s\s+going\s+to"
    r"|’s\s+going\s+to|\s+can|\s+could|\s+might|\s+may|(?:'s|’s|\s+is)?\s+gonna)"
    r"|(?:shes|hes|theyre)\s+(?:going\s+to|gonna)"
    r"|(?:said|says|say|told\s+me|promised|mentioned)\s+(?:that\s+)?(?:she|he|they)\s*(?:'d|’d|'ll|’ll|\s+would|\s+will"
    r"|\s+can|\s+could)"
    r"|(?:offered|offer|offers|promised|agreed|volunteered)\s+(?:to\s+me\s+)?(?:me\s+)?to"
    r"|(?:is|'s|’s)\s+(?:happy|glad|keen|willing|going)\s+to|happy\s+to|glad\s+to"
    r"|(?:can|could)(?=\s+(?:intro|introduce|refer|help|get|send|share|review|look|check|put|connect|host|teach|show"
    r"|lend|give|shoot|stage|do)\b))\s+"
)
# What they offered: "she offered a mock interview", "offered us a discount" (the user's own offer is read apart).
_THEY_OFFERED = (
    r"\b(?:offered|offers)\s+(?:(?P<given>me|us)\s+)?"
    r"(?!(?:to|that|it|this|him|her|them|you|and|but|if|me|us|up|back)\b)(?=[\w$€£])"
)
_THEY_DO = (
    r"\b(?P<theydo>(?:(?:she|he|they)(?:'s|’s|\s+is|\s+are)|shes|hes|theyre)\s+"  # "shes sending brief mon": typed fast
    r"(?=(?:sending|bringing|emailing|sharing|getting|introducing|intro['’]?ing|connecting|forwarding|putting\s+me"
    r"|(?:taking|picking|hosting|treating|walking)\s+(?:me|us))\b))"  # "he's taking me to lunch fri"
    # "He sends me the agreement until 10.4": what they hand the user, said in the present, a promise with a day
    r"|\b(?P<they_now>(?:she|he|they)\s+(?=(?:sends|gives|emails|brings|shares|forwards|mails)\s+(?:me|us)\b"
    r"|(?:holds|saves|keeps)\b))"  # "he holds til fri": the price, as long as he said
)
# A contact named as the one who does it, with or without a helping verb: "Marco sending price list tmrw", "Sam's
# gonna send the link", "Ben will confirm by fri" (the name is checked to be one: "Also will send" is the user's).
_HANDING = (
    r"(?:sending|bringing|emailing|mailing|sharing|dropping|getting|forwarding|texting|calling|introducing|booking"
    r"|posting|delivering|returning)"
)
_NAMED_DEED = (
    r"(?<![\w'’])(?P<named>(?-i:[A-Z][\w-]*))(?:(?:'s|’s|\s+is)?\s+(?=" + _HANDING + r"\b)"
    r"|(?:'ll|’ll|\s+will|(?:'s|’s|\s+is)\s+(?:going\s+to|gonna)|\s+gonna)\s+"
    r"(?!(?:be|have|probably|not|never|need|want|like|love|know|also|still|just|prob)\b)(?=[a-z])"
    r"|(?P<named_to>\s+to\s+)(?=(?:send|email|share|forward|fwd|confirm|circulate|draft|book|schedule|intro|introduce)\b))"
)
# Where "Lisa to send the survey by 9/25" (an action item, minutes-style) may start: a clause's first words.
_ITEM_START = re.compile(r"(?:^|[.;!?:]\s*|,\s*|\band\s+|\s[-–—]\s*)$")
# What they told the user to do is the user's to-do ("she said apply by oct 15", "told me to email her my cv",
# "said to email him"); what the user told them to do is theirs ("told her to email me her CV").
_ACTION_VERBS = (
    r"(?:send|email|e-mail|apply|call|text|ping|connect|reach\s+out|follow\s+up|book|come|bring|share|forward|fwd"
    r"|submit|register|sign\s+up|drop|check|look|reply|write|message|dm|contact)"
)
_SAID_DO = (
    r"\b(?:(?:told|asked)\s+me\s+to|said\s+to|(?:said|says|say)\s+(?=" + _ACTION_VERBS + r"\b)"
    r"|(?:wants?|wanted)\s+me\s+(?:to\s+)?(?=(?:send|email|e-mail|bring|share|forward|fwd|submit)\b))\s*"
    # "He want me send transcript by 4/20": what to hand them; "wants me to apply" is advice
)
_TOLD_THEM = r"\btold\s+(?:her|him|them)\s+to\s+"
# The user's plain present, as people type who learned English later or write in a hurry: "i send him my cv until
# friday", "refer me if i send resume tonight". A promise only with a day to do it by, or after "if".
# "I'm meeting her friday", "i'm flying to Lagos on the 3rd": plans of the user's own, not promises to anyone.
_SEEING = (
    r"(?:meeting|seeing|having|going|grabbing|visiting|flying|travell?ing|leaving|coming|staying|attending|starting"
    r"|working|moving|off|out|back|away|free|busy|hosting|speaking|presenting|interviewing|taking\s+off)\b"
)
_I_DO = (
    r"\bI\s+(?=(?:send|do|answer|call|email|pay|help|bring|make|write|share|give|book|finish|prepare|review)\b)"
    r"|\bI(?:'m|’m|\s+am|m)\s+(?!" + _SEEING + r")(?=[a-z]+ing\b)"  # "i'm writing the intro by 5/8"
    r"|\bI\s+can\s+(?=[a-z])"  # "i can help him saturday"
)
_PROMISE_SAID = (
    "|".join(
        f"(?P<p{i}>{p})" for i, p in enumerate((_TOLD, _I_WILL, _PROMISED_TO, _PROMISED_OBJ, _TODO, _OWE, _SAID_I))
    )
    + f"|(?P<said_do>{_SAID_DO})|(?P<told_them>{_TOLD_THEM})|(?P<i_do>{_I_DO})"
    + f"|(?P<imp>{_IMPERATIVE})|(?P<theirs>{_THEY_WILL})|(?P<their_do>{_THEY_DO})|(?P<offered>{_THEY_OFFERED})"
)
_UNNAMED = re.compile(_PROMISE_SAID, re.IGNORECASE)
_PROMISE = re.compile(_PROMISE_SAID + f"|{_NAMED_DEED}", re.IGNORECASE)  # last: any other reading comes first


def _promise_words(text: str) -> Iterator[re.Match[str]]:
    """Each place ``text`` says a promise; a capitalised word taken for the one who does it but that is no name
    ("Also will send the deck") is read again without it."""
    at = 0
    while (m := _PROMISE.search(text, at)) is not None:
        if m.group("named_to") and not _ITEM_START.search(text, 0, m.start()):
            m = _UNNAMED.search(text, m.start())  # "went to Boston to send ...": no one's action item
            if m is None:
                return
        if m.groupdict().get("named") and is_not_a_name(m.group("named")):
            m = _UNNAMED.search(text, m.start())
            if m is None:
                return
        yield m
        at = max(m.end(), m.start() + 1)
# A promise also ends where an emoji, a "+" or an "if I" starts the next thought ("forward my CV ✌️ follow up in 10
# days", "refer me if i send resume tonight"), and where "and" brings in someone doing something ("apply by oct 15
# and she'll flag my app").
_PROMISE_END = re.compile(
    r"\s*(?:[,;!?\n]|" + NOT_A_TITLE + r"\.|\s[-–—]\s|[()]|\bbut\b|\bwhile\b|\bbecause\b|\bbc\b|\bcuz\b)"  # spans
    + r"|\s*[\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
    + r"|\s+if\s+(?:i|we)\b|\s+(?:and|&)\s+(?=(?:i|i'll|i’ll|she|he|they|we|she'll|he'll|they'll)\b)"
    + r"|\s+(?=(?:need\s+to|have\s+to|gotta|got\s+to|owe)\s)",  # "he can cover the lanes 3x a week need to send him"
    re.IGNORECASE,
)
# Two things promised in one breath: "refer me for the infra role + intro me to his manager".
_SECOND_ACTION = re.compile(
    r"\s+(?:\+|&|and)\s+(?:(?:will|i['’]ll|also|then)\s+)?"
    r"(?=(?:intro|introduce|send|email|share|refer|review|forward|fwd|connect|call|ping|look"
    r"|help|check|put|get|book|invite|text)\b)",
    re.IGNORECASE,
)
# The action as it is done, however it was typed: "sending" -> "send", "snd" -> "send", "w" -> "with".
_BASE_VERBS = {
    "snd": "send", "fwd": "forward", "f/u": "follow up", "sending": "send", "sends": "send", "gives": "give",
    "emails": "email", "brings": "bring", "shares": "share", "forwards": "forward", "mails": "mail", "holds": "hold",
    "saves": "save", "keeps": "keep",
    "emailing": "email", "pinging": "ping",
    "texting": "text",
    "calling": "call", "getting": "get", "showing": "show", "sharing": "share", "forwarding": "forward",
    "booking": "book", "dropping": "drop", "bringing": "bring", "doing": "do", "writing": "write",
    "introducing": "introduce", "intro'ing": "intro", "intro’ing": "intro", "introing": "intro",
    "connecting": "connect", "paying": "pay", "invoicing": "invoice", "making": "make", "putting": "put",
}  # fmt: skip
# What they will do, said without whom to: the user ("she'll call on the 25th" -> "call me").
_REACH = {
    **dict.fromkeys(("call", "email", "e-mail", "text", "ring", "phone", "message", "ping", "dm", "mail"), "me"),
    **dict.fromkeys(("get back", "reply", "write back", "write"), "to me"),
}
_TO_MYSELF = re.compile(r"^(?:call|text|email|e-mail|ping|message|dm|ring|phone|send)\s+me\b", re.IGNORECASE)
_WHOSE_THING = re.compile(r"\b(?:his|hers|theirs|mine|ours|yours)$", re.IGNORECASE)
_TO_ME = re.compile(r"^\S+(?:\s+(?:over|up|back))?\s+(?:me|us)\b", re.IGNORECASE)


# What they ask the user for: "wants the data room by fri", "he ask my portfolio in 2 weeks", "asked for our preprint".
# "wants to know comp bands", "wants to swap case studies": what they want, for a promise that names nothing
# ("I'll send by end of month", "sending her ours"); said alone it is no promise of the user's.
_REQUEST = re.compile(
    r"\b(?:wants?|asked\s+for|asks?\s+for|asked|asks?|requested|(?P<needs>needs?))\s+(?:to\s+see\s+"
    r"|to\s+(?P<only>know|swap|trade|exchange|compare|read|hear\s+about|do|get)\s+)?"
    r"(?P<obj>(?!(?:to|me|us|you|him|her|them|if|whether|about|for|a\s+lot)\b)[^,.;:!?()\n]+)",
    re.IGNORECASE,
)
_BARE = re.compile(
    r"^(?:send|do|do\s+it|send\s+it|send\s+them|doing\s+it|owe\s+(?:her|him|them)|follow\s+up|check\s+in"
    r"|circle\s+back)$",
    re.IGNORECASE,
)
# A deed with nothing to do it to takes what they asked for: "wants an exclusive. said I'd confirm by 6/1".
_ON_WHAT_THEY_WANT = frozenset({"confirm", "share", "prepare", "finish", "write", "draft", "review", "sign", "check"})
_I_SAID_DAY = re.compile(r"\bi\s+said\s+", re.IGNORECASE)
MAX_REQUEST_WORDS = 7
MAX_REQUESTER_CHARS = 80  # how far back "she" in "she's keen on our role, wants to know comp bands" may be
_SUBJECT_PRONOUN = re.compile(r"\b(she|he|they)(?=['’\s])", re.IGNORECASE)
_OURS = {"ours": "our", "mine": "my"}


class _Request(NamedTuple):
    start: int
    what: str  # "the data room"
    due_on: str  # the day it is wanted by, or ""
    to: str = ""  # who wants it, as the object of a promise: "her", "him", "them", or "" when the line does not say
    only_fills: bool = False  # "wants to know X": X for a promise that names nothing, never a promise alone


_OURS_AT_END = re.compile(
    r"^(?P<verb>send|share|email|forward)\s+(?:(?P<to>her|him|them)\s+)?(?P<ours>ours|mine)$", re.IGNORECASE
)


def _filled(said: str, request: _Request, ours: re.Match[str] | None) -> str:
    """A promise that names nothing, said with what they asked for: "send" -> "send her the comp bands", "sending her
    ours" -> "send her our case studies", "follow up" -> "follow up about the joint webinar"."""
    low = said.lower()
    if ours is not None:
        to = ours.group("to") or request.to
        what = re.sub(r"^(?:the|a|an|our|my)\s+", "", request.what, flags=re.IGNORECASE)
        return _as_action(" ".join(w for w in (ours.group("verb"), to, _OURS[ours.group("ours").lower()], what) if w))
    if low in _FOLLOW_UP:
        return _as_action(f"{said} about {_the_thing(request.what)}")
    verb = low if low in _ON_WHAT_THEY_WANT else "send"
    to = request.to if verb == "send" and low in ("send", "send it", "send them") else ""
    return _as_action(" ".join(w for w in (verb, to, _the_thing(request.what) if to else request.what) if w))


_FOLLOW_UP = frozenset({"follow up", "check in", "circle back"})


def _the_thing(what: str) -> str:
    """ "comp bands" -> "the comp bands", "a joint webinar" -> "the joint webinar": a thing asked for is the one both
    know of by now; "our deck", "2 names" stay."""
    first = what.split()[0].lower() if what.split() else ""
    if first in ("a", "an"):
        return f"the {what.split(' ', 1)[1]}" if " " in what else what
    if first in ("the", "my", "our", "your", "his", "her", "their", "some") or first[:1].isdigit():
        return what
    return f"the {what}"


def _requests(text: str, today: date | None) -> list[_Request]:
    """What they asked the user for, each with the day it is wanted by when the words say one."""
    found: list[_Request] = []
    for m in _REQUEST.finditer(text):
        if _user_said(text, m.start()) or _NEGATED_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        obj = _tidy(re.split(r"\s[-–—]+\s", m.group("obj"))[0])  # "asked for my gh link - sending tonight"
        day = find_day(obj, today, prefer="future") if today is not None else None
        what = obj[: day.start] if day else obj
        lead = _DUE_LEAD.search(what)
        what = _tidy(what[: lead.start()] if lead else what)
        words = what.split()
        if not words or len(words) > MAX_REQUEST_WORDS:
            continue
        if len(words) > 1 and words[-1].islower() and words[-1].endswith("ed") and is_inflected(words[-1]):
            continue  # "wants PO released this wk": something done, not a thing to send
        said = list(_SUBJECT_PRONOUN.finditer(text, max(0, m.start() - MAX_REQUESTER_CHARS), m.start()))
        to = {"she": "her", "he": "him", "they": "them"}.get(said[-1].group(1).lower(), "") if said else ""
        iso = day.day.isoformat() if day else ""
        only = bool(m.group("only") or m.group("needs"))  # "needs pricing, sending by 4/15": a need only fills a
        found.append(_Request(m.start(), tidy(what), iso, to, only))  # bare promise, never makes one
    return found


_NEGATED_BEFORE = re.compile(r"(?:\bnot|n't|n’t|\bnever|\bno)\s+$", re.IGNORECASE)


# "I owe" Sasha "a review", "I forgot to text" Mike "back": a deed said through the name
_OWE_ENDS = re.compile(r"(?:^|\bI\s+(?:still\s+)?)owe$|\b(?:forgot|meant|supposed)\s+to\s+[a-z]+$", re.IGNORECASE)


def runs_on(text: str) -> bool:
    """True when ``text`` stops inside a promise ("remind me to call", "I'll send"): a name typed next is its
    object, and the words after the name finish it ("... Ana tomorrow about the lease")."""
    text = text.rstrip()
    if _OWE_ENDS.search(text) or note_runs_on(text):
        return True
    return any(_to_boundary(text, m.end(), _PROMISE_END) >= len(text) for m in _promise_words(text + " "))


# "get the pre-approval to me", "get the deck over to her": handed over, said as sent
_GET_TO = re.compile(
    r"^get\s+(?P<what>(?:the|a|an|my|our|his|her|their|this|that|these|those|\d+)\b[^,;]*?)\s+(?:over\s+)?to\s+"
    r"(?P<to>me|us|her|him|them|you)\b",
    re.IGNORECASE,
)
_PRESENT_ME = re.compile(r"^present\s+(me|us)\s+to\b", re.IGNORECASE)  # "he will present me to his boss"
_LOOK_AT = re.compile(r"^look\s+(?=(?:my|our|the|his|her|their|your|this|that|these|those|a|an|it)\b)", re.I)
# "a 2min loom" -> "a 2 min loom", "20lb of halibut" -> "20 lb of halibut"
_GLUED_UNIT = re.compile(r"\b(\d+)(mins?|hrs?|h|lbs?|kgs?|oz|km|ml|gal)\b", re.IGNORECASE)
_WEEKS = re.compile(r"\b(\d+)(-|\s*)wks?\b", re.IGNORECASE)  # "a 2-wk visit" -> "a 2-week visit"


def _as_action(action: str) -> str:
    """ "sending the signed SAFE" -> "send the signed SAFE", "snd him hubspot guide" -> "send him HubSpot guide",
    "present me to his boss" -> "introduce me to his boss", "look my contract" -> "look at my contract", "get the
    form to me" -> "send me the form"."""
    verb, _, rest = action.partition(" ")
    low = verb.lower()
    base = _BASE_VERBS.get(low) or (plain_verb(low) if low.endswith("ing") else "")
    if base:
        action = f"{base} {rest}".strip()
    action = _GET_TO.sub(r"send \g<to> \g<what>", action)
    action = _LOOK_AT.sub("look at ", _PRESENT_ME.sub(r"introduce \1 to", action))
    action = _GLUED_UNIT.sub(r"\1 \2", action)
    action = _WEEKS.sub(lambda m: f"{m.group(1)}-week" if m.group(2) == "-" else f"{m.group(1)} weeks", action)
    action = _THEM_TYPED.sub(r"\1 them", action)  # "get em to him", "send am my GitHub": them, as typed fast
    named = _NAME_THEN_THING.match(action)
    if named and is_given_name(named.group(1)):  # "I promised Ray 2 referrals": send Ray 2 referrals
        action = f"send {action}"
    action = _BOTH_OF_THEM.sub("them", action)  # "send both of them my CV": them
    action = FILLER_END.sub("", action)  # "bring her ensaymada hehe", "the steam key asap"
    return tidy(re.sub(r"\bw\b(?=\s+\w)", "with", action))


_THEM_TYPED = re.compile(
    r"\b(send|give|tell|call|show|mentor|help|pay|ask|bring|text|email|get|put|introduce|intro)\s+(?:em|am)\b",
    re.IGNORECASE,
)
_NAME_THEN_THING = re.compile(r"^([A-Z][\w'’-]+)\s+(?=\d|(?:an?|the|my|our|some)\s)")
_BOTH_OF_THEM = re.compile(r"\b(?:both|all)\s+of\s+them\b", re.IGNORECASE)


# The day said in the next breath is the promise's: "I'll send the photos 📸 sat", "review for TOCHI, deadline june
# 1", "owe her the list, promised by end of month", "offered to review my profile, she's free 12/2", and for all of
# them: "..., I send him ours. both by fri".
_NEXT_BREATH = re.compile(
    r"[\s,.;:!?()\-–—\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff]*"
    r"(?P<both>(?:both|all|each)\s+)?"
    r"(?:(?:deadline|due|promised)\s*:?\s*|(?:she|he|they)(?:'s|’s|\s+is|\s+are|'re|’re)\s+free\s+)?",
    re.IGNORECASE,
)
_BREATH_END = re.compile(
    r"\s*(?:[,.;!?\n)]|$|\s[-–—]\s|[\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff])"
)
_SENTENCE_END = re.compile(r"[.!?\n]\s")


# A day said as the one named before: "... before that", "by then", "I must apply before" (the day said earlier).
_BEFORE_THEN = re.compile(r"\s+(?:(?:before|by|until|till)\s+(?:that|then|that\s+day|it)|before)$", re.IGNORECASE)


def _last_day(text: str, end: int, today: date) -> str:
    """The last day said in ``text[:end]``, when it is still to come ("" else)."""
    found, at = "", 0
    while (day := find_day(text, today, prefer="future", start=at, end=end)) is not None:
        found, at = (day.day.isoformat() if day.day >= today else ""), day.end
    return found


def _next_breath(text: str, end: int, today: date | None) -> tuple[str, bool]:
    """The day said just after a promise ends, when that is all the next words say, and whether it is for "both"."""
    if today is None or end >= len(text):
        return "", False
    m = _NEXT_BREATH.match(text, end)
    day = day_at(text, m.end(), today, "future") if m else None
    if m is None or day is None or not _BREATH_END.match(text, day.end):
        return "", False
    return day.day.isoformat(), bool(m.group("both"))


MAX_SUBJECT_WORDS = 6


def _someone_else_said(text: str, start: int) -> bool:
    """True for "she promised to..." or "Jane owes...": a commitment, but not the user's."""
    words = _CLAUSE_SPLIT.split(text[:start])[-1].split()
    if not words:
        return False
    last = words[-1]
    if last.lower() not in _NOT_A_SUBJECT and (last[:1].isupper() or last.lower() in _NOT_INTEREST):
        return True
    # "Sofia from the Kim lab promised to ...": the clause opens with the one who promised
    first = words[0]
    mine = any(w.lower() in ("i", "we", "i'm", "i’m", "im") for w in words)
    asked = first.lower() in _NOT_A_SUBJECT
    return len(words) <= MAX_SUBJECT_WORDS and first[:1].isupper() and not (mine or asked) and not is_not_a_name(first)


# A clause whose subject, someone other than the user, is doing something: "Dmitri selling his old oven",
# "she's moving to Denver", "Ana runs the bakery".
_SOMEONE_DOING = re.compile(
    r"^\s*(?:(?P<pron>she|he|they)|(?P<name>(?-i:[A-Z][\w'’-]+)))(?:['’]s|['’]re|\s+is|\s+are)?\s+"
    r"(?P<verb>[a-z]+(?:ing|s))\b",
    re.IGNORECASE,
)
_SOMEONE_ELSE = re.compile(r"\b(?:her|him|them|his|their)\b", re.IGNORECASE)


def _they_go_on(text: str, start: int, action: str) -> bool:
    """ "Dmitri selling his old combi oven cheap, will send pics": a "will" with no subject, right after a clause
    in which someone else is doing something, is theirs; not when what is done is done to someone ("..., will send
    her the deck": the user's) or the clause before is the user's ("met Dmitri at the mixer, will send pics")."""
    clauses = _CLAUSE_SPLIT.split(text[:start])
    if len(clauses) < 2 or clauses[-1].strip() or _SOMEONE_ELSE.search(action):
        return False
    if not text[:start].rstrip().endswith(",") or text[start:].lstrip()[:1].isupper():
        return False  # "He asks if we have anyone else. Will think of Tyrell": a sentence of the user's
    doing = _SOMEONE_DOING.match(clauses[-2])
    if doing is None or doing.group("verb").lower() in ("was", "has", "is", "does", "thanks"):
        return False
    name = doing.group("name")
    return name is None or (is_given_name(name) and not is_not_a_name(name))


_DUE_LEAD = re.compile(
    r"\s*\b(?:by|on|over|before|until|til|till|in|no\s+later\s+than|at\s+the\s+latest|the\s+(?:week|wk)\s+of"
    r"|(?:(?<=\bup\s)|(?<=\bit\s)|(?<=\bout\s)|(?<=\bback\s)|(?<=\bthem\s))(?:week|wk)\s+of)?\s*$",
    re.IGNORECASE,
)


def _with_due(action: str, today: date | None) -> PromiseItem:
    """ "send her my deck by friday" -> ("send her my deck", the coming Friday)."""
    if today is None:
        return PromiseItem(action, "")
    found = find_day(action, today, prefer="future")
    if found is None:
        return PromiseItem(action, "")
    head = action[: found.start]
    if _AGAIN.search(head):  # "send me her rate sheet every monday": a habit, due on no day
        return PromiseItem(action, "")
    after = _FROM_DAY.search(head)
    if after and found.day < today:  # "my slides from last year's conference": what, not when
        return PromiseItem(action, "")
    if after and re.match(r"\s+[a-z]", action[found.end :], re.IGNORECASE):
        return PromiseItem(action, found.day.isoformat())  # "confirm after Mon partner mtg": a day of the thing
    if after:  # "send the images after 3/13": when it can start, not when it is due
        return PromiseItem(_tidy(re.sub(r"\s+", " ", f"{head[: after.start()]} {action[found.end :]}")) or action, "")
    lead = _DUE_LEAD.search(head)
    head = head[: lead.start()] if lead else head
    if _DAY_IS_OBJECT.search(head):  # "schedule the deep dive for 3/11": the day is what it is for, said whole
        return PromiseItem(action, found.day.isoformat())
    head = _DAY_ARTICLE.sub("", head)  # "send me a test the next week": "the" was the day's
    rest, day = action[found.end :], found.day
    again = find_day(rest, today, prefer="future")
    weekday = action[found.start : found.end].strip(" ,.").lower() in _WEEKDAY_NUMBERS
    if again is not None and (again.day == found.day or weekday) and not rest[: again.start].strip(" ,"):
        rest, day = rest[again.end :], again.day  # "open it Mon 1/26", "on Mon, 1/26": one day said twice
    text = _tidy(re.sub(r"\s+", " ", f"{head} {rest}"))
    by = lead is not None and lead.group().strip().lower() in ("by", "before", "until", "til", "till")
    if day.day == 1 and _A_MONTH.fullmatch(action[found.start : found.end].strip(" ,.")) and not by:
        day = day.replace(day=calendar.monthrange(day.year, day.month)[1])  # "in November": done by its end
    return PromiseItem(text or action, day.isoformat())


# A month said alone, as when a thing is to be done ("the proposal before the committee in November"): any day of it.
_A_MONTH = re.compile(rf"(?:(?:in|during)\s+)?{_MO}\.?", re.IGNORECASE)
_NO_DEED = frozenset(
    {"see", "see how it goes", "wait and see", "think about it", "try", "ask", "check", "talk", "talk again", "chat",
     "certainly do", "definitely do", "surely do"}
)
# "i WILL forget", "I should expect to hear back", "will need a senior counsel", "I should double-check": no promise
# to anyone (what is expected, needed or checked for oneself).
_NOT_A_DEED = re.compile(
    r"^(?:forget|lose|miss|die|cry|never|expect|need(?!\s+to\b)|hear\s+back|wonder|guess|hope|be\s+(?:fine|ok|okay|late)"
    r"|double[\s-]?check"
    r"|\w+\s+(?:went|was|were|is|got|ran)\b)",  # "call went well", "lunch was great": news of it, no deed
    re.IGNORECASE,
)
# Words before a day that make it no deadline, or part of the promise itself.
_AGAIN = re.compile(r"\b(?:every|each)\s*$", re.IGNORECASE)
_FROM_DAY = re.compile(r"\s*\b(?:after|from|starting(?:\s+from)?|since)\s*$", re.IGNORECASE)
_DAY_IS_OBJECT = re.compile(r"\b(?:for|to|at|of|with|about)\s*$", re.IGNORECASE)
_DAY_ARTICLE = re.compile(r"\s*\bthe\s*$", re.IGNORECASE)


# A meeting asked for is held, not sent: "wants a follow up in 2 wks" -> "follow up", "wants a call by fri" -> "set
# up a call".
_HELD = {
    "follow up": "follow up", "follow-up": "follow up", "followup": "follow up", "f/u": "follow up",
    "catch up": "catch up", "catch-up": "catch up", "call": "set up a call", "meeting": "set up a meeting",
    "mtg": "set up a meeting", "chat": "set up a chat", "check-in": "check in", "coffee": "set up a coffee",
}  # fmt: skip


# A thing, then whom it goes to and by when, said with no verb: "CDA to her by 1/14", "Quote to them by the 15th".
_HANDED = re.compile(
    _CLAUSE_START + r"(?P<thing>[A-Za-z][\w&/#-]*(?:\s+[\w&/#-]+){0,3}?)\s+to\s+"
    r"(?P<to>her|him|them|(?-i:[A-Z][a-z][\w'’-]*))\s+(?=(?:by|before|until|til)\s)",
    re.IGNORECASE,
)
_NOT_HANDED = _set(
    """i we you she he they it this that go went come came talk talked speak spoke move moved back up down out over
    and or but so then also to need needs have has got gotta must want wants will would should can"""
)


def _giving(what: str) -> str:
    """What the user does for something asked of them by a day: sends it ("send the deck"), or holds it when it is a
    meeting ("follow up", "set up a call")."""
    thing = re.sub(r"^(?:a|an|the|another|one\s+more|quick)\s+", "", what.strip(), flags=re.IGNORECASE).lower()
    return _HELD.get(thing, f"send {what}")


def _promises(text: str, taken: list[tuple[int, int]], today: date | None = None) -> list[PromiseItem]:
    found: list[PromiseItem] = []
    starts: list[int] = []  # where each found promise was said
    asked = _requests(text, today)
    filled: set[int] = set()  # the requests a bare "send by wed" or "i said monday" took

    def wanted_before(at: int) -> _Request | None:
        before = [r for r in asked if r.start < at and r.start not in filled]
        return before[-1] if before else None

    for m in _I_SAID_DAY.finditer(text):  # "wants API docs + pricing. i said monday": the day the user said
        day = find_day(text, today, prefer="future", start=m.end(), end=m.end() + 20) if today else None
        request = wanted_before(m.start())
        if day is not None and day.start == m.end() and request is not None:
            filled.add(request.start)
            found.append(PromiseItem(_as_action(f"send {request.what}"), day.day.isoformat()))
            starts.append(m.start())
            taken.append((m.start(), day.end))
    for m in _HANDED.finditer(text):  # "CDA to her by 1/14.", "Quote to them by the 15th": a thing to send by then
        words = m.group("thing").split()
        day = find_day(text, today, prefer="future", start=m.end(), end=m.end() + 25) if today else None
        if day is None or any(is_inflected(w) or w.lower() in _NOT_HANDED for w in words):
            continue
        thing = m.group("thing")
        if len(words) == 1 and thing[:1].isupper() and thing[1:].islower():
            thing = thing.lower()  # "Quote to them": capitalised for the sentence, not a name
        found.append(PromiseItem(f"send {_the_thing(thing)} to {m.group('to')}", day.day.isoformat()))
        starts.append(m.start())
        taken.append((m.start(), day.end))
    for m in _promise_words(text):
        if not _free(taken, m.start(), m.end()):
            continue
        named = m.groupdict().get("named")
        theirs = bool(m.group("theirs") or m.group("their_do") or m.group("told_them") or m.group("offered") or named)
        if m.group("owe") and _OWED_TO_ME.match(m.group("owe")):
            if not re.match(r"owes?\s+(?:me|us)\b", m.group("owe"), re.I):
                continue  # "Jane owes him a favour": between two others
            theirs = True  # "she owes me the schedule": hers to keep
        if theirs and _user_said(text, m.start()):
            continue  # "I offered to": the user's, read by _I_WILL
        if m.group("said_do") or m.group("told_them"):
            pass  # whoever said it, the action is the user's ("Karl said to email him") or theirs ("told her to")
        elif m.group("owe"):
            pass  # whose a debt is, the words after "owe" say
        elif not theirs and not m.group().lower().startswith(("i", "we")) and _someone_else_said(text, m.start()):
            theirs = bool(m.group("p2"))  # "Jane promised to send it": hers
            if not theirs:
                continue
        elif m.group("p2") and re.match(r"(?:offered|agreed)", m.group(), re.I) and not _user_said(text, m.start()):
            theirs = True  # "..., offered to intro me to 2 clients": said of them, not of the user
        start = m.end()
        prefix = ""
        if m.group("imp"):
            start = m.start("verb")
            if m.group("verb").lower().endswith("ing") and re.match(r"\s+(?:me|us)\b", text[m.end("verb") :], re.I):
                theirs = True  # "sending me his bid tmrw": no one sends the user their own things; theirs to send
        elif m.group("owe"):
            start = m.start("owe")
        elif m.group("obj"):
            prefix = f"get {m.group('obj').lower()} "
        elif m.group("offered"):  # "she offered a mock interview": what she will give
            prefix = f"give {(m.group('given') or 'me').lower()} "
        end = _to_boundary(text, start, _PROMISE_END)
        if not theirs and m.group("p4") and m.group().strip().lower() == "will":
            # "..., will intro me to their category manager", "dr. okonkwo (career services) will look over my cv",
            # "Dmitri selling his old combi oven cheap, will send pics": the one doing the clause before goes on
            theirs = bool(_TO_ME.match(text[start:end]) or text[: m.start()].rstrip().endswith(")"))
            theirs = theirs or _they_go_on(text, m.start(), text[start:end])
        # What they promise is often an offer too ("happy to intro", "can help with"): read it again (not a debt).
        if not theirs or m.group("owe"):
            taken.append((m.start(), end))
        parts = split_owed(text[start:end]) if m.group("owe") else _SECOND_ACTION.split(text[start:end])
        breath, both = _next_breath(text, end, today)
        for n, part in enumerate(parts):
            action = _tidy(prefix + _clip_words(part, MAX_ACTION_WORDS))
            if not action or action.lower() in _NO_DEED or _NOT_A_DEED.match(action):  # "I'll.", "we'll see"
                continue
            item = _with_due(action, today)
            if item.text.lower() in _NO_DEED:
                continue  # "will talk again next week": said with its day, still no deed
            then = _BEFORE_THEN.search(item.text) if not item.due_on else None
            if then and today is not None:  # "the call moved to friday so I have to send the agenda before that"
                earlier = _last_day(text, m.start(), today)
                item = item._replace(text=item.text[: then.start()], due_on=earlier) if earlier else item
            if breath and not item.due_on and n == len(parts) - 1:
                item = item._replace(due_on=breath)
            habit = m.group("i_do") or m.group("they_now")
            if habit and not item.due_on and not re.search(r"\bif\s*$", text[: m.start()], re.I):
                continue  # "i send newsletters", "he sends me memes": a habit, not a promise
            item = item._replace(text=_as_action(as_deed(item.text) if m.group("owe") else item.text))
            owed_to = m.group("owe").split()[1] if m.group("owe") else ""
            if owed_to.islower() and owed_to not in ("her", "him", "them", "you", "me", "us"):  # "owe lena the plan"
                named = re.sub(rf"\b{re.escape(owed_to)}\b", owed_to.capitalize(), item.text, count=1)
                item = item._replace(text=named)
            if not item.text:
                continue
            if not theirs and re.search(r"\balready$", item.text, re.IGNORECASE):
                continue  # "Send resume to Tuan already": done, as people learning English say it
            if not theirs and _TO_MYSELF.match(item.text):
                continue  # "David Okonkwo call me!!!": news of what they did, typed as people learning English do
            if theirs and item.text.lower() in _REACH:  # "she said she'll call the 25th": call the user
                item = item._replace(text=f"{item.text} {_REACH[item.text.lower()]}")
            ours = _OURS_AT_END.search(item.text)
            bare = _BARE.match(item.text) or item.text.lower() in _ON_WHAT_THEY_WANT or ours
            request = wanted_before(m.start()) if not theirs and bare else None
            if request is None and _WHOSE_THING.search(item.text):
                continue  # "i review his by thurs": his what, the line says elsewhere; said alone it reads cut off
            if request is not None:  # "wants our sourcing playbook. send by wed": send that
                filled.add(request.start)
                item = item._replace(text=_filled(item.text, request, ours), due_on=item.due_on or request.due_on)
            else:  # "offered to review our deck 🙏 send it fri": send the deck
                item = item._replace(text=_as_action(stood_for(item.text, text, m.start())))
            found.append(item._replace(whose="theirs") if theirs else item)
            starts.append(m.start())
        if both:  # "both by fri": each promise of the sentence that has no day of its own
            said = max((s.end() for s in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
            dated = zip(found, starts, strict=True)
            found = [p._replace(due_on=breath) if at >= said and not p.due_on else p for p, at in dated]
    for request in asked:  # "wants the data room by fri": the user's to send, by then
        fresh = request.start not in filled and not any(request.what in p.text for p in found)
        fresh = fresh and not request.only_fills
        if request.due_on and fresh and _free(taken, request.start, request.start + 1):
            found.append(PromiseItem(_as_action(_giving(request.what)), request.due_on))
    for todo in todos(text, taken, today):  # "counter-offer by 3/31", "I'm in for 25k"
        found.append(PromiseItem(todo.text, todo.due_on))
    return found
