"""``nurture check``: every notebook in the data folder inspected, strictly read-only, each problem named with
where it is (the file, the line of the file, the table and record).

Read-only means the bytes, the modes and the times of every file stay as they were: the file is read in one
``read`` and parsed by the store's own reader (logfile.py), without a ``NotebookStorage`` around it (opening a
notebook makes an older file private, copies a damaged one aside, and a ``Store`` sets an unreadable one aside).
Then the same schema checks the bot makes on opening (schema.py), except that every problem is listed, not only
the first:

- the snapshot (line 1) that does not read makes the whole notebook unreadable;
- a log line that does not read is named by its number; the bot skips it and keeps the lines after it;
- an unfinished last line is what a crash mid-save leaves (that save was never acknowledged): a note, not damage;
- each record that does not fit its table's schema is named by table and document id;
- the digest is compared with the rows its records make.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from bot.coach.planning.summary import SUMMARY_VERSION, row_fits
from bot.coach.planning.summary import summaries as summaries_of
from bot.store.crypto import Codec, Damaged, DataKeyError, owner_of
from bot.store.errors import UnreadableData
from bot.store.logfile import DIGEST, STATE, parse, state_values
from bot.store.notebook import DIGEST_VERSION
from bot.store.records import Contact, Fact, Interaction, Promise
from bot.store.schema import RECORD_TABLES, NotANotebook, changes_of, check_state, digest_fits, record_check
from bot.store.storage import apply
from bot.store.view import Network

_SHOWN_IDS = 5  # contact ids named in one problem at most


class Verdict(NamedTuple):
    user_id: int
    path: Path
    problems: list[str]  # empty when the notebook is fine
    notes: list[str]  # fine, but worth knowing (an unfinished save, something the bot repairs on opening)
    stale_digest: bool = False  # written by an older release: the bot rebuilds the digest on opening it

    @property
    def ok(self) -> bool:
        return not self.problems


def inspect_notebook(user_id: int, path: Path, codec: Codec | None = None) -> Verdict:
    try:
        with open(path, "rb") as handle:  # one read: a consistent view, also while the bot appends
            raw = handle.read()
    except OSError as error:
        return Verdict(user_id, path, [f"cannot be read: {error.strerror}"], [])
    return inspect_bytes(user_id, path, raw, codec)


def inspect_bytes(user_id: int, path: Path, raw: bytes, codec: Codec | None = None) -> Verdict:
    """A notebook's bytes as a file holds them (from a file, or a database's rows), named ``path`` in messages."""
    problems: list[str] = []
    notes: list[str] = []
    tables = _read(raw, path, codec, problems, notes)
    if tables is None:
        return Verdict(user_id, path, problems, notes)
    _check_records(tables, problems)
    stale = _check_head(tables, problems, notes)
    if not problems and not stale:
        _check_digest(tables, problems)
    return Verdict(user_id, path, problems, notes, stale_digest=stale and not problems)


def _read(raw: bytes, path: Path, codec: Codec | None, problems: list[str], notes: list[str]) -> dict[str, Any] | None:
    """Every table of the notebook, log applied (None when the snapshot does not read), each bad line named."""
    try:
        parsed = parse(raw, codec, owner_of(path), path)
    except DataKeyError as error:
        problems.append(str(error))
        return None
    except UnreadableData as error:
        problems.append(f"line 1 (the snapshot): {error.reason}")
        return None
    if parsed is None:
        return {}  # an empty file: the bot starts the notebook afresh
    lines = max(raw.count(b"\n"), 1)
    if parsed.damaged:
        as_stored = raw.split(b"\n")
        for number in parsed.damaged:
            why = _why_damaged(as_stored[number - 1], codec, owner_of(path))
            problems.append(
                f"line {number} of {lines}: {why}; the bot skips this saved change, keeps the lines after it, and "
                "keeps a copy of the file before its next rewrite"
            )
    if parsed.torn:
        notes.append(
            f"line {lines + 1}: an unfinished save ({parsed.torn} bytes), what a crash mid-save leaves; it was never "
            "acknowledged and every reader drops it"
        )
    try:
        body = orjson.loads(parsed.body) if isinstance(parsed.body, bytes) else parsed.body
    except orjson.JSONDecodeError as error:
        problems.append(f"line 1 (the snapshot): the records are not JSON ({error})")
        return None
    if not isinstance(body, dict):
        problems.append("line 1 (the snapshot): the records are not an object")
        return None
    tables: dict[str, Any] = {**body, STATE: parsed.state}
    if parsed.digest is not None:
        tables[DIGEST] = parsed.digest
    try:
        apply(tables, parsed.changes)
    except NotANotebook as error:
        problems.append(f"a saved change {error.reason}")
        return None
    return tables


def _why_damaged(line: bytes, codec: Codec | None, owner: str) -> str:
    """What is wrong with one saved change line that the reader skipped."""
    try:
        plain = codec.open_line(line, owner) if codec is not None else line
    except (Damaged, DataKeyError):
        return "does not open with COACH_DATA_KEY (damaged or tampered with)"
    try:
        changes_of(orjson.loads(plain))
    except orjson.JSONDecodeError as error:
        return f"not JSON ({error})"
    except NotANotebook as error:
        return error.reason
    return "does not read"


def _check_records(tables: dict[str, Any], problems: list[str]) -> None:
    """Every record table against the schema, each problem named by table and document id."""
    for table, docs in tables.items():
        if not isinstance(docs, dict):
            problems.append(f"table {table!r} is not an object")
    if problems:
        return
    for table, cls in RECORD_TABLES.items():
        check = record_check(cls)
        seen: dict[str, str] = {}  # record id -> the document id it was first seen under
        for doc_id, doc in tables.get(table, {}).items():
            problem = check(doc) if doc_id.isdigit() else "the document id is not a number"
            if problem:
                problems.append(f"{table}/{doc_id}: {problem}")
            elif doc["id"] in seen:
                problems.append(f"{table}/{doc_id}: the same record (id {doc['id']}) as {table}/{seen[doc['id']]}")
            else:
                seen[doc["id"]] = doc_id


def _check_head(tables: dict[str, Any], problems: list[str], notes: list[str]) -> bool:
    """The state (checked on a copy: the check repairs in place) and the digest's shape. True when the digest is
    stale or of a shape the bot rebuilds (then it is not compared with the records)."""
    try:
        if check_state(copy.deepcopy(tables.get(STATE, {}))):
            notes.append("questions waiting for a tap that do not fit: the bot drops them (their buttons expire)")
    except NotANotebook as error:
        problems.append(error.reason)
        return False
    if DIGEST in tables and not digest_fits(tables[DIGEST], row_fits):
        notes.append("digest rows of another shape: the bot rebuilds the digest when it opens the notebook")
        return True
    return state_values(tables.get(STATE, {})).get(DIGEST_VERSION) != SUMMARY_VERSION or DIGEST not in tables


def _check_digest(tables: dict[str, Any], problems: list[str]) -> None:
    """The digest against the rows its records make."""
    try:
        expected = summaries_of(network_of_tables(tables))
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        problems.append(f"the records do not fit together: {type(error).__name__}: {error}")
        return
    stored = tables[DIGEST]
    if stored != expected:
        differ = sorted(set(stored) ^ set(expected) | {k for k in stored.keys() & expected if stored[k] != expected[k]})
        shown = ", ".join(differ[:_SHOWN_IDS]) + (", …" if len(differ) > _SHOWN_IDS else "")
        problems.append(f"digest inconsistent with the records: {len(differ)} contact rows differ (ids {shown})")


def network_of_tables(tables: dict[str, Any]) -> Network:
    """The records of a notebook's tables (checked against the schema first) as the coach's read-only view."""
    return Network(
        [Contact.from_dict(d) for d in tables.get("contacts", {}).values()],
        [Interaction.from_dict(d) for d in tables.get("interactions", {}).values()],
        [Promise.from_dict(d) for d in tables.get("promises", {}).values()],
        sorted((Fact.from_dict(d) for d in tables.get("facts", {}).values()), key=lambda f: f.on),
    )

