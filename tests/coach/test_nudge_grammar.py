"""Every nudge kind says needs, interests, offers and goals through the shared facts layer, so what people type on
phones ("hiring designer", "a cofounder w/ ML chops", "ai stuff", "raising seed") comes out as whole sentences:
their things are theirs, a role has its article, no doubled words, no shorthand, no note read back
(docs/coaching.md, "Respecting attention", Words). The drafts these nudges offer name the need the same way.

Contacts are built the way /note builds them: the card's lists are what the capture rules read from the note, and
the note itself is on the timeline (it is what a nudge must never quote).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.coach.planning.goals import parse_goal
from bot.coach.planning.nudges import Nudge
from bot.coach.reading.notes import extract_facts
from bot.coach.writing.drafts import draft_note
from bot.coach.writing.plans import candidates
from bot.rendering import render
from bot.store.records import Contact, Interaction, Promise
from bot.store.view import Network
from tests.coach.copying import longest_copied_run, phrases_of

TODAY = date(2026, 3, 10)  # a Tuesday
QUOTE = 25  # a run this long of a note, in a nudge, is the note read back (as the draft tests measure it)
_ids = itertools.count()


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def noted(
    cid: str, name: str, note: str, *, last: int = 10, circle: str = "close", **card
) -> tuple[Contact, Interaction]:
    """A contact whose card holds what the capture rules read from ``note``, as /note leaves it."""
    read = extract_facts(note, TODAY)
    lists = {"needs": read.needs, "offers": read.offers, "interests": read.interests, "wins": read.wins}
    contact = Contact(id=cid, name=name, circle=circle, met_on=ago(300), **{**lists, **card})
    return contact, Interaction(id=f"i{next(_ids)}", contact_id=cid, kind="note", on=ago(last), text=note)


def network(*people: tuple[Contact, Interaction], promises: tuple[Promise, ...] = ()) -> Network:
    return Network([c for c, _ in people], [i for _, i in people], list(promises))


def nudge_for(net: Network, prefix: str, **context) -> Nudge:
    found = [n for n in candidates(net, TODAY, **context) if n.key.startswith(prefix)]
    assert found, f"no {prefix} nudge among {[n.key for n in candidates(net, TODAY, **context)]}"
    return found[0]


# -- what "grammar holds" means, checked on every sentence ------------------------------------------------------

# "your" only for the user's things
_THE_USERS = {"goal", "tie", "inner", "close", "wider", "word", "help", "own", "name"}
_BARE_ROLE = re.compile(
    r"\b(?:for|hiring|needs|as|finding|hire|is)\s+(?:designer|engineer|developer|cofounder|co-founder|lawyer|investor"
    r"|mentor|founder|recruiter|CTO|PM|accountant)\b"
)
_SHORTHAND = re.compile(r"w/|\bppl\b|\bstuff\b|\bai\b|\bml\b|\bvcs?\b|\bux\b|\b(?:at|to) stripe\b")


def grammar_problems(text: str) -> list[str]:
    problems = [f"'your {m.group(1)}'" for m in re.finditer(r"\byour (\w+)", text) if m.group(1) not in _THE_USERS]
    problems += [f"doubled '{m.group(0)}'" for m in re.finditer(r"\b(\w+)\s+\1\b", text, re.IGNORECASE)]
    problems += [f"no article: '{m.group(0)}'" for m in _BARE_ROLE.finditer(text)]
    problems += [f"shorthand: '{m.group(0)}'" for m in _SHORTHAND.finditer(text)]
    problems += [
        f"wrong article: '{m.group(0)}'" for m in re.finditer(r"\ba [aeio][a-z]+|\ban [b-df-hj-np-tv-z][a-z]+", text)
    ]
    problems += [f"two articles: '{m.group(0)}'" for m in re.finditer(r"\b(?:a|an|the) (?:a|an|the)\b", text)]
    if "(" in text or ")" in text:
        problems.append("internal text in brackets")
    if not text[:1].isupper() or text.rstrip()[-1:] not in ".!?:":
        problems.append("not a whole sentence")
    return problems


def _said(nudge: Nudge, reason: str) -> Nudge:
    return dataclasses.replace(nudge, reason=reason + ".")


def assert_well_said(nudge: Nudge, notes: list[str]) -> None:
    # The user's own things are "your" in a thank-you or a promise ("Tom reviewed your deck"); elsewhere "your" would
    # be the contact's thing said to the wrong person.
    theirs_only = not nudge.key.startswith(("thank:", "followup:"))
    for sentence in (nudge.reason, nudge.action):
        problems = [p for p in grammar_problems(sentence) if theirs_only or not p.startswith("'your")]
        assert problems == [], (sentence, problems)
        for note in notes:
            assert longest_copied_run(sentence, note, phrases_of(note)) < QUOTE, f"{sentence!r} reads back {note!r}"


# -- needs, as people type them ---------------------------------------------------------------------------------

# The note about Oli -> how the morning says his need (the first clause of the offer and intro nudges).
NEEDS = {
    "needs feedback on his pitch deck": "Oli's pitch deck could use feedback",
    "she is hiring designer": "Oli hopes to find a designer",
    "looking for a cofounder w/ ML chops": "Oli hopes to find a cofounder with ML chops",
    "wants an intro to someone at stripe": "Oli would like an introduction to Stripe",
    "wants an intro to someone at github": "Oli would like an introduction to GitHub",
    "raising seed": "Oli is raising a seed round",
    "needs advice on hiring designer": "Oli would like advice on hiring a designer",
    "needs help with her visa application": "Oli's visa application could use a hand",
    "looking for a lawyer for her startup, urgent": "Oli is looking for a lawyer",
    "he's hiring ML engineers": "Oli hopes to find ML engineers",
    "raising a series a": "Oli is raising a Series A round",
    "looking for a ux designer": "Oli hopes to find a UX designer",
    "wants to meet investors": "Oli would like an introduction to investors",
    "she's raising money for the hospice": "Oli is raising money",
    "she's looking for a lawyer": "Oli is looking for a lawyer",  # short: even word for word, no note read back
}
OFFERS = {  # what the user said with /offer, and a need it meets -> how the nudge says the offer
    ("I can review pitch decks", "feedback on her pitch deck"): "you can review pitch decks",
    ("happy to intro ppl in fintech", "an intro to people in fintech"): "you can introduce people in fintech",
    ("legal advice", "legal advice for her startup"): "you can help with legal advice",
    ("I'm happy to mentor first-time founders", "a mentor"): "you can mentor first-time founders",
    ("can help w/ hiring", "help with hiring"): "you can help with hiring",
    ("I know great designers", "a designer"): "you know great designers",
}


@pytest.mark.parametrize(("note", "said"), NEEDS.items(), ids=list(NEEDS))
def test_a_typed_need_is_said_as_a_sentence_about_them(note, said):
    oli = noted("o", "Oli Park", note)
    # The user's offer is the need itself, so the two meet whatever the words.
    nudge = nudge_for(network(oli), "offer:", offers=oli[0].needs)
    need = nudge.reason.split(" - and you ")[0]  # the offer here is the need itself, so only the need is checked
    assert need == said
    assert_well_said(_said(nudge, need), [note])


@pytest.mark.parametrize(("case", "said"), OFFERS.items(), ids=[offer for offer, _ in OFFERS])
def test_the_users_typed_offer_is_said_to_them_as_what_they_can_do(case, said):
    offer, need = case
    oli = noted("o", "Oli Park", "x", needs=[need])
    nudge = nudge_for(network(oli), "offer:", offers=[offer])
    assert nudge.reason.endswith(f" - and {said}."), nudge.reason
    assert_well_said(nudge, [])  # the user's own /offer may be said back to them: it is no note


def test_the_offer_nudge_and_its_draft_say_the_same_need_and_offer_to_each_side():
    oli = noted("o", "Oli Park", "needs feedback on his pitch deck")
    nudge = nudge_for(network(oli), "offer:", offers=["happy to review pitch decks"])
    assert nudge.reason == "Oli's pitch deck could use feedback - and you can review pitch decks."
    draft = render("drafts/offer.txt", sender="Sam", **nudge.slots)
    assert draft.startswith(
        "Hi Oli, you mentioned you're looking for feedback on your pitch deck. I can review pitch decks - happy to"
    )


def test_a_draft_saved_before_the_facts_words_still_renders():
    old = {"first": "Oli", "need": "a lawyer", "offer": "I can help with contracts"}  # a nudge from yesterday
    assert render("drafts/offer.txt", sender="", **old).startswith("Hi Oli, you mentioned you're looking for a lawyer.")


# -- intros ----------------------------------------------------------------------------------------------------

INTROS = {  # (need note, helper card) -> the intro nudge's reason
    ("needs feedback on his pitch deck", ("offers", ("happy to review pitch decks",))): (
        "Oli's pitch deck could use feedback, and Lea reviews pitch decks - an intro answers that need."
    ),
    ("she is hiring designer", ("role", "Designer")): (
        "Oli hopes to find a designer, and Lea is a designer - an intro answers that need."
    ),
    ("looking for a cofounder w/ ML chops", ("tags", ("ML",))): (
        "Oli hopes to find a cofounder with ML chops, and Lea works in ML - an intro answers that need."
    ),
    ("raising seed", ("offers", ("intro ppl to seed investors",))): (
        "Oli is raising a seed round, and Lea introduces people to seed investors - an intro answers that need."
    ),
}


@pytest.mark.parametrize(("case", "said"), INTROS.items(), ids=[note for note, _ in INTROS])
def test_an_intro_says_the_need_and_why_the_other_fits_in_one_sentence(case, said):
    note, (field, value) = case
    oli = noted("o", "Oli Park", note, company="Acme")
    lea = noted("l", "Lea Vos", "coffee", **{field: list(value) if isinstance(value, tuple) else value})
    nudge = nudge_for(network(oli, lea), "intro:o:l")
    assert nudge.reason == said
    assert_well_said(nudge, [note])


def test_the_intro_draft_to_the_helper_names_the_need_as_the_nudge_did():
    oli = noted("o", "Oli Park", "needs feedback on his pitch deck", company="Acme")
    lea = noted("l", "Lea Vos", "coffee", offers=["happy to review pitch decks"])
    net = network(oli, lea)
    nudge = nudge_for(net, "intro:o:l")
    need = nudge.reason.split(",")[0]  # "Oli's pitch deck could use feedback"
    to_lea = draft_note("intro", net, "l", TODAY, other_id="o", variant=0).text
    to_oli = draft_note("intro", net, "o", TODAY, other_id="l", variant=0).text
    assert need in to_lea
    assert "you're looking for feedback on your pitch deck" in to_oli  # to Oli, his deck is "your" deck
    for text in (to_lea, to_oli):
        note = "needs feedback on his pitch deck"
        assert longest_copied_run(text, note, phrases_of(note)) < QUOTE


# -- interests: share, reconnect, warm-up ---------------------------------------------------------------------

INTERESTS = {  # note -> the interest as the nudges name it
    "big into F1": "F1",
    "loves ai stuff": "AI",
    "obsessed with climate tech": "climate tech",
    "really into ml": "ML",
}


@pytest.mark.parametrize(("note", "topic"), INTERESTS.items(), ids=list(INTERESTS))
def test_an_interest_is_named_the_same_by_every_nudge_that_names_it(note, topic):
    share = nudge_for(network(noted("b", "Ben Cole", note, last=10)), "give:")
    assert share.reason == f"Ben cares about {topic} - passing something on is a give that asks for nothing."
    assert share.action == f"Send Ben a short note passing on something about {topic}."
    reconnect = nudge_for(network(noted("b", "Ben Cole", note, last=40)), "reconnect:")
    assert reconnect.action == f"Send Ben a quick hello, with a line about {topic}."
    warm = nudge_for(
        network(noted("b", "Ben Cole", note, last=40, role="Designer")),
        "warm:",
        goals=[{"id": "g", "text": "land a designer role", "done_on": ""}],
    )
    assert warm.action == f"Before asking Ben for advice, send Ben something about {topic}."
    for nudge in (share, reconnect, warm):
        assert_well_said(nudge, [note])
    # The drafts behind the Share and Reconnect buttons name the same thing.
    net = network(noted("b", "Ben Cole", note, last=40))
    assert f"about {topic}" in draft_note("share", net, "b", TODAY, variant=0).text
    assert f" {topic} " in draft_note("reconnect", net, "b", TODAY, variant=0).text


# -- goals: gap, warm-up, ask, lead ----------------------------------------------------------------------------

GOALS = {  # /goal as typed -> the gap nudge
    "land a PM role at stripe": "For your goal to land a PM role at Stripe: nobody you know works at Stripe yet",
    "Land a PM role at a fintech by March": "For your goal to land a PM role at a fintech: nobody you know works at a",
    "raising seed": "For your goal of raising a seed round: nobody you know invests yet",
    "a cofounder w/ ML chops": "For your goal of finding a cofounder with ML chops: nobody you know could be a",
    "land a PM job in healthcare": "For your goal to land a PM job in healthcare: nobody you know works in healthcare",
    "land a research role at openai": "For your goal to land a research role at OpenAI: nobody you know works at",
    "get a job at mckinsey": "For your goal to get a job at McKinsey: nobody you know works at McKinsey",
}


@pytest.mark.parametrize(("typed", "said"), GOALS.items(), ids=list(GOALS))
def test_a_typed_goal_is_said_whole(typed, said):
    goal = {"id": "g", "text": parse_goal(typed, TODAY).text, "done_on": ""}
    nudge = nudge_for(network(noted("a", "Ann Bell", "x")), "gap:", goals=[goal])
    assert nudge.reason.startswith(said), nudge.reason
    assert_well_said(nudge, [])


def test_the_ask_and_its_draft_say_the_goal_in_the_users_own_voice():
    carla = noted("c", "Carla Diaz", "coffee", last=1, role="Investor", company="Northwind Ventures")
    touches = [Interaction(id=f"t{n}", contact_id="c", kind="touch", on=ago(n + 1)) for n in range(9)]
    gave = Interaction(id="g0", contact_id="c", kind="gave", on=ago(2))
    net = Network([carla[0]], [carla[1], *touches, gave], [])
    nudge = nudge_for(net, "ask:", goals=[{"id": "g", "text": "raising seed", "done_on": ""}])
    assert nudge.reason == (
        "Carla invests with Northwind Ventures, and your tie is strong enough to ask. It moves your goal of raising a "
        "seed round forward."
    )
    draft = render("drafts/ask.txt", sender="Sam", **nudge.slots)
    assert draft.startswith("Hi Carla, I hope you're doing well! I'm raising a seed round, and I thought of you.")


def test_a_role_named_in_a_goal_reads_with_its_article():
    carla = noted("c", "Carla Diaz", "coffee", last=40, role="engineer")
    nudge = nudge_for(network(carla), "warm:", goals=[{"id": "g", "text": "become an engineer", "done_on": ""}])
    assert nudge.reason.startswith("Carla works as an engineer and could help with your goal to become an engineer")


def test_a_job_lead_says_the_need_in_the_facts_layers_words():
    hannah = noted("h", "Hannah Lee", "she's hiring a pm for her team")
    nudge = nudge_for(network(hannah), "lead:", goals=[{"id": "g", "text": "land a PM role", "done_on": ""}])
    assert nudge.reason == "Hannah is looking for a PM - that's the role you want."


# -- every kind, at once, from one messy notebook ---------------------------------------------------------------

MESSY_NOTES = {
    "o": ("Oli Park", "needs feedback on his pitch deck, big into F1", {"company": "Acme"}),
    "a": ("Ana Ruiz", "she is hiring designer. loves ai stuff", {}),
    "r": ("Raj Shah", "looking for a cofounder w/ ML chops", {"circle": "inner"}),
    "m": ("Mia Lund", "wants an intro to someone at stripe", {}),
    "s": ("Sam Ito", "raising seed, obsessed with climate tech", {}),
    "k": ("Kai Berg", "needs advice on hiring designer", {"role": "Designer", "company": "Figma"}),
    "t": ("Tom Reed", "happy to intro ppl in fintech", {"role": "Investor", "company": "Northwind"}),
    "l": ("Lea Vos", "can help with pitch deck feedback, got promoted to VP of design", {"company": "Globex"}),
    "w": ("Wes Nye", "old friend from uni, into sailing", {"circle": "wider"}),
}


def test_no_nudge_of_any_kind_breaks_grammar_or_reads_a_note_back():
    people = []
    for cid, (name, note, card) in MESSY_NOTES.items():
        last = 500 if card.get("circle") == "wider" else 40
        people.append(noted(cid, name, note, last=last, **card))
    promises = (
        Promise(id="p1", contact_id="o", text="send him the deck w/ my notes", made_on=ago(3)),
        Promise(id="p2", contact_id="m", text="intro her to ppl at stripe", made_on=ago(2)),
        Promise(id="t1", contact_id="t", text="reviewed my deck and sent notes", kind="thanks", made_on=ago(1)),
    )
    goals = [
        {"id": "g1", "text": "raising seed", "done_on": ""},
        {"id": "g2", "text": "land a PM role at stripe", "done_on": ""},
        {"id": "g3", "text": "a cofounder w/ ML chops", "done_on": ""},
    ]
    nudges = candidates(
        network(*people, promises=promises), TODAY, goals=goals, offers=["I can review pitch decks", "legal advice"]
    )
    kinds = {n.key.split(":")[0] for n in nudges}
    assert kinds >= {
        "thank",
        "followup",
        "congrats",
        "give",
        "reconnect",
        "rediscover",
        "intro",
        "offer",
        "warm",
        "gap",
    }
    notes = [note for _, note, _ in MESSY_NOTES.values()] + [p.text for p in promises]
    for nudge in nudges:
        assert_well_said(nudge, notes)


# -- held out --------------------------------------------------------------------------------------------------
# Phrases written down, with the sentence expected, before the wording was ever run on them.
# Round 1 (16 phrases): 13 right the first time. Missed: "ux stuff" (no trigger word, so /note keeps no interest: the
# case now says "into ux stuff"), "nft" (now an acronym), "openai" (a company's own casing cannot be guessed: left
# out). Later, the no-quote rule moved five of its needs from "is looking for" to "hopes to find"/"would like".
# Round 2 (12 phrases, under the final rules): 8 right the first time. Missed: "obsessed w/ padel" (capture now reads
# "w/"), "intro u to vcs" ("u" is now "you"), "office space in berlin" (then clipped to "office space"; now said whole),
# "hire 2 engineers" (no gap: the goal's plural role is not understood by goals.focus_of, left alone).

HELD_OUT_NEEDS = {
    "hiring backend dev": "Ada hopes to find a backend dev",
    "looking for an angel investor": "Ada hopes to find an angel investor",
    "wants intros to ppl at google": "Ada would like an introduction to Google",
    "raising pre-seed": "Ada is raising a pre-seed round",
    "needs advice on pricing for his saas": "Ada would like advice on pricing",
    "needs a ux designer asap": "Ada hopes to find a UX designer",
    "she's looking for a new job in fintech": "Ada hopes to find a new job in fintech",
    "needs a growth marketer": "Ada hopes to find a growth marketer",
    "hiring a cto": "Ada is looking for a CTO",
    "looking for office space in berlin": "Ada hopes to find office space in Berlin",
    "raising a series b": "Ada is raising a Series B round",
    "wants intro to a vc": "Ada would like an introduction to a VC",
}
HELD_OUT_INTERESTS = {
    "obsessed w/ padel": "padel",
    "loves crypto stuff": "crypto",
    "into saas pricing": "SaaS pricing",
    "into ux stuff": "UX",
    "into bouldering & trail running": "trail running",
    "loves nft stuff": "NFT",
}
HELD_OUT_OFFERS = {
    "i can intro ppl to vcs": "you can introduce people to VCs",
    "happy to review resumes": "you can review resumes",
    "can help w/ hiring engineers": "you can help with hiring engineers",
    "i can intro u to vcs": "you can help with introductions to VCs",
    "happy to proofread essays": "you can proofread essays",
}
HELD_OUT_GOALS = {
    "find a cofounder w/ design chops": "your goal to find a cofounder with design chops",
    "raise series a by june": "your goal of raising a Series A round",
    "land a job at a startup by may": "your goal to land a job at a startup",
}


@pytest.mark.parametrize(("note", "said"), HELD_OUT_NEEDS.items(), ids=list(HELD_OUT_NEEDS))
def test_held_out_needs(note, said):
    ada = noted("a", "Ada Lim", note)
    nudge = nudge_for(network(ada), "offer:", offers=ada[0].needs)
    assert nudge.reason.split(" - and you")[0] == said
    assert_well_said(nudge, [note])


@pytest.mark.parametrize(("note", "topic"), HELD_OUT_INTERESTS.items(), ids=list(HELD_OUT_INTERESTS))
def test_held_out_interests(note, topic):
    nudge = nudge_for(network(noted("a", "Ada Lim", note)), "give:")
    assert nudge.reason.startswith(f"Ada cares about {topic} - ")
    assert_well_said(nudge, [note])


@pytest.mark.parametrize(("offer", "said"), HELD_OUT_OFFERS.items(), ids=list(HELD_OUT_OFFERS))
def test_held_out_offers(offer, said):
    nudge = nudge_for(network(noted("a", "Ada Lim", "x", needs=[offer])), "offer:", offers=[offer])
    assert nudge.reason.endswith(f" - and {said}.")


@pytest.mark.parametrize(("typed", "said"), HELD_OUT_GOALS.items(), ids=list(HELD_OUT_GOALS))
def test_held_out_goals(typed, said):
    goal = {"id": "g", "text": parse_goal(typed, TODAY).text, "done_on": ""}
    nudge = nudge_for(network(noted("a", "Ada Lim", "x")), "gap:", goals=[goal])
    assert nudge.reason.startswith(f"For {said}: ")


# -- debts typed in shorthand ------------------------------------------------------------------------------------

DEBTS = {  # (kind, text as typed) -> the nudge's reason
    ("thanks", "reviewed my deck w/ me"): "Tom reviewed your deck with you yesterday and hasn't heard a thank-you yet.",
    ("promise", "send him the deck w/ my notes"): "Yesterday, you promised Tom the deck with your notes.",
    ("promise", "I'll review his cv"): "Yesterday, you told Tom you'd review his CV.",
    ("promise", "intro him to ppl at stripe"): "Yesterday, you promised Tom an intro to people at Stripe.",
}


@pytest.mark.parametrize(("debt", "said"), DEBTS.items(), ids=[text for _, text in DEBTS])
def test_a_debt_typed_in_shorthand_reads_as_english(debt, said):
    kind, text = debt
    tom = noted("t", "Tom Reed", "coffee", last=1)
    owed = Promise(id="p", contact_id="t", text=text, kind=kind, made_on=ago(1))
    nudge = nudge_for(network(tom, promises=(owed,)), "thank:" if kind == "thanks" else "followup:")
    assert nudge.reason == said
    assert_well_said(nudge, [])


def test_where_they_met_is_said_in_a_few_words_after_at():
    oli = Contact(id="o", name="Oli Park", met_on=ago(2), met_context="at pycon w/ tom on the 3rd")
    met = Interaction(id="m", contact_id="o", kind="met", on=ago(2))
    nudge = nudge_for(Network([oli], [met], []), "thank-meet:")
    assert nudge.reason.startswith("You met Oli at pycon with tom on Sunday - ")
    assert_well_said(nudge, [])


# -- the capture corpus: hundreds of lines as people typed them --------------------------------------------------

CORPUS = Path(__file__).parent.parent / "corpus" / "lines.txt"


def corpus_people() -> list[tuple[str, dict[str, list[str]]]]:
    """Every line of the corpus with the first person's needs, offers and interests as a careful human read them."""
    people: list[tuple[str, dict[str, list[str]]]] = []
    line = ""
    for row in CORPUS.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith((" ", "-", "#")) and ":" not in row.split(" ", 1)[0]:
            line = row.strip()
        elif row.startswith("- ") and line:
            fields = dict(part.strip().split(": ", 1) for part in row[2:].split(" | ")[1:] if ": " in part)
            card = {k: [v.strip() for v in fields[k].split(";")] for k in ("needs", "offers", "interests")
                    if k in fields}  # fmt: skip
            if card:
                people.append((line, card))
            line = ""
    return people


USER_OFFERS = [
    *("I can review pitch decks", "happy to intro ppl to investors", "I know great designers", "mentoring"),
    *("legal advice", "can help w/ hiring engineers", "I have a spare desk"),
]


def test_no_nudge_about_anyone_in_the_corpus_breaks_grammar_or_reads_their_line_back():
    lea = noted("l", "Lea Vos", "coffee", role="Lawyer", company="Globex", tags=["design", "ML"],
                offers=["pitch deck feedback", "intros to VCs", "hiring advice"])  # fmt: skip
    people = corpus_people()
    assert len(people) > 150
    said: dict[str, int] = {}
    for line, card in people:
        oli = noted("o", "Oli Park", line, last=40, company="Acme", **card)
        nudges = candidates(
            network(oli, lea),
            TODAY,
            offers=USER_OFFERS,
            goals=[{"id": "g", "text": "land a PM role at stripe", "done_on": ""}],
        )
        for nudge in nudges:
            if "o" in nudge.people:
                assert_well_said(nudge, [line])
                kind = nudge.key.split(":")[0]
                said[kind] = said.get(kind, 0) + 1
    assert sum(said.values()) > 200 and all(said.get(kind) for kind in ("intro", "offer", "give", "reconnect", "lead"))


def test_the_share_drafts_paste_hint_names_their_need_as_the_morning_does():
    net = network(noted("o", "Oli Park", "needs feedback on his pitch deck"))
    draft = draft_note("share", net, "o", TODAY, variant=0)
    assert draft.paste == "a lead for Oli (a name, a profile or a post) - Oli's pitch deck could use feedback -"
    assert "you're looking for feedback on your pitch deck" in draft.text  # to Oli himself, his deck is "your" deck


def test_the_drafts_behind_the_buttons_do_not_read_the_corpus_lines_back_either():
    """Share and Reconnect drafts to the same people: their need or interest said to them, not as the note put it
    ("you're hoping to find a technical cofounder", not "you're looking for a technical cofounder"). A letter shared
    by chance at a word's edge ("you were looking" / "he is looking") may add one or two characters."""
    for line, card in corpus_people():
        net = network(noted("o", "Oli Park", line, last=40, company="Acme", **card))
        for kind in ("share", "reconnect"):
            for variant in range(3):
                text = draft_note(kind, net, "o", TODAY, variant=variant).text
                assert longest_copied_run(text, line, phrases_of(line)) < QUOTE + 2, (text, line)
