"""The network as a whole: its shape (clusters, hubs, gaps) and picture, search, and the address-book files that
come in (imports) and go out (exports).

May import: ``bot.store``, ``bot.coach.errors``, reading, saying, planning.
"""
