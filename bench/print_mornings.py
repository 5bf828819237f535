"""Real mornings to read: three people live four weeks with the bot, and every morning it sent them is printed.

    python bench/print_mornings.py [--out bench/mornings_sample.txt]

Each persona is what one kind of user types and taps (a job seeker, a founder raising a round, a connector who gives
a lot and seldom taps), on the real Application offline (the in-process Bot API), a fixed clock moved to 08:00 each
day and the morning job's own delivery. The output is for reading as that person would: would a thoughtful coach say
this, today, to them? Lines the user typed are printed too (">"), and what they tapped ("[tap]").
"""

from __future__ import annotations

import argparse
import asyncio
import html
import re
import sys
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import synthetic  # noqa: F401 - puts the repo on sys.path
from telegram import Update

from bot.app import build_application
from bot.clock import FixedClock
from bot.config import Settings
from bot.local_api import LocalBotAPI, LocalChat, buttons_of
from bot.morning.send import deliver_morning
from bot.notebooks import open_store

START = date(2026, 11, 22)  # a Sunday
DAYS = 28
Action = str | tuple[str, str]

JOB_SEEKER: dict[int, list[Action]] = {
    0: [
        "/goal land a PM role at a fintech by March",
        "/offer I can review product specs",
        "/met Hannah Lee at the product meetup, looking for a designer",
        "/got Hannah told me about a PM opening at Monzo",
        "/met Carla Diaz, PM at Monzo, at the fintech meetup, loves design systems",
        "/met Max Kim from Acme at the demo day, promised to send him our churn numbers by friday",
        "/met Rita Moss, recruiter at N26, at the career fair",
        "/met Dina Roe, freelance designer, at the coworking space, loves pottery",
        "/met Tom Berg, engineer at Wise, at the climbing gym, loves bouldering",
        "/met Lea Park, designer at Revolut, at the design meetup, loves typography",
        "/met Omar Haddad, PM at Klarna, at the fintech meetup, looking for a mentor",
        "/circle Carla inner",
        "/circle Hannah close",
    ],
    1: [("tap", "1 Done")],
    2: ["/gave Carla the design systems talk", "coffee with Rita on friday"],
    5: [("tap", "Went well")],
    6: ["/note Rita: she'll intro me to the hiring manager for payments"],
    8: [("tap", "1 Done")],
    9: ["/note Carla: has a final round interview at Stripe on thursday"],
    11: [("tap", "2 Done")],
    13: ["/note Tom: wants a call next week"],
    15: [("tap", "1 Done")],
    17: ["/note Hannah: new grandchild!"],
    19: [("tap", "1 Done")],
    20: [("tap", "1 Done")],
    22: ["/note Rita: I got the offer from N26!"],
    24: [("tap", "1 Done")],
    23: [("tap", "1 Done"), ("tap", "2 Done")],
    26: [("tap", "1 Done")],
}

FOUNDER: dict[int, list[Action]] = {
    0: [
        "/goal raise a seed round",
        "/met Sam Ortiz, founder at Loop, at the founders dinner, happy to intro to VCs",
        "/circle Sam inner",
        "/met Victor Hale, partner at Northwind Ventures, at the demo day",
        "/met Ivan Petrov, angel, at the demo day, loves sailing",
        "/met Olga Berg, partner at Seedcamp, introduced by Sam",
        "/met Nora Blum, CFO at Kite, at the founders dinner, looking for a lawyer",
        "/met Ben Cho, lawyer at Dentons, at the startup breakfast",
        "/met Mia Lund, founder at Fable, at the founders dinner, loves running, raising a seed round",
        "/circle Nora close",
    ],
    1: [("tap", "1 Done")],
    3: ["/got Sam intro to Olga", "/meet Victor tuesday 10:00"],
    4: [("tap", "1 Done")],
    9: [("tap", "They'll help")],
    10: ["/note Victor: wants to see 3 more months of revenue"],
    12: ["/note Olga: passing for now, liked the team though"],
    13: [("tap", "1 Done")],
    14: ["/note Ivan: he's in for 50k"],
    15: [("tap", "1 Done")],
    16: ["/note Nora: hired a lawyer, thanks to Ben"],
    17: [("tap", "1 Done")],
    18: [("tap", "1 Done"), ("tap", "2 Done")],
    19: ["coffee with Ben on monday 9am"],
    21: ["/note Sam: we closed the round!"],
    22: [("tap", "1 Done")],
    23: [("tap", "Went well")],
    25: [("tap", "1 Done")],
}

CONNECTOR: dict[int, list[Action]] = {
    0: [
        "/met Lena Vogel at the climbing gym, loves bouldering, looking for a lawyer",
        "/met Ben Cho, lawyer at Dentons, at the startup breakfast",
        "/met Ana Silva at the ML meetup, hopes to find a cofounder with ML chops",
        "/met Kai Wu, ML engineer at Deepmind, at the ML meetup, loves chess",
        "/met Priya Nair at the book club, her birthday is 1 Dec",
        "/met Oli Grant at the demo day, looking for feedback on his pitch deck",
        "/offer I can review pitch decks",
        "/remind Lena 4 Dec: ask how the bouldering comp went",
        "/met Jon Reyes, recruiter at Canva, at the design meetup, looking for a senior designer",
        "/met Eva Moss, designer at Figma, at the design meetup, loves ceramics",
        "/circle Priya inner",
        "/circle Lena close",
    ],
    1: [("tap", "2 Done")],
    3: ["/gave Oli notes on his pitch deck"],
    5: [("tap", "1 Done")],
    7: ["/note Kai: her story was published in Wired"],
    9: [("tap", "1 Done")],
    11: ["/note Ben: he'll send me the contract template by friday", ("tap", "1 Done")],
    13: [("tap", "1 Done")],
    14: ["lunch with Ana on wednesday"],
    16: ["/note Ana: launching the beta on friday"],
    17: [("tap", "Went well")],
    20: [("tap", "1 Done")],
    22: [("tap", "1 Done")],
    23: ["/note Lena: passing on the bouldering trip for now"],
    24: [("tap", "1 Done")],
}

PERSONAS = (("Job seeker", JOB_SEEKER), ("Founder", FOUNDER), ("Connector", CONNECTOR))


async def live(name: str, script: dict[int, list[Action]], user_id: int, folder: Path) -> list[str]:
    clock = FixedClock(datetime.combine(START, time(9, 30), UTC))
    api = LocalBotAPI()
    store = open_store(folder / f"data-{user_id}")
    app = build_application(Settings(data_dir=folder / f"data-{user_id}"), store, clock, request=api)
    chat = LocalChat(user_id=user_id, first_name=name.split()[0])
    out: list[str] = [f"{'=' * 100}\n{name}\n{'=' * 100}"]
    last: list[dict[str, Any]] = []

    async def process(update: dict[str, Any]) -> list[dict[str, Any]]:
        before = len(api.calls)
        await app.process_update(Update.de_json(update, app.bot))
        return [p for m, p in api.calls[before:] if m in ("sendMessage", "editMessageText")]

    async with app:
        for day in range(DAYS + 1):
            today = START + timedelta(days=day)
            if day > 0:
                clock.set(datetime.combine(today, time(8, 0), UTC))
                before = len(api.calls)
                await deliver_morning(app, user_id)
                last = [p for m, p in api.calls[before:] if m == "sendMessage"]
                text = "\n".join(html.unescape(re.sub(r"</?[bi]>|</?code>", "", p["text"])) for p in last)
                out.append(f"\n--- day {day}, {today:%a %d %b} ---\n{text or '(nothing sent)'}")
            clock.set(datetime.combine(today, time(12, 0), UTC))
            for action in script.get(day, []):
                if isinstance(action, tuple):
                    found = [d for p in reversed(last) for t, d in buttons_of(p) if action[1].lower() in t.lower()]
                    if not found:
                        continue
                    out.append(f"  [tap] {action[1]}")
                    last = await process(chat.press(found[0]))
                else:
                    if day > 0:
                        out.append(f"  > {action}")
                    last = await process(chat.message(action))
    return out


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(Path(__file__).with_name("mornings_sample.txt")))
    args = parser.parse_args()
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for number, (name, script) in enumerate(PERSONAS, 1):
            lines += await live(name, script, 5000 + number, Path(folder))
    sent = sum(1 for line in lines if line.startswith("\n--- day") and not line.endswith("(nothing sent)"))
    lines.append(f"\n{sent} mornings sent, {len(PERSONAS) * DAYS} days")
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{sent} mornings sent over {len(PERSONAS) * DAYS} persona-days -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    asyncio.run(main())
