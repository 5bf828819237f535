"""Who each clause of a capture line is about ("Raj needs a lawyer, his cofounder Mei runs design"): roles and
companies said in a clause, and the facts of each clause attached to the person it names.
"""

from __future__ import annotations

import re
from datetime import date

from bot.coach.reading.given_names import is_given_name, pronoun_of
from bot.coach.reading.jobs import _a_place
from bot.coach.reading.lexicon import (
    _ACRONYM_ROLES,
    _EVENT_NOUNS,
    _OF_ORG_ROLES,
    _PREPOSITIONS,
    _PRONOUN_REL,
    _ROLE_WORDS,
    _TIE,
    RELATIONS,
    _job_words_ok,
    _set,
    tie_role,
    works_with,
)
from bot.coach.reading.meeting import MAX_NAME_CHARS, PersonMention
from bot.coach.reading.notes import Facts, extract_facts
from bot.coach.reading.people import _HONOURED, _scan_name
from bot.coach.reading.stopwords import NOT_NAMES
from bot.coach.reading.ties import came_along
from bot.coach.reading.work import NAMED_BUSINESS, a_company_word, company_after_in, job_said_otherwise, team_word

# --- who each clause is about ---------------------------------------------------------------------------------

_SUBJECT = re.compile(
    r"(?:(?:and|but|also|oh|btw|plus|now)\s+)?(?:(?P<pron>both\s+they|they\s+both|she|he|they|both|both\s+of\s+them|all|all\s+of\s+them|(?P<typo>shes|hes|theyre))|(?P<name>[^\W\d_][\w\-]*))"
    r"(?:['’](?:ll|d)(?=\s))?(?P<is>['’]s|['’]re|\s+is|\s+are|\s+was|\s+were)?(?=\s|$)\s*",
    re.IGNORECASE,
)
_WORKS = re.compile(r"(?:works|working|worked|work|is|'s|’s)?\s*(?:at|for|with)\s+", re.IGNORECASE)
_STARTED_AS = re.compile(
    r"(?:just\s+|recently\s+|now\s+)?(?:started|starting|joined|joining|moved|works|working)\s+(?:at\s+|to\s+|for\s+)?"
    r"(?P<org>\S+(?:\s+\S+){0,2}?)\s+as\s+(?:an?\s+|the\s+)?(?P<role>.+)$",
    re.IGNORECASE,
)
_BUSINESSES = _set(
    """bakery shop store studio cafe café restaurant salon gym school stand practice agency firm brewery bar farm
    clinic bakeshop boutique florist pharmacy garage deli bistro pub hotel"""
)
_RUNS = re.compile(
    r"(?P<verb>runs|running|run|leads|leading|heads|owns|own|manages|founded)\s+", re.IGNORECASE
)
_ARTICLE_ROLE = re.compile(r"(?:an?|the|my(?:\s+new)?|our|their|his|her)\s+", re.IGNORECASE)
_ROLE_PHRASE_STOP = _set(
    """at @ for on in with and & + who but there lol haha lmao which that from of so obviously too now since like
    who's whose here before previously formerly"""
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


# A tie said as a clause: "Neha Kapoor's brother", "wife of Karim", "cousin of my friend Camila", "grandma to Emma".
_TIE_SAID = re.compile(
    r"(?:(?P<owner>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)['’]s\s+" + _TIE + r"\b"
    r"|(?:the\s+|a\s+)?" + _TIE.replace("?P<rel>", "?P<rel2>") + r"\s+(?:of|to)\s+(?:(?:my|our)\s+(?:\w+\s+)?)?"
    r"(?P<owner2>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?))",
)


# The one a promise is made to, named after its verb: "told Ben I'd ...", "owe Ana a coffee", "send Ryo my volumes".
_PROMISED_TO = re.compile(
    r"\b(?:told|promised?|assured|owe|send|sending|email|emailing|text|texting|call|calling|ping|pinging)\s+"
    r"(?P<to>her|him|(?-i:[A-Z][\w-]*))(?!['’\w])"
    r"|\b(?:send|sending|email|emailing|forward|forwarding|give|giving|get|bring|mail|mailing)\s+"
    r"(?:(?:the|my|our|a|an)\s+)?(?:[\w-]+\s+){0,3}?to\s+(?P<to2>(?-i:[A-Z][\w-]*))(?!['’\w])",
    re.IGNORECASE,
)  # "I am to send the contract to Susan": for Susan
_AND_THEN = re.compile(
    r"\band\s+(?:still\s+|also\s+|now\s+)?(?=(?:teaches|works|runs|heads|leads|owns|studies|is)\b)", re.IGNORECASE
)
# Jobs held at a company, whose "of" names it ("recruiter of amazon"); not "teacher of english", "head of design".
_WORKS_FOR = _set("recruiter engineer developer dev designer analyst consultant intern employee scientist researcher")
_WHO = re.compile(r"(?:who|that)\s+(?:(?P<is>is|'s|was|are|were)\s+)?", re.IGNORECASE)


# "Julia is the mother of Tomás and both they are architects", "he's a chef and she is a nurse": after "and", a clause
# with a subject of its own, about them.
# A clause that is only someone else's name: "... . and Lt Col Annette Vo, now VP ...".
_ALSO_MET = re.compile(r"(?:and|also|plus|&|\+)\s+(?=[A-Z])")
_AND_SUBJECT = re.compile(
    r"\s+and\s+(?=(?:both\s+)?(?:she|he|they)\s+(?:both\s+)?(?:is|are|was|were)\b|(?:she|he|they)['’](?:s|re)\b)",
    re.IGNORECASE,
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


_HAD_BEFORE = re.compile(r"(?:before|previously|formerly)\b", re.IGNORECASE)
_TIME_UNITS = frozenset({"yr", "yrs", "year", "years", "wk", "wks", "week", "weeks", "month", "months", "day", "days"})


def _org_after(rest: str) -> str:
    """ "at Booking", "@ stripe", "for Siemens": the organisation, or "" ("for the team" and "at a fintech" are not)."""
    m = re.match(r"(?P<prep>at|@|for|with|in)\s+(?P<org>.+)$", rest, re.IGNORECASE)
    if not m:
        return ""
    org, _ = _phrase_until(m.group("org"), _ROLE_PHRASE_STOP - {"of", "&"} | {"on", "in"})
    if m.group("prep").lower() == "in":
        org = company_after_in(org)  # "in IQVIA already 6 years": IQVIA; "a nurse in Berlin", "in general": none
    words = org.split()
    doing = next((k for k, w in enumerate(words) if k and w.islower() and w.endswith("ing") and len(w) > 4), 0)
    org = " ".join(words[:doing]) if doing else org  # "at MIT doing bio": what they do there is not the name
    org = re.sub(r"\s+(?:there|lol|haha|now)$", "", org.strip(" .,!?"), flags=re.IGNORECASE)
    first = org.split()[0] if org else ""
    if not first or first.lower() in ("a", "an", "some", "my", "our", "his", "her", "their"):
        return ""
    if first.lower() in _TIME_UNITS or first.isdigit():
        return ""  # "degradation curve at yr 8", "at 3": a time, not a firm
    if m.group("prep").lower() in ("for", "with") and not first[:1].isupper():
        return ""
    if first.islower() and first.lower() in NOT_NAMES and first.lower() != "the":
        return ""
    return org






_INTERJECTION = re.compile(
    r"(?:(?:lol|haha|hahaha|lmao|omg|oh|btw|ps|also|and|but|so|plus|oh\s+and|turns\s+out|turned\s+out|apparently)\s+)+",
    re.I,
)


# Words for a person that say no job ("the lady at the auction table"), and gatherings that are no job, beside the
# event nouns ("book club @ the library", "gallery opening at Pace").
_SOMEONE = _set("lady guy man woman person dude gentleman girl boy fellow chap one")
_GATHERINGS = _SOMEONE | _set("club opening brunch tasting recital concert game match service mass class")


_RUN_OR_OWN = _set("runs run owns own")
_MUTUAL = _set("cofounder co-founder")  # a tie that is the same job both ways
# Organisations someone runs, beside businesses: "runs the hospital foundation", "runs the imaging core".
_RUN_ORGS = _set("foundation charity nonprofit core company firm startup business center centre hospital academy")
# "on Elm", "on 3rd", "on Grand St", "next to ours": where the business is, part of how it is known
_STREET = re.compile(r"(?:on|in)\s+(?-i:[A-Z0-9])[\w'’.]*(?:\s+(?-i:[A-Z0-9])[\w'’.]*){0,2}", re.IGNORECASE)


def _a_name(what: str) -> bool:
    """ "Tony's Pizza", "tanaka bikes": a business's name (capitalised, or a word that can only be a name first)."""
    first = what.split()[0]
    return first[:1].isupper() or a_company_word(first.rstrip("'’s"))


def _role_in(text: str, linked: bool, plural: bool = False) -> tuple[str, str] | None:
    """A job said in a clause: "she's a pilot at united", "PM @ stripe", "runs design at Figma", "works at Acme".

    ``linked``: the clause had "is"/"'s" after its subject, so "a painter" or "at McKinsey" can stand alone.
    Returns (role, company); either may be "".
    """
    now = re.match(r"(?:now|currently)\s+(?=at\s|@)", text.strip(" .,!?"), re.IGNORECASE)
    linked = linked or bool(now)  # "now at MIT doing bio": where they are now
    text = re.sub(r"^(?:now|currently|also|still|actually)\s+", "", text.strip(" .,!?"), flags=re.IGNORECASE)
    text = re.sub(r"\s+(?:too|as\s+well)$", "", text, flags=re.IGNORECASE)  # "taught 3rd grade too"
    named = NAMED_BUSINESS.search(text)
    if named:  # "he is CTO in small startup name 'datenwerk'", "running her own practice 'ma design'"
        job = _role_in(text[: named.start()], True) or ("", "")
        return ("" if job[0].lower().startswith("run") else job[0]), named.group("org")
    other = job_said_otherwise(text)
    if other:  # "works at Bolt in devrel", "heads model risk at UBS", "teaches piano"
        return other[0], _org_after(f"at {other[1]}") if other[1] else ""
    m = _RUNS.match(text)
    if m:  # "runs a charity for refugees", "runs design at Figma"
        what, rest = _phrase_until(text[m.end() :], _ROLE_PHRASE_STOP - {"for"})
        owned = re.match(r"(?:an?|the)\s+(?P<business>(?:[\w'’-]+\s+){0,2}(?P<noun>[\w-]+))$", what, re.I)
        verb = m.group("verb").lower()
        noun = owned.group("noun").lower() if owned else ""
        if owned and what.lower().startswith("the ") and noun in _BUSINESSES | _RUN_ORGS and verb in _RUN_OR_OWN:
            where = _STREET.match(rest)  # "runs the bakery on Elm", "owns the yoga studio on 3rd": that business
            org = f"{what} {where.group(0).strip()}" if where else what
            return ("owner" if verb.startswith("own") else f"runs {org}"), org
        if owned and noun in _BUSINESSES and verb in _RUN_OR_OWN:
            return f"{owned.group('business')} owner", ""  # "runs a bakery": a business owner
        if verb.startswith("own") and what and not owned and _a_name(what):
            return "owner", what  # "owns Tony's Pizza", "own tanaka bikes": the owner of it
        if verb.startswith("own") and owned:  # "owns the Ford dealership on Route 9", "owns a food truck": the owner
            if not what.lower().startswith("the "):
                return f"{owned.group('business')} owner", ""
            where = _STREET.match(rest)
            return "owner", f"{what} {where.group(0).strip()}" if where else what
        if verb in ("run", "own") and what and not owned:
            return "", what  # "run agarwal electricals in pune", "now building ledgerly": their company
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
    if any(w.lower().endswith(("'s", "’s")) for w in words) and words[-1].lower() in RELATIONS and not tie_role(
        words[-1]
    ):
        return None  # "lisa is the AD's sister": whose relative she is, not a job
    if _HAD_BEFORE.match(rest):
        return None  # "also nurse before like me": a job they had, not the one they have
    who = _WHO.match(rest)
    if words and words[-1].lower() in _SOMEONE and who:  # "the nice young man who runs the bakery": what he does
        return _role_in(rest[who.end() :], bool(who.group("is")), plural)
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
    elif of and words[-1].lower() in _WORKS_FOR and len(of.group(1).split()) == 1 and a_company_word(of.group(1)):
        org = of.group(1).strip(" .,!?")  # "he is recruiter of amazon": the company, said as in another language
    elif of:  # "head of people at Monzo": part of the job
        more, rest = _phrase_until(of.group(1), _ROLE_PHRASE_STOP - {"&"})
        role, words = f"{role} of {more}", [*words, "of", *more.split()]
        org = _org_after(rest)
    else:
        org = _org_after(rest)
    lower = re.match(r"in\s+([a-z][\w-]*)\s*$", rest.strip(" .,!?"))
    if not org and lower and words[-1] in _ACRONYM_ROLES and a_company_word(lower.group(1)):
        org = lower.group(1)  # "she is CMO in ifood": a title, then the company typed in lower case
    if plural and words[-1].lower().endswith("s") and len(words[-1]) > 3:
        words[-1] = words[-1][:-1]
        role = " ".join(words)
    if words[-1].lower() in _EVENT_NOUNS | _GATHERINGS and not any(_role_word(w) for w in words):
        return None  # "dinner at Nori", "halloween party at the Kims'": where they were, not a job
    at_org = bool(org) and len(words) <= 3 and bool(re.match(r"(?:at\b|@|with\b)", rest.strip(), re.I))
    # "CRA in IQVIA", "HR in Discover": a job's letters, then the company said as another language says it
    at_org = at_org or (bool(org) and len(words) == 1 and 2 <= len(role) <= 5 and role.isupper() and rest[:3] == "in ")
    if _role_word(words[-1]) or _role_word(words[0]) or at_org:  # "ML at Avast"; not "bday party for Zayn"
        return role, org
    if linked and m and len(words) <= 3:  # "she's a soprano", "he's the dentist"
        return role, org
    if plural and len(words) <= 2 and team_word(words[-1]):  # "Yuki, Kenta & Sarah, all backend"
        return role, org
    return None


_SHE_TIES = _set(
    "wife mother mum mom sister daughter girlfriend gf aunt niece grandma grandmother fiancee fiancée sis "
    "stepdaughter"
)
_HE_TIES = _set(
    "husband father dad brother son boyfriend bf uncle nephew grandpa grandfather fiance fiancé bro stepson"
)


def _pronoun(person: PersonMention) -> str:
    """ "she" for Giulia or "his wife", "he" for Marco or "her husband", "" when the line does not say."""
    tie = person.link_as.split()[-1].lower() if person.link_as else ""
    if tie in _SHE_TIES:
        return "she"
    if tie in _HE_TIES:
        return "he"
    return pronoun_of(person.name.split()[0]) if person.name else ""


def _person_named(word: str, people: list[PersonMention]) -> PersonMention | None:
    low = _HONOURED.sub("", word.casefold())  # "Yuki-san is teaching": Yuki
    for person in people:
        if person.name and person.name.split()[0].casefold() == low:
            return person
    return None


def _attribute(
    free: list[list[str]], people: list[PersonMention], today: date, lead_in: bool = False
) -> dict[str, Facts]:
    """Give each free clause to the person it is about, and read jobs, relatives and facts from it. Returns the
    facts read from each run of clauses, by its text (words apart by single spaces; a run said twice is read
    once), in the order said: together they are what the whole line says.

    "Raj needs a lawyer" is about Raj; "she's a PM at Asana" about the person just talked about; a clause with no
    subject continues the one before. With several people and no subject yet, a clause is about all of them.
    ``lead_in``: the first clause is the words said before the first name, read for what is said of them but not
    for a job ("kickoff @ Halvorsen. new face: plant mgr" Gustavo: no job "kickoff" at "Halvorsen").
    """
    groups: list[tuple[list[PersonMention], list[str]]] = []
    current: list[PersonMention] = people[:1] if len(people) == 1 else list(people)
    jobs_with_org: set[int] = set()  # people whose job came with a company: a bare job later does not replace it
    heading = len(_AND_SUBJECT.split(free[0][0])) if lead_in and free else 0
    came: PersonMention | None = None
    for n, raw in enumerate(part for said, _sep in free for part in _AND_SUBJECT.split(said)):
        text = raw[_INTERJECTION.match(raw).end() if _INTERJECTION.match(raw) else 0 :]  # type: ignore[union-attr]
        subject: list[PersonMention] | None = None
        body, linked = text, False
        rel = _PRONOUN_REL.match(text)
        if rel:
            owner = current[0] if current else people[0]
            got = _scan_name(text, rel.end(), None)
            if got is not None:
                tie = rel.group("rel").lower()
                relative = PersonMention(
                    got.name, title=got.title, link_to=owner.name, link_as=tie, role=tie_role(rel.group("rel"))
                )
                if works_with(tie):
                    relative.company = owner.company
                people.append(relative)
                subject, body = [relative], text[got.end :]
                m = re.match(r"\s*(?:is|was|'s|’s)\b\s*", body)
                linked = bool(m)
                body = body[m.end() :] if m else body
        also = _ALSO_MET.match(raw) if subject is None else None
        got = _scan_name(raw, also.end(), False) if also else None
        if got is not None and not raw[got.end :].strip() and is_given_name(got.name.split()[0]):
            if all(p.name != got.name for p in people):  # "spoke w/ 2: Greg (plant mgr). and Lt Col Annette Vo, now
                people.append(PersonMention(got.name, title=got.title))  # VP at H-E-B": the list goes on, and what
            subject, body = [p for p in people if p.name == got.name][:1], ""  # follows is about her
        who = _WHO.match(text) if subject is None else None
        if who:  # "Sofía who is studying law", "the Tanaka brothers (Ken & Hiro) who own tanaka bikes": the one named
            plural = who.group("is") in ("are", "were") or bool(re.match(r"(?:own|run|work|have)\s", text[who.end() :]))
            subject = list(people) if plural else [came] if came else (current[-1:] if groups else people[-1:])
            body, linked = text[who.end() :], bool(who.group("is"))
        if subject is None:
            m = _SUBJECT.match(text)
            if m and m.group("pron"):
                pron = m.group("pron").lower().replace("shes", "she").replace("hes", "he")
                everyone = pron.startswith(("both", "all")) or pron.endswith("both")  # "both they are architects"
                subject = list(people) if everyone else (current[:1] if current else people[:1])
                if pron in ("she", "he") and len(people) > 1 and _pronoun(subject[0]) not in ("", pron):
                    fits = [p for p in people if _pronoun(p) == pron]  # "Marco and his wife Giulia, ..., she is"
                    subject = fits[-1:] or subject
                if pron == "they" and len(people) > 1:
                    subject = list(people)
            elif m and m.group("name"):
                named = _person_named(m.group("name"), people)
                if named is not None:
                    subject = [named]
            if subject is not None and m is not None:
                body, linked = text[m.end() :], bool(m.group("is") or m.group("typo"))
                if m.group("pron") and m.group("pron").lower().startswith(("both", "they", "all")):
                    linked = linked or bool(re.match(r"(?:at|@|with)\s", body))  # "both at intercom"
        if subject is None and len(people) > 1:  # "told Ben I'd send the report", "I'll email her my CV": for whom
            to = _PROMISED_TO.search(text)
            said = (to.group("to") or to.group("to2")) if to else ""
            if said.lower() in ("her", "him"):  # the one of them "her" or "him" can be, if it cannot be this one
                pron = "she" if said.lower() == "her" else "he"
                fits = [p for p in people if _pronoun(p) == pron]
                mismatch = len(current) == 1 and _pronoun(current[0]) not in ("", pron)
                subject = fits[-1:] if mismatch and fits else None
            else:
                named = _person_named(said, people) if said else None
                subject = [named] if named is not None else None
            if subject is not None:
                current = subject
        if subject is None:
            subject = current
            is_ = re.match(r"(?:is|was|'s|’s)\s+", text)
            if is_:  # "Minji Kang is head of design at kakao": the clause right after the name is about them
                body, linked = text[is_.end() :], True
        else:
            current = subject
        came = None  # "he brought his coworker Dana, who runs interviews": what the next "who" is about
        if len(subject) == 1:  # "she brought her husband Dev Malhotra. he'll quote the network": his
            came = came_along(body, subject[0], people)
        tie = _TIE_SAID.match(body.strip())
        if tie and len(subject) == 1 and not subject[0].link_to:  # "He's Funke's nephew", "she is wife of Karim"
            tied_to = tie.group("owner") or tie.group("owner2")
            subject[0].link_to, subject[0].link_as = tied_to, (tie.group("rel") or tie.group("rel2")).lower()
        kin = tie and not tie_role(tie.group("rel") or tie.group("rel2"))  # "the mother of Tomás": no job
        job = None if kin or n < heading else _role_in(body, linked, plural=len(subject) > 1)
        then = _AND_THEN.search(body) if job is None else None
        if then:  # "she's 82 and still teaches knitting": the job is in the clause after "and"
            job = _role_in(body[then.end() :], linked, plural=len(subject) > 1)
        if job and job[1] and _a_place(job[1]):  # "CPA at the Frisco Chamber breakfast": where they met
            for person in subject:
                person.met_at = person.met_at or job[1]
            job = (job[0], "") if job[0] else None
        if job:
            for person in subject:
                upgrade = bool(job[1]) and id(person) not in jobs_with_org  # "speaker, ML at Avast": the later one
                doing = _RUNS.match(person.role) and not _RUNS.match(job[0])  # "runs the Tuesday shift, retired
                if job[0] and (not person.role or upgrade or doing):  # teacher like me": the job said as a job
                    person.role = job[0][:MAX_NAME_CHARS]
                if job[1] and (not person.company or upgrade):
                    person.company = job[1][:MAX_NAME_CHARS]
                if job[1]:
                    jobs_with_org.add(id(person))
        if groups and groups[-1][0] == subject:
            groups[-1][1].append(raw)
        else:
            groups.append((subject, [raw]))
    for person in people:  # "Ken & his cofounder Lisa", "her cofounder Ben": each is the other's cofounder
        other = next((p for p in people if p.name == person.link_to), None) if person.link_as in _MUTUAL else None
        if other is not None and not other.role:
            other.role = person.link_as
    read: dict[str, Facts] = {}
    for subject, texts in groups:
        joined = ", ".join(texts)
        for person in subject if len(people) > 1 else ():  # "Mei Lin, needs SDR help": what is hers (Meeting.said_of)
            person.said = f"{person.said}. {joined}" if person.said else joined
        said = " ".join(joined.split())
        facts = read[said] = read.get(said) or extract_facts(joined, today)
        for person in subject:
            _merge(person.facts, facts)
    return read


def _merge(into: Facts, facts: Facts) -> None:
    for name in ("interests", "needs", "offers", "wins"):
        have: list[str] = getattr(into, name)
        have += [x for x in getattr(facts, name) if x not in have]
    for texts, dues in (("promises", "due"), ("theirs", "theirs_due")):
        mine: list[str] = getattr(into, texts)
        when: list[str] = getattr(into, dues)
        for text, due in zip(getattr(facts, texts), getattr(facts, dues), strict=False):
            if text not in mine:
                mine.append(text)
                when.append(due)
    into.birthday = into.birthday or facts.birthday
