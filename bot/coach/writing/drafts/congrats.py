"""Congratulations on their news (principle 3: small gestures, often; templates/drafts/congrats.txt)."""

from __future__ import annotations

from bot.coach.errors import NotUnderstood
from bot.coach.saying.phrases import congrats_on, question_after
from bot.coach.writing.drafts.note import NEWS_DAYS, Note, iso_day


def write(note: Note) -> None:
    news = note.news()
    if news is None:
        name = note.contact.first_name.strip() or "them"
        raise NotUnderstood(f"I don't know of any news for {name} yet - add it with /note {name}: just got promoted")
    note.use(news)
    life = news.kind == "life_event"
    extra = ""
    if not life:
        extra = note.offer_back(fallback=False) if note.variant == 2 else ""
    day = iso_day(news.on)
    note.context.update(
        congrats_on=congrats_on(news),
        belated=day is not None and (note.today - day).days > NEWS_DAYS // 2,
        life=life,
        ask=question_after(news, note.variant),
        extra=extra,
    )
