"""A Nurture backup read back: the JSON file /export sends, restored into the notebook it came from or another.

Every record is checked as the notebook checks its own (bot/store/schema.py) before it is taken in: a record that is
not one is left out with a note, never the whole backup. Each person comes with their own timeline (interactions,
promises, facts); the backup's goals and offers come along too.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import orjson

from bot.coach.errors import BadImportFile
from bot.coach.network.imports import BACKUP, RECORD_KINDS
from bot.coach.network.incoming import MAX_PEOPLE, Incoming, Notes, ReadFile
from bot.store.records import SCHEMA_VERSION, Contact, Fact, Interaction, Promise, Record
from bot.store.schema import record_check

FORMAT = "nurture-notebook"
_CLASSES: dict[str, type[Record]] = {"interactions": Interaction, "promises": Promise, "facts": Fact}


def read_backup(data: bytes) -> ReadFile:
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        raise BadImportFile(0, f"this JSON file cannot be read ({str(error)[:80]})") from error
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("contacts"), list):
        raise BadImportFile(0, "this JSON file is not a Nurture backup (the file /export sends)")
    if not isinstance(doc.get("schema_version"), int) or doc["schema_version"] > SCHEMA_VERSION:
        raise BadImportFile(0, "this backup comes from a newer release of Nurture; ask its operator to update")
    if len(doc["contacts"]) > MAX_PEOPLE:
        raise BadImportFile(0, f"it holds more than {MAX_PEOPLE:,} people; I restore up to {MAX_PEOPLE:,} at a time")
    notes = Notes()
    by_contact: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for kind in RECORD_KINDS:
        check = record_check(_CLASSES[kind])
        for number, record in enumerate(doc.get(kind) or [], start=1):
            problem = check(record)
            if problem:
                notes.add(0, f"{kind} #{number}: {problem}; left out")
                continue
            by_contact[record["contact_id"]][kind].append(_slim(_CLASSES[kind], record))
    people: list[Incoming] = []
    check_contact = record_check(Contact)
    for number, record in enumerate(doc["contacts"], start=1):
        problem = check_contact(record)
        if problem:
            notes.add(0, f"contact #{number}: {problem}; left out")
            continue
        contact = Contact.from_dict(_slim(Contact, record))
        records = {kind: items for kind, items in by_contact.get(contact.id, {}).items() if items}
        people.append(Incoming(number, contact, records=records, source_id=contact.id))
    profile: dict[str, Any] = doc["profile"] if isinstance(doc.get("profile"), dict) else {}
    kept = {key: profile[key] for key in ("goals", "offers") if isinstance(profile.get(key), list)}
    return ReadFile(BACKUP, people, 0, notes.lines, notes.count, profile=kept)


def _slim(cls: type[Record], record: dict[str, Any]) -> dict[str, Any]:
    """A record as the notebook stores it (fields at their default left out), read by this release."""
    return cls.from_dict(record).to_dict()
