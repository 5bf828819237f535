"""One-line capture: "grabbed coffee w/ sam (PM @ stripe) yday - wants intro to a designer" becomes a Meeting.

Principle 13 (serendipity counts) asks that anyone can be captured with one line, in any order, with no
mandatory fields but a name. So the parser is forgiving, in four steps:
1. the lead: any way of saying it ("met", "coffee w/", "ran into", "zoom with", "was introduced to", "great
   meeting"), and words before the name ("an investor named", "Jane's husband", "the Acme team -");
2. the people: names (titles like "Dr" kept apart), "and his cofounder Mei", "(PM @ stripe)", "from Acme";
3. the clauses: where, when (bot/coach/reading/dates.py reads "yday", "last sat", "on the 3rd"), who introduced you;
4. the rest, clause by clause, given to the person it is about ("Raj needs a lawyer", "she's a PM at Asana",
   "her husband Rob is a plumber"), from which capture_facts pulls interests, needs, offers, birthdays, wins and
   the user's promises with their due dates. Everything stays in the notes as typed.
``understand`` says how sure that is (a capture, maybe one, or chat); it never invents a name it cannot see and
never takes a verb or a filler word for one (bot/coach/reading/stopwords.py).

It is a small hand-written scanner rather than one big regular expression: names, roles and places are decided
word by word (is this capitalised? a job title? a keyword?), which a regex cannot say clearly. A line costs a
few tenths of a millisecond (bench/bench_capture.py), scored against tests/corpus/lines.txt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from bot.coach.errors import NotUnderstood
from bot.coach.reading.dates import DATE_PHRASE, day_at
from bot.coach.reading.notes import Facts, extract_facts
from bot.coach.reading.stopwords import NOT_NAMES, VERB_FORMS, is_not_a_name


def _set(words: str) -> frozenset[str]:
    """A word set written as one string: easier to read and extend than a list of quoted words."""
    return frozenset(words.split())


__all__ = [
    "HINT",
    "Facts",
    "Meeting",
    "PersonMention",
    "Understood",
    "extract_facts",
    "looks_like_meeting",
    "parse_meeting",
    "understand",
]

HINT = "/met Jane Doe at the editors happy hour - loves jazz"
MAX_TEXT = 2000  # longer messages are cut: a capture is a line, and the cap bounds the work per message
MAX_NAME_CHARS = 80
MAX_PEOPLE = 60  # read them all: the handler asks before saving more than ASK_ABOVE_PEOPLE
ASK_ABOVE_PEOPLE = 8
MAX_NAME_WORDS = 6
MAX_PHRASE_WORDS = 12


@dataclass
class PersonMention:
    """A person named in a capture line, as typed (tidied), with what the line says about them alone."""

    name: str
    company: str = ""
    role: str = ""
    title: str = ""  # "Dr", "Prof": kept apart from the name
    link_to: str = ""  # "Jane" in "Jane's husband Mark" (another person in the line, or someone already known)
    link_as: str = ""  # "husband"
    facts: Facts = field(default_factory=Facts)  # interests, needs, offers, birthday, wins said about this person


@dataclass
class Meeting:
    """What one capture line says: who, when, where, who introduced you, and what you learned."""

    people: list[PersonMention]
    when: date
    context: str = ""  # "the editors happy hour", "PyCon"
    introduced_by: str = ""  # "Sam"
    facts: Facts = field(default_factory=Facts)  # the whole line's facts: promises (with due dates) and the rest
    notes: str = ""  # free text that is not one of the clauses above (facts are read from it, and stay in it)

    @property
    def people_facts(self) -> bool:
        """Whether each person carries their own facts (a parsed line) rather than only the line's (older data)."""
        return any(p.facts for p in self.people)

    def is_future(self, today: date) -> bool:
        """ "lunch with Vik tmrw": not a meeting yet, so the bot asks instead of logging it."""
        return self.when > today


@dataclass
class Understood:
    """How sure Nurture is that a chat line is a capture: "meeting" (say it: met, coffee w/, ran into...), "maybe"
    (a name and a clue but no verb: ask "Log a meeting with Sam?") or "none" (chat; ``meeting`` is None)."""

    kind: str
    meeting: Meeting | None = None


# --- words --------------------------------------------------------------------------------------------------

# Combining marks are not \w in Python's re; without them "محمّد" or a decomposed "Lúcia" would split mid-word.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0903\u093a-\u094f\u200c\u200d"
)
_WORD = rf"[^\W\d_](?:[\w{_MARKS}]|['’\-](?=[^\W\d_]))*"
_TOKEN = re.compile(rf"\s*({_WORD})(\.)?")
_WORDISH = re.compile(r"\s*([^\s,;:()\[\]{}!?]+)")  # any run of non-separators: "R&D", "Studio 54", "#1"

_TITLES = _set("dr prof professor mr mrs ms mx sir dame rev fr")
_ABBREVIATIONS = _TITLES | _set("st mt ft inc co corp ltd univ dept")  # a dot that does not end a sentence
_PARTICLES = _set("van von der den de del della di da du la le bin ibn al el ter ten y dos das do st")
# Structural words end a name whatever their case ("Met Jane At PyCon").
_STOP = _set(
    """at @ from via through thanks introduced intro in on during and or & + with who whom whose which that
    the a an this last next yesterday today tonight ago she he they we i you it me my our your his her their
    them him thru w w/ named called"""
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
    he's they're also thru lol haha lmao hehe obviously tho though needs wants looking hiring raising plays
    there re about regarding"""
)
_TRAILING_FILLER = _set("and & at in on of with the a an for to")

_ROLE_WORDS = _set(
    """cto ceo coo cfo cmo cpo cio ciso cro vp svp evp avp pm tpm em hr gm md founder cofounder co-founder
    engineer developer dev designer manager director head lead recruiter editor professor prof teacher
    researcher scientist analyst consultant partner investor vc journalist writer reporter architect intern
    student lawyer attorney doctor nurse president chair chairman chairwoman officer owner principal associate
    advisor adviser coach marketer specialist strategist producer photographer artist swe sre lecturer postdoc
    librarian accountant economist programmer entrepreneur executive secretary administrator admin chef
    organizer organiser curator mentor staffer counsel officer trainee fellow therapist pilot
    pt lp gp gc dj mc ux ui qa seo sales ops bd cs vet guide soprano tenor alto baritone pizzaiolo barista
    mechanic chef cook baker butcher florist tailor seamstress plumber electrician carpenter builder driver
    lifeguard nurse midwife physio dentist surgeon pediatrician paediatrician dermatologist cardiologist
    pharmacist paramedic firefighter cop police officer detective soldier sailor captain imam pastor priest rabbi
    vicar monk nun consul diplomat ambassador minister mayor senator councillor judge solicitor barrister
    notary realtor agent broker banker trader auditor bookkeeper actuary clerk cashier waiter waitress
    bartender sommelier host hostess dancer singer musician drummer guitarist pianist violinist comedian actor
    actress model poet novelist author playwright painter sculptor potter illustrator animator filmmaker
    director editor blogger influencer youtuber streamer podcaster translator interpreter tutor instructor
    trainer professor dean principal janitor farmer gardener landscaper vet groomer stylist hairdresser barber
    manicurist masseuse masseur healer therapist psychologist psychiatrist counsellor counselor coach
    astronomer botanist biologist chemist physicist geologist mathematician statistician economist historian
    philosopher activist volunteer philanthropist collector curator archivist librarian treasurer secretary
    analyst associate assistant ceo founder cto owner employee trainee"""
)
# Words before a job that keep it a job: "retired banker", "former CTO", "freelance dev".
_ROLE_MODIFIERS = _set(
    """retired former ex ex- senior junior lead head chief principal freelance aspiring staff sole solo
    part-time full-time independent acting interim deputy assistant associate"""
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

# A date phrase, maybe after "on"/"back": where a name, place or role phrase ends. bot/coach/reading/dates.py reads it.
_DATE = re.compile(rf"(?:(?:on|back|from|since)\s+)?(?:{DATE_PHRASE.pattern})", re.IGNORECASE)

# --- clauses ------------------------------------------------------------------------------------------------

_CONTROL = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
_BREAKS = re.compile(r"\s*[\r\n\x0b\x0c\u0085\u2028\u2029]+\s*")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Every way people say they met or talked to someone. "met" alone is the classic; the rest are how busy people
# actually type it: "coffee w/ sam", "ran into", "zoom w", "was introduced to", "seeing Jill tmrw".
_WITH = r"(?:with|w/\s*|w\.|w(?=\s)|wit)"
_MEAL = (
    r"(?:coffees?|lunch|drinks?|dinner|breakfast|brunch|beers?|tea|pints?|a\s+drink|a\s+pint|food|a\s+bite|cocktails)"
)
_TALK = (
    r"(?:coffee\s+chat|call|zoom|chat|catch[\s-]?up(?:\s+call)?|meeting|walk|facetime|skype|google\s+meet|teams\s+call|convo"
    r"|conversation|hangout|sync|1:1|one[\s-]on[\s-]one|intro\s+call|video\s+call|phone\s+call|call)"
)
_LEAD = re.compile(
    r"(?:/met(?:@\w+)?(?!\S)\s*)?[\s\W]*?"
    r"(?:(?:so|today|yesterday|tonight|earlier|also|finally|just|first|i|we|i've|i’ve|have|had\s+to|got\s+to)\s+)*"
    r"(?P<verb>"
    rf"(?P<met>met)(?:\s+up)?(?:\s+{_WITH})?"
    r"|(?P<intro>(?:was\s+|got\s+|been\s+|being\s+)?introduced\s+to)"
    r"|(?:ran|run|bumped|bump|running|bumping)\s+into"
    rf"|(?:talked|talking|spoke|speaking|chatted|chatting|connected|hung\s+out|caught\s+up|catching\s+up"
    rf"|hanging\s+out|met\s+up|checked\s+in|texted|called|messaged|dm'?d|zoomed)(?:\s+(?:to|{_WITH}))?"
    rf"|(?:(?:had|have|having|grabbed|grab|got|get|did|doing|went\s+for|quick|great|lovely|nice|long|short|fun|good"
    rf"|first|a|an|some|virtual|video|phone|intro|quick)\s+)*(?:{_MEAL}|{_TALK})(?:\s+call)?\s+{_WITH}"
    r"|(?:so\s+|really\s+)?(?:great|nice|lovely|good|fun|awesome|amazing|cool)\s+(?:to\s+)?(?:meet(?:ing)?|see(?:ing)?"
    rf"|chat(?:ting)?\s+{_WITH}|catch(?:ing)?\s+up\s+{_WITH}|talk(?:ing)?\s+(?:to|{_WITH}))"
    r"|(?P<future>seeing|meeting|visiting|visited|saw)"
    r")(?=\s|$)\s*",
    re.IGNORECASE,
)
# "Selam introduced me to Dawit": the introducer comes first.
_X_INTRODUCED_ME = re.compile(
    r"^(?P<who>[^\W\d_][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)\s+(?:introduced|intro(?:duce)?d|connected)\s+(?:me|us)\s+"
    r"(?:to|with)\s+",
    re.IGNORECASE,
)
# Who, before the name: "an investor named Paul", "a guy called Steve", "my neighbour Bill", "the Okafors - ".
_NAMED = re.compile(
    r"(?:an?|this|some|one|the)\s+(?P<desc>(?:[\w\-]+\s+){0,3}?)(?:named|called|by\s+the\s+name\s+of)\s+", re.I
)
_THE_ROLE_OF = re.compile(
    r"(?:the|an?)\s+(?P<role>[\w\-]+(?:\s+[\w\-]+){0,2}?)\s+(?:of|at|from|@)\s+"
    r"(?P<org>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})\s*,\s*"
)
_MY_SOMEONE = re.compile(
    r"(?:(?:my|our)\s+(?:[a-z\-]+['’]s\s+)?(?:new\s+|old\s+|lovely\s+|former\s+)?(?P<rel>[a-z\-]+)"
    r"|(?:ex-?|former\s+|old\s+)(?:colleague|coworker|co-worker|classmate|boss|manager|teammate|neighbou?r|flatmate"
    r"|roommate|client|student|teacher))\s+(?=[A-Z])"
)
_GROUP = re.compile(
    r"(?:the\s+)?(?:(?P<org>[\w&.\-]+(?:\s+[\w&.\-]+)?)\s+(?:team|crew|folks|guys|gang|people|founders|squad)"
    r"|(?P<family>[A-Z][\w'’\-]+s))\s*(?:[-–—:]|,)\s*",
)
RELATIONS = _set(
    """husband wife partner boyfriend girlfriend fiance fiancé fiancee fiancée spouse hubby brother sister son
    daughter kid mom mum dad mother father cousin uncle aunt niece nephew grandma grandpa grandmother grandfather
    friend bestie colleague coworker co-worker boss manager cofounder co-founder assistant roommate flatmate
    housemate neighbour neighbor mentor mentee intern teammate sibling stepson stepdaughter in-law bf gf
    sister-in-law brother-in-law"""
)
# A relation that is also what the person does: "Raj and his cofounder Mei" makes Mei a cofounder.
_RELATION_ROLES = _set("cofounder co-founder")
_POSSESSIVE_REL = re.compile(
    r"(?P<owner>[^\W\d_][\w\-]*)['’]s\s+(?P<rel>" + "|".join(sorted(RELATIONS, key=len, reverse=True)) + r")\b\s*,?\s*",
    re.IGNORECASE,
)
_AND_REL = re.compile(
    r"\s*(?:,\s*)?(?:and|&|\+|with)\s+(?:his|her|their)\s+(?:new\s+)?(?P<rel>"
    + "|".join(sorted(RELATIONS, key=len, reverse=True))
    + r")\b\s*,?\s*",
    re.IGNORECASE,
)
_PRONOUN_REL = re.compile(
    r"(?:and\s+)?(?:his|her|their)\s+(?P<rel>"
    + "|".join(sorted(RELATIONS, key=len, reverse=True))
    + r")\s*,?\s+(?=\S)",
    re.IGNORECASE,
)
_LEAD_JUNK = re.compile(r"[^\w(]*")
_NAME_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|&|\+|\band\b)\s*", re.IGNORECASE)
_PAREN = re.compile(r"\s*\(([^()]{1,120})\)")
_FROM = re.compile(r"\s*,?\s*from\s+", re.IGNORECASE)
_ROLE_LEAD = re.compile(r"(\s*,\s*)|\s*")
_ROLE_SPLIT = re.compile(r"^(?:an?\s+|the\s+)?(?P<role>.+?)\s+(?:(?:at|@|with)\s+|@)(?P<org>.+)$", re.I)
_ROLE_OF = re.compile(r"^(?:an?\s+|the\s+)?(?P<role>.+?)\s+of\s+(?P<org>.+)$", re.I)
_VIA = re.compile(
    r"\s*(?:(?:via|thru|through|by)\s+(?:an?\s+)?intro(?:duction)?\s+(?:from|by|via)|via|thru|through|thanks\s+to"
    r"|introduced\s+(?:to\s+me\s+)?by|(?:an?\s+)?intro(?:duction)?\s+(?:from|by|via)|referred\s+by|(?P<by>by))\s+",
    re.IGNORECASE,
)
# "via linkedin" is where, not who; "thru work" is neither.
_CHANNELS = _set(
    "linkedin twitter x instagram insta ig discord slack zoom email e-mail whatsapp telegram hinge bumble "
    "tinder meetup reddit facebook fb tiktok github"
)
_NOT_INTRODUCERS = _set("work school uni college church friends a an the mutual mutuals")
_MY_RELATIVE = re.compile(
    r"(?:my|our)\s+(?:\w+\s+)?(?:" + "|".join(sorted(RELATIONS, key=len, reverse=True)) + r")\b", re.I
)
_NOT_ORGS = frozenset(
    {"uni", "university", "college", "school", "work", "church", "home", "the gym", "high school", "back home",
     "next door", "down the street", "the block", "the area", "around here", "the neighbourhood", "the neighborhood"}
)  # fmt: skip
# "from the climbing gym" says where you know them from, not where they work.
_PLACE_NOUNS = _set(
    "gym club class school uni college church neighbourhood neighborhood building street block park pool "
    "playground nursery kindergarten"
)
_TIME_OF_DAY = re.compile(
    r"(?:noon|midday|midnight|lunch(?:time)?|dinner|night|\d{1,2}(?::\d\d)?\s*(?:am|pm)?|\d{1,2}h)$", re.I
)
_NOT_PLACES = frozenset({"the phone", "phone", "the call", "a call"})
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


class _Name(NamedTuple):
    name: str
    end: int
    lowered: bool  # typed in lower case: later names may be too
    title: str = ""  # "Dr", "Prof"


def _title(word: str) -> str:
    low = word.lower().rstrip(".")
    return {"professor": "Prof", "doctor": "Dr"}.get(low, _capitalise(low))


def _scan_name(s: str, i: int, lower_ok: bool | None) -> _Name | None:
    """A person's name starting at ``i`` (a title like "Dr" is read apart), or None.

    ``lower_ok``: None lets the first word decide; False demands a capital (a second name in "Jane, Tom").
    """
    words: list[tuple[str, int]] = []  # (word as it will be shown, end offset)
    title = ""
    real = 0  # words that are not titles
    lowered = False
    j = i
    while real < MAX_NAME_WORDS:
        m = _TOKEN.match(s, j)
        if not m:
            break
        word, dot = m.group(1), m.group(2) or ""
        low = word.lower()
        if real == 0 and low in _TITLES and not title:
            title = _title(low)
            j = m.end()
            continue
        typed_lower = word[0].islower()
        if typed_lower and (low in NOT_NAMES or _DATE.match(s, m.start(1))):
            break  # "met sam yday", "met sam great chat"
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
    if not words or all(is_not_a_name(w) for w, _ in words):
        return None  # "Grabbed Coffee", "Hi", "Thanks": never a person
    name = " ".join(w for w, _ in words)
    if name.isupper() and len(name) > 3:  # typed with caps lock: "JANE DOE" -> "Jane Doe"
        name = " ".join(_capitalise(w) for w in name.lower().split())
    if len(name) > MAX_NAME_CHARS:
        name = name[:MAX_NAME_CHARS].rsplit(" ", 1)[0] or name[:MAX_NAME_CHARS]
    return _Name(name, words[-1][1], lowered, title)


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
    if not head or len(head.split()) > 6 or not _job_words_ok(head.split()):
        return None  # "chidi is a lawyer", "obsessed with sourdough": a clause, not a job
    org = ""
    m = re.match(r"\s*(?:at|@|with)\s+", s[k:], re.IGNORECASE)
    if m:
        org, k2 = _scan_phrase(s, k + m.end(), _PHRASE_STOP | {"at", "@", "in", "on", "during", "with"})
        if org:
            k = k2
    if org.split()[0].lower() in ("a", "an", "some") if org else False:
        org = ""  # "CTO at a fintech": a kind of company, not its name
    split = _split_role(f"{head} at {org}" if org else head)
    if not split:
        return None
    role, company = split
    if company.split()[:1] and company.split()[0].lower() in ("a", "an", "some"):
        company = ""  # "founder of a proptech": a kind of company, not its name
    if not (lead.group(1) or clause) and not company and role.split()[0] not in _ACRONYM_ROLES:
        return None  # without a comma, only "CTO" alone or "<role> at <org>" reads as a job
    return role, company, k


def _not_an_org(org: str) -> bool:
    words = org.lower().split()
    return org.lower() in _NOT_ORGS or (words[0] == "the" and words[-1] in _PLACE_NOUNS)


def _apply_paren(inner: str, person: PersonMention) -> None:
    """ "(CTO, Globex)", "(product lead at Stripe)", "(Globex)", "(from Acme)"; not "(not that one lol)"."""
    parts = [p.strip() for p in inner.split(",") if p.strip()]
    if not parts or parts[0].lower() in _PRONOUN_PARENS:
        return
    if any(w.lower() in NOT_NAMES and w.lower() not in _ROLE_WORDS for w in parts[0].split()[:1]):
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
            if org and _not_an_org(org):
                j = end
                continue
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


def _is_owner(word: str) -> bool:
    """ "Jane" in "Jane's husband" names a person; "mum" in "mum's friend" does not."""
    low = word.lower()
    return not is_not_a_name(word) and low not in RELATIONS and low not in _STOP and low not in _set("mum mom dad")


def _scan_lead_ins(s: str, i: int, person: PersonMention) -> tuple[int, str]:
    """Words before the first name: "an investor named", "my neighbour", "Jane's husband", "the Acme team -".

    Fills what they say into ``person`` (role, link) and returns the new offset and a company for everyone.
    """
    company = ""
    for _ in range(3):
        m = _NAMED.match(s, i)
        if m:
            desc = m.group("desc").strip()
            if desc and _is_role(desc.split()):
                person.role = desc
            i = m.end()
            continue
        m = _MY_SOMEONE.match(s, i)
        if m:
            i = m.end()
            continue
        m = _THE_ROLE_OF.match(s, i)
        if m and _is_role(m.group("role").split()):
            person.role = m.group("role")
            company = m.group("org")
            i = m.end()
            continue
        m = _POSSESSIVE_REL.match(s, i)
        if m:
            if _is_owner(m.group("owner")):
                owner = m.group("owner")
                person.link_to = _capitalise(owner) if owner.islower() else owner
                person.link_as = m.group("rel").lower()
                if person.link_as in _RELATION_ROLES:
                    person.role = person.link_as
            i = m.end()
            continue
        m = _GROUP.match(s, i)
        if m and (m.group("family") or m.group("org")):
            org = m.group("org") or ""
            if org[:1].isupper() and not is_not_a_name(org.split()[0]):
                company = org
            i = m.end()
            continue
        break
    return i, company


_CLAUSE_VERB = re.compile(
    r"\s*(?:is|was|'s|’s|needs|wants|has|had|loves|likes|works|runs|said|says|can|will|plays|does)\b", re.IGNORECASE
)


def _scan_people(s: str, i: int) -> tuple[list[PersonMention], int, bool]:
    """ "Jane, Tom (CTO, Globex) and Ana from Acme" -> three people, the end offset, and lower-case typing.

    Also "Raj and his cofounder Mei" (Mei is linked to Raj) and lead-ins such as "Jane's husband Mark".
    """
    i = _LEAD_JUNK.match(s, i).end()  # type: ignore[union-attr]  # always matches
    lead = PersonMention("")
    i, team = _scan_lead_ins(s, i, lead)
    first = _scan_name(s, i, None)
    if not first:
        return [], i, False
    lowered = first.lowered
    people: list[PersonMention] = []
    found: _Name | None = first
    template = lead
    while found is not None:
        person = PersonMention(
            found.name,
            title=found.title,
            role=template.role,
            link_to=template.link_to,
            link_as=template.link_as,
            company=team,
        )
        j = _scan_attributes(s, found.end, person)
        from_org = bool(_FROM.search(s, found.end, j))  # "Jonas + Ute from Zalando"
        people.append(person)
        if len(people) >= MAX_PEOPLE:
            break
        template = PersonMention("")
        rel = _AND_REL.match(s, j)
        if rel:
            template.link_to, template.link_as = person.name, rel.group("rel").lower()
            if template.link_as in _RELATION_ROLES:
                template.role = template.link_as
            found = _scan_name(s, rel.end(), None)
            continue
        sep = _NAME_SEP.match(s, j)
        found = _scan_name(s, sep.end(), None if lowered else False) if sep else None
        if found is not None and "," in sep.group(0) and _CLAUSE_VERB.match(s, found.end):  # type: ignore[union-attr]
            break  # "chidi & ada, chidi is a lawyer": a clause about someone already named
    for person in people:  # "Aisha & her cofounder Omar (Fable)": cofounders share the company
        partner = next((p for p in people if p.name == person.link_to), None)
        if partner is not None and person.link_as in _RELATION_ROLES:
            partner.company = partner.company or person.company
            person.company = person.company or partner.company
    last = people[-1]
    if len(people) > 1 and from_org and last.company and not any(p.company or p.role for p in people[:-1]):
        for person in people[:-1]:  # "Jonas + Ute from Zalando": both
            person.company = last.company
    return people, j, lowered


class _Rest:
    """The clauses after the names, gathered in one pass."""

    def __init__(self, today: date, by_introduces: bool = False) -> None:
        self.when: date | None = None
        self.today = today
        self.by_introduces = by_introduces  # after "was introduced to Viktor", "by Olga" names the introducer
        self.context = ""
        self.introduced_by = ""
        self.free: list[list[str]] = []  # [segment, separator that followed it]

    def clause(
        self, s: str, j: int, people: list[PersonMention], lowered: bool
    ) -> tuple[int, Callable[[], None]] | None:
        """A recognised clause starting at ``j``: its end and how to record it (the caller may decline)."""
        found = day_at(s, j, self.today, "past") if self.when is None else None
        if found is not None:
            return found.end, lambda: setattr(self, "when", found.day)
        m = _VIA.match(s, j)
        if m and not self.introduced_by and (self.by_introduces or not m.group("by")):
            word = _WORDISH.match(s, m.end())
            low = word.group(1).lower().strip(".,") if word else ""
            if low in _CHANNELS and not self.context:
                channel = word.group(1).strip(".,")  # type: ignore[union-attr]  # low is only set with a word
                return word.end(), lambda: setattr(self, "context", channel)  # type: ignore[union-attr]
            mine = _MY_RELATIVE.match(s, m.end())
            if mine:
                return mine.end(), lambda: setattr(self, "introduced_by", mine.group(0).strip())
            got = _scan_name(s, m.end(), None if lowered else False)
            if got and got.name.lower() not in _NOT_INTRODUCERS:
                possessive = _POSSESSIVE_INTRO.match(s, got.end)
                end = possessive.end() if possessive else got.end
                return end, lambda: setattr(self, "introduced_by", got.name)
        m = _FROM.match(s, j)
        if m and people and not people[-1].company:
            org, end = _scan_phrase(s, m.end(), _PHRASE_STOP | {"at", "@", "in", "on", "during", "with"})
            if org and not _not_an_org(org):
                return end, lambda: setattr(people[-1], "company", org)
            if org:
                return end, lambda: None
        m = _CONTEXT.match(s, j)
        if m and not self.context:
            place, end = _scan_phrase(s, m.end(), _PHRASE_STOP | {"on"})
            if place and (place.lower() in _NOT_PLACES or _TIME_OF_DAY.match(place)):
                return end, lambda: None
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


def _read_rest(
    s: str, j: int, people: list[PersonMention], lowered: bool, today: date, by_introduces: bool = False
) -> _Rest:
    rest = _Rest(today, by_introduces)
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
            if got and got.end == len(intro.group("who")):
                rest.introduced_by = got.name
        if text:
            rest.free.append([text, ""])
        in_text = True
        j = max(seg_end, j + 1)
    return rest


# --- who each clause is about ---------------------------------------------------------------------------------

_SUBJECT = re.compile(
    r"(?:(?:and|but|also|oh|btw|plus)\s+)?(?:(?P<pron>she|he|they|both|both\s+of\s+them|(?P<typo>shes|hes|theyre))|(?P<name>[^\W\d_][\w\-]*))"
    r"(?P<is>['’]s|['’]re|\s+is|\s+are|\s+was|\s+were)?(?=\s|$)\s*",
    re.IGNORECASE,
)
_WORKS = re.compile(r"(?:works|working|worked|work|is|'s|’s)?\s*(?:at|for|with)\s+", re.IGNORECASE)
_STARTED_AS = re.compile(
    r"(?:just\s+|recently\s+|now\s+)?(?:started|starting|joined|joining|moved|works|working)\s+(?:at\s+|to\s+|for\s+)?"
    r"(?P<org>\S+(?:\s+\S+){0,2}?)\s+as\s+(?:an?\s+|the\s+)?(?P<role>.+)$",
    re.IGNORECASE,
)
_RUNS = re.compile(r"(?P<verb>runs|running|leads|leading|heads|owns|manages|founded)\s+", re.IGNORECASE)
_ARTICLE_ROLE = re.compile(r"(?:an?|the|my(?:\s+new)?|our|their|his|her)\s+", re.IGNORECASE)
_ROLE_PHRASE_STOP = _set(
    """at @ for on in with and & who but there lol haha lmao which that from of so obviously too now since
    who's whose here"""
)
# "a big fan of", "a huge help": after "is a", words that start something other than a job.
_NOT_A_ROLE = _set(
    """big huge massive great real total fan lot bit little friend of very really super good nice lovely
    such true proper complete absolute"""
)
_ROLE_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "eer", "ier", "ista", "ologist", "ive", "ect")
_NOT_ROLE_WORDS = _set(
    """never ever other together dinner summer winter water number paper super over after under power tower
    corner center centre offer answer letter whatever soccer poster monster later better sooner major minor
    weather rather either neither brother sister mother father daughter order border matter member colour
    color favor favour floor door for or event parent present moment comment client student's patient
    talent content recent agent urgent intent percent different excellent important current decent
    brilliant pleasant elegant relevant distant instant vibrant giant ant"""
)


def _role_word(word: str) -> bool:
    low = word.lower().strip(".,!?")
    if low in _ROLE_WORDS or word in _ACRONYM_ROLES:
        return True
    return len(low) > 4 and low.endswith(_ROLE_SUFFIXES) and low not in _NOT_ROLE_WORDS and low.isalpha()


def _phrase_until(text: str, stop: frozenset[str]) -> tuple[str, str]:
    """Words of ``text`` up to a stop word, and what follows."""
    words = text.split()
    for k, word in enumerate(words):
        if word.lower().strip(".,!?") in stop and k:
            return " ".join(words[:k]), " ".join(words[k:])
    return " ".join(words), ""


def _org_after(rest: str) -> str:
    """ "at Booking", "@ stripe", "for Siemens": the organisation, or "" ("for the team" and "at a fintech" are not)."""
    m = re.match(r"(?P<prep>at|@|for|with)\s+(?P<org>.+)$", rest, re.IGNORECASE)
    if not m:
        return ""
    org, _ = _phrase_until(m.group("org"), _ROLE_PHRASE_STOP - {"of", "&"} | {"on", "in"})
    org = re.sub(r"\s+(?:there|lol|haha|now)$", "", org.strip(" .,!?"), flags=re.IGNORECASE)
    first = org.split()[0] if org else ""
    if not first or first.lower() in ("a", "an", "some", "my", "our", "his", "her", "their"):
        return ""
    if m.group("prep").lower() in ("for", "with") and not first[:1].isupper():
        return ""
    if first.islower() and first.lower() in NOT_NAMES and first.lower() != "the":
        return ""
    return org


_PREPOSITIONS = _set("for at with on in to from about by of into over after before during re regarding abt")
_NOT_JOB_WORDS = _set("i me my we you he she they him her them it is are was were be been 's lol haha hes shes theyre")


def _job_words_ok(words: list[str]) -> bool:
    """No verb, pronoun or past participle: "chidi is a lawyer" and "obsessed with sourdough" are not jobs."""
    for word in words:
        low = word.lower().strip(".,")
        if low in _ROLE_WORDS or low in _ROLE_MODIFIERS or word in _ACRONYM_ROLES or low in ("of", "and", "&"):
            continue
        if low in VERB_FORMS or low in _NOT_JOB_WORDS or (low.endswith("ed") and len(low) > 4):
            return False
    return True


_INTERJECTION = re.compile(r"(?:(?:lol|haha|hahaha|lmao|omg|oh|btw|ps|also|and|but|so|plus|oh\s+and)\s+)+", re.I)


def _role_in(text: str, linked: bool, plural: bool = False) -> tuple[str, str] | None:
    """A job said in a clause: "she's a pilot at united", "PM @ stripe", "runs design at Figma", "works at Acme".

    ``linked``: the clause had "is"/"'s" after its subject, so "a painter" or "at McKinsey" can stand alone.
    Returns (role, company); either may be "".
    """
    text = re.sub(r"^(?:now|currently|also|still|actually)\s+", "", text.strip(" .,!?"), flags=re.IGNORECASE)
    m = _RUNS.match(text)
    if m:  # "runs a charity for refugees", "runs design at Figma"
        what, rest = _phrase_until(text[m.end() :], _ROLE_PHRASE_STOP - {"for"})
        return (f"{m.group('verb')} {what}".strip(), _org_after(rest)) if what else None
    m = _STARTED_AS.match(text)
    if m:  # "just started at airbnb as a recruiter", "joined Stripe as PM"
        role, _ = _phrase_until(m.group("role"), _ROLE_PHRASE_STOP)
        org, _ = _phrase_until(m.group("org"), _ROLE_PHRASE_STOP)
        return role, org
    m = _WORKS.match(text)
    if m and (linked or m.group(0).strip().lower().startswith("work")):
        org = _org_after(text[m.end() - len(m.group(0).split()[-1]) - 1 :].strip())
        return ("", org) if org else None
    m = _ARTICLE_ROLE.match(text)
    body = text[m.end() :] if m else text
    role, rest = _phrase_until(body, _ROLE_PHRASE_STOP)
    role = re.sub(r"\s+(?:there|lol|haha)$", "", role, flags=re.IGNORECASE).strip(" .,!?")
    words = role.split()
    if not words or len(words) > 5 or words[0].lower() in _NOT_A_ROLE or words[0].lower().endswith("ing"):
        return None
    if words[0].lower() in _PREPOSITIONS or not _job_words_ok(words):
        return None
    both = re.match(r"(?:and|&)\s+(?:an?\s+)?(\S+)(.*)$", rest, re.IGNORECASE)
    if both and _role_word(both.group(1)):  # "a DJ and producer"
        role, rest = f"{role} and {both.group(1)}", both.group(2).strip()
        words = role.split()
    org = ""
    of = re.match(r"of\s+(.+)$", rest, re.IGNORECASE)
    if of and words[-1].lower() in _OF_ORG_ROLES:  # "founder of Tiny Co": the company
        org = _org_after("at " + of.group(1))
    elif of:  # "head of people at Monzo": part of the job
        more, rest = _phrase_until(of.group(1), _ROLE_PHRASE_STOP - {"&"})
        role, words = f"{role} of {more}", [*words, "of", *more.split()]
        org = _org_after(rest)
    else:
        org = _org_after(rest)
    if plural and words[-1].lower().endswith("s") and len(words[-1]) > 3:
        words[-1] = words[-1][:-1]
        role = " ".join(words)
    if _role_word(words[-1]) or _role_word(words[0]) or (org and len(words) <= 3):
        return role, org
    if linked and m and len(words) <= 3:  # "she's a soprano", "he's the dentist"
        return role, org
    return None


def _person_named(word: str, people: list[PersonMention]) -> PersonMention | None:
    low = word.casefold()
    for person in people:
        if person.name and person.name.split()[0].casefold() == low:
            return person
    return None


def _attribute(free: list[list[str]], people: list[PersonMention], today: date) -> None:
    """Give each free clause to the person it is about, and read jobs, relatives and facts from it.

    "Raj needs a lawyer" is about Raj; "she's a PM at Asana" about the person just talked about; a clause with no
    subject continues the one before. With several people and no subject yet, a clause is about all of them.
    """
    groups: list[tuple[list[PersonMention], list[str]]] = []
    current: list[PersonMention] = people[:1] if len(people) == 1 else list(people)
    jobs_with_org: set[int] = set()  # people whose job came with a company: a bare job later does not replace it
    for raw, _sep in free:
        text = raw[_INTERJECTION.match(raw).end() if _INTERJECTION.match(raw) else 0 :]  # type: ignore[union-attr]
        subject: list[PersonMention] | None = None
        body, linked = text, False
        rel = _PRONOUN_REL.match(text)
        if rel:
            owner = current[0] if current else people[0]
            got = _scan_name(text, rel.end(), None)
            if got is not None:
                relative = PersonMention(
                    got.name, title=got.title, link_to=owner.name, link_as=rel.group("rel").lower()
                )
                people.append(relative)
                subject, body = [relative], text[got.end :]
                m = re.match(r"\s*(?:is|was|'s|’s)\b\s*", body)
                linked = bool(m)
                body = body[m.end() :] if m else body
        if subject is None:
            m = _SUBJECT.match(text)
            if m and m.group("pron"):
                pron = m.group("pron").lower().replace("shes", "she").replace("hes", "he")
                subject = list(people) if pron.startswith("both") else (current[:1] if current else people[:1])
                if pron == "they" and len(people) > 1:
                    subject = list(people)
            elif m and m.group("name"):
                named = _person_named(m.group("name"), people)
                if named is not None:
                    subject = [named]
            if subject is not None and m is not None:
                body, linked = text[m.end() :], bool(m.group("is") or m.group("typo"))
        if subject is None:
            subject = current
        else:
            current = subject
        job = _role_in(body, linked, plural=len(subject) > 1)
        if job:
            for person in subject:
                upgrade = bool(job[1]) and id(person) not in jobs_with_org  # "speaker, ML at Avast": the later one
                if job[0] and (not person.role or upgrade):
                    person.role = job[0][:MAX_NAME_CHARS]
                if job[1] and (not person.company or upgrade):
                    person.company = job[1][:MAX_NAME_CHARS]
                if job[1]:
                    jobs_with_org.add(id(person))
        if groups and groups[-1][0] == subject:
            groups[-1][1].append(raw)
        else:
            groups.append((subject, [raw]))
    for subject, texts in groups:
        facts = extract_facts(", ".join(texts), today)
        for person in subject:
            _merge(person.facts, facts)


def _merge(into: Facts, facts: Facts) -> None:
    for name in ("interests", "needs", "offers", "wins"):
        have: list[str] = getattr(into, name)
        have += [x for x in getattr(facts, name) if x not in have]
    into.birthday = into.birthday or facts.birthday


# --- the whole line -------------------------------------------------------------------------------------------


def _read(s: str, start: int, today: date, by_introduces: bool = False, introducer: str = "") -> Meeting | None:
    people, j, lowered = _scan_people(s, start)
    if not people:
        return None
    rest = _read_rest(s, j, people, lowered, today, by_introduces)
    _attribute(rest.free, people, today)
    notes = rest.notes()
    facts = extract_facts(notes, today)
    for person in people:  # what is said about everyone at once ("met Ann, loves jazz") stays on the line too
        _merge(facts, person.facts)
    return Meeting(
        people=people,
        when=rest.when or today,
        context=rest.context,
        introduced_by=introducer or rest.introduced_by,
        facts=facts,
        notes=notes,
    )


def _read_line(s: str, today: date) -> tuple[str, Meeting | None]:
    early = day_at(s, _LEAD_JUNK.match(s).end(), today, "past")  # type: ignore[union-attr]  # "yday coffee w/ Marta"
    if early is not None and _LEAD.match(s, early.end):
        kind, meeting = _read_line(s[early.end :].lstrip(" ,:-"), today)
        if meeting is not None and meeting.when == today:
            meeting.when = early.day
        return kind, meeting
    m = _X_INTRODUCED_ME.match(s)
    if m and not is_not_a_name(m.group("who").split()[0]):
        who = _scan_name(m.group("who"), 0, None)
        meeting = _read(s, m.end(), today, introducer=who.name if who else "")
        if meeting is not None:
            return "meeting", meeting
    lead = _LEAD.match(s)
    if lead:
        meeting = _read(s, lead.end(), today, by_introduces=bool(lead.group("intro")))
        if meeting is not None:
            return "meeting", meeting
    return "maybe", _read(s, 0, today)


def parse_meeting(text: str, today: date) -> Meeting:
    """Read a capture line: what follows /met ("Jane at PyCon", "grabbed coffee w/ sam") or a chat capture.

    Raises NotUnderstood(HINT) when no name can be found.
    """
    s = _clean(text or "")
    _, meeting = _read_line(s, today)
    if meeting is None:
        raise NotUnderstood(HINT)
    return meeting


def understand(text: str, today: date) -> Understood:
    """How a chat message (no command) reads: a capture, maybe one (ask), or just chat.

    "had coffee w/ sam yday" and "ran into Carlos" are captures; "Sam's boss, Lauren, at the offsite" names a person
    with a clue but no verb, so it is a "maybe"; "meeting tomorrow?" and "thanks!" are chat.
    """
    s = _clean(text or "")
    if not s:
        return Understood("none")
    kind, meeting = _read_line(s, today)
    if meeting is None:
        return Understood("none")
    if kind == "maybe":
        person = meeting.people[0]
        clue = (  # a date alone is no clue: "Happy Friday"
            meeting.context
            or meeting.introduced_by
            or bool(meeting.facts)
            or any(p.company or p.role or p.link_to for p in meeting.people)
        )
        if not clue or len(person.name) < 2:
            return Understood("none")
    return Understood(kind, meeting)


_ANY_DAY = date(2000, 1, 3)


def looks_like_meeting(text: str) -> bool:
    """True for a chat message that says a meeting: "Met Jane at PyCon", "coffee w/ sam", "ran into Carlos".

    False for chat that merely starts alike: "meeting tomorrow?", "metal", "met with the team".
    """
    return bool(text) and understand(text, _ANY_DAY).kind == "meeting"  # the verdict does not depend on the day
