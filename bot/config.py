"""Settings, read once from the environment (and an optional .env file), validated, failing fast by name."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dotenv import dotenv_values

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class ConfigError(Exception):
    """A setting is missing or malformed; the message names the variable and says how to fix it."""


@dataclass(frozen=True)
class Settings:
    token: str = ""
    base_url: str = ""
    base_file_url: str = ""
    data_dir: Path = Path("data")
    allowed_users: frozenset[int] | None = None
    log_level: str = "INFO"

    def __repr__(self) -> str:  # the token must never reach a log, even through a repr
        return (
            f"Settings(token={'<set>' if self.token else '<unset>'}, base_url={self.base_url!r}, "
            f"data_dir={str(self.data_dir)!r}, allowed_users={self.allowed_users!r}, log_level={self.log_level!r})"
        )

    def allows(self, user_id: int) -> bool:
        return self.allowed_users is None or user_id in self.allowed_users

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None, env_file: str | Path | None = ".env") -> Settings:
        """Real environment variables win over the .env file, which only fills gaps."""
        values: dict[str, str] = {}
        if env_file and Path(env_file).is_file():
            values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
        values.update(os.environ if environ is None else environ)
        return cls.from_mapping(values)

    @classmethod
    def from_mapping(cls, values: Mapping[str, str]) -> Settings:
        def get(name: str) -> str:
            return (values.get(name) or "").strip()

        token = get("TELEGRAM_BOT_TOKEN")
        if token and (" " in token or ":" not in token):
            raise ConfigError("TELEGRAM_BOT_TOKEN does not look like a bot token (expected '123456:ABC...').")

        allowed: frozenset[int] | None = None
        raw_allowed = get("COACH_ALLOWED_USERS")
        if raw_allowed:
            try:
                allowed = frozenset(int(part) for part in raw_allowed.replace(" ", "").split(",") if part)
            except ValueError:
                raise ConfigError(
                    "COACH_ALLOWED_USERS must be comma-separated Telegram user ids, e.g. 12345,67890."
                ) from None

        level = (get("COACH_LOG_LEVEL") or "INFO").upper()
        if level not in LOG_LEVELS:
            raise ConfigError(f"COACH_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)} (got {level!r}).")

        return cls(
            token=token,
            base_url=get("TELEGRAM_BASE_URL"),
            base_file_url=get("TELEGRAM_BASE_FILE_URL"),
            data_dir=Path(get("COACH_DATA_DIR") or "data"),
            allowed_users=allowed,
            log_level=level,
        )


class RedactSecrets(logging.Filter):
    """Replaces the bot token wherever it appears in a log record (URLs in library logs, exception texts)."""

    def __init__(self, *secrets: str) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        redacted = self._redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        if record.exc_text:
            record.exc_text = self._redact(record.exc_text)
        return True

    def _redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "<token>")
        return text


def configure_logging(settings: Settings) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(settings.token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level)
    logging.captureWarnings(True)  # library warnings go through the same redacting handler
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
