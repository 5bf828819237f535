"""/contacts and /find at 5,000 contacts, through the real Application, and a 5,000-row import's preview and commit.

    python bench/bench_contacts.py [--contacts 5000] [--samples 60]

A user imports a generated LinkedIn Connections.csv of ``--contacts`` rows (companies, emails, "connected on" days)
through the real Application (LocalBotAPI): the file, the preview, the tap on Import; the time from the file to the
preview and from the tap to "Imported" is printed. They then meet 30 people with /met (the people /contacts shows
first), and each command below is sent ``--samples`` times, paced 40 ms apart as a person would (the send limiter
starts idle), timing ``process_update`` (the handler's whole work, the reply included; the page taps are button
presses on the message shown):

    /contacts                   page 1: people met first, then connections by day
    Older › (tap)               page 2 of the same list
    /contacts inner             a circle filter
    /contacts #investor         a tag filter
    /find google                ~560 hits, page 1 (the search, and its pending question saved: an fsynced write)
    More › (tap)                page 2 of that /find
    /find p2500@example.com     an email
    /find +44 20 7946 1234      a phone number as typed

Target: each under 50 ms (issue 19); the import, preview and commit, under 2 s.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
import warnings
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from harness import percentile, temp_data
from telegram import Update

from bot.app import build_application
from bot.clock import FixedClock
from bot.config import Settings
from bot.local_api import LocalBotAPI, LocalChat, buttons_of
from bot.notebooks import open_store

NOW = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
USER = 1
PACE = 0.04
COMPANIES = ["Google", "Acme", "Stripe", "Monzo", "Globex", "Initech", "Hooli", "Klarna", "Wonka"]


def connections_csv(rows: int) -> bytes:
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for n in range(rows):
        day = (date(2012, 1, 1) + timedelta(days=n % 5000)).strftime("%d %b %Y")
        email = f"p{n}@example.com" if n % 2 == 0 else ""
        lines.append(
            f'First{n},Last{n},https://www.linkedin.com/in/p{n},{email},{COMPANIES[n % 9]},"Engineer, {n}",{day}'
        )
    return ("\r\n".join(lines) + "\r\n").encode()


class Session:
    def __init__(self, data_dir: Path) -> None:
        self.store = open_store(data_dir)
        self.api = LocalBotAPI()
        self.app = build_application(Settings(data_dir=data_dir), self.store, FixedClock(NOW), request=self.api)
        self.chat = LocalChat(user_id=USER, first_name="Alex")
        self.errors: list[BaseException] = []
        self.cpu = 0.0  # CPU seconds of the last update (the machine's other work aside)

        async def collect(update: object, context: Any) -> None:
            self.errors.append(context.error)

        self.app.add_error_handler(collect)

    async def send(self, update: dict[str, Any]) -> tuple[float, list[dict[str, Any]]]:
        before = len(self.api.calls)
        started, cpu = time.perf_counter(), time.process_time()
        await self.app.process_update(Update.de_json(update, self.app.bot))
        took = time.perf_counter() - started
        self.cpu = time.process_time() - cpu
        return took, [p for _, p in self.api.calls[before:]]

    async def wait_for(self, text: str, method: str = "sendMessage") -> dict[str, Any]:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            for m, p in reversed(self.api.calls):
                if m == method and text in str(p.get("text", "")):
                    return p
            await asyncio.sleep(0.002)
        raise TimeoutError(text)


def button_data(messages: list[dict[str, Any]], label: str) -> str:
    for message in messages:
        for text, data in buttons_of(message):
            if label in text:
                return data
    raise LookupError(label)


async def run(contacts: int, samples: int) -> None:
    with temp_data("bench-contacts-") as folder:
        session = Session(folder / "data")
        async with session.app:
            data = connections_csv(contacts)
            started, cpu = time.perf_counter(), time.process_time()
            await session.send(session.chat.document(session.api.add_file(data), "Connections.csv", len(data)))
            shown = await session.wait_for("LinkedIn")
            to_preview, cpu_preview = time.perf_counter() - started, time.process_time() - cpu
            started, cpu = time.perf_counter(), time.process_time()
            await session.send(session.chat.press(button_data([shown], "Import")))
            await session.wait_for("Imported", "editMessageText")
            to_done, cpu_done = time.perf_counter() - started, time.process_time() - cpu
            print(
                f"import of {contacts:,} LinkedIn rows through the app: preview {to_preview:.2f} s, "
                f"commit {to_done:.2f} s, total {to_preview + to_done:.2f} s (target < 2 s); CPU {cpu_preview:.2f} + "
                f"{cpu_done:.2f} = {cpu_preview + cpu_done:.2f} s"
            )
            for n in range(30):
                await session.send(session.chat.message(f"/met Met{n} Person from Google at the fair"))
            notebook = session.store.notebook(USER)
            with notebook.batch():  # some in the inner circle, some tagged, and a phone number to look for
                for n, contact in enumerate(notebook.contacts()[: contacts // 20]):
                    contact.circle = "inner" if n % 2 else contact.circle
                    contact.tags = ["investor"] if n % 3 == 0 else contact.tags
                    notebook.save_contact(contact)
                target = contacts // 4 * 2  # an even row: one with an email
                someone = next(c for c in notebook.contacts() if c.name == f"First{target} Last{target}")
                someone.phones = [{"value": "+44 20 7946 1234", "label": "work"}]
                notebook.save_contact(someone)
            print(f"notebook: {len(notebook.contacts()):,} contacts, {len(notebook.interactions()):,} entries")

            commands: list[tuple[str, Any]] = [
                ("/contacts", "/contacts"),
                ("Older › (page 2)", ("/contacts", "Older")),
                ("/contacts inner", "/contacts inner"),
                ("/contacts #investor", "/contacts #investor"),
                ("/find google", "/find google"),
                ("More › (find page 2)", ("/find google", "More")),
                ("/find <an email>", f"/find p{target}@example.com"),
                ("/find +44 20 7946 1234", "/find +44 20 7946 1234"),
            ]
            results: dict[str, list[float]] = {label: [] for label, _ in commands}
            cpu: dict[str, list[float]] = {label: [] for label, _ in commands}
            answers: dict[str, str] = {}
            for round_ in range(samples + 3):  # three rounds of warm-up, then each command in turn per round
                for label, what in commands:
                    if isinstance(what, tuple):
                        _, replies = await session.send(session.chat.message(what[0]))
                        await asyncio.sleep(PACE)
                        took, replies = await session.send(session.chat.press(button_data(replies, what[1])))
                    else:
                        took, replies = await session.send(session.chat.message(what))
                    if round_ >= 3:
                        results[label].append(took * 1000)
                        cpu[label].append(session.cpu * 1000)
                    answers[label] = str(next((p.get("text", "") for p in replies if p.get("text")), ""))
                    await asyncio.sleep(PACE)
            print(f"\n{'command':<26} {'p50 ms':>8} {'p99 ms':>8} {'CPU p50':>8}   first line of the answer")
            for label, series in results.items():
                first = answers[label].splitlines()[0][:50] if answers[label] else ""
                print(
                    f"{label:<26} {statistics.median(series):8.1f} {percentile(series, 99):8.1f} "
                    f"{statistics.median(cpu[label]):8.1f}   {first}"
                )
            print("target: each under 50 ms (wall-clock; CPU is this process's own time, the machine's load aside)")
            if session.errors:
                print(f"! {len(session.errors)} handler errors, first: {session.errors[0]!r}")


def main() -> None:
    warnings.filterwarnings("ignore", message="Tasks created via `Application.create_task`")
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=5000)
    parser.add_argument("--samples", type=int, default=60)
    args = parser.parse_args()
    asyncio.run(run(args.contacts, args.samples))


if __name__ == "__main__":
    main()
