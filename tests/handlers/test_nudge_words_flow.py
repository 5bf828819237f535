"""What the user types on a phone comes back in the morning as whole sentences, and the Draft button says the same
thing to the other person (docs/coaching.md, "Respecting attention", Words)."""

from __future__ import annotations

from tests.conftest import User


def _number(text: str, words: str) -> str:
    """The number of the step whose text holds ``words``."""
    return text.split(words)[0].rsplit("<b>", 1)[1].split(".")[0]


async def test_a_shorthand_need_meets_the_users_offer_in_whole_sentences_and_the_draft_agrees(bot, user: User, clock):
    await user.say("/offer happy to review pitch decks")
    await user.say("/met Oli Park at the founders breakfast, needs feedback on his pitch deck")
    text = await user.morning(clock, 4)  # past the nice-to-meet-you days
    assert "Oli&#39;s pitch deck could use feedback - and you can review pitch decks." in text  # HTML-escaped
    draft = await user.tap(f"{_number(text, 'pitch deck could use')} Draft")
    assert "you mentioned you&#39;re looking for feedback on your pitch deck. I can review pitch decks" in draft


async def test_a_goal_and_a_need_typed_in_shorthand_read_as_english(bot, user: User, clock):
    await user.say("/goal a cofounder w/ ML chops")
    await user.say("/met Raj Shah at the ai meetup, raising seed")
    text = await user.morning(clock, 4)
    assert "For your goal of finding a cofounder with ML chops: nobody you know could be a cofounder yet" in text
    assert "w/" not in text and "(a cofounder" not in text
