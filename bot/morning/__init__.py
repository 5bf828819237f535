"""The morning message, in one place: when it fires (``jobs``: trigger, per-user job, rebuild and catch-up at
start-up, and the weekly review's job beside it) and how it goes out (``send``: plan, claim the day, send once).

Nothing here is imported by the coach; handlers import ``jobs`` to reschedule and ``send`` to show /today, and
``send`` never imports ``jobs`` back: the job calls delivery, delivery reports what happened, the job acts on it.
"""
