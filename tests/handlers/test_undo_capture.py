"""'↩️ Undo' under the last capture, for a few minutes: the notebook as it was before that line."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import User

USER = 4242


async def test_undo_removes_the_people_a_capture_created(user: User, store):
    await user.say("/met Jane from Acme at PyCon, loves jazz, promised to send her the deck")
    assert "Undone" in await user.tap("Undo")
    notebook = store.notebook(USER)
    assert (notebook.contacts(), notebook.interactions(), notebook.promises(), notebook.facts()) == ([], [], [], [])


async def test_undo_puts_someone_met_again_back_as_they_were(user: User, store):
    await user.say("/met Jane from Acme at PyCon, loves jazz")
    notebook = store.notebook(USER)
    before = (notebook.contacts()[0].to_dict(), len(notebook.interactions()), len(notebook.facts()))
    await user.say("/met Jane at the book club, she moved to Globex as CTO, promised to send her the deck")
    if "Undo" not in " ".join(label for label, _ in user.buttons):  # "the Jane you know?"
        await user.tap("Yes")
    assert "Undone" in await user.tap("Undo")
    jane = notebook.contacts()[0]
    assert (jane.to_dict(), len(notebook.interactions()), len(notebook.facts())) == before
    assert notebook.promises() == []


async def test_only_the_last_capture_and_only_for_a_few_minutes(user: User, store, clock):
    await user.say("/met Jane at PyCon")
    old_undo = next(data for label, data in user.buttons if "Undo" in label)
    await user.say("/met Tom at the book club")
    last_undo = next(data for label, data in user.buttons if "Undo" in label)
    await user.press(old_undo)
    assert "can't be undone" in " ".join(user.alerts)
    clock.set(clock.now() + timedelta(minutes=11))
    await user.press(last_undo)
    assert "can't be undone" in " ".join(user.alerts)
    assert sorted(c.name for c in store.notebook(USER).contacts()) == ["Jane", "Tom"]


async def test_undo_takes_back_only_what_that_line_wrote(user: User, store):
    await user.say("/met Jane from Acme at PyCon, loves jazz")
    notebook = store.notebook(USER)
    await user.say("/met Jane at the book club, she moved to Globex as CTO")
    if "Undo" not in " ".join(label for label, _ in user.buttons):
        await user.tap("Yes")
    undo = next(data for label, data in user.buttons if "Undo" in label)
    await user.say("/tag Jane designers")  # written after the capture: not the capture's to take back
    await user.say("/note Jane sent me her talk slides")
    assert "Undone" in await user.press(undo)
    assert "<b>Jane</b>" in user.text
    jane = notebook.contacts()[0]
    assert (jane.company, jane.tags) == ("Acme", ["designers"])
    assert [i.kind for i in notebook.interactions(jane.id)] == ["met", "note"]
    assert "book club" not in " ".join(i.text + i.context for i in notebook.interactions(jane.id))
