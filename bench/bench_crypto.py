"""What encryption at rest (COACH_DATA_KEY, bot/store/crypto.py) costs: per save and per morning plan.

    python bench/bench_crypto.py [--contacts 100 1000] [--saves 300] [--plans 200]

For each notebook size, one synthetic notebook (synthetic.py, the bot's own digest) is written plaintext and a
copy sealed with a key (``reseal``, as ``nurture rotate-key`` does). Then, plaintext against sealed:

1. save: ``notebook.save_contact`` of one changed contact, the bot's normal save (one appended, fsynced line;
   every few hundred saves a whole atomic rewrite). The fsync dominates; the pure sealing cost is shown apart.
2. plan from the head: a fresh ``Store.glance`` (reads only the head: digest and state) + ``delivery.plan``.
3. full open + plan: ``Store.notebook`` (the whole file) + ``plan_for``, what the morning job does.

p50 / p99 in ms. Files were just written, so they come from the page cache.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import synthetic  # noqa: F401 - puts the repo on sys.path
from synthetic import notebook_document, write_notebook

from bot.coach.journal.delivery import plan, plan_for
from bot.notebooks import open_store
from bot.store.crypto import Codec, generate_key, reseal
from bot.store.logfile import head_length

TODAY = date(2026, 3, 10)
USER = 1


def p99(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.99) - 1)]


def timed(samples: int, action: Callable[[int], object]) -> list[float]:
    times = []
    for n in range(samples):
        started = time.perf_counter()
        action(n)
        times.append(time.perf_counter() - started)
    return times


def show(label: str, plain: list[float], sealed: list[float]) -> None:
    p50p, p50s = statistics.median(plain), statistics.median(sealed)
    print(
        f"  {label:<28} plaintext p50 {p50p * 1000:7.3f} / p99 {p99(plain) * 1000:7.3f} ms   "
        f"encrypted p50 {p50s * 1000:7.3f} / p99 {p99(sealed) * 1000:7.3f} ms   "
        f"(+{(p50s - p50p) * 1000:.3f} ms, x{p50s / p50p:.2f})",
        flush=True,
    )


def glance_and_plan(folder: Path, key: Codec | None) -> None:
    glance = open_store(folder, codec=key).glance(USER)
    plan(glance.rows, glance.state, TODAY)


def open_and_plan(folder: Path, key: Codec | None) -> None:
    plan_for(open_store(folder, codec=key).notebook(USER), TODAY)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contacts", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--plans", type=int, default=200)
    args = parser.parse_args()
    codec = Codec.from_text(generate_key())

    for contacts in args.contacts:
        root = Path(tempfile.mkdtemp(prefix="nurture-bench-crypto-"))
        try:
            plain_dir, sealed_dir = root / "plain", root / "sealed"
            (plain_dir / "users").mkdir(parents=True)
            (sealed_dir / "users").mkdir(parents=True)
            write_notebook(plain_dir / "users", USER, notebook_document(USER, contacts, TODAY, random.Random(7)))
            raw = (plain_dir / "users" / f"{USER}.json").read_bytes()
            started = time.perf_counter()
            sealed_bytes = reseal(raw, None, codec, str(USER), head_length)
            reseal_time = time.perf_counter() - started
            (sealed_dir / "users" / f"{USER}.json").write_bytes(sealed_bytes)
            print(
                f"{contacts} contacts: file {len(raw) / 1e3:,.0f} kB plaintext, {len(sealed_bytes) / 1e3:,.0f} kB "
                f"encrypted (x{len(sealed_bytes) / len(raw):.2f}); sealing the whole file {reseal_time * 1000:.1f} ms"
            )

            # Plans first, on the files as written, plaintext and encrypted sample by sample in turn (a shared
            # machine drifts); then the saves, which grow each file's log.
            stores = {"plain": (plain_dir, None), "sealed": (sealed_dir, codec)}
            results: dict[str, dict[str, list[float]]] = {kind: {} for kind in stores}
            for label, samples, measure in (
                ("plan from the head", args.plans, glance_and_plan),
                ("full open + plan", max(20, args.plans // 5), open_and_plan),
            ):
                for kind in stores:
                    results[kind][label] = []
                for _ in range(samples):
                    for kind, (folder, key) in stores.items():
                        started = time.perf_counter()
                        measure(folder, key)
                        results[kind][label].append(time.perf_counter() - started)
            opened = {kind: open_store(folder, codec=key).notebook(USER) for kind, (folder, key) in stores.items()}
            for kind in stores:
                results[kind]["save (appended, fsynced)"] = []
            for n in range(args.saves):
                for kind, notebook in opened.items():
                    contact = notebook.contacts()[n % contacts]
                    contact.role = f"role {n}"
                    started = time.perf_counter()
                    notebook.save_contact(contact)
                    results[kind]["save (appended, fsynced)"].append(time.perf_counter() - started)
            for label in results["plain"]:
                show(label, results["plain"][label], results["sealed"][label])
            line = b'[["contacts","abcd1234",{"id":"abcd1234","name":"Jane Doe","company":"Acme","role":"CTO"}]]\n'
            seal = timed(2000, lambda n, line=line: codec.seal_line(line, "1"))
            print(f"  sealing one change line alone: p50 {statistics.median(seal) * 1e6:.1f} us", flush=True)
        finally:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
