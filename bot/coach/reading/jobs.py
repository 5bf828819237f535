"""A person's job and company as typed beside their name: "(CTO, Globex)", ", head of design at Stripe", "from
nubank's design ops", "ex-google now at paystack", "(procurement, ikea)", "of the embassy", ", KAUST,"; and where they
were when it is said like a company ("from the devops meetup").
"""

from __future__ import annotations

import re

from bot.coach.reading.given_names import is_given_name
from bot.coach.reading.lexicon import (
    _ABBREVIATIONS,
    _ACRONYM_ROLES,
    _DATE,
    _EVENT_NOUNS,
    _FROM,
    _NOT_ORGS,
    _OF_ORG_ROLES,
    _PAREN,
    _PHRASE_STOP,
    _PLACE_NOUNS,
    _PRONOUN_PARENS,
    _ROLE_LEAD,
    _ROLE_OF,
    _ROLE_SPLIT,
    _ROLE_WORDS,
    _TIE,
    _TRAILING_FILLER,
    _WORDISH,
    FUNCTIONS,
    OFFICES,
    OWNER_TITLES,
    _capitalise,
    _is_owner,
    _job_words_ok,
    _set,
    tie_role,
)
from bot.coach.reading.meeting import (
    MAX_NAME_CHARS,
    MAX_PHRASE_WORDS,
    PersonMention,
)
from bot.coach.reading.places import CITY_ALIASES
from bot.coach.reading.shorthand import company_name
from bot.coach.reading.stopwords import NOT_NAMES, VERB_FORMS
from bot.coach.reading.titles import a_job_word
from bot.coach.reading.verbs import is_a_word
from bot.coach.reading.ways import MEAL_WORDS
from bot.coach.reading.work import (
    _JOB_FIELDS,
    _UNITS,
    a_company_word,
    a_people,
    a_place,
    company_then_job,
    company_typed,
    for_a_name,
    team_word,
)


def _is_role(words: list[str]) -> bool:
    """A job word among ``words``, shorthand too ("research sci", "purchasing mgr")."""
    return any(w.lower().strip(".,") in _ROLE_WORDS or _JOB_SHORTHAND.get(w.lower()) in _ROLE_WORDS for w in words)


_SAID = _set("said says told tells gave gives sent sends met got made took wrote")


def _scan_phrase(
    s: str, j: int, stop: frozenset[str], keep: frozenset[str] = frozenset(), done: bool = False
) -> tuple[str, int]:
    """Words from ``j`` up to a separator, a date or a stop word; trailing "and"/"at"/"the" are left out.

    ``done``: a past tense ends the phrase too ("from the linkedin booth offered to ...")."""
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
        if done and words and word.islower() and (low in _SAID or (low.endswith("ed") and low in VERB_FORMS)):
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


def _an_org_name(org: str) -> bool:
    """ "BBVA", "Wipro", "Deutsche Bank": a name typed with its capital, that is no field ("Marketing", "Product",
    "Engineering") and no common word ("Economics", "Staff", "School")."""
    first = org.split()[0] if org.split() else ""
    low = first.lower()
    return first[:1].isupper() and low not in FUNCTIONS and low not in NOT_NAMES and a_company_word(low)


def _split_role(text: str) -> tuple[str, str] | None:
    """ "head of design at Stripe" -> ("head of design", "Stripe"); "CEO of Acme" -> ("CEO", "Acme")."""
    m = _ROLE_SPLIT.match(text)
    if m and _is_role(m.group("role").split()):
        return m.group("role"), m.group("org")
    m = _ROLE_OF.match(text)
    if m and m.group("role").split()[-1].lower() in _OF_ORG_ROLES:
        return m.group("role"), m.group("org")
    if m and _is_role(m.group("role").split()[-1:]) and _an_org_name(m.group("org")):
        return m.group("role"), m.group("org")  # "HR of BBVA", "Director of Wipro": the company, not the field
    m = _ROLE_FOR.match(text)
    if m and _is_role(m.group("role").split()[-1:]) and for_a_name(m.group("org")):
        return m.group("role"), m.group("org")  # "buyer for lotte mart"
    if _is_role(text.split()[:1]) or _is_role(text.split()[-1:]):
        said = re.sub(r"^(?:an?|the)\s+", "", text, flags=re.I)
        before = company_then_job(said)  # "Gartner analyst", "Kellogg prof"
        if before is not None and not (_a_firm_s_name(before[1].split()) and before[0][:1].isalpha()):
            before = None  # not "Fernweh - agentic procurement"
        return before or _job_then_company(said) or (said, "")
    return None


def a_job_s_word(word: str) -> bool:
    """ "Senior", "Clinical", "Director", "Counsel", "Dir.": a word of a job's title (a role, a field, shorthand)."""
    low = word.lower().rstrip(".,")
    return low in _ROLE_WORDS or low in FUNCTIONS or low in _JOB_SHORTHAND or low in _JOB_FIELDS


def _a_firm_s_name(words: list[str]) -> bool:
    """ "Gartner", "HubSpot", "Harborview": words that can only be a firm's name where a job is said beside them (not
    a dictionary word like "Agile" or "Analytics", a field, initials like "AR" or "SBA", "II", "Sr.", a given name),
    or a company the shorthand table knows."""
    if not words or is_given_name(words[0]) or a_place(" ".join(words)):
        return False
    said = " ".join(words)
    if company_name(said) != said[:1].upper() + said[1:]:
        return True  # a company the shorthand table spells ("KPMG", "IBM")
    for word in words:
        low = word.lower()
        if not word[:1].isupper() or word.endswith(".") or (word.isupper() and len(word) <= 4) or a_people(word):
            return False
        if a_job_s_word(word) or is_a_word(low):
            return False
        if low.endswith(("ics", "ing", "ment", "ness", "ity", "tion", "sion", "ance", "ence")):
            return False
    return True


def _job_then_company(text: str) -> tuple[str, str] | None:
    """ "CMO Harborview", "COO Brightline", "VP Product HubSpot": a job, then the company's name with its capital (a
    name no dictionary knows, so not "PM Payments" or "Director Analytics"); (role, company) or None."""
    words = text.split()
    if len(words) < 2 or not _is_role(words[:1]) or words[0].endswith("."):
        return None  # "Prof. Kwame Das": a title, then a name
    k = len(words)
    while k > 1 and _a_firm_s_name(words[k - 1 : k]):
        k -= 1
    if k == len(words) or not _a_firm_s_name(words[k:]) or any(is_given_name(w) for w in words[1:k]):
        return None  # "Cofounder Ruth Feld": a job, then a person
    return " ".join(words[:k]), " ".join(words[k:])


_DOES = _set("heads heading teaches teach works work working")  # "heads model risk at UBS": read as a clause
_HIRING_JOB = re.compile(r"hiring\s+(?:mgr|manager|lead|partner)\b", re.I)
_ROLE_FOR = re.compile(r"^(?:an?\s+|the\s+)?(?P<role>.+?)\s+for\s+(?P<org>[a-z].*)$")
_FOR_NAME = re.compile(r"\s*for\s+(?=[a-z])")
_ORG_AFTER_ROLE = re.compile(r"\s*(?:(?:at|@|with)\s+|w/\s*|@|(?:in|for)\s+(?=(?-i:[A-Z0-9])|\w*\d))", re.I)
# "postdoc in the Okafor lab", "engineer in the Payments team": a named unit is where they work (the company's, when
# one follows: "in the Payments team at Adyen")
_IN_UNIT = re.compile(
    r"\s*in\s+the\s+(?=(?-i:[A-Z])[\w&.'’-]*(?:\s+(?-i:[A-Z])[\w&.'’-]*){0,2}\s+"
    rf"(?:{'|'.join(sorted(_UNITS))})\b)",
    re.I,
)


def _scan_role(s: str, j: int, clause: bool = False) -> tuple[str, str, int] | None:
    """A job after a name, "<role>[ at <org>]" (after a comma or not): (role, company, end), or None.

    ``clause``: the role stands as its own clause ("Jane at PyCon, founder at Tiny Co"), as if after a comma.
    """
    lead = _ROLE_LEAD.match(s, j)
    if not lead:
        return None
    start = lead.end()
    hiring = _HIRING_JOB.match(s, start)  # "hiring mgr @ bytedance": a job, not "she's hiring"
    # One "at" belongs to the role ("CTO at Globex"); a second one starts the place ("... at PyCon").
    keep = _set("hiring") if hiring else _set("")
    head, k = _scan_phrase(s, start, _PHRASE_STOP | {"at", "@", "in", "on", "during"}, keep)
    if not head or len(head.split()) > 6 or not _job_words_ok(head.split()) or head.split()[0].lower() in _DOES:
        return None  # "chidi is a lawyer", "obsessed with sourdough": a clause, not a job
    org = ""
    unit = _IN_UNIT.match(s, k)
    if unit:
        org, k = _scan_phrase(s, unit.end(), _PHRASE_STOP | {"at", "@", "in", "on", "during", "with"})
    m = _ORG_AFTER_ROLE.match(s, k) or _FOR_NAME.match(s, k)
    if m and unit and not m.group(0).strip().lower().startswith(("at", "@")):
        m = None
    if m:
        org, k2 = _scan_phrase(s, m.end(), _PHRASE_STOP | {"at", "@", "in", "on", "during", "with"})
        if m.group(0).strip().lower() == "in" and not company_typed(org):
            org = ""  # "a notary in Bonn": where they work, not for whom
        if m.re is _FOR_NAME and not for_a_name(org):
            org = ""  # "designer for games", "lawyer for startups": what they do, not for whom
        if _a_place(org):
            org = ""  # "Gary Whitman CPA at the Frisco Chamber breakfast": where they met, not where they work
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


_JOB_FROM = re.compile(r"^(?:an?\s+|the\s+)?(?P<role>[\w-]+(?:\s+[\w-]+){0,2})\s+(?:from|frm)\s+(?P<org>.+)$", re.I)
_OWNER_TIE = re.compile(r"(?P<owner>[^\W\d_][\w\-]*)['’]s\s+" + _TIE, re.IGNORECASE)


def _one_of_them(part: str) -> str:
    """ "both designers at swiggy" -> "designer at swiggy", "cofounders of Lumen" -> "cofounder of Lumen", "both from
    Freshworks devrel" -> "from Freshworks devrel": what each of them is."""
    part = re.sub(r"^(?:both|all)\s+(?=\S+\s)", "", part, flags=re.IGNORECASE)
    words = part.split()
    for k, word in enumerate(words):
        if word.lower() in ("of", "at", "@", "from", "with", "in", "for"):
            break
        single = _singular_job(word)
        if single:
            words[k] = single
    return " ".join(words)


def _singular_job(word: str) -> str:
    """ "cofounders" -> "cofounder", "reps" -> "rep", "architects" -> "architect"; "" for a word that is no job's
    plural ("sales", "ops", "devrel")."""
    low = word.lower()
    if low in _ROLE_WORDS or not low.endswith("s") or low.endswith("ss"):
        return ""
    for cut in (1, 2):
        if low[:-cut] in _ROLE_WORDS and (cut == 1 or low.endswith("es")):
            return word[:-cut]
    return ""


def plural_paren(inner: str) -> bool:
    """ "(both from Freshworks devrel)", "(cofounders of Lumen, married)", "(sales reps)": said of several people."""
    first = inner.split(",")[0].split()
    if first and first[0].lower() in ("both", "all"):
        return True
    head = next((k for k, w in enumerate(first) if w.lower() in ("of", "at", "@", "from", "with", "in", "for")), None)
    return bool(first) and bool(_singular_job(first[:head][-1] if first[:head] else first[-1]))


# Words in brackets that say more than a job: a need, an ask, an offer, a promise, a liking ("(indie consultant,
# offered to share overflow work, loves bouldering)"); the part is read for facts (capture._asides), never as a job.
SAYS_MORE = re.compile(
    r"\b(?:needs?|wants?|asked|looking\s+for|offered|can\s+\w+|will|'ll|’ll|loves?|into|sending|send|promised"
    r"|raising)\b",
    re.IGNORECASE,
)


_OWNER_TITLE = re.compile(
    rf"^(?:(?:{OWNER_TITLES}|{'|'.join(sorted(OFFICES))}|dr|mr|mrs|ms|prof)\.?\s+)(?=\S+['’]s\s)", re.IGNORECASE
)
_INTRODUCED_BY = re.compile(
    r"\s(?:intro(?:duce[ds]?|['’]?d)?|referred|referral)\s*$|^(?:via|thru|through|intro(?:['’]?d)?\s+(?:by|from))\s",
    re.IGNORECASE,
)


def _apply_paren(inner: str, person: PersonMention) -> None:
    """ "(CTO, Globex)", "(product lead at Stripe)", "(Globex)", "(from Acme)"; not "(not that one lol)"."""
    parts = [re.sub(r"\s+now$", "", p.strip(), flags=re.I) for p in inner.split(",") if p.strip()]
    if len(parts) > 1:
        parts = [p for p in parts if not SAYS_MORE.search(p)] or parts[:0]  # what they want or do is no job
    parts = [p for p in parts if not _INTRODUCED_BY.search(p)]  # "(Li Na introduce)": who introduced them
    if not parts:
        return
    tie = _OWNER_TIE.fullmatch(_OWNER_TITLE.sub("", parts[0])) if parts else None  # "(Alderman Grant's wife)"
    if tie and _is_owner(tie.group("owner")):  # "Tariq (Zayn's dad)", "Jess from year 5 (Olly's mum)"
        person.link_to, person.link_as = _capitalise(tie.group("owner")), tie.group("rel").lower()
        person.role = person.role or tie_role(person.link_as)  # "(lwazi's cofounder)"
        parts = parts[1:]
        if not parts:
            return
    at = re.match(r"(?:at\s+|@\s*)(?P<org>[^,]+)$", parts[0], re.I) if len(parts) == 1 else None
    if at:  # "Nkechi from legal (at vodafone)": the company; "legal" was the team
        if person.company.lower() in FUNCTIONS:
            person.role = person.role or person.company
        person.company = at.group("org")
        return
    if not parts or parts[0].lower() in _PRONOUN_PARENS or re.fullmatch(r"ret\.?|retired", parts[0], re.I):
        return  # "(she/her)", "Col Jim Banks (ret.)"
    said = parts[0].split()
    if said[0].lower() in NOT_NAMES and said[0].lower() not in _ROLE_WORDS and not (
        _is_role(said[-1:]) or any(w[:1].isupper() for w in said[1:])
    ):
        return  # "(not that one lol)"; but "(team lead)", "(Uni Oslo)" say a job or a company
    if len(parts) == 1 and person.company and parts[0].islower() and not _is_role(parts[0].split()):
        return  # "founder of vigneron (wine logistics)", "PM at doxy (telehealth)": what the company does
    kept = [p for p in parts if not (_NOT_A_JOB_PART.match(p) or a_place(p) or p.lower() in CITY_ALIASES)]
    plain = [re.sub(r"^(?:also|both|too|originally)\s+", "", p, flags=re.I) for p in kept]  # "also Vietnamese"
    kept = [p for p, q in zip(kept, plain, strict=True) if not (len(kept) > 1 and " " not in q and a_people(q))]
    if not kept and all(_NOT_A_JOB_PART.match(p) for p in parts):
        return  # "(didnt get last name)", "(she's hosting my seminar)": an aside, no job
    parts = kept or parts
    parts = [_one_of_them(p) for p in parts]  # "(cofounders of Lumen)", "(both from Freshworks devrel)": each of them
    job_from = _JOB_FROM.match(parts[0]) if len(parts) == 1 else None
    if job_from and _is_role(job_from.group("role").split()[-1:]):  # "(recruiter from hays)", "(designer from the
        person.role, org = job_from.group("role"), job_from.group("org")  # meetup)": a job, and where it is from
        if _a_place(org):
            person.met_at = person.met_at or org
        elif not _not_an_org(org):
            person.company = org
        return
    role_at = re.fullmatch(r"(?P<role>[^@]+?)\s+(?:at|@)\s+(?P<org>(?-i:[A-Z0-9])[^@]*)", parts[0], re.I)
    if len(parts) == 1 and role_at and not _a_place(role_at.group("org")):  # "(staff tax at KPMG, also Vietnamese)"
        person.role, person.company = role_at.group("role"), role_at.group("org")
        return
    both = company_then_job(re.sub(r"^from\s+", "", parts[0], flags=re.I)) if len(parts) == 1 else None
    if both and both[1].lower().rstrip(".") in _JOB_SHORTHAND:
        both = None  # "(Sr. VP)": senior, no company called "Sr."
    if both:  # "(NIH program officer)", "(Google engineer)", "(from Freshworks devrel)"
        person.role, person.company = both
        return
    # "(ex-grainger, now VP sales at fastenal)", "(flutterwave alumni, now building ledgerly)": what they do now
    now = [re.sub(r"^(?:now|currently)\s+(?:building\s+|running\s+|at\s+|@\s*)?", "", p, flags=re.I) for p in parts]
    if len(parts) > 1 and any(p != q for p, q in zip(parts, now, strict=True)):
        parts = [q for p, q in zip(parts, now, strict=True) if p != q or not re.match(r"ex-|former\b|\w+\s+alumn", p)]
    parts = [p for p in parts if not re.match(r"(?:ex-|former\s|my\s|both\s+\w+$|married$)", p, re.I)] or parts
    parts = [_one_of_them(p) for p in parts]  # "(married, both designers at swiggy)": each a designer
    first = re.sub(r"^from\s+", "", parts[0], flags=re.I)
    split = _split_role(first)
    if split:
        person.role = split[0]
        # "(PM, google)": the company after the job; "(PI, cardiology trials)": what they work on, no company
        second = parts[1] if len(parts) > 1 else ""
        if len(second.split()) > 1 and second.islower() and is_a_word(second.split()[-1]):
            second = ""  # "coop italia" is a name; "cardiology trials", "supply chain resilience" are not
        person.company = split[1] or second or person.company
    elif len(parts) > 1 and (parts[1].lower() in FUNCTIONS or _is_role(parts[1].split())) and not _is_role([first]):
        person.company, person.role = first, parts[1]
    elif (
        len(parts) > 1
        and all(w[:1].isupper() for w in first.split())
        and not _is_role(first.split()[-1:])
        and first.lower() not in _DEGREES
        and all(w.islower() for w in parts[1].split()[1:])
        and (parts[1].islower() or not parts[1].split()[0].istitle())
        and not _is_role(parts[1].split()[-1:])
    ):
        person.company = first  # "(Match Factory, acquisitions)", "(Vetted, B2B hiring infra)": the name is the company
        person.role = parts[1] if parts[1].islower() else person.role  # ... "acquisitions" their part of it
    elif len(parts) > 1 and not parts[1].lower().startswith(("my ", "our ", "the ")):
        person.role, person.company = first, parts[1]  # "(procurement, ikea)", "(key account, esselunga)"
    elif _is_role(first.split()[-1:]) or first.split()[-1:] == ["II"] or team_word(first):
        person.role = first  # "(UX writer)", "(SDE II)", "(backend)"
    else:
        person.company = first
    person.role, person.company = person.role[:MAX_NAME_CHARS], person.company[:MAX_NAME_CHARS]


# Parts of a bracket that say neither job nor company: "(SF, backend, 6 yrs, wants equity)": how long, what they want.
_DEGREES = frozenset({"phd", "md", "mba", "jd", "rn", "dds", "cpa", "msc", "bsc", "ms", "ma", "bs", "ba", "pe", "dvm"})
_NOT_A_JOB_PART = re.compile(
    r"^(?:\d+\+?\s*(?:yrs?|years?|yo|y/o|mos?|months?|hrs?|hours?|mins?|miles?|mi|km)\b|(?:wants|needs|likes|loves"
    r"|has|is|was|looking|open|but"
    r"|moving|relocating|visiting|new\s+in\s+town|she['’]?s|he['’]?s|they['’]?re|didn['’]?t|did\s+not|not\s+sure"
    r"|forgot|no\s+idea|i\s+think|very|super|so|really|quite|such)\b)",  # "(..., very friendly)": how they were
    re.IGNORECASE,
)


# "ex-ustwo now at n26 as principal designer", ", ex-coupang now @ kurly", "ex-Google, now at Anthropic"
_NOW_AT = re.compile(
    r"\s*(?:,|\s[-–—]+)?\s*(?:ex-|former\s+)[\w.&'’-]+(?:\s+[\w.&'’-]+)?\s*,?\s*(?:and\s+)?(?:now|currently)\s+(?:at|@|with|in)\s*"
    r"(?P<org>[\w.&'’-]+(?:\s+(?!as\b)[A-Z0-9][\w.&'’-]*)?)(?:\s+as\s+(?:an?\s+)?(?P<role>[\w-]+(?:\s+[\w-]+){0,2}))?",
    re.IGNORECASE,
)
# "nubank's design ops", "doctolib's TA team": a company, and the team they are in
_TEAM = re.compile(r"^(?P<org>[\w.&-]+)['’]s\s+(?P<role>[\w-]+(?:\s+[\w-]+)?)(?:\s+(?:team|dept))?$", re.I)


_OF_ORG = re.compile(
    r"\s+(?i:of)\s+(?i:the\s+)?(?P<org>(?i:(?!the\b|my\b|our\b|his\b|her\b))[\w&.'’-]+(?:\s+[A-Z][\w&.'’-]*){0,3})\b"
)
_ACRONYM_ORG = re.compile(r"\s*,\s*(?P<org>[A-Z][A-Z0-9&]{1,7})(?=\s*[,.;]|$)")


_BOOTH = re.compile(r"^the\s+(?P<org>[\w&.'’-]+(?:\s+[\w&.'’-]+)?)\s+(?:booth|stand|table)$", re.I)


def _known_company(org: str) -> bool:
    """ "LinkedIn", "Acme Corp", "linkedin" (a company known by its spelling); not "design" or "coffee"."""
    return org[:1].isupper() or company_name(org) != org[:1].upper() + org[1:]


_CLASS_YEAR = re.compile(r"\s+['’]\d\d\b")
# Honorifics said after a name, as in Indian and Japanese English: "Lakshmi ma'am", "Nandan sir", "Tanaka san".
_AFTER_NAME = re.compile(r"\s+(?:ma['’]?am|madam|sir|ji|san|sama|sahib|saab)\b(?=\s*[(,]|\s+(?:from|of|at|@)\s)", re.I)
# "Lena @ Coastline Dental Lab": right after a name, "@" and a capital say where they work, unless it names an event or
# a place ("Kenji Sato @ Rust meetup") or the line is a meal out ("lunch w/ Ana @ Uchi": the restaurant).
_AT_ORG = re.compile(r"\s*@\s*(?=[A-Z])")
# "at <Org>" right after a line's first words, its person's name (maybe after a call said): where they work, since
# where they met is said with "met" ("met Jane at PyCon"); "Jorge Medina at Deloitte", "Called Gloria at Harvest Foods".
_AT_WORD = re.compile(r"\s+at\s+(?=(?-i:[A-Z]))", re.I)
_AT_LOWER = re.compile(r"\s+at\s+(?=[a-z])")  # "linda park at coastal produce needs ...": a line typed in lower case
# How the names of gatherings end: "PyCon", "RubyConf", "Oktoberfest", "SXSW week", "Dreamforce days".
_EVENT_ENDS = ("con", "conf", "fest", "camp", "week", "days", "summit", "expo", "hackathon", "meetup", "jam")
_OPENS_WITH_THEM = re.compile(
    r"^\W*(?:(?:called|texted|emailed|phoned|rang|messaged|dm['’]?d)\s+"
    r"|(?:revert|reply|response|email|call|text|message|note|news|heard|word)\s+(?:back\s+)?from\s+"
    r"|(?:talked|spoke|chatted)\s+(?:to|with|w/?)\s+|(?:new\s+)?(?P<job>[a-z]+)\s+(?=\S+\s+\S))?"
    r"(?:(?:dr|mr|mrs|ms|prof)\.?\s+)?(?P<name>.+)$",
    re.I,
)


def _opens_with(s: str, j: int, person: PersonMention) -> bool:
    """Whether the line opens with ``person``'s name (ending at ``j``), maybe after a call said and a title."""
    m = _OPENS_WITH_THEM.match(s[:j])
    if m is None or m.group("name").casefold() != person.name.casefold():
        return False
    return not m.group("job") or a_job_word(m.group("job"))  # "new shipper linda park at coastal produce"
_MEAL_BEFORE = re.compile(r"\b(?:" + "|".join(map(re.escape, MEAL_WORDS)) + r")\b", re.I)
_FROM_STOP = _set("at @ in on during with is was says said works work runs heads leads teaches does has")
# "from compliance", "from the quality team": the team they are in, which is what they do
_FROM_TEAM = re.compile(r"^(?:the\s+)?(?P<field>[\w&-]+)(?:\s+(?:team|dept|department))?$", re.I)


def _scan_attributes(s: str, j: int, person: PersonMention) -> int:
    """Company and role right after a name: "(CTO, Globex)", "from Acme", ", head of design at Stripe"."""
    honorific = _AFTER_NAME.match(s, j)  # "Lakshmi ma'am (Director, Wipro)", "Tanaka san from Sony"
    j = honorific.end() if honorific else j
    for _ in range(4):
        year = _CLASS_YEAR.match(s, j)  # "this alum Priyanka Sharma '19 works @ mckinsey": the year they graduated
        if year:
            j = year.end()
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
            org = re.split(r"\.\s", m.group("org"))[0]  # "of Public Works. Director Sorensen will ...": a sentence
            person.company, j = org, (m.start("org") + len(org) if "org" in m.groupdict() else m.end())
            continue
        m = _AT_ORG.match(s, j)
        if m and not person.company and not _MEAL_BEFORE.search(s[:j]):
            org, end = _scan_phrase(s, m.end(), _PHRASE_STOP | _FROM_STOP, done=True)
            last = org.lower().split()[-1] if org else ""
            if org and not (a_place(org) or last in _PLACE_NOUNS | _EVENT_NOUNS or org.lower() in CITY_ALIASES):
                person.company, j = org, end  # "Lena @ Coastline Dental Lab", "Raymond Ochoa @ First Community"
                continue
        opens = not person.company and _opens_with(s, j, person)
        m = _AT_WORD.match(s, j) if opens else None
        lower = _AT_LOWER.match(s, j) if opens and not m and s.islower() else None
        if lower:  # "tonya at werner dispatch said shell hold 2 vans", "linda park at coastal produce needs ..."
            org, end = _scan_phrase(s, lower.end(), _PHRASE_STOP | _FROM_STOP, done=True)
            words = org.split()
            named = 1 <= len(words) <= 3 and a_company_word(words[0]) and words[-1] not in _PLACE_NOUNS | _EVENT_NOUNS
            if named and not a_place(org) and not _not_an_org(org):
                person.company, j = org, end
                continue
        if m:  # "Jorge Medina at Deloitte — knows my dad", "Called Gloria at Harvest Foods": where they work
            org, end = _scan_phrase(s, m.end(), _PHRASE_STOP | _FROM_STOP, done=True)
            last = org.lower().split()[-1] if org else ""
            event = last in _PLACE_NOUNS | _EVENT_NOUNS or last.endswith(_EVENT_ENDS)  # "PyCon", "SXSW Edu week"
            if org and not (a_place(org) or event or org.lower() in CITY_ALIASES):
                person.company, j = org, end
                continue
        m = _FROM.match(s, j)
        if m and not person.company:
            org, end = _scan_phrase(s, m.end(), _PHRASE_STOP | _FROM_STOP, done=True)
            if org and (a_place(org) or org.lower().startswith(("my ", "our "))):  # "Ana from Brazil", "from my
                j = end  # KAIST": where they are from, or where the user was too, not where they work
                continue
            field = _FROM_TEAM.match(org)
            if field and field.group("field").lower() in FUNCTIONS:
                person.role, j = person.role or field.group("field"), end
                continue
            both = company_then_job(org)
            if both:  # "from Walmart sourcing", "from Freshworks devrel": the company, and the team they are in
                person.role, person.company, j = person.role or both[0], both[1], end
                continue
            team = _TEAM.match(org)
            if team:  # "from nubank's design ops", "from doctolib's TA team"
                person.company, j = team.group("org"), end
                person.role = person.role or team.group("role")
                continue
            if org and _not_an_org(org):
                if _a_place(org):
                    person.met_at = person.met_at or org
                    booth = _BOOTH.match(org)  # "from the linkedin booth": LinkedIn's people
                    if booth and _known_company(booth.group("org")):
                        person.company = person.company or company_name(booth.group("org"))
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


# Shorthand inside a job, said whole: "hiring mgr" -> "hiring manager", "eng mgr" -> "engineering manager",
# "research sci" -> "research scientist", "talent acq" -> "talent acquisition", "sr PM" -> "senior PM".
_JOB_SHORTHAND = {
    "mgr": "manager",
    "mngr": "manager",
    "mgmt": "management",
    "sci": "scientist",
    "acq": "acquisition",
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "asst": "assistant",
    "assoc": "associate",
    "dir": "director",
    "mktg": "marketing",
    "acct": "account",
    "biz": "business",
    "prod": "product",
}
# Words that are a field before another job word ("eng mgr", "dev lead") and the job itself when they end it.
_HEADS = _set("vp svp evp avp head director dir chief of")
_FIELD_OR_JOB = {"eng": ("engineering", "engineer"), "dev": ("dev", "developer")}


# A job's kind said after it, as in French, Portuguese or Spanish: "developer junior", "dev freelancer".
_KIND_AFTER = {"junior": "junior", "senior": "senior", "freelancer": "freelance", "freelance": "freelance"}


def job_said(role: str) -> str:
    """A job as it is said: shorthand written out, the user's capitals kept ("Eng Mgr" -> "Engineering Manager"),
    its kind before it ("developer junior" -> "junior developer")."""
    role = re.sub(r"\bbiz\s*dev\b", "business development", role, flags=re.IGNORECASE)  # not a developer
    role = re.sub(r"^(?:who|that)(?:['’]s|\s+is|\s+was)\s+(?:an?\s+)?", "", role, flags=re.IGNORECASE)  # "who's a"
    role = re.sub(r"\s+re(?::|\s).*$", "", role, flags=re.IGNORECASE)  # "CPA re: taxes": what they talked about
    role = re.sub(r"^[^\W\d_][\w-]*['’]s\s+an?\s+(?=\w)", "", role)  # "tyler's a data analyst": a data analyst
    role = role.rstrip(" ;:,")  # "Ms. Karen Liu, VP Development; Mr. Josh Adeyemi": the list goes on
    words = role.split()
    if len(words) == 2 and words[1].lower() in _KIND_AFTER and _is_role(words[:1]):
        words = [_KIND_AFTER[words[1].lower()], words[0]]
    said = []
    for k, word in enumerate(words):
        core = word.rstrip(".")
        low = core.lower()
        if low in _FIELD_OR_JOB:  # "eng mgr", "VP eng": the field; "software eng": the job
            field_of = k > 0 and words[k - 1].lower() in _HEADS
            full = _FIELD_OR_JOB[low][1 if k == len(words) - 1 and not field_of else 0]
            if field_of and words[k - 1].lower() != "of":
                said.append("of")  # "VP eng": the VP of engineering
        else:
            full = _JOB_SHORTHAND.get(low, "")
        if not full or full == low:
            said.append(word)
            continue
        said.append(full.capitalize() if core[:1].isupper() and not core.isupper() else full)
    return " ".join(said)
