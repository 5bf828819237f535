"""Drafts read as their receiver would want them: a role typed as what someone does, a need typed as something to
do, a promise to write about something, and a thing whose words end in a plural all come out as sentences."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.coach.saying.debts import they_said
from bot.coach.saying.grammar import greeting_name
from bot.coach.saying.phrases import about_need, need_words, needs
from bot.coach.writing.drafts import draft_note
from bot.store.records import Contact, Fact, Interaction, Promise
from bot.store.view import Network

TODAY = date(2026, 3, 12)


def written(contact: Contact, notes: tuple[str, ...] = (), promises: tuple[str, ...] = (), kind: str = "followup",
            variant: int = 0) -> str:  # fmt: skip
    on = (TODAY - timedelta(days=1)).isoformat()
    told = [Interaction(id=f"n{n}", contact_id=contact.id, kind="note", text=t, on=on) for n, t in enumerate(notes)]
    owed = [Promise(id=f"p{n}", contact_id=contact.id, text=t, made_on=on) for n, t in enumerate(promises)]
    return draft_note(kind, Network([contact], told, owed), contact.id, TODAY, sender_name="Sam", variant=variant).text


def ana(**fields) -> Contact:
    return Contact(**{"id": "ana", "name": "Ana Reyes", "met_on": (TODAY - timedelta(days=1)).isoformat(), **fields})


@pytest.mark.parametrize(
    ("role", "said"),
    [
        ("runs the imaging core", "your work running the imaging core"),
        ("manages the night shift", "your work managing the night shift"),
        ("does grant writing", "your work doing grant writing"),
        ("coaches the under-12s", "your work coaching the under-12s"),
        ("designer", "your work as a designer"),
    ],
)
def test_a_role_typed_as_what_they_do_is_said_as_doing_it(role, said):
    text = written(ana(role=role))
    assert said in text, text
    assert "as a runs" not in text and "as a manages" not in text


@pytest.mark.parametrize(
    ("what", "hear", "looking", "named"),
    [
        ("learn Portuguese", "your plans to learn Portuguese", "hoping to learn Portuguese", "Ana hopes to learn"),
        ("find a cofounder", "your plans to find a cofounder", "hoping to find a cofounder", "Ana hopes to find a"),
        ("collab on a popup", "your plans to collab on a popup", "hoping to collab on a popup", "Ana hopes to collab"),
        ("a cofounder", "your search for a cofounder", "looking for a cofounder", "Ana needs a cofounder"),
        ("help with visa questions", "your search for help with", "hoping to find help with", "Ana hopes to find help"),
    ],
)
def test_a_need_typed_as_something_to_do_is_said_as_a_plan(what, hear, looking, named):
    need = Fact(id="f", contact_id="ana", kind="need", slots={"what": what, "pronoun": "she"})
    assert about_need(need).startswith(hear)
    assert need_words(need).startswith(looking)
    assert needs(need, "Ana").startswith(named)


def test_a_need_read_from_a_note_is_asked_about_as_a_plan_in_a_draft():
    text = written(ana(), notes=("she wants to collab on a popup",))
    assert "I'd love to hear more about your plans to collab on a popup." in text, text


def test_a_need_for_something_of_the_users_is_not_asked_about_as_her_search():
    text = written(ana(company="Figma"), notes=("she wants my resume",))
    assert "search for my" not in text and "search for your" not in text, text
    assert "your work at Figma" in text, text


@pytest.mark.parametrize(
    "promise",
    ["email her about the residency", "text her back about the open role", "write to her about the grant"],
)
def test_a_promise_to_write_about_something_is_kept_by_writing(promise):
    about = promise.split(" about ")[1]
    texts = [written(ana(), promises=(promise,), variant=v) for v in range(3)]
    assert any(f"I'm writing about {about}." in t for t in texts), texts
    assert not any(f"the about {about}" in t or "Here's the about" in t for t in texts), texts


@pytest.mark.parametrize(
    ("promise", "said"),
    [
        ("send her my article on arbitration clauses", "Here's my article on arbitration clauses I mentioned."),
        ("send her the quote for 500 units", "Here's the quote for 500 units I mentioned."),
        ("send her the slides from my talk", "Here are the slides from my talk I mentioned."),
        ("send her my notes", "Here are my notes I mentioned."),
    ],
)
def test_here_is_or_here_are_agrees_with_the_thing_not_its_last_word(promise, said):
    assert said in written(ana(), promises=(promise,)), said


@pytest.mark.parametrize(
    ("name", "greeted"),
    [("Ana Reyes", "Ana"), ("Maria Cruz", "Maria"), ("Ana Paula", "Ana Paula"), ("Maria Jose Lopez", "Maria Jose")],
)
def test_a_family_name_that_is_also_a_rare_first_name_is_not_greeted(name, greeted):
    assert greeting_name(name) == greeted


@pytest.mark.parametrize(
    ("first", "text", "said"),
    [
        ("Tom", "confirm with his manager", "Tom said he'd"),
        ("Hannah", "give me a training slot", "Hannah said she'd"),
        ("Sam", "send me the price list", "Sam said they'd"),
    ],
)
def test_their_promise_is_said_with_the_pronoun_the_note_or_the_name_gives(first, text, said):
    assert they_said(first, text) == said


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("design meetup at Figma office", "at the design meetup at Figma office"),
        ("uxpa mixer", "at the uxpa mixer"),
        ("editors happy hour", "at the editors happy hour"),
        ("lisbon", "in Lisbon"),
        ("new york", "in New York"),
        ("soccer practice", "at soccer practice"),  # an activity keeps no article
        ("Web Summit", "at Web Summit"),  # a name keeps how it was typed
        ("site walk", "at the site walk"),  # events the learned reader finds, said as events
        ("open house", "at the open house"),
        ("phone screen", "at the phone screen"),
        ("Genentech onsite", "at the Genentech onsite"),
        ("grandma's house", "at grandma's house"),  # never "the grandma's"
    ],
)
def test_a_place_typed_bare_is_said_as_a_place(where, said):
    text = written(ana(met_context=where))
    assert said in text, text


@pytest.mark.parametrize(
    ("promise", "said"),
    [
        ("send her the API docs and pricing", "Here are the API docs and pricing I mentioned."),
        ("send her the list of nurses and doctors", "Here's the list of nurses and doctors I mentioned."),
    ],
)
def test_two_things_joined_are_plural_and_one_thing_of_many_is_not(promise, said):
    assert said in written(ana(), promises=(promise,))


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("Rust meetup", "at the Rust meetup"),
        ("YC dinner", "at the YC dinner"),
        ("Women in Tech meetup", "at the Women in Tech meetup"),
        ("the Hilton bar after", "at the Hilton bar yesterday"),  # a word left waiting for what followed is dropped
        ("lunch", "at lunch"),
        ("DevCon Bengaluru", "at DevCon Bengaluru"),
    ],
)
def test_a_named_kind_of_event_takes_the_and_a_name_does_not(where, said):
    text = written(ana(met_context=where))
    assert said in text, text


@pytest.mark.parametrize(
    ("promise", "said", "not_said"),
    [
        ("send his CV to my boss", "As promised, I'll send your CV to my boss.", "Here's your CV"),
        ("share the doc with my team", "As promised, I'll share the doc with my team.", "Here's the doc"),
        ("send her a guide to salary talks", "Here's the guide to salary talks I mentioned.", "I'll send"),
    ],
)
def test_a_thing_sent_to_someone_else_is_a_deed_not_a_gift(promise, said, not_said):
    text = written(ana(), promises=(promise,))
    assert said in text and not_said not in text, text


@pytest.mark.parametrize("where", ["saturday", "Tuesday", "last night"])
def test_a_day_read_as_where_is_not_said_as_a_place(where):
    text = written(ana(met_context=where))
    assert f"at {where}" not in text and "at the" not in text, text


def test_a_sentence_read_as_where_gets_no_article_of_its_own():
    text = written(ana(met_context="saw 2 founders at the demo night"))
    assert "at the saw" not in text, text


@pytest.mark.parametrize(
    ("what", "said"),
    [("a internship in IT", "your search for an internship in IT"), ("an designer", "your search for a designer")],
)
def test_a_need_typed_with_the_wrong_article_is_said_with_the_right_one(what, said):
    need = Fact(id="f", contact_id="ana", kind="need", slots={"what": what})
    assert about_need(need) == said


@pytest.mark.parametrize(
    ("line", "way", "said"),
    [
        ("zoom w Ana Reyes, she runs growth at Kite", "Zoom", "on Zoom"),
        ("quick call w/ Ana Reyes about the role", "call", "on our call"),
        ("coffee chat w Ana Reyes from Kite", "coffee chat", "over coffee"),
        ("lunch w/ Ana Reyes at Nopa", "lunch", "over lunch"),
        ("Ana Reyes emailed back about the role", "email", "over email"),
        ("kickoff mtg w/ Ana Reyes and her team", "kickoff meeting", "at our kickoff meeting"),
        ("disco call w/ Ana Reyes, 20 min", "discovery call", "on our discovery call"),
        ("dm convo w Ana Reyes about the holiday drop", "DM", "over DMs"),
        ("Ana Reyes me llamó, quiere 2 docenas", "call", "on our call"),
    ],
)  # fmt: skip
def test_how_they_met_is_kept_and_a_follow_up_says_it(line, way, said):
    from bot.coach.reading.capture import understand

    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.way == way and meeting.context in ("", "Nopa")
    met = Interaction(id="m1", contact_id="ana", kind="met", text=line, on=(TODAY - timedelta(days=1)).isoformat(),
                      context="", way=meeting.way)  # fmt: skip
    text = draft_note("followup", Network([ana()], [met], []), "ana", TODAY, sender_name="Sam").text
    assert f"{said} yesterday" in text, text


@pytest.mark.parametrize(
    "line",
    ["she'll call me friday", "set up a call w Ana Reyes next week", "a designer called Maya", "grab lunch w Ana soon"],
)
def test_a_call_or_a_meal_still_to_come_is_not_how_they_met(line):
    from bot.coach.reading.ways import way_of_meeting

    assert way_of_meeting(line) == ""
