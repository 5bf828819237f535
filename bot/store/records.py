"""The records Nurture keeps, named the way the user talks about them.

Every record is a plain dataclass that round-trips through a JSON dict. Records carry a schema version (``v``)
so a later release can migrate old files instead of guessing; unknown keys from a newer release are ignored
rather than crashing an older bot.
"""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Container
from dataclasses import dataclass, field
from typing import Any, Self

# 2: contact title/needs/offers/links/birthday/tags/phone/email/telegram, promise due_on, facts, goals
# 3: contact phones/emails/urls (several, labelled) in place of one phone and email; linkedin, website, nickname,
#    aliases, imported_notes, archived_on. Contacts of version 2 are read as version 3 (``Contact.from_dict``).
# 4: interaction way (how a meeting happened: "Zoom call", "coffee"); files of version 3 read as they are.
SCHEMA_VERSION = 4

# Circles set how often a tie needs a touch (principle 6: ping regularly). Days between touches.
CIRCLE_CADENCE_DAYS: dict[str, int] = {"inner": 14, "close": 30, "wider": 90}
DEFAULT_CIRCLE = "close"

# Kinds of logged interaction. Every one of them counts as a touch that resets the cadence clock.
INTERACTION_KINDS = ("met", "note", "gave", "got", "thanked", "followed_up", "kept", "touch", "asked")


def new_id(taken: Container[str] = ()) -> str:
    """A random id, 64 bits (16 hex digits): unguessable, short enough for two of them in a button's 64 bytes, and
    unique by construction against ``taken`` (the ids already in use where it will be saved). Without ``taken``, two
    ids come out the same once in about 2**32 ids (1 in 36 million for a million people)."""
    while True:
        candidate = secrets.token_hex(8)
        if candidate not in taken:
            return candidate


_ID_DIGITS = frozenset("0123456789abcdef")


def is_id(text: str) -> bool:
    """Whether ``text`` has the form of a record id (16 hex digits, or 8 from earlier releases)."""
    return len(text) in (8, 16) and set(text) <= _ID_DIGITS


class Record:
    """Shared (de)serialisation for the dataclass records below.

    Stored documents omit fields that hold their default value: a notebook of a thousand people parses
    noticeably faster without thousands of empty strings, and a field added in a later release simply takes its
    default when an older file is read.
    """

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        doc: dict[str, Any] = {}
        for name, default in _defaults(type(self)).items():
            value = getattr(self, name)
            if name in ("id", "v") or value != default:
                if isinstance(value, list | dict):
                    value = type(value)(value)  # never share a list or a dict with storage
                doc[name] = value
        return doc

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return _record_from_dict(cls, data)


def _record_from_dict(cls: type[Any], data: dict[str, Any]) -> Any:
    try:
        record = cls(**data)  # the fast path: a document this release wrote
    except TypeError:  # keys from a newer release: keep what this one knows
        known = _defaults(cls)
        data = {k: v for k, v in data.items() if k in known}
        record = cls(**data)
    for name, value in data.items():  # lists and dicts must not be shared with the stored document either
        if isinstance(value, list):
            setattr(record, name, [dict(v) if isinstance(v, dict) else v for v in value])
        elif isinstance(value, dict):
            setattr(record, name, dict(value))
    return record


_DEFAULTS: dict[type, dict[str, Any]] = {}


def _defaults(cls: type) -> dict[str, Any]:
    """Field name -> default value (a sentinel for required fields), computed once per record class."""
    found = _DEFAULTS.get(cls)
    if found is None:
        found = {}
        for f in dataclasses.fields(cls):
            if f.default is not dataclasses.MISSING:
                found[f.name] = f.default
            elif f.default_factory is not dataclasses.MISSING:
                found[f.name] = f.default_factory()
            else:
                found[f.name] = _REQUIRED
        _DEFAULTS[cls] = found
    return found


_REQUIRED = object()



# Titles written with a full stop when abbreviated ("Dr. Patel", "Sra. Ruiz"); others are said whole ("Pastor James").
ABBREVIATED_TITLES = frozenset(["dr", "prof", "mr", "mrs", "ms", "mx", "sr", "sra", "srta", "fr", "rev", "st"])


def titled(title: str, name: str) -> str:
    """ "Dr" + "Patel" -> "Dr. Patel", "Councilmember" + "Okoro" -> "Councilmember Okoro"."""
    said = title.rstrip(".")
    return f"{said}. {name}" if said.lower() in ABBREVIATED_TITLES else f"{said} {name}"

@dataclass(slots=True)
class Contact(Record):
    """A person the user met. Only the name is required (principle 13: no mandatory fields)."""

    id: str
    name: str
    company: str = ""
    role: str = ""
    met_context: str = ""  # "the editors happy hour"
    met_on: str = ""  # ISO date, the user's local day
    introduced_by: str = ""  # the name as the user said it
    introduced_by_id: str = ""  # that person's contact id, when known
    interests: list[str] = field(default_factory=list)
    wins: list[str] = field(default_factory=list)  # news worth congratulating: "got promoted"
    circle: str = DEFAULT_CIRCLE
    created_at: str = ""  # ISO datetime, UTC
    title: str = ""  # "Dr", "Prof": kept apart from the name
    needs: list[str] = field(default_factory=list)  # what they are looking for: "a lawyer", "a PM", "a seed round"
    offers: list[str] = field(default_factory=list)  # what they can help with: "pitch deck reviews", "legal advice"
    links: list[dict[str, str]] = field(default_factory=list)  # [{"contact_id": ..., "as": "husband"}]
    birthday: str = ""  # "MM-DD", or ""
    tags: list[str] = field(default_factory=list)  # "investor", lowercased, without "#"
    telegram_id: int = 0  # from a shared contact
    username: str = ""  # Telegram @username, without "@"
    # Several of each, as an address book keeps them: [{"value": "+49 170 1234567", "label": "mobile"}] (the label
    # is left out when the file had none). The first is the one shown first.
    phones: list[dict[str, str]] = field(default_factory=list)
    emails: list[dict[str, str]] = field(default_factory=list)
    urls: list[dict[str, str]] = field(default_factory=list)  # other links: {"value": url, "label": "twitter"}
    linkedin: str = ""  # their LinkedIn profile URL: the surest sign two records are the same person
    website: str = ""
    nickname: str = ""
    aliases: list[str] = field(default_factory=list)  # other names they go by: a merge keeps both names
    # Notes that came with an imported file (an address book's NOTE, Google's "Notes"), dated the day they came in.
    # Kept apart from the timeline: a file's note is not a touch, so it never makes someone look recently met.
    imported_notes: list[dict[str, str]] = field(default_factory=list)  # [{"on": ISO date, "text": ...}]
    archived_on: str = ""  # ISO date the user archived them: out of mornings, /contacts and the map; still found
    # ISO date a capture named them without the user meeting them ("her son Elias"): a minimal contact that holds the
    # tie, out of the mornings until met ("" once met, or for anyone met or imported).
    mentioned_on: str = ""
    v: int = SCHEMA_VERSION

    @property
    def first_name(self) -> str:
        """The name to call them by in a sentence: the first word, or the whole name when the first word is an
        initial ("K. Dominguez": never "you promised K. the P&L"), or the name with its title when the name is one
        word and a title was said ("Dr. Patel", "Councilmember Okoro", "Father Tom")."""
        words = self.name.split()
        if len(words) > 1 and len(words[0].rstrip(".")) == 1:
            return self.name
        if len(words) == 1 and self.title:  # "you promised Dr. Patel the posters", never "you promised Patel"
            return titled(self.title, words[0])
        return words[0] if words else ""

    @property
    def phone(self) -> str:
        """The first phone, or ""."""
        return self.phones[0]["value"] if self.phones else ""

    @property
    def email(self) -> str:
        """The first email address, or ""."""
        return self.emails[0]["value"] if self.emails else ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Contact:
        if "phone" in data or "email" in data:  # written by release 2: one phone and one email
            data = dict(data)
            for old, new in (("phone", "phones"), ("email", "emails")):
                value = data.pop(old, "")
                if isinstance(value, str) and value.strip() and not data.get(new):
                    data[new] = [{"value": value.strip()}]
            data["v"] = SCHEMA_VERSION
        return _record_from_dict(cls, data)


@dataclass(slots=True)
class Interaction(Record):
    """Something that happened with a contact: a meeting, a note, a give, help received, a thank-you..."""

    id: str
    contact_id: str
    kind: str  # one of INTERACTION_KINDS
    text: str = ""
    on: str = ""  # ISO date it happened, the user's local day
    at: str = ""  # ISO datetime (UTC) it was logged; orders same-day entries
    context: str = ""  # where, for meetings
    way: str = ""  # how, for meetings: "Zoom call", "coffee", "email" (reading/ways.py)
    v: int = SCHEMA_VERSION


@dataclass(slots=True)
class Promise(Record):
    """An open loop: something the user promised ("send her the book") or a thank-you they owe.

    kind "promise" comes from the user's own words; kind "thanks" is created when they log help received.
    """

    id: str
    contact_id: str
    text: str
    kind: str = "promise"  # "promise" | "thanks"
    made_on: str = ""  # ISO date
    done_on: str = ""  # ISO date it was kept; empty while open
    due_on: str = ""  # ISO date it is due ("by friday"), or ""
    v: int = SCHEMA_VERSION

    @property
    def is_open(self) -> bool:
        return not self.done_on


@dataclass(slots=True)
class Profile(Record):
    """The user's own settings."""

    user_id: int
    first_name: str = ""
    timezone: str = "UTC"
    morning: str = "08:00"  # HH:MM local time of the morning nudge
    budget: int = 3  # nudges a day
    paused: bool = False
    active: bool = True  # False once Telegram says the user blocked the bot; True again when they write
    created_at: str = ""
    # [{"id", "text", "by": ISO date or "", "set_on", "done_on", "outcome": "reached"|"dropped"|"", "progress": [...],
    #   "loops": [contact ids to tell how it turned out], "outcome_on"}]: see bot/coach/planning/goals.py
    goals: list[dict[str, Any]] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)  # what the user can give: "I can review pitch decks"
    review: str = "sun 18:00"  # when the weekly review comes: weekday and local time (/review)
    v: int = SCHEMA_VERSION


# Kinds of typed fact learned about a contact (see bot/coach/reading/facts.py). Drafts and nudges are composed from
# these, never from the raw text of a note.
FACT_KINDS = ("win", "job_change", "move", "need", "offer", "interest", "life_event", "promise", "help_received")


@dataclass(slots=True)
class Fact(Record):
    """One typed thing known about a contact, with named slots, learned on a day.

    ``slots`` hold the pieces a sentence is built from, already in neutral or second-person form, e.g.
    win {"what": "your first Ironman", "verb": "finished"}; job_change {"company": "Anthropic", "role": "PM"};
    need {"what": "a lawyer"}. A newer fact of the same kind may supersede an older one (a new job replaces the
    old): the old one keeps its place in history with ``superseded_on`` set.
    """

    id: str
    contact_id: str
    kind: str  # one of FACT_KINDS
    slots: dict[str, str] = field(default_factory=dict)
    on: str = ""  # ISO date the fact was learned (the user's local day)
    source_id: str = ""  # the interaction it was read from, if any
    superseded_on: str = ""  # ISO date a newer fact replaced it
    done_on: str = ""  # ISO date it stopped mattering: a need met, a win congratulated
    v: int = SCHEMA_VERSION
