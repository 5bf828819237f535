"""What is owed, said as the deed that pays it: "I owe him a beer + our spec sheet" is two promises, "buy him a beer"
and "send him our spec sheet"; "she owes me a call re: the panel" is hers, "call me about the panel"; "I owe her a
code review" is "review her code".

A debt is kept as an action like every other promise (promises.py), so a morning can say "You told Gary you'd buy
him a beer" rather than "you'd owe him a beer".
"""

from __future__ import annotations

import re

# Owed things that are had together rather than handed over: "a beer", "lunch", "a round".
_TREATS = frozenset(
    {"coffee", "coffees", "beer", "beers", "drink", "drinks", "pint", "pints", "round", "lunch", "dinner",
     "breakfast", "brunch", "meal", "tea", "wine", "bottle"}
)  # fmt: skip
_UNSAID = frozenset({"favour", "favor", "favours", "favors", "one", "thing"})
# Owed things that are deeds, said as the deed: "a call" -> "call her", "a reply" -> "reply to her".
_DEEDS = {
    "call": "call {to}",
    "ring": "ring {to}",
    "reply": "reply to {to}",
    "answer": "answer {to}",
    "visit": "visit {to}",
    "update": "update {to}",
    "review": "review {of}",
}
_POSSESSIVE = {"me": "my", "us": "our", "her": "her", "him": "his", "them": "their", "you": "your"}
# Said at the end for the feel of it, no part of what is done: "bring her ensaymada hehe", "the steam key asap".
FILLER_END = re.compile(r"(?:\s+(?:hehe+|haha+|lol|lmao|fr|asap|pls|plz))+\s*$", re.IGNORECASE)
# "owe her + jess dinner", "owe him and sam a coffee": whom to, the first of them with those said after.
_OWED = re.compile(
    r"^owes?\s+(?P<to>\S+(?:\s+(?:\+|&|and)\s+(?!an?\b|the\b)[\w'’-]+)?)\s+(?P<what>.+)$", re.IGNORECASE
)
# The thing owed, up to where a word after it says more of it: "a code review | re: the panel".
_THING = re.compile(
    r"^(?:(?:a|an|the|that|this)\s+)?(?P<mods>(?:[\w'’-]+\s+){0,3}?)(?P<noun>[\w'’-]+)"
    r"(?P<rest>\s+(?:re:?|about|regarding|on|of|for|to|with|at|from)\s.*)?$",
    re.IGNORECASE,
)
_ABOUT = re.compile(r"^\s*(?:re:?|about|regarding|on)\s+", re.IGNORECASE)
_AND = re.compile(r"\s+(?:\+|&|and)\s+(?=(?:a|an|the|my|our|some|\d)\b)", re.IGNORECASE)


def split_owed(phrase: str) -> list[str]:
    """ "owe him a beer + our spec sheet" -> ["owe him a beer", "owe him our spec sheet"]: one debt each."""
    m = _OWED.match(phrase.strip())
    if m is None:
        return [phrase]
    head = phrase.strip()[: m.start("what")]
    return [head + thing for thing in _AND.split(m.group("what"))]


def as_deed(owed: str) -> str:
    """ "owe him a beer" -> "buy him a beer", "owes me a call re: the lease" -> "call me about the lease", "owe her
    a code review" -> "review her code", "owes me the schedule" -> "send me the schedule"."""
    m = _OWED.match(FILLER_END.sub("", owed.strip()))  # "owe her + jess dinner fr": dinner
    if m is None:
        return owed
    to, what = m.group("to"), m.group("what").strip()
    thing = _THING.match(what)
    noun = thing.group("noun").lower() if thing else ""
    if noun in _UNSAID:
        return ""  # "owes me a favour": which one, the line does not say
    if noun in _TREATS:
        return f"buy {to} {what}"
    if thing is not None and noun in _DEEDS:
        mods, rest = thing.group("mods").strip(), (thing.group("rest") or "").strip()
        about = _ABOUT.match(rest)
        rest = f"about {rest[about.end() :]}" if about else rest
        if noun == "review":
            whose = _POSSESSIVE.get(to.lower(), f"{to}'s")
            of = re.match(r"of\s+", rest)
            if of:  # "a review of her draft" -> "review her draft"
                return f"review {rest[of.end() :]}"
            if not mods:
                return f"send {to} {what}"  # "a review": of what, the line does not say
            return " ".join(w for w in (f"review {whose} {mods}", rest) if w)
        return " ".join(w for w in (_DEEDS[noun].format(to=to), rest) if w)
    return f"send {to} {what}"
