"""Contacts in vCard files, as phones and address books write them: Apple (3.0, with item groups, X-ABLabel and
X-SOCIALPROFILE), Android and Outlook (2.1, quoted-printable with soft line breaks, bare TYPE words, embedded AGENT
cards), and 4.0 (tel: URIs); and Nurture's own export (exports.py), whose ``X-NURTURE-*`` properties carry what an
address book has no field for.

Each card is tidied into plain vCard 3.0 before vobject parses it: quoted-printable values decoded in their charset
and their soft line breaks joined, 2.1's bare TYPE words and unescaped commas made 3.0's, photos dropped (never
kept). A line that is not a property, or a field whose value cannot be read, is left out with a note for the
preview; the card and the file are kept. An embedded AGENT card (an assistant) is read as a person of its own,
linked to the card it came in. Nothing a card says about someone is dropped: chat addresses (IMPP, Outlook's
X-MS-IMADDRESS, X-SKYPE...) are kept as links, and postal addresses (ADR), which Nurture has no field for, as notes.
"""

from __future__ import annotations

import io
import quopri
import re
from collections.abc import Iterator
from typing import Any

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
from bot.store.records import CIRCLE_CADENCE_DAYS, is_id

_PROPERTY = re.compile(r"^(?:[\w-]+\.)?[\w-]+(?:;[^:]*)?:", re.ASCII)
_DROPPED = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})  # pictures and keys: large, and never kept
_STRUCTURED = frozenset({"N", "ORG", "ADR"})  # values whose ";" separates parts
_NOT_LABELS = frozenset({"internet", "pref", "voice", "x400", "uri", "text", "msg", "video", "1", "2", "3"})
# Nurture's own properties: what an address book has no field for, one property per value (exports.py writes them).
X_TEXT = {"X-NURTURE-TITLE": "title", "X-NURTURE-MET-AT": "met_context", "X-NURTURE-INTRODUCED-BY": "introduced_by",
          "X-NURTURE-TELEGRAM": "username"}  # fmt: skip
X_DAYS = {"X-NURTURE-MET-ON": "met_on", "X-NURTURE-ARCHIVED-ON": "archived_on",
          "X-NURTURE-MENTIONED-ON": "mentioned_on"}  # fmt: skip
X_LISTS = {"X-NURTURE-INTEREST": "interests", "X-NURTURE-NEED": "needs", "X-NURTURE-OFFER": "offers",
           "X-NURTURE-NEWS": "wins", "X-NURTURE-ALIAS": "aliases"}  # fmt: skip
X_CIRCLE, X_LINK, X_NOTE_DAY = "X-NURTURE-CIRCLE", "X-NURTURE-LINK", "X-NURTURE-ON"
WEBSITE_LABELS = frozenset({"home page", "website"})
_CHATS = {"impp": "", "x-ms-imaddress": "chat", "x-skype": "skype", "x-skype-username": "skype", "x-jabber": "xmpp",
          "x-gtalk": "gtalk", "x-aim": "aim", "x-icq": "icq", "x-msn": "msn", "x-yahoo": "yahoo"}  # fmt: skip
Card = tuple[int, list[tuple[int, str]]]  # a card's first line number and its lines, numbered as in the file


def read_vcards(stream: io.TextIOWrapper) -> ReadFile:
    import vobject

    people: list[Incoming] = []
    nameless = 0
    notes = Notes()
    for start, lines in counted(_cards(stream)):
        cards: list[Card] = [(start, lines)]
        while cards:
            line, card_lines = cards.pop(0)
            tidy, agents = _tidy(card_lines, notes)
            card = _parsed(vobject, tidy, line, notes)
            if card is None:
                continue
            where: dict[str, int] = {}
            for number, text in tidy:  # each property's line, for the notes
                where.setdefault(text.split(":", 1)[0].split(";")[0].split(".")[-1].upper(), number)
            found = _card_person(card, line, notes, where)
            if found is None:
                nameless += 1
                continue
            people.append(found)
            for agent_line, agent in agents:  # an assistant's card inside this one: a person of their own
                cards.append((agent_line, agent))
                found.links.append({"name": _agent_name(agent), "as": "assistant"})
    if not people and not nameless:
        raise BadImportFile(1, "no cards in this file (a vCard starts with BEGIN:VCARD)")
    return ReadFile("vCard", people, nameless, notes.lines, notes.count)


def _parsed(vobject: Any, tidy: list[tuple[int, str]], start: int, notes: Notes) -> Any:
    """The card vobject reads from the tidy lines; a line it cannot read is left out with a note and the card read
    again (a card none of whose lines can be read is left out with a note)."""
    while True:
        text = "\r\n".join(["BEGIN:VCARD", "VERSION:3.0", *(t for _, t in tidy), "END:VCARD"]) + "\r\n"
        try:
            return vobject.readOne(text)
        except Exception as error:  # vobject raises ParseError and, on odd input, plain ValueErrors
            failed = str(error).rsplit(": ", 1)[-1].strip()
            at = next((i for i, (_, t) in enumerate(tidy) if failed and t.strip() == failed), None)
            if at is None:
                notes.add(start, f"this card cannot be read ({str(error)[:80]}); left out")
                return None
            number, bad = tidy.pop(at)
            notes.add(number, f"{bad.strip()[:40]!r} cannot be read; left out")


def _cards(stream: io.TextIOWrapper) -> Iterator[tuple[int, list[tuple[int, str]]]]:
    """Each card's first line number and its lines (numbered), split on BEGIN/END; cards inside a card (AGENT)
    stay inside it."""
    start, depth = 0, 0
    buffer: list[tuple[int, str]] = []
    for number, raw in enumerate(stream, start=1):
        line = raw.rstrip("\r\n")
        upper = "" if line[:1] in (" ", "\t") and depth else line.strip().upper()  # a folded line opens nothing
        if upper == "BEGIN:VCARD" or (depth and _opens_agent(upper)):
            if depth == 0:
                start, buffer = number, []
            depth += 1
        elif not depth:
            if upper:
                raise BadImportFile(number, "text outside any card (a vCard starts with BEGIN:VCARD)")
            continue
        buffer.append((number, line))
        if upper == "END:VCARD":
            depth -= 1
            if depth == 0:
                yield start, buffer
    if depth:
        raise BadImportFile(start, "this card has no END:VCARD")


def _opens_agent(upper: str) -> bool:
    """ "AGENT:BEGIN:VCARD": 2.1's embedded card starting on its property's line (a value that merely ends so, as
    "X-NOTE:BEGIN:VCARD", is a value)."""
    head, _, rest = upper.partition(":")
    return rest == "BEGIN:VCARD" and head.split(";")[0].split(".")[-1] == "AGENT"


def _opens_card(line: str) -> bool:
    upper = "" if line[:1] in (" ", "\t") else line.strip().upper()
    return upper == "BEGIN:VCARD" or _opens_agent(upper)


def _agent_name(lines: list[tuple[int, str]]) -> str:
    for _, line in lines:
        if line.upper().startswith("FN") and ":" in line:
            return line.split(":", 1)[1].strip()
    return ""


def _tidy(lines: list[tuple[int, str]], notes: Notes) -> tuple[list[tuple[int, str]], list[Card]]:
    """A card's properties as plain vCard 3.0 lines (numbered as in the file), and the AGENT cards inside it."""
    body = lines[1:-1]
    agents: list[Card] = []
    logical: list[tuple[int, str]] = []
    index = 0
    while index < len(body):
        number, line = body[index]
        if _opens_card(line):  # an embedded card (2.1's AGENT): to its END, kept apart
            depth, inner = 0, []
            while index < len(body):
                n, text = body[index]
                opens = _opens_card(text)
                text = "BEGIN:VCARD" if opens else text
                depth += opens
                depth -= text[:1] not in (" ", "\t") and text.strip().upper() == "END:VCARD"
                inner.append((n, text))
                index += 1
                if depth == 0:
                    break
            agents.append((inner[0][0], inner))
            if logical and logical[-1][1].split(":", 1)[0].upper() == "AGENT":
                logical.pop()
            continue
        index += 1
        if logical and _soft_break(logical[-1][1]):  # quoted-printable: "=" at the end joins the next line
            logical[-1] = (logical[-1][0], logical[-1][1][:-1] + line)
        elif line[:1] in (" ", "\t") and logical:  # a folded line
            logical[-1] = (logical[-1][0], logical[-1][1] + line[1:])
        elif line.strip():
            logical.append((number, line))
    version = next((v.split(":", 1)[1].strip() for _, v in logical if v.upper().startswith("VERSION:")), "3.0")
    tidy: list[tuple[int, str]] = []
    for number, line in logical:
        if line.upper().startswith("VERSION:"):
            continue
        if not _PROPERTY.match(line):
            notes.add(number, f"{line.strip()[:40]!r} is not a vCard field; left out")
            continue
        property_line = _tidy_property(line, version)
        if property_line is None:
            continue
        head, value = property_line.split(":", 1)
        if head.upper() == "AGENT" and value.upper().startswith("BEGIN:VCARD"):  # 3.0: the card as one value
            inner_text = value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")
            agents.append((number, [(number, part) for part in inner_text.splitlines() if part.strip()]))
            continue
        tidy.append((number, property_line))
    return tidy, agents


def _soft_break(line: str) -> bool:
    head = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in head and line.endswith("=")


def _tidy_property(line: str, version: str) -> str | None:
    head, value = line.split(":", 1)
    name, *params = head.split(";")
    bare = name.split(".")[-1].upper()
    if bare in _DROPPED:
        return None
    kept: list[str] = []
    quoted_printable, charset = False, "utf-8"
    for param in params:
        key, sep, val = param.partition("=")
        upper = key.strip().upper()
        if (upper == "ENCODING" and val.strip().upper() == "QUOTED-PRINTABLE") or upper == "QUOTED-PRINTABLE":
            quoted_printable = True
        elif upper == "CHARSET":
            charset = val.strip() or charset
        elif upper == "ENCODING":
            continue  # BASE64 and 8BIT apply to values dropped above, or to plain text
        elif not sep:  # 2.1: "TEL;CELL;PREF"
            kept.append(f"TYPE={key.strip()}")
        else:
            kept.append(param)
    if quoted_printable:
        raw = quopri.decodestring(value.encode("utf-8", errors="replace"))
        try:
            value = raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            value = raw.decode("cp1252", errors="replace")
    if quoted_printable or version.startswith("2"):
        value = _escaped(value, structured=bare in _STRUCTURED)
    return ";".join([name, *kept]) + ":" + value


def _escaped(value: str, *, structured: bool) -> str:
    """A plain value (2.1 escapes nothing but ";") as 3.0 writes it."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if structured:
        return value.replace(",", "\\,").replace("\n", "\\n")
    value = value.replace("\\;", ";").replace("\\", "\\\\")
    return value.replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


# -- a card -> a person ------------------------------------------------------------------------------------------


def _text(item: Any) -> str:
    value = item.value
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if str(v).strip())
    return str(value).strip()


def _label(item: Any, card: Any) -> str:
    group = getattr(item, "group", None)
    if group:
        for other in card.contents.get("x-ablabel", []):
            if getattr(other, "group", None) == group:
                return clean_label(_text(other))
    types = [t for value in item.params.get("TYPE", []) for t in str(value).split(",")]
    words = [clean_label(t) for t in types if t.strip() and t.strip().lower() not in _NOT_LABELS]
    return " ".join(w for w in words if w)


def _phone(value: str) -> str:
    """ "tel:+1-418-656-9254;ext=102" (vCard 4.0) -> "+1-418-656-9254 ext. 102"."""
    if value.lower().startswith("tel:"):
        value = value[4:]
    number, _, ext = value.partition(";ext=")
    return f"{number.strip()} ext. {ext.strip()}" if ext.strip() else number.strip()


def _card_person(card: Any, line: int, notes: Notes, where: dict[str, int]) -> Incoming | None:
    contents = card.contents
    name = " ".join(_text(item) for item in contents.get("fn", [])[:1])
    if not name and contents.get("n"):
        n = card.n.value
        name = " ".join(str(p).strip() for p in (n.prefix, n.given, n.additional, n.family) if str(p).strip())
    if not name:
        return None
    found = person(name, line)
    contact = found.contact
    org = contents.get("org", [None])[0]
    if org is not None:
        parts = org.value if isinstance(org.value, list) else [org.value]
        contact.company = str(parts[0]).strip() if parts else ""
    for key in ("title", "role"):
        if contents.get(key) and not contact.role:
            contact.role = _text(contents[key][0])
    if contents.get("nickname"):
        contact.nickname = _text(contents["nickname"][0])
    for item in contents.get("email", []):
        add_value(contact.emails, _text(item), _label(item, card))
    for item in contents.get("tel", []):
        add_value(contact.phones, _phone(_text(item)), _label(item, card))
    for item in [*contents.get("x-socialprofile", []), *contents.get("url", [])]:
        _add_link(contact, _text(item), _label(item, card))
    for key, service in _CHATS.items():  # a chat address ("xmpp:simon@jabber.example"): kept as a link
        for item in contents.get(key, []):
            value = _text(item)
            add_value(contact.urls, value, _label(item, card) or service or value.partition(":")[0].lower())
    for item in contents.get("bday", [])[:1]:
        contact.birthday = notes.keep(where.get("BDAY", line), parse_birthday, _text(item))
    for item in contents.get("categories", []):
        values = item.value if isinstance(item.value, list) else [item.value]
        contact.tags += [clean_tag(str(t)) for t in values if clean_tag(str(t)) not in contact.tags]
    for item in contents.get("note", []):
        day = (item.params.get(X_NOTE_DAY) or [""])[0]
        on = notes.keep(where.get("NOTE", line), parse_day, day, "the note's day") if day else ""
        add_note(contact, _text(item), on)
    for item in contents.get("adr", []):  # Nurture has no address field: an address is kept as a note
        address = _address(item.value)
        if address:
            label = _label(item, card)
            add_note(contact, f"Address{f' ({label})' if label else ''}: {address}")
    for item in contents.get("x-android-custom", []):  # "vnd.android.cursor.item/nickname;Olya;1;;;…"
        kind, _, rest = _text(item).partition(";")
        if kind.endswith("/nickname") and rest.split(";")[0].strip() and not contact.nickname:
            contact.nickname = rest.split(";")[0].strip()
    _nurture_properties(found, contents, where, line, notes)
    contact.tags = [t for t in dict.fromkeys(contact.tags) if t]
    return found


def _address(value: Any) -> str:
    """A vCard ADR as one line: "One Microsoft Way, Redmond, WA 98052, United States of America"."""
    parts = [getattr(value, name, "") for name in ("box", "extended", "street", "city", "region", "code", "country")]
    lines = [" ".join(p) if isinstance(p, list) else str(p) for p in parts]
    box, extended, street, city, region, code, country = (" ".join(line.split()) for line in lines)
    place = " ".join(p for p in (region, code) if p)
    return ", ".join(p for p in (box, extended, street, city, place, country) if p)


def _add_link(contact: Any, value: str, label: str) -> None:
    if not value:
        return
    if "linkedin.com/" in value.lower() and not contact.linkedin:
        contact.linkedin = value
    elif label in WEBSITE_LABELS and not contact.website:
        contact.website = value
    else:
        add_value(contact.urls, value, label)


def _nurture_properties(
    found: Incoming, contents: dict[str, list[Any]], where: dict[str, int], line: int, notes: Notes
) -> None:
    contact = found.contact
    for prop, field_name in X_TEXT.items():
        for item in contents.get(prop.lower(), [])[:1]:
            setattr(contact, field_name, _text(item))
    for prop, field_name in X_DAYS.items():
        for item in contents.get(prop.lower(), [])[:1]:
            setattr(contact, field_name, notes.keep(where.get(prop, line), parse_day, _text(item), prop))
    for prop, field_name in X_LISTS.items():
        values = [_text(item) for item in contents.get(prop.lower(), [])]
        setattr(contact, field_name, [v for v in values if v])
    for item in contents.get("uid", [])[:1]:  # Nurture's own export names each person by their id
        contact.id = _text(item) if is_id(_text(item)) else ""
    for item in contents.get(X_CIRCLE.lower(), [])[:1]:
        circle = _text(item)
        contact.circle = circle if circle in CIRCLE_CADENCE_DAYS else IMPORTED_CIRCLE
    for item in contents.get(X_LINK.lower(), []):
        if _text(item):
            found.links.append(read_link(_text(item), _link_kind(item)))


def _link_kind(item: Any) -> str:
    kinds = [str(t) for t in item.params.get("TYPE", [])]
    return kinds[0] if kinds else ""
