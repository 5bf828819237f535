"""An in-process stand-in for the Telegram Bot API, speaking through python-telegram-bot's ``BaseRequest`` seam.

Console mode uses it so a person can try the coach without a Telegram account while the *same* Application and
handlers run; the handler tests use it (with failures queued on purpose) to drive the real Application offline.
"""

from __future__ import annotations

import itertools
import json
import time
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any

from telegram.error import TimedOut
from telegram.request import BaseRequest, RequestData

BOT_USER = {"id": 100000001, "is_bot": True, "first_name": "Nurture", "username": "nurture_coach_bot"}

# Methods that produce a message, answered with a Message object like Telegram does.
MESSAGE_METHODS = {"sendMessage", "editMessageText", "editMessageReplyMarkup", "sendDocument", "sendPhoto"}


class LocalBotAPI(BaseRequest):
    def __init__(self, on_call: Callable[[str, dict[str, Any]], None] | None = None) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.on_call = on_call
        # method -> queue of scripted answers: (http_status, json_body) or an exception instance to raise.
        self.failures: defaultdict[str, deque[tuple[int, dict[str, Any]] | Exception]] = defaultdict(deque)
        self._message_ids = itertools.count(1)
        self.files: dict[str, bytes] = {}  # file id -> content, for documents users "send" (getFile + download)

    # -- scripting failures (tests) -------------------------------------------------------------------------------

    def fail_next(self, method: str, *answers: tuple[int, dict[str, Any]] | Exception) -> None:
        self.failures[method].extend(answers)

    @staticmethod
    def too_many_requests(retry_after: int = 1) -> tuple[int, dict[str, Any]]:
        return 429, {
            "ok": False,
            "error_code": 429,
            "description": f"Too Many Requests: retry after {retry_after}",
            "parameters": {"retry_after": retry_after},
        }

    @staticmethod
    def blocked() -> tuple[int, dict[str, Any]]:
        return 403, {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}

    @staticmethod
    def timed_out() -> Exception:
        return TimedOut("Timed out")

    def add_file(self, content: bytes) -> str:
        """Hold a file as if a user had uploaded it to Telegram; returns its file id."""
        file_id = f"file{len(self.files) + 1}"
        self.files[file_id] = content
        return file_id

    # -- what was sent --------------------------------------------------------------------------------------------

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method]

    def texts(self) -> list[str]:
        return [str(p.get("text", "")) for p in self.sent()]

    # -- BaseRequest ----------------------------------------------------------------------------------------------

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        if "/file/bot" in url:  # downloading a file getFile pointed at: the raw bytes, not JSON
            self.calls.append(("download", {"file_id": api_method}))
            return 200, self.files.get(api_method, b"")
        params = dict(request_data.parameters) if request_data else {}
        if request_data is not None and request_data.contains_files:
            # Uploaded files as (file name, bytes), for whoever inspects the call (tests, the console).
            params["files"] = {
                name: (part[0], part[1] if isinstance(part[1], bytes) else part[1].read())
                for name, part in request_data.multipart_data.items()
            }
        scripted = self.failures.get(api_method)
        if scripted:
            answer = scripted.popleft()
            if isinstance(answer, Exception):
                raise answer
            status, body = answer
            return status, json.dumps(body).encode()
        self.calls.append((api_method, params))
        if self.on_call:
            self.on_call(api_method, params)
        return 200, json.dumps({"ok": True, "result": self._result(api_method, params)}).encode()

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method in MESSAGE_METHODS:
            chat_id = int(params.get("chat_id", 0) or 0)
            message: dict[str, Any] = {
                "message_id": int(params.get("message_id") or next(self._message_ids)),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
                "from": BOT_USER,
                "text": params.get("text", ""),
            }
            if isinstance(params.get("reply_markup"), dict):
                message["reply_markup"] = params["reply_markup"]
            if method == "sendDocument":
                name = next(iter(params.get("files", {}).values()), ("file", b""))[0]
                message["document"] = {"file_id": "local", "file_unique_id": "local", "file_name": name}
            return message
        if method == "getFile":
            file_id = str(params.get("file_id", ""))
            size = len(self.files.get(file_id, b""))
            return {
                "file_id": file_id,
                "file_unique_id": file_id,
                "file_size": size,
                "file_path": f"documents/{file_id}",
            }
        if method == "getUpdates":
            return []
        if method == "getMyCommands":
            return []
        return True


class LocalChat:
    """Builds the updates a Telegram client would send for one person in a private chat."""

    def __init__(
        self, user_id: int = 1, first_name: str = "You", chat_type: str = "private", chat_id: int | None = None
    ):
        self.user = {"id": user_id, "is_bot": False, "first_name": first_name}
        self.chat = {"id": chat_id if chat_id is not None else user_id, "type": chat_type}
        if chat_type == "private":
            self.chat["first_name"] = first_name
        else:
            self.chat["title"] = "A group"
        # Update ids grow across runs (like Telegram's), so a second console session is never mistaken for a
        # redelivery of the first.
        self._ids = itertools.count(int(time.time() * 1000))

    def message(self, text: str) -> dict[str, Any]:
        number = next(self._ids)
        message: dict[str, Any] = {
            "message_id": number,
            "date": int(time.time()),
            "chat": self.chat,
            "from": self.user,
            "text": text,
        }
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0] if text.split() else text
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return {"update_id": number, "message": message}

    def document(self, file_id: str, file_name: str, size: int, caption: str = "") -> dict[str, Any]:
        """A file sent as a document (a LinkedIn export, a .vcf)."""
        number = next(self._ids)
        message: dict[str, Any] = {
            "message_id": number,
            "date": int(time.time()),
            "chat": self.chat,
            "from": self.user,
            "document": {"file_id": file_id, "file_unique_id": file_id, "file_name": file_name, "file_size": size},
        }
        if caption:
            message["caption"] = caption
        return {"update_id": number, "message": message}

    def press(self, data: str, message: dict[str, Any] | None = None) -> dict[str, Any]:
        """A tap on an inline button; ``message`` is the bot message the button was under."""
        number = next(self._ids)
        bot_message = message or {
            "message_id": 10_000 + number,
            "date": int(time.time()),
            "chat": self.chat,
            "from": BOT_USER,
            "text": "",
        }
        bot_message = {**bot_message, "chat": self.chat, "from": BOT_USER, "date": bot_message.get("date") or 0}
        return {
            "update_id": number,
            "callback_query": {
                "id": str(number),
                "from": self.user,
                "chat_instance": "local",
                "data": data,
                "message": bot_message,
            },
        }


def buttons_of(params: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, callback data) of every inline button in a sendMessage/editMessage call, in reading order."""
    markup = params.get("reply_markup") or {}
    if isinstance(markup, str):
        markup = json.loads(markup)
    return [(b.get("text", ""), b.get("callback_data", "")) for row in markup.get("inline_keyboard", []) for b in row]
