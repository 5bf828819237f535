"""Who a line names, as learned from lines people typed: a second reader beside the hand-written one.

The scanner (capture.py, people.py) decides word by word with rules written against lines the team read; on lines
written by people who never saw it, it keeps about 81 % of names (bench/README.md). This reader is statistical: a
linear-chain CRF (python-crfsuite) that tags each word as part of the name of someone met, of someone only
mentioned, of a company, of a job, of where they met, or of none, from the word's shape (capitals, position),
whether it is a first name people are called (given_names.py), a word that is never a name (stopwords.py), a title,
a word companies end on, and the same of its neighbours. It was trained by tools/train_people_tagger.py on the blind
corpus's tuning parts (tests/corpus/blind, lines by writers who never read the code), never on a frozen part; the
model is ``people.crfsuite`` beside this module (about half a megabyte), read on first use.

second_look.py says what the capture reading does with its answer. Tagging a line costs a few tenths of a
millisecond.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from bot.coach.reading.given_names import _how_common, is_given_name, is_title
from bot.coach.reading.stopwords import _set, is_not_a_name

MODEL = Path(__file__).with_name("people.crfsuite")

# Words, a possessive "'s" apart ("Noah's" -> "Noah", "'s"), numbers, and any other character alone.
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]{2,}|-[^\W\d_]+)*|['’]s\b|\d+(?:[:/.]\d+)*|\S")
# Words organisations' names end on: "Carrow Capital", "Doyle Electric" are no one's name.
_ORG_WORDS = _set(
    """inc llc ltd corp co group capital ventures partners bank labs lab studio studios cafe café bar restaurant hotel
    church school university college hospital clinic electric steel concrete roofing glass construction realty
    properties consulting solutions systems foundation institute center centre records media agency fund"""
)
_STOPS = frozenset(".!?\n:;-—–(")
MET, MENTIONED, ORG, ROLE, WHERE = "MET", "MEN", "ORG", "ROLE", "WHERE"


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for each word of ``text``."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _shape(word: str) -> str:
    s = re.sub(r"\d", "d", re.sub(r"[a-z]", "x", re.sub(r"[A-Z]", "X", word)))
    return re.sub(r"(.)\1+", r"\1\1", s)[:6]


@lru_cache(maxsize=8192)
def _word(word: str) -> tuple[str, ...]:
    """What one word looks like, apart from where it stands: CRFsuite's binary features ("low=kofi", "cap")."""
    low = word.lower()
    alpha = low.replace("-", "").replace("'", "").replace("’", "").isalpha()
    found = [f"low={low}", f"shape={_shape(word)}", f"suf3={low[-3:]}"]
    flags = {"cap": word[:1].isupper(), "upper": word.isupper() and len(word) > 1, "alpha": alpha}
    if alpha:
        flags["given"] = is_given_name(low)
        if flags["given"]:
            common = _how_common(low)
            found.append(f"common={'0' if common < 5 else '1' if common < 15 else '2' if common < 60 else '3'}")
        flags.update(notname=is_not_a_name(low), title=is_title(low), org=low in _ORG_WORDS)
    return (*found, *(k for k, on in flags.items() if on))


_AROUND = (-1, 1)  # the word before and after: two each side read no better on held-out parts, and cost more
_NEIGHBOUR_KEYS = ("low=", "shape=", "cap", "given", "notname", "title")


@lru_cache(maxsize=16384)
def _beside(word: str, at: int) -> tuple[str, ...]:
    """A neighbour's features, said from where it stands (``at`` words away)."""
    return tuple(f"{at}:{f}" for f in _word(word) if f.startswith(_NEIGHBOUR_KEYS))


def features(words: list[str]) -> list[list[str]]:
    """Each word's features: its own, whether it opens a sentence or a part, and its neighbours' (``_AROUND``)."""
    out = []
    last = len(words) - 1
    for i, word in enumerate(words):
        f = ["bias", *_word(word)]
        if i == 0 or words[i - 1] in _STOPS:
            f.append("start")
        for d in _AROUND:
            j = i + d
            f.extend(_beside(words[j], d) if 0 <= j <= last else (f"{d}:edge",))
        out.append(f)
    return out


@dataclass(frozen=True)
class Tagged:
    """A name the tagger found: its words as typed, whether the line met them, how sure it is (0-1: the least sure
    of its words), and where it stands in the line (``start``, ``end``: character offsets)."""

    words: tuple[str, ...]
    met: bool
    sure: float
    start: int = 0
    end: int = 0

    @property
    def name(self) -> str:
        return " ".join(self.words)


@cache
def _tagger() -> Any:
    import pycrfsuite  # type: ignore[import-untyped]  # a C extension without type hints; read on first use

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger


@dataclass(frozen=True)
class Tagging:
    """What the tagger reads in a line, each in the order said: the names of people (met or only mentioned), the
    companies and organisations, the jobs, and the places and events where people met."""

    names: list[Tagged]
    companies: list[Tagged]
    jobs: list[Tagged]
    places: list[Tagged] = field(default_factory=list)


def tagging(text: str) -> Tagging:
    """Tag ``text`` once and sort what was found."""
    found = _tagged(text)
    return Tagging(
        names=[t for kind, t in found if kind in (MET, MENTIONED)],
        companies=[t for kind, t in found if kind == ORG],
        jobs=[t for kind, t in found if kind == ROLE],
        places=[t for kind, t in found if kind == WHERE],
    )


def names_in(text: str) -> list[Tagged]:
    """The names of people ``text`` says, in order, each as often as it is said."""
    return tagging(text).names


def _tagged(text: str) -> list[tuple[str, Tagged]]:
    # CRFsuite reads UTF-8 C strings: a lone surrogate (valid JSON, "\ud83d") or a NUL would fail it. Each is
    # replaced by one character, so where each word stands is unchanged.
    text = text.encode("utf-8", "replace").decode("utf-8").replace("\x00", " ")
    found = tokens(text)
    if not found:
        return []
    words = [w for w, _, _ in found]
    tagger = _tagger()
    labels = tagger.tag(features(words))
    spans: list[tuple[str, Tagged]] = []
    run: list[int] = []
    kind, sure = "", 1.0
    for i, label in enumerate([*labels, "O"]):
        starts = label.startswith("B-") or (label.startswith("I-") and label[2:] != kind)
        if run and (label == "O" or starts):
            said = tuple(words[k] for k in run)
            spans.append((kind, Tagged(said, kind == MET, sure, found[run[0]][1], found[run[-1]][2])))
            kind, run, sure = "", [], 1.0
        if label != "O":
            kind = label[2:]
            run.append(i)
            sure = min(sure, tagger.marginal(label, i))
    return spans
