"""Seeing, paging through and deleting contacts."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import User


async def test_contacts_lists_most_recent_first_and_pages(user: User, clock):
    start = clock.now()
    for n in range(25):
        clock.set(start + timedelta(minutes=n))
        await user.say(f"/met Person{n:02d} Test at event {n}")
    await user.say("/note Person03: caught up over coffee")
    reply = await user.say("/contacts")
    assert "(25)" in reply and "page 1 of 3" in reply
    assert reply.index("Person03") < reply.index("Person24")
    reply = await user.tap("Older")
    assert "page 2 of 3" in reply


async def test_empty_notebook_explains_how_to_start(user: User):
    reply = await user.say("/contacts")
    assert "empty" in reply and "met Jane" in reply


async def test_card_shows_everything_known(user: User):
    await user.say("/met Sam Lee at the founders dinner")
    await user.say(
        "/met Dr. Ana Ortiz from Acme at the school gate via Sam Lee, loves jazz, promised to send her the deck"
    )
    card = await user.say("/contact ana")
    for expected in (
        "Dr. Ana Ortiz",
        "Acme",
        "the school gate",
        "Introduced by Sam Lee",
        "jazz",
        "send her the deck",
        "Timeline",
    ):
        assert expected in card


async def test_two_janes_are_never_silently_picked(user: User):
    await user.say("/met Jane Doe from Acme at PyCon")
    await user.say("/met Jane Roe from Globex at the meetup")
    reply = await user.say("/contact Jane")
    assert "Which <b>Jane</b>" in reply
    labels = [label for label, _ in user.buttons]
    assert any("Jane Doe" in label for label in labels) and any("Jane Roe" in label for label in labels)
    card = await user.tap("Jane Roe")
    assert "Globex" in card and "Acme" not in card


async def test_forget_asks_first_then_deletes(user: User, store):
    await user.say("/met Jane at the meetup")
    reply = await user.say("/forget Jane")
    assert "can't be undone" in reply
    assert len(store.notebook(4242).contacts()) == 1
    await user.tap("Keep")
    assert len(store.notebook(4242).contacts()) == 1
    await user.say("/forget Jane")
    reply = await user.tap("Yes, delete")
    assert "Deleted Jane" in reply
    assert store.notebook(4242).contacts() == []
    assert store.notebook(4242).interactions() == []
