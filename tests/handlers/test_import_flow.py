"""Sending a contacts file: preview, merge or skip, one all-or-nothing import; /export csv and vcf read back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.store.notebook import Notebook
from tests.conftest import User

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "contacts"
USER = 4242


def file(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def names(store) -> list[str]:
    return sorted(c.name for c in store.notebook(USER).contacts())


async def test_linkedin_import_previews_then_merges_in_one_go(bot, user: User, store):
    await user.say("/met Jane Doe at the product meetup")
    reply = await user.send_file("Connections.csv", file("Connections.csv"))
    assert "LinkedIn</b>: 4 people; 1 look like people already in your notebook (Jane Doe)" in reply
    assert "1 row has no name" in reply
    assert names(store) == ["Jane Doe"]  # nothing imported before the answer
    assert list(store.users_dir.glob("*.side-import-*"))  # the preview waits on disk, not in memory
    merge = next(data for label, data in user.buttons if "Merge" in label)
    done = await user.press(merge)
    edits = [p["text"] for m, p in bot.api.calls if m == "editMessageText"]
    assert edits[0].startswith("⏳ Importing 4 people")  # the progress message, edited in place
    assert "Imported 3 new people; filled in 1 person you already had" in done
    assert names(store) == ["Jane Doe", "José Ortiz", "Sam Lee", "Zoë Ångström"]
    jane = next(c for c in store.notebook(USER).contacts() if c.name == "Jane Doe")
    assert (jane.company, jane.email, jane.met_context) == ("Acme", "jane@acme.com", "the product meetup")
    sam = next(c for c in store.notebook(USER).contacts() if c.name == "Sam Lee")
    assert (sam.circle, sam.met_on) == ("wider", "2026-11-22")
    assert not list(store.users_dir.glob("*.side-import-*"))
    await user.press(merge)  # a second tap finds nothing to do
    assert "expired" in " ".join(user.alerts)
    assert len(names(store)) == 4


async def test_skip_leaves_look_alikes_alone_and_cancel_imports_nothing(bot, user: User, store):
    await user.say("/met Jane Doe at the product meetup")
    await user.send_file("Connections.csv", file("Connections.csv"))
    assert "Nothing imported" in await user.tap("Cancel")
    assert names(store) == ["Jane Doe"]
    await user.send_file("Connections.csv", file("Connections.csv"))
    assert "skipped 1 look-alike" in await user.tap("Skip them")
    assert next(c for c in store.notebook(USER).contacts() if c.name == "Jane Doe").company == ""


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("Connections-bad-date.csv", "line 6</b> - Connected On is &#39;sometime last year&#39;"),
        ("broken.vcf", "line 8</b> - this card cannot be read"),
        ("resume.pdf", "I can read LinkedIn"),
    ],
)
async def test_a_bad_file_is_explained_and_nothing_is_imported(user: User, store, name, says):
    reply = await user.send_file(name, file(name))
    assert says in reply
    assert "Nothing was imported" in reply
    assert names(store) == []


async def test_the_import_is_all_or_nothing(bot, user: User, store, monkeypatch):
    await user.send_file("phone.vcf", file("phone.vcf"))
    saved = Notebook.save_contact
    calls = []

    def fail_on_second(self, contact):
        calls.append(contact.name)
        if len(calls) == 2:
            raise OSError("disk full")
        saved(self, contact)

    monkeypatch.setattr(Notebook, "save_contact", fail_on_second)
    bot.errors.clear()
    with pytest.raises(AssertionError, match="disk full"):
        await user.tap("Import 2")
    monkeypatch.setattr(Notebook, "save_contact", saved)
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
        document = bot.api.sent("sendDocument")[-1]
        [(filename, content)] = document["files"].values()
        assert filename == f"nurture-people.{fmt}"
        assert "2 people" in document["caption"]
        reply = await user.send_file(filename, content)
        assert "2 people; 2 look like people already in your notebook" in reply
        await user.tap("Cancel")


async def test_deleteme_also_removes_a_waiting_import(user: User, store):
    await user.send_file("Connections.csv", file("Connections.csv"))
    await user.say("/deleteme")
    await user.tap("Yes, delete everything")
    assert list(store.users_dir.iterdir()) == []


async def test_hundreds_of_imported_people_never_flood_the_mornings(user: User, clock):
    from datetime import timedelta

    rows = "".join(f"First{n},Last{n},u,,Acme,Engineer,0{1 + n % 9} Mar 2019\r\n" for n in range(300))
    csv = "Notes:\r\nx\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" + rows
    await user.send_file("Connections.csv", csv.encode())
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
    app = build_application(Settings(data_dir=tmp_path / "data"), store, FixedClock(NOW), request=api)
    async with app:
        sealed = User(Bot(app, api), LocalChat(user_id=USER, first_name="Alex"))
        await sealed.send_file("Connections.csv", file("Connections.csv"))
        [side] = store.users_dir.glob("*.side-import-*")
        assert b"Jane" not in side.read_bytes()
        assert "Imported 4 new people" in await sealed.tap("Import 4")
    assert names(store) == ["Jane Doe", "José Ortiz", "Sam Lee", "Zoë Ångström"]
