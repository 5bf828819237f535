"""One-line capture: "/met Jane Doe, CTO at Globex, at PyCon yesterday - loves jazz" becomes a Meeting.

Principle 13 (serendipity counts) asks that anyone can be captured with one line, in any order, with no
mandatory fields but a name. So the parser is forgiving: it reads the names first, then any clauses it
recognises (where, when, who introduced you, which company), and keeps everything else as free-text notes,
from which capture_facts pulls interests, promises and wins. It never guesses a name it cannot see: no name
means NotUnderstood.

It is a small hand-written scanner rather than one big regular expression: names, roles and places are decided
word by word (is this capitalised? a job title? a keyword?), which a regex cannot say clearly. The common case
(no date) runs in tens of microseconds; dateparser is imported and called only when a date phrase is present.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from bot.coach.capture_facts import Facts, extract_facts
from bot.coach.errors import NotUnderstood


def _set(words: str) -> frozenset[str]:
    """A word set written as one string: easier to read and extend than a list of quoted words."""
    return frozenset(words.split())


__all__ = [
    "HINT",
    "Facts",
    "Meeting",
    "PersonMention",
    "extract_facts",
    "looks_like_meeting",
    "parse_meeting",
]

HINT = "/met Jane Doe at the editors happy hour - loves jazz"
MAX_TEXT = 2000  # longer messages are cut: a capture is a line, and the cap bounds the work per message
MAX_NAME_CHARS = 80
MAX_PEOPLE = 10
MAX_NAME_WORDS = 6
MAX_PHRASE_WORDS = 12


@dataclass
class PersonMention:
    """A person named in a capture line, as typed (tidied)."""

    name: str
    company: str = ""
    role: str = ""


@dataclass
class Meeting:
    """What one capture line says: who, when, where, who introduced you, and what you learned."""

    people: list[PersonMention]
    when: date
    context: str = ""  # "the editors happy hour", "PyCon"
    introduced_by: str = ""  # "Sam"
    facts: Facts = field(default_factory=Facts)
    notes: str = ""  # free text that is not one of the clauses above (facts are read from it, and stay in it)


# --- words --------------------------------------------------------------------------------------------------

# Combining marks are not \w in Python's re; without them "محمّد" or a decomposed "Lúcia" would split mid-word.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0903\u093a-\u094f\u200c\u200d"
)
_WORD = rf"[^\W\d_](?:[\w{_MARKS}]|['’\-](?=[^\W\d_]))*"
_TOKEN = re.compile(rf"\s*({_WORD})(\.)?")
_WORDISH = re.compile(r"\s*([^\s,;:()\[\]{}!?]+)")  # any run of non-separators: "R&D", "Studio 54", "#1"

_TITLES = _set("dr prof mr mrs ms mx sir dame rev fr")
_ABBREVIATIONS = _TITLES | _set("st mt ft inc co corp ltd univ dept")  # a dot that does not end a sentence
_PARTICLES = _set("van von der den de del della di da du la le bin ibn al el ter ten y dos das do st")
# Structural words end a name whatever their case ("Met Jane At PyCon").
_STOP = _set(
    """at @ from via through thanks introduced intro in on during and or & + with who whom whose which that
    the a an this last next yesterday today tonight ago she he they we i you it me my our your his her their
    them him"""
)
# Common words that end a name only when typed in lower case: "Will", "Grace" and "May" are names too.
_LOWER_STOP = _STOP | _set(
    """is was were are be been has had have will would should could can just also again up for to about of
    by as if but so then while when where after before since because per re
    loves love likes enjoys into fan interested passionate cares promised owe owes need needs said told
    works working runs got get new great nice lovely cool amazing awesome really very super some someone guy
    girl woman man lady person people folks everyone team friend friends colleague work school online there
    here not no yes ok okay briefly finally recently earlier later quickly today who's she's he's
    launched raised won published joined started mentioned wants"""
)
# Words that end a place, organisation or role phrase: the next clause starts here.
_PHRASE_STOP = _set(
    """from via through thanks introduced intro who which whose where she he they i we you yesterday today
    tonight ago last this and & but so while because loves likes enjoys into fan interested passionate cares
    promised owe need should will i'll i’ll i'd i’d got just launched raised won published joined she's
    he's they're also"""
)
_TRAILING_FILLER = _set("and & at in on of with the a an for to")

_ROLE_WORDS = _set(
    """cto ceo coo cfo cmo cpo cio ciso cro vp svp evp avp pm tpm em hr gm md founder cofounder co-founder
    engineer developer dev designer manager director head lead recruiter editor professor prof teacher
    researcher scientist analyst consultant partner investor vc journalist writer reporter architect intern
    student lawyer attorney doctor nurse president chair chairman chairwoman officer owner principal associate
    advisor adviser coach marketer specialist strategist producer photographer artist swe sre lecturer postdoc
    librarian accountant economist programmer entrepreneur executive secretary administrator admin chef
    organizer organiser curator mentor staffer counsel officer trainee fellow therapist pilot"""
)
_ACRONYM_ROLES = _set("CTO CEO COO CFO CMO CPO CIO CISO CRO VP SVP EVP AVP PM TPM")
# "CEO of Acme" names the company; "head of design" does not.
_OF_ORG_ROLES = _set("ceo cto coo cfo cmo cpo cio founder cofounder co-founder president owner chair")
_PRONOUN_PARENS = _set("she he they her him them she/her he/him they/them")

_MONTH_WORDS = _set(
    "january february march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday"
)

# --- dates --------------------------------------------------------------------------------------------------

_NUM = (
    r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a\s+couple\s+of|couple\s+of|a\s+few|few|several)"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAYNUM = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = re.compile(
    r"\s*(?:"
    r"(?P<today>(?:earlier\s+)?today|tonight|this\s+(?:morning|afternoon|evening|week))"
    r"|(?P<yesterday>yesterday(?:\s+(?:morning|afternoon|evening|night))?|last\s+night)"
    r"|(?P<before>the\s+day\s+before\s+yesterday)"
    r"|(?P<phrase>"
    rf"{_NUM}\s+(?:days?|weeks?|months?|years?)\s+ago"
    r"|last\s+(?:week|weekend|month|year)"
    rf"|(?:on\s+)?(?:(?:last|past|this)\s+)?{_WEEKDAY}"
    rf"|(?:on\s+)?(?:the\s+)?{_DAYNUM}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?"
    rf"|(?:on\s+)?{_MONTH}\s+(?:the\s+)?{_DAYNUM}(?:,?\s+\d{{4}})?"
    r"|(?:on\s+)?\d{4}-\d{1,2}-\d{1,2}"
    r"|(?:on\s+)?\d{1,2}/\d{1,2}(?:/\d{2,4})?"
    rf"|(?:back\s+)?in\s+{_MONTH}(?:\s+\d{{4}})?"
    r"))(?![\w'’])",
    re.IGNORECASE,
)
# Words dateparser does not read, or reads as "the coming one".
_DATE_REWRITES = (
    (re.compile(r"\b(?:a\s+)?couple\s+of\b", re.I), "2"),
    (re.compile(r"\b(?:a\s+few|few|several)\b", re.I), "3"),
    (re.compile(r"^(?:on\s+|back\s+)?(?:(?:last|past|this)\s+(?=[a-z]+day\b))?(?:the\s+)?", re.I), ""),
)

# --- clauses ------------------------------------------------------------------------------------------------

_CONTROL = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
_BREAKS = re.compile(r"\s*[\r\n\x0b\x0c\u0085\u2028\u2029]+\s*")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_MET = r"(?:i\s+|i've\s+|i’ve\s+|i\s+have\s+|we\s+)?(?:just\s+|also\s+|finally\s+|first\s+)?met"
_PREFIX = re.compile(rf"(?:/met(?:@\w+)?(?!\S))?\s*(?:{_MET}\b(?:\s+up)?(?:\s+with)?)?\s*", re.IGNORECASE)
_CHAT_MEETING = re.compile(rf"{_MET}\s+(?:up\s+with\s+|with\s+)?(?=\S)", re.IGNORECASE)
_LEAD_JUNK = re.compile(r"[^\w(]*")
_NAME_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|&|\+|\band\b)\s*", re.IGNORECASE)
_PAREN = re.compile(r"\s*\(([^()]{1,120})\)")
_FROM = re.compile(r"\s*,?\s*from\s+", re.IGNORECASE)
_ROLE_LEAD = re.compile(r"(\s*,\s*)|\s*")
_ROLE_SPLIT = re.compile(r"^(?:an?\s+|the\s+)?(?P<role>.+?)\s+(?:(?:at|@|with)\s+|@)(?P<org>.+)$", re.I)
_ROLE_OF = re.compile(r"^(?:an?\s+|the\s+)?(?P<role>.+?)\s+of\s+(?P<org>.+)$", re.I)
_VIA = re.compile(
    r"\s*(?:via|through|thanks\s+to|introduced\s+(?:to\s+me\s+)?by|(?:an?\s+)?intro(?:duction)?\s+(?:from|by|via)"
    r"|referred\s+by)\s+",
    re.IGNORECASE,
)
_POSSESSIVE_INTRO = re.compile(r"['’]s(?:\s+intro(?:duction)?)?\b", re.IGNORECASE)
_INTRODUCED_US = re.compile(r"^(?P<who>.{1,80}?)\s+introduced\s+(?:us|me|me\s+to\s+\w+)$", re.IGNORECASE)
_CONTEXT = re.compile(r"\s*(?:at|@|during|in|on)\s+", re.IGNORECASE)
# Emoji and pictographs between clauses are decoration, not words: "Jane 🎉 at PyCon".
_EMOJI = "\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff"
_GAP = re.compile(rf"[\s,;:.!?()\[\]{{}}|•*~\-–—{_EMOJI}]*")
_SEGMENT_END = re.compile(r"[,;!?()\[\]|•]|\.(?=\s|$)|\s[-–—]+\s|[–—]")


def _clean(text: str) -> str:
    """NFC, no control or direction characters, single spaces; line breaks become clause breaks."""
    text = unicodedata.normalize("NFC", text[:MAX_TEXT])
    text = _CONTROL.sub("", text)
    text = _BREAKS.sub("; ", text)
    return _SPACES.sub(" ", text).strip(" ;")


def _capitalise(word: str) -> str:
    """ "o'brien" -> "O'Brien", "jean-luc" -> "Jean-Luc". Only for words typed all in lower case."""
    return re.sub(r"(^|[-'’])([^\W\d_])", lambda m: m.group(1) + m.group(2).upper(), word)


def _is_role(words: list[str]) -> bool:
    return any(w.lower().strip(".,") in _ROLE_WORDS for w in words)


def _scan_name(s: str, i: int, lower_ok: bool | None) -> tuple[str, int, bool] | None:
    """A person's name starting at ``i``: (tidy name, end, typed in lower case), or None.

    ``lower_ok``: None lets the first word decide; False demands a capital (a second name in "Jane, Tom").
    """
    words: list[tuple[str, int]] = []  # (word as it will be shown, end offset)
    real = 0  # words that are not titles
    lowered = False
    j = i
    while real < MAX_NAME_WORDS:
        m = _TOKEN.match(s, j)
        if not m:
            break
        word, dot = m.group(1), m.group(2) or ""
        low = word.lower()
        if real == 0 and low in _TITLES and len(words) < 3:
            words.append((_capitalise(low) + dot, m.end()))
            j = m.end()
            continue
        typed_lower = word[0].islower()
        # "thanks to Sam's intro": the name is "Sam" and ends there.
        possessive = len(word) > 3 and low.endswith(("'s", "’s"))
        if possessive:
            word, low = word[:-2], low[:-2]
        if low in _STOP or (typed_lower and low in _LOWER_STOP):
            break
        if low in _MONTH_WORDS and _DATE.match(s, m.start(1)):
            break
        if real and low in _ROLE_WORDS and (word in _ACRONYM_ROLES or re.match(r"\s+(?:at|of|@)\s", s[m.end() :])):
            break  # "Jane Doe CTO at Globex": the role starts here
        if typed_lower:
            if real == 0:
                if lower_ok is False:
                    break
                lowered = True
            elif low not in _PARTICLES and not lowered:
                break
        if lowered and real >= 3:
            break
        shown = _capitalise(word) if lowered and (real == 0 or low not in _PARTICLES) else word
        if dot and len(word) == 1:  # an initial: "J. R. Smith"
            words.append((shown + ".", m.end()))
            j = m.end()
        else:
            j = m.end(1) - (2 if possessive else 0)
            words.append((shown, j))
        real += 1
        if possessive or (dot and len(word) > 1):
            break  # "Jane." ends the sentence
    while words and (words[-1][0].lower() in _PARTICLES or words[-1][0].lower().rstrip(".") in _TITLES):
        words.pop()  # "Jane de" or a lone "Dr." is not a name
    if not any(w.lower().rstrip(".") not in _TITLES for w, _ in words):
        return None
    name = " ".join(w for w, _ in words)
    if name.isupper() and len(name) > 3:  # typed with caps lock: "JANE DOE" -> "Jane Doe"
        name = " ".join(_capitalise(w) for w in name.lower().split())
    if len(name) > MAX_NAME_CHARS:
        name = name[:MAX_NAME_CHARS].rsplit(" ", 1)[0] or name[:MAX_NAME_CHARS]
    return name, words[-1][1], lowered


def _scan_phrase(s: str, j: int, stop: frozenset[str], keep: frozenset[str] = frozenset()) -> tuple[str, int]:
    """Words from ``j`` up to a separator, a date or a stop word; trailing "and"/"at"/"the" are left out."""
    words: list[tuple[str, int]] = []
    while len(words) < MAX_PHRASE_WORDS:
        m = _WORDISH.match(s, j)
        if not m:
            break
        word = m.group(1)
        low = word.lower()
        if not any(c.isalnum() for c in word) and word not in {"&", "+", "@"}:
            break  # a dash, an emoji: the phrase is over
        if (low in stop and low not in keep) or _DATE.match(s, m.start(1)):
            break
        if word.endswith(".") and len(word) > 2 and low.rstrip(".") not in _ABBREVIATIONS:
            words.append((word[:-1], m.end() - 1))  # a full stop ends the phrase
            break
        words.append((word, m.end()))
        j = m.end()
    while words and words[-1][0].lower() in _TRAILING_FILLER:
        words.pop()
    if not words:
        return "", j
    return " ".join(w for w, _ in words)[:MAX_NAME_CHARS], words[-1][1]


def _split_role(text: str) -> tuple[str, str] | None:
    """ "head of design at Stripe" -> ("head of design", "Stripe"); "CEO of Acme" -> ("CEO", "Acme")."""
    m = _ROLE_SPLIT.match(text)
    if m and _is_role(m.group("role").split()):
        return m.group("role"), m.group("org")
    m = _ROLE_OF.match(text)
    if m and m.group("role").split()[-1].lower() in _OF_ORG_ROLES:
        return m.group("role"), m.group("org")
    if _is_role(text.split()[:1]) or _is_role(text.split()[-1:]):
        return re.sub(r"^(?:an?|the)\s+", "", text, flags=re.I), ""
    return None


def _scan_role(s: str, j: int, clause: bool = False) -> tuple[str, str, int] | None:
    """A job after a name, "<role>[ at <org>]" (after a comma or not): (role, company, end), or None.

    ``clause``: the role stands as its own clause ("Jane at PyCon, founder at Tiny Co"), as if after a comma.
    """
    lead = _ROLE_LEAD.match(s, j)
    if not lead:
        return None
    start = lead.end()
    # One "at" belongs to the role ("CTO at Globex"); a second one starts the place ("... at PyCon").
    head, k = _scan_phrase(s, start, _PHRASE_STOP | {"at", "@", "in", "on", "during"})
    if not head or len(head.split()) > 6:
        return None
    org = ""
    m = re.match(r"\s*(?:at|@|with)\s+", s[k:], re.IGNORECASE)
    if m:
        org, k2 = _scan_phrase(s, k + m.end(), _PHRASE_STOP | {"at", "@", "in", "on", "during", "with"})
        if org:
            k = k2
    split = _split_role(f"{head} at {org}" if org else head)
    if not split:
        return None
    role, company = split
    if not (lead.group(1) or clause) and not company and role.split()[0] not in _ACRONYM_ROLES:
        return None  # without a comma, only "CTO" alone or "<role> at <org>" reads as a job
    return role, company, k


def _apply_paren(inner: str, person: PersonMention) -> None:
    """ "(CTO, Globex)", "(product lead at Stripe)", "(Globex)", "(from Acme)"."""
    parts = [p.strip() for p in inner.split(",") if p.strip()]
    if not parts or parts[0].lower() in _PRONOUN_PARENS:
        return
    first = re.sub(r"^from\s+", "", parts[0], flags=re.I)
    split = _split_role(first)
    if split:
        person.role, person.company = split[0], split[1] or (parts[1] if len(parts) > 1 else "")
    elif len(parts) > 1 and _is_role(parts[1].split()):
        person.company, person.role = first, parts[1]
    else:
        person.company = first
    person.role, person.company = person.role[:MAX_NAME_CHARS], person.company[:MAX_NAME_CHARS]


def _scan_attributes(s: str, j: int, person: PersonMention) -> int:
    """Company and role right after a name: "(CTO, Globex)", "from Acme", ", head of design at Stripe"."""
    for _ in range(3):
        m = _PAREN.match(s, j)
        if m:
            _apply_paren(m.group(1), person)
            j = m.end()
            continue
        m = _FROM.match(s, j)
        if m and not person.company:
            org, end = _scan_phrase(s, m.end(), _PHRASE_STOP | {"at", "@", "in", "on", "during", "with"})
            if org:
                person.company, j = org, end
                continue
        role = None if person.role else _scan_role(s, j)
        if role:
            person.role, company, j = role
            person.company = person.company or company
            continue
        break
    return j


def _scan_people(s: str, i: int) -> tuple[list[PersonMention], int, bool]:
    """ "Jane, Tom (CTO, Globex) and Ana from Acme" -> three people, the end offset, and lower-case typing."""
    i = _LEAD_JUNK.match(s, i).end()  # type: ignore[union-attr]  # always matches
    first = _scan_name(s, i, None)
    if not first:
        return [], i, False
    name, j, lowered = first
    people: list[PersonMention] = []
    while True:
        person = PersonMention(name)
        j = _scan_attributes(s, j, person)
        people.append(person)
        sep = _NAME_SEP.match(s, j)
        nxt = _scan_name(s, sep.end(), None if lowered else False) if sep and len(people) < MAX_PEOPLE else None
        if not nxt:
            return people, j, lowered
        name, j, _ = nxt


def _resolve_date(m: re.Match[str], today: date) -> date | None:
    if m.group("today"):
        return today
    if m.group("yesterday"):
        return today - timedelta(days=1)
    if m.group("before"):
        return today - timedelta(days=2)
    phrase = m.group("phrase")
    for pattern, replacement in _DATE_REWRITES:
        phrase = pattern.sub(replacement, phrase)
    import dateparser  # lazy: ~80 ms to import, and most captures carry no date

    settings = {"RELATIVE_BASE": datetime.combine(today, time(12)), "PREFER_DATES_FROM": "past"}
    try:
        parsed = dateparser.parse(phrase, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except (ValueError, OverflowError, TypeError):  # user words in a third-party parser: treat as "no date"
        return None
    if parsed is None:
        return None
    return min(parsed.date(), today)  # a meeting cannot be in the future: "Tuesday" said on Monday means last week


class _Rest:
    """The clauses after the names, gathered in one pass."""

    def __init__(self, today: date) -> None:
        self.when: date | None = None
        self.today = today
        self.context = ""
        self.introduced_by = ""
        self.free: list[list[str]] = []  # [segment, separator that followed it]

    def clause(
        self, s: str, j: int, people: list[PersonMention], lowered: bool
    ) -> tuple[int, Callable[[], None]] | None:
        """A recognised clause starting at ``j``: its end and how to record it (the caller may decline)."""
        m = _DATE.match(s, j)
        if m and self.when is None:
            when = _resolve_date(m, self.today)
            if when is not None:
                return m.end(), lambda: setattr(self, "when", when)
        m = _VIA.match(s, j)
        if m and not self.introduced_by:
            got = _scan_name(s, m.end(), None if lowered else False)
            if got:
                possessive = _POSSESSIVE_INTRO.match(s, got[1])
                return (possessive.end() if possessive else got[1]), lambda: setattr(self, "introduced_by", got[0])
        m = _FROM.match(s, j)
        if m and people and not people[-1].company:
            org, end = _scan_phrase(s, m.end(), _PHRASE_STOP | {"at", "@", "in", "on", "during", "with"})
            if org:
                return end, lambda: setattr(people[-1], "company", org)
        m = _CONTEXT.match(s, j)
        if m and not self.context:
            place, end = _scan_phrase(s, m.end(), _PHRASE_STOP)
            if place:
                return end, lambda: setattr(self, "context", place)
        role = _scan_role(s, j, clause=True) if len(people) == 1 and not people[0].role else None
        if role:
            person = people[0]

            def record() -> None:
                person.role, person.company = role[0], person.company or role[1]

            return role[2], record
        return None

    def notes(self) -> str:
        parts: list[str] = []
        for text, sep in self.free:
            if ";" in sep:
                joint = "; "
            elif any(c in sep for c in ".!?"):
                joint = ". "
            elif any(c in sep for c in "-–—"):
                joint = " - "
            else:
                joint = ", "
            parts += [text, joint]
        return "".join(parts[:-1])


def _read_rest(s: str, j: int, people: list[PersonMention], lowered: bool, today: date) -> _Rest:
    rest = _Rest(today)
    in_text = False  # once free text starts, a clause must fill its whole segment ("..., via Sam")
    while j < len(s):
        gap = _GAP.match(s, j).end()  # type: ignore[union-attr]  # always matches
        if rest.free and gap > j and not rest.free[-1][1]:
            rest.free[-1][1] = s[j:gap]
        j = gap
        if j >= len(s):
            break
        seg = _SEGMENT_END.search(s, j)
        seg_end = seg.start() if seg else len(s)
        clause = rest.clause(s, j, people, lowered)
        if clause and (not in_text or not s[clause[0] : seg_end].strip()):
            clause[1]()
            j = max(clause[0], j + 1)
            continue
        text = s[j:seg_end].strip()
        intro = _INTRODUCED_US.match(text)
        if intro and not rest.introduced_by:
            got = _scan_name(intro.group("who"), 0, None)
            if got and got[1] == len(intro.group("who")):
                rest.introduced_by = got[0]
        if text:
            rest.free.append([text, ""])
        in_text = True
        j = max(seg_end, j + 1)
    return rest


def parse_meeting(text: str, today: date) -> Meeting:
    """Read a capture line (what follows /met, or a chat message starting "met"/"just met"/"I met").

    Raises NotUnderstood(HINT) when no name can be found.
    """
    s = _clean(text or "")
    m = _PREFIX.match(s)
    start = m.end() if m else 0
    people, j, lowered = _scan_people(s, start)
    if not people:
        raise NotUnderstood(HINT)
    rest = _read_rest(s, j, people, lowered, today)
    notes = rest.notes()
    return Meeting(
        people=people,
        when=rest.when or today,
        context=rest.context,
        introduced_by=rest.introduced_by,
        facts=extract_facts(notes, today),
        notes=notes,
    )


def looks_like_meeting(text: str) -> bool:
    """True for a chat message that is a capture: "Met Jane at PyCon", "just met Dr. Ana Ortiz", and so on.

    False for chat that merely starts alike: "meeting tomorrow?", "metal", "met with the team".
    """
    if not text:
        return False
    s = _clean(text)
    m = _CHAT_MEETING.match(s)
    return m is not None and bool(_scan_people(s, m.end())[0])
