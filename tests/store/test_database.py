"""The store over PostgreSQL: the same notebooks in rows, shared by several processes (here: several stores, each
with its own connections, as replicas would have), one user at a time, nothing saved over a newer notebook."""

from __future__ import annotations

import asyncio
import itertools
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import psycopg
import pytest

from bot.deletions import Deletions
from bot.notebooks import open_store
from bot.store import migrations
from bot.store.crypto import Codec, DataKeyError, generate_key
from bot.store.database import Database, DatabaseUnusable, NotStarted, check_database
from bot.store.errors import UnreadableData
from bot.store.notebooks import Store
from bot.store.records import Contact, Interaction
from bot.store.rows import ChangedElsewhere

KEY = Codec.from_text(generate_key())


@pytest.fixture
def databases(database_url: str) -> Iterator[list[Database]]:
    """Database objects opened on one database: one per replica a test needs."""
    opened: list[Database] = []
    yield opened
    for database in opened:
        database.close()


@pytest.fixture
def replicas(database_url: str, databases: list[Database]):
    def open_replica(codec: Codec | None = None) -> Store:
        database = Database(database_url)
        databases.append(database)
        return open_store(database, codec=codec)

    return open_replica


def test_a_notebook_saved_by_one_replica_is_read_by_another(replicas):
    first, second = replicas(), replicas()
    notebook = first.notebook(1)
    notebook.save_contact(Contact(id="c1", name="Jane Doe", company="Acme"))
    notebook.add_interaction(Interaction(id="i1", contact_id="c1", kind="met", on="2026-11-20", text="jazz"))
    again = second.notebook(1)
    assert [(c.name, c.company) for c in again.contacts()] == [("Jane Doe", "Acme")]
    assert [i.text for i in again.interactions("c1")] == ["jazz"]
    assert again.summaries()["c1"]["first"] == "Jane"
    assert second.user_ids() == [1] and second.has_notebook(1) and not second.has_notebook(2)


def test_a_save_is_one_row_and_the_log_is_folded_into_the_snapshot_as_it_grows(replicas, database_url):
    store = replicas()
    notebook = store.notebook(1)
    notebook.save_contact(Contact(id="c1", name="Jane"))
    for n in range(3):
        notebook.add_interaction(Interaction(id=f"i{n}", contact_id="c1", kind="note", on="2026-11-20", text="x"))
    with psycopg.connect(database_url) as conn:
        assert conn.execute("SELECT count(*) FROM notebook_changes WHERE user_id = 1").fetchone()[0] == 3
    for n in range(400):
        notebook.add_interaction(Interaction(id=f"j{n}", contact_id="c1", kind="note", on="2026-11-21", text="y" * 99))
    with psycopg.connect(database_url) as conn:
        assert conn.execute("SELECT count(*) FROM notebook_changes WHERE user_id = 1").fetchone()[0] < 400
    assert len(replicas().notebook(1).interactions()) == 403


async def test_a_replica_that_takes_the_turn_reads_what_another_saved_since(replicas):
    first, second = replicas(), replicas()
    async with first.lease(1) as notebook:
        notebook.save_contact(Contact(id="c1", name="Jane"))
    async with second.lease(1) as notebook:  # cached nowhere yet: read
        notebook.save_contact(Contact(id="c2", name="Tom"))
    async with first.lease(1) as notebook:  # first's cached copy is older than the database's: read again
        assert sorted(c.name for c in notebook.contacts()) == ["Jane", "Tom"]
        notebook.save_contact(Contact(id="c3", name="Ana"))
    async with second.lease(1) as notebook:
        assert sorted(c.name for c in notebook.contacts()) == ["Ana", "Jane", "Tom"]


async def test_one_user_is_worked_on_by_one_replica_at_a_time_and_others_are_not_held(replicas):
    first, second = replicas(), replicas()
    order: list[str] = []
    entered = asyncio.Event()

    async def slow_first() -> None:
        async with first.lease(1) as notebook:
            entered.set()
            order.append("first in")
            await asyncio.sleep(0.3)
            notebook.save_contact(Contact(id="c1", name="Jane"))
            order.append("first out")

    async def then_second() -> None:
        await entered.wait()
        async with second.lease(2):  # another user: not held up
            order.append("other user")
        async with second.lease(1) as notebook:
            order.append("second in")
            assert [c.name for c in notebook.contacts()] == ["Jane"]

    await asyncio.gather(slow_first(), then_second())
    assert order == ["first in", "other user", "first out", "second in"]


def test_a_save_over_a_notebook_changed_elsewhere_is_refused_and_saves_nothing(replicas):
    first, second = replicas(), replicas()
    first.notebook(1).save_contact(Contact(id="c1", name="Jane"))
    stale = second.notebook(1)  # read now...
    first.notebook(1).save_contact(Contact(id="c2", name="Tom"))  # ...changed elsewhere since
    with pytest.raises(ChangedElsewhere):
        stale.save_contact(Contact(id="c3", name="Ana"))
    assert sorted(c.name for c in replicas().notebook(1).contacts()) == ["Jane", "Tom"]


def test_rows_are_sealed_exactly_as_files_and_hold_no_plaintext(replicas, database_url, tmp_path):
    store = replicas(KEY)
    store.notebook(7).save_contact(Contact(id="c1", name="Jane Doe", company="Acme"))
    store.notebook(7).add_interaction(Interaction(id="i1", contact_id="c1", kind="met", on="2026-11-20"))
    with psycopg.connect(database_url) as conn:
        blob = b"".join(bytes(row[0]) for row in conn.execute("SELECT snapshot FROM notebooks"))
        blob += b"".join(bytes(row[0]) for row in conn.execute("SELECT line FROM notebook_changes"))
    assert blob.startswith(b"E1.") and b"Jane" not in blob and b"Acme" not in blob
    # The same bytes are a notebook file: written into a folder, the file store opens them with the same key.
    folder = open_store(tmp_path / "data", codec=KEY)
    folder.path_for(7).write_bytes(store.place.pages(7).read())
    assert [c.name for c in folder.notebook(7).contacts()] == ["Jane Doe"]
    with pytest.raises(DataKeyError):
        check_database(store.place, None)
    assert check_database(store.place, KEY) == []


def test_an_unreadable_notebook_is_set_aside_and_its_user_told(replicas, database_url):
    store = replicas()
    store.notebook(5).save_contact(Contact(id="c1", name="Jane"))
    store.drop(5)
    with psycopg.connect(database_url) as conn:
        conn.execute("UPDATE notebooks SET snapshot = %s WHERE user_id = 5", (b'{"not": "a notebook"\n',))
    with pytest.raises(UnreadableData):
        store.notebook(5)
    other = replicas()
    notice = other.take_notice(5)
    assert notice is not None and notice.what == "unreadable" and notice.kept.startswith("5.json.unreadable-")
    assert other.notebook(5).contacts() == []  # a fresh start
    with psycopg.connect(database_url) as conn:
        assert conn.execute("SELECT count(*) FROM set_aside WHERE user_id = 5").fetchone()[0] == 1


def test_deleting_a_user_leaves_nothing_of_them(replicas, database_url):
    store = replicas()
    store.notebook(3).save_contact(Contact(id="c1", name="Jane"))
    store.write_side(3, "import-abc", b"waiting")
    assert store.read_side(3, "import-abc") == b"waiting"
    store.delete(3)
    with psycopg.connect(database_url) as conn:
        for table in ("notebooks", "notebook_changes", "set_aside", "notices", "side_files"):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    with pytest.raises(FileNotFoundError):
        store.read_side(3, "import-abc")


def test_deletion_marks_live_in_the_database(replicas):
    at = datetime(2026, 11, 22, 8, tzinfo=UTC)
    Deletions(replicas().place.marks(), "secret").record(9, at)
    marks = Deletions(replicas().place.marks(), "secret")
    assert marks.when(9, at) == at
    marks.forget(9, at)
    assert marks.when(9, at) is None


def test_polling_runs_alone_on_a_database_and_webhook_replicas_share_it(databases, database_url):
    def opened() -> Database:
        databases.append(Database(database_url))
        return databases[-1]

    webhook_a, webhook_b = opened(), opened()
    assert webhook_a.instances() == ""
    webhook_a.claim_instance(exclusive=False)
    webhook_b.claim_instance(exclusive=False)
    assert webhook_a.instances() == "2 webhook replicas run"
    with pytest.raises(NotStarted, match=r"polling runs as one process"):
        opened().claim_instance(exclusive=True)
    webhook_a.close()
    webhook_b.close()
    polling = opened()
    polling.claim_instance(exclusive=True)
    assert polling.instances() == "a polling bot runs"
    with pytest.raises(NotStarted, match="polling runs as one process"):
        opened().claim_instance(exclusive=True)
    with pytest.raises(NotStarted, match="polls Telegram"):
        opened().claim_instance(exclusive=False)


def test_bots_on_other_databases_of_the_same_server_are_not_counted(databases, database_url, postgres_url):
    """Two deployments on one PostgreSQL server (two databases): each bot sees only the ones on its own database,
    so a polling bot elsewhere on the server neither stops this one from starting nor shows in its health."""
    other_name = f"nurture_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{other_name}"')
    try:
        elsewhere = Database(postgres_url.rsplit("/", 1)[0] + "/" + other_name)
        databases.append(elsewhere)
        elsewhere.claim_instance(exclusive=True)  # a polling bot of another deployment
        here = Database(database_url)
        databases.append(here)
        assert here.instances() == ""
        here.claim_instance(exclusive=True)  # not refused: nobody polls this database
        assert here.instances() == "a polling bot runs"
        elsewhere.close()
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{other_name}" WITH (FORCE)')


def test_the_send_budget_is_one_bucket_for_every_replica(databases, database_url):
    """Ten sends at once from two replicas are spaced as one bucket of 10 a second spaces them, whoever sends.

    A reservation's wait counts from the moment the database took it, somewhere between asking and the answer, so
    each bound below allows for that window (a loaded machine widens it, and the test still holds)."""
    first, second = Database(database_url), Database(database_url)
    databases += [first, second]
    asks = []
    for db in (first, second) * 5:
        asked = time.time()
        wait = db.take_send_slot(rate=10.0)
        answered = time.time()
        asks.append((asked + wait, answered + wait, answered))  # the reserved moment lies between the first two
    slack = 0.01
    assert asks[0][0] <= asks[0][2]  # the first sends at once
    for (early, late, _), (next_early, next_late, answered) in itertools.pairwise(asks):
        assert next_late - early >= 0.1 - slack  # never two sends within one slot, from either replica
        assert next_early <= max(late + 0.1, answered) + slack  # and no longer a wait than the bucket needs
    assert asks[-1][1] - asks[0][0] >= 0.9 - slack  # the tenth waits for nine slots


def test_a_send_slot_does_not_wait_for_the_disk(databases, database_url):
    """The bucket is an unlogged table: taking a slot commits without flushing the write-ahead log, so a reply never
    waits for an fsync to be sent (a crash empties the bucket, which starts again full)."""
    db = Database(database_url)
    databases.append(db)
    assert db.take_send_slot(rate=30.0) == 0
    with psycopg.connect(database_url, autocommit=True) as conn:
        persistence = conn.execute("SELECT relpersistence FROM pg_class WHERE relname = 'send_budget'").fetchone()
        conn.execute("TRUNCATE send_budget")  # what a crash leaves
    assert persistence == ("u",)
    assert db.take_send_slot(rate=30.0) == 0


def test_migrations_run_once_and_a_newer_schema_is_refused(databases, database_url):
    databases += [Database(database_url), Database(database_url)]  # the second finds everything done
    with psycopg.connect(database_url, autocommit=True) as conn:
        assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == migrations.LATEST
        conn.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, 'from the future')", (999,))
    with pytest.raises(DatabaseUnusable, match="newer than this release"):
        Database(database_url)


def test_a_database_that_does_not_answer_is_named_without_its_password():
    with pytest.raises(DatabaseUnusable) as refused:
        Database("postgresql://nurture:s3cret-pass@127.0.0.1:1/nurture")
    assert "s3cret-pass" not in str(refused.value) and "127.0.0.1" in str(refused.value)
