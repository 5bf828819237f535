"""Planning: from what is known to what is due and what to suggest (the rules, goals, tie strength, give-first).

May import: reading, ``bot.coach.facts``, ``bot.coach.network.view``, ``bot.store.records``; never journal or the
store's files.
"""
