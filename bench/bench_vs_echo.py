"""Bot-side cost of ``/met``, against a bare python-telegram-bot echo bot on the same loopback Bot API.

    python bench/bench_vs_echo.py [--messages 240] [--rounds 4]

All run as real processes (``python -m bot``; a ten-line PTB echo bot) polling the fake Bot API from
tests/e2e/fake_bot_api.py over HTTP. One user sends a message, waits for the answer, then sends the next: the time
from the message being available to Telegram's getUpdates until the reply reaches the API is one sample.

Two yardsticks, run in turn (twice each, interleaved, so drift is shared):
- ``echo``: the bare echo bot as python-telegram-bot ships it (httpx transport). The issue's target,
  nurture/echo <= 1.3x, is against this one: the answer time a user sees, compared with the simplest bot.
- ``echo-aio``: the same echo bot on Nurture's transport (bot/transport.py, aiohttp). Both then pay the same
  polling, HTTP and python-telegram-bot costs, so nurture/echo-aio is what Nurture's own work adds (parsing, the
  fsynced save, rendering, the per-user update order, the rate limiter).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.e2e.fake_bot_api import FakeBotAPI  # noqa: E402

TOKEN = "123456:BENCH-token"
USER = 4242
# A bare python-telegram-bot echo bot; with "aiohttp" after its arguments, on Nurture's HTTP transport
# (bot/transport.py) instead of python-telegram-bot's default.
ECHO_BOT = """
import sys
from telegram.ext import Application, MessageHandler, filters

async def echo(update, context):
    await update.effective_message.reply_text(update.effective_message.text)

builder = Application.builder().token(sys.argv[1]).base_url(sys.argv[2])
if sys.argv[3:] == ["aiohttp"]:
    from bot.transport import AiohttpRequest
    builder = builder.request(AiohttpRequest()).get_updates_request(AiohttpRequest())
app = builder.build()
app.add_handler(MessageHandler(filters.TEXT, echo))
app.run_polling(allowed_updates=["message"])
"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(api: FakeBotAPI, command: list[str], env: dict[str, str], messages: int, text: str) -> list[float]:
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
    try:
        latencies = []
        for n in range(-10, messages):  # ten warm-up messages
            before = len(api.texts(USER))
            started = time.perf_counter()
            api.push_text(USER, text.format(n=n + 100))
            if not api.wait_for(lambda s, b=before: len(s.texts(USER)) > b, timeout=15):
                raise SystemExit(f"no answer from {command[-1]!r}")
            if n >= 0:
                latencies.append((time.perf_counter() - started) * 1000)
            time.sleep(0.05)  # a person typing: the rate limiter is idle again
        return latencies
    finally:
        process.terminate()
        process.wait(timeout=15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=240, help="per bot, spread over the rounds")
    parser.add_argument("--rounds", type=int, default=4, help="each bot runs this many times, in turn")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="nurture-bench-echo-"))
    results = {}
    try:
        echo_file = root / "echo_bot.py"
        echo_file.write_text(ECHO_BOT)
        bots = {"echo": [], "echo-aio": ["aiohttp"]}  # the echo bot's extra arguments
        # Each bot several times, in turn: the machine's drift (other processes, the disk) is shared fairly.
        for run, name in enumerate(["echo", "echo-aio", "nurture"] * args.rounds):
            with FakeBotAPI() as api:
                env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "COACH_"))}
                if name in bots:
                    env["PYTHONPATH"] = str(REPO)
                    command = [sys.executable, str(echo_file), TOKEN, api.url, *bots[name]]
                    text = "met Person{n} Test at a product meetup"
                else:
                    env.update(
                        TELEGRAM_BOT_TOKEN=TOKEN,
                        TELEGRAM_BASE_URL=api.url,
                        # A fresh folder per run: each fake API numbers its updates from 1 again, and a notebook
                        # that already handled update 1 rightly ignores it as a redelivery.
                        COACH_DATA_DIR=str(root / f"data-{run}"),
                        COACH_LOG_LEVEL="WARNING",
                        PYTHONPATH=str(REPO),
                    )
                    command = [sys.executable, "-m", "bot"]
                    text = "/met Person{n} Test at a product meetup"
                results.setdefault(name, []).extend(measure(api, command, env, args.messages // args.rounds, text))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    for name, values in results.items():
        print(f"{name:<9} p50 {statistics.median(values):6.2f} ms  p99 {percentile(values, 0.99):6.2f} ms")
    nurture = statistics.median(results["nurture"])
    print(f"ratio nurture/echo (p50): {nurture / statistics.median(results['echo']):.2f}x   target <= 1.3x")
    print(f"ratio nurture/echo-aio (p50, same transport): {nurture / statistics.median(results['echo-aio']):.2f}x")


if __name__ == "__main__":
    main()
