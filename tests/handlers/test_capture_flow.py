"""Capturing people and logging what happened, as a user would in Telegram."""

from __future__ import annotations

import pytest

from bot.local_api import LocalChat
from bot.store.view import network_of
from tests.conftest import User


async def test_met_saves_the_person_and_suggests_the_next_step(user: User, store):
    reply = await user.say("/met Jane at the editors happy hour")
    assert "Saved <b>Jane</b>" in reply
    assert "\n📍 the editors happy hour, today" in reply  # each fact on its own line
    assert "/draft thanks Jane" in reply
    [jane] = store.notebook(4242).contacts()
    assert (jane.name, jane.met_context, jane.met_on) == ("Jane", "the editors happy hour", "2026-11-22")


async def test_plain_message_without_slash_captures_several_people(user: User, store):
    reply = await user.say("met Jane and Tom at PyCon")
    assert "Jane" in reply and "Tom" in reply
    names = sorted(c.name for c in store.notebook(4242).contacts())
    assert names == ["Jane", "Tom"]
    # The same event is logged for each.
    assert {i.context for i in store.notebook(4242).interactions()} == {"PyCon"}


async def test_met_understands_company_interests_and_promises(user: User, store):
    reply = await user.say(
        "/met Priya (CTO, Globex) at Web Summit - interested in climate tech; promised to send her the Ferrazzi book"
    )
    assert "CTO, Globex" in reply
    assert "climate tech" in reply
    assert "Ferrazzi book" in reply
    assert "/draft followup Priya" in reply
    notebook = store.notebook(4242)
    [priya] = notebook.contacts()
    assert priya.company == "Globex" and priya.role == "CTO"
    assert [p.text for p in notebook.promises() if p.is_open] == ["send her the Ferrazzi book"]


async def test_met_without_a_name_explains_with_an_example(user: User, store):
    reply = await user.say("/met")
    assert "/met Jane" in reply
    reply = await user.say("/met at the party")
    assert "met" in reply.lower() and "Jane" in reply
    assert store.notebook(4242).contacts() == []


async def test_meeting_someone_again_asks_before_merging_a_partial_name(user: User, store):
    await user.say("/met Jane Doe at PyCon")
    reply = await user.say("/met Jane at the book club")
    assert "someone you already know" in reply
    await user.tap("Jane Doe")
    notebook = store.notebook(4242)
    assert len(notebook.contacts()) == 1
    assert len(notebook.interactions()) == 2


async def test_a_new_person_with_a_known_first_name_can_be_kept_apart(user: User, store):
    await user.say("/met Jane Doe at PyCon")
    await user.say("/met Jane at the book club")
    reply = await user.tap("new Jane")
    assert "Saved <b>Jane</b>" in reply
    assert len(store.notebook(4242).contacts()) == 2


async def test_got_creates_a_thank_you_and_the_draft_closes_it(user: User, store):
    await user.say("/met Tom from Acme at the meetup")
    reply = await user.say("/got Tom reviewed my CV")
    assert "thank-you to do" in reply
    notebook = store.notebook(4242)
    [thanks] = [p for p in notebook.promises() if p.kind == "thanks"]
    assert thanks.is_open
    await user.tap("thank-you")
    assert "CV" in user.text
    reply = await user.tap("I sent it")
    assert "Closed" in reply
    assert not notebook.promise(thanks.id).is_open


async def test_note_learns_interests_and_promises_and_done_closes_them(user: User, store):
    await user.say("/met Jane at the meetup")
    reply = await user.say("/note Jane: loves jazz, I'll send her the playlist")
    assert "jazz" in reply and "playlist" in reply
    card = await user.say("/contact jane")
    assert "jazz" in card and "playlist" in card
    reply = await user.say("/done Jane playlist")
    assert "Promise kept" in reply
    assert network_of(store.notebook(4242)).open_promises() == []


async def test_done_with_several_open_promises_asks_which(user: User, store):
    await user.say("/met Jane at the meetup, promised to send her the deck")
    await user.say("/note Jane: I'll intro her to Sam")
    reply = await user.say("/done Jane")
    assert "Which one" in reply
    await user.tap("deck")
    open_ = network_of(store.notebook(4242)).open_promises()
    assert [p.text for p in open_] == ["intro her to Sam"]


async def test_gave_logs_the_give_get_balance(user: User):
    await user.say("/met Jane at the meetup")
    reply = await user.say("/gave Jane the climate tech article")
    assert "1 given, 0 received" in reply


async def test_unknown_name_suggests_close_names_with_buttons(user: User):
    await user.say("/met Jane at the meetup")
    reply = await user.say("/note Jnae: likes tea")
    assert "Did you mean" in reply
    reply = await user.tap("Jane")
    assert "Noted for <b>Jane</b>" in reply


async def test_someone_unknown_is_added_with_one_tap_and_nothing_typed_is_lost(user: User):
    reply = await user.say("/got Sam an intro to the hiring manager")
    assert "isn't in your notebook yet" in reply
    reply = await user.tap("Add Sam")
    assert "Sam" in reply and "thank-you" in reply.lower()
    card = await user.say("/contact Sam")
    assert "an intro to the hiring manager" in card
    reply = await user.say("/gave Zed the book")
    await user.tap("Add Zed")
    assert "the book" in await user.say("/contact Zed")


@pytest.mark.parametrize(
    "text",
    [
        "/note",
        "/gave",
        "/got",
        "/done",
        "/note Jane",
        "/gave Jane",
        "/draft",
        "/contact",
        "/forget",
        "🎉🎉🎉",
        "مرحبا",
        "\u202eevil\u202c",
        "\x00\x01hi\x07",
        "/nosuchcommand",
        "hello there",
    ],
)
async def test_bad_input_gets_a_clear_reply_and_no_error(user: User, text: str):
    reply = await user.say(text)
    assert reply.strip()
    assert "Traceback" not in reply


async def test_user_text_is_escaped_and_never_evaluated(user: User, store):
    reply = await user.say("/met Bob <b>Smith</b> at {{ 7*7 }} party, loves <i>jazz</i>")
    assert "49" not in reply
    assert "<b>Smith</b>" not in reply.replace("<b>Bob", "")
    assert "&lt;" in reply
    card = await user.say("/contact Bob")
    assert "49" not in card and "{{ 7*7 }}" in card


async def test_a_ten_thousand_character_note_is_saved_whole_and_replies_fit(user: User, store):
    await user.say("/met Jane at the meetup")
    long_note = "She talked about climate policy. " * 300
    await user.say(f"/note Jane: {long_note}")
    notes = [i.text for i in store.notebook(4242).interactions() if i.kind == "note"]
    assert notes == [long_note.strip()]
    await user.say("/contact Jane")
    assert all(len(p["text"]) <= 4096 for p in user.last)


async def test_a_very_long_met_message_is_kept_whole(user: User, store):
    long_text = "Jane at the conference, " + "we talked about climate policy and jazz. " * 250
    reply = await user.say(f"/met {long_text}")
    assert "Saved <b>Jane</b>" in reply
    [met] = store.notebook(4242).interactions()
    assert met.text == long_text.strip()


async def test_rtl_and_accented_names_resolve_insensitively(user: User):
    await user.say("/met José Álvarez at the conference")
    reply = await user.say("/contact jose")
    assert "José Álvarez" in reply


async def test_other_users_never_see_my_contacts(bot, user: User, store):
    await user.say("/met Jane Secret at the meetup, loves jazz")
    jane = store.notebook(4242).contacts()[0]
    stranger = User(bot, LocalChat(user_id=777, first_name="Eve"))
    reply = await stranger.say("/contact Jane")
    assert "Secret" not in reply and "jazz" not in reply
    # A forged button with Jane's id finds nothing in Eve's own notebook.
    reply = await stranger.press(f"card:{jane.id}")
    assert "Secret" not in reply and "expired" in reply
    await stranger.press(f"forget:{jane.id}:yes")
    assert store.notebook(4242).contact(jane.id) is not None


async def test_group_chats_reveal_nothing(bot, user: User):
    await user.say("/met Jane Secret at the meetup")
    group = User(bot, LocalChat(user_id=4242, first_name="Alex", chat_type="group", chat_id=-100123))
    reply = await group.say("/contacts")
    assert "private chat" in reply and "Secret" not in reply
    assert await group.say("met Tom at lunch") == ""  # plain group chatter is ignored


async def test_buttons_with_garbage_data_are_refused_politely(user: User):
    for data in ("card:zzzz", "x" * 80, "pick:00000000:11111111", "nudge:done:deadbeef", "keep:12345678"):
        reply = await user.press(data)
        assert "expired" in reply or any("expired" in a for a in user.alerts), data


async def test_how_they_met_is_said_back_and_kept_on_the_card(user: User, store):
    reply = await user.say("coffee chat w Priya Nair from Kite, she's hiring a designer")
    assert "Saved <b>Priya Nair</b>" in reply
    assert "\n📅 Coffee chat, today" in reply
    card = await user.say("/contact Priya")
    assert "met (coffee chat)" in card, card
