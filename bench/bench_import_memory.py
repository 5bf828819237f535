"""What a huge contacts file costs: the peak memory and time of reading and previewing it, in a fresh process each.

    python bench/bench_import_memory.py [--rows 1000000]

A generated LinkedIn Connections.csv of ``--rows`` rows (a million rows is about 105 MB; Telegram hands bots files
up to 20 MB and the bot refuses more than 15 MB before downloading, so the file is also measured cut to 15 MB) and one
at the cap (50,000 rows), each read and previewed in a child process. Prints the file size, the time, what came of it
(refused, or the people previewed) and the child's peak resident memory (VmHWM: ru_maxrss would report this
process's own size, which a child keeps across fork and exec) against a child that only imports the bot.

Target: a file past the cap is refused with a clear message, memory bounded by the cap (not by the file).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MAX_BYTES = 15_000_000

CHILD = """
import resource, sys, time
sys.path.insert(0, {repo!r})
from bot.coach.errors import BadImportFile
from bot.coach.network.files import read_file
from bot.coach.network.imports import preview
data = open({path!r}, "rb").read() if {path!r} else b""
start = time.perf_counter()
outcome = "nothing read"
if data:
    try:
        outcome = f"{{len(preview(read_file('Connections.csv', data), []).people):,}} people previewed"
    except BadImportFile as error:
        outcome = f"refused: {{error.problem}}"
took = time.perf_counter() - start
try:
    status = open("/proc/self/status").read()
    peak = int(status.split("VmHWM:", 1)[1].split()[0]) / 1024
except (OSError, IndexError):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{{took:.2f}}|{{peak:.0f}}|{{outcome}}")
"""


def connections_csv(rows: int) -> bytes:
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    start = date(2015, 1, 1)
    for n in range(rows):
        day = (start + timedelta(days=n % 3650)).strftime("%d %b %Y")
        lines.append(f"First{n},Last{n},https://www.linkedin.com/in/p{n},p{n}@example.com,Acme,Engineer,{day}")
    return ("\r\n".join(lines) + "\r\n").encode()


def measure(path: str) -> tuple[str, str, str]:
    code = CHILD.format(repo=str(REPO), path=path)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    took, peak, outcome = out.split("|", 2)
    return took, peak, outcome


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    _, baseline, _ = measure("")
    print(f"a process that only imports the bot: peak {baseline} MB")
    with tempfile.TemporaryDirectory(prefix="bench-import-memory-") as folder:
        huge = connections_csv(args.rows)
        cut = huge[: huge.rindex(b"\r\n", 0, MAX_BYTES)]
        files = {
            f"{args.rows:,} rows, whole": huge,
            f"{args.rows:,} rows, cut to 15 MB (the most the bot downloads)": cut,
            "50,000 rows (the cap)": connections_csv(50_000),
        }
        for label, data in files.items():
            path = Path(folder) / "Connections.csv"
            path.write_bytes(data)
            took, peak, outcome = measure(str(path))
            print(f"{label}: {len(data) / 1e6:.1f} MB; {took} s; peak {peak} MB; {outcome}")


if __name__ == "__main__":
    main()
