"""Random digest rows and planning state, for tests that compare two ways of planning the same morning.

Rows are made the way ``summary.summarize`` makes them (keys left out when empty), with the odd values an older
release or a hand-edited file may hold: unknown circles, empty or non-ISO days, first names shared by several
people, gives that mention other people's names.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from bot.coach.planning.give import key_words

FIRSTS = ["Ana", "Ben", "Carla", "Dev", "Eli", "Farah", "Gus", "Hannah", "Ivo", "Jo", "Kai", "Lena", ""]
COMPANIES = ["Acme", "acme", "Globex", "Initech", "Stark", "Wonka Fintech", ""]
ROLES = ["PM", "engineer", "designer", "lawyer", "recruiter", "partner", "founder", "CTO", "analyst", "investor", ""]
NEEDS = ["a lawyer", "a designer for her app", "feedback on his pitch deck", "a PM", "an intro to investors",
         "a recruiter", "a cofounder", "a fintech engineer"]  # fmt: skip
OFFERS = ["pitch deck reviews", "legal advice", "design critique", "hiring help", "intros to angels"]
TAGS = ["investor", "fintech", "climate", "design", "ai", "angel"]
INTERESTS = ["jazz", "climbing", "ai safety", "chess"]
GOALS = ["land a PM role at a fintech by March", "raise a seed round", "find a cofounder", "win three new clients",
         "hire a designer", "find a lawyer"]  # fmt: skip
ODD_DAYS = ["", "2025-1-5", "20250105", "someday", "2025-02-30", "2025-06-18T10:00:00"]
# The odd days a field named "..._on" may hold and still pass validation.py (its first ten characters read as a day).
ODD_ON = {"2025-1-5": "20250105", "someday": "", "2025-02-30": "2025-06-18T10:00:00"}


def day(rng: random.Random, today: date, back: int = 800, ahead: int = 5) -> str:
    return (today + timedelta(days=rng.randint(-back, ahead))).isoformat()


def _on(odd_day: str) -> str:
    return ODD_ON.get(odd_day, odd_day)


def random_rows(rng: random.Random, today: date, count: int) -> dict[str, dict[str, Any]]:
    ids = [f"c{n:07x}" for n in rng.sample(range(1 << 20), count)]
    rows: dict[str, dict[str, Any]] = {}
    odd = rng.random() < 0.3  # some notebooks hold a few odd values
    for n, cid in enumerate(ids):
        first = rng.choice(FIRSTS)
        circle = rng.choices(["inner", "close", "wider", "acquaintances"], weights=[2, 4, 6, 1 if odd else 0])[0]
        last = rng.choice(ODD_DAYS) if odd and rng.random() < 0.05 else day(rng, today, rng.choice([20, 100, 800]))
        row: dict[str, Any] = {"id": cid, "first": first, "circle": circle, "last": last, "touches": rng.randint(0, 10)}
        if rng.random() < 0.4:
            row["got"] = rng.randint(0, 4) if odd else rng.randint(1, 4)
        if rng.random() < 0.4:
            row["gave"] = rng.randint(1, 4)
        company, role = rng.choice(COMPANIES), rng.choice(ROLES)
        tags = rng.sample(TAGS, rng.choice([0, 0, 0, 1, 2]))
        offers = rng.sample(OFFERS, rng.choice([0, 0, 0, 0, 1]))
        for key, value in (("company", company), ("role", role)):
            if value:
                row[key] = value
        if n and rng.random() < 0.1:
            row["introduced_by"] = rng.choice(ids[:n])
        for key, values in (
            ("interests", rng.sample(INTERESTS, rng.choice([0, 0, 1, 2]))),
            ("needs", rng.sample(NEEDS, 1 if rng.random() < 0.12 else 0)),
            ("offers", offers),
            ("tags", tags),
        ):
            if values:
                row[key] = values
        if rng.random() < 0.15:
            row["birthday"] = (today + timedelta(days=rng.randint(-3, 3))).strftime("%m-%d")
        if rng.random() < 0.7:
            row["known"] = rng.randint(1, 6)
        can = set().union(*(key_words(v) for v in (role, company, *tags, *offers)))
        if can:
            row["can"] = sorted(can)
        if rng.random() < 0.8:
            odd_day = odd and rng.random() < 0.05
            row["met_on"] = _on(rng.choice(ODD_DAYS)) if odd_day else day(rng, today, rng.choice([5, 30, 800]))
            if rng.random() < 0.6:
                row["followed_up"] = 1
            elif rng.random() < 0.5:
                row["met_at"] = "PyCon"
        if rng.random() < 0.08:
            row["win"] = "got promoted"
            if rng.random() < 0.4:
                row["congratulated"] = 1
        if rng.random() < 0.25:
            others = [rng.choice(FIRSTS).lower() for _ in range(2)]
            row["gives"] = "\n".join(["introduced to " + others[0], "coffee", "asked " + others[1] + " about jobs"])
        if rng.random() < 0.12:
            items = []
            for k in range(rng.randint(1, 3)):
                item: dict[str, Any] = {
                    "id": f"p{cid}{k}",
                    "kind": rng.choice(["promise", "promise", "thanks", "reminder"]),
                    "made_on": _on(rng.choice(ODD_DAYS)) if odd and rng.random() < 0.1 else day(rng, today, 60, 0),
                    "text": rng.choice(["send her the Ferrazzi book", "intro to Sam", "reviewed my CV", "call"]),
                }
                if item["kind"] == "reminder" or rng.random() < 0.3:
                    item["due_on"] = day(rng, today, 4, 6)
                items.append(item)
            row["open"] = items
        rows[cid] = row
    return rows


def random_state(rng: random.Random, today: date, rows: dict[str, dict[str, Any]]) -> dict[str, Any]:
    ids = list(rows)
    goals = []
    for n in range(rng.choice([0, 1, 1, 2])):
        goal: dict[str, Any] = {"id": f"g{n}", "text": rng.choice(GOALS), "by": "", "done_on": ""}
        if ids and rng.random() < 0.3:
            goal["loops"] = [*rng.sample(ids, min(len(ids), rng.randint(1, 3))), "gone"]
            goal["outcome_on"] = day(rng, today, 9, 1)
            goal["progress"] = [{"on": goal["outcome_on"], "what": rng.choice(["offer", "passed"]), "good": True}]
        if rng.random() < 0.1:
            goal["done_on"] = day(rng, today, 30, 0)
        goals.append(goal)
    profile = {"user_id": 1, "budget": rng.choice([1, 3, 3, 5]), "goals": goals}
    if rng.random() < 0.6:
        profile["offers"] = rng.sample(["I can review pitch decks", "legal advice", "design critique"], 1)
    def some_key(cid: str) -> str:
        """Any key a nudge about ``cid`` may have: one per person, or one of their open items'."""
        items = rows[cid].get("open") or []
        keys = [f"reconnect:{cid}", f"give:{cid}", f"thank-meet:{cid}", f"congrats:{cid}", f"rediscover:{cid}"]
        keys += [f"{'thank' if i['kind'] == 'thanks' else 'followup'}:{i['id']}" for i in items for _ in range(3)]
        return rng.choice(keys)

    snoozes = {}
    for cid in rng.sample(ids, min(len(ids), rng.randint(0, 4))):
        key = rng.choice([f"person:{cid}", some_key(cid)])
        snoozes[key] = day(rng, today, 3, 5)
    mornings = {}
    for back in range(1, 9):
        if rng.random() < 0.8 and ids:
            shown = [some_key(rng.choice(ids)) for _ in range(3)]
            record: dict[str, Any] = {"status": "sent", "keys": shown}
            if rng.random() < 0.4:
                record["acted"] = shown[:1]
            mornings[(today - timedelta(days=back)).isoformat()] = record
    state: dict[str, Any] = {"profile": profile, "snoozes": snoozes, "mornings": mornings}
    if rng.random() < 0.2:
        state["rhythm"] = {"asked_on": day(rng, today, 10, 0)}
    return state
