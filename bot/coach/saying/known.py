"""What is known about a person now: their current facts (a newer job supersedes an older one), news first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from bot.coach.reading.names import fold
from bot.store.records import Contact, Fact, Interaction, Promise, new_id

if TYPE_CHECKING:
    from bot.store.view import Network
from bot.coach.reading.facts import NEWS_KINDS, _key, read_facts, supersedes
from bot.coach.reading.slots import _BAD_END, _DROPPABLE, _interest, read_need, read_offer
from bot.coach.saying.debts import keep_words
from bot.coach.saying.phrases import _as_news


class Known(NamedTuple):
    """Everything current about one contact, by kind, newest last; what drafts and nudges choose from."""

    facts: list[Fact]

    def of(self, *kinds: str) -> list[Fact]:
        return [f for f in self.facts if f.kind in kinds]

    def latest(self, *kinds: str) -> Fact | None:
        found = self.of(*kinds)
        return found[-1] if found else None


def known(
    contact: Contact,
    stored: Sequence[Fact],
    timeline: Sequence[Interaction],
    promises: Sequence[Promise],
    today: date,
) -> Known:
    """The contact's current facts: those saved, plus those derived from anything saved before facts existed.

    Derived: interests/needs/offers/wins on the card and the text of notes and meetings without saved facts, read
    the same way a new note is (a later job change still supersedes an earlier one); open promises and help
    received come from their own records, so their state (kept, thanked) is always the real one.
    Facts dated after ``today`` are left out (a typo we should not cite).
    """
    iso = today.isoformat()
    facts: list[Fact] = [f for f in stored if not f.superseded_on and f.on <= iso]
    read_sources = {f.source_id for f in stored if f.source_id}
    keys = {_key(f) for f in stored}  # a superseded fact must not come back from the note it was read from
    superseded: set[str] = set()

    def take(new: Iterable[Fact]) -> None:
        for fact in new:
            if _key(fact) in keys:
                continue
            for old in supersedes(fact, facts):
                superseded.add(old.id if old.on <= fact.on else fact.id)
            keys.add(_key(fact))
            facts.append(fact)

    for item in timeline:
        if item.kind in ("note", "met") and item.text and item.id not in read_sources and item.on <= iso:
            take(read_facts(item.text, contact, item.on, item.id))
    first_on = contact.met_on or (contact.created_at[:10] if contact.created_at else "")
    for win in contact.wins:
        noted = next((i for i in timeline if fold(win) in fold(i.text)), None)
        if noted is not None and any(f.source_id == noted.id and f.kind in NEWS_KINDS for f in facts):
            continue  # the card's copy of news a note said: the note's own reading is the better one
        dated = noted.on if noted is not None else first_on
        read = [f for f in read_facts(_as_news(win), contact, dated) if f.kind in NEWS_KINDS and not _said(f, facts)]
        if win.strip() and not read and not any(f.kind in NEWS_KINDS for f in facts):
            # News on the card in words no rule reads ("PhD done"): still news, said without quoting it.
            read = [_derived(contact, "win", dated, event="news", source=win.strip())]
        take(read)
    for interest in contact.interests:
        if interest.strip():
            take([_derived(contact, "interest", first_on, what=_interest(interest, ""))])
    for kind, items in (("need", contact.needs), ("offer", contact.offers)):
        for listed in items:  # the card's lists say again what notes said: only what no fact says yet is added
            listed_fact = read_need(listed) if kind == "need" else read_offer(listed)
            words = set(fold(listed_fact.slots.get("what", "")).split()) - _DROPPABLE - _BAD_END
            if words and not any(words & (set(fold(f.slots.get("what", "")).split())) for f in facts if f.kind == kind):
                take([_derived(contact, kind, first_on, **listed_fact.slots)])
    for promise in promises:
        if promise.is_open and promise.kind == "promise" and promise.text.strip():
            take([promise_fact(promise)])
    for item in timeline:
        if item.kind == "got" and item.text.strip():
            take([_derived(contact, "help_received", item.on, did=item.text.strip(), source=item.id)])
    for promise in promises:
        if promise.is_open and promise.kind == "thanks" and promise.text.strip():
            take([_derived(contact, "help_received", promise.made_on, did=promise.text.strip(), promise_id=promise.id,
                           source=promise.id)])  # fmt: skip
    current = [f for f in facts if f.id not in superseded]
    current.sort(key=lambda f: f.on)
    return Known(current)


def _said(fact: Fact, facts: Sequence[Fact]) -> bool:
    """Already said, in more words, by a fact at hand: the card's "published her story" beside a note's "her story
    was published in the New Yorker"."""
    what = fold(fact.slots.get("what", ""))
    return bool(what) and any(
        other.kind == fact.kind
        and other.slots.get("event") == fact.slots.get("event")
        and what in fold(other.slots.get("what", ""))
        for other in facts
    )


def known_in(network: Network, contact_id: str, today: date) -> Known:
    """``known`` for a contact of a network at hand (the one call drafts and nudges need)."""
    contact = network.contact(contact_id)
    if contact is None:
        return Known([])
    return known(
        contact, network.facts_for(contact_id), network.timeline(contact_id), network.promises_for(contact_id), today
    )




def _derived(contact: Contact, kind: str, on: str, **slots: str) -> Fact:
    return Fact(id=new_id(), contact_id=contact.id, kind=kind, slots={k: v for k, v in slots.items() if v}, on=on)


def promise_fact(promise: Promise) -> Fact:
    """An open promise as a fact whose slots say it in the first person, to them (see ``Kept``)."""
    kept = keep_words(promise.text)
    slots = {"promise_id": promise.id, "form": kept.form, "what": kept.what}
    return Fact(id=new_id(), contact_id=promise.contact_id, kind="promise", slots=slots, on=promise.made_on)
