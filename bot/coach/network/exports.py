"""The user's people as a CSV (spreadsheets) or vCards (phones, other address books).

Both read back through the import to the same people. The CSV carries every field a person has (csv_files.py's
``NURTURE_COLUMNS``: lists joined with "; ", phones and emails as "mobile: +49 170 …"), and every cell that a
spreadsheet would run as a formula (=, +, -, @, a tab or a carriage return first) starts with a quote, as OWASP
recommends; reading the file back takes the quote off. The vCards are version 3.0 as vobject validates them: the
address-book fields (several phones, emails and links with their labels, LinkedIn as X-SOCIALPROFILE, a birthday
without a year as Apple writes it), plus Nurture's own fields as ``X-NURTURE-*`` properties, which other address books
keep and ignore. Timelines and promises are in the JSON export (/export), the one complete copy.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from bot.coach.network.csv_files import (
    LABELLED_FIELDS,
    LINKED_COLUMN,
    LIST_FIELDS,
    NURTURE_COLUMNS,
    guard_cell,
    write_labelled,
    write_notes,
)
from bot.coach.network.vcards import X_CIRCLE, X_DAYS, X_LINK, X_LISTS, X_NOTE_DAY, X_TEXT
from bot.store.records import Contact

NO_YEAR = "1604"  # Apple's year for a birthday without one (BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-15): 3.0 needs a year


def _ordered(contacts: Sequence[Contact]) -> list[Contact]:
    return sorted(contacts, key=lambda c: (c.name.casefold(), c.id))


def _linked(contact: Contact, by_id: dict[str, Contact]) -> list[tuple[str, str]]:
    return [(("their " if link.get("side") == "theirs" else "") + link.get("as", "linked"),
             by_id[link["contact_id"]].name) for link in contact.links if link.get("contact_id") in by_id]  # fmt: skip


def contacts_csv(contacts: Sequence[Contact]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens accented names correctly."""
    by_id = {c.id: c for c in contacts}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*NURTURE_COLUMNS, LINKED_COLUMN])
    for contact in _ordered(contacts):
        row = []
        for name in NURTURE_COLUMNS.values():
            value: Any = getattr(contact, name)
            if name == "introduced_by" and contact.introduced_by_id in by_id:
                value = by_id[contact.introduced_by_id].name
            if name in LIST_FIELDS:
                value = "; ".join(value)
            elif name in LABELLED_FIELDS:
                value = write_labelled(value)
            elif name == "imported_notes":
                value = write_notes(value)
            row.append(guard_cell(str(value)))
        row.append(guard_cell("; ".join(f"{kind}: {name}" for kind, name in _linked(contact, by_id))))
        writer.writerow(row)
    return out.getvalue().encode("utf-8-sig")


def contacts_vcf(contacts: Sequence[Contact]) -> bytes:
    by_id = {c.id: c for c in contacts}
    return "".join(contact_card(c, by_id).serialize() for c in _ordered(contacts)).encode("utf-8")


def contact_card(contact: Contact, by_id: dict[str, Contact]) -> Any:
    """One person as a vobject vCard 3.0."""
    import vobject

    card = vobject.vCard()
    card.add("uid").value = contact.id
    card.add("fn").value = contact.name
    words = contact.name.split()
    card.add("n").value = vobject.vcard.Name(family=" ".join(words[1:]), given=words[0] if words else "")
    if contact.nickname:
        card.add("nickname").value = contact.nickname
    if contact.company:
        card.add("org").value = [contact.company]
    if contact.role:
        card.add("title").value = contact.role
    for key, items in (("email", contact.emails), ("tel", contact.phones)):
        for item in items:
            _add(card, key, item["value"], item.get("label", ""))
    if contact.linkedin:
        _add(card, "x-socialprofile", contact.linkedin, "linkedin")
    if contact.website:
        _add(card, "url", contact.website, "homepage")
    for item in contact.urls:
        _add(card, "url", item["value"], item.get("label", ""))
    if contact.birthday:
        bday = card.add("bday")
        bday.value = f"{NO_YEAR}-{contact.birthday}"
        bday.params["X-APPLE-OMIT-YEAR"] = [NO_YEAR]
    if contact.tags:
        card.add("categories").value = list(contact.tags)
    for note in contact.imported_notes:
        added = card.add("note")
        added.value = note["text"]
        if note.get("on"):
            added.params[X_NOTE_DAY] = [note["on"]]
    card.add(X_CIRCLE.lower()).value = contact.circle
    texts = {name: getattr(contact, name) for name in (*X_TEXT.values(), *X_DAYS.values())}
    if contact.introduced_by_id in by_id:
        texts["introduced_by"] = by_id[contact.introduced_by_id].name
    for prop, name in (*X_TEXT.items(), *X_DAYS.items()):
        if texts[name]:
            card.add(prop.lower()).value = texts[name]
    for prop, name in X_LISTS.items():
        for value in getattr(contact, name):
            card.add(prop.lower()).value = value
    for kind, name in _linked(contact, by_id):
        _add(card, X_LINK.lower(), name, kind)
    return card


def _add(card: Any, key: str, value: str, label: str) -> None:
    added = card.add(key)
    added.value = value
    if label:
        added.params["TYPE"] = [label]
