"""Small replies that tell the truth: a file that could not be fetched says so, and a setting typed in a way the
bot cannot read is named before the current setting is shown (never a silent "here is what you have")."""

from __future__ import annotations

import pytest
from telegram.error import NetworkError

from tests.conftest import User

UID = 4242
CARD = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\nEND:VCARD\r\n"


def bad_request(description: str) -> tuple[int, dict[str, object]]:
    return 400, {"ok": False, "error_code": 400, "description": description}


async def test_a_file_telegram_will_not_hand_over_is_named_with_what_to_do(bot, user: User, store):
    bot.api.fail_next("getFile", bad_request("Bad Request: file is too big"))
    reply = await user.send_file("contacts.vcf", CARD)
    assert "couldn't fetch" in reply.lower() and "send it again" in reply.lower()
    assert "went wrong" not in reply.lower()  # not the generic apology
    assert store.notebook(UID).contacts() == []


async def test_a_download_that_breaks_off_is_named_and_the_same_file_works_when_sent_again(
    bot, user: User, store, monkeypatch
):
    real = bot.api.do_request
    broken = {"left": 1}

    async def flaky(url: str, *args: object, **kwargs: object) -> tuple[int, bytes]:
        if "/file/bot" in url and broken["left"]:
            broken["left"] -= 1
            raise NetworkError("Connection reset by peer")
        return await real(url, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(bot.api, "do_request", flaky)
    reply = await user.send_file("contacts.vcf", CARD)
    assert "couldn't fetch" in reply.lower() and "send it again" in reply.lower()
    assert "1 person" in await user.send_file("contacts.vcf", CARD)  # the preview, the second time


@pytest.mark.parametrize("typed", ["²", "lots", "99", "0", "3.5"])
async def test_a_budget_that_is_not_understood_is_named_then_the_current_one_shown(user: User, store, typed):
    await user.say("/budget 4")
    reply = await user.say(f"/budget {typed}")
    assert f"“{typed}”" in reply and "1-10" in reply
    assert "<b>4</b>" in reply  # what it still is
    assert store.notebook(UID).profile().budget == 4


async def test_a_bare_budget_shows_the_setting_without_complaint(user: User):
    reply = await user.say("/budget")
    assert "<b>3</b>" in reply and "“" not in reply and "couldn't" not in reply


@pytest.mark.parametrize("typed", ["25:99", "24:00", "7:61", "13pm", "soon"])
async def test_a_morning_time_that_is_not_understood_is_named_then_the_current_one_shown(user: User, store, typed):
    await user.say("/morning 07:15")
    reply = await user.say(f"/morning {typed}")
    assert f"“{typed}”" in reply and "couldn't read" in reply
    assert "<b>07:15</b>" in reply
    assert store.notebook(UID).profile().morning == "07:15"


async def test_a_bare_morning_shows_the_setting_without_complaint(user: User):
    reply = await user.say("/morning")
    assert "<b>08:00</b>" in reply and "couldn't" not in reply


# -- long lists page instead of flooding the chat -------------------------------------------------------------------


async def test_a_long_week_stays_in_one_message_and_pages_through_everyone(bot, user: User, store):
    from bot.store.records import Contact, Interaction, new_id

    await user.say("/start")
    notebook = store.notebook(UID)
    names = [f"Person {n:03d} " + "of a very long family name " * 5 for n in range(80)]
    with notebook.batch():  # eighty people last seen in January, each touched again this week
        for name in names:
            contact = Contact(id=new_id(), name=name, met_on="2026-01-10")
            notebook.save_contact(contact)
            notebook.add_interaction(
                Interaction(id=new_id(), contact_id=contact.id, kind="followed_up", on="2026-11-20")
            )
    before = len(bot.api.calls)
    reply = await user.say("/week")
    assert len([m for m, _ in bot.api.calls[before:] if m == "sendMessage"]) == 1
    assert "and 70 more" in reply and len(reply) < 4096

    seen: list[str] = []
    page = await user.tap("All 80")
    for _ in range(10):
        assert len(page) < 4096 and "Reconnected this week" in page
        seen += [line.removeprefix("• ").split(" ", 2)[1] for line in page.splitlines() if line.startswith("• Person")]
        if not any("Next" in label for label, _ in user.buttons):
            break
        page = await user.tap("Next")
    assert sorted(seen) == [f"{n:03d}" for n in range(80)]  # everyone, once
    assert "Your week" in await user.tap("Back")  # and back to the review
    sends = [m for m, _ in bot.api.calls[before:] if m == "sendMessage"]
    assert len(sends) == 1  # paging edits the one message in place


async def test_many_tags_stay_in_one_message(bot, user: User, store):
    from bot.store.records import Contact, new_id

    await user.say("/start")
    notebook = store.notebook(UID)
    with notebook.batch():
        for n in range(400):
            notebook.save_contact(Contact(id=new_id(), name=f"Person {n}", tags=[f"tag-number-{n:04d}-of-many"]))
    before = len(bot.api.calls)
    reply = await user.say("/tag")
    assert len([m for m, _ in bot.api.calls[before:] if m == "sendMessage"]) == 1
    assert "more tags" in reply
