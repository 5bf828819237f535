"""What a free-text note says about a person: what they care about, need and offer, what the user promised
(and by when), what they won, and their birthday.

These drive the coaching: interests and needs feed give-first nudges (principle 3: a need is the clearest chance
to give), offers tell whom to ask, promises feed follow-up nudges (principle 4) and wins feed congratulations.
The rules are plain regular expressions on purpose: a note is one or two lines typed on a phone, and a miss costs
little (the words stay in the notes), while a wrong guess that invents a promise would nag the user. So every
pattern needs a clear trigger word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.coach.reading.birthdays import on_the_birthday, read_birthday
from bot.coach.reading.interests import WANT_TO_DO, _interests, joint_projects
from bot.coach.reading.offering import (
    COME_GIVE,
    CONTACTS_IN,
    GOOD_AT,
    KNOWS,
    MENTORS,
    MIGHT_HELP,
    STARTING_MONTH,
    gift,
)
from bot.coach.reading.promises import PromiseItem, _promises
from bot.coach.reading.shorthand import tidy
from bot.coach.reading.spans import (
    _CLAUSE_AND,
    _CLAUSE_SPLIT,
    _COMMA_END,
    _NOT_INTEREST,
    MAX_ACTION_WORDS,
    MAX_FACTS_TEXT,
    MAX_ITEM_WORDS,
    MAX_ITEMS,
    _clip_words,
    _free,
    _set,
    _tidy,
    _to_boundary,
    _user_said,
    dated_end,
)
from bot.coach.reading.wanting import FIND_VERBS, JOB_HUNTING, KNOW_ANY, LINKED, SEEK_FOR, TO_FIND, WANT, WOULD


@dataclass
class Facts:
    """What a free-text note says about a person."""

    interests: list[str] = field(default_factory=list)  # "jazz", "rock climbing", "climate tech"
    promises: list[str] = field(default_factory=list)  # "send her the Ferrazzi book", "intro him to Sam"
    wins: list[str] = field(default_factory=list)  # "got promoted", "new job at Globex"
    needs: list[str] = field(default_factory=list)  # "a lawyer", "a seed round", "an intro to someone at Sequoia"
    offers: list[str] = field(default_factory=list)  # "legal advice", "review my pitch deck", "visas"
    birthday: str = ""  # "MM-DD"
    due: list[str] = field(default_factory=list)  # parallel to ``promises``: ISO due date or "" (needs ``today``)
    theirs: list[str] = field(default_factory=list)  # what they promised the user: "intro me to her CRO"
    theirs_due: list[str] = field(default_factory=list)  # parallel to ``theirs``

    def __bool__(self) -> bool:
        return bool(
            self.interests or self.promises or self.wins or self.needs or self.offers or self.birthday or self.theirs
        )

    @property
    def promise_items(self) -> list[PromiseItem]:
        """The user's promises with their due dates, in the order they were said."""
        dues = [*self.due, *[""] * (len(self.promises) - len(self.due))]
        return [PromiseItem(text, due_on) for text, due_on in zip(self.promises, dues, strict=False)]

    @property
    def their_items(self) -> list[PromiseItem]:
        """What they promised the user, with due dates."""
        dues = [*self.theirs_due, *[""] * (len(self.theirs) - len(self.theirs_due))]
        return [PromiseItem(text, due_on, "theirs") for text, due_on in zip(self.theirs, dues, strict=False)]


# --- wins: news worth congratulating ------------------------------------------------------------------------

_WIN = re.compile(
    r"\b(?:"
    r"(?P<promoted>(?:just\s+)?(?:got|was|been|is|gets|getting)\s+promoted|promoted\s+to)"
    r"|(?P<newjob>(?:(?:got|started|starting|starts|landed|has|took)\s+)?(?:a\s+)?new\s+(?:job|role|position|gig))"
    r"|(?P<rest>launched|raised|won|published|joined|shipped|released|graduated|landed|sold|exited|founded"
    r"|started\s+(?:her|his|their|a)\s+own|got\s+(?:married|engaged|funded|tenure|hired|the\s+job|into|accepted)"
    r"|had\s+a\s+baby|became\s+(?:a\s+)?(?:partner|dad|mum|mom|parent|father|mother)"
    r"|(?:won|received|got)\s+(?:an?\s+)?award|closed\s+(?:a|her|his|their)\s)"
    r")(?![\w'’])",
    re.IGNORECASE,
)
# "raised" is only a win when money is in the phrase ("raised a seed round"), not "raised a question".
_MONEY = re.compile(r"\b(?:round|seed|series|funding|million|billion|capital)\b|[$€£]|\d\s*[mk]\b", re.IGNORECASE)
_NEGATED = re.compile(r"(?:\bnot|n't|n’t|\bnever|\bno)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _wins(text: str, taken: list[tuple[int, int]]) -> list[str]:
    found: list[str] = []
    for m in _WIN.finditer(text):
        if not _free(taken, m.start(), m.end()) or _NEGATED.search(text, max(0, m.start() - 12), m.start()):
            continue
        end = _to_boundary(text, m.end(), _COMMA_END)
        clause_and = _CLAUSE_AND.search(text, m.end(), end)
        if clause_and:
            end = clause_and.start()
        tail = _clip_words(text[m.end() : end], 8)
        if m.group("promoted") or m.group("newjob"):
            # Keep only a tail that says where or what: "got promoted to VP", "new job at Globex".
            tail = tail if re.match(r"(?:to|at|with|as|in)\s", tail, re.IGNORECASE) else ""
            win = ("got promoted" if m.group("promoted") else "new job") + (f" {tail}" if tail else "")
        else:
            head = m.group("rest")
            if head.lower() == "raised" and not _MONEY.search(tail):
                continue
            if (
                head.lower()
                in {
                    "launched",
                    "raised",
                    "won",
                    "published",
                    "joined",
                    "shipped",
                    "released",
                    "landed",
                    "sold",
                    "founded",
                }
                and not tail
            ):
                continue
            win = f"{head} {tail}".strip()
        taken.append((m.start(), end))
        found.append(_tidy(re.sub(r"\s+", " ", win)))
    return found


# --- needs and offers: what a person is after, and what they can give -------------------------------------------

_SUBJECT_LINK = r"(?:(?:is|are|'s|’s|was)\s+)?(?:(?:also|currently|actively|desperately|still|really)\s+)?"
_NEED = re.compile(
    r"(?<![\w'’])(?P<lead>" + _SUBJECT_LINK + r"(?:"
    r"(?<!the\s)(?<!on\s)(?<!about\s)(?<!abt\s)hiring(?:\s+for)?(?!\s+(?:manager|mgr|process|freeze))"
    r"|(?:" + TO_FIND + r")\s+(?:to\s+)?(?<=to\s|na\s)" + FIND_VERBS + r"|raising(?:\s+for)?"
    r"|(?P<about>(?:asked|asking|asks|emailed|texted|messaged|wrote|enquired|inquired)\s+(?:about|abt|re))"
    r"|" + KNOW_ANY + r"|(?P<job>" + JOB_HUNTING + ")"
    r"|(?P<intro>" + WANT + "|" + WOULD + r"|asked\s+for)"
    r"(?=\s+(?:an?\s+)?intros?\b|\s+to\s+meet\b(?!\s+(?:me|us|you)\b))"  # "wants to meet me": no need
    r"|(?<=is\s|am\s|re\s)looking(?=\s+(?:an?\s+|new\s+|some\s+)?(?:job|jobs|work|agency|agencies|role|position"
    r"|apartment|flat|house|partner|investors?|developers?|designers?|mentor|internship|opportunit(?:y|ies))\b)"
    # "he is looking agency for the launch", "is looking job in agency": "for" left out, as non-native writers say it
    r"|(?:" + SEEK_FOR + "|" + LINKED + "|" + WANT + "|" + WOULD + r")(?!\s+(?:to|of|for|me\s+to|us\s+to)\b)"
    r"(?!\s+" + WANT_TO_DO + r"\b)"
    r"|(?:wants?|wanted|wanting)\s+to(?=\s+(?!learn\b|know\b|talk\b|chat\b|swap\b|come\b|go\b|say\b|hire\b|start\b"
    r"|think\b|wait\b|decide\b|consider\b|sleep\b|discuss\b|mull\b"  # "wants to think on it till after ...": no need
    r"|meet\s+(?:me|us|you)\b"  # "wants to meet me on 28/4": a meeting with the user, nothing to find
    r"|" + WANT_TO_DO + r"\b))"
    r"))(?:\s+|(?=[^\w\s])|$)",
    re.IGNORECASE,
)
_OFFER = re.compile(
    r"(?<![\w'’])(?:"
    r"(?:can|could|will|would)\s+(?:happily\s+)?help\s+(?:(?:me|us|you|out)\s+)?(?:with|on)"
    r"|" + MIGHT_HELP + "|" + GOOD_AT + "|" + COME_GIVE + r"|(?P<knows>" + KNOWS + ")"
    r"|(?:is\s+|'s\s+|’s\s+)?(?:happy|glad|keen|willing|offered)\s+to(?!\s+" + FIND_VERBS + r"\b)"
    r"(?:\s+help\s+(?:(?:me|us)\s+)?(?:with|on))?"
    r"|(?P<intro>(?:can|could|will|offered\s+to)\s+intro(?:duce)?\s+(?:me|us)\s+to)"
    r"|" + MENTORS + r"|(?:is\s+|'s\s+|’s\s+)?(?:an?\s+)?expert\s+(?:in|on)|knows\s+a\s+lot\s+about"
    r"|(?:offered|offers|offering|(?<!an\s)(?<!the\s)offer(?=\s+(?:to\s+)?(?:me|us)\b))(?:\s+(?:to\s+)?(?:me|us))?"
    r"(?!\s+(?:to|me|us)\b)"  # "offered us a discounted freight rate"
    r"|(?P<able>can|could)(?=\s+(?:share|shoot|do|review|lend|host|teach|show|give|fix|design|build|edit|translate"
    r"|advise|mentor|coach|tutor|train|sponsor|donate|cater|deliver|supply|provide|organi[sz]e|photograph)\b)"
    r"|(?:is\s+|'s\s+|’s\s+|are\s+)?open\s+to(?!\s+(?:moving|relocat\w*|offers?|new\s+\w+|a\s+move|it|that)\b)"
    r"|\bwrites?(?=\s+[$€£]?\d[\d.,]*\s*[km]?\s+(?:checks|cheques|tickets)\b)"  # an investor's cheque size
    r"|(?P<swap>\b(?:to|we|she|he|they|will|can|could|are|is|(?:we|they|she|he)['’]ll|(?:we|they)['’]re)\s+"
    r"(?:swap|swapping|trade|trading|exchange|exchanging)(?!\s+notes\b))"
    r"|(?P<has>(?<!\bi\s)(?<!\bwe\s)\b(?:has|have|got))(?=\s+(?:an?|\d+|some|free|spare|two|three|a\s+few)\s)"
    r"|(?P<runs>runs|hosts|organi[sz]es)(?=\s+(?:an?|the|her|his|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:group|club|circle|meetup|community|salon|crit|series)\b)"
    r")\s+",
    re.IGNORECASE,
)
# "has two openings for devs", "has 3 CVs for the role", "has spare desk space": what they have for the user. A role
# or a job only with whom it is for ("a data role for new grads"; "a senior role at a bank" is their own job).
_ON_OFFER = re.compile(
    r"^(?:[\w$€£.,/-]+\s+){0,4}?(?:(?P<post>roles?|jobs?|openings?|positions?|vacanc(?:y|ies)|gigs?)\s+for\b"
    r"|(?:cvs|resumes|candidates|space|desks?|rooms?|spots?|slots?|seats?|tickets|lessons|samples|openings?|vacanc(?:y|ies)"
    r"|reports?|templates?|guides?|discounts?|promo\s+codes?|discount\s+codes?)\b)",
    re.IGNORECASE,
)
# "Lou teaches guitar": guitar lessons; "teaches at the uni" or "teaches school" offers nothing in particular.
_TEACHES = re.compile(r"\bteach(?:es)?\s+(?P<what>[^\W\d_][\w-]*)\b(?!\s+(?:at|in|to|for)\b)", re.IGNORECASE)
_NOT_TAUGHT = _set("at in to for school class classes kids children part-time full-time there here it them")
# Service professions that are themselves an offer: "Chidi is a lawyer" means Chidi can help with legal questions.
_PROFESSION_OFFERS = {
    "lawyer": "legal advice",
    "attorney": "legal advice",
    "solicitor": "legal advice",
    "accountant": "accounting",
    "bookkeeper": "bookkeeping",
    "tutor": "{field}tutoring",  # "a french tutor": French tutoring
}
_PROFESSION = re.compile(
    r"(?:\bis|'s|’s|\bhes|\bshes)\s+(?:an?\s+)?(?P<field>\w+\s+)?(?P<job>" + "|".join(_PROFESSION_OFFERS) + r")\b",
    re.IGNORECASE,
)
# An emoji with more words after it ends a phrase ("someone to edit her memoir 📚 promised a call").
_PICTURE_BETWEEN = r"\s*[\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff][\ufe0f\u200d]*(?=\s+\w)"
_ITEM_END = re.compile(
    r"\s*(?:[,;!?\n()]|\.(?!\d)|\s[-–—]\s|\bbut\b|\bwhile\b|\bbecause\b|\bso\b|\blol\b|\bhaha\b|\bthough\b|\basap\b"
    r"|\bif\s+(?:i|we|you|they|she|he)\b"
    r"|\b(?:and|&)\s+(?:i|i'll|i’ll|i'd|i’d|she|he|they|we|she's|he's|her|his|also|then|is|was|has|loves|likes|"
    r"wants|needs|can|said|promised|owes?|plays|lives|works|runs)\b|" + _PICTURE_BETWEEN + ")",
    re.IGNORECASE,
)
_ITEM_SPLIT = re.compile(r"\s+(?:and|&)\s+(?=(?:an?|the|some|more|her|his|their)\s)", re.IGNORECASE)
_ITEM_TRAIL = re.compile(
    r"(?:\s+(?:too|as\s+well|asap|urgently|obviously|lol|haha|right\s+now|now|soon|from\s+now\s+on|going\s+forward"
    r"|for\s+(?:months|weeks|years|ages|a\s+while|some\s+time)|lately|these\s+days|at\s+the\s+moment|atm|rn))+$",
    re.I,
)


# "w/ fintech experience", "help w the deck": "with", typed short.
_WITH_SHORT = re.compile(r"(?<![\w/])w/(?!o\b)\s*|(?<![\w/])w\s+(?=\w)", re.IGNORECASE)
# "a flat, something near the river", "a laptop, ideally a light one": the same need, said more closely.
_CLOSER = re.compile(r",\s*(?:something|ideally|preferably|pref|ideally\s+something|anything)\b", re.IGNORECASE)
# "speakers for nov": a month typed short, said whole.
_SHORT_MONTH = re.compile(r"\b(for|from|through|over)\s+(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?", re.I)
_MONTHS = {
    month[:3].lower(): month
    for month in _set("January February March April June July August September October November December")
}


def _items_after(text: str, start: int) -> tuple[list[str], int]:
    end = _to_boundary(text, start, _ITEM_END)
    closer = _CLOSER.match(text, end)
    if closer:
        end = _to_boundary(text, closer.end(), _ITEM_END)
    end = dated_end(text, start, end)
    phrase = _ITEM_TRAIL.sub("", _clip_words(text[start:end], MAX_ACTION_WORDS)).strip()
    phrase = _WITH_SHORT.sub("with ", phrase)
    phrase = _SHORT_MONTH.sub(lambda m: f"{m.group(1)} {_MONTHS[m.group(2)[:3].lower()]}", phrase)
    phrase = STARTING_MONTH.sub(lambda m: f"{m.group(1)} in {_MONTHS.get(m.group(2)[:3].lower(), 'May')}", phrase)
    if closer:  # the comma belongs to the need: it is one item
        return [_tidy(phrase)], end
    items = [_tidy(i) for i in _ITEM_SPLIT.split(phrase)]
    return [i for i in items if i and i.lower() not in _NOT_INTEREST], end


_NEGATION = _set(
    """not isn't isnt isn’t aren't arent aren’t wasn't wasn’t doesn't doesnt doesn’t don't dont don’t didn't didn’t
    never no longer stopped quit"""
)


_TURN = re.compile(r"\b(?:but|and|though|while|yet)\b", re.IGNORECASE)  # "is not hiring but needs a CTO"


def _negated(text: str, start: int) -> bool:
    """ "not hiring right now", "she isn't looking for a job", "no longer needs a lawyer": no need at all."""
    clause = _CLAUSE_SPLIT.split(text[:start])[-1]
    words = _TURN.split(clause)[-1].lower().split()[-3:]
    return any(word in _NEGATION for word in words)


def _needs(text: str, taken: list[tuple[int, int]]) -> list[str]:
    found: list[str] = []
    for m in _NEED.finditer(text):
        if not _free(taken, m.start(), m.end()) or _user_said(text, m.start()):
            continue
        if _negated(text, m.start()):
            taken.append((m.start(), _to_boundary(text, m.end(), _ITEM_END)))
            continue
        start = m.end()
        if m.group("intro"):
            start = m.end()
        items, end = _items_after(text, start)
        if m.group("job"):  # "job hunting in consulting": a job there; "between jobs": a new job
            field = items[0] if items and re.match(r"in\s", items[0], re.IGNORECASE) else ""
            end = end if field else m.end()
            items = [f"a job {field}" if field else "a new job"]
        if m.group("about"):  # "asked about my kids" is small talk, not a need
            items = [i for i in items if i.split()[0].lower() not in ("my", "me", "you", "your", "it", "that")]
        if not items:
            continue
        taken.append((m.start(), end))
        items = [_A_HAND.sub("help with", i) for i in items]  # "wants a hand with the audit": help with it
        items = [i for i in items if not _SOMEONE_DONE_TO.match(i)]  # "wants him seen at our camp": for him
        found += [i for i in items if i.lower() not in {f.lower() for f in found}]
    return found + [c for c in _constraints(text, taken) if c.lower() not in {f.lower() for f in found}]


_SOMEONE_DONE_TO = re.compile(r"(?:him|them)\s+\w+(?:ed|en|wn)\b", re.IGNORECASE)
_A_HAND = re.compile(r"^(?:a\s+)?hand\s+with\b", re.IGNORECASE)
_AMOUNT = r"[$€£]?\d[\d.,]*\s*(?:k|m|mm|bn|million|thousand)?(?![\w.])"
# What a buyer, a client or a candidate sets as a bound: "budget 850k", "budget's now 1.2m", "good schools a must".
_CONSTRAINT = re.compile(
    r"\bbudget(?:['’]s|\s+is|\s+of|\s*:)?\s+(?:(?:now|still|only|around|about|roughly|up\s+to|under|max|of)\s+)*"
    r"(?P<amount>" + _AMOUNT + r")"
    r"|(?<![^,;:.!?(\s])(?P<must>[^,;:.!?()]+?)\s+(?:is\s+|are\s+)?an?\s+must\b(?!-)",
    re.IGNORECASE,
)
# The user's own bound ("told him our budget is 90k max"), not theirs.
_OWN_BOUND = re.compile(r"\b(?:i|we|our|my|told|tell|said)\b", re.IGNORECASE)


def _constraints(text: str, taken: list[tuple[int, int]]) -> list[str]:
    found: list[str] = []
    for m in _CONSTRAINT.finditer(text):
        if not _free(taken, m.start(), m.end()):
            continue
        if m.group("amount"):
            if _OWN_BOUND.search(_CLAUSE_SPLIT.split(text[: m.start()])[-1]):
                continue
            found.append(f"budget {m.group('amount').strip()}")
        else:
            what = _CLAUSE_SPLIT.split(m.group("must"))[-1]
            what = _tidy(re.sub(r"^\s*(?:and|&|also|plus)\s+", "", what, flags=re.IGNORECASE))
            if not what or _OWN_BOUND.search(what) or len(what.split()) > MAX_ITEM_WORDS:
                continue
            found.append(what)
        taken.append((m.start(), m.end()))
    return found


def _offers(text: str, taken: list[tuple[int, int]], asked: list[str]) -> list[str]:
    """The offers in ``text``; what they ask in return for one ("trade honey for eggs": eggs) goes into ``asked``."""
    found: list[str] = []
    for m in _OFFER.finditer(text):
        if not _free(taken, m.start(), m.end()) or _negated(text, m.start()):
            continue
        if _user_said(text, m.start()) and not m.group("swap"):  # "we're swapping referrals": both give
            continue
        items, end = _items_after(text, m.end())
        if not items or (m.group("has") and not _ON_OFFER.match(items[0])):
            continue
        if m.group("has") and (post := _ON_OFFER.match(items[0])) and post.group("post"):
            items = items[:1]  # "a data role for new grads": the role, whole
        if m.group("intro"):
            items = [f"intro to {items[0]}", *items[1:]]
        if m.group("able"):  # "can do weekly delivery": the delivery is the offer
            items = [re.sub(r"^do\s+", "", i, flags=re.IGNORECASE) for i in items]
            items = [i for i in items if i.split()[0].lower() not in ("it", "that", "this", "so")]
            if not items:
                continue
        if m.group("knows"):  # "knows everybody in cold chain": contacts there ("has contacts at Google": at Google)
            among = m.group("among").lower()
            items = [f"{CONTACTS_IN}{items[0]}" if among == "in" else f"contacts {among} {items[0]}", *items[1:]]
        if m.group("swap") and not m.group("swap").lower().endswith(("swap", "swapping")):
            # "trade honey for eggs": they give the honey, and want the eggs ("swap lists for the team": one thing)
            parts = [re.split(r"\s+for\s+", i, maxsplit=1) for i in items]
            items = [p[0] for p in parts]
            asked += [p[1] for p in parts if len(p) > 1]
        taken.append((m.start(), end))
        found += items
    for m in _PROFESSION.finditer(text):
        field = m.group("field") or ""
        field = tidy(field) + " " if field.strip().lower() not in _NOT_INTEREST | {"private", "great", "good"} else ""
        offer = _PROFESSION_OFFERS[m.group("job").lower()].format(field=field)
        if offer not in found:
            found.append(offer)
    for m in _TEACHES.finditer(text):
        if _free(taken, m.start(), m.end()) and m.group("what").lower() not in _NOT_TAUGHT | _NOT_INTEREST:
            found.append(f"{m.group('what')} lessons")
    return found


def extract_facts(text: str, today: date | None = None) -> Facts:
    """Interests, needs, offers, the user's promises (due dates need ``today``), wins and a birthday in ``text``.

    Promises are read first so "send her the article she published" is one promise, not also a win (but for a talk
    someone gives, their topic); needs before interests so "needs a designer who loves games" is a need.
    """
    text = re.sub(r"\s+", " ", (text or "")[:MAX_FACTS_TEXT]).strip()
    if not text:
        return Facts()
    taken: list[tuple[int, int]] = []
    birthday = read_birthday(text, taken, today)
    talks = _interests(text, taken, talks_only=True)  # "doing a talk on pricing" is their topic, not a to-do
    said = on_the_birthday(_promises(text, taken, today), birthday, today)
    promises = [p for p in said if p.whose == "mine"][:MAX_ITEMS]
    theirs = [p for p in said if p.whose == "theirs"][:MAX_ITEMS]
    wins = _wins(text, taken)
    asked: list[str] = []
    offers = _offers(text, taken, asked)  # "can help with hiring engineers" is an offer, not a need
    offers += [g for p in theirs if (g := gift(p.text)) and g not in offers]  # "she'll hold 20 bags for me"
    needs = asked + _needs(text, taken)
    fields = [  # "knows everybody in the wine trade": the wine trade is theirs to talk about
        re.sub(r"^(?:the|a|an)\s+(?=[a-z])", "", o[len(CONTACTS_IN) :]) for o in offers if o.startswith(CONTACTS_IN)
    ]
    interests = talks + [i for i in fields + joint_projects(needs) + _interests(text, taken) if i not in talks]
    return Facts(
        interests=interests[:MAX_ITEMS],
        promises=[p.text for p in promises],
        wins=wins[:MAX_ITEMS],
        needs=needs[:MAX_ITEMS],
        offers=offers[:MAX_ITEMS],
        birthday=birthday,
        due=[p.due_on for p in promises],
        theirs=[p.text for p in theirs],
        theirs_due=[p.due_on for p in theirs],
    )
