"""The network as a whole: a read-only view of it, its shape (clusters, hubs, gaps) and picture, search, and the
address-book files that come in (imports) and go out (exports).

May import: reading, planning, ``bot.store.records``.
"""
