"""A catch-up after a gap (principle 6, templates/drafts/reconnect.txt): how long it has been, the freshest real
thread (their news or a move, else their need, else a promise still open, else what they care about, else where you
met) and one real question. A contact hiring the very role the user is after hears that first."""

from __future__ import annotations

from datetime import timedelta

from bot.coach.reading.facts import NEWS_KINDS
from bot.coach.saying.debts import Kept, still_owed
from bot.coach.saying.phrases import congrats_on, need_words, question, question_after
from bot.coach.writing.drafts.note import NEWS_DAYS, Note, ask_back
from bot.store.records import Fact

# News comes first however old the need or promise beside it is (docs/coaching.md, "Drafts"); within a tier, newest.
_THREAD_ORDER = {"win": 5, "job_change": 5, "life_event": 5, "move": 5, "need": 3, "promise": 2}


def write(note: Note) -> None:
    job_lead = note.lead()
    thread = freshest_thread(note)
    lead, ask = "", ""
    if job_lead is not None and (thread is None or thread.kind not in NEWS_KINDS):
        lead = note.lead_words(job_lead)
    elif thread is not None:
        note.use(thread)
        lead, ask = _thread_words(note, thread)
    else:
        where, when, _ = note.meeting(latest=False)
        if where and when:
            lead = f"I was thinking back to when we met {where} {when}."
        elif where:
            lead = f"I was thinking back to when we met {where}."
        ask = ("How have you been?", "What have you been up to lately?", "How are things with you?")[note.variant]
    gap = note.gap()
    note.context.update(gap=gap, recent=gap in ("a few days", "a week or so"), lead=lead, ask=ask)


def freshest_thread(note: Note) -> Fact | None:
    """The newest real thread: their news, their need, a move, an open promise, else what they care about."""
    # News already congratulated, or too old to call news, is no thread to pick up.
    congratulated = note.congratulated_on()
    stale = (note.today - timedelta(days=NEWS_DAYS)).isoformat()
    ranked = [
        f
        for f in note.known.facts
        if f.kind in ("move", "need", "promise")
        or (
            f.kind in NEWS_KINDS
            and f.slots.get("event") != "news"  # news we cannot name is no thread to pick up
            and not f.done_on
            and f.on > congratulated
            and (not f.on or f.on >= stale)
        )
    ]
    if ranked:
        return max(ranked, key=lambda f: (_THREAD_ORDER.get(f.kind, 0), f.on))
    interests = note.known.of("interest")
    return interests[note.variant % len(interests)] if interests else None


def _thread_words(note: Note, fact: Fact) -> tuple[str, str]:
    """(a sentence naming the thread, one question) - the fact is named once."""
    v = note.variant
    if fact.kind in NEWS_KINDS:
        on = congrats_on(fact)
        lead = (f"I saw your news - congratulations on {on}!", f"I heard about {on} - congratulations!",
                f"Congratulations on {on}, by the way!")[v]  # fmt: skip
        if note.style == "formal":
            lead = f"I was delighted to hear of {on} - congratulations."
        return lead, question_after(fact, v)
    if fact.kind == "promise":
        kept = Kept(fact.slots["form"], fact.slots["what"])
        return f"{still_owed(kept)} - sorry it's taken me a while.", ask_back(v)
    if fact.kind == "need":
        words = need_words(fact)
        return f"Last time we spoke you were {words}.", question_after(fact, v)
    return "", question(fact, v)
