"""Operator commands: ``nurture check``, ``backup DIR``, ``stats``, ``new-key`` and ``rotate-key``.

check, backup and stats only read the data folder, so they are safe while the bot runs and take no lock:

- a notebook file only ever grows by whole appended lines or is replaced by an atomic rename, so one ``open`` and
  one ``read`` see a consistent file (a rename does not change what an open descriptor reads), at worst with a
  torn last line that the bot itself never acknowledged and every reader drops;
- nothing here opens a notebook the way the bot does (``Store.notebook`` sets an unreadable file aside, and a
  ``Notebook`` repairs and makes private what it opens): check and stats read the bytes (bot/inspection.py), and
  change no byte, mode or time of any file.

``backup`` refuses a target inside the data folder, and removes what it created when it fails.

``stats`` reads only the head of each file (the digest and the small state), the way morning planning does, and
prints counts only: never a name, a note, or a user id.

``rotate-key`` rewrites every notebook under a new key, so it takes the data folder like the bot (refusing while
the bot runs). It is crash-safe and resumable: each file is replaced atomically, a journal in the data folder
names the key being moved to (the bot refuses to start while it exists), and a second run skips the files
already under the new key. Killed at any instant, running it again finishes the job. Temporary files that a save
or a rotation killed mid-write left behind are removed first: none stays in plaintext or under an old key.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from bot.clock import SystemClock
from bot.coach.journal import days
from bot.coach.journal.delivery import MORNINGS, SENT
from bot.coach.planning.summary import DIGEST as DIGEST_ROWS
from bot.coach.planning.summary import SUMMARY_VERSION
from bot.config import ConfigError, Settings
from bot.inspection import inspect_notebook
from bot.store.crypto import (
    REKEY_JOURNAL,
    Codec,
    Damaged,
    DataKeyError,
    check_folder,
    file_key,
    generate_key,
    owner_of,
    reseal,
    sealed_with,
)
from bot.store.disk import FOLDER_MODE, fsync_folder, read_file, write_atomically
from bot.store.errors import NotebookClosed, UnreadableData
from bot.store.folder import DataFolder
from bot.store.logfile import head_length, head_of, parse, read_head
from bot.store.notebook import DIGEST_VERSION, Notebook
from bot.store.pages import Pages
from bot.store.storage import NotebookStorage

ACTIVE_DAYS = 30  # "active": not blocked, and something logged in this many days


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


def notebook_files(data_dir: Path) -> list[tuple[int, Path]]:
    """(user id, path) of every notebook in the data folder, in user id order."""
    return DataFolder(data_dir).notebooks()


def reseal_side(raw: bytes, old: Codec | None, new: Codec | None, owner: str) -> bytes:
    """A side file under another key: its one line opened with ``old`` (None: plaintext), sealed with ``new``."""
    plain = old.open_line(raw.rstrip(b"\n"), owner) if old is not None else raw
    if old is None and sealed_with(raw[:16]).key_id is not None:
        raise DataKeyError("a side file is encrypted, but no old key was given")
    return new.seal_line(plain, owner) if new is not None else plain


# -- check ------------------------------------------------------------------------------------------------------


def check(data_dir: Path, out: TextIO, codec: Codec | None = None) -> int:
    """Inspect every notebook, strictly read-only (bot/inspection.py), printing one line per problem, naming the
    file, the line and the record; 1 when anything is wrong, else 0."""
    verdicts = [inspect_notebook(user_id, path, codec) for user_id, path in notebook_files(data_dir)]
    for verdict in verdicts:
        where = f"{verdict.path.relative_to(data_dir)} (user {verdict.user_id})"
        for problem in verdict.problems:
            print(f"{where}: {problem}", file=out)
        for note in verdict.notes:
            print(f"{where}: note: {note}", file=out)
    bad = [v for v in verdicts if not v.ok]
    print(
        f"checked {len(verdicts)} notebooks in {data_dir}: {len(verdicts) - len(bad)} ok, {len(bad)} with problems",
        file=out,
    )
    stale = sum(v.stale_digest for v in verdicts)
    if stale:
        print(f"{stale} written by an older release: the bot rebuilds their digest when it opens them", file=out)
    aside = DataFolder(data_dir).set_aside_count()
    if aside:
        print(f"{aside} unreadable files set aside earlier (users/*.unreadable-*), kept for inspection", file=out)
    return 1 if bad else 0


# -- backup -----------------------------------------------------------------------------------------------------


class BackupRefused(ValueError):
    """A backup target that must not be used (inside the data folder)."""


def backup(data_dir: Path, dest: Path, codec: Codec | None = None) -> Copied:
    """Copy every notebook into ``dest/users/`` (a data folder of its own: point COACH_DATA_DIR at it to restore).

    Each file is read in one go, so it is copied as it was at one instant; a save that was half-way through
    appending its line at that instant is left out (it was not acknowledged yet), so every copy opens cleanly.
    Encrypted notebooks are copied as they are: the backup needs the same COACH_DATA_KEY.

    A target inside the data folder is refused (a copy there is not a backup, and a folder named like a notebook
    would stop the bot). On any error, what this run created is removed again: no half backup is left to be
    mistaken for a whole one.
    """
    home, target_path = data_dir.resolve(), dest.resolve()
    if target_path == home or home in target_path.parents:
        raise BackupRefused(f"{dest} is inside the data folder {data_dir}: put the backup somewhere else")
    if dest.exists() and any(dest.iterdir()):
        raise FileExistsError(f"{dest} is not empty")
    existed = dest.exists()
    first_new = dest  # the outermost folder this run creates (on the way to dest), removed again on failure
    while not first_new.parent.exists():
        first_new = first_new.parent
    try:
        return _copy_notebooks(data_dir, dest, codec)
    except BaseException:
        if existed:
            for entry in list(dest.iterdir()):
                shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
        else:
            shutil.rmtree(first_new, ignore_errors=True)
        raise


def _copy_notebooks(data_dir: Path, dest: Path, codec: Codec | None) -> Copied:
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
            Notebook(user_id, NotebookStorage(copy, codec, read_only=True)).contacts()
        except UnreadableData:
            unreadable.append(user_id)
    fsync_folder(dest)
    return Copied(notebooks, size, unreadable)


# -- stats ------------------------------------------------------------------------------------------------------


def stats(data_dir: Path, now: datetime, codec: Codec | None = None) -> Stats:
    return count((glance(user_id, path, codec) for user_id, path in notebook_files(data_dir)), now)


def count(heads: Iterable[tuple[Mapping[str, Any], dict[str, Any]] | None], now: datetime) -> Stats:
    """The numbers of ``stats`` from each notebook's digest rows and state values (None: it does not read)."""
    users = active = contacts = mornings = unreadable = 0
    for head in heads:
        if head is None:
            unreadable += 1
            continue
        rows, state = head
        users += 1
        contacts += len(rows)
        profile = state.get("profile") or {}
        today = local_day(now, str(profile.get("timezone") or "UTC"))
        lasts = [row.get("last") for row in rows.values()]
        last_logged = max((str(last or "") for last in lasts), default="")  # summary.Row
        if profile.get("active", True) and last_logged >= (today - timedelta(days=ACTIVE_DAYS)).isoformat():
            active += 1
        if ((state.get(MORNINGS) or {}).get(today.isoformat()) or {}).get("status") == SENT:
            mornings += 1
    return Stats(users, active, contacts, mornings, unreadable)


def glance(
    user_id: int, path: Path | Pages, codec: Codec | None = None
) -> tuple[Mapping[str, Any], dict[str, Any]] | None:
    """The digest rows and state values of one notebook (a file, or any pages: a database's rows), strictly
    read-only: from the head when it is current, else from the records (the digest the bot would rebuild on opening
    it). None when it does not read."""
    head = read_head(path, codec) if isinstance(path, Path) else _head_of(path, codec)
    if head is not None and head[1].get(DIGEST_VERSION) == SUMMARY_VERSION:
        return head
    try:
        notebook = Notebook(user_id, NotebookStorage(path, codec, read_only=True), DIGEST_ROWS)
    except UnreadableData:
        return None
    try:
        return notebook.summaries(), notebook.state_values()
    except (TypeError, ValueError, KeyError, AttributeError, NotebookClosed, UnreadableData):
        return None
    finally:
        notebook.close()


def _head_of(pages: Pages, codec: Codec | None) -> tuple[dict[str, Any], dict[str, Any]] | None:
    raw = pages.read()
    try:
        parsed = parse(raw, codec, pages.owner, pages.name) if raw is not None else None
    except UnreadableData:
        return None
    return head_of(parsed) if parsed is not None else None


def local_day(now: datetime, zone: str) -> date:
    """The user's day, with an unknown zone name read as UTC (as the bot does)."""
    try:
        return days.local_day(now, zone)
    except (ValueError, KeyError):
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


# -- rotate-key -------------------------------------------------------------------------------------------------


class Rotated(NamedTuple):
    notebooks: int  # re-encrypted by this run
    already: int  # found under the new key (a run that was interrupted had done them)
    set_aside: int  # did not open with the old key although it is theirs: damaged, set aside like the bot does


def rotate_key(
    data_dir: Path, old: Codec | None, new: Codec | None, on_file: Callable[[Path], None] | None = None
) -> Rotated:
    """Every notebook (and every file set aside) from key ``old`` to key ``new`` (None: plaintext).

    The caller holds the data folder (no bot is running). See the module docstring for why a kill at any instant
    is safe; ``on_file`` is called after each file is safely replaced (progress, and tests that kill it there).
    """
    journal = data_dir / REKEY_JOURNAL
    target = new.key_id if new else "plaintext"
    files = DataFolder(data_dir).sealed_files()
    # Before anything is written: every notebook must be under the old key or (a run interrupted) the new one. A
    # wrong COACH_DATA_KEY is refused here, changing nothing.
    expected = {old.key_id if old else None, new.key_id if new else None}
    for file in files:
        if file.name.endswith(".json") and file.stat().st_size and file_key(file).key_id not in expected:
            found = file_key(file).key_id or "plaintext"
            have = old.key_id if old else "no key"
            raise DataKeyError(f"{file.name} is under key id {found}, but COACH_DATA_KEY is {have}")
    # A save or a rotation killed mid-write leaves its temporary file (the folder is ours alone now: no writer is
    # half-way). Never renamed into place, it holds nothing acknowledged; left alone it would stay in plaintext, or
    # under the key being rotated away from, for good.
    for leftover in DataFolder(data_dir).temporary_files():
        leftover.unlink(missing_ok=True)
    if journal.exists():
        recorded = journal.read_text(encoding="ascii").strip()
        if recorded != target:
            raise DataKeyError(
                f"an interrupted rotation to key id {recorded} must be finished first: run nurture rotate-key "
                "again with COACH_NEW_DATA_KEY set to that key"
            )
    else:
        write_atomically(journal, target.encode())
    done = already = set_aside = 0
    for file in files:
        raw = read_file(file)
        if sealed_with(raw[:16]).key_id == (new.key_id if new else None):
            already += 1
            continue
        try:
            if ".json.side-" in file.name:  # one sealed line (Store.write_side), not a notebook
                resealed = reseal_side(raw, old, new, owner_of(file))
            else:
                resealed = reseal(raw, old, new, owner_of(file), head_length)
        except (Damaged, DataKeyError):
            if file.name.endswith(".json"):  # a notebook that does not open with its own key: set aside, as the bot
                os.replace(file, file.with_name(f"{file.name}.unreadable-rotate-key"))
                set_aside += 1
            continue  # a copy set aside earlier (maybe under an older key) stays as it is
        write_atomically(file, resealed)
        done += 1
        if on_file is not None:
            on_file(file)
    journal.unlink()
    fsync_folder(data_dir)
    return Rotated(done, already, set_aside)


# -- the command line -------------------------------------------------------------------------------------------


def run(command: str, args: argparse.Namespace, settings: Settings, out: TextIO = sys.stdout) -> int:
    data_dir = settings.data_dir
    if command == "new-key":
        print(generate_key(), file=out)
        return 0
    if not (data_dir / "users").is_dir():
        print(f"nurture: no notebooks in COACH_DATA_DIR={data_dir} (nothing was saved there yet)", file=sys.stderr)
        return 2
    if command == "rotate-key":
        return run_rotate_key(settings, out)
    codec = settings.codec()
    try:
        check_folder(data_dir, codec)
    except DataKeyError as error:
        print(f"nurture: {error}", file=sys.stderr)
        return 2
    if command == "check":
        return check(data_dir, out, codec)
    if command == "backup":
        try:
            copied = backup(data_dir, args.dir, codec)
        except BackupRefused as error:
            print(f"nurture: {error}", file=sys.stderr)
            return 2
        except OSError as error:
            print(f"nurture: cannot back up into {args.dir}: {error.strerror or error}", file=sys.stderr)
            return 2
        print(f"backed up {copied.notebooks} notebooks ({copied.bytes:,} bytes) into {args.dir}", file=out)
        if copied.unreadable:
            print(f"{len(copied.unreadable)} of them do not open (as in the original): run nurture check", file=out)
        return 0
    if command == "stats":
        print_stats(stats(data_dir, SystemClock().now(), codec), out)
        return 0
    raise ValueError(f"unknown command {command!r}")


def run_rotate_key(settings: Settings, out: TextIO) -> int:
    from bot.datalock import DataFolderBusy, lock_data_folder

    try:
        new = settings.new_codec()
    except ConfigError as error:
        print(f"nurture: {error}", file=sys.stderr)
        return 2
    old = settings.codec()
    try:
        held = lock_data_folder(settings.data_dir)
    except DataFolderBusy as error:
        print(f"nurture: {error} (stop the bot before rotating the key)", file=sys.stderr)
        return 2
    try:
        rotated = rotate_key(settings.data_dir, old, new)
    except DataKeyError as error:
        print(f"nurture: {error}. Nothing more was changed; the run can be repeated.", file=sys.stderr)
        return 2
    finally:
        held.release()
    print_rotated(rotated, new, "files", out)
    return 0


def print_rotated(rotated: Rotated, new: Codec | None, what: str, out: TextIO) -> None:
    """What `nurture rotate-key` did, and what to start the bot with now (a data folder's files or a database's
    notebooks)."""
    print(
        f"re-encrypted {rotated.notebooks} {what} ({rotated.already} were already done) "
        f"{'with key id ' + new.key_id if new else 'to plaintext'}",
        file=out,
    )
    if rotated.set_aside:
        print(f"{rotated.set_aside} damaged notebooks did not open and were set aside (see nurture check)", file=out)
    then = "COACH_DATA_KEY=<the value of COACH_NEW_DATA_KEY>" if new else "an empty COACH_DATA_KEY"
    print(f"Now start the bot with {then}, and remove COACH_NEW_DATA_KEY.", file=out)
