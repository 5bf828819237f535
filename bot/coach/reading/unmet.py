"""People a line names but says the user did not get to meet: "the keynote was by Prof Abara, could not meet him",
"Mr. Kent who I didn't get to talk to", "his cofounder Mia was there too but I never got to speak with her".

They are kept as mentioned, not met, so they stay out of the mornings until met. The one meant is the person named
just before "who", or the last one named before the pronoun whom the pronoun fits ("her": Mia, not Sam). A line
about no one else keeps its person met: a meeting is about someone.
"""

from __future__ import annotations

import re

from bot.coach.reading.given_names import HONORIFICS, pronoun_of
from bot.coach.reading.lexicon import tie_role
from bot.coach.reading.meeting import Meeting, PersonMention

_NOT = r"(?:could\s*n['’]?o?t|did\s*n['’]?o?t|never|wasn['’]?t\s+able\s+to|was\s+not\s+able\s+to)"
_GOT_TO = r"(?:(?:get|got|manage|managed|have\s+time|had\s+time|find\s+time)\s+to\s+)?"
_MEET = r"(?:meet|talk|speak|chat|say\s+hi)(?:\s+(?:to|with|w/?))?"
_NOT_MET = re.compile(rf"\b{_NOT}\s+{_GOT_TO}{_MEET}\s+(?P<pron>him|her)\b", re.IGNORECASE)
_WHO_NOT_MET = re.compile(rf"\s*(?:,\s*)?(?:who|whom)\s+(?:i|we)\s+{_NOT}\s+{_GOT_TO}{_MEET}\b", re.IGNORECASE)
_HER = frozenset({"mrs", "ms", "miss", "madam", "madame", "mme", "frau", "sra", "srta"})
_HIM = frozenset({"mr", "sir", "herr", "monsieur", "sr"})
_TITLES = HONORIFICS | _HER | _HIM


def _pronoun(person: PersonMention) -> str:
    title = person.title.lower().rstrip(".")
    if title in _HER:
        return "her"
    if title in _HIM:
        return "him"
    said = pronoun_of(person.name.split()[0]) if person.name else ""
    return {"she": "her", "he": "him"}.get(said, "")


def _named_at(s: str, person: PersonMention, before: int) -> int:
    """Where ``person`` is last named before ``before`` (-1: not at all)."""
    words = person.name.split()
    return max((s.casefold().rfind(w.casefold(), 0, before) for w in words[:1] + words[-1:]), default=-1)


def _meant(s: str, people: list[PersonMention], at: int, pron: str) -> PersonMention | None:
    named = sorted(((_named_at(s, p, at), k) for k, p in enumerate(people)), reverse=True)
    for where, k in named:
        if where >= 0 and _pronoun(people[k]) in ("", pron):
            return people[k]
    return None


_NOT_A_NAME = re.compile(r"^(?:my|our|the|a|an|his|her|their)\b", re.IGNORECASE)


# "met her thru Kenji", "introduced by my sous chef Dani": who introduced them, said after the rest.
_THROUGH = re.compile(
    r"\b(?:met|know|knew)\s+(?:him|her|them)\s+(?:thru|through|via)\s+(?P<who>[A-Z][\w'’-]+)(?![\w'’-])"
    r"|\bintro(?:duced|['’]?d)\s+by\s+(?:my|our)\s+(?:[a-z][\w-]*\s+){0,3}(?P<named>[A-Z][\w'’-]+)(?![\w'’-])"
)


def _introducer_said_later(s: str, meeting: Meeting) -> None:
    """ "..., met her thru Kenji", "introduced by my sous chef Dani": the name is the introducer (not "my sous
    chef"), when the line names no one else as such and the name is no one met."""
    m = _THROUGH.search(s)
    if m is None:
        return
    who = m.group("who") or m.group("named")
    if meeting.introduced_by and not _NOT_A_NAME.match(meeting.introduced_by):
        return
    if any(who.casefold() in (w.casefold() for w in p.name.split()) for p in meeting.people):
        return
    meeting.introduced_by = who


def _introducer_mentioned(meeting: Meeting) -> None:
    """ "introduced by Nina Alvarez", "Pastor Dave introduced me to ...": who introduced them is named, not met
    (unless they are one of the people met: "Meera introduced me to their recruiter Joe")."""
    who = meeting.introduced_by.strip()
    if not who or _NOT_A_NAME.match(who) or not who[:1].isupper() or who in meeting.mentioned:
        return
    first = who.split()[-1 if len(who.split()) > 1 and who.split()[0].lower() in _TITLES else 0].casefold()
    if any(first in (w.casefold() for w in p.name.split()) for p in meeting.people):
        return
    meeting.mentioned.append(who)


def not_met(s: str, meeting: Meeting) -> None:
    """Whoever the line says the user did not get to meet is moved from the people met to the mentioned, and who
    introduced them is kept as mentioned."""
    _introducer_said_later(s, meeting)
    _introducer_mentioned(meeting)
    _unmet(s, meeting)
    _described_relatives(s, meeting)  # after: "his cofounder Mia was there too but I never got to speak with her"


def _unmet(s: str, meeting: Meeting) -> None:
    unmet: list[PersonMention] = []
    for m in _NOT_MET.finditer(s):
        person = _meant(s, meeting.people, m.start(), m.group("pron").lower())
        if person is not None and person not in unmet:
            unmet.append(person)
    for person in meeting.people:
        at = _named_at(s, person, len(s))
        end = at + len(person.name.split()[-1]) if at >= 0 else -1
        if end >= 0 and _WHO_NOT_MET.match(s, end) and person not in unmet:
            unmet.append(person)
    if not unmet:
        return
    if len(unmet) >= len(meeting.people) and not _their_relatives_met(s, meeting, unmet):
        return
    meeting.people = [p for p in meeting.people if p not in unmet]
    for person in unmet:
        if person.name not in meeting.mentioned:
            meeting.mentioned.append(person.name)


def _their_relatives_met(s: str, meeting: Meeting, unmet: list[PersonMention]) -> bool:
    """ "could not meet him but his EA Pooja gave me her card": with everyone named first not met, the relative
    named with a tie to them is the person met (what the line says after the names is said of them)."""
    relatives: list[PersonMention] = []
    for owner in unmet:
        if owner.link_to and owner.link_theirs and owner.link_to in meeting.mentioned:
            typed = re.search(rf"\b{re.escape(owner.link_as)}\b", s, re.IGNORECASE)
            rel = typed.group(0) if typed else owner.link_as
            relative = PersonMention(owner.link_to, link_to=owner.name, link_as=owner.link_as, role=tie_role(rel))
            relative.facts, owner.facts = owner.facts, relative.facts
            relatives.append(relative)
            meeting.mentioned.remove(owner.link_to)
            owner.link_to = owner.link_as = ""
    meeting.people.extend(relatives)
    return bool(relatives)


_SPOUSES = frozenset({"wife", "husband", "spouse", "partner", "hubby", "missus"})
_A_COUPLE_MET = re.compile(r"\bMr\.?\s*(?:and|&|\+)\s*Mrs\b|\b(?:the|a|an)\s+(?:\w+\s+)?couple\b", re.IGNORECASE)


def _with_the_user(person: PersonMention, s: str) -> bool:
    """ "Carol and I discovered we both love quilting", "his boss Carla was w him", "Jonas wants a quote": the user
    was with them."""
    first = re.escape(person.name.split()[0])
    together = (
        rf"\b{first}\s+(?:wants|asked|asks)\b|\b{first}\s+(?:and|&)\s+I\b|\bI\s+(?:and|&)\s+{first}\b"
        rf"|\b{first}\b[^.;!?]{{0,20}}\bwas\s+w(?:/|ith)?\s+(?:him|her)\b"
        rf"|\b{first}\b[^.;!?,]{{0,40}}\b(?:me|us)\b"  # "her lab manager Tom showed me the fish facility"
    )
    return re.search(together, s, re.IGNORECASE) is not None


def _described_relatives(s: str, meeting: Meeting) -> None:
    """ "Marge runs the foundation. her husband Ken is on the board.", "met Fiona at the school run, her husband Rob
    is a plumber", "his boss Jennifer Ruiz is hiring": a relative named in a clause of their own, only told of (no
    promise either way, nothing asked of the user, not with the user), is someone the line tells of, not someone met;
    the tie stays with the one met ("Her cofounder Ben is the one to impress", "his roommate Pavel is also a
    quant"). A relative who deals with the user is met ("her biz partner Jonas wants a quote", "Carol and I")."""
    for person in list(meeting.people):
        owner = next((p for p in meeting.people if p is not person and p.name == person.link_to), None)
        if owner is None or person.link_theirs or not person.link_as:
            continue
        if person.facts.promises or person.facts.theirs or _with_the_user(person, s):
            continue
        if person.link_as in _SPOUSES and _A_COUPLE_MET.search(s):
            continue  # "Mr and Mrs Kowalski from the hospice board. ... his wife Irena": both were met
        titled = rf"(?:{re.escape(person.title)}\.?\s+)?" if person.title else ""  # "her husband anh Khoa", "Dr. Ken"
        own_clause = re.search(
            rf"(?:^|[.!?,;:]\s+|\s[-–—]+\s+)(?:his|her|their)\s+{re.escape(person.link_as)}\s*,?\s+"
            rf"{titled}{re.escape(person.name)}\b",
            s,
            re.IGNORECASE,
        )
        listed = re.match(r"\s*(?:\([^()]*\))?\s*,?\s*(?:and|&|\+)\s", s[own_clause.end() :]) if own_clause else None
        if own_clause is None or listed:  # "Lisa (nurse), her husband Paul (lawyer), and Mr. Okoro": a list of
            continue  # the people met
        meeting.people.remove(person)
        if person.name not in meeting.mentioned:
            meeting.mentioned.append(person.name)
        if not owner.link_to:
            owner.link_to, owner.link_as, owner.link_theirs = person.name, person.link_as, True
