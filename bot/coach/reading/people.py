"""The people a capture line names, and what stands right beside each name: a title, a role and company, a
relation ("her cofounder Mei"), who introduced them, where and when.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from bot.coach.reading.dates import day_at
from bot.coach.reading.given_names import is_given_name
from bot.coach.reading.lexicon import (
    _ABBREVIATIONS,
    _ACRONYM_ROLES,
    _AND_REL,
    _BREAKS,
    _CAPITAL_TITLES,
    _CHANNELS,
    _CONTEXT,
    _CONTROL,
    _DATE,
    _EVENT_NOUNS,
    _FAMILY,
    _FROM,
    _GAP,
    _GROUP,
    _INTRODUCED_US,
    _LEAD_JUNK,
    _LOWER_STOP,
    _MONTH_WORDS,
    _MY_RELATIVE,
    _MY_SOMEONE,
    _NAME_SEP,
    _NAMED,
    _NOT_INTRODUCERS,
    _NOT_ORGS,
    _NOT_PLACES,
    _OF_ORG_ROLES,
    _PAREN,
    _PARTICLES,
    _PHRASE_STOP,
    _PLACE_NOUNS,
    _POSSESSIVE_INTRO,
    _POSSESSIVE_REL,
    _PRONOUN_PARENS,
    _ROLE_LEAD,
    _ROLE_OF,
    _ROLE_SPLIT,
    _ROLE_WORDS,
    _SEGMENT_END,
    _SPACES,
    _STOP,
    _THE_ROLE_OF,
    _TIE,
    _TIME_OF_DAY,
    _TITLES,
    _TOKEN,
    _TRAILING_FILLER,
    _VIA,
    _WORDISH,
    FUNCTIONS,
    RELATIONS,
    _job_words_ok,
    _set,
    tie_role,
    works_with,
)
from bot.coach.reading.meeting import (
    MAX_NAME_CHARS,
    MAX_NAME_WORDS,
    MAX_PEOPLE,
    MAX_PHRASE_WORDS,
    MAX_TEXT,
    PersonMention,
)
from bot.coach.reading.mentions import could_be_a_name, described_as, first_person
from bot.coach.reading.stopwords import NOT_NAMES, is_not_a_name


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


_NICKNAME = re.compile(
    r"\s+(?:['\x22‘“][A-Z][\w-]{0,14}['\x22’”]|\([A-Z][\w-]{0,14}\))(?=\s+[A-Z]|\s*[,)]|\s+(?:is|was)\b)"
)


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
        if real == 0 and not title and (low in _TITLES or (low in _CAPITAL_TITLES and word[:1].isupper())):
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
        if low in _STOP or (typed_lower and low in _LOWER_STOP) or low.startswith("ex-"):
            break  # "kofi mensah ex-google": where they were, not their name
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
    titles = _TITLES | _CAPITAL_TITLES
    while words and (words[-1][0].lower() in _PARTICLES or words[-1][0].lower().rstrip(".") in titles):
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
        if not any(c.isalnum() for c in word) and word not in {"&", "@"}:
            break  # a dash, a "+", an emoji: the phrase is over
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


_ORG_AFTER_ROLE = re.compile(r"\s*(?:(?:at|@|with)\s+|w/\s*|@|(?:in|for)\s+(?=(?-i:[A-Z0-9])|\w*\d))", re.I)


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
    m = _ORG_AFTER_ROLE.match(s, k)
    if m:
        org, k2 = _scan_phrase(s, m.end(), _PHRASE_STOP | {"at", "@", "in", "on", "during", "with"})
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
    return org.lower() in _NOT_ORGS or (words[0] == "the" and words[-1] in _PLACE_NOUNS | _EVENT_NOUNS)


def _a_place(org: str) -> bool:
    """ "the devops meetup", "the 7:40 train", "the gym": where they were, not where they work."""
    words = org.lower().split()
    return len(words) > 1 and words[0] == "the" and words[-1] in _PLACE_NOUNS | _EVENT_NOUNS


_OWNER_TIE = re.compile(r"(?P<owner>[^\W\d_][\w\-]*)['’]s\s+" + _TIE, re.IGNORECASE)


def _apply_paren(inner: str, person: PersonMention) -> None:
    """ "(CTO, Globex)", "(product lead at Stripe)", "(Globex)", "(from Acme)"; not "(not that one lol)"."""
    parts = [p.strip() for p in inner.split(",") if p.strip()]
    tie = _OWNER_TIE.fullmatch(parts[0]) if parts else None
    if tie and _is_owner(tie.group("owner")):  # "Tariq (Zayn's dad)", "Jess from year 5 (Olly's mum)"
        person.link_to, person.link_as = _capitalise(tie.group("owner")), tie.group("rel").lower()
        parts = parts[1:]
        if not parts:
            return
    at = re.match(r"(?:at|@)\s*(?P<org>[^,]+)$", parts[0], re.I) if len(parts) == 1 else None
    if at:  # "Nkechi from legal (at vodafone)": the company; "legal" was the team
        if person.company.lower() in FUNCTIONS:
            person.role = person.role or person.company
        person.company = at.group("org")
        return
    if not parts or parts[0].lower() in _PRONOUN_PARENS:
        return
    if any(w.lower() in NOT_NAMES and w.lower() not in _ROLE_WORDS for w in parts[0].split()[:1]):
        return
    # "(ex-grainger, now VP sales at fastenal)", "(flutterwave alumni, now building ledgerly)": what they do now
    now = [re.sub(r"^(?:now|currently)\s+(?:building\s+|running\s+|at\s+|@\s*)?", "", p, flags=re.I) for p in parts]
    if len(parts) > 1 and any(p != q for p, q in zip(parts, now, strict=True)):
        parts = [q for p, q in zip(parts, now, strict=True) if p != q or not re.match(r"ex-|former\b|\w+\s+alumn", p)]
    parts = [p for p in parts if not re.match(r"(?:ex-|former\s|my\s|both\s+\w+$|married$)", p, re.I)] or parts
    first = re.sub(r"^from\s+", "", parts[0], flags=re.I)
    split = _split_role(first)
    if split:
        person.role = split[0]
        person.company = split[1] or (parts[1] if len(parts) > 1 else "") or person.company
    elif len(parts) > 1 and (parts[1].lower() in FUNCTIONS or _is_role(parts[1].split())) and not _is_role([first]):
        person.company, person.role = first, parts[1]
    elif len(parts) > 1 and not parts[1].lower().startswith(("my ", "our ", "the ")):
        person.role, person.company = first, parts[1]  # "(procurement, ikea)", "(key account, esselunga)"
    elif _is_role(first.split()[-1:]) or first.split()[-1:] == ["II"]:
        person.role = first  # "(UX writer)", "(SDE II)"
    else:
        person.company = first
    person.role, person.company = person.role[:MAX_NAME_CHARS], person.company[:MAX_NAME_CHARS]


# "ex-ustwo now at n26 as principal designer", ", ex-coupang now @ kurly", "ex-Google, now at Anthropic"
_NOW_AT = re.compile(
    r"\s*,?\s*(?:ex-|former\s+)[\w.&'’-]+(?:\s+[\w.&'’-]+)?\s*,?\s*(?:and\s+)?(?:now|currently)\s+(?:at|@|with|in)\s*"
    r"(?P<org>[\w.&'’-]+(?:\s+(?!as\b)[A-Z0-9][\w.&'’-]*)?)(?:\s+as\s+(?:an?\s+)?(?P<role>[\w-]+(?:\s+[\w-]+){0,2}))?",
    re.IGNORECASE,
)
# "nubank's design ops", "doctolib's TA team": a company, and the team they are in
_TEAM = re.compile(r"^(?P<org>[\w.&-]+)['’]s\s+(?P<role>[\w-]+(?:\s+[\w-]+)?)(?:\s+(?:team|dept))?$", re.I)


_OF_ORG = re.compile(
    r"\s+(?i:of)\s+(?i:the\s+)?(?P<org>(?i:(?!the\b|my\b|our\b|his\b|her\b))[\w&.'’-]+(?:\s+[A-Z][\w&.'’-]*)?)\b"
)
_ACRONYM_ORG = re.compile(r"\s*,\s*(?P<org>[A-Z][A-Z0-9&]{1,7})(?=\s*[,.;]|$)")


_FROM_STOP = _set("at @ in on during with is was says said")


def _scan_attributes(s: str, j: int, person: PersonMention) -> int:
    """Company and role right after a name: "(CTO, Globex)", "from Acme", ", head of design at Stripe"."""
    for _ in range(4):
        m = _PAREN.match(s, j)
        if m:
            _apply_paren(m.group(1), person)
            j = m.end()
            continue
        m = _NOW_AT.match(s, j)
        if m:  # "ex-google now at paystack (as head of talent)": where they are now
            person.company = m.group("org").strip()
            if m.group("role"):
                person.role = m.group("role").strip()
            j = m.end()
            continue
        m = _OF_ORG.match(s, j) or _ACRONYM_ORG.match(s, j)
        if m and not person.company:  # "Sr. Alvarez of the embassy", "Ravi + Mei Lin of kitepay", ", KAUST,"
            person.company, j = m.group("org"), m.end()
            continue
        m = _FROM.match(s, j)
        if m and not person.company:
            org, end = _scan_phrase(s, m.end(), _PHRASE_STOP | _FROM_STOP)
            team = _TEAM.match(org)
            if team:  # "from nubank's design ops", "from doctolib's TA team"
                person.company, j = team.group("org"), end
                person.role = person.role or team.group("role")
                continue
            if org and _not_an_org(org):
                if _a_place(org):
                    person.met_at = person.met_at or org
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
            template.role = tie_role(rel.group("rel"))
            found = _scan_name(s, rel.end(), None)
            joined.append("rel")
            continue
        sep = _NAME_SEP.match(s, j)
        found = _scan_name(s, sep.end(), None if lowered else False) if sep else None
        if found is not None and sep is not None and "," in sep.group(0) and not could_be_a_name(s, sep.end()):
            found = None  # "Mohammed Al-Rashid, KAUST, RL for robotics": a company, not a second person
        if found is None and sep is not None:  # "+ the hiring mgr Dr. Paul Weiss", ", treasurer Bogdan Ionescu"
            at = first_person(s, sep.end())
            described = described_as(s[sep.end() : at]) if at is not None else None
            if at is not None and described is not None:
                found, template.role = _scan_name(s, at, None), described
                sep = None  # not a list of names: "Dana + the hiring mgr Paul Weiss" are not both Weisses
        if found is not None and sep and "," in sep.group(0) and _CLAUSE_VERB.match(s, found.end):
            break  # "chidi & ada, chidi is a lawyer": a clause about someone already named
        joined.append(sep.group(0).strip() if sep else "")
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
    if len(people) > 1 and from_org and last.company and not any(p.company or p.role for p in people[:-1]):
        for person in people[:-1]:  # "Jonas + Ute from Zalando": both
            person.company = last.company
    return people, j, lowered


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
