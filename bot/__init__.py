"""Nurture: a Telegram networking coach.

``__main__`` (the ``nurture`` command), ``config`` (settings read once) and ``app`` (the one factory that wires
everything) sit on top; ``handlers`` are the Telegram glue, ``morning`` the scheduled messages, ``coach`` the brain
(no Telegram), ``store`` where the notebooks live.
"""
