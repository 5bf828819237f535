"""The bot's connections to the Bot API: python-telegram-bot's own ``HTTPXRequest``, and each chat's fair share of it.

Two requests, as python-telegram-bot sets them up by default (``long_poll_request``, ``send_request``):

- the long poll (getUpdates) has a connection of its own: it never waits for a send, and no send waits for it;
- every other call shares a pool of ``SEND_POOL`` connections, through ``ChatShare`` (each chat's share) and
  ``RetryingRequest`` (bot/retrying.py: what is tried again).

The pool and the timeouts are python-telegram-bot's defaults, kept on purpose:

- **read, write and connect: 5 s each** (uploads, such as an export or a map picture, may take 20 s to write). A call
  to a chat Telegram cannot reach gives up after 5 s and is not sent again (it may have arrived).
- **256 connections for sends, 1 s to get one.** The rate limiter (bot/app.py) starts at most 29.5 calls a second, and
  a call that hangs gives up after 5 s: even with every chat hung, about 150 calls hold a connection at once. Hung
  chats cannot drain the pool, so a free connection is always there at once; if it ever were not, the call fails
  within ``pool_timeout`` as never sent and is tried again.
- **each chat at most ``CHAT_SHARE`` connections at once** (``ChatShare``): a chat's further calls (a burst of
  background work, say) wait their turn without holding a connection. Calls that name no chat are not limited.
- **idle connections are closed after 5 s** (httpx's keep-alive expiry). One the server closed first is noticed
  before it is reused; one it closes just as a request goes out is tried again (bot/retrying.py).

Proxies come from the environment, read by httpx: ``HTTPS_PROXY`` (Telegram's address is https), ``HTTP_PROXY``,
``ALL_PROXY``, and ``NO_PROXY`` for hosts to reach directly. An ``http://`` proxy is asked with CONNECT; a
``socks5://`` (or ``socks5h://``, names resolved by the proxy) one through python-telegram-bot's ``socks`` extra.
"""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.request import BaseRequest, HTTPXRequest, RequestData

from bot.retrying import trace_connection

SEND_POOL = 256
POOL_TIMEOUT = 1.0
CHAT_SHARE = 2


def http_request(
    connection_pool_size: int = SEND_POOL,
    read_timeout: float = 5.0,
    pool_timeout: float = POOL_TIMEOUT,
) -> HTTPXRequest:
    """python-telegram-bot's HTTPXRequest (its defaults otherwise), each request traced so that failures can be told
    apart (see bot/retrying.py)."""
    return HTTPXRequest(
        connection_pool_size=connection_pool_size,
        read_timeout=read_timeout,
        pool_timeout=pool_timeout,
        httpx_kwargs={"event_hooks": {"request": [trace_connection]}},
    )


def send_request() -> HTTPXRequest:
    """The pool every call but the long poll shares."""
    return http_request(SEND_POOL)


def long_poll_request() -> HTTPXRequest:
    """One connection for getUpdates (python-telegram-bot adds the poll's own wait to its read timeout)."""
    return http_request(1)


class _Share:
    __slots__ = ("slots", "users")

    def __init__(self, size: int) -> None:
        self.slots = asyncio.Semaphore(size)
        self.users = 0  # calls holding or waiting for a slot


class ChatShare(BaseRequest):
    """At most ``share`` calls to one chat at once; the others wait their turn, in order, holding no connection."""

    def __init__(self, inner: BaseRequest, share: int = CHAT_SHARE) -> None:
        self.inner = inner
        self.share = share
        self._shares: dict[object, _Share] = {}

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
        chat = request_data.parameters.get("chat_id") if request_data is not None else None
        if chat is None:
            return await self.inner.do_request(
                url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
            )
        share = self._shares.get(chat)
        if share is None:
            share = self._shares[chat] = _Share(self.share)
        share.users += 1
        try:
            async with share.slots:
                return await self.inner.do_request(
                    url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
                )
        finally:
            share.users -= 1
            if not share.users:
                del self._shares[chat]
