"""Nudge words never read the user's notes back, and the sentences the issue found broken cannot be made."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from bot.coach.writing.plans import candidates, plan_day
from bot.store.records import Contact, Interaction, Promise
from bot.store.view import Network

TODAY = date(2025, 6, 18)  # a Wednesday
QUOTE = 25  # a run of this many characters of a note in a nudge is the note read back
_ids = itertools.count()


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def person(cid: str, name: str, **fields) -> Contact:
    return Contact(id=cid, name=name, met_on=ago(200), **fields)


def note(cid: str, days: int, text: str, kind: str = "note") -> Interaction:
    return Interaction(id=f"i{next(_ids)}", contact_id=cid, kind=kind, on=ago(days), text=text)


def quoted(said: str, notes: list[str]) -> list[str]:
    """Every run of QUOTE characters of a note that ``said`` repeats (case-insensitive)."""
    said = said.lower()
    runs = []
    for text in notes:
        text = text.lower()
        runs += [text[i : i + QUOTE] for i in range(len(text) - QUOTE + 1) if text[i : i + QUOTE] in said]
    return runs


WINS = {
    "launched her own ceramics studio on the side": "launching her own ceramics studio",
    "got promoted to VP of Sales at Globex last month": "promotion to VP of Sales",
    "won best paper at NeurIPS this year for her work on graph nets": "winning best paper at NeurIPS",
    "closed her seed round last week with a great lead investor": "closing her seed round",
    "PhD done finally after six long years in the lab": "",  # news no rule reads: said without quoting it
}


@pytest.mark.parametrize(("win", "said"), WINS.items(), ids=list(WINS))
def test_a_win_is_congratulated_in_the_facts_layers_words_never_the_cards(win, said):
    network = Network([person("l", "Lisa Park", wins=[win])], [note("l", 10, "coffee")], [])
    [nudge] = [n for n in candidates(network, TODAY) if n.key == "congrats:l"]
    assert said in nudge.reason and said in nudge.action
    assert not quoted(nudge.reason + " " + nudge.action, [win])
    if not said:
        assert nudge.reason.startswith("Good news for Lisa. ") and nudge.action == "Congratulate Lisa on the news."


def test_no_nudge_of_any_kind_reads_a_note_back():
    notes = [
        "she is looking for a lawyer for the new startup she is building in Lisbon",
        "loves jazz and told me about the Blue Note residency she is planning for next spring",
        "talked for an hour about climate tech and the carbon removal market in Europe",
    ]
    wins = ["launched her own ceramics studio on the side, after years of evening classes"]
    contacts = [
        person("a", "Ana Costa", circle="inner", interests=["jazz"], wins=wins, needs=["a lawyer"]),
        person("b", "Ben Hale", role="Lawyer", company="Hale & Co", circle="close", interests=["climate tech"]),
        person("c", "Cat Moss", circle="wider", interests=["sailing"]),
    ]
    timeline = [note("a", 40, notes[0]), note("a", 40, notes[1], "met"), note("b", 60, notes[2]), note("c", 500, "x")]
    promises = [
        Promise(id="p1", contact_id="b", text="owe him our churn numbers", kind="promise", made_on=ago(1)),
        Promise(id="t1", contact_id="c", text="committed 50k", kind="thanks", made_on=ago(2)),
    ]
    nudges = candidates(
        Network(contacts, timeline, promises), TODAY, goals=[{"id": "g", "text": "hire a lawyer", "done_on": ""}]
    )
    assert {n.key.split(":")[0] for n in nudges} >= {"congrats", "followup", "thank", "reconnect", "rediscover"}
    for nudge in nudges:
        assert not quoted(f"{nudge.reason} {nudge.action}", notes + wins), nudge


@pytest.mark.parametrize(
    ("kind", "text", "said", "broken"),
    [
        ("promise", "owe him our churn numbers", "Yesterday, you promised Max our churn numbers.", "promised Max owe"),
        ("promise", "I'll owe him a call re his seed round", "Yesterday, you promised Max a call.", "promised Max owe"),
        ("thanks", "committed 50k", "Max committed 50k yesterday and hasn't heard", "thanked Max for committed"),
        ("thanks", "intro to Acme", "Max helped you yesterday and hasn't heard", "for intro to Acme"),
    ],
)
def test_the_broken_sentences_from_the_issue_cannot_be_made(kind, text, said, broken):
    network = Network(
        [person("m", "Max Weber")],
        [note("m", 1, "")],
        [Promise(id="p", contact_id="m", text=text, kind=kind, made_on=ago(1))],
    )
    [nudge] = plan_day(network, TODAY)
    assert said in nudge.reason
    assert broken not in nudge.reason and broken not in nudge.action
