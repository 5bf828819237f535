"""/draft: a personal note from real context, in its own message, easy to copy and to adjust in place."""

from __future__ import annotations

import json
from html import unescape

import pytest

from bot.store.view import network_of
from tests.conftest import User


def markup(params: dict) -> list[dict]:
    raw = params.get("reply_markup") or {}
    raw = json.loads(raw) if isinstance(raw, str) else raw
    return [b for row in raw.get("inline_keyboard", []) for b in row]


def note_of(params: dict) -> str:
    text = str(params["text"])
    assert text.startswith("<blockquote>") and text.endswith("</blockquote>"), text
    return text.removeprefix("<blockquote>").removesuffix("</blockquote>")


async def test_draft_thanks_cites_real_context_in_its_own_message(user: User):
    await user.say("/met Jane from Acme at the editors happy hour, loves jazz")
    await user.say("/draft thanks Jane")
    header, draft = user.last
    assert "thank-you to Jane" in header["text"]
    note = note_of(draft)
    assert note.startswith("Hi Jane") or "Jane" in note.split("\n")[0]
    assert "editors happy hour" in note
    for artefact in ("None", "{{", "}}", "[]", "["):
        assert artefact not in note
    labels = [b["text"] for b in markup(draft)]
    assert labels == ["📋 Copy", "✅ I sent it", "🔄 Other wording", "✂️ Shorter", "🎩 More formal"]
    copy = markup(draft)[0]
    assert copy["copy_text"]["text"] == unescape(note)


async def test_open_chat_when_the_contact_has_a_telegram_username(user: User, store):
    await user.say("/met Jane from Acme at the editors happy hour")
    notebook = store.notebook(4242)
    jane = notebook.contacts()[0]
    jane.username = "jane_doe"
    notebook.save_contact(jane)
    await user.say("/draft reconnect Jane")
    buttons = markup(user.last[-1])
    assert {"text": "💬 Open chat", "url": "https://t.me/jane_doe"} in buttons


async def test_followup_draft_keeps_the_promise_and_sent_closes_it(user: User, store):
    await user.say("/met Priya at Web Summit, promised to send her the Ferrazzi book")
    await user.say("/draft follow-up Priya")
    assert "the Ferrazzi book I mentioned" in user.text or "the Ferrazzi book" in user.text
    assert "send her" not in user.text.split("\n\n", 1)[1]
    reply = await user.tap("I sent it")
    assert "Closed" in reply and "Ferrazzi" in reply
    assert network_of(store.notebook(4242)).open_promises() == []


@pytest.mark.parametrize("label", ["Other wording", "Shorter", "More formal"])
async def test_other_wording_shorter_and_more_formal_edit_the_draft_in_place(user: User, bot, label: str):
    await user.say("/met Jane at the editors happy hour, loves jazz, she is hiring a designer")
    await user.say("/draft reconnect Jane")
    first = note_of(user.last[-1])
    before = len(bot.api.calls)
    await user.tap(label)
    methods = [m for m, _ in bot.api.calls[before:] if m in ("sendMessage", "editMessageText")]
    assert methods == ["editMessageText"]
    edited = note_of(user.last[-1])
    assert edited != first
    if label == "Shorter":
        assert len(edited) < len(first)
        assert "✂️ Shorter" not in [b["text"] for b in markup(user.last[-1])]
    if label == "More formal":
        assert edited.startswith("Dear Jane,") and "Kind regards" in edited


async def test_share_says_what_to_paste(user: User):
    await user.say("/met Ana at the climate breakfast, into urban beekeeping")
    await user.say("/draft share Ana")
    header, draft = user.last
    assert "paste a link to" in header["text"] and "about urban beekeeping" in header["text"]
    assert "[link]" not in draft["text"]


async def test_intro_asks_both_first_and_logs_the_give_only_when_introduced(user: User, store):
    await user.say("/met Jane Doe from Acme at PyCon, she is looking for a lawyer")
    await user.say("/met Tom Lee, lawyer at Beta Legal, at the meetup")
    await user.say("/draft intro Jane and Tom")
    header, ask_jane, ask_tom = user.last
    assert "two steps" in header["text"] and "Jane needs a lawyer" in header["text"]
    assert note_of(ask_jane).split("\n")[0].endswith("Jane,") and "Tom Lee" in note_of(ask_jane)
    assert note_of(ask_tom).split("\n")[0].endswith("Tom,") and "Jane needs a lawyer" in note_of(ask_tom)
    await user.tap("I sent it")
    notebook = store.notebook(4242)
    kinds = sorted(i.kind for i in notebook.interactions())
    assert "gave" not in kinds and "asked" in kinds
    user.last = [ask_tom]
    await user.tap("Both said yes")
    header, intro = user.last
    assert "introduction" in header["text"]
    text = note_of(intro)
    first_line = text.split("\n")[0]
    assert "Jane" in first_line and "Tom" in first_line and "Jane, meet Tom Lee." in text
    await user.tap("I sent it")
    gave = [i for i in store.notebook(4242).interactions() if i.kind == "gave"]
    assert sorted(i.text for i in gave) == ["introduced to Jane Doe", "introduced to Tom Lee"]


async def test_intro_without_a_reason_says_what_would_make_one(user: User):
    await user.say("/met Jane from Acme at PyCon")
    await user.say("/met Tom from Globex at the meetup")
    reply = unescape(await user.say("/draft intro Jane and Tom"))
    assert "can't see a reason" in reply and "/note Jane" in reply


async def test_colleagues_are_not_introduced(user: User):
    await user.say("/met Jane from Acme at PyCon, into urban beekeeping")
    await user.say("/met Tom from Acme at the meetup, into urban beekeeping")
    reply = await user.say("/draft intro Jane and Tom")
    assert "both work at Acme" in reply


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


async def test_a_new_job_replaces_the_company_in_every_draft(user: User):
    await user.say("/met Lisa from Google at the design meetup")
    await user.say("/note Lisa: started a new job at Anthropic")
    for kind in ("reconnect", "congrats", "followup", "share"):
        await user.say(f"/draft {kind} Lisa")
        assert "Google" not in user.last[-1]["text"], user.last[-1]["text"]


async def test_a_follow_up_to_someone_hiring_the_role_you_want_says_so(user: User):
    await user.say("/goal land a product manager role at a fintech")
    await user.say("/met Hana from Monzo at the fintech breakfast, hiring a PM")
    await user.say("/draft follow-up Hana")
    note = unescape(note_of(user.last[-1]))
    assert "hiring a PM" in note and "exactly the role I'm after" in note, note


async def test_shorter_on_a_congratulation_is_shorter(user: User):
    await user.say("/met Jane from Acme at the editors happy hour")
    await user.say("/note Jane: got promoted to VP")
    await user.say("/draft congrats Jane")
    first = note_of(user.last[-1])
    await user.tap("Shorter")
    assert len(note_of(user.last[-1])) < len(first)


async def test_congratulations_on_a_story_published_name_the_story(user: User):
    await user.say("/met Eve Park at the writers night")
    await user.say("/note Eve: her story was published in the New Yorker")
    await user.say("/draft congrats Eve")
    assert "your story in the New Yorker" in unescape(note_of(user.last[-1]))
