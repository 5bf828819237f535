"""How Nurture talks HTTP to the Bot API: aiohttp, behind python-telegram-bot's ``BaseRequest`` seam.

python-telegram-bot's own transport (``HTTPXRequest``) works, but its per-request work is a large part of what a
reply costs: measured against the loopback fake Bot API (bench/bench_vs_echo.py), a bare echo bot answers in
~3.3 ms with httpx and ~2.2 ms with aiohttp, whose HTTP parser is compiled. Every reply and every long poll goes
through here, so that difference is in every answer a user waits for.

Failures become python-telegram-bot's errors, as HTTPXRequest's do:

- a timeout is ``TimedOut``; one while waiting for a free connection or connecting says the request was not sent;
- any other aiohttp failure is ``NetworkError``, with the aiohttp error as its ``__cause__`` (bot/retrying.py reads
  it to tell a request that never left this machine from one that may have arrived).

The session is made in ``initialize`` (inside the running event loop), never at construction or import.
"""

from __future__ import annotations

import ssl
import urllib.request
from typing import Any

import aiohttp
import certifi
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

# The defaults python-telegram-bot's HTTPXRequest uses, in seconds.
READ_TIMEOUT = 5.0
WRITE_TIMEOUT = 5.0
CONNECT_TIMEOUT = 5.0
POOL_TIMEOUT = 1.0
MEDIA_WRITE_TIMEOUT = 20.0  # uploads (an export, a map picture) take longer to send

# aiohttp failures that happen before any byte of the request is sent: no connection could be made (refused,
# unreachable, name not resolved), or none was free in the pool / connecting took too long.
NEVER_SENT = (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError)


class AiohttpRequest(BaseRequest):
    """A pool of ``connection_pool_size`` keep-alive connections; a proxy from the usual environment variables
    (``HTTPS_PROXY``, ``NO_PROXY``...), as with python-telegram-bot's default; certificates checked against certifi's
    bundle."""

    __slots__ = ("_pool_size", "_proxies", "_session", "_timeouts")

    def __init__(
        self,
        connection_pool_size: int = 1,
        read_timeout: float = READ_TIMEOUT,
        write_timeout: float = WRITE_TIMEOUT,
        connect_timeout: float = CONNECT_TIMEOUT,
        pool_timeout: float = POOL_TIMEOUT,
    ) -> None:
        self._pool_size = connection_pool_size
        self._timeouts = {
            "read": read_timeout,
            "write": write_timeout,
            "connect": connect_timeout,
            "pool": pool_timeout,
        }
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[str, str | None] = {}  # "scheme://host:port" -> its proxy (None: none)

    @property
    def read_timeout(self) -> float:
        return self._timeouts["read"]

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            context = ssl.create_default_context(cafile=certifi.where())
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size, ssl=context),
                timeout=aiohttp.ClientTimeout(total=None),  # each request sets its own (see do_request)
            )
            self._proxies.clear()  # the environment is read again on a restart

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

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
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized")
        files = request_data.multipart_data if request_data and request_data.contains_files else None
        read = self._given(read_timeout, "read")
        write = self._given(write_timeout, "write", MEDIA_WRITE_TIMEOUT if files else None)
        connect = self._given(connect_timeout, "connect")
        pool = self._given(pool_timeout, "pool")
        timeout = aiohttp.ClientTimeout(
            # aiohttp has no write timeout: the whole exchange is bounded by the sum of its phases instead.
            total=_sum(read, write, connect, pool),
            connect=_sum(connect, pool),  # a free connection, or a new one
            sock_connect=connect,
            sock_read=read,
        )
        try:
            async with session.request(
                method,
                url,
                data=_body(request_data, files),
                headers={"User-Agent": self.USER_AGENT},
                proxy=self._proxy_for(url),
                timeout=timeout,
            ) as response:
                return response.status, await response.read()
        except aiohttp.ConnectionTimeoutError as error:
            raise TimedOut(
                "Pool or connect timeout: no connection to Telegram was free or could be made in time. "
                "The request was not sent."
            ) from error
        except TimeoutError as error:
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error

    def _proxy_for(self, url: str) -> str | None:
        """The proxy the environment names for this URL's scheme and host, unless NO_PROXY exempts the host. Looked
        up once per origin (aiohttp's own ``trust_env`` reads the environment again for every request)."""
        origin = url.split("/", 3)[:3]
        key = "/".join(origin)
        if key not in self._proxies:
            scheme, host = origin[0].rstrip(":"), origin[2] if len(origin) > 2 else ""
            bypass = urllib.request.proxy_bypass(host.rsplit(":", 1)[0] if "]" not in host else host)
            self._proxies[key] = None if bypass else urllib.request.getproxies().get(scheme)
        return self._proxies[key]

    def _given(self, value: Any, name: str, default: float | None = None) -> float | None:
        """A timeout passed for this call, else this request's default (None: wait as long as it takes)."""
        if value is BaseRequest.DEFAULT_NONE:
            return default if default is not None else self._timeouts[name]
        return None if value is None else float(value)


def _sum(*seconds: float | None) -> float | None:
    """A limit made of several: none (wait as long as it takes) when any of them is none."""
    total = 0.0
    for part in seconds:
        if part is None:
            return None
        total += part
    return total


def _body(request_data: RequestData | None, files: dict[str, Any] | None) -> Any:
    """Parameters form-encoded (as HTTPXRequest sends them), or a multipart form when files go with them."""
    if request_data is None:
        return None
    if not files:
        return request_data.json_parameters
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mimetype) in files.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form
