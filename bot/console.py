"""``python -m bot --console``: chat with the coach in a terminal, no Telegram account needed.

Lines typed on stdin become messages from one local user; what the bot sends is printed as plain text. Buttons
are numbered, and typing the number taps the button. The very same Application and handlers run as in
production: only the Bot API on the other end is the in-process LocalBotAPI.
"""

from __future__ import annotations

import asyncio
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

    def update_for(self, chat: LocalChat, line: str) -> dict[str, Any]:
        if line.isdigit() and 1 <= int(line) <= len(self.buttons):
            return chat.press(self.buttons[int(line) - 1][1], self.button_message)
        return chat.message(line)


async def chat_in_console(settings: Settings, store: Store, clock: Clock, stdin: TextIO, stdout: TextIO) -> int:
    console = Console(stdout)
    app = build_application(settings, store, clock, request=LocalBotAPI(on_call=console.on_call))
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
            if line:
                await app.process_update(Update.de_json(console.update_for(chat, line), app.bot))
        await app.stop()
    return 0


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
