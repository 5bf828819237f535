"""One writer per data folder: an exclusive lock on ``COACH_DATA_DIR`` held for the life of the process.

Two bots (or a bot and a console) on one folder would each keep their own copy of a user's notebook in memory and
save over each other: confirmed saves lost, mornings sent twice. ``fcntl.flock`` on a file inside the folder is
released by the kernel when the process ends however it ends (SIGKILL included), so a crash never leaves a stale
lock behind, and the file records the holder's pid so the refusal can name it.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import NamedTuple

LOCK_NAME = ".lock"


class DataFolderBusy(Exception):
    """Another process holds the data folder."""

    def __init__(self, folder: Path, pid: int | None) -> None:
        self.folder = folder
        self.pid = pid
        who = f"process {pid}" if pid else "another process"
        super().__init__(
            f"the data folder {folder} is in use by {who} (another Nurture bot or console). "
            "Stop that one first: two on one folder would overwrite each other's saves."
        )


class DataFolderLock(NamedTuple):
    folder: Path
    fd: int

    def release(self) -> None:
        os.close(self.fd)  # closing the descriptor drops the lock


def lock_data_folder(folder: str | os.PathLike[str]) -> DataFolderLock:
    """Take the folder for this process (creating it, private to its owner) or raise DataFolderBusy at once.

    The lock lives as long as the returned descriptor, normally the whole process: keep a reference to it.
    """
    path = Path(folder).resolve()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    fd = os.open(path / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        pid = _holder(fd)
        os.close(fd)
        raise DataFolderBusy(path, pid) from None
    except BaseException:
        os.close(fd)
        raise
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    return DataFolderLock(path, fd)


def _holder(fd: int) -> int | None:
    text = os.pread(fd, 32, 0).decode(errors="replace").strip()
    return int(text) if text.isdigit() else None
