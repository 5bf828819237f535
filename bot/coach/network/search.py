"""Finding people by anything known about them: "/find jazz", "/find acme", "/find lawyer", "/find ivan".

A networking notebook is searched by what you remember ("the lawyer from the bbq", "someone at Acme"), so every
field counts: names (and nicknames, and the other names a merge kept), companies, roles, interests, needs, offers,
tags, where you met, emails, phones, links, and what the notes say (yours and those an address book came with). A
number typed as a phone ("0170 1234567", "+49 170 …") finds the phone whatever way it was written. A
person must match every word of the query; a match in the name weighs most, a match deep in a note least, and a
whole word beats the start of one. Text is compared folded to plain ASCII (anyascii), so "ivan" finds "Иван",
"jose" finds "José" and "munchen" finds "München".

Each contact's fields are folded and split into words once and kept in a ``SearchIndex`` beside the notebook's
contacts (kept current with every save): a search over 5,000 people then looks each query word up in one string
per person, and scores only the people who have every word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from anyascii import anyascii

from bot.store.notebook import Notebook
from bot.store.records import Contact, Interaction

MAX_QUERY_WORDS = 8
MAX_NOTE_CHARS = 4000  # per contact: enough for years of notes, bounded work per search
PREFIX_WEIGHT = 0.6  # "clim" in "climbing" counts, less than a whole word
MIN_PREFIX = 3

# How much a hit in each field counts. The field names are shown to the user ("needs: a lawyer").
WEIGHTS: dict[str, float] = {
    "name": 10.0,
    "company": 6.0,
    "role": 5.0,
    "needs": 5.0,
    "offers": 5.0,
    "tags": 5.0,
    "interests": 4.0,
    "met at": 3.0,
    "introduced by": 2.0,
    "email": 8.0,
    "phone": 8.0,
    "links": 2.0,
    "notes": 1.5,
}
_WORDS = re.compile(r"[a-z0-9]+")
_PHONE_QUERY = re.compile(r"^[\d\s()+\-./]+$")
MIN_PHONE_DIGITS = 6
_STOP = frozenset(["a", "an", "the", "of", "at", "in", "on", "and", "or", "with", "to", "for", "from", "my", "is"])


class Hit(NamedTuple):
    """A person who matched, how well, and where the match was ("needs: a lawyer")."""

    contact: Contact
    score: float
    why: str


@lru_cache(maxsize=16384)
def plain(text: str) -> str:
    """Folded to lower-case ASCII: "Иван" -> "ivan", "José" -> "jose", "北京" -> "beijing"."""
    return anyascii(text).lower()


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORDS.findall(plain(text)))


def query_words(query: str) -> list[str]:
    words = [w for w in _words(query) if w not in _STOP] or list(_words(query))
    return words[:MAX_QUERY_WORDS]


def _fields(contact: Contact, notes: Iterable[str]) -> list[tuple[str, str]]:
    fields = [
        ("name", f"{contact.title} {contact.name}".strip()),
        ("name", contact.nickname),
        *(("name", alias) for alias in contact.aliases),
        ("company", contact.company),
        ("role", contact.role),
        *(("needs", n) for n in contact.needs),
        *(("offers", o) for o in contact.offers),
        *(("tags", t) for t in contact.tags),
        *(("interests", i) for i in contact.interests),
        ("met at", contact.met_context),
        ("introduced by", contact.introduced_by),
        *(("email", e["value"]) for e in contact.emails),
        *(("phone", p["value"]) for p in contact.phones),
        ("links", contact.linkedin),
        ("links", contact.website),
        *(("links", u["value"]) for u in contact.urls),
    ]
    budget = MAX_NOTE_CHARS
    for note in [*notes, *(n["text"] for n in contact.imported_notes)]:
        if budget <= 0:
            break
        fields.append(("notes", note[:budget]))
        budget -= len(note)
    return [(name, text) for name, text in fields if text]


class Prepared(NamedTuple):
    """A contact's fields as a search reads them: (field, text, " its words ") each, and every word of them all."""

    contact: Contact
    fields: list[tuple[str, str, str]]
    words: str


def prepare(contact: Contact, notes: Iterable[str] = ()) -> Prepared:
    fields = [(name, text, " " + " ".join(_words(text)) + " ") for name, text in _fields(contact, notes)]
    return Prepared(contact, fields, "".join(words for _, _, words in fields))


class SearchIndex:
    """Each contact prepared for searching, once: the notebook keeps it current (a saved contact is prepared again
    at the next search, a deleted one dropped)."""

    def __init__(self, contacts: Iterable[Contact] = ()) -> None:
        self._prepared: dict[str, Prepared] = {}

    def put(self, contact: Contact) -> None:
        self._prepared.pop(contact.id, None)

    def remove(self, contact_id: str) -> None:
        self._prepared.pop(contact_id, None)

    def prepared(self, contact: Contact) -> Prepared:
        found = self._prepared.get(contact.id)
        if found is not None and found.contact is contact:
            return found
        found = self._prepared[contact.id] = prepare(contact)
        return found


def _score_word(word: str, fields: list[tuple[str, str, str]]) -> tuple[float, str, str]:
    best = (0.0, "", "")
    whole, start = f" {word} ", f" {word}"
    for name, text, words in fields:
        weight = WEIGHTS[name]
        if whole in words:
            score = weight
        elif len(word) >= MIN_PREFIX and start in words:
            score = weight * PREFIX_WEIGHT
        else:
            continue
        if score > best[0]:
            best = (score, name, text)
    return best


def search_notebook(notebook: Notebook, query: str, limit: int | None = None) -> list[Hit]:
    """``search`` over a notebook's people, through the notebook's search index."""
    return search(notebook.contacts(), notebook.interactions(), query, limit, notebook.contact_index(SearchIndex))


def search(
    contacts: Sequence[Contact],
    interactions: Sequence[Interaction],
    query: str,
    limit: int | None = None,
    index: SearchIndex | None = None,
) -> list[Hit]:
    """People matching every word of ``query``, best first (ties: most recently met first), at most ``limit``. A
    word written as a tag ("#investor") matches only people with exactly that tag; a phone number matches the
    phones that end with it. ``index`` (the notebook's) saves preparing everyone's fields again."""
    if _PHONE_QUERY.match(query.strip()) and len(_digits(query)) >= MIN_PHONE_DIGITS:
        return _by_phone(contacts, query)[:limit]
    tags = [w[1:].lower() for w in query.split() if w.startswith("#") and len(w) > 1]
    words = query_words(" ".join(w for w in query.split() if not w.startswith("#")))
    if not words and not tags:
        return []
    notes: dict[str, list[str]] = {}
    for item in sorted(interactions, key=lambda i: i.at or i.on, reverse=True):
        if item.text:
            notes.setdefault(item.contact_id, []).append(item.text)
    hits: list[Hit] = []
    starts = [f" {word}" for word in words]
    ready_of = index.prepared if index is not None else prepare
    for contact in contacts:
        if tags and not all(tag in contact.tags for tag in tags):
            continue
        logged = notes.get(contact.id) if notes else None
        if logged:  # what the user logged changes without the contact: prepared now
            fields = prepare(contact, logged).fields
        else:
            ready = ready_of(contact)
            if not _has_every(ready.words, starts):  # a word nowhere: no need to score
                continue
            fields = ready.fields
        total, why = WEIGHTS["tags"] * len(tags), f"tags: {', '.join(contact.tags)}" if tags else ""
        for word in words:
            score, field, text = _score_word(word, fields)
            if not score:
                break
            total += score
            if not why and field != "name":
                why = f"{field}: {text[:60]}"
        else:
            hits.append(Hit(contact, total, why))
    hits.sort(key=lambda h: (-h.score, -_day_number(h.contact.met_on), h.contact.name))
    return hits[:limit]


def _has_every(words: str, starts: list[str]) -> bool:
    for start in starts:  # noqa: SIM110 - a loop, not all(): no generator made per person searched
        if start not in words:
            return False
    return True


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _by_phone(contacts: Sequence[Contact], query: str) -> list[Hit]:
    """ "0170 1234567" finds "+49 170 1234567": the number without its leading zeros, at the end of a phone's digits
    (an extension aside)."""
    wanted = _digits(query).lstrip("0")
    hits = []
    for contact in contacts:
        for phone in contact.phones:
            if wanted and wanted in _digits(phone["value"]):
                hits.append(Hit(contact, WEIGHTS["phone"], f"phone: {phone['value']}"))
                break
    hits.sort(key=lambda h: (-_day_number(h.contact.met_on), h.contact.name))
    return hits


def _day_number(iso: str) -> int:
    if not iso:
        return 0
    try:
        year, month, day = (int(x) for x in iso[:10].split("-"))
        return year * 400 + month * 32 + day
    except ValueError:
        return 0
