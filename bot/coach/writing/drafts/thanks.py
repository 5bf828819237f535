"""A thank-you (principle 5, templates/drafts/thanks.txt): it names the help, or the meeting; once thanked, it
tells them how things turned out."""

from __future__ import annotations

from bot.coach.reading.second_person import to_second_person
from bot.coach.saying.debts import help_words
from bot.coach.saying.grammar import day_in_words
from bot.coach.writing.drafts.note import FRESH_MEETING_DAYS, Note, iso_day


def write(note: Note) -> None:
    owed = note.network.open_promises(note.contact.id, "thanks")
    helps = note.known.of("help_received")
    help_fact = None
    if owed:
        latest = max(owed, key=lambda p: p.made_on)
        note.promise_ids = [latest.id]
        help_fact = next((f for f in helps if f.slots.get("promise_id") == latest.id), None)
    else:
        got = [f for f in helps if not f.slots.get("promise_id")]
        help_fact = got[-1] if got else None
    close_loop = False
    if help_fact is not None and not owed:
        thanked = [i for i in note.network.timeline(note.contact.id) if i.kind == "thanked"]
        close_loop = any(i.on >= help_fact.on for i in thanked)
    where, when, days = note.meeting(latest=True)
    fresh = 0 <= days <= FRESH_MEETING_DAYS
    meetings = sum(1 for i in note.network.timeline(note.contact.id) if i.kind == "met")
    for_what = ""
    past = ""
    help_when = ""
    if help_fact is not None:
        note.use(help_fact)
        words = help_words(help_fact)
        for_what, past = words.gerund, words.past
        if not for_what:
            for_what = thing_thanked(help_fact.slots.get("did", ""))
        day = iso_day(help_fact.on)
        help_when = day_in_words(day, note.today) if day and day <= note.today else ""
    note.context.update(
        helped=help_fact is not None,
        close_loop=close_loop,
        for_what=for_what,
        help_past=past,
        help_when=help_when if help_when not in ("today",) else "",
        met_where=where if fresh or days > FRESH_MEETING_DAYS else "",
        met_when=when if fresh or days > FRESH_MEETING_DAYS else "",
        # Weeks later, a thank-you for the meeting says it is late rather than "great meeting you".
        late=help_fact is None and days > FRESH_MEETING_DAYS,
        met_again=meetings > 1,
        offer_back=note.lead_words(lead) if (lead := note.lead()) is not None else note.offer_back(),
    )


def thing_thanked(did: str) -> str:
    """Help logged as a thing rather than a deed ("intro to Ana", "advice on pricing") -> "the intro to Ana"."""
    words = did.strip().rstrip(".!").split()
    if not words or len(words) > 6:
        return ""
    text = " ".join(words)
    if words[0].lower() in ("the", "your", "a", "an", "that", "those"):
        return to_second_person(text)
    return "the " + to_second_person(text)
