"""The clauses after the names of a capture line, gathered in one pass: when, where, who introduced you, a company
or a job said as its own clause, and the free text the facts are read from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from bot.coach.reading.birthdays import names_a_birthday
from bot.coach.reading.dates import day_at, still_to_come
from bot.coach.reading.jobs import _not_an_org, _scan_phrase, _scan_role
from bot.coach.reading.lexicon import (
    _CHANNELS,
    _CONTEXT,
    _DATE,
    _EVENT_NOUNS,
    _FROM,
    _GAP,
    _INTRODUCED_US,
    _MY_RELATIVE,
    _NOT_INTRODUCERS,
    _NOT_PLACES,
    _PHRASE_STOP,
    _POSSESSIVE_INTRO,
    _SEGMENT_END,
    _TIME_OF_DAY,
    _VIA,
    _WORDISH,
    _set,
)
from bot.coach.reading.meeting import (
    PersonMention,
)
from bot.coach.reading.people import _scan_name
from bot.coach.reading.promises import runs_on
from bot.coach.reading.verbs import is_inflected

_INTRO_WORD = re.compile(r"intro|referred", re.IGNORECASE)
# "panel w/ Chris", "dinner w my old boss Karen", "closing dinner with": the event they met at, said before "with"
_EVENT_WITH = re.compile(r"^\W*(?P<event>(?:[a-z]+\s+){0,2}?[a-z]+)\s+(?:with|w/|w\.|w|wit)(?:\s|$)", re.IGNORECASE)


# "lab meetup was 4/2.", "so, the dinner of friday was very good!!": a line that opens by saying how the event was
_EVENT_WAS = re.compile(
    r"^\W*(?:(?:so|ok|well)\W+)?(?P<event>(?:the\s+)?(?:[a-z]+\s+){0,2}?[a-z]+)(?:\s+of\s+[a-z]+)?\s+(?:was|is)\b",
    re.IGNORECASE,
)
# "coffee line chat w/ Arvind", "lunch duty chat with the new sub": where the chat happened, before "chat"
_WHERE_CHAT = re.compile(
    r"^\W*(?P<where>(?:[a-z]+\s+){0,2}?[a-z]+)\s+(?:chat|call)\s+(?:with|w/|w\.|w|wit)(?:\s|$)", re.IGNORECASE
)


def event_said(lead: str) -> str:
    """The event or place the words before the people open with: "panel w/" (see event_with), "lab meetup was 4/2",
    "coffee line chat w/"; "" when they name none."""
    m = _EVENT_WAS.match(lead)
    if m and m.group("event").split()[-1].lower() in _EVENT_NOUNS:
        return m.group("event")
    m = _WHERE_CHAT.match(lead)
    words = m.group("where").split() if m else []
    while words and words[0].lower() in _HOW_IT_WENT:
        words = words[1:]
    if words and is_inflected(words[0]):  # "booked a disco call w/": done, not a place
        words = words[2:] if len(words) > 1 and words[1].lower() in ("a", "an", "the", "our", "my") else words[1:]
    call = m is not None and re.search(r"\bcall\s+\S+\s*$", m.group(0), re.IGNORECASE) is not None
    if len(words) > 1 and words[-1].lower() not in _WAYS_OF_MEETING | _CHANNELS | _MEALS and not call:
        return " ".join(words)  # "coffee line", "lunch duty"; not "coffee chat", "zoom call", "video chat", and a
        # call is about something, at no place ("stripe onsite prep call w/": on our call)
    return event_with(lead)


def event_with(lead: str) -> str:
    """The event a line opens with before "with" ("panel w/", "workshop w", "launch party with"), or "" ("coffee w/",
    "lunch w", "call with": a way of meeting, not an event)."""
    m = _EVENT_WITH.match(lead)
    words = m.group("event").split() if m else []
    while words and words[0].lower() in _HOW_IT_WENT:
        words = words[1:]  # "great meeting with", "had lunch w": how it went is not the event
    return " ".join(words) if words and words[-1].lower() in _EVENT_NOUNS - _WAYS_OF_MEETING else ""


# A meal or a meeting is how they met, like a coffee or a call, not an event: "lunch w/ Ana" says no place.
_WAYS_OF_MEETING = frozenset({"meeting", "session", "breakfast", "lunch", "dinner"})
_MEALS = _set(
    "coffee coffees tea drinks drink beer beers brunch food pint pints bite cocktails intro catch-up team group up "
    "in sync"
)
_HOW_IT_WENT = _set(
    "had have having grabbed grab got get did doing went for quick great lovely nice long short fun good first a an "
    "some virtual video phone intro so really amazing awesome cool brief productive useful helpful solid casual "
    "informal follow-up followup catch-up"
)


_ME_AT = re.compile(
    r"\b(?P<verb>[a-z]+)\s+(?:me|us)\b(?:\s+[\w'’]+){0,3}?\s+(?:at|@|on)\s+(?P<place>(?:the\s+)?[^,.;:!?()]{3,40}?)\s*$",
    re.IGNORECASE,
)
# "told me at the end", "asked me to read on Saturdays": a time, not a place
_NOT_AT = frozenset({"end", "start", "beginning", "moment", "time", "same", "weekends", "weekdays", "mornings",
                     "evenings", "nights", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays",
                     "sundays"})  # fmt: skip
_DONE = re.compile(r"[a-z]+ed$|caught$|gave$|told$|met$|found$|saw$|sent$|took$|got$", re.IGNORECASE)


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
        # "I offered to talk, first Thursday of July", "bday tomorrow (aug 19)": the day is theirs, not the meeting's
        owed = bool(self.free) and (runs_on(self.free[-1][0]) or names_a_birthday(self.free[-1][0]))
        found = day_at(s, j, self.today, "past") if self.when is None and not owed else None
        if found is not None and not (still_to_come(found.day, self.today) and s[found.start - 1 : found.start] == "("):
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
            said = lowered or bool(_INTRO_WORD.search(m.group(0)))  # "intro'd by dan": a name, however typed
            got = _scan_name(s, m.end(), None if said else False)
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
            place, end = _scan_phrase(s, m.end(), _PHRASE_STOP | {"on"}, done=True)
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
    for text, _ in rest.free if not rest.context else []:  # "caught me at techcrunch disrupt", "gave me his card on
        place = _ME_AT.search(text)  # the platform": where they were
        said = place.group("place").lower().split() if place else []
        if place and _DONE.match(place.group("verb")) and not _DATE.match(place.group("place")) and not (
            _PHRASE_STOP.intersection(said) or any("'" in w or "’" in w for w in said) or said[-1] in _NOT_AT
        ):
            rest.context = place.group("place")
            break
    return rest


# Ways of meeting, said last ("coffee chat", "zoom call", "team lunch"): how they met, never where.
WAYS_OF_MEETING = _WAYS_OF_MEETING | _MEALS | _CHANNELS | _set(
    "chat call calls mtg sync text texted texting phone dm dms teams facetime message messages convo"
)
