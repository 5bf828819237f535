"""One notebook per user in memory: held notebooks are never evicted, stale copies can never save, and one
user's turn serialises their handlers and their morning job."""

from __future__ import annotations

import asyncio

import pytest

from bot.notebooks import open_store
from bot.store.errors import NotebookClosed
from bot.store.notebooks import Store
from bot.store.records import Contact, Profile


async def test_a_held_notebook_is_never_evicted_and_there_is_never_a_second_copy(tmp_path):
    store = open_store(tmp_path, cache_size=2)
    async with store.lease(1) as held:  # e.g. a morning job, waiting on a slow send
        for other in range(2, 40):  # many other users write meanwhile
            store.notebook(other).save_profile(Profile(user_id=other))
        assert store.notebook(1) is held
    assert len([u for u in range(1, 40) if store.is_open(u)]) <= 2  # bounded again once nothing holds


async def test_the_reproduced_race_a_morning_job_cannot_save_an_old_copy_over_a_newer_save(tmp_path):
    """The cache used to evict a notebook a morning job still held; the user's next write opened a second copy,
    and the job's later save put its old copy back over "Saved Zara"."""
    store = open_store(tmp_path, cache_size=1)
    morning_started, send_done = asyncio.Event(), asyncio.Event()

    async def morning_job() -> None:
        async with store.lease(1) as notebook:
            notebook.set_state("mornings", {"2026-11-23": {"status": "claimed", "keys": []}})
            morning_started.set()
            await send_done.wait()  # the send to Telegram takes its time
            notebook.set_state("mornings", {"2026-11-23": {"status": "sent", "keys": []}})

    async def user_saves_zara() -> None:
        async with store.lease(1) as notebook:
            notebook.save_contact(Contact(id="aaaaaaaa", name="Zara"))

    job = asyncio.create_task(morning_job())
    await morning_started.wait()
    store.notebook(2).save_profile(Profile(user_id=2))  # would have pushed user 1 out of a cache of one
    saving = asyncio.create_task(user_saves_zara())
    await asyncio.sleep(0.01)
    assert not saving.done(), "the user's write must wait for their own morning job, not race it"
    send_done.set()
    await asyncio.gather(job, saving)

    store.drop(1)
    fresh = open_store(tmp_path).notebook(1)
    assert [c.name for c in fresh.contacts()] == ["Zara"]
    assert fresh.get_state("mornings")["2026-11-23"]["status"] == "sent"


async def test_other_users_never_wait_for_a_held_notebook(tmp_path):
    store = open_store(tmp_path)
    release = asyncio.Event()

    async def slow_user() -> None:
        async with store.lease(1):
            await release.wait()

    task = asyncio.create_task(slow_user())
    await asyncio.sleep(0)
    async with asyncio.timeout(1):
        async with store.lease(2) as notebook:
            notebook.save_profile(Profile(user_id=2))
    release.set()
    await task


async def test_one_users_turns_come_in_arrival_order_and_a_holder_may_lease_again(tmp_path):
    store = open_store(tmp_path)
    order: list[int] = []

    async def work(n: int) -> None:
        async with store.lease(1), store.lease(1):  # the same task again: no deadlock
            await asyncio.sleep(0)
            order.append(n)

    await asyncio.gather(*(work(n) for n in range(10)))
    assert order == list(range(10))
    assert not store.is_held(1)


def test_a_notebook_that_left_memory_refuses_to_read_or_write(tmp_path):
    store = open_store(tmp_path)
    stale = store.notebook(1)
    stale.save_contact(Contact(id="aaaaaaaa", name="Zara"))
    store.drop(1)
    with pytest.raises(NotebookClosed):
        stale.save_contact(Contact(id="bbbbbbbb", name="Old"))
    with pytest.raises(NotebookClosed):
        stale.contacts()
    assert [c.name for c in store.notebook(1).contacts()] == ["Zara"]


async def test_a_job_waiting_for_a_deleted_users_turn_finds_nothing(tmp_path):
    store = open_store(tmp_path)
    store.notebook(1).save_profile(Profile(user_id=1))
    async with store.lease(1):
        waiting = asyncio.create_task(_lease_existing(store, 1))
        await asyncio.sleep(0)
        store.delete(1)
    assert await waiting is None
    assert not store.path_for(1).exists()


async def _lease_existing(store: Store, user_id: int) -> object:
    async with store.lease_existing(user_id) as notebook:
        return notebook
