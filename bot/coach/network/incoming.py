"""One person read from a contacts file, and the small readers every kind of file shares: limits, text, dates,
birthdays, tags, labelled phones, emails and links.

A file is read as a stream, person by person, and refused past ``MAX_PEOPLE`` rows: memory then grows with the rows
read, never with what a file claims to hold (a 10 MB CSV of a million rows is refused after its first 50,000 rows,
before any of them is planned or written). A field that cannot be read (a birthday that is not a date) is left out
with a note the preview shows; the person is kept. Only a file whose shape cannot be trusted (a row with the wrong
number of columns, a card that never ends) is refused as a whole, with the line and the problem.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from bot.coach.errors import BadImportFile
from bot.store.records import Contact

MAX_BYTES = 15_000_000  # Telegram lets a bot download up to 20 MB; a contacts file is far smaller
MAX_PEOPLE = 50_000  # rows or cards in one file: a big address book, and a bounded amount of work
MAX_NOTES = 200  # notes about skipped fields kept for the preview (the count goes on)
IMPORTED_CIRCLE = "wider"
_DATE_FORMATS = (
    "%d %b %Y", "%d %B %Y", "%Y-%m-%d", "%m/%d/%y", "%m/%d/%Y", "%d.%m.%Y", "%b %d, %Y", "%B %d, %Y", "%d-%b-%y",
)  # fmt: skip
_DECODE_CHUNK = 1 << 20


@dataclass
class Incoming:
    """One person read from a file, as the contact they would become (``contact.id`` is "" until imported).

    ``line`` is where they start in the file; ``links`` name other people in the same file they are linked to
    ({"name": ..., "as": "assistant"}: an AGENT card, a Nurture CSV's Links column); a Nurture backup (JSON) also
    brings each person's own ``records`` (interactions, promises, facts) and their id in that backup.
    """

    line: int
    contact: Contact
    links: list[dict[str, str]] = field(default_factory=list)
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    source_id: str = ""

    @property
    def name(self) -> str:
        return self.contact.name

    def to_dict(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"line": self.line, "contact": self.contact.to_dict()}
        if self.links:
            doc["links"] = self.links
        if self.records:
            doc["records"] = self.records
        if self.source_id:
            doc["source_id"] = self.source_id
        return doc

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Incoming:
        return cls(
            line=int(data.get("line", 0)),
            contact=Contact.from_dict(data["contact"]),
            links=list(data.get("links", [])),
            records=dict(data.get("records", {})),
            source_id=str(data.get("source_id", "")),
        )


def person(name: str, line: int, **fields: Any) -> Incoming:
    """Someone read from a file: a contact in the wider circle unless the file says otherwise."""
    fields.setdefault("circle", IMPORTED_CIRCLE)
    return Incoming(line, Contact(id="", name=name, **fields))


@dataclass
class ReadFile:
    kind: str  # "LinkedIn" | "vCard" | "Google Contacts" | "Nurture" | "Nurture backup"
    people: list[Incoming]
    nameless: int = 0  # rows left out because they carry no name at all
    notes: list[str] = field(default_factory=list)  # fields left out: "line 14: the birthday '1990-13-45' is ..."
    skipped_fields: int = 0  # how many fields were left out in all (``notes`` keeps the first MAX_NOTES)
    profile: dict[str, Any] | None = None  # a Nurture backup's goals and offers


class Notes:
    """What a reader left out, for the preview: "line 14: the birthday '1990-13-45' is not a date; left out"."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.count = 0

    def add(self, line: int, problem: str) -> None:
        self.count += 1
        if len(self.lines) < MAX_NOTES:
            self.lines.append(f"line {line}: {problem}")

    def keep(self, line: int, read: Any, text: str, *more: Any) -> Any:
        """``read(text, line, *more)``, or "" with a note when the field cannot be read."""
        try:
            return read(text, line, *more)
        except BadImportFile as error:
            self.add(error.line, f"{error.problem}; left out")
            return ""


def counted(rows: Iterable[Any], first_line: int = 1) -> Iterable[Any]:
    """The rows of a file, refusing the file past MAX_PEOPLE (before reading any further)."""
    for number, row in enumerate(rows):
        if number >= MAX_PEOPLE:
            raise BadImportFile(
                0,
                f"it holds more than {MAX_PEOPLE:,} people; I import up to {MAX_PEOPLE:,} at a time, so please split "
                "it into smaller files",
            )
        yield row


# -- text --------------------------------------------------------------------------------------------------------


def encoding_of(data: bytes) -> str:
    """The encoding contact files come in: UTF-8 (with or without a BOM), UTF-16 (Outlook, some phones) or, failing
    those, Windows-1252 (old desktop exports). Checked in chunks: no second copy of the whole file is made."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for start in range(0, len(data), _DECODE_CHUNK):
            decoder.decode(data[start : start + _DECODE_CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def text_stream(data: bytes) -> io.TextIOWrapper:
    """The file as text, read as it goes (line ends kept as written, for the CSV reader)."""
    return io.TextIOWrapper(io.BytesIO(data), encoding=encoding_of(data), errors="replace", newline="")


# -- fields ------------------------------------------------------------------------------------------------------


def parse_day(text: str, line: int, column: str = "the date") -> str:
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


def clean_tag(tag: str) -> str:
    """Tags are kept lowercased and without "#": "#Investor" -> "investor"."""
    return " ".join(tag.strip().lstrip("#").lower().split())


def read_link(name: str, relation: str) -> dict[str, str]:
    """A link as Nurture's files write it: "husband: Mark" (the contact is Mark's husband), or "their son: Elias"
    (Elias is the contact's son)."""
    label = clean_label(relation)
    if label.startswith("their ") and label[6:].strip():
        return {"name": name, "as": label[6:].strip(), "side": "theirs"}
    return {"name": name, "as": label or "linked"}


def clean_label(label: str) -> str:
    """A phone's, email's or link's label as a word or two: "_$!<Mobile>!$_" (Apple) -> "mobile", "* Work" ->
    "work", "CELL" -> "mobile"."""
    label = re.sub(r"_\$!<(.*?)>!\$_", r"\1", label)
    words = " ".join(re.sub(r"[^\w\s-]", " ", label).lower().split())
    return _LABELS.get(words, words)[:40]


_LABELS = {"cell": "mobile", "cellular": "mobile", "homepage": "home page", "x-mobile": "mobile"}


def labelled(value: str, label: str = "") -> dict[str, str]:
    item = {"value": value.strip()}
    if clean_label(label):
        item["label"] = clean_label(label)
    return item


def add_value(items: list[dict[str, str]], value: str, label: str = "") -> None:
    """Add a phone, email or link once (the same value, case aside, is not added twice)."""
    value = value.strip()
    if value and all(value.casefold() != item["value"].casefold() for item in items):
        items.append(labelled(value, label))


def add_note(contact: Contact, text: str, on: str = "") -> None:
    """A note that came with the file, dated ``on`` (the day it is imported, when left empty here)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if text and all(text != note["text"] for note in contact.imported_notes):
        contact.imported_notes.append({"on": on, "text": text} if on else {"text": text})
