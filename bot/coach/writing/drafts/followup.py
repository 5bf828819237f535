"""A follow-up after meeting (principle 4, templates/drafts/followup.txt): it keeps what was promised, in the
first person; with nothing promised, it proposes one next step about what they care about."""

from __future__ import annotations

from bot.coach.saying.debts import Kept, keeping
from bot.coach.saying.known import promise_fact
from bot.coach.saying.phrases import about_need, congrats_on, topic
from bot.coach.writing.drafts.note import FRESH_MEETING_DAYS, Note, their_work
from bot.store.records import Fact


def write(note: Note) -> None:
    promises = sorted(note.network.open_promises(note.contact.id, "promise"), key=lambda p: p.made_on)
    promises = [p for p in promises if p.text.strip()][:2]
    note.promise_ids = [p.id for p in promises]
    kept = []
    for n, promise in enumerate(promises):
        fact = promise_fact(promise)
        note.use(fact)
        kept.append(keeping(Kept(fact.slots["form"], fact.slots["what"]), note.variant + n))
    where, when, days = note.meeting(latest=True)
    fresh = 0 <= days <= FRESH_MEETING_DAYS
    meetings = sum(1 for i in note.network.timeline(note.contact.id) if i.kind == "met")
    next_step = ""
    lead = note.lead()
    if lead is not None:  # hiring the very role the user is after: that is the next step, promises or not
        next_step = note.lead_words(lead)
    elif not kept:
        next_step = _next_step(note)
    note.context.update(
        kept=kept,
        met_where=where if fresh else "",
        met_when=when if fresh else "",
        met_again=meetings > 1,
        next_step=next_step,
    )


def _next_step(note: Note) -> str:
    """With nothing promised: a coffee, about the thing they care about most right now."""
    news = note.fresh_news()
    if news is not None:
        # Their news is the freshest thing to pick up: congratulate, then ask to hear about it.
        note.use(news)
        on = congrats_on(news)
        if note.style == "formal":
            return f"Congratulations on {on}, too. I would love to hear more about it over a coffee some time."
        return (
            f"And congratulations on {on}! I'd love to hear all about it over a coffee.",
            f"Also, huge congrats on {on}! Fancy a quick call soon to tell me about it?",
            f"Congratulations on {on}, by the way - let's grab a coffee and you can tell me everything.",
        )[note.variant]
    need = note.known.latest("need")
    if need is not None and not about_fact(need):
        need = None  # "wants my resume" is the user's to send: ask about something of theirs
    fact = need or note.known.latest("interest")
    if fact is not None:
        note.use(fact)
        about = about_fact(fact)
    else:
        about = their_work(note.contact)
    if note.style == "formal":
        return f"Would you be open to a coffee in the coming weeks? I would like to hear more about {about}."
    return (
        f"Would you be up for a coffee in the next few weeks? I'd love to hear more about {about}.",
        f"How about a quick call soon? I'd like to hear more about {about}.",
        f"Fancy a coffee sometime soon? I'm keen to hear more about {about}.",
    )[note.variant]


def about_fact(fact: Fact) -> str:
    """What to hear more about, after "I'd love to hear more about": "the hiring", "jazz", "your move to Berlin"."""
    if fact.kind == "need":
        act = fact.slots.get("act", "")
        if act == "hiring":
            return "the team you're hiring for"
        if act == "raising":
            return "the round you're raising"
        return about_need(fact)
    return topic(fact)
