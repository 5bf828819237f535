"""/tag, /contacts #tag, /remind and "remind me ..." through the real Application."""

from __future__ import annotations

from tests.conftest import User

USER = 4242


async def test_tag_people_and_list_them_by_tag(user: User, store):
    await user.say("/met Jane from Acme at PyCon")
    await user.say("/met Sam at the book club")
    assert "#investor #fintech" in await user.say("/tag Jane Investor, #fintech")
    await user.say("/tag Sam investor")
    reply = await user.say("/contacts #investor")
    assert "#investor</b>: 2 people" in reply
    assert "Jane" in reply and "Sam" in reply
    assert any("Jane" in label for label, _ in user.buttons)
    assert "#fintech: 1 person" in await user.say("/tag")
    assert "removed #fintech" in await user.say("/tag Jane -fintech")
    assert "No one is tagged #fintech" in await user.say("/contacts #fintech")
    assert [c.tags for c in store.notebook(USER).contacts() if c.name == "Jane"] == [["investor"]]


async def test_tag_asks_which_one_when_two_people_share_a_name(user: User, store):
    await user.say("/met Jane Doe from Acme at PyCon")
    await user.say("/met Jane Roe from Globex at the book club")
    assert "Jane" in await user.say("/tag Jane investor")
    await user.tap("Acme")
    jane = next(c for c in store.notebook(USER).contacts() if c.company == "Acme")
    assert jane.tags == ["investor"]


async def test_tag_without_tags_explains(user: User):
    await user.say("/met Jane at PyCon")
    assert "/tag Jane investor" in await user.say("/tag Jane")


async def test_remind_creates_a_dated_reminder(user: User, store):
    await user.say("/met Jane from Acme at PyCon")
    reply = await user.say("/remind Jane 12 Jan: ask about the launch")
    assert "I'll remind you in January (Tue 12 Jan): Jane - ask about the launch" in reply
    [promise] = store.notebook(USER).promises()
    assert (promise.kind, promise.due_on, promise.text) == ("reminder", "2027-01-12", "ask about the launch")


async def test_remind_me_typed_without_a_command(user: User, store):
    await user.say("/met Sam Lee at the book club")
    reply = await user.say("remind me in 2 weeks to ping Sam")
    assert "Sam Lee - ping Sam" in reply
    [promise] = store.notebook(USER).promises()
    assert (promise.kind, promise.due_on) == ("reminder", "2026-12-06")


async def test_remind_without_a_day_or_a_known_person_says_how(user: User):
    await user.say("/met Jane at PyCon")
    assert "remind me in 2 weeks to ping Sam" in await user.say("/remind Jane ask about the launch")
    assert "Zed" in await user.say("/remind Zed tomorrow: hello")


async def test_a_reminder_lands_in_that_mornings_plan_and_stays_until_done(user: User, clock):
    from datetime import timedelta

    await user.say("/met Jane from Acme at PyCon")
    await user.say("/remind Jane in 3 days: ask about the launch")
    assert "about the launch" not in await user.say("/today")
    start = clock.now()
    clock.set(start + timedelta(days=3))
    today = await user.say("/today")
    assert "⏰ Reminder - Jane" in today and "Ask about the launch" in today
    clock.set(start + timedelta(days=4))
    assert "A reminder for yesterday" in await user.say("/today")
    await user.tap("1 Done")
    assert "about the launch" not in await user.say("/today")


async def test_a_birthday_from_a_vcard_brings_a_nudge_on_the_day(user: User, clock):
    from datetime import timedelta

    card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ortiz\r\nBDAY:1985-11-24\r\nEND:VCARD\r\n"
    await user.send_file("ana.vcf", card)
    await user.tap("Import 1")
    assert "birthday" not in (await user.say("/today")).lower()
    clock.set(clock.now() + timedelta(days=2))  # 24 November
    assert "It&#39;s Ana&#39;s birthday today" in await user.say("/today")


async def test_a_birthday_from_a_note_brings_a_nudge_on_the_day(user: User, clock, store):
    from datetime import timedelta

    await user.say("/met Tom at the book club")
    await user.say("/note Tom: his birthday is 24 Nov")
    assert [c.birthday for c in store.notebook(USER).contacts()] == ["11-24"]
    clock.set(clock.now() + timedelta(days=2))
    assert "Birthday - Tom" in await user.say("/today")


async def test_find_hash_tag_filters_by_the_tag_itself(user: User):
    await user.say("/met Jane from Acme at PyCon")
    await user.say("/met Sam at the book club")
    await user.say("/met Ivo, an investor relations lead at Globex")
    await user.say("/tag Jane investor")
    await user.say("/tag Sam investor climate")
    reply = await user.say("/find #investor")
    assert "Jane" in reply and "Sam" in reply and "Ivo" not in reply
    reply = await user.say("/find #investor #climate")
    assert "Sam" in reply and "Jane" not in reply
    reply = await user.say("/find #investor acme")
    assert "Jane" in reply and "Sam" not in reply
