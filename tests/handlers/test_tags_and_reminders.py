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
