"""Replicas on one database: each keeps every user's morning and weekly review jobs, whichever replica they wrote to.

A user's /morning, /timezone or /pause reaches one replica, which reschedules its own jobs at once
(bot/morning/jobs.py). The others learn of it here: every ``FOLLOW_EVERY_S`` each replica asks the database which
notebooks were saved since it last asked (by the database's clock, with ``OVERLAP`` for saves that committed late),
reads the head of each (the profile: no record is parsed) and reschedules the users whose schedule changed, or who
are new to it.

So every replica fires every user's morning. Exactly one of them sends it: the day's claim is written inside the
user's turn across replicas (bot/store/database.py), and the others find it taken. If a replica dies, the others
still hold every job; a morning it claimed and did not send stays claimed (a duplicate is worse than a missed
morning: see bot/coach/journal/delivery.py).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

from telegram.ext import Application

from bot.context import Context, services
from bot.morning.jobs import schedule_morning
from bot.store.records import Profile

log = logging.getLogger(__name__)

FOLLOW_EVERY_S = 2.0
OVERLAP = timedelta(seconds=10)  # a save stamped before the last look may commit after it: looked at twice


class Follower:
    """What this replica knows of everyone's schedule, kept current from the database."""

    def __init__(self) -> None:
        self.since: datetime | None = None  # the database's clock at the last look
        self.seen: dict[int, datetime] = {}  # user -> the save last looked at (within OVERLAP)
        self.plans: dict[int, tuple[Any, ...]] = {}  # user -> what their jobs were made from
        self.busy = False

    async def follow(self, context: Context) -> None:
        if self.busy:  # the last look is still reading (a burst of saves): this one is not needed
            return
        self.busy = True
        try:
            await self._follow(context)
        finally:
            self.busy = False

    async def _follow(self, context: Context) -> None:
        app = context.application
        store = services(app).store
        place: Any = store.place
        try:
            now = await asyncio.to_thread(place.now)
            since = (self.since or now) - OVERLAP
            saved = await asyncio.to_thread(place.saved_since, since)
        except Exception as error:  # the database is away: the next look tries again
            log.warning("could not follow the other replicas' saves: %s", error)
            return
        self.since = now
        self.seen = {user: at for user, at in self.seen.items() if at >= since}
        for user_id, saved_at in saved:
            if self.seen.get(user_id) == saved_at:
                continue
            self.seen[user_id] = saved_at
            try:
                head = await asyncio.to_thread(place.read_head, user_id, store.codec)
            except Exception as error:
                log.warning("user %s: could not read their schedule: %s", user_id, error)
                continue
            if head is not None:
                self.adopt(app, user_id, head[1])

    def adopt(self, app: Application, user_id: int, state: dict[str, Any]) -> None:
        """(Re)schedule one user from their notebook's state, when what their jobs depend on changed."""
        profile = Profile.from_dict(state.get("profile") or {"user_id": user_id})
        plan = (profile.timezone, profile.morning, profile.review, profile.paused, profile.active)
        svc = services(app)
        if self.plans.get(user_id) == plan and (user_id in svc.scheduled or profile.paused or not profile.active):
            return
        self.plans[user_id] = plan
        # No catch-up: a morning time moved to a minute already past starts tomorrow, as on the replica that took
        # the change. (Start-up catches up what passed while the replica was down: rebuild_jobs.)
        schedule_morning(app, user_id, profile, svc.clock.now())


def follow_replicas(app: Application) -> Follower:
    """Start following the other replicas' saves on this application's job queue, from now on (start-up's
    ``rebuild_jobs`` reads everyone after this instant)."""
    follower = Follower()
    follower.since = services(app).store.place.now()  # type: ignore[attr-defined]  # a database's
    job_queue: Any = app.job_queue
    job_queue.run_repeating(
        follower.follow,
        interval=FOLLOW_EVERY_S,
        first=FOLLOW_EVERY_S,
        name="follow-replicas",
        # A look that overlaps a slow one returns at once (``busy``) rather than being skipped with a warning.
        job_kwargs={"max_instances": 3, "coalesce": True},
    )
    return follower
