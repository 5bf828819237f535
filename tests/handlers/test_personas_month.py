"""A month in the life of a user, through the real Application on a fixed clock, one persona per behaviour of
docs/coaching.md: each script is what they type and tap, each check reads the mornings as a coach would."""

from __future__ import annotations

import itertools

from bot.coach.planning.planner import PERSON_DAYS, PERSON_SHOWINGS
from tests.conftest import User
from tests.handlers.test_personas import Diary, Script, live

BUSY_PEOPLE = [
    "/goal land a PM role at a fintech",
    "/met Carla Diaz, PM at Monzo, at the fintech meetup, loves design systems",
    "/met Max Kim from Acme at the demo day, promised to send him our churn numbers",
    "/met Tom Berg at the meetup, loves jazz",
    "/got Tom reviewed my CV",
    "/met Lena Vogel at the climbing gym, loves bouldering, looking for a lawyer",
    "/met Ben Cho, lawyer at Dentons, at the startup breakfast",
    "/met Nora Blum at the founders dinner, loves sailing",
    "/circle Nora inner",
    "/circle Carla inner",
]

SILENT: Script = {0: BUSY_PEOPLE}


async def test_a_silent_user_hears_about_nobody_more_than_n_times_in_two_weeks(bot, user: User, clock):
    diary = await live(bot, user, clock, SILENT, 28)
    for name, cid in diary.ids.items():
        days = [m.day for m in diary.mornings if any(cid in who for who in m.people)]
        for day in days:
            window = [d for d in days if day <= d < day + PERSON_DAYS]
            assert len(window) <= PERSON_SHOWINGS, (name, days)
    keys = [k for m in diary.mornings for k in m.keys]
    assert max(keys.count(k) for k in set(keys)) <= 4, sorted(keys)  # no item week after week


async def test_a_silent_user_moves_to_a_weekly_message_said_once(bot, user: User, clock):
    diary = await live(bot, user, clock, SILENT, 28)
    sent = [m for m in diary.mornings if m.keys]
    announced = [m.day for m in sent if "I'll write once a week" in m.text]
    assert len(announced) == 1
    later = [m.day for m in sent if m.day >= announced[0]]
    assert all(b - a >= 7 for a, b in itertools.pairwise(later)), later
    assert len([m for m in diary.mornings if m.text]) <= 12  # not a message a day
    assert not [m for m in diary.mornings if "All quiet" in m.text]


NAMES = itertools.cycle(["Carla", "Max", "Tom", "Lena", "Ben", "Nora"])
TYPIST: Script = {0: BUSY_PEOPLE, **{day: [f"/note {next(NAMES)}: chatted about the week"] for day in range(1, 15)}}


async def test_a_user_who_types_every_day_is_not_asked_about_the_rhythm(bot, user: User, clock):
    diary: Diary = await live(bot, user, clock, TYPIST, 14)
    assert not [m for m in diary.mornings if "does this rhythm suit you" in m.text]
    assert not [m for m in diary.mornings if "I'll write once a week" in m.text]
    assert not [m for m in diary.mornings if "Just one small step today" in m.text]
