"""Grade a capture reader against the blind corpus (tests/corpus/blind/*.jsonl), tolerantly and fairly.

The rules are those the corpus was written for (a careful human assistant's record of each line):
- Only the fields the record fills are graded; ``|`` separates equally right answers.
- Names: case-, accent- and punctuation-insensitive, titles ignored. A person is found by the whole name or by a
  first name that is unique on both sides; the name counts as right only when it matches whole.
- Company, role, where, introduced by: equal, or one contains the other as whole words.
- Interests, needs, offers: every word of one alternative starts a word of some stored item (articles aside).
- Dates (when, birthday, a promise's due day): exact, one of the ``|`` alternatives; an empty one ("2026-03-13|")
  means no date is right too.
- Promises: each expected one is matched by a distinct stored one whose words it starts (as above), with the same
  due day (when the record has one) and the same ``whose`` ("mine" or "theirs"). ``whose`` is also reported alone.
- Links: each expected link (``{"name", "as"}``) is a stored link to that person (by name, as above) with that
  relation. Mentioned people (named, not met) must be kept as mentioned.
- A person the line did not name (a phantom), or a mentioned person saved as met, fails the line (someone the line
  does name, kept as mentioned though the record does not list them, is no phantom); a chat line
  (``"chat": true``) must create nobody (a question with buttons counts as creating).
- A line is right when every person is found, every graded field is right, and there are no phantoms. A line is
  lost when it names people and nobody it names is saved.

A person who is lost counts as wrong on every field the record fills for them: the field was not saved.

``read_with_nurture`` says what Nurture would save from a line typed in chat; ``grade`` takes any reader, so the
rules can be tested apart from the parser (tests/coach/test_blind_grading.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import orjson

BLIND = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "blind"
TUNING = BLIND / "tuning.jsonl"
FROZEN = BLIND / "frozen.jsonl"
# Batch 2, by two new writers (C, D) who never read the code either: split the same way, first pass in bench/README.md.
BATCH2_TUNING = BLIND / "batch2_tuning.jsonl"
BATCH2_FROZEN = BLIND / "batch2_frozen.jsonl"
# Batch 3, by writers E and F: graded once, after a round of work on the reader it never saw (bench/README.md).
BATCH3_TUNING = BLIND / "batch3_tuning.jsonl"
BATCH3_FROZEN = BLIND / "batch3_frozen.jsonl"
# Batch 4, by writers G and H: graded once before the learned name reader was added and once after (bench/README.md).
BATCH4_TUNING = BLIND / "batch4_tuning.jsonl"
BATCH4_FROZEN = BLIND / "batch4_frozen.jsonl"
# Batch 5, by writers I and J: first graded with the reader as session 6 found it (2adc584), before any work on it.
BATCH5_TUNING = BLIND / "batch5_tuning.jsonl"
BATCH5_FROZEN = BLIND / "batch5_frozen.jsonl"
# Batch 6, by writers K and L: first graded with the reader as session 7 found it (0f33d63), before any work on it.
BATCH6_TUNING = BLIND / "batch6_tuning.jsonl"
BATCH6_FROZEN = BLIND / "batch6_frozen.jsonl"
# Batch 7, by writers M and N: first graded with the reader as session 8 found it (413d00a), before any work on it.
BATCH7_TUNING = BLIND / "batch7_tuning.jsonl"
BATCH7_FROZEN = BLIND / "batch7_frozen.jsonl"
# Batch 8, by writers O and P: first graded with the reader as session 9 found it (70b4ef8), before any work on it.
BATCH8_TUNING = BLIND / "batch8_tuning.jsonl"
BATCH8_FROZEN = BLIND / "batch8_frozen.jsonl"

BATCH9_TUNING = BLIND / "batch9_tuning.jsonl"
BATCH9_FROZEN = BLIND / "batch9_frozen.jsonl"

TEXT_FIELDS = ("company", "role", "where", "introduced_by")
LIST_FIELDS = ("needs", "offers", "interests")
DATE_FIELDS = ("when", "birthday")
FIELDS = ("names", *TEXT_FIELDS, *DATE_FIELDS, *LIST_FIELDS, "promises", "whose", "links", "mentioned")

_TITLES = frozenset(
    {"dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir", "dame", "rev", "fr", "father",
     "pastor", "frau", "herr", "sr", "sra", "srta", "senor", "senora", "mme", "mlle", "monsieur", "madame"}
)  # fmt: skip
_ARTICLES = frozenset({"a", "an", "the"})
# Whom a thing is for, said or left out as the line said it: "send me the lease draft" is "send the lease draft" kept.
_PRONOUNS = frozenset({"me", "him", "her", "them", "us", "my", "his", "their", "our", "your"})


@dataclass
class Case:
    """One line of the corpus and what a careful assistant would record from it."""

    line: str
    today: date
    people: list[dict[str, Any]]
    mentioned: list[str]
    chat: bool
    number: int  # 1-based line number in its file
    persona: str = ""


def load(path: Path) -> list[Case]:
    cases = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        row = orjson.loads(raw)
        cases.append(
            Case(
                line=row["line"],
                today=date.fromisoformat(row["today"]),
                people=row.get("people", []),
                mentioned=[m["name"] for m in row.get("mentioned", [])],
                chat=bool(row.get("chat")),
                number=number,
                persona=row.get("persona", ""),
            )
        )
    return cases


@dataclass
class Reading:
    """What a reader saved from one line, in the corpus's terms.

    ``kind``: "meeting" (saved), "maybe" (asked about with buttons: counted as saved) or "none" (nobody).
    ``people``: dicts with the corpus's person keys (name, company, role, when, where, needs, offers, interests,
    promises [{what, due, whose}], introduced_by, links [{name, as}], birthday). ``mentioned``: names kept as
    mentioned, not met.
    """

    kind: str
    people: list[dict[str, Any]] = field(default_factory=list)
    mentioned: list[str] = field(default_factory=list)


# -- comparing ---------------------------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """Folded words: no case, accents or punctuation ("Mercado-Libre!" -> ["mercado", "libre"]); "&" is "and"."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("ø", "o").replace("ł", "l").replace("ß", "ss").replace("'", "").replace("’", "")
    return re.sub(r"[^\w]+|_", " ", text.replace("&", " and ")).split()


def name_words(name: str) -> list[str]:
    """A name's words without titles ("Dr. Nnamdi Eze" -> ["nnamdi", "eze"])."""
    found = words(name)
    while len(found) > 1 and found[0] in _TITLES:
        found = found[1:]
    return found


def alternatives(value: str) -> list[str]:
    return [a.strip() for a in (value or "").split("|") if a.strip()]


def may_be_empty(expected: str) -> bool:
    """ "tasting|", "CMO|": the writer left an empty alternative, so nothing saved is right too (as for days)."""
    return "|" in expected and "" in [a.strip() for a in expected.split("|")]


def same_day(expected: str, got: str) -> bool:
    """One of the expected days exactly; an empty alternative ("2026-03-13|") accepts no day."""
    return (got or "") in [a.strip() for a in expected.split("|")]


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


# Job shorthand said whole, on both sides alike: "ops dir" is "operations director", "sr ds" is "senior ds".
_SHORTHAND = {
    "mgr": "manager", "mngr": "manager", "dir": "director", "sr": "senior", "snr": "senior", "jr": "junior",
    "asst": "assistant", "assoc": "associate", "mktg": "marketing", "ops": "operations", "acct": "account",
    "biz": "business", "prod": "product", "atty": "attorney",
}  # fmt: skip


def _spelled(text: str) -> list[str]:
    return [_SHORTHAND.get(w, w) for w in words(text)]


def same_text(expected: str, got: str) -> bool:
    """Equal, or one contains the other as whole words (any alternative of ``expected``; shorthand read whole)."""
    have = _spelled(got)
    return bool(have) and any(
        (want := _spelled(alt)) and (want == have or _contains(want, have) or _contains(have, want))
        for alt in alternatives(expected)
    )


def starts_words(expected: str, stored: str) -> bool:
    """Every word of one alternative starts a word of ``stored`` (articles and whose-pronouns aside)."""
    have = [w for w in words(stored) if w not in _ARTICLES]
    for alt in alternatives(expected):
        want = [w for w in words(alt) if w not in _ARTICLES | _PRONOUNS] or words(alt)
        if want and all(any(h.startswith(w) for h in have) for w in want):
            return True
    return False


def same_list(expected: list[str], stored: list[str]) -> bool:
    """Each expected item is stored, but for one the writer gave an empty alternative ("summer camp gig|": saving
    nothing for it is right too, as the brief says of any value)."""
    return all(any(starts_words(item, s) for s in stored) or may_be_empty(item) for item in expected)


def same_name(expected: str, got: str) -> bool:
    return any(name_words(alt) == name_words(got) for alt in alternatives(expected))


def _first(name: str) -> str:
    found = name_words(name)
    return found[0] if found else ""


def match_people(expected: list[str], got: list[str]) -> dict[int, int]:
    """Expected index -> got index: whole names first, then first names unique on both sides."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i, want in enumerate(expected):
        for j, have in enumerate(got):
            if j not in used and same_name(want, have):
                pairs[i] = j
                used.add(j)
                break
    firsts_want = [{_first(a) for a in alternatives(n)} for n in expected]
    firsts_got = [_first(n) for n in got]
    for i, want in enumerate(firsts_want):
        if i in pairs:
            continue
        hits = [j for j in range(len(got)) if j not in used and firsts_got[j] in want]
        rivals = [k for k, other in enumerate(firsts_want) if k != i and k not in pairs and other & want]
        if len(hits) == 1 and not rivals and sum(firsts_got[j] in want for j in range(len(got))) == 1:
            pairs[i] = hits[0]
            used.add(hits[0])
    return pairs


def _promises_right(want: list[dict[str, str]], have: list[dict[str, str]], keys: tuple[str, ...]) -> bool:
    """Each expected promise matched by a distinct stored one on its words and on ``keys`` (due, whose)."""
    left = list(have)
    for promise in want:
        hit = next(
            (
                p
                for p in left
                if starts_words(promise.get("what", ""), p.get("what", ""))
                and all(not promise.get(k) or same_day(promise[k], p.get(k, "")) for k in keys)
            ),
            None,
        )
        if hit is None:
            return False
        left.remove(hit)
    return True


def _links_right(want: list[dict[str, str]], have: list[dict[str, str]]) -> bool:
    return all(
        any(
            match_people([link["name"]], [h.get("name", "")])
            and any(same_text(link.get("as", ""), said) for said in alternatives(h.get("as", "")))
            for h in have
        )
        for link in want
    )


# Who the other is, when Nurture keeps who this person is to them ("Ana is Carlos's wife": to Ana, Carlos is her
# husband). The writers record the other's side; each tie turned round, every way it can be said.
_TURNED = {
    "wife": "husband|spouse|partner", "husband": "wife|spouse|partner", "spouse": "spouse|husband|wife|partner",
    "gf": "boyfriend|bf|girlfriend|partner", "girlfriend": "boyfriend|girlfriend|partner",
    "bf": "girlfriend|gf|boyfriend|partner", "boyfriend": "girlfriend|boyfriend|partner",
    "fiance": "fiancée|fiancé|partner", "fiancé": "fiancée|fiancé|partner", "fiancee": "fiancé|fiancée|partner",
    "fiancée": "fiancé|fiancée|partner",
    "boss": "report|direct report|employee|team member", "manager": "report|direct report|employee|team member",
    "mgr": "report|direct report|employee|team member", "report": "boss|manager", "direct report": "boss|manager",
    "mentor": "mentee|student", "mentee": "mentor", "teacher": "student|pupil", "student": "teacher|professor",
    "advisor": "student|advisee|grad student", "grad student": "advisor|PI|professor|supervisor",
    "son": "mother|father|mom|dad|parent", "daughter": "mother|father|mom|dad|parent",
    "kid": "mother|father|mom|dad|parent", "child": "mother|father|mom|dad|parent",
    "mother": "son|daughter|child|kid", "mom": "son|daughter|child|kid", "mum": "son|daughter|child|kid",
    "father": "son|daughter|child|kid", "dad": "son|daughter|child|kid",
    "brother": "brother|sister|sibling", "sister": "brother|sister|sibling", "sibling": "brother|sister|sibling",
    "uncle": "nephew|niece", "aunt": "nephew|niece", "nephew": "uncle|aunt", "niece": "uncle|aunt",
    "grandson": "grandfather|grandmother|grandparent", "granddaughter": "grandfather|grandmother|grandparent",
    "grandfather": "grandson|granddaughter|grandchild", "grandmother": "grandson|granddaughter|grandchild",
    "assistant": "boss|manager", "ea": "boss|manager", "client": "lawyer|advisor|agent|provider",
    "intern": "boss|manager|mentor|supervisor", "sous chef": "chef|exec chef|boss", "sous": "chef|exec chef|boss",
}  # fmt: skip


def _as_the_other(person: Any) -> str:
    """The tie as the writers record it: who the other is to this person."""
    if person.link_theirs:
        return str(person.link_as)
    return _TURNED.get(person.link_as.lower(), person.link_as)


# -- grading -----------------------------------------------------------------------------------------------------


@dataclass
class Grade:
    lines: int = 0
    right_lines: int = 0
    people: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    lost_lines: list[str] = field(default_factory=list)  # lines that name people and save none of them
    lost_people: int = 0
    phantom_lines: list[str] = field(default_factory=list)
    asked: int = 0  # lines saved through a question with buttons ("Log a meeting with Sam?")
    failed: list[str] = field(default_factory=list)  # every line not fully right, with why
    misses: dict[str, list[str]] = field(default_factory=lambda: {f: [] for f in FIELDS})

    def accuracy(self, name: str) -> float:
        return self.right[name] / self.total[name] if self.total[name] else 1.0

    def _add(self, name: str, ok: bool, why: str) -> bool:
        self.total[name] += 1
        if ok:
            self.right[name] += 1
        else:
            self.misses[name].append(why)
        return ok


def _graded(person: dict[str, Any], got: dict[str, Any] | None, g: Grade, where: str) -> list[str]:
    """Grade one expected person's filled fields against what was saved for them; the names of wrong fields."""
    wrong: list[str] = []
    name = person["name"]

    def check(field_name: str, ok: bool, want: Any, have: Any) -> None:
        if not g._add(field_name, ok, f"{where} {name}.{field_name}: want {want!r} got {have!r}"):
            wrong.append(field_name)

    have = got or {}
    for key in TEXT_FIELDS:
        if person.get(key):
            said = have.get(key, "")
            ok = same_text(person[key], said) or (not said and may_be_empty(person[key]))
            check(key, got is not None and ok, person[key], have.get(key))
    for key in DATE_FIELDS:
        if person.get(key):
            check(key, got is not None and same_day(person[key], have.get(key, "")), person[key], have.get(key))
    for key in LIST_FIELDS:
        if person.get(key):
            check(key, got is not None and same_list(person[key], have.get(key, [])), person[key], have.get(key))
    if person.get("promises"):
        want, stored = person["promises"], have.get("promises", [])
        check("promises", got is not None and _promises_right(want, stored, ("due", "whose")), want, stored)
        check("whose", got is not None and _promises_right(want, stored, ("whose",)), want, stored)
    if person.get("links"):
        check("links", got is not None and _links_right(person["links"], have.get("links", [])), person["links"],
              have.get("links"))  # fmt: skip
    return wrong


def grade(cases: list[Case], read: Callable[[str, date], Reading]) -> Grade:
    g = Grade()
    for case in cases:
        g.lines += 1
        reading = read(case.line, case.today)
        where = f"{case.number}: {case.line!r}"
        saved = reading.people if reading.kind != "none" else []
        kept = reading.mentioned if reading.kind != "none" else []
        if reading.kind == "maybe" and saved:
            g.asked += 1
        problems: list[str] = []
        if case.chat:
            if saved or kept:
                problems.append(f"chat, but saved {[p['name'] for p in saved] + kept}")
                g.phantom_lines.append(where)
            else:
                g.right_lines += 1
            if problems:
                g.failed.append(f"{where} -> {'; '.join(problems)}")
            continue
        expected = [p["name"] for p in case.people]
        pairs = match_people(expected, [p["name"] for p in saved])
        g.people += len(expected)
        for i, person in enumerate(case.people):
            got = saved[pairs[i]] if i in pairs else None
            named = got is not None and same_name(person["name"], got["name"])
            g._add("names", named, f"{where} {person['name']}: got {got['name'] if got else None!r}")
            if got is None:
                g.lost_people += 1
                problems.append(f"lost {person['name']}")
            elif not named:
                problems.append(f"{person['name']} saved as {got['name']!r}")
            wrong = _graded(person, got, g, where)
            if got is not None and wrong:
                problems.append(f"{person['name']}: " + ", ".join(f"{w} {_shown(got, w)}" for w in wrong))
        if case.people and not pairs:
            g.lost_lines.append(where)
        extra = [saved[j]["name"] for j in range(len(saved)) if j not in pairs.values()]
        mention_pairs = match_people(case.mentioned, kept)
        met_mentioned = match_people(case.mentioned, extra)
        for i, name in enumerate(case.mentioned):
            ok = i in mention_pairs and i not in met_mentioned
            g._add("mentioned", ok, f"{where} {name}: kept as mentioned {kept!r}, met {extra!r}")
            if not ok:
                problems.append(f"{name} not kept as mentioned" + (" (saved as met)" if i in met_mentioned else ""))
        phantoms = [n for k, n in enumerate(extra) if k not in met_mentioned.values()]
        line_words = words(re.sub(r"['’]s\b", "", case.line))
        phantoms += [
            n
            for k, n in enumerate(kept)
            if k not in mention_pairs.values()
            and not match_people([n], expected)
            and not all(w in line_words for w in name_words(n))  # named in the line, kept apart: no phantom
        ]
        if phantoms:
            g.phantom_lines.append(where)
            problems.append(f"phantoms {phantoms}")
        if problems:
            g.failed.append(f"{where} -> {'; '.join(problems)}")
        else:
            g.right_lines += 1
    return g


def _shown(got: dict[str, Any], field_name: str) -> str:
    if field_name == "whose":
        field_name = "promises"
    value = got.get(field_name, "")
    return f"= {value!r}" if value not in ("", [], None) else "missing"


# -- what Nurture saves --------------------------------------------------------------------------------------------


def read_with_nurture(line: str, today: date) -> Reading:
    """What Nurture saves from ``line`` typed in chat on ``today`` (a question with buttons counts as saved)."""
    from bot.coach.reading.capture import understand

    understood = understand(line, today)
    meeting = understood.meeting
    if meeting is None or understood.kind == "none":
        return Reading("none")
    people = []
    for p in meeting.people:
        facts = p.facts if meeting.people_facts else meeting.facts
        people.append(
            {
                "name": p.name,
                "company": p.company,
                "role": p.role,
                "when": meeting.when.isoformat(),
                # where they met, else how (the writers record "call", "Zoom", "coffee" as where): both are kept
                "where": meeting.context or meeting.way,
                "needs": list(facts.needs),
                "offers": list(facts.offers),
                "interests": list(facts.interests),
                "promises": [
                    {"what": item.text, "due": item.due_on, "whose": item.whose} for item in meeting.promises_of(p)
                ],
                "introduced_by": meeting.introduced_by,
                "links": [{"name": p.link_to, "as": _as_the_other(p)}] if p.link_to else [],
                "birthday": facts.birthday,
            }
        )
    return Reading(understood.kind, people, list(meeting.mentioned))
