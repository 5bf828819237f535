"""Is this really a notebook? Every file is checked against the schema when it is opened.

A file can be valid JSON and still not be a notebook: a contact that is a string, a profile that is a list, a log
line with the wrong number of fields, a date that is not a date. Left alone, such a file made *every* message of
its owner fail ("Sorry - something went wrong"), /start, /export and /deleteme included. Checked on open, it is
set aside like an unreadable file, the user is told, and they start afresh.

The record checks are derived from the dataclasses in models.py (their type hints), so a field added there is
checked here without a second table to keep in step. Unknown fields and unknown tables are accepted: a newer
release may have written them. Derived data is repaired rather than refused: digest rows that do not fit (by the
check the notebook is handed with its digest) are rebuilt from the records, and a pending question that is not an
action with a payload is dropped (its buttons expire). What a payload holds is checked by the handler that owns it,
when the button is tapped.

The checks come in two parts because a notebook is read in two: the head (state, digest) when it is opened, the
records (``check_records``) the first time any of them is asked for.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.store.records import Contact, Fact, Interaction, Profile, Promise, Record

RECORD_TABLES: dict[str, type[Record]] = {
    "contacts": Contact,
    "interactions": Interaction,
    "promises": Promise,
    "facts": Fact,
}
_DOC_ID = re.compile(r"\d{1,18}")  # TinyDB document ids, stored as the text of an integer
_BIRTHDAY = re.compile(r"\d\d-\d\d")


class NotANotebook(Exception):
    """The data does not have the shape of a notebook; ``reason`` says where (never quoting the user's text)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Change(NamedTuple):
    """One entry of a log line: set ``table[key]`` to ``doc``, or remove it when ``doc`` is None."""

    table: str
    key: str
    doc: dict[str, Any] | None


Check = Callable[[Any], bool]


# -- the whole notebook ------------------------------------------------------------------------------------------


def check_records(data: Mapping[str, Any]) -> None:
    """Raise NotANotebook when the record tables of ``data`` (every table but the head's) are not a notebook's."""
    for table, docs in data.items():
        if not isinstance(docs, dict):
            raise NotANotebook(f"table {table!r} is not an object")
    for table, cls in RECORD_TABLES.items():
        check = record_check(cls)
        seen: set[str] = set()
        for doc_id, doc in data.get(table, {}).items():
            if not _DOC_ID.fullmatch(doc_id):
                raise NotANotebook(f"{table}: a document id is not a number")
            problem = check(doc)
            if problem:
                raise NotANotebook(f"{table}/{doc_id}: {problem}")
            if doc["id"] in seen:
                raise NotANotebook(f"{table}/{doc_id}: the same record twice")
            seen.add(doc["id"])


def check_state(table: Any) -> list[str]:
    """Raise NotANotebook when the state table is not a notebook's; repairs what can be dropped, in place, and
    returns what it repaired ("pending")."""
    if not isinstance(table, dict):
        raise NotANotebook("table 'state' is not an object")
    return _check_state(table)


def digest_fits(rows: Any, row_fits: Callable[[Any], bool]) -> bool:
    """Whether every digest row fits (``row_fits`` comes with the digest the notebook derives)."""
    return isinstance(rows, dict) and all(isinstance(row, dict) and row_fits(row) for row in rows.values())


def _check_state(table: dict[str, Any]) -> list[str]:
    repaired = []
    for doc_id, doc in table.items():
        if not _DOC_ID.fullmatch(doc_id):
            raise NotANotebook("state: a document id is not a number")
        if not isinstance(doc, dict) or not isinstance(doc.get("key"), str):
            raise NotANotebook(f"state/{doc_id}: not a named value")
        key, value = doc["key"], doc.get("value")
        if key == "profile":
            problem = "not an object" if not isinstance(value, dict) else record_check(Profile)(value)
            if problem:
                raise NotANotebook(f"the profile: {problem}")
        elif key in _STATE_SHAPES and value is not None and not _STATE_SHAPES[key](value):
            raise NotANotebook(f"state {key!r} has the wrong shape")
        elif key == "pending" and value is not None:
            if not isinstance(value, dict):
                raise NotANotebook("state 'pending' is not an object")
            kept = {token: item for token, item in value.items() if _pending_fits(item)}
            if len(kept) != len(value):
                doc["value"] = kept
                repaired.append("pending")
    return repaired


def _day(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


_STATE_SHAPES: dict[str, Check] = {
    # day -> {"status": ..., "keys": [nudge keys]}: what was sent on which local day (delivery.py)
    "mornings": lambda v: (
        isinstance(v, dict)
        and all(
            _day(d) and isinstance(r, dict) and isinstance(r.get("status", ""), str) and _strings(r.get("keys", []))
            for d, r in v.items()
        )
    ),
    "snoozes": lambda v: isinstance(v, dict) and all(isinstance(s, str) and _day(s[:10]) for s in v.values()),
    # update ids handled, by the day they came (an earlier release kept a plain list of the last fifty)
    "handled": lambda v: (
        _update_ids(v) or (isinstance(v, dict) and all(_day(d) and _update_ids(i) for d, i in v.items()))
    ),
    "digest_version": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "capture_tokens": lambda v: _strings(v),  # the kept captures, oldest first (journal.py)
}


def _update_ids(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(i, int) and not isinstance(i, bool) for i in value)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(s, str) for s in value)


def _pending_fits(item: Any) -> bool:
    """A question waiting for a tap, as ``Notebook.put_pending`` stores it: an action and its payload. What the
    payload holds is checked by the handler that owns the action (bot/handlers/choices.py)."""
    return isinstance(item, dict) and isinstance(item.get("action"), str) and isinstance(item.get("payload"), dict)


# -- log lines -----------------------------------------------------------------------------------------------------


def changes_of(line: Any) -> list[Change]:
    """The changes of one complete log line, or NotANotebook when the line is JSON of another shape."""
    if not isinstance(line, list):
        raise NotANotebook("a saved change is not a list")
    changes = []
    for entry in line:
        if not isinstance(entry, list) or len(entry) != 3:
            raise NotANotebook("a saved change does not have three fields")
        table, key, doc = entry
        if not isinstance(table, str) or not isinstance(key, str) or not (doc is None or isinstance(doc, dict)):
            raise NotANotebook("a saved change has fields of the wrong type")
        changes.append(Change(table, key, doc))
    return changes


# -- records -------------------------------------------------------------------------------------------------------


_RECORD_CHECKS: dict[type, Callable[[Any], str | None]] = {}


def record_check(cls: type) -> Callable[[Any], str | None]:
    """A function telling what is wrong with a stored document of dataclass ``cls`` (None: nothing)."""
    found = _RECORD_CHECKS.get(cls)
    if found is None:
        found = _RECORD_CHECKS[cls] = _record_check(cls)
    return found


def _record_check(cls: type) -> Callable[[Any], str | None]:
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    required = [
        name
        for name, f in fields.items()
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    checks = {name: _value_check(name, hints[name]) for name in fields}

    def check(doc: Any) -> str | None:
        if not isinstance(doc, dict):
            return "not an object"
        for name in required:
            if name not in doc:
                return f"{name} is missing"
        for name, value in doc.items():
            field_check = checks.get(name)
            if field_check is not None and not field_check(value):
                return f"{name} has the wrong type or form"
        return None

    return check


@cache
def typed_dict_check(cls: Any) -> Callable[[dict[str, Any]], str | None]:
    # __required_keys__ cannot see NotRequired through postponed annotations on Python 3.11: read the hints.
    hints = typing.get_type_hints(cls, include_extras=True)
    required = frozenset(name for name, tp in hints.items() if typing.get_origin(tp) is not typing.NotRequired)
    checks = {name: _value_check(name, tp) for name, tp in hints.items()}

    def check(doc: dict[str, Any]) -> str | None:
        if not required <= doc.keys():
            return "a field is missing"
        for name, value in doc.items():
            field_check = checks.get(name)
            if field_check is not None and not field_check(value):
                return f"{name} has the wrong type"
        return None

    return check


def _value_check(name: str, tp: Any) -> Check:
    """A check for a value of type ``tp``; text fields that hold days, times or zones must also parse as such."""
    base = _type_check(tp)
    if tp is not str:
        return base
    if name == "on" or name.endswith("_on"):
        return lambda v: isinstance(v, str) and (not v or _day(v[:10]))
    if name in ("at", "created_at"):
        return lambda v: isinstance(v, str) and (not v or _moment(v))
    if name == "birthday":
        return lambda v: isinstance(v, str) and (not v or bool(_BIRTHDAY.fullmatch(v)))
    if name == "timezone":
        return lambda v: isinstance(v, str) and _zone(v)
    return base


def _type_check(tp: Any) -> Check:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is Any:
        return lambda v: True
    if tp is bool:
        return lambda v: isinstance(v, bool)
    if tp is int:
        return lambda v: isinstance(v, int) and not isinstance(v, bool)
    if tp is float:
        return lambda v: isinstance(v, int | float) and not isinstance(v, bool)
    if tp is str:
        return lambda v: isinstance(v, str)
    if tp is type(None):
        return lambda v: v is None
    if origin in (typing.Union, types.UnionType):
        options = [_type_check(a) for a in args]
        return lambda v: any(option(v) for option in options)
    if origin is typing.NotRequired or origin is typing.Required:
        return _type_check(args[0])
    if origin is list:
        item = _type_check(args[0]) if args else (lambda v: True)
        return lambda v: isinstance(v, list) and all(item(x) for x in v)
    if origin is dict:
        value = _type_check(args[1]) if args else (lambda v: True)
        return lambda v: isinstance(v, dict) and all(isinstance(k, str) and value(x) for k, x in v.items())
    if typing.is_typeddict(tp):
        check = typed_dict_check(tp)
        return lambda v: isinstance(v, dict) and check(v) is None
    return lambda v: True  # a type this module does not know: accepted rather than refused


def _moment(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=256)
def _zone(name: str) -> bool:
    if not name or len(name) > 64:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True
