"""An archived contact stays out of the mornings: their digest row says so and carries nothing a morning plans from."""

from __future__ import annotations

from datetime import date, timedelta

from bot.coach.planning.summary import summarize
from bot.coach.writing.plans import candidates
from bot.store.records import Contact, Interaction, Promise
from bot.store.view import Network

TODAY = date(2026, 3, 10)


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def busy(cid: str, name: str, **fields) -> Network:
    """Someone with something of every kind due today: a meeting to follow up, a promise, a birthday, a need, a win,
    long overdue for a touch."""
    contact = Contact(
        id=cid, name=name, circle="inner", met_on=ago(2), met_context="the meetup", birthday=TODAY.strftime("%m-%d"),
        needs=["a designer"], interests=["jazz"], wins=["got promoted"], company="Acme", role="designer", **fields,
    )  # fmt: skip
    return Network(
        [contact],
        [Interaction(id=f"i{cid}", contact_id=cid, kind="got", on=ago(400), text="reviewed my deck")],
        [Promise(id=f"p{cid}", contact_id=cid, text="send her the deck", made_on=ago(5), due_on=ago(0))],
    )


def test_an_archived_contact_never_comes_up_in_a_morning():
    assert any("Jane" in n.reason for n in candidates(busy("j", "Jane Doe"), TODAY))
    archived = busy("j", "Jane Doe", archived_on=ago(1))
    assert [n.reason for n in candidates(archived, TODAY) if "Jane" in n.reason] == []


def test_an_archived_row_keeps_only_who_they_are():
    network = busy("j", "Jane Doe", archived_on=ago(1))
    [contact] = network.contacts
    row = summarize(contact, network.timeline("j"), network.promises_for("j"))
    assert row == {"id": "j", "first": "Jane", "circle": "inner", "last": ago(400), "touches": 1, "archived": 1}
