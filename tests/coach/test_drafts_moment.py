"""Drafts that fit the moment: the opener fits the time since meeting and the freshest real fact, the wording fits
the contact's role, news of any kind can be congratulated, and "Shorter" is always shorter."""

from datetime import date, timedelta

import pytest

from bot.coach.writing.drafts import DRAFT_KINDS, STYLES, VARIANTS, coach_draft, draft_note
from bot.store.records import Contact, Interaction, Promise
from bot.store.view import Network

TODAY = date(2026, 12, 7)


def iso(days_ago: int) -> str:
    return (TODAY - timedelta(days=days_ago)).isoformat()


def note(cid: str, text: str, days_ago: int) -> Interaction:
    return Interaction(id=f"n{days_ago}{len(text)}", contact_id=cid, kind="note", text=text, on=iso(days_ago))


def met(cid: str, days_ago: int, where: str = "") -> Interaction:
    return Interaction(id=f"m{days_ago}", contact_id=cid, kind="met", text="", context=where, on=iso(days_ago))


def texts(kind: str, net: Network, cid: str, goals: tuple[str, ...] = (), styles=STYLES) -> list[str]:
    return [
        draft_note(kind, net, cid, TODAY, sender_name="Sam", variant=v, style=s, goals=goals).text
        for v in range(VARIANTS)
        for s in styles
    ]


# --- the opener fits the time since meeting ---


def test_a_thank_you_seven_weeks_after_a_first_meeting_does_not_open_as_if_it_were_yesterday():
    ana = Contact(id="ana", name="Ana Ruiz", met_context="the fintech breakfast", met_on=iso(49))
    net = Network([ana], [met("ana", 49, "the fintech breakfast")])
    for text in texts("thanks", net, "ana"):
        body = text.split("\n\n")[1].lower()
        assert "great meeting you" not in body and "great to meet you" not in body, text
        assert any(w in body for w in ("belated", "never properly", "a while", "some time", "weeks")), text


def test_a_thank_you_the_day_after_meeting_still_says_when_and_where():
    ana = Contact(id="ana", name="Ana Ruiz", met_context="the fintech breakfast", met_on=iso(1))
    net = Network([ana], [met("ana", 1, "the fintech breakfast")])
    for text in texts("thanks", net, "ana", styles=("warm",)):
        assert "the fintech breakfast yesterday" in text, text
        assert "belated" not in text.lower(), text


# --- the freshest real fact: news, then a need, then a promise, then an interest ---


def test_a_reconnect_opens_with_fresh_news_rather_than_a_newer_need():
    bob = Contact(id="bob", name="Bob Hale", interests=["sailing"], met_on=iso(300))
    net = Network([bob], [note("bob", "got promoted to VP of sales", 20), note("bob", "looking for a lawyer", 5)])
    for text in texts("reconnect", net, "bob"):
        assert "promotion" in text, text
        assert "sailing" not in text, text


def test_a_reconnect_opens_with_a_new_grandchild_not_a_hobby():
    bob = Contact(id="bob", name="Bob Hale", interests=["sailing"], met_on=iso(300))
    net = Network([bob], [note("bob", "just became a grandfather", 10)])
    for text in texts("reconnect", net, "bob"):
        assert "grandchild" in text or "grandfather" in text, text
        assert "sailing" not in text, text


def test_a_follow_up_with_nothing_promised_picks_up_their_news_before_their_need():
    kim = Contact(id="kim", name="Kim Cho", met_on=iso(2), met_context="the product meetup")
    net = Network([kim], [met("kim", 2, "the product meetup"), note("kim", "just launched her podcast", 2),
                          note("kim", "looking for a lawyer", 2)])  # fmt: skip
    for text in texts("followup", net, "kim", styles=("warm",)):
        assert "podcast" in text, text


# --- the wording fits the contact's role ---


def test_a_follow_up_to_a_recruiter_does_not_ask_what_they_are_building():
    rita = Contact(id="rita", name="Rita Moss", company="Hays", role="recruiter", met_on=iso(3))
    net = Network([rita], [met("rita", 3, "the careers fair")])
    for text in texts("followup", net, "rita"):
        assert "building" not in text, text


def test_a_follow_up_to_someone_with_only_a_role_gives_the_role_its_article():
    dan = Contact(id="dan", name="Dan Ek", role="designer", met_on=iso(3))
    net = Network([dan], [met("dan", 3, "the careers fair")])
    for text in texts("followup", net, "dan", styles=("warm",)):
        assert "as designer" not in text, text


def test_a_contact_looking_for_the_role_the_user_wants_is_told_so_too():
    hana = Contact(id="hana", name="Hana Ito", company="Monzo", met_on=iso(3))
    net = Network([hana], [met("hana", 3, "the fintech breakfast"), note("hana", "she is looking for a PM", 3)])
    for text in texts("followup", net, "hana", goals=("land a PM role",), styles=("warm",)):
        assert "looking for a PM" in text and "the role I'm after" in text, text


@pytest.mark.parametrize("kind", ["followup", "thanks", "reconnect"])
def test_a_contact_hiring_the_very_role_the_user_wants_is_told_so(kind):
    hana = Contact(id="hana", name="Hana Ito", company="Monzo", met_on=iso(3))
    net = Network([hana], [met("hana", 3, "the fintech breakfast"), note("hana", "hiring a PM", 3)])
    goals = ("land a product manager role at a fintech",)
    for text in texts(kind, net, "hana", goals=goals, styles=("warm", "formal")):
        assert "hiring a PM" in text, text
        assert "the role I'm after" in text or "the role I am seeking" in text, text


# --- congratulations on life events and publications ---


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("just became a grandfather", "grandchild"),
        ("her daughter had a baby, first grandchild", "grandchild"),
        ("her story was published in the New Yorker", "your story in the New Yorker"),
        ("had her first book published", "your first book"),
        ("got a short story published in Granta", "your short story in Granta"),
    ],
)
def test_congratulations_recognise_life_events_and_publications(line, said):
    eve = Contact(id="eve", name="Eve Park", met_on=iso(300))
    net = Network([eve], [note("eve", line, 5)])
    for text in texts("congrats", net, "eve", styles=("warm",)):
        assert said in text, text
        assert "well deserved" not in text or "grand" not in said, text


# --- "Shorter" is always shorter ---


def _busy_network() -> Network:
    jane = Contact(id="jane", name="Jane Doe", company="Acme", role="CTO", met_context="the editors happy hour",
                   met_on=iso(2), interests=["climate tech"], wins=["got promoted"])  # fmt: skip
    tom = Contact(id="tom", name="Tom Lee", company="Beta", role="designer", interests=["climate tech"])
    return Network(
        [jane, tom],
        [met("jane", 2, "the editors happy hour"), note("jane", "hiring a designer", 2),
         Interaction(id="g", contact_id="jane", kind="got", text="reviewed my CV", on=iso(1))],
        [Promise(id="p", contact_id="jane", text="send her the Ferrazzi book", made_on=iso(2))],
    )  # fmt: skip


@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_shorter_is_always_shorter_than_what_was_shown(kind):
    net = _busy_network()
    for v in range(VARIANTS):
        short = draft_note(kind, net, "jane", TODAY, other_id="tom", sender_name="Sam", variant=v, style="short")
        for shown in ("warm", "formal"):
            longer = draft_note(kind, net, "jane", TODAY, other_id="tom", sender_name="Sam", variant=v, style=shown)
            assert len(short.text) < len(longer.text), (short.text, longer.text)


COACHED = {
    "ask": {"first": "Carla", "goal": "raise a seed round", "ask": "intro", "goal_words": "I'm raising a seed round"},
    "loop": {"first": "Sam", "news": "we closed the round", "good": "1"},
    "offer": {"first": "Oli", "need": "a lawyer", "offer": "I can help with contracts"},
    "birthday": {"first": "Ana"},
}


@pytest.mark.parametrize("kind", COACHED)
def test_a_steps_draft_comes_in_every_wording_and_shorter_is_shorter(kind):
    for v in range(VARIANTS):
        said = {s: coach_draft(kind, COACHED[kind], "Sam Stone", v, s) for s in STYLES}
        assert len(said["short"]) < min(len(said["warm"]), len(said["formal"])), said
        assert all(text.endswith("\n\nSam") for text in said.values()), said
    assert len({coach_draft(kind, COACHED[kind], "Sam", v) for v in range(VARIANTS)}) == VARIANTS


def test_a_close_the_loop_thanks_a_client_who_signed_for_their_trust():
    meera = {"first": "Meera", "news": "we signed", "good": "1", "part": "1", "what": "signed"}
    for v in range(VARIANTS):
        text = coach_draft("loop", meera, "Sam", v)
        assert "trust" in text and "we signed" not in text and "helped" not in text, text
