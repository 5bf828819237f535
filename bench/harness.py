"""What every benchmark shares: percentiles, a stall ticker for the event loop, temporary data folders, and emptying
the bot's per-process caches between passes. Benchmarks import this, never the tests."""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import synthetic  # noqa: F401 - puts the repo on sys.path


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100) of ``values``, nearest rank."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def forget_caches() -> int:
    """Empty the bot's per-process caches (every lru_cache of a bot module), so a pass is not flattered by what an
    earlier one left there: synthetic notebooks repeat a handful of texts, real users' texts are their own. Returns
    how many caches were emptied."""
    emptied = 0
    for name, module in list(sys.modules.items()):
        if name == "bot" or name.startswith("bot."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
                    emptied += 1
    return emptied


@contextmanager
def temp_data(prefix: str = "nurture-bench-") -> Iterator[Path]:
    """A data folder of its own, removed at the end."""
    root = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


class StallTicker:
    """Measures the event loop's responsiveness: a task that wakes every ``every`` seconds records how late it was;
    ``longest`` is the longest stall seen."""

    def __init__(self, every: float = 0.005) -> None:
        self.every = every
        self.longest = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        while True:
            started = time.perf_counter()
            await asyncio.sleep(self.every)
            self.longest = max(self.longest, time.perf_counter() - started - self.every)

    def __enter__(self) -> StallTicker:
        self._task = asyncio.get_running_loop().create_task(self._tick())
        return self

    def __exit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()
