"""Jobs and companies as people type them: "ex-X, now at Y" keeps Y; "role w/ X", "role from X", "role for X",
"(function, company)" and "the recruiter from X, her name is Y" split into a role and a company."""

from __future__ import annotations

from datetime import date

import pytest

from bot.coach.reading.capture import understand

TODAY = date(2026, 3, 4)


def job(text: str, who: str) -> tuple[str, str]:
    meeting = understand(text, TODAY).meeting
    assert meeting is not None, text
    person = next(p for p in meeting.people if p.name == who)
    return person.role, person.company


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("coffee w/ Raj Iyer (ex-Google, now at Anthropic)", "Raj Iyer", "", "Anthropic"),
        ("kofi mensah ex-google now at paystack, head of talent", "Kofi Mensah", "head of talent", "paystack"),
        ("Benedikt Weber, ex-ustwo now at n26 as principal designer", "Benedikt Weber", "principal designer", "n26"),
        ("met Marco, pilot w/ lufthansa", "Marco", "pilot", "lufthansa"),
        ("lunch w Joanna Kowal (procurement, ikea)", "Joanna Kowal", "procurement", "ikea"),
        ("career fair recap: Zainab Yusuf (ey, audit)", "Zainab Yusuf", "audit", "ey"),
        ("Nkechi from legal (at vodafone) - NDA back by wed", "Nkechi", "legal", "vodafone"),
        ("Gustavo Pereira from nubank's design ops", "Gustavo Pereira", "design ops", "nubank"),
        ("Ye-jin Choi, buyer for Lotte Mart, v interested", "Ye-jin Choi", "buyer", "Lotte Mart"),
        ("Kenji Watanabe, designer in Spotify, want make side project", "Kenji Watanabe", "designer", "Spotify"),
        ("omg just talked to the recruiter from deloitte, her name is Hannah Schmidt", "Hannah Schmidt", "recruiter",
         "deloitte"),
        ("spoke w/ 2 ppl from spotify: Elin Johansson (UX researcher) + her manager Karl", "Karl", "manager",
         "spotify"),
        ("Sr. Alvarez of the embassy say the documents is ready", "Alvarez", "", "embassy"),
        ("Jae's boss Minji Kang is head of design at kakao", "Minji Kang", "head of design", "kakao"),
        ("her sister Grace runs a bakery", "Grace", "bakery owner", ""),
        ("between patients - spoke w Lena @ Coastline Dental Lab on the phone", "Lena", "", "Coastline Dental Lab"),
        ("bank. Raymond Ochoa @ First Community, SBA loan officer", "Raymond Ochoa", "SBA loan officer",
         "First Community"),
        ("party: Dieter Vogel (Match Factory, acquisitions), Lina Haddad (Doha Film Inst, grants)", "Dieter Vogel",
         "acquisitions", "Match Factory"),
        ("party: Dieter Vogel (Match Factory, acquisitions), Lina Haddad (Doha Film Inst, grants)", "Lina Haddad",
         "grants", "Doha Film Inst"),
        ("open house was dead except Nina (didnt get last name) - nurse at St. Luke's", "Nina", "nurse", "St. Luke's"),
        ("Lab visit from Emmanuel Nwosu (PhD, Univ of Lagos)", "Emmanuel Nwosu", "", "University of Lagos"),
        ("Met 3 persons - Mr. Joshi from Barclays (Sr. VP, did not get first name)", "Joshi", "Senior VP", "Barclays"),
    ],
)
def test_role_and_company_are_read_apart(line, who, role, company):
    got_role, got_company = job(line, who)
    assert (got_company, got_role if role else "") == (company, role)


@pytest.mark.parametrize(
    ("line", "who", "role"),
    [
        ("Met Sneha Kulkarni at the NASSCOM event. She is Sr. Manager at Persistent.", "Sneha Kulkarni",
         "Senior Manager"),
        ("met Ana at the expo, she is Sr. Director at Acme", "Ana", "Senior Director"),
    ],
)
def test_senior_before_a_job_is_no_one(line, who, role):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None
    assert [(p.name, p.role) for p in meeting.people] == [(who, role)]


def test_a_title_after_a_stop_keeps_the_promise_and_the_job_whole():
    line = (
        "Darlene Fitch, president of the Eastgate assn, re: speeding on Alder Ave. Requests a traffic calming study. "
        "Committed to forwarding her request to Dir. Huang at DOT by Fri"
    )
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and [p.name for p in meeting.people] == ["Darlene Fitch"]
    assert meeting.people[0].company != "DOT by Fri"
    assert meeting.facts.promises == ["forward her request to Dir. Huang at DOT"]


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("Met Kenji Sato @ Rust meetup, staff eng at Cloudflare", "Rust meetup"),
        ("lunch w Ana Ruiz @ Uchi, she's a PM", "Uchi"),
    ],
)
def test_at_an_event_or_a_meal_out_is_where_they_met_not_their_company(line, where):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.context == where
    assert meeting.people[0].company != where


def test_both_at_a_company_gives_it_to_each():
    meeting = understand("Liam Murphy + his sis Aoife, both at intercom. drinks thu", TODAY).meeting
    assert meeting is not None and [p.company for p in meeting.people] == ["intercom", "intercom"]


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("omg Arjun from the devops meetup is Neha's brother", "the devops meetup"),
        ("Ewa from the 7:40 train - her hubby Piotr does payroll software", "the 7:40 train"),
        ("yesterday in the meetup of python i know Aylin Kaya", "python meetup"),
        ("bridal show at the convention center 🎉 booth next to Carlos Diaz, a DJ", "the convention center"),
        ("Yesterday Kakao lunch was good. Steve Han show me their roadmap", "Kakao lunch"),
        ("131530FEB26 - coffee @ Dunkin off Hwy 190 w/ Marcus Tillman, buddy from 1st Cav days", "Dunkin off Hwy 190"),
        ("open house @ 42 maple: the Garcias (Luis & Marta) relocating", "open house at 42 maple"),
    ],
)
def test_where_they_were_is_kept_in_the_users_words(line, where):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.context == where


def test_between_appointments_before_a_dash_is_when_not_where():
    meeting = understand("between pts - spoke w Lena @ Coastline Dental Lab on phone. crowns by wed", TODAY).meeting
    assert meeting is not None and meeting.context == "" and meeting.people[0].company == "Coastline Dental Lab"


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("kickoff @ Halvorsen. new face: plant mgr Gustavo Reyes (Monterrey site), hates consultants lol",
         "Gustavo Reyes", "plant manager", "Monterrey site"),
        ("venue walkthru @ The Glasshouse w/ the venue mgr Derek Oyelaran. lighting is BRUTAL", "Derek Oyelaran",
         "venue manager", ""),
        ("Yesterday at the ESD dinner I sat next to Raj Patel, he is professor at Lawrence Tech", "Raj Patel",
         "professor", "Lawrence Tech"),
        ("QBR prep w/ our CS lead Tasha, who i'd never met lol", "Tasha", "CS lead", ""),
        ("new produce rep from Fresh Point - Danny Ruiz. says they can beat sysco", "Danny Ruiz", "new produce rep",
         ""),
    ],
)  # fmt: skip
def test_the_words_before_a_name_give_the_job_said_right_before_it_never_their_first_words(line, who, role, company):
    assert job(line, who) == (role, company)


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("Golf this morning with Ray Pruitt, who owns the Ford dealership on Route 9.", "Ray Pruitt", "owner",
         "the Ford dealership on Route 9"),
        ("met Ana Diaz, she owns a food truck", "Ana Diaz", "food truck owner", ""),
        ("After 2nd service talked to Pastor Jim Whitley about the spring food drive", "Jim Whitley", "pastor", ""),
        ("met Prof. Anna Berg at the seminar", "Anna Berg", "professor", ""),
    ],
)  # fmt: skip
def test_owning_a_business_or_a_title_that_says_the_work_is_the_job(line, who, role, company):
    assert job(line, who) == (role, company)


def test_a_doctor_is_no_job_of_its_own():
    assert job("met Dr. Ana Ruiz at the clinic", "Ana Ruiz") == ("", "")


@pytest.mark.parametrize(
    ("line", "company"),
    [
        ("phone screen w nina patel recuiter at stripe went ok next round is design", "stripe"),
        ("LinkedIn back-and-forth with Kevin Tran (Scientist I at Vertex; we overlapped at a summer school)", "Vertex"),
        ("coffee with Margaret Ellison, who was the principal at Lincoln High when I taught there", "Lincoln High"),
        ("phone screen w/ Marisol Duarte, talent acq @ HCA ✔ 2nd rd w/ hiring mgr", "HCA"),
    ],
)
def test_a_company_ends_where_a_new_clause_or_a_picture_starts(line, company):
    meeting = understand(line, date(2026, 3, 4)).meeting
    assert meeting is not None and meeting.people[0].company == company


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("greenleaf mtg done. Tom Reyes (MP) + Alisha Grant (assoc). 400k for 20%", "Tom Reyes", "MP", "greenleaf"),
        ("Met 2 new people: Yaw Mensah (Ghanaian, junior dev for SoundCloud) and Ifeoma Eze (data engineer at Trade "
         "Republic)", "Yaw Mensah", "junior developer", "SoundCloud"),
        ("call w/ Rachel Kim CPA re: taxes, ref'd by Dominguez", "Rachel Kim", "CPA", ""),
        ("coffee w sarah kim from figma shes design manager on devmode team", "Sarah Kim", "", "figma"),
    ],
)  # fmt: skip
def test_a_job_said_in_shorthand_or_beside_where_they_are_from_is_their_job(line, who, role, company):
    meeting = understand(line, date(2026, 3, 4)).meeting
    assert meeting is not None
    person = next(p for p in meeting.people if p.name == who)
    assert (person.role, person.company) == (role, company)


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("tasting w/ Whole Foods regional buyer Karen Liu - she loved the smoked habanero", "Karen Liu",
         "regional buyer", "Whole Foods"),
        ("coffee w/ Sysco area rep Pat Moreno", "Pat Moreno", "area rep", "Sysco"),
        ("call w/ Google recruiter Amy Chen tmrw", "Amy Chen", "recruiter", "Google"),
    ],
)  # fmt: skip
def test_a_firm_and_the_job_there_said_before_the_name_are_theirs(line, who, role, company):
    meeting = understand(line, date(2026, 3, 4)).meeting
    assert meeting is not None
    assert [(p.name, p.role, p.company) for p in meeting.people][:1] == [(who, role, company)]


def test_a_name_and_a_tie_or_a_possessive_before_a_name_are_no_firm():
    meeting = understand("Met Raj and his cofounder Mei at YC demo day", date(2026, 3, 4)).meeting
    assert meeting is not None and [p.name for p in meeting.people] == ["Raj", "Mei"]
    meeting = understand("Raj's manager Sophie Turner called, wants the take-home back", date(2026, 3, 4)).meeting
    assert meeting is not None and meeting.people[0].company == ""


def test_the_job_in_brackets_after_a_relative_found_mid_line_is_theirs_not_the_one_they_are_tied_to():
    line = ("Luis quote came in, way too high. got on the phone w/ his boss Rita Feld (VP sales at Pacific) - she'll "
            "drop to 1.85 if I commit to 3 runs")  # fmt: skip
    meeting = understand(line, date(2026, 3, 4)).meeting
    assert meeting is not None
    jobs = {p.name: (p.role, p.company) for p in meeting.people}
    assert jobs == {"Luis": ("", ""), "Rita Feld": ("VP sales", "Pacific")}
    both = understand("Aarav + Ishita Kapoor (married, both designers at swiggy)", date(2026, 3, 4)).meeting
    assert both is not None and all(p.role == "designer" for p in both.people)


def test_a_job_in_a_list_ends_before_the_semicolon_and_a_firm_of_several_words_is_whole():
    from bot.coach.reading.capture import understand

    day = date(2026, 9, 10)
    people = understand("Present: Ms. Karen Liu, VP Development; Mr. Josh Adeyemi, counsel", day).meeting.people
    assert people[0].name == "Karen Liu" and people[0].role == "VP Development"
    line = "Call with Harold Baptiste of the County Transportation Authority concerning the bus rapid transit alignment"
    [harold] = understand(line, day).meeting.people
    assert harold.company == "County Transportation Authority"


def test_a_bracket_with_a_job_at_a_firm_and_asides_keeps_the_job_and_the_firm():
    from bot.coach.reading.capture import understand

    line = "Meet 3 people: Jessica Alvarado (Grant Thornton, recruiter), Kevin Do (staff tax at KPMG, also Vietnamese, "
    line += "very friendly), and one guy from Moss Adams"
    people = {p.name: p for p in understand(line, date(2026, 4, 23)).meeting.people}
    assert (people["Kevin Do"].role, people["Kevin Do"].company) == ("staff tax", "KPMG")


@pytest.mark.parametrize(
    ("line", "company"),
    [
        ("Call w/ Wayfair recruiting - Nadia Perez + Omar Diaz, both keen on my portfolio", "Wayfair"),
        ("Panel interview with Medtronic done. Nadia Perez (hiring mgr) and Omar Diaz asked about Python", "Medtronic"),
        ("Pitch meeting with Sequoia: Nadia Perez and Omar Diaz want our churn numbers", "Sequoia"),
        ("intro call w Plaid today - Nadia Perez, Omar Diaz. they need a partner for KYC", "Plaid"),
        ("brightwave onsite done. Nadia Perez + Omar Diaz grilled me on SQL", "brightwave"),
    ],
)
def test_an_organisation_met_with_before_the_people_is_where_each_of_them_works(line, company):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None
    assert [(p.name, p.company) for p in meeting.people] == [("Nadia Perez", company), ("Omar Diaz", company)]


@pytest.mark.parametrize(
    "line",
    [
        "Zoom w/ Nadia Perez, she wants my deck",
        "Drinks with Boston friends - Nadia Perez and her husband Omar",
        "Board mtg: Nadia Perez asked for the Q3 numbers",
        "coffee with Nadia Perez at Blue Bottle, she is a designer",
    ],
)
def test_a_tool_a_city_or_a_common_word_met_with_is_no_company(line):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None
    assert meeting.people[0].company == ""


@pytest.mark.parametrize(
    ("line", "role", "company"),
    [
        ("met Dr. Ines Kohl (PI, cardiology trials) at the ASCO poster hall", "PI", ""),
        ("met Dr. Ines Kohl (buyer, migros zurich) at the fair", "buyer", "migros zurich"),
    ],
)
def test_what_they_work_on_after_their_job_in_brackets_is_no_company(line, role, company):
    assert job(line, "Ines Kohl") == (role, company)


def test_a_job_said_with_their_before_the_person_met_is_theirs_and_no_tie_to_themselves():
    meeting = understand("zentrix kickoff on zoom, finally met their CFO Dana Wolfe, big on budgets", TODAY).meeting
    assert meeting is not None
    assert meeting.people[0].company == "zentrix"
    assert meeting.mentioned == [] and meeting.people[0].link_to == ""
    assert meeting.people[0].role == "CFO"


@pytest.mark.parametrize(
    ("line", "who", "company", "where"),
    [
        ("Rosa Mendez at Kaiser - knows my aunt, wants to help with referrals", "Rosa Mendez", "Kaiser", ""),
        ("Called Nadia at Bright Path Foods (buyer) - they'll stock 2 flavours", "Nadia", "Bright Path Foods", ""),
        ("Rosa Mendez at RubyConf, loves climbing", "Rosa Mendez", "", "RubyConf"),
        ("met Rosa Mendez at Kaiser, loves climbing", "Rosa Mendez", "", "Kaiser"),
    ],
)
def test_a_line_opening_with_someone_at_an_organisation_says_where_they_work(line, who, company, where):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None
    assert (job(line, who)[1], meeting.context) == (company, where)


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("coffee w Lena Hart, CFO Zentrix, wants our pricing", "Lena Hart", "CFO", "Zentrix"),
        ("zoom w Lena Hart (VP Design Brightwave) - liked my case study", "Lena Hart", "VP Design", "Brightwave"),
        ("met Lena Hart, Forrester analyst, covers CX", "Lena Hart", "analyst", "Forrester"),
        ("met Lena Hart, PM Payments, wants a demo", "Lena Hart", "PM Payments", ""),
        ("met Lena Hart (SDE II), she'll refer me", "Lena Hart", "SDE II", ""),
        ("met Lena Hart, Agile coach, freelance", "Lena Hart", "Agile coach", ""),
    ],
)
def test_a_firm_named_beside_a_job_without_at_is_their_company(line, who, role, company):
    assert job(line, who) == (role, company)


@pytest.mark.parametrize(
    ("line", "who", "company"),
    [
        ("rosa at pinnacle freight said shell hold 3 flatbeds for me", "Rosa", "pinnacle freight"),
        ("new broker dave moss at keystone logistics needs 2 reefers a week", "Dave Moss", "keystone logistics"),
        ("talked to tim at bluewave he can cover the dallas lanes", "Tim", "bluewave"),
        ("jane at the gym said hi", "Jane", ""),
    ],
)
def test_a_line_typed_in_lower_case_opening_with_someone_at_a_firm_says_where_they_work(line, who, company):
    assert job(line, who)[1] == company


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("Zoom w/ Dr. Ines Kohl, dean at Lakeview College (3 hrs away, but the pay is good)", "Ines Kohl", "dean",
         "Lakeview College"),
        ("Wendy (Kiln) - 2nd mtg w the partners. Qs: warranty reserve, degradation curve at yr 8.", "Wendy", "",
         "Kiln"),
    ],
)
def test_how_far_away_and_a_year_are_no_job_or_firm(line, who, role, company):
    assert job(line, who) == (role, company)


def test_a_contraction_after_a_name_is_the_next_clause_not_a_surname():
    meeting = understand("Told Priya I'd answer by 3/20. call w the lawyer tmrw", TODAY).meeting
    assert [p.name for p in meeting.people] == ["Priya"]


@pytest.mark.parametrize(
    ("line", "who", "role", "company"),
    [
        ("call with Dan Kim, team lead at AbCellera (Li Na introduce), 30 min", "Dan Kim", "team lead", "AbCellera"),
        ("ran into Jeff Moreno + his wife Lisa. lisa is the AD's sister lol", "Lisa", "", ""),
    ],
)
def test_who_introduced_them_or_whose_sister_they_are_is_no_job_or_firm(line, who, role, company):
    assert job(line, who) == (role, company)


def test_an_amount_is_no_place():
    meeting = understand("TS from Basalt!! $9M @ $42M pre. Told Priya I'd answer by 3/20", TODAY).meeting
    assert meeting is not None and not meeting.context.startswith("$")


@pytest.mark.parametrize(
    ("line", "way"),
    [
        ("Interviewed w Lisa Chen + the director for the fall slot", "interview"),
        ("informational interview with Margaret Olsen, UX researcher at Epic", "informational interview"),
        ("Lunch today w/ Kayla Nguyen, she'll send the posting", "lunch"),
        ("Drinks after strike w/ Nadia Osei, she's directing in the fall", "drinks"),
        ("GA job open, interview 3/18 on zoom w/ Darnell Price", "Zoom"),
    ],
)
def test_an_interview_held_or_a_meal_said_with_its_day_is_how_they_met(line, way):
    meeting = understand(line, TODAY).meeting
    assert meeting is not None and meeting.way == way


def test_a_line_opening_with_an_organisation_and_its_meeting_names_no_one_and_gives_where_they_work():
    line = "Cascade Valley first-round zoom w/ Neil Sutton. Neil asked for a sample syllabus"
    meeting = understand(line, TODAY).meeting
    assert meeting is not None
    assert [(p.name, p.company) for p in meeting.people] == [("Neil Sutton", "Cascade Valley")]


def test_news_of_a_meeting_is_no_promise():
    meeting = understand("Mike Dunn call went well, he wants a proposal", TODAY).meeting
    assert meeting is not None and meeting.promises_of(meeting.people[0]) == []


def test_whose_spouse_they_are_in_brackets_with_the_owners_title_is_a_tie_not_a_firm():
    meeting = understand("Coffee w/ Denise Grant, chair of the Conservancy (Alderman Grant's wife), at Rosa's", TODAY)
    denise = meeting.meeting.people[0]
    assert denise.company != "Alderman Grant's wife" and denise.link_to == "Grant"
