"""Webhook memory: eight concurrent 99 MB posts without the secret token against ``nurture --webhook``.

    python bench/bench_webhook.py [--posts 8] [--megabytes 99]

The bot runs as a real process (``python -m bot --webhook``) against the fake Bot API (testkit/fake_bot_api.py,
its own process). Each post announces its size, then streams its body 1 MB at a time for as long as the bot reads.
The server answers from the headers alone (403, see bot/webhook.py) and closes the connection, so the posts end
long before 99 MB.

Prints: the bot's resident memory idle, at its peak (VmHWM) and after; per post the answer, how long it took and
how much of the body was accepted by the socket before the bot closed it; then the time for a genuine update to be
answered 200. Target: the peak stays within a few MB of idle (python-telegram-bot's own webhook server, which reads
the body before checking the secret, went from 69 MB to 1.25 GB here).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import synthetic  # noqa: F401 - puts the repo on sys.path
from synthetic import REPO

TOKEN = "123456:BENCH-webhook-token"
SECRET = "bench-webhook-Secret_0123456789"
SERVER = REPO / "testkit" / "fake_bot_api.py"
CHUNK = 1 << 20


def start_server() -> tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen(
        [sys.executable, str(SERVER), "--port", "0", "--seconds", "600"], stdout=subprocess.PIPE, text=True
    )
    assert server.stdout is not None
    line = server.stdout.readline()  # "listening http://127.0.0.1:PORT/bot port=PORT"
    if not line.startswith("listening"):
        server.kill()
        raise SystemExit(f"fake Bot API did not start: {line!r}")
    return server, line.split()[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def memory_kib(pid: int) -> dict[str, int]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0])
    return fields


def wait_listening(port: int, bot: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if bot.poll() is not None:
            raise SystemExit("the bot stopped at start-up")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise SystemExit("the bot did not start listening")


def flood(port: int, megabytes: int, results: list[tuple[int, float, int]]) -> None:
    """One unauthenticated post of ``megabytes``: (status, seconds to the answer, bytes the socket accepted)."""
    head = (
        "POST /hook HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
        f"Content-Length: {megabytes * CHUNK}\r\n\r\n"
    ).encode()
    started, sent, status = time.monotonic(), 0, 0
    chunk = b"x" * CHUNK
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(head)
        conn.setblocking(False)
        answer = b""
        while time.monotonic() - started < 60:
            try:
                piece = conn.recv(4096)
                if piece:
                    answer += piece
                    if b"\r\n" in answer:
                        status = int(answer.split(b" ", 2)[1])
                        break
                else:
                    break
            except BlockingIOError:
                pass
            except OSError:
                break
            if sent < megabytes * CHUNK:
                try:
                    sent += conn.send(chunk)
                except BlockingIOError:
                    time.sleep(0.001)
                except OSError:
                    time.sleep(0.001)
    results.append((status, time.monotonic() - started, sent))


def genuine_update(port: int) -> tuple[int, float]:
    update = {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": int(time.time()),
            "chat": {"id": 4242, "type": "private", "first_name": "Alex"},
            "from": {"id": 4242, "is_bot": False, "first_name": "Alex"},
            "text": "met Jane from Acme at the meetup",
        },
    }
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/hook",
        data=json.dumps(update).encode(),
        headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET},
        method="POST",
    )
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(response.status), time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=8)
    parser.add_argument("--megabytes", type=int, default=99)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="nurture-bench-webhook-"))
    server, url = start_server()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "COACH_"))}
    env.update(
        PYTHONPATH=str(REPO),
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=url,
        TELEGRAM_WEBHOOK_URL="https://bench.example.org/hook",
        TELEGRAM_WEBHOOK_SECRET=SECRET,
        COACH_WEBHOOK_PORT=str(port),
        COACH_DATA_DIR=str(folder / "data"),
        COACH_LOG_LEVEL="WARNING",
    )
    bot = subprocess.Popen([sys.executable, "-m", "bot", "--webhook"], cwd=folder, env=env)
    try:
        wait_listening(port, bot)
        time.sleep(1.0)  # start-up settles (scheduling, the bot's description)
        idle = memory_kib(bot.pid)
        results: list[tuple[int, float, int]] = []
        threads = [threading.Thread(target=flood, args=(port, args.megabytes, results)) for _ in range(args.posts)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        time.sleep(0.5)
        after = memory_kib(bot.pid)
        status, took = genuine_update(port)

        print(f"{args.posts} concurrent posts of {args.megabytes} MB without the secret token")
        print(f"bot memory   idle {idle['VmRSS'] / 1024:7.1f} MB")
        print(
            f"             peak {after['VmHWM'] / 1024:7.1f} MB   (+{(after['VmHWM'] - idle['VmRSS']) / 1024:.1f} MB)"
        )
        print(f"             after {after['VmRSS'] / 1024:6.1f} MB")
        for n, (code, seconds, sent) in enumerate(sorted(results), 1):
            answer = f"HTTP {code}" if code else "closed"
            print(f"post {n}: {answer} after {seconds * 1000:6.1f} ms, {sent / CHUNK:5.1f} MB taken by the socket")
        print(f"a genuine update afterwards: HTTP {status} in {took * 1000:.1f} ms")
    finally:
        bot.terminate()
        bot.wait(timeout=30)
        server.kill()
        server.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
