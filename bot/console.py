"""``python -m bot --console``: chat with the coach in a terminal, no Telegram account needed.

Lines typed on stdin become messages from one local user; what the bot sends is printed as plain text. Buttons
are numbered, and typing the number taps the button; a Copy button is shown as the text it would copy.
``/file PATH`` sends that file as a document (a contacts file to import, a backup to restore). The very same
Application and handlers run as in production: only the Bot API on the other end is the in-process LocalBotAPI.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from telegram import Update

from bot.app import build_application, on_startup
from bot.clock import Clock
from bot.config import Settings
from bot.local_api import LocalBotAPI, LocalChat, buttons_of
from bot.sending import as_plain_text
from bot.store.notebooks import Store

CONSOLE_USER_ID = 1
FILE_COMMAND = "/file"
MAX_FILE_BYTES = 20_000_000  # what Telegram hands a bot at most


class Console:
    def __init__(self, stdout: TextIO) -> None:
        self.stdout = stdout
        self.buttons: list[tuple[str, str]] = []
        self.button_message: dict[str, Any] | None = None

    def on_call(self, method: str, params: dict[str, Any]) -> None:
        if method in ("sendMessage", "editMessageText"):
            self.show(as_plain_text(str(params.get("text", ""))))
        if method in ("sendMessage", "editMessageText", "editMessageReplyMarkup"):
            found = buttons_of(params)
            if found or method == "editMessageReplyMarkup":
                self.buttons = found
                self.button_message = {"message_id": int(params.get("message_id") or 0), "text": ""}
            if found:
                self.show("   " + "   ".join(f"[{i}] {label}" for i, (label, _) in enumerate(found, 1)))
            for text in copied_texts(params):
                self.show(f"📋 Copy: {text}")
        elif method == "answerCallbackQuery" and params.get("text"):
            self.show(f"({params['text']})")
        elif method in ("sendDocument", "sendPhoto"):  # /export's files, /map's picture
            if params.get("caption"):
                self.show(as_plain_text(str(params["caption"])))
            for name, content in params.get("files", {}).values():
                path = Path(name).resolve()
                save_privately(path, content)
                self.show(f"[file saved: {path}]")

    def show(self, text: str) -> None:
        print(text, file=self.stdout, flush=True)
        print(file=self.stdout, flush=True)

    def update_for(self, chat: LocalChat, api: LocalBotAPI, line: str) -> dict[str, Any] | None:
        if line.isdigit() and 1 <= int(line) <= len(self.buttons):
            data = self.buttons[int(line) - 1][1]
            if not data:  # a Copy or link button: nothing to tap in a terminal (its text is shown above)
                self.show("(that button copies the text shown above it)")
                return None
            return chat.press(data, self.button_message)
        if line == FILE_COMMAND or line.startswith(FILE_COMMAND + " "):
            return self.document(chat, api, line[len(FILE_COMMAND) :].strip())
        return chat.message(line)

    def document(self, chat: LocalChat, api: LocalBotAPI, name: str) -> dict[str, Any] | None:
        """``/file PATH``: the file sent as from Telegram's paperclip."""
        path = Path(name).expanduser()
        if not name or not path.is_file():
            self.show(f"No file at {name or '(no path given)'}. Send one with: /file ~/Downloads/Connections.csv")
            return None
        if path.stat().st_size > MAX_FILE_BYTES:
            self.show("That file is over 20 MB, more than Telegram hands a bot.")
            return None
        content = path.read_bytes()
        return chat.document(api.add_file(content), path.name, len(content))


def copied_texts(params: dict[str, Any]) -> list[str]:
    """The text of each Copy button in a message's keyboard."""
    markup = params.get("reply_markup") or {}
    if isinstance(markup, str):
        markup = json.loads(markup)
    return [
        str(b["copy_text"].get("text", ""))
        for row in markup.get("inline_keyboard", [])
        for b in row
        if isinstance(b.get("copy_text"), dict)
    ]


async def chat_in_console(settings: Settings, store: Store, clock: Clock, stdin: TextIO, stdout: TextIO) -> int:
    console = Console(stdout)
    api = LocalBotAPI(on_call=console.on_call)
    app = build_application(settings, store, clock, request=api, paced=False)  # nothing goes to Telegram
    chat = LocalChat(user_id=CONSOLE_USER_ID, first_name="You")
    async with app:
        await on_startup(app)
        await app.start()
        console.show("Nurture console - type as you would in Telegram (try /start or /help). Ctrl-D quits.")
        while True:
            line = await asyncio.to_thread(stdin.readline)
            if not line:
                break
            line = line.strip()
            update = console.update_for(chat, api, line) if line else None
            if update is not None:
                await app.process_update(Update.de_json(update, app.bot))
                await settle()
        await app.stop()
    return 0


async def settle() -> None:
    """Wait for handlers that run as tasks (an import, /map), so their answer shows before the next prompt."""
    running = [t for t in asyncio.all_tasks() if "process_update_non_blocking" in t.get_name() and not t.done()]
    if running:
        await asyncio.wait(running)


def save_privately(path: Path, content: bytes) -> None:
    """Write a file only its owner can read (0600): an export is the whole notebook."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        os.fchmod(handle.fileno(), 0o600)  # an older export of the same name may have been readable by others
        handle.write(content)


def run_console(
    settings: Settings, store: Store, clock: Clock, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout
) -> int:
    return asyncio.run(chat_in_console(settings, store, clock, stdin, stdout))
