"""Their words count too (principle 18): what a note says someone else promised, is waiting for, turned down or
went through, read into dated items.

- a pledge ("she's in for 50k", "committed 25k") is help received (a thank-you owed, no ask for a while) and their
  promise, checked on in three weeks;
- a promise made to the user ("will intro me to her CRO", "said he'd send the term sheet by friday") is theirs,
  with its day, or a week on when none is said;
- a call or meeting they want ("wants a call next week") is a reminder on that day;
- a horizon ("wants to see 3 more months of revenue", "check back in 6 weeks") is a reminder when it comes;
- a refusal ("passing for now", "passed on the round") is a graceful close the next morning and a revisit in three
  months;
- a milestone (an interview, a launch, a birth, a publication) is news: asked about after its day, or congratulated.

Like notes.py, every rule needs a clear trigger word: a missed phrase stays in the notes, a wrong guess would nag.
Items are said in the words a morning can show as they are (reminders are said as typed).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from bot.coach.reading.dates import find_day
from bot.coach.reading.notes import PromiseItem, extract_facts
from bot.coach.reading.spans import _user_said

THEIR_DEFAULT_DAYS = 7  # a promise made to the user without a day: checked on a week later
PLEDGE_CHECK_DAYS = 21  # a pledge: whether the money came in, three weeks on
REVISIT_MONTHS = 3  # "passing for now": ask again in a few months
MAX_TEXT = 600


class Commitment(NamedTuple):
    """One dated item a note gives rise to. ``kind``: "got" (help received: a thank-you owed), "theirs" (their
    promise to the user), "reminder" (the user's own step on a day), "later" (a reminder that also holds back any
    ask of them until its day: they said what they wait for), "news" (``news``: a win for the card) or "met" (a need
    of theirs met: ``news`` says what they found)."""

    kind: str
    text: str
    due_on: str = ""
    news: str = ""


_SUBJECT = r"(?:(?:she|he|they)(?:'s|’s|\s+is|\s+are|'re|’re)?\s+|[A-Z][\w'’-]+(?:'s|’s|\s+is)?\s+)?"
_AMOUNT = r"(?P<amount>[$€£]?\s?\d[\d.,]*\s*(?:k|m|mm|million|thousand|grand)?\b(?:\s*(?:usd|eur|gbp|dollars|euros))?)"
_PLEDGE = re.compile(
    r"\b(?:in\s+for|committed|commits|pledged|(?:will|'ll|’ll|going\s+to|wants\s+to)\s+(?:invest|put\s+in)"
    r"|investing|putting\s+in|ticket\s+of|writing\s+(?:a\s+)?(?:cheque|check)\s+(?:of|for))\s+" + _AMOUNT,
    re.IGNORECASE,
)
_NOT_NOW = re.compile(r"(?:\bnot|n't|n’t|\bnever|\bno)\s+(?:\w+\s+)?$", re.IGNORECASE)
# Promises made to the user that notes.py leaves to a subject pronoun: "Carla will intro me to Sam".
_NAMED_WILL = re.compile(
    r"\b[A-Z][\w'’-]+\s+(?:will|'ll|’ll|is\s+going\s+to|is\s+gonna|promised\s+to|offered\s+to|agreed\s+to)\s+"
    r"(?P<what>(?:intro(?:duce)?|refer|connect|send|share|forward|get\s+back|come\s+back|review|put)\s+me\b[^.;!?\n]*)",
)
_CALL = re.compile(
    r"\b(?:wants?|asked\s+for|suggested|proposed|keen\s+on|up\s+for)\s+(?:to\s+)?(?:have\s+|do\s+|grab\s+)?"
    r"(?:a\s+|another\s+)?(?P<what>call|chat|catch[\s-]?up|coffee|meeting|meet|talk|demo|lunch|follow[\s-]?up)\b"
    r"(?P<rest>[^.;!?\n]{0,40})",
    re.IGNORECASE,
)
_COUNT = r"(?P<n>\d{1,2}|a\s+few|a\s+couple\s+(?:of\s+)?|one|two|three|four|five|six|nine|twelve)"
_UNIT = r"(?P<unit>weeks?|months?|quarters?)"
_HORIZON = re.compile(
    r"\b(?:wants?|needs?|would\s+like|likes?)\s+to\s+see\s+(?P<what>(?:the\s+next\s+|another\s+)?"
    + _COUNT
    + r"\s+(?:more\s+)?"
    + _UNIT
    + r"\s+of\s+[^.;,!?\n]{2,40}?)(?=\s*(?:[.;,!?\n]|\s(?:before|first|then|and)\b|$))",
    re.IGNORECASE,
)
_LATER = re.compile(
    r"\b(?:check|circle|come|get|reach|follow)\s+(?:back|up)\s+(?:with\s+(?:her|him|them)\s+)?in\s+"
    + _COUNT
    + r"\s+"
    + _UNIT,
    re.IGNORECASE,
)
_PASS = re.compile(
    r"\b(?:pass(?:ing|ed|es)?\s+(?:for\s+now|on\s+(?:it|this|us|the\s+(?:round|deal|raise|role|offer))|this\s+time)"
    r"|(?:is|'s|’s|are)\s+passing\b|said\s+no\s+for\s+now|(?:turned|turns)\s+(?:it|us|me)\s+down"
    r"|not\s+(?:investing|a\s+fit|ready|interested)\s+(?:right\s+)?(?:now|yet|for\s+now|this\s+(?:time|round)))",
    re.IGNORECASE,
)
_INTERVIEW = re.compile(
    r"\b(?:(?:has|had|got|have)\s+(?:an?\s+|her\s+|his\s+|their\s+|the\s+)?(?:final[\s-]round\s+|job\s+|big\s+)?"
    r"interview|interviewing\s+(?:at|with|for)|final\s+round)\b(?P<rest>[^.;!?\n]{0,40})",
    re.IGNORECASE,
)
_LAUNCH = re.compile(
    r"\b(?:is\s+|'s\s+|’s\s+|are\s+)?(?:launching|releasing|shipping|opening)\s+(?P<what>[^.;,!?\n]{2,40}?)"
    r"(?=\s+(?:next|this|on|in|tomorrow|tmrw|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
    r"(?P<rest>[^.;,!?\n]{0,30})",
    re.IGNORECASE,
)
_BIRTH = re.compile(
    r"\b(?:new\s+grand(?:child|son|daughter|baby)|(?:had|welcomed)\s+(?:a|her|his|their)\s+(?:first\s+)?"
    r"grand(?:child|son|daughter|baby)|became\s+(?:a\s+)?grand(?:ma|pa|mother|father|parent)"
    r"|(?:baby|son|daughter)\s+(?:was\s+|is\s+)?born|gave\s+birth)\b",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"\b(?:(?:story|article|book|paper|piece|essay|op-?ed|novel|poem|column)\s+(?:was\s+|is\s+|got\s+|just\s+)*"
    r"(?:published|out|came\s+out|accepted)|got\s+published|published\s+(?:in|by)\s+[A-Z])",
    re.IGNORECASE,
)
# A need met: "hired a lawyer", "found a cofounder", "signed with an agency": the need is no longer theirs.
_FOUND = re.compile(
    r"\b(?:hired|found|signed(?:\s+(?:with|up))?|got|landed|brought\s+on|onboarded)\s+(?P<what>(?:a|an|the|their|her|his)\s+"
    r"[\w-]+(?:\s+[\w-]+)?)",
    re.IGNORECASE,
)
_WORK = re.compile(r"\b(?:(her|his|their)\s+)?(story|article|book|paper|piece|essay|op-?ed|novel|poem|column)\b", re.I)
# What they are willing to do is an offer, not a promise (an ask may follow, planning/asks.py).
_OFFERED = r"\b(?:happy|glad|keen|willing|able|open)\s+to\s+|\b(?:can|could|might|may)\s+|\boffer(?:ed|s)?\s+to\s+"
_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "twelve": 12}


def read_commitments(text: str, first: str, today: date) -> list[Commitment]:
    """The dated items a note about ``first`` gives rise to (see the module's docstring); none when it says none."""
    text = " ".join((text or "").split())[:MAX_TEXT]
    if not text:
        return []
    found: list[Commitment] = []
    iso = today.isoformat()

    def later(days: int) -> str:
        return (today + timedelta(days=days)).isoformat()

    refused = _PASS.search(text)
    for m in _PLEDGE.finditer(text):
        if refused or _NOT_NOW.search(text[: m.start()]) or _user_said(text, m.start()):
            continue  # "I'm in for 25k" is the user's pledge, a promise of theirs (todos.py)
        amount = " ".join(m.group("amount").split())
        found.append(Commitment("got", f"committed {amount}"))
        found.append(Commitment("theirs", f"put in {amount}", later(PLEDGE_CHECK_DAYS)))
        break
    theirs = list(extract_facts(text, today).their_items)
    said = {item.text.lower() for item in theirs}
    for m in _NAMED_WILL.finditer(text):
        what = m.group("what").strip()
        if what.lower() not in said:
            day = find_day(what, today, prefer="future")
            theirs.append(PromiseItem(what, day.day.isoformat() if day is not None else "", "theirs"))
    for item in theirs:
        if any(c.kind == "theirs" for c in found) and _PLEDGE.search(item.text):
            continue
        if re.search(_OFFERED + re.escape(item.text), text, re.IGNORECASE):
            continue  # "happy to intro to VCs" is an offer: the user may ask, there is nothing to check on
        due = item.due_on if item.due_on and item.due_on >= iso else later(THEIR_DEFAULT_DAYS)
        found.append(Commitment("theirs", _cut_day(item.text), due))
    for m in _CALL.finditer(text):
        if _NOT_NOW.search(text[: m.start()]):
            continue
        day = find_day(m.group("rest"), today, prefer="future")
        if day is None or day.day < today:
            continue
        on = _monday(day.day) if re.search(r"next\s+week", m.group("rest"), re.IGNORECASE) else day.day
        what = m.group("what").lower().replace("-", " ")
        found.append(Commitment("reminder", f"set up the {what} {first} asked for", on.isoformat()))
        break
    for m in _HORIZON.finditer(text):
        what = _mine_to_yours(m.group("what"))
        found.append(Commitment("later", f"show {first} {what}", _after(today, m.group("n"), m.group("unit"))))
    for m in _LATER.finditer(text):
        found.append(Commitment("later", f"check back in with {first}", _after(today, m.group("n"), m.group("unit"))))
    if refused:
        found.append(Commitment("reminder", f"thank {first} for considering it, and keep the door open", later(1)))
        if not any(c.text.startswith("check back") for c in found):
            revisit = _after(today, str(REVISIT_MONTHS), "months")
            found.append(Commitment("later", f"check back in with {first}: a no for now is not a no forever", revisit))
    interview = _INTERVIEW.search(text)
    if interview and not _NOT_NOW.search(text[: interview.start()]):
        day = find_day(interview.group("rest"), today, prefer="future")
        went = re.search(r"\b(?:went|go(?:es)?|going)\s+(?:well|great|ok|fine|badly)\b", text, re.IGNORECASE)
        if day is not None and day.day >= today and not went:
            after = (day.day + timedelta(days=1)).isoformat()
            found.append(Commitment("reminder", f"ask {first} how the interview went", after))
        elif went and re.search(r"\b(?:her|his|their|she|he|they)\b", text[: interview.end()], re.IGNORECASE):
            found.append(Commitment("reminder", f"ask {first} what comes after the interview, and wish them luck", iso))
        elif went:
            found.append(Commitment("reminder", f"tell {first} the interview went well, and thank them", iso))
    launch = _LAUNCH.search(text)
    if launch:
        day = find_day(launch.group("rest"), today, prefer="future")
        if day is not None and day.day >= today:
            thing = _mine_to_yours(launch.group("what").strip())
            found.append(Commitment("reminder", f"wish {first} luck with the launch of {thing}", day.day.isoformat()))
    for m in _FOUND.finditer(text):
        if not _NOT_NOW.search(text[: m.start()]):
            found.append(Commitment("met", "", news=m.group("what")))
    birth, published = _BIRTH.search(text), _PUBLISHED.search(text)
    if birth is not None:
        found.append(Commitment("news", "", news=birth.group(0)))
    if published is not None:
        work = _WORK.search(text)
        news = f"published {work.group(1) or 'a'} {work.group(2)}" if work else "got published"
        found.append(Commitment("news", "", news=news.lower()))
    return found


def _cut_day(text: str) -> str:
    """"send the term sheet by friday" -> "send the term sheet": the day is the item's due day."""
    return re.sub(r"\s+(?:by|on|before|next|this|tomorrow|tmrw)\b.*$", "", text, flags=re.IGNORECASE).strip() or text


def _mine_to_yours(text: str) -> str:
    return re.sub(r"\b(?:my|our)\b", "your", " ".join(text.split()), flags=re.IGNORECASE)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _after(today: date, count: str, unit: str) -> str:
    low = " ".join(count.lower().split())
    n = int(low) if low.isdigit() else _COUNT_WORDS.get(low, 2 if "couple" in low else 3)
    unit = unit.lower()
    if unit.startswith("week"):
        return (today + timedelta(weeks=n)).isoformat()
    months = n * 3 if unit.startswith("quarter") else n
    month = today.month - 1 + months
    year, month = today.year + month // 12, month % 12 + 1
    day = min(today.day, 28)
    return date(year, month, day).isoformat()
