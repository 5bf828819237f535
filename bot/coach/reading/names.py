"""Finding the contact a user means from the name they typed.

People type names the way they remember them: "jane", "Jose" for "José", "ana ortiz" for "Dr. Ana Ortiz", or
"Jnae" on a phone keyboard. The rule of thumb is to act only when the match is certain, and otherwise to ask:
two Janes become buttons, and a typo becomes "did you mean Jane?". Nurture never silently picks someone,
because a note filed under the wrong person is worse than a question.

Matching tiers, first hit wins:
1. the whole name (folded: case and accents ignored; titles like "Dr." ignored);
2. the first name;
3. the start of the whole name, or any later word of the name ("ortiz", "ort");
4. nothing matched: fuzzy suggestions only (never a certain match).
A tier with one contact is certain; a tier with several is ambiguous.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.store.notebook import Notebook
from bot.store.records import Contact

# Fuzzy scores (0-100) at or above this count as "close enough to suggest". 70 lets one swapped or missing
# letter through on a short first name ("Jnae" -> "Jane" scores 75) while keeping unrelated names out.
SUGGESTION_CUTOFF = 70
MAX_SUGGESTIONS = 3
# Prefix matches need a little substance: "j" would match half the address book.
MIN_PREFIX_LEN = 2

# Letters that NFKD does not split into base + mark but that people type without the stroke.
_TRANSLITERATE = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŀ": "l", "þ": "th", "æ": "ae", "œ": "oe"}
)
# Titles and honorifics say nothing about who someone is; "ana ortiz" should find "Dr. Ana Ortiz".
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame", "rev", "fr"})
# Apostrophes vanish ("O'Brien" == "obrien"); any other non-word character separates words ("Jean-Luc").
_APOSTROPHES = re.compile(r"['’`´]")
_NON_WORD = re.compile(r"[\W_]+")


@dataclass
class Resolution:
    """What a typed name turned out to mean. Exactly one of the three outcomes holds."""

    contact: Contact | None = None  # the one match, when certain
    candidates: list[Contact] = field(default_factory=list)  # ambiguous: every plausible match, best first
    suggestions: list[Contact] = field(default_factory=list)  # no match: close names, best first, at most 3

    @property
    def is_certain(self) -> bool:
        return self.contact is not None

    @property
    def is_ambiguous(self) -> bool:
        return self.contact is None and bool(self.candidates)

    @property
    def is_unknown(self) -> bool:
        return self.contact is None and not self.candidates


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """A case- and accent-insensitive key: "José" -> "jose", "Ørsted" -> "orsted", spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().translate(_TRANSLITERATE).split())


@lru_cache(maxsize=8192)
def _name_words(name: str) -> tuple[str, ...]:
    """The words that identify a person: folded, punctuation dropped, leading titles skipped.

    Cached because resolve() is called with the same contact names over and over; a cache hit is far cheaper
    than normalising Unicode again.
    """
    # anyascii: "ivan" finds "Иван", "mueller"-style spellings aside; Latin names are unchanged by it.
    words = _NON_WORD.sub(" ", _APOSTROPHES.sub("", anyascii(fold(name)).lower())).split()
    start = 0
    while start < len(words) - 1 and words[start] in _TITLES:
        start += 1
    return tuple(words[start:])


@lru_cache(maxsize=8192)
def _key(name: str) -> str:
    """The whole identifying name as one folded string: "Dr. José  Ortiz" -> "jose ortiz"."""
    return " ".join(_name_words(name))


def resolve(contacts: Sequence[Contact] | NameIndex, query: str, *, fuzzy: bool = True) -> Resolution:
    """Find the contact ``query`` names: certain, ambiguous (ask with buttons) or unknown (suggest).

    ``contacts`` is a list (one pass over it) or a notebook's ``NameIndex`` (lookups: the same answer without the
    pass, which is what a /met over 1,000 contacts spent most of its own time on).

    ``fuzzy=False`` skips the typo suggestions (the costly part) for callers that would not use them, such as
    /met, where an unknown name simply means someone new.
    """
    if isinstance(contacts, NameIndex):
        return contacts.resolve(query, fuzzy=fuzzy)
    q_words = _name_words(query)
    if not q_words:
        return Resolution()
    q = " ".join(q_words)
    first_name = q + " "  # "jane " starts "jane doe": a first-name hit (single-word queries only)
    later_word = " " + q  # " ort" inside "ana ortiz": the start of a later word of the name
    single_word = len(q_words) == 1
    can_prefix = len(q) >= MIN_PREFIX_LEN

    exact: list[Contact] = []
    first: list[Contact] = []
    partial: list[Contact] = []
    for contact in contacts:
        key = _key(contact.name)
        if key == q:
            exact.append(contact)
        elif single_word and key.startswith(first_name):
            first.append(contact)
        elif can_prefix and key and (key.startswith(q) or later_word in key):
            partial.append(contact)
    return _choose(exact, first, partial) or Resolution(suggestions=suggest(contacts, query) if fuzzy else [])


def _choose(exact: list[Contact], first: list[Contact], partial: list[Contact]) -> Resolution | None:
    """The first tier that matched: certain with one contact, ambiguous with several; None when none matched."""
    for tier in (exact, first, partial):
        if len(tier) == 1:
            return Resolution(contact=tier[0])
        if tier:
            # Ambiguous: the best tier first, then weaker matches that may be the one the user meant.
            return Resolution(candidates=[*exact, *first, *partial])
    return None


class NameIndex:
    """A notebook's contacts by name, so ``resolve`` finds the three tiers by lookup rather than by a pass over
    everyone: the whole name in a dict, and sorted lists in which "starts with" is a bisection - one of whole names
    (tiers 1-3) and one of each name from its second word on (tier 3: "ort" finds "ana ortiz").

    The notebook keeps it current on every save and deletion of a contact (``Notebook.names``). Matches come back
    in the notebook's order, exactly as the pass returns them (tests/coach/test_names.py checks the two agree).
    """

    def __init__(self, contacts: Iterable[Contact] = ()) -> None:
        self._contacts: dict[str, Contact] = {}  # id -> contact, in the notebook's order
        self._place: dict[str, int] = {}  # id -> its place in that order
        self._keys: dict[str, str] = {}  # id -> the key it is filed under
        self._exact: dict[str, list[str]] = {}  # key -> ids
        self._names: list[tuple[str, str]] = []  # (key, id), sorted
        self._later: list[tuple[str, str]] = []  # (key from a later word on, id), sorted
        self._next_place = 0
        for contact in contacts:
            self.put(contact)

    def put(self, contact: Contact) -> None:
        """A new contact, or a saved one (perhaps renamed)."""
        key = _key(contact.name)
        known = self._keys.get(contact.id)
        self._contacts[contact.id] = contact
        if known == key:
            return
        if known is None:
            self._place[contact.id] = self._next_place
            self._next_place += 1
        else:
            self._unfile(contact.id, known)
        self._keys[contact.id] = key
        self._exact.setdefault(key, []).append(contact.id)
        insort(self._names, (key, contact.id))
        for rest in _later_words(key):
            insort(self._later, (rest, contact.id))

    def remove(self, contact_id: str) -> None:
        key = self._keys.pop(contact_id, None)
        if key is None:
            return
        self._unfile(contact_id, key)
        del self._contacts[contact_id], self._place[contact_id]

    def _unfile(self, contact_id: str, key: str) -> None:
        ids = self._exact[key]
        ids.remove(contact_id)
        if not ids:
            del self._exact[key]
        for entries, value in ((self._names, key), *((self._later, rest) for rest in _later_words(key))):
            del entries[bisect_left(entries, (value, contact_id))]

    def resolve(self, query: str, *, fuzzy: bool = True) -> Resolution:
        q_words = _name_words(query)
        if not q_words:
            return Resolution()
        q = " ".join(q_words)
        exact = set(self._exact.get(q, ()))
        first = self._starting(self._names, q + " ") if len(q_words) == 1 else set()
        partial: set[str] = set()
        if len(q) >= MIN_PREFIX_LEN:
            partial = (self._starting(self._names, q) | self._starting(self._later, q)) - exact - first
        found = _choose(self._ordered(exact), self._ordered(first), self._ordered(partial))
        if found is not None:
            return found
        return Resolution(suggestions=suggest(list(self._contacts.values()), query) if fuzzy else [])

    @staticmethod
    def _starting(entries: list[tuple[str, str]], prefix: str) -> set[str]:
        ids = set()
        for index in range(bisect_left(entries, (prefix, "")), len(entries)):
            value, contact_id = entries[index]
            if not value.startswith(prefix):
                break
            ids.add(contact_id)
        return ids

    def _ordered(self, ids: set[str]) -> list[Contact]:
        return [self._contacts[i] for i in sorted(ids, key=self._place.__getitem__)]


def _later_words(key: str) -> list[str]:
    """ "ana maria ortiz" -> ["maria ortiz", "ortiz"]: the name from each later word on."""
    return [key[at + 1 :] for at, char in enumerate(key) if char == " "]


def suggest(contacts: Sequence[Contact], query: str, limit: int = MAX_SUGGESTIONS) -> list[Contact]:
    """Contacts whose name is close to ``query`` (a typo), best first. For "did you mean ...?" only."""
    q = _key(query)
    if not q:
        return []
    # Compare against the whole name and each word, so "Jnae" is measured against "jane", not "jane doe".
    choices: list[str] = []
    owners: list[int] = []
    for index, contact in enumerate(contacts):
        words = _name_words(contact.name)
        if not words:
            continue
        for choice in dict.fromkeys((" ".join(words), *words)):
            choices.append(choice)
            owners.append(index)
    best: dict[int, float] = {}
    for _choice, score, choice_index in process.extract(
        q, choices, scorer=fuzz.ratio, score_cutoff=SUGGESTION_CUTOFF, limit=None
    ):
        owner = owners[choice_index]
        best[owner] = max(score, best.get(owner, 0.0))
    # One slip of the thumb on a short name ("Bbo" for "Bob") scores under the cutoff as a ratio, yet it is
    # exactly the typo a user wants caught: accept any single edit or swap of two letters.
    if len(q) >= 3:
        for _choice, _distance, choice_index in process.extract(
            q, choices, scorer=OSA.distance, score_cutoff=1, limit=None
        ):
            owner = owners[choice_index]
            best[owner] = max(float(SUGGESTION_CUTOFF), best.get(owner, 0.0))
    ranked = sorted(best, key=lambda i: (-best[i], i))
    return [contacts[i] for i in ranked[:limit]]


def split_name_and_rest(contacts: Sequence[Contact], text: str) -> tuple[str, str]:
    """Split "Jane Doe the climate article" into ("Jane Doe", "the climate article").

    With a ":" the user drew the line themselves ("Jane: loves sailing"), so that wins. Otherwise the longest
    run of leading words that names a contact (whole name, first name, or another word of a name) is the name;
    the rest keeps the user's own spacing and line breaks. With no exact hit, the prefix closest to some name
    is taken, so the caller can say "did you mean Jane?". Failing all that, the first word is the name.
    """
    if ":" in text:
        name, rest = text.split(":", 1)
        return name.strip(), rest.strip()
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    if not spans:
        return "", ""

    full_keys: set[str] = set()
    name_words: set[str] = set()
    longest = 1
    for contact in contacts:
        words = _name_words(contact.name)
        if words:
            full_keys.add(_key(contact.name))
            name_words.update(words)
            longest = max(longest, len(words) + 2)  # + room for a title or two

    def cut(n: int) -> tuple[str, str]:
        name = text[spans[0][0] : spans[n - 1][1]].rstrip(",;.")
        rest = text[spans[n][0] :].strip() if n < len(spans) else ""
        return name, rest

    max_n = min(len(spans), longest)
    for n in range(max_n, 0, -1):
        words = _name_words(text[spans[0][0] : spans[n - 1][1]])
        if not words:
            continue
        if " ".join(words) in full_keys or (len(words) == 1 and words[0] in name_words):
            return cut(n)

    # Nothing exact: take the prefix that looks most like a name (longest on a tie), if any looks close.
    best_n, best_score = 1, 0.0
    for n in range(1, max_n + 1):
        prefix = _key(text[spans[0][0] : spans[n - 1][1]])
        if not prefix:
            continue
        pool = sorted(full_keys | name_words) if n == 1 else sorted(full_keys)
        hit = process.extractOne(prefix, pool, scorer=fuzz.ratio, score_cutoff=SUGGESTION_CUTOFF)
        if hit is not None and hit[1] >= best_score:
            best_n, best_score = n, hit[1]
    return cut(best_n)


def names_of(notebook: Notebook) -> NameIndex:
    """The notebook's contacts by name, for ``resolve`` without a pass over everyone; current after every change."""
    return notebook.contact_index(NameIndex)
