"""Bringing in the people a user already knows: LinkedIn's Connections.csv, vCards, Google Contacts CSV, and
Nurture's own CSV export.

Reading is strict where a mistake would corrupt the notebook and lenient where files in the wild are simply
untidy. A row that cannot be read (a wrong number of columns, a date that is not a date, a broken vCard) stops
the whole file with the line number and the problem, and nothing is imported; a row without any name (LinkedIn
lists deleted accounts that way) is left out and counted. Duplicates are found by email, then phone, then the
whole name (case and accents ignored), against the notebook and within the file itself.

Imported people join the wider circle with the day they connected as their last touch (principle 10: not all
contacts are equal); the planner brings back only a few of them each week.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import re
from collections.abc import Container, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple

from bot.coach.errors import BadImportFile
from bot.coach.reading.names import fold
from bot.store.records import CIRCLE_CADENCE_DAYS, Contact, new_id

MAX_BYTES = 15_000_000  # Telegram lets a bot download up to 20 MB; a contacts file is far smaller
HEADER_SEARCH_LINES = 30  # LinkedIn puts a few "Notes:" lines before its header
IMPORTED_CIRCLE = "wider"

# Nurture's own CSV (bot/coach/network/exports.py writes it): column -> Contact field.
NURTURE_COLUMNS = {
    "Name": "name",
    "Title": "title",
    "Company": "company",
    "Role": "role",
    "Email": "email",
    "Phone": "phone",
    "Birthday": "birthday",
    "Tags": "tags",
    "Circle": "circle",
    "Met On": "met_on",
    "Met At": "met_context",
    "Introduced By": "introduced_by",
    "Interests": "interests",
    "Needs": "needs",
    "Offers": "offers",
    "Telegram": "username",
}
LIST_FIELDS = ("tags", "interests", "needs", "offers")
_DATE_FORMATS = (
    "%d %b %Y", "%d %B %Y", "%Y-%m-%d", "%m/%d/%y", "%m/%d/%Y", "%d.%m.%Y", "%b %d, %Y", "%B %d, %Y", "%d-%b-%y",
)  # fmt: skip
_GOOGLE_SYSTEM_LABELS = {"* mycontacts", "* starred", "* other contacts", "mycontacts", "starred"}


@dataclass
class Incoming:
    """One person read from a file, in the notebook's own terms; ``line`` is where they start in the file."""

    name: str
    line: int
    company: str = ""
    role: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    birthday: str = ""  # "MM-DD"
    tags: list[str] = field(default_factory=list)
    met_on: str = ""  # ISO date: the day they connected
    met_context: str = ""
    circle: str = IMPORTED_CIRCLE
    introduced_by: str = ""
    interests: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)
    username: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Incoming:
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


class ReadFile(NamedTuple):
    kind: str  # "LinkedIn" | "vCard" | "Google Contacts" | "Nurture"
    people: list[Incoming]
    nameless: int  # rows left out because they carry no name at all


class Preview(NamedTuple):
    kind: str
    people: list[Incoming]
    matches: dict[int, str]  # index in people -> id of the notebook contact they look like
    nameless: int
    repeats: int  # rows that repeat someone earlier in the same file (folded into the first)


class Imported(NamedTuple):
    added: int
    merged: int
    skipped: int


# -- reading files ---------------------------------------------------------------------------------------------


def read_file(filename: str, data: bytes) -> ReadFile:
    """The people in a contacts file, or BadImportFile naming the line and the problem."""
    if len(data) > MAX_BYTES:
        raise BadImportFile(0, f"the file is {len(data) // 1_000_000} MB; I can read contact files up to 15 MB")
    text = decode(data)
    if not text.strip():
        raise BadImportFile(0, "the file is empty")
    lower = filename.lower()
    if lower.endswith((".vcf", ".vcard")) or text.lstrip().upper().startswith("BEGIN:VCARD"):
        return _read_vcards(text)
    if lower.endswith((".csv", ".txt")) or "," in text.split("\n", 1)[0]:
        return _read_csv(text)
    raise BadImportFile(0, "I can read LinkedIn's Connections.csv, vCard (.vcf) and Google Contacts CSV files")


def decode(data: bytes) -> str:
    """Text from bytes in the encodings contact files come in: UTF-8 (with or without a BOM), UTF-16 (Outlook,
    some phones) or, failing those, Windows-1252 (old desktop exports)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(text: str) -> ReadFile:
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines[:HEADER_SEARCH_LINES]):
        cells = [c.strip() for c in next(csv.reader([line]), [])]
        kind = _csv_kind(cells)
        if kind:
            return _read_rows(kind, cells, "".join(lines[index + 1 :]), first_line=index + 2)
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
    google = {"Given Name", "Family Name", "Organization 1 - Name", "E-mail 1 - Value", "Phone 1 - Value"}
    if ({"Name", "First Name", "Given Name"} & names) and (google | {"Organization Name", "Labels"}) & names:
        return "Google Contacts"
    return ""


def _read_rows(kind: str, header: list[str], body: str, first_line: int) -> ReadFile:
    reader = csv.reader(io.StringIO(body))
    people: list[Incoming] = []
    nameless = 0
    line = first_line
    read_row = {"LinkedIn": _linkedin_row, "Google Contacts": _google_row, "Nurture": _nurture_row}[kind]
    try:
        for row in reader:
            start, line = line, first_line + reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise BadImportFile(start, f"{len(row)} columns where the header has {len(header)}")
            person = read_row(dict(zip(header, (cell.strip() for cell in row), strict=True)), start)
            if person is None:
                nameless += 1
            else:
                people.append(person)
    except csv.Error as error:
        raise BadImportFile(line, f"the CSV is malformed ({error})") from error
    return ReadFile(kind, people, nameless)


def _linkedin_row(row: dict[str, str], line: int) -> Incoming | None:
    name = " ".join(part for part in (row["First Name"], row["Last Name"]) if part)
    if not name:
        return None
    return Incoming(
        name=name,
        line=line,
        company=row.get("Company", ""),
        role=row.get("Position", ""),
        email=row.get("Email Address", ""),
        met_on=parse_day(row["Connected On"], line, "Connected On"),
    )


def _google_row(row: dict[str, str], line: int) -> Incoming | None:
    given = row.get("Given Name") or row.get("First Name", "")
    middle = row.get("Additional Name") or row.get("Middle Name", "")
    family = row.get("Family Name") or row.get("Last Name", "")
    name = row.get("Name") or " ".join(p for p in (given, middle, family) if p)
    name = name or row.get("Nickname", "") or row.get("File As", "")
    if not name:
        return None
    labels = row.get("Labels") or row.get("Group Membership", "")
    tags = [fold(t).lstrip("* ") for t in labels.split(":::") if t.strip() and fold(t) not in _GOOGLE_SYSTEM_LABELS]
    return Incoming(
        name=name,
        line=line,
        company=row.get("Organization 1 - Name") or row.get("Organization Name", ""),
        role=row.get("Organization 1 - Title") or row.get("Organization Title", ""),
        email=_first(row.get("E-mail 1 - Value", "")),
        phone=_first(row.get("Phone 1 - Value", "")),
        birthday=parse_birthday(row.get("Birthday", ""), line),
        tags=[t for t in tags if t],
    )


def _nurture_row(row: dict[str, str], line: int) -> Incoming | None:
    values: dict[str, Any] = {}
    for column, name in NURTURE_COLUMNS.items():
        cell = row.get(column, "")
        values[name] = [v.strip() for v in cell.split(";") if v.strip()] if name in LIST_FIELDS else cell
    if not values["name"]:
        return None
    if values["circle"] not in CIRCLE_CADENCE_DAYS:
        raise BadImportFile(line, f"the circle {values['circle']!r} is not one of inner, close, wider")
    values["met_on"] = parse_day(values["met_on"], line, "Met On") if values["met_on"] else ""
    values["birthday"] = parse_birthday(values["birthday"], line)
    return Incoming(line=line, **values)


def _first(cell: str) -> str:
    """Google puts several values in one cell: "a@x.com ::: b@y.com"."""
    return cell.split(":::")[0].strip()


def parse_day(text: str, line: int, column: str) -> str:
    text = text.strip()
    if not text:
        return ""
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    raise BadImportFile(line, f"{column} is {text[:40]!r}, which is not a date I can read")


_BIRTHDAY = re.compile(r"^(?:(\d{4})|--|-)?-?(\d{2})-?(\d{2})$")


def parse_birthday(text: str, line: int) -> str:
    """ "MM-DD" from "1990-01-12", "19900112", "--0112", "--01-12" or "01-12" (the year is not kept)."""
    text = text.strip().split("T")[0]
    if not text:
        return ""
    match = _BIRTHDAY.match(text)
    if match:
        month, day = int(match.group(2)), int(match.group(3))
        try:
            date(2000, month, day)  # a leap year: 02-29 is a real birthday
        except ValueError:
            pass
        else:
            return f"{month:02d}-{day:02d}"
    for form in _DATE_FORMATS:  # "Jan 12, 1990", "12.01.1990" from other address books
        with suppress(ValueError):
            return datetime.strptime(text, form).strftime("%m-%d")
    raise BadImportFile(line, f"the birthday {text[:40]!r} is not a date I can read")


# -- vCards ------------------------------------------------------------------------------------------------------


def _cards(text: str) -> Iterator[tuple[int, str]]:
    """Each card's first line number and its text, split on BEGIN/END so an error points at the right card."""
    start = 0
    buffer: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            if buffer:
                raise BadImportFile(start, "this card has no END:VCARD before the next card begins")
            start, buffer = number, [line]
        elif buffer:
            buffer.append(line)
            if upper == "END:VCARD":
                yield start, "\r\n".join(buffer) + "\r\n"
                buffer = []
        elif upper:
            raise BadImportFile(number, "text outside any card (a vCard starts with BEGIN:VCARD)")
    if buffer:
        raise BadImportFile(start, "this card has no END:VCARD")


def _read_vcards(text: str) -> ReadFile:
    import vobject

    people: list[Incoming] = []
    nameless = 0
    for start, card_text in _cards(text):
        try:
            card = vobject.readOne(card_text)
        except Exception as error:  # vobject raises ParseError and, on odd input, plain ValueErrors
            raise BadImportFile(start + _line_in_card(card_text, str(error)), _vobject_problem(error)) from error
        person = _card_person(card, start)
        if person is None:
            nameless += 1
        else:
            people.append(person)
    if not people and not nameless:
        raise BadImportFile(1, "no cards in this file (a vCard starts with BEGIN:VCARD)")
    return ReadFile("vCard", people, nameless)


def _line_in_card(card_text: str, message: str) -> int:
    """vobject names the line it failed on by its text ("Failed to parse line: xyz"): find it in the card."""
    failed = message.rsplit(": ", 1)[-1].strip()
    for offset, line in enumerate(card_text.splitlines()):
        if failed and line.strip() == failed:
            return offset
    return 0


def _vobject_problem(error: Exception) -> str:
    message = str(error)
    message = re.sub(r"^At line \d+: ", "", message)
    return f"this card cannot be read ({message[:120]})"


def _card_person(card: Any, line: int) -> Incoming | None:
    def value(key: str) -> Any:
        items = card.contents.get(key)
        return items[0].value if items else ""

    name = str(value("fn")).strip()
    if not name and card.contents.get("n"):
        n = card.n.value
        name = " ".join(str(p).strip() for p in (n.prefix, n.given, n.additional, n.family) if str(p).strip())
    if not name:
        return None
    org = value("org")
    company = (org[0] if isinstance(org, list) and org else str(org)).strip()
    categories = value("categories")
    tags = categories if isinstance(categories, list) else [categories] if categories else []
    extra = {key: str(value(key)).strip() for key in ("x-nurture-circle", "x-nurture-met-on", "x-nurture-met-at")}
    circle = extra["x-nurture-circle"] if extra["x-nurture-circle"] in CIRCLE_CADENCE_DAYS else IMPORTED_CIRCLE
    return Incoming(
        name=name,
        line=line,
        company=company,
        role=str(value("title")).strip(),
        email=str(value("email")).strip(),
        phone=str(value("tel")).strip(),
        birthday=parse_birthday(str(value("bday")), line),
        tags=[clean_tag(t) for t in tags if clean_tag(str(t))],
        circle=circle,
        met_on=parse_day(extra["x-nurture-met-on"], line, "X-NURTURE-MET-ON"),
        met_context=extra["x-nurture-met-at"],
    )


def clean_tag(tag: str) -> str:
    """Tags are kept lowercased and without "#": "#Investor" -> "investor"."""
    return " ".join(tag.strip().lstrip("#").lower().split())


# -- matching and importing --------------------------------------------------------------------------------------


def phone_key(phone: str) -> str:
    """The last nine digits: "+49 170 1234567" and "0170 1234567" are the same phone."""
    digits = re.sub(r"\D", "", phone)
    return digits[-9:] if len(digits) >= 6 else ""


class _Index:
    """Email, phone and whole-name keys of a set of people, to find who someone already is."""

    def __init__(self) -> None:
        self.by_email: dict[str, str] = {}
        self.by_phone: dict[str, str] = {}
        self.by_name: dict[str, str] = {}

    def add(self, key: str, name: str, email: str, phone: str) -> None:
        if email.strip():
            self.by_email.setdefault(email.strip().casefold(), key)
        if phone_key(phone):
            self.by_phone.setdefault(phone_key(phone), key)
        if fold(name):
            self.by_name.setdefault(fold(name), key)

    def find(self, name: str, email: str, phone: str) -> str | None:
        found = None
        if email.strip():
            found = self.by_email.get(email.strip().casefold())
        if found is None and phone_key(phone):
            found = self.by_phone.get(phone_key(phone))
        if found is None and fold(name):
            found = self.by_name.get(fold(name))
        return found


def preview(read: ReadFile, contacts: Sequence[Contact]) -> Preview:
    """Who in the file is new, who looks like someone already in the notebook, and who appears twice in the file
    (kept once, the later rows filling in what the first lacked)."""
    known = _Index()
    for contact in contacts:
        known.add(contact.id, contact.name, contact.email, contact.phone)
    seen = _Index()
    people: list[Incoming] = []
    matches: dict[int, str] = {}
    repeats = 0
    for person in read.people:
        earlier = seen.find(person.name, person.email, person.phone)
        if earlier is not None:
            _fill_in(people[int(earlier)], person)
            repeats += 1
            continue
        index = len(people)
        people.append(person)
        seen.add(str(index), person.name, person.email, person.phone)
        match = known.find(person.name, person.email, person.phone)
        if match is not None:
            matches[index] = match
    return Preview(read.kind, people, matches, read.nameless, repeats)


def _fill_in(target: Incoming | Contact, source: Incoming) -> bool:
    """Copy what ``target`` lacks from ``source``; tags and lists are joined. True when anything changed."""
    changed = False
    for name in ("company", "role", "title", "email", "phone", "birthday", "met_context", "username"):
        if not getattr(target, name) and getattr(source, name):
            setattr(target, name, getattr(source, name))
            changed = True
    for name in LIST_FIELDS:
        mine: list[str] = getattr(target, name)
        extra = [v for v in getattr(source, name) if v not in mine]
        if extra:
            mine.extend(extra)
            changed = True
    return changed


def new_contact(person: Incoming, now: datetime, taken: Container[str] = ()) -> Contact:
    return Contact(
        id=new_id(taken),
        name=person.name,
        company=person.company,
        role=person.role,
        title=person.title,
        email=person.email,
        phone=person.phone,
        birthday=person.birthday,
        tags=list(person.tags),
        met_on=person.met_on,
        met_context=person.met_context,
        circle=person.circle,
        introduced_by=person.introduced_by,
        interests=list(person.interests),
        needs=list(person.needs),
        offers=list(person.offers),
        username=person.username,
        created_at=now.isoformat(timespec="seconds"),
    )


class Planned(NamedTuple):
    new: list[Contact]
    updated: list[Contact]  # existing contacts with fields filled in (copies: the notebook's are untouched)
    skipped: int


def plan_import(
    people: Sequence[Incoming], matches: dict[int, str], by_id: dict[str, Contact], merge: bool, now: datetime
) -> Planned:
    """The contacts to add and the ones to update (``by_id``: the notebook's contacts, never changed here); pure,
    so it can run off the event loop on a snapshot."""
    new: list[Contact] = []
    updated: dict[str, Contact] = {}
    skipped = 0
    taken = set(by_id)  # every new id is checked against the notebook's and the file's others
    for index, person in enumerate(people):
        match = matches.get(index)
        existing = by_id.get(match) if match else None
        if existing is None:
            new.append(new_contact(person, now, taken))
            taken.add(new[-1].id)
        elif merge:
            copy = updated.get(existing.id) or dataclasses.replace(
                existing, tags=list(existing.tags), interests=list(existing.interests),
                needs=list(existing.needs), offers=list(existing.offers),
            )  # fmt: skip
            if _fill_in(copy, person):
                updated[copy.id] = copy
        else:
            skipped += 1
    # Introducers named in a Nurture export are people in the same file: link them by id.
    by_name = {fold(c.name): c.id for c in [*by_id.values(), *new]}
    for contact in new:
        if contact.introduced_by and not contact.introduced_by_id:
            contact.introduced_by_id = by_name.get(fold(contact.introduced_by), "")
    return Planned(new, list(updated.values()), skipped)
