"""A second look at who a line names: the hand-written reading checked against the learned one (tagger.py).

Each reader keeps about four names in five on lines nobody tuned it for, and they miss different ones, so the capture
keeps the scanner's reading and lets the tagger mend it where they disagree in a way that is rarely wrong:
- **A line that saves nobody** but names someone the tagger is fairly sure was met ("I have met Olu at the forum")
  is asked about with buttons, never answered as chat.
- **A word before a name** that is a word the dictionary knows or a job, and no first name, is not part of it
  ("Afterwards Frank Delgado", "Coordinator Denise Howard" -> "Frank Delgado", "Denise Howard"), when the tagger's
  name is the scanner's without it.
- **A first name missed before a family name** is put back ("Malhotra" -> "Dev Malhotra") when it is a capitalised
  first name the tagger reads as part of the name.
- **Someone met the scanner did not see** ("+ Lars Halvorsen", "Chidi & his wife Adaeze") is added when the tagger
  is very sure, the name opens with a first name people are called, and none of its words is said already (as a
  person, a company, the place or someone only mentioned).
- **A company or a job** the tagger finds in the words said of someone (from their name to the next person's) is
  theirs when the scanner gave them none ("Carlos Vega (BDR @ HubSpot)"), and a company replaces words the tagger
  reads as none ("retail" in "(Colliers, retail)").
- **A saved "person" the tagger is sure is a company or a place** and no one ("Maple Ct", "San José") is dropped;
  the line's only one is renamed to someone the tagger is sure was met, the company or place kept as theirs
  ("sparky Jimmy Doyle (Doyle Electric) says": Jimmy Doyle of Doyle Electric, not a contact named Doyle Electric).
- **Where they met**, when the scanner read no place: a place or event the tagger finds ("site walk w ...", "at the
  Okafor wedding"), never a way of meeting ("coffee chat", "Teams call", "texted": how, not where).
Measured (bench/README.md): on a batch of lines written after the tagger was first trained (batch 4), names 81 -> 86
%; trained on three tuning parts and tried on the fourth, names, lines lost, companies and jobs all gain, in every
part the scanner was not tuned on.
"""

from __future__ import annotations

import re

from bot.coach.reading.dates import _MONTHS, _WEEKDAYS
from bot.coach.reading.given_names import is_given_name, is_title
from bot.coach.reading.jobs import job_said
from bot.coach.reading.lexicon import _TIE, _capitalise
from bot.coach.reading.meeting import MAX_PEOPLE, Meeting, PersonMention
from bot.coach.reading.names import _name_words  # the words that identify a person, folded, titles skipped
from bot.coach.reading.rest import WAYS_OF_MEETING
from bot.coach.reading.stopwords import is_not_a_name
from bot.coach.reading.tagger import Tagged, Tagging, names_in, tagging
from bot.coach.reading.titles import a_job_word
from bot.coach.reading.verbs import is_a_word, is_inflected
from bot.coach.reading.work import a_place, company_said

ASK_FROM = 0.5  # how sure the tagger must be of a name to ask about a line that saves nobody
ASK_GIVEN_FROM = 0.3  # ... when it is a first name the dictionary knows, typed with its capital after the start
ADD_FROM = 0.85  # ... to add someone to a line that saves others
ORG_FROM = 0.6  # ... of a company, a job or a place to give it to someone
NOT_FROM = 0.7  # ... that a saved "person" is a company or a place (all chosen on held-out tuning parts)
_CALENDAR = frozenset(w.lower() for w in (*_MONTHS, *_WEEKDAYS))
_TIE_WORD = re.compile(_TIE, re.IGNORECASE)


def _said(*values: str) -> set[str]:
    """Every word (folded, titles skipped) of the names, companies and places given."""
    return {w for value in values for w in _name_words(value or "")}


def _a_person(tagged: Tagged) -> bool:
    """A name that opens with a first name people are called, not a word that names a tie, a title, a day or a
    month ("Dad", "Dean", "June")."""
    first = tagged.words[0]
    low = first.lower()
    return (
        is_given_name(first)
        and not is_not_a_name(low)
        and not is_title(low)
        and not _TIE_WORD.fullmatch(low)
        and low not in _CALENDAR
    )


def _spoken(name: str) -> str:
    """A name typed in lower case said with capitals ("tony" -> "Tony"); as typed otherwise."""
    return " ".join(map(_capitalise, name.split())) if name.islower() else name


def people_found(text: str) -> list[PersonMention]:
    """The people a line the scanner found nobody in names as met, when the tagger is fairly sure: each once."""
    found: list[PersonMention] = []
    firsts: set[str] = set()
    for tagged in names_in(text):
        key = _name_words(tagged.name)
        if tagged.met and tagged.sure >= _ask_from(tagged) and _a_person(tagged) and key and key[0] not in firsts:
            firsts.add(key[0])
            found.append(PersonMention(_spoken(tagged.name)))
        if len(found) >= MAX_PEOPLE:
            break
    return found


def _ask_from(tagged: Tagged) -> float:
    """How sure the tagger must be: less of "Henrik" in "received the proposal of Henrik", a capitalised first name
    the dictionary knows, typed after the line's start."""
    first = tagged.words[0]
    known = tagged.start > 0 and first[:1].isupper() and not first.isupper() and is_given_name(first.lower())
    return ASK_GIVEN_FROM if known else ASK_FROM


def _renamed(meeting: Meeting, person: PersonMention, name: str) -> None:
    for other in meeting.people:
        if other.link_to == person.name:
            other.link_to = name
    person.name = name


def _no_name(word: str) -> bool:
    """A word beside a name that is none of it: a word the dictionary knows ("Afterwards"), a job ("Coordinator"),
    an acronym ("QI", "VP")."""
    low = word.lower()
    acronym = word.isupper() and 2 <= len(word) <= 4 and not re.fullmatch(r"[A-Z]\.", word)  # "K. Dominguez"
    return not is_given_name(low) and (is_not_a_name(low) or a_job_word(low) or is_a_word(low) or acronym)


def _typed_before(text: str, words: list[str], tagged: Tagged) -> str:
    """``words`` as typed right before the tagger's name where it stands in ``text``; "" if they are not there."""
    said = r"\s+".join(map(re.escape, words))
    found = re.search(rf"(?<!\w)({said})\s+$", text[: tagged.start], re.IGNORECASE) if words else None
    return found.group(1) if found else ""


def _mended(text: str, person: PersonMention, tagged: list[Tagged]) -> str:
    """The person's name as the tagger reads it, where the two differ by a word before it that is none of it
    ("Afterwards Frank Delgado", "young Derek Haines", "QI Debra Kline") or by a first name the scanner dropped
    ("Malhotra" for "Dev Malhotra"); "" if they do not."""
    have, typed_words = _name_words(person.name), person.name.split()
    for t in tagged:
        said = _name_words(t.name)
        if 1 <= len(said) < len(have) and have[-len(said) :] == said and t.sure >= ASK_FROM:  # a word before it
            before = _typed_before(text, typed_words[: len(typed_words) - len(t.words)], t)
            initials = re.fullmatch(r"(?:[A-Z]\.\s*)+", before) is not None  # "K. Dominguez": part of the name
            if before and not initials and (before.islower() or all(map(_no_name, before.split()))):
                job = before.isupper() or all(a_job_word(w) for w in before.lower().split())
                if job and not person.role:  # "VP Sandra Lowe": her job, said before her name
                    person.role = before
                return t.name
        extra = t.words[: len(t.words) - len(have)]
        longer = len(said) > len(have) >= 1 and said[-len(have) :] == have and len(extra) == len(said) - len(have)
        named = all(w[:1].isupper() and (is_given_name(w) or not _no_name(w)) for w in extra)
        if longer and named and t.sure >= ASK_FROM:
            return t.name  # "Dev" in "Dev Malhotra": a first name the dictionary lacks, but no word either
    return ""


_NICKNAMED = re.compile(r"^\s?['\x22‘“][^\s'\x22’”]+['\x22’”]$")


def second_look(text: str, meeting: Meeting) -> None:
    """Mend the names of ``meeting`` (read from ``text``) where the tagger reads them better, and add anyone met the
    scanner missed (see the module's docstring)."""
    read = tagging(text)
    tagged = read.names
    _not_people(meeting, read)
    for person in meeting.people:
        name = _mended(text, person, tagged)
        if name:
            _renamed(meeting, person, name)
    said = _said(*(p.name for p in meeting.people), *(p.company for p in meeting.people), *meeting.mentioned)
    said |= _said(meeting.context)
    for t in tagged:
        words = _name_words(t.name)
        if len(meeting.people) >= MAX_PEOPLE:
            break
        if t.met and t.sure >= ADD_FROM and words and not set(words) & said and _a_person(t):
            if _NICKNAMED.match(text[max(0, t.start - 2) : t.end + 1]):
                continue  # 'Siddharth "Sid" Rao', 'tyler "zeno" chen': what they are called, not someone else
            meeting.people.append(PersonMention(_spoken(t.name)))
            said.update(words)
    _companies(text, meeting, read)
    _place(text, meeting, read)


def _segments(text: str, meeting: Meeting, names: list[Tagged]) -> list[tuple[PersonMention, int, int]]:
    """Each person with the words said of them: from where their name is first said to the next name, theirs or
    anyone's the tagger reads ("Lisa Hart + their broker Greg Mills (JLL)": JLL is Greg's, saved or not)."""
    low = text.lower()
    at = sorted((low.find(p.name.lower()), k) for k, p in enumerate(meeting.people))
    found = []
    for n, (start, k) in enumerate(at):
        if start >= 0:
            own = start + len(meeting.people[k].name)
            later = [s for s, _ in at[n + 1 :] if s > start] + [t.start for t in names if t.start >= own]
            found.append((meeting.people[k], own, min(later, default=len(text))))
    return found


# Between a name and the job said of it: "Uwe Kahl (SRE", "Ana, a PM", "Tom - head of sales", "Mia is the CTO".
_APPOSED = re.compile(r"^[\s,(:\-–—]*(?:(?:is|was|['’]s)\s+)?(?:(?:an?|the|our|their)\s+)?$", re.IGNORECASE)


def _companies(text: str, meeting: Meeting, read: Tagging) -> None:
    """A company or a job the tagger finds in the words said of someone, for a person the scanner gave none: a
    company anywhere in those words but a country or a city ("from Brazil"), the place they met, what a need is
    about ("an intro to someone at Sequoia") or a part of their job ("Mayor of Boston"), a job
    said right after the name ("Uwe Kahl (SRE)", never "needs a lawyer"). A company also replaces one the scanner
    read from everyday words ("retail" in "(Colliers, retail)")."""
    said = _said(  # a company is never the place they met, someone named, or what a need or an offer is about
        meeting.context,
        meeting.introduced_by,
        *meeting.mentioned,
        *(p.name for p in meeting.people),
        *(f for p in meeting.people for f in (*p.facts.needs, *p.facts.offers)),
        *meeting.facts.needs,
        *meeting.facts.offers,
    )
    orgs = [
        o
        for o in read.companies
        if o.sure >= ORG_FROM and not a_place(text[o.start : o.end]) and not set(_name_words(o.name)) & said
    ]
    jobs = [j for j in read.jobs if j.sure >= ORG_FROM]
    for person, start, end in _segments(text, meeting, read.names):
        job = next((j for j in jobs if start <= j.start and j.end <= end), None)
        if job is not None and not person.role and _APPOSED.match(text[start : job.start]):
            person.role = job_said(text[job.start : job.end])
        taken = set(_name_words(person.role))
        mine = [o for o in orgs if start <= o.start and o.end <= end and not set(_name_words(o.name)) <= taken]
        have = person.company
        everyday = bool(have) and have.islower() and all(map(is_a_word, have.split()))
        # a company read from everyday words is replaced by one said as a name, not by more everyday words
        named = bool(mine) and not (mine[0].name.islower() and all(map(is_a_word, mine[0].words)))
        wider = bool(mine) and not set(_name_words(have)) <= set(_name_words(mine[0].name))
        if mine and (not have or (everyday and named and wider)):
            person.company = company_said(text[mine[0].start : mine[0].end])


def _place(text: str, meeting: Meeting, read: Tagging) -> None:
    """Where they met, for a line the scanner read no place from: the first place or event the tagger is fairly sure
    of that is no one's name or company ("Rotary bkfst:", "toured Willow Creek Barn w/"), never a way of meeting
    ("coffee chat", "zoom call", "after lunch": how, not where)."""
    if meeting.context:
        return
    named = _said(*(p.name for p in meeting.people), *meeting.mentioned)
    firms = _said(*(p.company for p in meeting.people))
    for place in read.places:
        said = [w.lower() for w in place.words]
        a_way = said[-1] in WAYS_OF_MEETING or said[0] in ("after", "before", "during")  # "zoom call", "after lunch"
        done = is_inflected(said[0])  # "booked a disco (call)": a thing done, not a place
        words = set(_name_words(place.name))  # a company's event is a place ("harborview kickoff"), not the company
        if place.sure >= ORG_FROM and not (a_way or done) and not words & named and not words <= firms:
            meeting.context = text[place.start : place.end]  # said as a place by capture.place_said
            return


def _not_people(meeting: Meeting, read: Tagging) -> None:
    """A "person" the scanner saved whose words the tagger is sure name a company or a place, and no one
    ("Maple Ct", "San José", "Quotient AI"), is no person; the line's only one is renamed to whom the tagger is sure
    was met, if anyone."""
    things = [  # "Rebecca's studio", "Raj Patel's lab": a place named after someone still names them
        t for t in (*read.companies, *read.places) if t.sure >= NOT_FROM and not {"'s", "’s"} & set(t.words)
    ]
    names = _said(*(t.name for t in read.names))
    for person in list(meeting.people):
        have = set(_name_words(person.name))
        thing = next((t for t in things if have and have <= set(_name_words(t.name))), None)
        if thing is None:
            continue
        if len(meeting.people) > 1 and not have & names:
            meeting.people.remove(person)
        elif len(meeting.people) == 1 and not any(have <= set(_name_words(t.name)) for t in read.names):
            instead = next((t for t in read.names if t.met and t.sure >= ADD_FROM and _a_person(t)), None)
            if instead is not None:  # "sparky Jimmy Doyle (Doyle Electric) says": the company was read as him
                if thing in read.companies:
                    person.company = person.company or person.name
                elif not meeting.context:
                    meeting.context = person.name
                person.name = _spoken(instead.name)
