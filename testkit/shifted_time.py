"""A clock the tests can move forward under a real process: libfaketime, preloaded into the bot, reads its offset
from a file, so a test waits seconds, not minutes, for a morning that the process schedules at a wall-clock minute.

Every process started with ``env`` shares one offset (they see the same time as each other, ahead of the test's own
clock by the offset). Wall time and the monotonic clock move together, so the asyncio timers and APScheduler's
wake-ups inside the process fire when the clock jumps past them, as they would when the time came.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import libfaketime

RELOAD_S = 1  # how often each process reads the offset again: a jump is seen by all of them within a second


class ShiftedTime:
    """The offset file, and the environment that puts a process on it."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "faketime-offset"
        self.offset_s = 0.0
        self.path.write_text("+0s\n")

    def env(self) -> dict[str, str]:
        _, preload = libfaketime.get_reload_information()
        return {
            "LD_LIBRARY_PATH": preload["LD_LIBRARY_PATH"],
            "LD_PRELOAD": preload["LD_PRELOAD"],
            "FAKETIME_TIMESTAMP_FILE": str(self.path),
            "FAKETIME_CACHE_DURATION": str(RELOAD_S),
        }

    @staticmethod
    def forget(pid: int) -> None:
        """Remove what libfaketime shares in /dev/shm for a process that ended: a process killed with SIGKILL
        leaves its segment and semaphore behind."""
        for name in (f"faketime_shm_{pid}", f"sem.faketime_sem_{pid}"):
            Path("/dev/shm", name).unlink(missing_ok=True)

    def jump_to(self, moment: datetime) -> None:
        """Move the processes' clocks so that it is ``moment`` for them now (forward only)."""
        offset = (moment - datetime.now(moment.tzinfo)).total_seconds()
        assert offset >= self.offset_s, "the shifted clock only moves forward"
        self.offset_s = offset
        self.path.write_text(f"+{offset:.3f}s\n")
