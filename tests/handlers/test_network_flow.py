"""/map through the real Application."""

from __future__ import annotations

from tests.conftest import User

PNG = b"\x89PNG\r\n\x1a\n"


def photos(bot) -> list[dict]:
    return bot.api.sent("sendPhoto")


async def test_map_of_nobody_one_and_two_people_is_a_kind_word_not_a_picture(bot, user: User):
    assert "empty for now" in await user.say("/map")
    await user.say("/met Jane from Acme at PyCon")
    assert "Just Jane so far" in await user.say("/map")
    await user.say("/met Tom at PyCon")
    assert "Jane and Tom so far" in await user.say("/map")
    assert photos(bot) == []


async def test_map_sends_a_picture_and_names_hubs_and_clusters(bot, user: User):
    await user.say("/met Sam from Acme at PyCon")
    for name in ("Jane", "Tom", "Ana"):
        await user.say(f"/met {name} from Acme at the fintech meetup, introduced by Sam")
    await user.say("/met Lin at the book club")
    reply = await user.say("/map")
    [photo] = photos(bot)
    [(name, content)] = photo["files"].values()
    assert content.startswith(PNG)
    assert "5 people" in photo["caption"]
    assert "Your network: 5 people" in reply
    assert "Sam - brought you 3 people" in reply
    assert "Acme: 4 people" in reply


async def test_the_card_shows_how_strong_the_tie_is(user: User):
    await user.say("/met Jane from Acme at PyCon, loves jazz")
    assert "📶 Tie: " in await user.say("/contact Jane")


async def test_the_map_names_the_gap_for_a_goal(user: User):
    await user.say("/goal a job in fintech")
    await user.say("/met Sam from Acme at PyCon")
    await user.say("/met Jane from Acme at PyCon")
    await user.say("/met Tom from Monzo at the fintech meetup")
    await user.say("/tag Tom fintech")
    reply = await user.say("/map")
    assert "For your goals" in reply
    assert "a job in fintech (someone who works in fintech): 1 person so far - a gap; Tom may know more" in reply
