"""Ties said about the people of a line once they are named: to someone the user did not meet ("Hannah, she wants
to live near her son Elias", "ayo's sister Temi runs a clinic", "his wife is Ola"), to someone the user will
introduce them to ("I'll connect her w Dr. Amadi"), and between two people named together with a tie in the
plural ("Ama & Kojo Owusu, siblings", "Ravi + Dana - they're colleagues", "the Novak sisters (Eva & Mila)").

Whoever such a line names without meeting is kept as mentioned, never as met. A tie to them stays on the person met,
marked as saying who the other is to them (``PersonMention.link_theirs``): no relation is turned round, since "son"
turned round is "mother" or "father", which the line does not say. The ties said before a name ("Jane's husband
Mark", "the father of Leonie, Stefan") are read with the names (people.py).
"""

from __future__ import annotations

import re

from bot.coach.reading.given_names import is_given_name
from bot.coach.reading.lexicon import _TIE, RESPECT_AFTER, TALKED_WITH, _capitalise, _is_owner, _set, tie_role
from bot.coach.reading.meeting import PersonMention
from bot.coach.reading.people import _scan_name
from bot.coach.reading.stopwords import is_not_a_name

# "her son Elias", "his wife is Ola", "my lawyer Nina": a tie, then (maybe after "is") a name.
_PRONOUN_TIE = re.compile(
    r"\b(?P<whose>my|our|his|her|their)\s+" + _TIE + r"\s*,?\s+(?:(?:is|was|=)\s+)?(?=\w)", re.IGNORECASE
)
# "she brought her husband Dev", "came with his daughter Ana": the relative was there, met too.
# "got on the phone w/ his boss Rita", "set up a call w his coworker tyler", "lunch with her husband": talked with.
_CAME_ALONG = re.compile(
    r"\b(?:brought|bringing|brings|came\s+(?:with|w/|w)|showed\s+up\s+(?:with|w/)|was\s+with|joined\s+by|(?:she|he)\s+had"
    r"|(?:phone|call|zoom|lunch|coffee|dinner|drinks|chat|spoke|talked|met)\s+(?:with|w/|w)|\bi\s+met)\s*,?\s+$",
    re.IGNORECASE,
)
# A tie said at a clause's start with no "his"/"her", as notes are typed: "Husband Vikram also on title", "Wife
# Adaeze also IM", "Cofounder Ruth Feld, RN, runs clinical ops". Family and founders only: "Manager Electrification"
# and "Partner at Sequoia" are jobs.
_BARE_TIES = _set(
    """husband wife spouse hubby boyfriend girlfriend fiance fiancé fiancee fiancée brother sister son daughter mom mum
    dad mother father cousin uncle aunt niece nephew grandma grandpa grandmother grandfather cofounder co-founder"""
)
_BARE_TIE = re.compile(
    r"(?:^|[.;!?]\s+|[,:]\s+|\s[-–—]+\s+)(?P<rel>(?i:" + "|".join(sorted(_BARE_TIES, key=len, reverse=True)) + r"))"
    r"\s+(?:(?:is|was)\s+)?(?=[A-Z][a-z])"
)
# Someone named in what the user will do, not met: "make intro to Jason Park", "share her resume with Venkatesh sir",
# "check with Deepak", "run it by Alan", "the organizer, Tanya", "send him Kayla's name".
_NAMED_IN_A_DEED = re.compile(
    r"(?:\b(?:intro(?!['’]?d\b|\s+(?:call|chat|meeting|mtg|coffee|zoom)\b)|introduce|introduction|connect|send|forward"
    r"|pass|share|refer)\b[^.;!?\n]{0,40}?\b(?:to|with|w/?)\s+"  # not "intro'd me to Omar", "intro call w/ Bo": met
    r"(?:the\s+[\w-]+(?:\s+[\w-]+)?,?\s+)?"
    r"|\b(?:check|talk|speak)\s+(?:with|w/?|to)\s+|\brun\s+(?:it\s+)?by\s+)(?P<who>(?-i:[A-Z])[\w'’-]+)"
    r"|(?P<whose>(?-i:[A-Z])[\w-]+)['’]s\s+(?:name|info|number|cell|email|contact|cv|resume)\b",
    re.IGNORECASE,
)
# "ayo's sister Temi": a tie of someone met, then a name.
_OWNER_TIE = re.compile(
    rf"\b(?P<owner>[^\W\d_][\w\-]*)(?:\s+{RESPECT_AFTER})?['’]s\s+" + _TIE + r"\s*,?\s+(?:(?:is|was|=)\s+)?(?=\w)",
    re.IGNORECASE,
)
# "Ken & Marge's daughter": a tie of two people joined.
_JOINED_OWNERS = re.compile(
    r"\b(?P<one>[^\W\d_][\w\-]*)\s*(?:&|\+|\band\b)\s*(?P<two>[^\W\d_][\w\-]*)['’]s\s+" + _TIE + r"\b", re.IGNORECASE
)
# "I'll connect her w Dr. Amadi", "introduce him to Sven", "put them in touch with Mona": who they will meet.
_INTRO_TO = re.compile(
    r"\b(?:connect|introduce|intro|put)\s+(?:him|her|them|you|u|the\s+two\s+of\s+them)\s+"
    r"(?:in\s+touch\s+)?(?:w/?|with|to)\s+(?=\w)",
    re.IGNORECASE,
)

# A tie said of two people at once, and the tie each has to the other: "married" -> "spouse".
_PLURAL_TIES = {
    **{f"{w}s": w for w in _set(
        """brother sister sibling cousin twin colleague coworker co-worker cofounder co-founder co-author coauthor
        co-reviewer roommate flatmate housemate neighbour neighbor teammate classmate partner spouse""")},
    "married": "spouse",
}  # fmt: skip
_PLURAL = "|".join(sorted(_PLURAL_TIES, key=len, reverse=True))
# Where such a word speaks of the two just named: "(married,", ", siblings,", "- they're colleagues", "both cousins".
_PAIR_TIE = re.compile(
    r"(?:\(\s*|,\s*|\s[-–—]+\s*|[-–—]\s*|\b(?:they(?:'re|’re|\s+are|\s+were)|are|were)\s+)(?:both\s+)?(?:all\s+)?"
    rf"(?P<rel>{_PLURAL})\b",
    re.IGNORECASE,
)
_FAMILY_TIE = re.compile(
    rf"\bthe\s+(?P<surname>[A-Z][\w'’-]+)\s+(?P<rel>{_PLURAL})\s*\(",
)


# Clipped words for a tie, said whole ("her biz partner" -> "business partner"); initialisms ("gf") are kept as typed.
_CLIPPED = {"bro": "brother", "sis": "sister", "hubby": "husband", "wifey": "wife", "biz": "business"}


def said_whole(people: list[PersonMention]) -> None:
    """Each tie in whole words: "bro" is kept as "brother", "biz partner" as "business partner"."""
    for person in people:
        if person.link_as:
            person.link_as = " ".join(_CLIPPED.get(w, w) for w in person.link_as.split())


def _met(name: str, people: list[PersonMention]) -> bool:
    low = name.casefold()
    first = low.split()[0] if low.split() else ""
    return any(p.name.casefold() in (low, first) or p.name.split()[0].casefold() in (low, first) for p in people)


def _said_before(s: str, at: int, people: list[PersonMention]) -> PersonMention | None:
    """Whom "his"/"her" at ``at`` is about: the only person met, or the one named last before it."""
    if len(people) == 1:
        return people[0]
    head = s[:at].casefold()
    best, where = None, -1
    for person in people:
        found = head.rfind(person.name.split()[0].casefold()) if person.name else -1
        if found > where:
            best, where = person, found
    return best


def _someone(s: str, at: int) -> str:
    """The name that starts at ``at``, when it is a person's: a capital, or a first name typed in lower case."""
    named = _scan_name(s, at, None)
    if named is None or is_not_a_name(named.name.split()[0]):
        return ""
    if named.lowered and not is_given_name(named.name.split()[0]):
        return ""
    return named.name


# "his daughter Susan phoned to say they accept": the user talked with her.
_TALKED_AFTER = re.compile(r"\s+" + TALKED_WITH + r"\b", re.IGNORECASE)


def relatives_met(s: str, people: list[PersonMention]) -> None:
    """Add the relatives ``s`` says were met with someone already found ("his daughter Susan phoned", "got on the
    phone w/ his boss Rita"), before the clauses are given out, so that what is said of them can be theirs."""
    for m in _PRONOUN_TIE.finditer(s):
        if m.group("whose").lower() not in ("his", "her"):
            continue
        name = _someone(s, m.end())
        if name and _TALKED_AFTER.match(s, m.end() + len(name)) and not _met(name, people):
            owner = _said_before(s, m.start(), people)
            if owner is not None:
                rel = m.group("rel").lower()
                people.append(PersonMention(name, link_to=owner.name, link_as=rel, role=tie_role(rel)))


def came_along(clause: str, owner: PersonMention, people: list[PersonMention]) -> PersonMention | None:
    """The relative a clause about ``owner`` says came along ("she brought her husband Dev Malhotra"), added to
    ``people`` as met and tied to ``owner``, so that "he'll quote the network" next can be his."""
    for m in _PRONOUN_TIE.finditer(clause):
        name = _someone(clause, m.end())
        if m.group("whose").lower() in ("his", "her") and _CAME_ALONG.search(clause, 0, m.start()) and name:
            if _met(name, people):
                return None
            rel = m.group("rel").lower()
            relative = PersonMention(name, link_to=owner.name, link_as=rel, role=tie_role(rel))
            people.append(relative)
            return relative
    return None


def mentioned_ties(s: str, people: list[PersonMention]) -> list[str]:
    """The people ``s`` names without the user meeting them, in order; a tie to each is kept on whose they are."""
    found: list[str] = []

    def mention(name: str, owner: PersonMention | None, rel: str) -> None:
        if not name or _met(name, people) or name in found:
            return
        found.append(name)
        if owner is not None and not owner.link_to:
            owner.link_to, owner.link_as, owner.link_theirs = name, rel.lower(), True

    for person in people:  # "Jae's boss Minji": Jae
        if person.link_to and not person.link_theirs:
            mention(person.link_to, None, "")
    for m in _JOINED_OWNERS.finditer(s):  # "Ken & Marge's daughter Olivia": Marge is hers too
        for owner in (m.group("one"), m.group("two")):
            if _is_owner(owner) and is_given_name(owner):
                mention(_capitalise(owner), None, "")
    for m in _PRONOUN_TIE.finditer(s):
        whose = m.group("whose").lower()
        owner = None if whose in ("my", "our") else _said_before(s, m.start(), people)
        name = _someone(s, m.end())
        came = _CAME_ALONG.search(s, 0, m.start())  # one who talked with the user is met already (relatives_met)
        if came and owner is not None and name and not _met(name, people):  # "she brought her husband Dev": met
            rel = m.group("rel").lower()
            people.append(PersonMention(name, link_to=owner.name, link_as=rel, role=tie_role(rel)))
            continue
        mention(name, owner, m.group("rel"))
    for m in _OWNER_TIE.finditer(s):
        if not _is_owner(m.group("owner")):
            continue
        said = m.group("owner").casefold()  # "ayo's sister", "Sow's son" (Fatou Sow); "Garcia's": whose?
        owners = [p for p in people if p.name and said in (p.name.split()[0].casefold(), p.name.split()[-1].casefold())]
        owner = owners[0] if len(owners) == 1 else None
        if owner is not None:
            mention(_someone(s, m.end()), owner, m.group("rel"))
    for m in _BARE_TIE.finditer(s):  # "Husband Vikram also on title": hers
        owner = _said_before(s, m.start(), people)
        if owner is not None:
            mention(_someone(s, m.end()), owner, m.group("rel"))
    for m in _INTRO_TO.finditer(s):
        mention(_someone(s, m.end()), None, "")
    for m in _NAMED_IN_A_DEED.finditer(s):  # "promised make intro to Jason Park", "check with Deepak", "Kayla's name"
        name = _someone(s, m.start("who") if m.group("who") else m.start("whose"))
        if name and not name.split()[0].isupper() and is_given_name(name.split()[0]):  # "send to QI": no one
            mention(name, None, "")
    return found


_FAMILY_TIES = _set("spouse brother sister sibling twin")


def _share_surname(s: str, one: PersonMention, two: PersonMention) -> None:
    """ "Tariku + Selam Bekele (married)": a first name alone, joined to the next, is a Bekele too."""
    words = two.name.split()
    if len(one.name.split()) == 1 and len(words) == 2:
        joined = rf"{re.escape(one.name)}\s*(?:&|\+|and)\s*{re.escape(two.name)}"
        if re.search(joined, s, re.IGNORECASE):
            one.name = f"{one.name} {words[1]}"


def tie_pairs(s: str, people: list[PersonMention]) -> None:
    """Two people named together with a tie in the plural are each linked to the other ("siblings": "sibling"), and
    a tie said of one met person to another is kept on both ("Hana and her husband Kenji")."""
    _plural_tie(s, people)
    _both_ways(people)


def _both_ways(people: list[PersonMention]) -> None:
    """ "Hana and her husband Kenji": Kenji is Hana's husband, and Hana, with no tie of her own, has Kenji as hers."""
    for person in people:
        if not person.link_to or person.link_theirs:
            continue
        owner = next((p for p in people if p is not person and p.name == person.link_to), None)
        if owner is not None and not owner.link_to:
            owner.link_to, owner.link_as, owner.link_theirs = person.name, person.link_as, True


def _plural_tie(s: str, people: list[PersonMention]) -> None:
    family = _FAMILY_TIE.search(s)
    if family is not None:
        surname = family.group("surname").casefold()
        pair = [p for p in people if p.name.casefold().endswith(" " + surname)][:2]
        rel = family.group("rel")
    else:
        m = _PAIR_TIE.search(s)
        if m is None or len(people) != 2:
            return
        pair, rel = people, m.group("rel")
    if len(pair) != 2:
        return
    one, two = pair
    tie = _PLURAL_TIES[rel.lower()]
    if family is None and tie in _FAMILY_TIES:
        _share_surname(s, one, two)
    for person, other in ((one, two), (two, one)):
        if not person.link_to:
            person.link_to, person.link_as = other.name, tie
