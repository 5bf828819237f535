"""The facts layer: notes become typed facts in the second person, newer facts win, and facts are said in words."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from bot.coach.journal import entries as journal
from bot.coach.journal import meetings
from bot.coach.reading.facts import read_facts
from bot.coach.reading.second_person import to_second_person
from bot.coach.saying.debts import Kept, keep_words, keeping
from bot.coach.saying.grammar import YOU, Person, day_in_words
from bot.coach.saying.known import known
from bot.coach.saying.phrases import congrats_on, headline, news, question
from bot.notebooks import open_store
from bot.store.records import Contact, Fact, Interaction, Promise
from bot.store.view import network_of

TODAY = date(2026, 11, 20)  # a Friday
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)  # noqa: UP017
LISA = Contact(id="aaaaaaaa", name="Lisa Park", company="Google", role="PM")


def facts_of(text: str) -> list[tuple[str, dict[str, str]]]:
    return [
        (f.kind, {k: v for k, v in f.slots.items() if k != "pronoun"}) for f in read_facts(text, LISA, "2026-11-20")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("launched her own ceramics studio on the side", ("win", {"event": "launch", "verb": "launched"})),
        ("he is hiring", ("need", {"act": "hiring"})),
        ("she's hiring a designer", ("need", {"act": "hiring", "what": "a designer"})),
        ("started a new job at Anthropic", ("job_change", {"company": "Anthropic"})),
        ("Lisa just joined Stripe as head of design", ("job_change", {"company": "Stripe", "role": "head of design"})),
        ("left Google for Anthropic", ("job_change", {"company": "Anthropic"})),
        ("she got the job at Stripe!", ("job_change", {"company": "Stripe"})),
        ("Lisa is now at Anthropic", ("job_change", {"company": "Anthropic"})),
        ("accepted an offer from Meta as PM", ("job_change", {"company": "Meta", "role": "PM"})),
        ("is now PM at Figma", ("job_change", {"company": "Figma", "role": "PM"})),
        ("finished his first Ironman", ("win", {"event": "race", "verb": "finished", "what": "your first Ironman"})),
        ("got promoted to VP of Engineering", ("win", {"event": "promotion", "to": "VP of Engineering"})),
        ("moving to Berlin in March", ("move", {"place": "Berlin", "tense": "future"})),
        ("moved to Lisbon last year", ("move", {"place": "Lisbon", "tense": "past"})),
        ("looking for a lawyer for the seed round", ("need", {"what": "a lawyer"})),
        ("raising a seed round", ("need", {"act": "raising", "what": "a seed round"})),
        ("can help with pitch deck reviews", ("offer", {"what": "pitch deck reviews"})),
        ("she's an expert in tax law", ("offer", {"what": "tax law"})),
        ("got engaged!", ("life_event", {"event": "engagement"})),
        ("got married in June", ("life_event", {"event": "wedding"})),
        ("had a baby girl", ("life_event", {"event": "baby"})),
        ("won an award for her documentary", ("win", {"event": "award", "verb": "won"})),
        ("published a book on climate policy", ("win", {"event": "published", "what": "a book on climate policy"})),
        ("raised a seed round from Sequoia", ("win", {"event": "funding", "verb": "raised"})),
        ("loves jazz and rock climbing", ("interest", {"what": "jazz"})),
    ],
)
def test_a_note_becomes_typed_facts_with_slots(text, expected):
    kind, slots = expected
    found = facts_of(text)
    assert any(k == kind and all(s.get(name) == value for name, value in slots.items()) for k, s in found), found


@pytest.mark.parametrize(
    "text",
    [
        "raised a question about the roadmap",
        "not hiring right now",
        "great chat about nothing much",
        "promised to call",
    ],
)
def test_no_facts_are_invented(text):
    assert [k for k, _ in facts_of(text) if k not in ("interest",)] == []


def test_facts_carry_the_day_the_source_and_the_pronoun():
    [fact] = read_facts("launched her own ceramics studio", LISA, "2026-11-17", "note1")
    assert (fact.on, fact.source_id, fact.slots["pronoun"], fact.contact_id) == ("2026-11-17", "note1", "she", LISA.id)


@pytest.mark.parametrize(
    ("note", "spoken"),
    [
        ("launched her own ceramics studio", "launched your own ceramics studio"),
        ("he is hiring", "you're hiring"),
        ("she's moving to Berlin", "you're moving to Berlin"),
        ("she loves sailing and her dog", "you love sailing and your dog"),
        ("he has two kids", "you have two kids"),
        ("Lisa's startup is growing", "your startup is growing"),
        ("send her the book", "send you the book"),
        ("review her CV", "review your CV"),
        ("call him next week", "call you next week"),
        ("they were in Lisbon", "you were in Lisbon"),
    ],
)
def test_third_person_becomes_second_person(note, spoken):
    assert to_second_person(note, LISA) == spoken


@pytest.mark.parametrize(
    ("text", "on", "about_lisa", "to_lisa"),
    [
        (
            "launched her own ceramics studio on the side",
            "launching your own ceramics studio",
            "Lisa launched her own ceramics studio",
            "you launched your own ceramics studio",
        ),
        (
            "finished his first Ironman in Frankfurt",
            "finishing your first Ironman in Frankfurt",
            "Lisa finished his first Ironman in Frankfurt",
            "you finished your first Ironman in Frankfurt",
        ),
        ("got promoted to VP", "your promotion to VP", "Lisa got promoted to VP", "you got promoted to VP"),
        (
            "started a new job at Anthropic",
            "the new job at Anthropic",
            "Lisa started at Anthropic",
            "you started at Anthropic",
        ),
        ("she got engaged", "your engagement", "Lisa got engaged", "you got engaged"),
        ("had a baby", "the new baby", "Lisa had a baby", "you had a baby"),
        ("raised a seed round", "raising your seed round", "Lisa raised a seed round", "you raised a seed round"),
    ],
)
def test_news_is_said_to_them_and_about_them(text, on, about_lisa, to_lisa):
    [fact] = read_facts(text, LISA, "2026-11-17")
    person = Person("Lisa", fact.slots.get("pronoun", "they"))
    assert congrats_on(fact) == on
    assert news(fact, person) == about_lisa
    assert news(fact, YOU) == to_lisa


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("started a new job at Anthropic", "How are you finding it at Anthropic so far?"),
        ("moving to Berlin", "When's the big move to Berlin?"),
        ("moved to Lisbon", "How are you settling into life in Lisbon?"),
        ("is hiring", "How's the hiring going?"),
        ("looking for a lawyer", "Did you find a lawyer in the end?"),
        ("raising a seed round", "How's the seed round going?"),
        ("launched her own ceramics studio", "How's the ceramics studio doing since the launch?"),
        ("finished his first Ironman", "What's next after your first Ironman?"),
        ("loves jazz", "Are you still as into jazz as ever?"),
    ],
)
def test_each_fact_has_one_real_question(text, asked):
    [fact] = read_facts(text, LISA, "2026-11-17")
    assert question(fact) == asked


@pytest.mark.parametrize(
    ("promise", "kept", "said"),
    [
        ("send her the Ferrazzi book", Kept("gift", "the Ferrazzi book"), "Here's the Ferrazzi book I mentioned."),
        ("share the slides with her", Kept("gift", "the slides"), "Here are the slides I mentioned."),
        ("the deck", Kept("gift", "the deck"), "Here's the deck I mentioned."),
        ("I'll owe him a call re his seed round", Kept("call", "call"), "When's good for that call?"),
        ("call her next week", Kept("call", "call"), "When's good for that call?"),
        ("grab a coffee with him", Kept("call", "coffee"), "When's good for that coffee?"),
        ("review her CV", Kept("act", "review your CV"), "As promised, I'll review your CV."),
        (
            "intro him to Sam",
            Kept("intro", "Sam"),
            "I haven't forgotten the intro to Sam - I'll write to you both today.",
        ),
        # A thing typed bare, as people type it, is handed over as "the" thing.
        ("send him HubSpot guide", Kept("gift", "the HubSpot guide"), "Here's the HubSpot guide I mentioned."),
        ("send pilot proposal", Kept("gift", "the pilot proposal"), "Here's the pilot proposal I mentioned."),
        ("send her 2 case studies", Kept("gift", "the 2 case studies"), "Here are the 2 case studies I mentioned."),
        ("send him my calendly", Kept("gift", "my calendly"), "Here's my calendly I mentioned."),
        ("send her Ferrazzi's book", Kept("gift", "Ferrazzi's book"), "Here's Ferrazzi's book I mentioned."),
        # An intro is made, not handed over, whatever verb it was typed with.
        (
            "send intro to our CTO",
            Kept("intro", "our CTO"),
            "I haven't forgotten the intro to our CTO - I'll write to you both today.",
        ),
        (
            "send an introduction to Maya",
            Kept("intro", "Maya"),
            "I haven't forgotten the intro to Maya - I'll write to you both today.",
        ),
    ],
)
def test_promises_are_kept_in_the_first_person(promise, kept, said):
    assert keep_words(promise) == kept
    assert keeping(kept) == said


@pytest.mark.parametrize("promise", ["deliver", "provide", "prepare", "submit"])
def test_a_promise_whose_thing_was_said_elsewhere_is_kept_without_a_bare_verb(promise):
    # "... requested that the Department prepare an analysis, which I committed to deliver by September 30"
    assert keeping(keep_words(promise)) == "And I haven't forgotten what I promised you."


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (date(2026, 11, 19), "yesterday"),
        (date(2026, 11, 17), "on Tuesday"),  # this week
        (date(2026, 11, 13), "last week"),
        (date(2026, 11, 14), "last Saturday"),  # before this week's Monday
        (date(2026, 3, 2), "in March"),
    ],
)
def test_days_are_said_relative_to_today(day, words):
    assert day_in_words(day, TODAY) == words


@pytest.mark.parametrize(
    ("note", "on"),
    [
        ("finished his first Ironman", "finishing your first Ironman"),
        ("ran the Boston marathon", "running the Boston marathon"),
        ("closed her Series A", "closing your Series A"),
        ("got funded", "getting funded"),
        ("won the hackathon", "winning the hackathon"),
        ("was named to Forbes 30 under 30", "being named to Forbes 30 under 30"),
        ("defended her PhD thesis", "defending your PhD thesis"),
        ("passed the bar exam", "passing the bar exam"),
        ("made partner", "your promotion to partner"),
        ("became a partner at Sequoia", "your promotion to partner"),
        ("launched a podcast", "launching your podcast"),
        ("opened a bakery", "opening your bakery"),
        ("her startup was acquired by Google", "the acquisition by Google"),
        ("bought their first house", "your new home"),
        ("is pregnant", "the wonderful baby news"),
        ("had twins", "the twins"),
        ("just had her second kid", "the new baby"),
        ("became a dad", "the new baby"),
        ("retired", "your retirement"),
        ("got the job at Stripe", "the new job at Stripe"),
    ],
)
def test_wins_are_recognised_broadly(note, on):
    news_facts = [f for f in read_facts(note, LISA, "2026-11-17") if f.kind in ("win", "job_change", "life_event")]
    assert [congrats_on(f) for f in news_facts] == [on]


@pytest.mark.parametrize(
    ("win", "line"),
    [
        ("launched her own ceramics studio on the side", "Lisa launched her own ceramics studio"),
        ("new job at Globex", "Lisa started at Globex"),
        ("got promoted", "Lisa got promoted"),
        ("talked about the weather", ""),
    ],
)
def test_a_cards_win_has_a_headline_for_the_user(win, line):
    assert headline(LISA, win) == line


def test_no_slot_copies_a_long_run_of_the_note():
    note = "finished his first Ironman in Frankfurt last weekend with his brother Tom, who also started a company"
    for fact in read_facts(note, LISA, "2026-11-17"):
        for value in fact.slots.values():
            assert len(value) < 25 or value.lower() not in note.lower(), fact


# --- keeping facts: newer ones supersede older ones, and the card follows ---


def test_a_new_job_supersedes_the_old_one_and_updates_the_card(tmp_path):
    notebook = open_store(tmp_path).notebook(1)
    lisa = Contact(id="aaaaaaaa", name="Lisa Park", company="Google", role="PM")
    notebook.save_contact(lisa)
    journal.record_note(notebook, lisa, "joined Meta as designer", NOW, TODAY - timedelta(days=30))
    journal.record_note(notebook, lisa, "started a new job at Anthropic", NOW, TODAY)
    card = notebook.contact(lisa.id)
    assert (card.company, card.role) == ("Anthropic", "")
    jobs = [f for f in notebook.facts(lisa.id) if f.kind == "job_change"]
    assert [(f.slots["company"], f.superseded_on) for f in jobs] == [("Meta", TODAY.isoformat()), ("Anthropic", "")]
    net = network_of(notebook, about=[lisa.id])
    current = known(card, net.facts_for(lisa.id), net.timeline(lisa.id), net.promises_for(lisa.id), TODAY)
    assert [f.slots["company"] for f in current.of("job_change")] == ["Anthropic"]


def test_the_same_fact_is_not_saved_twice(tmp_path):
    notebook = open_store(tmp_path).notebook(1)
    lisa = Contact(id="aaaaaaaa", name="Lisa")
    notebook.save_contact(lisa)
    journal.record_note(notebook, lisa, "she is hiring", NOW, TODAY - timedelta(days=3))
    journal.record_note(notebook, lisa, "still hiring!", NOW, TODAY)
    assert [f.kind for f in notebook.facts(lisa.id)] == ["need"]


def test_a_capture_records_facts_from_its_notes(tmp_path):
    from bot.coach.reading.capture import parse_meeting

    notebook = open_store(tmp_path).notebook(1)
    meeting = parse_meeting("met Ana at PyCon - she is hiring a designer and loves jazz", TODAY)
    saved = meetings.record_meeting(notebook, meeting, [None], NOW)
    kinds = sorted(f.kind for f in notebook.facts(saved.contacts[0].id))
    assert kinds == ["interest", "need"]


@pytest.mark.parametrize(
    ("line", "needs"),
    [
        ("saastr party recap: 1) Aisha Ray from Gong, SDR mgr, said she'd send me their scorecard 2) some guy Brett "
         "Cole at Outreach, wants an intro to our CRO lol no 3) Mei Lin, founder of Quotient AI, needs SDR help",
         {"Aisha Ray": set(), "Brett Cole": {"intro"}, "Mei Lin": {"SDR help"}}),
        ("met Raj Iyer and his cofounder Mei Tan at YC demo day, Raj needs a lawyer",
         {"Raj Iyer": {"lawyer"}, "Mei Tan": set()}),
    ],
)  # fmt: skip
def test_in_a_line_about_several_people_each_one_learns_only_what_is_said_of_them(tmp_path, line, needs):
    from bot.coach.reading.capture import understand

    notebook = open_store(tmp_path).notebook(1)
    meeting = understand(line, TODAY).meeting
    assert meeting is not None
    saved = meetings.record_meeting(notebook, meeting, [None] * len(meeting.people), NOW)
    for contact in saved.contacts:
        said = " ".join(f.slots.get("what", "") for f in notebook.facts(contact.id) if f.kind == "need")
        said += " " + " ".join(contact.needs)
        wanted = needs.get(contact.name, set())
        assert all(w in said for w in wanted), (contact.name, said)
        others = set().union(*(v for k, v in needs.items() if k != contact.name)) - wanted
        assert not any(o in said for o in others), (contact.name, said)


def test_old_data_without_facts_still_gives_facts():
    lisa = Contact(
        id="aaaaaaaa",
        name="Lisa",
        company="Google",
        interests=["jazz"],
        wins=["launched her own ceramics studio"],
        met_on="2026-01-10",
    )
    timeline = [
        Interaction(id="n1", contact_id=lisa.id, kind="note", text="moving to Berlin", on="2026-06-01"),
        Interaction(id="g1", contact_id=lisa.id, kind="got", text="reviewed my CV", on="2026-07-01"),
    ]
    promises = [Promise(id="p1", contact_id=lisa.id, text="send her the deck", made_on="2026-06-01")]
    current = known(lisa, [], timeline, promises, TODAY)
    assert {f.kind for f in current.facts} == {"interest", "win", "move", "promise", "help_received"}
    assert current.latest("promise").slots["what"] == "the deck"
    assert current.latest("win").slots["what"] == "your own ceramics studio"


def test_a_saved_fact_is_not_derived_again_from_its_note():
    lisa = Contact(id="aaaaaaaa", name="Lisa", interests=["jazz"])
    note = Interaction(id="n1", contact_id=lisa.id, kind="note", text="loves jazz, is hiring", on="2026-06-01")
    stored = [
        Fact(id="f1", contact_id=lisa.id, kind="interest", slots={"what": "jazz"}, on="2026-06-01", source_id="n1"),
        Fact(id="f2", contact_id=lisa.id, kind="need", slots={"act": "hiring"}, on="2026-06-01", source_id="n1"),
    ]
    current = known(lisa, stored, [note], [], TODAY)
    assert [f.id for f in current.facts] == ["f1", "f2"]


def test_future_and_superseded_facts_are_left_out():
    lisa = Contact(id="aaaaaaaa", name="Lisa")
    stored = [
        Fact(
            id="f1",
            contact_id=lisa.id,
            kind="job_change",
            slots={"company": "Meta"},
            on="2026-01-01",
            superseded_on="2026-06-01",
        ),
        Fact(id="f2", contact_id=lisa.id, kind="job_change", slots={"company": "Anthropic"}, on="2026-06-01"),
        Fact(id="f3", contact_id=lisa.id, kind="move", slots={"place": "Rome"}, on="2027-01-01"),
    ]
    assert [f.id for f in known(lisa, stored, [], [], TODAY).facts] == ["f2"]


@pytest.mark.parametrize(
    ("note", "what"),
    [
        ("she is looking for a co-speaker 👀", "a co-speaker"),
        ("needs a designer!! 🙏🏽", "a designer"),
        ("into café culture ☕️", "café culture"),
    ],
)
def test_a_fact_is_kept_without_the_notes_emoji(note, what):
    [fact] = read_facts(note, Contact(id="c", name="Camille"), "2026-03-11")
    assert fact.slots["what"] == what


def test_in_a_numbered_list_each_keeps_the_job_said_in_their_own_item():
    from bot.coach.reading.capture import understand

    line = (
        "saastr party recap: 1) Aisha Ray from Gong, SDR mgr, said she'd send me their scorecard 2) some guy Brett "
        "Cole at Outreach, wants an intro to our CRO 3) Mei Lin, founder of Quotient AI, needs SDR help"
    )
    meeting = understand(line, TODAY).meeting
    assert meeting is not None
    jobs = {p.name: (p.role, p.company) for p in meeting.people}
    assert jobs["Aisha Ray"] == ("SDR manager", "Gong")


@pytest.mark.parametrize(
    ("note", "interests"),
    [
        ("she's a huge taylor swift fan so we bonded", ["taylor swift"]),
        ("Janelle is a huge Giants fan", ["Giants"]),
        ("met Carmen at the tapas bar, big Real Madrid fan", ["Real Madrid"]),
        ("I am a big fan of her work", []),
        ("he is a fan", []),
        ("his biggest fan", []),
    ],
)
def test_a_fan_of_a_team_or_a_singer_cares_about_them(note, interests):
    from bot.coach.reading.notes import extract_facts

    assert extract_facts(note, TODAY).interests == interests
