"""Facts about a person, and the words to say them: what drafts and morning nudges are built from.

A note is the user's private shorthand, in the third person ("launched her own ceramics studio on the side").
Pasting it into a message to that person reads like a file being read back to them. So every note and capture
is read once into typed facts (bot/store/records.py: ``Fact``) whose slots hold short pieces already turned to the
second person ({"verb": "launched", "what": "your own ceramics studio"}), and everything the coach writes is
composed from those pieces with real grammar: "Congratulations on launching your own ceramics studio!",
"How's the move to Berlin going?", "Lisa launched her own ceramics studio last Tuesday".

Three parts, top to bottom:

1. **Reading** (``read_facts``): text -> facts. Interests, promises and the common wins come from
   capture_facts.extract_facts; job changes, moves, needs, offers and life events are read here. Every slot is
   clipped so that no long run of the note survives into a message (``_CLIP_RUN``).
2. **Keeping** (``learn``, ``known``): a newer fact supersedes an older one of the same kind and key (a new job
   replaces the old one, and the contact card's company and role with it); ``known`` also derives facts from data
   saved before facts existed (the contact's interests/wins/needs/offers lists, notes, promises, help received),
   so old notebooks draft as well as new ones.
3. **Saying** (``congrats_on``, ``news``, ``question``, ``topic``, ``when``...): one fact in words, either spoken
   to the person (``YOU``) or about them to the user (``Person("Lisa", "she")``).

Pure: no storage beyond the ``Notebook`` calls in ``learn``/``mark_done``, no Telegram, time is a parameter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from bot.coach.reading.dates import how_long, when_in_words
from bot.coach.reading.names import fold
from bot.coach.reading.notes import extract_facts
from bot.coach.saying.shorthand import company_name, possessive, roles_with_article, tidy
from bot.store.records import Contact, Fact, Interaction, Promise, new_id

if TYPE_CHECKING:
    from bot.coach.network.view import Network
    from bot.store.notebook import Notebook

# Kinds that are news worth congratulating.
NEWS_KINDS = ("win", "job_change", "life_event")


# -- who we are talking to -------------------------------------------------------------------------------------


class Person(NamedTuple):
    """Who a sentence is about: ``YOU`` (a note to them) or a name and pronoun (a nudge to the user)."""

    name: str  # "" for YOU
    pronoun: str = "they"  # "she" | "he" | "they"

    @property
    def is_you(self) -> bool:
        return not self.name


YOU = Person("")

_FORMS = {  # pronoun -> (subject, object, possessive, reflexive, "is")
    "you": ("you", "you", "your", "yourself", "are"),
    "she": ("she", "her", "her", "herself", "is"),
    "he": ("he", "him", "his", "himself", "is"),
    "they": ("they", "them", "their", "themselves", "are"),
}


def _words(text: str) -> frozenset[str]:
    """A word set written as one string."""
    return frozenset(text.split())


# -- 1. reading ------------------------------------------------------------------------------------------------

# A slot may keep at most this many characters in a row from the note it was read from: messages never quote notes.
_CLIP_RUN = 21
# A sentence the coach writes may repeat at most this many characters of a note in a row (a slot, the words around
# it and the space before them): longer, and it reads the note back.
_QUOTE_RUN = 24
_MAX_SLOT_WORDS = 6

_SUBJECT = r"(?:(?:she|he|they|she's|he's|they're|she’s|he’s|they’re)\s+)?"
_ADVERB = r"(?:(?:just|recently|finally|now|officially|also)\s+)?"
_ORG = r"(?P<org>[A-Z0-9][\w&.'’+-]*(?:\s+(?:[A-Z0-9&][\w&.'’+-]*|of|de|and|for)){0,3})"
_PLACE = r"(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})"
_ROLE = (
    r"(?:an?\s+|the\s+)?(?P<role>[A-Za-z][\w&/-]*"
    r"(?:\s+(?!at\b|in\b|with\b|and\b|but\b|since\b|last\b|this\b)[A-Za-z][\w&/-]*){0,3})"
)

_JOB = re.compile(
    "|".join(
        (
            # "started a new job at Anthropic (as PM)", "new role as PM at Anthropic", "got a new job"
            r"\b(?P<new>(?:started|starting|starts|got|landed|took|has|accepted)\s+(?:a\s+)?new\s+(?:job|role|position|gig)"
            r"|new\s+(?:job|role|position|gig))(?:\s+as\s+" + _ROLE.replace("role>", "role1>") + r")?"
            r"(?:\s+at\s+" + _ORG.replace("org>", "org1>") + r")?(?:\s+as\s+" + _ROLE.replace("role>", "role2>") + ")?",
            # "joined Anthropic (as PM)", "started at Anthropic", "left Google for Anthropic"
            r"\b(?:joined|joining|joins|started\s+at|starting\s+at|starts\s+at|moved\s+over\s+to|switched\s+to"
            r"|got\s+the\s+job\s+at|(?:is\s+)?now\s+(?:at|with)|(?:accepted|took)\s+(?:an?\s+|the\s+)?offer\s+(?:from|at)"
            r"|left\s+[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2}\s+(?:for|to\s+join))\s+"
            + _ORG.replace("org>", "org3>")
            + r"(?:\s+as\s+"
            + _ROLE.replace("role>", "role3>")
            + ")?",
            # "is now PM at Anthropic", "now a designer at Figma"
            r"\b(?:is\s+)?now\s+(?:working\s+)?(?:as\s+)?"
            + _ROLE.replace("role>", "role4>")
            + r"\s+at\s+"
            + _ORG.replace("org>", "org4>"),
        )
    )
)
_PROMOTED = re.compile(r"\b(?:got|was|been|gets|getting|is)\s+promoted(?:\s+to\s+" + _ROLE + ")?", re.IGNORECASE)
_MOVE = re.compile(
    r"\b(?P<verb>moving|moved|relocating|relocated|relocates|moves|is\s+moving|will\s+move|just\s+moved)"
    r"(?:\s+(?:back|over|out))?\s+to\s+" + _PLACE
)
# Needs: what they are looking for. "is hiring (a designer)", "looking for a lawyer", "needs a CTO",
# "raising a seed round".
_NEED = re.compile(
    r"\b(?:(?P<hiring>is\s+hiring|are\s+hiring|hiring)(?:\s+(?:for\s+)?(?P<hired>[^,.;!?()]+))?"
    r"|(?:is\s+|are\s+)?(?:looking|searching|hunting)\s+for\s+(?P<sought>[^,.;!?()]+)"
    r"|(?:needs|need|wants|could\s+use)\s+(?P<needed>(?:an?|some|more|the|help\s+with|advice\s+on|intros?\s+to)\s+[^,.;!?()]+)"
    r"|(?:is\s+|are\s+)?(?P<raising>raising|fundraising\s+for|fundraising)(?:\s+(?P<round>[^,.;!?()]+))?)",
    re.IGNORECASE,
)
# Offers: what they can help with. "can help with intros to VCs", "happy to review decks", "expert in tax law".
_OFFER = re.compile(
    r"\b(?:can\s+help(?:\s+\w+)?\s+with|happy\s+to\s+help\s+with|could\s+help\s+with|offers|offered\s+to\s+help\s+with"
    r"|(?:is\s+)?(?:an?\s+)?expert\s+(?:in|on)|knows\s+(?:a\s+lot|everything)\s+about|mentors)\s+(?P<what>[^,.;!?()]+)"
    r"|\bhappy\s+to\s+(?P<act>review|mentor|advise\s+on|introduce\s+\w+\s+to|intro\s+\w+\s+to)\s+(?P<obj>[^,.;!?()]+)",
    re.IGNORECASE,
)
# Life events: wonderful news that nobody "earned". (event, pattern)
_LIFE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (event, re.compile(pattern, re.IGNORECASE))
    for event, pattern in (
        ("engagement", r"\b(?:got|just\s+got|is|are)\s+engaged\b|\bengagement\b"),
        ("wedding", r"\b(?:got|is\s+getting|getting|just\s+got)\s+married\b|\b(?:her|his|their)\s+wedding\b"),
        (
            "baby",
            r"\b(?:had|welcomed|having)\s+(?:a|her|his|their)\s+(?:\w+\s+)?(?:baby|son|daughter|girl|boy|kid|child)\b"
            r"|\bbecame\s+(?:a\s+)?(?:dad|mum|mom|parent|father|mother)\b|\bnew\s+baby\b",
        ),
        ("twins", r"\bhad\s+twins\b"),
        ("expecting", r"\b(?:is|are)\s+(?:pregnant|expecting)\b|\bexpecting\s+(?:a|their|her|his)\s+(?:\w+\s+)?baby\b"),
        ("retirement", r"\b(?:just\s+)?retired\b"),
        ("house", r"\bbought\s+(?:a|her|his|their)\s+(?:first\s+)?(?:house|home|flat|apartment)\b"),
        ("graduation", r"\bgraduated\b"),
    )
)
# Wins extract_facts does not know yet (principle 3: congratulate a win). Each: (event, pattern, verb).
_MORE_WINS = re.compile(
    r"\b(?P<verb>finished|completed|ran|won|received|got|earned|closed|published|launched|shipped|sold|hit|made"
    r"|defended|passed|opened)\s+"
    r"(?P<what>(?:her|his|their|a|an|the|its)\s+(?:first\s+|second\s+|own\s+|\w+\s+)?(?:\w+\s+)?"
    r"(?:marathon|half[\s-]marathon|ironman|triathlon|race|ultra|award|prize|grant|fellowship|round|series\s+\w|"
    r"book|paper|novel|album|app|product|company|startup|business|podcast|funding|seed\s+round|deal|milestone"
    r"|thesis|dissertation|phd|exam|exams|bar|license|licence|degree|certification|mba|bakery|restaurant|cafe|café"
    r"|shop|store|gallery|practice|studio)"
    r"[^,.;!?()]*)"
    r"|\b(?P<named>(?:was\s+|got\s+|been\s+)?named\s+(?:to|in|on|as)\s+(?P<list>[^,.;!?()]+))"
    r"|\b(?P<acquired>(?:was|got|has\s+been|just\s+got)\s+acquired(?:\s+by\s+(?P<buyer>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2}))?)",
    re.IGNORECASE,
)
_BAD_END = _words(
    """a an the and or of to in on at for with by from her his their my your our its about as that which
    who"""
)
_ADJUNCT = re.compile(
    r"\s+(?:on\s+the\s+side|last\s+\w+|this\s+\w+|yesterday|today|ago|recently|just\s+now|again"
    r"|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in\s+(?:january|february|march|april|may"
    r"|june|july|august|september|october|november|december)|and\s+(?:she|he|they|i|is|was|has)\b|but\b|who\b"
    r"|which\b|because\b|so\b|after\b|while\b|before\b|too\b|as\s+well\b).*$",
    re.IGNORECASE,
)


def read_facts(text: str, contact: Contact, on: str, source_id: str = "") -> list[Fact]:
    """The typed facts a note or capture says about ``contact``, learned on ``on`` (ISO day). Not saved.

    Promises are not returned: they are kept as Promise records, which have their own open/kept life; ``known``
    derives promise facts from those.
    """
    text = " ".join((text or "").split())[:2000]
    if not text:
        return []
    pronoun = _pronoun(text)
    found: list[Fact] = []

    def add(kind: str, **slots: str) -> None:
        slots = {k: v for k, v in slots.items() if v}
        if pronoun != "they":
            slots["pronoun"] = pronoun
        fact = Fact(id=new_id(), contact_id=contact.id, kind=kind, slots=slots, on=on, source_id=source_id)
        if _key(fact) not in {_key(f) for f in found}:
            found.append(fact)

    scanned = _without_names(text, contact)
    promoted = _PROMOTED.search(scanned)
    if promoted:
        add("win", event="promotion", verb="promoted", to=_role(promoted.group("role") or ""))
    elif re.search(r"\b(?:made|became|becomes|making)\s+(?:a\s+)?partner\b", scanned, re.IGNORECASE):
        add("win", event="promotion", verb="promoted", to="partner")
    for m in _JOB.finditer(scanned):
        org = next((m.group(g) for g in ("org1", "org3", "org4") if m.group(g)), "") or ""
        role = next((m.group(g) for g in ("role1", "role2", "role3", "role4") if m.group(g)), "") or ""
        org, role = _org(org), _role(role)
        if org or role or m.group("new"):
            add("job_change", company=org, role=role)
    for m in _MOVE.finditer(scanned):
        future = m.group("verb").lower().startswith(("moving", "relocating", "is", "will", "moves", "relocates"))
        add("move", place=_org(m.group("place")), tense="future" if future else "past")
    for event, pattern in _LIFE:
        if pattern.search(scanned):
            add("life_event", event=event)
    for m in _NEED.finditer(scanned):
        if _negated(scanned, m.start()):
            continue
        if m.group("hiring"):
            add("need", act="hiring", what=_thing(m.group("hired") or "", text, "hiring"))
        elif m.group("raising"):
            add("need", act="raising", what=_round(_thing(m.group("round") or "", text, "raising")) or "funding")
        else:
            wanted = m.group("sought") or m.group("needed") or ""
            helped = re.match(r"(?:some\s+)?(help\s+with|advice\s+on)\s+", wanted, re.IGNORECASE)
            if helped:  # "needs help with pitch deck reviews": what they need help with
                act = helped.group(1).split()[0].lower()
                add("need", act=act, what=_thing(wanted[helped.end() :], text))
                continue
            what = _thing(wanted, text)
            if what and not _is_pronoun_phrase(what):
                add("need", what=what)
    for m in _OFFER.finditer(scanned):
        if m.group("act"):
            add("offer", act=m.group("act").lower().split()[0], what=_thing(m.group("obj"), text))
        elif (what := _thing(m.group("what"), text)) and not _is_pronoun_phrase(what):
            add("offer", what=what)

    mined = extract_facts(text)
    taken = {fold(f.slots.get("what", "")) for f in found}
    for phrase in mined.wins:
        fact = _win_fact(phrase, text, contact, on, source_id, pronoun)
        if fact is not None and not _covered(fact, found):
            found.append(fact)
    for m in _MORE_WINS.finditer(scanned):
        if _negated(scanned, m.start()):
            continue
        if m.group("named"):
            add("win", event="award", verb="named", what=_clip(m.group("list"), text))
            continue
        if m.group("acquired"):
            add("win", event="exit", verb="acquired", by=_org(m.group("buyer") or ""))
            continue
        fact = _win_fact(f"{m.group('verb')} {m.group('what')}", text, contact, on, source_id, pronoun)
        if fact is not None and not _covered(fact, found):
            found.append(fact)
    # "not hiring right now" says there is no need: trust the negation over a need read from the same text.
    refused = re.search(r"(?:\bnot|n't|n’t|\bno longer)\s+(?:\w+\s+)?(?:hiring|looking|need|raising)", scanned, re.I)
    for kind, items in (("need", [] if refused else mined.needs), ("offer", mined.offers)):
        said = [set(fold(f.slots.get("what", "")).split()) - _DROPPABLE for f in found if f.kind == kind]
        for item in items:
            what = _thing(item, text)
            words = set(fold(what).split()) - _DROPPABLE
            if what and words and not any(words & other for other in said) and not _is_pronoun_phrase(what):
                said.append(words)
                add(kind, what=what)
    for interest in mined.interests:
        what = _interest(interest, text)
        if what and fold(what) not in taken:
            add("interest", what=what)
    return found


def _win_fact(phrase: str, source: str, contact: Contact, on: str, source_id: str, pronoun: str) -> Fact | None:
    """A win phrase as extract_facts or _MORE_WINS found it ("launched her startup") -> a win fact."""
    phrase = re.sub(r"^(?:just|finally|recently)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    low = phrase.lower()
    slots: dict[str, str]
    if low.startswith(("got promoted", "promoted")):
        to = re.match(r"(?:got\s+)?promoted\s+to\s+(.+)", phrase, re.IGNORECASE)
        slots = {"event": "promotion", "verb": "promoted", "to": _role(to.group(1)) if to else ""}
    elif low.startswith("new job") or re.match(r"(?:got|started|landed|took)\s+(?:a\s+)?new\s+(?:job|role)", low):
        at = re.search(r"\bat\s+" + _ORG, phrase)
        slots = {"event": "new_job", "company": _org(at.group("org")) if at else ""}
        return Fact(
            id=new_id(), contact_id=contact.id, kind="job_change", slots=_pruned(slots, pronoun), on=on,
            source_id=source_id,
        )  # fmt: skip
    elif re.match(r"(?:became|made)\s+(?:a\s+)?partner\b", low):  # "made partner": a promotion
        slots = {"event": "promotion", "verb": "promoted", "to": "partner"}
    elif re.match(
        r"got\s+(?:married|engaged)|had\s+a\s+baby|became\s+(?:a\s+)?(?:dad|mum|mom|parent|father|mother)", low
    ):
        event = "wedding" if "married" in low else "engagement" if "engaged" in low else "baby"
        return Fact(
            id=new_id(), contact_id=contact.id, kind="life_event", slots=_pruned({"event": event}, pronoun), on=on,
            source_id=source_id,
        )  # fmt: skip
    elif low.startswith("graduated"):
        return Fact(
            id=new_id(), contact_id=contact.id, kind="life_event", slots=_pruned({"event": "graduation"}, pronoun),
            on=on, source_id=source_id,
        )  # fmt: skip
    else:
        verb, _, rest = phrase.partition(" ")
        verb = verb.lower()
        if verb == "joined":  # "joined Stripe" is a new job
            company = _org(rest)
            return Fact(
                id=new_id(), contact_id=contact.id, kind="job_change", slots=_pruned({"company": company}, pronoun),
                on=on, source_id=source_id,
            ) if company else None  # fmt: skip
        what = _clip(to_second_person(rest, contact), source)
        if verb == "started" and not what.lower().startswith("your own"):
            return None  # "started her own studio" is a win; "started the meeting late" is not
        event = _EVENT_OF_VERB.get(verb, "win")
        if re.search(r"marathon|ironman|triathlon|race|ultra", what, re.IGNORECASE):
            event = "race"
        elif re.search(r"award|prize|grant|fellowship", what, re.IGNORECASE):
            event = "award"
        elif verb == "raised" or re.search(r"\bround\b|funding", what, re.IGNORECASE):
            event = "funding"
        if not what and event != "win":
            return None
        slots = {"event": event, "verb": verb, "what": what}
    return Fact(
        id=new_id(), contact_id=contact.id, kind="win", slots=_pruned(slots, pronoun), on=on, source_id=source_id
    )


_EVENT_OF_VERB = {
    "launched": "launch", "shipped": "launch", "released": "launch", "opened": "launch", "founded": "launch",
    "started": "launch", "published": "published", "raised": "funding", "closed": "funding", "won": "award",
    "received": "award", "finished": "race", "completed": "race", "ran": "race", "sold": "exit",
    "exited": "exit", "landed": "win",
}  # fmt: skip


def _pruned(slots: dict[str, str], pronoun: str) -> dict[str, str]:
    slots = {k: v for k, v in slots.items() if v}
    if pronoun != "they":
        slots["pronoun"] = pronoun
    return slots


def _covered(fact: Fact, found: Sequence[Fact]) -> bool:
    """Already said by a fact found earlier in the same text (a promotion read twice, a win that is a job)."""
    key = _key(fact)
    for other in found:
        if _key(other) == key:
            return True
        if (
            fact.kind == "win"
            and other.kind == "win"
            and fact.slots.get("event") == "promotion" == other.slots.get("event")
        ):
            return True
        if fact.kind == other.kind == "job_change":
            return True
        if fact.kind == "win" and other.kind == "job_change":  # "got the job at Stripe" is that job, said once
            what = fact.slots.get("what", "").lower()
            company = other.slots.get("company", "").lower()
            if "job" in what.split() or (company and company in what):
                return True
        if fact.kind == "win" and other.kind == "life_event" and fact.slots.get("event") in ("win", "launch"):
            return False
    return False


def _without_names(text: str, contact: Contact) -> str:
    """The contact's names read as "she": "Jane just got promoted" reads like "she just got promoted"."""
    for word in {w for w in contact.name.split() if len(w) > 1}:
        text = re.sub(rf"\b{re.escape(word)}(?:'s|’s)?\b", "they", text)
    return text


def _pronoun(text: str) -> str:
    """The pronoun a note uses for its person, so nudges can say "she launched her studio"; "they" if none."""
    m = re.search(r"\b(she|her|hers|herself|he|him|his|himself)\b", text, re.IGNORECASE)
    if not m:
        return "they"
    return "she" if m.group(1).lower().startswith(("she", "her")) else "he"


def _negated(text: str, start: int) -> bool:
    return bool(re.search(r"(?:\bnot|n't|n’t|\bnever|\bno longer)\s+(?:\w+\s+)?$", text[max(0, start - 16) : start]))


def _is_pronoun_phrase(what: str) -> bool:
    return what.lower().split()[0] in ("you", "me", "us", "it", "them", "him", "her", "this", "that")


def _org(text: str) -> str:
    words = text.split()
    while words and (words[-1].lower() in _BAD_END or not words[-1][:1].isupper()):
        words.pop()
    return " ".join(words).strip(".,'’")


def _role(text: str) -> str:
    text = re.split(r"\s+(?:at|in|with|and|for|from|since|last|this)\s+", text.strip(), maxsplit=1)[0]
    words = [w for w in text.split() if w]
    while words and words[-1].lower() in _BAD_END:
        words.pop()
    while words and words[0].lower() in ("a", "an", "the"):
        words.pop(0)
    return " ".join(words[:4]).strip(".,")


def _thing(phrase: str, source: str, said_with: str = "") -> str:
    """What a need or offer is about, clipped: "a lawyer for her startup's seed round" -> "a lawyer"."""
    phrase = tidy(_ADJUNCT.sub("", phrase.strip()))  # typed shorthand said properly: "w/" -> "with", "ai" -> "AI"
    phrase = re.split(r"\s+(?:and|&)\s+(?!(?:an?|the|some|two|three)\s)", phrase, maxsplit=1)[0]  # "... and loves jazz"
    phrase = re.sub(r"^(an?\s+)?intros?\b", "an introduction", phrase, flags=re.IGNORECASE)
    # "an intro to someone at Sequoia" -> "an introduction to Sequoia": the place is the point (and a company's name
    # is written with a capital, however it was typed)
    phrase = re.sub(
        r"^an introduction to (?:someone|somebody|anyone|people|a person|folks)\s+(?:at|from)\s+(\w)",
        lambda m: "an introduction to " + m.group(1).upper(),
        phrase,
        flags=re.IGNORECASE,
    )
    if len(phrase.split()) > 3 and not re.match(r"(?:an?\s+)?intro", phrase, re.IGNORECASE):
        phrase = re.split(r"\s+(?:to|for|so|because)\s+(?=\w)", phrase, maxsplit=1)[0]
    return roles_with_article(_clip(to_second_person(phrase), source, said_with))


def _clip(phrase: str, source: str, said_with: str = "") -> str:
    """A slot: at most a few words, never ending on "the" or "and", and no long run copied from ``source`` even with
    the words it is said with ("hiring" + "two senior designers" -> "senior designers")."""
    phrase = _ADJUNCT.sub("", " ".join(phrase.split())).strip(" ,.;:!?-–—'\"")
    words = phrase.split()[:_MAX_SLOT_WORDS]
    low_source = " ".join(source.split()).lower()

    def copies(ws: list[str]) -> bool:
        return _longest_run(f"{said_with} {' '.join(ws)}".strip().lower(), low_source) > _CLIP_RUN

    if len(words) > 2 and copies(words):  # first try leaving out a word that only qualifies: "two", "senior"
        for i in (*range(1, len(words) - 1), 0):
            if words[i].lower() not in _DROPPABLE and not words[i].isdigit():
                continue
            if i == 0 and words[0].lower() in ("a", "an", "the"):
                continue  # "deck with my notes" is not English: shorten from the end instead ("the deck")
            shorter = words[:i] + words[i + 1 :]
            if not copies(shorter):
                return " ".join(shorter)
    full = len(words)
    while words and ((words[-1].lower() in _BAD_END and words[-1] != "A") or copies(words)):
        words.pop()
    if len(words) < full:  # cut short: drop a dangling phrase too ("a book on climate" -> "a book")
        cut = [n for n, w in enumerate(words) if n and w.lower() in _PREPOSITIONS]
        if cut:
            words = words[: cut[-1]]
    return " ".join(words)


_DROPPABLE = _words(
    """a an the two three four five few couple several some more new senior junior good great experienced
    talented really very"""
)
_PREPOSITIONS = frozenset(["on", "in", "at", "for", "about", "with", "from", "of", "to", "by"])


def _longest_run(a: str, b: str) -> int:
    """Length of the longest stretch of ``a`` that appears in ``b`` (both short: a slot and a note)."""
    best = 0
    for i in range(len(a)):
        j = i + best + 1
        while j <= len(a) and a[i:j] in b:
            best = j - i
            j += 1
    return best


# -- typed pieces: a card's needs, offers and interests, the user's offers and goals -------------------------------

# A funding round named bare ("raising seed", "needs series A"): said whole, "a seed round".
_ROUND = re.compile(
    r"^(?:an?\s+|the\s+|your\s+|my\s+)?(?P<name>pre-?seed|seed|angel|bridge|series\s+[a-e])(?:\s+round)?$",
    re.IGNORECASE,
)


def _round(what: str) -> str:
    """ "seed" -> "a seed round", "series a" -> "a Series A round"; anything else as it is."""
    m = _ROUND.match(what.strip())
    if not m:
        return what
    name = m.group("name").lower()
    name = f"Series {name[-1].upper()}" if name.startswith("series") else name
    return f"{'an' if name[:1] in 'aeiou' else 'a'} {name} round"


def read_need(text: str) -> Fact:
    """A need as a card or a summary row keeps it, typed on a phone ("feedback on his pitch deck", "hiring designer",
    "seed", "a cofounder w/ ML chops") -> a need fact like one read from a note: slots in the second person, the
    pronoun the text uses, and the act it names ("hiring", "raising", "help", "advice"). Not saved."""
    return Fact(id="", contact_id="", kind="need", slots=dict(_need_slots(text)))


@lru_cache(maxsize=4096)  # the same needs come back in the morning's words day after day
def _need_slots(text: str) -> tuple[tuple[str, str], ...]:
    raw = " ".join(text.split()).strip(" .,;:!?")
    act, rest = "", raw
    lead = re.match(r"(?:is\s+|are\s+)?(hiring|raising|fundraising)(?:\s+for)?\b\s*", raw, re.IGNORECASE)
    if lead:
        act, rest = ("hiring" if lead.group(1).lower() == "hiring" else "raising"), raw[lead.end() :]
    else:
        lead = re.match(r"(?:some\s+)?(help|advice)\s+(?:with|on)\s+", raw, re.IGNORECASE)
        if lead:
            act, rest = lead.group(1).lower(), raw[lead.end() :]
    if _ROUND.match(tidy(rest)) and act in ("", "raising"):
        act, rest = "raising", _round(tidy(rest))
    elif not act and re.match(r"(?:money|funds|funding|capital)\b", rest, re.IGNORECASE):  # "money for the hospice"
        act = "raising"
    rest = re.sub(r"^to\s+meet\s+", "an introduction to ", rest, flags=re.IGNORECASE)  # "wants to meet investors"
    what = _thing(rest, raw) if rest else ""
    if act in ("", "raising") and _ROUND.match(what):
        act, what = "raising", _round(what)
    elif act == "raising" and not what:
        what = "funding"
    return tuple(_pruned({"act": act, "what": what}, _pronoun(raw)).items())


_OFFER_OPENERS = re.compile(
    r"^(?:(?:i|we|she|he|they)(?:\s+|(?=['’])))?(?:(?:'m|’m|am|is|are|'re|’re)\s+)?"
    r"(?:(?:can|could|will|would|happily|gladly|always|also|really|love\s+to|like\s+to|offers?|do)\s+)*"
    r"(?:(?:be\s+)?(?:happy|glad|keen|willing|able|offered)\s+to\s+)?",
    re.IGNORECASE,
)
# Offers said as something one does ("review pitch decks"); anything else is a thing one helps with ("fundraising").
_OFFER_VERBS = {
    verb: verb
    for verb in _words(
        """review mentor advise coach introduce connect edit proofread teach share read explain design build
        host lend check look give write translate sponsor invest fund pair talk chat"""
    )
} | {"intro": "introduce", "intros": "introduce", "mentoring": "mentor", "know": "know", "have": "have"}
# Said as they are, without "can": "you know great designers", "Lea has a spare desk".
_PLAIN_VERBS = {"know": "knows", "have": "has"}


def read_offer(text: str) -> Fact:
    """An offer as typed, the user's (/offer "I can review pitch decks") or a card's ("happy to intro ppl in
    fintech", "legal advice") -> an offer fact: ``act`` the verb when it is something one does, ``what`` its object
    or the thing one helps with. Not saved."""
    return Fact(id="", contact_id="", kind="offer", slots=dict(_offer_slots(text)))


@lru_cache(maxsize=4096)
def _offer_slots(text: str) -> tuple[tuple[str, str], ...]:
    raw = " ".join(text.split()).strip(" .,;:!?")
    rest = tidy(_OFFER_OPENERS.sub("", raw, count=1))
    helped = re.match(r"help(?:\s+out)?(?:\s+(?:people|others|founders|folks))?\s+(?:with|on)\s+", rest, re.IGNORECASE)
    if helped:
        rest = rest[helped.end() :]
    verb, _, obj = rest.partition(" ")
    act = "" if helped else _OFFER_VERBS.get(verb.lower(), "")
    if act and act != "introduce" and verb.lower().startswith("intro"):
        act = "introduce"
    what = obj if act else rest
    if act == "introduce" and re.match(r"(?:(?:me|us|you)\s+)?to\s", what, re.IGNORECASE):  # "intro (me) to VCs"
        act, what = "", "introductions " + re.sub(r"^(?:me|us|you)\s+", "", what, flags=re.IGNORECASE)
    what = roles_with_article(_clip(what, raw))
    return tuple(_pruned({"act": act, "what": what}, _pronoun(raw)).items())


def _interest(text: str, source: str) -> str:
    """An interest as typed ("ai stuff", "about climate") -> what to say ("AI", "climate")."""
    what = re.sub(r"^(?:about|in|on|into|with)\s+", "", tidy(text.strip()), flags=re.IGNORECASE)
    return _clip(what, source)


def read_interest(text: str) -> Fact:
    """An interest as a card keeps it -> an interest fact (``topic`` says it). Not saved."""
    return Fact(id="", contact_id="", kind="interest", slots=_pruned({"what": _interest_said(text)}, "they"))


@lru_cache(maxsize=4096)
def _interest_said(text: str) -> str:
    return _interest(text, text)


class GoalWords(NamedTuple):
    """The user's goal, said two ways."""

    after_goal: str  # after "your goal": "to land a PM role at Stripe", "of raising a seed round"
    first_person: str  # in a note from the user: "I'm trying to land a PM role at Stripe", "I'm raising a seed round"


_GOAL_VERBS = _words(
    """land get find raise become join start build hire move switch grow launch sign win make close reach
    break learn meet ship"""
)
_GOAL_OPENERS = re.compile(
    r"^(?:(?:i\s+)?(?:want|need|would\s+like|'d\s+like|’d\s+like|hope|plan)\s+to|(?:i'm|i’m|i\s+am)\s+"
    r"(?:trying|looking|hoping|planning)\s+to|trying\s+to|looking\s+to|my\s+goal\s+is\s+to|goal:|to)\s+",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def goal_words(text: str) -> GoalWords:
    """A goal as typed ("land a PM role at stripe by March" without its date, "raising seed", "a cofounder w/ ML
    chops") -> words to say it: ("to land a PM role at stripe", "I'm trying to land a PM role at stripe"),
    ("of raising a seed round", "I'm raising a seed round"), ("of finding a cofounder with ML chops", "I'm looking
    for a cofounder with ML chops")."""
    said = _GOAL_OPENERS.sub("", tidy(text).strip().rstrip(".!"), count=1)
    if said[:1].isupper() and not said[1:2].isupper():
        said = said[:1].lower() + said[1:]
    if not said:
        return GoalWords("", "I'm working toward something")
    verb, _, rest = said.partition(" ")
    low = verb.lower()
    if low in ("raise", "raising", "fundraise", "fundraising"):
        money = _round(rest) if rest else "funding"
        money = re.sub(r"^(?:for\s+)?", "", money) if money else "funding"
        return GoalWords(f"of raising {money}", f"I'm raising {money}")
    if low in _GOAL_VERBS:
        said = f"{verb} {roles_with_article(rest)}".strip()
        # "land a PM role at stripe": a company is written with a capital, however it was typed
        said = re.sub(r"\bat ([a-z][\w-]*)$", lambda m: "at " + company_name(m.group(1)), said)
        return GoalWords(f"to {said}", f"I'm trying to {said}")
    if low.endswith("ing") and len(low) > 4:
        said = roles_with_article(said)
        return GoalWords(f"of {said}", f"I'm {said}")
    if _ROUND.match(said):
        return GoalWords(f"of raising {_round(said)}", f"I'm raising {_round(said)}")
    said = roles_with_article(said)
    return GoalWords(f"of finding {said}", f"I'm looking for {said}")


# -- turning the note's third person into the second ---------------------------------------------------------

# After "her", these words mean it was the object ("send her the book"); else possessive ("review her CV").
_AFTER_OBJECT = _words(
    """the a an to about on in at for with next this tomorrow today some my our back over up when once
    after before and if later soon"""
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


# -- 2. keeping ------------------------------------------------------------------------------------------------


class Learned(NamedTuple):
    """What ``learn`` saved, and whether the contact card changed with it (a new company or role)."""

    facts: list[Fact]
    card_changed: bool


def learn(notebook: Notebook, contact: Contact, text: str, today: date, source_id: str = "") -> Learned:
    """Read ``text`` into facts and save them on ``notebook`` (inside the caller's batch, so one write).

    Newer facts supersede older ones: a new job supersedes the previous job (and the card's company and role), a
    move the previous move; a need, offer, interest or win already known is not saved twice.
    """
    fresh = read_facts(text, contact, today.isoformat(), source_id)
    current = [f for f in notebook.facts(contact.id) if not f.superseded_on]
    saved: list[Fact] = []
    for fact in fresh:
        for old in supersedes(fact, current):
            old.superseded_on = today.isoformat()
            notebook.save_fact(old)
        if any(_key(old) == _key(fact) for old in current if not old.superseded_on):
            continue
        notebook.save_fact(fact)
        current.append(fact)
        saved.append(fact)
    changed = update_card(contact, saved)
    if changed:
        notebook.save_contact(contact)
    return Learned(saved, changed)


def supersedes(fact: Fact, current: Iterable[Fact]) -> list[Fact]:
    """The current facts that ``fact`` makes out of date: the previous job, the previous move."""
    if fact.kind in ("job_change", "move"):
        return [old for old in current if old.kind == fact.kind and not old.superseded_on and old.id != fact.id]
    return []


def update_card(contact: Contact, facts: Iterable[Fact]) -> bool:
    """Bring the card's company and role in line with the newest job facts; True when anything changed."""
    before = (contact.company, contact.role)
    for fact in facts:
        if fact.kind == "job_change":
            company, role = fact.slots.get("company", ""), fact.slots.get("role", "")
            if company and fold(company) != fold(contact.company):
                contact.company = company
                contact.role = role  # the old role was at the old company
            elif role:
                contact.role = role
        elif fact.kind == "win" and fact.slots.get("event") == "promotion" and fact.slots.get("to"):
            contact.role = fact.slots["to"]
    return (contact.company, contact.role) != before


def mark_done(notebook: Notebook, contact_id: str, kinds: Sequence[str], today: date) -> int:
    """Mark the contact's current facts of ``kinds`` as done (a win congratulated); returns how many."""
    count = 0
    for fact in notebook.facts(contact_id):
        if fact.kind in kinds and not fact.done_on and not fact.superseded_on:
            fact.done_on = today.isoformat()
            notebook.save_fact(fact)
            count += 1
    return count


def _key(fact: Fact) -> tuple[str, str]:
    """Two facts with the same key say the same thing."""
    s = fact.slots
    if fact.kind == "job_change":
        main = s.get("company", "") or s.get("role", "")
    elif fact.kind == "move":
        main = s.get("place", "")
    elif fact.kind == "life_event":
        main = s.get("event", "")
    elif fact.kind == "win" and s.get("event") == "promotion":
        main = "promotion " + s.get("to", "")
    elif fact.kind == "promise":
        main = s.get("promise_id", "")
    elif fact.kind == "help_received":
        main = s.get("source", "")
    else:
        main = s.get("act", "") + " " + s.get("what", "")
    return fact.kind, fold(main)


class Known(NamedTuple):
    """Everything current about one contact, by kind, newest last; what drafts and nudges choose from."""

    facts: list[Fact]

    def of(self, *kinds: str) -> list[Fact]:
        return [f for f in self.facts if f.kind in kinds]

    def latest(self, *kinds: str) -> Fact | None:
        found = self.of(*kinds)
        return found[-1] if found else None


def known(
    contact: Contact,
    stored: Sequence[Fact],
    timeline: Sequence[Interaction],
    promises: Sequence[Promise],
    today: date,
) -> Known:
    """The contact's current facts: those saved, plus those derived from anything saved before facts existed.

    Derived: interests/needs/offers/wins on the card and the text of notes and meetings without saved facts, read
    the same way a new note is (a later job change still supersedes an earlier one); open promises and help
    received come from their own records, so their state (kept, thanked) is always the real one.
    Facts dated after ``today`` are left out (a typo we should not cite).
    """
    iso = today.isoformat()
    facts: list[Fact] = [f for f in stored if not f.superseded_on and f.on <= iso]
    read_sources = {f.source_id for f in stored if f.source_id}
    keys = {_key(f) for f in stored}  # a superseded fact must not come back from the note it was read from
    superseded: set[str] = set()

    def take(new: Iterable[Fact]) -> None:
        for fact in new:
            if _key(fact) in keys:
                continue
            for old in supersedes(fact, facts):
                superseded.add(old.id if old.on <= fact.on else fact.id)
            keys.add(_key(fact))
            facts.append(fact)

    for item in timeline:
        if item.kind in ("note", "met") and item.text and item.id not in read_sources and item.on <= iso:
            take(read_facts(item.text, contact, item.on, item.id))
    first_on = contact.met_on or (contact.created_at[:10] if contact.created_at else "")
    for win in contact.wins:
        dated = next((i.on for i in timeline if fold(win) in fold(i.text)), first_on)
        read = [f for f in read_facts(_as_news(win), contact, dated) if f.kind in NEWS_KINDS]
        if win.strip() and not read and not any(f.kind in NEWS_KINDS for f in facts):
            # News on the card in words no rule reads ("PhD done"): still news, said without quoting it.
            read = [_derived(contact, "win", dated, event="news", source=win.strip())]
        take(read)
    for interest in contact.interests:
        if interest.strip():
            take([_derived(contact, "interest", first_on, what=_interest(interest, ""))])
    for kind, items in (("need", contact.needs), ("offer", contact.offers)):
        for listed in items:  # the card's lists say again what notes said: only what no fact says yet is added
            listed_fact = read_need(listed) if kind == "need" else read_offer(listed)
            words = set(fold(listed_fact.slots.get("what", "")).split()) - _DROPPABLE - _BAD_END
            if words and not any(words & (set(fold(f.slots.get("what", "")).split())) for f in facts if f.kind == kind):
                take([_derived(contact, kind, first_on, **listed_fact.slots)])
    for promise in promises:
        if promise.is_open and promise.kind == "promise" and promise.text.strip():
            take([promise_fact(promise)])
    for item in timeline:
        if item.kind == "got" and item.text.strip():
            take([_derived(contact, "help_received", item.on, did=item.text.strip(), source=item.id)])
    for promise in promises:
        if promise.is_open and promise.kind == "thanks" and promise.text.strip():
            take([_derived(contact, "help_received", promise.made_on, did=promise.text.strip(), promise_id=promise.id,
                           source=promise.id)])  # fmt: skip
    current = [f for f in facts if f.id not in superseded]
    current.sort(key=lambda f: f.on)
    return Known(current)


def known_in(network: Network, contact_id: str, today: date) -> Known:
    """``known`` for a contact of a network at hand (the one call drafts and nudges need)."""
    contact = network.contact(contact_id)
    if contact is None:
        return Known([])
    return known(
        contact, network.facts_for(contact_id), network.timeline(contact_id), network.promises_for(contact_id), today
    )


def _as_news(win: str) -> str:
    """A win from the card's list, as a sentence read_facts understands: "new job at Globex" -> "got a new job..."."""
    return f"got a {win}" if re.match(r"(?:a\s+)?new\s+(?:job|role)", win, re.IGNORECASE) else win


def _derived(contact: Contact, kind: str, on: str, **slots: str) -> Fact:
    return Fact(id=new_id(), contact_id=contact.id, kind=kind, slots={k: v for k, v in slots.items() if v}, on=on)


def promise_fact(promise: Promise) -> Fact:
    """An open promise as a fact whose slots say it in the first person, to them (see ``Kept``)."""
    kept = keep_words(promise.text)
    slots = {"promise_id": promise.id, "form": kept.form, "what": kept.what}
    return Fact(id=new_id(), contact_id=promise.contact_id, kind="promise", slots=slots, on=promise.made_on)


# -- 3. saying -------------------------------------------------------------------------------------------------


def when(fact: Fact, today: date) -> str:
    """When the fact was learned, as it fits after a clause: "last Tuesday", "yesterday", "in March"; "" unknown."""
    try:
        day = date.fromisoformat(fact.on[:10])
    except ValueError:
        return ""
    return day_in_words(day, today) if day <= today else ""


def day_in_words(day: date, today: date) -> str:
    """Like when_in_words, but a weekday before this week's Monday is "last Tuesday" rather than "on Tuesday"."""
    days = (today - day).days
    if 2 <= days <= 6 and day.weekday() >= today.weekday():
        return "last " + when_in_words(day, today).removeprefix("on ")
    return when_in_words(day, today)


def since(day: date, today: date) -> str:
    """How long ago, as in "it's been {since}": "a few weeks"."""
    return how_long(day, today)


def _forms(person: Person) -> tuple[str, str, str, str, str]:
    return _FORMS["you" if person.is_you else person.pronoun if person.pronoun in _FORMS else "they"]


def _voice(phrase: str, person: Person) -> str:
    """Slots are stored speaking to the person ("your own studio"); about them, "your" becomes "her"."""
    if person.is_you:
        return phrase
    _, obj, pos, refl, _ = _forms(Person(person.name, person.pronoun))
    phrase = re.sub(r"\byourself\b", refl, phrase)
    phrase = re.sub(r"\byours\b", pos if pos != "her" else "hers", phrase)
    phrase = re.sub(r"\byour\b", pos, phrase)
    return re.sub(r"\byou\b", obj, phrase)


_PLACE_DAY = re.compile(
    r"\s+(?:on\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?|on\s+\w+day|last\s+\w+|this\s+\w+|yesterday|today|tonight)$",
    re.IGNORECASE,
)


def place_words(where: str) -> str:
    """A meeting place as it sits after "at": at most a few words, never a whole sentence, shorthand spelled out,
    and without a day of its own ("the career fair on the 3rd"), since a message says when relative to today."""
    words = _PLACE_DAY.sub("", tidy(where.strip().rstrip(".,;:"))).split()
    if words and words[0].lower() == "at":
        words = words[1:]
    return " ".join(words) if len(" ".join(words)) <= 40 else " ".join(words[:4])


def said_about(phrase: str, person: Person) -> str:
    """A slot (said to them: "feedback on your CV") said about them to the user: "feedback on their CV"."""
    return _voice(phrase, person)


def _subject(person: Person) -> str:
    return "you" if person.is_you else person.name


def _be(person: Person) -> str:
    return "'re" if person.is_you else "'s"  # "you're", "Lisa's": a named subject is one person


def _gerund(verb: str) -> str:
    """ "launched" -> "launching", "ran" -> "running", "copied" -> "copying"."""
    low = verb.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low.endswith("ied"):
        return low[:-3] + "ying"
    if low.endswith("eed"):
        return low[:-1] + "ing"
    if low.endswith("ed"):
        stem = low[:-2]
        if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":  # "shipped" -> "shipping"
            return stem[:-1] + "ing"
        return stem + "ing"
    return low + "ing"


_IRREGULAR = {
    "sent": "sending", "gave": "giving", "took": "taking", "made": "making", "told": "telling", "lent": "lending",
    "got": "getting", "found": "finding", "wrote": "writing", "bought": "buying", "paid": "paying",
    "put": "putting", "taught": "teaching", "brought": "bringing", "met": "meeting", "spent": "spending",
    "let": "letting", "read": "reading", "saw": "seeing", "did": "doing", "came": "coming", "went": "going",
    "kept": "keeping", "held": "holding", "set": "setting", "ran": "running", "drove": "driving", "won": "winning",
    "sold": "selling", "became": "becoming", "had": "having", "built": "building", "began": "beginning",
    "grew": "growing", "led": "leading", "hit": "hitting", "raised": "raising", "closed": "closing",
    "released": "releasing", "completed": "completing", "received": "receiving", "earned": "earning",
    "finished": "finishing", "launched": "launching", "published": "publishing", "shipped": "shipping",
    "started": "starting", "founded": "founding", "opened": "opening", "landed": "landing", "exited": "exiting",
    "reviewed": "reviewing", "introduced": "introducing", "shared": "sharing", "agreed": "agreeing",
    "proofread": "proofreading", "helped": "helping", "connected": "connecting", "invited": "inviting",
    "recommended": "recommending", "hosted": "hosting", "referred": "referring", "vouched": "vouching",
    "copied": "copying", "chatted": "chatting", "advised": "advising", "explained": "explaining",
}  # fmt: skip


def _the(what: str) -> str:
    """ "your own ceramics studio" -> "the ceramics studio", "a seed round" -> "the seed round"."""
    return re.sub(r"^(?:your\s+own|your|her|his|their|an?)\s+", "the ", what, flags=re.IGNORECASE)


def _own(what: str, verb: str) -> str:
    """After a verb that makes the thing theirs, "a" becomes "your": "raised a seed round" -> "raising your seed
    round"; "won an award" keeps its article."""
    if verb in ("launched", "raised", "published", "founded", "started", "opened", "closed", "released", "shipped",
                "built", "wrote", "finished", "completed", "sold"):  # fmt: skip
        return re.sub(r"^an?\s+(?=\S)", "your ", what, flags=re.IGNORECASE)
    return what


def congrats_on(fact: Fact, person: Person = YOU) -> str:
    """The news as it reads after "Congratulations on": "your promotion to VP", "the new job at Anthropic",
    "finishing your first Ironman", "your engagement". "" when the fact is not news."""
    s = fact.slots
    pos = _forms(person)[2]
    if fact.kind == "job_change":
        role, company = s.get("role", ""), s.get("company", "")
        if role and company:
            return f"{pos} new role as {_a(role)} at {company}"
        if company:
            return f"the new job at {company}"
        return f"the new role as {_a(role)}" if role else "the new job"
    if fact.kind == "life_event":
        return {
            "engagement": f"{pos} engagement",
            "wedding": "getting married" if person.is_you else f"{pos} wedding",
            "baby": "the new baby",
            "house": f"{pos} new home",
            "graduation": "graduating",
            "expecting": "the wonderful baby news",
            "twins": "the twins",
            "retirement": f"{pos} retirement",
        }.get(s.get("event", ""), "the news")
    if fact.kind != "win":
        return ""
    if s.get("event") == "promotion":
        return f"{pos} promotion" + (f" to {s['to']}" if s.get("to") else "")
    if s.get("verb") == "named":
        return (
            f"being named {s.get('what', '')}".strip()
            if s.get("what", "").lower().startswith(("to ", "in ", "on ", "as "))
            else f"being named to {s.get('what', '')}"
        )
    if s.get("verb") == "acquired":
        return "the acquisition" + (f" by {s['by']}" if s.get("by") else "")
    if s.get("event") == "news":
        return f"{pos} news"
    verb, what = s.get("verb", ""), _voice(_own(s.get("what", ""), s.get("verb", "")), person)
    return f"{_gerund(verb)} {what}".strip() if verb else what


def _a(role: str) -> str:
    """ "PM" stays "PM" ("as PM"); "designer" -> "a designer"? Roles read well bare after "as": kept bare."""
    return role


def news(fact: Fact, person: Person = YOU) -> str:
    """The fact as a clause, past or present: "you launched your own ceramics studio", "Lisa's moving to Berlin",
    "you're hiring", "you're looking for a lawyer", "Tom started at Anthropic"."""
    s = fact.slots
    who = _subject(person)
    be = _be(person)
    if fact.kind == "job_change":
        role, company = s.get("role", ""), s.get("company", "")
        if company:
            return f"{who} started at {company}" + (f" as {role}" if role else "")
        return f"{who} started a new role as {role}" if role else f"{who} started a new job"
    if fact.kind == "move":
        if s.get("tense") == "future":
            return f"{who}{be} moving to {s.get('place', '')}"
        return f"{who} moved to {s.get('place', '')}"
    if fact.kind == "need":
        return f"{who}{be} {need_words(fact, person)}"
    if fact.kind == "offer":
        # Not "can help with": that is how notes put it, and a nudge never reads a note back.
        if s.get("act"):
            return f"{who} {offer_words(fact, person)}"
        return f"{who}{_be(person)} a great person for {_voice(s.get('what', ''), person)}"
    if fact.kind == "interest":
        return f"{who}{be} into {s.get('what', '')}"
    if fact.kind == "life_event":
        have = "have" if person.is_you or person.pronoun == "they" else "has"
        return {
            "engagement": f"{who} got engaged",
            "wedding": f"{who} got married",
            "baby": f"{who} had a baby",
            "house": f"{who} bought a new home",
            "graduation": f"{who} graduated",
            "expecting": f"{who}{_be(person)} expecting a baby",
            "twins": f"{who} had twins",
            "retirement": f"{who} retired",
        }.get(s.get("event", ""), f"{who} {have} news")
    if fact.kind == "win":
        if s.get("event") == "promotion":
            return f"{who} got promoted" + (f" to {s['to']}" if s.get("to") else "")
        if s.get("verb") == "named":
            return f"{who} {'were' if person.is_you else 'was'} named to {s.get('what', '')}"
        if s.get("verb") == "acquired":
            pos = _forms(person)[2]
            return f"{pos if person.is_you else who + chr(39) + 's'} company was acquired" + (
                f" by {s['by']}" if s.get("by") else ""
            )
        return f"{who} {s.get('verb', '')} {_voice(s.get('what', ''), person)}".replace("  ", " ").strip()
    if fact.kind == "help_received":
        return f"{who} {_voice(s.get('did', ''), person)}"
    return ""


def headline(contact: Contact, win: str) -> str:
    """A win as the card keeps it (typed: "launched her own ceramics studio on the side"), said about the person for
    the user: "Lisa launched her own ceramics studio"; "" when it reads as no news. For nudges built from summary rows,
    which carry the card's text rather than facts."""
    found = [f for f in read_facts(_as_news(win), contact, "") if f.kind in NEWS_KINDS]
    if not found:
        return ""
    return news(found[0], Person(contact.first_name or contact.name, found[0].slots.get("pronoun", "they")))


def need_words(fact: Fact, person: Person = YOU) -> str:
    """What they need, after "you're"/"she's": "hiring a designer", "looking for a lawyer", "raising a seed round"."""
    act, what = fact.slots.get("act", ""), _voice(fact.slots.get("what", ""), person)
    # Long enough to be a quote of the note ("hiring a part-time designer") is said in other words; "your deck" to
    # them is not how the note put it ("his deck"), so it is no quote.
    short = person.is_you and re.search(r"\byour\b", what) is not None
    if act in ("help", "advice"):
        return f"looking for a hand with {what}" if act == "help" else f"looking for advice on {what}"
    if act == "hiring":
        if not what or what.lower() in ("people", "now"):
            return "hiring"
        return f"hiring {what}" if short or len(f"hiring {what}") < _QUOTE_RUN else f"looking to hire {what}"
    if act == "raising":
        return f"raising {what}".strip()
    if short or len(f"looking for {what}") < _QUOTE_RUN:
        return f"looking for {what}".strip()
    return f"hoping for {what}" if what.lower().startswith("an introduction") else f"hoping to find {what}"


def needs(fact: Fact, name: str) -> str:
    """A need said about someone by name, in words a note rarely uses ("Jane needs a lawyer"), so a message that
    names the need never repeats the note's own "she's looking for a lawyer"."""
    return _need_said(fact, name, "needs")


def looking_for(fact: Fact, name: str) -> str:
    """A need said about someone by name, for the user: "Ann is looking for a lawyer", "Ana is hiring a designer",
    "Sam is raising a seed round", "Kai would like advice on hiring a designer", "Oli's pitch deck could use
    feedback"."""
    return _need_said(fact, name, "is looking for")


# "feedback on his pitch deck", "his visa application": a need about something of theirs
_OWNED = re.compile(r"(?:(?P<noun>\w+(?:\s+\w+)?)\s+(?:on|for|with|about)\s+)?(?:his|her|their)\s+(?P<thing>.+)$")


def _need_said(fact: Fact, name: str, plain: str) -> str:
    """The need about them, in their voice ("his pitch deck", never "your"). A long need about something of theirs
    ("feedback on his pitch deck") is turned around ("Oli's pitch deck could use feedback"): said as typed, it would
    read the note back."""
    person = Person(name, fact.slots.get("pronoun", "they"))
    act, what = fact.slots.get("act", ""), _voice(fact.slots.get("what", ""), person)
    if act == "hiring":
        return f"{name} is hiring {what}" if what.lower() not in ("", "people", "now") else f"{name} is hiring"
    if act == "raising":
        return f"{name} is raising {what or 'funding'}"
    owned = _OWNED.match(what)
    typed = what if owned is None or owned.group("noun") else {"help": "with ", "advice": "on "}.get(act, "") + what
    if owned and len(typed) > _CLIP_RUN and (owned.group("noun") or act in ("help", "advice")):
        noun = owned.group("noun") or {"help": "a hand", "advice": "some advice"}[act]
        return f"{possessive(name)} {owned.group('thing')} could use {noun}"
    if act == "help":
        return f"{name} needs a hand with {what}"
    if act == "advice":
        return f"{name} would like advice on {what}"
    if len(f"{plain} {what}") < _QUOTE_RUN:  # even word for word, too short to read a note back
        return f"{name} {plain} {what}".strip()
    # Longer: not in the words notes use for a need ("looking for", "needs"), or the note comes back whole.
    if what.lower().startswith("an introduction"):
        return f"{name} would like {what}"
    return f"{name} hopes to find {what}"


def offer_words(fact: Fact, person: Person = YOU) -> str:
    """What someone can do, after their name (or "you", or "I"): "can review pitch decks", "can help with
    fundraising" for the user (their own /offer words); about a contact, not in the words a note uses for an offer
    ("can help with", "happy to"), which would read it back: "reviews pitch decks", "introduces people in fintech",
    "is a great person for pitch deck feedback"."""
    act, what = fact.slots.get("act", ""), _voice(fact.slots.get("what", ""), person)
    what = re.sub(r"\b(?:my|our)\b", "your", what)  # typed by the user: "can help with my thesis" is the user's
    if act in _PLAIN_VERBS:
        return f"{act if person.is_you else _PLAIN_VERBS[act]} {what}".strip()
    if act:
        return f"can {act} {what}".strip() if person.is_you else f"{_third_person(act)} {what}".strip()
    if not what:
        return "can help"
    if person.is_you or len(f"can help with {what}") < _QUOTE_RUN:
        return f"can help with {what}"
    return f"is a great person for {what}"


def _third_person(verb: str) -> str:
    """ "review" -> "reviews", "coach" -> "coaches", "fly" -> "flies"."""
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def topic(fact: Fact) -> str:
    """What the fact is about, as a noun phrase: "jazz", "the seed round", "Berlin", "the new job at Anthropic"."""
    s = fact.slots
    if fact.kind == "interest":
        return s.get("what", "")
    if fact.kind == "move":
        return s.get("place", "")
    if fact.kind == "need":
        if s.get("act") == "hiring":
            return "the hiring"
        return _the(s.get("what", "")) if s.get("act") == "raising" else s.get("what", "")
    if fact.kind == "offer":
        return s.get("what", "")
    if fact.kind in NEWS_KINDS:
        return congrats_on(fact)
    return ""


def question(fact: Fact, variant: int = 0) -> str:
    """One real question about the fact, to them; "" when there is nothing natural to ask."""
    s = fact.slots
    pick = variant % 2
    if fact.kind == "job_change":
        company = s.get("company", "")
        if company:
            return (f"How are you finding it at {company} so far?", f"How are the first weeks at {company}?")[pick]
        return ("How's the new job going?", "How are you finding the new role?")[pick]
    if fact.kind == "move":
        place = s.get("place", "")
        if s.get("tense") == "future":
            return (f"When's the big move to {place}?", f"How are the plans for {place} coming along?")[pick]
        return (f"How are you settling into life in {place}?", f"How's {place} treating you?")[pick]
    if fact.kind == "need":
        act, what = s.get("act", ""), s.get("what", "")
        if act == "hiring":
            return ("How's the hiring going?", "Have you found the right people yet?")[pick]
        if act == "raising":
            return (f"How's {_the(what)} going?", f"How's {_the(what)} coming along?")[pick]
        return (f"Did you find {what} in the end?", f"Are you still looking for {what}?")[pick]
    if fact.kind == "interest":
        what = s.get("what", "")
        if len(f" into {what}") >= _QUOTE_RUN:  # "into backcountry touring" is how the note put it
            pick = 1
        return (f"Are you still as into {what} as ever?", f"What's new in {what} for you lately?")[pick]
    if fact.kind == "life_event":
        return {
            "engagement": "Have you set a date yet?",
            "wedding": "How's married life treating you?",
            "baby": "How are you all doing?",
            "house": "How are you settling in?",
            "graduation": "What's next for you now?",
            "expecting": "When's the little one due?",
            "twins": "How are you all doing?",
            "retirement": "What's first on the list now?",
        }.get(s.get("event", ""), "How are you doing?")
    if fact.kind == "win":
        event = s.get("event", "")
        if event == "promotion":
            return ("How are you finding the new role?", "What's the biggest change so far?")[pick]
        thing = _the(s.get("what", ""))
        if event == "launch" and thing:
            return (f"How's {thing} doing since the launch?", f"How has {thing} been received?")[pick]
        if event == "race" and s.get("what"):
            what = s["what"]
            return (f"What's next after {what}?", "How did it feel crossing the finish line?")[pick]
        if event == "funding":
            return ("What's the first thing you'll build with it?", "What's next now the round is closed?")[pick]
        if event == "published" and thing:
            return (f"How has {thing} been received?", f"What's next after {thing}?")[pick]
        return ("How are you celebrating?", "What's next for you?")[pick]
    return ""


def question_after(fact: Fact, variant: int = 0) -> str:
    """A question to ask right after the fact was named, so it is not said twice: "How are you finding it so far?"."""
    s = fact.slots
    pick = variant % 2
    if fact.kind == "job_change":
        return ("How are you finding it so far?", "How are the first weeks going?")[pick]
    if fact.kind == "move":
        if s.get("tense") == "future":
            return ("When's the big day?", "How are the plans coming along?")[pick]
        return ("How are you settling in?", "How's the new city treating you?")[pick]
    if fact.kind == "need":
        if s.get("act") == "hiring":
            return ("Have you found the right people yet?", "How's it going?")[pick]
        if s.get("act") == "raising":
            return ("How's it going?", "How are the conversations going?")[pick]
        return ("Any luck so far?", "Did anything turn up in the end?")[pick]
    if fact.kind == "interest":
        return ("Still finding time for it?", "Anything new there lately?")[pick]
    if fact.kind == "win":
        event = s.get("event", "")
        if event == "promotion":
            return ("How are you finding the new role?", "What's the biggest change so far?")[pick]
        if event in ("launch", "published"):
            return ("How has it been received?", "What's the reaction been like?")[pick]
        if event == "race":
            return ("What's next?", "How did it feel crossing the finish line?")[pick]
        if event == "funding":
            return ("What's next now the round is closed?", "What's the first thing you'll build with it?")[pick]
        return ("How are you celebrating?", "What's next for you?")[pick]
    return question(fact, variant)


# -- promises, in the first person -----------------------------------------------------------------------------


class Kept(NamedTuple):
    """A promise the user made, ready to say to the person it was made to.

    form "gift": ``what`` is a thing to hand over ("the Ferrazzi book") -> "here's the Ferrazzi book I mentioned";
    form "call": a call or meeting to set up ("a call") -> "when's good for that call?";
    form "intro": ``what`` is who to introduce them to ("Sam") -> "I'm introducing you to Sam";
    form "act": ``what`` is an action, first person, said to them ("review your CV") -> "I'll review your CV".
    """

    form: str
    what: str


_GIVE_VERBS = ("send", "share", "forward", "email", "e-mail", "pass on", "pass along", "get", "bring", "lend", "give")
_CALL_WORDS = re.compile(
    r"^(?:call|phone|ring|ping|schedule\s+(?:a\s+)?(?:call|chat|meeting|coffee)|set\s+up\s+(?:a\s+)?(?:call|chat|meeting"
    r"|coffee)|book\s+(?:a\s+)?(?:call|lunch|coffee|meeting)|grab\s+(?:a\s+)?(?:coffee|lunch|drink|beer)|get\s+(?:a\s+)?"
    r"(?:coffee|lunch)|meet\s+up|owe\s+you\s+(?:a|an)\s+(?P<owed>call|coffee|lunch|drink|beer|chat))\b",
    re.IGNORECASE,
)
_THING_START = ("the", "a", "an", "my", "our", "that", "this", "those", "these", "some")
_INTRO = re.compile(r"^(?:intro(?:duce)?|connect)\s+(?:you\s+)?(?:to|with)\s+(?P<who>.+)$", re.IGNORECASE)


def keep_words(text: str) -> Kept:
    """The promise as typed ("send her the Ferrazzi book", "I'll owe him a call re his seed round", "intro him to
    Sam") -> what to say when keeping it, in the first person, spoken to them."""
    text = re.sub(r"\s+", " ", text).strip().rstrip(".,;:!? ")
    text = re.sub(r"^(?:i'll|i’ll|i will|will|to|i|i'd|i’d|i would|i should|i need to|need to|should)\s+", "", text,
                  flags=re.IGNORECASE)  # fmt: skip
    text = re.sub(r"^(?:get\s+(?:you|her|him|them)\s+)", "send you ", text, flags=re.IGNORECASE)
    said = to_second_person(text)
    said = re.sub(r"\s+(?:re|about|regarding|for)\s+your\s+.*$", "", said, flags=re.IGNORECASE)  # "re his seed round"
    said = re.sub(
        r"\s+(?:next|this|tomorrow|today|later|soon|by|before|after|on\s+(?:mon|tue|wed|thu|fri|sat|sun)\w*).*$",
        "", said, flags=re.IGNORECASE,
    )  # fmt: skip
    low = said.lower()
    call = _CALL_WORDS.match(said)
    if call:
        owed = call.group("owed")
        noun = owed or next((w for w in ("coffee", "lunch", "drink", "beer", "chat", "meeting") if w in low), "call")
        return Kept("call", noun)
    intro = _INTRO.match(said)
    if intro:
        return Kept("intro", _clip(intro.group("who"), text))
    for verb in _GIVE_VERBS:
        if low.startswith(verb + " "):
            thing = re.sub(r"^(?:you\s+)?(?:over\s+)?", "", said[len(verb) + 1 :])
            thing = re.sub(r"\s+(?:to|for|with)\s+you$", "", thing)
            if thing and thing.lower() not in ("you", "it"):
                return Kept("gift", _clip(thing, text))
    if low.split(" ")[0] in _THING_START:
        return Kept("gift", _clip(said, text))
    return Kept("act", _clip(said, text) or said)


def keeping(kept: Kept, variant: int = 0) -> str:
    """The sentence that keeps the promise: "Here's the deck I mentioned.", "When's good for that call?"."""
    pick = variant % 3
    if kept.form == "gift":
        here = "Here are" if _plural(kept.what) else "Here's"
        return (
            f"{here} {kept.what} I mentioned.",
            f"As promised, {here.lower()} {kept.what}.",
            f"{here} {kept.what} I said I'd send.",
        )[pick]
    if kept.form == "call":
        noun = kept.what
        return (f"When's good for that {noun}?", f"I still owe you that {noun} - when suits you?",
                f"Shall we find a time for that {noun}?")[pick]  # fmt: skip
    if kept.form == "intro":
        return (
            f"I haven't forgotten the intro to {kept.what} - I'll write to you both today.",
            f"As promised, I'm putting you in touch with {kept.what} - expect a note from me shortly.",
            f"I'm on the intro to {kept.what} and will send it over today.",
        )[pick]
    return (f"As promised, I'll {kept.what}.", f"And I haven't forgotten: I'll {kept.what}.",
            f"As I said, I'll {kept.what}.")[pick]  # fmt: skip


def _plural(thing: str) -> bool:
    """ "the slides", "my notes" are plural; "the Ferrazzi book", "the address" are not."""
    last = thing.split()[-1].lower() if thing.split() else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is")) and last[:1].islower()


def still_owed(kept: Kept) -> str:
    """An open promise mentioned in passing (a catch-up): "I still owe you the deck"."""
    if kept.form == "gift":
        return f"I still owe you {kept.what}"
    if kept.form == "call":
        return f"I still owe you that {kept.what}"
    if kept.form == "intro":
        return f"I still owe you that intro to {kept.what}"
    return f"I still mean to {kept.what}"


# -- open debts, said to the user (a morning's promise and thank-you nudges) ------------------------------------
# These depend only on the item's text and the contact's first name, never on the day, so they are worked out when
# the contact's summary row is saved (summary.py: the item's "said") and read from there every morning.

# Words that open a promise phrased as an action ("send her the book"), so it reads "you'd send her the book".
_ACTION_VERBS = frozenset(
    (
        *("ask", "call", "check", "connect", "email", "find", "follow", "forward", "get", "help", "intro"),
        *("introduce", "invite", "look", "make", "meet", "pass", "ping", "put", "read", "recommend"),
        *("review", "send", "set", "share", "show", "text", "write"),
    )
)
_TO_THE_USER = {"me": "you", "my": "your", "mine": "yours", "myself": "yourself", "i": "you", "i'll": "you'll"}


def to_the_user(phrase: str) -> str:
    """A phrase said to the helper ("reviewed my CV", "introduced me to Sam"), said to the user instead."""
    return " ".join(_TO_THE_USER.get(word.lower(), word) for word in phrase.split())


def promise_in_words(first: str, text: str, past: bool = False) -> str:
    """'You promised Priya the Ferrazzi book', 'You owe Max a call', 'You promised Jo an intro to Sam', or for an
    action, 'You told Priya you'd review the draft'. Things, calls and intros are read by ``keep_words``; an action
    is said as typed, after its opener. ``past``: said after a past day ("Yesterday, you promised Max a call")."""
    owe = "promised" if past else "owe"
    kept = keep_words(text)
    # The promise's words are kept to say to them ("the deck with my notes", "feedback on your CV"); to the user,
    # "my" is theirs and "your" is the contact's: "the deck with your notes", "feedback on their CV".
    what = to_the_user(said_about(tidy(kept.what), Person(first)))
    if what and kept.form == "gift":
        return f"You promised {first} {what}"
    if what and kept.form == "call":
        return f"You {owe} {first} {'an' if what[:1] in 'aeiou' else 'a'} {what}"
    if what and kept.form == "intro":
        return f"You promised {first} an intro to {what}"
    text = to_the_user(tidy(text.strip().rstrip(".")))
    lower = text.lower()
    for opener in ("you'll ", "you will ", "ill ", "to "):
        if lower.startswith(opener):
            return f"You told {first} you'd {text[len(opener) :]}"
    for opener in ("owe him ", "owe her ", "owe them ", "owe "):
        if lower.startswith(opener):
            return f"You {owe} {first} {text[len(opener) :]}"
    if lower.split(" ", 1)[0] in _ACTION_VERBS:
        return f"You told {first} you'd {text}"
    return f"You promised {first} {text}" if text else f"You made {first} a promise"


def helped_you(text: str) -> str:
    """What a helper did, as logged ("reviewed my CV"), said to the user for an owed thank-you: "reviewed your CV";
    "helped you" when the logged help is not a phrase that turns into a sentence ("intro to Acme")."""
    did = help_words(Fact(id="", contact_id="", kind="help_received", slots={"did": tidy(text)})).past
    return to_the_user(did) if did else "helped you"


def debt_words(kind: str, first: str, text: str, dated: bool) -> str:
    """The words a morning says an open item with (see above): for a promise, ``promise_in_words`` (in the present
    when it has a due date, after a past day when not); for an owed thank-you, ``helped_you``; "" for a reminder,
    which is said as typed."""
    if kind == "thanks":
        return helped_you(text)
    if kind == "reminder":
        return ""
    return promise_in_words(first, text, past=not dated)


def help_words(fact: Fact) -> HelpWords:
    """Help received, for a thank-you: ("reviewing my CV", "reviewed my CV") or, when it is not a past-tense
    phrase we can turn, ("", "") - the note then says "your help" rather than quote the log."""
    # The user's own log of what they received, in the first person: named as it was ("reviewing my CV"), cut to
    # one deed ("reviewed my term sheet and sent me notes" -> "reviewing my term sheet") and a few words.
    source = " ".join(fact.slots.get("did", "").split()).rstrip(".!")
    did = re.split(r"\s*(?:,|;|\s-\s|\band\b|\bbut\b|\bwhich\b|\bso\b)\s*", source, maxsplit=1)[0]
    did = to_second_person(did)
    verb, _, rest = did.partition(" ")
    low = verb.lower()
    rest = " ".join(rest.split()[:8])
    if low.endswith("ing") and len(low) > 4:
        return HelpWords(f"{low} {rest}".strip(), "")
    if low in _IRREGULAR or (low.endswith("ed") and low.isalpha() and len(low) > 3):
        return HelpWords(f"{_gerund(low)} {rest}".strip(), f"{low} {rest}".strip())
    return HelpWords("", "")


@dataclass(frozen=True)
class HelpWords:
    gerund: str  # "reviewing my CV": after "Thank you for"
    past: str  # "reviewed my CV": after "since you"
