"""A loopback stand-in for the Telegram Bot API: a real HTTP server on 127.0.0.1 that python-telegram-bot talks to.

The end-to-end tests start the bot as a real process and point ``TELEGRAM_BASE_URL`` at this server; the fan-out
benchmark runs it as its own process (``python testkit/fake_bot_api.py --port N --max-per-second 30``) and reads
per-chat delivery counts from ``GET /_stats``.

Like Telegram, it keeps an update until the bot confirms it (a getUpdates with a higher ``offset``), so a bot that
dies mid-burst sees the unconfirmed updates again after a restart. With ``max_per_second`` set, a sendMessage
beyond that many in any sliding one-second window is refused with HTTP 429 and is not delivered.

It can also fail the way a real link and a real Telegram do, on purpose (see "faults" below):

- ``latency``: every answer leaves that many seconds after its request arrived (a real round trip);
- ``hang(chat)``: sends to that chat are read and then held unanswered, as if Telegram could not reach the chat;
- ``fail_next(method, 502)``: the next calls answer 5xx and deliver nothing;
- ``reset_next(method, after=...)``: the call is delivered, then the connection is reset, with no answer or after
  the answer's head, before its body (delivery happened; the bot cannot know);
- ``idle_timeout``: connections idle that long are closed (keep-alive reaping), and ``drop_reused(n)``: the next
  ``n`` requests that arrive on an already used connection are not acted on, the connection just closes (the
  server reaped it as the request arrived: the race a keep-alive client must survive);
- ``keep_alive=False``: every answer closes its connection (each request comes on a fresh one);
- ``fail_downloads(502)``: file downloads (``/file/bot<token>/<path>``) fail.

Standard library only; every wait is bounded; it binds 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import socket
import struct
import threading
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

BOT_USER = {"id": 100000001, "is_bot": True, "first_name": "Nurture", "username": "nurture_coach_bot"}

# Long polls are cut short so a test never waits on a slow poll, and a stopping bot is never held up.
MAX_POLL_SECONDS = 1.0

# A hung send is held at most this long (then answered and delivered), so no server thread waits forever.
MAX_HANG_SECONDS = 120.0

# Parameters PTB sends JSON-encoded inside a form field.
JSON_FIELDS = {
    "reply_markup",
    "entities",
    "caption_entities",
    "allowed_updates",
    "commands",
    "scope",
    "link_preview_options",
    "reply_parameters",
    "media",
}

MESSAGE_METHODS = {"sendMessage", "editMessageText", "editMessageReplyMarkup"}

PATH = re.compile(r"^/bot(?P<token>[^/]+)/(?P<method>\w+)$")
FILE_PATH = re.compile(r"^/file/bot(?P<token>[^/]+)/(?P<path>.+)$")

RESET_AFTER = ("request", "headers")  # what the bot receives before a reset: nothing, or the answer's head


class FakeBotAPI:
    """The server and what it saw. Thread-safe: the HTTP threads and the test thread share it through one lock."""

    def __init__(
        self,
        port: int = 0,
        max_per_second: int | None = None,
        latency: float = 0.0,
        idle_timeout: float | None = None,
        keep_alive: bool = True,
    ) -> None:
        self.max_per_second = max_per_second
        self.latency = latency
        self.idle_timeout = idle_timeout
        self.keep_alive = keep_alive
        self.sent: list[tuple[str, dict[str, Any]]] = []  # every call except getUpdates, in arrival order
        self.delivered: Counter[int] = Counter()  # chat_id -> sendMessage calls answered 200
        self.refused = 0  # sendMessage calls answered 429
        self.tokens: set[str] = set()
        self.files: dict[str, bytes] = {}  # file_id -> content, for documents users send
        self.downloads = 0  # file downloads answered 200
        self.reaped = 0  # idle keep-alive connections closed
        self.dropped = 0  # requests closed unanswered on a reused connection (drop_reused)
        self._hung: set[int] = set()
        self._holding = 0  # sends being held right now
        self._release = threading.Event()
        self._failures: defaultdict[str, deque[int]] = defaultdict(deque)
        self._resets: defaultdict[str, deque[str]] = defaultdict(deque)
        self._download_failures: deque[int] = deque()
        self._drop_reused: Counter[str | None] = Counter()  # method (None: any) -> requests still to drop
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._window: deque[float] = deque()
        self._changed = threading.Condition()
        self._httpd = _QuietServer(("127.0.0.1", port), _handler_for(self))
        self._thread: threading.Thread | None = None

    # -- lifecycle ------------------------------------------------------------------------------------------------

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        """The value for TELEGRAM_BASE_URL: python-telegram-bot appends the token and the method."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def file_url(self) -> str:
        """The value for TELEGRAM_BASE_FILE_URL (file downloads)."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    def start(self) -> FakeBotAPI:
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()  # held sends are answered, so their threads end
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeBotAPI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- what a Telegram user does ----------------------------------------------------------------------------------

    def push_text(self, user_id: int, text: str, first_name: str = "Alex") -> int:
        """Queue a private-chat message from ``user_id``; returns its update_id."""
        with self._changed:
            update_id = next(self._update_ids)
            message: dict[str, Any] = {
                "message_id": 1_000_000 + update_id,
                "date": int(time.time()),
                "chat": {"id": user_id, "type": "private", "first_name": first_name},
                "from": {"id": user_id, "is_bot": False, "first_name": first_name},
                "text": text,
            }
            if text.startswith("/") and text.split():
                command = text.split(maxsplit=1)[0]
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
            self._updates.append({"update_id": update_id, "message": message})
            self._changed.notify_all()
            return update_id

    def push_button(
        self, user_id: int, data: str, message: dict[str, Any] | None = None, first_name: str = "Alex"
    ) -> int:
        """Queue a tap on an inline button; ``message`` is the bot message the button was under (as sent)."""
        with self._changed:
            update_id = next(self._update_ids)
            chat = {"id": user_id, "type": "private", "first_name": first_name}
            bot_message = {
                "message_id": int((message or {}).get("message_id") or 0),
                "date": int(time.time()),
                "chat": chat,
                "from": BOT_USER,
                "text": str((message or {}).get("text", "")),
            }
            self._updates.append(
                {
                    "update_id": update_id,
                    "callback_query": {
                        "id": str(update_id),
                        "from": {"id": user_id, "is_bot": False, "first_name": first_name},
                        "chat_instance": "loopback",
                        "data": data,
                        "message": bot_message,
                    },
                }
            )
            self._changed.notify_all()
            return update_id

    def push_document(
        self, user_id: int, file_name: str, content: bytes, caption: str = "", first_name: str = "Alex"
    ) -> int:
        """Queue a file sent as a document; the bot fetches it with getFile and a download."""
        with self._changed:
            update_id = next(self._update_ids)
            file_id = f"file{update_id}"
            self.files[file_id] = content
            message: dict[str, Any] = {
                "message_id": 1_000_000 + update_id,
                "date": int(time.time()),
                "chat": {"id": user_id, "type": "private", "first_name": first_name},
                "from": {"id": user_id, "is_bot": False, "first_name": first_name},
                "document": {
                    "file_id": file_id,
                    "file_unique_id": file_id,
                    "file_name": file_name,
                    "file_size": len(content),
                },
            }
            if caption:
                message["caption"] = caption
            self._updates.append({"update_id": update_id, "message": message})
            self._changed.notify_all()
            return update_id

    # -- faults: what an unreliable link or Telegram does ------------------------------------------------------------

    def hang(self, *chat_ids: int) -> None:
        """Sends to these chats are read, then held unanswered until ``release()`` (the bot's own read timeout
        gives up first); a held send is delivered when it is released."""
        with self._changed:
            self._hung.update(chat_ids)
            self._release.clear()

    def release(self) -> None:
        """Answer (and deliver) every held send; later sends to those chats go through at once."""
        with self._changed:
            self._hung.clear()
            self._release.set()
            self._changed.notify_all()

    @property
    def holding(self) -> int:
        """Sends held unanswered right now (``hang``)."""
        with self._changed:
            return self._holding

    def fail_next(self, method: str, *statuses: int) -> None:
        """The next calls of ``method`` are answered with these HTTP statuses (5xx...) and deliver nothing."""
        with self._changed:
            self._failures[method].extend(statuses)

    def reset_next(self, method: str, after: str = "request") -> None:
        """The next call of ``method`` is delivered, then its connection is reset: with nothing sent back
        (``after="request"``) or after the answer's status line and headers (``after="headers"``)."""
        if after not in RESET_AFTER:
            raise ValueError(f"after must be one of {RESET_AFTER}")
        with self._changed:
            self._resets[method].append(after)

    def drop_reused(self, count: int = 1, method: str | None = None) -> None:
        """The next ``count`` requests (of ``method``, or of any) arriving on a connection that already served one are
        not acted on: the connection just closes, as when a server reaps an idle keep-alive connection while the
        request is on its way. Nothing was delivered."""
        with self._changed:
            self._drop_reused[method] += count

    def fail_downloads(self, *statuses: int) -> None:
        """The next file downloads are answered with these HTTP statuses."""
        with self._changed:
            self._download_failures.extend(statuses)

    # -- what the bot did -------------------------------------------------------------------------------------------

    def calls(self, method: str = "sendMessage", chat_id: int | None = None) -> list[dict[str, Any]]:
        with self._changed:
            return [
                params
                for name, params in self.sent
                if name == method and (chat_id is None or _int(params.get("chat_id")) == chat_id)
            ]

    def texts(self, chat_id: int | None = None) -> list[str]:
        return [str(p.get("text", "")) for p in self.calls("sendMessage", chat_id)]

    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed by the bot (a getUpdates with a higher offset), oldest first."""
        with self._changed:
            return [dict(u) for u in self._updates]

    def wait_for(self, predicate: Callable[[FakeBotAPI], bool], timeout: float = 10.0) -> bool:
        """Block until ``predicate(self)`` holds (re-checked on every call the bot makes), or the timeout passes."""
        deadline = time.monotonic() + timeout
        while True:
            if predicate(self):
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            with self._changed:
                self._changed.wait(min(remaining, 0.05))

    def stats(self) -> dict[str, Any]:
        with self._changed:
            return {
                "delivered": {str(chat): n for chat, n in self.delivered.items()},
                "total_delivered": sum(self.delivered.values()),
                "refused_429": self.refused,
                "pending_updates": len(self._updates),
                "holding": self._holding,
                "reaped": self.reaped,
                "dropped": self.dropped,
            }

    def reset(self) -> None:
        with self._changed:
            self.sent.clear()
            self.delivered.clear()
            self.refused = 0
            self._window.clear()

    def _fault_for(self, method: str, params: dict[str, Any], reused: bool) -> str | None:
        """Which fault, if any, this call meets: "drop", "hang", "reset:<after>", or "status:<code>"."""
        with self._changed:
            for dropping in (method, None) if reused else ():
                if self._drop_reused[dropping] > 0:
                    self._drop_reused[dropping] -= 1
                    self.dropped += 1
                    self._changed.notify_all()
                    return "drop"
            if self._failures.get(method):
                return f"status:{self._failures[method].popleft()}"
            if self._resets.get(method):
                return f"reset:{self._resets[method].popleft()}"
            if method != "getUpdates" and _int(params.get("chat_id")) in self._hung:
                return "hang"
        return None

    def _hold(self) -> None:
        with self._changed:
            self._holding += 1
            self._changed.notify_all()
        try:
            self._release.wait(MAX_HANG_SECONDS)
        finally:
            with self._changed:
                self._holding -= 1
                self._changed.notify_all()

    def _download(self, path: str) -> tuple[int, bytes]:
        with self._changed:
            if self._download_failures:
                status = self._download_failures.popleft()
                return status, json.dumps({"ok": False, "error_code": status, "description": "Bad Gateway"}).encode()
            content = self.files.get(path.rsplit("/", 1)[-1])
            if content is None:
                return 404, json.dumps({"ok": False, "error_code": 404, "description": "Not Found"}).encode()
            self.downloads += 1
            return 200, content

    # -- the Bot API ------------------------------------------------------------------------------------------------

    def handle(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._get_updates(params)}
        with self._changed:
            if method == "sendMessage" and self._over_limit():
                self.refused += 1
                self._changed.notify_all()
                return 429, {
                    "ok": False,
                    "error_code": 429,
                    "description": "Too Many Requests: retry after 1",
                    "parameters": {"retry_after": 1},
                }
            result = self._result(method, params)
            self.sent.append((method, params))
            if method == "sendMessage":
                self.delivered[_int(params.get("chat_id"))] += 1
            self._changed.notify_all()
        return 200, {"ok": True, "result": result}

    def _over_limit(self) -> bool:
        """Sliding window: refuse when max_per_second sends were already delivered in the last second."""
        if not self.max_per_second:
            return False
        now = time.monotonic()
        while self._window and now - self._window[0] >= 1.0:
            self._window.popleft()
        if len(self._window) >= self.max_per_second:
            return True
        self._window.append(now)
        return False

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = _int(params.get("offset"))
        limit = _int(params.get("limit")) or 100
        wait = min(float(params.get("timeout") or 0), MAX_POLL_SECONDS)
        deadline = time.monotonic() + wait
        with self._changed:
            # Confirmed updates are forgotten, exactly like Telegram does.
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._changed.wait(remaining)
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            return list(self._updates[:limit])

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method in MESSAGE_METHODS:
            if params.get("inline_message_id"):
                return True
            chat_id = _int(params.get("chat_id"))
            message: dict[str, Any] = {
                "message_id": _int(params.get("message_id")) or next(self._message_ids),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
                "from": BOT_USER,
                "text": str(params.get("text", "")),
            }
            if isinstance(params.get("reply_markup"), dict):
                message["reply_markup"] = params["reply_markup"]
            return message
        if method == "getMyCommands":
            return []
        if method == "getFile":
            file_id = str(params.get("file_id", ""))
            return {
                "file_id": file_id,
                "file_unique_id": file_id,
                "file_size": len(self.files.get(file_id, b"")),
                "file_path": f"documents/{file_id}",
            }
        return True


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A killed bot resets its connections: expected in these tests, and not worth a traceback on stderr.
        return


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def parse_body(content_type: str, body: bytes) -> dict[str, Any]:
    """JSON, form-encoded or multipart parameters, with nested JSON values (reply_markup...) decoded."""
    if not body:
        return {}
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind == "application/json":
        loaded = json.loads(body)
        return loaded if isinstance(loaded, dict) else {}
    if kind == "multipart/form-data":
        message = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
        raw = {
            str(part.get_param("name", header="content-disposition")): part.get_content()
            for part in message.iter_parts()
        }
    else:
        raw = dict(parse_qsl(body.decode(), keep_blank_values=True))
    params: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, str) and key in JSON_FIELDS and value[:1] in ("{", "["):
            try:
                params[key] = json.loads(value)
                continue
            except ValueError:
                pass
        params[key] = value
    return params


def _handler_for(api: FakeBotAPI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: httpx pools connections

        def setup(self) -> None:
            super().setup()
            # Headers and body go out as separate small writes; without this, Nagle's algorithm meets the
            # client's delayed ACK and every answer takes ~40 ms.
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.served = 0  # requests answered on this connection

        def handle_one_request(self) -> None:
            # Waiting for the next request on a kept-alive connection: with an idle timeout, a connection idle that
            # long is closed (the standard handler closes on a read timeout), as servers reap idle connections.
            self.connection.settimeout(api.idle_timeout if self.served else None)
            super().handle_one_request()
            self.served += 1

        def log_error(self, format: str, *args: Any) -> None:
            if format.startswith("Request timed out"):  # the idle timeout closed a kept-alive connection
                with api._changed:
                    api.reaped += 1
                    api._changed.notify_all()

        def do_GET(self) -> None:
            self._serve()

        def do_POST(self) -> None:
            self._serve()

        def _serve(self) -> None:
            self.connection.settimeout(None)
            url = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            if url.path == "/_stats":
                self._answer(200, api.stats())
                return
            if url.path == "/_reset":
                api.reset()
                self._answer(200, {"ok": True})
                return
            download = FILE_PATH.match(url.path)
            if download:
                if api.latency:
                    time.sleep(api.latency)
                status, content = api._download(download["path"])
                self._write(status, content, "application/octet-stream" if status == 200 else "application/json")
                return
            match = PATH.match(url.path)
            if not match:
                self._answer(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                return
            try:
                params = dict(parse_qsl(url.query))
                params.update(parse_body(self.headers.get("Content-Type", ""), body))
            except ValueError as error:
                self._answer(400, {"ok": False, "error_code": 400, "description": f"Bad Request: {error}"})
                return
            with api._changed:
                api.tokens.add(match["token"])
            method = match["method"]
            fault = api._fault_for(method, params, reused=self.served > 0)
            if fault == "drop":
                self.close_connection = True  # closed unanswered; the call never happened
                return
            if fault and fault.startswith("status:"):
                status = int(fault.split(":", 1)[1])
                self._answer(status, {"ok": False, "error_code": status, "description": "Bad Gateway"})
                return
            if fault == "hang":
                api._hold()
            if api.latency:
                time.sleep(api.latency)
            status, answer = api.handle(method, params)
            if fault and fault.startswith("reset:"):
                if fault == "reset:headers":
                    self._write(status, json.dumps(answer).encode(), "application/json", body=False)
                self._reset()
                return
            self._answer(status, answer)

        def _reset(self) -> None:
            """Abort the connection: an RST, not an orderly close."""
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True

        def _answer(self, status: int, answer: dict[str, Any]) -> None:
            self._write(status, json.dumps(answer).encode(), "application/json")

        def _write(self, status: int, payload: bytes, content_type: str, body: bool = True) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            if not api.keep_alive:
                self.send_header("Connection", "close")
            self.end_headers()
            if body:
                self.wfile.write(payload)
            self.wfile.flush()

        def log_message(self, format: str, *args: Any) -> None:
            return  # request lines carry the token; and the tests read stdout/stderr of other processes

    return Handler


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A loopback fake of the Telegram Bot API (127.0.0.1 only).")
    parser.add_argument("--port", type=int, default=0, help="port to listen on (0: any free port)")
    parser.add_argument("--max-per-second", type=int, default=0, help="sendMessage flood limit (0: none)")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="added before every answer (a round trip)")
    parser.add_argument("--seconds", type=float, default=600.0, help="stop after this long, whatever happens")
    args = parser.parse_args(argv)
    api = FakeBotAPI(port=args.port, max_per_second=args.max_per_second or None, latency=args.latency_ms / 1000)
    api.start()
    print(f"listening {api.url} port={api.port}", flush=True)
    try:
        time.sleep(args.seconds)
    except KeyboardInterrupt:
        pass
    finally:
        api.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
