"""The Docker image builds, and the compose stack (Nurture and PostgreSQL, compose.yaml) answers ``GET /readyz``.

Only where a Docker engine runs: elsewhere the test is skipped and says why (a ``docker`` client alone cannot
build). The stack runs on the host's network here, so the bot reaches the loopback fake of Telegram.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from testkit.fake_bot_api import FakeBotAPI
from tests.e2e.test_real_process import TOKEN
from tests.e2e.test_webhook import WEBHOOK_SECRET, free_port
from tools.pgserver import free_port as free_pg_port

REPO = Path(__file__).resolve().parents[2]
READY_TIMEOUT = 180.0


def docker_engine() -> str:
    """Why Docker cannot be used here ("" when it can)."""
    if shutil.which("docker") is None:
        return "there is no docker command"
    probe = subprocess.run(["docker", "info", "--format", "{{.ServerVersion}}"], capture_output=True, text=True)
    if probe.returncode != 0:
        return "no Docker engine answers (" + (probe.stderr.strip().splitlines() or ["docker info failed"])[-1] + ")"
    return ""


def test_the_image_builds_and_the_compose_stack_answers_readyz(tmp_path: Path):
    missing = docker_engine()
    if missing:
        pytest.skip(f"Docker is not available here: {missing}; the image and the compose stack were not built")
    subprocess.run(["docker", "build", "-t", "nurture:latest", str(REPO)], check=True, timeout=1800)
    port, pg_port = free_port(), free_pg_port()
    with FakeBotAPI() as api:
        override = {
            "services": {
                "db": {
                    "network_mode": "host",
                    "command": ["postgres", "-p", str(pg_port), "-c", "listen_addresses=127.0.0.1"],
                    "healthcheck": {
                        "test": ["CMD", "pg_isready", "-h", "127.0.0.1", "-p", str(pg_port), "-U", "nurture"],
                    },
                },
                "nurture": {
                    "network_mode": "host",
                    "command": ["--webhook"],
                    "environment": {
                        "COACH_DATABASE_URL": f"postgresql://nurture:compose-test@127.0.0.1:{pg_port}/nurture",
                        "TELEGRAM_BOT_TOKEN": TOKEN,
                        "TELEGRAM_BASE_URL": api.url,
                        "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/nurture/telegram",
                        "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
                        "COACH_WEBHOOK_LISTEN": "127.0.0.1",
                        "COACH_WEBHOOK_PORT": str(port),
                    },
                },
            }
        }
        (tmp_path / "override.json").write_text(json.dumps(override))
        compose = ["docker", "compose", "-p", f"nurture-test-{port}", "-f", str(REPO / "compose.yaml")]
        compose += ["-f", str(tmp_path / "override.json")]
        env = {"POSTGRES_PASSWORD": "compose-test", "PATH": "/usr/local/bin:/usr/bin:/bin"}
        try:
            subprocess.run([*compose, "up", "-d", "--no-build"], check=True, env=env, timeout=600)
            deadline = time.monotonic() + READY_TIMEOUT
            answer = ""
            while time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5) as response:
                        answer = response.read().decode()
                        break
                except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
                    answer = str(error)
                    time.sleep(1)
            logs = subprocess.run([*compose, "logs"], capture_output=True, text=True, env=env).stdout
            assert answer.strip() == "ready", answer + "\n" + logs[-4000:]
        finally:
            subprocess.run([*compose, "down", "-v"], env=env, timeout=300)
