"""Sending text back: HTML parse mode, split under Telegram's 4,096-character limit without breaking markup."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from html import unescape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import MessageLimit
from telegram.error import BadRequest

from bot.context import Context

log = logging.getLogger(__name__)

LIMIT = MessageLimit.MAX_TEXT_LENGTH
# A tag, an entity (kept whole so "&amp;" is never cut in half), or a run of plain text.
_TOKENS = re.compile(r"<[^>]+>|&[#\w]+;|[^<&]+|[<&]")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z\-]+)")

# Rows of (label, callback data), or ready-made buttons for the few that are not callbacks (copy text, open a link).
Keyboard = Sequence[Sequence[tuple[str, str] | InlineKeyboardButton]]


def keyboard(rows: Keyboard | None) -> InlineKeyboardMarkup | None:
    filled = [
        [b if isinstance(b, InlineKeyboardButton) else InlineKeyboardButton(b[0], callback_data=b[1]) for b in row]
        for row in rows or ()
        if row
    ]
    return InlineKeyboardMarkup(filled) if filled else None


def split_html(text: str, limit: int = LIMIT) -> list[str]:
    """Split HTML into chunks of at most ``limit`` characters, preferring line breaks, closing and re-opening any
    tags that are open at a cut so every chunk is valid on its own."""
    if len(text) <= limit:
        return [text]  # nearly every reply: nothing to cut (markup only ever adds to the length Telegram counts)
    chunks: list[str] = []
    current = ""
    open_tags: list[tuple[str, str]] = []  # (name, opening tag as written)

    def closers() -> str:
        return "".join(f"</{name}>" for name, _ in reversed(open_tags))

    def flush() -> None:
        nonlocal current
        if _has_text(current):
            chunks.append(current + closers())
        current = "".join(tag for _, tag in open_tags)

    for token in _tokens(text):
        budget = limit - len(closers())
        if len(current) + len(token) > budget:
            flush()
            budget = limit - len(closers())
        while len(current) + len(token) > budget:  # one run of text longer than a whole message
            room = max(budget - len(current), 1)
            current += token[:room]
            token = token[room:]
            flush()
        current += token
        if token.startswith("</"):
            if open_tags:
                open_tags.pop()
        elif token.startswith("<") and not token.endswith("/>") and (match := _TAG_NAME.match(token)):
            open_tags.append((match.group(1).lower(), token))
    if _has_text(current):
        chunks.append(current + closers())
    return chunks or [text[:limit]]


def _has_text(html: str) -> bool:
    return bool(re.sub(r"<[^>]+>", "", html).strip())


def _tokens(text: str) -> list[str]:
    """Tokens small enough to cut between: lines of text, tags, entities."""
    out: list[str] = []
    for token in _TOKENS.findall(text):
        if token.startswith(("<", "&")) and len(token) > 1:
            out.append(token)
        else:
            out.extend(re.findall(r"[^\n]*\n|[^\n]+", token))
    return out


async def send(
    context: Context, chat_id: int, html: str, buttons: Keyboard | None = None
) -> Message | None:
    """Send HTML to a chat; buttons go under the last chunk."""
    message = None
    chunks = split_html(html)
    for index, chunk in enumerate(chunks):
        markup = keyboard(buttons) if index == len(chunks) - 1 else None
        try:
            message = await context.bot.send_message(
                chat_id, chunk, reply_markup=markup, disable_web_page_preview=True
            )
        except BadRequest as error:
            if "parse" not in str(error).lower():
                raise
            # Markup Telegram would not accept must never cost the user the message: send it as plain text.
            log.error("Telegram rejected a message's HTML (%s); sent as plain text", error)
            message = await context.bot.send_message(
                chat_id, as_plain_text(chunk), reply_markup=markup, disable_web_page_preview=True
            )
    return message


def as_plain_text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


async def reply(update: Update, context: Context, html: str, buttons: Keyboard | None = None) -> None:
    chat = update.effective_chat
    if chat is not None:
        await send(context, chat.id, html, buttons)
