"""Domain errors. Each one is something the user can be told about in plain words.

The handlers map every class here to a friendly message in one place (bot/handlers/errors.py); anything not
listed is a bug, logged with its traceback, and the user gets a short apology instead.
"""

from __future__ import annotations

from pathlib import Path


class CoachError(Exception):
    """Base of every error the user may be told about."""


class UnreadableData(CoachError):
    """A user's notebook file exists but cannot be parsed. It is moved aside, never overwritten."""

    def __init__(self, path: Path, reason: str, moved_to: Path | None = None) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.moved_to = moved_to


class NotUnderstood(CoachError):
    """The words could not be turned into an action; ``hint`` says how to phrase it."""

    def __init__(self, hint: str) -> None:
        super().__init__(hint)
        self.hint = hint


class UnknownContact(CoachError):
    """No contact matches a name; ``suggestions`` are close names, best first."""

    def __init__(self, query: str, suggestions: list[str] | None = None) -> None:
        super().__init__(query)
        self.query = query
        self.suggestions = suggestions or []


class BadImportFile(CoachError):
    """A contacts file that cannot be imported: ``line`` is where (1-based; 0 for the file as a whole) and
    ``problem`` says what is wrong, in plain words. Nothing from such a file is imported."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(f"line {line}: {problem}")
        self.line = line
        self.problem = problem
