"""Deleting a contact so that they are gone from the disk, not only from the notebook.

When ``erase_contact`` returns: their records are removed, anyone they introduced is unlinked, the state values
that mention them are scrubbed (the caller says which values hold only ids and days and stay, and which are one
record each and go whole), the file is rewritten whole (no earlier log line still holds them), and every copy set
aside or half-written by a crash that mentions them is deleted.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

import orjson

from bot.store.crypto import Codec, Damaged, DataKeyError, sealed_with
from bot.store.notebook import DIGEST_VERSION, HANDLED, Notebook
from bot.store.pages import Pages
from bot.store.records import Contact

KEPT_ALWAYS = frozenset({"profile", HANDLED, DIGEST_VERSION})


def erase_contact(notebook: Notebook, contact_id: str, kept: Collection[str] = (), whole: tuple[str, ...] = ()) -> None:
    """Delete a contact for good (see the module docstring). ``kept``: state keys holding only ids and days (never
    what was said about anyone); ``whole``: prefixes of state keys that are one record each."""
    contact = notebook.contact(contact_id)
    traces = traces_of(
        contact, notebook.interactions(contact_id), notebook.promises(contact_id), notebook.facts(contact_id)
    )
    with notebook.batch():
        for other in notebook.contacts():
            if other.introduced_by_id == contact_id:
                other.introduced_by_id = ""
                notebook.save_contact(other)
        notebook.remove_records(contact_id)
        for key, value in notebook.state_values().items():
            if key in KEPT_ALWAYS or key in kept or not mentions(orjson.dumps(value), traces):
                continue
            if key.startswith(whole):
                notebook.delete_state(key)
            elif isinstance(value, dict):
                notebook.set_state(key, {k: v for k, v in value.items() if not mentions(orjson.dumps(v), traces)})
            elif isinstance(value, list):
                notebook.set_state(key, [v for v in value if not mentions(orjson.dumps(v), traces)])
            else:
                notebook.set_state(key, None)
        notebook.storage.rewrite_on_save()
    pages: Pages | None = getattr(notebook.storage, "pages", None)  # a notebook in memory has nothing beside it
    if pages is None:
        return
    for copy in pages.copies():
        try:
            if mentions(readable(copy.read(), pages.owner, notebook.storage.codec), traces):
                copy.delete()
        except FileNotFoundError:
            pass


def traces_of(contact: Contact | None, *records: Iterable[Any]) -> list[bytes]:
    """What would show that a deleted contact was ever here: their id, their name, and every text logged about
    them, as the bytes a notebook file holds (lower-cased: the search ignores case)."""
    texts: list[str] = []
    if contact is not None:
        texts += [contact.id, contact.name]
    for group in records:
        for record in group:
            texts.append(record.id)
            texts += [getattr(record, name, "") for name in ("text", "context")]
            texts += [v for v in (getattr(record, "slots", None) or {}).values() if isinstance(v, str)]
    return [orjson.dumps(t)[1:-1].lower() for t in texts if t and len(t) >= 2]


def mentions(blob: bytes, traces: list[bytes]) -> bool:
    lowered = blob.lower()
    return any(trace in lowered for trace in traces)


def readable(raw: bytes, owner: str, codec: Codec | None) -> bytes:
    """What can still be read of a copy: its lines opened where they open (the rest as stored), so a deletion can
    tell whether it mentions someone."""
    if codec is None or sealed_with(raw[:16]).key_id is None:
        return raw
    opened: list[bytes] = []
    for number, line in enumerate(raw.split(b"\n")):
        try:
            opened.append(codec.open_snapshot(line, owner) if number == 0 else codec.open_line(line, owner))
        except (Damaged, DataKeyError):
            opened.append(line)
    return b"\n".join(opened)
