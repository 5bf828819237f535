"""Contacts in CSV files: LinkedIn's Connections.csv, Google Contacts (both of its export formats) and Nurture's own
CSV export (bot/coach/network/exports.py writes it; ``NURTURE_COLUMNS`` is the one table of its columns).

Rows are read one by one from the file's text stream. A row with the wrong number of columns means the file is not
what its header says, so the whole file is refused with the line; a cell that cannot be read (a date that is not a
date) is left out with a note, and the row is kept.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator

from bot.coach.errors import BadImportFile
from bot.coach.network.incoming import (
    IMPORTED_CIRCLE,
    Incoming,
    Notes,
    ReadFile,
    add_note,
    add_value,
    clean_label,
    clean_tag,
    counted,
    parse_birthday,
    parse_day,
    person,
    read_link,
)
from bot.coach.reading.names import fold
from bot.store.records import CIRCLE_CADENCE_DAYS, is_id

HEADER_SEARCH_LINES = 30  # LinkedIn puts a few "Notes:" lines before its header

# Nurture's own CSV: column -> Contact field. Lists are joined with "; ", labelled values as "mobile: +49 170 …".
NURTURE_COLUMNS = {
    "Name": "name",
    "Title": "title",
    "Nickname": "nickname",
    "Also Known As": "aliases",
    "Company": "company",
    "Role": "role",
    "Emails": "emails",
    "Phones": "phones",
    "LinkedIn": "linkedin",
    "Website": "website",
    "Other Links": "urls",
    "Birthday": "birthday",
    "Tags": "tags",
    "Circle": "circle",
    "Met On": "met_on",
    "Met At": "met_context",
    "Introduced By": "introduced_by",
    "Interests": "interests",
    "Needs": "needs",
    "Offers": "offers",
    "News": "wins",
    "Telegram": "username",
    "Notes": "imported_notes",
    "Archived On": "archived_on",
    "Mentioned On": "mentioned_on",
    "Nurture Id": "id",  # how the same person is known when the file comes back
}
LIST_FIELDS = ("aliases", "tags", "interests", "needs", "offers", "wins")
LABELLED_FIELDS = ("emails", "phones", "urls")
LINKED_COLUMN = "Linked To"  # "husband: Mark Lee; cofounder: Mei Chen": people in the same file
OLD_COLUMNS = {"Email": "emails", "Phone": "phones"}  # Nurture's CSV before several of each were kept
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV injection"): the export writes a
# quote before it, and reading the file back takes that quote off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_GOOGLE_SYSTEM_LABELS = {"* mycontacts", "* starred", "* other contacts", "mycontacts", "starred"}
_GOOGLE = {"Given Name", "Family Name", "Organization 1 - Name", "E-mail 1 - Value", "Phone 1 - Value"}


def read_csv(stream: io.TextIOWrapper) -> ReadFile:
    for index in range(HEADER_SEARCH_LINES):
        line = stream.readline()
        if not line:
            break
        cells = [c.strip() for c in next(csv.reader([line]), [])]
        kind = _csv_kind(cells)
        if kind:
            return _read_rows(kind, cells, stream, first_line=index + 2)
    raise BadImportFile(
        1,
        "I don't recognise these columns. I can read LinkedIn's Connections.csv (First Name, Last Name, ...), "
        "a Google Contacts CSV, and Nurture's own CSV export",
    )


def _csv_kind(cells: list[str]) -> str:
    names = set(cells)
    if {"First Name", "Last Name", "Connected On"} <= names:
        return "LinkedIn"
    if "Name" in names and "Circle" in names and "Met On" in names:
        return "Nurture"
    if ({"Name", "First Name", "Given Name"} & names) and (_GOOGLE | {"Organization Name", "Labels"}) & names:
        return "Google Contacts"
    return ""


Row = dict[str, str]


def _read_rows(kind: str, header: list[str], stream: io.TextIOWrapper, first_line: int) -> ReadFile:
    reader = csv.reader(stream)
    people: list[Incoming] = []
    nameless = 0
    notes = Notes()
    line = first_line
    read_row: Callable[[Row, int, Notes], Incoming | None] = {
        "LinkedIn": _linkedin_row, "Google Contacts": _google_row, "Nurture": _nurture_row,
    }[kind]  # fmt: skip
    try:
        for row in counted(reader):
            start, line = line, first_line + reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise BadImportFile(start, f"{len(row)} columns where the header has {len(header)}")
            found = read_row(dict(zip(header, (cell.strip() for cell in row), strict=True)), start, notes)
            if found is None:
                nameless += 1
            else:
                people.append(found)
    except csv.Error as error:
        raise BadImportFile(line, f"the CSV is malformed ({error})") from error
    return ReadFile(kind, people, nameless, notes.lines, notes.count)


def _linkedin_row(row: Row, line: int, notes: Notes) -> Incoming | None:
    name = " ".join(part for part in (row["First Name"], row["Last Name"]) if part)
    if not name:
        return None
    found = person(
        name,
        line,
        company=row.get("Company", ""),
        role=row.get("Position", ""),
        linkedin=row.get("URL", ""),
        met_on=notes.keep(line, parse_day, row["Connected On"], "Connected On"),
    )
    add_value(found.contact.emails, row.get("Email Address", ""))
    return found


def _google_row(row: Row, line: int, notes: Notes) -> Incoming | None:
    given = row.get("Given Name") or row.get("First Name", "")
    middle = row.get("Additional Name") or row.get("Middle Name", "")
    family = row.get("Family Name") or row.get("Last Name", "")
    name = row.get("Name") or " ".join(p for p in (given, middle, family) if p)
    nickname = row.get("Nickname", "")
    name = name or nickname or row.get("File As", "")
    if not name:
        return None
    labels = row.get("Labels") or row.get("Group Membership", "")
    tags = [clean_tag(t) for t in labels.split(":::") if t.strip() and fold(t) not in _GOOGLE_SYSTEM_LABELS]
    found = person(
        name,
        line,
        nickname=nickname if nickname != name else "",
        company=row.get("Organization 1 - Name") or row.get("Organization Name", ""),
        role=row.get("Organization 1 - Title") or row.get("Organization Title", ""),
        birthday=notes.keep(line, parse_birthday, row.get("Birthday", "")),
        tags=[t.lstrip("* ") for t in tags if t.lstrip("* ")],
    )
    contact = found.contact
    for column, items in (("E-mail", contact.emails), ("Phone", contact.phones), ("Website", contact.urls)):
        number = 1
        while f"{column} {number} - Value" in row:
            label = row.get(f"{column} {number} - Label") or row.get(f"{column} {number} - Type", "")
            for value in row[f"{column} {number} - Value"].split(":::"):  # "a@x.com ::: b@y.com"
                add_value(items, value, label)
            number += 1
    for item in list(contact.urls):  # a LinkedIn profile among the websites is their LinkedIn
        if "linkedin.com/" in item["value"].lower() and not contact.linkedin:
            contact.linkedin = item["value"]
            contact.urls.remove(item)
    add_note(contact, row.get("Notes", ""))
    _google_extras(found, row)
    return found


def _numbered(row: Row, column: str) -> Iterator[tuple[str, str]]:
    """ "Address 1 - ...", "Address 2 - ...": each one's label and its value (several, ":::"-separated, each alone)."""
    number = 1
    while any(key.startswith(f"{column} {number} - ") for key in row):
        label = (
            row.get(f"{column} {number} - Service")  # a chat address: "Slack" says more than "Work"
            or row.get(f"{column} {number} - Label")
            or row.get(f"{column} {number} - Type", "")
        )
        value = row.get(f"{column} {number} - Value") or row.get(f"{column} {number} - Formatted", "")
        if column == "Address" and not value.strip():
            parts = ("PO Box", "Street", "Extended Address", "City", "Region", "Postal Code", "Country")
            value = ", ".join(row.get(f"Address {number} - {part}", "").strip() for part in parts)
            value = ", ".join(p for p in value.split(", ") if p)
        for one in value.split(":::"):
            if one.strip():
                yield clean_label(label), one.strip()
        number += 1


def _google_extras(found: Incoming, row: Row) -> None:
    """What Google keeps that Nurture has no field for, kept so nothing is lost: chat addresses as links, someone
    related as a link to them, addresses, dates and custom fields as notes."""
    contact = found.contact
    for label, value in _numbered(row, "IM"):
        add_value(contact.urls, value, label or "chat")
    for label, value in _numbered(row, "Relation"):
        found.links.append({"name": value, "as": label or "linked"})
    for label, value in _numbered(row, "Address"):
        lines = [" ".join(line.split()) for line in value.splitlines()]
        add_note(contact, f"Address{f' ({label})' if label else ''}: {', '.join(line for line in lines if line)}")
    for label, value in _numbered(row, "Event"):
        add_note(contact, f"{(label or 'date').capitalize()}: {value}")
    for label, value in _numbered(row, "Custom Field"):
        add_note(contact, f"{label.capitalize()}: {value}" if label else value)


# -- Nurture's own CSV ---------------------------------------------------------------------------------------------


def unquote_cell(cell: str) -> str:
    """A cell of Nurture's CSV as it was before the export guarded it against formulas (see ``FORMULA_STARTS``)."""
    return cell[1:] if cell.startswith("'") else cell


def guard_cell(cell: str) -> str:
    """A cell a spreadsheet will show, never run: a leading formula character gets a quote before it (and so does a
    leading quote, so that reading it back is exact)."""
    return "'" + cell if cell.startswith((*FORMULA_STARTS, "'")) else cell


def read_labelled(cell: str) -> list[dict[str, str]]:
    """ "mobile: +49 170 1234567; +1 415 555 0100" -> [{"value": ..., "label": "mobile"}, {"value": ...}]."""
    items: list[dict[str, str]] = []
    for part in cell.split("; "):
        label, sep, value = part.partition(": ")
        if not sep or ":" in label or "/" in label:
            label, value = "", part
        add_value(items, value, label)
    return items


def write_labelled(items: list[dict[str, str]]) -> str:
    return "; ".join(f"{item['label']}: {item['value']}" if item.get("label") else item["value"] for item in items)


def read_notes(cell: str) -> list[dict[str, str]]:
    """Imported notes, each starting "[2026-11-22] " on a paragraph of its own (see ``write_notes``)."""
    notes: list[dict[str, str]] = []
    for paragraph in cell.split("\n\n") if cell else []:
        if len(paragraph) >= 13 and paragraph[0] == "[" and paragraph[11:13] == "] " and _is_day(paragraph[1:11]):
            notes.append({"on": paragraph[1:11], "text": paragraph[13:]})
        elif notes:
            notes[-1]["text"] += "\n\n" + (paragraph[1:] if paragraph.startswith("\\") else paragraph)
        else:
            notes.append({"text": paragraph})
    return [{k: v.strip() if k == "text" else v for k, v in n.items()} for n in notes if n["text"].strip()]


def write_notes(notes: list[dict[str, str]]) -> str:
    """Each note as "[day] text"; a later paragraph of a note that starts with "[" or "\\" gets a "\\" before it, so
    it is never taken for the start of another note."""
    written = []
    for note in notes:
        first, *rest = note["text"].split("\n\n")
        rest = ["\\" + p if p.startswith(("[", "\\")) else p for p in rest]
        written.append("\n\n".join([f"[{note.get('on', '')}] {first}" if note.get("on") else first, *rest]))
    return "\n\n".join(written)


def _is_day(text: str) -> bool:
    return len(text) == 10 and text[4] == text[7] == "-" and (text[:4] + text[5:7] + text[8:]).isdigit()


def _nurture_row(row: Row, line: int, notes: Notes) -> Incoming | None:
    row = {column: unquote_cell(cell) for column, cell in row.items()}
    if not row.get("Name"):
        return None
    found = person(row["Name"], line)
    contact = found.contact
    for column, name in (*NURTURE_COLUMNS.items(), *OLD_COLUMNS.items()):
        cell = row.get(column, "")
        if not cell or name == "name":
            continue
        if name == "id":
            contact.id = cell if is_id(cell) else ""
            continue
        if name in LIST_FIELDS:
            setattr(contact, name, [v.strip() for v in cell.split(";") if v.strip()])
        elif name in LABELLED_FIELDS:
            for item in read_labelled(cell):
                add_value(getattr(contact, name), item["value"], item.get("label", ""))
        elif name == "imported_notes":
            contact.imported_notes = read_notes(cell)
        elif name == "birthday":
            contact.birthday = notes.keep(line, parse_birthday, cell)
        elif name in ("met_on", "archived_on", "mentioned_on"):
            setattr(contact, name, notes.keep(line, parse_day, cell, column))
        else:
            setattr(contact, name, cell)
    if contact.circle not in CIRCLE_CADENCE_DAYS:
        notes.add(line, f"the circle {contact.circle[:20]!r} is not one of inner, close, wider; left out")
        contact.circle = IMPORTED_CIRCLE
    contact.tags = [clean_tag(t) for t in contact.tags if clean_tag(t)]
    for part in row.get(LINKED_COLUMN, "").split("; "):
        relation, sep, name = part.partition(": ")
        if sep and name.strip():
            found.links.append(read_link(name.strip(), relation))
    return found
