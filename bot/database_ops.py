"""The operator commands over PostgreSQL (``COACH_DATABASE_URL``): ``check``, ``backup DIR``, ``stats`` and
``rotate-key``, saying what bot/ops.py says of a data folder.

- ``check`` reads every notebook's rows (one statement each: a consistent notebook, also while replicas write) and
  inspects them with the same inspector as files (bot/inspection.py): each problem named with the notebook, the
  line (1: the snapshot row, then the change rows in order) and the record; the digest compared with the records.
- ``stats`` reads only each notebook's head, as morning planning does, and prints counts only.
- ``backup DIR`` writes every notebook, and what is kept beside it, into DIR as a data folder of its own (the lines
  exactly as in the rows, still sealed with COACH_DATA_KEY): ``COACH_DATA_DIR=DIR nurture`` runs on it, and
  ``nurture migrate --from DIR --to URL`` puts it back into a database. It only reads, so it runs beside the bot.
  The database's own backup (``pg_dump``, or the host's snapshots and point-in-time recovery) covers everything in
  it too; this one needs nothing but Nurture and is checked as it is written.
- ``rotate-key`` takes the database alone (no bot may run on it), flags the rotation in ``store_flags`` (the bot
  refuses to start while it is there), and rewrites each notebook under the new key in one transaction; killed at
  any instant, running it again finishes the job.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from bot.clock import SystemClock
from bot.config import ConfigError, Settings
from bot.inspection import inspect_bytes
from bot.migrate import DatabaseSide, FolderSide
from bot.ops import BackupRefused, Copied, Rotated, Stats, count, glance, print_rotated, print_stats, reseal_side
from bot.store.crypto import Codec, Damaged, DataKeyError, reseal, sealed_with
from bot.store.database import REKEY_FLAG, Database, DatabaseUnusable, NotStarted, check_database
from bot.store.logfile import head_length


def check(db: Database, out: TextIO, codec: Codec | None = None) -> int:
    verdicts = []
    for user_id in db.user_ids():
        raw = db.pages(user_id).read()
        if raw is None:  # deleted since the list was read
            continue
        verdicts.append(inspect_bytes(user_id, Path(f"{user_id}.json"), raw, codec))
    for verdict in verdicts:
        for problem in verdict.problems:
            print(f"notebook {verdict.user_id}: {problem}", file=out)
        for note in verdict.notes:
            print(f"notebook {verdict.user_id}: note: {note}", file=out)
    bad = [v for v in verdicts if not v.ok]
    print(
        f"checked {len(verdicts)} notebooks in the database {db.name}: {len(verdicts) - len(bad)} ok, "
        f"{len(bad)} with problems",
        file=out,
    )
    stale = sum(v.stale_digest for v in verdicts)
    if stale:
        print(f"{stale} written by an older release: the bot rebuilds their digest when it opens them", file=out)
    aside = db.query("SELECT count(*) FROM set_aside WHERE why = 'unreadable'")[0][0]
    if aside:
        print(f"{aside} unreadable notebooks set aside earlier (table set_aside), kept for inspection", file=out)
    return 1 if bad else 0


def stats(db: Database, now: datetime, codec: Codec | None = None) -> Stats:
    return count((glance(user_id, db.pages(user_id), codec) for user_id in db.user_ids()), now)


def backup(db: Database, dest: Path, codec: Codec | None = None) -> Copied:
    """Every notebook and what is kept beside it, into ``dest`` as a data folder (see the module docstring)."""
    if dest.exists() and any(dest.iterdir()):
        raise FileExistsError(f"{dest} is not empty")
    source, target = DatabaseSide(db), FolderSide(dest)
    notebooks = size = 0
    unreadable = []
    try:
        for user_id in source.user_ids():
            content = source.read(user_id)
            if not content:
                continue
            target.write(user_id, content)
            notebooks, size = notebooks + 1, size + len(content)
            if inspect_bytes(user_id, Path(f"{user_id}.json"), content, codec).problems:
                unreadable.append(user_id)
        for kind, user_id, name, content in source.extras():
            target.put_extra(kind, user_id, name, content)
    except BaseException:
        import shutil

        shutil.rmtree(dest, ignore_errors=True)
        raise
    return Copied(notebooks, size, unreadable)


def rotate_key(db: Database, old: Codec | None, new: Codec | None) -> Rotated:
    """Every notebook (and every copy set aside, every side file) from key ``old`` to key ``new``."""
    target = new.key_id if new else "plaintext"
    recorded = db.flag(REKEY_FLAG)
    if recorded is not None and recorded != target:
        raise DataKeyError(
            f"an interrupted rotation to key id {recorded} must be finished first: run nurture rotate-key again "
            "with COACH_NEW_DATA_KEY set to that key"
        )
    expected = {old.key_id if old else None, new.key_id if new else None}
    for user_id, first in db.query("SELECT user_id, substring(snapshot FROM 1 FOR 16) FROM notebooks"):
        found = sealed_with(bytes(first)).key_id
        if found not in expected:
            have = old.key_id if old else "no key"
            raise DataKeyError(
                f"notebook {user_id} is under key id {found or 'plaintext'}, but COACH_DATA_KEY is {have}"
            )
    db.set_flag(REKEY_FLAG, target)
    done = already = set_aside = 0
    for user_id in db.user_ids():
        pages = db.pages(user_id)
        raw = pages.read()
        if raw is None:
            continue
        if sealed_with(raw[:16]).key_id == (new.key_id if new else None):
            already += 1
            continue
        try:
            pages.replace(reseal(raw, old, new, str(user_id), head_length))
        except (Damaged, DataKeyError):
            db.set_aside_notebook(user_id, "unreadable")
            set_aside += 1
            continue
        done += 1
    for name, user_id, content in db.query("SELECT name, user_id, content FROM set_aside"):
        try:
            resealed = reseal(bytes(content), old, new, str(user_id), head_length)
        except (Damaged, DataKeyError):
            continue  # kept as it was (maybe under an older key still)
        db.query("UPDATE set_aside SET content = %s WHERE name = %s RETURNING 1", (resealed, name))
    for user_id, name, payload in db.query("SELECT user_id, name, payload FROM side_files"):
        try:
            resealed = reseal_side(bytes(payload), old, new, str(user_id))
        except (Damaged, DataKeyError):
            continue
        db.write_side(user_id, name, resealed)
    db.set_flag(REKEY_FLAG, None)
    return Rotated(done, already, set_aside)


def run(command: str, args: argparse.Namespace, settings: Settings, out: TextIO = sys.stdout) -> int:
    try:
        db = Database(settings.database_url)
    except DatabaseUnusable as error:
        print(f"nurture: {error}", file=sys.stderr)
        return 2
    try:
        if command == "rotate-key":
            return _rotate(db, settings, out)
        codec = settings.codec()
        try:
            check_database(db, codec)
        except DataKeyError as error:
            print(f"nurture: {error}", file=sys.stderr)
            return 2
        if command == "check":
            return check(db, out, codec)
        if command == "stats":
            print_stats(stats(db, SystemClock().now(), codec), out)
            return 0
        if command == "backup":
            try:
                copied = backup(db, args.dir, codec)
            except (BackupRefused, FileExistsError) as error:
                print(f"nurture: {error}", file=sys.stderr)
                return 2
            except OSError as error:
                print(f"nurture: cannot back up into {args.dir}: {error.strerror or error}", file=sys.stderr)
                return 2
            print(
                f"backed up {copied.notebooks} notebooks ({copied.bytes:,} bytes) from the database into {args.dir} "
                "(a data folder: COACH_DATA_DIR, or nurture migrate --from it)",
                file=out,
            )
            if copied.unreadable:
                print(f"{len(copied.unreadable)} of them do not open (as in the database): run nurture check", file=out)
            return 0
        raise ValueError(f"unknown command {command!r}")
    finally:
        db.close()


def _rotate(db: Database, settings: Settings, out: TextIO) -> int:
    try:
        new = settings.new_codec()
    except ConfigError as error:
        print(f"nurture: {error}", file=sys.stderr)
        return 2
    try:
        db.claim_instance(exclusive=True)
    except NotStarted as error:
        print(f"nurture: {error} (stop every bot on it before rotating the key)", file=sys.stderr)
        return 2
    try:
        rotated = rotate_key(db, settings.codec(), new)
    except DataKeyError as error:
        print(f"nurture: {error}. Nothing more was changed; the run can be repeated.", file=sys.stderr)
        return 2
    print_rotated(rotated, new, "notebooks", out)
    return 0
