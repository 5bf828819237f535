"""Real-looking address books (tests/samples/contacts): no two different people become one, and nothing a file says
about someone is lost on the way in: every phone, email, link, chat address, note, address and date is on a person
after the preview and the import."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.coach.network.files import read_file
from bot.coach.network.imports import plan_import, preview
from bot.store.records import Contact

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "contacts"
NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
VCARDS = sorted(p.name for p in SAMPLES.glob("*.vcf") if p.name not in ("broken.vcf", "unclosed.vcf"))
GOOGLE = ["google.csv", "google-labels-notes.csv", "google-2024.csv"]
# Everyone in each file, each a person of their own (couples, offices and namesakes included).
PEOPLE = {
    "apple-3.0.vcf": ["Anna Berg", "Jane Q. Doe", "Lars Berg"],
    "android-2.1.vcf": ["Ivan Petrov", "Ольга Иванова"],
    "outlook-2.1.vcf": ["Fred Friday", "Maria Whitfield"],
    "outlook-3.0.vcf": ["Chidi Okafor", "Chinedu Eze", "Ngozi Eze"],
    "vcard-4.0.vcf": ["Léa Tremblay", "Simon Perreault"],
    "google-2024.csv": ["Aiko Watanabe", "Front Desk", "Haruto Sato", "Kenji Watanabe"],
    "google-labels-notes.csv": ["Anna Berg", "Lars Berg", "Priya Nair", "Tom Roe"],
    "shared-office.csv": ["Ewa Zielinska", "Marta Kowalska", "Piotr Nowak"],
    "two-countries.csv": ["Jane Doe", "Zoe Berg"],
}
_VALUE_LINE = re.compile(r"^(?:[\w-]+\.)?(TEL|EMAIL|URL|X-SOCIALPROFILE|IMPP|X-MS-IMADDRESS)(?:;[^:]*)?:(.*)$", re.I)


def imported(name: str) -> list[Contact]:
    found = preview(read_file(name, (SAMPLES / name).read_bytes()), [], region="GB")
    return plan_import(found.people, found.matches, {}, NOW).new  # every "maybe" kept apart, as by default


def everything_kept(contacts: list[Contact]) -> tuple[set[str], set[str]]:
    """Every phone (as digits) and every other value (case-folded) the contacts hold."""
    digits = {re.sub(r"\D", "", p["value"].split(" ext. ")[0]) for c in contacts for p in c.phones}
    texts = {item["value"].casefold() for c in contacts for item in [*c.emails, *c.urls]}
    texts |= {value.casefold() for c in contacts for value in (c.linkedin, c.website) if value}
    return digits, texts


@pytest.mark.parametrize("name", sorted(PEOPLE))
def test_no_two_people_in_a_file_become_one(name):
    contacts = imported(name)
    assert sorted(c.name for c in contacts) == PEOPLE[name]
    assert all(c.aliases == [] for c in contacts), "someone carries another person's name"


@pytest.mark.parametrize("name", VCARDS)
def test_every_phone_email_link_and_chat_address_of_a_vcard_is_kept(name):
    raw = (SAMPLES / name).read_bytes()
    text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8", errors="replace")
    lines = re.sub(r"\r?\n[ \t]", "", text).splitlines()  # folded lines unfolded
    digits, texts = everything_kept(imported(name))
    for line in lines:
        match = _VALUE_LINE.match(line)
        if not match or "QUOTED-PRINTABLE" in line.upper():
            continue
        kind, value = match.group(1).upper(), match.group(2).replace("\\,", ",").replace("\\:", ":").strip()
        if kind == "TEL":
            assert re.sub(r"\D", "", value.removeprefix("tel:").split(";ext=")[0]) in digits, line
        else:
            assert value.casefold() in texts, line


@pytest.mark.parametrize("name", GOOGLE)
def test_every_email_phone_website_and_chat_address_of_a_google_export_is_kept(name):
    digits, texts = everything_kept(imported(name))
    for row in csv.DictReader(io.StringIO((SAMPLES / name).read_text())):
        for column, cell in row.items():
            if not column or not cell or not column.endswith(" - Value"):
                continue
            for value in (v.strip() for v in cell.split(":::") if v.strip()):
                if column.startswith("Phone"):
                    assert re.sub(r"\D", "", value) in digits, (column, value)
                elif column.startswith(("E-mail", "Website", "IM")):
                    assert value.casefold() in texts, (column, value)


def test_addresses_dates_custom_fields_and_relations_of_a_google_export_are_kept():
    found = preview(read_file("google-2024.csv", (SAMPLES / "google-2024.csv").read_bytes()), [], region="JP")
    kenji, aiko = found.people[0], found.people[1]
    assert [n["text"] for n in kenji.contact.imported_notes] == [
        "Met at the Tokyo Go meetup.\nAsk about the Fukuoka office.",
        "Address (work): Roppongi Hills Mori Tower, 6-10-1 Roppongi, Minato-ku, Tokyo 106-6108, Japan",
        "Anniversary: 2015-06-01",
        "Team: Platform",
    ]
    assert {"value": "kenji.watanabe", "label": "slack"} in kenji.contact.urls
    assert [n["text"] for n in aiko.contact.imported_notes] == [
        "Address (home): 1-2-3 Ebisu, Shibuya-ku, Tokyo, 150-0013, Japan"
    ]
    planned = plan_import(found.people, found.matches, {}, NOW)
    by_name = {c.name: c for c in planned.new}
    assert by_name["Kenji Watanabe"].links == [{"contact_id": by_name["Aiko Watanabe"].id, "as": "spouse"}]
    # A couple sharing a mobile and an email, an office line shared by a front desk and a recruiter: all apart.
    assert (found.repeats, found.maybe, len(planned.new)) == (0, [], 4)


def test_a_vcard_address_and_chat_addresses_are_kept():
    read = read_file("outlook-3.0.vcf", (SAMPLES / "outlook-3.0.vcf").read_bytes())
    chidi = read.people[0].contact
    assert [n["text"] for n in chidi.imported_notes] == [
        "Met at the Africa Fintech Summit in Lagos. Wants introductions to payment people in Nairobi, and a good "
        "designer.\nFollow up before Q2.",
        "Address (work): 3A Ladoke Akintola Street, Ikeja, Lagos 100271, Nigeria",
    ]
    assert {"value": "chidi.okafor@teams.example", "label": "chat"} in chidi.urls
    maria = read_file("outlook-2.1.vcf", (SAMPLES / "outlook-2.1.vcf").read_bytes()).people[0].contact
    assert "Address (work): One Microsoft Way, Redmond, WA 98052, United States of America" in [
        n["text"] for n in maria.imported_notes
    ]
    simon = read_file("vcard-4.0.vcf", (SAMPLES / "vcard-4.0.vcf").read_bytes()).people[0].contact
    assert {"value": "xmpp:simon@jabber.example", "label": "xmpp"} in simon.urls
