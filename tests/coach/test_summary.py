"""Summary rows: what the planner knows about each contact, and that planning from stored rows changes nothing."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date, timedelta

import orjson
import pytest

from bot.coach.planning.due import all_due
from bot.coach.planning.summary import summaries, summarize
from bot.coach.writing.nudges import write
from bot.coach.writing.plans import candidates, plan_day, plan_morning
from bot.notebooks import open_notebook
from bot.store.records import Contact, Interaction, Promise
from bot.store.view import Network

TODAY = date(2025, 6, 18)  # a Wednesday
_ids = itertools.count()


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def person(cid: str, name: str, *, circle: str = "close", met: int | None = 200, **fields) -> Contact:
    return Contact(id=cid, name=name, circle=circle, met_on=ago(met) if met is not None else "", **fields)


def log(cid: str, kind: str, days: int, text: str = "", context: str = "") -> Interaction:
    n = next(_ids)
    return Interaction(
        id=f"i{n}",
        contact_id=cid,
        kind=kind,
        on=ago(days),
        at=f"{ago(days)}T12:00:{n % 60:02d}",
        text=text,
        context=context,
    )


def owe(pid: str, cid: str, days: int, text: str = "the Ferrazzi book", kind: str = "promise", done: str = ""):
    return Promise(id=pid, contact_id=cid, text=text, kind=kind, made_on=ago(days), done_on=done)


def net(contacts=(), interactions=(), promises=()) -> Network:
    return Network(list(contacts), list(interactions), list(promises))


def row_of(contact: Contact, interactions=(), promises=()) -> dict:
    network = net([contact], interactions, promises)
    return summarize(contact, network.timeline(contact.id), network.promises_for(contact.id))


# -- what a row says about one contact ---------------------------------------------------------------------


def test_a_name_alone_makes_a_small_row():
    contact = Contact(id="x", name="Jane Q Doe", created_at="2025-01-02T10:00:00+00:00")
    assert row_of(contact) == {
        "id": "x",
        "first": "Jane",
        "circle": "close",
        "last": "2025-01-02",  # never touched: the day they were added starts the clock
        "touches": 0,
    }


ROW_CASES = {
    "an unknown circle reads as the default": (
        person("a", "Ann Bell", circle="besties"),
        [],
        [],
        {"circle": "close"},
    ),
    "blank interests and wins are dropped, the rest kept as written": (
        person("a", "Ann Bell", interests=[" Jazz ", " ", "ai safety"], wins=[""], company=" Acme "),
        [],
        [],
        {"interests": ["Jazz", "ai safety"], "company": "Acme", "win": None},
    ),
    "when they met comes from the first meeting; where, only while a follow-up is still due": (
        person("j", "Jane Doe", met=None),
        [log("j", "met", 2, context="the editors happy hour"), log("j", "met", 1, context="a gallery")],
        [],
        {"met_on": ago(2), "met_at": None, "followed_up": 1},  # the second meeting is a later touch
    ),
    "a note jotted at the meeting is not a follow-up": (
        person("j", "Jane Doe", met=2),
        [log("j", "met", 2, context="the editors happy hour"), log("j", "note", 2, "loves poetry")],
        [],
        {"met_on": ago(2), "followed_up": None, "last": ago(2), "met_at": "the editors happy hour"},
    ),
    "a reply on the meeting day is a follow-up": (
        person("j", "Jane Doe", met=2),
        [log("j", "met", 2), log("j", "followed_up", 2)],
        [],
        {"followed_up": 1},
    ),
    "counts stop at ten interactions, help is counted in full": (
        person("g", "Gus Hale"),
        [log("g", "got", 30 - n) for n in range(12)] + [log("g", "gave", 5)],
        [],
        {"touches": 10, "got": 12, "gave": 1},
    ),
    "a win is kept with whether it was congratulated": (
        person("w", "Wanda Ng", wins=["old news", "got promoted to VP"]),
        [log("w", "gave", 10, "Congrats card!")],
        [],
        {"win": "got promoted to VP", "congratulated": 1, "gives": "congrats card!"},
    ),
    "a fresh win is not marked congratulated": (
        person("w", "Wanda Ng", wins=["got promoted to VP"]),
        [log("w", "touch", 10, "coffee")],
        [],
        {"win": "got promoted to VP", "congratulated": None},
    ),
    "only open promises and owed thank-yous are carried": (
        person("p", "Priya Raman"),
        [],
        [owe("p1", "p", 3), owe("p2", "p", 9, done=ago(1)), owe("t1", "p", 2, "CV review", "thanks")],
        {
            "open": [
                {
                    "id": "p1",
                    "kind": "promise",
                    "made_on": ago(3),
                    "text": "the Ferrazzi book",
                    "said": "You promised Priya the Ferrazzi book",
                },
                {"id": "t1", "kind": "thanks", "made_on": ago(2), "text": "CV review", "said": "helped you"},
            ]
        },
    ),
    "an open item carries the words a morning says it with": (
        person("p", "Priya Raman"),
        [],
        [
            owe("p1", "p", 3, "I'll send her the deck with my notes"),
            owe("t1", "p", 2, "reviewed my CV", "thanks"),
            owe("r1", "p", 1, "ask about the move", "reminder"),
        ],
        {
            "open": [
                {
                    "id": "p1",
                    "kind": "promise",
                    "made_on": ago(3),
                    "text": "I'll send her the deck with my notes",
                    "said": "You promised Priya the deck with your notes",  # the whole thing, in the user's words
                },
                {"id": "t1", "kind": "thanks", "made_on": ago(2), "text": "reviewed my CV", "said": "reviewed your CV"},
                {"id": "r1", "kind": "reminder", "made_on": ago(1), "text": "ask about the move"},
            ]
        },
    ),
}


@pytest.mark.parametrize(("contact", "interactions", "promises", "expected"), ROW_CASES.values(), ids=ROW_CASES)
def test_a_row_carries_what_the_planner_needs(contact, interactions, promises, expected):
    row = row_of(contact, interactions, promises)
    for key, value in expected.items():
        if value is None:
            assert key not in row, row
        else:
            assert row[key] == value, row


@pytest.mark.parametrize("words", [40, 400])
def test_long_texts_are_clipped_so_rows_stay_small(words):
    essay = "send her the long article about " + "networking " * words
    contact = person("p", "Priya Raman", met_context="a conference " * words)
    row = row_of(contact, [log("p", "note", 200, essay)], [owe("p1", "p", 3, essay)])  # on the day they met
    row["gives"] = row_of(contact, [log("p", "gave", 3, essay)], [])["gives"]
    assert all(len(text) <= 120 for text in (row["met_at"], row["open"][0]["text"]))
    assert row["open"][0]["text"].endswith("…") and row["open"][0]["text"].startswith("send her the long article")
    assert len(row["gives"]) <= 240
    assert len(orjson.dumps(row)) < 800  # the same for a paragraph or a book


def test_rows_survive_json_unchanged():
    network = _everything_network()
    rows = summaries(network)
    assert orjson.loads(orjson.dumps(rows)) == rows
    sizes = [len(orjson.dumps(row)) for row in rows.values()]
    assert max(sizes) < 500, sizes


# -- planning from rows is planning ------------------------------------------------------------------------


def _everything_network() -> Network:
    """One of each: a debt, a promise, a fresh meeting, a loop to close, gone-quiet ties, gives and an intro."""
    return net(
        [
            person("t", "Tia Thanks"),
            person("p", "Pat Promise", interests=["chess"]),
            person("m", "Mo Met", met=1, met_context="PyCon"),
            person("s", "Sam Loop"),
            person("i", "Ida Inner", circle="inner", interests=["jazz"]),
            person("w", "Wes Wider", circle="wider", company="Acme"),
            person("g", "Gia Giver", interests=["Jazz", "sailing"], company="Acme"),
            person("v", "Val Win", wins=["new job"], interests=["sailing"]),
            person("q", "Quinn Quiet", created_at="2025-06-10T08:00:00+00:00", met=None),
            person("n", "Nia Need", needs=["a lawyer"], company="Globex"),
            person("l", "Lou Law", role="Lawyer"),
            person("o", "Oli Offer", needs=["feedback on a pitch deck"]),
            person("b", "Bea Birthday", birthday=TODAY.strftime("%m-%d")),
            person("r", "Ray Reminder"),
            person("c", "Cora Cold", circle="wider", met=900),
            person("x", "Xan Angel", tags=["investor"], interests=["chess"]),
        ],
        [
            log("t", "got", 3, "a referral"),
            log("p", "touch", 1),
            log("m", "met", 1),
            log("s", "got", 25, "the intro to Acme"),
            log("s", "thanked", 20),
            log("i", "touch", 40, "lunch near her office"),
            log("i", "note", 30, "training for a marathon"),
            log("w", "touch", 120),
            log("g", "got", 60, "a job lead"),
            log("g", "touch", 12),
            log("v", "note", 8),
            log("v", "touch", 6),
            log("n", "touch", 2),
            log("l", "touch", 2),
            log("o", "touch", 2),
            log("b", "touch", 2),
            log("r", "touch", 2),
            log("c", "touch", 500),
            *[log("x", "touch", n) for n in range(1, 8)],
            log("x", "gave", 3),
        ],
        [
            owe("t1", "t", 3, "a referral", "thanks"),
            owe("p1", "p", 4, "send him the slides"),
            owe("p0", "p", 40, done=ago(2)),
            Promise(id="r1", contact_id="r", text="call Ray about the lease", kind="reminder", due_on=ago(0)),
        ],
    )


GOAL = {"id": "g1", "text": "raise a seed round", "by": "", "done_on": "", "set_on": ago(30)}
NETWORKS = {
    "one of each": _everything_network(),
    "empty": net(),
    "quiet day": net([person("a", "Ann Bell"), person("b", "Bob Hart")], [log("a", "touch", 1), log("b", "touch", 5)]),
    "busy inner circle": net(
        [person(f"c{n}", f"Person{n} Test", circle="inner", interests=["jazz"]) for n in range(8)],
        [log(f"c{n}", "touch", 20 + n) for n in range(8)] + [log(f"c{n}", "note", 25) for n in range(8)],
        [owe("p0", "c0", 5), owe("p1", "c1", 4), owe("p2", "c2", 3), owe("t3", "c3", 2, kind="thanks")],
    ),
}
OPTIONS = {
    "defaults": {},
    "budget 1": {"budget": 1},
    "budget 6": {"budget": 6},
    "snoozed": {"snoozed": {"thank:t1": ago(-3), "followup:p0": ago(-3), "reconnect:b": ago(-3)}},
    "after two ignored mornings": {
        "mornings": {
            ago(n): {"status": "sent", "keys": ["thank:t1", "reconnect:i", "give:c4"], "people": [["t"], ["i"], ["c4"]]}
            for n in (1, 2)
        }
    },
    "with a goal and offers": {"goals": [GOAL], "offers": ["I can review pitch decks"]},
}


@pytest.mark.parametrize("options", OPTIONS.values(), ids=OPTIONS)
@pytest.mark.parametrize("network", NETWORKS.values(), ids=NETWORKS)
def test_planning_from_stored_rows_gives_the_same_plan(network, options):
    stored = orjson.loads(orjson.dumps(summaries(network)))  # as the notebook keeps them on disk
    plan = plan_morning(stored, TODAY, **options).nudges
    assert plan == plan_day(network, TODAY, **options)
    if network is not NETWORKS["quiet day"] or "goals" in options:
        assert plan  # only a quiet day without a goal is empty
    # Rows are a mapping: the order they were stored in changes nothing.
    assert plan_morning(dict(reversed(stored.items())), TODAY, **options).nudges == plan


def test_the_rows_reach_every_kind_of_nudge():
    found = candidates(NETWORKS["one of each"], TODAY, goals=[GOAL], offers=["I can review pitch decks"])
    keys = {n.key.split(":")[0] for n in found}
    assert keys == {
        *("thank", "followup", "thank-meet", "reconnect", "give", "congrats", "intro", "birthday", "remind"),
        *("offer", "ask", "rediscover"),
    }


def test_a_clipped_promise_still_reads_as_a_sentence():
    essay = "send her the long article about " + "networking " * 40
    network = net([person("p", "Priya Raman")], [log("p", "touch", 1)], [owe("p1", "p", 3, essay)])
    [nudge] = plan_day(network, TODAY)
    assert nudge.reason == "On Sunday, you promised Priya the long article."  # never a run of the note


def test_planning_leaves_the_rows_as_they_were():
    # The notebook hands over its cached file contents: a plan that edited them would corrupt the next save.
    rows = summaries(NETWORKS["one of each"])
    before = orjson.dumps(rows)
    candidates(NETWORKS["one of each"], TODAY)
    plan_morning(rows, TODAY, budget=10, snoozed={"thank:t1": ago(-2)}, goals=[GOAL], offers=["I can review decks"])
    assert orjson.dumps(rows) == before


# -- an open item's words are worked out when its row is saved ---------------------------------------------------

DEBTS = [
    ("promise", "", "send him the deck w/ my notes"),
    ("promise", "", "I'll review his cv"),
    ("promise", "", "intro him to ppl at stripe"),
    ("promise", "", "owe him a coffee"),
    ("promise", "", "call"),
    ("promise", ago(-1), "send over the Q3 numbers"),
    ("promise", ago(0), "I'll ping Dana about the role"),
    ("promise", ago(4), "the Ferrazzi book"),
    ("thanks", "", "reviewed my deck and sent notes"),
    ("thanks", "", "intro to Acme"),
    ("reminder", ago(0), "ask how the move went"),
]


def test_a_morning_says_an_open_item_the_same_from_its_saved_words_as_from_its_text():
    """Rows from an older release have no "said": the nudges are the same word for word, worked out on the spot."""
    tom = person("t", "Tom Berg", circle="inner")
    owed = [
        Promise(id=f"p{n}", contact_id="t", text=text, kind=kind, made_on=ago(n + 1), due_on=due_on)
        for n, (kind, due_on, text) in enumerate(DEBTS)
    ]
    rows = summaries(net([tom], [log("t", "touch", 20)], owed))
    said = [item.get("said") for item in rows["t"]["open"]]
    assert all(said[:-1]) and said[-1] is None, said  # a reminder is said as typed
    older = orjson.loads(orjson.dumps(rows))
    for item in older["t"]["open"]:
        item.pop("said", None)
    for day in range(3):
        today = TODAY + timedelta(days=day)
        worded = [write(due, rows, today) for due in all_due(rows, today)]
        assert len([n for n in worded if n.promise_id]) >= 9
        assert worded == [write(due, older, today) for due in all_due(older, today)]


def test_renaming_a_contact_renames_them_in_a_saved_promise(tmp_path):

    notebook = open_notebook(1, tmp_path / "1.json")
    notebook.save_contact(person("t", "Tom Berg"))
    notebook.save_promise(Promise(id="p1", contact_id="t", text="send him the deck", kind="promise", made_on=ago(1)))
    assert notebook.summaries()["t"]["open"][0]["said"] == "You promised Tom the deck"
    renamed = notebook.contact("t")
    assert renamed is not None
    notebook.save_contact(dataclasses.replace(renamed, name="Thomas Berg"))
    notebook.close()
    reopened = open_notebook(1, tmp_path / "1.json")
    plan = plan_morning(reopened.summaries(), TODAY).nudges
    assert [n.reason for n in plan if n.key == "followup:p1"] == ["Yesterday, you promised Thomas the deck."]
