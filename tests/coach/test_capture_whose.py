"""Whose is it? What they offer or promise the user is theirs, what the user promises is the user's, and a promise
belongs to the person it was made to."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.reading.capture import understand
from bot.coach.reading.notes import extract_facts

TODAY = date(2026, 3, 4)  # a Wednesday


@pytest.mark.parametrize(
    ("note", "theirs"),
    [
        ("she offered to review my model", "review my model"),
        ("sam can do bldg B steel, sending me his bid tmrw", "send me his bid"),  # no one sends the user their own
        ("Greg pushing 60-day DD, I want 90. Lisa to send survey + Phase I by 9/25", "send survey and Phase I"),
        ("said she'd forward my CV to the hiring team", "forward my CV to the hiring team"),
        ("he'll intro me to his manager next week", "intro me to his manager"),
        ("she's sending the contract fri", "send the contract"),
        ("happy to intro us to her syndicate", "intro us to her syndicate"),
        # "can" and "could" say what they will do for the user, with or without "she says"
        ("she says can help me with my visa forms", "help me with my visa forms"),
        ("he could refer me to the platform team", "refer me to the platform team"),
        ("she can send me the floor plans", "send me the floor plans"),
    ],
)
def test_what_they_offer_or_promise_is_theirs_never_the_users(note, theirs):
    facts = extract_facts(note, TODAY)
    assert theirs in facts.theirs
    assert not facts.promises


@pytest.mark.parametrize(
    ("note", "mine", "due"),
    [
        ("I'll send her the deck by fri", "send her the deck", "2026-03-06"),
        ("promised to send him the article", "send him the article", ""),
        ("told him i'd reply by monday", "reply", "2026-03-09"),
        ("sending her 5 profiles by thurs", "send her 5 profiles", "2026-03-05"),
        ("ask her rates by fri", "ask her rates", "2026-03-06"),
        ("told her id set it up w our super", "set it up with our super", ""),  # I'd, typed without its apostrophe
        ("I go send her the contract draft before Friday", "send her the contract draft", "2026-03-06"),  # I will
        ("f/u w/ proposal nxt tue", "follow up with proposal", "2026-03-10"),
    ],
)
def test_the_users_promise_stays_the_users(note, mine, due):
    facts = extract_facts(note, TODAY)
    assert (mine, due) in [(p.text, p.due_on) for p in facts.promise_items]
    assert not facts.theirs


def test_a_promise_belongs_to_the_person_it_was_made_to():
    meeting = understand("met Lee Park and Ana Silva at the fair. Lee wants a demo, I'll send him the deck fri", TODAY)
    assert meeting.meeting is not None
    lee, ana = meeting.meeting.people
    assert [p.text for p in meeting.meeting.promises_of(lee)] == ["send him the deck"]
    assert meeting.meeting.promises_of(ana) == []
    both = understand("lunch w Lee Park + Ana Silva, sending both my github tonight", TODAY).meeting
    assert both is not None and all(both.promises_of(p) for p in both.people)


@pytest.mark.parametrize(
    ("note", "theirs", "mine"),
    [
        # an emoji, a "+" or an "if I" ends one promise and starts the next
        (
            "said she'll forward my CV to the hiring team ✌️ follow up in 10 days",
            [("forward my CV to the hiring team", "")],
            [("follow up", "2026-03-14")],
        ),
        (
            "offered to review our patent draft 🙏🙏 send it in 2 wks",
            [("review our patent draft", "")],
            [("send our patent draft", "2026-03-18")],  # "it" is what the line named before
        ),
        ("he'll refer me if i send resume tonight", [("refer me", "")], [("send resume", "2026-03-04")]),
        (
            "said he'd refer me for the infra role + intro me to his manager Sophie",
            [("refer me for the infra role", ""), ("intro me to his manager Sophie", "")],
            [],
        ),
        # what they said to do is the user's to-do; what the user told them to do is theirs
        ("she said apply by oct 15 and she'll flag my app", [("flag my app", "")], [("apply", "2026-10-15")]),
        ("karl said to email him my portfolio by fri", [], [("email him my portfolio", "2026-03-06")]),
        ("told me to email her my cv", [], [("email her my CV", "")]),
        ("told her to email me her CV", [("email me her CV", "")], []),
        # said without a subject, a promise to "me" is theirs; a named person's "will" is theirs
        (
            "will intro me to their category manager in april",
            [("intro me to their category manager", "2026-04-30")],  # "in april": by its end
            [],
        ),
        (
            "dr. okonkwo (career services) will look over my cv, drop it at her office thurs",
            [("look over my CV", "")],
            [("drop it at her office", "2026-03-05")],
        ),
    ],
)
def test_each_promise_is_cut_at_its_own_end_and_kept_by_whoever_does_it(note, theirs, mine):
    facts = extract_facts(note, TODAY)
    assert [(p.text, p.due_on) for p in facts.their_items] == theirs
    assert [(p.text, p.due_on) for p in facts.promise_items] == mine


@pytest.mark.parametrize(
    ("note", "mine", "due"),
    [
        # a promise is kept as the action, however it was typed
        ("snd him hubspot guide tmrw", "send him HubSpot guide", "2026-03-05"),
        ("sending the signed SAFE by fri", "send the signed SAFE", "2026-03-06"),
        ("emailing him the link by fri 🤞", "email him the link", "2026-03-06"),
        ("getting him pricing by thurs", "get him pricing", "2026-03-05"),
        ("i'll help him w hosting tmrw", "help him with hosting", "2026-03-05"),
        ("said email him by 10/30 abt the rotational program", "email him about the rotational program", "2026-10-30"),
    ],
)
def test_a_promise_is_kept_as_the_action_to_do(note, mine, due):
    facts = extract_facts(note, TODAY)
    assert [(p.text, p.due_on) for p in facts.promise_items] == [(mine, due)]


@pytest.mark.parametrize(
    ("note", "mine"),
    [
        # what they asked for, wanted by a day, is the user's to send
        (
            "angel mtg done. Reza Tehrani, ex-stripe, writes 25k checks, wants the data room by fri",
            [("send the data room", "2026-03-06")],
        ),
        ("she wants our metrics sheet by EOD", [("send our metrics sheet", "2026-03-04")]),
        ("Marco wants a demo thurs", [("send a demo", "2026-03-05")]),
        ("coffe with Mr. Anderson, he ask my portfolio in 2 weeks", [("send my portfolio", "2026-03-18")]),
        # a bare "send by wed" or "i said monday" after what they want sends that
        ("wants our sourcing playbook. send by fri", [("send our sourcing playbook", "2026-03-06")]),
        ("wants to see the equity breakdown. send by tmrw am", [("send the equity breakdown", "2026-03-05")]),
        ("asked for our preprint. sending tonight", [("send our preprint", "2026-03-04")]),
        ("wants API docs + pricing. i said monday", [("send API docs and pricing", "2026-03-09")]),
        # wanting to do something by a day is not a request to the user
        ("wants to relocate to toronto by june", []),
        ("she needs 4 volunteers by friday", []),
    ],
)
def test_what_they_want_by_a_day_is_the_users_to_send(note, mine):
    facts = extract_facts(note, TODAY)
    assert [(p.text, p.due_on) for p in facts.promise_items] == mine


@pytest.mark.parametrize(
    ("note", "offer"),
    [
        ("priya offered a free site audit", "a free site audit"),
        (
            "Natasha, logistics at DHL, offered us a discounted freight rate if we commit Q3 volume",
            "a discounted freight rate",
        ),
        ("she's an architect, could shoot my portfolio pieces", "shoot my portfolio pieces"),
        ("she can share the argentine survey data if we sign a DUA", "share the argentine survey data"),
    ],
)
def test_what_they_offer_is_kept_as_their_offer(note, offer):
    assert offer in extract_facts(note, TODAY).offers


def test_what_the_user_offered_is_not_theirs():
    assert extract_facts("i offered a 30 min session fri", TODAY).offers == []


@pytest.mark.parametrize(
    ("line", "promise"),
    [
        # a promise the name cuts in two is read whole, the name said as a pronoun, the day as its due day
        ("remind me to call Ana tomorrow about the lease", ("call her about the lease", "2026-03-05")),
        ("I'll send Marco the deck by fri", ("send him the deck", "2026-03-06")),
        ("need to return the drill to Tomasz on sat", ("return the drill to him", "2026-03-07")),
        ("I have to ring Dr. Osei in 3 days re the invoice", ("ring them re the invoice", "2026-03-07")),
    ],
)
def test_a_promise_around_the_name_is_read_whole(line, promise):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None
    [person] = meeting.people
    assert [(p.text, p.due_on) for p in meeting.promises_of(person)] == [promise]
    assert meeting.when == TODAY  # the day was the promise's, not a meeting's


def test_a_name_after_a_finished_promise_is_not_pulled_into_it():
    meeting = understand("need to send the deck tonight. Ana from Acme wants it", TODAY).meeting
    assert meeting is not None
    assert [(p.text, p.due_on) for p in meeting.promises_of(meeting.people[0])] == [("send the deck", "2026-03-04")]
    heading = understand("follow up: Hamid from the meetup last thurs wants our playbook. send by fri", TODAY).meeting
    assert heading is not None and heading.when == date(2026, 2, 26)  # the meeting's day, after a heading
    assert ("send our playbook", "2026-03-06") in [(p.text, p.due_on) for p in heading.promises_of(heading.people[0])]


@pytest.mark.parametrize(
    ("note", "mine"),
    [
        # the user's present, ongoing or "can", is a promise with a day to do it by
        ("i'm drafting the budget by 3/20", [("draft the budget", "2026-03-20")]),
        ("I'm sending her the lease on monday", [("send her the lease", "2026-03-09")]),
        ("i can help him move on saturday", [("help him move", "2026-03-07")]),
        # "said I'd" is the user's word given, reported
        ("said i'd send the quote tmrw", [("send the quote", "2026-03-05")]),
        # "I owe her" after what they want: that is what is owed
        ("wants our price list, I owe her by fri", [("send our price list", "2026-03-06")]),
        # without a day these are habits and abilities, and what someone else said of the user is not a promise
        ("i'm reading a great book on negotiation", []),
        ("I can swim", []),
        ("she said I'd love the place", []),
        # "his" what? said alone, a morning would read cut off
        ("i review his by friday", []),
    ],
)
def test_the_users_word_in_every_tense(note, mine):
    assert [(p.text, p.due_on) for p in extract_facts(note, TODAY).promise_items] == mine


@pytest.mark.parametrize(
    ("note", "theirs", "mine"),
    [
        # the day said in the next breath is the promise's day
        ("I'll send him the photos 📸 sat", [], [("send him the photos", "2026-03-07")]),
        (
            "asked me to judge the pitch night, deadline march 20. said yes",
            [],
            [("judge the pitch night", "2026-03-20")],
        ),
        (
            "she'll send me the brief, I send her my rates. both by fri",
            [("send me the brief", "2026-03-06")],
            [("send her my rates", "2026-03-06")],
        ),
        (
            "offered to walk me through the codebase, she's free 3/12",
            [("walk me through the codebase", "2026-03-12")],
            [],
        ),
        # a day in the next breath that starts something else is not the promise's
        ("I'll send him the photos, sat next to his wife", [], [("send him the photos", "")]),
    ],
)
def test_a_day_said_just_after_the_promise_is_its_day(note, theirs, mine):
    facts = extract_facts(note, TODAY)
    assert [(p.text, p.due_on) for p in facts.their_items] == theirs
    assert [(p.text, p.due_on) for p in facts.promise_items] == mine


@pytest.mark.parametrize(
    ("note", "theirs"),
    [
        # kept as an action said well, however it was typed
        ("he will present me to his director", "introduce me to his director"),
        ("she can look my essay tonight", "look at my essay"),
        ("offered to host me for a 3-wk residency", "host me for a 3-week residency"),
        # what they offered, said as what they will give
        ("she offered a free portfolio review", "give me a free portfolio review"),
        ("he offered us a discount on the venue", "give us a discount on the venue"),
    ],
)
def test_their_promise_is_kept_as_an_action_said_well(note, theirs):
    assert theirs in extract_facts(note, TODAY).theirs


def test_a_number_and_its_unit_typed_together_are_said_apart():
    [item] = extract_facts("asked for a 5min video. doing it fri", TODAY).promise_items
    assert (item.text, item.due_on) == ("send a 5 min video", "2026-03-06")


def test_a_day_after_the_users_offer_is_the_offers_not_the_meetings():
    meeting = understand("met Ruth at the library. I offered to run a workshop, first Saturday of May.", TODAY).meeting
    assert meeting is not None and meeting.when == TODAY
    assert [(p.text, p.due_on) for p in meeting.promises_of(meeting.people[0])] == [("run a workshop", "2026-05-02")]


@pytest.mark.parametrize(
    ("note", "mine"),
    [
        # a thing and its day, as a clause of its own, is the user's to-do
        ("tough call. counter-proposal by 3/31", [("send the counter-proposal", "2026-03-31")]),
        ("said yes to the panel, bio by friday", [("send the bio", "2026-03-06")]),
        ("grant report due by april 2", [("send the grant report", "2026-04-02")]),
        # but not what someone else needs by a day, nor a deed (read as one), nor their promise
        ("she needs 4 volunteers by friday", []),
        ("rent going up in jan, he'll send the new lease by end of month", []),
        ("apply by friday", [("apply", "2026-03-06")]),
        # the user's pledge is the user's promise
        ("I'm in for 10k", [("invest 10k", "")]),
        # a deed with nothing to do it to takes what they asked for
        ("wants a quote for the fit-out. said I'd confirm by fri", [("confirm a quote for the fit-out", "2026-03-06")]),
        # the stop after a title is no end
        ("told her i'd connect her w Dr. Ng by the 20th", [("connect her with Dr. Ng", "2026-03-20")]),
    ],
)
def test_the_users_to_dos_said_without_a_verb_of_their_own(note, mine):
    assert [(p.text, p.due_on) for p in extract_facts(note, TODAY).promise_items] == mine


def test_the_users_pledge_is_not_theirs():
    from bot.coach.reading.commitments import read_commitments

    assert [c.kind for c in read_commitments("great pitch, I'm in for 10k", "Ana", TODAY)] == []
    assert {c.kind for c in read_commitments("great pitch, she's in for 10k", "Ana", TODAY)} == {"got", "theirs"}


def test_a_title_ends_no_clause_of_a_promise():
    meeting = understand("met Lee and Ana at demo day. told them i'd connect them w Dr. Ng by the 20th", TODAY).meeting
    assert meeting is not None
    for person in meeting.people:
        assert [(p.text, p.due_on) for p in meeting.promises_of(person)] == [("connect them with Dr. Ng", "2026-03-20")]


@pytest.mark.parametrize(
    ("line", "who", "mine"),
    [
        ("gave manny my card, said id put him on our bidders list", "Manny", "put him on our bidders list"),
        ("I have received the test of Priya, it was easy. I must give her my answer before the end of the month",
         "Priya", "give her my answer"),
    ],
)  # fmt: skip
def test_a_line_whose_people_a_later_look_found_keeps_what_it_says_of_them(line, who, mine):
    understood = understand(line, TODAY)
    assert understood.meeting is not None
    person = next(p for p in understood.meeting.people if p.name == who)
    assert mine in person.facts.promises and mine in understood.meeting.facts.promises


@pytest.mark.parametrize(
    "note",
    [
        "f/u from ACHE chapter mtg last nite",
        "I go to church on sunday",
        "intro'd me to her old S4 Rob Delgado",
        "went to Boston to send the samples",
    ],
)
def test_a_follow_up_said_as_a_noun_and_going_somewhere_are_no_promises(note):
    facts = extract_facts(note, TODAY)
    assert facts.promises == [] and facts.theirs == []


@pytest.mark.parametrize(
    ("line", "who", "theirs"),
    [
        ("coffee w/ Marcus Tillman, ops mgr at FedEx. his boss Jennifer Ruiz is hiring. he'll put in a word w/ her mon",
         "Marcus Tillman", "put in a word with her"),
        ("brunch w my neighbor Priya, she brought her husband Dev Malhotra. he'll quote network + Dentrix setup",
         "Dev Malhotra", "quote network and Dentrix setup"),
        ("Raj did the mock chalk talk and he brought his coworker Dana Whitfield; she'd send me two papers on flow",
         "Dana Whitfield", "send me two papers on flow"),
        ("lunch w Omar Haddad. His daughter Leila is applying to U of M. He'll send me their stay-interview template",
         "Omar Haddad", "send me their stay-interview template"),
    ],
)  # fmt: skip
def test_he_will_and_she_would_are_the_promise_of_whom_the_pronoun_fits(line, who, theirs):
    understood = understand(line, TODAY)
    assert understood.meeting is not None
    people = {p.name: p for p in understood.meeting.people}
    assert theirs in people[who].facts.theirs
    assert all(theirs not in p.facts.theirs for name, p in people.items() if name != who)


def test_a_relative_who_came_along_is_what_the_next_who_is_about():
    line = "Raj did the mock chalk talk and he brought his coworker Dana Whitfield, who runs interviews at Merck"
    understood = understand(line, TODAY)
    assert understood.meeting is not None
    people = {p.name: p for p in understood.meeting.people}
    assert people["Dana Whitfield"].role == "runs interviews" and not people["Raj"].role


@pytest.mark.parametrize(
    ("line", "who", "need"),
    [
        ("did mock interview w/ Annette today. intro'd me to her old S4 Rob Delgado now at Tyson Foods, met him on "
         "zoom after. Rob needs a night shift distro mgr in Sherman TX", "Rob Delgado",
         "a night shift distro mgr in Sherman TX"),
        ("tech validation w/ Klarna done 🎉 Fatima + 3 engs, Oskar joined last 10 min. Oskar needs pricing for 3yr "
         "commit, sending by 4/15", "Oskar", "pricing for 3yr commit"),
        ("owner op meetup at the VFW hall. met Jerome Wallace owner op 5 yrs. also Patty Nguyen runs a small brokerage "
         "she needs flatbed capacity", "Patty Nguyen", "flatbed capacity"),
    ],
)  # fmt: skip
def test_a_sentence_opening_with_a_name_found_late_is_theirs(line, who, need):
    understood = understand(line, TODAY)
    assert understood.meeting is not None
    people = {p.name: p for p in understood.meeting.people}
    assert need in people[who].facts.needs
    assert all(need not in p.facts.needs for name, p in people.items() if name != who)
    assert need in understood.meeting.said_of(people[who])


def test_the_stop_after_a_title_opens_no_sentence_about_them():
    line = ("I emailed Helen Marsh the CV on Wednesday, and she replied that she forwarded it to the hiring manager, a "
            "Dr. Steven Greer, and that I should expect to hear back within two weeks")  # fmt: skip
    understood = understand(line, TODAY)
    assert understood.meeting is not None
    assert all(not p.facts.promises for p in understood.meeting.people if p.name == "Steven Greer")


@pytest.mark.parametrize(
    ("note", "theirs"),
    [
        ("next round is design exercise shes sending brief mon, hiring mgr is some guy marco", "send brief"),
        ("hes gonna send me the deck", "send me the deck"),
        ("theyre gonna send the contract", "send the contract"),
        ("said theyre hiring a senior product designer shell refer me", "refer me"),
        ("she said shed let me know by end of next wk", "let me know"),
        ("sent her my site already shell fwd to her lead gabe", "forward to her lead gabe"),
        ("she's intro'ing me to Dev Malhotra tmrw", "intro me to Dev Malhotra"),
        ("he's putting me in touch with their CFO", "put me in touch with their CFO"),
    ],
)
def test_their_word_typed_fast_without_an_apostrophe_is_theirs(note, theirs):
    facts = extract_facts(note, TODAY)
    assert theirs in facts.theirs and not facts.promises


def test_a_bare_send_after_a_need_sends_what_they_need_and_a_need_alone_promises_nothing():
    facts = extract_facts("Oskar needs pricing for 3yr commit, sending by 4/15", TODAY)
    assert (facts.promises, facts.due) == (["send pricing for 3yr commit"], ["2026-04-15"])
    assert extract_facts("she needs a lawyer by march", TODAY).promises == []


def test_what_brackets_after_a_name_say_beyond_the_job_is_theirs():
    line = ("pydata nyc meetup tonight: met marcus bell (ml eng mgr @ ramp, needs someone for forecasting, asked for "
            "my gh link - sending tonight) + jenny zhao (indie consultant, offered to share overflow contract work)")
    understood = understand(line, TODAY)
    assert understood.meeting is not None
    marcus, jenny = understood.meeting.people
    assert (marcus.role, marcus.company) == ("ml engineering manager", "ramp")
    assert "someone for forecasting" in marcus.facts.needs and "send my gh link" in marcus.facts.promises
    assert (jenny.role, jenny.company) == ("indie consultant", "")  # what she offered is no company
    assert jenny.facts.offers and not jenny.facts.needs
    assert understood.meeting.said_of(marcus) and "forecasting" not in understood.meeting.said_of(jenny)


@pytest.mark.parametrize(
    ("note", "need"),
    [
        ("He is looking agency for the Brazil launch", "agency for the Brazil launch"),
        ("she is UX designer at OLX and is looking job in agency", "job in agency"),
    ],
)
def test_looking_without_for_as_non_native_writers_say_it_is_a_need(note, need):
    assert need in extract_facts(note, TODAY).needs
    assert extract_facts("she is looking good these days", TODAY).needs == []


def test_a_promise_that_names_whom_it_goes_to_is_theirs():
    line = ("BNI Plano Legacy chapter visit this AM. Good ones: Ray Dominguez (roofer, Apex Roofing) + Sheila Grant "
            "(estate planning atty). I promised Ray 2 referrals by next Friday.")  # fmt: skip
    understood = understand(line, TODAY)
    assert understood.meeting is not None
    people = {p.name: p for p in understood.meeting.people}
    assert people["Ray Dominguez"].facts.promises == ["send Ray 2 referrals"]
    assert people["Sheila Grant"].facts.promises == []


@pytest.mark.parametrize(
    ("line", "theirs", "mine"),
    [
        # a "will" with no subject goes on with whoever was doing something in the clause before it
        ("Met Dmitri Volkov at the mixer. Dmitri selling his old combi oven cheap, will send pics", ["send pics"], []),
        ("coffee with Ana, she's moving to Denver, will intro me to her old team", ["intro me to her old team"], []),
        # not when the clause before is the user's, the deed is done to them, or a new sentence starts
        ("Met Dmitri Volkov at the mixer, will send pics", [], ["send pics"]),
        ("met Ana at the expo, she loves the idea, will send her the deck", [], ["send her the deck"]),
        ("Called Mr. Jenkins. He asks if we have anyone. Will think of Tyrell Banks.", [], ["think of Tyrell Banks"]),
    ],
)
def test_a_will_with_no_subject_is_whoever_was_doing_the_clause_before(line, theirs, mine):
    [person, *_] = understand(line, TODAY).meeting.people
    assert (person.facts.theirs, person.facts.promises) == (theirs, mine)


def test_promised_with_no_subject_and_a_thing_is_the_users_promise_due_when_said():
    line = "QBR prep w/ Hiro Tanaka (CTO, Mercari US). promised a roadmap briefing under NDA before their renewal 5/30."
    [hiro] = understand(line, TODAY).meeting.people
    assert hiro.facts.promises == ["a roadmap briefing under NDA before their renewal"]
    assert hiro.facts.due == ["2026-05-30"] and not hiro.facts.theirs


def test_a_day_that_names_a_meeting_after_which_it_is_done_stays_in_the_promise():
    line = "pinged by Jordan Blake (Blake Ventures), needs our answer. told him I'd confirm after Mon partner mtg"
    [jordan] = understand(line, TODAY).meeting.people
    assert jordan.facts.promises == ["confirm after Mon partner mtg"] and jordan.facts.due == ["2026-03-09"]


def test_she_is_the_one_whose_name_is_mostly_given_to_women_not_her_husband():
    line = "met Karen Liu at the tasting, her husband Ed is a pitmaster, she's bringing him to our pop-up"
    meeting = understand(line, TODAY).meeting
    [karen] = meeting.people
    assert karen.name == "Karen Liu" and karen.facts.theirs == ["bring him to our pop-up"]
    assert meeting.mentioned == ["Ed"]  # only told of: his is nothing the line says he will do


@pytest.mark.parametrize(
    ("line", "name", "mine", "due"),
    [
        # "I promise" as people learning English say it: with no "to", or the one promised before "to"
        ("met Tuấn at the mixer, he so happy, I promise take him dinner Saturday", "Tuấn", "take him dinner",
         "2026-03-07"),
        ("Meet Jessica Alvarado and Kevin Do. I promise Kevin to share my FAR notes", "Kevin Do", "share my FAR notes",
         ""),
        # a name typed in lower case, then what is owed
        ("call w/ lena hoffmann from red bull. i owe lena the content plan by 3/20", "Lena Hoffmann",
         "send Lena the content plan", "2026-03-20"),
        # a thing, to whom and by when, with no verb: it is sent
        ("Breakfast w/ Karen Whitfield (VP BD&L, Novartis), wants the deck. CDA to her by 3/14.", "Karen Whitfield",
         "send the CDA to her", "2026-03-14"),
        ("met Tom and Priya Brennan-Shah, lovely couple. Quote to them by the 15th", "Tom Brennan-Shah",
         "send the quote to them", "2026-03-15"),
    ],
)
def test_promises_said_the_way_people_type_them_are_the_users(line, name, mine, due):
    people = {p.name: p for p in understand(line, TODAY).meeting.people}
    assert list(zip(people[name].facts.promises, people[name].facts.due, strict=True)) == [(mine, due)]


def test_a_contact_calling_the_user_said_in_the_present_is_no_promise_of_the_users():
    [david] = understand("David Okonkwo call me!!! Whitley Penn give offer, start June 1", TODAY).meeting.people
    assert not david.facts.promises


def test_a_question_to_the_coach_is_no_promise_and_a_second_will_is_a_second_promise():
    [lena] = understand("lena from red bull ghosted, 5 days no reply. should i follow up or nah", TODAY).meeting.people
    assert not lena.facts.promises
    line = "zoom w Dave Kessler. sending thank you note tonight + will send him a 1-pager by 3/30"
    [dave] = understand(line, TODAY).meeting.people
    assert dave.facts.promises == ["send thank you note", "send him a 1-pager"]
    assert dave.facts.due == ["2026-03-04", "2026-03-30"]


@pytest.mark.parametrize(
    ("line", "name", "title", "role"),
    [
        ("met Commissioner Baptiste at City Hall", "Baptiste", "Commissioner", "commissioner"),
        ("Delivered the report to Councilmember Okoro's office", "Okoro", "Councilmember", "councilmember"),
        ("met Coach Dre at the LAN", "Dre", "Coach", "coach"),
    ],
)
def test_an_office_said_before_a_name_is_their_title_and_their_job(line, name, title, role):
    [person] = understand(line, TODAY).meeting.people
    assert (person.name, person.title, person.role) == (name, title, role)


def test_a_line_opening_with_a_titled_name_saves_them_once():
    line = "Councilmember Ortega asked me to set up a mtg w/ the Chamber. Spoke w/ Gail Simmons, Chamber CEO, by phone"
    names = [p.name for p in understand(line, TODAY).meeting.people]
    assert len([n for n in names if "Ortega" in n]) == 1


def test_a_first_name_in_brackets_after_a_title_and_surname_is_theirs_and_promised_her_is_hers():
    line = "Akron - Summit Pulmonary. Dr. Hsu (Grace) finally saw me. Promised Grace the COPD posters by end of month"
    meeting = understand(line, TODAY).meeting
    assert [p.name for p in meeting.people] == ["Grace Hsu"]  # "Akron" is a city, "(Grace)" no company
    assert meeting.people[0].facts.promises == ["send Grace the COPD posters"]
    assert meeting.people[0].facts.due == ["2026-03-31"]


@pytest.mark.parametrize(
    ("line", "name", "company", "mentioned"),
    [
        # "anh", "bác": respect said before a Vietnamese name, no part of it; a relative with it only told of
        ("Coffee with chị Lan (Lan Pham) at Cafe Kuppa. She is CPA, now manager at small firm Tran & Associates. Her "
         "husband anh Khoa also accountant at Chevron", "Lan Pham", "Tran & Associates", ["Khoa"]),
        ("Zoom with Minh Tran from Tran & Associates (Lan boss). He looking for someone know Vietnamese", "Minh Tran",
         "Tran & Associates", []),
        ("meet anh Tuấn Nguyễn at the mixer, he is audit senior at Whitley Penn", "Tuấn Nguyễn", "Whitley Penn", []),
    ],
)
def test_respect_before_a_name_and_a_firm_of_associates_are_read_as_said(line, name, company, mentioned):
    meeting = understand(line, TODAY).meeting
    assert [(p.name, p.company) for p in meeting.people] == [(name, company)]
    assert meeting.mentioned == mentioned


def test_what_they_want_the_user_to_send_is_the_users_and_what_is_already_done_is_no_promise():
    [minh] = understand("Zoom with Minh Tran. He want me send transcript and scores by 4/20", TODAY).meeting.people
    assert minh.facts.promises == ["send transcript and scores"] and minh.facts.due == ["2026-04-20"]
    assert not minh.facts.needs
    [tuan, *_] = understand("Send resume to Tuan already. He introduce me to Ms. Rebecca Stone", TODAY).meeting.people
    assert not tuan.facts.promises


@pytest.mark.parametrize(
    ("note", "theirs", "due"),
    [
        ("he's taking me to lunch fri", "take me to lunch", "2026-03-06"),
        ("she sends me the signed agreement by 3/20", "send me the signed agreement", "2026-03-20"),
    ],
)
def test_a_plan_of_theirs_said_in_the_present_with_a_day_is_their_promise(note, theirs, due):
    facts = extract_facts(note, TODAY)
    assert list(zip(facts.theirs, facts.theirs_due, strict=True)) == [(theirs, due)]
    assert facts.promises == []


def test_something_they_do_all_the_time_is_no_promise():
    facts = extract_facts("he sends me memes all the time lol", TODAY)
    assert (facts.promises, facts.theirs) == ([], [])


@pytest.mark.parametrize(
    ("note", "mine", "due"),
    [
        ("i told him will revert back with rates by Thursday", "revert back with rates", "2026-03-05"),
        ("Kindly do the needful and remind me to send her the rate card tmrw", "send her the rate card", "2026-03-05"),
        ("gonna shoot him our cutups from the Central game tmrw", "shoot him our cutups from the Central game",
         "2026-03-05"),
        ("he can cover the lanes 3x a week need to send him rate con by fri", "send him rate con", "2026-03-06"),
    ],
)
def test_the_users_promise_said_without_i_is_the_users(note, mine, due):
    facts = extract_facts(note, TODAY)
    assert (mine, due) in list(zip(facts.promises, facts.due, strict=True))


def test_he_told_he_will_is_his_and_a_bare_ask_is_no_promise():
    facts = extract_facts("He told he will refer me for the DS role. gonna ask", TODAY)
    assert facts.theirs == ["refer me for the DS role"] and facts.promises == []


def test_a_long_promise_ending_on_its_day_is_kept_whole_and_dated():
    facts = extract_facts("she'll hold 2 dry vans for me every tues out of dallas till end of march", TODAY)
    assert facts.theirs == ["hold 2 dry vans for me every tues out of dallas till end of march"]


@pytest.mark.parametrize(
    ("note", "due"),
    [
        ("she'll send the wedding enquiry in april", "2026-04-30"),  # a month alone: any day of it, so by its end
        ("she'll send the wedding enquiry by april", "2026-04-01"),  # "by April": before it starts
    ],
)
def test_a_month_said_alone_is_due_by_its_end(note, due):
    assert extract_facts(note, TODAY).theirs_due == [due]


def test_a_name_followed_by_a_handing_deed_keeps_it_theirs_in_a_line_of_several():
    meeting = understand("Kiln in, round now $12M. Tom sending side letter draft EOD. Wendy asked for updates", TODAY)
    tom = next(p for p in meeting.meeting.people if p.name == "Tom")
    assert [(i.text, i.whose) for i in meeting.meeting.promises_of(tom)] == [("send side letter draft", "theirs")]


@pytest.mark.parametrize(
    ("note", "mine"),
    [
        ("Told Priya I'd answer by 3/20", ["answer"]),
        ("she's short 500k, asked if we'd do 250. said i'd bring it to sarah mon", ["bring it to sarah"]),
    ],
)
def test_i_would_with_a_deed_is_a_promise_unless_asked_about(note, mine):
    assert extract_facts(note, TODAY).promises == mine


def test_holding_a_price_till_a_day_is_their_promise():
    facts = extract_facts("arborvitae 89 ea if i take 40. he holds til fri", TODAY)
    assert list(zip(facts.theirs, facts.theirs_due, strict=True)) == [("hold", "2026-03-06")]


@pytest.mark.parametrize(
    ("note", "interests"),
    [
        ("He is also very much into golf, can invite him to the golf day", ["golf"]),
        ("shes obsessed w celeste speedruns lmao", ["celeste speedruns"]),
    ],
)
def test_what_they_are_into_or_obsessed_with_is_an_interest_without_the_laugh(note, interests):
    assert extract_facts(note, TODAY).interests == interests
