"""Callback data for inline buttons: typed, prefixed, built and parsed here only.

Telegram gives buttons 64 bytes. Data carries record ids or a pending-question token, never user text, and every
lookup it triggers goes through the *pressing* user's own notebook, so a forged or stale button can at worst find
nothing ("this button has expired"), never another user's records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from telegram import CallbackQuery, Update

_ID = r"[0-9a-f]{8}(?:[0-9a-f]{8})?"  # 16 hex digits (8 for records of earlier releases)
_DRAFTED = r"(thanks|followup|reconnect|share|intro|congrats|introduce)"
_PATTERNS = {
    "pick": re.compile(rf"^pick:({_ID}):({_ID}|new|add|yes|no|one)$"),  # answer to "which Jane?", "log it?"
    "fix": re.compile(rf"^fix:({_ID})$"),  # "✏️ Fix" under a capture: the capture's token
    "unmet": re.compile(rf"^unmet:({_ID})$"),  # "↩️ Undo" under the last capture: its token
    "forget": re.compile(rf"^forget:({_ID}):(yes|no)$"),
    "page": re.compile(rf"^page:(\d{{1,4}})(?::({_ID}))?$"),  # /contacts page by page (a filtered list: its token)
    "found": re.compile(rf"^found:({_ID}):(\d{{1,4}}|tag|archive)$"),  # a /find's pages, or an action on all it found
    "merge": re.compile(rf"^merge:({_ID}):({_ID}):(yes|no)$"),  # "/merge A B": keep the first, fold the second in
    "unarchive": re.compile(rf"^unarchive:({_ID})$"),  # undo an archive: the token of the people it archived
    "week": re.compile(r"^week:(\d{1,4}|back)$"),  # the week's people, page by page, and back to the review
    "keep": re.compile(rf"^keep:({_ID})$"),  # close one open promise / thank-you
    "card": re.compile(rf"^card:({_ID})$"),
    "draft": re.compile(rf"^draft:(thanks|followup|reconnect|share|congrats):({_ID})$"),
    # "I sent this draft" / "another wording": kind, phrasing, who (a second id for intros). No token needed:
    # the draft can be rebuilt from these, so showing a draft writes nothing.
    # The phrasing is a digit and a style letter (w warm, s short, f formal); "again" carries the one to show next
    # ("Other wording", "Shorter", "More formal"), "sent" the one shown. "introduce" is an intro's second step.
    "sent": re.compile(rf"^sent:{_DRAFTED}:(\d[wsf]):({_ID})(?::({_ID}))?$"),
    "again": re.compile(rf"^again:{_DRAFTED}:(\d[wsf]):({_ID})(?::({_ID}))?$"),
    "yes": re.compile(rf"^yes:({_ID}):({_ID})$"),  # both said yes to an intro: write the introduction itself
    # another wording of a draft a morning step carried (an ask, a close-the-loop): the step's token, the phrasing
    "reword": re.compile(rf"^reword:({_ID}):(\d[wsf])$"),
    # a token from today's plan; yes/no answer a step's question ("Is N26 a fintech?")
    # (well/help/owe/missed: how a meeting went, the day after)
    "nudge": re.compile(rf"^nudge:(done|snooze|snooze1|snooze7|only|draft|yes|no|well|help|owe|missed):({_ID})$"),
    "rhythm": re.compile(r"^rhythm:(fewer|pause|keep)$"),  # "does this rhythm suit you?"
    "goal": re.compile(rf"^goal:(reached|dropped):({_ID})$"),  # end a goal from /goals
    "outcome": re.compile(rf"^outcome:({_ID}):({_ID}|none)$"),  # which goal an outcome note is about: token, goal
    "undo": re.compile(rf"^undo:({_ID})$"),  # put a goal back as it was before an outcome or an ending: a token
    "wipe": re.compile(r"^wipe:(yes|no)$"),  # "delete all my data?"
    # a contacts file waiting for the answer: import it, cancel, or say whether a pair (or every pair) is one person
    "import": re.compile(rf"^import:({_ID}):(go|cancel|merge|skip|same|apart|allsame|allapart)(?::(\d{{1,4}}))?$"),
    "tz": re.compile(r"^tz:([A-Za-z_]+(?:/[A-Za-z0-9_+\-]+){0,2})$"),
}


@dataclass(frozen=True)
class Button:
    kind: str
    args: tuple[str, ...]

    def encode(self) -> str:
        data = ":".join((self.kind, *self.args))
        if parse(data) != self:
            raise ValueError(f"callback data would not round-trip: {data!r}")
        return data


def button(kind: str, *args: str) -> str:
    """Callback data for a button; raises if it would not parse back (a bug, caught by tests)."""
    return Button(kind, tuple(args)).encode()


def parse(data: str | None) -> Button | None:
    """The typed form of a button's data, or None for anything malformed, unknown or too long."""
    if not data or len(data.encode()) > 64:
        return None
    kind = data.split(":", 1)[0]
    pattern = _PATTERNS.get(kind)
    match = pattern.match(data) if pattern else None
    return Button(kind, tuple(g for g in match.groups() if g is not None)) if match else None


def pressed(update: Update) -> tuple[CallbackQuery, Button | None]:
    """The tap a button handler answers, and its data parsed (None when malformed or stale)."""
    query = update.callback_query
    assert query is not None  # registered as a CallbackQueryHandler
    return query, parse(query.data)
