"""The ``nurture`` command (also ``python -m bot``): run the bot, or look after its data.

    nurture                 run on Telegram with long polling (a laptop, a small VM)
    nurture --webhook       run on Telegram behind a reverse proxy (Telegram posts updates to TELEGRAM_WEBHOOK_URL)
    nurture --console       chat with the coach in this terminal, no token needed
    nurture check           verify every notebook: readable, schema-valid, digest consistent   (bot/ops.py)
    nurture backup DIR      a consistent copy of every notebook, also while the bot runs
    nurture stats           users, active users, contacts, mornings sent today: counts only, never names
    nurture health          polling mode's health check: exit 0 when a bot runs and Telegram answers, else 1
    nurture --version       the release
    nurture new-key         a key for COACH_DATA_KEY (notebooks encrypted at rest, bot/store/crypto.py)
    nurture rotate-key      re-encrypt every notebook from COACH_DATA_KEY to COACH_NEW_DATA_KEY
    nurture migrate --from DIR --to URL    move every notebook into PostgreSQL (or back: --from URL --to DIR)

With COACH_DATABASE_URL set, the notebooks live in PostgreSQL (bot/store/database.py) and the operator commands
work on it (bot/database_ops.py).

Every command reads the same settings (environment, then .env: see bot/config.py) and answers a configuration
problem with one line naming the setting, exit status 2, and no traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import logging
import os
import sys
import traceback
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from bot.config import (
    ConfigError,
    RedactedStream,
    Redactor,
    Settings,
    configure_logging,
    proxy_secrets,
    redacted_stderr,
)

if TYPE_CHECKING:
    from telegram.ext import Application

log = logging.getLogger("bot")

# Edited messages are asked for: an edit within 48 hours corrects the capture that message made, in place (each
# edit is applied once; bot/handlers/capture.py: on_edit). They never run a command a second time.
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nurture", description="Nurture, a networking coach on Telegram.")
    parser.add_argument("--version", action="version", version=f"nurture {release()}")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--console", action="store_true", help="chat with the coach in this terminal (no token needed)")
    mode.add_argument(
        "--webhook", action="store_true", help="receive updates on TELEGRAM_WEBHOOK_URL instead of long polling"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="operator commands")
    commands.add_parser("check", help="verify every notebook: readable, schema-valid, digest consistent")
    backup = commands.add_parser("backup", help="copy every notebook into DIR, consistently, also while the bot runs")
    backup.add_argument("dir", type=Path, metavar="DIR", help="a new or empty folder for the copy")
    commands.add_parser("stats", help="users, active users, contacts, mornings sent today (counts only)")
    commands.add_parser(
        "health", help="exit 0 if a bot runs on the data folder and Telegram answers, else 1 (polling mode's check)"
    )
    commands.add_parser("new-key", help="print a new random key for COACH_DATA_KEY (encryption at rest)")
    migrate = commands.add_parser(
        "migrate",
        help="move every notebook from a data folder into a PostgreSQL database, or back (bot stopped; safe to re-run)",
    )
    migrate.add_argument("--from", dest="source", required=True, metavar="DIR|URL", help="where the notebooks are")
    migrate.add_argument("--to", dest="target", required=True, metavar="URL|DIR", help="an empty folder or database")
    commands.add_parser(
        "rotate-key",
        help="re-encrypt every notebook from COACH_DATA_KEY to COACH_NEW_DATA_KEY (bot stopped; safe to re-run)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Every line this process writes to stderr (its own messages, log lines, a traceback) is redacted: the
    token, the webhook secret, the data keys and the credentials of any URL never reach a terminal or a journal."""
    with redacted_stderr() as stderr:
        try:
            return run(parser().parse_args(argv), stderr)
        except Exception:  # a bug: its traceback still goes through the redaction
            traceback.print_exc()
            return 1


def run(args: argparse.Namespace, stderr: RedactedStream) -> int:
    try:
        settings = Settings.load()
        stderr.redactor = Redactor.for_settings(settings)
        if args.webhook:
            settings.require_webhook()
    except ConfigError as error:
        print(f"nurture: {error}", file=sys.stderr)
        return 2

    if args.command == "health":
        from bot.health import run_health

        if not settings.token:
            print("nurture: TELEGRAM_BOT_TOKEN is not set - health asks Telegram with it", file=sys.stderr)
            return 2
        return run_health(settings, quiet_stdout())
    if args.command == "migrate":
        return run_migrate(args, settings, quiet_stdout())
    if args.command:
        # Operator commands (bot/ops.py; over a database, bot/database_ops.py): all but rotate-key only read the
        # notebooks, safe while the bot runs.
        if settings.database_url and args.command != "new-key":
            from bot import database_ops

            return database_ops.run(args.command, args, settings, quiet_stdout())
        from bot import ops

        return ops.run(args.command, args, settings, quiet_stdout())

    if not args.console and not settings.token:
        print(
            "nurture: TELEGRAM_BOT_TOKEN is not set - add it to .env (see .env.example), "
            "or try the coach without Telegram: nurture --console",
            file=sys.stderr,
        )
        return 2
    configure_logging(settings)

    # The bot runs from here on (polling, webhook or console): this is where the data folder is taken.

    # Imported here so `--help` and configuration errors answer instantly.
    from bot.app import build_application
    from bot.clock import SystemClock
    from bot.datalock import DataFolderBusy, lock_data_folder
    from bot.notebooks import open_store
    from bot.store.crypto import DataKeyError, check_folder
    from bot.store.errors import StoreError

    try:
        codec = settings.codec()
        if settings.database_url:
            # Several processes may share a database (webhook replicas); polling is one process per bot.
            database = open_database(settings, exclusive=not args.webhook and not args.console)
            misfits: list[Any] = check_database(database, codec)
            store = open_store(database, codec=codec)
        else:
            _held = lock_data_folder(settings.data_dir)  # one writer per folder, for as long as this process lives
            misfits = check_folder(settings.data_dir, codec)  # a wrong or missing COACH_DATA_KEY stops here
            store = open_store(settings.data_dir, codec=codec)
        refuse_while_migrating(settings, store)
        for misfit in misfits:  # one notebook whose key or first bytes do not fit: set aside, its user told
            store.set_aside_misfit(misfit)
    except (DataFolderBusy, DataKeyError, StoreError) as error:
        print(f"nurture: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"nurture: cannot use COACH_DATA_DIR={settings.data_dir}: {error.strerror}", file=sys.stderr)
        return 2
    if args.console:
        for name in ("", "telegram"):  # the conversation is the output: no "Application started" lines
            logging.getLogger(name).setLevel(logging.WARNING)
        from bot.console import run_console

        return run_console(settings, store, SystemClock())

    from telegram.error import InvalidToken, NetworkError

    app = build_application(settings, store, SystemClock())
    if settings.database_url:
        from bot.replicas import follow_replicas

        follow_replicas(app)  # every replica keeps every user's morning, whichever replica they last wrote to
    try:
        if settings.env_file is not None:
            log.info("settings from %s", settings.env_file.absolute())
        if args.webhook:
            log.info("Nurture is starting on a webhook (data in %s)", where_data(settings))
            from bot.webhook import run_webhook

            run_webhook(app, settings, ALLOWED_UPDATES, stderr.redactor)
        else:
            log.info("Nurture is starting (data in %s)", where_data(settings))
            app.run_polling(
                allowed_updates=ALLOWED_UPDATES, bootstrap_retries=settings.start_retries, close_loop=False
            )
    except InvalidToken:
        print("nurture: Telegram rejected TELEGRAM_BOT_TOKEN - check it with @BotFather.", file=sys.stderr)
        return 2
    except NetworkError as error:
        check = "the proxy (HTTPS_PROXY), " if proxy_secrets() or "proxy" in str(error).lower() else ""
        print(
            f"nurture: cannot reach Telegram ({error}) - check the network, {check}or TELEGRAM_BASE_URL.",
            file=sys.stderr,
        )
        return 1
    except OSError as error:
        if not args.webhook:
            raise
        where = f"{settings.webhook_listen}:{settings.webhook_port}"
        print(
            f"nurture: cannot listen on {where} (COACH_WEBHOOK_LISTEN, COACH_WEBHOOK_PORT): {error.strerror}",
            file=sys.stderr,
        )
        return 2
    finally:
        close_transport(app)
    return 0


def run_migrate(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """``nurture migrate --from DIR --to URL`` (or back): see bot/migrate.py."""
    from bot import migrate
    from bot.store.errors import StoreError

    source, target = str(args.source), str(args.target)
    if migrate.is_database(source) == migrate.is_database(target):
        print("nurture: migrate moves notebooks between a data folder and a postgresql:// database", file=sys.stderr)
        return 2
    try:
        sides = migrate.open_side(source), migrate.open_side(target)
    except (StoreError, ImportError) as error:
        print(f"nurture: {error}", file=sys.stderr)
        return 2
    try:
        moved = migrate.migrate(*sides, settings.codec(), on_notebook=None)
    except (migrate.MigrationRefused, StoreError, OSError) as error:
        print(f"nurture: {error}", file=sys.stderr)
        return 2
    finally:
        for side in sides:
            if isinstance(side, migrate.DatabaseSide):
                side.db.close()
    print(
        f"migrated {moved.notebooks} notebooks ({moved.already} were already there) and {moved.extras} other items "
        f"from {migrate.describe(source)} to {migrate.describe(target)}; counts, SHA-256 and digests verified",
        file=out,
    )
    return 0


def refuse_while_migrating(settings: Settings, store: Any) -> None:
    """A folder or database that a ``nurture migrate`` is filling (or left unfinished) is not started on."""
    from bot import migrate
    from bot.store.errors import StoreError

    place = store.place
    source = place.flag(migrate.DATABASE_FLAG) if place.shared else migrate.FolderSide(settings.data_dir).mark()
    if source is not None:
        raise StoreError(
            f"a migration from {source} into here did not finish: run the same nurture migrate again to finish it"
        )


def open_database(settings: Settings, *, exclusive: bool) -> Any:
    """The database of COACH_DATABASE_URL, its schema brought up to date, taken for this process (``exclusive``:
    alone, as polling runs). Raises StoreError saying what stops it."""
    try:
        from bot.store.database import Database
    except ImportError:
        from bot.store.errors import StoreError

        raise StoreError("COACH_DATABASE_URL needs the PostgreSQL driver: pip install 'nurture[postgres]'") from None
    database = Database(settings.database_url)
    database.claim_instance(exclusive=exclusive)
    return database


def check_database(database: Any, codec: Any) -> list[int]:
    from bot.store.database import check_database

    return check_database(database, codec)


def where_data(settings: Settings) -> str:
    if settings.database_url:
        from bot.store.database import redact_url

        return redact_url(settings.database_url)
    return str(settings.data_dir)


def release() -> str:
    try:
        return version("nurture")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "(not installed)"


def quiet_stdout() -> TextIO:
    return cast(TextIO, ReaderMayLeave(sys.stdout))  # a text stream as the commands' ``out`` (they print to it)


class ReaderMayLeave(io.TextIOBase):
    """Standard output for commands whose output is often piped into a reader that stops early
    (``nurture stats | head -2``): once the reader is gone, the rest is dropped quietly, no BrokenPipeError
    traceback, and the command still ends with its own exit status (``check``'s verdict)."""

    def __init__(self, inner: TextIO) -> None:
        super().__init__()
        self.inner = inner
        self.gone = False

    def write(self, text: str) -> int:
        if not self.gone:
            try:
                self.inner.write(text)
                self.inner.flush()
            except BrokenPipeError:
                self.gone = True
                # What stays buffered is written at exit: to /dev/null now, so that exit is quiet too.
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, self.inner.fileno())
                os.close(devnull)
        return len(text)

    def writable(self) -> bool:
        return True


def close_transport(app: Application) -> None:
    """python-telegram-bot closes the HTTP session when it shuts down after a start; a start that failed (Telegram
    unreachable, a wrong token) leaves it open, and aiohttp would complain about it at exit. Closed here, on the
    loop it was opened on, which is then closed."""
    loop = asyncio.get_event_loop()
    try:
        loop.run_until_complete(app.bot.request.shutdown())
    finally:
        loop.close()


if __name__ == "__main__":
    sys.exit(main())
