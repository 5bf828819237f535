"""Nurture's own work per update, against a bare python-telegram-bot echo bot on the same transport.

    python bench/bench_vs_echo.py [--messages 240] [--rounds 4] [--latency-ms 0]

Both run as real processes (``python -m bot``; a ten-line PTB echo bot) polling the fake Bot API from
testkit/fake_bot_api.py over HTTP, both on python-telegram-bot's own transport (HTTPXRequest): the same polling,
HTTP and python-telegram-bot costs. One user sends a message, waits for the answer, then sends the next: the time from
the message being available to getUpdates until the reply reaches the API is one sample. The bots run in turn
(``--rounds`` each, interleaved, so the machine's drift is shared fairly).

Printed per bot: the answer time (p50/p99) and the CPU time the bot's process spent per update (user + system, from
/proc, warm-up excluded). Nurture minus echo is Nurture's own work per update: parsing, the fsynced save, rendering,
the per-user update order, the rate limiter, its retry and fair-share layers. ``--latency-ms`` delays every answer of
the fake by that much, like a real link to Telegram (50 ms is a short one).
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

from harness import percentile  # noqa: E402

from testkit.fake_bot_api import FakeBotAPI  # noqa: E402

TOKEN = "123456:BENCH-token"
USER = 4242
# A bare python-telegram-bot echo bot, as its documentation shows one: PTB's default transport (HTTPXRequest).
ECHO_BOT = """
import sys
from telegram.ext import Application, MessageHandler, filters

async def echo(update, context):
    await update.effective_message.reply_text(update.effective_message.text)

app = Application.builder().token(sys.argv[1]).base_url(sys.argv[2]).build()
app.add_handler(MessageHandler(filters.TEXT, echo))
app.run_polling(allowed_updates=["message"])
"""


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(
    api: FakeBotAPI, command: list[str], env: dict[str, str], messages: int, text: str
) -> tuple[list[float], float]:
    """Answer times in ms, and CPU ms the bot spent per message."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
    try:
        latencies = []
        cpu_before = 0.0
        for n in range(-10, messages):  # ten warm-up messages
            if n == 0:
                cpu_before = cpu_seconds(process.pid)
            before = len(api.texts(USER))
            started = time.perf_counter()
            api.push_text(USER, text.format(n=n + 100))
            if not api.wait_for(lambda s, b=before: len(s.texts(USER)) > b, timeout=15):
                raise SystemExit(f"no answer from {command[-1]!r}")
            if n >= 0:
                latencies.append((time.perf_counter() - started) * 1000)
            time.sleep(0.05)  # a person typing: the rate limiter is idle again
        cpu = (cpu_seconds(process.pid) - cpu_before) * 1000 / messages
        return latencies, cpu
    finally:
        process.terminate()
        process.wait(timeout=15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=240, help="per bot, spread over the rounds")
    parser.add_argument("--rounds", type=int, default=4, help="each bot runs this many times, in turn")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="added to every answer of the fake Bot API")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="nurture-bench-echo-"))
    latencies: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    try:
        echo_file = root / "echo_bot.py"
        echo_file.write_text(ECHO_BOT)
        for run, name in enumerate(["echo", "nurture"] * args.rounds):
            with FakeBotAPI(latency=args.latency_ms / 1000) as api:
                env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "COACH_"))}
                env["PYTHONPATH"] = str(REPO)
                if name == "echo":
                    command = [sys.executable, str(echo_file), TOKEN, api.url]
                    text = "met Person{n} Test at a product meetup"
                else:
                    env.update(
                        TELEGRAM_BOT_TOKEN=TOKEN,
                        TELEGRAM_BASE_URL=api.url,
                        # A fresh folder per run: each fake API numbers its updates from 1 again, and a notebook
                        # that already handled update 1 rightly ignores it as a redelivery.
                        COACH_DATA_DIR=str(root / f"data-{run}"),
                        COACH_LOG_LEVEL="WARNING",
                    )
                    command = [sys.executable, "-m", "bot"]
                    text = "/met Person{n} Test at a product meetup"
                answers, cpu_per_message = measure(api, command, env, args.messages // args.rounds, text)
                latencies.setdefault(name, []).extend(answers)
                cpu.setdefault(name, []).append(cpu_per_message)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"one user, one message at a time; fake Bot API answers after {args.latency_ms:g} ms; both on HTTPXRequest")
    for name in latencies:
        rounds = ", ".join(f"{c:.2f}" for c in cpu[name])
        print(
            f"{name:<8} answer p50 {statistics.median(latencies[name]):6.2f} ms  "
            f"p99 {percentile(latencies[name], 99):6.2f} ms   "
            f"CPU per update {statistics.median(cpu[name]):5.2f} ms (rounds: {rounds})"
        )
    nurture, echo = statistics.median(latencies["nurture"]), statistics.median(latencies["echo"])
    own = statistics.median(cpu["nurture"]) - statistics.median(cpu["echo"])
    print(f"ratio nurture/echo (answer p50): {nurture / echo:.2f}x; difference {nurture - echo:.2f} ms")
    print(f"Nurture's own work per update: {own:.2f} ms of CPU (nurture minus echo, same transport)")


if __name__ == "__main__":
    main()
