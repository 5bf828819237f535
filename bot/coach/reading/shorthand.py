"""What people type on phones, made fit to say: "w/" -> "with", "ppl" -> "people", "ai stuff" -> "AI", and an
article where a bare role needs one ("hiring designer" -> "hiring a designer").

Needs, offers, interests and goals reach the coach as typed, in shorthand. A sentence the coach writes around them
must still read as English (docs/coaching.md, "Respecting attention", Words), so the facts layer (facts.py) runs
every such piece through ``tidy`` before it is said. Pure: plain string work, no state.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import inflect

from bot.coach.reading.places import city_names


def _set(words: str) -> frozenset[str]:
    """A word set written as one string."""
    return frozenset(words.split())


_SHORTHAND = {
    "w/": "with",
    "u": "you",
    "ur": "your",
    "w/o": "without",
    "ppl": "people",
    "abt": "about",
    "thru": "through",
    "&": "and",
    "+": "and",
    "b/c": "because",
    "bc": "because",
    "yrs": "years",
    "#s": "numbers",
    "govt": "government",
    "mgmt": "management",
    "intl": "international",
}
# Lowercase as typed -> as written. Only words that are never ordinary English words ("us", "it" are not here).
_ACRONYMS = {
    word.lower(): word
    for word in _set(
        """AI ML VC VCs UX UI PM PMs CTO CEO CFO COO CMO CPO VP VPs B2B B2C SaaS SEO F1 API APIs HR NYC LLM
        LLMs GTM QA iOS DevOps NLP CRM MBA PhD MVP IPO ESG NGO NGOs AWS GCP SQL K8s DTC D2C NFT NFTs CV CVs"""
    )
}
# Companies whose names are not written the way a capital first letter would write them ("openai" is OpenAI, not
# Openai). Lowercase as typed -> as written; only names that are not ordinary words.
_COMPANIES = {
    word.lower(): word
    for word in _set(
        """OpenAI GitHub GitLab LinkedIn YouTube PayPal IBM McKinsey JPMorgan HubSpot DoorDash WhatsApp TikTok DeepMind
        SpaceX eBay BlackRock SoftBank WeWork FedEx ByteDance CrowdStrike ServiceNow DocuSign DigitalOcean HashiCorp
        PagerDuty JetBrains DuckDuckGo MongoDB HSBC KPMG PwC BCG UBS SAP AMD BMW NASA IKEA AstraZeneca GlaxoSmithKline
        GSK SoundCloud SurveyMonkey ZipRecruiter ClickUp MailerLite PlayStation iRobot"""
    )
}
# Tools and languages people name in lower case, written as their makers write them ("a react native developer" ->
# "a React Native developer"); only names that are not also everyday words ("react", "go", "rust" are left alone).
_PRODUCTS = {
    name.lower(): name
    for name in (
        "React Native", "JavaScript", "TypeScript", "Python", "Kubernetes", "Figma", "Salesforce", "Shopify",
        "WordPress", "Webflow", "Tableau", "PostgreSQL", "MySQL", "GraphQL", "Node.js", "Django", "Flutter",
        "Kotlin", "SwiftUI", "Airtable", "Jira", "Zendesk", "Terraform", "Snowflake", "Databricks",
    )
}  # fmt: skip
# Languages and peoples are written with a capital in English, however they were typed ("english classes").
_PRODUCTS |= {
    word: word.capitalize()
    for word in _set(
        """english spanish french german italian portuguese chinese mandarin cantonese japanese korean arabic hindi
        russian dutch swedish norwegian danish finnish greek turkish hebrew urdu bengali swahili yoruba igbo
        ukrainian vietnamese thai indonesian tagalog persian farsi czech hungarian romanian"""
    )
}
_PRODUCT_WORDS = re.compile(
    r"\b(" + "|".join(re.escape(k) for k in sorted(_PRODUCTS, key=len, reverse=True)) + r")\b"
)
VAGUE_TAIL = frozenset(["stuff", "things", "etc", "etc."])  # "ai stuff" -> "AI"
_DETERMINERS = _set(
    """a an the some any my your his her their our its this that these those one two three few several more
    many no every each another"""
)
# A bare singular noun naming a person one would look for: said with "a"/"an" ("a designer", "a cofounder").
_ROLE_NOUNS = _set(
    """designer engineer developer dev cofounder co-founder founder lawyer attorney accountant bookkeeper mentor
    investor advisor adviser recruiter marketer writer editor copywriter photographer videographer analyst
    scientist researcher consultant contractor freelancer intern assistant manager pm cto ceo cfo coo cmo cpo vp
    architect coach tutor agent therapist translator illustrator partner angel sponsor buyer landlord roommate
    flatmate nanny babysitter cleaner plumber electrician doctor dentist realtor broker banker trainer teacher
    programmer hire lead head director"""
)
_PREPOSITIONS = _set("with for at in from on of to who")
_VOWEL_SOUND_LETTERS = "AEFHILMNORSX"  # acronyms said letter by letter: "an ML engineer", "an SEO expert"


def tidy(text: str) -> str:
    """A typed piece, fit to say: shorthand spelled out, acronyms in capitals, no vague "stuff" at the end."""
    words = []
    for word in " ".join(text.split()).split(" "):
        core = word.rstrip(".,;:!?")
        tail = word[len(core) :]
        low = core.lower()
        if low in _SHORTHAND and not (core.isupper() and len(core) == 1):
            core = _SHORTHAND[low]  # not "U" of "the U of T career fair": a letter in capitals is a name's
        elif low in _ACRONYMS and (core.islower() or core.isupper()):
            core = _ACRONYMS[low]
        elif low in _COMPANIES and core.islower():
            core = _COMPANIES[low]
        words.append(core + tail)
    while len(words) > 1 and words[-1].lower() in VAGUE_TAIL:
        words.pop()
    said = " ".join(w for w in words if w)
    # "people at stripe": after "someone at", the word is a company (or a kind of one: "people at a fintech")
    said = _PEOPLE_AT.sub(lambda m: f"{m.group(1)} {company_name(m.group(2))}", said)
    said = _PRODUCT_WORDS.sub(lambda m: _PRODUCTS[m.group(1)], said)
    # "office space in berlin": a city the time zone database names is written with its capitals
    return _IN_CITY.sub(_city, said) if _IN_CITY.search(said) else said


_IN_CITY = re.compile(r"\b(in|from|to|near|around)\s+([a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\b")


def _city(m: re.Match[str]) -> str:
    words = m.group(2).split()
    for n in (len(words), 1):
        name = " ".join(words[:n])
        if name.replace("-", " ") in city_names():
            return f"{m.group(1)} {' '.join(w[:1].upper() + w[1:] for w in name.split())}" + m.group(2)[len(name) :]
    return m.group(0)


_PEOPLE_AT = re.compile(
    r"\b((?:someone|somebody|anyone|people|folks|friends|contacts)\s+(?:at|from))\s+([a-z][\w-]*)\b"
)


def article(phrase: str) -> str:
    """ "a"/"an" before a phrase: "an engineer", "an engineering manager", "a user researcher", "an hour", "an ML
    engineer", "a UX designer", "an 8-week course". Words are said as ``inflect`` says them; an acronym is said
    letter by letter (inflect reads "UX" and "SEO" as words), a number as its words."""
    first = phrase.split(" ", 1)[0].strip("\"'“‘(")
    if len(first) > 1 and first[:2].isupper():  # an acronym, said letter by letter
        return "an" if first[0] in _VOWEL_SOUND_LETTERS else "a"
    number = re.match(r"\d+", first)
    return _a_or_an(number.group(0) if number else first.lower())


@lru_cache(maxsize=4096)
def _a_or_an(word: str) -> str:
    said = str(_english().number_to_words(word)) if word.isdigit() else word  # "8" is said "eight": "an 8-week"
    return _english().a(said).split(" ", 1)[0] if said else "a"


@cache
def _english() -> inflect.engine:
    return inflect.engine()


def with_article(phrase: str) -> str:
    """A bare singular role gets its article: "designer" -> "a designer", "ML engineer" -> "an ML engineer";
    anything else is left as it is ("designers", "feedback", "a lawyer", "the team")."""
    words = phrase.split()
    head = words
    for n, word in enumerate(words):  # "cofounder with ML chops": the role is the part before the preposition
        if n and word.lower() in _PREPOSITIONS:
            head = words[:n]
            break
    if not head or len(head) > 3 or head[0].lower() in _DETERMINERS or head[0][:1].isdigit():
        return phrase
    if any(word.lower() in _DETERMINERS for word in head):  # "find a cofounder": it has its article already
        return phrase
    if len(head) > 1 and head[0].lower().endswith("ing"):  # "hiring designer": the role is an object, see below
        return phrase
    if not is_role(head[-1]):
        return phrase
    return f"{article(phrase)} {phrase}"


def possessive(name: str) -> str:
    """ "Oli" -> "Oli's", "James" -> "James's"."""
    return f"{name}'s"


def is_role(word: str) -> bool:
    """A singular noun naming a role: "designer", "CTO", "cofounder"."""
    low = word.lower().strip(".,")
    return low in _ROLE_NOUNS


def roles_with_article(phrase: str) -> str:
    """ "hiring designer" -> "hiring a designer", "advice on hiring designer" -> "advice on hiring a designer":
    a bare role after a word that takes an object gets its article too."""
    phrase = with_article(phrase)
    return re.sub(
        r"\b(hiring|finding|recruiting|becoming|meeting|for|as|to)\s+(\w[\w-]*(?:\s+\w[\w-]*)?)$",
        lambda m: f"{m.group(1)} {with_article(m.group(2))}" if _bare_role(m.group(2)) else m.group(0),
        phrase,
        flags=re.IGNORECASE,
    )


def _bare_role(phrase: str) -> bool:
    words = phrase.split()
    return bool(words) and words[0].lower() not in _DETERMINERS and is_role(words[-1])


# Kinds of place one works at, said with an article ("at a fintech"); any other single word after "at" is a name.
SECTORS = _set(
    """fintech fintechs startup startups scaleup scale-up bank banks agency agencies consultancy nonprofit charity
    hospital university school lab studio company firm unicorn corporate"""
)


def company_name(word: str) -> str:
    """A word typed after "at": "stripe" -> "Stripe", "openai" -> "OpenAI"; a kind of place keeps its article:
    "fintech" -> "a fintech"."""
    low = word.lower()
    if low in SECTORS:
        return f"{article(low)} {low}"
    if low in _COMPANIES and word.islower():
        return _COMPANIES[low]
    return word[:1].upper() + word[1:] if word.islower() else word
