"""The database's schema, as numbered migrations applied in order at start-up (``apply``), each once.

A migration is never edited once released: a change is a new migration at the end. ``schema_migrations`` records
which ones ran. Several replicas starting at once take turns (a transaction-level advisory lock), so each migration
runs exactly once; a database migrated by a newer release than this one is refused rather than misread.

What the tables hold (bot/store/database.py uses them):

- ``notebooks``: one row per user: the snapshot line of their notebook exactly as a file's first line (sealed with
  COACH_DATA_KEY when it is set), a ``version`` bumped by every save (a replica's cached copy is current while it
  matches, and a save is refused when it does not: no replica ever saves over a newer notebook), and when it was
  last saved (replicas follow each other's changes to schedules by it);
- ``notebook_changes``: the change log, one row per save, the line a file would append (``version`` orders them);
  a compaction folds them into a new snapshot and deletes them in the same transaction;
- the claims of each day's morning and weekly review, and the ids of the updates applied, are not tables of their
  own: they live in the notebook's state and are written in the very transaction that records what they guard (the
  day's claim before its message goes out; an update's id with the change it made), so no crash can leave one
  without the other. ``nurture check`` reads them like any other state;
- ``set_aside``: notebooks set aside as unreadable, and copies kept before a damaged change was skipped;
- ``notices``: what a user is told at their next contact (no personal data);
- ``side_files``: what is kept beside a notebook (an import waiting for the user's answer), sealed like it;
- ``deletion_marks``: the marks of deleted notebooks (a keyed hash and a time: bot/deletions.py);
- ``send_budget``: Telegram's overall message rate, one bucket shared by every replica (unlogged: nothing in it is
  worth an fsync, and a crash empties it, which starts the bucket again full);
- ``store_flags``: a key rotation in progress (the database's ``.rekey``).
"""

from __future__ import annotations

from typing import Any

MIGRATIONS_LOCK = -0x4E55_5201  # advisory lock key while migrating (user turns use the user id, always positive)

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "notebooks, their change log, and what the store keeps beside them",
        """
        CREATE TABLE notebooks (
            user_id   bigint PRIMARY KEY,
            version   bigint NOT NULL,
            snapshot  bytea NOT NULL,
            log_bytes bigint NOT NULL DEFAULT 0,
            saved_at  timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX notebooks_saved_at ON notebooks (saved_at);
        CREATE TABLE notebook_changes (
            user_id bigint NOT NULL REFERENCES notebooks (user_id) ON DELETE CASCADE,
            version bigint NOT NULL,
            line    bytea NOT NULL,
            PRIMARY KEY (user_id, version)
        );
        CREATE TABLE set_aside (
            name    text PRIMARY KEY,
            user_id bigint NOT NULL,
            why     text NOT NULL,
            kept_at timestamptz NOT NULL DEFAULT now(),
            content bytea NOT NULL
        );
        CREATE INDEX set_aside_user ON set_aside (user_id);
        CREATE TABLE notices (
            user_id bigint PRIMARY KEY,
            payload bytea NOT NULL
        );
        CREATE TABLE side_files (
            user_id bigint NOT NULL,
            name    text NOT NULL,
            payload bytea NOT NULL,
            PRIMARY KEY (user_id, name)
        );
        CREATE TABLE deletion_marks (
            mark  text PRIMARY KEY,
            stamp bigint NOT NULL
        );
        CREATE TABLE send_budget (
            name   text PRIMARY KEY,
            tokens double precision NOT NULL,
            at     double precision NOT NULL
        );
        CREATE TABLE store_flags (
            name  text PRIMARY KEY,
            value text NOT NULL
        );
        """,
    ),
    (
        2,
        "the send budget is not written ahead: taking a send slot no longer waits for the disk",
        # A transaction that writes only unlogged tables commits without flushing the WAL: a reply no longer waits
        # for an fsync before it may be sent (bench/bench_postgres.py: about 10 ms a reply on this machine's disk).
        # After a crash the table is empty, and the bucket starts again full: one slot.
        "ALTER TABLE send_budget SET UNLOGGED",
    ),
]

LATEST = MIGRATIONS[-1][0]


class NewerSchema(Exception):
    """The database was migrated by a newer release of Nurture than this one."""


def apply(conn: Any) -> list[int]:
    """Bring the schema up to date (a psycopg connection); the numbers of the migrations this call applied."""
    applied: list[int] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATIONS_LOCK,))
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
        newer = sorted(v for v in done if v > LATEST)
        if newer:
            raise NewerSchema(
                f"the database's schema is at migration {newer[-1]}, newer than this release knows ({LATEST}): "
                "run the newer release"
            )
        for number, name, sql in MIGRATIONS:
            if number in done:
                continue
            conn.execute(sql)
            conn.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", (number, name))
            applied.append(number)
    return applied
