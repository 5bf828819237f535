"""Read the capture corpus (lines.txt) and score a parser against it, field by field.

Shared by tests/coach/test_corpus.py (targets) and bench/bench_capture.py (prints the numbers). A field is scored
on every line or person where the corpus or the parser has a value for it, so inventing a company counts against
the parser just as missing one does. Free text (places, interests, needs, offers, promises) is compared after
folding case and accents and dropping leading articles; people and companies must match exactly (folded).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "lines.txt"
TODAY = date(2026, 11, 22)  # a Sunday

PERSON_FIELDS = ("company", "role", "title", "link", "interests", "needs", "offers", "birthday")
LINE_FIELDS = ("where", "when", "intro", "promises")
FIELDS = ("names", *PERSON_FIELDS, *LINE_FIELDS)


@dataclass
class ExpectedPerson:
    name: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class Case:
    text: str
    people: list[ExpectedPerson]
    where: str = ""
    when: date = TODAY
    intro: str = ""
    promises: list[tuple[str, str]] = field(default_factory=list)  # (action, ISO due or "")
    line_no: int = 0


def _day(value: str) -> date:
    value = value.strip()
    if re.fullmatch(r"[+-]?\d+", value):
        return TODAY + timedelta(days=int(value))
    return date.fromisoformat(value)


def load(path: Path = CORPUS) -> list[Case]:
    cases: list[Case] = []
    current: Case | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if not line:
            current = None
            continue
        if current is None:
            current = Case(text=line, people=[], line_no=number)
            cases.append(current)
            continue
        if line.startswith("- "):
            name, *parts = [p.strip() for p in line[2:].split("|")]
            person = ExpectedPerson(name)
            for part in parts:
                key, _, value = part.partition(":")
                key, value = key.strip(), value.strip()
                if key in ("interests", "needs", "offers"):
                    person.fields[key] = [v.strip() for v in value.split(";") if v.strip()]
                else:
                    person.fields[key] = value
            current.people.append(person)
        elif line == "none":
            pass
        else:
            key, _, value = line.partition(":")
            value = value.strip()
            if key == "where":
                current.where = value
            elif key == "when":
                current.when = _day(value)
            elif key == "intro":
                current.intro = value
            elif key == "promise":
                action, _, due = value.partition(" @ ")
                current.promises.append((action.strip(), _day(due).isoformat() if due else ""))
            else:
                raise ValueError(f"lines.txt:{number}: unknown field {key!r}")
    return cases


_ARTICLES = re.compile(r"^(?:(?:a|an|the|her|his|their|my|some|to)\s+)+", re.IGNORECASE)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^\w\s/&+'-]", " ", text)
    return _ARTICLES.sub("", " ".join(text.split()))


def _same_text(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    return fa == fb or (bool(fa) and bool(fb) and fuzz.ratio(fa, fb) >= 85)


def _same_list(expected: list[str], got: list[str]) -> bool:
    if len(expected) != len(got):
        return False
    left = list(got)
    for item in expected:
        hit = next((g for g in left if _same_text(item, g)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def _same_promises(expected: list[tuple[str, str]], got: list[tuple[str, str]]) -> bool:
    if len(expected) != len(got):
        return False
    for (action, due), (g_action, g_due) in zip(expected, got, strict=True):
        if due != g_due or fuzz.token_set_ratio(fold(action), fold(g_action)) < 80:
            return False
    return True


@dataclass
class Reading:
    """What a parser read from one line, in the corpus's terms (see ``reading_of`` in the test and bench)."""

    # name, company, role, title, link ("Jane husband"), interests, needs, offers, birthday
    people: list[dict[str, Any]]
    where: str = ""
    when: date = TODAY
    intro: str = ""
    promises: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Score:
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: dict[str, list[str]] = field(default_factory=lambda: {f: [] for f in FIELDS})
    lost_people: list[str] = field(default_factory=list)  # lines that named a person the parser lost

    def add(self, name: str, ok: bool, detail: str) -> None:
        self.total[name] += 1
        if ok:
            self.right[name] += 1
        else:
            self.misses[name].append(detail)

    def accuracy(self, name: str) -> float:
        return self.right[name] / self.total[name] if self.total[name] else 1.0


def _empty(value: Any) -> bool:
    return value in ("", None, [], ())


def score(cases: list[Case], read: Callable[[str], Reading | None]) -> Score:
    result = Score()
    for case in cases:
        reading = read(case.text)
        got_people = reading.people if reading else []
        want_names = sorted(fold(p.name) for p in case.people)
        got_names = sorted(fold(p["name"]) for p in got_people)
        where = f"line {case.line_no}: {case.text!r}"
        result.add("names", want_names == got_names, f"{where} -> {[p['name'] for p in got_people]}")
        missing = [n for n in want_names if n not in got_names]
        if missing:
            result.lost_people.append(f"{where} lost {missing}")
        if not case.people or reading is None:
            continue
        pool = list(got_people)
        for person in case.people:
            got = next((p for p in pool if fold(p["name"]) == fold(person.name)), None)
            if got is None:
                continue
            pool.remove(got)
            for name in PERSON_FIELDS:
                want = person.fields.get(name, [] if name in ("interests", "needs", "offers") else "")
                have = got.get(name, [] if name in ("interests", "needs", "offers") else "")
                if _empty(want) and _empty(have):
                    continue
                if name in ("interests", "needs", "offers"):
                    ok = _same_list(want, have)
                elif name in ("company", "role", "title", "link", "birthday"):
                    ok = fold(want) == fold(have)
                else:
                    ok = want == have
                result.add(name, ok, f"{where} {person.name}.{name}: want {want!r} got {have!r}")
        for name, want, have in (
            ("where", case.where, reading.where),
            ("intro", case.intro, reading.intro),
        ):
            if want or have:
                result.add(name, fold(want) == fold(have), f"{where}: want {want!r} got {have!r}")
        if case.when != TODAY or reading.when != TODAY:
            result.add("when", case.when == reading.when, f"{where}: want {case.when} got {reading.when}")
        if case.promises or reading.promises:
            ok = _same_promises(case.promises, reading.promises)
            result.add("promises", ok, f"{where}: want {case.promises} got {reading.promises}")
    return result


def read_with_nurture(text: str) -> Reading | None:
    """What Nurture reads from a chat line: None when it would not treat the line as a capture at all."""
    from bot.coach.reading.capture import understand

    understood = understand(text, TODAY)
    meeting = understood.meeting
    if meeting is None:
        return None
    people = [
        {
            "name": p.name,
            "company": p.company,
            "role": p.role,
            "title": p.title,
            "link": f"{p.link_to} {p.link_as}".strip(),
            "interests": p.facts.interests,
            "needs": p.facts.needs,
            "offers": p.facts.offers,
            "birthday": p.facts.birthday,
        }
        for p in meeting.people
    ]
    return Reading(
        people=people,
        where=meeting.context,
        when=meeting.when,
        intro=meeting.introduced_by,
        promises=[(p.text, p.due_on) for p in meeting.facts.promise_items],
    )
