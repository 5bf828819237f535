"""Promises and debts in words: a promise kept in the first person ("Here's the deck I mentioned"), and an open
promise or thank-you said to the user in a morning ("You promised Priya the Ferrazzi book", "reviewed your CV").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from bot.coach.reading.boundaries import NEEDS_MORE, cut
from bot.coach.reading.dates import DATE_PHRASE
from bot.coach.reading.given_names import is_given_name, pronoun_of
from bot.coach.reading.second_person import to_second_person
from bot.coach.reading.shorthand import tidy
from bot.coach.reading.slots import _clip, _pronoun
from bot.coach.saying.grammar import (
    _IRREGULAR,
    HOW_MANY,
    Person,
    _gerund,
    _plural,
    said_about,
)
from bot.store.records import Fact

# -- promises, in the first person -----------------------------------------------------------------------------


class Kept(NamedTuple):
    """A promise the user made, ready to say to the person it was made to.

    form "gift": ``what`` is a thing to hand over ("the Ferrazzi book") -> "here's the Ferrazzi book I mentioned";
    form "call": a call or meeting to set up ("a call") -> "when's good for that call?";
    form "intro": ``what`` is who to introduce them to ("Sam") -> "I'm introducing you to Sam";
    form "act": ``what`` is an action, first person, said to them ("review your CV") -> "I'll review your CV".
    """

    form: str
    what: str


_GIVE_VERBS = ("send", "share", "forward", "email", "e-mail", "pass on", "pass along", "get", "bring", "lend", "give")
_CALL_WORDS = re.compile(
    r"^(?:call|phone|ring|ping|give\s+(?:you\s+)?an?\s+(?:call|ring|buzz)|schedule\s+(?:a\s+)?(?:call|chat|meeting|coffee)|set\s+up\s+(?:a\s+)?(?:call|chat|meeting"
    r"|coffee)|book\s+(?:a\s+)?(?:call|lunch|coffee|meeting)|grab\s+(?:a\s+)?(?:coffee|lunch|drink|beer)|get\s+(?:a\s+)?"
    r"(?:coffee|lunch)|meet\s+up|(?:owe|buy)\s+you\s+(?:(?:a|an)\s+)?(?P<owed>call|coffee|lunch|dinner|breakfast|brunch|drinks?"
    r"|beers?|chat))\b",
    re.IGNORECASE,
)
_MEALS = frozenset(["breakfast", "brunch", "lunch", "dinner"])
_THING_START = ("the", "a", "an", "my", "our", "that", "this", "those", "these", "some")
_RECIPIENT = re.compile(r"^[A-Z][\w'’-]+\s+(?=(?:the|a|an|my|our|your|his|her|their|some|that|this)\s|\d)")
_INTRO = re.compile(r"^(?:intro(?:duce)?|connect)\s+(?:you\s+)?(?:to|with)\s+(?P<who>.+)$", re.IGNORECASE)
# "send intro to our CTO", "send an introduction to Maya": an intro is made, whatever verb it was typed with.
_INTRO_THING = re.compile(r"^(?:an?\s+|the\s+)?intro(?:duction)?\s+(?:to|with)\s+(?P<who>.+)$", re.IGNORECASE)
# "send her 2 case studies", "send him the deck": the pronoun is who it goes to, not whose the thing is.
_TO_PRONOUN = re.compile(
    r"^(?P<verb>(?:" + "|".join(v.replace(" ", r"\s+") for v in _GIVE_VERBS) + r")\s+)(?:her|him|them)\s+"
    r"(?=(?:\d|the\b|a\b|an\b|my\b|our\b|some\b|this\b|that\b|those\b|these\b|\w+['’]s\b))",
    re.IGNORECASE,
)
# "bring her ensaymada", "get him tickets", "buy them lunch": with these verbs the pronoun is who it is for.
_GIVEN_TO = re.compile(
    r"^(?P<verb>(?:bring|buy|get|give|lend|make|bake|cook)\s+)(?:her|him|them)\s+(?=[a-z])(?!.*\bto\s+[A-Z])",
    re.IGNORECASE,
)
# "to my boss", "to Sam", "share it with our team": someone else the thing goes to ("a guide to salary talks" is a
# thing, and "the deck with my notes" goes with them).
_TO_YOU_AND = re.compile(r"\s+(?:to|for)\s+you\s+and\s+.*$", re.IGNORECASE)
_DAY_LEADS = frozenset({"", "every", "each", "on", "by", "before", "after", "over"})


def _only_a_day(thing: str) -> bool:
    """ "every monday", "on the weekend", "tonight": when, and no thing (the day as the date reader reads it)."""
    day = DATE_PHRASE.search(thing)
    return day is not None and f"{thing[: day.start()]} {thing[day.end() :]}".strip().lower() in _DAY_LEADS
_TO_SOMEONE_ELSE = re.compile(r"\s(to|with)\s+(?:(?i:my|our|his|her|their)\s+\w|[A-Z][\w'’-]+)")
_DETERMINED = frozenset([*_THING_START, "your", "his", "her", "their", "its", "any", "both", "all", "something",
                         "anything"])  # "bring them something for the naming ceremony"  # fmt: skip


_RE_COLON = re.compile(r"\bre:\s*", re.IGNORECASE)
# "run it by Alan" keeps who it goes by; "by Friday", "by EOD" is a day, said elsewhere.
_DAYS = r"(?i:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|eo[dwm]|end|next|the\b|tom)"


def keep_words(text: str) -> Kept:
    """The promise as typed ("send her the Ferrazzi book", "I'll owe him a call re his seed round", "intro him to
    Sam") -> what to say when keeping it, in the first person, spoken to them."""
    text = tidy(re.sub(r"\s+", " ", text).strip().rstrip(".,;:!? "))  # "fwd" -> "forward", "w/" -> "with"
    text = _RE_COLON.sub("about ", text)  # "email her re: the fellowship": about it
    text = re.sub(
        r"^(?:that\s+)?(?:i'll|i’ll|i will|will|to|i|i'd|i’d|i would|i should|i need to|need to|should|we)\s+",
        "",
        text,
        flags=re.IGNORECASE,
    )  # "that I send a writing sample"
    text = re.sub(r"^(?:get\s+(?:you|her|him|them)\s+)(?!.*\bto\s+[A-Z])", "send you ", text,
                  flags=re.IGNORECASE)  # "get her the deck"; "get her CV to Sam" goes to Sam  # fmt: skip
    text = _TO_PRONOUN.sub(r"\g<verb>", text)
    text = _GIVEN_TO.sub(r"\g<verb>", text)  # "bring her ensaymada", "buy him lunch": for them, not theirs
    said = to_second_person(text)
    said = re.sub(r"\s+(?:re|about|regarding|for)\s+your\s+.*$", "", said, flags=re.IGNORECASE)  # "re his seed round"
    said = re.sub(r"\s+(?:eod|eow|cob|eom|asap|tonight|tmrw)$", "", said, flags=re.IGNORECASE)  # "the SOW draft EOD"
    said = re.sub(
        rf"\s+(?:next|this|tomorrow|today|later|soon|by(?!\s+(?!{_DAYS})(?-i:[A-Z]))|before|after|until|till|once"
        r"|as\s+soon\s+as|when\s+(?:i|we|you)\b"
        r"|on\s+(?:mon|tue|wed|thu|fri|sat|sun)\w*).*$",
        "", said, flags=re.IGNORECASE,
    )  # fmt: skip
    low = said.lower()
    call = _CALL_WORDS.match(said)
    if call:
        owed = call.group("owed")
        noun = (owed or "").lower().removesuffix("s") or next(
            (w for w in ("coffee", "lunch", "drink", "beer", "chat", "meeting") if w in low), "call"
        )
        return Kept("call", noun)
    intro = _INTRO.match(said)
    if intro:
        return Kept("intro", _clip(intro.group("who"), text))
    for verb in _GIVE_VERBS:
        if low.startswith(verb + " "):
            thing = re.sub(r"^(?:you\s+)?(?:over\s+)?", "", said[len(verb) + 1 :])
            if re.match(r"(?:back\s+)?(?:about|re:?|regarding)\s", thing, re.IGNORECASE):
                return Kept("act", said)  # "email him about a rotation": a message, nothing handed over
            thing = re.sub(r"\s+(?:to|for|with)\s+you$", "", thing)
            thing = _TO_YOU_AND.sub("", thing)  # "the contract to him and his colleague Ms. Latha": the contract
            if _only_a_day(thing):
                return Kept("act", "")  # "send every monday": what was to be sent was said before; said as nothing
            thing = _RECIPIENT.sub("", thing)  # "send Pieter my calendly": Pieter is who it goes to
            to = re.match(r"([A-Z][\w'’-]+)\s+(?=[a-z])", thing)
            if to and is_given_name(to.group(1)):  # "send Pieter calendly"
                thing = thing[to.end() :]
            intro_to = _INTRO_THING.match(thing)
            if intro_to:
                return Kept("intro", _clip(intro_to.group("who"), text))
            if re.match(r"(?:to|on)\s", thing, re.IGNORECASE):  # "fwd to Lena": what goes on is "it"
                return Kept("act", _clip(f"{said[:len(verb)]} it {thing}", text))
            elsewhere = _TO_SOMEONE_ELSE.search(thing)
            if elsewhere and (elsewhere.group(1) == "to" or verb == "share"):
                # "send his CV to my boss": it goes to someone else, so it is a deed, not a thing handed to them
                return Kept("act", said)
            if thing and thing.lower() not in ("you", "it"):
                return Kept("gift", _the(_clip(thing, text)))
    if low.split(" ")[0] in _THING_START:  # "a 1-pager on how I'd build it": by now, the one they talked about
        return Kept("gift", _the(_clip(said, text)))
    if _WRITING_ABOUT.match(said):  # "text her back about the open role": said whole, in the second person
        return Kept("act", said)
    return Kept("act", _clip(said, text) or said)


def _the(thing: str) -> str:
    """A thing to hand over, typed bare as people type it ("hubspot guide", "2 case studies"), said as the thing
    both of them know about: "the HubSpot guide", "the 2 case studies"."""
    first = thing.split(" ", 1)[0].lower() if thing else ""
    if HOW_MANY.match(thing):  # "a couple of my older students", "a few names": how many, not which ones
        return thing
    if first in ("a", "an") and " " in thing:  # "send him a 2min loom": by now it is the one they talked about
        return f"the {thing.split(' ', 1)[1]}"
    if not first or first in _DETERMINED or first.endswith(("'s", "’s")):  # "Ferrazzi's book" is determined
        return thing
    return f"the {thing}"


def keeping(kept: Kept, variant: int = 0) -> str:
    """The sentence that keeps the promise: "Here's the deck I mentioned.", "When's good for that call?"."""
    pick = variant % 3
    if kept.form in ("act", "gift") and says_nothing(kept.what):
        return ("And I haven't forgotten what I promised you.", "What I promised is on my list - I haven't forgotten.",
                "I haven't forgotten what I said I'd do.")[pick]  # fmt: skip
    if kept.form == "gift":
        here = "Here are" if _plural(kept.what) else "Here's"
        return (
            f"{here} {kept.what} I mentioned.",
            f"As promised, {here.lower()} {kept.what}.",
            f"{here} {kept.what} I said I'd send.",
        )[pick]
    if kept.form == "call":
        noun = kept.what
        return (f"When's good for that {noun}?", f"I still owe you that {noun} - when suits you?",
                f"Shall we find a time for that {noun}?")[pick]  # fmt: skip
    if kept.form == "intro":
        return (
            f"I haven't forgotten the intro to {kept.what} - I'll write to you both today.",
            f"As promised, I'm putting you in touch with {kept.what} - expect a note from me shortly.",
            f"I'm on the intro to {kept.what} and will send it over today.",
        )[pick]
    about = _WRITING_ABOUT.match(kept.what)
    if about:  # this note is that message: "email you about a rotation" is kept by writing it
        on = about.group("on")
        return (f"As promised, I'm writing about {on}.", f"I said I'd be in touch about {on}, so here I am.",
                f"Writing, as I said I would, about {on}.")[pick]  # fmt: skip
    return (f"As promised, I'll {kept.what}.", f"And I haven't forgotten: I'll {kept.what}.",
            f"As I said, I'll {kept.what}.")[pick]  # fmt: skip


_WRITING_ABOUT = re.compile(
    r"^(?:email|e-mail|write(?:\s+to)?|text|message|ping|drop\s+(?:you\s+)?a\s+line)\s+(?:to\s+)?you\s+(?:back\s+)?"
    r"(?:about|re:?|regarding)\s+(?P<on>.+)$",
    re.IGNORECASE,
)


def they_said(first: str, text: str) -> str:
    """Who said they would, with the pronoun their first name is mostly given ("Hannah said she'd"), else the one
    the note gave them ("confirm with his manager": "Sam said he'd"), else "they". The name comes first: in "have
    her call me", "her" is someone else ("Dave said he'd have her call you")."""
    pronoun = pronoun_of(first.split()[0]) if first.split() else ""
    if not pronoun:
        pronoun = _pronoun(text)
    return f"{first} said {pronoun if pronoun in ('she', 'he') else 'they'}'d"


def still_owed(kept: Kept) -> str:
    """An open promise mentioned in passing (a catch-up): "I still owe you the deck"."""
    if kept.form in ("act", "gift") and says_nothing(kept.what):
        return "I still owe you what I promised"
    if kept.form == "gift":
        return f"I still owe you {kept.what}"
    if kept.form == "call":
        return f"I still owe you that {kept.what}"
    if kept.form == "intro":
        return f"I still owe you that intro to {kept.what}"
    return f"I still mean to {kept.what}"


# -- open debts, said to the user (a morning's promise and thank-you nudges) ------------------------------------
# These depend only on the item's text and the contact's first name, never on the day, so they are worked out when
# the contact's summary row is saved (summary.py: the item's "said") and read from there every morning.

# Words that open a promise phrased as an action ("send her the book"), so it reads "you'd send her the book".
_ACTION_VERBS = frozenset(
    (
        *("ask", "call", "check", "connect", "email", "find", "follow", "forward", "get", "help", "intro"),
        *("introduce", "invite", "look", "make", "meet", "pass", "ping", "put", "read", "recommend"),
        *("review", "send", "set", "share", "show", "text", "write"),
    )
)
_TO_THE_USER = {"me": "you", "my": "your", "mine": "yours", "myself": "yourself", "i": "you", "i'll": "you'll"}


def to_the_user(phrase: str) -> str:
    """A phrase said to the helper ("reviewed my CV", "introduced me to Sam"), said to the user instead."""
    return " ".join(_TO_THE_USER.get(word.lower(), word) for word in phrase.split())


def promise_in_words(first: str, text: str, past: bool = False) -> str:
    """'You promised Priya the Ferrazzi book', 'You owe Max a call', 'You promised Jo an intro to Sam', or for an
    action, 'You told Priya you'd review the draft'. Things, calls and intros are read by ``keep_words``; an action
    is said as typed, after its opener. ``past``: said after a past day ("Yesterday, you promised Max a call")."""
    owe = "promised" if past else "owe"
    kept = keep_words(text)
    if kept.form in ("act", "gift") and says_nothing(kept.what):
        return f"You made {first} a promise"  # "send", "owe him", "intro from": what it was is said elsewhere
    # The promise's words are kept to say to them ("the deck with my notes", "feedback on your CV"); to the user,
    # "my" is theirs and "your" is the contact's: "the deck with your notes", "feedback on their CV".
    what = to_the_user(said_about(tidy(kept.what), Person(first)))
    if what and kept.form == "gift":
        return f"You promised {first} {what}"
    if what and kept.form == "call":
        if what in _MEALS:  # "You owe Emeka dinner"
            return f"You {owe} {first} {what}"
        return f"You {owe} {first} {'an' if what[:1] in 'aeiou' else 'a'} {what}"
    if what and kept.form == "intro":
        return f"You promised {first} an intro to {what}"
    if what and kept.form == "act" and re.match(r"[\w-]+ it (?:to|on) ", what):  # "forward it to Lena"
        return f"You told {first} you'd {what}"
    text = to_the_user(tidy(text.strip().rstrip(".")))
    text = re.sub(r"\s+(?:before|after|until|till|by)$", "", text, flags=re.IGNORECASE)  # "apply before": day gone
    lower = text.lower()
    for opener in ("you'll ", "you will ", "ill ", "to "):
        if lower.startswith(opener):
            return f"You told {first} you'd {text[len(opener) :]}"
    for opener in ("owe him ", "owe her ", "owe them ", "owe "):
        if lower.startswith(opener):
            return f"You {owe} {first} {text[len(opener) :]}"
    opener = lower.split(" ", 1)[0]
    if opener in _ACTION_VERBS:
        return f"You told {first} you'd {text}"
    alpha = opener.replace("-", "").isalpha()  # "cross-refer", "follow-up": a verb with a hyphen is a verb
    if kept.form == "act" and alpha and opener not in _DETERMINED and opener not in _THINGS_PROMISED:
        # A promise is typed after "I'll" ("I'll pair w/ him on a case study"): its first word is the verb.
        return f"You told {first} you'd {text}"
    return f"You promised {first} {text}" if text else f"You made {first} a promise"


# Things promised bare, without an article ("owe him dinner", "feedback on his deck"): said as things.
_THINGS_PROMISED = frozenset(
    ["dinner", "lunch", "breakfast", "brunch", "coffee", "coffees", "drinks", "drink", "beer", "beers", "feedback",
     "notes", "thoughts", "help", "intros", "introductions", "referrals", "tickets", "details", "info", "money"]
)  # fmt: skip


# Words that leave an action with nothing to act on: "send", "do", "owe him", "am" (what was left of "tmrw am").
_NOTHING = frozenset(
    ["it", "him", "her", "them", "you", "that", "this", "am", "pm", "do", "doing", "done", "one", "owe", "send",
     "get", "give", "bring", "share", "forward", "email", "intro", "introduce", "follow", "up", "back", "over",
     "deliver", "provide", "prepare", "submit", "draft", "finish", "complete", "make", "write", "review", "arrange",
     "something", "anything", "stuff", "your", "my", "their", "his"]
)  # fmt: skip  # "which I committed to deliver by September 30": deliver what, the line said before


def says_nothing(what: str) -> bool:
    """A promise's words that name nothing to do or hand over ("send", "owe you", "intro from"): the line said
    what it was elsewhere, and a sentence made of these words reads cut off."""
    words = what.lower().split()
    return not words or words[-1] in NEEDS_MORE or all(w in _NOTHING for w in words)


def helped_you(text: str) -> str:
    """What a helper did, as logged ("reviewed my CV"), said to the user for an owed thank-you: "reviewed your CV";
    "helped you" when the logged help is not a phrase that turns into a sentence ("intro to Acme")."""
    did = help_words(Fact(id="", contact_id="", kind="help_received", slots={"did": tidy(text)})).past
    # Said to the helper, their things are "your" ("shared your data room template"); to the user they are the
    # helper's again ("her template"), and only the user's own ("my CV") become "your".
    return to_the_user(said_about(did, Person("them", _pronoun(text)))) if did else "helped you"


def debt_words(kind: str, first: str, text: str, dated: bool) -> str:
    """The words a morning says an open item with (see above): for a promise, ``promise_in_words`` (in the present
    when it has a due date, after a past day when not); for an owed thank-you, ``helped_you``; "" for a reminder,
    which is said as typed."""
    if kind == "thanks":
        return helped_you(text)
    if kind == "reminder":
        return ""
    return promise_in_words(first, text, past=not dated)


def help_words(fact: Fact) -> HelpWords:
    """Help received, for a thank-you: ("reviewing my CV", "reviewed my CV") or, when it is not a past-tense
    phrase we can turn, ("", "") - the note then says "your help" rather than quote the log."""
    # The user's own log of what they received, in the first person: named as it was ("reviewing my CV"), cut to
    # one deed ("reviewed my term sheet and sent me notes" -> "reviewing my term sheet") and a few words.
    source = " ".join(fact.slots.get("did", "").split()).rstrip(".!")
    did = re.split(r"\s*(?:,|;|\s-\s|\band\b|\bbut\b|\bwhich\b|\bso\b)\s*", source, maxsplit=1)[0]
    did = to_second_person(did)
    verb, _, rest = did.partition(" ")
    low = verb.lower()
    rest = cut(rest, 8)
    if low.endswith("ing") and len(low) > 4:
        return HelpWords(f"{low} {rest}".strip(), "")
    if low in _IRREGULAR or (low.endswith("ed") and low.isalpha() and len(low) > 3):
        return HelpWords(f"{_gerund(low)} {rest}".strip(), f"{low} {rest}".strip())
    return HelpWords("", "")


@dataclass(frozen=True)
class HelpWords:
    gerund: str  # "reviewing my CV": after "Thank you for"
    past: str  # "reviewed my CV": after "since you"
