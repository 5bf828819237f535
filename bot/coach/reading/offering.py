"""What someone can give, said the ways people say it: as an ability ("might help w our loft plans"), as knowledge
of a field's people ("knows everybody in cold chain": contacts there), or as a thing they will give or keep for the
user ("she'll hold 20 bags for me", "he'll give me a training slot", "she'll let me use her roaster").

A promise of theirs to hand something over says what they have to give, so the thing is kept as an offer too (the
promise itself stays a promise, with its day). Sending a message or a file ("she'll send the contract") is a
courtesy, not an offer: only verbs of giving, lending, keeping and sharing count.
"""

from __future__ import annotations

import re

# "might help w our loft plans", "may be able to help with the permits", "could maybe help on pricing".
MIGHT_HELP = (
    r"(?:might|may|could|can)\s+(?:(?:maybe|possibly|probably|also|definitely)\s+)?(?:be\s+able\s+to\s+)?"
    r"help\s+(?:(?:me|us|you|out)\s+)?(?:with|w/|w|on)(?=\s)"
)
# "knows everybody in cold chain", "knows a lot of people in biotech", "is well connected in the wine trade", "has
# contacts at Google": the people they know there are what they can offer ("contacts in cold chain"), and a field
# they know people in is theirs to talk about.
KNOWS = (
    r"(?:(?:knows|know)\s+(?:(?:literally|basically|just\s+about|practically)\s+)?"
    r"(?:everybody|everyone|every\s+\w+|all\s+the\s+\w+|(?:a\s+lot\s+of|lots\s+of|tons\s+of|loads\s+of|many)\s+"
    r"(?:people|folks|ppl))"
    r"|(?:is\s+|'s\s+|’s\s+)?(?:very\s+|super\s+|really\s+)?well[\s-]connected"
    r"|(?:has|have|got)\s+(?:(?:lots\s+of|a\s+lot\s+of|tons\s+of|loads\s+of|many|great|good|strong|deep)\s+)?"
    r"(?:contacts|connections))\s+(?P<among>in|at|across|with|on)"
)
# Skills said as being good at something: "she's great at pitch decks", "really good at negotiating".
GOOD_AT = (
    r"(?:is\s+|'s\s+|’s\s+|are\s+)?(?:(?:really|very|super|so|incredibly|crazy)\s+)?"
    r"(?:good|great|brilliant|amazing|excellent|strong|skilled|talented|gifted)\s+(?:at|with)"
    r"(?=\s+(?!(?:her|his|their|my|our|it|that|this|me|us|them|him|people|kids)\b))"
)
CONTACTS_IN = "contacts in "
# "she mentors bootcamp grads" gives; "she needs mentors for the cohort", "2 mentors" are people wanted.
MENTORS = r"(?<!need\s)(?<!needs\s)(?<!wants\s)(?<!for\s)(?<!more\s)(?<!some\s)(?<!of\s)(?<!the\s)(?<!\d\s)mentors"
# Wanting to come and give something: "wants to come talk to the 8th graders", "would love to help with the gala".
COME_GIVE = (
    r"(?:wants?|wanted|would\s+love|keen|eager|hoping|hopes)\s+to\s+"
    r"(?:(?:come|stop\s+by|drop\s+by|pop\s+in)(?:\s+and)?(?=\s+(?:talk|speak|present|teach|demo|read|perform|play|help)\b)"
    r"|help\s+(?:out\s+)?(?:with|on))"
)
# "starting march", "beginning in sept": when an offer starts, said whole ("starting in March").
STARTING_MONTH = re.compile(
    r"\b(starting|beginning)\s+(?:in\s+)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?",
    re.IGNORECASE,
)


# A promise of theirs that hands something over: its verb, then whom it is for, then the thing.
_GIVE = re.compile(
    r"^(?P<verb>give|gives|giving|lend|lends|loan|hold|holds|save|saves|keep|keeps|set\s+aside|put\s+aside"
    r"|reserve|donate|share|shares|sponsor|get)\s+(?:(?:me|us)\s+)?(?:(?:with|w/)\s+)?",
    re.IGNORECASE,
)
_LET_USE = re.compile(r"^let\s+(?:me|us)\s+(?:use|borrow|try|have)\s+", re.IGNORECASE)
_FOR_ME = re.compile(r"\s+(?:for|to)\s+(?:me|us)\b", re.IGNORECASE)
# "get" gives a thing only to someone: "get us tickets", not "get the Garcias' pre-approval to me" or "get back".
_GET_TO_SOMEONE = re.compile(r"^get\s+(?:me|us)\s+(?!into\b|in\b|on\b|to\b)", re.IGNORECASE)


def gift(promise: str) -> str:
    """What a promise of theirs hands over ("hold 20 bags of the huila lot for me" -> "20 bags of the huila lot",
    "let me use her roaster on tuesdays" -> "use of her roaster on tuesdays"), or "" when it hands nothing over."""
    text = " ".join(promise.split())
    used = _LET_USE.match(text)
    if used:
        thing = text[used.end() :]
        return f"use of {thing}" if thing.split() and thing.split()[0].lower() not in ("it", "them", "this") else ""
    given = _GIVE.match(text)
    if not given or (given.group("verb").lower() == "get" and not _GET_TO_SOMEONE.match(text)):
        return ""
    thing = _FOR_ME.sub("", text[given.end() :]).strip()
    first = thing.split()[0].lower() if thing.split() else ""
    if first in ("", "it", "them", "this", "that", "these", "those", "back", "off", "on", "up"):  # "give it back"
        return ""
    return thing
