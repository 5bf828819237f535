"""Drafts to read, at the moment they are written: 30 notes a user would copy and send, each under what the user
typed about that person, including the drafts a morning step carries (an ask, a close-the-loop, an offer, a birthday).

    python bench/print_drafts.py [--out bench/drafts_moments_sample.txt]

The notebook is filled through the bot's own capture path (``parse_meeting``, ``record_meeting``, ``record_note``,
``record_help``, an outcome applied to its goal), on one fixed day; each person is chosen for a moment a draft must
fit: a first meeting weeks ago, fresh news beside a hobby, a recruiter, someone hiring the very role the user wants,
a new grandchild, a published story, a fund that led the round. Read them as the person receiving them would.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import synthetic  # noqa: F401 - puts the repo on sys.path

from bot.coach.errors import NotUnderstood
from bot.coach.journal import delivery, meetings
from bot.coach.journal import entries as journal
from bot.coach.planning import goals
from bot.coach.planning.nudges import COACH_DRAFTS
from bot.coach.reading.capture import parse_meeting
from bot.coach.writing.drafts import coach_draft, draft_note
from bot.notebooks import open_store
from bot.store.notebook import Notebook
from bot.store.view import network_of

TODAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
GOALS = ("land a product manager role at a fintech", "raise a seed round")

# (capture line, days ago, [(days ago, note)], [(days ago, help)]), typed the way people type on a phone.
PEOPLE = [
    ("met Ana Ruiz at the fintech breakfast", 49, [], []),
    ("met Rita Moss, recruiter at Hays, at the careers fair", 2, [], []),
    ("met Hana Ito from Monzo at the product meetup", 3, [(3, "she's hiring a PM for the payments team")], []),
    ("met Bob Hale at the sailing club, loves sailing", 300, [(10, "just became a grandfather")], []),
    ("met Eve Park at the writers night", 200, [(5, "her story was published in the New Yorker")], []),
    ("met Dan Ek, designer, at Config", 4, [], []),
    ("met Kim Cho at the product meetup", 2, [(2, "just launched her podcast, looking for a lawyer")], []),
    (
        "met Lisa Park from Google at the design meetup, loves ceramics",
        150,
        [(40, "looking for a cofounder"), (20, "got promoted to VP of design")],
        [],
    ),
    ("met Max Kim from Acme at demo day, promised to send him the churn numbers", 1, [], []),
    ("met Tom Lee, lawyer at Beta Legal, at PyCon", 90, [], [(6, "reviewed my term sheet")]),
    ("met Gus Lind, angel investor, at the founders dinner", 20, [], []),
    ("met Nora Quinn, head of talent at Wise, at the fintech summit", 60, [(30, "loves bouldering")], []),
    ("met Sam Ortiz at the founders dinner", 100, [], [(30, "introduced me to Victor")]),
    ("met Victor Hale, partner at Northwind Ventures, at demo day", 40, [(1, "his fund led the round")], []),
    ("met Meera Shah, head of ops at Kite, at the SaaS meetup", 70, [], []),
    ("met Oli Park at the founders breakfast", 15, [(15, "needs feedback on his pitch deck")], []),
]

# (kind, who, variant, style)
SAMPLE = [
    ("thanks", "Ana", 0, "warm"),
    ("thanks", "Ana", 1, "warm"),
    ("thanks", "Ana", 2, "formal"),
    ("followup", "Rita", 0, "warm"),
    ("followup", "Hana", 1, "warm"),
    ("thanks", "Hana", 2, "warm"),
    ("reconnect", "Bob", 0, "warm"),
    ("congrats", "Bob", 1, "warm"),
    ("congrats", "Eve", 0, "warm"),
    ("reconnect", "Eve", 2, "warm"),
    ("followup", "Dan", 0, "warm"),
    ("followup", "Kim", 2, "warm"),
    ("reconnect", "Lisa", 1, "warm"),
    ("congrats", "Lisa", 0, "short"),
    ("followup", "Max", 1, "short"),
    ("thanks", "Tom", 0, "warm"),
    ("thanks", "Tom", 0, "short"),
    ("followup", "Gus", 2, "formal"),
    ("reconnect", "Nora", 0, "warm"),
    ("followup", "Nora", 1, "warm"),
    ("reconnect", "Meera", 2, "warm"),
    ("share", "Oli", 0, "warm"),
    ("reconnect", "Oli", 1, "formal"),
    ("congrats", "Eve", 2, "formal"),
]


def build_notebook(folder: Path) -> Notebook:
    notebook = open_store(folder).notebook(1)
    profile = notebook.profile()
    profile.first_name = "Sam Rivera"
    profile.offers = ["I can review pitch decks"]
    for text in GOALS:
        goals.add_goal(profile, text, TODAY - timedelta(days=120))
    notebook.save_profile(profile)
    for line, ago, notes, helps in PEOPLE:
        day = TODAY - timedelta(days=ago)
        meeting = parse_meeting(line, day)
        contact = meetings.record_meeting(notebook, meeting, [None] * len(meeting.people), NOW).contacts[0]
        for note_ago, text in notes:
            journal.record_note(notebook, contact, text, NOW, TODAY - timedelta(days=note_ago))
        for help_ago, text in helps:
            journal.record_help(notebook, contact, text, NOW, TODAY - timedelta(days=help_ago))
    return notebook


def close_the_round(notebook: Notebook, day: date) -> None:
    """'/note Victor: we closed the round!', the day before the sample: a good final outcome on the raise."""
    victor = next(c for c in notebook.contacts() if c.first_name == "Victor")
    profile = notebook.profile()
    raise_goal = next(g for g in profile.goals if g["text"] == "raise a seed round")
    outcome = goals.outcome_in("we closed the round!")
    assert outcome is not None
    goals.apply_outcome(profile, network_of(notebook), outcome, victor.id, day, raise_goal["id"])
    notebook.save_profile(profile)


def block(title: str, told: list[str], text: str) -> str:
    return (
        f"## {title}, {len(text)} chars\n"
        + "\n".join(told)
        + "\n\n"
        + "\n".join("    " + line if line else "" for line in text.splitlines())
        + "\n"
    )


def told_about(who: str) -> list[str]:
    found = []
    for line, ago, notes, helps in PEOPLE:
        if line.split()[1] == who:
            found.append(f"  /met  {line}  ({ago} days ago)")
            found += [f"  note  {text}  ({n} days ago)" for n, text in notes]
            found += [f"  /got  {text}  ({n} days ago)" for n, text in helps]
    return found


def print_sample(out: Path | None) -> None:
    folder = Path(tempfile.mkdtemp(prefix="nurture-draft-moments-"))
    try:
        notebook = build_notebook(folder)
        close_the_round(notebook, TODAY - timedelta(days=1))
        by_first = {c.first_name: c for c in notebook.contacts()}
        open_goals = [g["text"] for g in goals.open_goals(notebook.profile().goals)]
        blocks = [
            f"# Drafts at the moment they are written (bench/print_drafts.py; day {TODAY}, sender Sam Rivera, "
            f"open goals: {'; '.join(open_goals)}; 'we closed the round' noted on Victor yesterday)\n"
        ]
        n = 0
        for kind, who, variant, style in SAMPLE:
            contact = by_first[who]
            try:
                text = draft_note(
                    kind,
                    network_of(notebook, about=[contact.id]),
                    contact.id,
                    TODAY,
                    sender_name="Sam Rivera",
                    variant=variant,
                    style=style,
                    goals=open_goals,
                ).text
            except NotUnderstood as refused:
                text = f"(refused) {refused.hint}"
            n += 1
            blocks.append(block(f"{n}. {kind} to {who} - wording {variant}, {style}", told_about(who), text))
        plan = delivery.plan_for(notebook, TODAY)
        for nudge in plan.nudges:
            if nudge.draft_kind not in COACH_DRAFTS:
                continue
            first = nudge.slots.get("first", "")
            for variant, style in ((0, "warm"), (1, "short")):
                n += 1
                text = coach_draft(nudge.draft_kind, nudge.slots, "Sam Rivera", variant, style)
                step = f"  step  {nudge.reason} -> {nudge.action}"
                title = f"{n}. {nudge.draft_kind} (a morning step's draft) to {first} - wording {variant}, {style}"
                blocks.append(block(title, [*told_about(first), step], text))
        text = "\n".join(blocks)
        print(text)
        if out is not None:
            out.write_text(text, encoding="utf-8")
            print(f"(saved to {out})")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None, help="also save the sample to this file")
    print_sample(parser.parse_args().out)


if __name__ == "__main__":
    main()
