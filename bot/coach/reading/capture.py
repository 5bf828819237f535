"""One-line capture: "grabbed coffee w/ sam (PM @ stripe) yday - wants intro to a designer" becomes a Meeting.

Principle 13 (serendipity counts) asks that anyone can be captured with one line, in any order, with no
mandatory fields but a name. So the parser is forgiving, in four steps:
1. the lead: any way of saying it ("met", "coffee w/", "ran into", "zoom with", "was introduced to", "great
   meeting"), and words before the name ("an investor named", "Jane's husband", "the Acme team -");
2. the people: names (titles like "Dr" kept apart), "and his cofounder Mei", "(PM @ stripe)", "from Acme";
3. the clauses: where, when (bot/coach/reading/dates.py reads "yday", "last sat", "on the 3rd"), who introduced you;
4. the rest, clause by clause, given to the person it is about ("Raj needs a lawyer", "she's a PM at Asana",
   "her husband Rob is a plumber"), from which notes.py pulls interests, needs, offers, birthdays, wins and
   the user's promises with their due dates. Everything stays in the notes as typed.
``understand`` says how sure that is (a capture, maybe one, or chat); it never invents a name it cannot see and
never takes a verb or a filler word for one (bot/coach/reading/stopwords.py).

It is a small hand-written scanner rather than one big regular expression: names, roles and places are decided
word by word (is this capitalised? a job title? a keyword?), which a regex cannot say clearly. A line costs a
few tenths of a millisecond (bench/bench_capture.py), scored against tests/corpus/lines.txt.

The scanner's parts: the words and patterns (lexicon.py), the people a line names (people.py), who each clause
is about (clauses.py); this module reads the whole line.
"""

from __future__ import annotations

import re
from datetime import date

from bot.coach.errors import NotUnderstood
from bot.coach.reading.clauses import _INTERJECTION, _attribute, _merge
from bot.coach.reading.dates import _WEEKDAYS, day_at, find_day, still_to_come
from bot.coach.reading.given_names import is_given_name, pronoun_of
from bot.coach.reading.jobs import SAYS_MORE, _an_org_name, _apply_paren, _scan_attributes, a_job_s_word, job_said
from bot.coach.reading.lexicon import (
    _CAPITAL_TITLES,
    _EMOJI,
    _EVENT_NOUNS,
    _GAP,
    _INTRODUCED_ME_TO,
    _LEAD,
    _LEAD_JUNK,
    _MEAL,
    _MONTH_WORDS,
    _PLACE_NOUNS,
    _ROLE_WORDS,
    _SEGMENT_END,
    _TALK,
    _TIE,
    _TITLES,
    _X_INTRODUCED_ME,
    OFFICES,
    RANKS,
    RELATIONS,
    TALKED_WITH,
    _capitalise,
    _set,
    tie_role,
)
from bot.coach.reading.meeting import HINT, MAX_PEOPLE, Meeting, PersonMention, Understood
from bot.coach.reading.mentions import described_as, first_person
from bot.coach.reading.notes import Facts, extract_facts
from bot.coach.reading.people import _clean, _scan_name, _scan_people, tie_of_a_person
from bot.coach.reading.promises import _HANDING, _promises, runs_on
from bot.coach.reading.rest import _read_rest, _Rest, event_said
from bot.coach.reading.second_look import people_found, second_look
from bot.coach.reading.shorthand import _COMPANIES
from bot.coach.reading.spans import NOT_A_TITLE
from bot.coach.reading.stopwords import NAMES_THAT_ARE_WORDS as _NAMES_THAT_ARE_WORDS
from bot.coach.reading.stopwords import is_not_a_name
from bot.coach.reading.tagger import tagging
from bot.coach.reading.ties import mentioned_ties, relatives_met, said_whole, tie_pairs
from bot.coach.reading.titles import a_title
from bot.coach.reading.unmet import not_met
from bot.coach.reading.verbs import is_a_word, is_inflected
from bot.coach.reading.ways import way_of_meeting
from bot.coach.reading.work import a_company_word, a_place, company_said

# --- the whole line -------------------------------------------------------------------------------------------


def _read(
    s: str,
    start: int,
    today: date,
    by_introduces: bool = False,
    introducer: str = "",
    lead_in: str = "",
    heading: bool = False,
) -> Meeting | None:
    people, j, lowered = _scan_people(s, start)
    if not people:
        return None
    rest = _read_rest(s, j, people, lowered, today, by_introduces)
    if lead_in:  # what was said before the first name is said about them too ("remind me to call Ana")
        rest.free.insert(0, [_through_the_names(lead_in, s, (start, j), people, rest), ", "])
    relatives_met(s, people)  # "his daughter Susan phoned": hers is what the line says of her
    read = _attribute(rest.free, people, today, lead_in=bool(lead_in) and heading)
    notes = rest.notes()
    facts = Facts()
    for said in read.values():  # the line says what its clauses say, each read once
        _merge(facts, said)
    for person, aside in _asides(s, people):  # "marcus bell (ml eng mgr @ ramp, needs someone for forecasting)"
        said = extract_facts(aside, today)
        _merge(person.facts, said)
        _merge(facts, said)
        if len(people) > 1:
            person.said = f"{aside}. {person.said}" if person.said else aside
    for person in people:  # what is said about everyone at once ("met Ann, loves jazz") stays on the line too
        _merge(facts, person.facts)
    return Meeting(
        people=people,
        when=rest.when or today,
        context=place_said(rest.context or next((p.met_at for p in people if p.met_at), "")),
        introduced_by=introducer or rest.introduced_by,
        facts=facts,
        notes=notes,
        mentioned=_mentioned(s, people),
    )


def _asides(s: str, people: list[PersonMention]) -> list[tuple[PersonMention, str]]:
    """What brackets right after a person's name say beyond their job, read as said of them: "(ml eng mgr @ ramp,
    needs someone for forecasting, asked for my gh link - sending tonight)", "(founder, needs a lead)"."""
    found = []
    for person in people:
        named = _brackets_after(s, person)
        aside = named[1].group(1) if named else ""
        if "," in aside and SAYS_MORE.search(aside):
            found.append((person, aside))
    return found


_BRACKETED = re.compile(r"\s*\(([^()]{3,300})\)")


def _brackets_after(s: str, person: PersonMention) -> tuple[int, re.Match[str]] | None:
    """Where ``person`` is first named in ``s``, and the brackets right after the name (found without a pattern made
    per name); None when no brackets follow it."""
    at = s.casefold().find(person.name.casefold()) if person.name and "(" in s else -1
    m = _BRACKETED.match(s, at + len(person.name)) if at >= 0 else None
    return (at, m) if m else None


# After the names, words that say who they are rather than finish a promise: "Ana from Acme", "Ana's".
_NOT_THE_ACTION = re.compile(r"(?:from|at|@|of|is|was|who|\(|['’]s)(?!\w)", re.IGNORECASE)
_HER = frozenset({"mrs", "ms", "miss", "frau", "madame", "mme", "sra", "srta", "senora", "señora", "dame"})
_HIM = frozenset({"mr", "herr", "sir", "monsieur", "senor", "señor", "sr"})


def _through_the_names(lead_in: str, s: str, at: tuple[int, int], people: list[PersonMention], rest: _Rest) -> str:
    """A promise the names cut in two, read whole: "remind me to call" Ana "tomorrow about the lease" -> "remind me
    to call her tomorrow about the lease" (the names said as a pronoun, the day the promise's, not a meeting's)."""
    start, j = at
    if not runs_on(lead_in) or not re.search(r"[\w'’]\s*$", s[:start]):  # "follow up: Hamid ...": a heading
        return lead_in
    seg = _SEGMENT_END.search(s, j)
    end = seg.start() if seg else len(s)
    after = s[j:end].strip()
    if _NOT_THE_ACTION.match(after):
        after = ""
    if after and rest.free and after.endswith(rest.free[0][0]):
        rest.free.pop(0)  # read here, with the words before the name
    said = day_at(s, _GAP.match(s, j).end(), rest.today, "past")  # type: ignore[union-attr]  # always matches
    if after and said is not None and said.end <= end and rest.when == said.day:
        rest.when = None
    comma = re.match(r"\s*,\s*", s[end:])  # "thank-you email to" Ana "for the invite, tmrw morning": its day
    later = day_at(s, end + comma.end(), rest.today, "future") if after and comma and rest.when else None
    if later is not None and rest.when == later.day and not s[later.end :].strip(" .!"):
        rest.when, after = None, f"{after}, {s[end + comma.end() : later.end]}"  # type: ignore[union-attr]
    return " ".join(w for w in (lead_in, _object_pronoun(people, s[j:]), after) if w)


_SHE_OR_HE = re.compile(r"\b(she|he)(?:'s|’s|'ll|’ll|'d|’d)?\b", re.IGNORECASE)


def _object_pronoun(people: list[PersonMention], after: str = "") -> str:
    """ "her", "him" or "them" for the people named: by title, by first name, or by how the line goes on ("owe Sasha
    a review, she's a DevRel")."""
    if len(people) != 1:
        return "them"
    title = people[0].title.lower().rstrip(".")
    said = "she" if title in _HER else "he" if title in _HIM else pronoun_of(people[0].name.split()[0])
    later = _SHE_OR_HE.search(" ".join(re.split(r"(?<=[.!?])\s", after)[:2]))  # this sentence or the next
    if not said and later and not any(is_given_name(w) for w in re.findall(r"\b[A-Z][a-z]+", after[: later.start()])):
        said = later.group(1).lower()  # ... unless someone else is named first
    return {"she": "her", "he": "him"}.get(said, "them")


# "the meetup of python", "the event of startups": a place said the other way round ("python meetup").
_OF_PLACE = re.compile(
    r"^(?:the\s+)?(?P<what>meetup|conference|conf|event|party|fair|dinner|mixer|night)\s+of\s+(?:the\s+)?(?P<of>.+)$",
    re.IGNORECASE,
)
_PLACE_SHORTHAND = {"@": "at", "mtg": "meeting", "mtng": "meeting", "mkt": "market", "mkts": "markets"}


def place_said(where: str) -> str:
    """A place as it is kept, in the user's words but for an "@" ("open house @ 42 maple" -> "open house at 42
    maple") and a place said the other way round ("the meetup of python" -> "python meetup")."""
    where = _PLACE_ENDS.split(where, maxsplit=1)[0]  # "the convention center 🎉 booth next to": the place
    where = _PLACE_OPENS.sub("", where)  # "Yesterday Kakao lunch": the day is when
    if re.fullmatch(r"\d+[A-Za-z]{3}\d+", where):
        return ""  # "131530FEB26": a day and hour written as the army does, no place
    where = " ".join(_PLACE_SHORTHAND.get(w.lower(), w) for w in where.replace("@", " @ ").split())
    where = _before_news(where)  # "NACAC fair in Chicago was a zoo": the fair in Chicago, not the zoo
    if not _a_place_to_name(where):
        return ""
    m = _OF_PLACE.match(where)
    return f"{m.group('of')} {m.group('what')}" if m else where


# Said with a place, words that make it news: "Chicago was a zoo", "Pruitt Ford went splendidly".
_IS_NEWS = _set("was were is are went came got had did felt seemed looked ran")


def _before_news(where: str) -> str:
    """The words of ``where`` before a verb said of it, or about the people ("talked to 2 candidates at")."""
    words = where.split()
    for k, word in enumerate(words):
        low = word.lower()
        after_ly = k > 0 and words[k - 1].lower().endswith("ly")  # "internationally trained architects"
        done = word.islower() and low.endswith("ed") and not after_ly and is_inflected(low)
        if low in _IS_NEWS or done:
            words = words[:k]
            break
    while words and words[-1].lower() in _DANGLING:  # "church the": what followed was no part of it
        words.pop()
    return " ".join(words)


_DANGLING = _set("the a an of at in on to with w for from and or my our his her their")
# Never a place on its own: a day, a moment, a note to self, a count of people or minutes.
_NO_PLACE = re.compile(
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|once|note|notes|hr|between\b.*|\d+\s+(?:ppl|people|mins?|minutes)\b.*"
    r"|(?:the\s+)?[\d:.]+|f/u\b.*|follow[\s-]?up\b.*|feeling\b.*|memo\b.*|note\s+to\s+self|reminder|fyi"
    r"|from\s.*"  # "Deposit in from the Brennan-Shahs": where something came from
    r"|(?:the\s+)?(?:zoom|teams|phone|telephone|facetime|skype|call|video|slack|whatsapp|email))",  # how, not where
    re.IGNORECASE,
)


def _a_place_to_name(where: str) -> bool:
    """Not a day, a moment, a note, a feeling or an amount ("$42M pre")."""
    return bool(where) and not _NO_PLACE.fullmatch(where) and where.lstrip()[:1] not in "$€£¥"


# A place ends where an emoji or an aside starts; a day said first is when, not where.
_PLACE_ENDS = re.compile(
    rf"\s*[{_EMOJI}]|\s+(?:lol|lmao|haha+|tbh|ngl|omg)\b",
    re.IGNORECASE,
)
_PLACE_OPENS = re.compile(r"^(?:yesterday|today|tonight|last\s+night|this\s+morning)\s+(?=\w)", re.IGNORECASE)


def _mentioned(s: str, people: list[PersonMention]) -> list[str]:
    """The people a line names but did not meet: "Jae" in "Jae's boss Minji", "(Zayn's dad)", "her daughter Jen",
    "my lawyer Nina will join", "I'll connect her w Dr. Amadi" (ties.py)."""
    return mentioned_ties(s, people)


# Where a name may start later in a line: a capital after a space, a "+", "&", "→" or a bracket, never a sentence's
# first word ("Gala is Sept 19"), or a title ("Dr. Hahn", "Mrs Patel").
_LATER_NAME = re.compile(r"(?<=[\s(+&→>,:;])(?:(?<![.!?]\s)|(?=(?:Dr|Prof|Mr|Mrs|Ms|Mx)\b))(?=[A-Z])")


# After a role or a tie: "the hiring mgr Kwame Das", "her cofounder Ben Adler".
_NAMED_AFTER = re.compile(r"\b(?:the|my|our|his|her|their)\s+(?:[\w-]+\s+){0,2}[\w-]+\s*$", re.IGNORECASE)
# A place, not a person: "Main St", "Union Square", "Central Station".
_PLACE_END = re.compile(
    r"(?:st|st\.|ave|rd|street|road|avenue|blvd|square|sq|park|hall|center|centre|station|airport|bank|university"
    r"|college|school|hospital|cafe|café|bar|hotel|church|club|gym|lab|labs|group|capital|ventures|partners|farm"
    r"|farms|bakery|market|apiary|studio|studios)$",
    re.IGNORECASE,
)
# Said of a first name alone, later in a line, after a meeting that happened: met too ("followed up w/ Kayla tho",
# "then coffee w Kayla"); not someone still to talk to ("gotta clear it w/ Mark", "connect her with Kayla").
_MET_WITH_ALONE = re.compile(
    r"\b(?:met|(?:followed\s+up|talked|spoke|chatted|caught\s+up|coffee|lunch|dinner|drinks|beers|call|zoom|chat)"
    r"\s+(?:w/?|with|to))\s*$",
    re.IGNORECASE,
)
_JOINED = re.compile(r"(?:[+&→,]|\band|\bwith|\bw/?)\s*$", re.IGNORECASE)


# A later name that starts inside a run of capitals ("Lockheed Martin Grand Prairie") is the rest of a firm's name.
_NOT_A_LATER_NAME = re.compile(r"(?<=[\w,;:)]\s)(?!(?:Dr|Mr|Mrs|Ms|Prof|Sgt|Col|Capt|Lt)\b)[A-Z][\w'’-]+\s+$")
# A town said with its state: "in Sherman TX".
_STATES = frozenset(
    (
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
        "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
        "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
    )
)  # fmt: skip
_OPENED_AFTER = re.compile(r"(?P<word>[\w'’-]+)\s*\(\s*$")
_JOINED_PART = re.compile(r"[+&,;:(]|\s[-–—]\s|\b(?:and|with|w/)\s", re.IGNORECASE)


def _more_people(s: str, meeting: Meeting) -> None:
    """Someone the line names after the people it was read for ("met Dana + the hiring mgr Dr. Paul Weiss", "Prof.
    Okonkwo wants a chapter, Dr. Hahn will send me her code") is saved too, when the name is clearly a person's: a
    first name people are called, or a title before it."""
    said = [p.name for p in meeting.people] + list(meeting.mentioned) + [meeting.introduced_by, meeting.context]
    said += (
        [p.company for p in meeting.people] + [p.link_to for p in meeting.people] + [p.met_at for p in meeting.people]
    )
    known = {w.casefold() for name in said if name for w in name.split()}
    for m in _LATER_NAME.finditer(s):
        if len(meeting.people) >= MAX_PEOPLE:
            return
        named = _scan_name(s, m.start(), False)
        if named is None or not named.name:
            continue
        words = named.name.split()
        letters = ""
        lettered = len(words) >= 2 and words[0].isupper() and 2 <= len(words[0]) <= 4
        if lettered and a_place(" ".join(words[1:])):
            continue  # "HEE London": an office in a city, no one
        if lettered and is_given_name(words[1]):
            letters, words = words[0], words[1:]  # "Her MA Tiffany", "our ED Lorraine", "their EIR Sunil Das": a job
            named = named._replace(name=" ".join(words))
        if any(w.casefold() in known for w in words) or is_not_a_name(words[0]) or _PLACE_END.match(words[-1]):
            continue
        if not is_given_name(words[0]) and any(a_job_s_word(w) for w in words):
            continue  # "Senior Instructional", "Clinical Education", "Director Analytics": a job, no one's name
        if _NOT_A_LATER_NAME.search(s, 0, m.start()) or words[-1] in _STATES:
            continue  # "Lockheed Martin Grand Prairie", "in Sherman TX": the rest of a firm's name, a town
        if all(w.isupper() and len(w) > 1 for w in s[m.start() : m.start() + len(named.name)].split()):
            continue  # "fwd my resume to HR NLT fri": initials, no one's name
        if words[-1].lower().rstrip(".") in _ROLE_WORDS and not is_given_name(words[0]):
            continue  # "(Google, Senior Engineer)", "Legislative Dir.": a job, no one's name
        if any(len(w) == 1 for w in words):
            continue  # "Associate R&D Director": a letter alone is no part of a name (an initial has its stop)
        opened = _OPENED_AFTER.search(s, 0, m.start())
        if opened and opened.group("word").casefold() in known:
            continue  # "Amara Obi (Brand Dir, Lumen)": her job, not a second person
        whole = len(words) >= 2 and all(w[:1].isupper() and not is_not_a_name(w) for w in words)
        joined = bool(_JOINED.search(s, 0, m.start()))  # "+ Kwame Das", "and his wife Ama Osei"
        met_alone = len(words) == 1 and is_given_name(words[0]) and bool(_MET_WITH_ALONE.search(s, 0, m.start()))
        said_whole = whole and (joined or is_given_name(words[0]) or bool(_NAMED_AFTER.search(s, 0, m.start())))
        if not (named.title or met_alone or said_whole or letters):  # "his GA Chris": his GA, Chris
            continue
        job = described_as(_JOINED_PART.split(s[: m.start()])[-1].lower())  # "+ the hiring mgr Dr. Paul Weiss"
        meeting.people.append(PersonMention(named.name, title=named.title, role=job or letters))
        known.update(w.casefold() for w in words)


def _read_line(s: str, today: date, told: bool = False) -> tuple[str, Meeting | None]:
    """``told``: the user said it is a meeting (/met), so the first word may be a name whatever it looks like."""
    early = day_at(s, _LEAD_JUNK.match(s).end(), today, "past")  # type: ignore[union-attr]  # "yday coffee w/ Marta"
    if early is not None and _LEAD.match(s, early.end):
        kind, meeting = _read_line(s[early.end :].lstrip(" ,:-"), today, told)
        if meeting is not None and meeting.when == today:
            meeting.when = early.day
        return kind, meeting
    dash = _DASH_HEAD.match(s)  # "SaaStr - met Jane Doe from Gong": the event, then the meeting
    if dash and _LEAD.match(s, dash.end()) and not _EXCLAIMED.match(dash.group("head")):
        kind, meeting = _read_line(s[dash.end() :], today, told)
        if meeting is not None:
            if not _news(dash.group("head")):  # "jenny's intro came thru finally - met raj": news, not a place
                meeting.context = meeting.context or place_said(dash.group("head"))
            return kind, meeting
    introduced = _read_introduced(s, today)
    if introduced is not None:
        return "meeting", introduced
    m = _X_INTRODUCED_ME.match(s)
    if m and not is_not_a_name(m.group("who").split()[0]):
        who = _scan_name(m.group("who"), 0, None)
        meeting = _read(s, m.end(), today, introducer=who.name if who else "")
        if meeting is not None:
            return "meeting", meeting
    lead = _LEAD.match(s)
    if lead:
        at = first_person(s, lead.end())
        after_org = _org_met_at(s, at) if at is not None else None  # "Call w/ Wayfair recruiting - Nadia Perez"
        at = after_org if after_org is not None else at
        role = described_as(s[lead.end() : at]) if at is not None else None
        firm = _firm_before(s, lead.end())  # "coffee w/ Sysco area rep Pat Moreno"
        if firm is not None:
            at, role = firm[0], firm[1]
        start = at if (role is not None or after_org is not None) and at is not None else lead.end()
        meeting = _read(s, start, today, by_introduces=bool(lead.group("intro")))
        if meeting is not None and after_org is not None:
            _lead_in_company(meeting, "", s[:after_org])
        if meeting is not None:
            if role and not meeting.people[0].role:
                meeting.people[0].role = role
            if firm is not None and not meeting.people[0].company:
                meeting.people[0].company = firm[2]
            meeting.context = meeting.context or event_said(s[: lead.end()])  # "panel w/ Karen", "coffee line chat w/"
            return "meeting", meeting
    kind, meeting = _read_from_first_person(s, today)
    if meeting is None and told:
        return "maybe", _read(s, 0, today)  # "/met Person1 Test": whatever the finder makes of it
    return kind, meeting


# --- a line that opens with anything: the people first ------------------------------------------------------------


# The one who did it, said last before "introduced me to": a name (a title allowed) opening the clause.
_NAME_BEFORE = re.compile(r"(?:^|[,.;:!?]\s+)(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s*$")
_MY_INTRODUCER = re.compile(r"^\W*(?P<who>(?:my|our)\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s*$", re.IGNORECASE)


# Said as met before they introduced someone: "saw Sofia Brandt again!! she introduced me to", "mock interview w/".
_MET_BEFORE = re.compile(
    r"\b(?:saw|met|w/?|with|ran\s+into|bumped\s+into|caught\s+up\s+with|visited)\s+(?:(?:my|our)\s+[\w-]+\s+)?"
    r"(?:[A-Z]{2,4}\.?\s+)?$",
    re.IGNORECASE,
)


# A firm, the job there, then the name: "Whole Foods regional buyer Karen Liu", "Sysco area rep Pat Moreno".
_FIRM_ROLE_NAME = re.compile(
    r"(?P<org>(?:[A-Z][\w&'’.-]*\s+){1,3}?)(?P<role>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*\s+)(?P<first>[A-Z][\w'’-]+)"
)
_NOT_IN_A_JOB = _set("and or his her their my our with w the a an to from at of for")


def _firm_before(s: str, at: int) -> tuple[int, str, str] | None:
    """(where the name starts, the job, the firm) when the words at ``at`` are a firm, a job there and a first name:
    "Whole Foods regional buyer Karen Liu"; not "Raj and his cofounder Mei" (a name, then a tie)."""
    m = _FIRM_ROLE_NAME.match(s, at)
    if m is None or not is_given_name(m.group("first")):
        return None
    org, said = m.group("org").split(), m.group("role").split()
    if any(is_given_name(w) or w.endswith(("'s", "’s")) for w in org) or any(w.lower() in _NOT_IN_A_JOB for w in said):
        return None
    role = described_as(m.group("role"))
    return (m.start("first"), role, " ".join(org)) if role else None


def _news(head: str) -> bool:
    """ "jenny's intro came thru finally", "offer signed": words with a verb done are news, never a place."""
    return any(w.islower() and not w.endswith("ing") and is_inflected(w) for w in head.split()[1:])


def _read_introduced(s: str, today: date) -> Meeting | None:
    """ "My neighbor Gloria introduced me to her brother Vincent", "the Pastor present me to Grace": the person met
    comes after "me to", introduced by the one named before it (and linked to them by the tie said)."""
    m = _INTRODUCED_ME_TO.search(s)
    if m is None:
        return None
    at = first_person(s)
    mine = _MY_INTRODUCER.match(s[: m.start()])  # "my accountant sent me to Olga Petrova"
    if mine and (at is None or at >= m.start()):
        meeting = _read(s, m.end(), today, introducer=mine.group("who"))
        return meeting
    if at is None or at >= m.start():
        return None
    who = _scan_name(s, at, None)
    if who is None or who.end > m.start() or re.search(r"\b(?:who|that|which)\b", s[who.end : m.start()], re.I):
        return None  # "Meera's bday 3 nov, she's the one who intro'd me to Thibault": about Meera
    nearest = _NAME_BEFORE.search(s[: m.start()])  # "Dropped off boxes at Grace AME, Pastor Angela introduced me"
    later = _scan_name(s, nearest.start("who"), None) if nearest and nearest.start("who") > at else None
    introducer = later or who
    alone = " " not in introducer.name
    whole = re.search(rf"\b{re.escape(introducer.name)}\s+[A-Z]", s[: m.start()]) if alone else None
    fuller = _scan_name(s, whole.start(), False) if whole else None
    if fuller is not None and fuller.name.startswith(introducer.name + " "):
        introducer = fuller  # "Marcus Hale ... Marcus introduced me to": the name as first said, whole
    by = f"{introducer.title} {introducer.name}" if introducer.title else introducer.name  # "Deacon Ray"
    meeting = _read(s, m.end(), today, introducer=by)
    if meeting is None:
        return None
    first = meeting.people[0]
    first_said = re.search(rf"\b{re.escape(introducer.name.split()[0])}\b", s)  # "breakfast w DP Marcus Hale ...
    said_at = first_said.start() if first_said else at  # Marcus introduced me to": where they were first named
    if _MET_BEFORE.search(s[:said_at]) and all(p.name != introducer.name for p in meeting.people):
        # "saw Sofia Brandt again!! she introduced me to ...": both were met
        meeting.people.insert(0, PersonMention(introducer.name, title=introducer.title))
        meeting.mentioned = [n for n in meeting.mentioned if n != introducer.name]
    if m.group("rel"):
        first.link_to, first.link_as = introducer.name, m.group("rel").lower()
        first.role = first.role or tie_role(first.link_as)
    where, when, _, _ = _read_lead_in(s[:at], today)
    if where and not meeting.context:
        meeting.context = place_said(where)
    if when is not None and meeting.when == today:
        meeting.when = when
    return meeting


# "SaaStr - met Jane Doe": the event before a dash, when a meeting is said after it (_read_line); "between pts -" is
# when, not where.
_WHEN_HEAD = r"(?!(?i:(?:in\s+)?between)\b)"
_DASH_HEAD = re.compile(r"^" + _WHEN_HEAD + r"(?P<head>[^.!?:;()—–\-]{2,40}?)\s+[-–—]+\s+")
# "design meetup @ figma office:", "school gate -", "poster session @ CHI:": a heading that says where.
_HEADING = re.compile(r"^" + _WHEN_HEAD + r"(?P<head>[^.!?:;()—–]{2,60}?)\s*(?::|\s[-–—]+|[—–])\s")
_EVENT_THEN_MET = re.compile(
    r"^(?!(?:after|before|during|at|in|on)\b)(?P<head>[^.!?:;(),—–]{2,40}?)\s*,\s*(?:met|meeting|talked\s+to|chatted\s+(?:with|w/?)|spoke\s+(?:to|with))\s*$",
    re.IGNORECASE,
)
_DID_AT = re.compile(
    r"\b(?:attended|photographed|shot|covered|hosted|visited|went\s+to)\s+(?P<place>[^,.;:!?()]{3,40}?)"
    r"(?=\s*(?:[,.;:!?]|$|\s(?:today|yesterday|tonight|this|last)\b))",
    re.IGNORECASE,
)
_AFTER_PLACE = re.compile(r"\b(?:after|before)\s+(?P<place>(?:the\s+)?[a-z]+)\b", re.IGNORECASE)
_NOT_HEADINGS = re.compile(
    r"^(?:pls|please|note|reminder|remind|todo|to-do|fyi|btw|follow[\s-]?up|quick|q|ok|update|news|log|recap|ugh|omg"
    r"|also|so|and|hey|hi|thx|thanks)\b",
    re.IGNORECASE,
)
# "Great news -", "Praise God -", "Long day:": a cry, not where they met.
_EXCLAIMED = re.compile(
    r"^(?:great|good|big|amazing|awesome|wow|yay|phew|whew|finally|crazy|wild|busy|long|praise|thank|thanks\s+be\s+to)"
    r"\s+(?:news|day|one|god|lord|jesus|week|night|morning)!*$",
    re.IGNORECASE,
)
_PLACE_IN = re.compile(
    r"(?:^|(?<!looped)(?<!filled)(?<!chimed)(?<!signed)(?<!logged)(?<!checked)(?<!jumped)(?<!weighed)\s)"  # "looped in"
    r"(?i:at|@|in|on)\s+(?P<place>(?:the\s+)?(?:[^,.;:!?()]|(?<=\d)[:.](?=\d)){2,50}?)"
    r"(?=\s*(?:,|:(?!\d)|;|(?<!\bSt)(?<!\bMt)(?<!\bFt)\.(?!\d)|$"  # "St. Luke's" goes on after its stop
    r"|\s(?:with|w/?|i|I|we|today|yesterday|the\s+\w+\s+[A-Z]|-|—|–)\b))"
)
_INTRO_LEAD = re.compile(
    r"^(?:.*?\b)?(?:intro(?:duction)?|referral)\s+(?:from|by|via)\s+(?P<who>[^,:;→>—–-]{1,40}?)\s*(?:→|->|>|:|,|[-–—])\s*$",
    re.IGNORECASE,
)
_MET_WORDS = re.compile(
    rf"\b(?:met|meet|meeting|mtg|talk|talked|spoke|chat|chatted|{_MEAL}|{_TALK}|with|con|w(?=/|\s|$)"
    r"|emailed|texted|called|phoned|pinged|messaged|informed|visited|babysat)(?:/|\b)",
    re.I,
)  # "w/" too: "phone screen w nina", "QBR prep w/ Hiro"; "emailed mr okafor", "pinged by Jordan Blake"
# Said of them right after their name, something done with the user: "Pat from Sysco came by", "Bea texted YES!!".
_MET_AFTER = re.compile(r"\b(?:" + TALKED_WITH + r"|came\s+to|call\s+me|sent\s+me|ate\s+here|visited)\b", re.IGNORECASE)


def _talked_after(text: str) -> bool:
    """Whether the first sentence of ``text`` says something done with the user ("Pat from Sysco came by")."""
    return _MET_AFTER.search(re.split(r"[.!?;]\s", text, maxsplit=1)[0][:100]) is not None


def _read_lead_in(text: str, today: date) -> tuple[str, date | None, str, bool]:
    """What the words before the first name say: (where, when, who introduced you, whether they say you met)."""
    words = text.strip(" ,:;-–—→>")
    when = find_day(words, today, "past")
    if when is not None and still_to_come(when.day, today):
        when = None  # "venue walkthru for the Kim/Patel wedding (6/13)": the wedding is ahead
    intro = _INTRO_LEAD.match(text.strip())
    introducer = intro.group("who").strip() if intro else ""
    where = ""
    heading = _HEADING.match(text)
    exclaimed = heading is not None and _EXCLAIMED.match(heading.group("head").strip())
    if heading and not _NOT_HEADINGS.match(heading.group("head")) and not intro and not exclaimed:
        head = heading.group("head").strip()
        if len(head.split()) <= 8 and not any(w.lower() in ("i", "i'm", "we") for w in head.split()):
            where = head
        else:  # "trade fair day 3 feet dead 😩 quick ones:": the event it opens with
            opening = next((k for k, w in enumerate(head.split()[:3]) if w.lower() in _EVENT_NOUNS), None)
            where = " ".join(head.split()[: opening + 1]) if opening is not None else ""
    did = _DID_AT.search(words) if not where else None
    if did and any(w.lower() in _EVENT_NOUNS | _PLACE_NOUNS for w in did.group("place").split()[-2:]):
        where = did.group("place")  # "photographed the charity gala, ..."
    after = _AFTER_PLACE.search(words) if not where else None
    if after and after.group("place").split()[-1].lower() in _PLACE_NOUNS:
        where = after.group("place")  # "had coffee after church with ...", not "after lunch"
    event = _EVENT_THEN_MET.match(text) if not where else None
    if event and any(w.lower() in _EVENT_NOUNS | _PLACE_NOUNS for w in event.group("head").split()):
        where = event.group("head")  # "rust nyc meetup, met Mei Lin Park"
    if not where:
        place = _PLACE_IN.search(words)
        if place:
            where = place.group("place").strip()
    where = where or event_said(text)  # "panel w/ Chris Liang and Amara Obi", "lab meetup was 4/2. Sofia ..."
    at = words.find(where) if when is not None and where else -1
    if when is not None and at >= 0 and at < when.start < at + len(where):  # "the meetup yesterday", "at the gala
        where = where[: when.start - at].strip() or where  # this evening": the day is not part of the place
    return where, (when.day if when else None), introducer, bool(_MET_WORDS.search(words))


_FAMILY_BEFORE = re.compile(
    r"\bthe\s+[A-Z][\w'’-]+(?:\s+(?:brothers|sisters|siblings|twins|family|couple|kids))?\s*\(\s*"
)


# The company said before the people: "the Fable crew, Lee (CEO) + Ana", "2 ppl from spotify:", "jp morgan table:",
# "booth #12 - amazon", and a job said of the first of them: "the recruiter from deloitte, her name is Hannah".
_TEAM_BEFORE = re.compile(
    r"(?:\bthe\s+(?P<team>[\w&.'’-]+(?:\s+[\w&.'’-]+)?)\s+(?:crew|team|folks|guys|gang|people|ppl|lot)\b"
    r"|\b(?:ppl|people|folks|guys|two|three|\d)\s+(?:from|at|@)\s+(?P<from>[\w&.'’-]+(?:\s+[\w&.'’-]+)?)\s*[:,-]"
    r"|^(?P<table>[\w&.'’-]+(?:\s+[\w&.'’-]+)?)\s+(?:table|booth(?!\s+#?\w+\s*[-–—:])|stand|info\s+session|office|hq|coffee\s+chat)\b"
    r"|\bbooth\s+#?\w+\s*[-–—:]\s*(?P<booth>[\w&.'’-]+))",
    re.IGNORECASE,
)
_JOB_BEFORE = re.compile(
    r"(?:^|[:;]\s*|\b(?:the|a|an|this)\s+)(?P<role>[a-z]+(?:\s+[a-z]+)?)\s+(?:from|at|@|of)\s+(?P<org>[\w&.'’-]+(?:\s+[\w&.'’-]+)?)"
    r"\s*(?:,|\s+[-–—])\s*(?:(?:her|his|their)\s+name\s+is\s+|it'?s\s+|named\s+|called\s+)?$",
    re.IGNORECASE,
)

_SOMEONE = frozenset({"guy", "girl", "lady", "man", "woman", "person", "dude", "gentleman"})

# An organisation met with, said before the people, is where each of them works: "Zoom w/ Bayer BD - Klaus + Anja",
# "Vendor demo with Lattice. Rep was Jordan Pike", "tech validation w/ Klarna done", "greenleaf mtg done. Tom Reyes".
_ORG_UNIT = (
    r"(?:\s+(?:BD|HR|team|office|research\s+office|folks|people|ppl|crew|recruiting|talent(?:\s+team)?|leadership"
    r"|execs?|partners))?"
)
_MET_WITH_ORG = re.compile(
    r"\b(?:with|w/|w)\s+(?:the\s+)?(?P<org>(?-i:[A-Z])[\w&'’-]+(?:\s+(?-i:[A-Z])[\w&'’-]*){0,2})" + _ORG_UNIT
    + r"(?:\s*[-–—:,]|\.(?:\s|$)|\s+(?:done|today|yesterday|tonight|this\s+(?:morning|afternoon|evening))\b|$)",
    re.IGNORECASE,
)
_ORG_MEETING = re.compile(
    r"^(?P<org>[^\W\d_][\w&'’-]*(?:\s+[^\W\d_][\w&'’-]*)?)\s+(?:mtg|meeting|onsite|on-site|interviews?|kickoff"
    r"|kick-off|demo|site\s+visit|pitch)(?:\s+loop)?(?=\s*(?:[-–—:.,!]|$)|\s+(?:done|today|yesterday|on|w/?|with)\b)",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(r"\s+(?:BD|HR)$")
# How people meet, never whom they meet: "Zoom w/", "call w/ Teams"
_NO_ORG = frozenset({"zoom", "teams", "slack", "facetime", "whatsapp", "linkedin", "discord", "skype", "webex", "meet"})


def _a_person_s_word(word: str) -> bool:
    """A given name, a title or a rank: words that start a person's name, never an organisation's."""
    low = word.lower()
    return low in _TITLES or low in RANKS or is_given_name(word)


def _org_met_with(lead_in: str) -> str:
    """The organisation the user met with, said before the people (see _MET_WITH_ORG, _ORG_MEETING), or ""."""
    with_org = _MET_WITH_ORG.search(lead_in)
    if with_org is not None:
        org = with_org.group("org").rstrip(".,")
        first = org.split()[0]
        if _a_person_s_word(first) or first.lower() in _CAPITAL_TITLES or first.lower() in _NO_ORG:
            return ""  # "with Dr. Amir Haddad", "with Ms. Deepa Subramanian": a person's title
        if not a_place(org) and _an_org_name(first):
            return _UNIT_AFTER.sub("", org)  # "Zoom w/ Bayer BD - Klaus": Bayer
    heading = _ORG_MEETING.match(lead_in.strip())
    if heading is not None:
        first = heading.group("org").split()[0]
        low = first.lower()
        if _a_person_s_word(first):
            return ""
        unusual = any(c.isdigit() for c in first) or any(c.isupper() for c in first[1:])  # "N26", "HubSpot"
        word = a_company_word(low) and not is_a_word(low) and "-" not in low and low not in _ROLE_WORDS
        if low not in _NO_ORG and (unusual or word) and not a_place(first) and not a_title(low):
            return heading.group("org")  # not "barista interview", "pre-bid mtg"
    named = _ORG_HEADING.match(lead_in.strip())  # "Cascade Valley first-round zoom w/": an organisation's name
    if named and _named_as_an_org(named.group("org")):
        return "" if a_place(named.group("org")) else named.group("org")
    return ""


def _lead_in_company(meeting: Meeting, lead_in: str, before: str) -> None:
    """What the words before the people say about where they work (see _TEAM_BEFORE, _JOB_BEFORE and _org_met_with).

    ``before``: the words before the first person read, with the words first taken for one and passed over
    ("Pitch meeting with Sequoia: Nadia Perez").
    """
    job = _JOB_BEFORE.search(lead_in)
    someone = job and job.group("role").split()[-1].lower() in _SOMEONE  # "the franchise guy from jamba, Steve"
    if job and (tie_role(job.group("role")) or someone):
        first = meeting.people[0]
        first.role = first.role or ("" if someone else job.group("role"))
        first.company = first.company or job.group("org")
    team = _TEAM_BEFORE.search(lead_in)
    if team is None:
        org = _org_met_with(before)
    else:
        org = next(g for g in (team.group("team"), team.group("from"), team.group("table"), team.group("booth")) if g)
    if org and org.lower() not in ("my", "our", "the", "new"):
        for person in meeting.people:
            person.company = person.company or org


# A few lower-case words, a stop, then a meeting with someone: the words are an aside about the day, not a person.
_ASIDE_THEN_MEETING = re.compile(
    r"[a-z][\w'’]*(?:\s+[a-z][\w'’]*){0,2}\s*(?:[,.;:!]+|\s[-–—])\s*"
    r"(?i:(?:(?:had|grabbed|quick|a)\s+)?(?:coffee|lunch|dinner|drinks|breakfast|brunch|call|chat|zoom|walk|beers?|tea)"
    r"\s+(?:with|w/|w)\s+)"
)


_TIE_OF_BEFORE = re.compile(r"\b(?:the|a|an)\s+" + _TIE + r"\s+of\s+", re.IGNORECASE)


_INTRO_FROM_BEFORE = re.compile(r"\b(?:intro(?:duction)?|referral)\s+(?:from|by|via)\s+$", re.IGNORECASE)
_ARROW = re.compile(r"\s*(?:→|->|>|:|[-–—])\s*")


def _after_introducer(s: str, at: int) -> int:
    """ "intro from Paul G → Ayesha Siddiqui": the person met is after the arrow; Paul introduced her."""
    if not _INTRO_FROM_BEFORE.search(s, 0, at):
        return at
    who = _scan_name(s, at, None)
    arrow = _ARROW.match(s, who.end) if who is not None else None
    later = first_person(s, arrow.end()) if arrow is not None else None
    return later if later is not None and later == arrow.end() else at  # type: ignore[union-attr]


_LAST_PART = re.compile(r"[.!?:;,(]\s+|\s[-–—]+\s|[—–]")
# "venue walkthru @ The Glasshouse w/ the venue mgr Derek": who they are, after whom the user was with.
_WITH_THE = re.compile(r"^.*\b(?:w/?|with)\s+(?=(?:the|my|our|a|an|their)\s)", re.IGNORECASE)


# A run of capitalised words with the small words of a name between them: "Vietnamese American Chamber of Commerce".
_CAPITALISED_RUN = re.compile(r"(?:(?-i:[A-Z])[\w'’.&-]*(?:\s+(?:of|the|de|and|&)(?=\s+(?-i:[A-Z])))?\s*)+")
_WORD = re.compile(r"\s*([^\W\d_][\w-]*)")
_TWO_CAPITALS = re.compile(r"(?-i:[A-Z])[\w'’.&-]*\s+(?:of\s+|the\s+)?(?-i:[A-Z])")
MAX_CANDIDATES = 3  # the words taken for the first person that may turn out to be no one before the line is asked about


def _read_from_first_person(s: str, today: date) -> tuple[str, Meeting | None]:
    """A line that does not open with "met" or a name: find the first person, read the words before them. Words
    first taken for a person that name no one ("Vietnamese American Chamber of Commerce mixer, meet Tuấn Nguyễn") are
    passed over for the next."""
    at = first_person(s)
    for _ in range(MAX_CANDIDATES):
        if at is None:
            break
        org = _org_met_at(s, at)  # "Pitch meeting with Sequoia: Nadia Perez": whom they work for, not someone
        if org is None and at == 0:
            org = _org_heading_at(s)  # "Cascade Valley first-round zoom w/ Neil Sutton": the college, no one
        if org is not None:
            at = org
            continue
        kind, meeting = _read_from_person_at(s, at, today)
        if meeting is not None:
            return kind, meeting
        at = first_person(s, _passed_over_at(s, at)[1])
    return "maybe", None


def _org_met_at(s: str, at: int) -> int | None:
    """Where the next person is named when the words at ``at``, taken for a person, are an organisation met with
    (see _MET_WITH_ORG: "Panel interview with Medtronic done. Nadia Perez ..."), or None."""
    with_before = _MET_WITH_BEFORE.search(s, 0, at)
    if with_before is None:
        return None
    said = _MET_WITH_ORG.match(s, with_before.start())
    if said is None or said.start("org") != at or not _org_met_with(s[: said.end()]):
        return None
    if _A_TEAM.search(said.group(0)):
        return None  # "dinr w/ Halvorsen team: Raj + ...": the team's people are read as a team's
    return first_person(s, said.end())


# A line that opens with an organisation and the meeting had with it: "Cascade Valley first-round zoom w/ Neil".
_ORG_HEADING = re.compile(
    r"(?P<org>(?-i:[A-Z])[\w&'’-]*(?:\s+(?-i:[A-Z])[\w&'’-]*){0,2})\s+"
    r"(?:(?:first|second|final|1st|2nd)[- ]round\s+|intro\s+|phone\s+|video\s+)?"
    r"(?:zoom|call|interview|mtg|meeting|onsite|kickoff|demo)\b",
    re.IGNORECASE,
)


def _org_heading_at(s: str) -> int | None:
    """Where the next person is named when the line opens with an organisation met (see _ORG_HEADING), or None."""
    m = _ORG_HEADING.match(s)
    return first_person(s, m.end()) if m is not None and _named_as_an_org(m.group("org")) else None


# The last word of an organisation's name, never of a person's: "Cascade Valley", "Kiln Capital", "Mesa College".
_ORG_LAST_WORDS = _set(
    """college university uni valley capital partners ventures health bank group labs lab systems technologies
    foods medical medicine hospital school institute foundation council chamber agency studio studios media
    logistics consulting solutions insurance realty properties theatre theater society association club church
    district county academy clinic dental pharma therapeutics bio biosciences"""
)


def _named_as_an_org(org: str) -> bool:
    """ "Cascade Valley", "Basalt Ventures": two capitalised words or more, the last an organisation's, and no given
    name among them; "Tuan Nguyen call went well" names a person whatever the name list knows."""
    words = org.split()
    return len(words) >= 2 and words[-1].lower() in _ORG_LAST_WORDS and not any(is_given_name(w) for w in words)


_A_TEAM = re.compile(r"\b(?:team|crew|folks|people|ppl)\b", re.IGNORECASE)
_MET_WITH_BEFORE = re.compile(r"\b(?:with|w/|w)\s+(?:the\s+)?$", re.IGNORECASE)


def _passed_over_at(s: str, at: int) -> tuple[str, int]:
    """The capitalised words at ``at`` that named no one ("Vietnamese American Chamber of Commerce mixer"), with the
    event noun after them, and where to look for the next person."""
    run = _CAPITALISED_RUN.match(s, at)
    if run is None or run.end() <= at:
        return "", at + 1
    event = _WORD.match(s, run.end())  # "... Chamber of Commerce mixer": the event too
    said = s[at : event.end() if event and event.group(1).lower() in _EVENT_NOUNS else run.end()].strip(" ,")
    return said, run.end()


def _place_passed_over(s: str, meeting: Meeting) -> str:
    """Where a line that opens with a place or a group taken at first for a person says they met ("Sat go Hong Kong
    City Mall with mẹ, run into Thảo Lê"): the first run of capitalised words that names no one, of two words or
    more and no one's ("Noah's" was someone)."""
    first = meeting.people[0].name.split()[0] if meeting.people and meeting.people[0].name else ""
    named_at = s.find(first) if first else -1
    if named_at <= 0 or not _TWO_CAPITALS.search(s, 0, named_at):
        return ""  # most lines: no run of capitalised words before the first person to pass over
    at = first_person(s)
    for _ in range(MAX_CANDIDATES):
        if at is None or _scan_people(s, at)[0]:
            return ""
        said, after = _passed_over_at(s, at)
        if len(said.split()) > 1 and "'" not in said and "’" not in said:
            return said
        at = first_person(s, after)
    return ""


def _read_from_person_at(s: str, at: int, today: date) -> tuple[str, Meeting | None]:
    family = _FAMILY_BEFORE.search(s, 0, at)  # "the Garcias (Luis & Marta)": read from the family's name
    if family is not None and family.end() == at:
        at = family.start()
    tie = _TIE_OF_BEFORE.search(s, 0, at)  # "I meet the father of Leonie (...), Stefan": read from the tie
    if tie is not None and tie.end() == at and tie_of_a_person(tie.group("rel"), s[at:].split()[0]):
        at = tie.start()
    at = _after_introducer(s, at)
    firm = _firm_before(s, at)  # "tasting w/ Whole Foods regional buyer Karen Liu - she loved the habanero"
    at = firm[0] if firm is not None else at
    if at == 0:
        aside = _ASIDE_THEN_MEETING.match(s)  # "long day, coffee with Priya Das": 'long' is a given name too
        later = first_person(s, aside.end()) if aside else None
        if later is None:  # "Pat from Sysco came by": said as met; "Kayla birthday is june 12": asked about
            return ("meeting" if _talked_after(s) else "maybe"), _read(s, 0, today)
        at = later
    lead_in = s[:at]
    where, when, introducer, met = _read_lead_in(lead_in, today)
    free = lead_in.strip(" ,:;-–—→>") if not (where or introducer) or len(lead_in.split()) > 6 else ""
    right_before = _WITH_THE.sub("", _LAST_PART.split(lead_in)[-1])  # "venue walkthru @ X w/ the venue mgr" Derek
    job = described_as(right_before.lower())  # "reading group: new postdoc Marta"
    # The words before a name say a job only as a clause of their own ("new produce rep from Fresh Point - Danny Ruiz");
    # else the job is what is said right before the name, never its first words ("kickoff @ Halvorsen. new face: plant
    # mgr Gustavo Reyes": plant manager, not "kickoff" at "Halvorsen"; "Yesterday at the ESD dinner I sat next to").
    heading = bool(job) or bool(re.search(r"[.!?;:]\s", lead_in)) or not re.search(r"(?:,|\s[-–—]+)\s*$", lead_in)
    meeting = _read(s, at, today, introducer=introducer, lead_in=free, heading=heading)
    if meeting is None:
        return "maybe", None
    first = s.lower().find(meeting.people[0].name.split()[0].lower(), at)
    _lead_in_company(meeting, lead_in, s[:first] if first > at else lead_in)
    if firm is not None:
        meeting.people[0].role = meeting.people[0].role or firm[1]
        meeting.people[0].company = meeting.people[0].company or firm[2]
    if job and (not meeting.people[0].role or meeting.people[0].role.startswith(("runs ", "owns ", "leads "))):
        said = re.search(re.escape(job), right_before, re.IGNORECASE)  # as typed: "TA", "Class rep"
        meeting.people[0].role = said.group() if said else job
    if where and not meeting.context:
        meeting.context = place_said(where)
    if when is not None and meeting.when == today:
        meeting.when = when
    return ("meeting" if met or where or _talked_after(s[at:]) else "maybe"), meeting


# Questions and requests to the bot, not news about someone: "what did I promise Ana?", "can u draft a thank you".
_CHAT = re.compile(
    r"^(?:(?:ok|okay|so|hey|hi|and|but|also|ok\s+so)\W+)*(?:"
    r"(?:what|what's|whats|how|who|whose|which|why|when|where|whom)\b"
    r"|(?:can|could|would|will|should|do|does|did|is|are|am|shall)\s+(?:you|u|i|we|it|my)\b"
    r"|(?:tell|show|give|help|remind)\s+me\s+(?:who|what|when|where|how|which|about|every|the)\b"
    r"|(?:tell|show)\s+me\b)",
    re.IGNORECASE,
)
_CHAT_END = re.compile(
    r"\b(?:did|do|have|can|could|will|would|should|is|was)\s+(?:i|you|u|it|we)(?:\s+\w+)?\s*\?+\W*$", re.I
)


def is_chat(text: str) -> bool:
    """A question or a request to the bot ("what's due this week", "can you help me?"), not a capture."""
    s = text.strip()
    return bool(_CHAT.match(s) or _CHAT_END.search(s))


def parse_meeting(text: str, today: date) -> Meeting:
    """Read a capture line: what follows /met ("Jane at PyCon", "grabbed coffee w/ sam") or a chat capture.

    Raises NotUnderstood(HINT) when no name can be found.
    """
    s = _clean(text or "")
    _, meeting = _read_line(s, today, told=True)
    if meeting is None:
        found = people_found(s)
        if not found:
            raise NotUnderstood(HINT)
        meeting = Meeting(people=found, when=today, notes=s)
    else:
        _finish(s, meeting, today)
    meeting.way = way_of_meeting(s)
    return meeting


# A title that says what someone does, kept as their job when the line says no other ("Pastor Whitley", "Prof. Berg").
_TITLE_ROLES = {
    **{office: office for office in OFFICES}, "pastor": "pastor", "deacon": "deacon", "prof": "professor",
    "professor": "professor", "rabbi": "rabbi", "imam": "imam", "rev": "reverend", "reverend": "reverend",
    "chef": "chef",
}  # fmt: skip


def _finish(s: str, meeting: Meeting, today: date) -> None:
    """What is read after the people a line was read for: anyone named later, who was not met, the ties between
    them, their jobs said whole, and the learned reader's second look at the names (second_look.py). When that
    finds people the clauses were not read for and the line is a numbered list, each item is read again for whom it
    names first (``_read_again``: "1) Aisha from Gong ... 3) Mei Lin, founder, needs SDR help": the need is Mei
    Lin's)."""
    read_for = {id(p) for p in meeting.people}
    named = {w.casefold() for p in meeting.people for w in p.name.split()} | {m.casefold() for m in meeting.mentioned}
    for opener in _someone_doing(s):  # "Ngozi called. Meeting with her oga Mr Fashola is Thursday": Ngozi first
        said = {w.casefold() for w in opener.name.split()}  # "Councilmember Ortega": Ortega, read with the title
        if not said & named and len(meeting.people) < MAX_PEOPLE:
            meeting.people.insert(0, opener)
    _more_people(s, meeting)
    not_met(s, meeting)
    tie_pairs(s, meeting.people)
    said_whole(meeting.people)
    for person in meeting.people:
        person.role, person.company = job_said(person.role), company_said(person.company)
        tie = _TIE_OF_NAME.fullmatch(person.company)
        if tie:  # "K. Dominguez (angel, friend of Marco)": Marco is who she is a friend of, not where she works
            person.company = ""
            if not person.link_to:
                person.link_to, person.link_as, person.link_theirs = tie.group("who"), tie.group("rel").lower(), True
                if all(tie.group("who") not in (p.name, *meeting.mentioned) for p in meeting.people):
                    meeting.mentioned.append(tie.group("who"))
        called = (person.title or person.name).split()[0].lower().rstrip(".") if person.name else ""
        person.role = person.role or _TITLE_ROLES.get(called, "")  # "Pastor Whitley": a pastor
    _second_look(s, meeting)
    late = read_for and any(id(p) not in read_for for p in meeting.people)
    if late and not _read_again(s, meeting, today):
        _their_own_sentences(s, meeting, read_for, today)
    if not meeting.introduced_by or meeting.introduced_by.lower().startswith(("my ", "our ")):
        meeting.introduced_by = _introducer(s, meeting) or meeting.introduced_by
    _introducer_not_met(s, meeting)
    at = s.lower().find(meeting.context.lower()) if meeting.context else -1
    if at > 0 and _TOPIC_BEFORE.search(s, max(0, at - 16), at):  # "call ... concerning the bus rapid transit
        meeting.context = ""  # alignment": what they talked about, not where
    by, met = meeting.introduced_by, {p.name.casefold() for p in meeting.people}
    told_of = by[:1].isupper() and not is_not_a_name(by.split()[0]) and by.casefold() not in met
    if told_of and by not in meeting.mentioned:
        meeting.mentioned.append(by)  # "connected through Arjun", "pointed him my way": told of, not met
    _to_whom_it_names(meeting)
    _brackets_of_the_relative(s, meeting)
    _nobody_their_own_tie(meeting)
    _no_event_for_a_person(meeting)
    _names_with_their_capitals(meeting)
    _theirs_as_the_line_says(s, meeting, today)
    for person in meeting.people:  # "I am to send the contract to Susan": to her, said once
        to_them = f" to {person.name.split()[0]}" if person.name else ""
        for facts in (person.facts, meeting.facts):
            facts.promises = [
                text[: -len(to_them)] if to_them and text.endswith(to_them) and _HANDED.match(text) else text
                for text in facts.promises
            ]


def _take_promise(facts: Facts, k: int) -> tuple[str, str]:
    """The user's promise ``k`` taken out of ``facts``, with its due date ("" when it has none)."""
    return facts.promises.pop(k), facts.due.pop(k) if k < len(facts.due) else ""


def _theirs_as_the_line_says(s: str, meeting: Meeting, today: date) -> None:
    """ "... Tom sending side letter draft EOD": read from Tom's own clause ("sending side letter draft EOD", his name
    read apart) the deed has no subject and looks like the user's; the line as typed, which says who does it, makes
    it his. Read again only when a name is followed by a deed of handing something over."""
    if not _NAMED_HANDING.search(s):
        return
    said = _promises(s, [], today)
    theirs = {p.text for p in said if p.whose == "theirs"}
    mine = {p.text for p in said if p.whose != "theirs"}
    for person in meeting.people:
        facts = person.facts
        for k in reversed(range(len(facts.promises))):
            text = facts.promises[k]
            if text in theirs and text not in mine and text not in facts.theirs:
                _, due = _take_promise(facts, k)
                facts.theirs.append(text)
                facts.theirs_due.append(due)


_NAMED_HANDING = re.compile(rf"(?-i:[A-Z])[\w-]+(?:['’]s|\s+is)?\s+{_HANDING}\b", re.IGNORECASE)


def _names_with_their_capitals(meeting: Meeting) -> None:
    """ "told dre i'd ask marcus about budget": a name the line typed in lower case is written with its capital in
    what is kept to be said ("ask Marcus about budget")."""
    names = {w.lower(): w for n in [*(p.name for p in meeting.people), *meeting.mentioned] for w in n.split()[:1]}
    names = {low: w for low, w in names.items() if w[:1].isupper() and is_given_name(w)}
    for facts in (meeting.facts, *(p.facts for p in meeting.people)):
        for kind in ("promises", "theirs", "needs", "offers"):
            said = [" ".join(names.get(w, w) for w in text.split(" ")) for text in getattr(facts, kind)]
            setattr(facts, kind, [_ASKED_NAME.sub(_capital_name, text) for text in said])


# A first name typed in lower case as what a deed is done to: "ask marcus about budget", "tell linda and dave".
_ASKED_NAME = re.compile(
    r"^((?:ask|tell|call|text|email|ping|thank|remind|invite|intro|introduce|loop\s+in)\s+)([a-z]+)\b"
)


def _capital_name(m: re.Match[str]) -> str:
    word = m.group(2)
    named = is_given_name(word) and not is_not_a_name(word) and word not in _NAMES_THAT_ARE_WORDS
    return m.group(1) + (word.capitalize() if named else word)


def _no_event_for_a_person(meeting: Meeting) -> None:
    """ "spring game @ Tarleton, Ray Ortega showed me around", "Ramadan iftar at Atlantis": a gathering taken for a
    person, beside the people met, is where they met."""
    for person in list(meeting.people):
        words = person.name.split()
        if len(meeting.people) > 1 and len(words) >= 2 and words[-1].lower() in _EVENT_NOUNS:
            meeting.people.remove(person)
            meeting.context = meeting.context or " ".join(words)


def _nobody_their_own_tie(meeting: Meeting) -> None:
    """ "finally met their CFO Dana Wolfe": a job said with "their" before the person met is hers, no tie of hers
    to herself, and she is met, not only told of."""
    for person in meeting.people:
        if person.link_to and person.link_to.casefold() == person.name.casefold():
            person.role = person.role or tie_role(person.link_as)
            person.link_to, person.link_as, person.link_theirs = "", "", False
    met = {p.name.casefold() for p in meeting.people}
    meeting.mentioned = [name for name in meeting.mentioned if name.casefold() not in met]


_HANDED = re.compile(r"(?:send|give|forward|email|mail|get|bring)\s+\S+\s+\S")


def _brackets_of_the_relative(s: str, meeting: Meeting) -> None:
    """The job in brackets after a relative found mid-clause is theirs, not the one they are tied to ("Luis quote came
    in ... got on the phone w/ his boss Rita Feld (VP sales at Pacific)": Rita is the VP of sales, not Luis)."""
    for person in meeting.people:
        owner = next((p for p in meeting.people if p.name == person.link_to and p is not person), None)
        named = _brackets_after(s, person) if owner is not None else None
        if owner is None or named is None:
            continue
        at, m = named
        if not re.search(r"\b(?:his|her|their)\s+(?:[\w-]+\s+){1,2}$", s[:at], re.IGNORECASE):
            continue  # only a relative said as "his boss Rita Feld (...)": "Aarav + Ishita (both designers)" share it
        said = PersonMention(person.name)
        _apply_paren(m.group(1), said)
        job = (job_said(said.role), company_said(said.company))
        if said.role and (owner.role, owner.company) == job and (person.role, person.company) in (job, ("", "")):
            person.role, person.company = job
            owner.role, owner.company = "", ""  # said of the relative, in the brackets after their name


def _to_whom_it_names(meeting: Meeting) -> None:
    """A promise whose words name another person met as the one it goes to is theirs: "I promised Ray 2 referrals"
    (kept as "send Ray 2 referrals"), given to Sheila by a line that named her last."""
    firsts = {p.name.split()[0].casefold(): p for p in meeting.people if p.name}
    for person in meeting.people:
        facts = person.facts
        for k, text in reversed(list(enumerate(facts.promises))):
            m = re.match(r"(?:send|give|get|bring|email|text|call|intro|introduce)\s+([^\W\d_][\w'’-]*)", text)
            to = firsts.get(m.group(1).casefold()) if m else None
            if to is not None and to is not person and text not in to.facts.promises:
                _, due = _take_promise(facts, k)
                to.facts.promises.append(text)
                to.facts.due.append(due)


def _introducer_not_met(s: str, meeting: Meeting) -> None:
    """ "Daniel Okoye (BASF), introduced via Prof. Greenberg": who the line says introduced them, after them, was not
    met with them: kept as mentioned (never the first person met, nor the only one)."""
    said = (m for pattern in _INTRODUCERS[1:] for m in [pattern.search(s)] if m is not None)
    by = next(said, None) if meeting.introduced_by and len(meeting.people) > 1 else None
    who = by.group("who").split()[0].casefold() if by else ""
    named = [p for p in meeting.people[1:] if who and who in (w.casefold() for w in p.name.split())]
    if len(named) == 1 and meeting.introduced_by:
        meeting.people.remove(named[0])
        if named[0].name not in meeting.mentioned:
            meeting.mentioned.append(named[0].name)


# "friend of Marco", "daughter of Ray Mendez": a tie to someone, said where a company would stand.
_TIE_OF_NAME = re.compile(r"(?:an?\s+|the\s+)?" + _TIE + r"\s+of\s+(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


# A sentence that opens with someone's name ("Rob needs a night shift manager", "also Manny wants in"): about them.
# The stop after a title ends no sentence: "the hiring manager, a Dr. Steven Greer, and ..." is not about him.
_SENTENCE = re.compile(r"(?:[;!?]|" + NOT_A_TITLE + r"\.)\s+(?=\S)", re.IGNORECASE)
_TITLE_FIRST = re.compile(r"(?:dr|mr|mrs|ms|prof|professor)\.?\s+(?=[^\W\d_])", re.IGNORECASE)


def _their_own_sentences(s: str, meeting: Meeting, read_for: set[int], today: date) -> None:
    """A sentence that opens with the name of someone found after the clauses were read is theirs, and what it says
    is taken from whoever it was given to ("intro'd me to her old S4 Rob Delgado, met him on zoom after. Rob needs a
    night shift distro mgr": the need is Rob's, not Annette's)."""
    late = [p for p in meeting.people if id(p) not in read_for and p.name]
    for sentence in _SENTENCE.split(s):
        opened = sentence[m.end() if (m := _INTERJECTION.match(sentence)) else 0 :]
        opened = opened[m.end() if (m := _TITLE_FIRST.match(opened)) else 0 :]  # "Dr. Hahn will send me her code"
        first = re.match(r"[^\W\d_][\w'’-]*", opened)
        word = re.sub(r"['’]s$", "", first.group()).casefold() if first else ""
        whose = [p for p in meeting.people if p.name.split()[0].casefold() == word]
        if len(whose) != 1 or whose[0] not in late:
            continue
        person, facts = whose[0], extract_facts(sentence, today)
        for other in meeting.people:
            if other is not person:
                _take_away(other.facts, facts)
                other.said = other.said.replace(sentence.strip(" .;!?"), "").strip(" .,;")
        _merge(person.facts, facts)
        person.said = f"{person.said}. {sentence}" if person.said else sentence


def _take_away(facts: Facts, said: Facts) -> None:
    for name in ("interests", "needs", "offers", "wins"):
        setattr(facts, name, [x for x in getattr(facts, name) if x not in getattr(said, name)])
    for texts, dues in (("promises", "due"), ("theirs", "theirs_due")):
        kept = [(t, d) for t, d in zip(getattr(facts, texts), getattr(facts, dues), strict=False)
                if t not in getattr(said, texts)]  # fmt: skip
        setattr(facts, texts, [t for t, _ in kept])
        setattr(facts, dues, [d for _, d in kept])


def _read_again(s: str, meeting: Meeting, today: date) -> bool:
    """A numbered list of people ("1) Aisha from Gong, said she'd send the scorecard 2) some guy Brett at Outreach,
    wants an intro 3) Mei Lin, founder of Quotient AI, needs SDR help"), some of them found after the clauses were
    read: each item's facts are the facts of the person it names first. The line's own facts stay as read."""
    items = _LIST_ITEM.split(s)
    if len(items) < 3:
        return False
    firsts = {p.name.split()[0].casefold(): p for p in meeting.people if p.name}
    given: dict[int, list[str]] = {}
    for item in items[1:]:
        named = [(m.start(), firsts[m.group().casefold()]) for m in re.finditer(r"[^\W\d_][\w'’-]*", item)
                 if m.group().casefold() in firsts]  # fmt: skip
        if named:
            person = min(named, key=lambda pair: pair[0])[1]
            given.setdefault(id(person), []).append(item)
    for person in meeting.people:
        if id(person) in given:
            person.said = ". ".join(t.strip(" ,;") for t in given[id(person)])
            person.facts = extract_facts(person.said, today)
            said = person.said.casefold()
            if person.role.casefold() not in said or person.company.casefold() not in said:
                person.role, person.company = "", ""  # "1) Aisha from Gong 2) some guy Brett at Outreach": not hers
                at = re.search(rf"{re.escape(person.name)}\S*", person.said, re.IGNORECASE) or re.search(
                    rf"{re.escape(person.name.split()[0])}\S*", person.said, re.IGNORECASE
                )
                if at is not None:  # the job said right after their name, in their own item
                    _scan_attributes(person.said, at.end(), person)
                    person.role, person.company = job_said(person.role), company_said(person.company)
    return True


# "1) Aisha ... 2) Brett ... 3) Mei Lin": where each item of a numbered list starts.
_LIST_ITEM = re.compile(r"(?:^|(?<=\s))[1-9][).]\s+")


# Who introduced them, said after the people: "Jenna intrd", "rick intro'd", "Marc (Rho) intro'd us", "my manager
# Suresh introduced.", "who was referred to me by Margaret Ellison", "Introduced by my boss, Sharon Tate", "told her
# Marcus sent me".
_WHO = r"(?P<who>[^\W\d_][\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?)"
_NAMED = r"(?P<who>(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?)"  # after "by", "through": capitalised
_INTRODUCERS = (
    re.compile(
        _WHO + r"(?:\s*\([^()]{1,40}\))?\s+(?:intro['’]?d|intrd|introduced|introduce)(?:\s+(?:us|me|them))?"
        r"(?=\s*(?:[,.;!)]|$|\s+(?:and|&|\+|today|yesterday|us|me)\b))",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:(?:referred|introduced|intro['’]?d)\s+(?:to\s+me\s+|me\s+)?|sent\s+(?:to\s+me|me)\s+)(?:by|via|through|thru)\s+"
        r"(?:(?:my|our)\s+[\w-]+(?:\s+[\w-]+)?,?\s+)?(?:(?:dr|prof|professor|mr|mrs|ms)\.?\s+)?" + _NAMED,
        re.IGNORECASE,
    ),
    re.compile(_WHO + r"\s+sent\s+me(?=\s*(?:[,.;!)]|$|\s+(?:over|your\s+way)\b))", re.IGNORECASE),
    # "connected through Arjun (my roommate)", "put in touch via Lena"
    re.compile(
        r"\b(?:connected|put\s+in\s+touch)\s+(?:(?:us|me|them)\s+)?(?:by|via|through|thru)\s+"
        r"(?:(?:dr|prof|professor|mr|mrs|ms)\.?\s+)?" + _NAMED,
        re.IGNORECASE,
    ),
    # "Karen W. at Novartis pointed him my way", "Lena sent her our way"
    re.compile(_WHO + r"\.?(?:\s+(?:at|from)\s+\S+)?\s+(?:pointed|sent)\s+(?:him|her|them)\s+(?:my|our)\s+way", re.I),
    # "following General Castellano's introduction", "thanks to Mei's intro"
    re.compile(
        r"\b(?:following|after|thanks\s+to|per|via|through|thru)\s+(?:(?:general|gen|dr|prof|mr|mrs|ms)\.?\s+)?"
        + _NAMED
        + r"['’]s\s+(?:intro|introduction|referral)\b",
        re.IGNORECASE,
    ),
)


def _introducer(s: str, meeting: Meeting) -> str:
    """Who introduced them, when the line says it after the people (see ``_INTRODUCERS``); "" when it does not."""
    low = s.lower()
    if not any(word in low for word in ("intr", "referr", "sent me", "connected", "in touch", " way")):
        return ""  # most lines say nothing of it: no pattern is tried
    met = {p.name.casefold() for p in meeting.people}
    for pattern in _INTRODUCERS:
        for m in pattern.finditer(s):
            words = m.group("who").split()
            if len(words) > 1 and (is_not_a_name(words[0]) or not words[0][:1].isupper()):
                words = words[1:]  # "my manager Suresh introduced", "told her Marcus sent me": the name alone
            who, first = " ".join(words), words[0]
            if is_not_a_name(first) or first.lower() in _NOT_WHO or not (first[:1].isupper() or is_given_name(first)):
                continue
            if first.islower() and first in _MODALS:
                continue  # "Ray will introduce us": "will" is no one
            if who.casefold() in met and len(meeting.people) == 1:
                continue  # "Ana introduced us" about the only one met: who introduced is someone else
            return " ".join(map(_capitalise, who.split()))
    return ""


_TOPIC_BEFORE = re.compile(r"\b(?:concerning|regarding|about|re:?)\s+(?:the\s+)?$", re.IGNORECASE)
_MODALS = frozenset({"will", "can", "could", "would", "should", "might", "may", "must", "shall"})
_NOT_WHO = frozenset({"she", "he", "they", "who", "i", "we", "it", "this", "that", "someone", "somebody"})


def _second_look(s: str, meeting: Meeting) -> None:
    """The learned reader's second look (second_look.py); a place it finds is said as the scanner says places."""
    placed = bool(meeting.context)
    second_look(s, meeting)
    if not placed and meeting.context:
        meeting.context = place_said(meeting.context)


def understand(text: str, today: date) -> Understood:
    """How a chat message (no command) reads: a capture, maybe one (ask), or just chat.

    "had coffee w/ sam yday" and "ran into Carlos" are captures; "Sam's boss, Lauren, at the offsite" names a person
    with a clue but no verb, so it is a "maybe"; "meeting tomorrow?" and "thanks!" are chat.
    """
    s = _clean(text or "")
    if not s or is_chat(s):
        return Understood("none")
    understood = _understood(s, today)
    if understood.meeting is not None:  # how they met, whichever way the line was read
        understood.meeting.way = way_of_meeting(s)
    return understood


def _understood(s: str, today: date) -> Understood:
    kind, meeting = _read_line(s, today)
    if meeting is None:  # "long day, coffee with Priya Das": a name the reading above missed is asked about
        meeting = Meeting(people=[], when=today, notes=s)
        _more_people(s, meeting)
        if meeting.people:
            _second_look(s, meeting)
            _facts_of_the_line(s, meeting, today)
        return _asked_about(s, today) if not meeting.people else Understood("maybe", meeting)
    if kind == "maybe":
        person = meeting.people[0]
        clue = (  # a date alone is no clue: "Happy Friday"
            meeting.context
            or meeting.introduced_by
            or bool(meeting.facts)
            or any(p.company or p.role or p.link_to for p in meeting.people)
        )
        if len(person.name) < 2 or (not clue and first_person(s) is None):
            return _asked_about(s, today)
    _finish(s, meeting, today)
    if not meeting.context:  # "Church Vietnamese Martyrs after mass I meet bác Hải": where, said first
        meeting.context = place_said(_place_passed_over(s, meeting))
    return Understood(kind, meeting)


def _asked_about(s: str, today: date) -> Understood:
    """A line the scanner saves nobody from: asked about with buttons if the learned reader finds someone met in it
    ("I have met Olu at the forum"), chat otherwise."""
    found = people_found(s) or _someone_doing(s)
    if not found:
        return Understood("none")
    meeting = Meeting(people=found, when=today, notes=s)
    _facts_of_the_line(s, meeting, today)
    return Understood("maybe", meeting)


# A line that opens with someone doing what people do, whatever their name ("Ngozi called, wants the deck by friday",
# "Chidi emailed"): a name no list knows is still asked about, never dropped.
_SOMEONE_DID = re.compile(
    r"^(?P<name>(?-i:[A-Z][a-z'’-]+)(?:\s+(?-i:[A-Z][a-z'’-]+))?)\s+(?:just\s+|finally\s+)?"
    r"(?:" + TALKED_WITH + r"|said|says|asked|offered|invited)\b",
    re.IGNORECASE,
)


_NO_ONE_DID = (
    _MONTH_WORDS | RELATIONS | _ROLE_WORDS | frozenset(w.lower() for w in _WEEKDAYS) | frozenset(_COMPANIES)
)  # "Monday called for rain", "Mom called", "Google called": no one to save


def _someone_doing(s: str) -> list[PersonMention]:
    m = _SOMEONE_DID.match(s)
    words = m.group("name").split() if m else []
    if not words or any(is_not_a_name(w) or w.lower() in _NO_ONE_DID for w in words):
        return []
    if not any(t.start == 0 for t in tagging(s).names):  # the learned reader reads a person there ("Google": a firm)
        return []
    return [PersonMention(m.group("name"))]  # type: ignore[union-attr]  # words says it matched


# Where a clause ends, for a line whose people were found by a later look: "gave manny my card, said id put him on".
_CLAUSE_BREAK = re.compile(r"(\s*[,;.!?]+\s+|\s+[-–—]+\s+)")


def _facts_of_the_line(s: str, meeting: Meeting, today: date) -> None:
    """What a line says of the people a later look found (the scanner read none): each clause given to whom it is
    about, as for any line ("gave manny my card, said id put him on our bidders list": a promise to Manny)."""
    parts = _CLAUSE_BREAK.split(s)
    free = [[parts[k].strip(), parts[k + 1] if k + 1 < len(parts) else ""] for k in range(0, len(parts), 2)]
    for said in _attribute([f for f in free if f[0]], meeting.people, today).values():
        _merge(meeting.facts, said)


_ANY_DAY = date(2000, 1, 3)


def looks_like_meeting(text: str) -> bool:
    """True for a chat message that says a meeting: "Met Jane at PyCon", "coffee w/ sam", "ran into Carlos".

    False for chat that merely starts alike: "meeting tomorrow?", "metal", "met with the team".
    """
    return bool(text) and understand(text, _ANY_DAY).kind == "meeting"  # the verdict does not depend on the day
