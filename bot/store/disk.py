"""How bytes reach the disk durably: every byte Nurture writes goes through ``write_atomically`` or
``append_durably``.

- ``write_atomically`` writes a temporary file beside the target, fsyncs it, renames it over the target with
  ``os.replace`` and fsyncs the folder: a crash at any instant leaves either the old file or the new one.
- ``append_durably`` appends one line and fsyncs it: when it returns, the line is on disk.

Files are private to their owner: temporary files are created 0600 by ``mkstemp`` and ``os.replace`` keeps that.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path

FILE_MODE, FOLDER_MODE = 0o600, 0o700


def temp_prefix(path: Path) -> str:
    """Temporary files are hidden and named after their target, so a deletion finds them (folder.copies_of)."""
    return f".{path.name}."


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload`` so that a crash at any instant leaves either the old or the new file."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    fsync_folder(folder)


def append_durably(path: Path, line: bytes) -> None:
    """Append one line and fsync it. The file already exists (its creation was fsynced with its folder)."""
    with open(path, "ab") as handle:
        handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())


def read_file(path: str | os.PathLike[str]) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def fsync_folder(folder: Path) -> None:
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
