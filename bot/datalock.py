"""One writer per data folder: an exclusive lock on ``COACH_DATA_DIR`` itself, held for the life of the process.

Two bots (or a bot and a console) on one folder would each keep their own copy of a user's notebook in memory and
save over each other: confirmed saves lost, mornings sent twice. The lock is ``fcntl.flock`` on the folder (opened
read-only), not on a file inside it: a lock file can be deleted by a tidy-minded operator, after which a second
bot would lock a new file of the same name and start; a folder that is in use cannot be swapped that way. The
kernel releases the lock when the process ends however it ends (SIGKILL included), so a crash never leaves a
stale lock behind. A small note beside it (``.lock``) records the holder's pid so the refusal can name it; it is
only a note, and deleting it changes nothing.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from typing import NamedTuple

PID_NOTE = ".lock"
# Someone may hold the folder for an instant without running a bot (``nurture health`` looks whether a bot holds
# it): a refusal is only given once the folder stayed taken this long.
PATIENCE_S = 0.3


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
    """Take the folder for this process (creating it, private to its owner) or raise DataFolderBusy.

    The lock lives as long as the returned descriptor, normally the whole process: keep a reference to it.
    """
    path = Path(folder).resolve()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        _take(fd, fcntl.LOCK_EX, PATIENCE_S)
    except BlockingIOError:
        os.close(fd)
        raise DataFolderBusy(path, holder(path)) from None
    except BaseException:
        os.close(fd)
        raise
    note = os.open(path / PID_NOTE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(note, f"{os.getpid()}\n".encode())
    finally:
        os.close(note)
    return DataFolderLock(path, fd)


def held_by_another(folder: str | os.PathLike[str]) -> bool:
    """Whether some process holds the folder (a bot runs on it), asked without waiting and without creating it."""
    fd = os.open(Path(folder), os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # releases the shared lock at once, if it was taken
    return False


def holder(folder: Path) -> int | None:
    """The pid the holder noted, when the note is still there."""
    try:
        text = (folder / PID_NOTE).read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def _take(fd: int, kind: int, patience: float) -> None:
    deadline = time.monotonic() + patience
    while True:
        try:
            fcntl.flock(fd, kind | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise
        time.sleep(0.02)
