"""The planning index: what morning planning needs to find what is due, without parsing every digest row.

Planning reads the head of every user's file every morning. Parsing the whole digest (one JSON object of ~13 keys
per contact) and walking every row in Python cost more than twice the budget of 3,000 users a second, so the head
carries, beside the digest, an index written in the same snapshot (storage.py, ``serialise``):

- **columns** per contact, in digest order: id, last touch day, circle, touches, got, gave, depth, and one integer
  of flags (interests, needs, open items, an uncongratulated win, got-and-gave, a last day that is not a plain ISO
  day, a meeting not followed up);
- **orders** that turn the plentiful kinds into reading off a few entries: each circle's contacts sorted by last
  touch (overdue and long-cold sets are ranges found by bisection), each circle's contacts by their reconnect score
  once they are three cadences late (when lateness stops counting), the share and rediscover candidates by score,
  everyone by touches then last touch (helpers for a goal);
- **the few**: contacts with open items (and the items), with needs (and the needs), with a fresh win; meetings not
  followed up and birthdays, each sorted by day; an inverted index from "can" words to contacts, so a goal finds
  who can help without scanning everyone; the intro ideas (``give.intro_ideas`` on the rows when the snapshot is
  written; when rows changed since, intros are found again from the inverted index and the few candidates' rows);
- **where each row sits** in the digest's bytes, so only the rows a plan picks or inspects are ever parsed.

Every part depends on the rows alone, never on the day: the day is applied when planning (due_index.py).

A save between two snapshots appends digest rows to the file's log instead of rewriting it. Those rows are not in
the snapshot's index: ``DigestRows`` holds them apart ("loose"), marks the snapshot rows they replace or delete as
dead, and indexes the loose rows with the very same builder, so planning reads two indexes and merges.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import Any

import orjson

from bot.coach.planning.due import _CIRCLE_BONUS, RECONNECT_BASE, REDISCOVER, SHARE
from bot.coach.planning.give import intro_ideas
from bot.store.records import CIRCLE_CADENCE_DAYS, DEFAULT_CIRCLE

INDEX_VERSION = 1
CIRCLES = tuple(CIRCLE_CADENCE_DAYS)  # circle codes in the index: positions in this tuple
_CODE = {circle: code for code, circle in enumerate(CIRCLES)}
_DEFAULT_CODE = _CODE[DEFAULT_CIRCLE]
_WIDER = _CODE["wider"]
CAPPED_LATENESS = 10.0  # a reconnect's lateness part once it is 3 cadences late (due.py: min(late, 2.0) * 5.0)

# flags
INTERESTS, NEEDS, OPEN, FRESH_WIN, GOT_AND_GAVE, ODD_LAST, MEET_PENDING = 1, 2, 4, 8, 16, 32, 64

COLUMNS = ("id", "last", "circle", "touches", "got", "gave", "known", "flags")


def circle_code(circle: Any) -> int:
    """A circle this release does not know counts as the default one (as due.py treats it)."""
    return _CODE.get(circle, _DEFAULT_CODE)


def share_score(debt: int, code: int) -> float:
    """The give-first part of a share or a congratulation (due.py): people who helped without getting back first."""
    bonus = _CIRCLE_BONUS[CIRCLES[code]]
    return (debt * 4.0 if debt < 3 else 12.0) + bonus if debt > 0 else bonus


def capped_strength(touches: int, got_and_gave: bool) -> float:
    strength = touches * 0.3 + (1.0 if got_and_gave else 0.0)
    return strength if strength < 4.0 else 4.0


def _is_day(text: Any) -> bool:
    """A canonical ISO day, whose string order is its date order."""
    if not isinstance(text, str) or len(text) != 10 or text[4] != "-" or text[7] != "-":
        return False
    return _reads_as_day(text)


@functools.lru_cache(maxsize=4096)  # a notebook's last touches fall on a few hundred days
def _reads_as_day(text: str) -> bool:
    try:
        return date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _entry(row: Mapping[str, Any]) -> tuple[Any, ...]:
    """One contact's columns (see COLUMNS), from their digest row."""
    last = row["last"]
    flags = (
        (INTERESTS if "interests" in row else 0)
        | (NEEDS if "needs" in row else 0)
        | (OPEN if "open" in row else 0)
        | (FRESH_WIN if "win" in row and "congratulated" not in row else 0)
        | (GOT_AND_GAVE if "got" in row and "gave" in row else 0)
        | (0 if _is_day(last) else ODD_LAST)
        | (MEET_PENDING if "met_on" in row and "followed_up" not in row else 0)
    )
    return (
        row["id"],
        last,
        circle_code(row["circle"]),
        row["touches"],
        row.get("got", 0),
        row.get("gave", 0),
        row.get("known", 0),
        flags,
    )


def build(rows: Sequence[Mapping[str, Any]], positions: Sequence[int] | None = None) -> dict[str, Any]:
    """The index of ``rows`` (in digest order) as a JSON-ready dict. ``positions``: where each row sits in the
    whole digest's order, for rows saved since the snapshot (their intros are not found: intros pair people from
    the whole digest); by default 0, 1, 2, ...; every order below holds those positions."""
    entries = [_entry(row) for row in rows]
    at = list(positions) if positions is not None else list(range(len(rows)))
    if entries:
        columns = {name: list(values) for name, values in zip(COLUMNS, zip(*entries, strict=True), strict=True)}
    else:
        columns = {name: [] for name in COLUMNS}
    ids, lasts, codes, touches, got, gave, flags = (
        columns["id"],
        columns["last"],
        columns["circle"],
        columns["touches"],
        columns["got"],
        columns["gave"],
        columns["flags"],
    )
    local = range(len(entries))
    members: list[list[int]] = [[] for _ in CIRCLES]
    for i in local:
        members[codes[i]].append(i)
    by_last = []
    strong = []
    for code, circle in enumerate(CIRCLES):
        by_last.append([p for _, p in sorted([(lasts[i], at[i]) for i in members[code]])])
        capped = RECONNECT_BASE[circle] + CAPPED_LATENESS
        ranked = sorted(
            [
                (-(capped + capped_strength(touches[i], bool(flags[i] & GOT_AND_GAVE))), ids[i], at[i])
                for i in members[code]
                if not flags[i] & ODD_LAST
            ]
        )
        strong.append([p for _, _, p in ranked])
    # due._goal_steps: helpers by touches, then last touch, most first (a stable sort: digest order among equals)
    by_touches = [at[i] for i in sorted(local, key=lambda i: (touches[i], lasts[i]), reverse=True)]
    shares = sorted(
        [
            (-(SHARE + share_score(got[i] - gave[i], codes[i])), ids[i], at[i])
            for i in local
            if flags[i] & INTERESTS and not flags[i] & FRESH_WIN
        ]
    )
    cold = sorted([(-(REDISCOVER + (1.0 if flags[i] & INTERESTS else 0.0)), ids[i], at[i]) for i in members[_WIDER]])
    meetings = sorted([(rows[i]["met_on"], at[i]) for i in local if flags[i] & MEET_PENDING])
    birthdays = sorted([(rows[i]["birthday"], at[i]) for i in local if "birthday" in rows[i]])
    can: dict[str, list[int]] = {}
    for i in local:
        words = rows[i].get("can")
        if words:
            for word in words:
                found = can.get(word)
                if found is None:
                    can[word] = [at[i]]
                else:
                    found.append(at[i])
    return {
        "v": INDEX_VERSION,
        **columns,
        "by_last": by_last,
        "strong": strong,
        "by_touches": by_touches,
        "share": [p for _, _, p in shares],
        "cold": [p for _, _, p in cold],
        "meet": [[day for day, _ in meetings], [p for _, p in meetings]],
        "birthday": [[day for day, _ in birthdays], [p for _, p in birthdays]],
        "needs": [at[i] for i in local if flags[i] & NEEDS],
        "need_texts": [rows[i]["needs"] for i in local if flags[i] & NEEDS],
        "open": [at[i] for i in local if flags[i] & OPEN],
        "open_items": [rows[i]["open"] for i in local if flags[i] & OPEN],
        "wins": [at[i] for i in local if flags[i] & FRESH_WIN],
        "odd": [at[i] for i in local if flags[i] & ODD_LAST],
        "can": can,
        "intros": []
        if positions is not None
        else [list(idea) for idea in intro_ideas([r for r in rows if "needs" in r], [r for r in rows if "can" in r])],
    }


def encode(rows: Mapping[str, Mapping[str, Any]]) -> tuple[bytes, bytes]:
    """The digest's bytes (exactly what ``orjson.dumps(rows)`` writes) and its index's, with where each row sits.
    A digest of an odd shape gets no index ("null"): planning then parses it, and opening the notebook repairs it."""
    if not isinstance(rows, dict):
        return orjson.dumps(rows), b"null"
    keys = [orjson.dumps(key) for key in rows]
    bodies = [orjson.dumps(row) for row in rows.values()]
    starts = []
    offset = 1
    for key, body in zip(keys, bodies, strict=True):
        offset += len(key) + 1
        starts.append(offset)
        offset += len(body) + 1
    digest = b"{" + b",".join(key + b":" + body for key, body in zip(keys, bodies, strict=True)) + b"}"
    try:
        index = build(list(rows.values()))
        index["at"] = starts
        return digest, orjson.dumps(index)
    except (KeyError, TypeError, AttributeError, ValueError, IndexError):  # orjson's own errors are TypeErrors
        return digest, b"null"  # rows of an odd shape: no index, planning parses the digest (validation repairs it)


# -- reading ------------------------------------------------------------------------------------------------------

_LISTS = (
    *COLUMNS,
    *("share", "cold", "needs", "need_texts", "open", "open_items", "wins", "odd", "at", "intros", "by_last", "strong"),
    "by_touches",
)


_SAME_LENGTH = (*COLUMNS, "at", "by_touches")  # one entry per contact
_OTHER_LISTS = tuple(name for name in _LISTS if name not in _SAME_LENGTH)


def fits(index: Any) -> bool:
    """The index has the shape ``build`` gives it (lengths and containers; the values are trusted like the digest's
    rows: a notebook file is only ever written by the bot). What does not fit is ignored: planning then parses the
    digest, and the next snapshot writes a new index."""
    if type(index) is not dict or index.get("v") != INDEX_VERSION:
        return False
    get = index.get
    ids = get("id")
    if type(ids) is not list:
        return False
    n = len(ids)
    for name in _SAME_LENGTH:  # read every morning: a plain loop, no generators
        value = get(name)
        if type(value) is not list or len(value) != n:
            return False
    for name in _OTHER_LISTS:
        if type(get(name)) is not list:
            return False
    if type(get("can")) is not dict:
        return False
    if len(index["needs"]) != len(index["need_texts"]) or len(index["open"]) != len(index["open_items"]):
        return False
    if len(index["by_last"]) != len(CIRCLES) or len(index["strong"]) != len(CIRCLES):
        return False
    for name in ("meet", "birthday"):
        pair = get(name)
        if type(pair) is not list or len(pair) != 2 or len(pair[0]) != len(pair[1]):
            return False
    return True


def fits_values(index: dict[str, Any]) -> bool:
    """Every value of an index that ``fits`` has its type (checked when a notebook is opened, not every morning)."""
    n = len(index["id"])

    def ints(values: Any, below: int | None = None) -> bool:
        return isinstance(values, list) and all(
            type(v) is int and 0 <= v < (n if below is None else below) for v in values
        )

    def numbers(values: Any) -> bool:
        return isinstance(values, list) and all(type(v) is int for v in values)

    def texts(values: Any) -> bool:
        return isinstance(values, list) and all(type(v) is str for v in values)

    return (
        all(numbers(index[name]) for name in ("touches", "got", "gave", "known", "flags"))
        and ints(index["at"], 1 << 62)
        and ints(index["circle"], len(CIRCLES))
        and all(ints(index[name]) for name in ("share", "cold", "needs", "open", "wins", "odd", "by_touches"))
        and all(isinstance(items, list) and all(_item_fits(item) for item in items) for items in index["open_items"])
        and all(texts(index[name]) for name in ("id", "last"))
        and all(isinstance(needs, list) and texts(needs) for needs in index["need_texts"])
        and all(texts(days) and ints(at) for days, at in (index["meet"], index["birthday"]))
        and all(ints(order) for order in (*index["by_last"], *index["strong"]))
        and all(type(word) is str and ints(at) for word, at in index["can"].items())
        and all(isinstance(idea, list) and len(idea) == 4 and texts(idea) for idea in index["intros"])
    )


def _item_fits(item: Any) -> bool:
    """An open item as summary.OpenItem has it."""
    return (
        isinstance(item, dict)
        and all(type(item.get(key)) is str for key in ("id", "kind", "made_on", "text"))
        and type(item.get("due_on", "")) is str
        and type(item.get("said", "")) is str
    )


def matches(index: Any, digest: Mapping[str, Any]) -> bool:
    """The index is exactly what the builder makes of these digest rows (``nurture check``)."""
    if not fits(index):
        return False
    try:
        expected = build(list(digest.values()))
    except (KeyError, TypeError, AttributeError, ValueError, IndexError):
        return False
    # "people" (first names, companies, introducers and gives as one string) was written by releases before 2026-12
    # and is no longer read: intros from changed rows read the few candidates' rows instead.
    return {k: v for k, v in index.items() if k not in ("at", "people")} == expected


class DigestRows(Mapping[str, Any]):
    """The digest as a read-only mapping of contact id -> row, parsed row by row when asked for, with its index.

    ``snapshot`` is the digest's bytes as written with the snapshot, ``index`` their index (see ``build``), ``log``
    the digest changes appended since, in order: (contact id, row or None for a deletion).
    """

    def __init__(
        self, snapshot: bytes | memoryview, index: dict[str, Any], log: Sequence[tuple[str, Any]] = ()
    ) -> None:
        self._bytes = snapshot
        self.index = index
        self._ids: list[str] = index["id"]
        self.parsed: dict[int, Any] = {}  # snapshot position -> its row, once parsed
        self._position: dict[str, int] | None = None
        self._lookups = 0
        self.dead: set[int] = set()  # snapshot positions replaced or deleted by the log
        self.loose: dict[str, Any] = {}  # rows the log set, in digest order
        self.loose_at: dict[str, int] = {}  # where each sits in the whole digest's order
        self._loose_index: dict[str, Any] | None = None
        self._columns: dict[str, list[Any]] = {}
        self._loose_by_at: dict[int, str] | None = None
        self._log = log
        if log:
            self._apply(log)

    def _apply(self, log: Sequence[tuple[str, Any]]) -> None:
        """A dict's order under the same sets and deletions: a row set again keeps its place, a new one goes last."""
        position = self._positions()
        appended: dict[str, Any] = {}
        replaced: dict[int, tuple[str, Any]] = {}
        for key, row in log:
            if key in appended:
                if row is None:
                    del appended[key]
                else:
                    appended[key] = row
            elif key in position and position[key] not in self.dead:
                if row is None:
                    self.dead.add(position[key])
                    replaced.pop(position[key], None)
                else:
                    replaced[position[key]] = (key, row)
            elif row is not None:
                appended[key] = row
        for at in sorted(replaced):
            key, row = replaced[at]
            self.dead.add(at)
            self.loose[key], self.loose_at[key] = row, at
        for n, (key, row) in enumerate(appended.items(), len(self._ids)):
            self.loose[key], self.loose_at[key] = row, n

    def _positions(self) -> dict[str, int]:
        if self._position is None:
            self._position = dict(zip(self._ids, range(len(self._ids)), strict=True))
        return self._position

    # -- rows -------------------------------------------------------------------------------------------------------

    def at(self, position: int) -> Any:
        """The snapshot row at ``position`` (parsed once)."""
        row = self.parsed.get(position)
        if row is None:
            starts = self.index["at"]
            start = starts[position]
            if position + 1 < len(starts):
                key = self._ids[position + 1]  # the next row's key sits before its start: ',"key":'
                end = starts[position + 1] - (
                    len(key) + 4 if key.isalnum() and key.isascii() else len(orjson.dumps(key)) + 2
                )
            else:
                end = len(self._bytes) - 1
            row = self.parsed[position] = orjson.loads(self._bytes[start:end])
        return row

    def __getitem__(self, key: str) -> Any:
        if self.loose and key in self.loose:
            return self.loose[key]
        if self._position is None and self._lookups < 8:  # a plan looks up a few people: no need for a dict
            self._lookups += 1
            try:
                position = self._ids.index(key)
            except ValueError:
                raise KeyError(key) from None
        else:
            position = self._positions().get(key)  # type: ignore[assignment]
            if position is None:
                raise KeyError(key)
        if position in self.dead:
            raise KeyError(key)
        return self.at(position)

    def __iter__(self) -> Iterator[str]:
        if not self.loose and not self.dead:
            return iter(self._ids)
        order = [(at, key) for at, key in enumerate(self._ids) if at not in self.dead]
        order += [(at, key) for key, at in self.loose_at.items()]
        return iter([key for _, key in sorted(order)])

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __len__(self) -> int:
        return len(self._ids) - len(self.dead) + len(self.loose)

    def __contains__(self, key: object) -> bool:
        return (key in self.loose) or (key in self._positions() and self._positions()[key] not in self.dead)  # type: ignore[index]

    def plain(self) -> dict[str, Any]:
        """Every row, parsed from the digest's bytes and the log without the index (what planning falls back to
        if the index ever fails it)."""
        rows = orjson.loads(self._bytes)
        for key, row in self._log:
            if row is None:
                rows.pop(key, None)
            else:
                rows[key] = row
        return rows  # type: ignore[no-any-return]

    def lasts(self) -> list[str]:
        """Every contact's last touch day (summary.Row "last"), without parsing the rows."""
        found = [last for at, last in enumerate(self.index["last"]) if at not in self.dead]
        return found + [row.get("last", "") for row in self.loose.values()]

    def problem(self) -> str:
        """What is wrong with the head's index, or "" (``nurture check``): it must be what the builder makes of the
        snapshot's digest, and point at each row's bytes."""
        snapshot = orjson.loads(self._bytes)
        if not isinstance(snapshot, dict) or not matches(self.index, snapshot):
            return "the planning index disagrees with the digest"
        if any(self.at(n) != row for n, row in enumerate(snapshot.values())):
            return "the planning index points at the wrong digest rows"
        return ""

    # -- for planning -----------------------------------------------------------------------------------------------

    def row(self, position: int) -> Any:
        """The row at a position of the whole digest's order (a snapshot position, or a loose row's)."""
        if position in self.dead or position >= len(self._ids):
            return self.loose[self._loose_keys()[position]]
        return self.at(position)

    def _loose_keys(self) -> dict[int, str]:
        if self._loose_by_at is None:
            self._loose_by_at = {at: key for key, at in self.loose_at.items()}
        return self._loose_by_at

    def planning(self) -> tuple[list[dict[str, Any]], dict[str, list[Any]]]:
        """What planning reads: the indexes (the snapshot's, and the loose rows' when there are any) and the columns
        by position in the whole digest's order (a loose row's values where it replaced a snapshot row)."""
        if not self.loose:
            return [self.index], self.index
        if self._loose_index is None:
            self._loose_index = build(list(self.loose.values()), [self.loose_at[key] for key in self.loose])
            self._columns = self._combined(self.index, self._loose_index, COLUMNS)
        return [self.index, self._loose_index], self._columns

    def _combined(
        self, snapshot: Mapping[str, list[Any]], loose: Mapping[str, list[Any]], names: Sequence[str]
    ) -> dict[str, list[Any]]:
        """Columns by position in the whole digest's order: a loose row's values where it replaced a snapshot row."""
        size = len(self._ids) + sum(1 for at in self.loose_at.values() if at >= len(self._ids))
        spots = list(self.loose_at.values())
        columns = {}
        for name in names:
            column = snapshot[name] + [None] * (size - len(self._ids))
            for at, value in zip(spots, loose[name], strict=True):
                column[at] = value
            columns[name] = column
        return columns
