"""Where a line names its first person, wherever the line starts: "design meetup @ figma office: Camille Laurent,
product designer at qonto", "portfolio review swap w/ Dev Malhotra", "angel mtg done. Reza Tehrani, ex-stripe".

People open their lines with anything (an event, a time, a sigh), so a capture does not wait for "met": it looks
for the people first. A word is weighed as the start of a person's name by what it is (a first name from the
name list, a capital in mid-sentence, a title like "Dr" or "Pastor") and by where it stands: after "w/", "met",
"and", "her cousin", "intro'd me to", "her name is" it names a person; after "at", "@", "from" or "ex-" a company
or a place; before "(", "'s bday", "said" or ", PM at" a person again. Words that are never names (verbs, fillers,
months, roles, acronyms such as "PTA" or "YC") are passed over.
"""

from __future__ import annotations

import re

from bot.coach.reading.given_names import HONORIFICS, is_given_name, is_title
from bot.coach.reading.lexicon import (
    _ACRONYM_ROLES,
    _MONTH_WORDS,
    _ROLE_WORDS,
    _STOP,
    _WORD,
    OWNER_TITLES,
    RELATIONS,
    _set,
    tie_role,
)
from bot.coach.reading.stopwords import COMPANY_SUFFIXES, NAMES_THAT_ARE_WORDS, VERB_FORMS, is_not_a_name
from bot.coach.reading.titles import a_job_word
from bot.coach.reading.work import a_place

_WORD_AT = re.compile(rf"(?<![\w'’/@#.-])({_WORD})(\.?)")
# Just before a name: words that make the next word a person ("coffee w/ sam", "his cousin Folake").
_PERSON_BEFORE = re.compile(
    r"(?:\b(?:(?:me|us|him|her|them|talk|talked|spoke|speak|chat|chatted|wrote|back|over)\s+to"
    r"|w/?|with|wit|met|meet|meeting|and|named|called|by|thru|via|is|was|name's|it's|its|"
    r"into|saw|see|seeing|ping|pinged|call|called|text|texted|email|emailed|told|asked|thank|thanks|"
    r"intro'?d|introduced|present|presented|know|knew|visit)|[&+→>]|w/)\s*$",
    re.IGNORECASE,
)
# Just before a name: words that make the next word a company, a place or a product.
_THING_BEFORE = re.compile(r"(?:\b(?:at|in|of|ex|former|the|a|an|our|my|@)|@|ex-)\s*$", re.I)
# Before these a first name is still a person ("congrats msg for Ye-jin"); any other word is a company or a place.
_THING_UNLESS_NAMED = re.compile(r"\b(?:from|frm|for|on|like|via|using)\s*$", re.I)
_INTRO_FROM = re.compile(r"\b(?:intro|introduction|visit|note|message|msg|call|email|text|dm)\s+from\s*$", re.I)
# Just after a name: signs it is a person ("Tariq (Zayn's dad)", "Aditi's bday", "Hana said", "Reza Tehrani, ex-").
_PERSON_AFTER = re.compile(
    r"\s*(?:\(|['’]s\s+(?:bday|b-day|birthday|" + "|".join(sorted(RELATIONS, key=len, reverse=True)) + r")\b"
    r"|,\s*(?:he|she)\b|,?\s*(?:said|says|say|wants|want|needs|need|is|was|has|have|offered|offer|called|will|can|could|asked|"
    r"introduced|intro'?d|loves|likes|runs|works|work|just|from|who|gave|sent|told|emailed|pinged|sat|turned|"
    r"mentioned|invited|stopped|suggested|shared)\b|\s+(?:[A-Z][\w'’-]+|[A-Z]\.)|,\s*(?:an?\s+)?\w+\s+(?:at|@|of|in)\b|\s+[\x22'‘“][A-Z])",
)
_RELATION = "|".join(sorted(RELATIONS, key=len, reverse=True))
_OWNER_AFTER = re.compile(r"['’]s\s+(?:(?:new|old)\s+)?(?:" + _RELATION + r")\b")
# After a name that opens the line: "Sipho at the wits career day", "Nkechi from legal", "Jess (host ops)".
_OPENER_AFTER = re.compile(
    r"\s*(?:\(|,|\s+(?:at|@|from|frm|of|w/?|with)\b|\s+[-–—]\s|\s*(?:\+|&|and)\s+[A-Z]"
    r"|\s+(?:called|texted|emailed|rang|phoned|messaged|replied|pinged|dm['’]?d)\b)",  # "Adjoa called — ..."
    re.I,
)
# A surname after a first name: a capital, an initial, or a nickname in quotes first ("Siddharth 'Sid' Rao").
_SURNAME_AFTER = re.compile(r"(?:\s+[\x22'‘“][^\x22'’”]{1,15}[\x22'’”])?\s+(?P<surname>[A-Z][\w'’-]+|[A-Z]\.)")
# Capitalised words that start something other than a person: "Christmas fair", "Red Cross", "Uni Oslo".
_NOT_PEOPLE = _set(
    """christmas easter halloween thanksgiving diwali ramadan eid hanukkah uni university college school hospital
    library lab team crew group club committee church parish office dept department booth hall red cross rotary
    linkedin zoom slack whatsapp telegram instagram insta twitter google microsoft amazon apple meta netflix
    spotify figma stripe q1 q2 q3 q4 ok okay note pls please remind reminder todo follow followup follow-up quick
    lunch dinner coffee breakfast brunch drinks call chat meeting mtg meetup conf conference summit fair party
    session panel workshop hackathon demo pitch intro info recap update news congrats thx thanks thank hey hi
    hello hola olá oi yo ugh omg lol btw fyi also anyway so ok yesterday today tomorrow tonight morning evening
    afternoon week weekend mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday"""
)
# First names that are everyday words too, typed in lower case: a name only where a name is expected.
_WORDS_TOO = _set("angel guy grant night lane page dean chase hunter rich faith hope may june april summer")
_SHORT_HONORIFICS = _set("dr mr mrs ms prof sr sra frau herr")
_TITLE_BEFORE = re.compile(rf"(?<![\w'’])(?=[A-Z])(?i:{OWNER_TITLES})\.?\s+$")
_MAX_LOOK = 400  # a first person past this many characters is not where the line starts


def _before(s: str, start: int) -> str:
    return s[max(0, start - 40) : start]


def _sentence_start(s: str, start: int) -> bool:
    """The word opens the line or a sentence (its capital says nothing)."""
    head = s[:start].rstrip(" \"'“‘([")
    return not head or head[-1] in ".!?" or not any(c.isalnum() for c in head[-3:])


_LOWER_SURNAME = re.compile(r"\s+([a-z][\w'’-]+)")


def _is_person_word(word: str) -> bool:
    low = word.lower()
    if len(low) > 5 and low.endswith(("ing", "ed")) and not is_given_name(low):
        return False  # "Tutoring at the literacy center", "Volunteered at the food bank"
    return not (
        is_not_a_name(word)
        or low in _STOP
        or low in _MONTH_WORDS
        or low in _ROLE_WORDS
        or low in RELATIONS
        or low in _NOT_PEOPLE
        or (word.isupper() and len(word) > 1)  # "PTA", "CHI", "KIPP": an acronym (a shouted line is lowered first)
        or any(c.isdigit() for c in word)
    )


def _capital_role_name(s: str, m: re.Match[str], core: str) -> bool:
    """ "w/ Dev Malhotra", "Will Chen": a capitalised word that is also a role or a verb, followed by a surname."""
    if not core[:1].isupper() or _sentence_start(s, m.start()) or core.lower() not in _ROLE_WORDS:
        return False
    surname = _SURNAME_AFTER.match(s, m.end())
    return surname is not None and _is_person_word(surname.group("surname"))


# The capitalised word just before another, in one run ("Green Leaf Kitchen", "Old Mill Tavern").
_CAPITAL_BEFORE = re.compile(r"(?<![\w'’.-])(?P<word>[A-Z][\w'’-]*)\s$")
# Words before a name in the same run of capitals that are no part of a place's name: "Uncle Bob", "Coach Ana".
_LEAD_WORDS = _set(
    "aunty auntie grandma grandpa granny nana uncle aunt cousin coach chef nurse hi hey hello dear thanks thx congrats"
)


_FIRM_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’&-]*){0,2}\s+(?i:"
    + "|".join(sorted(COMPANY_SUFFIXES, key=len, reverse=True))
    + r")\b\.?(?!['’\w])"
)


def _inside_a_run(s: str, start: int) -> bool:
    """ "Leaf" in "at Green Leaf Kitchen": the word goes on a run of capitals whose first word names no one (a
    place, a firm), so it starts no person either. A verb, a title or a tie before it ("Met Jane", "Dr Hahn",
    "Uncle Bob") does not make a run."""
    before = _CAPITAL_BEFORE.search(s, max(0, start - 30), start)
    if before is None or _sentence_start(s, before.start()):
        return False
    low = before.group("word").lower().rstrip(".")
    return not (
        low in VERB_FORMS
        or low in HONORIFICS
        or is_title(low)
        or low in RELATIONS
        or low in _LEAD_WORDS
        or low in _STOP
        or is_given_name(low)
    )


_PLACE_FIRST = re.compile(r"(?-i:[A-Z])[a-z]+\s+$")


def person_at(s: str, m: re.Match[str]) -> bool:
    """Whether the word matched at ``m`` starts a person's name, weighed by what it is and where it stands."""
    word = m.group(1)
    core = re.sub(r"['’]s$", "", word)
    if len(core) < 2:
        return False  # "P&L": a letter alone is no one
    if not _is_person_word(core) and not _capital_role_name(s, m, core):
        return False
    if _inside_a_run(s, m.start()) or _FIRM_AFTER.match(s, m.end()):
        return False  # "Hill" in "at Blue Hill Provisions", "Ferris" in "Ferris LLP"
    before = _before(s, m.start())
    after = s[m.end() :][:60]
    given = is_given_name(core)
    capital = core[:1].isupper()
    previous = before.split()[-1].lower().strip(",.:;") if before.split() else ""
    if capital and _PLACE_FIRST.search(before) and a_place(f"{before.split()[-1]} {core}"):
        return False  # "York" in "New York meeting w/ Ana", "Vegas" in "Las Vegas": the rest of a city's name
    slot = bool(_PERSON_BEFORE.search(before)) or previous in _ROLE_WORDS or previous in RELATIONS
    lower_surname = _LOWER_SURNAME.match(after) if given and not capital else None
    if lower_surname and not is_not_a_name(lower_surname[1]) and a_job_word(previous):
        slot = True  # "new shipper linda park at coastal produce": a job, then a first name and a surname
    thing = bool(_THING_BEFORE.search(before)) and not _INTRO_FROM.search(before)
    thing = thing or (bool(_THING_UNLESS_NAMED.search(before)) and not given and not _INTRO_FROM.search(before))
    follows = bool(_PERSON_AFTER.match(after))
    surname = _SURNAME_AFTER.match(after)
    two_names = surname is not None and (
        _is_person_word(surname.group("surname")) or re.fullmatch(r"[A-Z]\.", surname.group("surname")) is not None
    )
    if not capital:  # "coffee w nadia", "kofi mensah ex-google", "jonas (designer from the meetup)"
        if not given or thing:
            return False
        if core.lower() in NAMES_THAT_ARE_WORDS or core.lower() in _WORDS_TOO:
            return slot  # "angel mtg done", "grace period": only after "w/", "met", "her sister"
        lower_follows = follows and not re.match(r"\s+[A-Z]", after)  # "the new sub Jean-Baptiste": not "sub"
        return slot or lower_follows or not s[: m.start()].strip()
    if thing and not (given and follows):
        return False
    owner = bool(_OWNER_AFTER.match(after)) or (  # "Ngozi's brother Emeka", "note Kwame's wife is Efua"
        core != word and bool(_OWNER_AFTER.match("'s" + after))
    )
    if _sentence_start(s, m.start()):
        opener = not s[: m.start()].strip() and bool(_OPENER_AFTER.match(after))
        return given or two_names or (follows and slot) or opener or owner
    return given or slot or follows or owner


def could_be_a_name(s: str, at: int) -> bool:
    """Whether the word at ``at`` (after spaces) could be a name or a title: not an acronym ("KAUST"), a verb, a
    month, a role. For the next name of a list ("Jane, Tom and Ana"), where the list itself says they are people."""
    m = _WORD_AT.match(s, at + len(s[at:]) - len(s[at:].lstrip()))
    word = m.group(1) if m else ""
    return bool(word) and (_is_person_word(re.sub(r"['’]s$", "", word)) or word.lower() in HONORIFICS)


# Words before a name that say who they are, not their name: "the new sub", "mortgage broker", "internal candidate".
_DESCRIBED = re.compile(
    r"^\s*(?:(?:the|a|an|my|our|this|that|some|one|new|old|former|lovely|nice|young|internal|external)\s+)*"
    r"(?P<what>(?:[a-z][\w-]*\s+){0,3}?)(?:(?:guy|girl|lady|man|woman|dude|person|gentleman)\s+)?"
    r"(?:(?:called|named|is)\s+)?$",
    re.IGNORECASE,
)


_ACRONYM_BEFORE = re.compile(r"^\s*(?:(?:the|their|his|her|our|my|new)\s+)?(?P<what>[A-Z]{2,4})\s*$")
_DESCRIPTIONS = _set("candidate client customer contact acquaintance prospect lead applicant guest visitor stranger")


def described_as(gap: str) -> str | None:
    """The words between "coffee w" (or "and") and a name, when they only describe the person: the role they say
    ("mortgage broker", "the new sub", "treasurer") or "" ("this guy", "internal candidate"); None when they are
    something else (a name, a place, a clause)."""
    if not gap.strip():
        return None
    letters = _ACRONYM_BEFORE.match(gap)
    if letters and letters.group("what") in _ACRONYM_ROLES:
        return letters.group("what")  # "their OC Jamal Hughes", "DC Kyle Voss": the job, in its letters
    m = _DESCRIBED.match(gap)
    if m is None or any(c in gap for c in ",;:.()'’") or any(w[:1].isupper() for w in gap.split()):
        return None
    what = m.group("what").strip()
    if not what or all(w.lower() in _DESCRIPTIONS for w in what.split()):
        return ""
    return what if tie_role(what) else None


def first_person(s: str, start: int = 0) -> int | None:
    """The offset at which the first person of ``s`` is named (their title, when it has one), or None."""
    for m in _WORD_AT.finditer(s, start, min(len(s), start + _MAX_LOOK)):
        word = m.group(1)
        if (word.lower() in HONORIFICS or is_title(word)) and (word[:1].isupper() or word.lower() in _SHORT_HONORIFICS):
            nxt = _WORD_AT.match(s, m.end() + (1 if s[m.end() : m.end() + 1] == " " else 0))
            if nxt is None:
                nxt = _WORD_AT.search(s, m.end(), m.end() + 3)
            if nxt is not None and (nxt.group(1).lower() in HONORIFICS or is_title(nxt.group(1))):
                continue  # "the professor Dr. Hoffmann": the name starts at the last title
            honorific = word.lower().rstrip(".") in HONORIFICS
            if nxt is not None and _is_person_word(nxt.group(1)) and (nxt.group(1)[:1].isupper() or honorific):
                return m.start()
            continue
        if len(word) == 1 and word.isupper() and m.group(2):  # "K. Dominguez (angel)": an initial, then the surname
            nxt = re.match(r"(?:\s*[A-Z]\.)*\s+([A-Z][\w'’-]+)", s[m.end() :])  # "J. R. Smith"
            surname = nxt.group(1) if nxt is not None else ""
            if len(surname) > 1 and surname[:1].isupper() and _is_person_word(surname):
                return m.start()
        if person_at(s, m):
            title = _TITLE_BEFORE.search(s, max(0, m.start() - 12), m.start())
            return title.start() if title else m.start()  # "Coach Dimitri's assistant": from the title
    return None
