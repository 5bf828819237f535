"""The morning message: scheduling per time zone, exactly-once delivery, Telegram errors, and the nudge buttons."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.coach.journal import delivery
from bot.local_api import LocalBotAPI, LocalChat
from bot.morning.jobs import MorningTrigger, job_name, rebuild_jobs
from bot.morning.send import deliver_morning
from bot.store.view import network_of
from tests.conftest import User

UID = 4242


def fires_on_local_day(tz: str, at: time, day: date) -> list[datetime]:
    """Every fire instant of the trigger whose local date is ``day``."""
    from zoneinfo import ZoneInfo

    trigger = MorningTrigger(tz, at)
    start = datetime.combine(day - timedelta(days=1), time(0), ZoneInfo(tz)).astimezone(UTC)
    fires, previous = [], None
    moment = trigger.get_next_fire_time(None, start)
    while moment.astimezone(ZoneInfo(tz)).date() <= day:
        if moment.astimezone(ZoneInfo(tz)).date() == day:
            fires.append(moment)
        previous = moment
        moment = trigger.get_next_fire_time(previous, moment)
    return fires


@pytest.mark.parametrize(
    ("tz", "at", "day", "expected_utc"),
    [
        ("Europe/Berlin", time(2, 30), date(2026, 3, 29), datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),  # spring forward
        ("America/New_York", time(1, 30), date(2026, 11, 1), datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),  # fall back
        ("Asia/Kolkata", time(8, 0), date(2026, 11, 22), datetime(2026, 11, 22, 2, 30, tzinfo=UTC)),
        ("UTC", time(8, 0), date(2026, 11, 22), datetime(2026, 11, 22, 8, 0, tzinfo=UTC)),
    ],
)
def test_exactly_one_morning_per_local_day(tz, at, day, expected_utc):
    assert fires_on_local_day(tz, at, day) == [expected_utc]


async def test_a_new_user_gets_a_morning_job_at_once(bot, user: User):
    await user.say("/start")
    [job] = bot.app.job_queue.get_jobs_by_name(job_name(UID))
    assert (job.job.trigger.tz, job.job.trigger.at) == ("UTC", time(8, 0))


async def test_each_user_gets_one_named_job_and_a_restart_does_not_duplicate(bot, user: User, clock):
    await user.say("/timezone Berlin")
    await user.say("/morning 07:15")
    jobs = bot.app.job_queue.get_jobs_by_name(job_name(UID))
    assert len(jobs) == 1
    trigger = jobs[0].job.trigger
    assert (trigger.tz, trigger.at) == ("Europe/Berlin", time(7, 15))
    # Next run: tomorrow 07:15 Berlin (06:15 UTC) since it is 09:30 UTC now.
    assert trigger.get_next_fire_time(None, clock.now()) == datetime(2026, 11, 23, 6, 15, tzinfo=UTC)
    rebuild_jobs(bot.app)
    rebuild_jobs(bot.app)
    assert len(bot.app.job_queue.get_jobs_by_name(job_name(UID))) == 1


async def _user_with_network(user: User) -> None:
    await user.say("/met Priya from Globex at Web Summit, promised to send her the Ferrazzi book")
    await user.say("/met Tom at the meetup, loves jazz")
    await user.say("/got Tom reviewed my CV")


async def test_the_morning_is_sent_once_per_local_day(bot, user: User, clock):
    await _user_with_network(user)
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    before = len(bot.api.sent())
    assert await deliver_morning(bot.app, UID) == "sent"
    assert await deliver_morning(bot.app, UID) == "already-sent"  # double trigger
    bot.app.bot_data.services.store.drop(UID)  # as after a restart
    assert await deliver_morning(bot.app, UID) == "already-sent"
    sent = bot.api.sent()[before:]
    assert len(sent) == 1
    text = sent[0]["text"]
    assert "Good morning" in text and "Tom" in text and "Priya" in text
    clock.set(datetime(2026, 11, 24, 8, 0, tzinfo=UTC))
    assert await deliver_morning(bot.app, UID) == "sent"


async def test_spring_forward_and_fall_back_mornings_send_exactly_once(bot, user: User, clock):
    await _user_with_network(user)
    await user.say("/timezone Europe/Berlin")
    await user.say("/morning 02:30")
    for moment in fires_on_local_day("Europe/Berlin", time(2, 30), date(2026, 3, 29)):
        clock.set(moment)
        assert await deliver_morning(bot.app, UID) == "sent"
    clock.set(datetime(2026, 3, 29, 2, 30, tzinfo=UTC))  # later the same local day
    assert await deliver_morning(bot.app, UID) == "already-sent"

    await user.say("/timezone America/New_York")
    await user.say("/morning 01:30")
    first = datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT
    second = datetime(2026, 11, 1, 6, 30, tzinfo=UTC)  # 01:30 EST, the repeated hour
    clock.set(first)
    assert await deliver_morning(bot.app, UID) == "sent"
    clock.set(second)
    assert await deliver_morning(bot.app, UID) == "already-sent"


async def test_flood_limit_is_retried_and_the_message_sent_once(bot, user: User, clock):
    await _user_with_network(user)
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    before = len(bot.api.sent())
    bot.api.fail_next("sendMessage", LocalBotAPI.too_many_requests(retry_after=1))
    assert await deliver_morning(bot.app, UID) == "sent"
    assert len(bot.api.sent()[before:]) == 1


async def test_a_user_who_blocked_the_bot_is_skipped_and_others_continue(bot, user: User, store, clock):
    await _user_with_network(user)
    other = User(bot, LocalChat(user_id=555, first_name="Bo"))
    await other.say("/met Jane at the meetup")
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    bot.api.fail_next("sendMessage", LocalBotAPI.blocked())
    assert await deliver_morning(bot.app, UID) == "blocked"
    assert await deliver_morning(bot.app, 555) == "sent"
    assert store.notebook(UID).profile().active is False
    rebuild_jobs(bot.app)
    assert bot.app.job_queue.get_jobs_by_name(job_name(UID)) == ()
    clock.set(datetime(2026, 11, 24, 8, 0, tzinfo=UTC))
    assert await deliver_morning(bot.app, UID) == "skipped"
    # Writing again brings them back, mornings included.
    await user.say("/today")
    assert store.notebook(UID).profile().active is True
    assert len(bot.app.job_queue.get_jobs_by_name(job_name(UID))) == 1


async def test_a_timed_out_send_is_not_resent_the_same_day(bot, user: User, clock, store):
    await _user_with_network(user)
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    before = len(bot.api.sent())
    bot.api.fail_next("sendMessage", LocalBotAPI.timed_out())
    assert await deliver_morning(bot.app, UID) == "uncertain"
    assert await deliver_morning(bot.app, UID) == "already-sent"
    assert bot.api.sent()[before:] == []
    assert delivery.mornings(store.notebook(UID))["2026-11-23"]["status"] == "uncertain"


async def test_a_late_start_inside_the_grace_sends_once(bot, user: User, clock):
    await _user_with_network(user)  # morning 08:00 UTC by default
    clock.set(datetime(2026, 11, 23, 8, 20, tzinfo=UTC))  # the bot was down at 08:00
    rebuild_jobs(bot.app)
    [job] = bot.app.job_queue.get_jobs_by_name(job_name(UID))
    assert job.job.next_run_time == clock.now()  # catch-up: run now
    await job.run(bot.app)  # what the scheduler would call
    assert await deliver_morning(bot.app, UID) == "already-sent"
    rebuild_jobs(bot.app)  # a second restart the same morning does not catch up again
    [job] = bot.app.job_queue.get_jobs_by_name(job_name(UID))
    assert not hasattr(job.job, "next_run_time") or job.job.next_run_time != clock.now()


async def test_a_start_long_after_the_morning_waits_for_tomorrow(bot, user: User, clock):
    await _user_with_network(user)
    clock.set(datetime(2026, 11, 23, 14, 0, tzinfo=UTC))
    rebuild_jobs(bot.app)
    [job] = bot.app.job_queue.get_jobs_by_name(job_name(UID))
    assert getattr(job.job, "next_run_time", None) != clock.now()


async def test_done_on_a_promise_nudge_closes_it(bot, user: User, store, clock):
    await user.say("/met Priya at Web Summit, promised to send her the Ferrazzi book")
    clock.set(clock.now() + timedelta(days=3))
    reply = await user.say("/today")
    assert "Ferrazzi" in reply
    number = next(label.split()[1] for label, _ in user.buttons if "Done" in label)
    reply = await user.tap(f"{number} Done")
    assert "kept" in reply
    assert network_of(store.notebook(UID)).open_promises() == []


async def test_snooze_hides_a_nudge_until_its_day(bot, user: User, clock):
    await user.say("/met Priya at Web Summit, promised to send her the Ferrazzi book")
    clock.set(clock.now() + timedelta(days=3))
    await user.say("/today")
    await user.tap("Snooze")
    reply = await user.tap("Next week")
    assert "Snoozed" in reply
    quiet = await user.say("/today")
    assert "Ferrazzi" not in quiet and "Priya" not in quiet  # she was just snoozed: not even a gentle hello
    assert "1 open item is waiting" in quiet and "nothing is due" not in quiet
    clock.set(clock.now() + timedelta(days=7))
    assert "Ferrazzi" in await user.say("/today")


async def test_draft_button_on_a_nudge_sends_the_matching_draft(bot, user: User, clock):
    await user.say("/met Tom from Acme at the meetup")
    await user.say("/got Tom reviewed my CV")
    await user.say("/today")
    await user.tap("Draft")
    assert "CV" in user.last[-1]["text"]


async def test_an_empty_network_gets_a_starter_nudge(user: User):
    reply = await user.say("/today")
    assert "met" in reply.lower()
    assert reply.strip()


async def test_pause_and_resume(bot, user: User, clock):
    await _user_with_network(user)
    assert "paused" in await user.say("/pause")
    assert bot.app.job_queue.get_jobs_by_name(job_name(UID)) == ()
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    assert await deliver_morning(bot.app, UID) == "skipped"
    assert "back on" in await user.say("/resume")
    assert len(bot.app.job_queue.get_jobs_by_name(job_name(UID))) == 1


async def test_timezone_by_city_and_by_suggestion(user: User, store):
    reply = await user.say("/timezone new york")
    assert "America/New_York" in reply and "Next one" in reply
    reply = await user.say("/timezone Berln")
    assert "don't know" in reply
    await user.tap("Europe/Berlin")
    assert store.notebook(UID).profile().timezone == "Europe/Berlin"


async def test_budget_and_circle(user: User, store):
    assert "5" in await user.say("/budget 5")
    assert store.notebook(UID).profile().budget == 5
    assert "/budget 3" in await user.say("/budget 99")
    await user.say("/met Jane at the meetup")
    assert "inner" in await user.say("/circle Jane inner")
    assert store.notebook(UID).contacts()[0].circle == "inner"
    assert "inner" in await user.say("/circle Jane")


async def test_week_review_counts_the_week(user: User):
    await user.say("/met Jane at the meetup")
    await user.say("/gave Jane the climate article")
    await user.say("/got Jane reviewed my CV")
    reply = await user.say("/week")
    assert "Gives: 1" in reply and "New people met: 1" in reply and "1 given, 1 received" in reply
