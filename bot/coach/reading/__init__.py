"""Reading: what a typed line says. A line becomes people and facts (capture), dates, names and places.

May import: ``bot.coach.errors``, ``bot.store.records`` and its own modules; never planning, saying or journal.
"""
