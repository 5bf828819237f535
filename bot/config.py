"""Settings, read once from the environment (and an optional .env file), validated, failing fast by name.

The .env file is looked up in the folder Nurture is started from, then next to the data folder named by a
``COACH_DATA_DIR`` set in the real environment (``COACH_DATA_DIR=/srv/nurture/data nurture`` reads
``/srv/nurture/.env``). Real environment variables always win over the file, which only fills gaps.
"""

from __future__ import annotations

import base64
import io
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO
from urllib.parse import quote, unquote, urlsplit

from dotenv import dotenv_values

from bot.store.crypto import Codec

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
ENV_FILE = ".env"
# Telegram's rule for the secret_token of setWebhook: 1-256 characters, only A-Z, a-z, 0-9, _ and -.
WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
MAX_START_RETRIES = 100  # with pauses growing to 30 s (8 s in webhook mode), about fifty minutes


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
    operator_contact: str = ""
    webhook_url: str = ""
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8080
    webhook_secret: str = ""
    start_retries: int = 5  # COACH_START_RETRIES: tries again to reach Telegram at start-up, before giving up
    data_key: str = ""  # COACH_DATA_KEY: notebooks encrypted at rest when set (bot/store/crypto.py)
    new_data_key: str = ""  # COACH_NEW_DATA_KEY: only for `nurture rotate-key`
    database_url: str = ""  # COACH_DATABASE_URL: notebooks in PostgreSQL (bot/store/database.py) instead of files
    env_file: Path | None = None  # the .env file the settings were read from, if any

    def __repr__(self) -> str:  # the token must never reach a log, even through a repr
        return (
            f"Settings(token={'<set>' if self.token else '<unset>'}, base_url={self.base_url!r}, "
            f"data_dir={str(self.data_dir)!r}, allowed_users={self.allowed_users!r}, log_level={self.log_level!r}, "
            f"webhook_url={self.webhook_url!r}, webhook_secret={'<set>' if self.webhook_secret else '<unset>'}, "
            f"data_key={'<set>' if self.data_key else '<unset>'}, "
            f"database={'<set>' if self.database_url else '<unset>'})"
        )

    @property
    def webhook_path(self) -> str:
        """The path part of the public webhook URL: the reverse proxy forwards it unchanged to the listener."""
        return urlsplit(self.webhook_url).path.strip("/")

    def codec(self) -> Codec | None:
        """What seals and opens notebook lines: None when COACH_DATA_KEY is not set (plaintext notebooks)."""
        return Codec.from_text(self.data_key) if self.data_key else None

    def new_codec(self) -> Codec | None:
        """The key `nurture rotate-key` re-encrypts to: COACH_NEW_DATA_KEY (``none``: back to plaintext)."""
        if not self.new_data_key:
            raise ConfigError(
                "COACH_NEW_DATA_KEY is not set - the key to re-encrypt the notebooks with (make one with: "
                "nurture new-key), or 'none' to store them unencrypted."
            )
        return None if self.new_data_key.lower() == "none" else Codec.from_text(self.new_data_key)

    def require_webhook(self) -> None:
        """Webhook mode needs a public URL and a secret token; polling and the console need neither."""
        if not self.webhook_url:
            raise ConfigError(
                "TELEGRAM_WEBHOOK_URL is not set - the public https address Telegram posts updates to "
                "(see .env.example), or run without --webhook to use long polling."
            )
        if not self.webhook_secret:
            raise ConfigError(
                "TELEGRAM_WEBHOOK_SECRET is not set - webhook mode refuses to run without one: it is how the bot "
                "tells Telegram's requests from anyone else's. Make one with: "
                "python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"
            )

    def allows(self, user_id: int) -> bool:
        return self.allowed_users is None or user_id in self.allowed_users

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None, env_file: str | Path | None = None) -> Settings:
        """Real environment variables win over the .env file, which only fills gaps.

        Without ``env_file``, the file is looked up where the module docstring says (``find_env_file``).
        """
        environ = os.environ if environ is None else environ
        found = Path(env_file) if env_file else find_env_file(environ)
        values: dict[str, str] = {}
        if found is not None and found.is_file():
            values.update({k: v for k, v in dotenv_values(found).items() if v is not None})
        else:
            found = None
        values.update(environ)
        return replace(cls.from_mapping(values), env_file=found)

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

        webhook_url = get("TELEGRAM_WEBHOOK_URL")
        if webhook_url and (urlsplit(webhook_url).scheme not in ("http", "https") or not urlsplit(webhook_url).netloc):
            raise ConfigError(
                "TELEGRAM_WEBHOOK_URL must be a full URL such as https://bot.example.org/telegram "
                f"(got {webhook_url!r})."
            )
        webhook_secret = get("TELEGRAM_WEBHOOK_SECRET")
        if webhook_secret and not WEBHOOK_SECRET.fullmatch(webhook_secret):
            raise ConfigError(
                "TELEGRAM_WEBHOOK_SECRET may only use letters, digits, _ and - (1 to 256 of them): Telegram's rule."
            )
        raw_port = get("COACH_WEBHOOK_PORT") or "8080"
        if not raw_port.isdigit() or not 0 < int(raw_port) < 65536:
            raise ConfigError(f"COACH_WEBHOOK_PORT must be a port number between 1 and 65535 (got {raw_port!r}).")

        raw_retries = get("COACH_START_RETRIES") or "5"
        if not raw_retries.isdigit() or int(raw_retries) > MAX_START_RETRIES:
            raise ConfigError(
                f"COACH_START_RETRIES must be a number from 0 to {MAX_START_RETRIES} (got {raw_retries!r}): how many "
                "times start-up tries again to reach Telegram before giving up."
            )

        database_url = get("COACH_DATABASE_URL")
        if database_url and urlsplit(database_url).scheme not in ("postgresql", "postgres"):
            raise ConfigError(
                "COACH_DATABASE_URL must be a PostgreSQL URL such as postgresql://nurture:PASSWORD@db.example.org/"
                "nurture (or unset, to keep the notebooks in COACH_DATA_DIR)."
            )

        return cls(
            token=token,
            database_url=database_url,
            base_url=_api_url(get("TELEGRAM_BASE_URL"), "TELEGRAM_BASE_URL", "https://api.telegram.org/bot"),
            base_file_url=_api_url(
                get("TELEGRAM_BASE_FILE_URL"), "TELEGRAM_BASE_FILE_URL", "https://api.telegram.org/file/bot"
            ),
            data_dir=Path(get("COACH_DATA_DIR") or "data"),
            allowed_users=allowed,
            log_level=level,
            operator_contact=get("COACH_OPERATOR_CONTACT"),
            data_key=_data_key(get("COACH_DATA_KEY"), "COACH_DATA_KEY"),
            new_data_key=_data_key(get("COACH_NEW_DATA_KEY"), "COACH_NEW_DATA_KEY", none_allowed=True),
            webhook_url=webhook_url,
            webhook_listen=get("COACH_WEBHOOK_LISTEN") or "127.0.0.1",
            webhook_port=int(raw_port),
            webhook_secret=webhook_secret,
            start_retries=int(raw_retries),
        )


def _api_url(value: str, name: str, example: str) -> str:
    """A Bot API address: the token is appended to it, so a malformed one would put the token in an error message
    (and wait out every start-up retry first). Refused here, by name."""
    if not value:
        return value
    try:
        parts = urlsplit(value)
        fine = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
    except ValueError:
        fine = False
    if not fine:
        raise ConfigError(f"{name} must be a full http(s) address such as {example} (got {value!r}).")
    return value


def _data_key(value: str, name: str, none_allowed: bool = False) -> str:
    if not value or (none_allowed and value.lower() == "none"):
        return value
    try:
        Codec.from_text(value)
    except ValueError as error:
        raise ConfigError(
            f"{name} is not a Nurture data key ({error}): it is 44 characters made by `nurture new-key`."
        ) from None
    return value


def find_env_file(environ: Mapping[str, str]) -> Path | None:
    """``./.env``, else ``.env`` in the folder that holds ``COACH_DATA_DIR`` (as set in the real environment)."""
    candidates = [Path(ENV_FILE)]
    data_dir = (environ.get("COACH_DATA_DIR") or "").strip()
    if data_dir:
        candidates.append(Path(data_dir).expanduser().absolute().parent / ENV_FILE)
    return next((path for path in candidates if path.is_file()), None)


# The user-information part of a URL ("scheme://user:password@"): a proxy's credentials, or anything else's.
# Greedy up to the last "@" before the host, so a password with a raw "@" in it goes whole.
_URL_CREDENTIALS = re.compile(r"\b([a-z][a-z0-9+.\-]*://)[^\s/?#'\"<>]*@", re.IGNORECASE)
_PROXY_VARIABLES = ("https_proxy", "http_proxy", "all_proxy", "ftp_proxy", "socks_proxy")


class Redactor:
    """Replaces secrets in a text: the given ones (the bot token first) as ``<token>``, and the credentials of any
    URL as ``<credentials>``. Case is ignored (a URL may be lower-cased on its way into an error message), and the
    secret half of a bot token is redacted on its own too, so a token in a URL path is caught however the path was
    written ("/bot123:ABC/getMe", "/bot123%3Aabc/getme")."""

    def __init__(self, *secrets: str, credentials: Iterable[str] = ()) -> None:
        self.secrets = [s for s in secrets if s]
        forms: set[str] = set()
        for secret in self.secrets:
            _, colon, secret_half = secret.partition(":")
            for form in (secret, secret_half if colon and len(secret_half) >= 8 else ""):
                if form:
                    forms.update((form, quote(form, safe="")))
        self._pattern = _any_of(forms)
        self._credentials = _any_of({form for c in credentials if c for form in (c, quote(c, safe=""))})

    @classmethod
    def for_settings(cls, settings: Settings, environ: Mapping[str, str] | None = None) -> Redactor:
        """Everything secret the bot knows of: its token, the webhook secret, the data keys, proxy passwords and the
        database's password."""
        keys = [k for k in (settings.data_key, settings.new_data_key) if k.lower() != "none"]
        database = [p for p in [_url_password(settings.database_url)] if len(p) >= 4]
        return cls(settings.token, settings.webhook_secret, *keys, credentials=[*proxy_secrets(environ), *database])

    @classmethod
    def for_environment(cls, environ: Mapping[str, str] | None = None) -> Redactor:
        """Before the settings are read (or when they are malformed): the proxies' passwords, and any URL's."""
        return cls(credentials=proxy_secrets(environ))

    def __call__(self, text: str) -> str:
        if self._pattern is not None:
            text = self._pattern.sub("<token>", text)
        if self._credentials is not None:
            text = self._credentials.sub("<credentials>", text)
        if "://" in text:
            text = _URL_CREDENTIALS.sub(r"\1<credentials>@", text)
        return text


def _any_of(texts: set[str]) -> re.Pattern[str] | None:
    longest_first = sorted(texts, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, longest_first)), re.IGNORECASE) if texts else None


def _url_password(url: str) -> str:
    try:
        return unquote(urlsplit(url).password or "")
    except ValueError:
        return ""


def proxy_secrets(environ: Mapping[str, str] | None = None) -> list[str]:
    """The passwords in the proxy variables (any case), with their ``user:password`` and its Basic-auth form: an
    error message may quote them outside the URL they came in."""
    environ = os.environ if environ is None else environ
    found = []
    for name, value in environ.items():
        if name.lower() not in _PROXY_VARIABLES or "@" not in value:
            continue
        try:
            parts = urlsplit(value if "://" in value else f"http://{value}")
            user, password = unquote(parts.username or ""), unquote(parts.password or "")
        except ValueError:
            continue
        if len(password) >= 4:
            pair = f"{user}:{password}"
            found += [password, pair, base64.b64encode(pair.encode()).decode()]
    return found


class RedactSecrets(logging.Filter):
    """Redacts secrets (see ``Redactor``) wherever they appear in a log record: messages, arguments, exception
    texts and stacks."""

    def __init__(self, *secrets: str, redactor: Redactor | None = None) -> None:
        super().__init__()
        self.redact = redactor if redactor is not None else Redactor(*secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        redacted = self.redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class RedactedStream(io.TextIOBase):
    """A text stream (stderr) whose every line goes out through a ``Redactor``: the ``print``s of the command
    line, tracebacks and warnings get the same treatment as log lines. Whole lines are redacted, so a secret
    written in two pieces is still caught."""

    def __init__(self, inner: TextIO, redactor: Redactor) -> None:
        super().__init__()
        self.inner = inner
        self.redactor = redactor
        self._pending = ""

    def write(self, text: str) -> int:
        self._pending += text
        if "\n" in self._pending:
            lines, _, self._pending = self._pending.rpartition("\n")
            self.inner.write(self.redactor(lines + "\n"))
            self.inner.flush()
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self.inner.write(self.redactor(self._pending))
            self._pending = ""
        self.inner.flush()

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.inner.fileno()

    def isatty(self) -> bool:
        return self.inner.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]  # TextIOBase declares it read-only; the inner one's
        return getattr(self.inner, "encoding", "utf-8")


@contextmanager
def redacted_stderr(redactor: Redactor | None = None) -> Iterator[RedactedStream]:
    """``sys.stderr`` redacted for the duration: set ``.redactor`` once the settings (and their secrets) are known."""
    stream = RedactedStream(sys.stderr, redactor or Redactor.for_environment())
    sys.stderr = stream
    try:
        yield stream
    finally:
        stream.flush()
        if sys.stderr is stream:
            sys.stderr = stream.inner


class NetworkTroubleWithoutTraceback(logging.Filter):
    """A network failure is weather, not a bug: python-telegram-bot logs it with a traceback (at start-up, when
    polling); here it becomes one line naming the error."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if error is not None and any(
            cls.__name__ in ("NetworkError", "TimedOut") and cls.__module__.startswith("telegram")
            for cls in type(error).__mro__
        ):
            record.msg, record.args = f"{record.getMessage()} ({type(error).__name__}: {error})", ()
            record.exc_info, record.exc_text = None, None
        return True


def configure_logging(settings: Settings) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(NetworkTroubleWithoutTraceback())  # first: its one line is redacted by the next
    handler.addFilter(RedactSecrets(redactor=Redactor.for_settings(settings)))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level)
    logging.captureWarnings(True)  # library warnings go through the same redacting handler
    # Bot API URLs contain the token: no HTTP library may log requests (aiohttp's DEBUG lines would).
    for library in ("aiohttp", "httpx", "httpcore"):
        logging.getLogger(library).setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    # python-telegram-bot's DEBUG lines carry whole updates and API calls, i.e. what people wrote: never logged.
    logging.getLogger("telegram").setLevel(max(logging.INFO, root.getEffectiveLevel()))
