"""Where a phrase may end. A fact's object is said whole ("a product marketing lead", "the fintech market map"); when
it must be shorter it is cut where a new phrase starts ("a lawyer | for the seed round"), never inside a noun phrase
("a product marketing"), never on a word that needs more ("the", "of", "led" before "by").

``cut`` shortens at such a boundary; ``cut_short`` finds the places where a sentence stopped copying a typed line in
the middle of one of its phrases (what the drafts and mornings checks count). Pure: plain word lists, no state.
"""

from __future__ import annotations

import itertools
import re

from bot.coach.reading.dates import DATE_PHRASE
from bot.coach.reading.given_names import HONORIFICS
from bot.coach.reading.shorthand import VAGUE_TAIL, tidy


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# A word that starts a new phrase: a phrase may stop right before it.
BREAKS = _set(
    """at for with to in on by from of about over into onto via re per after before until till since during like
    as than without within through across around near under between among against toward towards w w/
    and or but so because while then plus nor yet also too either together
    who whom whose which that where when whenever once why how if unless whether
    i i'm i'll i'd i've im ill she he they we you it she's he's they're we're it's she'll he'll they'll we'll
    is was are were be been being has have had will would can could should may might must shall do does did
    need needs gotta gonna
    not never just really probably maybe still already again soon asap later now today tonight tomorrow tmrw tmw
    yesterday yday yest next last this weekend monday tuesday wednesday thursday friday saturday sunday mon tue
    tues wed thu thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec january february march april
    may june july august september october november december lol haha hehe fr lmao pls please btw fyi asap til 'til
    end eod eow cob doing working studying trying going hoping looking helping moving planning based who's wants want
    needs said says asked offered loves likes works runs lives knows thinks told gave sent tomorow tommorow tommorrow
    tomorrow 2moro 2morrow 2mrw tmr tmrow due myself yourself herself himself itself ourselves themselves no"""
)
# Words the coach's own sentences are made of ("I said I'd send", "can help"): a run of only these and small
# words is the frame meeting the line by chance, not a phrase of the line.
_FRAME = _set(
    """said say says send sent help helps helped can get got make made meet met see know want wants need needs love
    like think hear go come take give mentioned promised owe told great baby hiring"""
)
# A word a phrase never ends on: it promises more ("the", "of", "your").
NEEDS_MORE = _set(
    """a an the of to for with at in on by from about into as and or but nor your my her his their our its every
    how what why whether"""
)
# Participles that name who did it next ("led by Index", "made by hand"): cut before "by", they dangle.
_AGENT_BY = re.compile(r"(?:ed|en|led|made|run|built|held|won|brought|taught|written|done)$")
# A verbless predicate after a noun phrase ("good schools a must", "remote a plus"): the phrase ended before it.
_PREDICATES = frozenset({("a", "must"), ("a", "plus"), ("a", "bonus"), ("a", "priority")})
_POSSESSIVES = {"her": "~pos", "his": "~pos", "their": "~pos", "your": "~pos", "my": "~pos", "our": "~pos"}
_OBJECTS = {"him": "~obj", "them": "~obj", "you": "~obj", "me": "~obj", "us": "~obj"}
_TOKEN = re.compile(r"[\w$€£¥%@#'’.\-]*[\w$€£¥%]|[^\w\s]")
_STOP = BREAKS | NEEDS_MORE | _FRAME | _set("~pos ~obj i you me it")


def words(text: str) -> list[str]:
    """Words and stops of ``text``: "$2M seed round, led by Index." -> ["$2M", "seed", "round", ",", "led", ...]."""
    return _TOKEN.findall(text)


# A month typed short is the same word said whole ("speakers for dec" said "speakers for December").
_MONTHS = {
    month[:3]: month
    for month in _set("january february march april june july august september october november december")
} | {"sept": "september"}


def _norm(word: str) -> str:
    low = word.lower().replace("’", "'")
    low = low.removesuffix("'s") if len(low) > 3 else low
    low = _MONTHS.get(low, low)
    return _POSSESSIVES.get(low, _OBJECTS.get(low, low))


def _is_stop(token: str) -> bool:
    return not token[:1].isalnum() and token[:1] not in "$€£¥~"


def ends_whole(phrase: str) -> bool:
    """The phrase does not end on a word that needs more ("a book on", "your"). A letter named after a word is no
    article: "a Series A", "round a", "plan B" end whole (``NAMED_LETTER``)."""
    toks = phrase.split()
    if NAMED_LETTER.search(phrase.rstrip(".,;:!?\"'")):
        return True
    return bool(toks) and toks[-1].lower().strip(".,;:!?\"'") not in NEEDS_MORE


# "series A", "plan B", "vitamin D": a capital letter named after a word is no dangling article
NAMED_LETTER = re.compile(r"(?:^|\s)(?:series|plan|type|class|round|grade|vitamin)\s+[aA]$", re.IGNORECASE)


# Words that measure out what follows "of": "a bottle of wine", "a list of the offices", "a box of samples".
MEASURES = frozenset(
    {"bottle", "bottles", "box", "boxes", "case", "cases", "cup", "cups", "glass", "glasses", "bag", "bags",
     "pack", "packs", "pair", "pairs", "set", "sets", "list", "lists", "copy", "copies", "sample", "samples",
     "dozen", "dozens", "couple", "lot", "lots", "bunch", "piece", "pieces", "slice", "crate", "crates", "jar",
     "jars", "tin", "tins", "bouquet", "basket", "baskets", "batch", "batches", "round", "rounds"}
)
_DAY_LEAD = re.compile(r"(?:by|till|til|until|before|on|from|after|every|through|thru|due)\s+$", re.IGNORECASE)


def _day_start(text: str, at: int) -> int:
    """Where a day said at ``at`` starts with the word that leads it ("till | end of march")."""
    lead = _DAY_LEAD.search(text, 0, at)
    return lead.start() - 1 if lead else at


def cut(phrase: str, max_words: int) -> str:
    """``phrase`` at most ``max_words`` words long, cut only where a new phrase starts: "a lawyer for the seed round
    of her climate startup", 4 -> "a lawyer". A phrase with no boundary within reach is kept whole: a long noun
    phrase said whole reads better than a clipped one."""
    parts = phrase.split()
    if len(parts) <= max_words:
        return phrase
    one = " ".join(parts)
    days = [(_day_start(one, m.start()), m.end()) for m in DATE_PHRASE.finditer(one)]
    if days and days[-1][1] >= len(one.rstrip(" .,;:!?")) and len(one[: days[-1][0]].split()) <= max_words:
        return phrase  # "... out of dallas | till end of march": the day at the end is read off it, not cut into
    starts = [m.start() for m in re.finditer(r"\S+", one)]
    for end in range(max_words, 0, -1):
        if parts[end].lower() == "by" and _AGENT_BY.search(parts[end - 1].lower()):
            continue  # "a seed round led | by Index" dangles: not a place to stop
        if any(a < starts[end] < b for a, b in days):
            continue  # "till end | of march": a day is said whole or not at all
        if parts[end].lower() == "of" and parts[end - 1].lower() in MEASURES:
            continue  # "a very nice bottle | of wine": what the bottle holds is the thing
        if parts[end].lower().strip(",;:") in BREAKS and ends_whole(" ".join(parts[:end])):
            return " ".join(parts[:end]).rstrip(",;:")
        if parts[end - 1].endswith((",", ";", ":")) and ends_whole(" ".join(parts[:end])):
            return " ".join(parts[:end]).rstrip(",;:")
    return phrase


_FOLLOWER = frozenset({"fan", "fans", "nerd", "geek", "buff", "junkie", "lover", "fanatic", "enthusiast", "addict"})
_WEEK_OF = re.compile(r"\b(?:the\s+)?(?:week|wk)\s+of\b", re.IGNORECASE)
_LIST_MARK = re.compile(r"(?<=\s)[1-9][).](?=\s)")  # "... scorecard 2) some guy Brett": the next item of a list


def cut_short(said: str, source: str) -> list[str]:
    """The places where ``said`` repeats a run of ``source`` (at least one word that is not a stop word, possessives
    read alike: "her deck" is "your deck") and then stops where ``source`` went on inside the same phrase: "hoping to
    find a product marketing." from "looking for a product marketing lead". Each as "...<run> | <next word>"."""
    source = _LIST_MARK.sub(" . ", DATE_PHRASE.sub(" . ", source))  # a day ("link | day 5") or "2)" ends a phrase
    source = _WEEK_OF.sub(" . ", source)  # "set up a tour | the week of the 16th": a day, said as its week
    out_raw, src_raw = words(said), words(tidy(source))
    out, src = [_norm(t) for t in out_raw], [_norm(t) for t in src_raw]
    found: list[str] = []
    whole_until = 0  # the words of a run found whole are not checked again inside it
    for i in range(len(out)):
        if _is_stop(out[i]) or i < whole_until:
            continue
        runs = [_run(out, src, src_raw, i, j) for j in range(len(src))]
        clipped = [(j, n) for j, (n, cut_there) in enumerate(runs) if cut_there]
        whole_until = max([whole_until, *(i + n for n, cut_there in runs if n >= 2 and not cut_there)])
        if clipped and whole_until <= i:  # cut short wherever it stands in the line
            j, n = clipped[0]
            found.append(f"{' '.join(out_raw[i : i + n])} | {src_raw[j + n] if j + n < len(src) else ''}")
    return found


def _run(out: list[str], src: list[str], src_raw: list[str], i: int, j: int) -> tuple[int, bool]:
    """How many words of ``out`` from ``i`` repeat ``src`` from ``j`` (0 when that is no run of a phrase worth
    checking), and whether the run stops inside the line's phrase."""
    if out[i] != src[j] or (i and j and out[i - 1] == src[j - 1]):
        return 0, False  # not the start of a maximal run
    n = 0
    while i + n < len(out) and j + n < len(src) and out[i + n] == src[j + n]:
        n += 1
    run = out[i : i + n]
    if len(run) < 2 or not any(t not in _STOP and not _is_stop(t) for t in run):
        return 0, False  # one word (a first name) or only small words in common: no phrase of the line
    last = run[-1]
    if _is_stop(last) or (j + n < len(src) and src_raw[j + n - 1][:1].isupper() and src_raw[j + n][:1].isupper()):
        return n, False  # the run ends on a stop, or on a first name before the surname (a greeting's "Hi Mei")
    after_out = out[i + n] if i + n < len(out) else "."
    after_src = src[j + n] if j + n < len(src) else "."
    if after_src == "of" and last in MEASURES:
        return n, True  # "a very nice bottle | of wine": cut inside the phrase
    if not (_is_stop(after_out) or after_out in BREAKS):
        return n, False  # the sentence goes on with words of its own: another phrase, not a clipped one
    if after_src in VAGUE_TAIL:
        return n, False  # "the membrane protein | stuff": a vague last word left out on purpose (shorthand.tidy)
    if after_src in _FOLLOWER:
        return n, False  # "a hollow knight | fan": what they follow, whole ("into hollow knight")
    if tuple(src[j + n : j + n + 2]) in _PREDICATES:
        return n, False  # "good schools | a must": what is said of the phrase, not more of it
    rest = itertools.takewhile(lambda t: not _is_stop(t), src[j + n :])
    if all(t in NEEDS_MORE or t.startswith("~") for t in rest):
        return n, False  # the line itself stops there ("hiring a designer for his"): nothing whole was left out
    if last in NEEDS_MORE:
        return n, True
    if last in BREAKS:
        return n, False  # "Tomek is | developer": the run ended on a word that opens a phrase, not inside one
    if after_src == "by" and _AGENT_BY.search(last):
        return n, True  # "round led | by Index"
    if src_raw[j + n][:1].isupper() and not src_raw[j + n].isupper():
        return n, False  # a name after the phrase ("follow up | Hans-Peter"): someone else's, not more of it
    owner = src_raw[j + n - 1][:1].isupper() and src_raw[j + n - 1].endswith(("'s", "’s"))  # "Okoro's | office"
    if owner or src_raw[j].lower().rstrip(".") in HONORIFICS:
        return n, False  # "Hi Mr. Adeyemi" (then "telephoned"), "Councilmember Okoro's": a name, whole
    if _name_after_a_preposition(src_raw, j + n - 1):
        return n, False  # "at FedEx Ground | hub Waco": the name is whole; which site follows, not the rest of it
    return n, not _is_stop(after_src) and after_src not in BREAKS


_BEFORE_A_NAME = frozenset({"at", "@", "from", "with", "w/", "for", "in", "of"})


def _name_after_a_preposition(src_raw: list[str], last: int) -> bool:
    """The word at ``last`` ends a run of capitalised words said right after "at", "from", "with"...: a name ("at
    FedEx Ground", "from Middlesex Uni"), not a word that describes the next ("a React Native | developer")."""
    if not src_raw[last][:1].isupper():
        return False
    k = last
    while k > 0 and src_raw[k - 1][:1].isupper():
        k -= 1
    return k > 0 and src_raw[k - 1].lower() in _BEFORE_A_NAME
