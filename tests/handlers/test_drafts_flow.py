"""/draft: a personal note from real context, in its own message."""

from __future__ import annotations

import pytest

from tests.conftest import User


async def test_draft_thanks_cites_real_context_in_its_own_message(user: User):
    await user.say("/met Jane from Acme at the editors happy hour, loves jazz")
    await user.say("/draft thanks Jane")
    header, note = [p["text"] for p in user.last]
    assert "thank-you to Jane" in header
    assert note.startswith("Hi Jane") or "Jane" in note.split("\n")[0]
    assert "editors happy hour" in note
    for artefact in ("None", "{{", "}}", "[]"):
        assert artefact not in note
    assert [label for label, _ in user.buttons] == ["✅ I sent it", "🔄 Other wording"]


async def test_followup_draft_keeps_the_promise_and_sent_closes_it(user: User, store):
    await user.say("/met Priya at Web Summit, promised to send her the Ferrazzi book")
    await user.say("/draft follow-up Priya")
    assert "Ferrazzi" in user.text
    reply = await user.tap("I sent it")
    assert "Closed" in reply and "Ferrazzi" in reply
    assert store.notebook(4242).network().open_promises() == []


async def test_other_wording_gives_a_different_note(user: User):
    await user.say("/met Jane at the editors happy hour, loves jazz")
    await user.say("/draft reconnect Jane")
    first = user.last[-1]["text"]
    await user.tap("Other wording")
    assert user.last[-1]["text"] != first


async def test_intro_is_double_opt_in_between_two_contacts(user: User):
    await user.say("/met Jane from Acme at PyCon, interested in climate tech")
    await user.say("/met Tom from Globex at the meetup, into climate tech")
    await user.say("/draft intro Jane and Tom")
    note = user.last[-1]["text"]
    assert "Jane" in note and "Tom" in note
    assert "climate tech" in note


@pytest.mark.parametrize("text", ["/draft", "/draft poem Jane", "/draft thanks"])
async def test_unknown_kind_or_missing_person_lists_the_kinds(user: User, text: str):
    reply = await user.say(text)
    for kind in ("thanks", "followup", "reconnect", "share", "intro"):
        assert kind in reply


async def test_draft_for_unknown_person_offers_close_names(user: User):
    await user.say("/met Jane at the meetup")
    reply = await user.say("/draft thanks Jnae")
    assert "Did you mean" in reply
    await user.tap("Jane")
    assert "Jane" in user.last[-1]["text"]


async def test_draft_button_on_the_met_reply_works(user: User):
    await user.say("/met Jane at the editors happy hour")
    await user.tap("Draft a note")
    assert "editors happy hour" in user.last[-1]["text"]


async def test_draft_with_just_a_name_offers_the_kinds(user: User):
    await user.say("/met Jane at the editors happy hour")
    reply = await user.say("/draft Jane")
    assert "What kind of note" in reply
    assert "Congrats" not in " ".join(label for label, _ in user.buttons)
    await user.tap("Reconnect")
    assert "Jane" in user.last[-1]["text"]
    await user.say("/note Jane: just got promoted")
    await user.say("/draft jane")
    await user.tap("Congrats")
    assert "promotion" in user.last[-1]["text"]
