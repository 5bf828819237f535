"""Reading: what a typed line says. A line becomes people and typed facts (capture, the fact reader), with dates,
names, places and the shorthand people type on phones.

May import: ``bot.store``, ``bot.coach.errors``.
"""
