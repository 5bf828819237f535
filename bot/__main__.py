"""Entry point: ``python -m bot`` (long polling) or ``python -m bot --console`` (try it in a terminal)."""

from __future__ import annotations

import argparse
import logging
import sys

from bot.config import ConfigError, Settings, configure_logging

log = logging.getLogger("bot")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Nurture, a networking coach on Telegram.")
    parser.add_argument("--console", action="store_true", help="chat with the coach in this terminal (no token needed)")
    args = parser.parse_args(argv)

    try:
        settings = Settings.load()
    except ConfigError as error:
        print(f"nurture: {error}", file=sys.stderr)
        return 2
    if not args.console and not settings.token:
        print(
            "nurture: TELEGRAM_BOT_TOKEN is not set - add it to .env (see .env.example), "
            "or try the coach without Telegram: python -m bot --console",
            file=sys.stderr,
        )
        return 2
    configure_logging(settings)

    # Imported here so `--help` and configuration errors answer instantly.
    from bot.app import build_application
    from bot.clock import SystemClock
    from bot.coach.store import Store
    from bot.datalock import DataFolderBusy, lock_data_folder

    try:
        held = lock_data_folder(settings.data_dir)  # one writer per folder, until this process ends
        store = Store(settings.data_dir)
    except DataFolderBusy as error:
        print(f"nurture: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"nurture: cannot use COACH_DATA_DIR={settings.data_dir}: {error.strerror}", file=sys.stderr)
        return 2
    if args.console:
        logging.getLogger().setLevel(logging.WARNING)  # the conversation is the output
        from bot.console import run_console

        return run_console(settings, store, SystemClock())

    from telegram.error import InvalidToken

    app = build_application(settings, store, SystemClock())
    try:
        log.info("Nurture is starting (data in %s)", held.folder)
        # Edited messages are not asked for: re-applying an edited "/met ..." would log the meeting twice.
        app.run_polling(allowed_updates=["message", "callback_query"], bootstrap_retries=5)
    except InvalidToken:
        print("nurture: Telegram rejected TELEGRAM_BOT_TOKEN - check it with @BotFather.", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
