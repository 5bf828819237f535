"""When each user's morning message runs: one named JobQueue job per user, rebuilt from the store at start-up,
and beside it the weekly review's job (the user's chosen weekday and time, default Sunday 18:00).

The fire times come from ``bot.coach.journal.days`` (pure, DST-aware: exactly one instant per local day) through a
tiny APScheduler trigger, rather than a CronTrigger, whose handling of the skipped and repeated hours of DST
changes is not what a person expects ("02:30 on the spring-forward day" must still come once).

python-telegram-bot does not persist jobs, so ``rebuild_jobs`` re-creates them from each user's profile. A bot
that was down at 08:00 and is back at 08:20 catches up once: the job's first run is "now" when today's
morning time passed within the grace period and today's message was not sent yet.
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta
from typing import Any

from apscheduler.triggers.base import BaseTrigger
from telegram.ext import Application, JobQueue

from bot.coach.journal.days import last_morning, local_day, next_morning, parse_morning_time
from bot.coach.journal.delivery import MORNINGS, REVIEWS
from bot.context import Context, services
from bot.morning.send import deliver_morning, deliver_review
from bot.store.errors import UnreadableData
from bot.store.notebook import HANDLING
from bot.store.records import Profile

log = logging.getLogger(__name__)

JOB_PREFIX = "morning:"
REVIEW_PREFIX = "review:"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_REVIEW = (6, time(18, 0))  # Sunday evening
# A nudge that starts late (bot busy, restarted, machine asleep) is still sent within this window: APScheduler's
# default of one second would silently skip it.
GRACE = timedelta(hours=4)


class MorningTrigger(BaseTrigger):
    """Fires at ``at`` local time in ``tz``, once per local day."""

    def __init__(self, tz: str, at: time) -> None:
        self.tz = tz
        self.at = at

    def get_next_fire_time(self, previous_fire_time: datetime | None, now: datetime) -> datetime | None:
        after = previous_fire_time if previous_fire_time is not None else now - timedelta(microseconds=1)
        return next_morning(after, self.tz, self.at)

    def __str__(self) -> str:
        return f"morning[{self.at:%H:%M} {self.tz}]"


class WeeklyTrigger(BaseTrigger):
    """Fires at ``at`` local time in ``tz`` on one weekday (0 = Monday), once per week; DST as for mornings."""

    def __init__(self, tz: str, weekday: int, at: time) -> None:
        self.tz = tz
        self.weekday = weekday
        self.at = at

    def get_next_fire_time(self, previous_fire_time: datetime | None, now: datetime) -> datetime | None:
        after = previous_fire_time if previous_fire_time is not None else now - timedelta(microseconds=1)
        for _ in range(8):
            fire = next_morning(after, self.tz, self.at)
            if local_day(fire, self.tz).weekday() == self.weekday:
                return fire
            after = fire
        return None

    def __str__(self) -> str:
        return f"weekly[{WEEKDAYS[self.weekday]} {self.at:%H:%M} {self.tz}]"


def parse_review_time(text: str) -> tuple[int, time] | None:
    """'sun 18:00', 'Saturday 9am', 'fri' -> (weekday, time); None when it cannot be read."""
    words = text.lower().split()
    if not words or words[0][:3] not in WEEKDAYS:
        return None
    weekday = WEEKDAYS.index(words[0][:3])
    if len(words) == 1:
        return weekday, DEFAULT_REVIEW[1]
    at = parse_morning_time(" ".join(words[1:]))
    return (weekday, at) if at is not None else None


def review_time(profile: Profile) -> tuple[int, time]:
    return parse_review_time(profile.review) or DEFAULT_REVIEW


def morning_time(profile: Profile) -> time:
    """When the user's morning message comes (08:00 if the stored value cannot be read)."""
    return parse_morning_time(profile.morning) or time(8, 0)


def job_name(user_id: int) -> str:
    return f"{JOB_PREFIX}{user_id}"


def schedule_morning(
    app: Application,
    user_id: int,
    profile: Profile,
    now: datetime,
    *,
    catch_up: bool = False,
    review_catch_up: bool = False,
) -> Any:
    """(Re)create the user's morning job and weekly review job; returns the morning job, or None when they paused
    or blocked the bot."""
    job_queue: JobQueue = app.job_queue  # type: ignore[assignment]
    scheduled = services(app).scheduled
    name = job_name(user_id)
    if user_id in scheduled:  # (looking jobs up scans them all: only when there is one to find)
        for job in (*job_queue.get_jobs_by_name(name), *job_queue.get_jobs_by_name(REVIEW_PREFIX + str(user_id))):
            job.schedule_removal()
        scheduled.discard(user_id)
    if profile.paused or not profile.active:
        return None
    weekday, review_at = review_time(profile)
    weekly = WeeklyTrigger(profile.timezone, weekday, review_at)
    review_name = REVIEW_PREFIX + str(user_id)
    _run_per_user(job_queue, review_job, weekly, review_name, user_id, now if review_catch_up else None)
    scheduled.add(user_id)
    daily = MorningTrigger(profile.timezone, morning_time(profile))
    return _run_per_user(job_queue, morning_job, daily, name, user_id, now if catch_up else None)


def _run_per_user(
    job_queue: JobQueue, callback: Any, trigger: Any, name: str, user_id: int, catch_up_at: datetime | None
) -> Any:
    """One named job per user and kind: a second schedule replaces the first instead of doubling it, a run missed
    while the bot was down runs once within GRACE, and ``catch_up_at`` runs it now as well."""
    job_kwargs: dict[str, Any] = {
        "trigger": trigger,
        "id": name,
        "replace_existing": True,
        "misfire_grace_time": int(GRACE.total_seconds()),
        "coalesce": True,
        "max_instances": 1,
    }
    if catch_up_at is not None:
        job_kwargs["next_run_time"] = catch_up_at
    return job_queue.run_custom(callback, job_kwargs=job_kwargs, name=name, user_id=user_id, chat_id=user_id)


def remove_jobs(app: Application, user_id: int) -> None:
    """The user's morning and weekly review jobs go (they deleted their notebook)."""
    job_queue: JobQueue = app.job_queue  # type: ignore[assignment]
    for name in (job_name(user_id), REVIEW_PREFIX + str(user_id)):
        for job in job_queue.get_jobs_by_name(name):
            job.schedule_removal()
    services(app).scheduled.discard(user_id)


def ensure_morning(app: Application, user_id: int, profile: Profile) -> None:
    """A user who is new (or back after blocking the bot) gets their morning job without waiting for a restart."""
    if user_id not in services(app).scheduled and not profile.paused and profile.active:
        schedule_morning(app, user_id, profile, services(app).clock.now())


def missed_this_morning(profile: Profile, now: datetime, delivered: bool) -> bool:
    """Today's morning time passed less than GRACE ago and nothing went out yet."""
    if delivered:
        return False
    at = morning_time(profile)
    last = last_morning(now, profile.timezone, at)
    return now - last <= GRACE and local_day(last, profile.timezone) == local_day(now, profile.timezone)


def missed_this_review(profile: Profile, now: datetime, delivered: bool) -> bool:
    """Today is the review day, its time passed less than GRACE ago, and the review did not go out yet."""
    weekday, at = review_time(profile)
    if delivered or local_day(now, profile.timezone).weekday() != weekday:
        return False
    last = last_morning(now, profile.timezone, at)
    return now - last <= GRACE and local_day(last, profile.timezone) == local_day(now, profile.timezone)


def rebuild_jobs(app: Application) -> int:
    """Create every user's morning job from the store; one broken notebook never stops the others."""
    svc = services(app)
    now = svc.clock.now()
    count = 0
    for user_id in svc.store.user_ids():
        try:
            # Only the head of each file is read: start-up stays quick with thousands of users.
            state = svc.store.glance(user_id).state
            profile = Profile.from_dict(state.get("profile") or {"user_id": user_id})
            today = local_day(now, profile.timezone).isoformat()
            catch_up = missed_this_morning(profile, now, today in (state.get(MORNINGS) or {}))
            review_catch_up = missed_this_review(profile, now, today in (state.get(REVIEWS) or {}))
            scheduled = schedule_morning(app, user_id, profile, now, catch_up=catch_up, review_catch_up=review_catch_up)
            if scheduled is not None:
                count += 1
        except UnreadableData as error:
            log.error("user %s: notebook unreadable, no morning job (%s)", user_id, error.reason)
        except Exception:
            log.exception("user %s: could not schedule the morning message", user_id)
    log.info("scheduled %d morning messages", count)
    return count


async def morning_job(context: Context) -> None:
    # The scheduler may have been woken from inside a handler and copied its context: a job answers no message,
    # so its saves must not carry that message's id (see Notebook.HANDLING).
    HANDLING.set(None)
    job = context.job
    if job is not None and job.user_id is not None:
        result = await deliver_morning(context.application, job.user_id)
        if result == "blocked":  # they blocked the bot: no more mornings until they write again (guard.py)
            async with context.services.store.lease_existing(job.user_id) as notebook:
                if notebook is not None:
                    schedule_morning(
                        context.application, job.user_id, notebook.profile(), context.services.clock.now()
                    )


async def review_job(context: Context) -> None:
    HANDLING.set(None)  # as for mornings: a job answers no message
    job = context.job
    if job is not None and job.user_id is not None:
        await deliver_review(context.application, job.user_id)
