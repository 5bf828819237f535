"""Train the people tagger Nurture ships (bot/coach/reading/people.crfsuite) from the blind corpus's tuning parts.

    python tools/train_people_tagger.py            # writes bot/coach/reading/people.crfsuite
    python tools/train_people_tagger.py OUT --without batch4_tuning

Each tuning line (tests/corpus/blind/*tuning.jsonl: lines by writers who never read the code, with what a careful
assistant would record) becomes words labelled with what it records: the names of the people (met, or only
mentioned), and their companies, jobs and where they met as typed in the line. A word is labelled a name's when it is
one of a recorded name's words (any case: people type "mike harlan"), unless it stands inside the company or place
recorded for that line ("Doyle" in "Doyle Electric"); each line is learned twice, as typed and in lower case.
Frozen parts are never read:
they measure the tagger, with the rest of the reader, in bench/bench_capture.py. Training is deterministic (the
same lines give the same model) and takes a few seconds.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.coach.reading.stopwords import is_not_a_name  # noqa: E402
from bot.coach.reading.tagger import MENTIONED, MET, MODEL, ORG, ROLE, WHERE, features, tokens  # noqa: E402
from testkit import grading  # noqa: E402

PARTS = ("tuning", "batch2_tuning", "batch3_tuning", "batch4_tuning", "batch5_tuning", "batch6_tuning", "batch7_tuning")
# L1 and L2 regularisation, chosen on batch 3's tuning part while it was held out of training.
PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}


def _spans(line: str, values: list[str]) -> list[tuple[int, int]]:
    found = []
    for value in values:
        for alt in grading.alternatives(value):
            if len(alt) >= 3:
                found += [(m.start(), m.end()) for m in re.finditer(re.escape(alt), line, re.IGNORECASE)]
    return found


def said_at(case: grading.Case, key: str) -> list[tuple[int, int]]:
    """Where the line says the ``key`` ("company", "role") it records for its people (each alternative as typed,
    longest first, never overlapping)."""
    spans = sorted({s for p in case.people for s in _spans(case.line, [p.get(key, "")])}, key=lambda s: s[0] - s[1])
    kept: list[tuple[int, int]] = []
    for a, b in spans:
        if all(b <= x or a >= y for x, y in kept):
            kept.append((a, b))
    return kept


def labels(case: grading.Case) -> tuple[list[str], list[str]]:
    """The line's words, and each word's label: B-/I- MET or MEN (a name's first word, its later words), or O."""
    found = tokens(case.line)
    marks = ["O"] * len(found)
    elsewhere = [s for p in case.people for s in _spans(case.line, [p.get("company", ""), p.get("where", "")])]
    for key, kind in (("role", ROLE), ("company", ORG), ("where", WHERE)):
        for start, end in said_at(case, key):
            inside = [i for i, (_, a, b) in enumerate(found) if start <= a and b <= end]
            for k, i in enumerate(inside):
                marks[i] = f"{'I' if k else 'B'}-{kind}"
    named = [(MET, p["name"]) for p in case.people] + [(MENTIONED, n) for n in case.mentioned]
    for kind, name in named:
        said = {w for alt in grading.alternatives(name) for w in grading.name_words(alt)}
        own = _spans(case.line, [name])
        run = False
        for i, (word, start, end) in enumerate(found):
            folded = grading.words(word)
            ok = bool(folded) and folded[0] in said and (word[:1].isupper() or not is_not_a_name(folded[0]))
            inside = any(a <= start and end <= b for a, b in elsewhere) and not any(
                a <= start and end <= b for a, b in own
            )
            if ok and not inside and marks[i] == "O":
                marks[i] = f"{'I' if run else 'B'}-{kind}"
                run = True
            else:
                run = False
    return [w for w, _, _ in found], marks


def train(parts: list[str], out: Path) -> int:
    import pycrfsuite  # type: ignore[import-untyped]

    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for part in parts:
        for case in grading.load(grading.BLIND / f"{part}.jsonl"):
            words, marks = labels(case)
            trainer.append(features(words), marks)
            # The same line typed all in lower case, as many people type on phones ("met marcy holcomb at the
            # co-op"): the tagger learns names from the name dictionary and where they stand, not from capitals
            # alone. Chosen on held-out tuning parts (+2 names, -2 people lost, +2 lines fully right).
            trainer.append(features([w.lower() for w in words]), marks)
            count += 1
    trainer.set_params(PARAMS)
    trainer.train(str(out))
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=MODEL)
    parser.add_argument("--without", action="append", default=[], help="a tuning part to leave out")
    args = parser.parse_args()
    parts = [p for p in PARTS if p not in args.without and (grading.BLIND / f"{p}.jsonl").exists()]
    count = train(parts, args.out)
    print(f"{args.out}: trained on {count} lines ({', '.join(parts)}), {args.out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
