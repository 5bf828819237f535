"""Sending to Telegram again when a try failed in a way that is safe to repeat.

Two kinds of failure are retried, with a short backoff (``RETRY_DELAYS``):

- **The request never reached Telegram**: no connection could be made, or none was free in the pool. Nothing was
  delivered, so a retry can never duplicate anything. Always retried.
- **Telegram answered 5xx** (its servers failed the request). Almost always nothing happened. In the rare case
  that the message went out anyway, a retried reply shows the same words twice: harmless, since the user's data
  was saved before the reply was sent and the reply changes nothing. Morning messages are the exception: a
  duplicate morning is exactly what their delivery record exists to prevent, so they are sent inside
  ``no_resend_after_5xx()`` and a 5xx leaves the day "uncertain" instead (see bot/coach/journal/delivery.py).

A read timeout (the request went out and no answer came back) is *not* retried: the message may have arrived.
429 (flood control) is the rate limiter's business (AIORateLimiter waits ``retry_after`` and retries).
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from telegram.error import NetworkError
from telegram.request import BaseRequest, RequestData

from bot.transport import NEVER_SENT

log = logging.getLogger(__name__)

RETRY_DELAYS = (0.25, 0.5, 1.0, 2.0)  # seconds before each retry (a little jitter is added)
_RESEND_AFTER_5XX: ContextVar[bool] = ContextVar("RESEND_AFTER_5XX", default=True)
# python-telegram-bot runs these in retry loops of its own (bootstrap_retries, the polling loop): retrying each try
# too would multiply the waits.
_RETRIED_BY_PTB = frozenset({"getMe", "getUpdates", "deleteWebhook", "setWebhook"})


@contextmanager
def no_resend_after_5xx() -> Iterator[None]:
    """Sends inside this block are not repeated after a 5xx answer (a duplicate would matter)."""
    token = _RESEND_AFTER_5XX.set(False)
    try:
        yield
    finally:
        _RESEND_AFTER_5XX.reset(token)


def never_sent(error: BaseException) -> bool:
    """The request failed before it left this machine (so repeating it cannot duplicate anything)."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, NEVER_SENT):
            return True
        cause = cause.__cause__
    return False


class RetryingRequest(BaseRequest):
    """Wraps the real request (HTTPX in production, LocalBotAPI offline) with the retries described above."""

    def __init__(self, inner: BaseRequest, delays: tuple[float, ...] | None = None) -> None:
        self.inner = inner
        self.delays = RETRY_DELAYS if delays is None else delays

    @property
    def read_timeout(self) -> float | None:
        return self.inner.read_timeout

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        delays = () if api_method in _RETRIED_BY_PTB else self.delays
        for attempt, delay in enumerate((*delays, None), 1):
            try:
                code, payload = await self.inner.do_request(
                    url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
                )
            except NetworkError as error:
                if delay is None or not never_sent(error):
                    raise
                log.warning("%s: not sent (%s); trying again (attempt %d)", api_method, type(error).__name__, attempt)
            else:
                if code < 500 or delay is None or not _RESEND_AFTER_5XX.get():
                    return code, payload
                log.warning("%s: Telegram answered %d; trying again (attempt %d)", api_method, code, attempt)
            await asyncio.sleep(delay * (1 + random.random() / 4))
        raise AssertionError("unreachable: the last attempt returns or raises")
