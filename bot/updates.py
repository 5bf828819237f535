"""How updates flow from Telegram to the handlers: users in parallel, each user's updates strictly in order.

python-telegram-bot hands every update to an update processor. Its default runs them one at a time, so one slow
Telegram call (a reply that takes 5 s to time out) held up every other user. ``PerUserOrder`` runs the updates of
different users concurrently while each user's updates wait for the one before (a /met and the /note right after
it must apply in that order). The same user's morning job takes turns with their updates through the store (see
``Store.lease``).

What is confirmed to Telegram but not yet handled is lost if the process is killed at that instant (Telegram does
not redeliver what was confirmed; nothing was acknowledged to the user either). python-telegram-bot confirms an
update once it is taken off the update queue, so ``InFlightQueue`` stops taking new ones while
``MAX_UPDATES_IN_FLIGHT`` are held: that bounds what a kill can lose.

A user whose replies hang (Telegram cannot reach their chat: each send gives up after its 5 s read timeout) holds
their waiting updates meanwhile, one running and the rest in their line. They hold nothing else: no worker, no
connection (a chat holds at most two connections, bot/connections.py), so others go on at full speed. The bound is
sized for that: one chat with a 40-message backlog, or twenty hung chats with a few messages each, leave most of the
128 free. A per-chat cap below the bound would not help: Telegram hands updates over in order and confirms them in
order, so the fetcher would stop at that chat's next update and everyone behind it would wait, which is the stall
itself. Only a chat holding all 128 (a backlog that size behind hanging replies) would make others wait; what it
holds is bounded all the same.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

MAX_UPDATES_IN_FLIGHT = 128


class InFlightQueue(asyncio.Queue[object]):
    """The application's update queue: hands out a new update only while fewer than ``in_flight`` are being
    handled (python-telegram-bot calls ``task_done`` once an update is fully processed)."""

    def __init__(self, in_flight: int = MAX_UPDATES_IN_FLIGHT) -> None:
        super().__init__(maxsize=1)
        self._slots = asyncio.Semaphore(in_flight)

    async def get(self) -> object:
        await self._slots.acquire()
        try:
            return await super().get()
        except BaseException:
            self._slots.release()
            raise

    def task_done(self) -> None:
        super().task_done()
        self._slots.release()


class _Line:
    __slots__ = ("lock", "waiting")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()  # FIFO: updates queue up in the order they arrived
        self.waiting = 0


class PerUserOrder(BaseUpdateProcessor):
    """Different users concurrently; one user's updates one after another, in arrival order.

    python-telegram-bot holds one of ``max_concurrent_updates`` slots while an update waits for its line: give it the
    same bound as ``InFlightQueue``, so that waiting in line costs nothing the queue has not already counted."""

    def __init__(self, max_concurrent_updates: int = MAX_UPDATES_IN_FLIGHT) -> None:
        super().__init__(max_concurrent_updates)
        self._lines: dict[int, _Line] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = sender_of(update)
        if key is None:
            await coroutine
            return
        line = self._lines.get(key)
        if line is None:
            line = self._lines[key] = _Line()
        line.waiting += 1
        try:
            async with line.lock:
                await coroutine
        finally:
            line.waiting -= 1
            if not line.waiting:
                del self._lines[key]

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None


def sender_of(update: object) -> int | None:
    """Whose update this is: the user (their private chat, their buttons), else the chat."""
    if not isinstance(update, Update):
        return None
    if update.effective_user is not None:
        return update.effective_user.id
    return update.effective_chat.id if update.effective_chat is not None else None
