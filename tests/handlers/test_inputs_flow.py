"""Everything people send that is not typed text, as real Telegram updates through the real Application."""

from __future__ import annotations

import time
from typing import Any

from conftest import User


async def send(user: User, **content: Any) -> str:
    """A message carrying ``content`` (a contact, a photo, a location...) from ``user``."""
    number = next(user.chat._ids)
    message = {"message_id": number, "date": int(time.time()), "chat": user.chat.chat, "from": user.chat.user}
    user.last = await user.bot.process({"update_id": number, "message": {**message, **content}})
    return user.text


async def test_a_shared_contact_becomes_a_contact_then_where_you_met(user: User):
    contact = {"phone_number": "+44 7700 900123", "first_name": "Bob", "last_name": "Stone", "user_id": 555}
    reply = await send(user, contact=contact)
    assert "Saved <b>Bob Stone</b>" in reply and "Where did you meet?" in reply
    reply = await user.say("at the expo yesterday, he's a CTO at Initech, loves sailing")
    assert "Bob Stone" in reply and "the expo" in reply and "yesterday" in reply and "sailing" in reply
    assert (await user.say("/contacts")).count("Bob Stone") == 1
    assert "+44 7700 900123" in await user.say("/contact Bob")
    reply = await send(user, contact=contact)  # shared again: the same person, not a second Bob
    assert "Updated <b>Bob Stone</b>" in reply


async def test_a_photo_caption_reads_like_a_typed_line(user: User):
    photo = [{"file_id": "p1", "file_unique_id": "p1", "width": 90, "height": 90}]
    reply = await send(user, photo=photo, caption="met Bob at the expo, PM at Acme")
    assert "Saved <b>Bob</b> - PM, Acme" in reply


async def test_a_document_caption_too_but_contact_files_go_to_the_importer(user: User):
    document = {"file_id": "d1", "file_unique_id": "d1", "file_name": "badge.pdf", "file_size": 10}
    reply = await send(user, document=document, caption="had coffee w/ Ann at the expo")
    assert "Saved <b>Ann</b>" in reply
    file_id = user.bot.api.add_file(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoe Vcard\r\nEND:VCARD\r\n")
    vcf = {"file_id": file_id, "file_unique_id": file_id, "file_name": "zoe.vcf", "file_size": 60}
    reply = await send(user, document=vcf, caption="met Zoe Vcard at the fair")
    assert "Saved" not in reply  # the importer's, with its own preview


async def test_a_forward_from_a_person_offers_to_log_a_touch(user: User):
    origin = {"type": "user", "date": 1, "sender_user": {"id": 777, "is_bot": False, "first_name": "Kate"}}
    reply = await send(user, forward_origin=origin, text="see you thursday!")
    assert "Log a touch with <b>Kate</b>?" in reply
    reply = await user.tap("Yes")
    assert "Saved <b>Kate</b>" in reply
    reply = await send(user, forward_origin=origin, text="thanks for the intro")
    await user.tap("Yes")
    assert (await user.say("/contacts")).count("Kate") == 1
    hidden = {"type": "hidden_user", "date": 1, "sender_user_name": "Mystery Person"}
    assert "Mystery Person" in await send(user, forward_origin=hidden, text="hi")
    channel = {"type": "channel", "date": 1, "chat": {"id": -100, "type": "channel", "title": "News"}, "message_id": 5}
    assert "channel or a group" in await send(user, forward_origin=channel, text="big news")


async def test_a_location_sets_the_time_zone(user: User):
    reply = await send(user, location={"latitude": 28.2096, "longitude": 83.9856})  # Pokhara
    assert "Asia/Kathmandu" in reply


async def test_voice_notes_and_stickers_get_a_kind_pointer(user: User):
    reply = await send(user, voice={"file_id": "v", "file_unique_id": "v", "duration": 3})
    assert "voice notes" in reply and "met Jane" in reply
    sticker = {"file_id": "s", "file_unique_id": "s", "type": "regular", "width": 1, "height": 1}
    reply = await send(user, sticker={**sticker, "is_animated": False, "is_video": False})
    assert "sticker" in reply and "met Jane" in reply


async def test_an_ambiguous_city_gets_buttons(user: User):
    reply = await user.say("/timezone Portland")
    assert "more than one" in reply
    reply = await user.tap("ME, US")
    assert "America/New_York" in reply
    assert "Asia/Kathmandu" in await user.say("/timezone Pokhara")


async def test_chat_after_a_shared_contact_is_not_taken_for_where_you_met(user: User):
    await send(user, contact={"phone_number": "+1 555 0100", "first_name": "Cleo", "user_id": 556})
    reply = await user.say("thanks!")
    assert "Saved" not in reply and "Logged" not in reply
