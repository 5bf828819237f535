"""Saying: one fact turned into a phrase, in the second person and never quoting raw notes (the grammar of persons,
articles and tenses; the words of news, needs, offers, promises and debts; what is known about someone now).

May import: ``bot.store``, ``bot.coach.errors``, reading.
"""
