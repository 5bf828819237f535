"""The data folder's layout: every path and suffix Nurture writes under ``COACH_DATA_DIR``, named in one place.

    <data dir>/                                 0700
        .rekey                                  a key rotation in progress (crypto.py, REKEY_JOURNAL)
        users/                                  0700
            <user id>.json                      the user's notebook: a snapshot and a log of changes (logfile.py)
            <user id>.json.side-<name>          a file kept beside it (an import waiting for the user's answer)
            <user id>.json.notice               what the user is told at their next contact; no personal data
            <user id>.json.unreadable-<stamp>   a notebook set aside as unreadable, kept for the operator
            <user id>.json.damaged-<stamp>      the original of a notebook with a damaged line, kept before its
                                                next rewrite
            .<user id>.json.<random>.tmp        a file being written atomically (a crash may leave one)

Every file a user's data can be in is found by ``copies_of``: deleting a user deletes all of them.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from bot.store.disk import FOLDER_MODE, fsync_folder, temp_prefix, write_atomically

SUFFIX = ".json"
SIDE = ".side-"
NOTICE = ".notice"
SET_ASIDE = (".unreadable-", ".damaged-")


class DataFolder:
    """Where every file of every user lives."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.users = self.root / "users"
        self._prefix = os.path.join(self.users, "")

    def create(self) -> None:
        """Make the folders, readable by their owner only (other people on the machine never read anyone's notes)."""
        self.users.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
        for folder in (self.root, self.users):
            os.chmod(folder, FOLDER_MODE)

    def notebook(self, user_id: int) -> Path:
        return Path(self.notebook_name(user_id))

    def notebook_name(self, user_id: int) -> str:
        """The notebook's path as a plain string: built for every user at start-up, where pathlib costs."""
        return f"{self._prefix}{int(user_id)}{SUFFIX}"

    def side(self, user_id: int, name: str) -> Path:
        return self.users / f"{int(user_id)}{SUFFIX}{SIDE}{name}"

    def notice(self, user_id: int) -> Path:
        return self.users / f"{int(user_id)}{SUFFIX}{NOTICE}"

    def user_ids(self) -> list[int]:
        """Every user with a notebook on disk."""
        ids = []
        with os.scandir(self.users) as entries:
            for entry in entries:
                stem, _, ext = entry.name.partition(".")
                if ext == SUFFIX[1:] and stem.isdigit():
                    ids.append(int(stem))
        return sorted(ids)

    def notebooks(self) -> list[Path]:
        return [self.notebook(user_id) for user_id in self.user_ids()]

    def set_aside(self, path: Path, why: str = "unreadable", *, copy: bool = False) -> Path:
        """Move (or copy) a notebook out of the way under a name that says why and when; never over an earlier one."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        target = path.with_name(f"{path.name}.{why}-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = path.with_name(f"{path.name}.{why}-{stamp}-{n}")
        if copy:
            write_atomically(target, path.read_bytes())
        else:
            os.replace(path, target)
            fsync_folder(path.parent)
        return target


def copies_of(path: Path) -> list[Path]:
    """Every file other than the notebook itself that holds (or held) some of its data: copies set aside, temporary
    files a crash left half-written, side files and the notice."""
    return [
        *(copy for why in SET_ASIDE for copy in path.parent.glob(f"{path.name}{why}*")),
        *path.parent.glob(f"{temp_prefix(path)}*.tmp"),
        *path.parent.glob(f"{path.name}{SIDE}*"),
        *path.parent.glob(f"{path.name}{NOTICE}"),
    ]
