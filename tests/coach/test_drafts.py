"""Drafted notes: they cite what we know, leave out what we don't, and never show a broken slot."""

import itertools
import re
from datetime import date, timedelta

import pytest

from bot.coach.errors import NotUnderstood, UnknownContact
from bot.coach.writing.drafts import (
    COPY_LIMIT,
    DRAFT_KINDS,
    INTRODUCE,
    KIND_HELP,
    MAX_CHARS,
    VARIANTS,
    Draft,
    draft_note,
)
from bot.store.records import Contact, Interaction, Promise
from bot.store.view import Network

TODAY = date(2024, 5, 16)  # a Thursday
TOM = Contact(id="tom", name="Tom Lee", company="Beta", role="designer", interests=["sailing", "climate tech"])
ARTEFACTS = ("None", "[]", "{{", "}}", "{%", "%}", "  ", " ,", " .", " ?", " !", "()", "..", ",.", "\n\n\n")


def iso(days_ago: int) -> str:
    return (TODAY - timedelta(days=days_ago)).isoformat()


def jane(**overrides) -> Contact:
    fields = dict(
        id="jane",
        name="Jane Doe",
        company="Acme",
        role="CTO",
        met_context="the editors happy hour",
        met_on=iso(2),
        interests=["climate tech"],
        wins=["got promoted"],
    )
    fields.update(overrides)
    return Contact(**fields)


def network(contact: Contact, interactions=(), promises=()) -> Network:
    return Network([contact, TOM], list(interactions), list(promises))


def draft(kind: str, net: Network, variant: int | None = 0, sender: str = "Sam", cid: str = "jane") -> Draft:
    return draft_note(kind, net, cid, TODAY, other_id="tom", sender_name=sender, variant=variant)


def assert_clean(text: str, first_name: str = "Jane") -> None:
    for artefact in ARTEFACTS:
        assert artefact not in text, f"{artefact!r} in:\n{text}"
    assert "[" not in text and "]" not in text, text
    assert first_name in text.splitlines()[0], text
    assert not text.rstrip().endswith(","), text


# --- every combination of known and unknown facts ---

FACTS = ("company", "role", "met_context", "met_on", "interests", "wins", "note", "promise", "help")


def combination_network(present: dict[str, bool]) -> Network:
    contact = jane(
        company="Acme" if present["company"] else "",
        role="CTO" if present["role"] else "",
        met_context="the editors happy hour" if present["met_context"] else "",
        met_on=iso(9) if present["met_on"] else "",
        interests=["climate tech", "sailing"] if present["interests"] else [],
        wins=["got promoted"] if present["wins"] else [],
    )
    interactions = []
    if present["note"]:
        interactions.append(Interaction(id="n", contact_id="jane", kind="note", text="moving to Berlin", on=iso(9)))
    promises = []
    if present["promise"]:
        promises.append(Promise(id="p", contact_id="jane", text="send her the Ferrazzi book", made_on=iso(9)))
    if present["help"]:
        interactions.append(Interaction(id="g", contact_id="jane", kind="got", text="reviewed my CV", on=iso(5)))
    return network(contact, interactions, promises)


COMBINATIONS = [dict(zip(FACTS, flags, strict=True)) for flags in itertools.product((True, False), repeat=len(FACTS))]


@pytest.mark.parametrize("variant", range(VARIANTS))
@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_every_combination_of_missing_facts_gives_a_clean_note(kind, variant):
    for n, present in enumerate(COMBINATIONS):
        sender = "Sam" if n % 2 else ""
        if (kind == "congrats" and not present["wins"]) or (kind == "intro" and not present["interests"]):
            with pytest.raises(NotUnderstood):  # no news, no congratulations; no reason, no intro
                draft(kind, combination_network(present), variant, sender=sender)
            continue
        text = draft(kind, combination_network(present), variant, sender=sender).text
        assert_clean(text)
        if sender:
            assert text.endswith(",\nSam"), text
        else:
            assert text.splitlines()[-1] in ("Best", "Cheers", "Warm wishes"), text


@pytest.mark.parametrize("kind", [k for k in DRAFT_KINDS if k != "intro"])
def test_unknown_facts_are_never_referred_to(kind):
    # A congratulations needs its news; everything else stays unknown.
    wins = ["got promoted"] if kind == "congrats" else []
    bare = Network([Contact(id="jane", name="Jane", wins=wins), Contact(id="tom", name="Tom")])
    for variant in range(VARIANTS):
        text = draft(kind, bare, variant).text
        assert_clean(text)
        hints = ["we met", "(", "your work", "promised", "as I said", "mentioned", "the other day"]
        for hint in hints if wins else [*hints, "congrat"]:
            assert hint.lower() not in text.lower(), f"{hint!r} in:\n{text}"


def full_network() -> Network:
    return network(
        jane(),
        [
            Interaction(id="m", contact_id="jane", kind="met", context="the editors happy hour", on=iso(2)),
            Interaction(id="n", contact_id="jane", kind="note", text="moving to Berlin", on=iso(2)),
        ],
        [Promise(id="p", contact_id="jane", text="send her the Ferrazzi book", made_on=iso(2))],
    )


def body(text: str) -> str:
    return text.split("\n\n")[1]


@pytest.mark.parametrize("kind", DRAFT_KINDS)
@pytest.mark.parametrize("rich", [True, False], ids=["rich", "bare"])
def test_variants_differ_and_stay_short(kind, rich):
    net = full_network() if rich else network(Contact(id="jane", name="Jane", interests=["sailing"]))
    if kind == "congrats" and not rich:  # the least a congratulations needs is the news
        net = network(Contact(id="jane", name="Jane", wins=["got promoted"]))
    texts = [draft(kind, net, variant).text for variant in range(VARIANTS)]
    assert len(set(texts)) == VARIANTS
    for text in texts:
        sentences = re.findall(r"[.!?:](?:\s|$)", body(text))
        assert 1 <= len(sentences) <= 6, text
        assert len(text) <= MAX_CHARS


def test_variant_wraps_around_so_a_button_can_count_up():
    net = full_network()
    assert draft("thanks", net, VARIANTS).text == draft("thanks", net, 0).text


def test_default_variant_is_stable_per_day_and_varies_across_days():
    net = full_network()
    same_day = {draft_note("reconnect", net, "jane", TODAY).text for _ in range(3)}
    assert len(same_day) == 1
    across_days = {draft_note("reconnect", net, "jane", TODAY + timedelta(days=d)).text for d in range(20)}
    assert len(across_days) > 1


# --- user text is data ---

ODD = "{{ 7*7 }} <b>x</b> 🚀"


@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_user_text_appears_verbatim_and_is_never_run_as_a_template(kind):
    contact = jane(
        name="Zoë🙂 O'Neil",
        company=f"Acme {ODD}",
        interests=[f"AI {ODD}"],
        met_context="{% if 1 %}the pub{% endif %}",
        wins=[f"won {ODD}"],
    )
    other = Contact(id="tom", name="Tom {{ 7*7 }}", company="<i>Beta</i>", interests=[f"AI {ODD}"])
    note = Interaction(id="n", contact_id="jane", kind="note", text=f"said {ODD}", on=iso(3))
    net = Network([contact, other], [note], [])
    for variant in range(VARIANTS):
        text = draft(kind, net, variant, sender="<Sam> {{ x }}").text
        assert text.startswith(("Hi Zoë🙂,", "Hey Zoë🙂,", "Hello Zoë🙂,"))
        assert text.endswith(",\n<Sam>")  # the first name signs
        assert "49" not in text


def test_odd_user_text_in_each_slot_is_kept():
    contact = jane(interests=[f"AI {ODD}"])
    assert f"AI {ODD}" in draft("share", network(contact), 0).text
    assert (
        "{% if 1 %}the pub{% endif %}"
        in draft("thanks", network(jane(met_context="{% if 1 %}the pub{% endif %}", met_on=iso(1))), 0).text
    )


# --- asking for something that cannot be drafted ---


def test_unknown_kind_lists_the_kinds():
    with pytest.raises(NotUnderstood) as caught:
        draft_note("poem", full_network(), "jane", TODAY)
    assert all(kind in caught.value.hint for kind in DRAFT_KINDS)


def test_intro_needs_a_second_person():
    with pytest.raises(NotUnderstood) as caught:
        draft_note("intro", full_network(), "jane", TODAY)
    assert "/draft intro Jane Tom" in caught.value.hint


def test_intro_to_oneself_is_refused():
    with pytest.raises(NotUnderstood):
        draft_note("intro", full_network(), "jane", TODAY, other_id="jane")


@pytest.mark.parametrize(("cid", "other"), [("nobody", None), ("jane", "nobody")])
def test_unknown_contact(cid, other):
    with pytest.raises(UnknownContact):
        draft_note("intro" if other else "thanks", full_network(), cid, TODAY, other_id=other)


def test_every_kind_has_one_line_of_help():
    assert set(KIND_HELP) == set(DRAFT_KINDS)
    assert all(line and "\n" not in line for line in KIND_HELP.values())


# --- styles, intros, shares: the decisions behind the wording ---


def test_styles_short_is_shorter_and_formal_is_formal():
    net = full_network()
    warm = draft_note("followup", net, "jane", TODAY, sender_name="Sam Lee", variant=0)
    short = draft_note("followup", net, "jane", TODAY, sender_name="Sam Lee", variant=0, style="short")
    formal = draft_note("followup", net, "jane", TODAY, sender_name="Sam Lee", variant=0, style="formal")
    assert len(short.text) < len(warm.text)
    assert formal.text.startswith("Dear Jane,") and formal.text.endswith("Kind regards,\nSam")
    assert short.promise_ids == warm.promise_ids == formal.promise_ids == ["p"]


def test_a_note_that_fits_telegrams_copy_button_says_so():
    result = draft("congrats", network(jane()), 1)
    assert result.fits_copy_button == (len(result.text) <= COPY_LIMIT)


def test_intro_needs_a_reason_it_can_say():
    bare = Network([Contact(id="jane", name="Jane", company="Acme"), Contact(id="tom", name="Tom", company="Beta")])
    with pytest.raises(NotUnderstood) as caught:
        draft_note("intro", bare, "jane", TODAY, other_id="tom")
    assert "reason" in caught.value.hint and "/note Jane" in caught.value.hint


def test_colleagues_are_never_introduced():
    a = Contact(id="jane", name="Jane", company="Acme", interests=["kite surfing"])
    b = Contact(id="tom", name="Tom", company="ACME", interests=["kite surfing"])
    with pytest.raises(NotUnderstood) as caught:
        draft_note("intro", Network([a, b]), "jane", TODAY, other_id="tom")
    assert "both work at Acme" in caught.value.hint


def test_intro_asks_each_side_then_introduces_both_by_name():
    needs = Interaction(id="n", contact_id="jane", kind="note", text="looking for a designer", on=iso(3))
    net = network(jane(interests=[]), [needs])
    to_jane = draft_note("intro", net, "jane", TODAY, other_id="tom", variant=0)
    to_tom = draft_note("intro", net, "tom", TODAY, other_id="jane", variant=0)
    both = draft_note(INTRODUCE, net, "jane", TODAY, other_id="tom", variant=0)
    assert "looking for a designer, and that's exactly Tom's line of work at Beta" in to_jane.text
    assert "check with Tom" in to_jane.text
    assert "Jane needs a designer, and I thought of you" in to_tom.text
    assert both.text.startswith("Hi Jane and Tom,")
    assert "Jane, meet Tom Lee." in both.text and "Tom, meet Jane Doe, CTO at Acme." in both.text
    assert to_jane.reason == "Jane needs a designer, and that's exactly Tom's line of work at Beta"
    assert both.contact_ids == ["jane", "tom"]


def test_share_offers_someone_who_can_help_with_a_need():
    lawyer = Contact(id="bob", name="Bob Hart", role="lawyer", company="Hart & Co")
    needs = Interaction(id="n", contact_id="jane", kind="note", text="she's looking for a lawyer", on=iso(3))
    net = Network([jane(), TOM, lawyer], [needs], [])
    result = draft("share", net, 0)
    assert "I know a good one: Bob Hart at Hart & Co." in result.text
    assert "Would an intro be useful?" in result.text
    assert result.paste == ""


def test_share_says_what_to_paste_instead_of_a_link_slot():
    result = draft("share", network(jane(interests=["sailing"])), 0)
    assert result.text.split("\n\n")[1].endswith("thought of you:")
    assert result.paste == "a link to an article about sailing"


def test_thanks_names_the_help_and_closes_the_loop_later():
    got = Interaction(id="g", contact_id="jane", kind="got", text="reviewed my CV", on=iso(1))
    owed = Promise(id="t", contact_id="jane", text="reviewed my CV", kind="thanks", made_on=iso(1))
    first = draft("thanks", network(jane(), [got], [owed]), 0)
    assert "Thank you so much for reviewing my CV yesterday" in first.text
    assert first.promise_ids == ["t"]
    thanked = Interaction(id="t2", contact_id="jane", kind="thanked", on=iso(0))
    later = draft("thanks", network(jane(), [got, thanked]), 0)
    assert "how things turned out after you reviewed my CV" in later.text


def test_followup_keeps_two_promises_at_most_and_names_them():
    promises = [
        Promise(id="p1", contact_id="jane", text="send her the Ferrazzi book", made_on=iso(2)),
        Promise(id="p2", contact_id="jane", text="call her next week", made_on=iso(2)),
        Promise(id="p3", contact_id="jane", text="intro her to Sam", made_on=iso(2)),
    ]
    result = draft("followup", network(jane(), [], promises), 0)
    assert "Here's the Ferrazzi book I mentioned." in result.text
    assert "I still owe you that call - when suits you?" in result.text
    assert result.promise_ids == ["p1", "p2"]


def test_congrats_needs_news():
    with pytest.raises(NotUnderstood) as caught:
        draft("congrats", network(jane(wins=[])), 0)
    assert caught.value.hint == "I don't know of any news for Jane yet - add it with /note Jane: just got promoted"


def test_congratulations_on_old_news_are_belated():
    old = Interaction(id="n", contact_id="jane", kind="note", text="she got engaged", on=iso(90))
    text = draft("congrats", network(jane(wins=[]), [old]), 0).text
    assert "Belated congratulations on your engagement!" in text


def test_reconnect_does_not_repeat_news_already_congratulated_nor_close_a_promise_it_only_mentions():
    news = Interaction(id="n", contact_id="jane", kind="note", text="started a new job at Globex", on=iso(30))
    sent = Interaction(id="c", contact_id="jane", kind="touch", text="sent a congrats note", on=iso(29))
    owed = Promise(id="p", contact_id="jane", text="send her the deck", made_on=iso(40))
    result = draft("reconnect", network(jane(wins=[], interests=[]), [news, sent], [owed]), 0)
    assert "Globex" not in result.text
    assert "I still owe you the deck" in result.text
    assert result.promise_ids == []


def test_every_intro_the_planner_suggests_has_a_reason_the_draft_can_say():
    from bot.coach.planning.give import intro_ideas
    from bot.coach.planning.summary import summaries

    people = [
        Contact(id="a1", name="Ana Ruiz", company="Fable", needs=["an intro to someone at Sequoia"]),
        Contact(id="b1", name="Ben Ode", company="Sequoia Capital"),
        Contact(id="c1", name="Cleo Park", needs=["feedback on her pitch decks"]),
        Contact(id="d1", name="Dev Rao", offers=["pitch deck feedback"]),
        Contact(id="e1", name="Eva Lind", needs=["a lawyer"]),
        Contact(id="f1", name="Finn Holt", role="Lawyer", company="Holt & Co"),
        Contact(id="g1", name="Gil Amar", needs=["an investor"]),
        Contact(id="h1", name="Hana Ito", tags=["investor"], company="Kiln"),
    ]
    net = Network(people)
    rows = summaries(net)
    ideas = intro_ideas([r for r in rows.values() if "needs" in r], [r for r in rows.values() if "can" in r])
    assert len(ideas) == 4
    for idea in ideas:
        for first, second in ((idea[0], idea[1]), (idea[1], idea[0])):
            result = draft_note("intro", net, first, TODAY, other_id=second, variant=0)
            assert result.reason, result.text


def test_news_on_the_card_in_words_no_rule_reads_is_congratulated_without_quoting_it():
    net = network(jane(wins=["PhD done"], met_on=iso(100)))
    congrats = draft("congrats", net, 0).text
    assert "congratulations on your news" in congrats.lower() and "PhD done" not in congrats
    assert "news" not in draft("reconnect", net, 0).text
