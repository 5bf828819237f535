"""What a person cares about, in a note: "loves jazz and F1", "big on climate", "works on protein folding", "giving a
talk on design systems", "wants to get into woodworking", "a history buff".

A topic they work on, talk about or want to take up is as good a reason to write as a hobby (principle 3: give
first), so each is kept as an interest, in the note's words, without the day it was said with. What the user
works on ("I'm working on the deck") is nobody's interest.
"""

from __future__ import annotations

import re

from bot.coach.reading.boundaries import cut
from bot.coach.reading.owed import FILLER_END
from bot.coach.reading.spans import (
    _CLAUSE_AND,
    _CLAUSE_SPLIT,
    _HARD_END,
    _LEADING_FILLER,
    _LIST_SPLIT,
    _NOT_INTEREST,
    MAX_ITEM_WORDS,
    _free,
    _set,
    _tidy,
    _to_boundary,
    _user_said,
    dated_end,
)
from bot.coach.reading.verbs import describes_only, gerund

_TALK = r"(?:talk|keynote|workshop|session|presentation|lecture|panel|paper|poster)"
# After "does"/"doing", words that say no field: "doing some work", "does freelance work", "doing volunteer work".
_NOT_DONE = (
    r"an?|the|her|his|their|my|our|it|that|this|so|some|any|no|more|less|much|lots|loads|nothing|something|anything"
    r"|freelance|contract|contracting|volunteer|consulting|paid|unpaid|pro|part-time|full-time|side|odd|shift|remote"
)
# After "wants to": an activity they want to take up ("start a podcast", "get into woodworking"), not a thing
# they want from someone (a need: "wants to see the deck").
WANT_TO_DO = r"(?:make|build|get\s+into|come\s+to|swap\s+notes|collaborate|co-?write|volunteer)"
# "wants to do a joint webinar": what they want is also a project shared with the user, so an interest too.
_JOINT = re.compile(r"^do\s+(?:an?\s+|some\s+)?(?=(?:joint|shared|co-)[\w-]*\s+\w)", re.IGNORECASE)


def joint_projects(needs: list[str]) -> list[str]:
    """The needs that are something to do together ("do a joint webinar in Q1"), said as a topic ("joint webinar in
    Q1")."""
    return [need[m.end() :] for need in needs if (m := _JOINT.match(need))]
_INTEREST_TRIGGER = re.compile(
    r"\b(?:(?:is\s+|'s\s+|’s\s+|are\s+|really\s+|very\s+|super\s+|deeply\s+)?"
    r"(?:interested\s+(?:in|about|on|for|by)|passionate\s+(?:about|for|with|by)|obsessed\s+(?:with|w/?|by)|crazy\s+about"
    r"|mad\s+about|keen\s+on|hooked\s+on"
    r"|big\s+on|(?:a\s+)?(?:big\s+|huge\s+|massive\s+|great\s+)?fan\s+of"
    r"|car(?:es|ed|ing)\s+(?:(?:a\s+lot|deeply|so\s+much|a\s+great\s+deal|hugely|passionately|really)\s+)?about"
    r"|curious\s+(?:about|abt)"
    r"|(?:geek|nerd)(?:s|ed)?\s+out\s+(?:on|about|abt|over)|loves|loved|adores|likes|liked|enjoys|enjoyed|into|wants\s+to\s+learn|collects"
    r"|learning"
    r"|(?P<plays>plays)(?!\s+(?:every|each|on|at|in|with|most|a\s+lot|sometimes|often|well|for|the\s+role))"
    r"|(?:her|his|their)\s+(?:hobby|hobbies|passion|thing)\s+(?:is|are)|(?:interests|hobbies)\s*:"
    rf"|(?P<talk>(?:(?:doing|giving|gave|gives|did|does|do|presenting|had)\s+(?:an?\s+|the\s+|her\s+|his\s+)?"
    rf"{_TALK}|speaking)\s+(?:on|about|abt))"
    # "she enjoy cooking", "he love jazz": the plain form after a subject, as non-native writers type it
    r"|(?P<subject>(?:works?|working)\s+on|researching|researches|research|building|builds|like|love|enjoy|adore)"
    r"|(?P<volunteers>volunteers|volunteered|volunteering)(?=\s+(?:at|with|for)\s)"
    # "doing ML platform work", "does policy work": the field they work in
    r"|(?P<does>does|doing)(?=\s+(?!(?:" + _NOT_DONE + r")\b)(?:[^\W\d_][\w-]*\s+){1,3}work\b)"
    # "runs a podcast on B2B brand", "writes a newsletter about climate": the topic of what they publish ("a show"
    # can be an exhibition or an event: its subject is not theirs)
    r"|(?P<show>(?:runs|hosts|has|started|launched|does|writes|publishes)\s+(?:an?|the|her|his|their)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:podcast|blog|newsletter|substack|channel|column|zine|vlog)\s+(?:on|about|abt|covering))"
    r"|(?<=\bboth\s)on(?=\s+(?!(?:the|a|an|her|his|their|my|our|it|holiday|vacation|leave|call|board)\b)[^\W\d_])"
    r"|(?P<want>(?:wants?|wanna|keen|eager|hoping|hopes|would\s+love)\s+(?:to\s+)?"
    r"(?:talk(?:\s+about|\s+abt)?(?!\s+to\b)|chat\s+(?:about|abt)|" + WANT_TO_DO + r")))"
    r")\s+(?:to\s+|on\s+|about\s+|abt\s+)?(?:(?:very|so|very\s+very)\s+much\s+|a\s+lot\s+(?!of\b))?",
    re.IGNORECASE,
)
# "ran into her", "look into it", "would like": these words are an interest only after a subject or a linking verb.
_INTO_NEEDS = _set(
    """she's he's they're she’s he’s they’re is are really very super also totally big deeply seriously heavily all
    hugely both and hes shes theyre much"""
)
_SUBJECTS = _INTO_NEEDS | _set("she he they who now mostly mainly")
# "works on weekends", "working on it": a day or a pronoun is no topic.
_NOT_A_TOPIC = re.compile(
    r"(?:the\s+)?(?:weekends?|weekdays?|nights?|mornings?|evenings?|shifts?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?"
    r"|sure|time|money)|(?:intros?|introductions?)\b.*",
    re.IGNORECASE,
)
# "a coffee nerd", "history buff", "an F1 junkie".
_BUFF = re.compile(
    r"\b(?P<what>[^\W\d_][\w-]*)\s+(?:nerd|geek|buff|junkie|fanatic|enthusiast|aficionado|lover|addict|fiend)s?\b",
    re.IGNORECASE,
)
# "a huge taylor swift fan", "Janelle is a huge Giants fan": what they follow, up to two words before "fan".
_FAN = re.compile(
    r"\b(?:(?:an?|the|huge|big|massive|total|die-?hard|such\s+a)\s+)*(?P<what>(?:[^\W\d_][\w&-]*\s+)?[^\W\d_][\w&-]*)"
    r"\s+fan\b(?!\s+of\b)",
    re.IGNORECASE,
)
_NOT_A_FAN = _set(
    "is was are be been a an the such ceiling box exhaust desk table his her their my our big huge total biggest"
    " greatest"
)
_ONE_THING = re.compile(r"(?:an?|the|her|his|their|its|our|my)\s", re.IGNORECASE)
_NOT_BUFF = _set("total big huge massive complete such real proper bit little")


# A sport someone does: "runs ultras", "did two ironmans", "runs the office cycling club".
_SPORT = re.compile(
    r"\b(?:runs|ran|does|did|races|raced|doing)\s+(?:(?:the|a|an|her|his|their|two|three|\d+)\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?P<what>half[\s-]marathons?|marathons?|ultras?|triathlons?|ironmans?|\d+ks|cycling|rowing"
    r"|swimming|climbing)\b",
    re.IGNORECASE,
)


_OWN_IDEA = re.compile(
    r"^(?:my|our)\s+(?:idea|plan|project|proposal|concept|pitch)\s+(?:of|for|about|on)\s+(?=\S+\s+\S)", re.IGNORECASE
)


# Just before what someone likes, a relative of someone said as its subject: "pat's kid plays", "her son loves".
_OF_A_RELATIVE = re.compile(
    r"\b(?:[\w-]+['’]s|his|her|their|my|our)\s+(?:kid|kids|son|sons|daughter|daughters|boy|girl|children|child)\s*$",
    re.IGNORECASE,
)
# After a liking said in the past, the one thing shown or served: "liked the case", "loved our pitch".
_A_THING_SHOWN = re.compile(r"(?:the|our|my|your|this|that|it)\b", re.IGNORECASE)
_ON_A_TOPIC = re.compile(r"(?:the|our|my|your|this|that)\s+(?:[\w-]+\s+){0,2}?(?:talk|post|paper|piece|panel|demo)"
                         r"(?P<on>\s+(?:on|about)\s)", re.IGNORECASE)  # fmt: skip


_ANYTHING_WITH = re.compile(
    r"^(?:anything|everything|all\s+things)\s+(?:to\s+do\s+)?(?:with|w/?|about)\s+", re.IGNORECASE
)


def _shape_interest(item: str, shouting: bool) -> str:
    item = re.sub(  # "sailing a lot", "F1 lately"
        r"\s+(?:a\s+lot|(?:very|so)\s+much|a\s+ton|loads|lately|these\s+days|at\s+the\s+moment|atm|recently)$",
        "",
        item,
        flags=re.IGNORECASE,
    )
    item = _OWN_IDEA.sub("", item)  # "interested in my idea of a mentoring program": the mentoring program
    item = _ANYTHING_WITH.sub("", item)  # "loves anything w horses": horses
    words = item.split()
    while len(words) > 1 and words[0].lower() in ("my", "our"):  # "loves my lisbon series": the series
        words.pop(0)
    kept: list[str] = []
    for word in words:
        if word.lower().strip(",.") in _NOT_INTEREST:
            break
        kept.append(word)
    words = kept
    # "the jazz scene" -> "jazz scene", but "the Knicks" keeps its article: it is part of the proper name.
    while len(words) > 1 and words[0].lower() in _LEADING_FILLER and not words[1][:1].isupper():
        words.pop(0)
    words = cut(" ".join(words), MAX_ITEM_WORDS).split()  # a long one only where a new phrase starts
    # Lower case is kept; a capital mid-sentence marks a proper noun ("the Knicks", "F1") and is kept too.
    # Only shouted words (ALL CAPS typing) are lowered, unless they are short acronyms like "AI" or "F1".
    if shouting:
        words = [w.lower() if w.isupper() and len(w) > 3 else w for w in words]
    return _tidy(" ".join(words))


def _interest_items(text: str, start: int) -> tuple[list[str], int]:
    """The list of interests starting at ``start``: "jazz and rock climbing", "jazz, hiking and F1"."""
    hard = dated_end(text, start, _to_boundary(text, start, _HARD_END))  # "design systems | in june"
    phrase = text[start:hard]
    with_ = re.search(r"\s+w/\s", phrase)  # "hockey w/ my son": who with is no interest, nor a second one
    phrase = phrase[: with_.start()] if with_ else phrase
    clause_and = _CLAUSE_AND.search(phrase)
    if clause_and:
        phrase = phrase[: clause_and.start()]
    chunks = phrase.split(",")
    keep = chunks[:1]
    # Past a comma only in a list closed by "and": "jazz, hiking and F1". "jazz, great chat" stops at jazz.
    for k in range(1, len(chunks)):
        tail = chunks[1 : k + 1]
        ok = all(0 < len(c.split()) <= 4 and c.split()[0].lower() not in _NOT_INTEREST - {"and"} for c in tail)
        if not ok:
            break
        if re.search(r"\s(?:and|&)\s", " " + chunks[k] + " "):
            keep = chunks[: k + 1]
            break
    used = sum(len(c) for c in keep) + len(keep) - 1
    items = [i for c in keep for i in _LIST_SPLIT.split(c) if i.strip()]
    return items, start + used


def _doing(item: str) -> str:
    """ "hike" -> "hiking", "cook for friends" -> "cooking for friends": an activity said after "loves to"."""
    first, _, rest = item.partition(" ")
    doing = gerund(first)
    return f"{doing} {rest}".strip() if doing else item


def _field_done(item: str) -> str:
    """ "ML platform work at Zoho" -> "ML platform work"; "" when it names no field ("legal work")."""
    item = re.sub(r"(\s+work)\b.*$", r"\1", item, flags=re.IGNORECASE).strip()
    field = item.split()[:-1] if item.lower().endswith(" work") else item.split()
    return "" if not field or describes_only(field[-1].lower()) else item


def _needs_subject(text: str, m: re.Match[str], strict: bool = False) -> bool:
    """ "ran into her", "people like her", "the building": a word that is an interest only after its subject.
    ``strict``: only after a subject said ("and research soil", not "(research scientist" or "now building X")."""
    before = text[: m.start()].split()
    last = before[-1].lower() if before else ""
    if strict:
        return last not in _SUBJECTS - {"now"}
    at_clause_start = not _CLAUSE_SPLIT.split(text[: m.start()])[-1].strip()
    return last not in _SUBJECTS and not at_clause_start


def _interests(text: str, taken: list[tuple[int, int]], talks_only: bool = False) -> list[str]:
    """The interests in ``text`` outside the ``taken`` spans (which grow by what is read); with ``talks_only``, only
    the topics of talks someone gives."""
    letters = sum(map(str.isalpha, text))
    shouting = letters > 0 and sum(map(str.isupper, text)) > 0.8 * letters
    found: list[str] = []

    def add(shaped: str) -> None:
        shaped = FILLER_END.sub("", shaped).strip()  # "celeste speedruns lmao": the laugh is no part of it
        if shaped and shaped.lower() not in {f.lower() for f in found} and not _NOT_A_TOPIC.fullmatch(shaped):
            found.append(shaped)

    for m in _INTEREST_TRIGGER.finditer(text):
        if not _free(taken, m.start(), m.end()) or (talks_only and not m.group("talk")):
            continue
        said = m.group().lower().split()
        if said == ["into"] and _needs_subject(text, m):
            continue
        if (m.group("subject") or m.group("want") or m.group("talk")) and _user_said(text, m.start()):
            continue  # "I'm working on the deck", "we're building an office": the user's own
        if _OF_A_RELATIVE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "pat's kid plays hockey w/ my son": the kid's, not Pat's
        shown = said[-1] in ("loved", "liked", "enjoyed") and _A_THING_SHOWN.match(text, m.end())
        topic = _ON_A_TOPIC.match(text, m.end()) if shown else None
        if shown and topic is None:
            continue  # "she liked the case!!", "loved the smoked habanero": what they thought of it, no interest
        if topic is not None:  # "liked my talk on pricing": the topic is theirs to care about
            items, end = _interest_items(text, topic.end())
            taken.append((m.start(), end))
            for item in items:
                add(_shape_interest(item, shouting))
            continue
        verb = (m.group("subject") or "").lower().split()[:1]
        strict = bool(verb) and verb[0] == "research"  # "(research scientist": a job title
        if verb and verb[0] in ("like", "love", "enjoy", "adore", "research", "building", "builds") and _needs_subject(
            text, m, strict
        ):
            continue
        if verb and verb[0] in ("building", "builds") and _ONE_THING.match(text, m.end()):
            continue  # "building a fintech app": their product, not a field they care about ("building drones")
        items, end = _interest_items(text, m.end())
        if verb and any(re.search(r"\sas\s", i) for i in items):
            continue  # "work on google as UX": where they work, said another way
        if verb and verb[0] in ("building", "builds") and len(items) == 1 and re.fullmatch(r"[\w-]*[^\Ws]", items[0]):
            continue  # "now building ledgerly": one word, no plural, is their product's name ("building drones" is not)
        if m.group("plays"):  # "plays guitar in a band": the instrument or the sport, not where
            items = [re.split(r"\s+(?:in|at|on|with|w/|w|every|for)\s+", i, maxsplit=1)[0] for i in items]
        if m.group("talk"):  # "a talk on pricing at devcon": the topic, not where it is given
            items = [re.split(r"\s+(?:at|@)\s+", i, maxsplit=1)[0] for i in items]
        if m.group("does"):  # "doing ML platform work at Zoho": the field, not the work or where
            items = [_field_done(i) for i in items]
        if (m.group("want") and said[-1] == "volunteer") or m.group("volunteers"):  # "wants to volunteer at the
            items = [f"volunteering {' '.join(items)}".strip()]  # shelter", "volunteers at the food bank": volunteering
        if re.search(r"\bto\s*$", m.group()):  # "loves to hike and fish": hiking and fishing
            items = [_doing(i) for i in items]
        taken.append((m.start(), end))
        for item in items:
            add(_shape_interest(re.sub(r"\s+together\b.*$", "", item, flags=re.IGNORECASE), shouting))
    for m in _SPORT.finditer(text) if not talks_only else ():
        if not _user_said(text, m.start()):
            add(m.group("what").lower())
    for m in _BUFF.finditer(text) if not talks_only else ():
        what = m.group("what")
        if _free(taken, m.start(), m.end()) and what.lower() not in _NOT_INTEREST | _NOT_BUFF | _LEADING_FILLER:
            taken.append((m.start(), m.end()))
            add(_tidy(what))
    for m in _FAN.finditer(text) if not talks_only else ():  # "a huge taylor swift fan", "he's a mets fan"
        words = m.group("what").split()
        while words and ((words[0].lower() in _NOT_BUFF and words[0].islower()) or _ONE_THING.match(words[0] + " ")):
            words = words[1:]
        what = " ".join(words)
        if any(w.lower() in _NOT_A_FAN for w in words):
            continue  # "he is a fan", "the ceiling fan"
        if what and _free(taken, m.start(), m.end()) and what.lower() not in _NOT_INTEREST | _LEADING_FILLER:
            taken.append((m.start(), m.end()))
            add(_tidy(what))
    return found
