"""Relations to someone not met: the tie is kept, and the person it names is kept as mentioned (not met)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.reading.capture import understand

TODAY = date(2026, 3, 4)


@pytest.mark.parametrize(
    ("line", "who", "to", "as_", "mentioned"),
    [
        ("Jae's boss Minji Kang is head of design at kakao", "Minji Kang", "Jae", "boss", ["Jae"]),
        ("school gate: Tariq (Zayn's dad) is a physio", "Tariq", "Zayn", "dad", ["Zayn"]),
        ("Red Cross drive - the nurse Olumide Adeyemi said they need volunteers. He's Funke's nephew!",
         "Olumide Adeyemi", "Funke", "nephew", ["Funke"]),
        ("Fatima her birthday is 8 of may, she is wife of Karim from my team", "Fatima", "Karim", "wife", ["Karim"]),
        ("listing appt w/ Mrs. Eleanor Brooks, wants a condo near her daughter Jen", "Eleanor Brooks", "Jen",
         "daughter", ["Jen"]),
        ("called back Steve Kowalski - wants to buy us out, my lawyer Nina will join", "Steve Kowalski", "", "",
         ["Nina"]),
    ],
)
def test_a_tie_to_someone_not_met_keeps_them_as_mentioned(line, who, to, as_, mentioned):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None
    person = next(p for p in meeting.people if p.name == who)
    assert (person.link_to, person.link_as) == (to, as_)
    assert meeting.mentioned == mentioned
    assert not any(p.name in mentioned for p in meeting.people)
