"""The user's people as a CSV (spreadsheets) or vCards (phones, other address books).

Both read back through bot/coach/network/imports.py to the same people: the CSV carries every field a person has in
the notebook (lists joined with "; "), the vCards the address-book fields plus Nurture's own circle, meeting day
and place as ``X-NURTURE-*`` properties, which other address books keep and ignore. Timelines and promises are
in the JSON export (/export), the one complete copy.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from bot.coach.network.imports import LIST_FIELDS, NURTURE_COLUMNS
from bot.store.records import Contact


def contacts_csv(contacts: Sequence[Contact]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens accented names correctly."""
    by_id = {c.id: c for c in contacts}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(NURTURE_COLUMNS)
    for contact in sorted(contacts, key=lambda c: (c.name.casefold(), c.id)):
        row = []
        for name in NURTURE_COLUMNS.values():
            value = getattr(contact, name)
            if name == "introduced_by" and contact.introduced_by_id in by_id:
                value = by_id[contact.introduced_by_id].name
            row.append("; ".join(value) if name in LIST_FIELDS else str(value))
        writer.writerow(row)
    return out.getvalue().encode("utf-8-sig")


def contacts_vcf(contacts: Sequence[Contact]) -> bytes:
    import vobject

    cards = []
    for contact in sorted(contacts, key=lambda c: (c.name.casefold(), c.id)):
        card = vobject.vCard()
        card.add("fn").value = contact.name
        words = contact.name.split()
        card.add("n").value = vobject.vcard.Name(family=" ".join(words[1:]), given=words[0] if words else "")
        if contact.company:
            card.add("org").value = [contact.company]
        if contact.role:
            card.add("title").value = contact.role
        if contact.email:
            card.add("email").value = contact.email
        if contact.phone:
            card.add("tel").value = contact.phone
        if contact.birthday:
            card.add("bday").value = "--" + contact.birthday.replace("-", "")
        if contact.tags:
            card.add("categories").value = list(contact.tags)
        card.add("x-nurture-circle").value = contact.circle
        if contact.met_on:
            card.add("x-nurture-met-on").value = contact.met_on
        if contact.met_context:
            card.add("x-nurture-met-at").value = contact.met_context
        cards.append(card.serialize())
    return "".join(cards).encode("utf-8")
