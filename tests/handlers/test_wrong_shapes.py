"""A notebook file that is valid JSON of the wrong shape is set aside like an unreadable one, its owner is told and
starts afresh, and /start, /export and /deleteme always work."""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import build_application
from bot.clock import FixedClock
from bot.config import Settings
from bot.local_api import LocalBotAPI, LocalChat
from bot.notebooks import open_store
from bot.rendering import render
from bot.store.logfile import parse, serialise
from bot.store.notebooks import Store
from bot.store.storage import apply
from tests.conftest import NOW, Bot, User

UID = 4242
OOPS = render("messages/oops.html")[:30]


def _notebook_file(data: dict[str, Any]) -> bytes:
    return serialise(data)


async def _fill(user: User) -> None:
    await user.say("/met Jane from Acme at the editors happy hour, loves jazz, promised to send her the book")
    await user.say("/met Tom at lunch")
    await user.say("/note Jane: moving to Berlin")
    await user.say("/got Tom reviewed my CV")
    await user.say("/today")  # nudges waiting for a tap
    await user.say("/forget Jan")  # a "did you mean?" question waiting


async def _conversation(user: User) -> list[str]:
    """What a locked-out user would try; every reply must be a real answer."""
    replies = [await user.say("/start"), await user.say("/contacts"), await user.say("/today")]
    replies.append(await user.say("/contact Jane"))
    replies.append(await user.say("/export"))
    replies.append(await user.say("/met Zara at the meetup"))
    replies.append(await user.say("/deleteme"))
    replies.append(await user.tap("Yes, delete everything"))
    return replies


@pytest.fixture(scope="module")
def valid_notebook(tmp_path_factory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("valid")

    async def build() -> dict[str, Any]:
        store = open_store(folder)
        async with _bot(folder, store) as bot:
            await _fill(User(bot, LocalChat(user_id=UID, first_name="Alex")))
        store.drop(UID)
        parsed = parse(store.path_for(UID).read_bytes(), None, str(UID), "notebook")
        assert parsed is not None and isinstance(parsed.body, bytes)
        data = {"_digest": parsed.digest, "state": parsed.state, **orjson.loads(parsed.body)}
        apply(data, parsed.changes)
        return data

    return asyncio.run(build())


class _bot:
    def __init__(self, folder: Path, store: Store) -> None:
        api = LocalBotAPI()
        self.app = build_application(Settings(data_dir=folder), store, FixedClock(NOW), request=api, paced=False)
        self.harness = Bot(self.app, api)

        async def collect(update: object, context: Any) -> None:
            self.harness.errors.append(context.error)

        self.app.add_error_handler(collect)

    async def __aenter__(self) -> Bot:
        await self.app.__aenter__()
        return self.harness

    async def __aexit__(self, *exc: object) -> None:
        await self.app.__aexit__(None, None, None)


async def _locked_out_user_gets_answers(folder: Path, content: bytes) -> tuple[list[str], Store]:
    store = open_store(folder)
    store.path_for(UID).write_bytes(content)
    async with _bot(folder, store) as bot:
        user = User(bot, LocalChat(user_id=UID, first_name="Alex"))
        replies = await _conversation(user)
        return replies, store


CASES = {
    "a contact that is a string": lambda d: d["contacts"].update({"1": "Jane"}),
    "a profile that is a string": lambda d: next(
        doc for doc in d["state"].values() if doc["key"] == "profile"
    ).update(value="Alex"),
    "an interaction without a kind": lambda d: next(iter(d["interactions"].values())).pop("kind"),
    "a date that is not a date": lambda d: next(iter(d["contacts"].values())).update(met_on="yesterday-ish"),
    "a time zone from Mars": lambda d: next(
        doc for doc in d["state"].values() if doc["key"] == "profile"
    )["value"].update(timezone="Mars/Olympus"),
    "the contacts table as a list": lambda d: d.update(contacts=[1, 2]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_notebook_of_the_wrong_shape_is_set_aside_and_everything_still_works(tmp_path, valid_notebook, case):
    data = copy.deepcopy(valid_notebook)
    CASES[case](data)
    replies, store = asyncio.run(_locked_out_user_gets_answers(tmp_path, _notebook_file(data)))
    assert "couldn't read" in replies[0]  # told, once
    assert "Nurture" in replies[0]  # and /start answered all the same
    assert not any(OOPS in r for r in replies), replies
    assert "deleted" in replies[-1]
    assert not list(store.users_dir.iterdir())  # /deleteme took the set-aside file too


@pytest.mark.parametrize(
    "line",
    [b'[["contacts","5"]]', b'[["contacts",5,{}]]', b'{"contacts": 1}', b'[["contacts","5","Jane"]]', b"[1]"],
)
def test_a_log_line_of_the_wrong_shape_is_skipped_and_told_and_the_rest_is_kept(tmp_path, valid_notebook, line):
    content = _notebook_file(copy.deepcopy(valid_notebook)) + line + b"\n"
    replies, _ = asyncio.run(_locked_out_user_gets_answers(tmp_path, content))
    assert "could not be read" in replies[0] and "Everything else is kept" in replies[0]
    assert "Jane" in replies[1]  # /contacts: the notebook itself is intact
    assert not any(OOPS in r for r in replies), replies


def test_a_digest_of_the_wrong_shape_is_rebuilt_not_refused(tmp_path, valid_notebook):
    data = copy.deepcopy(valid_notebook)
    next(iter(data["_digest"].values()))["touches"] = "many"
    replies, _ = asyncio.run(_locked_out_user_gets_answers(tmp_path, _notebook_file(data)))
    assert "couldn't read" not in replies[0]
    assert "Jane" in replies[1]
    assert not any(OOPS in r for r in replies), replies


# -- property: any wrong shape anywhere in what the schema covers ------------------------------------------------

CHECKED_STATE = {"profile", "mornings", "snoozes", "pending", "handled", "digest_version"}


def _places(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a notebook the schema covers: tables, records and their fields, and the checked state."""
    if path and path[0] == "state" and len(path) == 2 and data.get("key") not in CHECKED_STATE:
        return
    if path:
        yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _places(value, (*path, index))


def _json_type(value: Any) -> str:
    return "number" if isinstance(value, int | float) and not isinstance(value, bool) else type(value).__name__


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_wrong_shape_never_locks_the_user_out(tmp_path_factory, valid_notebook, data):
    notebook = copy.deepcopy(valid_notebook)
    path = data.draw(st.sampled_from(sorted(_places(notebook), key=repr)), label="where")
    *parents, last = path
    holder = notebook
    for key in parents:
        holder = holder[key]
    original = holder[last]
    wrong = data.draw(json_values.filter(lambda v: _json_type(v) != _json_type(original)), label="wrong value")
    holder[last] = wrong
    replies, _ = asyncio.run(_locked_out_user_gets_answers(tmp_path_factory.mktemp("shape"), _notebook_file(notebook)))
    assert not any(OOPS in r for r in replies), replies
    assert "deleted" in replies[-1]
