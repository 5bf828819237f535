"""Tags and dated reminders: small ways to sort people and to be told about them on a given day.

"/remind Jane 12 Jan: ask about the launch" and "remind me in 2 weeks to ping Sam" both become a Promise of kind
"reminder" with ``due_on``; the morning planner brings it up on that day. The day is read with the same reader as
the rest of the bot (bot/coach/reading/dates.py), looking forward: a bare "friday" is the coming one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from bot.coach.errors import NotUnderstood
from bot.coach.network.imports import clean_tag
from bot.coach.reading.dates import find_day
from bot.coach.reading.names import fold, split_name_and_rest
from bot.store.records import Contact, Promise, new_id

REMIND_HINT = "Try: /remind Jane 12 Jan: ask about the launch - or: remind me in 2 weeks to ping Sam"
_LEAD = re.compile(r"^\s*(?:/remind(?:@\w+)?|remind\s+me)\b\s*(?:to\b|about\b)?\s*", re.IGNORECASE)
_CONNECTOR = re.compile(r"(?:\b(?:on|by|at|in|for)\s*)$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_TO = re.compile(r"^\s*(?:to|about|that)\b\s*", re.IGNORECASE)


class ReminderRequest(NamedTuple):
    name: str  # who, as typed (the handler resolves it, asking "which Jane?" when needed)
    due_on: date
    what: str


def read_reminder(text: str, contacts: Sequence[Contact], today: date) -> ReminderRequest:
    """Who, when and what from a reminder in the user's words; NotUnderstood with an example otherwise."""
    body = _LEAD.sub("", text, count=1).strip()
    found = find_day(body, today, prefer="future")
    if found is None or not body:
        raise NotUnderstood(REMIND_HINT)
    if found.day < today:
        raise NotUnderstood(f"That day has passed. {REMIND_HINT}")
    before = _CONNECTOR.sub("", body[: found.start]).strip(" ,")
    after = body[found.end :].strip(" ,")
    if ":" in after and not before:  # "/remind 12 Jan Jane: ask about the launch"
        before, after = after.split(":", 1)
    elif after.startswith(":"):
        after = after[1:]
    rest = " ".join(part for part in (before, after) if part.strip()).strip()
    rest = _TO.sub("", rest.lstrip(": "), count=1)
    if ":" in rest:  # "Jane: ask about the launch"
        name, what = (part.strip() for part in rest.split(":", 1))
    else:
        name, what = _who_and_what(rest, contacts)
    what = _TO.sub("", what, count=1).strip(" .")
    if not name or not what:
        raise NotUnderstood(REMIND_HINT)
    return ReminderRequest(name, found.day, what)


def _who_and_what(rest: str, contacts: Sequence[Contact]) -> tuple[str, str]:
    """ "Jane ask about the launch" -> Jane, the rest; "ping Sam about the deck" -> Sam, all of it (the name is
    part of what to do)."""
    name, what = split_name_and_rest(contacts, rest)
    if _names_someone(name, contacts):
        return name, what
    words = [_POSSESSIVE.sub("", w) for w in re.findall(r"[\w'’-]+", rest)]
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            candidate = " ".join(words[start : start + size])
            if _names_someone(candidate, contacts):
                return candidate, rest
    return name, what  # not a known name: the handler says "no one called ..." with suggestions


def _names_someone(name: str, contacts: Sequence[Contact]) -> bool:
    key = fold(name)
    return bool(key) and any(key in (fold(c.name), fold(c.first_name)) for c in contacts)


def new_reminder(contact: Contact, request: ReminderRequest, today: date) -> Promise:
    return Promise(
        id=new_id(),
        contact_id=contact.id,
        text=request.what,
        kind="reminder",
        made_on=today.isoformat(),
        due_on=request.due_on.isoformat(),
    )


# -- tags ----------------------------------------------------------------------------------------------------------


class TagChange(NamedTuple):
    add: list[str]
    remove: list[str]


def read_tags(text: str) -> TagChange:
    """ "investor, #fintech -school" -> add investor and fintech, remove school."""
    add: list[str] = []
    remove: list[str] = []
    for word in re.split(r"[,\s]+", text):
        target = remove if word.startswith("-") else add
        tag = clean_tag(word.lstrip("-"))
        if tag and tag not in target:
            target.append(tag)
    return TagChange(add, remove)


def apply_tags(contact: Contact, change: TagChange) -> None:
    contact.tags = [t for t in contact.tags if t not in change.remove]
    contact.tags += [t for t in change.add if t not in contact.tags]


def tagged(contacts: Sequence[Contact], tag: str) -> list[Contact]:
    """People with a tag, by name."""
    wanted = clean_tag(tag)
    return sorted((c for c in contacts if wanted in c.tags), key=lambda c: fold(c.name))


def tag_counts(contacts: Sequence[Contact]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for contact in contacts:
        for tag in contact.tags:
            counts[tag] = counts.get(tag, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
