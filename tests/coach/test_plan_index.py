"""The planning index (plan_index.py): planning from a file's head plans exactly what the open notebook's
rows plan, nudge for nudge, on many random notebooks and days, with and without changes saved since the snapshot."""

from __future__ import annotations

import dataclasses
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from bot.coach.journal import delivery
from bot.coach.planning.due import all_due
from bot.coach.planning.due_index import all_due_indexed
from bot.coach.planning.plan_index import DigestRows
from bot.coach.planning.summary import SUMMARY_VERSION
from bot.ops import check_notebook
from bot.store.crypto import Codec, generate_key
from bot.store.notebook import DIGEST_VERSION, Notebook
from bot.store.notebooks import Store
from bot.store.records import Contact, Interaction, Profile, Promise
from bot.store.storage import DIGEST, STATE, AtomicJSONStorage, read_head
from tests.samples.digests import GOALS, NEEDS, OFFERS, ROLES, TAGS, random_rows, random_state

KEY = Codec.from_text(generate_key())


def plans(rows: Any, state: dict[str, Any], today: date, days: int = 3) -> list[Any]:
    """What a user would see on ``days`` mornings from ``today``, and everything due on the first (two budgets)."""
    profile = state.get("profile") or {}
    found: list[Any] = []
    due = all_due_indexed if isinstance(rows, DigestRows) else all_due
    for keep in (None, 4):
        listed = due(rows, today, goals=profile.get("goals") or (), offers=profile.get("offers") or (), keep=keep)
        found.append([(d.rank, d.key, d.kind, d.people, d.pressing) for d in listed])
    return found + mornings(rows, state, today, days)


def mornings(rows: Any, state: dict[str, Any], today: date, days: int = 3) -> list[Any]:
    """What a user would see on ``days`` mornings from ``today``."""
    found = []
    for shift in range(days):
        plan = delivery.plan(rows, state, today + timedelta(days=shift))
        found.append(([dataclasses.asdict(n) for n in plan.nudges], plan.shrunk, plan.ask_rhythm))
    return found


def state_table(values: dict[str, Any]) -> dict[str, Any]:
    return {str(n): {"key": key, "value": value, "v": 2} for n, (key, value) in enumerate(values.items(), 1)}


def write_with_log(
    path: Path, rows: dict[str, Any], state: dict[str, Any], rng: random.Random, codec: Codec | None = None
) -> dict[str, Any]:
    """A snapshot of ``rows`` (some stale, some missing, some since deleted), then the saves that set, replace and
    delete rows as the bot does; returns the digest the file ends up holding, in its order."""
    items = list(rows.items())
    snapshot = dict(items)
    later: list[tuple[str, Any]] = []
    for cid, row in rng.sample(items, min(len(items), rng.randint(0, 8))):
        choice = rng.random()
        if choice < 0.4:
            snapshot[cid] = {**row, "touches": (row["touches"] + 3) % 11, "last": "2020-01-01"}  # stale since
            later.append((cid, row))
        elif choice < 0.7:
            del snapshot[cid]  # added since the snapshot
            later.append((cid, row))
        else:
            later += [(cid, None), (cid, row)]  # deleted and added again: goes last, like a dict key
    for n in range(rng.randint(0, 2) if items else 0):
        snapshot[f"gone{n}"] = {**items[0][1], "id": f"gone{n}"}
        later.append((f"gone{n}", None))
    expected: dict[str, Any] = dict(snapshot)
    for cid, row in later:
        if row is None:
            expected.pop(cid, None)
        else:
            expected[cid] = row
    storage = AtomicJSONStorage(path, codec)
    data: dict[str, Any] = {DIGEST: snapshot, STATE: state_table({**state, DIGEST_VERSION: SUMMARY_VERSION})}
    storage.write(data)
    for cid, row in later:
        if row is None:
            data[DIGEST].pop(cid, None)
        else:
            data[DIGEST][cid] = row
        storage.write_changes(data, [(DIGEST, cid)])
    assert data[DIGEST] == expected
    return expected


@pytest.mark.parametrize("seed", range(150))
def test_planning_from_the_head_equals_planning_from_the_open_notebook(tmp_path, seed):
    rng = random.Random(seed)
    today = date(2025, 1, 1) + timedelta(days=rng.randint(0, 700))
    rows = random_rows(rng, today, rng.choice([0, 1, 3, 12, 40, 120, 250]))
    state = random_state(rng, today, rows)
    codec = KEY if seed % 5 == 0 else None
    path = tmp_path / "users" / "1.json"
    path.parent.mkdir()
    rows = write_with_log(path, rows, state, rng, codec)

    head = read_head(path, codec)
    assert head is not None
    head_rows, _ = head
    assert isinstance(head_rows, DigestRows)
    notebook = Notebook(1, path, codec)
    assert notebook.summaries() == rows and list(notebook.summaries()) == list(rows)
    assert list(head_rows) == list(rows) and head_rows == rows
    glance = Store(tmp_path, codec=codec).glance(1)
    assert plans(glance.rows, glance.state, today) == plans(notebook.summaries(), notebook.state_values(), today)


def real_notebook(path: Path, rng: random.Random, today: date, contacts: int) -> Notebook:
    """A notebook filled through the bot's own saves: contacts with roles, needs, offers, tags, birthdays, wins,
    meetings and promises with due dates, a goal, an offer, snoozes and a week of mornings."""
    notebook = Notebook(1, path)
    people = []
    with notebook.batch():
        for n in range(contacts):
            met = today - timedelta(days=rng.randint(0, 500))
            contact = Contact(
                id=f"c{n:05d}",
                name=rng.choice(["Ana Ruiz", "Ben Ode", "Carla Lim", "Dev Rao", "Eli Moss", f"P{n} Q"]),
                company=rng.choice(["Acme", "Globex", "Wonka Fintech", ""]),
                role=rng.choice(ROLES),
                circle=rng.choice(["inner", "close", "wider", "wider"]),
                met_on=met.isoformat(),
                interests=rng.sample(["jazz", "chess", "ai safety"], rng.randint(0, 2)),
                needs=rng.sample(NEEDS, 1 if rng.random() < 0.15 else 0),
                offers=rng.sample(OFFERS, 1 if rng.random() < 0.1 else 0),
                tags=rng.sample(TAGS, 1 if rng.random() < 0.2 else 0),
                birthday=(today + timedelta(days=rng.randint(-2, 2))).strftime("%m-%d") if rng.random() < 0.1 else "",
                wins=["got promoted"] if rng.random() < 0.1 else [],
                created_at=f"{met.isoformat()}T00:00:00+00:00",
            )
            notebook.save_contact(contact)
            people.append(contact)
            for k in range(rng.randint(0, 4)):
                on = met + timedelta(days=0 if k == 0 else rng.randint(0, 60))
                kind = "met" if k == 0 else rng.choice(["note", "gave", "got", "touch", "asked"])
                notebook.add_interaction(
                    Interaction(id=f"i{n}-{k}", contact_id=contact.id, kind=kind, on=on.isoformat(), text="coffee")
                )
            if rng.random() < 0.2:
                due_on = (today + timedelta(days=rng.randint(-3, 8))).isoformat() if rng.random() < 0.5 else ""
                kind = rng.choice(["promise", "thanks", "reminder"])
                notebook.save_promise(
                    Promise(
                        id=f"p{n}",
                        contact_id=contact.id,
                        text="send her the deck",
                        kind=kind,
                        made_on=(today - timedelta(days=rng.randint(0, 20))).isoformat(),
                        due_on=due_on or (today.isoformat() if kind == "reminder" else ""),
                    )
                )
        profile = Profile(user_id=1, offers=["I can review pitch decks"])
        profile.goals = [{"id": "g1", "text": rng.choice(GOALS), "by": "", "done_on": "", "set_on": "2025-01-01"}]
        notebook.save_profile(profile)
        notebook.set_state("snoozes", {f"person:{people[0].id}": (today + timedelta(days=2)).isoformat()})
    for n in range(rng.randint(1, 6)):  # saves after the snapshot: log lines
        contact = rng.choice(people)
        with notebook.batch():
            if n % 3 == 2:
                notebook.delete_contact(contact.id)
                people.remove(contact)
            else:
                notebook.add_interaction(
                    Interaction(id=f"later{n}", contact_id=contact.id, kind="gave", on=today.isoformat(), text="intro")
                )
    return notebook


@pytest.mark.parametrize("seed", range(8))
def test_a_notebook_filled_through_the_bot_plans_the_same_from_its_head(tmp_path, seed):
    rng = random.Random(seed)
    today = date(2026, 3, 10)
    notebook = real_notebook(tmp_path / "users" / "1.json", rng, today, 60)
    glance = Store(tmp_path).glance(1)
    assert isinstance(glance.rows, DigestRows)
    assert plans(glance.rows, glance.state, today, days=5) == plans(
        notebook.summaries(), notebook.state_values(), today, days=5
    )
    assert check_notebook(1, tmp_path / "users" / "1.json").ok


# -- files from before the index, and an index that does not fit ----------------------------------------------


def old_head_file(path: Path, rows: dict[str, Any], state: dict[str, Any]) -> None:
    """A notebook as the release before the planning index wrote it: a head of three sizes, no index."""
    digest = orjson.dumps(rows)
    table = orjson.dumps(state_table({**state, DIGEST_VERSION: SUMMARY_VERSION}))
    body = digest + b',"state":' + table + b"}"
    size = 60 + len(body) + 1
    path.write_bytes(b'{"_head":"' + f"{len(digest):012d},{len(table):012d},{size:012d}".encode() + b'","_digest":')
    with open(path, "ab") as handle:
        handle.write(body + b"\n")


def test_a_file_from_before_the_index_plans_the_same_and_gets_an_index_on_its_next_save(tmp_path):
    rng = random.Random(7)
    today = date(2026, 3, 10)
    rows = random_rows(rng, today, 80)
    state = random_state(rng, today, rows)
    path = tmp_path / "users" / "1.json"
    path.parent.mkdir()
    old_head_file(path, rows, state)
    glance = Store(tmp_path).glance(1)
    assert not isinstance(glance.rows, DigestRows) and glance.rows == rows
    expected = plans(rows, glance.state, today)
    notebook = Notebook(1, path)
    notebook.set_state("note", 1)  # any save
    glance = Store(tmp_path).glance(1)
    assert isinstance(glance.rows, DigestRows)
    assert plans(glance.rows, glance.state, today) == expected


def index_in(path: Path) -> dict[str, Any]:
    """A plaintext file's planning index, as written in its head."""
    line = path.read_bytes().split(b"\n", 1)[0]
    start = 73 + int(line[10:22]) + 9 + int(line[23:35]) + 9
    return orjson.loads(line[start : start + int(line[49:61])])  # type: ignore[no-any-return]


def replace_index(path: Path, index: bytes) -> None:
    """Rewrite a plaintext file's head with another planning index."""
    line = path.read_bytes().split(b"\n", 1)[0]
    digest_len, state_len = int(line[10:22]), int(line[23:35])
    start = 73 + digest_len + 9 + state_len + 9
    old_len = int(line[49:61])
    rest = line[start + old_len :]
    body = line[73:start] + index + rest
    size = 73 + len(body) + 1
    sizes = f"{digest_len:012d},{state_len:012d},{size:012d},{len(index):012d}".encode()
    path.write_bytes(line[:10] + sizes + line[61:73] + body + b"\n")


@pytest.mark.parametrize(
    "index",
    [b"null", b"[1,2]", b'{"v":1}', b'{"v":99,"id":[]}'],
)
def test_an_index_that_does_not_fit_is_ignored_and_rebuilt(tmp_path, index):
    rng = random.Random(3)
    today = date(2026, 3, 10)
    notebook = real_notebook(tmp_path / "users" / "1.json", rng, today, 30)
    expected = plans(notebook.summaries(), notebook.state_values(), today)
    notebook.rebuild_digest()  # a clean snapshot, no log
    notebook.close()
    path = tmp_path / "users" / "1.json"
    replace_index(path, index)
    glance = Store(tmp_path).glance(1)
    assert not isinstance(glance.rows, DigestRows)  # planning parses the digest instead
    assert plans(glance.rows, glance.state, today) == expected
    reopened = Notebook(1, path)  # opening does not fail
    reopened.set_state("note", 1)
    assert isinstance(Store(tmp_path).glance(1).rows, DigestRows)  # the next save wrote a new index


def test_nurture_check_tells_an_index_that_disagrees_with_the_digest(tmp_path):
    rng = random.Random(5)
    notebook = real_notebook(tmp_path / "users" / "1.json", rng, date(2026, 3, 10), 20)
    notebook.rebuild_digest()
    notebook.close()
    path = tmp_path / "users" / "1.json"
    assert check_notebook(1, path).ok
    index = index_in(path)
    index["touches"] = [t + 1 for t in index["touches"]]
    replace_index(path, orjson.dumps(index))
    verdict = check_notebook(1, path)
    assert not verdict.ok and "planning index" in verdict.problem


def test_an_index_written_by_an_earlier_release_with_its_people_string_still_plans_and_checks(tmp_path):
    """Indexes written before 2026-12 also carry "people" (names, companies, introducers and gives as one string),
    which is no longer read: they plan from the head as before, and ``nurture check`` passes them."""
    rng = random.Random(11)
    today = date(2026, 3, 10)
    notebook = real_notebook(tmp_path / "users" / "1.json", rng, today, 40)
    expected = plans(notebook.summaries(), notebook.state_values(), today)
    notebook.rebuild_digest()
    notebook.close()
    path = tmp_path / "users" / "1.json"
    index = index_in(path)
    assert "people" not in index
    index["people"] = orjson.dumps({"first": [], "company": [], "by": [], "gives": []}).decode()
    replace_index(path, orjson.dumps(index))
    glance = Store(tmp_path).glance(1)
    assert isinstance(glance.rows, DigestRows)
    assert plans(glance.rows, glance.state, today) == expected
    assert check_notebook(1, path).ok


@pytest.mark.parametrize("seed", range(100))
def test_the_few_of_each_plentiful_kind_the_planner_asks_for_plan_what_all_of_them_would(monkeypatch, seed):
    """planner.plan_morning asks due.all_due for only the best few reconnects and shares (``keep``); with every one of
    them the plans are the same, whatever is snoozed, resting or already planned."""
    rng = random.Random(seed)
    today = date(2025, 1, 1) + timedelta(days=rng.randint(0, 700))
    rows = random_rows(rng, today, rng.choice([3, 12, 40, 120]))
    state = random_state(rng, today, rows)
    state["profile"]["budget"] = rng.choice([1, 2, 3, 5, 8])
    few = mornings(rows, state, today, days=4)
    from bot.coach.planning import planner

    monkeypatch.setattr(planner, "all_due", lambda *args, keep=None, **kwargs: all_due(*args, **kwargs))
    assert mornings(rows, state, today, days=4) == few


@pytest.mark.parametrize("hidden", ["person:a", "planned", "resting"])
def test_someone_owed_many_thank_yous_does_not_crowd_out_the_next_person(monkeypatch, tmp_path, hidden):
    """The few debts a plan reaches are counted in people, not items: Ann is owed five thank-yous, older than Bo's
    one; with Ann snoozed, already planned (a birthday, budget 2) or her items resting, Bo's thank-you still comes."""
    today = date(2026, 3, 10)
    ann_items = [
        {"id": f"t{n}", "kind": "thanks", "made_on": (today - timedelta(days=20 + n)).isoformat(), "text": "intro"}
        for n in range(5)
    ]
    rows = {
        "a": {"id": "a", "first": "Ann", "circle": "inner", "last": "2026-03-01", "touches": 3, "open": ann_items},
        "b": {"id": "b", "first": "Bo", "circle": "close", "last": "2026-03-01", "touches": 1, "open": [
            {"id": "tb", "kind": "thanks", "made_on": "2026-03-08", "text": "intro"}]},
    }  # fmt: skip
    state: dict[str, Any] = {"profile": {"budget": 1}, "snoozes": {}, "mornings": {}}
    if hidden == "person:a":
        state["snoozes"] = {"person:a": (today + timedelta(days=3)).isoformat()}
    elif hidden == "planned":
        rows["a"]["birthday"] = today.strftime("%m-%d")
        state["profile"]["budget"] = 2
    else:
        ignored = {"status": "sent", "keys": [f"thank:t{n}" for n in range(5)]}
        state["mornings"] = {(today - timedelta(days=d)).isoformat(): ignored for d in (1, 3)}
    path = tmp_path / "users" / "1.json"
    path.parent.mkdir()
    AtomicJSONStorage(path).write({DIGEST: rows, STATE: state_table({**state, DIGEST_VERSION: SUMMARY_VERSION})})
    glance = Store(tmp_path).glance(1)
    assert isinstance(glance.rows, DigestRows)
    for planned_from in (rows, glance.rows):
        keys = [n.key for n in delivery.plan(planned_from, state, today).nudges]
        assert "thank:tb" in keys, keys
    from bot.coach.planning import planner

    monkeypatch.setattr(planner, "all_due", lambda *args, keep=None, **kwargs: all_due(*args, **kwargs))
    assert mornings(rows, state, today, days=1) == mornings(glance.rows, glance.state, today, days=1)


def test_an_index_holding_wrong_values_is_planned_around_and_repaired_on_the_next_save(tmp_path, caplog):
    rng = random.Random(11)
    today = date(2026, 3, 10)
    notebook = real_notebook(tmp_path / "users" / "1.json", rng, today, 30)
    expected = mornings(notebook.summaries(), notebook.state_values(), today)
    notebook.rebuild_digest()
    notebook.close()
    path = tmp_path / "users" / "1.json"
    index = index_in(path)
    index["last"] = [n for n in range(len(index["last"]))]  # the right shape, days that are not days
    replace_index(path, orjson.dumps(index))
    glance = Store(tmp_path).glance(1)
    assert isinstance(glance.rows, DigestRows)
    assert mornings(glance.rows, glance.state, today) == expected  # planned from every row instead
    assert "planning index unusable" in caplog.text
    Notebook(1, path).set_state("note", 1)  # opening saw it; the next save writes a new index
    glance = Store(tmp_path).glance(1)
    assert plans(glance.rows, glance.state, today) == plans(glance.rows.plain(), glance.state, today)
    assert check_notebook(1, path).ok
