"""Is this word a first name, which pronoun goes with it, and is that word before it a title?

A capture line names people however it is typed: "kofi mensah ex-google", "tyler called back", "Sister Bernadette".
Capitals alone cannot tell "jonas" (a person) from "design" (a meetup), nor "Pastor James" (a title) from "Design
Lead Ana" (a job). Two maintained lists can:

- first names: the name dictionary shipped with ``gender-guesser`` (Jörg Michael's ``nam_dict.txt``: about 45,000
  first names from 50 countries, each with how it is mostly given), read once, on first use (0.2 s, a few MB);
- titles: ``nameparser``'s titles (Dr, Prof, Mrs, Frau, Sr., Pastor, Father, Sister, Deacon...), of which the ones
  that are also jobs ("nurse", "treasurer", "chair") are read as a role rather than kept apart as a title.

Names the dictionary lacks (many West African and South African names, for one) still read from capitals and from
where they stand ("w/ Chinedu", "her cousin Folake"); the list only decides words typed in lower case and words at
the start of a sentence.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from nameparser.config import CONSTANTS

from bot.coach.reading.names import fold
from bot.coach.reading.stopwords import NOT_NAMES


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Letters gender-guesser's file marks each name with: M, 1M/?M (mostly male), F, 1F/?F, ? (either).
_SHE = frozenset({"F", "1F", "?F"})
_HE = frozenset({"M", "1M", "?M"})
# Entries of the dictionary that are everyday words far more often than names ("so", "in", "my", "ok").
_NOT_GIVEN = NOT_NAMES | frozenset(
    _words(
    """ok so in the my an am is to do be go no we us me he it at on of or as by up hi yes art red night guy
    grant van won job cook mini"""
)
)


# A name listed both ways is given with one pronoun when that way is this many times as common as the other:
# "Karen" (mostly female, male in one country), not "Jean" or "Kim" (both, in many).
_MOSTLY = 5


def _frequency_on(line: str) -> int:
    """How common the name of one line of the dictionary is over its countries: each country's column holds a
    hex digit from 1 (rare) to D (extremely common), blank where it is not given."""
    return sum(int(c, 16) for c in line[29:86] if c in "0123456789ABCDEF")


@cache
def _names() -> dict[str, str]:
    """First name (folded to lower case) -> "she", "he" or "" (either, or nowhere near mostly one)."""
    weights: dict[str, dict[str, int]] = {}
    text = (resources.files("gender_guesser") / "data" / "nam_dict.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line[0] in "#=":
            continue
        parts = line.split(maxsplit=2)
        if len(parts) < 2:
            continue
        mark, word = parts[0], parts[1].replace("+", "-").lower()
        if word in _NOT_GIVEN:
            continue
        said = "she" if mark in _SHE else "he" if mark in _HE else ""
        how_common = max(1, _frequency_on(line))
        ways = weights.setdefault(word, {})
        ways[said] = ways.get(said, 0) + how_common
    found: dict[str, str] = {}
    for word, ways in weights.items():
        she, he, either = ways.get("she", 0), ways.get("he", 0), ways.get("", 0)
        found[word] = "she" if she >= _MOSTLY * (he + either) else "he" if he >= _MOSTLY * (she + either) else ""
    return found


def is_given_name(word: str) -> bool:
    """ "Kofi", "tyler", "Sarah-Jane", "Jean-Baptiste": a first name people are called."""
    low = word.lower().strip(".,!?;:'’")
    if low in _names():
        return True
    parts = low.split("-")
    return len(parts) > 1 and all(p in _names() for p in parts)


# First names that are often the first of two ("Ana Paula", "Maria José", "Jean Paul", "Mary Jane").
_DOUBLED = _words(
    """ana anna maria maría marie mary anne ann jean juan josé jose joão joao luis luiz luís pedro carlos john
    rosa lucia lúcia"""
)


def is_compound_given_name(first: str, second: str) -> bool:
    """ "Mei Lin", "Xiao Ming" (listed whole in the dictionary), "Ana Paula", "Maria José", "Jean Paul": two words
    that are one first name. "Camille Laurent" and "Maria Garcia" are a first name and a family name."""
    a, b = first.lower().strip(".,"), second.lower().strip(".,")
    if f"{a}-{b}" in _names():
        return True
    if a not in _DOUBLED or b not in _names() or _how_common(b) < _COMMON:
        return False  # "Ana Reyes", "Maria Cruz": a family name the dictionary also lists as a rare first name
    return _names()[b] == _names().get(a, "") or "" in (_names()[b], _names().get(a, ""))


# How common a first name is: the sum of its frequencies over the dictionary's countries (each from 1, rare, to 13,
# extremely common). "Paula" is given in 20 countries (about 90), "José" about 45, "Reyes" in one, rarely (4).
_COMMON = 15


@cache
def _frequencies() -> dict[str, int]:
    """First name (folded) -> how common; read apart from ``_names``, only when a greeting needs it."""
    found: dict[str, int] = {}
    text = (resources.files("gender_guesser") / "data" / "nam_dict.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line[0] in "#=" or len(line) < 31:
            continue
        word = fold(line[3:29].strip().replace("+", "-"))
        found[word] = found.get(word, 0) + _frequency_on(line)
    return found


def _how_common(word: str) -> int:
    return _frequencies().get(fold(word), 0)


def pronoun_of(first_name: str) -> str:
    """The pronoun a first name is mostly given with: "she" for "Priya", "he" for "Kofi", "" when unsure."""
    return _names().get(first_name.lower().strip(".,!?;:'’"), "")


# nameparser's titles, less the ones that are everyday words far more often ("met", "her", "tax", "law", "rock").
_TITLES = frozenset(t.lower().rstrip(".") for t in CONSTANTS.titles) - _NOT_GIVEN - frozenset(
    _words(
    """air army film flag high host law me most navy pro risk rock tax uk us wing vice rear heir poet king
    lady lord maid monk st"""
)
)
# Titles that say who someone is rather than what they do: kept apart from the name, never read as a job.
HONORIFICS = frozenset(
    _words(
    """dr doctor prof professor mr mrs ms mx miss sir dame sr sra srta sra herr frau fr father sister
    brother deacon rev reverend pastor rabbi imam sheikh madame monsieur mme mlle senor señor senora
    señora dona don"""
)
)


def is_title(word: str) -> bool:
    """ "Dr", "Prof.", "Frau", "Pastor", "treasurer": a word that may stand before a name as its title."""
    return word.lower().rstrip(".") in _TITLES
