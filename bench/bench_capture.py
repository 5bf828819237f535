"""Capture: accuracy per field on the phone-typed corpus (tests/corpus/lines.txt), and parse time per line.

Run: python bench/bench_capture.py [--misses FIELD]
Prints one row per field (right / scored, accuracy) and the parse time p50 / p99 / max over every corpus line,
each parsed several times (the first pass warms caches, as a running bot would have). Wall-clock time includes
waiting for a core on a busy machine; the CPU time of the parsing thread is printed too.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.coach.reading.capture import understand
from tests.corpus.scoring import FIELDS, TODAY, load, read_with_nurture, score

ROUNDS = 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", default="", help="print the lines a field got wrong")
    args = parser.parse_args()
    cases = load()
    result = score(cases, read_with_nurture)
    people = sum(len(c.people) for c in cases)
    print(f"corpus: {len(cases)} lines, {people} people")
    print(f"{'field':<10} {'right':>6} {'scored':>7} {'accuracy':>9}")
    for field in FIELDS:
        print(f"{field:<10} {result.right[field]:>6} {result.total[field]:>7} {result.accuracy(field):>9.1%}")
    print(f"lines that lost a person: {len(result.lost_people)}")
    if args.misses:
        for miss in result.misses[args.misses] if args.misses != "lost" else result.lost_people:
            print("  ", miss)

    for case in cases:  # warm up
        understand(case.text, TODAY)
    timings: list[float] = []
    cpu: list[float] = []
    for _ in range(ROUNDS):
        for case in cases:
            start, start_cpu = time.perf_counter(), time.thread_time()
            understand(case.text, TODAY)
            cpu.append((time.thread_time() - start_cpu) * 1000)
            timings.append((time.perf_counter() - start) * 1000)
    per_line_best = sorted(min(timings[k :: len(cases)]) for k in range(len(cases)))
    timings.sort()
    p50 = statistics.median(timings)
    p99 = timings[int(len(timings) * 0.99) - 1]
    print(f"parse: {len(timings)} parses, p50 {p50:.3f} ms, p99 {p99:.3f} ms, max {timings[-1]:.3f} ms per line")
    cpu.sort()
    cpu_p99 = cpu[int(len(cpu) * 0.99) - 1]
    print(f"parse CPU time (this thread only): p50 {statistics.median(cpu):.3f} ms, p99 {cpu_p99:.3f} ms")
    # The machine is shared: the slowest line's best time shows the parser's own cost without scheduling noise.
    print(f"slowest line, best of {ROUNDS}: {per_line_best[-1]:.3f} ms")


if __name__ == "__main__":
    main()
