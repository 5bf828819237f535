"""Reading contacts files from the wild, finding duplicates, and the CSV/vCard export reading back the same."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.coach.errors import BadImportFile
from bot.coach.network.exports import contacts_csv, contacts_vcf
from bot.coach.network.imports import parse_birthday, plan_import, preview, read_file
from bot.store.records import Contact

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "contacts"
NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def sample(name: str):
    return read_file(name, (SAMPLES / name).read_bytes())


def test_linkedin_export_with_its_notes_preamble():
    read = sample("Connections.csv")
    assert read.kind == "LinkedIn"
    assert [p.name for p in read.people] == ["Jane Doe", "José Ortiz", "Sam Lee", "Zoë Ångström"]
    jane, jose, sam, _ = read.people
    assert (jane.company, jane.role, jane.email, jane.met_on, jane.line) == (
        "Acme", "Head of Product", "jane@acme.com", "2024-01-12", 5,
    )  # fmt: skip
    assert (jose.company, sam.role) == ("Globex, Inc.", "Engineer, Payments")  # quoted commas stay
    assert read.nameless == 1  # a deleted account: no name, left out and counted
    assert all(p.circle == "wider" for p in read.people)


def test_google_contacts_csv():
    read = sample("google.csv")
    assert read.kind == "Google Contacts"
    priya, jane = read.people
    assert (priya.name, priya.company, priya.role, priya.phone, priya.birthday, priya.tags) == (
        "Priya Nair", "Monzo", "Designer", "+44 7700 900123", "07-21", ["friends"],
    )  # fmt: skip
    assert jane.birthday == "04-12"  # "--04-12": a birthday without a year


@pytest.mark.parametrize(
    ("file", "name", "company"),
    [
        ("phone.vcf", "Dr. Ana Ortiz-Villanueva de la Fuente", "Globex"),  # a folded FN line
        ("old-phone-latin1.vcf", "Jürgen Müller", "Siemens"),  # vCard 2.1, quoted-printable ISO-8859-1
        ("outlook-utf16.vcf", "François Lefèvre", ""),  # UTF-16 with a byte-order mark
        ("windows-1252.vcf", "Søren Kierkegård", "Københavns Universitet"),  # not UTF-8 at all
    ],
)
def test_vcards_with_folded_lines_and_odd_charsets(file, name, company):
    read = sample(file)
    assert read.kind == "vCard"
    assert (read.people[0].name, read.people[0].company) == (name, company)


def test_vcard_fields_become_contact_fields():
    ana, li = sample("phone.vcf").people
    assert (ana.role, ana.email, ana.phone, ana.birthday, ana.tags) == (
        "Chief Scientist", "ana@globex.example", "+34 600 123 456", "02-28", ["investor", "climate"],
    )  # fmt: skip
    assert (li.name, li.birthday, li.line) == ("Li Wei 李伟", "06-12", 15)


@pytest.mark.parametrize(
    ("file", "line", "problem"),
    [
        ("Connections-bad-date.csv", 6, "Connected On is 'sometime last year', which is not a date"),
        ("Connections-short-row.csv", 6, "3 columns where the header has 7"),
        ("broken.vcf", 8, "cannot be read (Failed to parse line: this line is not a property)"),
        ("unclosed.vcf", 1, "no END:VCARD"),
        ("resume.pdf", 0, "I can read LinkedIn's Connections.csv, vCard (.vcf) and Google Contacts CSV"),
    ],
)
def test_a_bad_file_names_the_line_and_the_problem(file, line, problem):
    with pytest.raises(BadImportFile) as caught:
        sample(file)
    assert caught.value.line == line
    assert problem in caught.value.problem


def test_unknown_columns_and_empty_files_are_refused():
    with pytest.raises(BadImportFile, match="don't recognise these columns"):
        read_file("x.csv", b"Foo,Bar\n1,2\n")
    with pytest.raises(BadImportFile, match="empty"):
        read_file("x.csv", b"  \n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1990-01-12", "01-12"),
        ("19900112", "01-12"),
        ("--0229", "02-29"),
        ("--12-31", "12-31"),
        ("Jan 12, 1990", "01-12"),
        ("12.01.1990", "01-12"),
    ],
)
def test_birthdays_keep_month_and_day(text, expected):
    assert parse_birthday(text, 1) == expected


def test_duplicates_by_email_phone_or_name_in_the_notebook_and_in_the_file():
    notebook = [
        Contact(id="aaaaaaaa", name="Janet Doe", email="Jane@Acme.com"),  # same email, another spelling
        Contact(id="bbbbbbbb", name="Priya", phone="07700 900123"),  # same phone, written differently
        Contact(id="cccccccc", name="Jose Ortiz"),  # same name, accents ignored
    ]
    linkedin = sample("Connections.csv")
    found = preview(linkedin, notebook)
    assert {found.people[i].name: cid for i, cid in found.matches.items()} == {
        "Jane Doe": "aaaaaaaa",
        "José Ortiz": "cccccccc",
    }
    google = preview(sample("google.csv"), notebook)
    assert {google.people[i].name: cid for i, cid in google.matches.items()} == {
        "Priya Nair": "bbbbbbbb",
        "Jane Doe": "aaaaaaaa",
    }
    twice = read_file("c.csv", (SAMPLES / "Connections.csv").read_bytes() + b"Jane,Doe,u,,,,12 Jan 2024\r\n")
    assert preview(twice, []).repeats == 1


def test_merge_fills_in_what_is_missing_and_skip_leaves_people_alone():
    jane = Contact(id="aaaaaaaa", name="Jane Doe", company="", circle="inner")
    found = preview(sample("Connections.csv"), [jane])
    merged = plan_import(found.people, found.matches, {jane.id: jane}, True, NOW)
    assert [c.name for c in merged.new] == ["José Ortiz", "Sam Lee", "Zoë Ångström"]
    [updated] = merged.updated
    assert (updated.company, updated.email, updated.circle) == ("Acme", "jane@acme.com", "inner")
    assert jane.company == ""  # the notebook's own record is untouched until saved
    skipped = plan_import(found.people, found.matches, {jane.id: jane}, False, NOW)
    assert (len(skipped.new), skipped.updated, skipped.skipped) == (3, [], 1)


def people_of(contacts):
    keys = ("name", "company", "role", "email", "phone", "birthday", "tags", "circle", "met_on", "met_context")
    return sorted(tuple(str(getattr(c, k)) for k in keys) for c in contacts)


def rich_people() -> list[Contact]:
    sam = Contact(id="00000001", name="Sam Lee", company="Stripe", role="Engineer, Payments", circle="inner")
    return [
        sam,
        Contact(
            id="00000002",
            name="Zoë Ångström",
            company="Klarna",
            role="Investor",
            email="zoe@example.com",
            phone="+46 70 123 45 67",
            birthday="02-29",
            tags=["investor", "fintech"],
            circle="close",
            met_on="2025-06-01",
            met_context="the fintech meetup; in Stockholm",
            introduced_by_id="00000001",
            introduced_by="Sam Lee",
            interests=["sailing", "jazz"],
            needs=["a designer"],
            offers=["intros to VCs"],
        ),
        Contact(id="00000003", name='Li "Leo" Wei 李伟', met_on="2024-02-03", circle="wider"),
    ]


@pytest.mark.parametrize(("write", "name"), [(contacts_csv, "people.csv"), (contacts_vcf, "people.vcf")])
def test_importing_your_own_export_gives_back_the_same_people(write, name):
    original = rich_people()
    found = preview(read_file(name, write(original)), [])
    planned = plan_import(found.people, found.matches, {}, True, NOW)
    assert people_of(planned.new) == people_of(original)
    if name.endswith(".csv"):  # the CSV carries every field, links between people included
        zoe = next(c for c in planned.new if c.name.startswith("Zo"))
        sam = next(c for c in planned.new if c.name == "Sam Lee")
        assert (zoe.introduced_by_id, zoe.interests, zoe.needs, zoe.offers) == (
            sam.id, ["sailing", "jazz"], ["a designer"], ["intros to VCs"],
        )  # fmt: skip
    # Sent back to the same notebook, everyone is recognised.
    assert len(preview(read_file(name, write(original)), original).matches) == 3


def test_a_birthday_that_is_not_a_date_names_its_line():
    with pytest.raises(BadImportFile, match="the birthday '1990-13-45' is not a date") as caught:
        parse_birthday("1990-13-45", 7)
    assert caught.value.line == 7


def test_ids_that_come_out_the_same_never_fold_two_people_into_one(monkeypatch):
    """Ids are random: an import of thousands of people must not lose one to an id that came out twice, whether it
    repeats within the file or matches someone already in the notebook."""
    import itertools

    import bot.store.records as records

    repeats = itertools.chain(["a" * 16] * 3, ["b" * 16] * 2, (f"{n:016x}" for n in itertools.count(1000)))
    monkeypatch.setattr(records.secrets, "token_hex", lambda size: next(repeats))
    already = Contact(id="b" * 16, name="Zoe Berg", created_at="2026-01-01T00:00:00")
    rows = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + "".join(
        f"P{n},Q{n},,,,,12 Jan 2024\n" for n in range(6)
    )
    found = preview(read_file("c.csv", rows.encode()), [already])
    planned = plan_import(found.people, found.matches, {already.id: already}, True, NOW)
    ids = [c.id for c in planned.new]
    assert len(ids) == 6 and len(set(ids)) == 6 and already.id not in ids
