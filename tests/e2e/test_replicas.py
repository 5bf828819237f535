"""Three ``nurture --webhook`` replicas on one PostgreSQL database, behind no proxy: the test posts each update to a
replica picked at random, as a proxy would, and kills one replica with SIGKILL while the updates flow.

What Telegram does is done here too: one chat's updates are posted one at a time, the next once the last was
answered 200 (the Bot API's webhook keeps a queue per chat); an update that gets no answer (its replica died, or
refused it) is posted again, to another replica. Many chats at once, as Telegram's up to 40 connections do.

Then nothing may be lost (every update applied), nothing doubled (no update applied twice, no person saved twice),
every user's updates applied in their order, and when the morning minute they all chose passes, every user gets
exactly one morning, from whichever replica fires first. The replicas run on a clock the test moves forward
(testkit/shifted_time.py): once the morning time is set, their clock jumps to a few seconds before it, so the test
waits seconds, not minutes, for the replicas' own schedule to fire.
"""

from __future__ import annotations

import itertools
import json
import random
import signal
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.notebooks import open_store
from bot.store.database import Database
from bot.store.notebook import HANDLED
from testkit.fake_bot_api import FakeBotAPI
from testkit.shifted_time import ShiftedTime
from tests.e2e.test_real_process import TOKEN, BotProcess, clean_env
from tests.e2e.test_webhook import WEBHOOK_SECRET, free_port, listening, lost_its_port

REPLICAS = 3
USERS = 40  # as many as the connections Telegram may open: every connection busy while a replica is killed
# Every reply is paced under the bot's 29.5 messages a second, shared by the replicas: 400 replies take 14 s at least.
NAMES = ["Ada", "Ben", "Cleo", "Dan", "Eve", "Finn", "Gia", "Hugo"]
# Then "/morning quiet on" (a day with nothing due still sends its morning) and the morning time: 10 updates a user.
CONNECTIONS = 40  # what the bot asks Telegram to open at most (bot/webhook.py MAX_CONNECTIONS)
START_TIMEOUT = 60.0
RUN_TIMEOUT = 240.0
LEAD_S = 4  # the replicas' clock is moved to this many seconds before the morning minute


class Replicas:
    def __init__(self, tmp: Path, api: FakeBotAPI, database_url: str) -> None:
        self.tmp, self.api, self.database_url = tmp, api, database_url
        self.clock = ShiftedTime(tmp)
        self.ports: list[int] = []
        self.bots: list[BotProcess] = []
        for n in range(REPLICAS):
            self.ports.append(free_port())
            self.bots.append(self._start(n))
        self.dead: set[int] = set()
        self.lock = threading.Lock()

    def _start(self, n: int, attempt: int = 0) -> BotProcess:
        env = clean_env(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=self.api.url,
            COACH_DATA_DIR=str(self.tmp / f"data-{n}"),
            COACH_DATABASE_URL=self.database_url,
            TELEGRAM_WEBHOOK_URL="https://bot.example.org/nurture/telegram",
            TELEGRAM_WEBHOOK_SECRET=WEBHOOK_SECRET,
            COACH_WEBHOOK_LISTEN="127.0.0.1",
            COACH_WEBHOOK_PORT=str(self.ports[n]),
            **self.clock.env(),
        )
        return BotProcess(self.tmp, f"replica-{n}-{attempt}", env, args=("--webhook",))

    def wait_until_listening(self) -> None:
        """Every replica listening; one whose port was taken before it could bind it starts again on another."""
        deadline = time.monotonic() + START_TIMEOUT
        for n in range(REPLICAS):
            attempt = 0
            while not listening(self.ports[n]) or lost_its_port(self.bots[n]):
                if lost_its_port(self.bots[n]) and attempt < 5:
                    attempt += 1
                    self.clock.forget(self.bots[n].process.pid)
                    self.ports[n] = free_port()
                    self.bots[n] = self._start(n, attempt)
                    continue
                bot = self.bots[n]
                assert bot.process.poll() is None and time.monotonic() < deadline, bot.output()[-3000:]
                time.sleep(0.05)

    def kill(self, n: int) -> None:
        with self.lock:
            self.dead.add(n)
        self.bots[n].process.send_signal(signal.SIGKILL)
        self.bots[n].process.wait(timeout=10)

    def post(self, update: dict, deadline: float) -> int:
        """Post until some replica answers 200, as Telegram would (it keeps the update until then); the number of
        posts it took."""
        body = json.dumps(update).encode()
        headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
        for attempt in itertools.count(1):
            assert time.monotonic() < deadline, f"update {update['update_id']} was never taken"
            port = random.choice(self.ports)  # a dead replica too: its refusal is what a proxy would meet
            request = urllib.request.Request(f"http://127.0.0.1:{port}/nurture/telegram", data=body, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    if response.status == 200:
                        return attempt
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.05)
        raise AssertionError("unreachable")

    def output(self) -> str:
        return "\n".join(f"--- replica {n}\n{bot.output()[-4000:]}" for n, bot in enumerate(self.bots))

    def stop(self) -> None:
        for bot in self.bots:
            bot.kill()
            self.clock.forget(bot.process.pid)


@pytest.fixture
def replicas(tmp_path: Path, database_url: str) -> Iterator[tuple[FakeBotAPI, Replicas]]:
    Database(database_url).close()  # the schema, once, before three replicas start at the same time anyway
    with FakeBotAPI() as api:
        running = Replicas(tmp_path, api, database_url)
        try:
            running.wait_until_listening()
            yield api, running
        finally:
            running.stop()


def message(update_id: int, user_id: int, text: str) -> dict:
    command = text.split()[0]
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private", "first_name": f"U{user_id}"},
            "from": {"id": user_id, "is_bot": False, "first_name": f"U{user_id}"},
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(command)}],
        },
    }


def test_three_replicas_one_killed_lose_nothing_double_nothing_keep_order_and_send_one_morning_each(
    replicas, database_url
):
    api, running = replicas
    users = [10_000 + n for n in range(USERS)]
    ids = itertools.count(1)
    streams: dict[int, list[dict]] = {u: [] for u in users}  # each user's updates, in their order
    for text in [*(f"/met {name}" for name in NAMES), "/morning quiet on"]:  # ids grow across users, as Telegram's
        for user_id in users:
            streams[user_id].append(message(next(ids), user_id, text))
    posted = itertools.count(1)
    killed = threading.Event()
    deadline = time.monotonic() + RUN_TIMEOUT

    def chat(user_id: int, updates: list[dict]) -> int:
        retries = 0
        for update in updates:
            retries += running.post(update, deadline) - 1
            if next(posted) == USERS * len(NAMES) // 3 and not killed.is_set():
                killed.set()
                running.kill(0)  # mid-run: some of its updates are being handled right now
        return retries

    with ThreadPoolExecutor(CONNECTIONS) as pool:
        retried = sum(pool.map(chat, users, [streams[u] for u in users]))
        assert killed.is_set()
        # The tenth update: the morning time, at a minute boundary one to two minutes away (however long the
        # first nine took on a loaded machine), to the two replicas left.
        morning = (datetime.now(UTC) + timedelta(seconds=120)).replace(second=0, microsecond=0)
        last = {u: [message(next(ids), u, f"/morning {morning:%H:%M}")] for u in users}
        retried += sum(pool.map(chat, users, [last[u] for u in users]))
    for user_id in users:
        streams[user_id] += last[user_id]
    total = sum(len(s) for s in streams.values())
    assert datetime.now(UTC) < morning - timedelta(seconds=20), "the morning time came before it was set"

    database = Database(database_url)
    store = open_store(database)
    try:
        for user_id in users:
            notebook = store.notebook(user_id)
            names = sorted(c.name for c in notebook.contacts())
            assert names == sorted(NAMES), (user_id, names)  # nothing lost, nobody saved twice
            handled = [i for day in sorted(notebook.get_state(HANDLED) or {}) for i in notebook.get_state(HANDLED)[day]]
            expected = [u["update_id"] for u in streams[user_id]]
            assert handled == expected, (user_id, handled, expected)  # each applied once, in the user's order
            assert notebook.profile().morning == f"{morning:%H:%M}"
            store.drop(user_id)

        def mornings(chat_id: int) -> list[str]:
            return [t for t in api.texts(chat_id) if "Good morning" in t]

        assert not any(mornings(u) for u in users)  # not before its time
        running.clock.jump_to(morning - timedelta(seconds=LEAD_S))  # the replicas' clock: just before the morning
        time.sleep(LEAD_S - 1)
        assert not any(mornings(u) for u in users)  # still not before its time
        arrived = api.wait_for(lambda _: all(mornings(u) for u in users), timeout=60)
        assert arrived, f"{sum(1 for u in users if mornings(u))} of {USERS} got a morning\n{running.output()}"
        time.sleep(5)  # any second morning would be on its way by now
        doubled = {u: len(mornings(u)) for u in users if len(mornings(u)) != 1}
        assert doubled == {}, doubled
        claimed = {u: store.glance(u).state.get("mornings", {}).get(morning.date().isoformat(), {}).get("status")
                   for u in users}  # fmt: skip
        assert set(claimed.values()) == {"sent"}
        print(f"{total} updates to {REPLICAS} replicas, one killed mid-run; {retried} posts were tried again")
    finally:
        database.close()
    for n in (1, 2):
        assert running.bots[n].process.poll() is None, running.output()
