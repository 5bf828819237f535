"""The records Nurture keeps, named the way the user talks about them.

Every record is a plain dataclass that round-trips through a JSON dict. Records carry a schema version (``v``)
so a later release can migrate old files instead of guessing; unknown keys from a newer release are ignored
rather than crashing an older bot.
"""

from __future__ import annotations

import dataclasses
import secrets
from dataclasses import dataclass, field
from typing import Any, Self

SCHEMA_VERSION = 1

# Circles set how often a tie needs a touch (principle 6: ping regularly). Days between touches.
CIRCLE_CADENCE_DAYS: dict[str, int] = {"inner": 14, "close": 30, "wider": 90}
DEFAULT_CIRCLE = "close"

# Kinds of logged interaction. Every one of them counts as a touch that resets the cadence clock.
INTERACTION_KINDS = ("met", "note", "gave", "got", "thanked", "followed_up", "kept", "touch")


def new_id() -> str:
    """A short random id: unguessable enough for callback data, short enough for Telegram's 64-byte limit."""
    return secrets.token_hex(4)


class Record:
    """Shared (de)serialisation for the dataclass records below."""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)  # type: ignore[call-overload]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        known = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
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
    v: int = SCHEMA_VERSION

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name else ""


@dataclass
class Interaction(Record):
    """Something that happened with a contact: a meeting, a note, a give, help received, a thank-you..."""

    id: str
    contact_id: str
    kind: str  # one of INTERACTION_KINDS
    text: str = ""
    on: str = ""  # ISO date it happened, the user's local day
    at: str = ""  # ISO datetime (UTC) it was logged; orders same-day entries
    context: str = ""  # where, for meetings
    v: int = SCHEMA_VERSION


@dataclass
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
    v: int = SCHEMA_VERSION

    @property
    def is_open(self) -> bool:
        return not self.done_on


@dataclass
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
    v: int = SCHEMA_VERSION
