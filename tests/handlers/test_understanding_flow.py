"""Capture as people type it: no /met needed, questions when unsure, one-tap fixes, edits that update in place."""

from __future__ import annotations

import time
from typing import Any

from conftest import User


def edited(user: User, message: dict[str, Any], text: str, edit_date: int) -> dict[str, Any]:
    """The update Telegram sends when ``message`` is edited to ``text``."""
    number = next(user.chat._ids)
    return {"update_id": number, "edited_message": {**message, "text": text, "edit_date": edit_date}}


async def say(user: User, text: str) -> tuple[str, dict[str, Any]]:
    update = user.chat.message(text)
    user.last = await user.bot.process(update)
    return user.text, update["message"]


async def test_any_way_of_saying_a_meeting_is_a_capture(user: User):
    reply = await user.say("grabbed coffee w/ sam (PM @ stripe) - wants intro to a designer")
    assert "Saved <b>Sam</b> - PM, stripe" in reply
    assert "Looking for: intro to a designer" in reply
    reply = await user.say("ran into carlos at the airport lol")
    assert "Saved <b>Carlos</b>" in reply and "the airport" in reply


async def test_a_line_about_someone_known_logs_a_touch_not_a_duplicate(user: User):
    await user.say("met Priya Shah at PyCon")
    reply = await user.say("lunch w Priya Shah yday, she's hiring a designer")
    assert "another meeting with <b>Priya Shah</b>" in reply
    assert (await user.say("/contacts")).count("Priya Shah") == 1


async def test_a_name_with_a_clue_but_no_verb_gets_a_question(user: User):
    reply = await user.say("Sam's boss, Lauren, at the offsite")
    assert "Log a meeting with <b>Lauren</b>?" in reply
    reply = await user.tap("Yes, log it")
    assert "Saved <b>Lauren</b>" in reply
    reply = await user.say("Tom, the conference")
    assert "Saved" not in reply


async def test_chat_is_never_a_contact(user: User):
    for text in ("meeting tomorrow?", "thanks!", "had a great day today", "ran 10k this morning"):
        reply = await user.say(text)
        assert "Saved" not in reply and "Log a meeting" not in reply


async def test_a_meeting_in_the_future_is_a_question(user: User):
    reply = await user.say("met Vik tmrw at the offsite")
    assert "still ahead" in reply and "Saved" not in reply
    reply = await user.tap("Not yet")
    assert "nothing saved" in reply.lower()
    assert "Vik" not in await user.say("/contacts")


async def test_many_people_are_asked_about_never_silently_cut(user: User):
    names = "Ann, Ben, Cy, Dee, Eve, Fay, Gus, Hal, Ida, Jo, Kay and Lu"
    reply = await user.say(f"met {names} at the offsite")
    assert "12 people" in reply
    reply = await user.tap("Save all 12")
    assert reply.count("Saved") == 12 and "Lu" in reply


async def test_two_people_with_the_same_name_are_asked_about(user: User):
    reply = await user.say("met Sam and Sam at the bar")
    assert "named <b>Sam</b> twice" in reply
    reply = await user.tap("One Sam")
    assert reply.count("Saved") == 1


async def test_relations_titles_and_introducers(user: User):
    await user.say("met Jane Doe at the book club")
    reply = await user.say("met jane's husband mark at the bbq, he's a pilot at united")
    assert "Saved <b>Mark</b> - pilot, united" in reply and "Husband of Jane" in reply
    card = await user.say("/contact Mark")
    assert "Husband of Jane Doe" in card
    reply = await user.say("met Dr Kim thru Priya at the hospital fundraiser")
    assert "Dr. Kim" in reply and "Introduced by Priya" in reply


async def test_fix_corrects_the_same_records_in_one_reply(user: User):
    await user.say("met Mary Jane at the paper, editor at the Bugle")
    await user.tap("Fix")
    reply = await user.say("met Mary Jane Watson, editor at the Daily Bugle, at the paper yesterday")
    assert "Fixed" in reply and "Mary Jane Watson" in reply and "the Daily Bugle" in reply
    people = await user.say("/contacts")
    assert "Mary Jane Watson" in people and people.count("Mary Jane") == 1
    card = await user.say("/contact Mary Jane Watson")
    assert card.count("met at the paper") == 1 and "yesterday" in card  # the same timeline entry, corrected


async def test_fix_splits_one_person_wrongly_read_as_one(user: User):
    await user.say("met Ann Bo at the gym")
    await user.tap("Fix")
    reply = await user.say("met Ann and Bo at the gym")
    assert reply.count("Saved") == 2
    people = await user.say("/contacts")
    assert "Ann Bo" not in people and "Ann" in people and "Bo" in people


async def test_editing_the_message_updates_that_capture_once(user: User):
    _, message = await say(user, "met Jon at the meetup")
    stamp = int(time.time())
    user.last = await user.bot.process(edited(user, message, "met Jonathan Reyes at the meetup, CTO at Acme", stamp))
    assert "Fixed" in user.text and "Jonathan Reyes" in user.text
    # The same edit delivered again, and an edit of a /met message: never a second contact.
    user.last = await user.bot.process(edited(user, message, "met Jonathan Reyes at the meetup, CTO at Acme", stamp))
    assert user.text == ""
    people = await user.say("/contacts")
    assert people.count("Jonathan Reyes") == 1 and "Jon " not in people
    assert (await user.say("/contact Jonathan")).count("• today - met") == 1


async def test_an_edited_command_never_runs_twice(user: User):
    _, message = await say(user, "/gave Jon the book")
    user.last = await user.bot.process(edited(user, message, "/gave Jon the new book", int(time.time())))
    assert user.text == ""


async def test_find_searches_everything_and_contact_falls_back_to_it(user: User):
    await user.say("met Иван Петров at the conference, PM at Acme, loves jazz")
    await user.say("met Raj at YC demo day, needs a lawyer")
    reply = await user.say("/find ivan")
    assert "Иван Петров" in reply
    reply = await user.say("/find lawyer")
    assert "Raj" in reply and "needs: a lawyer" in reply
    reply = await user.tap("Raj")
    assert "Looking for: a lawyer" in reply
    reply = await user.say("/contact Acme")
    assert "Иван Петров" in reply and "company: Acme" in reply
    assert "Nobody matches" in await user.say("/find kitesurfing")


async def test_export_carries_what_capture_understood(bot, user: User):
    import orjson

    await user.say("met Jane Doe at the book club")
    await user.say("met jane's husband Dr Mark Doe at the bbq, needs a lawyer, can help with visas, bday is may 3")
    await user.say("met Bo at Web Summit, promised to send him my deck by friday")
    await user.say("/export")
    [document] = bot.api.sent("sendDocument")
    [(_, content)] = document["files"].values()
    data = orjson.loads(content)
    people = {c["name"]: c for c in data["contacts"]}
    mark, jane = people["Mark Doe"], people["Jane Doe"]
    assert mark["title"] == "Dr" and mark["needs"] == ["a lawyer"] and mark["offers"] == ["visas"]
    assert mark["birthday"] == "05-03"
    assert mark["links"] == [{"contact_id": jane["id"], "as": "husband"}]
    [promise] = [p for p in data["promises"] if p["text"] == "send him my deck"]
    assert promise["due_on"] == "2026-11-27"


async def test_questions_about_a_capture_survive_a_restart(bot, user: User):
    from bot.context import services

    await user.say("met Jane Doe at the book club")
    await user.say("met Jane Roe at the gym")
    reply = await user.say("coffee w/ Jane yday")
    assert "someone you already know" in reply
    services(bot.app).store.drop(4242)  # as after a restart: the notebook is read back from disk
    reply = await user.tap("Jane Doe")
    assert "another meeting with <b>Jane Doe</b>" in reply
    await user.say("met Vik tmrw at the offsite")
    services(bot.app).store.drop(4242)
    assert "Saved <b>Vik</b>" in await user.tap("We met already")


async def test_each_capture_saves_only_itself_and_the_last_forty_stay_fixable(user: User, store):
    for n in range(45):
        await user.say(f"/met Person{n} Test at a product meetup")
    lines = store.path_for(4242).read_bytes().split(b"\n")
    assert len(lines[-2]) < 3_000  # the last save: this capture, not all forty kept ones again
    state = store.notebook(4242).state_values()
    assert len([key for key in state if key.startswith("capture:")]) == 40
    await user.tap("Fix")
    assert "Fixed" in await user.say("met Person44 Tester at a product meetup")
    assert "Person44 Tester" in await user.say("/contact Person44")


async def test_a_notebook_keeping_captures_the_old_way_still_fixes_and_forgets(user: User, store):
    from bot.coach.journal import captures as journal

    await user.say("met Mary Jane at the paper, editor at the Bugle")
    notebook = store.notebook(4242)
    token = journal.capture_tokens(notebook)[0]
    with notebook.batch():  # as an older release left it: every capture in one value
        notebook.set_state(journal.CAPTURES, {token: journal.captured(notebook, token)})
        notebook.delete_state(journal.capture_key(token))
        notebook.delete_state(journal.CAPTURE_TOKENS)
    store.drop(4242)
    await user.tap("Fix")
    reply = await user.say("met Mary Jane Watson, editor at the Daily Bugle, at the paper yesterday")
    assert "Fixed" in reply and "Mary Jane Watson" in reply
    state = store.notebook(4242).state_values()
    assert journal.CAPTURES not in state and journal.capture_key(token) in state  # moved to the new layout
    await user.say("met Tom at lunch")
    await user.say("/forget Mary Jane Watson")
    await user.tap("Yes, delete")
    data = store.path_for(4242).read_bytes()
    assert b"Bugle" not in data and b"Tom" in data
