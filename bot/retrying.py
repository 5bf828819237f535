"""Sending to Telegram again when a try failed in a way that is safe to repeat.

Three kinds of failure are retried, with a short backoff (``RETRY_DELAYS``):

- **The request never reached Telegram** (``never_sent``): no connection could be made (refused, unreachable, name
  not resolved, the proxy refused or failed), none was free in the pool in time, or the request could not be
  written out whole. Nothing can have been delivered, so a retry can never duplicate anything. Always retried.
- **A kept-alive connection was dropped before the answer** (``dropped_unanswered``). Servers close connections
  that sit idle; one closed just as a request goes out on it leaves the request unread, and the client sees the
  connection close (or reset) before any answer. Short of the server failing in the middle of the request, that is
  the only way a reused connection ends before the answer's head, so the request is sent again on a new
  connection, at once (a stale connection says nothing about Telegram's health). Browsers draw the same line:
  Chromium resends on a reused connection that failed before the response headers.
- **Telegram answered 5xx** (its servers failed the request). Almost always nothing happened.

In the rare case that a dropped connection or a 5xx hid a message that went out anyway, a retried reply shows the
same words twice: harmless, since the user's data was saved before the reply was sent and the reply changes
nothing. Morning messages are the exception: a duplicate morning is exactly what their delivery record exists to
prevent, so they are sent inside ``no_resend_after_5xx()``, where only ``never_sent`` failures are retried and the
others leave the day "uncertain" (see bot/coach/journal/delivery.py).

Not retried, because the message may have arrived: a read timeout (the request went out and no answer came back),
a connection reset on a fresh connection (Telegram had the request), an answer cut off after its head. 429 (flood
control) is the rate limiter's business (AIORateLimiter waits ``retry_after`` and retries).

How far a request got is read from httpcore's trace events (``trace_connection``, installed on the bot's httpx
client by bot/connections.py): whether this request opened its connection, whether writing it failed, whether any
answer came back.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import httpx
from telegram.error import NetworkError
from telegram.request import BaseRequest, RequestData

log = logging.getLogger(__name__)

RETRY_DELAYS = (0.25, 0.5, 1.0, 2.0)  # seconds before each retry (a little jitter is added)
_RESEND_AFTER_5XX: ContextVar[bool] = ContextVar("RESEND_AFTER_5XX", default=True)
# python-telegram-bot runs these in retry loops of its own (bootstrap_retries, the polling loop): retrying each try
# too would multiply the waits.
_RETRIED_BY_PTB = frozenset({"getMe", "getUpdates", "deleteWebhook", "setWebhook"})

# httpx failures before any byte of the request reached Telegram: connecting (refused, unreachable, DNS, a proxy that
# refused or failed), or waiting for a free connection in the pool.
_BEFORE_SENDING = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.ProxyError)
# How a connection ends when the server closes or resets it: with an orderly close, or a reset.
_CONNECTION_LOST = (httpx.RemoteProtocolError, httpx.ReadError)


class ConnectionTrace:
    """How far one HTTP request got, from httpcore's trace events (the ``trace`` request extension)."""

    __slots__ = ("answered", "connected", "write_failed")

    def __init__(self) -> None:
        self.connected = False  # this request opened its connection (else it reused a kept-alive one)
        self.write_failed = False  # the request could not be written out whole
        self.answered = False  # the answer's status line and headers came back

    async def __call__(self, event: str, info: dict[str, Any]) -> None:
        # Events are "<layer>.<step>.started|complete|failed"; the layer differs with proxies (connection, socks...).
        if event.endswith((".connect_tcp.started", ".connect_unix_socket.started")):
            self.connected = True
        elif event.startswith(("http11.send_request_headers.failed", "http11.send_request_body.failed")):
            self.write_failed = True  # httpcore then reads on, in case the server answered before closing
        elif event == "http11.receive_response_headers.complete":
            self.answered = True


async def trace_connection(request: httpx.Request) -> None:
    """An httpx request hook: every request carries a fresh ``ConnectionTrace``, read back from its errors."""
    request.extensions["trace"] = ConnectionTrace()


def _httpx_error(error: BaseException) -> httpx.HTTPError | None:
    """The httpx failure behind a python-telegram-bot error (HTTPXRequest raises ``from`` it)."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, httpx.HTTPError):
            return cause
        cause = cause.__cause__
    return None


def _trace_of(error: httpx.HTTPError) -> ConnectionTrace | None:
    try:
        trace = error.request.extensions.get("trace")
    except RuntimeError:  # an error raised before the request existed
        return None
    return trace if isinstance(trace, ConnectionTrace) else None


def never_sent(error: BaseException) -> bool:
    """The request failed before it left this machine whole (so repeating it cannot duplicate anything)."""
    cause = _httpx_error(error)
    if isinstance(cause, _BEFORE_SENDING):
        return True
    trace = _trace_of(cause) if isinstance(cause, httpx.RequestError) else None
    return trace is not None and trace.write_failed and not trace.answered


def dropped_unanswered(error: BaseException) -> bool:
    """A connection kept alive from an earlier request was closed or reset before the answer's head came back."""
    cause = _httpx_error(error)
    if not isinstance(cause, _CONNECTION_LOST):
        return False
    trace = _trace_of(cause)
    return trace is not None and not trace.connected and not trace.answered


@contextmanager
def no_resend_after_5xx() -> Iterator[None]:
    """Sends inside this block are repeated only when they never left (``never_sent``): not after a 5xx answer,
    nor after a dropped connection (a duplicate would matter)."""
    token = _RESEND_AFTER_5XX.set(False)
    try:
        yield
    finally:
        _RESEND_AFTER_5XX.reset(token)


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
        dropped = False  # a dropped connection is tried again at once, the first time
        for attempt, delay in enumerate((*delays, None), 1):
            try:
                code, payload = await self.inner.do_request(
                    url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
                )
            except NetworkError as error:
                if delay is None:
                    raise
                if never_sent(error):
                    why = type(_httpx_error(error) or error).__name__
                    log.warning("%s: not sent (%s); trying again (attempt %d)", api_method, why, attempt)
                elif dropped_unanswered(error) and _RESEND_AFTER_5XX.get():
                    log.warning("%s: connection dropped unanswered; trying again (attempt %d)", api_method, attempt)
                    if not dropped:
                        dropped = True
                        delay = 0.0
                else:
                    raise
            else:
                if code < 500 or delay is None or not _RESEND_AFTER_5XX.get():
                    return code, payload
                log.warning("%s: Telegram answered %d; trying again (attempt %d)", api_method, code, attempt)
            await asyncio.sleep(delay * (1 + random.random() / 4))
        raise AssertionError("unreachable: the last attempt returns or raises")
