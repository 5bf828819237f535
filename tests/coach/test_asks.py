"""Asks a person can say yes to (docs/coaching.md, "Asks"): what and whom, fitted to the contact's role and the goal;
the best-placed person first; nobody framed as helping a goal they cannot help."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.coach.writing.plans import plan_day
from bot.store.records import Contact, Interaction
from bot.store.view import Network

TODAY = date(2026, 3, 10)


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def strong(cid: str, name: str, **fields) -> Network:
    """A tie strong enough for any ask: many touches, a give, known details."""
    contact = Contact(id=cid, name=name, met_on=ago(300), interests=["jazz"], **fields)
    log = [Interaction(id=f"{cid}{n}", contact_id=cid, kind="touch", on=ago(n * 3 + 2)) for n in range(9)]
    return Network([contact], [*log, Interaction(id=f"{cid}g", contact_id=cid, kind="gave", on=ago(40))])


def goal(text: str) -> dict:
    return {"id": "g1", "text": text, "by": "", "done_on": "", "set_on": ago(100)}


def ask(network: Network, goal_text: str, fields: dict | None = None):
    asks = [n for n in plan_day(network, TODAY, goals=[goal(goal_text)], fields=fields or {}) if n.kind == "ask"]
    return asks[0] if asks else None


INVESTOR = {"role": "Partner", "company": "Acme Ventures"}
FOUNDER = {"role": "Founder", "company": "Loop", "offers": ["intros to VCs"]}
SEED = "raise a seed round"
PM_JOB = "land a PM role at a fintech"


@pytest.mark.parametrize(
    ("card", "goal_text", "action"),
    [
        (INVESTOR, SEED, "Ask Victor whether Acme Ventures would invest in the seed round you're raising."),
        ({"role": "angel investor"}, SEED, "Ask Victor whether they'd invest in the seed round you're raising."),
        ({"role": "Recruiter", "company": "Monzo"}, PM_JOB, "Ask Victor for a referral for a PM role at Monzo."),
        (FOUNDER, SEED, "Ask Victor for an introduction to one seed investor they know well."),
        ({"role": "PM", "company": "Acme"}, PM_JOB,
         "Ask Victor for 15 minutes of advice on one question: what fintech teams look for in a PM."),
    ],
    ids=["a fund's partner", "an angel", "a recruiter", "a founder who knows investors", "a peer"],
)  # fmt: skip
def test_an_ask_names_what_and_whom(card, goal_text, action):
    answered = {"acme": ["!fintech"]}  # the user said Acme is no fintech: Victor is a peer there
    nudge = ask(strong("v", "Victor Hale", **card), goal_text, fields=answered)
    assert nudge is not None and nudge.action == action


def test_a_peer_at_a_company_of_unknown_field_is_asked_about_first():
    peer = strong("v", "Victor Hale", role="PM", company="Acme")
    [step] = plan_day(peer, TODAY, goals=[goal(PM_JOB)])
    assert step.key == "field:g1:acme" and step.reason.startswith("Is Acme a fintech? Victor works there")


def test_someone_at_a_company_in_the_goals_field_is_asked_for_the_team():
    carla = strong("c", "Carla Diaz", role="PM", company="Monzo")
    nudge = ask(carla, "land a PM role at a fintech", fields={"monzo": ["fintech"]})
    assert nudge.action == "Ask Carla for an introduction to the hiring manager for PM roles at Monzo."
    assert nudge.reason.startswith("Carla works at Monzo, a fintech, and your tie is strong enough to ask.")


def test_nobody_is_framed_as_helping_a_goal_they_cannot_help():
    designer = strong("d", "Dina Roe", role="freelance product designer")
    plan = plan_day(designer, TODAY, goals=[goal("land a product manager job")])
    assert not [n for n in plan if n.goal_id and n.contact_id == "d"], [n.reason for n in plan]


def test_the_best_placed_person_comes_first():
    pm_at_fintech = strong("c", "Carla Diaz", role="PM", company="Monzo")
    peer = strong("n", "Nina Ode", role="PM", company="Acme")
    both = Network(pm_at_fintech.contacts + peer.contacts, pm_at_fintech.interactions + peer.interactions)
    plan = plan_day(both, TODAY, goals=[goal("land a PM role at a fintech")], fields={"monzo": ["fintech"]})
    asks = [n.contact_id for n in plan if n.kind in ("ask", "give") and n.goal_id]
    assert asks[0] == "c"


def test_investors_waiting_or_just_helping_are_not_a_gap():
    """Victor waits for 3 more months of revenue, Ivan just pledged: nobody is asked, and "nobody you know
    invests" is never said while they can."""
    from bot.store.records import Promise

    victor, ivan = strong("a1", "Victor Hale", **INVESTOR), strong("b2", "Ivan Petrov", role="angel")
    network = Network(
        [*victor.contacts, *ivan.contacts],
        [*victor.interactions, *ivan.interactions, Interaction(id="g", contact_id="b2", kind="got", on=ago(1))],
        [Promise(id="p", contact_id="a1", text="show Victor 3 more months", kind="later", due_on=ago(-80))],
    )
    plan = plan_day(network, TODAY, goals=[goal(SEED)])
    assert not [n for n in plan if n.kind == "ask"]
    assert not [n for n in plan if "nobody you know" in n.reason]
