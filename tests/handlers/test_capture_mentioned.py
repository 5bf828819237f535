"""People a capture names without the user meeting them: the reply says whose they are, the right way round."""

from __future__ import annotations

from conftest import User


async def test_a_tie_to_someone_not_met_is_said_as_theirs(user: User):
    reply = await user.say("coffee w/ Hannah Berg, she wants to move closer to her son Elias")
    assert "Saved <b>Hannah Berg</b>" in reply
    assert "Son: Elias" in reply and "Son of Elias" not in reply
    assert "Saved <b>Elias</b>" not in reply
