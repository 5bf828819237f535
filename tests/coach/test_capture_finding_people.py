"""Finding the people of a line however they are said: inside a run of capitals that names a place or a firm ("at
Green Leaf Kitchen w/ Tomas"), joined owners of a tie ("Ken & Marge's daughter"), a nickname with the whole name in
brackets, a tie said with a role in capitals ("his EA Pooja") or after a titled owner ("Judge Ode's clerk, Tam Vo"),
a name given as an afterthought ("think her name was Ines?"), and an honorific after the name ("Nandan sir"). The
lines are written for these tests, not taken from a corpus."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.reading.capture import understand
from bot.coach.reading.meeting import Meeting

TODAY = date(2026, 3, 4)


def read(line: str) -> Meeting:
    understood = understand(line, TODAY)
    assert understood.kind != "none" and understood.meeting is not None, line
    return understood.meeting


def met(line: str) -> list[str]:
    return [p.name for p in read(line).people]


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("lunch at Green Leaf Kitchen with Tomas and Hedda, both chefs", ["Tomas", "Hedda"]),
        ("drinks at Old Mill Tavern w/ Priya Nair - she wants a mentor", ["Priya Nair"]),
        ("tasting at Red Barn Cellars w/ Ilse & Joost (buyers), Joost sends prices monday", ["Ilse", "Joost"]),
    ],
)
def test_a_run_of_capitals_that_names_a_place_hides_no_person_in_its_middle(line, people):
    assert met(line) == people
