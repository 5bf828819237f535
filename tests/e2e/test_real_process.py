"""The bot as people run it: ``python -m bot`` as a real process, talking HTTP to a loopback fake of Telegram.

Nothing here sleeps for a schedule: every wait polls a condition with a deadline, and every process is killed
when a test ends, whatever happened.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.notebooks import open_store
from bot.updates import MAX_UPDATES_IN_FLIGHT
from testkit.fake_bot_api import FakeBotAPI

REPO = Path(__file__).resolve().parents[2]
TOKEN = "123456:TEST-token-secret-xyz"
SECRET = "TEST-token-secret-xyz"
USER = 4242
REPLY_TIMEOUT = 10.0  # generous for a loaded CI machine; a healthy bot answers in milliseconds

HTML_TAG = re.compile(r"</?(b|i|u|s|a|code|pre|tg-spoiler|blockquote)\b[^>]*>")
SAVED = re.compile(r"Saved <b>([^<]+)</b>")


def clean_env(**extra: str) -> dict[str, str]:
    """The parent's environment without any Telegram or coach settings, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "COACH_"))}
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


class BotProcess:
    """``python -m bot`` with its output captured to files (a pipe nobody reads could block a chatty bot)."""

    def __init__(self, tmp: Path, name: str, env: dict[str, str], cwd: Path = REPO, args: tuple[str, ...] = ()):
        self.stdout_path = tmp / f"{name}.out"
        self.stderr_path = tmp / f"{name}.err"
        with self.stdout_path.open("wb") as out, self.stderr_path.open("wb") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot", *args], cwd=cwd, env=env, stdout=out, stderr=err
            )

    def output(self) -> str:
        return self.stdout_path.read_text(errors="replace") + self.stderr_path.read_text(errors="replace")

    def terminate(self, timeout: float = 15.0) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)


@pytest.fixture
def api() -> Iterator[FakeBotAPI]:
    with FakeBotAPI() as server:
        yield server


@pytest.fixture
def start_bot(tmp_path: Path, api: FakeBotAPI) -> Iterator:
    """Starts the bot against ``api`` on one data folder; every process started is gone when the test ends."""
    started: list[BotProcess] = []
    data_dir = tmp_path / "data"

    def start(name: str = "bot") -> BotProcess:
        env = clean_env(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=api.url,
            COACH_DATA_DIR=str(data_dir),
            COACH_LOG_LEVEL="DEBUG",
        )
        bot = BotProcess(tmp_path, name, env)
        started.append(bot)
        return bot

    start.data_dir = data_dir  # type: ignore[attr-defined]
    yield start
    for bot in started:
        bot.kill()


def say(api: FakeBotAPI, bot: BotProcess, text: str, expect: str, user: int = USER) -> str:
    """Send ``text`` as the user and return the first new reply containing ``expect``."""
    before = len(api.texts(user))
    api.push_text(user, text)

    def answered(server: FakeBotAPI) -> bool:
        return any(expect in t for t in server.texts(user)[before:]) or bot.process.poll() is not None

    api.wait_for(answered, timeout=REPLY_TIMEOUT)
    new = api.texts(user)[before:]
    matching = [t for t in new if expect in t]
    assert matching, f"no reply containing {expect!r} to {text!r}; got {new!r}\n--- bot output:\n{bot.output()[-3000:]}"
    return matching[0]


def test_a_conversation_over_http_then_a_clean_stop(start_bot, api: FakeBotAPI):
    bot = start_bot()

    welcome = say(api, bot, "/start", "Nurture")
    saved = say(api, bot, "/met Jane from Acme at the editors happy hour, loves jazz", "Saved")
    draft = say(api, bot, "/draft thanks Jane", "happy hour")

    assert "Jane" in saved and "Acme" in saved
    assert "happy hour" in draft
    assert welcome
    assert bot.terminate() == 0, bot.output()[-3000:]
    output = bot.output()
    assert SECRET not in output
    assert "Traceback" not in output
    assert "happy hour" not in output and "loves jazz" not in output  # DEBUG logs never carry what people wrote
    # The bot really did use the token: it reached the API under it, and only there.
    assert api.tokens == {TOKEN}


def test_an_export_goes_out_as_a_file_through_the_real_transport(start_bot, api: FakeBotAPI):
    """Uploads (an export, a map picture) are multipart requests: the one kind a text conversation never makes."""
    bot = start_bot()
    say(api, bot, "/met Jane from Acme at the editors happy hour", "Saved")
    api.push_text(USER, "/export")
    assert api.wait_for(lambda server: bool(server.calls("sendDocument")), timeout=REPLY_TIMEOUT), bot.output()[-3000:]
    [upload] = api.calls("sendDocument")
    document = upload["document"]
    exported = json.loads(document if isinstance(document, str) else document.decode())
    assert exported["format"] == "nurture-notebook"
    assert [contact["name"] for contact in exported["contacts"]] == ["Jane"]


def test_every_acknowledged_contact_survives_sigkill_mid_burst(start_bot, api: FakeBotAPI):
    burst = 150
    first = start_bot("before-kill")
    say(api, first, "/start", "Nurture")
    for n in range(burst):
        api.push_text(USER, f"/met Person{n:03d} Test at event {n:03d}")

    def saved_names(server: FakeBotAPI) -> list[str]:
        return [m.group(1) for t in server.texts(USER) for m in SAVED.finditer(t)]

    reached = api.wait_for(lambda s: len(saved_names(s)) >= 20 or first.process.poll() is not None, timeout=20)
    assert reached and first.process.poll() is None, first.output()[-3000:]
    first.process.send_signal(signal.SIGKILL)
    first.process.wait(timeout=10)

    acknowledged = saved_names(api)
    assert len(acknowledged) < burst, "the burst finished before the kill; the test proved nothing"
    unconfirmed = [u for u in api.pending_updates() if "message" in u]

    second = start_bot("after-restart")
    # Telegram redelivers what the dead bot never confirmed. Updates are handled in order, so once the reply to a
    # message pushed last arrives, everything before it has been worked through.
    say(api, second, "/contacts", "Your people")
    assert not api.pending_updates()
    assert second.terminate() == 0, second.output()[-3000:]

    names = [c.name for c in open_store(start_bot.data_dir).notebook(USER).contacts()]
    # Shown with -s.
    print(
        f"\nacknowledged before the kill: {len(acknowledged)}, unconfirmed at the kill: {len(unconfirmed)}, "
        f"contacts after the restart: {len(names)}, never handled: {burst - len(names)}"
    )
    missing = sorted(set(acknowledged) - set(names))
    assert not missing, f"acknowledged but lost after SIGKILL: {missing}"
    assert len(names) == len(set(names)), "a redelivered update created a duplicate contact"
    # A message handled before the kill but redelivered after it is recognised, not applied twice.
    assert _logged_again(api) == []
    redelivered = {u["message"]["text"].split()[1] + " Test" for u in unconfirmed}
    assert redelivered <= set(names), f"never handled after the restart: {sorted(redelivered - set(names))}"
    # The bot confirms updates to Telegram as it takes them in: at most MAX_UPDATES_IN_FLIGHT (+ the one in the
    # queue) confirmed but not yet handled can be lost at the instant of a SIGKILL - and none was acknowledged.
    assert burst - len(names) <= MAX_UPDATES_IN_FLIGHT + 1
    for bot in (first, second):
        assert SECRET not in bot.output()


def _logged_again(server: FakeBotAPI) -> list[str]:
    """Replies to a /met for someone already saved (an update handled before the kill but not yet confirmed)."""
    return [t for t in server.texts(USER) if "Logged another meeting" in t]


def test_missing_token_says_what_to_do_in_one_line(tmp_path: Path):
    env = clean_env(PYTHONPATH=str(REPO), COACH_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run(
        [sys.executable, "-m", "bot"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=30
    )
    output = (done.stdout + done.stderr).strip()

    assert done.returncode != 0
    assert len(output.splitlines()) == 1, output
    assert "TELEGRAM_BOT_TOKEN" in output
    assert "--console" in output
    assert "Traceback" not in output


def test_console_chat_prints_plain_text_and_taps_numbered_buttons(tmp_path: Path):
    env = clean_env(PYTHONPATH=str(REPO), COACH_DATA_DIR=str(tmp_path / "data"))
    lines = "/met Jane at the meetup\n/contact Jane\n1\n"
    done = subprocess.run(
        [sys.executable, "-m", "bot", "--console"],
        cwd=tmp_path,
        env=env,
        input=lines,
        capture_output=True,
        text=True,
        timeout=30,
    )
    out = done.stdout

    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stdout + done.stderr
    assert " INFO " not in done.stdout + done.stderr, "the conversation is the output: no library log lines"
    assert "Saved Jane" in out
    assert "the meetup" in out
    button_rows = [i for i, line in enumerate(out.splitlines()) if line.lstrip().startswith("[1]")]
    assert len(button_rows) >= 2, f"the saved note and the card should both offer numbered buttons:\n{out}"
    # "1" tapped the card's first button, and the coach answered it.
    after_tap = "\n".join(out.splitlines()[button_rows[1] + 1 :])
    assert "Jane" in after_tap, out
    assert not HTML_TAG.search(out), out


def test_a_morning_missed_while_the_bot_was_down_is_sent_once_after_a_restart(start_bot, api: FakeBotAPI):
    """Jobs are not persisted: the restarted bot rebuilds them and catches up a morning that passed minutes ago."""
    from datetime import UTC, datetime, timedelta

    # A fixed-offset zone where it is around noon now, so "a few minutes ago" never crosses midnight.
    now = datetime.now(UTC)
    offset = 12 - now.hour  # local = UTC + offset; Etc/GMT zone names carry the opposite sign
    zone = "UTC" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"
    local_morning = (now + timedelta(hours=offset) - timedelta(minutes=3)).strftime("%H:%M")

    first = start_bot("before-restart")
    say(api, first, "/met Priya at Web Summit, promised to send her the Ferrazzi book", "Saved")
    say(api, first, f"/timezone {zone}", "Time zone set")
    say(api, first, f"/morning {local_morning}", "Morning message moved")
    assert not [t for t in api.texts(USER) if "Good morning" in t]  # set after the time: nothing today yet
    assert first.terminate() == 0, first.output()[-3000:]

    second = start_bot("after-restart")
    arrived = api.wait_for(lambda s: any("Good morning" in t for t in s.texts(USER)), timeout=REPLY_TIMEOUT)
    assert arrived, second.output()[-3000:]
    assert "Ferrazzi" in next(t for t in api.texts(USER) if "Good morning" in t)
    say(api, second, "/contacts", "Your people")  # the bot is responsive; the morning came once
    assert second.terminate() == 0, second.output()[-3000:]

    third = start_bot("restarted-again")
    say(api, third, "/contacts", "Your people")
    assert third.terminate() == 0, third.output()[-3000:]
    assert len([t for t in api.texts(USER) if "Good morning" in t]) == 1


def test_a_second_bot_on_the_same_folder_refuses_and_nothing_is_lost(start_bot, api: FakeBotAPI):
    first = start_bot("first")
    say(api, first, "/start", "Nurture")
    second = start_bot("second")
    assert second.process.wait(timeout=30) == 2
    refusal = second.output()
    assert str(start_bot.data_dir.resolve()) in refusal and str(first.process.pid) in refusal, refusal
    assert "Traceback" not in refusal

    for n in range(20):
        say(api, first, f"/met Person{n:03d} Test at event {n:03d}", f"Person{n:03d}")
    assert first.terminate() == 0, first.output()[-3000:]
    names = {c.name for c in open_store(start_bot.data_dir).notebook(USER).contacts()}
    assert names == {f"Person{n:03d} Test" for n in range(20)}
    assert len([t for t in api.texts(USER) if "Nurture" in t]) == 1  # only the first bot ever answered


def test_telegram_unreachable_at_start_up_is_retried_then_one_clear_line(tmp_path: Path):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = clean_env(
        PYTHONPATH=str(REPO),
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=f"http://127.0.0.1:{port}/bot",
        COACH_DATA_DIR=str(tmp_path / "data"),
        COACH_START_RETRIES="2",  # the default is 5, with pauses growing from 1 s
    )
    done = subprocess.run(
        [sys.executable, "-m", "bot"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
    )
    output = (done.stdout + done.stderr).strip()
    assert done.returncode != 0
    assert "Traceback" not in output and SECRET not in output
    assert "Failed run number 2 of 2" in output  # retried first (python-telegram-bot's bootstrap retries)
    assert "cannot reach Telegram" in output.splitlines()[-1]
