"""The verbs people say a need with, in every tense and in the forms non-native writers use.

A need is something wanted, sought or lacked: "wants a demo", "wanted a referral", "is wanting seed funding", "he
search a job of developer", "seeking a cofounder", "hunting for a flat", "on the lookout for a CTO", "lacks a
technical cofounder", "hoping to find a mentor", "would love a warm intro". Each verb is written with all its forms
("want wants wanted wanting") so a new tense is one word in a table, not a new pattern.

These are fragments of notes.py's need pattern: the words after them are the need.
"""

from __future__ import annotations


def _forms(*verbs: str) -> str:
    """ "want wants wanted wanting" -> a pattern for any of those words (longest first, so none cuts another)."""
    words = {w for verb in verbs for w in verb.split()}
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


# Verbs whose object is what they want: "wants a demo", "needed a lawyer", "seeking investors", "lacks a CTO".
# "search" without "for" is how many non-native writers say it ("he search a job of developer").
WANT = _forms(
    "want wants wanted wanting",
    "need needs needed needing",
    "seek seeks sought seeking",
    "search searches searched searching",
    "lack lacks lacked lacking",
)
# Verbs that take "for" before what they want: "looking for", "hunted for", "shopping around for", "hoping for".
SEEK_FOR = (
    _forms(
        "look looks looked looking",
        "search searches searched searching",
        "hunt hunts hunted hunting",
        "hope hopes hoped hoping",
        "ask asks asked asking",
        "scout scouts scouted scouting",
    )
    + r"(?:\s+(?:out|around|me|us))?\s+for"
    + r"|(?:shop|shops|shopped|shopping)\s+around\s+for"
    + r"|on\s+the\s+(?:hunt|lookout|search)\s+for|in\s+the\s+market\s+for|in\s+(?:need|search)\s+of"
    + r"|(?:desperate|dying|itching|hungry)\s+for"
)
# Asking the user whom they know: "asked if I know any good dentists", "asks whether we knew a lawyer": what they
# asked for is the need.
KNOW_ANY = (
    r"(?:ask|asks|asked|asking)\s+(?:me\s+|us\s+|around\s+)?(?:if|whether)\s+(?:i|we)\s+(?:know|knew|had)"
    r"(?:\s+of)?(?:\s+any)?"
)
# Looking for work, said as a state: "job hunting in consulting", "between jobs", "open to new roles".
JOB_HUNTING = (
    r"job[\s-]?(?:hunting|searching|seeking)|between\s+jobs|out\s+of\s+work|open\s+to\s+(?:new\s+)?(?:roles|opportunities|jobs|offers)"
)
# Said with a linking verb: "she's after a sales lead", "they are short on engineers".
LINKED = (
    r"(?:(?:is|are|was|were)\s+|(?<=['’]s\s)|(?<=['’]re\s))(?:(?:really|still|also|desperately|badly)\s+)?"
    r"(?:after|short\s+on)"
)
# Would-forms: "would love a warm intro", "she'd like a referral", "could use a hand", "could do with advice".
WOULD = r"(?:(?:would|'d|’d)\s+(?:really\s+)?(?:like|love)|(?:could|can)\s+(?:really\s+)?(?:use|do\s+with))"
# Wanting to find what they need: "hoping to find a mentor", "trying to land a PM role", "keen to hire a designer".
TO_FIND = (
    _forms(
        "want wants wanted wanting",
        "need needs needed needing",
        "hope hopes hoped hoping",
        "try tries tried trying",
        "look looks looked looking",
        "seek seeks sought seeking",
        "aim aims aimed aiming",
        "plan plans planned planning",
    )
    + r"|keen|eager|desperate|dying|itching"
) + r"|wanna"  # "wanna raise a pre-seed": "want to", typed short (the "to" is in the word)
# What follows "to" there: the need is their object ("find a mentor"); "get" only before a thing ("get a visa",
# not "get into pottery" or "get back to me").
FIND_VERBS = r"(?:find|hire|recruit|raise|land|secure|source|line\s+up|get\s+hold\s+of|get(?=\s+(?:an?|some|more)\s))"
