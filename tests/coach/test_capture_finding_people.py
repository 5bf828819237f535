"""Finding the people of a line however they are said: inside a run of capitals that names a place or a firm ("at
Green Leaf Kitchen w/ Tomas"), joined owners of a tie ("Ken & Marge's daughter"), a nickname with the whole name in
brackets, a tie said with a role in capitals ("his EA Pooja") or after a titled owner ("Judge Ode's clerk, Tam Vo"),
a name given as an afterthought ("think her name was Ines?"), and an honorific after the name ("Nandan sir"). The
lines are written for these tests, not taken from a corpus."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.reading.capture import understand
from bot.coach.reading.meeting import Meeting

TODAY = date(2026, 3, 4)


def read(line: str) -> Meeting:
    understood = understand(line, TODAY)
    assert understood.kind != "none" and understood.meeting is not None, line
    return understood.meeting


def met(line: str) -> list[str]:
    return [p.name for p in read(line).people]


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("lunch at Green Leaf Kitchen with Tomas and Hedda, both chefs", ["Tomas", "Hedda"]),
        ("drinks at Old Mill Tavern w/ Priya Nair - she wants a mentor", ["Priya Nair"]),
        ("tasting at Red Barn Cellars w/ Ilse & Joost (buyers), Joost sends prices monday", ["Ilse", "Joost"]),
    ],
)
def test_a_run_of_capitals_that_names_a_place_hides_no_person_in_its_middle(line, people):
    assert met(line) == people


@pytest.mark.parametrize(
    ("line", "name", "company"),
    [
        (
            "fish market - Little Joe (Joe Ferraro, Ferraro Seafood) wants a weekly order",
            "Joe Ferraro",
            "Ferraro Seafood",
        ),
        ("coffee w Kat (Katarzyna Nowak) from the rowing club, she coaches juniors", "Katarzyna Nowak", ""),
        ("met Doc (Dr. Anil Rao), he wants a demo of the app", "Anil Rao", ""),
    ],
)
def test_a_nickname_with_the_whole_name_in_brackets_is_saved_by_the_whole_name(line, name, company):
    person = read(line).people[0]
    assert (person.name, person.company) == (name, company)
    assert not person.role.startswith(name.split()[0])


def test_a_firm_in_brackets_after_a_name_is_no_nickname():
    person = read("lunch w/ Priya (Morgan Stanley), she wants a deck review").people[0]
    assert person.name == "Priya"


@pytest.mark.parametrize(
    ("line", "who", "owners"),
    [
        ("card for Omar & Leila's son Karim - he starts at MIT in sept", "Karim", ["Omar", "Leila"]),
        ("lunch w Tom and Ellen's daughter Maya, she wants an internship", "Maya", ["Tom", "Ellen"]),
        ("met Bea + Sol's nephew Ruben at the fair, he fixes bikes", "Ruben", ["Bea", "Sol"]),
    ],
)
def test_a_tie_of_two_people_joined_names_the_relative_met_and_keeps_the_two_as_mentioned(line, who, owners):
    meeting = read(line)
    assert [p.name for p in meeting.people] == [who]
    assert meeting.people[0].link_to in owners
    assert sorted(meeting.mentioned) == sorted(owners)


@pytest.mark.parametrize(
    ("line", "who", "owner", "as_"),
    [
        (
            "Judge Amari's clerk, Lena Frost, said she'll send the filing rules by monday",
            "Lena Frost",
            "Judge Amari",
            "clerk",
        ),
        ("Coach Dimitri's assistant Mara Vell emailed about the tryouts", "Mara Vell", "Coach Dimitri", "assistant"),
        ("Pastor Eze's wife, Grace Eze, runs the food bank", "Grace Eze", "Pastor Eze", "wife"),
    ],
)
def test_a_tie_of_someone_called_by_a_title_keeps_the_title_with_them(line, who, owner, as_):
    meeting = read(line)
    assert [p.name for p in meeting.people] == [who]
    assert (meeting.people[0].link_to, meeting.people[0].link_as) == (owner, as_)
    assert meeting.mentioned == [owner]


@pytest.mark.parametrize(
    ("line", "who", "role"),
    [
        ("met Dara Quinn at the summit, her EA Tomasz will set up a call next week", "Tomasz", "EA"),
        ("lunch w/ Rafael Costa + his PA Ines, she books his travel", "Ines", "PA"),
    ],
)
def test_an_assistant_said_by_initials_is_a_tie_not_part_of_the_name(line, who, role):
    person = next(p for p in read(line).people if p.name == who)
    assert person.role == role


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("met Nandan sir after the talk, he wants our deck", "Nandan"),
        ("met Lakshmi ma'am at the expo, she wants a mentor", "Lakshmi"),
        ("tea with Sharma ji today, he wants a web designer", "Sharma"),
    ],
)
def test_an_honorific_said_after_the_name_is_no_part_of_it_nor_a_job(line, name):
    person = read(line).people[0]
    assert (person.name, person.role) == (name, "")


@pytest.mark.parametrize(
    ("line", "met_", "unmet"),
    [
        (
            "the talk was by Prof Abara, could not meet him but his postdoc Lin Wei gave me her card",
            ["Lin Wei"],
            "Abara",
        ),
        ("at the mixer: Rosa Diaz (founder) and Mr. Kent who I didn't get to talk to", ["Rosa Diaz"], "Kent"),
        (
            "coffee w Sam Ortiz, his cofounder Mia Roth was there too but I never got to speak with her",
            ["Sam Ortiz"],
            "Mia Roth",
        ),
    ],
)
def test_someone_the_user_says_they_did_not_get_to_meet_is_mentioned_not_met(line, met_, unmet):
    meeting = read(line)
    assert [p.name for p in meeting.people] == met_
    assert unmet in meeting.mentioned


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("forgot to get her card - the lawyer from Brandt Vogel LLP. think her name was Ines?", "Ines"),
        ("met someone from Okoro Partners Ltd at the expo, his name is Femi, wants a quote", "Femi"),
    ],
)
def test_a_firm_with_its_suffix_is_no_person_and_the_name_said_after_is(line, name):
    assert met(line) == [name]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Dana K from Shopify ops, she wants our pallet rates", "Dana K"),
        ("met omar t from the coop, he sells honey", "Omar T"),
        ("Lena B, PM at Brex, wants a referral", "Lena B"),
    ],
)
def test_a_surname_said_by_its_initial_alone_is_kept(line, name):
    assert met(line)[0] == name


@pytest.mark.parametrize(
    "line",
    [
        "nora diaz from the parish choir, bday may 3, loves gospel",
        "Teo Park from the climbing gym. Birthday 4/12, wants a belay partner",
    ],
)
def test_a_birthday_said_in_a_list_is_no_person(line):
    assert len(met(line)) == 1


def test_a_job_in_brackets_after_a_name_is_no_second_person():
    assert met("panel w/ Lina Haas (Brand Dir, Zest) and Omar Said (CMO, Kiwi)") == ["Lina Haas", "Omar Said"]


@pytest.mark.parametrize(
    ("line", "introducer"),
    [
        ("Wes Tan (forager) - introduced by Dani Cruz, he wants to sell to restaurants", "Dani Cruz"),
        ("Lena Ortiz introduced me to Hana Sato, new in town, she teaches piano", "Lena Ortiz"),
    ],
)
def test_who_introduced_them_is_kept_as_mentioned(line, introducer):
    meeting = read(line)
    assert introducer in meeting.mentioned
    assert introducer not in [p.name for p in meeting.people]


def test_an_introducer_said_by_a_tie_alone_is_no_one_to_keep():
    meeting = read("my accountant introduced me to Olga Petrova, a lender at a credit union")
    assert meeting.mentioned == []


@pytest.mark.parametrize(
    ("line", "met_", "told_of"),
    [
        ("coffee w Nia Obi, she runs the food bank. her husband Tunde is on the city council", ["Nia Obi"], "Tunde"),
        (
            "met Ola Berg at the expo, wants a demo. His cofounder Sven Lund is the one who signs",
            ["Ola Berg"],
            "Sven Lund",
        ),
    ],
)
def test_a_relative_only_described_in_a_sentence_of_their_own_is_mentioned_not_met(line, met_, told_of):
    meeting = read(line)
    assert [p.name for p in meeting.people] == met_
    assert told_of in meeting.mentioned
    assert meeting.people[0].link_to == told_of


def test_a_relative_who_wants_something_in_a_sentence_of_their_own_is_met():
    meeting = read("dropped by Ama's shop. her partner Kofi wants a new logo, sending him quotes by fri")
    assert "Kofi" in [p.name for p in meeting.people]


@pytest.mark.parametrize(
    ("line", "company"),
    [
        ("sat next to Rita Gomez, associate at Baker & Lowe, does tax law", "Baker & Lowe"),
        ("lunch w Omar Haddad, partner at Stein & Ross. wants referrals", "Stein & Ross"),
    ],
)
def test_a_firm_of_two_names_is_no_second_person(line, company):
    meeting = read(line)
    assert [p.company for p in meeting.people] == [company]


def test_a_job_said_with_a_short_senior_is_no_person():
    assert met("call w/ Rui Costa, Sr PM at Revolut - he'll refer me") == ["Rui Costa"]


@pytest.mark.parametrize(
    ("line", "introducer"),
    [
        ("coffee w Ana Ruiz, she's a designer at Miro, met her thru Jonas", "Jonas"),
        ("Mo Diallo (PM, Wave) - great chat, met him through Aya", "Aya"),
        ("finally found a tiler - Wes Tan, introduced by my sous chef Dani. owe him a beer", "Dani"),
        ("Sandeep bhaiya moved the mock interview to tmrw. He is SDE2 at Amazon, connected through Arjun (roommate)",
         "Arjun"),
        ("LinkedIn msg from Sam Whitaker, BD consultant. Karen W. at Novartis pointed him my way", "Karen W"),
        ("Spoke with Ms. Diane Fairbanks of Spencer Stuart, following Gen. Castellano's introduction.", "Castellano"),
    ],
)
def test_who_they_were_met_through_said_later_is_the_introducer(line, introducer):
    meeting = read(line)
    assert meeting.introduced_by == introducer
    assert introducer in meeting.mentioned


@pytest.mark.parametrize(
    ("line", "introducer"),
    [
        ("zoom w/ Omar Reyes, Jenna intrd. 30 min on their Q3 budget", "Jenna"),
        ("lunch w Tom Ames frm Ames Roofing, dave intro'd. solid guy", "Dave"),
        ("Priya Das (Kite, seed stage), her investor Noor (Lux) intro'd us", "Noor"),
        ("Met Rahul Verma at the Pune office. My team lead Kavita introduced. He needs a tester", "Kavita"),
        ("Coffee with Ines Roy, who was referred to me by Paul Grant.", "Paul Grant"),
        ("/met Lena Fisch at the expo. Introduced by my mentor, Carol Banks. She wants a sponsor", "Carol Banks"),
        ("HR meetup tonight! Met Dana Cole (organizer) - told her Greg sent me, she laughed.", "Greg"),
        ("Dropped off the forms at St. Luke's, Deacon Ray introduced me to their treasurer Ann Pike.", "Deacon Ray"),
    ],
)  # fmt: skip
def test_who_introduced_them_is_read_wherever_the_line_says_it(line, introducer):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.introduced_by == introducer


@pytest.mark.parametrize(
    ("line", "name", "title"),
    [
        ("job fair at the base. SFC(R) Dale Briggs, ops dir @ Sysco, says they're hiring", "Dale Briggs", "SFC"),
        ("coffee with Col Jim Banks (ret.) at the VFW", "Jim Banks", "Col"),
        ("panel today: Lt Col (R) Annette Vo, VP supply chain at H-E-B", "Annette Vo", "Col"),
        ("met Capt. Lee Marsh at the marina", "Lee Marsh", "Capt"),
    ],
)
def test_a_military_rank_is_a_title_not_a_person(line, name, title):
    meeting = read(line)
    assert [p.name for p in meeting.people] == [name]
    assert meeting.people[0].title.endswith(title) and meeting.people[0].company != "ret."


def test_someone_added_after_a_full_stop_keeps_what_is_said_of_them():
    meeting = read(
        "spoke w/ 2: Greg Haines (plant mgr, Caterpillar Decatur) - needs supervisors. and Lt Col (R) Annette Vo, "
        "now VP supply chain @ H-E-B, loves fly fishing"
    )
    jobs = {p.name: (p.role, p.company) for p in meeting.people}
    assert jobs == {
        "Greg Haines": ("plant manager", "Caterpillar Decatur"),
        "Annette Vo": ("VP supply chain", "H-E-B"),
    }


def test_senior_typed_in_lower_case_is_part_of_the_job():
    meeting = read("linkedin dm'd w/ kofi mensah, sr ds @ chime, he posted abt hiring")
    assert [(p.name, p.company) for p in meeting.people] == [("Kofi Mensah", "chime")]


@pytest.mark.parametrize(
    ("line", "met_", "introducer"),
    [
        ("opening night - saw Sofia Brandt again!! she introduced me to her colleague Mads Nielsen, he'll email me",
         ["Sofia Brandt", "Mads Nielsen"], "Sofia Brandt"),
        ("breakfast w DP Marcus Hale, in for our Sept shoot. Marcus introduced me to gaffer Tomas Reyes",
         ["Marcus Hale", "Tomas Reyes"], "Marcus Hale"),
        ("My neighbor Gloria introduced me to her brother Vincent", ["Vincent"], "Gloria"),
    ],
)  # fmt: skip
def test_someone_met_who_introduced_another_is_met_too(line, met_, introducer):
    meeting = read(line)
    assert ([p.name for p in meeting.people], meeting.introduced_by) == (met_, introducer)
    assert introducer not in meeting.mentioned or introducer not in met_


@pytest.mark.parametrize(
    ("line", "met_", "relative"),
    [
        ("brunch w my neighbor Priya, she brought her husband Dev Malhotra - does IT (NetCare Solutions)",
         ["Priya", "Dev Malhotra"], "Dev Malhotra"),
        ("mock interview with Raj last night and he brought his coworker Dana Whitfield from Merck",
         ["Raj", "Dana Whitfield"], "Dana Whitfield"),
        # talked with them: on the phone, on a call, over lunch
        ("Luis quote came in, way too high. got on the phone w/ his boss Rita Feld - she'll drop to 1.85",
         ["Luis", "Rita Feld"], "Rita Feld"),
        ("my cousin jamal set up a call w his coworker tyler at spotify, tyler's a data analyst",
         ["Jamal", "Tyler"], "Tyler"),
    ],
)  # fmt: skip
def test_a_relative_who_came_along_is_met_not_mentioned(line, met_, relative):
    meeting = read(line)
    assert [p.name for p in meeting.people] == met_ and relative not in meeting.mentioned
    kept = next(p for p in meeting.people if p.name == relative)
    tie = next(t for t in ("husband", "coworker", "boss") if t in line)
    assert (kept.link_to, kept.link_as) == (met_[0], tie)


def test_a_relative_only_talked_about_stays_mentioned():
    meeting = read("coffee w Hannah Berg, she wants to live near her son Elias")
    assert [p.name for p in meeting.people] == ["Hannah Berg"] and meeting.mentioned == ["Elias"]


@pytest.mark.parametrize(
    ("line", "who", "relative", "as_"),
    [
        ("closing w Dr. Anita Shah re: 22 Birch Ln. Husband Vikram also on title - need his sig", "Anita Shah",
         "Vikram", "husband"),
        ("call w Jake Morrow, founder of Carebridge. Cofounder Ruth Feld, RN, runs clinical ops", "Jake Morrow",
         "Ruth Feld", "cofounder"),
        ("Met Gary Whitman CPA at the Frisco Chamber breakfast. Son Tyler plays QB", "Gary Whitman", "Tyler", "son"),
    ],
)  # fmt: skip
def test_a_tie_said_without_his_or_her_at_a_clause_start_is_theirs(line, who, relative, as_):
    meeting = read(line)
    person = next(p for p in meeting.people if p.name == who)
    assert (person.link_to, person.link_as, person.link_theirs) == (relative, as_, True)
    assert relative in meeting.mentioned and relative not in [p.name for p in meeting.people]


def test_a_job_at_an_event_says_where_they_met_not_where_they_work():
    meeting = read("Met Gary Whitman CPA at the Frisco Chamber breakfast")
    assert meeting.context == "the Frisco Chamber breakfast"
    assert (meeting.people[0].role, meeting.people[0].company) == ("CPA", "")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("met Mr. Takeshi Morimoto and his wife Yuki-san. Yuki-san is teaching calligraphy.", ["Takeshi Morimoto",
                                                                                               "Yuki"]),
        ("coffee chat w/ Hyunwoo 선배, now he is director in Expedia", ["Hyunwoo"]),
    ],
)  # fmt: skip
def test_respect_said_with_a_name_is_no_part_of_it(line, names):
    meeting = read(line)
    assert [p.name for p in meeting.people] == names


def test_where_the_user_was_too_is_no_company_and_a_job_said_with_who_is_the_job():
    meeting = read("coffee chat w/ Hyunwoo Kim from my KAIST, now he is director in Expedia")
    assert meeting.people[0].company == "Expedia"
    meeting = read("coffee with Raj Mehta, who's a formulation scientist at Merck")
    assert meeting.people[0].role == "formulation scientist"


@pytest.mark.parametrize(
    ("line", "name", "company"),
    [
        ("Hoy en el farmers market conocí a Tim y Jo de Sunny Acres Farm, huevos orgánicos", "Jo",
         "Sunny Acres Farm"),
        ("vino la señora Gabriela Ruiz de la Iglesia San José, she need 200 conchas", "Gabriela Ruiz",
         "Iglesia San José"),
        ("met Juan de la Cruz at the expo", "Juan de la Cruz", ""),
    ],
)  # fmt: skip
def test_de_before_a_farm_a_church_or_a_hotel_says_where_they_are_from_not_more_of_the_name(line, name, company):
    meeting = read(line)
    person = next(p for p in meeting.people if p.name == name)
    assert person.company == company


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("cafecito en Versailles con Tony Marrero y Gaby Soto de Soto Construction, Gaby loves salsa",
         ["Tony Marrero", "Gaby Soto"]),  # "y" joins two people ("Ortega y Gasset" is one name)
        ("adplist portfolio review met jon ortiz ux lead shopify gave me brutal feedback", ["Jon Ortiz"]),
        ("phone screen w nina patel recuiter at stripe went ok", ["Nina Patel"]),
    ],
)  # fmt: skip
def test_a_name_ends_where_the_next_person_or_their_job_starts(line, names):
    assert [p.name for p in read(line).people] == names


def test_an_initial_and_a_surname_are_a_person_and_a_letter_alone_is_no_one():
    meeting = read("K. Dominguez (angel, friend of Marco) - lunch @ oyster bar. wants P&L last 12mo, send by EOW")
    assert [(p.name, p.role, p.company) for p in meeting.people] == [("K. Dominguez", "angel", "")]
    assert (meeting.people[0].link_to, meeting.people[0].link_as) == ("Marco", "friend")
    assert meeting.mentioned == ["Marco"]
    assert [p.name for p in read("lunch w K. Dominguez at the oyster bar").people] == ["K. Dominguez"]


def test_a_relative_who_phoned_was_talked_with_and_what_goes_to_them_is_theirs():
    meeting = read("Sent the proposal to Mr. Fitch on Friday. This morning his daughter Susan phoned to say they "
                   "accept. I am to send the contract to Susan by March 2nd.")  # fmt: skip
    people = {p.name: p for p in meeting.people}
    assert set(people) == {"Fitch", "Susan"} and "Susan" not in meeting.mentioned
    assert people["Susan"].facts.promises == ["send the contract"] and not people["Fitch"].facts.promises


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Abeg, met one guy Tobias Krüger at the Berlin Go meetup yesterday, he's Tech Lead at N26", ["Tobias Krüger"]),
        ("Oya, mentoring circle kickoff was today. Met Yaw Mensah and Ifeoma Eze", ["Yaw Mensah", "Ifeoma Eze"]),
    ],
)
def test_an_interjection_opening_the_line_is_no_one(line, names):
    assert [p.name for p in read(line).people] == names


@pytest.mark.parametrize(
    ("line", "met_", "mentioned"),
    [
        ("coffee w/ Marcus Tillman, ops mgr at FedEx. his boss Jennifer Ruiz is hiring an area mgr",
         ["Marcus Tillman"], ["Jennifer Ruiz"]),
        ("met Rosa Diaz at the fundraiser, her husband Tom runs a bakery", ["Rosa Diaz"], ["Tom"]),
        # dealing with the user: met
        ("Dinner at the Whitfields, met Alan. He gave me his card. His wife Carol loves quilting, Carol and I swapped "
         "numbers", ["Alan", "Carol"], []),
        ("NAIFA luncheon w Rania Khoury. her brother Sami is an architect. Sami promised to review my resume",
         ["Rania Khoury", "Sami"], []),
    ],
)  # fmt: skip
def test_a_relative_only_talked_about_is_mentioned_and_one_who_deals_with_the_user_is_met(line, met_, mentioned):
    meeting = read(line)
    assert [p.name for p in meeting.people] == met_ and meeting.mentioned == mentioned


def test_who_introduced_them_named_after_them_is_mentioned_not_met_and_a_brief_call_is_no_place():
    line = ("Brief video call with Daniel Okoye (Research Chemist, BASF, Wyandotte), introduced via Prof. Greenberg. "
            "He works on coatings.")  # fmt: skip
    meeting = read(line)
    assert [p.name for p in meeting.people] == ["Daniel Okoye"] and meeting.mentioned == ["Greenberg"]
    assert (meeting.introduced_by, meeting.context, meeting.way) == ("Greenberg", "", "video call")
    meeting = read("Breakfast meeting with Samantha Cho, VP of Sales, who was referred to me by Margaret Ellison.")
    assert [p.name for p in meeting.people] == ["Samantha Cho"] and meeting.introduced_by == "Margaret Ellison"


def test_respect_said_in_tagalog_before_a_name_is_a_title():
    meeting = read("Good Friday potluck sa Filcom church. Nakilala ko si Tita Marites Lim, retired ward sister")
    assert [(p.name, p.title) for p in meeting.people][:1] == [("Marites Lim", "Tita")]
    assert [p.name for p in read("met Lola at the flamenco show").people] == ["Lola"]  # a name, not a title


@pytest.mark.parametrize(
    "line",
    [
        "QBR prep w/ Hiro Tanaka (CTO, Mercari US). wants RBAC granular to namespace level",
        "phone screen w nina patel recuiter at stripe went ok",
        "cafecito en Versailles con Tony Marrero y Gaby Soto",
        "Pat from Sysco came by. our area rep now, replaced Greg",
        "Bea texted YES!! 2 cases/wk starting May 4",
        "emailed mr okafor!!! he replied in like an hour lol",
    ],
)
def test_a_line_that_says_they_talked_is_a_meeting_not_a_question(line):
    assert understand(line, TODAY).kind == "meeting"


def test_a_name_with_no_word_of_meeting_is_still_asked_about():
    assert understand("Kayla birthday is june 12", TODAY).kind == "maybe"


def test_a_spouse_of_a_couple_met_together_is_met():
    line = ("Mr and Mrs Kowalski from the hospice board. Stanisław (Stan) is the treasurer, his wife Irena does the "
            "fundraising gala.")  # fmt: skip
    meeting = read(line)
    assert "Irena" in [p.name for p in meeting.people] and "Irena" not in meeting.mentioned


@pytest.mark.parametrize(
    "line",
    [
        # what a call was about, and a heading for the file, are nowhere anyone met
        "Telephone call with Commissioner Harold Baptiste concerning the bus rapid transit alignment; he is amenable",
        "Memo to file: Mr. Adeyemi telephoned to request a two-week extension on the Canal Street site plan.",
    ],
)
def test_the_topic_of_a_call_or_a_memo_heading_is_no_place(line):
    assert read(line).context == ""


def test_where_something_came_from_is_no_place():
    assert read("Deposit in from the Brennan-Shahs 🙌 Rang Ciarán, he's on for the 9th.").context == ""


@pytest.mark.parametrize(
    ("line", "place"),
    [
        # the capitalised words passed over as no one are where they met, when the line says nowhere else
        ("Church Vietnamese Martyrs after mass I meet bác Hải, he own 3 nail salon", "Vietnamese Martyrs"),
        ("Today I go to Vietnamese American Chamber of Commerce mixer, meet Tuấn Nguyễn, he is audit senior",
         "Vietnamese American Chamber of Commerce mixer"),
    ],
)
def test_words_passed_over_as_no_one_are_the_place(line, place):
    assert read(line).context == place


def test_an_event_joined_with_and_is_no_one():
    meeting = read("Lunch-and-learn at Mercy Health Toledo cardiology. Dr. Kowalski wants the REDUCE-IT reprint")
    assert [p.name for p in meeting.people] == ["Kowalski"]
