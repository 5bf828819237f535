"""Sending a contacts file: a preview that asks about look-alikes, one all-or-nothing import; exports read back."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import orjson
import pytest

from bot.store.notebook import Notebook
from tests.conftest import User

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "contacts"
USER = 4242


def file(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def names(store) -> list[str]:
    return sorted(c.name for c in store.notebook(USER).contacts())


def person(store, name: str):
    return next(c for c in store.notebook(USER).contacts() if c.name == name)


async def test_a_look_alike_is_asked_about_and_merged_only_when_the_user_says_so(bot, user: User, store):
    await user.say("/met Jane Doe at the product meetup")
    reply = await user.send_file("Connections.csv", file("Connections.csv"))
    assert "<b>LinkedIn</b>: 4 people." in reply
    assert "Maybe the same person</b> (1)" in reply
    assert "1. Jane Doe (Acme) and Jane Doe: <i>two people</i>" in reply
    assert "1 row has no name" in reply
    assert names(store) == ["Jane Doe"]  # nothing imported before the answer
    assert list(store.users_dir.glob("*.side-import-*"))  # the preview waits on disk, not in memory
    assert "1. Jane Doe (Acme) and Jane Doe: <i>one person</i>" in await user.tap("1 same")
    go = next(data for label, data in user.buttons if "Import 4" in label)
    done = await user.press(go)
    edits = [p["text"] for m, p in bot.api.calls if m == "editMessageText"]
    assert any(e.startswith("⏳ Importing 4 people") for e in edits)  # the progress message, edited in place
    assert "Imported 3 new people; filled in 1 person you already had" in done
    assert names(store) == ["Jane Doe", "José Ortiz", "Sam Lee", "Zoë Ångström"]
    jane = person(store, "Jane Doe")
    assert (jane.company, jane.email, jane.met_context) == ("Acme", "jane@acme.com", "the product meetup")
    assert jane.linkedin == "https://www.linkedin.com/in/janedoe"
    sam = person(store, "Sam Lee")
    assert (sam.circle, sam.met_on) == ("wider", "2026-11-22")
    assert not list(store.users_dir.glob("*.side-import-*"))
    await user.press(go)  # a second tap finds nothing to do
    assert "expired" in " ".join(user.alerts)
    assert len(names(store)) == 4


async def test_look_alikes_stay_two_people_by_default_and_cancel_imports_nothing(bot, user: User, store):
    await user.say("/met Jane Doe at the product meetup")
    await user.send_file("Connections.csv", file("Connections.csv"))
    assert "Nothing imported" in await user.tap("Cancel")
    assert names(store) == ["Jane Doe"]
    await user.send_file("Connections.csv", file("Connections.csv"))
    assert "Imported 4 new people" in await user.tap("Import 4")
    assert names(store).count("Jane Doe") == 2
    assert {c.company for c in store.notebook(USER).contacts() if c.name == "Jane Doe"} == {"", "Acme"}


async def test_a_couple_sharing_a_phone_and_an_address_stays_two_people(user: User, store):
    reply = await user.send_file("contacts.vcf", file("apple-3.0.vcf"))
    assert "1 person shares a phone or an email with someone of another name" in reply
    assert "Imported 3 new people" in await user.tap("Import 3")
    anna, lars = person(store, "Anna Berg"), person(store, "Lars Berg")
    assert (anna.birthday, lars.birthday) == ("", "11-02")  # nobody got the other's birthday
    assert len(anna.phones) == len(lars.phones) == 2


async def test_the_same_digits_in_another_country_are_another_person(user: User, store):
    await user.say("/timezone Berlin")
    await user.send_file("jane.csv", file("two-countries.csv").replace(b"Zoe,,Berg", b",,"))
    await user.tap("Import 1")
    reply = await user.send_file("zoe.csv", file("two-countries.csv"))
    assert "1 is already in your notebook (Jane Doe)" in reply
    await user.tap("Import 2")
    jane, zoe = person(store, "Jane Doe"), person(store, "Zoe Berg")
    assert (jane.company, jane.tags, zoe.company, zoe.tags) == ("Acme", [], "Spotify", ["investor"])


async def test_every_field_of_a_card_is_kept(user: User, store):
    await user.send_file("contacts.vcf", file("apple-3.0.vcf"))
    await user.tap("Import 3")
    jane = person(store, "Jane Q. Doe")
    assert [p["value"] for p in jane.phones] == ["+49 170 1234567", "+49 30 9876543", "+1 (415) 555-0100"]
    assert [e["value"] for e in jane.emails] == ["jane@acme.com", "jane.doe@gmail.com"]
    assert (jane.linkedin, jane.website, jane.nickname) == (
        "https://www.linkedin.com/in/janedoe", "https://janedoe.example", "JD",
    )  # fmt: skip
    assert jane.imported_notes[0]["on"] == "2026-11-22"
    card = await user.say("/contact Jane Q. Doe")
    for shown in ("jane@acme.com", "jane.doe@gmail.com", "+49 170 1234567", "mobile", "JD", "Slush side event"):
        assert shown in card
    assert "Jane Q. Doe" in await user.say("/find jane.doe@gmail.com")
    assert "Jane Q. Doe" in await user.say("/find 0170 1234567")


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("Connections-short-row.csv", "line 6</b> - 3 columns where the header has 7"),
        ("unclosed.vcf", "line 1</b> - this card has no END:VCARD"),
        ("resume.pdf", "I can read LinkedIn"),
    ],
)
async def test_a_file_that_cannot_be_read_is_explained_and_nothing_is_imported(user: User, store, name, says):
    reply = await user.send_file(name, file(name))
    assert says in reply
    assert "Nothing was imported" in reply
    assert names(store) == []


async def test_a_field_that_cannot_be_read_is_left_out_with_a_note_and_the_rest_imports(user: User, store):
    reply = await user.send_file("contacts.vcf", file("android-2.1.vcf"))
    assert "1 field could not be read and will be left out" in reply
    assert "line 21: the birthday &#39;1990-13-45&#39; is not a date I can read; left out" in reply
    assert "Imported 2 new people" in await user.tap("Import 2")
    assert names(store) == ["Ivan Petrov", "Ольга Иванова"]


async def test_a_file_of_too_many_people_is_refused_before_it_is_read_to_the_end(user: User, store, monkeypatch):
    import bot.coach.network.incoming as incoming

    monkeypatch.setattr(incoming, "MAX_PEOPLE", 10)
    rows = "".join(f"First{n},Last{n},,,,,01 Mar 2019\r\n" for n in range(11))
    reply = await user.send_file("c.csv", ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
                                           + rows).encode())  # fmt: skip
    assert "more than 10 people; I import up to 10 at a time" in reply
    assert "Nothing was imported" in reply


async def test_the_import_is_all_or_nothing(bot, user: User, store, monkeypatch):
    await user.send_file("phone.vcf", file("phone.vcf"))
    saved = Notebook.save_many

    def fail_half_way(self, contacts=(), *records):
        saved(self, list(contacts)[:1])  # the first person is written, then the disk is full
        raise OSError("disk full")

    monkeypatch.setattr(Notebook, "save_many", fail_half_way)
    bot.errors.clear()
    with pytest.raises(AssertionError, match="disk full"):
        await user.tap("Import 2")
    monkeypatch.setattr(Notebook, "save_many", saved)
    store.drop(USER)
    assert names(store) == []  # the first person was not saved either
    bot.errors.clear()
    assert "Imported 2 new people" in await user.tap("Import 2")  # the question is still open: try again
    assert len(names(store)) == 2


async def test_export_csv_and_vcf_import_back_as_the_same_people(bot, user: User, store):
    await user.say("/met Jane from Acme at PyCon, loves jazz")
    await user.say("/met Tom at the book club")
    for fmt in ("csv", "vcf"):
        await user.say(f"/export {fmt}")
        assert bot.api.sent("sendChatAction")[-1]["action"] == "upload_document"
        document = bot.api.sent("sendDocument")[-1]
        [(filename, content)] = document["files"].values()
        assert filename == f"nurture-people.{fmt}"
        assert "2 people" in document["caption"]
        reply = await user.send_file(filename, content)
        assert "2 people; 2 are already in your notebook" in reply
        await user.tap("Cancel")


async def test_cells_a_spreadsheet_would_run_are_exported_as_text(bot, user: User, store):
    rows = ('=HYPERLINK("http://evil.example";"click"),,Doe,,,,,,,,+1+1,@SUM(A1),,,"-2+3",,,,,,,,,,,,,,\r\n'
            "=cmd|' /C calc'!A0,,,,,,,,,,Acme,,,,,,,,,,,,,,,,,,\r\n")  # fmt: skip
    header = file("google-labels-notes.csv").split(b"\n")[0].strip()
    await user.send_file("google.csv", header + b"\r\n" + rows.encode())
    await user.tap("Import 2")
    await user.say("/export csv")
    [(_, content)] = bot.api.sent("sendDocument")[-1]["files"].values()
    cells = [c for row in list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))[1:] for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=cmd|' /C calc'!A0" in cells and "'+1+1" in cells and "'@SUM(A1)" in cells
    await user.say("/deleteme")
    await user.tap("Yes, delete everything")
    await user.say("/start")
    await user.send_file("nurture-people.csv", content)
    await user.tap("Import 2")
    assert {c.company for c in store.notebook(USER).contacts()} == {"+1+1", "Acme"}  # the same people back


async def test_a_json_backup_restores_into_an_empty_notebook_as_it_was(bot, user: User, store):
    await user.say("/met Jane from Acme at PyCon, loves jazz, promised to send her the deck")
    await user.say("/note Jane: moving to Berlin")
    await user.say("/export")
    [(filename, backup)] = bot.api.sent("sendDocument")[-1]["files"].values()
    before = orjson.loads(backup)
    await user.say("/deleteme")
    await user.tap("Yes, delete everything")
    await user.say("/start")
    reply = await user.send_file(filename, backup)
    assert "Your Nurture backup</b>: 1 person, with 5 entries (meetings, notes, promises" in reply
    assert "Imported 1 new person with 5 entries" in await user.tap("Restore 1")
    after = store.notebook(USER).export()
    for table in ("contacts", "interactions", "promises", "facts"):
        assert after[table] == before[table], table
    card = await user.say("/contact Jane")
    assert "moving to Berlin" in card and "send her the deck" in card


async def test_a_json_backup_into_a_notebook_with_people_goes_through_the_same_preview(bot, user: User, store):
    await user.say("/met Jane from Acme at PyCon")
    await user.say("/export")
    [(filename, backup)] = bot.api.sent("sendDocument")[-1]["files"].values()
    await user.say("/met Tom at the book club")
    reply = await user.send_file(filename, backup)
    assert "1 is already in your notebook (Jane)" in reply
    assert "already had everything" in await user.tap("Import 1")
    assert names(store) == ["Jane", "Tom"]
    assert len(store.notebook(USER).interactions()) == 2  # Jane's meeting is not logged twice


async def test_the_user_sees_typing_while_a_file_is_read(bot, user: User):
    await user.send_file("Connections.csv", file("Connections.csv"))
    assert bot.api.sent("sendChatAction")[-1]["action"] == "typing"


async def test_deleteme_also_removes_a_waiting_import(user: User, store):
    await user.send_file("Connections.csv", file("Connections.csv"))
    await user.say("/deleteme")
    await user.tap("Yes, delete everything")
    assert list(store.users_dir.iterdir()) == []


async def test_hundreds_of_imported_people_never_flood_the_mornings(user: User, clock):
    from datetime import timedelta

    rows = "".join(f"First{n},Last{n},u,,Acme,Engineer,0{1 + n % 9} Mar 2019\r\n" for n in range(300))
    csv_text = "Notes:\r\nx\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" + rows
    await user.send_file("Connections.csv", csv_text.encode())
    assert "Imported 300 new people" in await user.tap("Import 300")
    surfaced = set()
    start = clock.now()
    for day in range(7):
        clock.set(start + timedelta(days=day))
        plan = await user.say("/today")
        surfaced |= set(re.findall(r"First\d+", plan))
    assert 1 <= len(surfaced) <= 7  # a few a week, not 300


async def test_a_waiting_import_is_sealed_like_the_notebook_when_a_data_key_is_set(tmp_path):
    from bot.app import build_application
    from bot.clock import FixedClock
    from bot.config import Settings
    from bot.local_api import LocalBotAPI, LocalChat
    from bot.notebooks import open_store
    from bot.store.crypto import Codec, generate_key
    from tests.conftest import NOW, Bot

    store = open_store(tmp_path / "data", codec=Codec.from_text(generate_key()))
    api = LocalBotAPI()
    app = build_application(Settings(data_dir=tmp_path / "data"), store, FixedClock(NOW), request=api, paced=False)
    async with app:
        sealed = User(Bot(app, api), LocalChat(user_id=USER, first_name="Alex"))
        await sealed.send_file("Connections.csv", file("Connections.csv"))
        [side] = store.users_dir.glob("*.side-import-*")
        assert b"Jane" not in side.read_bytes()
        assert "Imported 4 new people" in await sealed.tap("Import 4")
    assert names(store) == ["Jane Doe", "José Ortiz", "Sam Lee", "Zoë Ångström"]
