"""The journal: writing down what happened (meetings, notes, gives, help, promises kept), the morning message's
memory (delivery claims, snoozes), reminders and the weekly review.

May import: reading, planning, saying, ``bot.coach.facts``, the store.
"""
