"""The grammar of a phrase said to the user: who it is about (persons and pronouns), verb forms, articles,
days in words, and a note's third person turned into the second.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from bot.coach.reading.boundaries import NEEDS_MORE, cut
from bot.coach.reading.dates import how_long, when_in_words
from bot.coach.reading.given_names import is_compound_given_name, is_given_name
from bot.coach.reading.shorthand import article, company_name, tidy
from bot.coach.reading.verbs import gerund, plain_verb
from bot.coach.reading.ways import MEALS
from bot.coach.reading.work import a_place
from bot.store.records import Fact, titled

if TYPE_CHECKING:
    pass

# -- who we are talking to -------------------------------------------------------------------------------------


class Person(NamedTuple):
    """Who a sentence is about: ``YOU`` (a note to them) or a name and pronoun (a nudge to the user)."""

    name: str  # "" for YOU
    pronoun: str = "they"  # "she" | "he" | "they"

    @property
    def is_you(self) -> bool:
        return not self.name


YOU = Person("")

_FORMS = {  # pronoun -> (subject, object, possessive, reflexive, "is")
    "you": ("you", "you", "your", "yourself", "are"),
    "she": ("she", "her", "her", "herself", "is"),
    "he": ("he", "him", "his", "himself", "is"),
    "they": ("they", "them", "their", "themselves", "are"),
}


# -- turning the note's third person into the second ---------------------------------------------------------







# -- 3. saying -------------------------------------------------------------------------------------------------


def when(fact: Fact, today: date) -> str:
    """When the fact was learned, as it fits after a clause: "last Tuesday", "yesterday", "in March"; "" unknown."""
    try:
        day = date.fromisoformat(fact.on[:10])
    except ValueError:
        return ""
    return day_in_words(day, today) if day <= today else ""


def day_in_words(day: date, today: date) -> str:
    """Like when_in_words, but a weekday before this week's Monday is "last Tuesday" rather than "on Tuesday"."""
    days = (today - day).days
    if 2 <= days <= 6 and day.weekday() >= today.weekday():
        return "last " + when_in_words(day, today).removeprefix("on ")
    return when_in_words(day, today)


def since(day: date, today: date) -> str:
    """How long ago, as in "it's been {since}": "a few weeks"."""
    return how_long(day, today)


def _forms(person: Person) -> tuple[str, str, str, str, str]:
    return _FORMS["you" if person.is_you else person.pronoun if person.pronoun in _FORMS else "they"]


def _voice(phrase: str, person: Person) -> str:
    """Slots are stored speaking to the person ("your own studio"); about them, "your" becomes "her"."""
    if person.is_you:
        return phrase
    _, obj, pos, refl, _ = _forms(Person(person.name, person.pronoun))
    phrase = re.sub(r"\byourself\b", refl, phrase)
    phrase = re.sub(r"\byours\b", pos if pos != "her" else "hers", phrase)
    phrase = re.sub(r"\byour\b", pos, phrase)
    return re.sub(r"(?<!thank )(?<!thank-)\byou\b", obj, phrase)  # "a thank-you note" is no one's


_PLACE_DAY = re.compile(
    r"\s+(?:on\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?|on\s+\w+day|last\s+\w+|this\s+\w+|yesterday|today|tonight)$",
    re.IGNORECASE,
)


def place_words(where: str) -> str:
    """A meeting place as it sits after "at": at most a few words, never a whole sentence, shorthand spelled out,
    and without a day of its own ("the career fair on the 3rd"), since a message says when relative to today."""
    words = _PLACE_DAY.sub("", tidy(where.strip().rstrip(".,;:"))).split()
    if words and words[0].lower() == "at":
        words = words[1:]
    while words and (words[-1].lower() in NEEDS_MORE or words[-1].lower() in ("after", "before", "during", "near")):
        # "church the" (before "Pastor Emmanuel"), "the Hilton bar after": never "at church the"
        words.pop()
    words = words if len(" ".join(words)) <= 40 else cut(" ".join(words), 4).split()  # where a phrase ends
    place = " ".join(words)
    if place.lower() in _DAYS_ONLY:  # "saturday" read as where: a day is when, and the message says when
        return ""
    if place.islower():
        city = city_written(place)
        if city:  # "busan" -> "Busan", "sao paulo" -> "São Paulo"
            return city
    # The event itself, whole or before where it was ("design meetup | at Figma office"), its last word in lower case
    # naming a kind of event: "the Rust meetup", "the YC dinner"; "Web Summit" is a name, "at lunch" is said bare.
    heads = [words[:n] for n in range(1, len(words)) if words[n].lower() in ("at", "in", "on", "near", "@")]
    if not any(w.lower() in ("at", "@") for w in words):  # "met 3 people at the mixer" is no event's name
        heads.append(words)
    possessive = any(w.endswith(("'s", "’s")) for w in words)  # "at grandma's house", never "the grandma's"
    if words and not possessive and words[0].lower() not in _DETERMINERS and words[0][:1].isalnum() and any(
        head[-1].islower()
        and (head[-1] in _EVENTS or " ".join(head[-2:]) in _EVENTS or (len(head) > 1 and head[-1] in _SAID_BARE_ALONE))
        for head in heads
    ):
        return f"the {place}"  # "design meetup" -> "the design meetup", as "at soccer practice" stays
    return place


# A day read as where they met: no place.
_DAYS_ONLY = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight", "yesterday",
     "weekend", "the weekend", "this morning", "this afternoon", "this evening", "last night"]
)  # fmt: skip
# Said bare alone ("at lunch", "at church") but with "the" once named ("at the YC dinner", "at the farmers market").
_SAID_BARE_ALONE = frozenset(["dinner", "lunch", "breakfast", "brunch", "market", "stall", "table", "bar", "cafe",
                              "café", "booth", "night"])  # fmt: skip
# Events said with "the" after "at" when typed bare: "at the design meetup", "at the uxpa mixer".
_EVENTS = frozenset(
    ["meetup", "mixer", "conference", "conf", "summit", "party", "afterparty", "gala", "fair", "expo", "workshop",
     "reception", "fundraiser", "hackathon", "panel", "keynote", "offsite", "retreat", "convention", "symposium",
     "bootcamp", "demo", "showcase", "launch", "festival", "event", "drinks", "social", "networking", "happy hour",
     "walk", "house", "day", "screen", "visit", "talk", "onsite", "wedding", "tasting", "interview", "tour",
     "lecture", "seminar", "webinar", "session", "training", "forum", "learn", "prep", "kickoff", "reunion",
     "ceremony", "shower", "bbq", "barbecue", "picnic", "potluck", "concert", "show", "game", "match", "screening",
     "meeting"]
)  # fmt: skip


def at_place(where: str) -> str:
    """Where they met, with the word before it: "at the design meetup", "at soccer practice", "in Lisbon"; "" for
    nowhere."""
    place = place_words(where)
    if not place:
        return ""
    return f"in {place}" if city_written(place.lower()) or a_place(place) else f"at {place}"  # "in Akron"


_MESSAGE_WAYS = {"email": "over email", "text": "over text", "message": "over messages", "dm": "over DMs"}


def over_way(way: str) -> str:
    """How they met, said in a note: "over coffee", "on our Zoom call", "on Zoom", "over email", "on LinkedIn",
    "at our meeting"; "" for no way."""
    low = way.strip().lower()
    if not low:
        return ""
    meal = low.removesuffix(" chat")  # "coffee chat": over coffee
    if meal in MEALS:
        return "at happy hour" if meal == "happy hour" else f"over {meal}"
    if low in _MESSAGE_WAYS:
        return _MESSAGE_WAYS[low]
    if low.endswith(("call", "chat")):
        return "on our call" if low in ("call", "phone call", "chat", "phone chat") else f"on our {way.strip()}"
    if low.endswith((" dm", " message")):  # "LinkedIn DM": on LinkedIn
        return f"on {way.strip().rsplit(' ', 1)[0]}"
    if low.endswith(("meeting", "mtg", "interview")):
        return f"at our {low.replace('mtg', 'meeting')}"  # "at our interview", "at our informational interview"
    return f"on {way.strip()}"  # "Zoom", "LinkedIn", "WhatsApp"


def city_written(place: str) -> str:
    """A city the time zone database names, typed in lower case, with its capitals ("lisbon" -> "Lisbon", "sao
    paulo" -> "Sao Paulo", as the reader writes "in berlin"); "" for any other place."""
    from bot.coach.reading.places import city_names

    if place.replace("-", " ") not in city_names():
        return ""
    return " ".join(w[:1].upper() + w[1:] for w in place.split())


def said_about(phrase: str, person: Person) -> str:
    """A slot (said to them: "feedback on your CV") said about them to the user: "feedback on their CV"."""
    return _voice(phrase, person)


def _subject(person: Person) -> str:
    return "you" if person.is_you else person.name


def _be(person: Person) -> str:
    return "'re" if person.is_you else "'s"  # "you're", "Lisa's": a named subject is one person


def _gerund(verb: str) -> str:
    """ "launched" -> "launching", "ran" -> "running", "copied" -> "copying"."""
    low = verb.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low.endswith("ied"):
        return low[:-3] + "ying"
    if low.endswith("eed"):
        return low[:-1] + "ing"
    if low.endswith("ed"):
        stem = low[:-2]
        if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":  # "shipped" -> "shipping"
            return stem[:-1] + "ing"
        return stem + "ing"
    return low + "ing"


_IRREGULAR = {
    "sent": "sending", "gave": "giving", "took": "taking", "made": "making", "told": "telling", "lent": "lending",
    "got": "getting", "found": "finding", "wrote": "writing", "bought": "buying", "paid": "paying",
    "put": "putting", "taught": "teaching", "brought": "bringing", "met": "meeting", "spent": "spending",
    "let": "letting", "read": "reading", "saw": "seeing", "did": "doing", "came": "coming", "went": "going",
    "kept": "keeping", "held": "holding", "set": "setting", "ran": "running", "drove": "driving", "won": "winning",
    "sold": "selling", "became": "becoming", "had": "having", "built": "building", "began": "beginning",
    "grew": "growing", "led": "leading", "hit": "hitting", "raised": "raising", "closed": "closing",
    "released": "releasing", "completed": "completing", "received": "receiving", "earned": "earning",
    "finished": "finishing", "launched": "launching", "published": "publishing", "shipped": "shipping",
    "started": "starting", "founded": "founding", "opened": "opening", "landed": "landing", "exited": "exiting",
    "reviewed": "reviewing", "introduced": "introducing", "shared": "sharing", "agreed": "agreeing",
    "proofread": "proofreading", "helped": "helping", "connected": "connecting", "invited": "inviting",
    "recommended": "recommending", "hosted": "hosting", "referred": "referring", "vouched": "vouching",
    "copied": "copying", "chatted": "chatting", "advised": "advising", "explained": "explaining",
}  # fmt: skip


def _the(what: str) -> str:
    """ "your own ceramics studio" -> "the ceramics studio", "a seed round" -> "the seed round"."""
    return re.sub(r"^(?:your\s+own|your|her|his|their|an?)\s+", "the ", what, flags=re.IGNORECASE)


def _own(what: str, verb: str) -> str:
    """After a verb that makes the thing theirs, "a" becomes "your": "raised a seed round" -> "raising your seed
    round"; "won an award" keeps its article."""
    if verb in ("launched", "raised", "published", "founded", "started", "opened", "closed", "released", "shipped",
                "built", "wrote", "finished", "completed", "sold"):  # fmt: skip
        return re.sub(r"^an?\s+(?=\S)", "your ", what, flags=re.IGNORECASE)
    return what


def _a(role: str) -> str:
    """A role as it follows "as": "engineering manager" -> "an engineering manager", "UX designer" -> "a UX
    designer"; a title one holds alone ("CTO", "Head of Design", "VP of Sales") and a role with its own article or
    a plural ("a designer", "designers") stay as they are."""
    words = role.split()
    if not words:
        return role
    low = words[0].lower()
    if low in _DETERMINERS or low in _TITLES or " of " in role.lower() or (words[0].isupper() and len(words) == 1):
        return role
    if words[-1].lower().endswith("s") and not words[-1].lower().endswith(("ss", "ics")) and words[-1].islower():
        return role  # "designers", "sales" reads as a trade: "as sales" is rare; plural people stay bare
    return f"{article(role)} {role}"


_DETERMINERS = frozenset(["a", "an", "the", "my", "your", "his", "her", "their", "our", "its"])
# Titles held by one person at a place: said bare after "as" ("as CTO", "as head of growth").
_TITLES = frozenset(
    ["head", "chief", "vp", "svp", "evp", "president", "chair", "chairman", "chairwoman", "chairperson", "ceo", "cto",
     "cfo", "coo", "cmo", "cpo", "ciso", "cio", "director", "principal", "dean", "provost", "mayor"]
)  # fmt: skip


def company_written(name: str) -> str:
    """A company as a draft writes it: as the user typed it when they used capitals ("LoopCart", "ING"); typed in
    lower case, a known company's own spelling ("openai" -> "OpenAI", "google" -> "Google") and any other in title
    case ("riot games" -> "Riot Games", "loopcart" -> "Loopcart"). A word with digits stays as typed ("a16z")."""
    if not name.islower():
        return name
    words = name.split()
    if len(words) == 1:
        return name if any(c.isdigit() for c in name) else company_name(name)
    # Inside a longer name a kind of place is a word of the name: "lagos business school" -> "Lagos Business School";
    # the small words stay small, a leading "the" too, since it is said in a sentence ("at the School of Life").
    return " ".join(
        w if any(c.isdigit() for c in w) or (w in _SMALL_WORDS and (n or w == "the")) else _name_word(w)
        for n, w in enumerate(words)
    )


_SMALL_WORDS = frozenset(["the", "of", "and", "for", "de", "da", "do", "la", "le", "du", "des", "von", "van", "y", "&"])


def _name_word(word: str) -> str:
    spelled = company_name(word)
    return word[:1].upper() + word[1:] if spelled.lower() != word.lower() else spelled


def addressed(name: str, title: str = "") -> str:
    """Who a note greets: ``greeting_name``, or with their title when all the notebook has is a family name ("Dr.
    Hoffmann", "Sr. Alvarez", "Prof. Mwangi"): never "Hi Hoffmann"."""
    words = name.split()
    if title and len(words) == 1 and not is_given_name(words[0]):
        return titled(title, words[0])
    return greeting_name(name)


def greeting_name(name: str) -> str:
    """The name to greet someone by: their first name, or both words of a two-word first name ("Mei Lin", "Ana
    Paula", "Jean-Baptiste"): one the name dictionary lists whole ("Mei Lin", "Xiao Ming"), or two first names of
    the same kind where the first is one that is often doubled ("Ana Paula Souza", "Maria José")."""
    words = name.split()
    if len(words) < 2:
        return words[0] if words else ""
    first, second = words[0], words[1]
    if is_compound_given_name(first, second):
        return f"{first} {second}"
    return first


def _third_person(verb: str) -> str:
    """ "review" -> "reviews", "coach" -> "coaches", "fly" -> "flies"."""
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


# Words that end a noun phrase's head and start what qualifies it: "my article | on arbitration clauses".
_AFTER_HEAD = frozenset(["of", "on", "for", "about", "from", "with", "in", "to", "re", "by", "at", "that", "which",
                         "who", "before", "after", "i", "we"])  # fmt: skip


# How many, not which ones: "a couple of my older students", "a few names".
HOW_MANY = re.compile(r"an?\s+(?:couple|few|lot|bunch|handful|pair|number|dozen)\b", re.IGNORECASE)


def _plural(thing: str) -> bool:
    """ "the slides", "my notes" are plural; "the Ferrazzi book", "the address" are not, nor is "my article on
    arbitration clauses" (its head is "article") or "the quote on 500 units"."""
    words = thing.split()
    if re.match(HOW_MANY.pattern + r"\s+of\s", thing, re.IGNORECASE):
        return True  # "a couple of my older students": the students
    ends = next((n for n in range(1, len(words)) if words[n].lower() in _AFTER_HEAD), len(words))
    if any(w.lower() in ("and", "&", "+") for w in words[1 : ends - 1]):
        return True  # "the API docs and pricing": two things ("the list of nurses and doctors" is one)
    head = words[ends - 1] if words else ""
    last = head.lower()
    return last.endswith("s") and not last.endswith(("ss", "us", "is")) and last[:1].islower()


def as_role(role: str) -> str:
    """A role after "your work": "as a designer", "as CTO"; a role typed as what they do ("runs the imaging core",
    "does grant writing", "coaches the U12s") said as doing it: "running the imaging core"."""
    words = role.split()
    lemma = plain_verb(words[0]) if len(words) > 1 and words[0].islower() and words[0].endswith("s") else ""
    if (lemma and words[0] == _third_person(lemma)) or (lemma, words[0]) == ("do", "does"):
        return " ".join([gerund(lemma) or lemma + "ing", *words[1:]])
    return f"as {_a(role)}"
