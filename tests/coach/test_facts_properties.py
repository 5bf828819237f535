"""Whatever a note says, the facts layer and the drafts answer calmly: no exception, slots that are whole phrases of
the note (never stopped inside one, never ending on "the" or "of"), and a draft that fits a chat message."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.coach.errors import NotUnderstood
from bot.coach.reading.boundaries import ends_whole
from bot.coach.reading.facts import read_facts
from bot.coach.writing.drafts import ALL_KINDS, MAX_CHARS, draft_note
from bot.store.records import Contact, Interaction, Promise
from bot.store.view import Network

TODAY = date(2026, 11, 20)
WORDS = [
    "she", "he", "her", "his", "is", "hiring", "looking", "for", "a", "lawyer", "launched", "own", "studio", "new",
    "job", "at", "Anthropic", "joined", "Stripe", "as", "head", "of", "design", "moving", "to", "Berlin", "got",
    "promoted", "engaged", "married", "baby", "finished", "first", "Ironman", "raised", "seed", "round", "can",
    "help", "with", "pitch", "decks", "loves", "jazz", "not", "needs", "intro", "and", ",", ".", "!", "🎉", "\n",
    "{{ 7*7 }}", "[link]", "<b>", "Lisa", "Park's", "left", "Google", "for", "won", "award", "published", "book",
]  # fmt: skip
TEXT = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join))
LISA = Contact(id="aaaaaaaa", name="Lisa Park", company="Google", role="PM", met_on="2026-06-01")




@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_note_reads_into_whole_phrases(text):
    for fact in read_facts(text, LISA, "2026-11-19", "n1"):
        for name, value in fact.slots.items():
            assert len(value) <= 80, (name, value)
            if name not in ("company", "place", "role", "to", "pronoun", "event", "verb", "act", "tense"):
                assert ends_whole(value), (name, value, text)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=1, max_size=3), TEXT)
def test_any_notes_give_a_draft_that_fits_or_a_clear_refusal(notes, promise):
    other = Contact(id="bbbbbbbb", name="Tom Lee", role="lawyer", company="Beta", interests=["jazz"])
    interactions = [
        Interaction(id=f"n{n:07d}", contact_id=LISA.id, kind="note", text=t, on=(TODAY - timedelta(days=n)).isoformat())
        for n, t in enumerate(notes)
    ]
    promises = (
        [Promise(id="p0000001", contact_id=LISA.id, text=promise, made_on="2026-11-18")] if promise.strip() else []
    )
    network = Network([LISA, other], interactions, promises)
    for kind in ALL_KINDS:
        try:
            draft = draft_note(kind, network, LISA.id, TODAY, other_id=other.id, sender_name="Sam", variant=0)
        except NotUnderstood:
            continue
        assert len(draft.text) <= MAX_CHARS
        assert draft.text.endswith("\nSam")
        assert "49" not in draft.text or "49" in " ".join(notes) + promise


def test_a_run_of_capitals_too_long_for_a_name_is_no_company():
    for text in ("JOINED&" + "0" * 40 + " A" + "0" * 40, "joined " + "A" * 50 + " " + "B" * 50):
        assert all(len(v) <= 80 for f in read_facts(text, LISA, "2026-11-19", "n1") for v in f.slots.values())


def test_hiring_someone_named_by_a_pronoun_is_no_role_to_hire():
    assert [f.slots.get("what") for f in read_facts("HIRING HER🌀", LISA, "2026-11-19", "n1")] == [None]
    assert [f.slots.get("what") for f in read_facts("she is hiring her replacement", LISA, "2026-11-19", "n1")] == [
        "your replacement"
    ]
