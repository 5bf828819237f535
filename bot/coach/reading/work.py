"""What someone does, said in the other ways people say it: "works at Bolt in devrel", "works in finance at Aramco",
"Leo in sales", "he works in Petrobras like geologist", "she is engineer in Embraer", "heads model risk",
"runs the data team", "teaches piano", "(NIH program officer)", "CTO in small startup name 'datenwerk'"; and the words
that are no company however they are placed: a big city or a country ("a nurse in Leeds", "from Kraków"), a
nationality ("(German engineer)"), a field of work ("(Software engineer)").

Each reader takes a clause (its subject and "is" already read) and returns (role, company), either of which may be
"", or None when the clause does not say a job this way. Companies come back as typed; the caller trims them.
"""

from __future__ import annotations

import gzip
import importlib.resources
import re
import unicodedata
from functools import cache

from bot.coach.reading.lexicon import (
    _ACRONYM_ROLES,
    _EMOJI,
    _MONTH_WORDS,
    _ROLE_MODIFIERS,
    _ROLE_WORDS,
    FUNCTIONS,
    _set,
)
from bot.coach.reading.places import GAZETTEER, city_names
from bot.coach.reading.shorthand import _ACRONYMS, SECTORS
from bot.coach.reading.stopwords import NOT_NAMES
from bot.coach.reading.titles import a_title, doer, job_of_doing
from bot.coach.reading.verbs import is_inflected

# A team's field said after "in": "in devrel", "in HR", "in the finance team", "in PM".
_FIELD = r"(?:the\s+)?(?P<field>[\w&-]+)(?:\s+(?:team|dept|department))?"
_WORK = r"(?:works?|working|worked)"
# "works in finance at Aramco", "works in HR"
_WORK_IN_FIELD = re.compile(rf"{_WORK}\s+in\s+{_FIELD}(?:\s+(?:at|@|for|with)\s*(?P<org>.+))?$", re.I)
# "works at Bolt in devrel", "works @ jetbrains in devrel"
_WORK_AT_IN = re.compile(rf"{_WORK}\s+(?:at|@|for)\s*(?P<org>.+?)\s+in\s+{_FIELD}$", re.I)
# "works in Petrobras like geologist", "work on google as UX", "works @ mckinsey as an associate"
_WORK_AS = re.compile(
    rf"{_WORK}\s+(?:at|in|on|for|@)\s*(?P<org>.+?)\s+(?P<as>as|like)\s+(?:an?\s+|the\s+)?(?P<role>.+)$", re.I
)
# "work in SAP", "works on Nubank": a company said with a capital
_WORK_IN_ORG = re.compile(rf"{_WORK}\s+(?:in|on)\s+(?P<org>.+)$", re.I)
# "in sales", "in the finance team": the clause says only their team
_IN_FIELD = re.compile(rf"(?:new\s+)?in\s+{_FIELD}$", re.I)
# "interns part time at figma": an intern there
_INTERNS = re.compile(r"(?:interns|interning)\b(?:\s+[\w-]+){0,3}?\s+(?:at|@|for)\s*(?P<org>.+)$", re.I)
# "heads model risk at UBS", "runs the data team at Bolt": the head of it
_HEADS = re.compile(
    r"(?:(?:heads|heading)\s+|(?P<runs>runs|running|leads|leading)\s+(?=the\s))(?:the\s+)?(?P<what>[\w&-]+(?:\s+[\w&-]+){0,3}?)"
    r"(?:\s+(?P<prep>at|@|for|with)\s*(?P<org>.+))?$",
    re.I,
)
# The things a team or a unit is: "runs the robotics lab", "runs the data team"
_UNITS = _set("team lab group unit department dept desk office division squad practice program programme")
# "teaches piano", "teaches chemistry at Lincoln High"
_TEACHES = re.compile(
    r"(?:teaches|teach|teaching|taught)\s+(?P<what>[\w-]+(?:\s+[\w-]+)?)??(?:\s+(?P<prep>at|@|in|for)\s*(?P<org>.+))?$",
    re.I,
)
_NOT_TAUGHT = _set(
    "me us him her them you it kids children students people classes class lessons at in for on a an the there here"
)
# Words that say what kind of work a job is, not whose: "(Software engineer)", "(Data scientist)".
_JOB_FIELDS = FUNCTIONS | _set(
    """software data machine mechanical civil electrical chemical clinical medical dental legal product project
    program programme account business customer client content graphic web mobile cloud network systems test
    process creative art music film video travel social community investment venture wedding real estate
    mortgage insurance brand senior junior staff principal lead chief head executive technical tech backend
    frontend front back full fullstack devops platform infrastructure infra research sound game games interior
    landscape hr sales marketing finance ops operations design engineering school high primary english math
    maths science history chemistry physics biology art language piano music yoga dance fitness personal
    private public family general internal external associate assistant managing deputy regional national
    global freelance independent retired former new"""
)


def _field(word: str) -> bool:
    """ "devrel", "HR", "PM", "sales": a team's field or a job's name."""
    low = word.lower()
    return low in FUNCTIONS or low in _ROLE_WORDS or word in _ACRONYM_ROLES


BIG_CITY = 100_000  # "a lawyer in Leeds": a city this big is where they are, not where they work


@cache
def _places() -> frozenset[str]:
    """Big cities (GeoNames, as the time zone picker reads them) and countries (tzdata's ISO 3166 table), folded."""
    names = set(city_names()) | _set("uk us usa england scotland wales europe asia africa")
    for line in gzip.decompress(GAZETTEER.read_bytes()).decode().splitlines():
        fields = line.split("\t")
        if not line.startswith("#") and len(fields) > 4 and fields[4].isdigit() and int(fields[4]) >= BIG_CITY:
            names.add(fields[0].lower())
    names |= _countries()
    for country in _country_table():
        names.update(part.lower() for part in re.findall(r"\((.*?)\)", country))
    return frozenset(_fold(name) for name in names)


_TECH_TEAMS = _set("backend frontend fullstack full-stack infra infrastructure data mobile web platform devops ml ai")


def team_word(word: str) -> bool:
    """ "backend", "sales", "PM": what a team does, said of the people in it ("all backend", "both in sales")."""
    return _field(word) or word.lower() in _TECH_TEAMS


def _fold(name: str) -> str:
    """ "Kraków" -> "krakow": a place's name however its accents are typed."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))


def _not_a_city(org: str) -> bool:
    return _fold(org.strip(" .,!?")) not in _places()


def a_place(name: str) -> bool:
    """ "wellington", "Brazil", "São Paulo": a big city or a country."""
    return not _not_a_city(name)


# Words that end a company's name said after "in": how long, where, since when ("in IQVIA already 6 years")
_AFTER_A_COMPANY = _set("already since for from now there too in at on with as like and but so until till only also")


def company_after_in(org: str) -> str:
    """ "IQVIA already 6 years", "Siemens in Brno, electrical": the company said after "in" is its capitalised words,
    and one word at that (see company_typed); "" when there is none ("in Berlin", "in general")."""
    words: list[str] = []
    for word in org.split():
        if not word[:1].isupper():
            if word.lower().strip(".,;:!?") not in _AFTER_A_COMPANY and not word[:1].isdigit():
                return ""  # "on CRISPR screens", "in Okafor's lab": a name that says what the thing is
            break
        words.append(word.rstrip(".,;:!?)"))
        if word != words[-1] or word.lower().endswith(("'s", "’s")):
            break
    name = " ".join(words)
    if not name or name.lower().endswith(("'s", "’s")) or name.lower().rstrip(".") in _MONTH_WORDS:
        return ""  # "in Okafor's lab", "out in Sept"
    return name if company_typed(name) and not re.fullmatch(r"[QH][1-4]", name) else ""


def company_typed(org: str) -> bool:
    """ "SAP", "Embraer", "Itaú": a company said after "in"/"on", one word with a capital (not "in general", "in
    Berlin", "in Silicon Valley")."""
    words = org.split()
    return len(words) == 1 and words[0][:1].isupper() and _not_a_city(org) and words[0].lower() not in FUNCTIONS


# "got promoted to head buyer": the job they have now
_PROMOTED = re.compile(r"(?:(?:got|was|just|been|has\s+been)\s+)*promoted\s+to\s+(?:an?\s+|the\s+)?(?P<role>.+)$", re.I)
# "studying environmental science (at UCL)": a student of it
_STUDYING = re.compile(
    r"(?:studying|studies|studys|study)\s+(?P<what>[\w-]+(?:\s+[\w-]+){0,2}?)(?:\s+(?P<prep>at|@|in)\s*(?P<org>.+))?$",
    re.I,
)
_NOT_STUDIED = _set("for to with hard abroad now together at in on a an the my his her their it")


# "their company is takealot", "company: takealot"
_COMPANY_IS = re.compile(
    r"(?:(?:the|their|his|her|its)\s+)?(?:company|startup|employer)\s+(?:is|=|:)\s+(?P<org>[^'\"‘“].*)$", re.I
)
# "a small startup name 'datenwerk'", "her own practice 'ma design'": the business, by the name in quotes
NAMED_BUSINESS = re.compile(
    r"\b(?:startup|company|practice|firm|studio|agency|shop|chain|brand|business|store|bakery|cafe|café|label"
    r"|restaurant|clinic|co)\s+(?:(?:called|named|name|is)\s+)?['\"‘“](?P<org>[^'\"’”]{2,40})['\"’”]",
    re.I,
)
# "Univ of Lagos", "tehran uni", "boston consulting grp": the words of a company's name said whole
_NAME_SHORTHAND = {
    "univ": "University",
    "univ.": "University",
    "uni": "University",
    "grp": "Group",
    "intl": "International",
}


_FIRM_ENDS = re.compile(rf"\s*[;{_EMOJI}]")
_CLAUSE_WORDS = _set("when where while because but so if who which whom she he they shes hes theyre i we")
_NOT_A_DEED = _set("limited united incorporated integrated advanced applied associated allied")


def company_said(org: str) -> str:
    """A company's name with its shorthand said whole: "Univ of Lagos" -> "University of Lagos", "tehran uni" ->
    "tehran University"; "Uni Oslo", said first, stays as typed (it is how that name is written)."""
    words = org.split()
    if words[:1] and words[0].lower() in ("my", "our"):
        return ""  # "Hyunwoo from my KAIST", "from my batch": where the user was too, not where they work
    words = _FIRM_ENDS.split(org, 1)[0].split()  # "Vertex; we overlapped", "the childrens hospital 🏥 said"
    kind = next((k for k, w in enumerate(words[:3]) if w.lower() in _KINDS_OF_FIRM), -1)
    if 0 <= kind < len(words) - 1 and all(w.islower() for w in words[: kind + 1]) and words[kind + 1][:1].isupper():
        words = words[kind + 1 :]  # "small firm Tran & Associates", "a startup Ledgerly": the firm is its name
    for k, word in enumerate(words[1:], 1):
        if word in _CLAUSE_WORDS:
            words = words[:k]  # "Lincoln High when I taught there": a new clause
            break
        if word.islower() and not word.endswith(("s", "ing")) and word not in _NOT_A_DEED and is_inflected(word):
            words = words[:k]  # "at stripe went ok next round is design": a deed ends the firm's name
            break
    for k, word in enumerate(words):
        low = word.lower()
        if low in _NAME_SHORTHAND and not (low == "uni" and k == 0):
            words[k] = _NAME_SHORTHAND[low]
    return " ".join(words)


_KINDS_OF_FIRM = _set("firm company startup agency shop practice bank fund studio consultancy")
_NOT_FOR_WHOM = _set("free hire fun life now sale rent money cash charity good real")
# Nationalities and languages whose adjective is not the country's name grown ("French", "Dutch", "Greek")
_PEOPLES = _set(
    """french dutch swiss greek thai welsh irish scottish spanish polish danish swedish finnish turkish filipino
    british english portuguese norwegian icelandic arab arabic hebrew latin catholic jewish muslim christian
    hindu buddhist kiwi aussie"""
)


def a_people(word: str) -> bool:
    """ "German", "Brazilian", "Japanese", "French": who someone is (or a language), never a company."""
    low = word.lower()
    if low in _PEOPLES:
        return True
    if not low.endswith(("an", "ese", "ish", "i", "ic")):
        return False
    return any(len(place) >= 4 and low[:4] == place[:4] for place in _countries())


@cache
def _country_table() -> tuple[str, ...]:
    """Every country as tzdata's ISO 3166 table names it ("Bolivia (Plurinational State of)"), read once."""
    table = importlib.resources.files("tzdata").joinpath("zoneinfo", "iso3166.tab").read_text(encoding="utf-8")
    rows = (line for line in table.splitlines() if not line.startswith("#") and "\t" in line)
    return tuple(line.split("\t", 1)[1].strip() for line in rows)


@cache
def _countries() -> frozenset[str]:
    return frozenset(re.sub(r"\s*\(.*\)", "", country).strip().lower() for country in _country_table())


def a_company_word(word: str) -> bool:
    """ "ifood", "nubank": a word typed in lower case that can only be a name (not an everyday word, a field, a
    kind of company, a place or a plural)."""
    low = word.lower()
    return not (
        low in NOT_NAMES
        or low in _JOB_FIELDS
        or low in SECTORS
        or low in _NOT_FOR_WHOM
        or low in _TECH_TEAMS
        or low in _ACRONYMS
        or (low.endswith("s") and not low.endswith("ss"))
        or not _not_a_city(low)
        or a_people(low)
    )


def for_a_name(org: str) -> bool:
    """ "buyer for lotte mart": the company they buy for; not "for games", "for the team", "for hire", "for sales"."""
    words = org.lower().split()
    if not words or len(words) > 3 or words[0] in NOT_NAMES | _JOB_FIELDS | _NOT_FOR_WHOM:
        return False
    return not any(w.endswith("s") and not w.endswith("ss") for w in words) and _not_a_city(org)


# "does grant writing", "does VC", "doing sound design for games": the work they do, said as the job it names
_DOES_WORK = re.compile(
    r"(?:does|do|doing)\s+(?P<what>[\w-]+(?:\s+[\w-]+){0,2}?)(?:\s+(?P<prep>at|@|for|in|with)\s*(?P<org>.+))?$", re.I
)
# "roasts coffee in oakland", "volunteers at the food bank", "consults for Bain": a job said with its verb
_DOES_JOB = re.compile(
    r"(?P<verb>[a-z]+(?:s|es))(?P<what>(?:\s+(?!(?:at|for|in|with|on|to|and|but)\b)[\w-]+){0,2}?)"
    r"(?:\s+(?P<prep>at|@|for|in|with)\s*(?P<org>.+))?$"
)
_NOT_DONE = _set("it that this them him her me us you stuff things something everything a an the some my his her their")


def _job_done(text: str) -> tuple[str, str] | None:
    """What someone does for a living said with a verb (see _DOES_WORK and _DOES_JOB): (role, company) or None."""
    m = _DOES_WORK.match(text)
    if m:
        what = m.group("what").split()
        if what[0].lower() in _NOT_DONE:
            return None
        job = what[0] if len(what) == 1 and (what[0] in _ACRONYM_ROLES or what[0].lower() in _ROLE_WORDS) else ""
        job = job or job_of_doing(what)
        return (job, _org_for(m)) if job else None
    m = _DOES_JOB.match(text)
    job = doer(m.group("verb")) if m else ""
    if not m or not job or job in _ROLE_MODIFIERS:
        return None  # "forms for the school trip": a thing, not someone who forms
    what = m.group("what").split()
    if what and any(c.isdigit() for c in what[0]):
        return None  # "writes 25k checks", "sells 200 units": an amount, not a craft
    if what and a_title(" ".join([*what, job])):
        return " ".join([*what, job]), _org_for(m)  # "roasts coffee": a coffee roaster
    if what and a_title(" ".join([*what[-1:], job])):
        return " ".join([*what[-1:], job]), _org_for(m)
    # Said bare, the verb may be a pastime ("she knits", "grows tomatoes", "sells boats"); where or for whom they do
    # it makes it work ("volunteers at the shelter", "roasts in Oakland", "consults for Bain").
    return (job, _org_for(m)) if m.group("prep") else None


def _org_for(m: re.Match[str]) -> str:
    """The company after the job, but for no "for games" or "for nonprofits" (what they do it for)."""
    return _org(m) if (m.group("prep") or "").lower() != "for" or for_a_name(m.group("org")) else ""


def job_said_otherwise(text: str) -> tuple[str, str] | None:
    """The job or company a clause says in one of the ways above, or None."""
    m = _WORK_AT_IN.match(text)
    if m and _field(m.group("field")):
        return m.group("field"), m.group("org")
    m = _WORK_IN_FIELD.match(text)
    if m and _field(m.group("field")):
        return m.group("field"), m.group("org") or ""
    m = _WORK_AS.match(text)
    if m:
        role = m.group("role").strip(" .,!?")
        said = [w.lower() for w in role.split()[:1] + role.split()[-1:]]  # "like manager of product", "like geologist"
        if m.group("as").lower() == "as" or any(w in _ROLE_WORDS for w in said) or _is_acronym_role(role):
            return role, m.group("org")
    m = _WORK_IN_ORG.match(text)
    if m and company_after_in(m.group("org")):
        return "", company_after_in(m.group("org"))
    m = _IN_FIELD.match(text)
    if m and _field(m.group("field")):
        return m.group("field"), ""
    m = _HEADS.match(text)
    if m and (not m.group("runs") or m.group("what").split()[-1].lower() in _UNITS):
        return f"head of {m.group('what')}", _org(m)
    m = _INTERNS.match(text)
    if m:
        return "intern", m.group("org")
    m = _COMPANY_IS.match(text)
    if m:
        return "", m.group("org")
    m = _PROMOTED.match(text)
    if m:
        return m.group("role").strip(" .,!?"), ""
    m = _STUDYING.match(text)
    if m and m.group("what").split()[0].lower() not in _NOT_STUDIED:
        return f"{m.group('what')} student", _org(m)
    m = _TEACHES.match(text)
    if m:
        what = m.group("what") or ""
        if what.split() and what.split()[0].lower() in _NOT_TAUGHT:
            return None
        return f"{what} teacher".strip(), _org(m)
    return _job_done(text)


def _org(m: re.Match[str]) -> str:
    org = m.group("org") or ""
    return company_after_in(org) if (m.group("prep") or "").lower() == "in" else org


def _is_acronym_role(role: str) -> bool:
    return any(w in _ACRONYM_ROLES or w.lower() in ("ux", "ui", "qa", "seo", "hr") for w in role.split())


def company_then_job(inner: str) -> tuple[str, str] | None:
    """ "(NIH program officer)", "(Google engineer)", "(Stripe PM)": (role, company); None for "(Senior Engineer)",
    "(ML engineer)", "(Software engineer)", whose first words say what kind of job it is."""
    words = inner.split()
    k = 0
    for word in words:
        low = word.lower()
        if not word[:1].isupper() or low in _JOB_FIELDS or low in _ROLE_WORDS or low in _ROLE_MODIFIERS:
            break
        if word in _ACRONYM_ROLES or low in _ACRONYMS or not _not_a_city(word) or a_people(word):
            break
        k += 1
    rest = words[k:]
    if not k or not rest:
        return None
    if any(w[:1].isupper() and w not in _ACRONYM_ROLES for w in rest):
        return None  # "(Senior Engineer)": a job in title case
    last = rest[-1].lower().strip(".,")
    if last not in _ROLE_WORDS and last not in FUNCTIONS and rest[-1] not in _ACRONYM_ROLES:
        return None  # "(Meta partnerships)": the team is their job
    return " ".join(rest), " ".join(words[:k])
