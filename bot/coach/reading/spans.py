"""Where a fact in a note begins and ends: the boundaries of a clause, the spans already read, and whose words
they are ("I need a break" is the user's). Shared by the readers of promises (promises.py) and of the rest of a
note (notes.py).
"""

from __future__ import annotations

import re

from bot.coach.reading.boundaries import BREAKS, cut
from bot.coach.reading.dates import DATE_PHRASE


def _set(words: str) -> frozenset[str]:
    """A word set written as one string: easier to read and extend than a list of quoted words."""
    return frozenset(words.split())


# Longest note we read for facts; anything beyond stays in the notes but is not mined (bounds the work).
MAX_FACTS_TEXT = 2000
MAX_ITEM_WORDS = 6
MAX_ACTION_WORDS = 14
MAX_ITEMS = 10


# A fact ends at a sentence or clause boundary. Commas end promises and wins; interest lists may run past one.
# A picture ends a phrase as a stop does: "into type design + riso printing 🖨️ maya offered to ...".
_HARD_END = re.compile(
    r"\s*(?:[.;!?\n\u2600-\u27bf\U0001f000-\U0001faff]|\s[-–—]\s|[()]|\bbut\b|\bwhile\b|\bbecause\b|\bbc\b|\bcuz\b)",
    re.IGNORECASE,
)
_COMMA_END = re.compile(
    r"\s*(?:[,.;!?\n\u2600-\u27bf\U0001f000-\U0001faff]|\s[-–—]\s|[()]|\bbut\b|\bwhile\b|\bbecause\b|\bbc\b|\bcuz\b)",
    re.IGNORECASE,
)
# Joining words that start a new clause rather than continue a list: "loves jazz and I promised...".
_CLAUSE_AND = re.compile(
    r"\s+(?:and|&)\s+(?:i|i'll|i’ll|i'd|i’d|she|he|they|we|she's|he's|just|also|then|so|got|owe|need|"
    r"promised|will|should|is|was|has|had|launched|raised|won|published|joined|started)\b",
    re.IGNORECASE,
)

# Words that cannot start (or continue) an interest: pronouns, verbs of other facts, fillers.
_NOT_INTEREST = _set(
    """i i'll i’ll i'd i’d i'm i’m me my we she he they her him them his their it its you your she's he's
    they're is was are were be been has have had do does did will would should could can must need needs
    owe owes promised got get just also then so too very really loves love likes like enjoys into fan
    interested passionate cares big keen launched raised won published joined started who which that
    when where met meet said told asks asked wants going gonna but and or not no yes obviously lol haha tho
    though together looking hoping trying planning am"""
)
_LIST_SPLIT = re.compile(r"\s+(?:and|or)\s+|\s*[/&+]\s*", re.IGNORECASE)
_LEADING_FILLER = frozenset({"the", "a", "an", "some", "all", "any", "her", "his", "their", "my"})
_OBJECT_PRONOUNS = r"(?:her|him|them|you|us|me)"


def _clip_words(text: str, limit: int) -> str:
    """At most ``limit`` words, cut where a new phrase starts ("send her the deck | before friday"), never inside
    one ("our patent | draft"); with no such place, the words as they are."""
    return cut(" ".join(text.split()), limit)


_PICTOGRAPHS = re.compile("[\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\ufe0f\u200d\U0001f000-\U0001faff]+")


def _tidy(text: str) -> str:
    """Without the punctuation and emoji around it: "review my deck 🙏" -> "review my deck"."""
    return _PICTOGRAPHS.sub("", text).strip(" \t,.;:!?-–—'\"“”‘’").strip()


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in spans)


def _to_boundary(text: str, start: int, pattern: re.Pattern[str]) -> int:
    m = pattern.search(text, start)
    return m.start() if m else len(text)


# The stop after a title ends nothing: "connect them w Dr. Martinez by the 17th", "forward it to Dir. Huang".
NOT_A_TITLE = (
    r"(?<!\bdr)(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bprof)(?<!\bst)(?<!\bjr)(?<!\bsr)(?<!\bdir)(?<!\bdept)(?<!\bvs)"
    r"(?<!\bmgr)(?<!\basst)(?<!\bassoc)"
)
_CLAUSE_SPLIT = re.compile(r"[,.;:!?()]|\s[-–—]\s")
_NOT_A_SUBJECT = frozenset(
    {"i", "also", "and", "just", "then", "so", "really", "already", "but", "still", "kindly", "please", "pls", "plz"}
)  # "Kindly do the needful and remind me to send her the rate card": asked of the bot, not said by someone


def _user_said(text: str, start: int) -> bool:
    """ "I need a break", "we're hiring": the user's own need, not the contact's."""
    words = _CLAUSE_SPLIT.split(text[:start])[-1].lower().split()
    return bool(words) and words[-1] in {"i", "we", "i'm", "i’m", "we're", "we’re", "i've", "we've", "im"}


# Words before a day that say it is a deadline or a time: "a designer | by january", "the workshop | on 5/2".
_DUE_WORDS = re.compile(r"\s*\b(?:by|on|before|until|til|till|in|no\s+later\s+than|at\s+the\s+latest)?\s*$", re.I)
# After a day, words that still say when ("friday morning"), not what ("Friday visits").
_TIME_OF_DAY = _set("morning afternoon evening night noon am pm eve")


_EVERY_WEEK = re.compile(
    r"(?<!\bon)(?<!\bevery)(?<!\bon\s)(?<!\bevery\s)\s*\b(?:mon|tues|wednes|thurs|fri|satur|sun)days\s+(?:at\s+)?\d"
    r"|\s*\b(?:at\s+)?\d{1,2}:\d\d\b",
    re.IGNORECASE,
)


def dated_end(text: str, start: int, end: int) -> int:
    """Where a phrase from ``start`` stops before a day that says when ("a designer | by january"). A day that
    names a kind of thing ("someone for Friday visits", "volunteers for the July 4 drive") is part of it."""
    every = _EVERY_WEEK.search(text, start, end)  # "an accompanist thursdays 3:15": when, every week
    end = every.start() if every and text[start : every.start()].strip() else end
    at = start
    while dated := DATE_PHRASE.search(text, at, end):
        after = re.match(r"\s*([^\W\d_][\w'’-]*)", text[dated.end() : end])
        word = after.group(1).lower() if after else ""
        if word and word not in BREAKS and word not in _TIME_OF_DAY:
            at = dated.end()
            continue
        lead = _DUE_WORDS.search(text[start : dated.start()])
        return start + (lead.start() if lead else dated.start() - start)
    return end
