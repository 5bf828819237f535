"""Whatever a person types after any command, and whatever data any button carries, they get a real answer:
never the generic apology (templates/messages/oops.html), never an unhandled error."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import callbacks
from bot.app import BUTTON_HANDLERS
from bot.commands import COMMANDS
from bot.rendering import render
from tests.conftest import User

OOPS = render("messages/oops.html")[:30]
COMMAND_NAMES = sorted(c.name for c in COMMANDS)
BUTTON_KINDS = sorted(BUTTON_HANDLERS)

# Text people really send: words, digits of every script, punctuation, emoji, odd spacing, names of people known.
words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
known_words = st.sampled_from(["Jane", "Tom", "jane", "Jnae", "Zara", "PyCon", "Berlin", "3", "0", "-1", "²", "#"])
numbers = st.text(st.characters(categories=("Nd", "No", "Nl")), min_size=1, max_size=3)  # "3", "٣", "²", "Ⅻ"
arguments = st.one_of(
    known_words, numbers, words, st.lists(words | known_words | numbers, min_size=2, max_size=4).map(" ".join)
)


async def _someone_with_a_network(user: User) -> None:
    await user.say("/met Jane from Acme at PyCon, loves jazz, promised to send her the book")
    await user.say("/met Jane Roe at the meetup")
    await user.say("/met Tom at lunch")


@pytest.fixture
async def known_user(user: User) -> User:
    await _someone_with_a_network(user)
    return user


@pytest.mark.parametrize("command", COMMAND_NAMES)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=arguments)
async def test_every_command_answers_any_arguments(known_user: User, command: str, text: str):
    reply = await known_user.say(f"/{command} {text}".rstrip())
    assert OOPS not in reply
    if command in ("deleteme", "forget") and known_user.buttons:
        await known_user.press(known_user.buttons[0][1])  # and confirming whatever it asked
        assert OOPS not in known_user.text
        await _someone_with_a_network(known_user)


def _button_data(kind: str) -> st.SearchStrategy[str]:
    well_formed = st.from_regex(callbacks._PATTERNS[kind], fullmatch=True)
    return well_formed | words.map(lambda w: f"{kind}:{w}")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.sampled_from(BUTTON_KINDS).flatmap(_button_data))
async def test_every_button_answers_any_data(known_user: User, data: str):
    reply = await known_user.press(data)
    assert OOPS not in reply


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(BUTTON_KINDS), label=st.integers(0, 7))
async def test_buttons_the_bot_drew_answer_when_tapped_later(known_user: User, kind: str, label: int):
    """Real buttons (real tokens and ids), tapped out of order, twice, or after the question was answered."""
    await known_user.say("/forget jane")  # "which Jane?"
    await known_user.say("/today")
    for text, data in known_user.buttons[label : label + 2]:
        await known_user.press(data)
        assert OOPS not in known_user.text, text


@pytest.mark.parametrize("text", ["/timezone Mars /Olympus", "/budget ²", "/budget ٣", "/timezone ,", "/morning ²"])
async def test_inputs_that_used_to_crash_get_an_answer(known_user: User, text: str):
    assert OOPS not in await known_user.say(text)
