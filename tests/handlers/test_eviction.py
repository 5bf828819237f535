"""More users than the store keeps open: a user whose notebook was closed meanwhile is answered like anyone else."""

from __future__ import annotations

from bot.local_api import LocalChat
from tests.conftest import User


async def test_a_user_whose_notebook_was_closed_meanwhile_is_still_answered(bot):
    """Reopening a notebook may write (a digest rebuilt); that write must not mark the message being handled as
    already handled, or the guard would drop it as a redelivery."""
    users = [User(bot, LocalChat(user_id=1000 + n, first_name=f"U{n}")) for n in range(40)]  # the store keeps 32
    for user in users:
        await user.say("/start")
    answers = [await user.say(f"/met Person{n} Test at lunch") for n, user in enumerate(users)]
    assert [n for n, answer in enumerate(answers) if "Saved" not in answer] == []
