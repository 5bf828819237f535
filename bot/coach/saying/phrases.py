"""Facts in words: news and congratulations, needs and offers, topics and questions, promises and debts.
Whole sentences built from a fact's typed slots, never from raw note text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.coach.reading.shorthand import article, possessive
from bot.coach.reading.verbs import is_plain_verb, is_thing, plain_verb
from bot.store.records import Contact, Fact

if TYPE_CHECKING:
    pass
from bot.coach.reading.facts import NEWS_KINDS, read_facts
from bot.coach.reading.slots import _CLIP_RUN, _PLAIN_VERBS, _QUOTE_RUN
from bot.coach.saying.grammar import (
    YOU,
    Person,
    _a,
    _be,
    _forms,
    _gerund,
    _own,
    _subject,
    _the,
    _third_person,
    _voice,
)


def congrats_on(fact: Fact, person: Person = YOU) -> str:
    """The news as it reads after "Congratulations on": "your promotion to VP", "the new job at Anthropic",
    "finishing your first Ironman", "your engagement". "" when the fact is not news."""
    s = fact.slots
    pos = _forms(person)[2]
    if fact.kind == "job_change":
        role, company = s.get("role", ""), s.get("company", "")
        if role and company:
            return f"{pos} new role as {_a(role)} at {company}"
        if company:
            return f"the new job at {company}"
        return f"the new role as {_a(role)}" if role else "the new job"
    if fact.kind == "life_event":
        return {
            "engagement": f"{pos} engagement",
            "wedding": "getting married" if person.is_you else f"{pos} wedding",
            "baby": "the new baby",
            "grandchild": "the new grandchild",
            "house": f"{pos} new home",
            "graduation": "graduating",
            "expecting": "the wonderful baby news",
            "twins": "the twins",
            "retirement": f"{pos} retirement",
        }.get(s.get("event", ""), "the news")
    if fact.kind != "win":
        return ""
    if s.get("event") == "promotion":
        return f"{pos} promotion" + (f" to {s['to']}" if s.get("to") else "")
    if s.get("verb") == "named":
        return (
            f"being named {s.get('what', '')}".strip()
            if s.get("what", "").lower().startswith(("to ", "in ", "on ", "as "))
            else f"being named to {s.get('what', '')}"
        )
    if s.get("verb") == "acquired":
        return "the acquisition" + (f" by {s['by']}" if s.get("by") else "")
    if s.get("event") == "news":
        return f"{pos} news"
    if s.get("work"):  # a piece of their work published: "your story in the New Yorker"
        return _voice(s.get("what", ""), person)
    verb, what = s.get("verb", ""), _voice(_own(s.get("what", ""), s.get("verb", "")), person)
    return f"{_gerund(verb)} {what}".strip() if verb else what


def news(fact: Fact, person: Person = YOU) -> str:
    """The fact as a clause, past or present: "you launched your own ceramics studio", "Lisa's moving to Berlin",
    "you're hiring", "you're looking for a lawyer", "Tom started at Anthropic"."""
    s = fact.slots
    who = _subject(person)
    be = _be(person)
    if fact.kind == "job_change":
        role, company = s.get("role", ""), s.get("company", "")
        if company:
            return f"{who} started at {company}" + (f" as {role}" if role else "")
        return f"{who} started a new role as {role}" if role else f"{who} started a new job"
    if fact.kind == "move":
        if s.get("tense") == "future":
            return f"{who}{be} moving to {s.get('place', '')}"
        return f"{who} moved to {s.get('place', '')}"
    if fact.kind == "need":
        return f"{who}{be} {need_words(fact, person)}"
    if fact.kind == "offer":
        # Not "can help with": that is how notes put it, and a nudge never reads a note back.
        if s.get("act"):
            return f"{who} {offer_words(fact, person)}"
        return f"{who}{_be(person)} a great person for {_voice(s.get('what', ''), person)}"
    if fact.kind == "interest":
        return f"{who}{be} into {s.get('what', '')}"
    if fact.kind == "life_event":
        have = "have" if person.is_you or person.pronoun == "they" else "has"
        return {
            "engagement": f"{who} got engaged",
            "wedding": f"{who} got married",
            "baby": f"{who} had a baby",
            "grandchild": f"{who} became a grandparent",
            "house": f"{who} bought a new home",
            "graduation": f"{who} graduated",
            "expecting": f"{who}{_be(person)} expecting a baby",
            "twins": f"{who} had twins",
            "retirement": f"{who} retired",
        }.get(s.get("event", ""), f"{who} {have} news")
    if fact.kind == "win":
        if s.get("event") == "promotion":
            return f"{who} got promoted" + (f" to {s['to']}" if s.get("to") else "")
        if s.get("verb") == "named":
            return f"{who} {'were' if person.is_you else 'was'} named to {s.get('what', '')}"
        if s.get("verb") == "acquired":
            pos = _forms(person)[2]
            return f"{pos if person.is_you else who + chr(39) + 's'} company was acquired" + (
                f" by {s['by']}" if s.get("by") else ""
            )
        return f"{who} {s.get('verb', '')} {_voice(s.get('what', ''), person)}".replace("  ", " ").strip()
    if fact.kind == "help_received":
        return f"{who} {_voice(s.get('did', ''), person)}"
    return ""


def headline(contact: Contact, win: str) -> str:
    """A win as the card keeps it (typed: "launched her own ceramics studio on the side"), said about the person for
    the user: "Lisa launched her own ceramics studio"; "" when it reads as no news. For nudges built from summary rows,
    which carry the card's text rather than facts."""
    found = [f for f in read_facts(_as_news(win), contact, "") if f.kind in NEWS_KINDS]
    if not found:
        return ""
    return news(found[0], Person(contact.first_name or contact.name, found[0].slots.get("pronoun", "they")))


# What opens a verb's object: "find | a cofounder", "meet | more founders".
_OBJECT_OPENERS = frozenset(["a", "an", "the", "my", "your", "his", "her", "their", "our", "some", "more", "new"])


def to_do(what: str) -> bool:
    """A need typed as something to do ("learn Portuguese", "collab on a popup", "find a cofounder"), which reads
    "hoping to learn Portuguese", never "looking for learn Portuguese". A word that is a thing as well as a verb
    ("help with", "advice on", "access to") is a thing unless a determiner opens its object ("find a cofounder")."""
    words = what.split()
    if len(words) < 2 or not words[0].isalpha() or not words[0].islower():
        return False
    first, second = words[0], words[1].lower()
    if is_plain_verb(first):
        return not is_thing(first) or second in _OBJECT_OPENERS
    return not is_thing(first) and not plain_verb(first) and second in ("on", "with")  # "collab on a popup"


def a_or_an(phrase: str) -> str:
    """The phrase's own "a"/"an" as it is said: "a internship in IT" -> "an internship in IT"."""
    found = re.match(r"(an?)\s+(?=\S)", phrase)
    if not found:
        return phrase
    rest = phrase[found.end() :]
    said = article(rest)
    return f"{said} {rest}" if said != found.group(1) else phrase


def about_need(fact: Fact) -> str:
    """A need, after "I'd love to hear more about": "your search for a designer", "your plans to learn Portuguese";
    "" for something of the user's they asked for ("my resume"): that is the user's to send, not theirs to find."""
    what = a_or_an(fact.slots.get("what", ""))
    if re.match(r"(?:my|our|me|us)\b", what, re.IGNORECASE):
        return ""
    return f"your plans to {what}" if to_do(what) else f"your search for {what}"


def need_words(fact: Fact, person: Person = YOU) -> str:
    """What they need, after "you're"/"she's": "hiring a designer", "looking for a lawyer", "raising a seed round"."""
    act, what = fact.slots.get("act", ""), a_or_an(_voice(fact.slots.get("what", ""), person))
    if not act and to_do(what):
        return f"hoping to {what}"
    # Long enough to be a quote of the note ("hiring a part-time designer") is said in other words; "your deck" to
    # them is not how the note put it ("his deck"), so it is no quote.
    short = person.is_you and re.search(r"\byour\b", what) is not None
    if act in ("help", "advice"):
        return f"looking for a hand with {what}" if act == "help" else f"looking for advice on {what}"
    if act == "hiring":
        if not what or what.lower() in ("people", "now"):
            return "hiring"
        return f"hiring {what}" if short or len(f"hiring {what}") < _QUOTE_RUN else f"looking to hire {what}"
    if act == "raising":
        return f"raising {what}".strip()
    if short or len(f"looking for {what}") < _QUOTE_RUN:
        return f"looking for {what}".strip()
    return f"hoping for {what}" if what.lower().startswith("an introduction") else f"hoping to find {what}"


def needs(fact: Fact, name: str) -> str:
    """A need said about someone by name, in words a note rarely uses ("Jane needs a lawyer"), so a message that
    names the need never repeats the note's own "she's looking for a lawyer"."""
    return _need_said(fact, name, "needs")


def looking_for(fact: Fact, name: str) -> str:
    """A need said about someone by name, for the user: "Ann is looking for a lawyer", "Ana is hiring a designer",
    "Sam is raising a seed round", "Kai would like advice on hiring a designer", "Oli's pitch deck could use
    feedback"."""
    return _need_said(fact, name, "is looking for")


# "feedback on his pitch deck", "his visa application": a need about something of theirs
_OWNED = re.compile(r"(?:(?P<noun>\w+(?:\s+\w+)?)\s+(?:on|for|with|about)\s+)?(?:his|her|their)\s+(?P<thing>.+)$")


def _need_said(fact: Fact, name: str, plain: str) -> str:
    """The need about them, in their voice ("his pitch deck", never "your"). A long need about something of theirs
    ("feedback on his pitch deck") is turned around ("Oli's pitch deck could use feedback"): said as typed, it would
    read the note back."""
    person = Person(name, fact.slots.get("pronoun", "they"))
    act, what = fact.slots.get("act", ""), _voice(fact.slots.get("what", ""), person)
    if act == "hiring":
        return f"{name} is hiring {what}" if what.lower() not in ("", "people", "now") else f"{name} is hiring"
    if act == "raising":
        return f"{name} is raising {what or 'funding'}"
    owned = _OWNED.match(what)
    typed = what if owned is None or owned.group("noun") else {"help": "with ", "advice": "on "}.get(act, "") + what
    if owned and len(typed) > _CLIP_RUN and (owned.group("noun") or act in ("help", "advice")):
        noun = owned.group("noun") or {"help": "a hand", "advice": "some advice"}[act]
        return f"{possessive(name)} {owned.group('thing')} could use {noun}"
    if act == "help":
        return f"{name} needs a hand with {what}"
    if act == "advice":
        return f"{name} would like advice on {what}"
    if not act and to_do(what):
        return f"{name} hopes to {what}"
    if len(f"{plain} {what}") < _QUOTE_RUN:  # even word for word, too short to read a note back
        return f"{name} {plain} {what}".strip()
    # Longer: not in the words notes use for a need ("looking for", "needs"), or the note comes back whole.
    if what.lower().startswith("an introduction"):
        return f"{name} would like {what}"
    return f"{name} hopes to find {what}"


# An offer typed as something one does, with a verb that no list knows: a plain lowercase word, then a determiner that
# opens its object ("shoot your portfolio pieces", "host a workshop"). A noun phrase has none there ("pitch deck
# feedback", "legal advice").
_VERB_PHRASE = re.compile(r"[a-z]+(?<!ing)\s+(?:my|your|our|his|her|their|the|a|an|some)\s+\S")


def offer_words(fact: Fact, person: Person = YOU) -> str:
    """What someone can do, after their name (or "you", or "I"): "can review pitch decks", "can help with
    fundraising" for the user (their own /offer words); about a contact, not in the words a note uses for an offer
    ("can help with", "happy to"), which would read it back: "reviews pitch decks", "introduces people in fintech",
    "is a great person for pitch deck feedback"."""
    act, what = fact.slots.get("act", ""), _voice(fact.slots.get("what", ""), person)
    what = re.sub(r"\b(?:my|our)\b", "your", what)  # typed by the user: "can help with my thesis" is the user's
    if act in _PLAIN_VERBS:
        return f"{act if person.is_you else _PLAIN_VERBS[act]} {what}".strip()
    if act:
        return f"can {act} {what}".strip() if person.is_you else f"{_third_person(act)} {what}".strip()
    if not what:
        return "can help"
    if _VERB_PHRASE.match(what):  # "could shoot my portfolio pieces": a verb no list knows, then its object
        return f"can {what}"
    if person.is_you or len(f"can help with {what}") < _QUOTE_RUN:
        return f"can help with {what}"
    return f"is a great person for {what}"


def topic(fact: Fact) -> str:
    """What the fact is about, as a noun phrase: "jazz", "the seed round", "Berlin", "the new job at Anthropic"."""
    s = fact.slots
    if fact.kind == "interest":
        return s.get("what", "")
    if fact.kind == "move":
        return s.get("place", "")
    if fact.kind == "need":
        if s.get("act") == "hiring":
            return "the hiring"
        return _the(s.get("what", "")) if s.get("act") == "raising" else s.get("what", "")
    if fact.kind == "offer":
        return s.get("what", "")
    if fact.kind in NEWS_KINDS:
        return congrats_on(fact)
    return ""


def question(fact: Fact, variant: int = 0) -> str:
    """One real question about the fact, to them; "" when there is nothing natural to ask."""
    s = fact.slots
    pick = variant % 2
    if fact.kind == "job_change":
        company = s.get("company", "")
        if company:
            return (f"How are you finding it at {company} so far?", f"How are the first weeks at {company}?")[pick]
        return ("How's the new job going?", "How are you finding the new role?")[pick]
    if fact.kind == "move":
        place = s.get("place", "")
        if s.get("tense") == "future":
            return (f"When's the big move to {place}?", f"How are the plans for {place} coming along?")[pick]
        return (f"How are you settling into life in {place}?", f"How's {place} treating you?")[pick]
    if fact.kind == "need":
        act, what = s.get("act", ""), s.get("what", "")
        if act == "hiring":
            return ("How's the hiring going?", "Have you found the right people yet?")[pick]
        if act == "raising":
            return (f"How's {_the(what)} going?", f"How's {_the(what)} coming along?")[pick]
        return (f"Did you find {what} in the end?", f"Are you still looking for {what}?")[pick]
    if fact.kind == "interest":
        what = s.get("what", "")
        if len(f" into {what}") >= _QUOTE_RUN:  # "into backcountry touring" is how the note put it
            pick = 1
        return (f"Are you still as into {what} as ever?", f"What's new in {what} for you lately?")[pick]
    if fact.kind == "life_event":
        return {
            "engagement": "Have you set a date yet?",
            "wedding": "How's married life treating you?",
            "baby": "How are you all doing?",
            "grandchild": "How is the little one doing?",
            "house": "How are you settling in?",
            "graduation": "What's next for you now?",
            "expecting": "When's the little one due?",
            "twins": "How are you all doing?",
            "retirement": "What's first on the list now?",
        }.get(s.get("event", ""), "How are you doing?")
    if fact.kind == "win":
        event = s.get("event", "")
        if event == "promotion":
            return ("How are you finding the new role?", "What's the biggest change so far?")[pick]
        thing = _the(s.get("what", ""))
        if event == "launch" and thing:
            return (f"How's {thing} doing since the launch?", f"How has {thing} been received?")[pick]
        if event == "race" and s.get("what"):
            what = s["what"]
            return (f"What's next after {what}?", "How did it feel crossing the finish line?")[pick]
        if event == "funding":
            return ("What's the first thing you'll build with it?", "What's next now the round is closed?")[pick]
        if event == "published" and thing:
            return (f"How has {thing} been received?", f"What's next after {thing}?")[pick]
        return ("How are you celebrating?", "What's next for you?")[pick]
    return ""


def question_after(fact: Fact, variant: int = 0) -> str:
    """A question to ask right after the fact was named, so it is not said twice: "How are you finding it so far?"."""
    s = fact.slots
    pick = variant % 2
    if fact.kind == "job_change":
        return ("How are you finding it so far?", "How are the first weeks going?")[pick]
    if fact.kind == "move":
        if s.get("tense") == "future":
            return ("When's the big day?", "How are the plans coming along?")[pick]
        return ("How are you settling in?", "How's the new city treating you?")[pick]
    if fact.kind == "need":
        if s.get("act") == "hiring":
            return ("Have you found the right people yet?", "How's it going?")[pick]
        if s.get("act") == "raising":
            return ("How's it going?", "How are the conversations going?")[pick]
        return ("Any luck so far?", "Did anything turn up in the end?")[pick]
    if fact.kind == "interest":
        return ("Still finding time for it?", "Anything new there lately?")[pick]
    if fact.kind == "win":
        event = s.get("event", "")
        if event == "promotion":
            return ("How are you finding the new role?", "What's the biggest change so far?")[pick]
        if event in ("launch", "published"):
            return ("How has it been received?", "What's the reaction been like?")[pick]
        if event == "race":
            return ("What's next?", "How did it feel crossing the finish line?")[pick]
        if event == "funding":
            return ("What's next now the round is closed?", "What's the first thing you'll build with it?")[pick]
        return ("How are you celebrating?", "What's next for you?")[pick]
    return question(fact, variant)


def _as_news(win: str) -> str:
    """A win from the card's list, as a sentence read_facts understands: "new job at Globex" -> "got a new job..."."""
    return f"got a {win}" if re.match(r"(?:a\s+)?new\s+(?:job|role)", win, re.IGNORECASE) else win
