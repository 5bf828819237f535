"""Settings: read once, validated, and the token never printed."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.config import ConfigError, RedactSecrets, Settings

TOKEN = "123456:ABC-secret-token"


def test_defaults_and_values():
    settings = Settings.from_mapping(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "COACH_DATA_DIR": "/tmp/x",
            "COACH_ALLOWED_USERS": "12, 34",
            "COACH_LOG_LEVEL": "debug",
        }
    )
    assert settings.token == TOKEN and settings.data_dir == Path("/tmp/x")
    assert settings.allowed_users == frozenset({12, 34}) and settings.log_level == "DEBUG"
    assert settings.allows(12) and not settings.allows(99)
    assert Settings.from_mapping({}).allows(99)  # no list: open to everyone


@pytest.mark.parametrize(
    ("values", "names"),
    [
        ({"COACH_ALLOWED_USERS": "12,abc"}, "COACH_ALLOWED_USERS"),
        ({"COACH_LOG_LEVEL": "LOUD"}, "COACH_LOG_LEVEL"),
        ({"TELEGRAM_BOT_TOKEN": "not a token"}, "TELEGRAM_BOT_TOKEN"),
    ],
)
def test_bad_values_fail_fast_naming_the_variable(values, names):
    with pytest.raises(ConfigError, match=names):
        Settings.from_mapping(values)


def test_env_file_fills_gaps_but_the_environment_wins(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nCOACH_DATA_DIR=from-file\n", encoding="utf-8")
    settings = Settings.load(environ={"COACH_DATA_DIR": "from-env"}, env_file=env_file)
    assert settings.token == TOKEN and settings.data_dir == Path("from-env")


def test_the_token_never_shows_in_a_repr_or_a_log_line(caplog):
    settings = Settings.from_mapping({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert TOKEN not in repr(settings)
    logger = logging.getLogger("test.redact")
    logger.addFilter(RedactSecrets(TOKEN))
    with caplog.at_level(logging.INFO, logger="test.redact"):
        logger.info("POST https://api.telegram.org/bot%s/getMe", TOKEN)
        try:
            raise RuntimeError(f"failed for bot{TOKEN}")
        except RuntimeError:
            logger.exception("boom")
    assert TOKEN not in caplog.text
    assert "<token>" in caplog.text


def test_env_file_is_found_in_the_working_folder_first(tmp_path, monkeypatch):
    (tmp_path / ".env").write_text("COACH_LOG_LEVEL=DEBUG\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    settings = Settings.load(environ={})
    assert settings.log_level == "DEBUG" and settings.env_file == Path(".env")


def test_env_file_is_found_next_to_the_data_folder(tmp_path, monkeypatch):
    home = tmp_path / "srv" / "nurture"
    home.mkdir(parents=True)
    (home / ".env").write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    settings = Settings.load(environ={"COACH_DATA_DIR": str(home / "data")})
    assert settings.token == TOKEN and settings.env_file == home / ".env"
    assert Settings.load(environ={}).token == ""  # no COACH_DATA_DIR, no .env here: nothing read


def test_webhook_mode_requires_a_url_and_a_secret():
    with pytest.raises(ConfigError, match="TELEGRAM_WEBHOOK_URL"):
        Settings.from_mapping({"TELEGRAM_BOT_TOKEN": TOKEN}).require_webhook()
    with pytest.raises(ConfigError, match="TELEGRAM_WEBHOOK_SECRET"):
        Settings.from_mapping({"TELEGRAM_WEBHOOK_URL": "https://bot.example.org/tg/hook"}).require_webhook()
    settings = Settings.from_mapping(
        {
            "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/tg/hook",
            "TELEGRAM_WEBHOOK_SECRET": "s3cret_-x",
            "COACH_WEBHOOK_LISTEN": "0.0.0.0",
            "COACH_WEBHOOK_PORT": "9000",
        }
    )
    settings.require_webhook()
    assert (settings.webhook_path, settings.webhook_listen, settings.webhook_port) == ("tg/hook", "0.0.0.0", 9000)
    assert "s3cret_-x" not in repr(settings)


@pytest.mark.parametrize(
    ("values", "name"),
    [
        ({"TELEGRAM_WEBHOOK_URL": "bot.example.org/hook"}, "TELEGRAM_WEBHOOK_URL"),
        ({"TELEGRAM_WEBHOOK_SECRET": "has spaces!"}, "TELEGRAM_WEBHOOK_SECRET"),
        ({"COACH_WEBHOOK_PORT": "http"}, "COACH_WEBHOOK_PORT"),
        ({"COACH_WEBHOOK_PORT": "70000"}, "COACH_WEBHOOK_PORT"),
    ],
)
def test_bad_webhook_settings_are_named(values, name):
    with pytest.raises(ConfigError, match=name):
        Settings.from_mapping(values)


def test_start_up_retries_default_to_five_and_a_bad_count_is_named():
    assert Settings.from_mapping({}).start_retries == 5
    assert Settings.from_mapping({"COACH_START_RETRIES": "0"}).start_retries == 0
    for bad in ("-1", "five", "101", "2.5"):
        with pytest.raises(ConfigError, match="COACH_START_RETRIES must be a number from 0 to 100"):
            Settings.from_mapping({"COACH_START_RETRIES": bad})


def test_redaction_ignores_case_and_catches_the_token_in_any_url_path(caplog):
    token = "123456:AbCdEf-SECRET_token"
    logger = logging.getLogger("test.redact.case")
    logger.addFilter(RedactSecrets(token))
    with caplog.at_level(logging.INFO, logger="test.redact.case"):
        logger.info("error at https://api.telegram.org/bot%s/getme", token.lower())
        logger.info("error at https://api.telegram.org/bot123456%%3A%s/sendMessage", "abcdef-secret_token")
        logger.info("only half of it: %s", "ABCDEF-SECRET_TOKEN")
    assert "secret" not in caplog.text.lower()
    assert caplog.text.count("<token>") == 3


def test_debug_logs_never_carry_what_people_wrote(tmp_path):
    import asyncio

    from bot.app import build_application
    from bot.clock import FixedClock
    from bot.config import configure_logging
    from bot.local_api import LocalBotAPI, LocalChat
    from bot.notebooks import open_store
    from tests.conftest import NOW, Bot, User

    settings = Settings(data_dir=tmp_path, log_level="DEBUG")
    configure_logging(settings)
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(self.format(record))

    keep = Keep()
    root = logging.getLogger()
    root.addHandler(keep)

    async def chat() -> None:
        api = LocalBotAPI()
        app = build_application(settings, open_store(tmp_path), FixedClock(NOW), request=api, paced=False)
        async with app:
            await app.start()
            update = LocalChat(user_id=7).message("/met Quentin Zebulon at the xylophone club")
            from telegram import Update

            await app.update_queue.put(Update.de_json(update, app.bot))
            for _ in range(200):
                if api.sent():
                    break
                await asyncio.sleep(0.01)
            await app.stop()
        assert Bot and User  # the same Application the tests drive

    try:
        asyncio.run(chat())
    finally:
        root.removeHandler(keep)
        root.handlers.clear()
        root.setLevel(logging.WARNING)
    assert records, "nothing was logged at all: the test proves nothing"
    assert not [r for r in records if "Zebulon" in r or "xylophone" in r]
