"""The words and patterns a capture line is read with: titles, particles, stop words, role words, relations,
how people write "with", meals and calls, and where a clause ends.
"""

from __future__ import annotations

import re

from bot.coach.reading.dates import DATE_PHRASE
from bot.coach.reading.spans import NOT_A_TITLE
from bot.coach.reading.stopwords import VERB_FORMS, is_not_a_name


def _set(words: str) -> frozenset[str]:
    """A word set written as one string: easier to read and extend than a list of quoted words."""
    return frozenset(words.split())


# --- words --------------------------------------------------------------------------------------------------

# Combining marks are not \w in Python's re; without them "محمّد" or a decomposed "Lúcia" would split mid-word.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0903\u093a-\u094f\u200c\u200d"
)
_WORD = rf"[^\W\d_](?:[\w{_MARKS}]|['’\-](?=[^\W\d_]))*"
_TOKEN = re.compile(rf"\s*({_WORD})(\.)?")
# Any run of non-separators: "R&D", "Studio 54", "#1", "the 7:40".
_WORDISH = re.compile(r"\s*((?:[^\s,;:()\[\]{}!?]|(?<=\d):(?=\d))+)")

# What someone does with the user, said after their name: "Bea texted", "Pat from Sysco came by", "his daughter Susan
# phoned" (capture.py and ties.py read it as met; a line opening with it is asked about, never dropped).
TALKED_WITH = (
    r"(?:called|phoned|rang|emailed|e-mailed|texted|messaged|whatsapped|pinged|replied|wrote\s+back|dm['’]?d"
    r"|reached\s+out|got\s+back\s+to\s+me|came\s+by|stopped\s+by|dropped\s+by|swung\s+by)"
)
_TITLES = _set("dr prof professor mr mrs ms mx sir dame rev fr doctor sr sra srta frau herr mme mlle")
# Titles that are also words ("her sister Ana", "Father Tom"): a title only with a capital.
# Respect said before a name in Tagalog ("Tita Marites", "Ate Joy", "Kuya Ben") is a title too.
# Offices said before a name ("Councilmember Okoro", "Judge Anne Reilly"): a title, and the job.
OFFICES = _set(
    "councilmember councilwoman councilman commissioner alderman alderwoman senator congressman congresswoman mayor "
    "governor judge superintendent ambassador coach"
)
_CAPITAL_TITLES = OFFICES | _set(
    "pastor father sister brother deacon reverend rabbi imam sheikh madame monsieur miss tita tito ate kuya "
    "manong manang"
)
# Military ranks, said before a name with a capital, one or two of them, maybe retired: "SFC(R) Dale Briggs", "Lt Col
# (R) Annette Vo", "Capt. Lee". Not "General" or "Major" ("General Assembly", "Major League").
RANKS = _set(
    "sgt ssg sfc msg sgm csm cpl pfc spc lt ltc cpt capt maj col cdr cmdr adm gen"
    " sergeant lieutenant colonel captain admiral commander"
)
# "SFC(R)", "Lt Col (Ret.)": retired, said after the rank; the name follows.
RANK_RETIRED = re.compile(
    r"\b(" + "|".join(sorted(RANKS, key=len, reverse=True)) + r")\.?\s*\((?:r|ret\.?|retired)\)", re.IGNORECASE
)
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
    launched raised won published joined started mentioned wants potential prospective possible future former
    sponsor sponsors client clients ep eps revert"""
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
    """cto ceo coo cfo cmo cpo cio ciso cro vp svp evp avp pm tpm em hr gm md pi cra founder cofounder co-founder
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
    analyst associate assistant ceo founder cto owner employee trainee mgr eng sde sa em ra ta scout angel buyer
    procurement sourcing purchasing legal compliance finance marketing devrel hr ops operations sales physio
    supervisor stager roaster importer distributor lender broker dentist cardiologist librarian curator rep
    landlord landlady coordinator chief"""
)
# What a team does: a job said as a field ("(procurement, ikea)", "(ey, audit)", "Liam in sales").
FUNCTIONS = _set(
    """procurement sourcing purchasing legal compliance finance marketing devrel hr ops operations sales audit tax
    quality product design engineering research growth partnerships talent people recruiting planning logistics
    accounting strategy security support"""
)
# Words before a job that keep it a job: "retired banker", "former CTO", "freelance dev".
_ROLE_MODIFIERS = _set(
    """retired former ex ex- senior junior lead head chief principal freelance aspiring staff sole solo
    part-time full-time independent acting interim deputy assistant associate"""
)
_ACRONYM_ROLES = _set(
    "CTO CEO COO CFO CMO CPO CIO CISO CRO VP SVP EVP AVP PM TPM MP GP AE SDR BDR EM GM CPA PI CRA"
    " OC DC HC GA TD SM ASM PSM EIR"  # coaches ("their OC"), theatre ("my old TD"), a fund's EIR
)
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
    rf"|hanging\s+out|met\s+up|checked\s+in|texted|called|rang|phoned|messaged|dm'?d|zoomed)(?:\s+(?:to|{_WITH}))?"
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
    r"(?:(?:an?|this|some|one|the)\s+|(?:someone|somebody|sm1|smn|smb)\s+)(?P<desc>(?:[\w\-]+\s+){0,3}?)"
    r"(?:named|called|by\s+the\s+name\s+of)\s+",
    re.I,
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
    r"|(?<=[Tt]he\s)(?P<family>[A-Z][\w'’\-]+s))(?:\s+[-–—]|\s*[:,])\s*",
)
RELATIONS = _set(
    """husband wife partner boyfriend girlfriend fiance fiancé fiancee fiancée spouse hubby wifey brother sister son
    daughter kid mom mum dad mother father cousin uncle aunt niece nephew grandma grandpa grandmother grandfather
    grandson granddaughter friend bestie colleague coworker co-worker boss manager cofounder co-founder assistant
    roommate flatmate housemate neighbour neighbor mentor mentee intern teammate sibling stepson stepdaughter
    in-law bf gf sis bro sister-in-law brother-in-law co-author coauthor co-reviewer supervisor advisor adviser
    student postdoc ra report socio ea pa"""
)
# A tie that is also what the person does: "his CFO Leyla", "her student Chiamaka", "Raj and his cofounder Mei".
# Family and friends are who someone is to another, not a job ("her partner Sam").
_RELATION_ROLES = _set(
    "cofounder co-founder manager assistant intern supervisor advisor adviser student postdoc ra mentee ea pa"
)
_NOT_JOB_TIES = RELATIONS - _RELATION_ROLES
# Who someone is to another: a relation or a job, maybe after a word or two ("her biz partner", "his phd student").
_TIE_WORDS = "|".join(sorted(RELATIONS | (_ROLE_WORDS - _set("partner")) | _set("mgr eng cfo"), key=len, reverse=True))
_TIE = rf"(?:(?:new|old|former|ex-|current)\s+)?(?P<rel>(?:[a-z][\w-]*\s+)??(?:{_TIE_WORDS}|partner))"
# Titles a person is called by in speech ("Judge Patel", "Coach Dimitri"), kept with the name of a tie's owner.
OWNER_TITLES = "judge|coach|pastor|rev|reverend|rabbi|imam|deacon|captain|capt|mayor|senator|officer|dean|chef"
# Respect said after a name ("Nandan sir", "sandeep bhaiya", "Meena didi", "Kim 선배님"): none of the name.
RESPECT_AFTER = (
    r"(?:sir|ma['’]am|madam|ji|saab|sahab|sahib|bhaiya|bhaiyya|bhai|didi|akka|선배님|선배|선생님|님|씨|さん)"
)
_POSSESSIVE_REL = re.compile(  # "Jane's husband Mark", "Dr Okafor's new postdoc, Lina", "Kemal's wife is Selin",
    # "Ken & Marge's daughter Olivia" (the tie of both), "Judge Patel's clerk, Tom Ruiz" (the title kept)
    rf"(?:(?:dr|prof|professor|mr|mrs|ms|mx)\.?\s+|(?P<title>{OWNER_TITLES})\.?\s+)?"
    r"(?:(?P<other>[^\W\d_][\w\-]*)\s*(?:&|\+|\band\b)\s*)?(?P<owner>[^\W\d_][\w\-]*)"
    rf"(?:\s+{RESPECT_AFTER})?['’]s\s+" + _TIE
    + r"\b\s*,?\s*(?:(?:is|was)\s+(?=[A-Z]))?(?=\S)",
    re.IGNORECASE,
)
# "the father of Leonie (friend of my daughter), Stefan Braun": a tie to someone, then the person met.
_REL_OF = re.compile(
    r"(?:the|a|an)\s+" + _TIE + r"\s+of\s+(?P<owner>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s*(?:\([^()]{0,80}\))?\s*,\s*"
    r"(?=[A-Z])",
    re.IGNORECASE,
)
_AND_REL = re.compile(  # "and his cofounder", "+ her son", ", her husband" (a list of names goes on)
    r"\s*(?:(?:,\s*)?(?:and|&|\+|with|y)\s+(?:(?:his|her|their|su)\s+)?|,\s*(?:his|her|their)\s+)" + _TIE
    + r"\b\s*,?\s*",
    re.IGNORECASE,
)
_PRONOUN_REL = re.compile(
    r"(?:and\s+)?(?:his|her|their)\s+" + _TIE + r"\s*,?\s+(?=\S)",
    re.IGNORECASE,
)


# Ties at work: the two share a company ("Aisha & her cofounder Omar (Fable)", "Kaveh + his CFO Leyla").
_WORK_TIES = _RELATION_ROLES | _set("colleague coworker co-worker teammate boss report socio mgr eng cfo")


def works_with(rel: str) -> bool:
    """ "his CFO", "her coworker", "their boss": the two work at the same place."""
    last = rel.lower().split()[-1] if rel.split() else ""
    return last in _WORK_TIES or bool(tie_role(rel))


# "Gloria introduced me to her brother Vincent", "the Pastor present me to Grace": who introduced, then who was met.
_INTRODUCED_ME_TO = re.compile(
    r"\b(?:introduced|intro(?:duce)?['’]?d|introduces|present(?:ed|s)?|connected|referred|put|sent|pointed)\s+(?:me|us)\s+"
    r"(?:to|with|in\s+touch\s+with)\s+(?:(?:his|her|their)\s+" + _TIE + r"\s*,?\s+)?",
    re.IGNORECASE,
)
# A family named before its members: "the Garcias (Luis & Marta)", "the Tanaka brothers (Ken & Hiro)".
_FAMILY = re.compile(
    r"(?:the\s+)(?:(?P<plural>[A-Z][\w'’-]+?)(?:es|s)|(?P<name>[A-Z][\w'’-]+)\s+(?:brothers|sisters|siblings|twins|family"
    r"|couple|kids))\s*\(\s*"
)


def tie_role(rel: str) -> str:
    """The job a tie says, if it says one: "CFO", "phd student", "cofounder"; "" for "partner", "sister", "boss"."""
    last = rel.lower().split()[-1] if rel.split() else ""
    if last in _NOT_JOB_TIES or last == "partner":
        return ""
    return rel if last in _ROLE_WORDS or last in _RELATION_ROLES or last in ("mgr", "eng", "cfo") else ""


_LEAD_JUNK = re.compile(r"[^\w(]*")
_NAME_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|&|\+|\band\b|\by\b(?=\s+(?-i:[A-ZÁÉÍÓÚÑ])))\s*", re.IGNORECASE)
_PAREN = re.compile(r"\s*\(([^()]{1,120})\)")
_FROM = re.compile(r"\s*,?\s*(?:from|frm)\s+", re.IGNORECASE)
_ROLE_LEAD = re.compile(r"(\s*,\s*)|\s*")
_ROLE_SPLIT = re.compile(
    r"^(?:an?\s+|the\s+)?(?P<role>.+?)\s+(?:(?:at|@|with)\s+|w/\s*|@|(?:in|for)\s+(?=(?-i:[A-Z0-9])|\w*\d))"
    r"(?P<org>.+)$",
    re.I,
)
_ROLE_OF = re.compile(r"^(?:an?\s+|the\s+)?(?P<role>.+?)\s+of\s+(?P<org>.+)$", re.I)
_VIA = re.compile(
    r"\s*(?:(?:via|thru|through|by)\s+(?:an?\s+)?intro(?:duction)?\s+(?:from|by|via)|via|thru|through|thanks\s+to"
    r"|(?:introduced|intro(?:duce)?['’]?d)\s+(?:to\s+me\s+)?by|(?:an?\s+)?intro(?:duction)?\s+(?:from|by|via)|referred\s+by|(?P<by>by))\s+",
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
# Where you meet people: "from the devops meetup", "from the linkedin booth", "Ewa from the 7:40 train".
_EVENT_NOUNS = _set(
    "meetup meetups breakfast booth train bus conference conf fair dinner lunch party event mixer panel workshop "
    "meeting session center centre market garden gala drive cleanup hackathon summit festival expo show night "
    "afterparty reception launch retreat offsite course cohort program programme table coworking shoot wedding "
    "luncheon social webinar tasting networking forum bootcamp game iftar potluck"
)
_TIME_OF_DAY = re.compile(
    r"(?:noon|midday|midnight|lunch(?:time)?|dinner|night|\d{1,2}(?::\d\d)?\s*(?:am|pm)?|\d{1,2}h)$", re.I
)
_NOT_PLACES = frozenset({"the phone", "phone", "the call", "a call", "person", "real life", "the flesh"})
_POSSESSIVE_INTRO = re.compile(r"['’]s(?:\s+intro(?:duction)?)?\b", re.IGNORECASE)
_INTRODUCED_US = re.compile(r"^(?P<who>.{1,80}?)\s+introduced\s+(?:us|me|me\s+to\s+\w+)$", re.IGNORECASE)
_CONTEXT = re.compile(r"\s*(?:at|@|during|in|on)\s+", re.IGNORECASE)
# Emoji and pictographs between clauses are decoration, not words: "Jane 🎉 at PyCon".
_EMOJI = "\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff"
_GAP = re.compile(rf"[\s,;:.!?()\[\]{{}}|•*~\-–—{_EMOJI}]*")
# The stop after a title ends no clause: "connect them w Dr. Martinez by the 17th".
_SEGMENT_END = re.compile(
    r"[,;!?()\[\]|•]|" + NOT_A_TITLE + r"\.(?=\s|$)|\s[-–—]+\s|[–—]", re.IGNORECASE
)


_PREPOSITIONS = _set("for at with on in to from about by of into over after before during re regarding abt")


_NOT_JOB_WORDS = _set("i me my we you he she they him her them it is are was were be been 's lol haha hes shes theyre")


def _plain_word(word: str) -> bool:
    """Not a verb said as one: "seed partner", "support engineer" are jobs; "loves", "obsessed" are verbs."""
    inflected = word.endswith("s") or (word.endswith("ed") and not word.endswith("eed"))
    return word not in VERB_FORMS or not (inflected or len(word) <= 3)


def _job_words_ok(words: list[str]) -> bool:
    """No verb, pronoun or past participle: "chidi is a lawyer" and "obsessed with sourdough" are not jobs; a job
    word last keeps a job whatever comes first ("hiring mgr", "purchasing manager", "talent acq")."""
    head = [w.lower().strip(".,") for w in words[:-1]]
    if (
        words
        and words[-1].lower().strip(".,") in _ROLE_WORDS
        and len(words) <= 3
        and all(w.endswith("ing") or (_plain_word(w) and w not in _NOT_JOB_WORDS) for w in head)
        and not any(w in ("a", "an", "the", "some") for w in head)
    ):
        return True
    for word in words:
        low = word.lower().strip(".,")
        if low in _ROLE_WORDS or low in _ROLE_MODIFIERS or word in _ACRONYM_ROLES or low in ("of", "and", "&"):
            continue
        if low in VERB_FORMS or low in _NOT_JOB_WORDS or (low.endswith("ed") and len(low) > 4):
            return False
    return True


def _capitalise(word: str) -> str:
    """ "o'brien" -> "O'Brien", "jean-luc" -> "Jean-Luc". Only for words typed all in lower case."""
    return re.sub(r"(^|[-'’])([^\W\d_])", lambda m: m.group(1) + m.group(2).upper(), word)


def _is_owner(word: str) -> bool:
    """ "Jane" in "Jane's husband" names a person; "mum" in "mum's friend" does not."""
    low = word.lower()
    return not is_not_a_name(word) and low not in RELATIONS and low not in _STOP and low not in _set("mum mom dad")
