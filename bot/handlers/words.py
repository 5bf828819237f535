"""Getting the user's words out of an update, tidied but otherwise untouched."""

from __future__ import annotations

import re
import unicodedata

from telegram import Update

# Control characters other than newline and tab are never meaningful in a note and break some clients.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return _CONTROL.sub("", text).strip()


def message_text(update: Update) -> str:
    message = update.effective_message
    return clean(message.text or message.caption or "") if message else ""


def command_text(update: Update) -> str:
    """What follows "/cmd" or "/cmd@bot", with line breaks and punctuation kept (context.args would drop them)."""
    text = message_text(update)
    if text.startswith("/"):
        _, _, text = text.partition(" ") if " " in text.split("\n", 1)[0] else text.partition("\n")
    return text.strip()
