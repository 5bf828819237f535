"""Reading contacts files from the wild, telling who is who, and the CSV/vCard export reading back the same."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.coach.errors import BadImportFile
from bot.coach.network import incoming
from bot.coach.network.exports import contacts_csv, contacts_vcf
from bot.coach.network.files import read_file
from bot.coach.network.imports import Pair, plan_import, preview
from bot.coach.network.incoming import MAX_PEOPLE, parse_birthday
from bot.store.records import Contact

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "contacts"
NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def sample(name: str):
    return read_file(name, (SAMPLES / name).read_bytes())


def values(items: list[dict[str, str]]) -> list[str]:
    return [item["value"] for item in items]


def labelled(items: list[dict[str, str]]) -> list[tuple[str, str]]:
    return [(item.get("label", ""), item["value"]) for item in items]


def test_linkedin_export_with_its_notes_preamble():
    read = sample("Connections.csv")
    assert read.kind == "LinkedIn"
    assert [p.name for p in read.people] == ["Jane Doe", "José Ortiz", "Sam Lee", "Zoë Ångström"]
    jane, jose, sam, _ = (p.contact for p in read.people)
    assert (jane.company, jane.role, jane.email, jane.met_on, read.people[0].line) == (
        "Acme", "Head of Product", "jane@acme.com", "2024-01-12", 5,
    )  # fmt: skip
    assert jane.linkedin == "https://www.linkedin.com/in/janedoe"  # the profile URL is kept
    assert (jose.company, sam.role) == ("Globex, Inc.", "Engineer, Payments")  # quoted commas stay
    assert read.nameless == 1  # a deleted account: no name, left out and counted
    assert all(p.contact.circle == "wider" for p in read.people)


def test_google_contacts_csv():
    read = sample("google.csv")
    assert read.kind == "Google Contacts"
    priya, jane = (p.contact for p in read.people)
    assert (priya.name, priya.company, priya.role, priya.phone, priya.birthday, priya.tags) == (
        "Priya Nair", "Monzo", "Designer", "+44 7700 900123", "07-21", ["friends"],
    )  # fmt: skip
    assert jane.birthday == "04-12"  # "--04-12": a birthday without a year


def test_google_csv_keeps_every_phone_email_site_label_and_note():
    priya, tom, *_ = (p.contact for p in sample("google-labels-notes.csv").people)
    assert labelled(priya.emails) == [("home", "priya@example.org"), ("work", "priya.nair@monzo.example")]
    assert labelled(priya.phones) == [("mobile", "+44 7700 900123"), ("work", "+44 20 7946 0958")]
    assert priya.linkedin == "https://www.linkedin.com/in/priyanair"
    assert labelled(priya.urls) == [("blog", "https://priya.design")]
    assert (priya.nickname, priya.tags) == ("Pri", ["friends", "designers"])
    [note] = priya.imported_notes
    assert note["text"] == "Met at Config in SF.\nWants to move to Berlin; ask about visas."
    assert values(tom.emails) == ["tom@acme.example", "t.roe@acme.example"]  # "a ::: b" in one cell
    assert values(tom.phones) == ["+1 415 555 0101", "+1 415 555 0102"]


@pytest.mark.parametrize(
    ("file", "name", "company"),
    [
        ("phone.vcf", "Dr. Ana Ortiz-Villanueva de la Fuente", "Globex"),  # a folded FN line
        ("old-phone-latin1.vcf", "Jürgen Müller", "Siemens"),  # vCard 2.1, quoted-printable ISO-8859-1
        ("outlook-utf16.vcf", "François Lefèvre", ""),  # UTF-16 with a byte-order mark
        ("windows-1252.vcf", "Søren Kierkegård", "Københavns Universitet"),  # not UTF-8 at all
        ("android-2.1.vcf", "Ольга Иванова", "Yandex"),  # 2.1, quoted-printable UTF-8 with soft line breaks
        ("outlook-2.1.vcf", "Maria Whitfield", "Contoso Ltd."),  # 2.1 with an AGENT card inside
        ("apple-3.0.vcf", "Jane Q. Doe", "Acme Corporation"),  # item groups, X-ABLabel, a folded photo
        ("vcard-4.0.vcf", "Simon Perreault", ""),  # tel: URIs
    ],
)
def test_vcards_with_folded_lines_and_odd_charsets(file, name, company):
    read = sample(file)
    assert read.kind == "vCard"
    assert (read.people[0].name, read.people[0].contact.company) == (name, company)


def test_vcard_fields_become_contact_fields():
    ana, li = (p.contact for p in sample("phone.vcf").people)
    assert (ana.role, ana.email, ana.phone, ana.birthday, ana.tags) == (
        "Chief Scientist", "ana@globex.example", "+34 600 123 456", "02-28", ["investor", "climate"],
    )  # fmt: skip
    assert [n["text"] for n in ana.imported_notes] == ["Met at the climate summit; loves sailing"]
    assert (li.name, li.birthday) == ("Li Wei 李伟", "06-12")


def test_an_apple_card_keeps_every_phone_email_link_label_nickname_and_note():
    jane = sample("apple-3.0.vcf").people[0].contact
    assert labelled(jane.phones) == [
        ("mobile", "+49 170 1234567"), ("home", "+49 30 9876543"), ("us office", "+1 (415) 555-0100"),
    ]  # fmt: skip
    assert labelled(jane.emails) == [("other", "jane@acme.com"), ("home", "jane.doe@gmail.com")]
    assert (jane.linkedin, jane.website) == ("https://www.linkedin.com/in/janedoe", "https://janedoe.example")
    assert labelled(jane.urls) == [("twitter", "https://twitter.com/janedoe")]
    assert (jane.nickname, jane.birthday, jane.tags) == ("JD", "03-15", ["investor", "berlin"])
    assert jane.imported_notes == [
        {"text": "Met at the Slush side event in Helsinki.\nIntroduced by Sam, who worked with her at Stripe.\n"
                 "Loves sailing."}
    ]  # fmt: skip


def test_quoted_printable_soft_line_breaks_are_joined():
    olga = sample("android-2.1.vcf").people[0].contact
    [note] = olga.imported_notes
    assert note["text"] == (
        "Встретились на PyCon, she works on ranking; wants an intro to a designer, a good one\nSecond line"
    )
    assert (olga.nickname, olga.role) == ("Olya", "Data scientist, search")  # a 2.1 comma is not a separator
    assert values(olga.phones) == ["+7 916 123-45-67", "+7 495 765-43-21", "8 (495) 111-22-33"]


def test_an_agent_card_is_read_as_a_person_linked_to_the_card_it_came_in():
    read = sample("outlook-2.1.vcf")
    maria, fred = read.people
    assert (fred.name, values(fred.contact.emails)) == ("Fred Friday", ["fred@contoso.example"])
    assert maria.links == [{"name": "Fred Friday", "as": "assistant"}]
    assert [n["text"] for n in maria.contact.imported_notes] == [
        "Knows everyone in Seattle legal tech, happy to help with contracts.\nAsk her about the board seat.",
        "Address (work): One Microsoft Way, Redmond, WA 98052, United States of America",
    ]
    planned = plan_import(read.people, {}, {}, NOW)
    by_name = {c.name: c for c in planned.new}
    assert by_name["Maria Whitfield"].links == [{"contact_id": by_name["Fred Friday"].id, "as": "assistant"}]


def test_a_value_that_reads_like_a_card_boundary_is_a_value():
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dee Tran\r\nX-NURTURE-INTRODUCED-BY:BEGIN:VCARD\r\n"
        "NOTE:met at the reading group where we wrote\r\n END:VCARD\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Park\r\nEND:VCARD\r\n"
    )
    dee, sam = read_file("people.vcf", card.encode()).people
    assert (dee.contact.introduced_by, sam.name) == ("BEGIN:VCARD", "Sam Park")
    assert [n["text"] for n in dee.contact.imported_notes] == ["met at the reading group where we wroteEND:VCARD"]


@pytest.mark.parametrize(("file", "line", "who"), [("android-2.1.vcf", 21, "Ольга Иванова"),
                                                   ("vcard-4.0.vcf", 19, "Léa Tremblay")])  # fmt: skip
def test_a_birthday_that_is_not_a_date_is_left_out_with_a_note_and_the_rest_is_read(file, line, who):
    read = sample(file)
    person = next(p for p in read.people if p.name == who)
    assert person.contact.birthday == ""
    assert read.notes == [f"line {line}: the birthday '1990-13-45' is not a date I can read; left out"]


def test_a_line_that_is_not_a_property_is_left_out_with_a_note():
    read = sample("broken.vcf")
    assert [p.name for p in read.people] == ["Good Person", "Broken Person"]
    assert read.notes == ["line 8: 'this line is not a property' is not a vCard field; left out"]


def test_a_date_that_is_not_a_date_is_left_out_with_a_note():
    read = sample("Connections-bad-date.csv")
    assert [p.contact.met_on for p in read.people] == ["2024-01-12", ""]
    assert read.notes == ["line 6: Connected On is 'sometime last year', which is not a date I can read; left out"]


@pytest.mark.parametrize(
    ("file", "line", "problem"),
    [
        ("Connections-short-row.csv", 6, "3 columns where the header has 7"),
        ("unclosed.vcf", 1, "no END:VCARD"),
        ("resume.pdf", 0, "I can read LinkedIn's Connections.csv, vCard (.vcf), Google Contacts CSV"),
    ],
)
def test_a_file_whose_shape_cannot_be_trusted_names_the_line_and_the_problem(file, line, problem):
    with pytest.raises(BadImportFile) as caught:
        sample(file)
    assert caught.value.line == line
    assert problem in caught.value.problem


def test_unknown_columns_and_empty_files_are_refused():
    with pytest.raises(BadImportFile, match="don't recognise these columns"):
        read_file("x.csv", b"Foo,Bar\n1,2\n")
    with pytest.raises(BadImportFile, match="empty"):
        read_file("x.csv", b"  \n")


def test_a_file_past_the_cap_is_refused_after_reading_no_more_than_the_cap(monkeypatch):
    assert MAX_PEOPLE == 50_000  # what users are told they can import at a time
    cap = 2_000  # the same code at a smaller cap: the test reads 2,001 rows, not 50,001
    monkeypatch.setattr(incoming, "MAX_PEOPLE", cap)
    header = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    rows = b"".join(b"A%d,B,,,,,12 Jan 2024\n" % n for n in range(cap + 1))
    with pytest.raises(BadImportFile, match="more than 2,000 people"):
        read_file("c.csv", header + rows)
    assert len(read_file("c.csv", header + rows[: rows.index(b"A2000,")]).people) == cap


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1990-01-12", "01-12"),
        ("19900112", "01-12"),
        ("--0229", "02-29"),
        ("--12-31", "12-31"),
        ("Jan 12, 1990", "01-12"),
        ("12.01.1990", "01-12"),
        ("1604-03-15", "03-15"),  # Apple's year for "no year"
    ],
)
def test_birthdays_keep_month_and_day(text, expected):
    assert parse_birthday(text, 1) == expected


def test_a_birthday_that_is_not_a_date_names_its_line():
    with pytest.raises(BadImportFile, match="the birthday '1990-13-45' is not a date") as caught:
        parse_birthday("1990-13-45", 7)
    assert caught.value.line == 7


# -- who is who ----------------------------------------------------------------------------------------------------


def names_matched(found) -> dict[str, str]:
    return {found.people[i].name: cid for i, cid in found.matches.items()}


def test_the_same_email_or_phone_and_a_fitting_name_is_the_same_person():
    notebook = [
        Contact(id="a" * 16, name="Jane", emails=[{"value": "Jane@Acme.com"}]),  # first name only, same email
        Contact(id="b" * 16, name="Priya", phones=[{"value": "07700 900123"}]),  # same phone, written the UK way
        Contact(id="c" * 16, name="Jose Ortiz"),  # the same name, and nothing else: only maybe
    ]
    linkedin = preview(sample("Connections.csv"), notebook, region="GB")
    assert names_matched(linkedin) == {"Jane Doe": "a" * 16}
    assert [(linkedin.people[p.at].name, p.contact_id) for p in linkedin.maybe] == [("José Ortiz", "c" * 16)]
    google = preview(sample("google.csv"), notebook, region="GB")
    assert names_matched(google) == {"Priya Nair": "b" * 16, "Jane Doe": "a" * 16}


def test_a_couple_sharing_a_home_phone_and_an_address_stay_two_people():
    for file in ("apple-3.0.vcf", "google-labels-notes.csv"):
        found = preview(sample(file), [], region="SE")
        assert {"Anna Berg", "Lars Berg"} <= {p.name for p in found.people}, file
        assert (found.repeats, found.maybe, found.shared) == (0, [], 1)
    lars_only = preview(sample("apple-3.0.vcf"), [Contact(id="d" * 16, name="Anna Berg",
                                                          phones=[{"value": "+46 8 555 123 45"}])], region="SE")
    assert "Lars Berg" not in names_matched(lars_only)  # fmt: skip


def test_colleagues_sharing_an_office_number_and_info_address_stay_apart():
    found = preview(sample("shared-office.csv"), [], region="PL")
    assert [p.name for p in found.people] == ["Marta Kowalska", "Piotr Nowak", "Ewa Zielinska"]
    assert (found.repeats, found.maybe) == (0, [])
    # A role address with the same name is no proof either: the same name alone is only a question.
    piotr = Contact(id="e" * 16, name="Piotr Nowak", emails=[{"value": "info@nowakdesign.example"}])
    again = preview(sample("shared-office.csv"), [piotr])
    assert names_matched(again) == {}
    assert [again.people[p.at].name for p in again.maybe] == ["Piotr Nowak"]


def test_the_same_digits_in_two_countries_are_two_numbers():
    jane = Contact(id="f" * 16, name="Jane Doe", phones=[{"value": "+49 170 1234567"}])
    found = preview(sample("two-countries.csv"), [jane], region="DE")
    assert names_matched(found) == {"Jane Doe": jane.id}
    planned = plan_import(found.people, found.matches, {jane.id: jane}, NOW)
    [zoe] = planned.new
    assert (zoe.name, zoe.company, zoe.tags) == ("Zoe Berg", "Spotify", ["investor"])
    [updated] = planned.updated
    assert (updated.company, updated.tags, updated.birthday) == ("Acme", [], "03-15")  # nothing of Zoe's


def test_linkedin_connections_of_the_same_name_are_two_people_unless_the_profile_is_the_same():
    found = preview(sample("Connections-same-names.csv"), [])
    assert [(p.contact.company, p.contact.role) for p in found.people] == [
        ("Acme", "Head of Product"), ("Globex", "Recruiter"),
    ]  # fmt: skip
    assert (found.repeats, found.maybe) == (1, [])  # the same profile, written another way, is one person


def test_the_same_name_in_another_script_is_a_maybe():
    olga = Contact(id="1" * 16, name="Olga Ivanova", company="Yandex")
    found = preview(sample("android-2.1.vcf"), [olga])
    assert [(found.people[p.at].name, p.contact_id) for p in found.maybe] == [("Ольга Иванова", olga.id)]


def test_a_maybe_is_kept_apart_unless_the_user_says_it_is_one_person():
    olga = Contact(id="1" * 16, name="Olga Ivanova", company="Yandex", circle="inner")
    found = preview(sample("android-2.1.vcf"), [olga])
    apart = plan_import(found.people, found.matches, {olga.id: olga}, NOW)
    assert sorted(c.name for c in apart.new) == ["Ivan Petrov", "Ольга Иванова"] and apart.updated == []
    together = plan_import(found.people, found.matches, {olga.id: olga}, NOW, together=found.maybe)
    [merged] = together.updated
    assert (merged.name, merged.aliases, merged.circle) == ("Olga Ivanova", ["Ольга Иванова"], "inner")
    assert len(merged.phones) == 3 and len(merged.emails) == 2
    assert olga.aliases == []  # the notebook's own record is untouched until saved


def test_a_maybe_within_the_file_can_be_folded_on_request():
    rows = ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "Jane,Doe,,,Acme,PM,12 Jan 2024\nJane,Doe,,jane@doe.example,,,12 Jan 2024\n")  # fmt: skip
    found = preview(read_file("c.csv", rows.encode()), [])
    assert found.maybe == [Pair(1, earlier=0)]
    assert len(plan_import(found.people, {}, {}, NOW).new) == 2
    [jane] = plan_import(found.people, {}, {}, NOW, together=found.maybe).new
    assert (jane.company, jane.email) == ("Acme", "jane@doe.example")


def test_filling_in_never_overwrites_and_the_notebook_record_is_untouched():
    jane = Contact(id="a" * 16, name="Jane Doe", company="", circle="inner", emails=[{"value": "jane@acme.com"}])
    found = preview(sample("Connections.csv"), [jane])
    planned = plan_import(found.people, found.matches, {jane.id: jane}, NOW)
    assert [c.name for c in planned.new] == ["José Ortiz", "Sam Lee", "Zoë Ångström"]
    [updated] = planned.updated
    assert (updated.company, updated.email, updated.circle, updated.linkedin) == (
        "Acme", "jane@acme.com", "inner", "https://www.linkedin.com/in/janedoe",
    )  # fmt: skip
    assert jane.company == ""


def test_imported_notes_are_dated_the_day_they_come_in():
    found = preview(sample("phone.vcf"), [])
    ana = plan_import(found.people, {}, {}, NOW, today="2026-11-22").new[0]
    assert ana.imported_notes == [{"on": "2026-11-22", "text": "Met at the climate summit; loves sailing"}]


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
    planned = plan_import(found.people, found.matches, {already.id: already}, NOW)
    ids = [c.id for c in planned.new]
    assert len(ids) == 6 and len(set(ids)) == 6 and already.id not in ids


# -- exports read back ---------------------------------------------------------------------------------------------


def people_of(contacts):
    keys = ("name", "company", "role", "emails", "phones", "birthday", "tags", "circle", "met_on", "met_context",
            "linkedin", "website", "urls", "nickname", "aliases", "imported_notes", "interests", "needs", "offers",
            "wins", "title", "username", "archived_on")  # fmt: skip
    return sorted(tuple(str(getattr(c, k)) for k in keys) for c in contacts)


def rich_people() -> list[Contact]:
    sam = Contact(id="0" * 15 + "1", name="Sam Lee", company="Stripe", role="Engineer, Payments", circle="inner")
    return [
        sam,
        Contact(
            id="0" * 15 + "2",
            name="Zoë Ångström",
            title="Dr",
            company="Klarna",
            role="Investor",
            emails=[{"value": "zoe@example.com", "label": "work"}, {"value": "zoe@home.example"}],
            phones=[{"value": "+46 70 123 45 67", "label": "mobile"}, {"value": "+46 8 555 000 11", "label": "home"}],
            linkedin="https://www.linkedin.com/in/zoe",
            website="https://zoe.example",
            urls=[{"value": "https://twitter.com/zoe", "label": "twitter"}],
            nickname="Zo",
            aliases=["Zoe Angstrom"],
            birthday="02-29",
            tags=["investor", "fintech"],
            circle="close",
            met_on="2025-06-01",
            met_context="the fintech meetup; in Stockholm",
            introduced_by_id=sam.id,
            introduced_by="Sam Lee",
            interests=["sailing", "jazz"],
            needs=["a designer"],
            offers=["intros to VCs"],
            wins=["raised a fund"],
            imported_notes=[{"on": "2026-01-02", "text": "From her card.\n\n[2020-01-01] not a note of its own"}],
            links=[{"contact_id": sam.id, "as": "cofounder"}],
            username="zoe_a",
        ),
        Contact(id="0" * 15 + "3", name='Li "Leo" Wei 李伟', met_on="2024-02-03", circle="wider",
                archived_on="2026-10-01"),
        Contact(id="0" * 15 + "4", name="=HYPERLINK(\"http://evil.example\",\"click\")", company="+1+1",
                role="@SUM(A1)", tags=["-2+3"], circle="wider"),
    ]


@pytest.mark.parametrize(("write", "name"), [(contacts_csv, "people.csv"), (contacts_vcf, "people.vcf")])
def test_importing_your_own_export_gives_back_the_same_people(write, name):
    original = rich_people()
    found = preview(read_file(name, write(original)), [])
    assert found.notes == []
    planned = plan_import(found.people, found.matches, {}, NOW)
    assert people_of(planned.new) == people_of(original)
    zoe = next(c for c in planned.new if c.name.startswith("Zo"))
    sam = next(c for c in planned.new if c.name == "Sam Lee")
    assert zoe.introduced_by_id == sam.id
    assert zoe.links == [{"contact_id": sam.id, "as": "cofounder"}]
    # Sent back to the same notebook, everyone is recognised.
    again = preview(read_file(name, write(original)), original)
    assert len(again.matches) == 4  # each by the id the export carries


def test_the_csv_export_never_hands_a_spreadsheet_a_formula():
    import csv
    import io

    rows = list(csv.reader(io.StringIO(contacts_csv(rich_people()).decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    evil = next(row for row in rows if "HYPERLINK" in row[0])
    assert evil[0].startswith("'=HYPERLINK(") and "'+1+1" in evil and "'@SUM(A1)" in evil and "'-2+3" in evil
    zoe = next(row for row in rows if row[0].startswith("Zo"))
    assert "mobile: +46 70 123 45 67; home: +46 8 555 000 11" in zoe  # a phone starts with "mobile", not "+"


def test_vcards_are_valid_3_0_by_vobjects_own_validation():
    import vobject

    text = contacts_vcf(rich_people()).decode()
    cards = list(vobject.readComponents(text, validate=True))
    assert len(cards) == 4
    for card in cards:
        card.validate(raiseException=True)
        assert card.version.value == "3.0"
    assert "BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29" in text
    assert "BDAY:--" not in text  # the 4.0 form, which 3.0 does not allow
    assert "X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/zoe" in text
