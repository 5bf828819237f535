"""What is due today, found through the planning index (plan_index.py) instead of a pass over every digest row.

The same rules and scores as ``due.all_due``, which stays the plain reading of them (it plans notebooks held in
memory); the result is the same list, item for item (tests/coach/test_plan_index.py checks it on many random
notebooks and days). What changes is how the candidates are found:

- debts come from the short lists of contacts with open items, fresh wins, needs, meetings not followed up (by day)
  and birthdays (by day);
- a circle's overdue contacts are a range of its contacts sorted by last touch; once three cadences late every one
  of them has the same lateness, so the best few are read off the order by strength; the few in between are scored;
- shares are read off their order by score, skipping those the day rules out; long-cold contacts are a range of
  the wider circle's order by last touch when they are few, else read off their order by score;
- helpers for a goal and people who can meet a need come from the inverted index of "can" words.

Rows are parsed only when they are read: a candidate about one person carries the row's position as its detail (or
its debt's row), and ``wording.write`` reads the row only for what a plan picks; a helper's row is read to say what
the goal asks of them; a job lead's or an intro's row is read when its details are (``LazyRow``).
"""

from __future__ import annotations

import bisect
import functools
import heapq
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import Any, cast

from bot.coach.planning.due import (
    BIRTHDAY,
    HELPERS_PER_GOAL,
    NICE_TO_MEET,
    RECONNECT_ORDER,
    REDISCOVER,
    SHARE,
    WIN,
    Due,
    _age,
    _day_number,
    _goal_steps_after_helpers,
    _goal_views,
    _need_gives_from,
    _open_items,
    days_that_matter,
    new_due,
    tuple_maker,
)
from bot.coach.planning.give import CANDIDATES_PER_WORD, IntroIdea, intros_from, needed_words
from bot.coach.planning.plan_index import (
    _CODE,
    CAPPED_LATENESS,
    GOT_AND_GAVE,
    INTERESTS,
    DigestRows,
    capped_strength,
    share_score,
)
from bot.coach.planning.strength import TieSignals, strength_from
from bot.coach.planning.summary import Row

_WIDER = _CODE["wider"]
new_intro = tuple_maker(IntroIdea)
new_signals = tuple_maker(TieSignals)
COLD_SCORED = 12  # long-cold contacts scored one by one when there are this few


class LazyRow(Mapping[str, Any]):
    """A digest row that starts from what the index already says about it (someone's id and needs), and is parsed
    the first time anything else is read (a job lead's or an intro's details)."""

    __slots__ = ("_known", "_position", "_row", "_rows")

    def __init__(self, rows: DigestRows, position: int, known: Mapping[str, Any] | None = None) -> None:
        self._rows = rows
        self._position = position
        self._row: Mapping[str, Any] | None = None
        self._known = known

    def _get(self) -> Mapping[str, Any]:
        if self._row is None:
            self._row = self._rows.row(self._position)
        return self._row

    def __getitem__(self, key: str) -> Any:
        row = self._row  # once parsed, the row says everything (what the index knew is the same)
        if row is None:
            known = self._known
            if known is not None and key in known:
                return known[key]
            row = self._get()
        return row[key]

    def get(self, key: str, default: Any = None) -> Any:
        row = self._row
        if row is None:
            known = self._known
            if known is not None and key in known:
                return known[key]
            row = self._get()
        return row.get(key, default)

    def __contains__(self, key: object) -> bool:
        known = self._known
        return (known is not None and key in known) or key in self._get()

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


def all_due_indexed(
    rows: DigestRows,
    today: date,
    *,
    goals: Sequence[Mapping[str, Any]] = (),
    offers: Sequence[str] = (),
    keep: int | None = None,
) -> list[Due]:
    """``due.all_due`` for a digest read with its index: the same items in the same order."""
    indexes, columns = rows.planning()
    dead = rows.dead
    days = days_that_matter(today)
    iso, meet_from, win_to, share_to = days.today, days.meet_from, days.win_to, days.share_to
    rules, cold_before = days.rules, days.cold_before
    today_number = today.toordinal()
    lasts = columns["last"]
    ids = columns["id"]
    views = _goal_views(goals)
    row = rows.row

    due: list[Due] = []
    for part, index in enumerate(indexes):
        live = (lambda at: at not in dead) if part == 0 and dead else None
        met_days, met_at = index["meet"]
        low, high = bisect.bisect_left(met_days, meet_from), bisect.bisect_left(met_days, iso)
        for at in met_at[low:high]:
            if live is None or live(at):
                detail = row(at)
                days_since = _age(detail["met_on"], today_number)
                due.append(Due(-NICE_TO_MEET - days_since, f"thank-meet:{ids[at]}", "thank", (ids[at],), detail))
        for at, items in zip(index["open"], index["open_items"], strict=True):
            if live is None or live(at):
                _open_items(due, ids[at], at, items, days, today_number)
        birthdays, born = index["birthday"]
        low, high = bisect.bisect_left(birthdays, days.month_day), bisect.bisect_right(birthdays, days.month_day)
        for at in born[low:high]:
            if live is None or live(at):
                cid = ids[at]
                due.append(Due(-BIRTHDAY, f"birthday:{cid}:{today.year}", "birthday", (cid,), row(at), True))
        for at in index["wins"]:
            if (live is None or live(at)) and lasts[at] <= win_to:
                debt = columns["got"][at] - columns["gave"][at]
                score = share_score(debt, columns["circle"][at])
                due.append(new_due((-WIN - score, f"congrats:{ids[at]}", "give", (ids[at],), at, False)))

    # Keeping in touch: the best few of each plentiful kind (see due._best), found without scoring everyone.
    reconnects: list[tuple[float, str, int]] = []
    counted = 0
    for circle in RECONNECT_ORDER:
        if keep is not None and counted >= keep:
            break
        code = _CODE[circle]
        overdue_before, cadence, base, _ = rules[circle]
        capped_to = days.capped[circle]
        for part, index in enumerate(indexes):
            live = (lambda at: at not in dead) if part == 0 and dead else None
            circle_at = index["by_last"][code]
            day_of = (index["last"] if part == 0 else lasts).__getitem__  # the order holds positions: search by day
            low = bisect.bisect_right(circle_at, "", key=day_of)  # an empty day is never overdue
            if code == _WIDER:
                low = max(low, bisect.bisect_left(circle_at, cold_before, key=day_of))  # long cold: rediscovered
            high = bisect.bisect_left(circle_at, overdue_before, key=day_of)
            if high <= low:
                continue
            counted += high - low
            if live is not None:
                counted -= sum(1 for at in circle_at[low:high] if at in dead)
            if keep is None:
                scored: Sequence[int] = circle_at[low:high]
            else:
                # Up to three cadences late, lateness still counts: those few are scored one by one; beyond it
                # the order by strength gives the best. Days that are not plain ISO days are scored one by one.
                scored = list(circle_at[max(low, bisect.bisect_right(circle_at, capped_to, key=day_of)) : high])
                scored += [at for at in index["odd"] if columns["circle"][at] == code and "" < lasts[at] <= capped_to]
                taken = 0
                capped = base + CAPPED_LATENESS  # three cadences late or more: lateness is at its cap
                for at in index["strong"][code]:
                    if taken >= keep:
                        break
                    last = lasts[at] if live is None or live(at) else ""
                    if last and last <= capped_to and (code != _WIDER or last >= cold_before):
                        strength = capped_strength(columns["touches"][at], bool(columns["flags"][at] & GOT_AND_GAVE))
                        reconnects.append((capped + strength, ids[at], at))
                        taken += 1
            for at in scored:
                if live is not None and not live(at):
                    continue
                last = lasts[at]
                if not (last and last < overdue_before) or (code == _WIDER and last < cold_before):
                    continue
                strength = capped_strength(columns["touches"][at], bool(columns["flags"][at] & GOT_AND_GAVE))
                number = _day_number(last)
                late = (today_number - number if number < today_number else 0) / cadence - 1.0
                reconnects.append((base + (late if late < 2.0 else 2.0) * 5.0 + strength, ids[at], at))
    _best(due, rows, reconnects, keep, "reconnect:", "reconnect")

    shares: list[tuple[float, str, int]] = []
    cold: list[tuple[float, str, int]] = []
    wider_before = rules["wider"].overdue_before
    for part, index in enumerate(indexes):
        live = (lambda at: at not in dead) if part == 0 and dead else None
        taken = 0
        for at in index["share"]:
            if keep is not None and taken >= keep:
                break
            if (live is None or live(at)) and lasts[at] <= share_to:
                debt = columns["got"][at] - columns["gave"][at]
                shares.append((SHARE + share_score(debt, columns["circle"][at]), ids[at], at))
                taken += 1
        # Long cold: the wider circle's oldest touches, a range of its order by last touch. When that range is short
        # (long-cold contacts are usually few), all of it is scored; otherwise the order by score gives the best.
        wider_at = index["by_last"][_WIDER]
        day_of = (index["last"] if part == 0 else lasts).__getitem__
        low = bisect.bisect_right(wider_at, "", key=day_of)
        high = bisect.bisect_left(wider_at, min(cold_before, wider_before), key=day_of)
        if high - low <= COLD_SCORED:
            for at in wider_at[low:high]:
                if live is None or live(at):
                    cold.append((REDISCOVER + (1.0 if columns["flags"][at] & INTERESTS else 0.0), ids[at], at))
            continue
        taken = 0
        for at in index["cold"]:
            if taken >= 3:
                break
            last = lasts[at]
            if (live is None or live(at)) and last and last < wider_before and last < cold_before:
                cold.append((REDISCOVER + (1.0 if columns["flags"][at] & INTERESTS else 0.0), ids[at], at))
                taken += 1
    _best(due, rows, shares, keep, "give:", "give")
    _best(due, rows, cold, 3, "rediscover:", "reconnect")

    needs_at = _needing(rows, indexes)
    # Offers read only who needs what: plain rows of id and needs. A job lead or an intro from changed rows reads
    # more of a row (their company, when they met), so those get rows that read the rest when asked.
    needing = cast(list[Row], [{"id": ids[at], "needs": needs} for at, needs in needs_at])

    def lazy_needing() -> list[Row]:
        return cast(list[Row], [LazyRow(rows, at, known) for (at, _), known in zip(needs_at, needing, strict=True)])

    if views or any(goal.get("loops") for goal in goals):
        helpers_by_goal = []
        for view in views:
            if len(indexes) == 1 and not dead:  # the strongest ties by touches, then recency: an order of the index
                mine_set = {at for word in view.words for at in indexes[0]["can"].get(word, ())}
                likely = _first_of(indexes[0]["by_touches"], mine_set, 3 * HELPERS_PER_GOAL)
            else:
                mine = sorted({at for word in view.words for at in _postings(indexes, word, dead)})
                likely = sorted(mine, key=lambda at: (columns["touches"][at], lasts[at]), reverse=True)
            strengths = sorted(
                [(_strength(columns, at, today_number), ids[at], at) for at in likely[: 3 * HELPERS_PER_GOAL]],
                reverse=True,
            )
            helpers_by_goal.append([(strength, cid, row(at)) for strength, cid, at in strengths[:HELPERS_PER_GOAL]])
        leads = any(view.focus.roles and view.focus.kind == "job" for view in views)  # what reads needing there
        needing_there = lazy_needing() if leads else []
        _goal_steps_after_helpers(due, rows, views, helpers_by_goal, needing_there, goals, today, days)
    if needing:
        if rows.loose or rows.dead:
            intros = _intro_ideas(rows, indexes, lazy_needing())
        else:  # found when the snapshot was written: they depend on the rows alone
            intros = [new_intro(idea) for idea in indexes[0]["intros"]]
        _need_gives_from(due, intros, needing, offers)
    due.sort()
    return due


def _best(
    due: list[Due], rows: DigestRows, found: list[tuple[float, str, int]], keep: int | None, prefix: str, kind: str
) -> None:
    """The best ``keep`` by score, then id: the order a full sort of every candidate would give (due._best)."""
    if not found:
        return
    ranked = [(-score, cid, at) for score, cid, at in found]
    # A few dozen at most: sorting them is quicker than a heap (heapq.nsmallest) until there are many more.
    best = heapq.nsmallest(keep, ranked) if keep is not None and len(ranked) > 4 * keep + 64 else sorted(ranked)[:keep]
    due.extend([new_due((rank, prefix + cid, kind, (cid,), at, False)) for rank, cid, at in best])


def _first_of(order: list[int], wanted: set[int], count: int) -> list[int]:
    """The first ``count`` positions of ``order`` that are in ``wanted``."""
    found: list[int] = []
    if wanted:
        for at in order:
            if at in wanted:
                found.append(at)
                if len(found) == count:
                    break
    return found


def _strength(columns: Mapping[str, list[Any]], at: int, today_number: int) -> float:
    """``strength.row_strength(row, today).score`` from the columns (an unreadable or future day counts as today's,
    as ``strength._days_between`` has it)."""
    days = today_number - _day_number(columns["last"][at])
    return _score(
        new_signals((days if days > 0 else 0, columns["touches"][at], columns["gave"][at], columns["got"][at],
                     columns["known"][at]))
    )  # fmt: skip


@functools.lru_cache(maxsize=4096)  # the same few signals come back in every user's notebook
def _score(signals: TieSignals) -> float:
    return strength_from(signals).score


def _needing(rows: DigestRows, indexes: list[dict[str, Any]]) -> list[tuple[int, list[str]]]:
    """Everyone with needs, in digest order: (position, needs)."""
    found = []
    for part, index in enumerate(indexes):
        for at, needs in zip(index["needs"], index["need_texts"], strict=True):
            if part or at not in rows.dead:
                found.append((at, needs))
    if len(indexes) > 1:
        found.sort(key=_FIRST)
    return found


def _first(pair: tuple[int, Any]) -> int:
    return pair[0]


_FIRST = _first


def _postings(indexes: list[dict[str, Any]], word: str, dead: set[int]) -> list[int]:
    """Who has or does ``word`` ("can" words), in digest order."""
    found = indexes[0]["can"].get(word, [])
    if dead:
        found = [at for at in found if at not in dead]
    return found if len(indexes) == 1 else sorted(found + indexes[1]["can"].get(word, []))


def _intro_ideas(
    rows: DigestRows, indexes: list[dict[str, Any]], needing: Sequence[Mapping[str, Any]]
) -> list[IntroIdea]:
    """``give.intro_ideas`` with the candidates for each word read from the index: the first
    ``CANDIDATES_PER_WORD`` people in digest order whose "can" words hold it (only their rows are read)."""
    candidates: dict[str, list[Mapping[str, Any]]] = {}
    for word in needed_words(needing):
        found = _postings(indexes, word, rows.dead)[:CANDIDATES_PER_WORD]
        if found:
            candidates[word] = [rows.row(at) for at in found]
    return intros_from(needing, candidates)
