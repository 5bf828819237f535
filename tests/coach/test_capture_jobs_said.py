"""Jobs, companies, places and introducers as people say them in a hurry: shorthand in a job ("hiring mgr"), a job
said before the name ("recruiter from spotify, Lena Berg"), "intro'd by", "sent me to", "ex-X — now at Y" after a
dash, "turns out she's a PM at Canva", "board mtg:" as a place."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.reading.capture import understand

TODAY = date(2026, 3, 4)


def person(text: str, who: str):  # type: ignore[no-untyped-def]
    meeting = understand(text, TODAY).meeting
    assert meeting is not None, text
    return next(p for p in meeting.people if p.name == who)


@pytest.mark.parametrize(
    ("line", "who", "role"),
    [
        ("coffee w/ Tom Berg, hiring mgr at Volvo", "Tom Berg", "hiring manager"),
        ("met Ines Duarte (eng mgr, Shopify)", "Ines Duarte", "engineering manager"),
        ("Priyanka Rao - research sci @ Meta - wants our dataset", "Priyanka Rao", "research scientist"),
        ("lunch w Ola Nordmann, talent acq at Equinor", "Ola Nordmann", "talent acquisition"),
        ("met Kim Olsen, sr product mgr at Zalando", "Kim Olsen", "senior product manager"),
        ("met Kim Olsen, biz dev mgr at Zalando", "Kim Olsen", "business development manager"),
    ],
)
def test_shorthand_in_a_job_is_said_whole(line, who, role):
    assert person(line, who).role == role


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("recruiter from spotify, Lena Berg, wants my portfolio by fri", "Lena Berg", "recruiter", "spotify"),
        ("accountant from kpmg, Ravi Shah, emailed about the audit", "Ravi Shah", "accountant", "kpmg"),
        ("job fair: recruiter from Teach First, Amos Dube, says apply soon", "Amos Dube", "recruiter", "Teach First"),
        ("called back the franchise guy from jamba, Pete Ruiz - wants a demo", "Pete Ruiz", "", "jamba"),
    ],
)
def test_a_job_said_before_the_name(line, who, role, company):
    got = person(line, who)
    assert (got.role, got.company) == (role, company)


@pytest.mark.parametrize(
    ("line", "who", "company"),
    [
        ("lunch w/ my old teammate Ken Ito — ex-Apple, now at Figma", "Ken Ito", "Figma"),
        ("call w Lars Holm frm ericsson about the RAN pilot", "Lars Holm", "ericsson"),
        ("job fair booth #4 - siemens: met Uwe Kahl (SRE), wants my cv", "Uwe Kahl", "siemens"),
        ("coffee w/ my old student Ravi, now at Oxford doing physics", "Ravi", "Oxford"),
        ("sat with Noor on the bus, turns out she's a PM at Canva", "Noor", "Canva"),
    ],
)
def test_where_they_work_now(line, who, company):
    assert person(line, who).company == company


def test_a_tie_in_brackets_that_is_a_job_is_their_role():
    got = person("Bea + Joe (bea's cofounder) at demo day, they need a CTO", "Joe")
    assert (got.role, got.link_to, got.link_as) == ("cofounder", "Bea", "cofounder")


@pytest.mark.parametrize(
    ("line", "introducer"),
    [
        ("Jorge Ruiz (CTO, Kapa) intro'd by Mia - wants a pilot", "Mia"),
        ("Zoe Park (VP eng, Loom) intro’d by dan, call next week", "Dan"),
        ("my lawyer sent me to Anke Vogel, a notary in Bonn, she'll check the deed", "my lawyer"),
        ("my old boss referred me to Femi Ade, head of data at Kuda", "my old boss"),
    ],
)
def test_who_introduced_them(line, introducer):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.introduced_by == introducer


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("board mtg: Prof. Li Wei wants the budget by friday", "board meeting"),
        ("farmers mkt - Ana Silva sells honey, wants labels", "farmers market"),
        ("quarterly mtg - Omar Haddad (CFO, Maersk) needs the slides", "quarterly meeting"),
    ],
)
def test_a_place_in_shorthand_is_said_whole(line, where):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.context == where


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("drinks w/ Hana Sato, she works at Rakuten in marketing", "Hana Sato", "marketing", "Rakuten"),
        ("met Omar Said, works in finance at Aramco, wants a mentor", "Omar Said", "finance", "Aramco"),
        ("Mia + Leo from Klarna. Mia in design, Leo in sales", "Leo", "sales", "Klarna"),
        ("Ben Ode from the climbing gym works at Bolt in devrel", "Ben Ode", "devrel", "Bolt"),
    ],
)
def test_the_team_they_work_in(line, who, role, company):
    got = person(line, who)
    assert (got.role, got.company) == (role, company)


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("met Paulo Reis, he works in Petrobras like geologist", "Paulo Reis", "geologist", "Petrobras"),
        ("today i meet Bia Costa, she work on Itaú as analyst", "Bia Costa", "analyst", "Itaú"),
        ("dinner with Kenji Mori, he is engineer in Embraer, nice guy", "Kenji Mori", "engineer", "Embraer"),
        ("yesterday i meet Sergio Ruiz, he work in SAP", "Sergio Ruiz", "", "SAP"),
        ("met Anna Weber, she is nurse in Berlin, loves tango", "Anna Weber", "nurse", ""),
    ],
)
def test_a_job_said_the_way_another_language_says_it(line, who, role, company):
    got = person(line, who)
    assert (got.role if role else "", got.company) == (role, company)


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("lunch w Maya Ross (NIH program officer), resubmit in june", "Maya Ross", "program officer", "NIH"),
        ("coffee w Ana Lima (Google engineer) about the infra role", "Ana Lima", "engineer", "Google"),
        ("met Tom Hill (Stripe PM) at the demo day", "Tom Hill", "PM", "Stripe"),
        ("met Sara Kim (Senior Engineer) at the demo day", "Sara Kim", "Senior Engineer", ""),
        ("met Raj Bose (ML engineer) at the demo day", "Raj Bose", "ML engineer", ""),
    ],
)
def test_a_company_and_job_in_one_bracket(line, who, role, company):
    got = person(line, who)
    assert (got.role, got.company) == (role, company)


@pytest.mark.parametrize(
    ("line", "who", "company"),
    [
        ("zoom w Ines Roy, founder of kelp (seaweed snacks), needs a co-packer", "Ines Roy", "kelp"),
        ("coffee w Ravi Nair, PM at Halo (fintech) - wants user interviews", "Ravi Nair", "Halo"),
    ],
)
def test_what_a_company_does_in_brackets_is_not_its_name(line, who, company):
    assert person(line, who).company == company


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("intro call w Amara Obi, runs growth at Paystack", "Amara Obi", "runs growth", "Paystack"),
        ("met Dr. Lena Horn - heads model risk at UBS, needs quants", "Lena Horn", "head of model risk", "UBS"),
        ("met Kofi Boateng at the summit, he runs the data team at Bolt", "Kofi Boateng", "head of data team", "Bolt"),
        ("her sister Grace runs a bakery", "Grace", "bakery owner", ""),
    ],
)
def test_the_team_they_run_is_what_they_head(line, who, role, company):
    got = person(line, who)
    assert (got.role, got.company) == (role, company)


@pytest.mark.parametrize(
    ("line", "who", "role"),
    [
        ("Joost & Anneke from the school run, Anneke teaches piano", "Anneke", "piano teacher"),
        ("Met Ruth Ames at the center, she still teaches pottery!", "Ruth Ames", "pottery teacher"),
        ("coffee with Rosa Diaz, she teaches chemistry at Lincoln High", "Rosa Diaz", "chemistry teacher"),
    ],
)
def test_what_they_teach_makes_them_its_teacher(line, who, role):
    assert person(line, who).role == role


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("met Luca Ferri from the quality team, he wants test reports", "Luca Ferri", "quality", ""),
        ("1:1 w Sofia Berg from compliance, wants to join my team", "Sofia Berg", "compliance", ""),
        ("Nkechi from legal (at vodafone) - NDA back by wed", "Nkechi", "legal", "vodafone"),
    ],
)
def test_from_a_team_is_their_job_not_their_company(line, who, role, company):
    got = person(line, who)
    assert (got.role, got.company) == (role, company)


@pytest.mark.parametrize(
    ("line", "who", "introducer", "company"),
    [
        ("intro from Mo Salah → Dana Levi, PM at Wix. coffee next week", "Dana Levi", "Mo Salah", "Wix"),
        ("intro from Jana K -> Petr Novak, head of data at Rohlik", "Petr Novak", "Jana K", "Rohlik"),
    ],
)
def test_an_intro_said_with_an_arrow_saves_the_one_met(line, who, introducer, company):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None
    assert [p.name for p in meeting.people] == [who]
    assert (meeting.introduced_by, meeting.people[0].company) == (introducer, company)


@pytest.mark.parametrize(
    ("line", "who", "role", "company", "where"),
    [
        ("ines (designer from the meetup) bday is may 3rd", "Ines", "designer", "", "the meetup"),
        ("coffee w Omar Ali (recruiter from Hays) about the risk role", "Omar Ali", "recruiter", "Hays", ""),
        ("lunch w Ana Ruiz (engineer from bbva), wants a mentor", "Ana Ruiz", "engineer", "bbva", ""),
    ],
)
def test_a_job_from_somewhere_in_brackets(line, who, role, company, where):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None
    got = next(p for p in meeting.people if p.name == who)
    assert (got.role, got.company, meeting.context) == (role, company, where)


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("Mila Rossi from the design booth offered to review my deck", "the design booth"),
        ("Tom Wu from the climbing gym asked for my number", "the climbing gym"),
    ],
)
def test_where_they_were_ends_at_what_they_did(line, where):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.context == where and not meeting.people[0].company


def test_a_train_time_is_part_of_the_place():
    meeting = understand("on the 07:45 to leeds, sat w/ Dr. Kim Lee, offered to review my paper", TODAY).meeting
    assert meeting is not None and meeting.context == "the 07:45 to leeds"


@pytest.mark.parametrize(
    ("line", "who", "role"),
    [
        ("dinner with Marco Bianchi and his wife Giulia, he is pilot at ITA, she is architect", "Giulia", "architect"),
        ("met Sofia Reyes and her husband Pablo, she is a dentist, he is a chef", "Pablo", "chef"),
    ],
)
def test_he_and_she_are_the_person_the_pronoun_fits(line, who, role):
    assert person(line, who).role == role


@pytest.mark.parametrize(
    ("line", "company"),
    [
        ("Gil Amar from the linkedin booth offered to review my cv", "LinkedIn"),
        ("Gil Amar from the Acme booth offered to review my cv", "Acme"),
        ("Gil Amar from the coffee booth offered me a cup", ""),
    ],
)
def test_the_booth_of_a_company_says_who_they_work_for(line, company):
    assert person(line, "Gil Amar").company == company


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("python berlin meetup, met Jonas Kühn (backend @ N26), wants my slides", "python berlin meetup"),
        ("photo shoot at the pier, met Ada Lenz, she needs headshots", "photo shoot at the pier"),
        (
            "afterwork drinks w the product guild crew - Lea Roth (PM) wants my deck",
            "afterwork drinks w the product guild crew",
        ),
    ],
)
def test_the_event_said_before_the_people(line, where):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.context == where


def test_a_day_said_before_the_people_is_no_event():
    meeting = understand("long day, met Ada Lenz, she needs headshots", TODAY).meeting
    assert meeting is not None and meeting.context == ""


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("drinks w Ola Berg (team lead) + her wife Kari", "Ola Berg", "team lead", ""),
        ("Ida Holm (Uni Bergen) wants to co-write a paper", "Ida Holm", "", "Uni Bergen"),
    ],
)
def test_a_bracket_that_opens_with_an_everyday_word(line, who, role, company):
    got = person(line, who)
    assert (got.role, got.company) == (role, company)


@pytest.mark.parametrize(
    ("line", "who", "role"),
    [
        ("lab meeting: new postdoc Ravi Menon joined, likes chess", "Ravi Menon", "postdoc"),
        ("Blood drive - the physio Anna Berg said she'd check my ankle", "Anna Berg", "physio"),
        ("Evening class. My student Omar Farah wants to sit the exam in june", "Omar Farah", "student"),
    ],
)
def test_a_job_said_just_before_the_name(line, who, role):
    assert person(line, who).role == role


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("met Ana Ortiz, buyer for lotte mart, wants samples", "Ana Ortiz", "buyer", "lotte mart"),
        ("met Ana Ortiz, designer for games, loves synths", "Ana Ortiz", "designer for games", ""),
        ("met Ana Ortiz, caterer for weddings", "Ana Ortiz", "caterer", ""),
        ("met Ana Ortiz, she is a nurse. lunch for Zayn on the 19th", "Ana Ortiz", "nurse", ""),
    ],
)
def test_what_for_follows_a_job(line, who, role, company):
    got = person(line, who)
    assert (got.role, got.company) == (role, company)


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("Ana Pires from kaszek - seed partner - wants our deck", "Ana Pires", "seed partner", "kaszek"),
        ("met Bo Lin, support engineer at Zendesk", "Bo Lin", "support engineer", "Zendesk"),
        ("my mentor's old student Li Na (applied sci @ Cohere now) offered to help", "Li Na", "applied scientist",
         "Cohere"),
        ("met this alum Ravi Das '17 works @ bain as a consultant", "Ravi Das", "consultant", "bain"),
        ("congrats to Mia Holt - she got promoted to head of sales!", "Mia Holt", "head of sales", ""),
    ],
)
def test_jobs_said_with_everyday_words_around_them(line, who, role, company):
    got = person(line, who)
    assert (got.role, got.company) == (role, company)


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("met Lupe Diaz and her daughter Eva who is studying marine biology", "Eva", "marine biology student", ""),
        ("the Okafor sisters (Ada & Chi) who own lagos bites + Tom Reed, a chef", "Ada Okafor", "", "lagos bites"),
        ("golf w Ian Moss + his son Kit who runs tidepool", "Kit", "runs tidepool", ""),
    ],
)
def test_who_said_after_a_name_is_about_them(line, who, role, company):
    got = person(line, who)
    assert (got.role if role else "", got.company) == (role, company)


def test_a_plus_ends_the_business_they_own():
    meeting = understand("the Okafor sisters (Ada & Chi) who own lagos bites + Tom Reed, a chef", TODAY).meeting
    assert meeting is not None and "Tom Reed" in [p.name for p in meeting.people]


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("met Hans Vogel, he is CTO in small startup name 'kleinbau', wants devs", "Hans Vogel", "CTO", "kleinbau"),
        ("lunch w Aiko Mori, she now runs her own studio 'paper crane'", "Aiko Mori", "", "paper crane"),
        ("Thabo at the career day, hiring grads, company is yoco", "Thabo", "", "yoco"),
        ("met Ngozi Obi (postdoc, Univ of Ibadan) at the poster", "Ngozi Obi", "postdoc", "University of Ibadan"),
        ("chatted w Reza Amini, phd student at shiraz uni", "Reza Amini", "phd student", "shiraz University"),
    ],
)
def test_a_company_named_the_way_people_name_it(line, who, role, company):
    got = person(line, who)
    assert (got.role if role else "", got.company) == (role, company)


def test_both_in_brackets_is_said_of_each_of_them():
    meeting = understand("met Jon Ek + Ali Berg (both lawyers at Linklaters) at the bar", TODAY).meeting
    assert meeting is not None
    assert [(p.role, p.company) for p in meeting.people] == [("lawyer", "Linklaters")] * 2


def test_of_a_company_after_two_names_is_said_of_both():
    meeting = understand("pitch mtg w/ Jon Ek + Ali Berg of tidely, strong team", TODAY).meeting
    assert meeting is not None and [p.company for p in meeting.people] == ["tidely", "tidely"]


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("At the allotment, a retired man named Frank Moss wants seeds", "the allotment"),
        ("Lucy Hale at the chamber lunch said she'd stock our jam", "the chamber lunch"),
    ],
)
def test_where_is_said_with_a_capital_or_before_a_verb(line, where):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.context == where


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("Had tea after school with Mrs Okoro, she runs the PTA", "school"),
        ("photographed the spring gala, Dr. Ken Ito asked for prints", "the spring gala"),
        ("covered the book fair today, met Lin Wu from Penguin", "the book fair"),
        ("after lunch, met Lin Wu from Penguin", ""),
    ],
)
def test_where_said_by_what_the_user_did_there(line, where):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.context == where


def test_a_job_in_the_clause_after_and():
    assert person("met Rita Gomes at the center, she's 80 and still teaches tango!", "Rita Gomes").role == (
        "tango teacher"
    )


@pytest.mark.parametrize(
    ("line", "who", "role"),
    [
        ("met Luis Paz, he is designer senior, wants a mentor", "Luis Paz", "senior designer"),
        ("meet Ana Reis on coworking, she is dev freelancer", "Ana Reis", "freelance developer"),
        ("Tom Ng interns at Canva this summer", "Tom Ng", "intern"),
        ("happy hour, I talk with Ines Sá, she is new in marketing team", "Ines Sá", "marketing"),
        ("ran into my landlord Mr. Osei, rent going up", "Osei", "landlord"),
        ("met Ada Lenz + the hiring mgr Dr. Ken Ito, decision soon", "Ken Ito", "hiring manager"),
    ],
)
def test_jobs_said_in_the_order_and_words_people_use(line, who, role):
    assert person(line, who).role == role


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("Lea Roth, journalist, caught me at web summit - wants a quote", "web summit"),
        ("Jon Bell (partner, bain) gave me his card on the platform", "the platform"),
        ("Jon Bell (partner, bain) emailed me on the 3rd about rates", ""),
        ("Jon Bell (partner, bain) will find me at the next meetup", ""),
    ],
)
def test_where_they_found_the_user(line, where):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.context == where


@pytest.mark.parametrize(
    ("line", "role", "company"),
    [
        ("met Sam Lee (German engineer) at the fair", "German engineer", ""),
        ("met Sam Lee (Brazilian designer) at the fair", "Brazilian designer", ""),
        ("met Sam Lee (Catholic priest) at the fair", "Catholic priest", ""),
        ("met Sam Lee (Atlassian designer) at the fair", "designer", "Atlassian"),
        ("met Sam Lee, lawyer for free, nice", "lawyer for free", ""),
        ("met Sam Lee, she works in Silicon Valley", "", ""),
    ],
)
def test_a_nationality_a_region_or_a_price_is_no_company(line, role, company):
    got = person(line, "Sam Lee")
    assert (got.role, got.company) == (role, company)


def test_a_time_in_a_talk_is_no_place():
    meeting = understand("met Sam Lee, she told me at the end she's moving", TODAY).meeting
    assert meeting is not None and meeting.context == ""


@pytest.mark.parametrize(
    ("line", "who", "role"),
    [
        ("drinks w/ the Klarna crew: Ida, Jon & Mo, all frontend. ida's leaving", "Jon", "frontend"),
        ("met Ida Berg + Jon Moe, all in sales, want a demo", "Jon Moe", "sales"),
    ],
)
def test_all_of_them_in_one_team(line, who, role):
    assert person(line, who).role == role


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("expo day 2 so tired my feet hurt lol ok: Ines Roy (buyer, Coop) wants samples", "expo"),
        ("summit recap i am exhausted: Ines Roy (buyer, Coop) wants samples", "summit"),
    ],
)
def test_a_long_heading_keeps_the_event_it_opens_with(line, where):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.context == where


@pytest.mark.parametrize(
    ("line", "company"),
    [
        ("today i meet Rosa Lima, she is CMO in quintoandar, she want designers", "quintoandar"),
        ("today i meet Rosa Lima, she is CTO in fintech", ""),
        ("today i meet Rosa Lima, she is PM in payments", ""),
        ("today i meet Rosa Lima, she is CEO in lisbon", ""),
    ],
)
def test_a_title_in_a_company_typed_in_lower_case(line, company):
    assert person(line, "Rosa Lima").company == company


@pytest.mark.parametrize(
    ("line", "role", "company"),
    [
        ("today i meet Rosa Lima, she is engineer of nubank, she like music", "engineer", "nubank"),
        ("today i meet Rosa Lima, she is researcher of ai", "researcher of ai", ""),
        ("today i meet Rosa Lima, she is teacher of english", "teacher of english", ""),
    ],
)
def test_of_a_company_after_a_job_held_there(line, role, company):
    got = person(line, "Rosa Lima")
    assert (got.role, got.company) == (role, company)


@pytest.mark.parametrize(
    "line",
    [
        "met Ewa Nowak from Kraków, she is a dentist",
        "met Ewa Nowak from krakow, she is a dentist",
        "met Ewa Nowak from Brazil, she is a dentist",
    ],
)
def test_from_a_city_or_a_country_is_no_company(line):
    assert person(line, "Ewa Nowak").company == ""


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("finally met Ada Lenz in person, she wants a demo", ""),
        ("Library: Ms. Ada Lenz asked me to read stories on Saturdays", "Library"),
    ],
)
def test_no_place_that_is_a_manner_or_a_time(line, where):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.context == where


def test_a_job_said_as_a_job_outranks_what_they_run():
    got = person("met Dora Wills at the shelter, she runs the night shift, retired nurse like me", "Dora Wills")
    assert got.role == "retired nurse"


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("i meet Oksana Bilyk, she is analyst in Deloitte since 3 years", "Oksana Bilyk", "analyst", "Deloitte"),
        ("met Tomasz Nowicki, he is developer in Allegro already 4 years", "Tomasz Nowicki", "developer", "Allegro"),
        ("met Irena Kral, she is auditor in Mazars already, also teacher before", "Irena Kral", "auditor", "Mazars"),
        ("met Petr Svoboda, he is working in Siemens in Brno, electrical", "Petr Svoboda", "", "Siemens"),
        ("met Ana Lima and her husband Rui, pharmacist in Novartis", "Rui", "pharmacist", "Novartis"),
    ],
)
def test_a_company_said_after_in_ends_with_its_capitals(line, who, role, company):
    got = person(line, who)
    assert (got.role if role else "", got.company) == (role, company)


def test_a_job_they_had_before_is_not_the_job_they_have():
    got = person("met Lena Vogt, she is CRA in Parexel since 2 years, also nurse before like me", "Lena Vogt")
    assert (got.role, got.company) == ("CRA", "Parexel")
