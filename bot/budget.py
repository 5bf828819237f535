"""Telegram's overall message rate, kept by every process together.

Telegram allows a bot about 30 messages a second, whatever number of processes send them. One process paces its
sends with python-telegram-bot's ``AIORateLimiter``; replicas on one database would each do so and send the sum.
``SharedBudget`` puts every message (every request to a chat) through one bucket in the database first
(``Database.take_send_slot``: each send reserves the next slot and waits for it), then through the process's own
limiter, which still retries after a ``retry_after`` as before.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.ext import AIORateLimiter, BaseRateLimiter


class SharedBudget(BaseRateLimiter[int]):
    def __init__(self, inner: AIORateLimiter, take: Callable[[float], float], rate: float) -> None:
        self.inner = inner
        self.take = take  # reserves the next slot, returns the seconds to wait for it
        self.rate = rate

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if data.get("chat_id") is None:  # getMe, getUpdates, setWebhook...: not messages
            return await self.inner.process_request(callback, args, kwargs, endpoint, data, rate_limit_args)

        async def in_turn(*a: Any, **k: Any) -> bool | dict[str, Any] | list[dict[str, Any]]:
            wait = await asyncio.to_thread(self.take, self.rate)
            if wait > 0:
                await asyncio.sleep(wait)
            return await callback(*a, **k)

        return await self.inner.process_request(in_turn, args, kwargs, endpoint, data, rate_limit_args)


def rate_limiter(place: object, messages_per_second: float) -> BaseRateLimiter[int]:
    """The process's own limiter, behind the shared bucket when the store's place is shared (a database).
    ``messages_per_second`` 0: no pacing (nothing goes to Telegram: the console, an offline run), 429s still retried."""
    if messages_per_second <= 0:
        return AIORateLimiter(overall_max_rate=0, max_retries=3)
    inner = AIORateLimiter(overall_max_rate=1, overall_time_period=1 / messages_per_second, max_retries=3)
    take = getattr(place, "take_send_slot", None)
    return SharedBudget(inner, take, messages_per_second) if take is not None else inner
