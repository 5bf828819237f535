"""Chats whose replies hang must not slow anyone else down.

    python bench/bench_slow_chat.py [--users 12] [--messages 20] [--checkout PATH]

``python -m bot`` runs as a real process, with its real transport, polling the fake Bot API from
testkit/fake_bot_api.py over HTTP. Three scenarios, one after another, each on a fresh bot and data folder:

- ``nobody hangs``: the baseline;
- ``one chat hangs, 40 queued``: every send to chat 1 hangs (the bot gives up after its 5 s read timeout), and that user
  has sent 40 messages before the others start;
- ``twenty chats hang``: the same for chats 1-20, with 2 messages each queued.

Meanwhile ``--users`` other users each send ``--messages`` /met messages, waiting for the answer and pausing about a
second between messages, like people (at ~1 message/s each they stay under Telegram's 30 messages/s). Twelve by
default: with the twenty hung chats, the 32 notebooks the store keeps open. One sample: from
the message being available to getUpdates until its reply reaches the API; every user has said /start before the
chats hang, so each message counts. Target: the other users' p99 < 200 ms.
``--checkout`` runs the bot from another checkout of the repository, to compare versions.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from harness import percentile  # noqa: E402

from testkit.fake_bot_api import FakeBotAPI  # noqa: E402

TOKEN = "123456:BENCH-slow-token"
OTHERS_FROM = 1000  # other users' ids start here; hung chats are 1, 2, ...
SCENARIOS = {"nobody hangs": (0, 0), "one chat hangs, 40 queued": (1, 40), "twenty chats hang": (20, 2)}


def scenario(checkout: Path, root: Path, hung: int, queued: int, users: int, messages: int) -> list[float]:
    latencies: list[float] = []
    with FakeBotAPI() as api:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "COACH_"))}
        env.update(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=api.url,
            COACH_DATA_DIR=str(root),
            COACH_LOG_LEVEL="ERROR",
            PYTHONPATH=str(checkout),
        )
        bot = subprocess.Popen(
            [sys.executable, "-m", "bot"], cwd=checkout, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            others = [OTHERS_FROM + u for u in range(users)]
            for user in others:  # each has a notebook already: the first measured message is like any other
                api.push_text(user, "/start", first_name=f"U{user}")
            if not api.wait_for(lambda s: all(s.texts(user) for user in others), timeout=60):
                raise SystemExit("the bot did not start")
            stuck = list(range(1, hung + 1))
            api.hang(*stuck)
            for chat in stuck:
                for n in range(queued):
                    api.push_text(chat, f"/met Stuck{chat}x{n} at the meetup", first_name=f"S{chat}")
            if hung:
                api.wait_for(lambda s: s.holding >= min(hung, 16), timeout=10)

            def person(user: int) -> None:
                rng = random.Random(user)
                time.sleep(rng.uniform(0, 1))  # people do not all start typing at the same instant
                for n in range(messages):
                    before = len(api.texts(user))
                    started = time.perf_counter()
                    api.push_text(user, f"/met Person{n + 10} Test at lunch", first_name=f"U{user}")
                    if not api.wait_for(lambda s, b=before: len(s.texts(user)) > b, timeout=120):
                        raise SystemExit(f"user {user} got no answer in 120 s")
                    latencies.append((time.perf_counter() - started) * 1000)
                    time.sleep(rng.uniform(0.7, 1.3))

            failed: list[BaseException] = []

            def run_person(user: int) -> None:
                try:
                    person(user)
                except BaseException as error:
                    failed.append(error)

            people = [threading.Thread(target=run_person, args=(user,)) for user in others]
            for thread in people:
                thread.start()
            for thread in people:
                thread.join()
            if failed:
                raise SystemExit(f"{len(failed)} users failed: {failed[0]!r}")
            if hung and api.holding == 0:
                print("  (the hung chats were let go before the others finished: the scenario proved nothing)")
        finally:
            api.release()
            bot.terminate()
            bot.wait(timeout=30)
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=12, help="other users, each sending --messages")
    parser.add_argument("--messages", type=int, default=20)
    parser.add_argument("--checkout", type=Path, default=REPO, help="run the bot from this checkout")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="nurture-bench-slow-"))
    try:
        for n, (name, (hung, queued)) in enumerate(SCENARIOS.items()):
            started = time.perf_counter()
            try:
                latencies = scenario(
                    args.checkout.resolve(), root / f"data-{n}", hung, queued, args.users, args.messages
                )
            except SystemExit as failure:
                print(f"{name:<26} FAILED: {failure}", flush=True)
                continue
            print(
                f"{name:<26} other users: p50 {statistics.median(latencies):6.1f} ms, "
                f"p99 {percentile(latencies, 99):7.1f} ms, max {max(latencies):7.1f} ms "
                f"({len(latencies)} answers, {time.perf_counter() - started:.0f} s)   target p99 < 200 ms",
                flush=True,
            )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
