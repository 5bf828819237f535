"""Synthetic notebooks for the benchmarks, written straight to disk as TinyDB JSON (orjson, no fsync).

Going through Notebook would fsync every file, which is right for the bot and far too slow for creating ten
thousand users. The layout is exactly what ``Notebook`` writes: one table per record type, string doc ids.
Names are built from syllables so each is unique and never a prefix of another (the coach would otherwise ask
"same person?" and the benchmark would measure a question instead of a save).
"""

from __future__ import annotations

import dataclasses
import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as `python bench/x.py` from anywhere
    sys.path.insert(0, str(REPO))

from bot.notebooks import open_notebook  # noqa: E402
from bot.store.records import SCHEMA_VERSION, Contact, Interaction, Profile, Promise  # noqa: E402

SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]  # 70 two-letter syllables
INTERESTS = ["jazz", "climbing", "ai safety", "sourdough", "chess", "typography", "cycling", "poetry", "go", "sailing"]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka", ""]
PLACES = ["the editors happy hour", "PyCon", "a dinner at Sam's", "the climbing gym", "a product meetup", ""]
KINDS = ["met", "note", "gave", "got", "thanked", "followed_up", "touch"]
TIMEZONES = ["UTC", "Europe/Berlin", "Europe/London", "America/New_York", "Asia/Kolkata"]
# What goals, needs and offers look like (the planner matches them against roles, companies, tags and offers).
ROLES = ["PM", "engineer", "designer", "lawyer", "recruiter", "partner", "founder", "CTO", "analyst", ""]
NEEDS = ["a lawyer", "a designer for her app", "feedback on his pitch deck", "a PM", "an intro to investors",
         "a recruiter", "a cofounder"]  # fmt: skip
OFFERS = ["pitch deck reviews", "legal advice", "design critique", "hiring help", "intros to angels"]
TAGS = ["investor", "fintech", "climate", "design", "ai"]
GOALS = ["land a PM role at a fintech by March", "raise a seed round", "find a cofounder", "win three new clients"]


def person_name(index: int) -> str:
    """A unique two-word name of fixed shape for any index below 70**5 ("Bako Dafime")."""
    digits = []
    for _ in range(5):
        index, digit = divmod(index, len(SYLLABLES))
        digits.append(SYLLABLES[digit])
    first = (digits[0] + digits[1]).capitalize()
    last = (digits[2] + digits[3] + digits[4]).capitalize()
    return f"{first} {last}"


def notebook_document(
    user_id: int,
    contacts: int,
    today: date,
    rng: random.Random,
    interactions_per_contact: float = 3.0,
    promise_share: float = 0.15,
    name_offset: int = 0,
    coaching: bool = True,
) -> dict[str, Any]:
    """One user's notebook as TinyDB stores it, with varied dates, interests, interactions and promises.

    Records are built as plain dicts (dataclasses.asdict is the slow part of writing millions of them);
    ``check_shape`` proves they match the dataclasses.
    """
    tables: dict[str, dict[str, Any]] = {"contacts": {}, "interactions": {}, "promises": {}, "state": {}}
    interaction_no = promise_no = 0
    for n in range(contacts):
        met_on = today - timedelta(days=rng.randint(0, 720))
        contact = dict(
            id=f"c{n:07x}",
            name=person_name(name_offset + n),
            company=rng.choice(COMPANIES),
            met_context=rng.choice(PLACES),
            met_on=met_on.isoformat(),
            interests=rng.sample(INTERESTS, rng.randint(0, 3)),
            wins=["got promoted"] if rng.random() < 0.05 else [],
            circle=rng.choices(["inner", "close", "wider"], weights=[1, 3, 6])[0],
            role=rng.choice(ROLES) if coaching else "",
            introduced_by="",
            introduced_by_id="",
            created_at=f"{met_on.isoformat()}T00:00:00+00:00",
            v=SCHEMA_VERSION,
        )
        if coaching:
            contact["needs"] = [rng.choice(NEEDS)] if rng.random() < 0.08 else []
            contact["offers"] = [rng.choice(OFFERS)] if rng.random() < 0.08 else []
            contact["tags"] = [rng.choice(TAGS)] if rng.random() < 0.15 else []
            contact["birthday"] = f"{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.2 else ""
        tables["contacts"][str(n + 1)] = _compact("contacts", contact)
        count = max(0, round(rng.gauss(interactions_per_contact, 1.0))) if interactions_per_contact else 0
        span = max(1, (today - met_on).days)
        for k in range(count):
            on = met_on + timedelta(days=0 if k == 0 else rng.randint(0, span))
            interaction_no += 1
            tables["interactions"][str(interaction_no)] = _compact(
                "interactions",
                dict(
                    id=f"i{interaction_no:07x}",
                    contact_id=contact["id"],
                    kind="met" if k == 0 else rng.choice(KINDS),
                    text=rng.choice(["", "talked about " + rng.choice(INTERESTS), "coffee"]),
                    on=on.isoformat(),
                    at=f"{on.isoformat()}T00:00:00+00:00",
                    context=contact["met_context"] if k == 0 else "",
                    v=SCHEMA_VERSION,
                ),
            )
        if rng.random() < promise_share:
            promise_no += 1
            made = met_on + timedelta(days=rng.randint(0, 10))
            done = rng.random() < 0.5
            tables["promises"][str(promise_no)] = _compact(
                "promises",
                dict(
                    id=f"p{promise_no:07x}",
                    contact_id=contact["id"],
                    text=rng.choice(["send her the Ferrazzi book", "intro to Sam", "share the deck"]),
                    kind=rng.choice(["promise", "promise", "thanks"]),
                    made_on=made.isoformat(),
                    done_on=(made + timedelta(days=3)).isoformat() if done else "",
                    due_on=(today + timedelta(days=rng.randint(-3, 20))).isoformat()
                    if coaching and rng.random() < 0.3
                    else "",
                    v=SCHEMA_VERSION,
                ),
            )
    profile = Profile(user_id=user_id, first_name="Alex", timezone=rng.choice(TIMEZONES))
    if coaching:
        profile.goals = [
            {"id": "g0000001", "text": rng.choice(GOALS), "by": "", "done_on": "", "set_on": today.isoformat()}
        ]
        profile.offers = ["I can review pitch decks"]
        ids = [c["id"] for c in tables["contacts"].values()]
        mornings = {
            (today - timedelta(days=d)).isoformat(): {
                "status": "sent",
                "keys": (shown := [f"reconnect:{cid}" for cid in rng.sample(ids, min(3, len(ids)))]),
                **({"acted": shown[:1]} if rng.random() < 0.6 else {}),  # most mornings get a tap
            }
            for d in range(1, 8)
        }
        tables["state"]["2"] = {"key": "mornings", "value": mornings, "v": SCHEMA_VERSION}
    tables["state"]["1"] = {"key": "profile", "value": profile.to_dict(), "v": SCHEMA_VERSION}
    return tables


def _defaults(cls: type) -> dict[str, Any]:
    return {
        f.name: f.default if f.default is not dataclasses.MISSING else f.default_factory()  # type: ignore[misc]
        for f in dataclasses.fields(cls)
        if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
    }


_DEFAULTS = {"contacts": _defaults(Contact), "interactions": _defaults(Interaction), "promises": _defaults(Promise)}


def _compact(table: str, record: dict[str, Any]) -> dict[str, Any]:
    """Drop fields left at their default, as ``Record.to_dict`` does, so files have the bot's real size."""
    defaults = _DEFAULTS[table]
    return {k: v for k, v in record.items() if k in ("id", "v") or k not in defaults or v != defaults[k]}


def check_shape() -> None:
    """The plain dicts above must be exactly what the bot itself would write, or the benchmark measures
    something else."""
    document = notebook_document(1, 30, date(2026, 1, 1), random.Random(1), promise_share=1.0)
    for table, cls in (("contacts", Contact), ("interactions", Interaction), ("promises", Promise)):
        for record in document[table].values():
            assert cls.from_dict(record).to_dict() == record, (table, record)


def write_notebook(users_dir: Path, user_id: int, document: dict[str, Any], digest: bool = True) -> None:
    """Write one notebook file; with ``digest``, include what the bot keeps beside the records (see below)."""
    path = users_dir / f"{user_id}.json"
    path.write_bytes(orjson.dumps(document))
    if digest:
        add_digest(user_id, path)


def add_digest(user_id: int, path: Path) -> None:
    """Let the bot's own Notebook derive its per-contact digest, and write the file out as the bot would have.

    The bot refreshes the digest inside every write, so a real notebook on disk always carries it; computing
    it with the bot's code (not a copy here) keeps the benchmark honest as the digest evolves.
    """
    open_notebook(user_id, path).rebuild_digest()  # a real save, as the bot makes it: head, digest and records
