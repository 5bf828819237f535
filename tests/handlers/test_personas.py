"""Simulated weeks for four kinds of user, through the real Application on a fixed clock (docs/coaching.md).

Each persona is a script: lines the user types (and nudge buttons they tap) on given days. Every morning is
delivered by the real morning job's delivery (``deliver_morning``) at 08:00 their time; the diary keeps what each
morning said and which nudges it held, and each persona's checks read the diary like a coach reviewing the weeks.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.coach.journal.delivery import MORNINGS
from bot.context import services
from bot.morning.send import deliver_morning
from tests.conftest import User

START = date(2026, 11, 22)  # a Sunday: the conftest clock's day
UID = 4242


@dataclass
class Morning:
    day: int  # days after START
    text: str
    keys: list[str]
    people: list[list[str]]


@dataclass
class Diary:
    mornings: list[Morning] = field(default_factory=list)
    replies: dict[int, list[str]] = field(default_factory=dict)  # day -> what the bot answered that day
    ids: dict[str, str] = field(default_factory=dict)  # first name -> contact id

    def days_with(self, prefix: str, name: str = "") -> list[int]:
        """The days whose morning held a nudge with this key prefix (about this person, when named)."""
        cid = self.ids.get(name, "")
        return [
            m.day
            for m in self.mornings
            if any(k.startswith(prefix) and (not name or cid in who) for k, who in zip(m.keys, m.people, strict=True))
        ]


Action = str | tuple[str, str]  # a line to say, or ("tap", label) on the day's morning message
Script = dict[int, list[Action]]


async def live(bot, user: User, clock, script: Script, days: int) -> Diary:
    diary = Diary()
    store = services(bot.app).store
    sent: list[dict] = []
    for day in range(days + 1):
        today = START + timedelta(days=day)
        if day > 0:
            clock.set(datetime.combine(today, time(8, 0), UTC))
            before = len(bot.api.calls)
            assert await deliver_morning(bot.app, UID) in ("sent", "skipped", "quiet")
            sent = [p for m, p in bot.api.calls[before:] if m == "sendMessage"]
            user.last = sent
            record = (store.notebook(UID).get_state(MORNINGS) or {}).get(today.isoformat(), {})
            diary.mornings.append(
                Morning(day, "\n".join(p["text"] for p in sent), record.get("keys", []), record.get("people", []))
            )
        clock.set(datetime.combine(today, time(12, 0), UTC))
        for action in script.get(day, []):
            if isinstance(action, tuple):
                user.last = sent  # every tap is on the morning's message
                if not any(action[1].lower() in label.lower() for label, _ in user.buttons):
                    continue  # a quiet morning has nothing to tap
                answer = await user.tap(action[1])
            else:
                answer = await user.say(action)
            diary.replies.setdefault(day, []).append(answer)
    diary.ids = {c.first_name: c.id for c in store.notebook(UID).contacts()}
    return diary


# -- the personas ---------------------------------------------------------------------------------------------------

JOB_SEEKER: Script = {
    0: [
        "/goal land a PM role at a fintech by March",
        "/met Hannah Lee at the product meetup",
        "/got Hannah told me about a PM opening at Monzo",
        "/met Carla Diaz, PM at Monzo, at the fintech meetup, loves design systems",
        "/met Max Kim from Acme at the demo day, promised to send him our churn numbers by friday",
    ],
    1: [("tap", "1 Done")],
    2: ["/gave Carla the design systems talk"],
    4: ["/note Carla: coffee, she told me about her team"],
    6: ["/note Carla: lunch near the office"],
    8: ["/note Carla: she shared the team's roadmap"],
    9: [("tap", "1 Done")],
    12: ["/note Carla: I got the offer!"],
    13: [("tap", "1 Done")],
}

FOUNDER: Script = {
    0: [
        "/goal raise a seed round",
        "/met Sam Ortiz at the founders dinner",
        "/circle Sam inner",
        "/met Nora Blum at the founders dinner, loves sailing",
        "/circle Nora inner",
        "/met Ivan Petrov, partner at Seedcamp, introduced by Sam",
        "/got Sam intro to Ivan",
    ],
    1: [("tap", "1 Done")],
    3: [("tap", "1 Done")],
    10: ["/note Ivan: we closed the round!"],
}

IGNORER: Script = {
    0: [
        "/met Priya Raman at Web Summit, promised to send her the Ferrazzi book",
        "/met Tom Berg at the meetup, loves jazz",
        "/got Tom reviewed my CV",
        "/met Lena Vogel at the climbing gym, loves bouldering",
        "/met Omar Haddad at PyCon, promised to intro him to Sam",
        "/met Ines Costa at the design sprint",
        "/met Kofi Mensah at the book club, promised to lend him Dune",
        "/met Yuki Sato at the hackathon",
        "/met Pablo Ruiz at the coworking space",
        "/met Zara Ali at the product meetup, promised to send her the deck",
    ],
}

MATCHER: Script = {
    0: [
        "/offer I can review pitch decks",
        "/met Ben Cho, lawyer at Dentons, at the startup breakfast",
        "/met Ana Lima at PyCon",
        "/met Dan Roe, lawyer at Acme, at the legal meetup",
        "/met Eve Fox from Acme at the legal meetup",
    ],
    1: [("tap", "1 Done"), ("tap", "2 Done"), ("tap", "3 Done")],
    3: [
        "/note Ana: looking for a lawyer for her startup",
        "/note Eve: looking for a lawyer",
        "/note Ana: needs feedback on her pitch deck",
    ],
}


def check_job_seeker(diary: Diary) -> None:
    assert 1 in diary.days_with("thank:", "Hannah")  # thank-you within a day
    max_days = diary.days_with("followup:", "Max")  # due Friday the 27th (day 5)
    assert max_days and min(max_days) in (3, 4) and max(max_days) >= 5  # near its due date, not before
    asks, warm_ups = diary.days_with("ask:", "Carla"), diary.days_with("warm:", "Carla")
    assert warm_ups and asks and min(warm_ups) < min(asks) < 12  # give first, ask once the tie is strong
    assert "Before asking Carla for an introduction to the team" in diary.mornings[min(warm_ups) - 1].text
    assert any("Congratulations" in r for r in diary.replies[12])  # the reached goal is celebrated
    assert any("/goal" in r for r in diary.replies[12])  # ... and the bot asks for the next one
    for helper in ("Hannah", "Carla"):  # loops closed within two days of the outcome
        assert set(diary.days_with("loop:", helper)) & {13, 14}, helper


def check_founder(diary: Diary) -> None:
    assert 1 in diary.days_with("thank:", "Sam")
    assert set(diary.days_with("loop:", "Sam")) & {11, 12}  # the introducer hears how the round went
    nora = [d for d in diary.days_with("reconnect:", "Nora") + diary.days_with("give:", "Nora") if d >= 14]
    assert nora and min(nora) <= 17  # inner circle: a touch every two weeks (a few days' slack: she was ignored)


def check_ignorer(diary: Diary) -> None:
    for key in {k for m in diary.mornings for k in m.keys}:  # no third repeat of an ignored item
        shown = {m.day for m in diary.mornings if key in m.keys}
        assert not any({d, d + 1, d + 2} <= shown for d in shown), f"{key} came back three mornings in a row"
    sent = [m for m in diary.mornings if m.keys]
    [weekly] = [m.day for m in sent if "I'll write once a week" in m.text]  # said once
    sizes = [len(m.keys) for m in sent if m.day < weekly]
    assert all(size > 1 for size in sizes[:3]) and all(size <= 1 for size in sizes[3:]), sizes  # shrinks
    asked = [m.day for m in diary.mornings if "does this rhythm suit you" in m.text]
    assert asked == [4]  # asked once
    later = [m.day for m in sent if m.day >= weekly]
    assert len(later) >= 2 and all(b - a >= 7 for a, b in itertools.pairwise(later)), later  # weekly from then on
    assert not [m for m in diary.mornings if "All quiet" in m.text]  # quiet days send nothing


def check_matcher(diary: Diary) -> None:
    intro_days = diary.days_with("intro:", "Ana")
    assert intro_days  # later when the people in it were ignored on three mornings: they rest first
    morning = diary.mornings[min(intro_days) - 1]
    assert re.search(r"Ana is looking for a lawyer, and (Ben|Dan) is a lawyer", morning.text)
    assert diary.days_with("offer:", "Ana")  # the user's own offer meets her other need
    colleagues = {diary.ids["Eve"], diary.ids["Dan"]}  # both at Acme: never introduced to each other
    assert not any(colleagues <= set(who) for m in diary.mornings for who in m.people)


PERSONAS: dict[str, tuple[Script, int, Callable[[Diary], None]]] = {
    "job seeker with a goal": (JOB_SEEKER, 16, check_job_seeker),
    "founder with circles": (FOUNDER, 18, check_founder),
    "a user who ignores everything": (IGNORER, 30, check_ignorer),
    "a user with matched needs and offers": (MATCHER, 21, check_matcher),
}


@pytest.mark.parametrize(("script", "days", "check"), PERSONAS.values(), ids=PERSONAS)
async def test_persona_weeks(bot, user: User, clock, script, days, check):
    check(await live(bot, user, clock, script, days))


async def test_done_on_an_intro_question_logs_one_ask_not_two_gives(bot, user: User, clock):
    diary = await live(bot, user, clock, MATCHER, 4)
    morning = diary.mornings[-1]
    number = 1 + next(n for n, key in enumerate(morning.keys) if key.startswith("intro:"))
    user.last = [p for m, p in bot.api.calls if m == "sendMessage" and "Good morning" in p["text"]][-1:]
    await user.tap(f"{number} Done")
    notebook = services(bot.app).store.notebook(UID)
    today = (START + timedelta(days=4)).isoformat()
    logged = [(i.contact_id, i.kind) for i in notebook.interactions() if i.on == today]
    assert [kind for _, kind in logged] == ["asked"]  # one ask, to the person with the need; no gives yet
