"""Where one notebook's bytes live, and the three things storage does with them: read them whole, append one line
durably, replace them whole atomically.

Everything else a notebook's storage does (the format of logfile.py, the records read lazily, compaction, the
hints of what changed, encryption) is the same wherever the bytes are, so it lives once, in storage.py, over a
``Pages``:

- ``folder.FilePages``: a file in the data folder (disk.py makes the append durable and the replace atomic);
- ``database.RowPages``: a snapshot row and one row per appended line in PostgreSQL.

Both give back exactly the bytes a notebook file holds (the snapshot line, then the change lines, sealed with
COACH_DATA_KEY when it is set), so one reader, and one migration that copies lines as they are, serve both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, Protocol


class Copy(NamedTuple):
    """Something that holds (or held) part of a notebook beside it: a copy set aside, a side file, a notice, a
    temporary file a crash left. A contact's deletion reads each and deletes those that mention them."""

    name: str
    read: Callable[[], bytes]
    delete: Callable[[], None]


class Pages(Protocol):
    name: str  # how messages and errors name the notebook ("4242.json")
    owner: str  # the user id its sealed lines are bound to (crypto.py)

    def read(self) -> bytes | None:
        """The whole notebook as a file holds it; None when there is none (or it is empty)."""
        ...

    def append(self, line: bytes) -> None:
        """Add one line; when this returns it is kept, whatever happens next."""
        ...

    def replace(self, payload: bytes) -> None:
        """Replace the whole notebook so that a crash at any instant leaves either the old or the new one."""
        ...

    def keep_copy(self, why: str) -> str:
        """Keep a copy of the notebook as it is now for the operator (it had a damaged line); its name."""
        ...

    def copies(self) -> list[Copy]:
        """Everything beside the notebook that holds some of its data (see ``Copy``)."""
        ...
