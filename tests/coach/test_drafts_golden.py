"""Golden drafts: (facts, kind, draft day) cases read the way a demanding recipient would read them.

Every case is drafted in every wording and style, and each draft must:
- speak to the person, never about them (no she/he/her/him/his);
- never copy a run of 25 characters or more from a note or a promise (notes are private shorthand);
- never show a bracketed placeholder or template syntax;
- say each fact at most once, and never a company the person has left;
- keep a promise in the first person ("here's the deck I mentioned", "when's good for that call?");
- give an intro its reason;
- fit a chat message and sign with the user's first name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest

from bot.coach.reading.facts import read_facts
from bot.coach.writing.drafts import MAX_CHARS, STYLES, VARIANTS, Draft, draft_note
from bot.store.records import Contact, Fact, Interaction, Promise
from bot.store.view import Network
from tests.coach.copying import longest_copied_run, own_phrases

TODAY = date(2026, 11, 20)  # a Friday
SENDER = "Sam Rivera"
THIRD_PERSON = re.compile(r"\b(she|he|her|him|his|hers|herself|himself|she's|he's)\b", re.IGNORECASE)
PLACEHOLDER = re.compile(r"[\[\]{}<>]|\bTODO\b|\bXXX\b|\blink\b\]")


@dataclass
class Case:
    """One person (and, for intros, a second one) as the user's notebook knows them."""

    name: str
    kinds: tuple[str, ...]
    person: dict
    notes: list[tuple[int, str]] = field(default_factory=list)  # (days ago, text)
    promises: list[tuple[int, str]] = field(default_factory=list)
    got: list[tuple[int, str]] = field(default_factory=list)
    other: dict | None = None  # intro partner
    other_notes: list[tuple[int, str]] = field(default_factory=list)
    stale: tuple[str, ...] = ()  # companies they left: never to be mentioned
    saved: bool = False  # notes already read into saved facts (new notebooks) rather than derived (old ones)
    day: int = 0  # draft this many days after TODAY


CASES = [
    Case(
        "ceramics studio, then a new job",
        ("congrats", "reconnect", "share", "thanks"),
        dict(name="Lisa Park", company="Google", role="PM", met_on="2026-03-02", interests=["ceramics"]),
        notes=[(60, "launched her own ceramics studio on the side"), (4, "started a new job at Anthropic")],
        stale=("Google",),
    ),
    Case(
        "Ironman finisher who helped",
        ("congrats", "thanks", "reconnect", "followup"),
        dict(name="Tom Lee", company="Beta Legal", role="lawyer", met_context="PyCon", met_on="2026-06-10"),
        notes=[(3, "finished his first Ironman in Frankfurt last weekend")],
        got=[(10, "reviewed my pitch deck and sent me his notes")],
    ),
    Case(
        "fresh meeting with a book promised",
        ("followup", "thanks", "share"),
        dict(name="Jane Doe", company="Acme", role="CTO", met_context="the editors happy hour", met_on="2026-11-18"),
        notes=[(2, "she is looking for a lawyer for the seed round")],
        promises=[(2, "send her the Ferrazzi book")],
    ),
    Case(
        "a call owed about the seed round",
        ("followup", "reconnect", "share"),
        dict(name="Priya Raman", met_context="Web Summit", met_on="2026-11-19"),
        notes=[(1, "she's raising a seed round and is hiring a designer")],
        promises=[(1, "I'll owe her a call re her seed round")],
    ),
    Case(
        "hiring, long silence",
        ("reconnect", "share", "followup"),
        dict(name="Marco Rossi", company="Figma", role="design lead", met_on="2025-09-01"),
        notes=[(200, "he is hiring two senior designers for his team")],
    ),
    Case(
        "moving to Berlin",
        ("reconnect", "share"),
        dict(name="Ana Souza", met_on="2026-01-10", interests=["urban beekeeping"]),
        notes=[(40, "she's moving to Berlin in the spring with her partner")],
    ),
    Case(
        "moved to Lisbon",
        ("reconnect",),
        dict(name="Ben Carter", met_on="2025-05-10"),
        notes=[(90, "moved to Lisbon last year and loves it there")],
    ),
    Case(
        "promoted to VP",
        ("congrats", "reconnect"),
        dict(name="Chloe Martin", company="Stripe", role="director", met_on="2025-11-01"),
        notes=[(6, "Chloe just got promoted to VP of Engineering")],
    ),
    Case(
        "engaged",
        ("congrats", "reconnect"),
        dict(name="Dana White", met_on="2026-02-01", interests=["sailing"]),
        notes=[(3, "got engaged to her partner of ten years on a sailing trip")],
    ),
    Case(
        "new baby",
        ("congrats",),
        dict(name="Eli Cohen", met_on="2025-04-01"),
        notes=[(8, "he and his wife had a baby girl last week")],
    ),
    Case(
        "wedding",
        ("congrats",),
        dict(name="Farah Khan", met_on="2025-04-01"),
        notes=[(20, "got married in June in Lahore")],
    ),
    Case(
        "raised a seed round",
        ("congrats", "reconnect"),
        dict(name="Gus Lind", company="Moss", role="founder", met_on="2025-10-01"),
        notes=[(5, "raised a seed round from Sequoia for his climate startup")],
    ),
    Case(
        "published a book",
        ("congrats",),
        dict(name="Hana Ito", met_on="2025-10-01"),
        notes=[(12, "published a book on climate policy with her old professor")],
    ),
    Case(
        "won an award",
        ("congrats",),
        dict(name="Ivan Petrov", met_on="2025-10-01"),
        notes=[(12, "won an award for his documentary about fishermen in the Arctic")],
    ),
    Case(
        "joined Stripe as head of design",
        ("congrats", "reconnect"),
        dict(name="Jo Park", company="Airbnb", role="designer", met_on="2025-10-01"),
        notes=[(7, "Jo just joined Stripe as head of design")],
        stale=("Airbnb",),
    ),
    Case(
        "saved facts: left Google for Anthropic",
        ("congrats", "reconnect"),
        dict(name="Kim Lee", company="Google", role="engineer", met_on="2025-10-01"),
        notes=[(9, "left Google for Anthropic last month, loves bouldering")],
        stale=("Google",),
        saved=True,
    ),
    Case(
        "help received, already thanked (close the loop)",
        ("thanks",),
        dict(name="Leo Grant", met_on="2026-08-01"),
        got=[(40, "introduced me to the hiring manager at Canva")],
        notes=[(38, "thanked him for the intro")],
    ),
    Case(
        "old card only: interests and wins lists",
        ("congrats", "reconnect", "share", "thanks", "followup"),
        dict(
            name="Mia Brown",
            company="Acme",
            met_context="the climate meetup",
            met_on="2026-07-01",
            interests=["climate tech", "jazz"],
            wins=["launched her startup"],
        ),
    ),
    Case(
        "bare contact",
        ("reconnect", "share", "thanks", "followup"),
        dict(name="Nia", met_on="2026-06-01"),
    ),
    Case(
        "several promises",
        ("followup",),
        dict(name="Omar Haddad", met_context="the AI breakfast", met_on="2026-11-17"),
        promises=[(3, "send him the slides from my talk"), (3, "intro him to Sam at Sequoia")],
    ),
    Case(
        "promise to review, a week later",
        ("followup", "reconnect"),
        dict(name="Pia Vogel", met_on="2026-11-10"),
        promises=[(10, "review her CV before the interview")],
    ),
    Case(
        "coffee promised",
        ("followup",),
        dict(name="Quinn Ames", met_context="the product meetup", met_on="2026-11-19"),
        promises=[(1, "grab a coffee with him next week")],
    ),
    Case(
        "offers help, a long time ago",
        ("reconnect", "share"),
        dict(name="Rosa Diaz", met_on="2024-05-01"),
        notes=[(500, "can help with pitch deck reviews, big fan of jazz")],
    ),
    Case(
        "intro: needs a lawyer / is a lawyer",
        ("intro", "introduce"),
        dict(name="Jane Doe", company="Acme", role="CTO", met_on="2026-10-01"),
        notes=[(5, "she is looking for a lawyer for the seed round")],
        other=dict(name="Tom Lee", company="Beta Legal", role="lawyer", met_on="2026-06-01"),
    ),
    Case(
        "intro: offers what the other needs",
        ("intro", "introduce"),
        dict(name="Uma Shah", company="Helix", met_on="2026-10-01"),
        notes=[(5, "needs help with pitch deck reviews before her raise")],
        other=dict(name="Victor Hugo", company="Seedcamp", met_on="2026-06-01"),
        other_notes=[(30, "can help with pitch deck reviews")],
    ),
    Case(
        "intro: rare shared interest",
        ("intro", "introduce"),
        dict(name="Wen Li", met_on="2026-10-01", interests=["urban beekeeping"]),
        other=dict(name="Xavier Roy", company="Orbit", met_on="2026-06-01", interests=["urban beekeeping"]),
    ),
    Case(
        "intro: a shared goal",
        ("intro", "introduce"),
        dict(name="Yara Nolan", company="Fable", met_on="2026-10-01"),
        notes=[(10, "she's raising a seed round")],
        other=dict(name="Zack Stone", company="Kiln", met_on="2026-06-01"),
        other_notes=[(12, "raising a seed round too")],
    ),
    Case(
        "intro: hiring meets job seeker",
        ("intro", "introduce"),
        dict(name="Marco Rossi", company="Figma", role="design lead", met_on="2025-09-01"),
        notes=[(20, "he is hiring a senior designer")],
        other=dict(name="Nora Quinn", role="designer", met_on="2026-06-01"),
        other_notes=[(15, "looking for a new role after the layoffs")],
    ),
    Case(
        "a place that carries its own day",
        ("thanks", "followup"),
        dict(name="Tara Singh", met_context="the career fair on the 3rd", met_on="2026-11-19", interests=["jazz"]),
    ),
    Case(
        "the same person, drafted a month later",
        ("followup", "reconnect", "congrats"),
        dict(name="Lisa Park", company="Google", met_context="the design meetup", met_on="2026-11-18"),
        notes=[(1, "started a new job at Anthropic")],
        promises=[(2, "send her the deck")],
        stale=("Google",),
        day=30,
    ),
    Case(
        "on the draft day, a week later",
        ("congrats", "reconnect", "followup"),
        dict(name="Sara Blum", met_context="the founders dinner", met_on="2026-11-12"),
        notes=[(8, "finished her first marathon in under four hours")],
        promises=[(8, "send her the deck")],
        day=7,
    ),
]


def _days(n: int) -> str:
    return (TODAY - timedelta(days=n)).isoformat()


def _network(case: Case) -> tuple[Network, Contact, Contact | None, list[str]]:
    contact = Contact(id="aaaaaaaa", **case.person)
    people = [contact]
    other = Contact(id="bbbbbbbb", **case.other) if case.other else None
    if other:
        people.append(other)
    people.append(Contact(id="cccccccc", name="Someone Else", interests=["jazz", "climate tech", "sailing"]))
    interactions: list[Interaction] = []
    facts: list[Fact] = []
    texts: list[str] = []
    for owner, notes in ((contact, case.notes), (other, case.other_notes)):
        for n, (ago, text) in enumerate(notes):
            note = Interaction(id=f"{owner.id[:4]}n{n:03d}", contact_id=owner.id, kind="note", text=text, on=_days(ago))
            interactions.append(note)
            texts.append(text)
            if case.saved:
                facts.extend(read_facts(text, owner, note.on, note.id))
    for n, (ago, text) in enumerate(case.got):  # help is the user's own log, named in the thank-you: not a note
        interactions.append(Interaction(id=f"g{n:07d}", contact_id=contact.id, kind="got", text=text, on=_days(ago)))
    promises = [
        Promise(id=f"p{n:07d}", contact_id=contact.id, text=text, made_on=_days(ago))
        for n, (ago, text) in enumerate(case.promises)
    ]
    texts.extend(text for _, text in case.promises)
    return Network(people, interactions, promises, facts), contact, other, texts


GOLDEN = [pytest.param(case, kind, id=f"{case.name} / {kind}") for case in CASES for kind in case.kinds]


def test_there_are_at_least_sixty_golden_cases():
    assert len(GOLDEN) >= 60




def _drafts(case: Case, kind: str) -> list[tuple[Draft, Network, Contact, Contact | None, list[str]]]:
    network, contact, other, texts = _network(case)
    out = []
    for variant in range(VARIANTS):
        for style in STYLES:
            draft = draft_note(
                kind,
                network,
                contact.id,
                TODAY + timedelta(days=case.day),
                other_id=other.id if other else None,
                sender_name=SENDER,
                variant=variant,
                style=style,
            )
            out.append((draft, network, contact, other, texts))
    return out


@pytest.mark.parametrize(("case", "kind"), GOLDEN)
def test_golden_draft_reads_like_a_person_wrote_it(case: Case, kind: str):
    for draft, _, contact, _other, texts in _drafts(case, kind):
        text = draft.text
        where = f"\n--- {kind} v{draft.variant} {draft.style}:\n{text}"
        # Shape: a greeting to them, a chat-sized body, the user's first name.
        first_line = text.splitlines()[0]
        assert contact.first_name in first_line, where
        assert text.endswith("\nSam"), where
        assert len(text) <= MAX_CHARS, where
        # Spoken to them, never about them.
        assert not THIRD_PERSON.search(text), where
        # No private note pasted in (a fact's own object, said whole, is no paste: the words around it are).
        for source in texts:
            assert longest_copied_run(text, source, own_phrases(draft.facts)) < 25, f"copied from {source!r}{where}"
        # No placeholder, no template seams.
        assert not PLACEHOLDER.search(text), where
        seams = ("  ", " ,", " .", "..", "None", "on the 3rd", "I'll thank you", "so I'll owe", "anything on ")
        for seam in seams:
            assert seam not in text, f"{seam!r}{where}"
        # Each fact at most once; the company they left never.
        for fact in draft.facts:
            for slot in ("company", "place", "what", "to", "role"):
                value = fact.slots.get(slot, "")
                if len(value) >= 4 and not (kind in ("intro", "introduce") and slot == "role"):
                    assert text.lower().count(value.lower()) <= 1, f"{value!r} twice{where}"
        for company in case.stale:
            assert company not in text, f"stale {company!r}{where}"
        assert len(draft.facts) <= 2, where


@pytest.mark.parametrize(("case", "kind"), [g for g in GOLDEN if g.values[1] == "followup" and g.values[0].promises])
def test_golden_followup_keeps_each_promise_in_the_first_person(case: Case, kind: str):
    for draft, *_ in _drafts(case, kind):
        assert draft.promise_ids, draft.text
        first_person = (
            *("I mentioned", "I said I'd send", "here's", "Here's", "here are", "Here are", "I'll", "I still owe"),
            *("that call", "that coffee", "When's good", "the intro to", "I haven't forgotten"),
        )
        assert any(words in draft.text for words in first_person), draft.text
        assert "you you" not in draft.text and "send you the" not in draft.text.lower(), draft.text


@pytest.mark.parametrize(("case", "kind"), [g for g in GOLDEN if g.values[1] in ("intro", "introduce")])
def test_golden_intro_states_its_reason(case: Case, kind: str):
    for draft, *_ in _drafts(case, kind):
        assert draft.reason, draft.text
        reason_words = {"looking", "needs", "raising", "hiring", "help", "hand", "urban", "beekeeping", "role"}
        assert reason_words & set(re.findall(r"\w+", draft.text.lower())), draft.text
        assert "get along" not in draft.text, draft.text


def test_golden_congrats_names_each_kind_of_win():
    expected = {
        "ceramics studio, then a new job": "the new job at Anthropic",
        "Ironman finisher who helped": "finishing your first Ironman",
        "promoted to VP": "your promotion to VP of Engineering",
        "engaged": "your engagement",
        "new baby": "the new baby",
        "wedding": "getting married",
        "raised a seed round": "raising your seed round",
        "published a book": "publishing your book",
        "won an award": "winning an award",
        "joined Stripe as head of design": "head of design at Stripe",
        "saved facts: left Google for Anthropic": "the new job at Anthropic",
        "old card only: interests and wins lists": "launching your startup",
        "on the draft day, a week later": "finishing your first marathon",
    }
    for case in CASES:
        if case.name in expected:
            draft = _drafts(case, "congrats")[0][0]
            assert expected[case.name] in draft.text, draft.text
