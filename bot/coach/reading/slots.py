"""A fact's slots, the words it is kept in: a need, an offer or an interest clipped to a few words in the second
person ("a lawyer", "review your deck"), with its pronoun and the act it names, and the user's goal said two ways.
Read from notes by facts.py, and from a card's or a summary row's typed pieces by the coach's wording.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from bot.coach.reading.boundaries import NAMED_LETTER, cut
from bot.coach.reading.second_person import to_second_person
from bot.coach.reading.shorthand import company_name, roles_with_article, tidy
from bot.store.records import Fact


def _words(text: str) -> frozenset[str]:
    """A word set written as one string."""
    return frozenset(text.split())


# A slot may keep at most this many characters in a row from the note it was read from: messages never quote notes.
_CLIP_RUN = 21


# A sentence the coach writes may repeat at most this many characters of a note in a row (a slot, the words around
# it and the space before them): longer, and it reads the note back.
_QUOTE_RUN = 24
_MAX_SLOT_WORDS = 6


_BAD_END = _words(
    """a an the and or of to in on at for with by from her his their my your our its about as that which
    who i we"""
)  # "a list of the offices I | have relationships with": the subject of a clause cut away is no end


_ADJUNCT = re.compile(
    r"\s+(?:on\s+the\s+side|last\s+\w+|this\s+\w+|yesterday|today|ago|recently|just\s+now|again"
    r"|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in\s+q[1-4]\b"
    r"|in\s+(?:january|february|march|april|may"
    r"|june|july|august|september|october|november|december)|and\s+(?:she|he|they|i|is|was|has)\b|but\b|who\b"
    r"|which\b|because\b|so\b|after\b|while\b|before\b|too\b|as\s+well\b).*$",
    re.IGNORECASE,
)


def _pruned(slots: dict[str, str], pronoun: str) -> dict[str, str]:
    slots = {k: w for k, v in slots.items() if (w := _without_emoji(v))}
    if pronoun != "they":
        slots["pronoun"] = pronoun
    return slots


def _without_emoji(text: str) -> str:
    """ "a co-speaker 👀" -> "a co-speaker": a fact is said back in sentences, where the note's emoji read as noise."""
    if text.isascii():
        return text
    kept = "".join(c for c in text if unicodedata.category(c) not in ("So", "Sk", "Cf") and c != "\ufe0f")
    return " ".join(kept.split())


def _pronoun(text: str) -> str:
    """The pronoun a note uses for its person, so nudges can say "she launched her studio"; "they" if none."""
    m = re.search(r"\b(she|her|hers|herself|he|him|his|himself)\b", text, re.IGNORECASE)
    if not m:
        return "they"
    return "she" if m.group(1).lower().startswith(("she", "her")) else "he"


def _is_pronoun_phrase(what: str) -> bool:
    return what.lower().split()[0] in ("you", "me", "us", "it", "them", "him", "her", "this", "that")


def _org(text: str) -> str:
    words = text.split()
    while words and (words[-1].lower() in _BAD_END or not words[-1][:1].isupper()):
        if len(words) > 1 and words[-2].endswith(("'s", "’s")) and words[-1].strip(".,").lower() in _NAMED_AFTER:
            words[-1] = words[-1].strip(".,")
            break  # "Raj Patel's lab": a place named after its head is said with what it is
        words.pop()
    name = " ".join(words).strip(".,'’")
    return name if len(name) <= _LONGEST_NAME else ""  # a run of capitals that long is no company's name


_LONGEST_NAME = 80
# What a place named after its head is ("Raj Patel's lab"): kept with the name.
_NAMED_AFTER = frozenset(
    ("lab", "team", "group", "firm", "company", "startup", "shop", "studio", "office", "practice", "clinic", "agency")
)


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
    """A slot: the phrase's whole object, never ending on "the" or "and"; a long one is cut where a new phrase
    starts ("a lawyer | for the seed round of her climate startup"), never inside a noun phrase ("a product
    marketing | lead"). Said whole in the second person, a fact's own object is not a copy of the note: the words
    around it are the coach's. One with no boundary that runs past a chat line's worth is left out."""
    phrase = _EMOJI.split(" ".join(phrase.split()), maxsplit=1)[0]  # "climbing 🧗 gave me": the phrase ended
    phrase = _ADJUNCT.sub("", phrase).strip(" ,.;:!?-–—'\"")
    words = cut(phrase, _MAX_SLOT_WORDS).split()
    while words and words[-1].lower() in _BAD_END and not NAMED_LETTER.search(" ".join(words[-2:])):
        words.pop()
    said = " ".join(words).rstrip(",;:")
    return said if len(said) <= _MAX_SLOT_CHARS else ""


_MAX_SLOT_CHARS = 80
# An emoji with more words after it ends the phrase; one at the end is part of it ("AI 🚀")
_EMOJI = re.compile(r"\s*[\U0001F000-\U0001FAFF\u2600-\u27BF\u2190-\u21FF\u2B00-\u2BFF\uFE0F]+\s+(?=\w)")


_DROPPABLE = _words(
    """a an the two three four five few couple several some more new senior junior good great experienced
    talented really very"""
)


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
    rest = re.sub(r"^(?:to\s+meet|(?:to\s+)?connect\s+(?:to|with|w/?))\s+", "an introduction to ", rest,
                  flags=re.IGNORECASE)  # "wants to meet investors", "want connect to Amazon Ads team"  # fmt: skip
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
