"""One chat whose sends hang must not slow anyone else down.

    python bench/bench_slow_chat.py [--users 20] [--messages 20] [--hang 10]

The real Application (real update queue, update processor and rate limiter) with an in-process Bot API. Chat 1's
every send hangs ``--hang`` seconds, and that user keeps typing (a message every 100 ms, not waiting for answers).
The other users each send ``--messages`` /met messages, waiting for the answer and pausing about a second between
messages, like people (20 users at ~1 message/s stay under Telegram's 30 messages/s). One sample: from the update
entering the queue to its reply reaching the API. Target: the other users' p99 < 200 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from telegram import Update  # noqa: E402

from bot.app import build_application  # noqa: E402
from bot.clock import FixedClock  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.local_api import LocalBotAPI, LocalChat  # noqa: E402
from bot.notebooks import open_store  # noqa: E402

NOW = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)
SLOW = 1


class SlowForOneChat(LocalBotAPI):
    def __init__(self, hang: float) -> None:
        super().__init__()
        self.hang = hang
        self.release = asyncio.Event()  # set at the end: the stuck sends finish, the app stops cleanly
        self.answered: dict[int, asyncio.Event] = {}

    async def do_request(self, url: str, method: str, request_data: Any = None, *args: Any, **kwargs: Any):
        params = dict(request_data.parameters) if request_data else {}
        chat = int(params.get("chat_id", 0) or 0)
        if url.endswith("/sendMessage") and chat == SLOW:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.release.wait(), self.hang)
        answer = await super().do_request(url, method, request_data, *args, **kwargs)
        if url.endswith("/sendMessage") and chat in self.answered:
            self.answered[chat].set()
        return answer


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def run(users: int, messages: int, hang: float) -> None:
    root = Path(tempfile.mkdtemp(prefix="nurture-bench-slow-"))
    api = SlowForOneChat(hang)
    app = build_application(Settings(data_dir=root), open_store(root), FixedClock(NOW), request=api)
    latencies: list[float] = []
    slow_sent = 0
    try:
        async with app:
            await app.start()

            async def person(user_id: int) -> None:
                chat = LocalChat(user_id=user_id, first_name=f"U{user_id}")
                rng = random.Random(user_id)
                api.answered[user_id] = asyncio.Event()
                for n in range(-1, messages):  # the first, unmeasured, warms up (imports, templates, a new file)
                    api.answered[user_id].clear()
                    started = time.perf_counter()
                    await app.update_queue.put(Update.de_json(chat.message(f"/met Person{n} at lunch"), app.bot))
                    await api.answered[user_id].wait()
                    if n >= 0:
                        latencies.append((time.perf_counter() - started) * 1000)
                    await asyncio.sleep(rng.uniform(0.7, 1.3))

            async def slow_person() -> None:
                nonlocal slow_sent
                chat = LocalChat(user_id=SLOW, first_name="Slow")
                for n in range(messages):
                    await app.update_queue.put(Update.de_json(chat.message(f"/met Someone{n} at lunch"), app.bot))
                    slow_sent += 1
                    await asyncio.sleep(0.1)

            started = time.perf_counter()
            slow = asyncio.create_task(slow_person())
            await asyncio.sleep(0.2)  # the slow chat is already stuck when the others start
            await asyncio.gather(*(person(u) for u in range(2, users + 1)))
            took = time.perf_counter() - started
            slow.cancel()
            stuck = len([1 for m, p in api.calls if m == "sendMessage" and int(p.get("chat_id", 0)) == SLOW])
            print(
                f"{users - 1} users x {messages} messages in {took:.1f} s while chat {SLOW}'s sends hang {hang:.0f} s "
                f"(it sent {slow_sent} messages; {stuck} answers reached it so far)"
            )
            print(
                f"other users: p50 {statistics.median(latencies):.1f} ms, p99 {percentile(latencies, 0.99):.1f} ms, "
                f"max {max(latencies):.1f} ms   target p99 < 200 ms"
            )
            api.release.set()
            await app.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--messages", type=int, default=20)
    parser.add_argument("--hang", type=float, default=10.0)
    args = parser.parse_args()
    asyncio.run(run(args.users, args.messages, args.hang))


if __name__ == "__main__":
    main()
