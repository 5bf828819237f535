"""One note being written: the contact, what is known of them, the facts it uses so far, and the phrases it hands
its template. Each kind of draft (thanks.py, followup.py, ...) fills a ``Note`` through ``write(note)``; this module
holds what several kinds share (the meeting, the gap since the last touch, their news, a light offer back) and the
rendering."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from bot.coach.errors import UnknownContact
from bot.coach.planning.give import key_words
from bot.coach.planning.goals import focus_of
from bot.coach.reading.facts import NEWS_KINDS
from bot.coach.saying.grammar import addressed, as_role, at_place, company_written, day_in_words, over_way, since
from bot.coach.saying.known import Known
from bot.coach.saying.phrases import need_words
from bot.rendering import render
from bot.store.records import Contact, Fact
from bot.store.view import Network

VARIANTS = 3  # wordings per kind; "Other wording" counts up and wraps around
STYLES = ("warm", "short", "formal")
MAX_CHARS = 600  # a chat message, not a letter
COPY_LIMIT = 256  # Telegram's copy_text button carries at most this many characters
# Meetings older than this are not "great to meet you" material any more.
FRESH_MEETING_DAYS = 45
NEWS_DAYS = 120  # news older than this is not "I saw your news" any more; half of it makes congratulations belated


@dataclass
class Draft:
    kind: str
    text: str  # the note itself, plain text, ready to copy (the handler escapes it on send)
    contact_ids: list[str]  # who it is for (intro: the one it is written to, then the other person)
    promise_ids: list[str]  # open promises and thank-yous the note keeps, closed when the user says it was sent
    variant: int = 0  # the wording used; variant + 1 is "Other wording"
    style: str = "warm"
    paste: str = ""  # what the user adds before sending (a share's link), said in words; "" when nothing
    reason: str = ""  # an intro's reason, in one sentence to the user
    facts: list[Fact] = field(default_factory=list)  # the facts the note says

    @property
    def fits_copy_button(self) -> bool:
        return len(self.text) <= COPY_LIMIT


class Note:
    """The facts a note uses and the phrases it renders; one instance per draft."""

    def __init__(
        self,
        kind: str,
        contact: Contact,
        network: Network,
        known: Known,
        today: date,
        variant: int,
        style: str,
        sender_name: str,
        goals: Sequence[str] = (),
    ) -> None:
        self.kind = kind
        self.goals = tuple(goals)  # the user's open goals, in their words
        self.template = kind  # templates/drafts/<template>.txt
        self.contact = contact
        self.network = network
        self.known = known
        self.today = today
        self.variant = variant
        self.style = style
        self.used: list[Fact] = []
        self.promise_ids: list[str] = []
        self.contact_ids = [contact.id]
        self.paste = ""
        self.reason = ""
        sender = sender_name.split()
        self.context: dict[str, object] = {
            "first_name": addressed(contact.name, contact.title) or "there",
            "sender": sender[0] if sender else "",
            "variant": variant,
            "short": style == "short",
            "formal": style == "formal",
        }

    # -- what we know of the meeting and the tie --

    def meeting(self, latest: bool) -> tuple[str, str, int]:
        """(where with its "at"/"in", when in words, days ago) of the latest (or first) meeting; ("", "", -1) when
        unknown."""
        meetings = [i for i in self.network.timeline(self.contact.id) if i.kind == "met"]
        where = self.contact.met_context.strip() or next((m.context for m in meetings if m.context), "")
        way = next((m.way for m in meetings if m.way), "")  # how, when no place is known: "over coffee"
        on = self.contact.met_on or (meetings[0].on if meetings else "")
        if latest and len(meetings) > 1:
            where, on = meetings[-1].context or where, meetings[-1].on or on
            way = meetings[-1].way or ("" if meetings[-1].context else way)
        day = iso_day(on)
        said = at_place(where) or over_way(way)
        if day is None or day > self.today:
            return said, "", -1
        return said, day_in_words(day, self.today), (self.today - day).days

    def gap(self) -> str:
        last = self.network.last_touch(self.contact.id)
        return since(last, self.today) if last and last <= self.today else ""

    def use(self, fact: Fact | None) -> Fact | None:
        if fact is not None and fact not in self.used:
            self.used.append(fact)
        return fact

    def news(self) -> Fact | None:
        """The latest news not congratulated yet, else the latest news."""
        news = self.known.of(*NEWS_KINDS)
        if not news:
            return None
        congratulated = self.congratulated_on()
        fresh = [f for f in news if not f.done_on and f.on > congratulated]
        return (fresh or news)[-1]

    def fresh_news(self) -> Fact | None:
        """Their latest news worth opening with: not congratulated yet, named, and not too old to call news."""
        congratulated = self.congratulated_on()
        stale = (self.today - timedelta(days=NEWS_DAYS)).isoformat()
        fresh = [
            f
            for f in self.known.of(*NEWS_KINDS)
            if not f.done_on and f.on > congratulated and f.slots.get("event") != "news" and (not f.on or f.on >= stale)
        ]
        return fresh[-1] if fresh else None

    def lead(self) -> Fact | None:
        """Their need for the very role one of the user's job goals is after ("hiring a PM", "looking for a PM": a job
        lead, as the planner reads it), else None."""
        for need in reversed(self.known.of("need")):
            if need.slots.get("act", "") in ("hiring", "") and any(hires_for(need, goal) for goal in self.goals):
                return need
        return None

    def lead_words(self, need: Fact) -> str:
        """Telling them that the role they are hiring for is the one the user wants, as one or two sentences."""
        self.use(need)
        words = need_words(need)
        if self.style == "formal":
            return (
                f"You mentioned you are {words}: that is exactly the role I am seeking, and I would be glad to hear "
                "more about it."
            )
        return (
            f"You mentioned you're {words} - that's exactly the role I'm after, so I'd love to hear more.",
            f"You mentioned you're {words}, which is exactly the role I'm after: could you tell me more?",
            f"I was glad to hear you're {words}: that's exactly the role I'm after, and I'd love to learn more.",
        )[self.variant]

    def congratulated_on(self) -> str:
        """The last day the user sent congratulations (a logged congrats note), or ""."""
        return max((i.on for i in self.network.timeline(self.contact.id) if "congrat" in i.text.lower()), default="")

    def offer_back(self, fallback: bool = True) -> str:
        """A light offer tied to what they need or care about, as a sentence; the second fact a note may use."""
        need = self.known.latest("need")
        if need is not None and len(self.used) < 2 and need not in self.used:
            self.use(need)
            words = need_words(need)
            if self.style == "formal":
                return f"If I can be of any help while you're {words}, please let me know."
            return (
                f"And if I can help while you're {words}, just say the word.",
                f"If I hear of anything useful while you're {words}, I'll send it your way.",
                f"Let me know if I can help at all while you're {words}.",
            )[self.variant]
        interest = self.known.latest("interest")
        if interest is not None and len(self.used) < 2 and interest not in self.used:
            self.use(interest)
            what = interest.slots.get("what", "")
            if self.style == "formal":
                return f"Should I come across anything about {what} you might enjoy, I will pass it on."
            return (
                f"If I find something about {what} you'd enjoy, I'll send it your way.",
                f"I'll keep an eye out for anything about {what} for you.",
                f"If something about {what} crosses my desk, it's yours.",
            )[self.variant]
        if not fallback:
            return ""
        if self.style == "formal":
            return "If I can ever return the favour, please do let me know."
        return (
            "If I can ever return the favour, just say the word.",
            "Let me know if I can ever help in return.",
            "Happy to return the favour any time.",
        )[self.variant]

    # -- rendering --

    def render(self, **flags: bool) -> str:
        return tidy(render(f"drafts/{self.template}.txt", **{**self.context, **flags}))

    def finish(self) -> Draft:
        text = self.render()
        if len(text) > MAX_CHARS and not self.context["short"]:
            self.context["short"] = True
            text = self.render()
        if self.style == "short":
            # "Shorter" is a promise: shorter than the warm and the formal wording it was tapped from.
            than = min(len(self.render(short=False, formal=formal)) for formal in (False, True))
            text = shorter(text, than, keep_sentences=bool(self.promise_ids or self.paste))
        return Draft(
            kind=self.kind,
            text=text,
            contact_ids=self.contact_ids,
            promise_ids=self.promise_ids,
            variant=self.variant,
            style=self.style,
            paste=self.paste,
            reason=self.reason,
            facts=list(self.used),
        )


def tidy(text: str) -> str:
    """Normalise whitespace into the shape of a note: greeting, one body paragraph, sign-off.

    Paragraphs are separated by blank lines. The first is the greeting and the last the sign-off ("Best,\\nSam",
    whose line break is kept); everything between is the body, whose line breaks are template layout, so it is
    joined into one paragraph - a note of two to five sentences needs no more.
    """
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    if len(paragraphs) < 3:
        return "\n\n".join(" ".join(p.split()) for p in paragraphs)
    greeting, *body, signoff = paragraphs
    lines = [" ".join(line.split()) for line in signoff.splitlines() if line.strip()]
    return "\n\n".join([" ".join(greeting.split()), " ".join(" ".join(body).split()), "\n".join(lines)])


_PRODUCT_MANAGER = frozenset({"product", "manager"})


def hires_for(need: Fact, goal: str) -> bool:
    """Whether a need is for the role a job goal is after: "hiring a product manager" for "land a PM role"."""
    focus = focus_of(goal)
    if focus.kind != "job" or not focus.roles:
        return False
    hired = key_words(need.slots.get("what", ""))
    if "pm" in focus.roles or focus.roles >= _PRODUCT_MANAGER:  # a product manager is one role, not two words
        return "pm" in hired or hired >= _PRODUCT_MANAGER
    return not hired.isdisjoint(focus.roles - _PRODUCT_MANAGER)


# What someone does, by the words of their role: what a note may ask to hear more about.
_RECRUITING = re.compile(r"\b(?:recruit\w*|talent|headhunt\w*|hr|human resources|people partner|sourcer)\b", re.I)
_INVESTING = re.compile(r"\b(?:investor|vc|angel|venture|general partner|principal at)\b", re.I)
_BUILDING = re.compile(r"\b(?:founder|co-?founder|ceo|owner|builds?|building)\b", re.I)


def their_work(contact: Contact) -> str:
    """What to hear more about, fitted to their role: "the roles you're working on at Hays" to a recruiter, "what
    you're building at Acme" to a founder, "your work as a designer"; never a founder's words to a recruiter."""
    company, role = company_written(contact.company.strip()), contact.role.strip()
    at = f" at {company}" if company else ""
    if _RECRUITING.search(role):
        return f"the roles you're working on{at}"
    if _INVESTING.search(role):
        return "what you're looking to invest in"
    if _BUILDING.search(role) and company:
        return f"what you're building at {company}"
    if company:
        return f"your work at {company}"
    if role:
        return f"your work {as_role(role)}"
    return "what you're working on"


def shorter(text: str, than: int, keep_sentences: bool = False) -> str:
    """The note cut below ``than`` characters: its last sentences go first (the first one carries the point), then
    the sign-off's word ("Best,"). As it is when it is already short enough or cannot be cut. ``keep_sentences``: a
    note that keeps a promise or ends on what to paste loses no sentence, only the sign-off's word."""
    paragraphs = text.split("\n\n")
    if len(text) < than or len(paragraphs) != 3:
        return text
    greeting, body, signoff = paragraphs
    sentences = re.split(r"(?<=[.!?])\s+", body)

    def joined() -> str:
        return "\n\n".join([greeting, " ".join(sentences), signoff])

    while not keep_sentences and len(sentences) > 1 and len(joined()) >= than:
        sentences.pop()
    lines = signoff.splitlines()
    if len(joined()) >= than and len(lines) == 2:
        signoff = lines[1]  # just the name
    return joined()


def ask_back(variant: int) -> str:
    return ("How have you been?", "What's new with you?", "How are things on your side?")[variant]


def iso_day(iso: str) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def contact_in(network: Network, contact_id: str) -> Contact:
    contact = network.contact(contact_id)
    if contact is None:
        raise UnknownContact(contact_id)
    return contact
