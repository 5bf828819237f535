"""Saying: facts and plans turned into words (nudge wording, drafts, the grammar of second-person phrases).

May import: reading, planning, ``bot.coach.facts``, ``bot.rendering`` (templates), ``bot.store.records``.
"""
