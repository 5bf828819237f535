"""``nurture --webhook``: Nurture's own small webhook server (tornado), in front of the Application.

python-telegram-bot's built-in webhook server reads a request's whole body before it looks at the secret token:
eight concurrent 99 MB posts without the secret took the bot from 69 MB to 1.25 GB. This one decides from the
headers alone, before any byte of the body is read:

- a request without the right ``X-Telegram-Bot-Api-Secret-Token`` gets 403, and its body is never read (the
  connection is closed after the answer: tornado's way of not reading a body);
- a body larger than ``BODY_LIMIT`` (1 MiB; Telegram's updates are a few kilobytes) gets 413, also unread; a body
  sent without a length (chunked) is cut off at the same size;
- what passes is read (at most ``BODY_LIMIT``), parsed with ``Update.de_json`` and handled by the Application's
  update processor (each user's updates in order, users in parallel: bot/updates.py), and only *then* answered 200.
  Telegram delivers an update again until it is answered, so an update is never lost with a process killed while
  handling it (what it had saved is recognised by its id and not applied twice: Notebook.HANDLING). The Bot API
  sends one chat's updates one at a time, the next only once the last was answered (its webhook keeps a queue per
  chat), so answering after handling also keeps each user's updates in order across replicas behind one proxy.
  Updates are only taken while the Application runs: before and while it stops, they get 503 and Telegram
  delivers them again later.

Beside the webhook, on the same port, the health endpoints for a load balancer or an orchestrator:

- ``GET /healthz`` (liveness): 200 while the process runs;
- ``GET /readyz`` (readiness): 200 when the data store is usable and the Bot API answered getMe recently, else
  503 with a short plain reason (bot/health.py).

The lifecycle is python-telegram-bot's ``run_webhook`` one: initialize (getMe, retried while Telegram is
unreachable), ``post_init``, start, listen, ``setWebhook`` with the secret; on SIGINT/SIGTERM stop listening,
finish (and answer) every update taken, then shut down.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import signal
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

import orjson
import tornado.web
from telegram import Update
from telegram.error import InvalidToken, NetworkError, TimedOut
from telegram.ext import Application
from tornado.httpserver import HTTPServer

from bot.config import Redactor, Settings
from bot.context import services
from bot.health import BotAPICheck

log = logging.getLogger(__name__)

BODY_LIMIT = 1 << 20  # bytes: Telegram's updates are a few kilobytes
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_CONNECTIONS = 40  # what setWebhook asks Telegram to open at most (python-telegram-bot's default)
BODY_TIMEOUT_S = 30.0  # a body that trickles in slower than this is cut off
IDLE_TIMEOUT_S = 60.0
FINISH_TIMEOUT_S = 25.0  # on stopping, updates taken are finished (and answered) within this (systemd waits 30 s)


class Shared:
    """What the request handlers need: the Application, the secret, and the health checks."""

    def __init__(self, app: Application, secret: str, api: BotAPICheck) -> None:
        self.app = app
        self.secret = secret.encode()
        self.api = api
        self.handling = 0  # updates taken and not answered yet
        self.idle = asyncio.Event()
        self.idle.set()

    async def handle(self, update: Update) -> None:
        """Handle one update through the Application's update processor, as its own update fetcher would."""
        self.handling += 1
        self.idle.clear()
        try:
            await self.app.update_processor.process_update(update, self.app.process_update(update))
        finally:
            self.handling -= 1
            if not self.handling:
                self.idle.set()


class _Plain(tornado.web.RequestHandler):
    def initialize(self, shared: Shared) -> None:
        self.shared = shared

    def answer(self, status: int, text: str) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(text + "\n")

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"{status_code} {HTTPStatus(status_code).phrase}\n")

    def log_exception(self, *args: Any) -> None:
        """Refusals are the server doing its job, not errors worth a traceback."""


@tornado.web.stream_request_body
class UpdateHandler(_Plain):
    """Telegram's POST of one update."""

    SUPPORTED_METHODS = ("POST",)

    def prepare(self) -> None:
        """The headers decide, before any byte of the body is read."""
        self._body = bytearray()
        given = self.request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self.shared.secret):
            # Not logged above DEBUG: whoever floods the port with such requests must not flood the log too.
            log.debug("webhook: a request without the right secret token from %s (403)", self.request.remote_ip)
            self.answer(HTTPStatus.FORBIDDEN, "forbidden")
            return
        length = self.request.headers.get("Content-Length")
        if length is not None and (not length.isdigit() or int(length) > BODY_LIMIT):
            log.warning("webhook: a body of %s bytes refused (the limit is %d)", length, BODY_LIMIT)
            self.answer(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a body is at most {BODY_LIMIT} bytes")
            return
        if not self.shared.app.running:
            self.answer(HTTPStatus.SERVICE_UNAVAILABLE, "not running: send it again later")
            return

    def data_received(self, chunk: bytes) -> None:
        if len(self._body) + len(chunk) > BODY_LIMIT:  # a body without a length, grown too large
            raise tornado.web.HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        self._body += chunk

    async def post(self) -> None:
        try:
            data = orjson.loads(self._body)
            update = Update.de_json(data, self.shared.app.bot) if isinstance(data, dict) else None
        except (orjson.JSONDecodeError, TypeError, ValueError, KeyError):
            update = None
        if update is None:
            self.answer(HTTPStatus.BAD_REQUEST, "not an update")
            return
        await self.shared.handle(update)
        self.answer(HTTPStatus.OK, "ok")


class NotFoundHandler(_Plain):
    def prepare(self) -> None:
        self.answer(HTTPStatus.NOT_FOUND, "not found")


class LivenessHandler(_Plain):
    SUPPORTED_METHODS = ("GET", "HEAD")

    def get(self) -> None:
        self.answer(HTTPStatus.OK, "alive")


class ReadinessHandler(_Plain):
    SUPPORTED_METHODS = ("GET", "HEAD")

    async def get(self) -> None:
        app = self.shared.app
        problem = "" if app.running else "starting or stopping"
        problem = problem or await asyncio.to_thread(services(app).store.place.problem)
        problem = problem or await self.shared.api.problem()
        if problem:
            self.answer(HTTPStatus.SERVICE_UNAVAILABLE, f"not ready: {problem}")
        else:
            self.answer(HTTPStatus.OK, "ready")


def web_app(shared: Shared, path: str) -> tornado.web.Application:
    route = "/" + path.strip("/") if path.strip("/") else "/"
    return tornado.web.Application(
        [
            (rf"{route}/?" if route != "/" else "/", UpdateHandler, {"shared": shared}),
            (r"/healthz", LivenessHandler, {"shared": shared}),
            (r"/readyz", ReadinessHandler, {"shared": shared}),
        ],
        default_handler_class=NotFoundHandler,
        default_handler_args={"shared": shared},
        log_function=lambda handler: None,  # requests are not logged (python-telegram-bot's handler does not either)
    )


async def serve(
    app: Application, settings: Settings, allowed_updates: Sequence[str], stop: asyncio.Event, redact: Redactor
) -> None:
    """Run the bot on the webhook until ``stop`` is set; raises what the start-up met (InvalidToken, NetworkError,
    OSError for a port that cannot be listened on)."""
    api = BotAPICheck(app.bot.get_me, redact)
    server: HTTPServer | None = None
    shared: Shared | None = None
    # A request refused for its size is closed by tornado with an INFO line of its own ("Malformed HTTP message"):
    # the refusal is the point, not news.
    logging.getLogger("tornado.general").setLevel(logging.WARNING)
    try:
        await _retrying("reach Telegram", app.initialize, settings.start_retries)
        api.answered()  # initialize asked getMe
        if app.post_init is not None:
            await app.post_init(app)
        await app.start()
        shared = Shared(app, settings.webhook_secret, api)
        server = HTTPServer(
            web_app(shared, settings.webhook_path),
            max_body_size=BODY_LIMIT,
            max_buffer_size=BODY_LIMIT + (64 << 10),
            body_timeout=BODY_TIMEOUT_S,
            idle_connection_timeout=IDLE_TIMEOUT_S,
        )
        server.listen(settings.webhook_port, address=settings.webhook_listen)
        await _retrying(
            "register the webhook",
            lambda: app.bot.set_webhook(
                url=settings.webhook_url,
                secret_token=settings.webhook_secret,
                allowed_updates=list(allowed_updates),
                max_connections=MAX_CONNECTIONS,
            ),
            settings.start_retries,
        )
        log.info("listening on %s:%d for %s", settings.webhook_listen, settings.webhook_port, settings.webhook_url)
        await stop.wait()
        log.info("stopping: no new updates are taken; the ones taken are finished first")
    finally:
        if server is not None:
            server.stop()
            if shared is not None:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(shared.idle.wait(), FINISH_TIMEOUT_S)
            await server.close_all_connections()
        if app.running:
            await app.stop()
            if app.post_stop is not None:
                await app.post_stop(app)
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)


async def _retrying(what: str, step: Any, retries: int) -> Any:
    """A start-up step, tried again (with growing pauses) while Telegram cannot be reached, ``retries`` times
    (COACH_START_RETRIES)."""
    attempts = retries + 1
    for attempt in range(1, attempts + 1):
        try:
            return await step()
        except InvalidToken:
            raise
        except (NetworkError, TimedOut) as error:
            if attempt == attempts:
                log.error("could not %s (attempt %d of %d): %s; giving up", what, attempt, attempts, error)
                raise
            log.warning("could not %s (attempt %d of %d): %s; trying again", what, attempt, attempts, error)
            await asyncio.sleep(min(2.0 ** (attempt - 1), 8.0))
    raise AssertionError("unreachable")


def run_webhook(app: Application, settings: Settings, allowed_updates: Sequence[str], redact: Redactor) -> None:
    """``serve`` on the current event loop (left open, as ``run_polling(close_loop=False)`` leaves it), stopping on
    SIGINT, SIGTERM or SIGABRT."""
    try:
        loop = asyncio.get_event_loop()
    except RuntimeError:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
    stop = asyncio.Event()
    signals = (signal.SIGINT, signal.SIGTERM, signal.SIGABRT)
    for sig in signals:
        loop.add_signal_handler(sig, stop.set)
    try:
        loop.run_until_complete(serve(app, settings, allowed_updates, stop, redact))
    finally:
        for sig in signals:
            loop.remove_signal_handler(sig)
