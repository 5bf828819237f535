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
