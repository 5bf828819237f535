"""Operator commands: ``nurture check``, ``nurture backup DIR`` and ``nurture stats``.

All three only read the data folder, so they are safe while the bot runs and take no lock:

- a notebook file only ever grows by whole appended lines or is replaced by an atomic rename, so one ``open`` and
  one ``read`` see a consistent file (a rename does not change what an open descriptor reads), at worst with a
  torn last line that the bot itself never acknowledged and every reader drops;
- nothing here goes through ``Store.notebook``, which would set an unreadable file aside: a check reports, it never
  moves or rewrites anything.

``stats`` reads only the head of each file (the digest and the small state), the way morning planning does, and
prints counts only: never a name, a note, or a user id.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple, TextIO
from zoneinfo import ZoneInfo

from bot.clock import SystemClock
from bot.coach.delivery import MORNINGS, SENT
from bot.coach.errors import UnreadableData
from bot.coach.notebook import DIGEST_VERSION, Notebook, state_values
from bot.coach.storage import (
    DIGEST,
    FOLDER_MODE,
    NotebookClosed,
    fsync_folder,
    read_head,
    write_atomically,
)
from bot.coach.summary import SUMMARY_VERSION
from bot.coach.summary import summaries as summaries_of
from bot.config import Settings

ACTIVE_DAYS = 30  # "active": not blocked, and something logged in this many days


class Verdict(NamedTuple):
    user_id: int
    problem: str  # "" when the notebook is fine
    stale_digest: bool = False  # fine, but written by an older release: the bot rebuilds the digest on opening it

    @property
    def ok(self) -> bool:
        return not self.problem


class Copied(NamedTuple):
    notebooks: int
    bytes: int
    unreadable: list[int]  # copied as they are, but they do not open


@dataclass(frozen=True)
class Stats:
    users: int = 0
    active_users: int = 0
    contacts: int = 0
    mornings_sent_today: int = 0
    unreadable: int = 0


def notebook_files(data_dir: Path) -> Iterator[tuple[int, Path]]:
    """(user id, path) of every notebook in the data folder, in user id order (set-aside files are not notebooks)."""
    users = data_dir / "users"
    if not users.is_dir():
        return
    found = []
    for entry in os.scandir(users):
        stem, dot, ext = entry.name.partition(".")
        if dot and ext == "json" and stem.isdigit():
            found.append((int(stem), Path(entry.path)))
    yield from sorted(found)


def set_aside_count(data_dir: Path) -> int:
    users = data_dir / "users"
    return sum(1 for _ in users.glob("*.json.unreadable-*")) if users.is_dir() else 0


# -- check ------------------------------------------------------------------------------------------------------


def check_notebook(user_id: int, path: Path) -> Verdict:
    """Readable, every record of the shape this release expects, and a digest that matches the records."""
    try:
        notebook = Notebook(user_id, path)
    except UnreadableData as error:
        return Verdict(user_id, f"unreadable: {error.reason}")
    try:
        try:
            notebook.profile()
            network = notebook.network()  # every contact, interaction, promise and fact as a record
        except (TypeError, ValueError, KeyError, AttributeError) as error:
            return Verdict(user_id, f"not the shape of a notebook: {type(error).__name__}: {error}")
        data = notebook.storage.read() or {}
        if notebook.get_state(DIGEST_VERSION) != SUMMARY_VERSION or DIGEST not in data:
            return Verdict(user_id, "", stale_digest=True)
        stored, expected = data[DIGEST], summaries_of(network)
        if stored != expected:
            differ = set(stored) ^ set(expected) | {k for k in stored.keys() & expected if stored[k] != expected[k]}
            return Verdict(user_id, f"digest inconsistent with the records: {len(differ)} contact rows differ")
        head = read_head(path)
        if head is not None and (head[0] != stored or state_values(head[1]) != notebook.state_values()):
            return Verdict(user_id, "the file's head disagrees with its records")
        return Verdict(user_id, "")
    finally:
        notebook.close()


def check(data_dir: Path, out: TextIO) -> int:
    verdicts = [check_notebook(user_id, path) for user_id, path in notebook_files(data_dir)]
    bad = [v for v in verdicts if not v.ok]
    for verdict in bad:
        print(f"user {verdict.user_id}: {verdict.problem}", file=out)
    print(
        f"checked {len(verdicts)} notebooks in {data_dir}: {len(verdicts) - len(bad)} ok, {len(bad)} with problems",
        file=out,
    )
    stale = sum(v.stale_digest for v in verdicts)
    if stale:
        print(f"{stale} written by an older release: the bot rebuilds their digest when it opens them", file=out)
    aside = set_aside_count(data_dir)
    if aside:
        print(f"{aside} unreadable files set aside earlier (users/*.unreadable-*), kept for inspection", file=out)
    return 1 if bad else 0


# -- backup -----------------------------------------------------------------------------------------------------


def backup(data_dir: Path, dest: Path) -> Copied:
    """Copy every notebook into ``dest/users/`` (a data folder of its own: point COACH_DATA_DIR at it to restore).

    Each file is read in one go, so it is copied as it was at one instant; a save that was half-way through
    appending its line at that instant is left out (it was not acknowledged yet), so every copy opens cleanly.
    """
    if dest.exists() and any(dest.iterdir()):
        raise FileExistsError(f"{dest} is not empty")
    target = dest / "users"
    target.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    os.chmod(dest, FOLDER_MODE)
    notebooks = size = 0
    unreadable = []
    for user_id, path in notebook_files(data_dir):
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except FileNotFoundError:  # deleted by its owner since the folder was listed
            continue
        whole = raw[: raw.rfind(b"\n") + 1]
        copy = target / path.name
        write_atomically(copy, whole)
        notebooks, size = notebooks + 1, size + len(whole)
        try:
            Notebook(user_id, copy).close()
        except UnreadableData:
            unreadable.append(user_id)
    fsync_folder(dest)
    return Copied(notebooks, size, unreadable)


# -- stats ------------------------------------------------------------------------------------------------------


def stats(data_dir: Path, now: datetime) -> Stats:
    users = active = contacts = mornings = unreadable = 0
    for user_id, path in notebook_files(data_dir):
        head = glance(user_id, path)
        if head is None:
            unreadable += 1
            continue
        rows, state = head
        users += 1
        contacts += len(rows)
        profile = state.get("profile") or {}
        today = local_day(now, str(profile.get("timezone") or "UTC"))
        last_logged = max((str(row.get("last") or "") for row in rows.values()), default="")  # summary.Row
        if profile.get("active", True) and last_logged >= (today - timedelta(days=ACTIVE_DAYS)).isoformat():
            active += 1
        if ((state.get(MORNINGS) or {}).get(today.isoformat()) or {}).get("status") == SENT:
            mornings += 1
    return Stats(users, active, contacts, mornings, unreadable)


def glance(user_id: int, path: Path) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The digest rows and state values of one notebook: from the head when it is current, else fully opened."""
    head = read_head(path)
    if head is not None and state_values(head[1]).get(DIGEST_VERSION) == SUMMARY_VERSION:
        return head[0], state_values(head[1])
    try:
        notebook = Notebook(user_id, path)
    except UnreadableData:
        return None
    try:
        return notebook.summaries(), notebook.state_values()
    except (TypeError, ValueError, KeyError, AttributeError, NotebookClosed):
        return None
    finally:
        notebook.close()


def local_day(now: datetime, zone: str) -> date:
    try:
        return now.astimezone(ZoneInfo(zone)).date()
    except (ValueError, KeyError):  # an unknown zone name: the bot treats it as UTC too
        return now.date()


def print_stats(numbers: Stats, out: TextIO) -> None:
    print(f"users                {numbers.users}", file=out)
    print(
        f"active users         {numbers.active_users}   (not blocked, logged something in {ACTIVE_DAYS} days)", file=out
    )
    print(f"contacts             {numbers.contacts}", file=out)
    print(f"mornings sent today  {numbers.mornings_sent_today}   (each user's own local day)", file=out)
    if numbers.unreadable:
        print(f"unreadable notebooks {numbers.unreadable}   (see: nurture check)", file=out)


# -- the command line -------------------------------------------------------------------------------------------


def run(command: str, args: argparse.Namespace, settings: Settings, out: TextIO = sys.stdout) -> int:
    data_dir = settings.data_dir
    if not (data_dir / "users").is_dir():
        print(f"nurture: no notebooks in COACH_DATA_DIR={data_dir} (nothing was saved there yet)", file=sys.stderr)
        return 2
    if command == "check":
        return check(data_dir, out)
    if command == "backup":
        try:
            copied = backup(data_dir, args.dir)
        except OSError as error:
            print(f"nurture: cannot back up into {args.dir}: {error.strerror or error}", file=sys.stderr)
            return 2
        print(f"backed up {copied.notebooks} notebooks ({copied.bytes:,} bytes) into {args.dir}", file=out)
        if copied.unreadable:
            print(f"{len(copied.unreadable)} of them do not open (as in the original): run nurture check", file=out)
        return 0
    if command == "stats":
        print_stats(stats(data_dir, SystemClock().now()), out)
        return 0
    raise ValueError(f"unknown command {command!r}")
