"""What a note says about a person, as typed facts: a new job, a win, a life event, what they need, offer
and care about, and the goals the user states. Facts keep their words; how they are said is saying's work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.coach.reading.boundaries import ends_whole
from bot.coach.reading.names import fold
from bot.coach.reading.notes import extract_facts
from bot.coach.reading.offering import MENTORS
from bot.coach.reading.second_person import to_second_person
from bot.coach.reading.slots import (
    _DROPPABLE,
    _NAMED_AFTER,
    _clip,
    _interest,
    _is_pronoun_phrase,
    _org,
    _pronoun,
    _pruned,
    _role,
    _round,
    _thing,
    _without_emoji,
)
from bot.store.records import Contact, Fact, new_id

# Kinds that are news worth congratulating.
NEWS_KINDS = ("win", "job_change", "life_event")


# -- 1. reading ------------------------------------------------------------------------------------------------


_SUBJECT = r"(?:(?:she|he|they|she's|he's|they're|she’s|he’s|they’re)\s+)?"
_ADVERB = r"(?:(?:just|recently|finally|now|officially|also)\s+)?"
# "Raj Patel's lab": a place named after its head is said with what it is (slots._NAMED_AFTER).
_ORG = (
    r"(?P<org>[A-Z0-9][\w&.'’+-]*(?:\s+(?:[A-Z0-9&][\w&.'’+-]*|of|de|and|for)){0,3}"
    r"(?:(?<=['’]s)\s+(?:" + "|".join(sorted(_NAMED_AFTER)) + r")\b)?)"
)
_PLACE = r"(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})"
_ROLE = (
    r"(?:an?\s+|the\s+)?(?P<role>[A-Za-z][\w&/-]*"
    r"(?:\s+(?!at\b|in\b|with\b|and\b|but\b|since\b|last\b|this\b)[A-Za-z][\w&/-]*){0,3})"
)

_JOB = re.compile(
    "|".join(
        (
            # "started a new job at Anthropic (as PM)", "new role as PM at Anthropic", "got a new job"
            r"\b(?P<new>(?:started|starting|starts|got|landed|took|has|accepted)\s+(?:a\s+)?new\s+(?:job|role|position|gig)"
            r"|new\s+(?:job|role|position|gig))(?:\s+as\s+" + _ROLE.replace("role>", "role1>") + r")?"
            r"(?:\s+at\s+" + _ORG.replace("org>", "org1>") + r")?(?:\s+as\s+" + _ROLE.replace("role>", "role2>") + ")?",
            # "joined Anthropic (as PM)", "started at Anthropic", "left Google for Anthropic"
            r"\b(?:joined|joining|joins|started\s+at|starting\s+at|starts\s+at|moved\s+over\s+to|switched\s+to"
            r"|got\s+the\s+job\s+at|(?:is\s+)?now\s+(?:at|with)|(?:accepted|took)\s+(?:an?\s+|the\s+)?offer\s+(?:from|at)"
            r"|left\s+[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2}\s+(?:for|to\s+join))\s+"
            + _ORG.replace("org>", "org3>")
            + r"(?:\s+as\s+"
            + _ROLE.replace("role>", "role3>")
            + ")?",
            # "is now PM at Anthropic", "now a designer at Figma"
            r"\b(?:is\s+)?now\s+(?:(?:she|he|they)\s*(?:is|are|['’]s|['’]re)\s+)?(?:working\s+)?(?:as\s+)?(?:an?\s+)?"
            + _ROLE.replace("role>", "role4>")
            + r"\s+at\s+"
            + _ORG.replace("org>", "org4>"),
        )
    )
)
_PROMOTED = re.compile(r"\b(?:got|was|been|gets|getting|is)\s+promoted(?:\s+to\s+" + _ROLE + ")?", re.IGNORECASE)
_MOVE = re.compile(
    r"\b(?P<verb>moving|moved|relocating|relocated|relocates|moves|is\s+moving|will\s+move|just\s+moved)"
    r"(?:\s+(?:back|over|out))?\s+to\s+" + _PLACE
)
# Needs: what they are looking for. "is hiring (a designer)", "looking for a lawyer", "needs a CTO",
# "raising a seed round".
_NEED = re.compile(
    r"\b(?:(?P<hiring>is\s+hiring|are\s+hiring|(?<!the\s)hiring(?!\s+(?:team|manager|mgr|committee|process|freeze"
    r"|panel|pipeline|plan)\b))(?:\s+(?:for\s+)?(?P<hired>[^,.;!?()]+))?"
    r"|(?:is\s+|are\s+)?(?:looking|searching|hunting)\s+for\s+(?P<sought>[^,.;!?()]+)"
    r"|(?:needs|need|wants|could\s+use)\s+(?P<needed>(?:an?|some|more|the|help\s+with|advice\s+on|intros?\s+to)\s+[^,.;!?()]+)"
    r"|(?:is\s+|are\s+)?(?P<raising>raising|fundraising\s+for|fundraising)(?:\s+(?P<round>[^,.;!?()]+))?)",
    re.IGNORECASE,
)
# Offers: what they can help with. "can help with intros to VCs", "happy to review decks", "expert in tax law".
_OFFER = re.compile(
    r"\b(?:can\s+help(?:\s+\w+)?\s+with|happy\s+to\s+help\s+with|could\s+help\s+with|offers|offered\s+to\s+help\s+with"
    r"|(?:is\s+)?(?:an?\s+)?expert\s+(?:in|on)|knows\s+(?:a\s+lot|everything)\s+about|"
    + MENTORS
    + r")\s+(?P<what>[^,.;!?()]+)"
    r"|\bhappy\s+to\s+(?P<act>review|mentor|advise\s+on|introduce\s+\w+\s+to|intro\s+\w+\s+to)\s+(?P<obj>[^,.;!?()]+)",
    re.IGNORECASE,
)
# Life events: wonderful news that nobody "earned". (event, pattern)
_LIFE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (event, re.compile(pattern, re.IGNORECASE))
    for event, pattern in (
        ("engagement", r"\b(?:got|just\s+got|is|are)\s+engaged\b|\bengagement\b"),
        ("wedding", r"\b(?:got|is\s+getting|getting|just\s+got)\s+married\b|\b(?:her|his|their)\s+wedding\b"),
        (
            "grandchild",
            r"\bbecame\s+(?:a\s+)?grand(?:father|mother|dad|pa|ma|mum|mom|parent)s?\b"
            r"|(?:\bis|\bare|'s|’s)\s+(?:a\s+)?grand(?:father|mother|dad|pa|ma|mum|mom|parent)s?\s+now\b"
            r"|\b(?:new|first|second|third)\s+grand(?:child|son|daughter|baby|kid)\b"
            r"|\bgrand(?:child|son|daughter|baby)\s+(?:just\s+)?(?:arrived|was\s+born|is\s+here)\b"
            r"|\b(?:daughter|son)\s+(?:just\s+)?(?:had|welcomed)\s+(?:a|her|his|their)?\s*"
            r"(?:baby|twins|son|daughter|girl|boy)\b",
        ),
        (
            "baby",
            r"\b(?:had|welcomed|having)\s+(?:a|her|his|their)\s+(?:\w+\s+)?(?:baby|son|daughter|girl|boy|kid|child)\b"
            r"|\bbecame\s+(?:a\s+)?(?:dad|mum|mom|parent|father|mother)\b|\bnew\s+baby\b",
        ),
        ("twins", r"\bhad\s+twins\b"),
        ("expecting", r"\b(?:is|are)\s+(?:pregnant|expecting)\b|\bexpecting\s+(?:a|their|her|his)\s+(?:\w+\s+)?baby\b"),
        ("retirement", r"\b(?:just\s+)?retired\b"),
        ("house", r"\bbought\s+(?:a|her|his|their)\s+(?:first\s+)?(?:house|home|flat|apartment)\b"),
        ("graduation", r"\bgraduated\b"),
    )
)
# A piece of their work published: "her story was published in the New Yorker", "had his first book published",
# "got a short story published in Granta". The venue is a name, so it keeps its capitals.
_WORK = (
    r"(?i:(?:(?:first|new|latest|short|debut|next)\s+){0,2}"
    r"(?:story|book|novel|article|piece|essay|paper|poem|op-?ed|column|memoir|cookbook|collection))"
)
_VENUE = r"(?:\s+(?i:in|on|by)\s+(?P<venue>(?:the\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}))?"
_PUBLISHED = re.compile(
    rf"\b(?i:her|his|their|a|an)\s+(?P<work>{_WORK})\s+(?i:(?:was|got|has\s+been|just|finally)\s+)*"
    rf"(?i:published|came\s+out|is\s+out|appeared|ran){_VENUE}"
    rf"|\b(?i:had|got)\s+(?i:her|his|their|a|an)\s+(?P<work2>{_WORK})\s+(?i:published)"
    + _VENUE.replace("venue", "venue2")
)
# Wins extract_facts does not know yet (principle 3: congratulate a win). Each: (event, pattern, verb).
_MORE_WINS = re.compile(
    r"\b(?P<verb>finished|completed|ran|won|received|got|earned|closed|published|launched|shipped|sold|hit|made"
    r"|defended|passed|opened)\s+"
    r"(?P<what>(?:her|his|their|a|an|the|its)\s+(?:first\s+|second\s+|own\s+|\w+\s+)?(?:\w+\s+)?"
    r"(?:marathon|half[\s-]marathon|ironman|triathlon|race|ultra|award|prize|grant|fellowship|round|series\s+\w|"
    r"book|paper|novel|album|app|product|company|startup|business|podcast|funding|seed\s+round|deal|milestone"
    r"|thesis|dissertation|phd|exam|exams|bar|license|licence|degree|certification|mba|bakery|restaurant|cafe|café"
    r"|shop|store|gallery|practice|studio)"
    r"[^,.;!?()]*)"
    r"|\b(?P<named>(?:was\s+|got\s+|been\s+)?named\s+(?:to|in|on|as)\s+(?P<list>[^,.;!?()]+))"
    r"|\b(?P<acquired>(?:was|got|has\s+been|just\s+got)\s+acquired(?:\s+by\s+(?P<buyer>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2}))?)",
    re.IGNORECASE,
)


def read_facts(text: str, contact: Contact, on: str, source_id: str = "") -> list[Fact]:
    """The typed facts a note or capture says about ``contact``, learned on ``on`` (ISO day). Not saved.

    Promises are not returned: they are kept as Promise records, which have their own open/kept life; ``known``
    derives promise facts from those.
    """
    text = " ".join((text or "").split())[:2000]
    if not text:
        return []
    pronoun = _pronoun(text)
    found: list[Fact] = []

    def add(kind: str, **slots: str) -> None:
        slots = {k: w for k, v in slots.items() if (w := _without_emoji(v))}
        if pronoun != "they":
            slots["pronoun"] = pronoun
        fact = Fact(id=new_id(), contact_id=contact.id, kind=kind, slots=slots, on=on, source_id=source_id)
        if _key(fact) not in {_key(f) for f in found}:
            found.append(fact)

    scanned = _without_names(text, contact)
    promoted = _PROMOTED.search(scanned)
    if promoted:
        add("win", event="promotion", verb="promoted", to=_role(promoted.group("role") or ""))
    elif re.search(r"\b(?:made|became|becomes|making)\s+(?:a\s+)?partner\b", scanned, re.IGNORECASE):
        add("win", event="promotion", verb="promoted", to="partner")
    for m in _JOB.finditer(scanned):
        org = next((m.group(g) for g in ("org1", "org3", "org4") if m.group(g)), "") or ""
        role = next((m.group(g) for g in ("role1", "role2", "role3", "role4") if m.group(g)), "") or ""
        org, role = _org(org), _role(role)
        if org or role or m.group("new"):
            add("job_change", company=org, role=role)
    for m in _MOVE.finditer(scanned):
        future = m.group("verb").lower().startswith(("moving", "relocating", "is", "will", "moves", "relocates"))
        add("move", place=_org(m.group("place")), tense="future" if future else "past")
    for event, pattern in _LIFE:
        if pattern.search(scanned) and not (event in ("baby", "twins") and _life_said(found, "grandchild")):
            add("life_event", event=event)
    for m in _PUBLISHED.finditer(scanned):  # "her story was published in the New Yorker": their work, by name
        work = " ".join((m.group("work") or m.group("work2")).lower().split())
        venue = m.group("venue") or m.group("venue2") or ""
        what = f"your {work}" + (f" in {venue}" if venue else "")
        add("win", event="published", verb="published", work=work, what=what)
    for m in _NEED.finditer(scanned):
        if _negated(scanned, m.start()):
            continue
        if m.group("hiring"):
            hired = _without_emoji(m.group("hired") or "").strip(" .,;:!?")
            whom = re.fullmatch(r"(?:her|him|them|me|us|you|it)", hired, re.IGNORECASE) or not ends_whole(hired.lower())
            add("need", act="hiring", what="" if whom else _thing(hired, text, "hiring"))  # "HIRING HER", "HIRING A"
        elif m.group("raising"):
            add("need", act="raising", what=_round(_thing(m.group("round") or "", text, "raising")) or "funding")
        else:
            wanted = m.group("sought") or m.group("needed") or ""
            helped = re.match(r"(?:some\s+)?(help\s+with|advice\s+on)\s+", wanted, re.IGNORECASE)
            if helped:  # "needs help with pitch deck reviews": what they need help with
                act = helped.group(1).split()[0].lower()
                add("need", act=act, what=_thing(wanted[helped.end() :], text))
                continue
            what = _thing(wanted, text)
            if what and not _is_pronoun_phrase(what):
                add("need", what=what)
    for m in _OFFER.finditer(scanned):
        if m.group("act"):
            add("offer", act=m.group("act").lower().split()[0], what=_thing(m.group("obj"), text))
        elif (what := _thing(m.group("what"), text)) and not _is_pronoun_phrase(what):
            add("offer", what=what)

    mined = extract_facts(text)
    taken = {fold(f.slots.get("what", "")) for f in found}
    for phrase in mined.wins:
        fact = _win_fact(phrase, text, contact, on, source_id, pronoun)
        if fact is not None and not _covered(fact, found):
            found.append(fact)
    for m in _MORE_WINS.finditer(scanned):
        if _negated(scanned, m.start()):
            continue
        if m.group("named"):
            add("win", event="award", verb="named", what=_clip(m.group("list"), text))
            continue
        if m.group("acquired"):
            add("win", event="exit", verb="acquired", by=_org(m.group("buyer") or ""))
            continue
        fact = _win_fact(f"{m.group('verb')} {m.group('what')}", text, contact, on, source_id, pronoun)
        if fact is not None and not _covered(fact, found):
            found.append(fact)
    # "not hiring right now" says there is no need: trust the negation over a need read from the same text.
    refused = re.search(r"(?:\bnot|n't|n’t|\bno longer)\s+(?:\w+\s+)?(?:hiring|looking|need|raising)", scanned, re.I)
    for kind, items in (("need", [] if refused else mined.needs), ("offer", mined.offers)):
        said = [set(fold(f.slots.get("what", "")).split()) - _DROPPABLE for f in found if f.kind == kind]
        for item in items:
            what = _thing(item, text)
            words = set(fold(what).split()) - _DROPPABLE
            if what and words and not any(words & other for other in said) and not _is_pronoun_phrase(what):
                said.append(words)
                add(kind, what=what)
    for interest in mined.interests:
        what = _interest(interest, text)
        if what and fold(what) not in taken:
            add("interest", what=what)
    return found


def _win_fact(phrase: str, source: str, contact: Contact, on: str, source_id: str, pronoun: str) -> Fact | None:
    """A win phrase as extract_facts or _MORE_WINS found it ("launched her startup") -> a win fact."""
    phrase = re.sub(r"^(?:just|finally|recently)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    low = phrase.lower()
    slots: dict[str, str]
    if low.startswith(("got promoted", "promoted")):
        to = re.match(r"(?:got\s+)?promoted\s+to\s+(.+)", phrase, re.IGNORECASE)
        slots = {"event": "promotion", "verb": "promoted", "to": _role(to.group(1)) if to else ""}
    elif low.startswith("new job") or re.match(r"(?:got|started|landed|took)\s+(?:a\s+)?new\s+(?:job|role)", low):
        at = re.search(r"\bat\s+" + _ORG, phrase)
        slots = {"event": "new_job", "company": _org(at.group("org")) if at else ""}
        return Fact(
            id=new_id(), contact_id=contact.id, kind="job_change", slots=_pruned(slots, pronoun), on=on,
            source_id=source_id,
        )  # fmt: skip
    elif re.match(r"(?:became|made)\s+(?:a\s+)?partner\b", low):  # "made partner": a promotion
        slots = {"event": "promotion", "verb": "promoted", "to": "partner"}
    elif re.match(
        r"got\s+(?:married|engaged)|had\s+a\s+baby|became\s+(?:a\s+)?(?:dad|mum|mom|parent|father|mother)", low
    ):
        event = "wedding" if "married" in low else "engagement" if "engaged" in low else "baby"
        return Fact(
            id=new_id(), contact_id=contact.id, kind="life_event", slots=_pruned({"event": event}, pronoun), on=on,
            source_id=source_id,
        )  # fmt: skip
    elif low.startswith("graduated"):
        return Fact(
            id=new_id(), contact_id=contact.id, kind="life_event", slots=_pruned({"event": "graduation"}, pronoun),
            on=on, source_id=source_id,
        )  # fmt: skip
    else:
        verb, _, rest = phrase.partition(" ")
        verb = verb.lower()
        if verb == "joined":  # "joined Stripe" is a new job
            company = _org(rest)
            return Fact(
                id=new_id(), contact_id=contact.id, kind="job_change", slots=_pruned({"company": company}, pronoun),
                on=on, source_id=source_id,
            ) if company else None  # fmt: skip
        what = _clip(to_second_person(rest, contact), source)
        if verb == "started" and not what.lower().startswith("your own"):
            return None  # "started her own studio" is a win; "started the meeting late" is not
        event = _EVENT_OF_VERB.get(verb, "win")
        if re.search(r"marathon|ironman|triathlon|race|ultra", what, re.IGNORECASE):
            event = "race"
        elif re.search(r"award|prize|grant|fellowship", what, re.IGNORECASE):
            event = "award"
        elif verb == "raised" or re.search(r"\bround\b|funding", what, re.IGNORECASE):
            event = "funding"
        if not what and event != "win":
            return None
        slots = {"event": event, "verb": verb, "what": what}
    return Fact(
        id=new_id(), contact_id=contact.id, kind="win", slots=_pruned(slots, pronoun), on=on, source_id=source_id
    )


_EVENT_OF_VERB = {
    "launched": "launch", "shipped": "launch", "released": "launch", "opened": "launch", "founded": "launch",
    "started": "launch", "published": "published", "raised": "funding", "closed": "funding", "won": "award",
    "received": "award", "finished": "race", "completed": "race", "ran": "race", "sold": "exit",
    "exited": "exit", "landed": "win",
}  # fmt: skip


def _life_said(found: Sequence[Fact], event: str) -> bool:
    return any(f.kind == "life_event" and f.slots.get("event") == event for f in found)


def _covered(fact: Fact, found: Sequence[Fact]) -> bool:
    """Already said by a fact found earlier in the same text (a promotion read twice, a win that is a job, a piece
    published)."""
    key = _key(fact)
    for other in found:
        if _key(other) == key:
            return True
        if fact.kind == "win" and other.kind == "win" and other.slots.get("work"):
            return True
        baby = fact.kind == "life_event" and fact.slots.get("event") in ("baby", "twins")
        if baby and _life_said(found, "grandchild"):  # "her daughter had a baby": a grandchild, said once
            return True
        if (
            fact.kind == "win"
            and other.kind == "win"
            and fact.slots.get("event") == "promotion" == other.slots.get("event")
        ):
            return True
        if fact.kind == other.kind == "job_change":
            return True
        if fact.kind == "win" and other.kind == "job_change":  # "got the job at Stripe" is that job, said once
            what = fact.slots.get("what", "").lower()
            company = other.slots.get("company", "").lower()
            if "job" in what.split() or (company and company in what):
                return True
        if fact.kind == "win" and other.kind == "life_event" and fact.slots.get("event") in ("win", "launch"):
            return False
    return False


def _without_names(text: str, contact: Contact) -> str:
    """The contact's names read as "she": "Jane just got promoted" reads like "she just got promoted"."""
    for word in {w for w in contact.name.split() if len(w) > 1}:
        text = re.sub(rf"\b{re.escape(word)}(?:'s|’s)?\b", "they", text)
    return text


def _negated(text: str, start: int) -> bool:
    return bool(re.search(r"(?:\bnot|n't|n’t|\bnever|\bno longer)\s+(?:\w+\s+)?$", text[max(0, start - 16) : start]))


# -- typed pieces: a card's needs, offers and interests, the user's offers and goals -------------------------------


def supersedes(fact: Fact, current: Iterable[Fact]) -> list[Fact]:
    """The current facts that ``fact`` makes out of date: the previous job, the previous move."""
    if fact.kind in ("job_change", "move"):
        return [old for old in current if old.kind == fact.kind and not old.superseded_on and old.id != fact.id]
    return []


def _key(fact: Fact) -> tuple[str, str]:
    """Two facts with the same key say the same thing."""
    s = fact.slots
    if fact.kind == "job_change":
        main = s.get("company", "") or s.get("role", "")
    elif fact.kind == "move":
        main = s.get("place", "")
    elif fact.kind == "life_event":
        main = s.get("event", "")
    elif fact.kind == "win" and s.get("event") == "promotion":
        main = "promotion " + s.get("to", "")
    elif fact.kind == "promise":
        main = s.get("promise_id", "")
    elif fact.kind == "help_received":
        main = s.get("source", "")
    else:
        main = s.get("act", "") + " " + s.get("what", "")
    return fact.kind, fold(main)
