"""Personal notes the user can copy and send: thank-yous, follow-ups, catch-ups, shares, introductions and
congratulations.

Most people skip the follow-up and the thank-you because the blank page is the hard part (principles 4 and 5).
A draft that already cites where you met, the promise you made and what they care about removes that excuse.

Split of work: this module decides *which* facts a note mentions (the latest help received, the open
promises, an interest, a win...); the templates under templates/drafts/ own the phrasing, with several
variants per kind so notes do not all sound alike. A fact that is not known is passed as "" or [] and the
template leaves out the whole sentence around it, so a note never shows an empty slot. User text is passed
as data and never compiled.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from datetime import date

from bot.coach.capture_facts import extract_facts
from bot.coach.errors import NotUnderstood, UnknownContact
from bot.coach.models import Contact
from bot.coach.network import Network
from bot.coach.when import how_long, when_in_words
from bot.rendering import render

DRAFT_KINDS: tuple[str, ...] = ("thanks", "followup", "reconnect", "share", "intro", "congrats")

KIND_HELP: dict[str, str] = {
    "thanks": "a thank-you note (after a meeting or help)",
    "followup": "a short note after meeting, keeping what you promised",
    "reconnect": "a warm catch-up with someone you haven't talked to in a while",
    "share": "pass on an article or lead that matches their interests",
    "intro": "offer to introduce two people (asks the first one before you connect them)",
    "congrats": "congratulate them on their latest win (a promotion, a new job, a launch...)",
}

# Every kind's template has this many phrasings; ``variant`` wraps around so a "another version" button can
# simply count up.
VARIANTS = 3

# A note that quotes a long note verbatim stops sounding like a person; past this length we cite the meeting.
_MAX_QUOTED_NOTE = 100


@dataclass
class Draft:
    kind: str
    text: str  # the note itself, plain text, ready to copy (the handler escapes it on send)
    contact_ids: list[str]  # who it is for (two for intro: the one it is written to first)
    promise_ids: list[str]  # open promises the note fulfils or mentions, so the UI can offer "mark as done"
    variant: int = 0  # the phrasing used; variant + 1 is "another wording"


def draft_note(
    kind: str,
    network: Network,
    contact_id: str,
    today: date,
    *,
    other_id: str | None = None,
    sender_name: str = "",
    variant: int | None = None,
) -> Draft:
    """Write a ``kind`` note to one contact (for "intro", to ``contact_id`` about meeting ``other_id``).

    ``variant`` picks the phrasing; None chooses one from (contact, day), so asking twice on the same day
    gives the same note while different days and people read differently.
    """
    if kind not in DRAFT_KINDS:
        raise NotUnderstood(f"I can draft these notes: {', '.join(DRAFT_KINDS)}. For example: /draft thanks Jane")
    if kind == "intro" and not other_id:
        raise NotUnderstood("An introduction needs two people, the one you write to first: /draft intro Jane Tom")
    contact = _contact(network, contact_id)
    seed = zlib.crc32(f"{contact_id}|{today.isoformat()}".encode())
    chosen = (seed if variant is None else variant) % VARIANTS

    context = _about(network, contact, today, seed)
    context.update(variant=chosen, sender_name=" ".join(sender_name.split()))
    contact_ids = [contact.id]
    promise_ids: list[str] = []
    if kind == "thanks":
        promise_ids = _thanks_facts(network, contact, context)
    elif kind == "followup":
        promise_ids = _followup_facts(network, contact, context)
    elif kind == "intro":
        other = _contact(network, other_id or "")
        if other.id == contact.id:
            raise NotUnderstood("Pick two different people to introduce: /draft intro Jane Tom")
        context.update(_intro_facts(contact, other, seed))
        contact_ids.append(other.id)
    elif kind == "congrats":
        _congrats_facts(network, contact, context)

    text = tidy(render(f"drafts/{kind}.txt", **context))
    return Draft(kind=kind, text=text, contact_ids=contact_ids, promise_ids=promise_ids, variant=chosen)


def tidy(text: str) -> str:
    """Normalise whitespace into the shape of a note: greeting, one body paragraph, sign-off.

    Paragraphs are separated by blank lines. The first is the greeting and the last the sign-off
    ("Best,\\nSam", whose line break is kept); everything between is the body, whose line breaks are template
    layout, so it is joined into one single-spaced paragraph - a 2-6 sentence note needs no more.
    """
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    if len(paragraphs) < 3:
        return "\n\n".join(" ".join(p.split()) for p in paragraphs)
    greeting, *body, signoff = paragraphs
    lines = [" ".join(line.split()) for line in signoff.splitlines() if line.strip()]
    return "\n\n".join([" ".join(greeting.split()), " ".join(" ".join(body).split()), "\n".join(lines)])


# --- facts every kind may use ---


def _contact(network: Network, contact_id: str) -> Contact:
    contact = network.contact(contact_id)
    if contact is None:
        raise UnknownContact(contact_id)
    return contact


def _clean(text: str) -> str:
    """Trim user text so it sits inside our sentences: "climate tech. " -> "climate tech"."""
    return text.strip().rstrip(".,;: ").strip()


def _past_day(iso: str, today: date) -> date | None:
    """A logged date, or None when missing, unreadable or in the future (a typo we should not quote)."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return None
    return day if day <= today else None


def _about(network: Network, contact: Contact, today: date, seed: int) -> dict[str, object]:
    """What we know about the contact, each fact "" when unknown."""
    timeline = network.timeline(contact.id)
    meetings = [i for i in timeline if i.kind == "met"]
    # Where and when we met: the contact card first (the first meeting), then the logged meetings.
    first_where = _clean(contact.met_context) or next((_clean(m.context) for m in meetings if m.context), "")
    first_on = _past_day(contact.met_on, today) or next((d for m in meetings if (d := _past_day(m.on, today))), None)
    latest_where, latest_on = first_where, first_on
    if len(meetings) > 1:  # met again since the card was written: the latest meeting is the one to cite
        latest_where, latest_on = _clean(meetings[-1].context), _past_day(meetings[-1].on, today)

    notes = [_clean(i.text) for i in timeline if i.kind == "note" and _clean(i.text)]
    last_note = notes[-1] if notes and len(notes[-1]) <= _MAX_QUOTED_NOTE else ""
    interests = [_clean(i) for i in contact.interests if _clean(i)]
    wins = [_clean(w) for w in contact.wins if _clean(w)]
    last_touch = network.last_touch(contact.id)
    last_touch = last_touch if last_touch and last_touch <= today else None

    return {
        "first_name": contact.first_name.strip() or "there",  # names stay as typed: "J." keeps its dot
        "company": _clean(contact.company),
        "role": _clean(contact.role),
        # Where/when for a thank-you or follow-up: the latest meeting. For a catch-up: when we first met.
        "met_where": latest_where,
        "met_when": when_in_words(latest_on, today) if latest_on else "",
        "met_again": len(meetings) > 1,
        "first_where": first_where,
        "first_when": when_in_words(first_on, today) if first_on else "",
        # Rotate through interests with the day so repeated notes do not always ask about the same thing.
        "interest": interests[seed % len(interests)] if interests else "",
        "win": wins[-1] if wins else "",
        "last_note": last_note,
        "gap": how_long(last_touch, today) if last_touch else "",
    }


# --- thanks ---

# Past-tense verbs people use for help ("sent me the deck") whose -ing form is not just "-ed" -> "-ing".
_IRREGULAR = {
    "sent": "sending", "gave": "giving", "took": "taking", "made": "making", "told": "telling",
    "lent": "lending", "got": "getting", "found": "finding", "wrote": "writing", "bought": "buying",
    "paid": "paying", "put": "putting", "taught": "teaching", "brought": "bringing", "met": "meeting",
    "spent": "spending", "let": "letting", "read": "reading", "proofread": "proofreading", "saw": "seeing",
    "did": "doing", "came": "coming", "went": "going", "kept": "keeping", "held": "holding", "set": "setting",
    "ran": "running", "drove": "driving", "rode": "riding", "flew": "flying", "wove": "weaving",
    # ...and the ones wins use ("won the hackathon", "became a partner").
    "won": "winning", "sold": "selling", "became": "becoming", "had": "having", "built": "building",
    "began": "beginning", "grew": "growing", "led": "leading", "hit": "hitting", "shot": "shooting",
}  # fmt: skip


def _gerund(help_text: str) -> str:
    """ "reviewed my CV" -> "reviewing my CV" for "Thank you for ..."; "" when not a past-tense phrase."""
    verb, _, rest = help_text.partition(" ")
    low = verb.lower()
    if len(low) > 4 and low.endswith("ing"):
        return help_text  # already "helping me with ..."
    if low in _IRREGULAR:
        ing = _IRREGULAR[low]
    elif len(low) > 3 and low.endswith("ied"):
        ing = low[:-3] + "ying"
    elif len(low) > 3 and low.endswith("eed"):
        ing = low[:-1] + "ing"
    elif len(low) > 3 and low.endswith("ed") and low.isalpha():
        ing = low[:-2] + "ing"
    else:
        return ""
    return f"{ing} {rest}".strip()


def _thanks_facts(network: Network, contact: Contact, context: dict[str, object]) -> list[str]:
    """What to thank for: an owed thank-you first, else the latest help received, else the meeting.

    When the latest help was already thanked, the note closes the loop instead (principle 5: tell them later
    how it turned out).
    """
    help_text, helped, close_loop, promise_ids = "", False, False, []
    owed = network.open_promises(contact.id, "thanks")
    if owed:
        latest = max(owed, key=lambda p: p.made_on)
        help_text, helped, promise_ids = _clean(latest.text), True, [latest.id]
    else:
        timeline = network.timeline(contact.id)
        got = [n for n, i in enumerate(timeline) if i.kind == "got"]
        if got:
            helped = True
            help_text = _clean(timeline[got[-1]].text)
            close_loop = any(i.kind == "thanked" for i in timeline[got[-1] + 1 :])
    gerund = _gerund(help_text)
    verb, _, rest = help_text.partition(" ")
    context.update(
        helped=helped,
        close_loop=close_loop,
        help_text=help_text,
        help_gerund=gerund,
        # "after you reviewed my CV" needs a past-tense phrase, i.e. one we could turn into a gerund.
        help_past=f"{verb.lower()} {rest}".strip() if gerund and gerund != help_text else "",
    )
    return promise_ids


# --- followup ---

_GIVE_VERBS = ("send", "share", "forward", "email", "pass on", "pass along")
_OBJECT_STARTS = ("the", "a", "an", "my", "our", "that", "this", "those", "these", "some")
# After "her", these words mean it was the object ("send her the book"); else possessive ("review her CV").
_AFTER_OBJECT = {
    "the", "a", "an", "to", "about", "on", "in", "at", "for", "with", "next", "this", "tomorrow", "today",
    "some", "my", "our", "back", "over", "up", "when", "once", "after", "before", "and", "if", "later",
    "soon",
}  # fmt: skip


def _to_you(text: str) -> str:
    """Rewrite the user's note-to-self about the contact so it speaks to them: "call her" -> "call you"."""
    words = text.split(" ")
    out = []
    for n, word in enumerate(words):
        bare = word.lower().rstrip(".,;:!?")
        tail = word[len(bare) :]
        following = words[n + 1].lower() if n + 1 < len(words) else ""
        if bare in ("him", "them") or (bare == "her" and (not following or following in _AFTER_OBJECT)):
            out.append("you" + tail)
        elif bare in ("his", "her", "their"):
            out.append("your" + tail)
        else:
            out.append(word)
    return " ".join(out)


def _promise_item(text: str) -> tuple[str, str]:
    """Split a promise into ("gift", "the Ferrazzi book") for "here's ..." or ("action", "call you").

    Gifts read "As promised, here's ..."; actions read "As promised, I'll ...".
    """
    text = re.sub(r"^(i'll|i will|will|to)\s+", "", _clean(text), flags=re.IGNORECASE)
    text = _to_you(text)
    low = text.lower()
    for verb in _GIVE_VERBS:
        if low.startswith(verb + " "):
            thing = re.sub(r"^(you\s+)?(over\s+)?", "", text[len(verb) + 1 :])
            thing = re.sub(r"\s+(to|for|with) you$", "", thing)
            if thing and thing.lower() != "you":
                return "gift", thing
    if low.split(" ")[0] in _OBJECT_STARTS:
        return "gift", text
    return "action", text


def _followup_facts(network: Network, contact: Contact, context: dict[str, object]) -> list[str]:
    promises = sorted(network.open_promises(contact.id, "promise"), key=lambda p: p.made_on)
    promises = [p for p in promises if _clean(p.text)]
    items = [_promise_item(p.text) for p in promises]
    context.update(
        gifts=[thing for kind, thing in items if kind == "gift"],
        actions=[thing for kind, thing in items if kind == "action"],
    )
    return [p.id for p in promises]


# --- intro ---


def _intro_facts(contact: Contact, other: Contact, seed: int) -> dict[str, object]:
    """Why the two would get along: shared interests first, else what the other one cares about."""
    theirs = {_clean(i).lower() for i in other.interests if _clean(i)}
    shared = [i for i in (_clean(x) for x in contact.interests) if i and i.lower() in theirs]
    other_interests = [_clean(i) for i in other.interests if _clean(i)]
    return {
        "other_name": " ".join(other.name.split()) or "someone I know",
        "other_first": other.first_name.strip() or "them",
        "other_role": _clean(other.role),
        "other_company": _clean(other.company),
        "shared": shared[:2],
        "other_interest": "" if shared or not other_interests else other_interests[seed % len(other_interests)],
    }


# --- congrats ---

# After these verbs "a"/"an" is something they made or did themselves: "raised a seed round" -> "raising your
# seed round". After others ("won an award", "landed a client") the article stays.
_THEIR_OWN_AFTER = frozenset(
    (
        *("launched", "raised", "published", "founded", "started", "opened", "closed", "released", "shipped"),
        *("built", "wrote", "finished", "completed", "sold", "made"),
    )
)
_PROMOTED = re.compile(r"^(?:(?:got|was|been|is|has been|gets|getting)\s+)?promoted\b\s*", re.IGNORECASE)
_NEW_JOB = re.compile(
    r"^(?:an?\s+)?new\s+(?=(?:job|role|position|gig|business|company|venture|home|house)\b)", re.IGNORECASE
)
# Life events are wonderful news, but "well deserved" would be an odd thing to say about a wedding.
_PERSONAL = re.compile(
    r"\b(?:married|engaged|wedding|bab(?:y|ies)|twins|son|daughter|dad|mum|mom|parent|father|mother)\b", re.IGNORECASE
)
_BABY = re.compile(r"^had\s+(?:a|her|his|their)\s+(?:baby\s+)?(baby|son|daughter|girl|boy)$", re.IGNORECASE)


def _win_on(win: str) -> str:
    """The win as it reads after "Congratulations on ...", spoken to them; "" when it is not a phrase we know.

    Wins are stored the way the user noted them, in the third person and past tense ("launched her startup"),
    so they are turned around: "got promoted" -> "your promotion", "new job at Globex" -> "the new job at
    Globex", "launched her startup" -> "launching your startup". Everything after the verb stays as typed,
    apart from her/his/their -> your.
    """
    win = re.sub(r"^just\s+", "", win.strip().rstrip("!?").strip(), flags=re.IGNORECASE)
    if promoted := _PROMOTED.match(win):
        rest = _to_you(win[promoted.end() :])
        return f"your promotion {rest}".strip()
    if new := _NEW_JOB.match(win):
        return f"the new {_to_you(win[new.end() :])}"
    if baby := _BABY.match(win):
        return f"the new {baby.group(1).lower()}"
    verb, _, rest = win.partition(" ")
    rest = _to_you(rest)
    if verb.lower() in _THEIR_OWN_AFTER:
        rest = re.sub(r"^an?\s+(?=\S)", "your ", rest, flags=re.IGNORECASE)
    gerund = _gerund(f"{verb} {rest}".strip())
    if gerund:
        return gerund
    if verb.lower() in ("the", "your", "her", "his", "their"):  # already a thing: "the Series A", "her PhD"
        return _to_you(win)
    return ""


def _congrats_facts(network: Network, contact: Contact, context: dict[str, object]) -> None:
    """The latest win, rephrased to them; and the last chat to recall, unless it was only the news itself."""
    win = str(context["win"])
    if not win:
        # A congratulations "on the news" with no news named reads as a form letter: better to ask for the win.
        name = contact.first_name.strip() or " ".join(contact.name.split()) or "them"
        raise NotUnderstood(f"I don't know of a win for {name} yet - add one with /note {name}: just got promoted")
    # The note that brought the news ("Jane just got promoted!") is not a chat to recall next to it.
    notes = [
        _clean(i.text)
        for i in network.timeline(contact.id)
        if i.kind == "note" and _clean(i.text) and win.lower() not in i.text.lower() and not extract_facts(i.text).wins
    ]
    context.update(
        win_on=_win_on(win),
        personal=bool(_PERSONAL.search(win)),
        last_note=notes[-1] if notes and len(notes[-1]) <= _MAX_QUOTED_NOTE else "",
    )
