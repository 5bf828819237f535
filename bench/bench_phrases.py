"""Whole phrases: 100 drafts and 100 morning nudges built from the blind corpus, printed to read, with the phrases
they cut short counted.

    python bench/bench_phrases.py [--part frozen|tuning|batch2_tuning|...] [--drafts 100] [--nudges 100] [--out PATH]

Each writer persona's lines are one user's notebook, filled through the bot's own capture path (a line typed in chat
read by ``understand``, a question with buttons taken as answered yes, chat saving no one; a "/met" line by
``parse_meeting``; then ``record_meeting``), each line on its own day. Then, for every person saved, the drafts a user
would ask for (a follow-up the day after, a share, a congratulation, a catch-up six weeks on) and the nudges of the
mornings after (the day after the last line, a week later, six weeks later). The sample takes them in turn, person by
person and kind by kind, without looking at what they say, up to the numbers asked. Every text is printed under the
lines it was built from, and checked with ``cut_short`` (bot/coach/reading/boundaries.py): a run of the typed line
repeated and then stopped inside its phrase ("a product marketing" from "a product marketing lead"). The count printed
at the end is that check's; read the sample too, as the person receiving it would.
The frozen part is for reporting only (tests/corpus/blind/README.md): work against ``--part tuning`` and
``--part batch2_tuning``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import tempfile
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import synthetic  # noqa: F401 - puts the repo on sys.path

from bot.coach.errors import NotUnderstood
from bot.coach.journal import meetings
from bot.coach.reading.boundaries import cut_short
from bot.coach.reading.capture import parse_meeting, understand
from bot.coach.writing.drafts import draft_note
from bot.coach.writing.plans import candidates
from bot.notebooks import open_store
from bot.store.view import network_of

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "blind"
DRAFTS = (("followup", 1), ("share", 3), ("congrats", 2), ("reconnect", 45), ("thanks", 1))
MORNINGS = (1, 8, 45)


class Persona:
    """One writer's persona: a user's notebook, the lines it was filled with, and who came from which line."""

    def __init__(self, folder: Path, uid: int) -> None:
        self.notebook = open_store(folder).notebook(uid)
        profile = self.notebook.profile()
        profile.first_name = "Sam"
        self.notebook.save_profile(profile)
        self.lines: dict[str, list[str]] = defaultdict(list)  # contact id -> the lines about them
        self.first_day: dict[str, date] = {}
        self.last_day = date(2000, 1, 1)


def fill(records: list[dict], folder: Path) -> list[Persona]:
    by_persona: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for record in records:
        by_persona[(record["writer"], record["persona"])].append(record)
    personas = []
    for uid, (_, rows) in enumerate(sorted(by_persona.items()), 1):
        persona = Persona(folder, uid)
        for row in sorted(rows, key=lambda r: r["today"]):
            today = date.fromisoformat(row["today"])
            line = row["line"]
            if line.startswith("/met "):  # the command: the user said it is a meeting
                try:
                    meeting = parse_meeting(line.removeprefix("/met "), today)
                except NotUnderstood:
                    continue
            else:  # typed in chat: read as the bot reads it; chat ("ok venting over") saves no one
                understood = understand(line, today)
                if understood.meeting is None or understood.kind == "none":
                    continue
                meeting = understood.meeting  # a "maybe" is asked about with buttons: taken as tapped yes
            now = datetime(today.year, today.month, today.day, 20, 0, tzinfo=UTC)
            saved = meetings.record_meeting(persona.notebook, meeting, [None] * len(meeting.people), now)
            for contact in saved.contacts:
                persona.lines[contact.id].append(row["line"])
                persona.first_day.setdefault(contact.id, today)
            persona.last_day = max(persona.last_day, today)
        personas.append(persona)
    return personas


def drafts(personas: list[Persona]) -> list[tuple[str, str, list[str]]]:
    """(title, text, source lines) for every draft a user could ask for, in turn across people and kinds."""
    queues: list[list[tuple[str, str, list[str]]]] = []
    for persona in personas:
        for contact in persona.notebook.contacts():
            made = []
            for kind, after in DRAFTS:
                day = persona.first_day.get(contact.id, persona.last_day) + timedelta(days=after)
                try:
                    draft = draft_note(kind, network_of(persona.notebook, about=[contact.id]), contact.id, day,
                                       sender_name="Sam", variant=len(made) % 3)  # fmt: skip
                except NotUnderstood:
                    continue
                made.append((f"{kind} to {contact.name} ({day})", draft.text, persona.lines[contact.id]))
            queues.append(made)
    return _in_turn(queues)


def nudges(personas: list[Persona]) -> list[tuple[str, str, list[str]]]:
    queues: list[list[tuple[str, str, list[str]]]] = []
    for persona in personas:
        network = network_of(persona.notebook)
        seen: set[tuple[str, str]] = set()
        by_contact: dict[str, list[tuple[str, str, list[str]]]] = defaultdict(list)
        for after in MORNINGS:
            day = persona.last_day + timedelta(days=after)
            for nudge in candidates(network, day):
                if not nudge.contact_id or (nudge.key, nudge.reason) in seen:
                    continue
                seen.add((nudge.key, nudge.reason))
                lines = [line for cid in nudge.people for line in persona.lines.get(cid, [])]
                text = f"{nudge.reason}\n{nudge.action}"
                by_contact[nudge.contact_id].append((f"{nudge.kind} ({day})", text, lines))
        queues += list(by_contact.values())
    return _in_turn(queues)


def _in_turn(queues: list[list[tuple[str, str, list[str]]]]) -> list[tuple[str, str, list[str]]]:
    """The first of every queue, then the second of every queue, and so on."""
    return [item for row in itertools.zip_longest(*queues) for item in row if item is not None]


def report(title: str, items: list[tuple[str, str, list[str]]], wanted: int) -> tuple[list[str], int]:
    blocks, cut = [], 0
    for n, (head, text, lines) in enumerate(items[:wanted], 1):
        clipped = sorted({c for line in lines for c in cut_short(text, line)})
        cut += bool(clipped)
        flag = "".join(f"\n  !! cut short: {c}" for c in clipped)
        told = "\n".join(f"  > {line}" for line in lines)
        body = "\n".join("    " + line if line else "" for line in text.splitlines())
        blocks.append(f"## {title} {n}. {head}\n{told}\n\n{body}{flag}\n")
    return blocks, cut


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parts = sorted(path.stem for path in CORPUS.glob("*.jsonl"))
    parser.add_argument("--part", choices=parts, default="frozen", help="a file of tests/corpus/blind")
    parser.add_argument("--drafts", type=int, default=100)
    parser.add_argument("--nudges", type=int, default=100)
    parser.add_argument("--out", type=Path, default=None, help="default: bench/phrases_sample_<part>.txt")
    args = parser.parse_args()
    records = [json.loads(line) for line in (CORPUS / f"{args.part}.jsonl").read_text().splitlines() if line.strip()]
    folder = Path(tempfile.mkdtemp(prefix="nurture-phrases-"))
    try:
        personas = fill(records, folder)
        made_drafts, made_nudges = drafts(personas), nudges(personas)
        draft_blocks, draft_cut = report("draft", made_drafts, args.drafts)
        nudge_blocks, nudge_cut = report("nudge", made_nudges, args.nudges)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    summary = (
        f"{args.part}: {len(records)} lines, {len(made_drafts)} drafts and {len(made_nudges)} nudges made; "
        f"sampled {len(draft_blocks)} drafts ({draft_cut} with a phrase cut short) and {len(nudge_blocks)} nudges "
        f"({nudge_cut} with a phrase cut short)"
    )
    text = f"# Whole phrases: {summary}\n# (bench/bench_phrases.py --part {args.part})\n\n"
    text += "\n".join(draft_blocks + nudge_blocks)
    out = args.out or Path(__file__).resolve().parent / f"phrases_sample_{args.part}.txt"
    out.write_text(text)
    print(summary)
    print(f"sample: {out}")


if __name__ == "__main__":
    main()
