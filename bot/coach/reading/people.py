"""The people a capture line names, one after another ("Jane, Tom and Ana", "Raj and his cofounder Mei", "the
Garcias (Luis & Marta)"), each with a title, and the ties said before a name ("Jane's husband Mark", "my neighbour
Bill"). What stands right beside a name (a role, a company) is read by jobs.py; the clauses after the names by
rest.py.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from bot.coach.reading.given_names import is_given_name
from bot.coach.reading.jobs import _is_role, _scan_attributes, plural_paren
from bot.coach.reading.lexicon import (
    _ACRONYM_ROLES,
    _AND_REL,
    _BREAKS,
    _CAPITAL_TITLES,
    _CONTROL,
    _DATE,
    _FAMILY,
    _FROM,
    _GROUP,
    _LEAD_JUNK,
    _LOWER_STOP,
    _MONTH_WORDS,
    _MY_SOMEONE,
    _NAME_SEP,
    _NAMED,
    _PAREN,
    _PARTICLES,
    _POSSESSIVE_REL,
    _REL_OF,
    _ROLE_WORDS,
    _SPACES,
    _STOP,
    _THE_ROLE_OF,
    _TITLES,
    _TOKEN,
    RANK_RETIRED,
    RANKS,
    RELATIONS,
    RESPECT_AFTER,
    _capitalise,
    _is_owner,
    tie_role,
    works_with,
)
from bot.coach.reading.meeting import (
    MAX_NAME_CHARS,
    MAX_NAME_WORDS,
    MAX_PEOPLE,
    MAX_TEXT,
    PersonMention,
)
from bot.coach.reading.mentions import could_be_a_name, described_as, first_person
from bot.coach.reading.stopwords import COMPANY_SUFFIXES, NOT_NAMES, is_not_a_name
from bot.coach.reading.verbs import is_a_word
from bot.coach.reading.work import a_people, a_place


def _clean(text: str) -> str:
    """NFC, no control or direction characters, single spaces; line breaks become clause breaks."""
    text = unicodedata.normalize("NFC", text[:MAX_TEXT])
    text = _CONTROL.sub("", text)
    text = _BREAKS.sub("; ", text)
    text = _HANDLE_THEN_NAME.sub(_name_then_handle, text)
    if "(" in text:
        text = RANK_RETIRED.sub(r"\1", text)  # "Lt Col (R) Annette Vo": the rank, then the name
    return _SPACES.sub(" ", text).strip(" ;")


# "@0xkira (kira tanaka)", "@pixelmaw (irl Tessa Lindqvist)", "@vlad_zk (vladimir petrov, head of ecosystem)": a
# handle, then who it is. Said name first ("kira tanaka, @0xkira,"), the name reads like any other, the handle kept.
_HANDLE_THEN_NAME = re.compile(
    r"(?<![\w@])@(?P<handle>[A-Za-z0-9_.]{2,30}?)\s*\(\s*(?:(?:irl|aka|a\.k\.a\.?|real\s+name)\b[:\s]*)?"
    r"(?P<name>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2})\s*(?P<end>[,)])"
)


def _name_then_handle(m: re.Match[str]) -> str:
    name, handle = m.group("name"), m.group("handle")
    if is_not_a_name(name.split()[0]):
        return m.group()  # "@acme (now hiring)": no one's name
    return f"{name}, @{handle}," if m.group("end") == ")" else f"{name}, @{handle} ("


class _Name(NamedTuple):
    name: str
    end: int
    lowered: bool  # typed in lower case: later names may be too
    title: str = ""  # "Dr", "Prof"


def _title(word: str) -> str:
    low = word.lower().rstrip(".")
    return {"professor": "Prof", "doctor": "Dr"}.get(low, _capitalise(low))


_NICKNAME = re.compile(
    r"\s+(?:['\x22‘“][^\W\d_][\w-]{0,14}['\x22’”]|\([A-Z][\w-]{0,14}\))(?=\s+[^\W\d_]|\s*[,)]|\s+(?:is|was)\b)"
)


# After a one-letter surname: where they are from or a stop ("Jen W from Walmart", "Sam K, PM at Brex").
_INITIAL_AFTER = re.compile(r"(?:\s+(?:from|frm|at|@|of)\b|\s*[,;(]|\s+[-–—]|\s*\.\s|\s*$)", re.IGNORECASE)
_HONORIFIC_AFTER = re.compile(rf"\s+{RESPECT_AFTER}(?![\w'’])")  # "Nandan sir": respect said after the name
# After "de", "del", "de la": a farm, a church, a hotel, a firm, not more of the name.
_A_PLACE_AFTER = re.compile(
    r"(?:\s+(?:la|los|las|el))?(?:\s+[A-Z][\w'’&-]*){0,3}?\s+(?:Farms?|Iglesia|Church|Hotel|Hospital|Bakery|Panader[ií]a"
    r"|Restaurante?|Market|Mercado|Inc|LLC|Ltd|Co|Group|Studio|School|Escuela|Colegio|Universidad|University|Cl[ií]nica"
    r"|Clinic|Hilton|Marriott|Hyatt|Sheraton|Construction|Constructora|Realty|Properties|Builders|Homes|Consulting"
    r"|Partners|Capital|Solutions|Logistics|Foods|Media|Labs?|Insurance|Dental)\b"
)
_HONOURED = re.compile(r"-(?:san|sama|kun|chan|sensei|senpai)$", re.IGNORECASE)


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
        nick = _NICKNAME.match(s, j) if real else None
        if nick:  # "Siddharth 'Sid' Rao", "Stanisław (Stan)": the name goes on after the nickname
            j = nick.end()
        m = _TOKEN.match(s, j)
        if not m:
            break
        word, dot = m.group(1), m.group(2) or ""
        low = word.lower()
        if real == 0 and low == "sr" and not dot and not title and re.match(r"\s+[a-z]", s[m.end() :]):
            return None  # "kofi mensah, sr ds @ chime": senior, no one's title
        rank = low.rstrip(".") in RANKS and word[:1].isupper() and (not title or title.lower() in RANKS)
        if real == 0 and (rank or (not title and (low in _TITLES or (low in _CAPITAL_TITLES and word[:1].isupper())))):
            said = word.rstrip(".") if rank and word.isupper() and len(word) > 1 else _title(low)
            title = f"{title} {said}" if title else said  # "Lt Col"
            j = m.end()
            continue
        whole_name_next = _GIVEN_AND_SURNAME_NEXT.match(s, m.end()) if low in _OFFICE_OR_NAME else None
        if real == 0 and not title and word[:1].isupper() and whole_name_next and is_given_name(whole_name_next[1]):
            title, j = word, m.end()  # "Dean Carolyn Ames": her office; "Dean Smith" is still Dean
            continue
        typed_lower = word[0].islower()
        if real == 0 and typed_lower and low in _SAID_BEFORE_A_NAME and _A_WORD_NEXT.match(s, m.end()):
            j = m.end()  # "call w/ prospective client dana lee", "potential sponsor lena": who they are, then the name
            continue
        if real == 0 and not title and low in _KIN_RESPECT and _A_CAPITAL_NEXT.match(s, m.end()):
            title, j = word, m.end()  # "meet anh Tuấn Nguyễn", "bác Hải": respect, no part of the name
            continue
        if real and len(low) == 1 and not dot and _INITIAL_AFTER.match(s, m.end(1)) and words[-1][0][:1].isupper():
            words.append((word.upper(), m.end(1)))  # "Jen W from Walmart", "jon w from acme": an initial
            break
        if typed_lower and (low in NOT_NAMES or _DATE.match(s, m.start(1)) or _CONTRACTED.search(low)):
            break  # "met sam yday", "met sam great chat", "told priscilla we'd counter"
        if real and (word == "I" or (_CONTRACTED.search(low) and low[:1] in "iwyst")):
            break  # "Told Priya I'd answer by 3/20", "Sam We'll": the next clause's subject, no surname
        # "thanks to Sam's intro": the name is "Sam" and ends there.
        possessive = len(word) > 3 and low.endswith(("'s", "’s"))
        if possessive:
            word, low = word[:-2], low[:-2]
        if real and _HONORIFIC_AFTER.match(" " + word):
            break  # "Hyunwoo 선배": respect said after the name
        honour = _HONOURED.search(word) if "-" in word else None
        if honour and honour.start() > 1:  # "his wife Yuki-san", "Kowalski-sensei": respect, no part of the name
            word, low = word[: honour.start()], low[: honour.start()]
            possessive = True  # the name ends here
        if "-and-" in low or "-n-" in low:
            return None  # "Lunch-and-learn at Mercy Health", "Meet-n-greet": an event, no one's name
        if low in _STOP or (typed_lower and low in _LOWER_STOP) or low.startswith("ex-"):
            break  # "kofi mensah ex-google": where they were, not their name
        if low.rstrip(".") in COMPANY_SUFFIXES and word[:1].isupper():
            return None  # "Ferris LLP": a firm
        if title and not real and low in _ROLE_WORDS and not is_given_name(word):
            return None  # "she is Sr. Manager at Persistent": senior, no one's title
        if low in _MONTH_WORDS and _DATE.match(s, m.start(1)):
            break
        if real and low in _ROLE_WORDS and (word in _ACRONYM_ROLES or re.match(r"\s+(?:at|of|@)\s", s[m.end() :])):
            break  # "Jane Doe CTO at Globex": the role starts here
        if real > 1 and word.isupper() and len(word) > 1 and not any(w.isupper() for w, _ in words):
            break  # "Rick Salazar IBEW": capitals after a first and last name name where they are ("Jean DUPONT" stays)
        if real and low in _PARTICLES and _A_PLACE_AFTER.match(s, m.end()):
            break  # "Jo de Sunny Acres Farm", "Gabriela Ruiz de la Iglesia San José": where they are from
        if typed_lower:
            if real == 0:
                if lower_ok is False:
                    break
                lowered = True
            elif low not in _PARTICLES and not lowered:
                break
        if lowered and real >= 3:
            break
        second = words[-1][0].lower() if words else ""
        surname = second not in _PARTICLES and not is_given_name(second)  # "jon ortiz": a third word typed in lower
        if lowered and typed_lower and real == 2 and low not in _PARTICLES and surname:  # case ends it ("ux lead");
            break  # "mary jane smith" goes on
        if real >= 2 and low == "y":  # "Tony Marrero y Gaby Soto": two people ("Ortega y Gasset" is one name)
            after = re.match(r"\s+([^\W\d_][\w'’-]*)", s[m.end() :])
            if after and is_given_name(after.group(1).lower()):
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
    titles = _TITLES | _CAPITAL_TITLES | RANKS
    while words and (words[-1][0].lower() in _PARTICLES or words[-1][0].lower().rstrip(".") in titles):
        if len(words) > 1 and not lowered and words[-1][0][:1].isupper() and words[-1][0].lower() in _PARTICLES:
            break  # "Priya Das", "Tuan Le": a surname typed with its capital
        words.pop()  # "Jane de" or a lone "Dr." is not a name
    if not words or all(is_not_a_name(w) for w, _ in words):
        return None  # "Grabbed Coffee", "Hi", "Thanks": never a person
    if words[0][0] in _ACRONYM_ROLES and (title or (len(words) > 1 and not is_given_name(words[1][0]))):
        return None  # "Sr PM at Spotify", "(Zocdoc, VP Prod)", "CMO Harborview": a job, no one called VP
    if len(words) > 1 and not title and _a_group_or_a_place(words[0][0], words[1][0]):
        return None  # "Vietnamese American Chamber of Commerce", "Hong Kong City Mall": no one is called that
    heading = len(words) == 1 and not title and not s[:i].strip() and _DASH_AFTER.match(s, words[0][1])
    if heading and a_place(words[0][0]) and not is_given_name(words[0][0]):
        return None  # "Akron - Summit Pulmonary. Dr. Hsu ...": a city heading the line ("Khanna" can be a surname)
    name = " ".join(w for w, _ in words)
    end = words[-1][1]
    said_after = _HONORIFIC_AFTER.match(s, end)
    if said_after:  # "Nandan sir", "Lakshmi ma'am", "Sharma ji": respect said after the name, no part of it
        end = said_after.end()
    if name.isupper() and len(name) > 3:  # typed with caps lock: "JANE DOE" -> "Jane Doe"
        name = " ".join(_capitalise(w) for w in name.lower().split())
    if len(name) > MAX_NAME_CHARS:
        name = name[:MAX_NAME_CHARS].rsplit(" ", 1)[0] or name[:MAX_NAME_CHARS]
    return _Name(name, end, lowered, title)


# Words typed in lower case before a name that say who they are to the user: skipped to the name.
_SAID_BEFORE_A_NAME = frozenset({"potential", "prospective", "possible", "future", "client", "sponsor"})
# Respect said in lower case before a capitalised name in Vietnamese: "anh Tuấn" (older brother), "bác Hải" (uncle).
_KIN_RESPECT = frozenset({"anh", "chị", "cô", "chú", "bác", "ông", "bà"})


# Offices that are given names too: a title only before a given name and a surname ("Dean Carolyn Ames").
_OFFICE_OR_NAME = frozenset({"dean", "provost", "chancellor", "principal", "bishop"})
_GIVEN_AND_SURNAME_NEXT = re.compile(r"\s+((?-i:[A-Z])[\w'’-]+)\s+(?-i:[A-Z])[\w'’-]+")
_POSSESSIVE_BEFORE = re.compile(r"\b(?:his|her|their|su)\s", re.IGNORECASE)
_DASH_AFTER = re.compile(r"\s+[-–—]\s")
_A_WORD_NEXT = re.compile(r"\s+[^\W\d_]")
_A_CAPITAL_NEXT = re.compile(r"\s+(?-i:[A-Z])")
_A_LETTER = re.compile(r"[^\W\d_]")


def _a_group_or_a_place(first: str, second: str) -> bool:
    """ "Vietnamese American", "Hong Kong": words that open the name of a group, a place or an organisation. A
    people's name first ("Jordan", "Christian") that is also a given name can still be someone's."""
    if not (first[:1].isupper() and second[:1].isupper()):
        return False  # "anh tuấn": typed in lower case, read as a name
    if not is_given_name(first) and a_people(first):
        return True
    return a_place(f"{first} {second}")


_CONTRACTED = re.compile(r"['’](?:d|ll|re|ve|m)$|n['’]t$")  # "we'd", "she'll", "don't": never a name's word


def tie_of_a_person(rel: str, owner: str) -> bool:
    """ "the father of Leonie", "the manager of Jo": a tie to a person; "the founder of Loom" is a job at a company."""
    last = rel.lower().split()[-1] if rel.split() else ""
    if last not in RELATIONS or not _is_owner(owner):
        return False
    return not tie_role(rel) or is_given_name(owner.split()[0])


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
            person.role = person.role or tie_role(m.group("rel") or "")  # "my landlord mr. Feng", "my student Mo"
            i = m.end()
            continue
        m = _REL_OF.match(s, i)
        if m and tie_of_a_person(m.group("rel"), m.group("owner")):
            person.link_to, person.link_as = m.group("owner"), m.group("rel").lower()
            person.role = person.role or tie_role(m.group("rel"))
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
            if _is_owner(m.group("owner")) and (m.group("other") is None or _is_owner(m.group("other"))):
                owner = m.group("other") or m.group("owner")  # "Ken & Marge's daughter": Ken's (and Marge's)
                owner = _capitalise(owner) if owner.islower() else owner
                person.link_to = f"{_capitalise(m.group('title'))} {owner}" if m.group("title") else owner
                person.link_as = m.group("rel").lower()
                person.role = person.role or tie_role(m.group("rel"))
            i = m.end()
            if s[i : i + 1] == "(":  # "Scarlett's dad (Tom Hughes) is a plumber"
                i += 1
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


# "Ravi + Mei Lin of kitepay", "(married, both designers at swiggy)": said of everyone named before
_OF = re.compile(r"\s+of\s", re.IGNORECASE)
_BOTH = re.compile(r"\(\s*(?:[^()]*,\s*)?(?:both|all)\s", re.IGNORECASE)


def _scan_people(s: str, i: int) -> tuple[list[PersonMention], int, bool]:
    """ "Jane, Tom (CTO, Globex) and Ana from Acme" -> three people, the end offset, and lower-case typing.

    Also "Raj and his cofounder Mei" (Mei is linked to Raj), lead-ins such as "Jane's husband Mark", "Bill and Nancy
    Hartley" (both Hartleys) and "the Garcias (Luis & Marta)".
    """
    i = _LEAD_JUNK.match(s, i).end()  # type: ignore[union-attr]  # always matches
    lead = PersonMention("")
    i, team = _scan_lead_ins(s, i, lead)
    family = _FAMILY.match(s, i)
    surname = ""
    if family:
        surname = family.group("name") or family.group("plural")
        i = family.end()
    first = _scan_name(s, i, None)
    if not first:
        return [], i, False
    lowered = first.lowered
    people: list[PersonMention] = []
    found: _Name | None = first
    template = lead
    joined: list[str] = []  # the word that joined each person to the one before ("and", ",")
    told_who = False  # who someone is was said between two names ("marcus + potential sponsor lena")
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
        _whole_name_in_brackets(s, found.end, person)
        paren = _PAREN.match(s, found.end)
        shared = bool(_BOTH.search(s, found.end, j) or (paren and plural_paren(paren.group(1))))  # "(cofounders of X)"
        from_org = bool(_FROM.search(s, found.end, j) or _OF.match(s, found.end, j) or shared)
        people.append(person)
        if len(people) >= MAX_PEOPLE:
            break
        template = PersonMention("")
        rel = _AND_REL.match(s, j)
        word = rel.group("rel").split()[-1] if rel else ""
        capital_next = rel is not None and bool(_A_CAPITAL_NEXT.match(s, rel.end("rel")))
        named = rel is not None and (is_given_name(word) or (capital_next and not is_a_word(word.lower())))
        if rel and word[:1].isupper() and named and not _POSSESSIVE_BEFORE.search(rel.group(0)):
            rel = None  # "Rachel Finn + Dev Malhotra": a name, not "+ her dev"
        if rel:
            their = re.search(r"\btheir\s", rel.group(0), re.IGNORECASE)  # "their son": of the first of them
            template.link_to = people[0].name if their else person.name
            template.link_as = rel.group("rel").lower()
            template.role = tie_role(rel.group("rel"))
            found = _scan_name(s, rel.end(), None)
            joined.append("rel")
            continue
        sep = _NAME_SEP.match(s, j)
        found = _scan_name(s, sep.end(), None if lowered else False) if sep else None
        if found is not None and sep is not None and "," in sep.group(0) and not could_be_a_name(s, sep.end()):
            found = None  # "Mohammed Al-Rashid, KAUST, RL for robotics": a company, not a second person
        if found is not None and sep is not None and _firm_goes_on(s, sep, found, person):
            person.company = f"{person.company} & {found.name}"  # "partner at Hollis & Kane, does employment law"
            j, found = found.end, None
        if found is None and sep is not None:  # "+ the hiring mgr Dr. Paul Weiss", ", treasurer Bogdan Ionescu"
            at = first_person(s, sep.end())
            described = described_as(s[sep.end() : at]) if at is not None else None
            if at is not None and described is not None:
                found, template.role = _scan_name(s, at, None), described
                sep = None  # not a list of names: "Dana + the hiring mgr Paul Weiss" are not both Weisses
        if found is not None and sep and "," in sep.group(0) and _CLAUSE_VERB.match(s, found.end):
            break  # "chidi & ada, chidi is a lawyer": a clause about someone already named
        named_again = found is not None and any(p.name.casefold() == found.name.casefold() for p in people)
        if named_again and sep is not None and "," in sep.group(0):
            break  # "Ilse & Joost (buyers), Joost sends prices": a clause about someone named ("Sam and Sam": two)
        between = s[sep.end() : found.end - len(found.name)] if sep is not None and found is not None else ""
        said_who = bool(_A_LETTER.search(between))  # "marcus + potential sponsor lena hoffmann": not a couple
        told_who = told_who or said_who  # nor a team from one firm
        joined.append("" if said_who else sep.group(0).strip() if sep else "")
    if surname:  # "the Garcias (Luis & Marta)": each of them a Garcia
        for person in people:
            if len(person.name.split()) == 1:
                person.name = f"{person.name} {surname}"
        j = _after_paren(s, j)
    _share_surname(people, joined)
    for person in people:  # "Aisha & her cofounder Omar (Fable)": cofounders share the company
        partner = next((p for p in people if p.name == person.link_to), None)
        if partner is not None and works_with(person.link_as):
            partner.company = partner.company or person.company
            person.company = person.company or partner.company
    last = people[-1]
    alone = not any(p.company or p.role for p in people[:-1])
    if len(people) > 1 and from_org and last.company and not told_who and alone:
        for person in people[:-1]:  # "Jonas + Ute from Zalando", "Ravi + Mei Lin of kitepay": both
            person.company = last.company
            person.role = last.role if shared or _BOTH.search(s, 0, j) else person.role  # "(both designers at swiggy)"
    return people, j, lowered


_BRACKET_NAME = re.compile(r"\s*\(\s*")


def _whole_name_in_brackets(s: str, at: int, person: PersonMention) -> None:
    """ "Big Ray (Ray Mendez, Mendez Meats)", "Kat (Katarzyna Nowak)", "Doc (Dr. Anil Rao)": a nickname, then the
    whole name in brackets, which is the name kept. Only when the bracket says a name (a title, or a first name and
    a surname) that goes with the nickname (a word of one starts a word of the other, or a title is said): "Priya
    (Morgan Stanley)" is a firm."""
    m = _BRACKET_NAME.match(s, at)
    if m is None:
        return
    full = _scan_name(s, m.end(), False)
    if full is None or not re.match(r"\s*[,)]", s[full.end :]):
        return
    if full.name.casefold().startswith(person.name.casefold() + " ") and len(person.name.split()) > 1:
        person.company = person.company or s[m.end() : full.end].strip()  # "Tasha Green (Tasha Green Events)"
        return
    words = full.name.split()
    surname = person.name.split()
    if len(words) == 1 and len(surname) == 1 and person.title and is_given_name(words[0]):
        typed = s[m.end() : full.end]  # "Dr. Hsu (Grace)": her first name, said after her title and surname
        person.company = "" if person.company == typed else person.company
        person.name = f"{full.name} {person.name}"
        return
    if len(words) < 2 or not (full.title or is_given_name(words[0])) or any(is_not_a_name(w) for w in words):
        return
    nick = [w.casefold() for w in person.name.split()]
    said = [w.casefold() for w in words]
    if not (full.title or any(len(n) > 1 and w.startswith(n) for n in nick for w in said)):
        return
    typed = s[m.end() : full.end]
    person.role = "" if person.role == typed or person.role == full.name else person.role
    person.company = "" if person.company in (typed, full.name) else person.company
    person.name, person.title = full.name, full.title or person.title


def _firm_goes_on(s: str, sep: re.Match[str], found: _Name, person: PersonMention) -> bool:
    """ "partner at Hollis & Kane, does ...": a firm of two names said with "at", the second a word alone before a
    stop; "Ana at Acme & Ben from Globex" names Ben."""
    if sep.group(0).strip() != "&" or not person.company or len(found.name.split()) != 1:
        return False
    if found.name.lower() in _FIRM_PARTS:  # "Minh Tran from Tran & Associates (Lan boss)": no one called Associates
        return True
    at = re.search(r"(?:\bat|@|\bfrom)\s+" + re.escape(person.company) + r"\s*$", s[: sep.start()], re.IGNORECASE)
    return at is not None and re.match(r"\s*(?:[,.;:!?)]|$)", s[found.end :]) is not None


_FIRM_PARTS = frozenset({"associates", "partners", "sons", "co", "company", "brothers", "bros", "daughters"})


def _after_paren(s: str, j: int) -> int:
    m = re.match(r"\s*\)", s[j:])
    return j + m.end() if m else j


def _share_surname(people: list[PersonMention], joined: list[str]) -> None:
    """ "Bill and Nancy Hartley", "Rajesh & Sunil Agarwal": a first name alone before "and" shares the surname."""
    for k in range(len(people) - 1):
        one, two = people[k], people[k + 1]
        alone = len(one.name.split()) == 1 and not (one.link_to or one.company or one.role)
        if joined[k : k + 1] and joined[k].lower() in ("and", "&", "+") and alone:
            words = two.name.split()
            if len(words) == 2 and is_given_name(words[0]) and not is_given_name(words[1]) and not two.link_to:
                one.name = f"{one.name} {words[1]}"
