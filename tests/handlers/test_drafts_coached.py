"""The drafts a morning step carries (a close-the-loop, an ask): Copy and the rewording buttons like every draft,
and a close-the-loop that thanks whoever took part in the outcome instead of telling them news."""

from __future__ import annotations

import json
import re
from html import unescape

from tests.conftest import User


def labels(params: dict) -> list[str]:
    raw = params.get("reply_markup") or {}
    raw = json.loads(raw) if isinstance(raw, str) else raw
    return [b["text"] for row in raw.get("inline_keyboard", []) for b in row]


def note_of(params: dict) -> str:
    return unescape(re.sub(r"</?blockquote>", "", str(params["text"])))


def step_number(morning: str, name: str) -> str:
    for line in morning.splitlines():
        found = re.match(r"<b>(\d+)\.", line)
        if found and name in line:
            return found.group(1)
    raise AssertionError(f"no step about {name} in:\n{morning}")


def step_text(morning: str, name: str) -> str:
    """The lines of the morning's step about ``name``: its title up to the next step's."""
    steps = re.split(r"\n(?=<b>\d+\.)", morning)
    return next(step for step in steps if re.match(rf"<b>\d+\..*{name}", step))


async def close_the_round(user: User, clock) -> str:
    await user.say("/goal raise a seed round")
    await user.say("/met Sam Ortiz at the founders dinner")
    await user.say("/met Victor Hale, partner at Northwind Ventures, introduced by Sam")
    await user.say("/got Sam intro to Victor")
    await user.say("/note Victor: his fund is leading, we closed the round!")
    return await user.morning(clock, 1)


async def test_the_fund_that_led_the_round_is_thanked_for_its_part_not_told_the_news(user: User, clock):
    morning = await close_the_round(user, clock)
    victor = step_text(morning, "Victor")
    assert "Tell Victor how it turned out" not in victor and "helped you get there" not in victor, victor
    assert "Thank Victor for their part" in victor, victor
    draft = await user.tap(f"{step_number(morning, 'Victor')} Draft")
    note = note_of(user.last[-1])
    assert "part of it" in note and "quick update" not in note, note
    assert draft


async def test_the_introducer_hears_how_it_turned_out(user: User, clock):
    morning = await close_the_round(user, clock)
    await user.tap(f"{step_number(morning, 'Sam')} Draft")
    note = note_of(user.last[-1])
    assert "we closed the round" in note and "hear it from me" in note, note


async def test_a_steps_draft_has_copy_and_rewording_and_shorter_is_shorter(user: User, bot, clock):
    morning = await close_the_round(user, clock)
    await user.tap(f"{step_number(morning, 'Sam')} Draft")
    shown = user.last[-1]
    assert labels(shown) == ["📋 Copy", "🔄 Other wording", "✂️ Shorter", "🎩 More formal"]
    before = len(bot.api.calls)
    await user.tap("Shorter")
    assert [m for m, _ in bot.api.calls[before:] if m in ("sendMessage", "editMessageText")] == ["editMessageText"]
    assert len(note_of(user.last[-1])) < len(note_of(shown))
    assert "✂️ Shorter" not in labels(user.last[-1])
    await user.tap("More formal")
    assert note_of(user.last[-1]).startswith("Dear Sam,")
    await user.tap("Other wording")
    assert note_of(user.last[-1]) != note_of(shown)
