"""Job titles people hold, from a list of them rather than a hand-kept one: "grant writer", "coffee roaster", "charge
nurse", "3rd grade teacher", and the one-word jobs they end with ("roaster", "grower", "volunteer", "forager").

The titles are find-job-titles' list (over 70,000, from public job boards and occupation tables, MIT licence). Only
its data file is read, never its search code, the first time a job needs it (about 0.1 s), never at import.

A job said with a verb is said as the title it names when the list knows it: "roasts coffee" -> "coffee roaster",
"volunteers at the food bank" -> "volunteer", "does grant writing" -> "grant writer", "does sound design" -> "sound
designer"; a verb whose doer is no job ("plays", "loves", "wants") names none.
"""

from __future__ import annotations

import gzip
import importlib.metadata
from collections import Counter
from functools import cache, lru_cache

from bot.coach.reading.lexicon import _ROLE_WORDS, _set
from bot.coach.reading.verbs import plain_verb

# A word ends this many titles at least before it is read as a job on its own: "roaster" ends "coffee roaster",
# "peanut roaster", ...; "one" or "dinner" end a title by accident.
HEAD_TITLES = 3


@cache
def _titles() -> tuple[frozenset[str], dict[str, int]]:
    """(every title, the words that end enough titles to be a job alone with how many they end), in lower case."""
    files = importlib.metadata.files("find-job-titles") or []
    data = next(f for f in files if f.name.endswith(".txt.gz"))
    text = gzip.decompress(data.locate().read_bytes()).decode("utf-8")  # type: ignore[attr-defined]
    titles = frozenset(" ".join(line.lower().split()) for line in text.splitlines() if line.strip())
    heads = Counter(title.split()[-1] for title in titles)
    return titles, {word: n for word, n in heads.items() if n >= HEAD_TITLES}


def a_title(phrase: str) -> bool:
    """ "grant writer", "ICU charge nurse"'s "charge nurse", "3rd grade teacher": a title the list knows whole."""
    return " ".join(phrase.lower().split()) in _titles()[0]


def a_job_word(word: str) -> bool:
    """ "roaster", "grower", "volunteer", "architect": a word that ends enough titles to be a job on its own."""
    return word.lower() in _titles()[1]


# Verbs whose doer is no job however many titles end in it: "plays cello" is a hobby, "runs", "works" and "leads"
# are read elsewhere (work.py), "sends", "wants" are what someone does for you or needs.
_NOT_JOB_VERBS = _set(
    """be have do get go come make take give send say tell want need like love know think see look play run work lead
    help try use find keep let put ask call show feel leave meet move live bring hold turn start stop read
    hear talk mention offer promise owe share check follow reach review handle own"""
)
_DOER_ENDINGS = ("er", "r", "or", "ant", "ist")


@lru_cache(maxsize=2048)
def doer(verb: str) -> str:
    """The job of someone who does ``verb``, said as "she roasts" or "does roasting" ("roasts" -> "roaster",
    "volunteers" -> "volunteer", "coaches" -> "coach", "writing" -> "writer", "consults" -> "consultant"), or ""
    ("plays", "wants", "sends"; a past tense says no job: "wrote", "taught")."""
    low = verb.lower()
    plain = plain_verb(low)
    if not plain or plain in _NOT_JOB_VERBS or low == plain or not low.endswith(("s", "ing")):
        return ""
    stems = [plain[:-1], plain] if plain.endswith("e") else [plain, plain + plain[-1]]
    found = [stem + ending for stem in stems for ending in _DOER_ENDINGS if a_job_word(stem + ending)]
    if a_job_word(plain) and plain in _ROLE_WORDS:
        found.append(plain)  # "coaches", "volunteers", "tutors": the verb's own noun is the job ("supports": none)
    heads = _titles()[1]
    return max(found, key=lambda word: heads[word], default="")  # "cooks": "cook" ends more titles than "cooker"


def job_of_doing(words: list[str]) -> str:
    """ "grant writing" -> "grant writer", "sound design" -> "sound designer", "coffee" + a doer: the title the last
    word's doer names with the words before it when the list knows it, else the doer alone, else ""."""
    if not words:
        return ""
    last = words[-1].lower()
    job = doer(last) or (doer(last + "s") if plain_verb(last) == last else "")  # "writing", "design"
    if not job:
        return ""
    for k in range(len(words) - 1):
        whole = " ".join([*words[k:-1], job])
        if a_title(whole):
            return " ".join([*words[k:-1], job])
    return job
