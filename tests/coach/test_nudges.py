"""Morning nudges: what the coach suggests, in what order, and how the daily plan is chosen (docs/coaching.md)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from bot.coach.planning.nudges import NUDGE_KINDS, Nudge
from bot.coach.writing.plans import candidates, plan_day
from bot.store.records import Contact, Interaction, Promise
from bot.store.view import Network

TODAY = date(2025, 6, 18)  # a Wednesday
_ids = itertools.count()


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def person(cid: str, name: str, *, circle: str = "close", met: int = 200, **fields) -> Contact:
    return Contact(id=cid, name=name, circle=circle, met_on=ago(met), **fields)


def log(cid: str, kind: str, days: int, text: str = "", context: str = "") -> Interaction:
    return Interaction(id=f"i{next(_ids)}", contact_id=cid, kind=kind, on=ago(days), text=text, context=context)


def owe(pid: str, cid: str, days: int, text: str = "the Ferrazzi book", kind: str = "promise", done: str = ""):
    return Promise(id=pid, contact_id=cid, text=text, kind=kind, made_on=ago(days), done_on=done)


def net(contacts=(), interactions=(), promises=()) -> Network:
    return Network(list(contacts), list(interactions), list(promises))


def by_key(nudges: list[Nudge]) -> dict[str, Nudge]:
    return {n.key: n for n in nudges}


# Each row: a small crafted history and the one nudge it must produce.
KIND_CASES = {
    "thank-you owed for help": (
        net([person("p", "Priya Raman")], [log("p", "touch", 2)], [owe("t1", "p", 2, "intro to Acme", "thanks")]),
        "thank:t1",
        "thank",
        "thanks",
        "Priya helped you on Monday and hasn't heard a thank-you yet.",
    ),
    "promise of a thing": (
        net([person("p", "Priya Raman")], [log("p", "touch", 3)], [owe("p1", "p", 3)]),
        "followup:p1",
        "followup",
        "followup",
        "On Sunday, you promised Priya the Ferrazzi book.",
    ),
    "promise of an action": (
        net([person("p", "Priya Raman")], [log("p", "touch", 3)], [owe("p1", "p", 3, "send her the slides")]),
        "followup:p1",
        "followup",
        "followup",
        "On Sunday, you promised Priya the slides.",
    ),
    "nice to meet you, two days on": (
        net(
            [person("j", "Jane Doe", met=2, met_context="the editors happy hour")],
            [log("j", "met", 2), log("j", "note", 2, "loves poetry")],
        ),
        "thank-meet:j",
        "thank",
        "followup",
        "You met Jane at the editors happy hour on Monday - a short nice-to-meet-you note",
    ),
    "inner circle gone quiet": (
        net([person("a", "Ana Ruiz", circle="inner")], [log("a", "touch", 20, "lunch near her office")]),
        "reconnect:a",
        "reconnect",
        "reconnect",
        "since you were in touch with Ana - your inner circle gets a touch every two",
    ),
    "pass something on": (
        net([person("l", "Li Wei", interests=["climate tech"])], [log("l", "touch", 10)]),
        "give:l",
        "give",
        "share",
        "Li cares about climate tech",
    ),
    "congratulate a win": (
        net([person("w", "Wanda Ng", wins=["got promoted to VP"])], [log("w", "touch", 5)]),
        "congrats:w",
        "give",
        "congrats",
        "Good news for Wanda: their promotion to VP.",
    ),
    "introduce someone who needs what another has": (
        net(
            [person("a", "Ann Bell", needs=["a lawyer"], company="Acme"), person("b", "Bob Hart", role="Lawyer")],
            [log("a", "touch", 3), log("b", "touch", 3)],
        ),
        "intro:a:b",
        "give",
        "intro",
        "Ann is looking for a lawyer, and Bob is a lawyer - an intro answers that need.",
    ),
}


@pytest.mark.parametrize(("network", "key", "kind", "draft", "words"), KIND_CASES.values(), ids=KIND_CASES)
def test_each_kind_of_nudge_is_found_with_plain_words(network, key, kind, draft, words):
    found = [n for n in candidates(network, TODAY) if n.kind == kind and (key is None or n.key == key)]
    assert found, [n.key for n in candidates(network, TODAY)]
    nudge = found[0]
    assert nudge.kind in NUDGE_KINDS
    assert nudge.draft_kind == draft
    assert words in nudge.reason
    assert nudge.action and nudge.contact_id


def test_intro_names_both_people_the_one_with_the_need_first():
    network = KIND_CASES["introduce someone who needs what another has"][0]
    intro = by_key(candidates(network, TODAY))["intro:a:b"]
    assert (intro.contact_id, intro.other_contact_id) == ("a", "b")
    assert intro.action == "Ask Ann and Bob if they'd like an intro."


def test_closing_nudges_carry_the_promise_they_close():
    network = net(
        [person("p", "Priya Raman"), person("q", "Quinn Ode")],
        [log("p", "touch", 1), log("q", "touch", 1)],
        [owe("p1", "p", 3), owe("t1", "q", 1, "CV review", "thanks")],
    )
    nudges = by_key(candidates(network, TODAY))
    assert nudges["followup:p1"].promise_id == "p1"
    assert nudges["thank:t1"].promise_id == "t1"


NOT_DUE = {
    "meeting already followed up": net(
        [person("j", "Jane Doe", met=2)], [log("j", "met", 2), log("j", "followed_up", 1)]
    ),
    "meeting too long ago for nice-to-meet": net([person("j", "Jane Doe", met=5)], [log("j", "met", 5)]),
    "a note yesterday resets the inner-circle clock": net(
        [person("a", "Ana Ruiz", circle="inner")], [log("a", "touch", 40), log("a", "note", 1)]
    ),
    "kept promise": net([person("p", "Priya Raman")], [log("p", "kept", 1)], [owe("p1", "p", 9, done=ago(1))]),
    "thanked already": net(
        [person("p", "Priya Raman")], [log("p", "thanked", 1)], [owe("t1", "p", 9, kind="thanks", done=ago(1))]
    ),
    "win already congratulated": net(
        [person("w", "Wanda Ng", wins=["got promoted"])], [log("w", "gave", 10, "congrats card")]
    ),
    "in touch this week, so no share yet": net(
        [person("l", "Li Wei", interests=["climate tech"])], [log("l", "touch", 3)]
    ),
    "already asked about the intro": net(
        [person("a", "Ann Bell", needs=["a lawyer"]), person("b", "Bob Hart", role="lawyer")],
        [log("a", "touch", 3), log("a", "asked", 3, "asked about an intro to Bob Hart"), log("b", "touch", 3)],
    ),
    "one introduced the other": net(
        [person("a", "Ann Bell", needs=["a lawyer"]), person("b", "Bob Hart", role="lawyer", introduced_by_id="a")],
        [log("a", "touch", 3), log("b", "touch", 3)],
    ),
    "colleagues at the same company are never introduced": net(
        [person("a", "Ann Bell", needs=["a designer"], company="Acme"),
         person("b", "Bob Hart", role="designer", company="ACME")],
        [log("a", "touch", 3), log("b", "touch", 3)],
    ),
    "sharing an interest alone is no reason for an intro": net(
        [person("a", "Ann Bell", interests=["AI"]), person("b", "Bob Hart", interests=["ai"])],
        [log("a", "touch", 3), log("b", "touch", 3)],
    ),
    "close circle within its month": net([person("c", "Cy Park")], [log("c", "touch", 29)]),
    "wider circle within three months": net([person("c", "Cy Park", circle="wider")], [log("c", "touch", 80)]),
}


@pytest.mark.parametrize("network", NOT_DUE.values(), ids=NOT_DUE)
def test_nothing_is_due_when_the_loop_is_closed(network):
    assert candidates(network, TODAY) == []


def test_social_debts_rank_first_then_inner_circle_then_giving_then_wider_circle():
    network = net(
        [
            person("w", "Wes Wider", circle="wider"),
            person("g", "Gia Giver", interests=["chess"]),
            person("i", "Ida Inner", circle="inner"),
            person("m", "Mo Met", met=1),
            person("p", "Pat Promise"),
            person("t", "Tia Thanks"),
        ],
        [
            log("w", "touch", 120),
            log("g", "touch", 10),
            log("i", "touch", 20),
            log("m", "met", 1),
            log("p", "touch", 1),
            log("t", "got", 3, "a referral"),
        ],
        [owe("p1", "p", 4), owe("t1", "t", 3, "a referral", "thanks")],
    )
    keys = [n.key for n in candidates(network, TODAY)]
    assert keys == ["thank:t1", "followup:p1", "thank-meet:m", "reconnect:i", "give:g", "reconnect:w"]


def test_the_most_overdue_promise_comes_first():
    network = net(
        [person("a", "Ann Bell"), person("b", "Bob Hart"), person("c", "Cy Park")],
        [log(c, "touch", 1) for c in "abc"],
        [owe("new", "a", 1), owe("old", "b", 20), owe("mid", "c", 6)],
    )
    assert [n.key for n in candidates(network, TODAY)] == ["followup:old", "followup:mid", "followup:new"]


def test_givers_who_helped_without_getting_back_come_first():
    network = net(
        [person("a", "Ann Bell", interests=["jazz"]), person("b", "Bob Hart", interests=["chess"])],
        [log("a", "touch", 10), log("b", "got", 40, "a job lead"), log("b", "thanked", 10)],
    )
    gives = [n for n in candidates(network, TODAY) if n.kind == "give"]
    assert [n.contact_id for n in gives] == ["b", "a"]
    assert "Bob has helped you once and you haven't given back yet" in gives[0].reason


def _busy_network() -> Network:
    """Three promises, a thank-you, two reconnects and gives: more than any budget of 3 can hold."""
    contacts = [person(f"c{n}", f"Person{n} Test", circle="inner", interests=["jazz"]) for n in range(8)]
    interactions = [log(f"c{n}", "touch", 20 + n) for n in range(8)]
    promises = [owe("p0", "c0", 5), owe("p1", "c1", 4), owe("p2", "c2", 3), owe("t3", "c3", 2, kind="thanks")]
    return net(contacts, interactions, promises)


@pytest.mark.parametrize(("budget", "expected"), [(1, 1), (2, 2), (3, 3), (5, 5), (0, 1), (99, 5)])  # never filler
def test_the_plan_respects_the_budget(budget, expected):
    assert len(plan_day(_busy_network(), TODAY, budget=budget)) == expected


def test_the_plan_mixes_kinds_instead_of_three_of_one():
    plan = plan_day(_busy_network(), TODAY, budget=3)
    assert [n.kind for n in plan] == ["thank", "followup", "reconnect"]


def test_one_kind_fills_the_plan_when_nothing_else_is_due():
    network = net(
        [person(c, f"{c.upper()} Person") for c in "abc"],
        [log(c, "touch", 1) for c in "abc"],
        [owe("pa", "a", 3), owe("pb", "b", 2), owe("pc", "c", 1)],
    )
    assert [n.key for n in plan_day(network, TODAY)] == ["followup:pa", "followup:pb", "followup:pc"]


def test_never_two_nudges_for_the_same_person_in_a_day():
    network = net(
        [person("p", "Priya Raman", circle="inner", interests=["jazz"], wins=["new job"])],
        [log("p", "got", 60, "a reference")],
        [owe("p1", "p", 5), owe("t1", "p", 5, kind="thanks")],
    )
    assert len(candidates(network, TODAY)) >= 4
    plan = plan_day(network, TODAY, budget=5)
    assert [n.key for n in plan] == ["thank:t1"]


def test_an_intro_uses_up_both_people():
    network = KIND_CASES["introduce someone who needs what another has"][0]
    network = net(network.contacts, network.interactions, [owe("p1", "a", 1)])
    assert "intro:a:b" in by_key(candidates(network, TODAY))
    assert [n.key for n in plan_day(network, TODAY, budget=3)] == ["followup:p1"]


@pytest.mark.parametrize(
    ("today", "hidden"),
    [(TODAY, True), (TODAY + timedelta(days=1), True), (TODAY + timedelta(days=2), False)],
)
def test_a_snoozed_nudge_stays_hidden_until_its_day(today, hidden):
    network = net([person("p", "Priya Raman")], [log("p", "touch", 1)], [owe("p1", "p", 3), owe("p2", "p", 1)])
    snoozed = {"followup:p1": (TODAY + timedelta(days=2)).isoformat()}
    keys = [n.key for n in plan_day(network, today, snoozed=snoozed)]
    assert keys == (["followup:p2"] if hidden else ["followup:p1"])


def test_a_garbled_snooze_date_hides_nothing():
    network = net([person("p", "Priya Raman")], [log("p", "touch", 1)], [owe("p1", "p", 3)])
    assert [n.key for n in plan_day(network, TODAY, snoozed={"followup:p1": "soon"})] == ["followup:p1"]


def test_an_empty_network_gets_the_starter_with_an_example_to_copy():
    [starter] = plan_day(net(), TODAY)
    assert (starter.key, starter.kind, starter.contact_id) == ("starter", "starter", "")
    assert starter.action.startswith("met Jane from Acme at the editors happy hour")
    assert [n.key for n in candidates(net(), TODAY)] == ["starter"]


def test_a_quiet_day_is_honest_rather_than_a_filler_touch():
    network = net([person("a", "Ann Bell"), person("b", "Bob Hart", interests=["chess"])],
                  [log("a", "touch", 1), log("b", "touch", 5)])
    assert candidates(network, TODAY) == []
    assert plan_day(network, TODAY) == []


def test_snoozing_a_person_rests_everything_about_them():
    network = net(
        [person("p", "Priya Raman", circle="inner", interests=["jazz"])],
        [log("p", "touch", 20)],
        [owe("p1", "p", 3)],
    )
    until = (TODAY + timedelta(days=2)).isoformat()
    assert [n.key for n in plan_day(network, TODAY, budget=3)] == ["followup:p1"]
    assert plan_day(network, TODAY, snoozed={"person:p": until}) == []
    # Only the one item: the rest about her stays.
    assert [n.key for n in plan_day(network, TODAY, snoozed={"followup:p1": until})] == ["reconnect:p"]


def test_plans_are_deterministic():
    network = _busy_network()
    assert plan_day(network, TODAY) == plan_day(network, TODAY)


@pytest.mark.parametrize(
    ("logged", "fresh"),
    [
        ([("note", "just got promoted, loves jazz")], True),  # where the win was learned: not a congratulation
        ([("met", "she got promoted last week")], True),
        ([("note", "just got promoted"), ("gave", "sent a congrats note")], False),
        ([("note", "just got promoted"), ("touch", "told her well done on got promoted")], False),
    ],
)
def test_a_win_stays_fresh_until_the_user_congratulates(logged, fresh):
    from bot.coach.planning.give import fresh_win
    from bot.store.records import Contact, Interaction

    contact = Contact(id="aaaaaaaa", name="Wanda", wins=["got promoted"])
    timeline = [
        Interaction(id=f"i{n}", contact_id="aaaaaaaa", kind=k, text=t, on="2026-11-01")
        for n, (k, t) in enumerate(logged)
    ]
    assert (fresh_win(contact, timeline) == "got promoted") is fresh


@pytest.mark.parametrize(
    ("promised", "words"),
    [
        ("send her the Ferrazzi book", "you promised Priya the Ferrazzi book."),
        ("owe him our churn numbers", "you promised Priya our churn numbers."),
        ("I'll call her next week", "you promised Priya a call."),
        ("intro her to Sam", "you promised Priya an intro to Sam."),
        ("review the draft", "you told Priya you'd review the draft."),
    ],
)
def test_a_promise_reads_as_one_whole_sentence(promised, words):
    network = net([person("p", "Priya Raman")], [log("p", "touch", 1)], [owe("p1", "p", 1, promised)])
    [nudge] = plan_day(network, TODAY)
    assert nudge.reason == f"Yesterday, {words}"


def test_nudges_never_quote_the_coachs_own_words_back():
    # A touch logged from a nudge carries no text; even an old one that did is never quoted.
    network = net([person("j", "Josh Park", circle="inner")], [log("j", "touch", 30, "Send Josh a quick hello.")])
    [nudge] = plan_day(network, TODAY)
    assert "quick hello." not in nudge.reason and "(" not in nudge.reason


@pytest.mark.parametrize(
    ("helped", "words"),
    [
        ("reviewed my CV", "Priya reviewed your CV on Monday and hasn't heard a thank-you yet."),
        ("introduced me to two angels", "Priya introduced you to two angels on Monday and hasn't heard"),
        ("intro to Acme", "Priya helped you on Monday and hasn't heard a thank-you yet."),
        ("committed 50k", "Priya committed 50k on Monday"),
    ],
)
def test_a_thank_you_owed_says_what_they_did_in_a_whole_sentence(helped, words):
    network = net([person("p", "Priya Raman")], [log("p", "touch", 2)], [owe("t1", "p", 2, helped, "thanks")])
    [nudge] = plan_day(network, TODAY)
    assert nudge.reason.startswith(words)
