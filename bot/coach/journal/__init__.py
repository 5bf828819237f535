"""The journal: writing down what happened (meetings, notes, gives, help, promises kept, what a note teaches), the
morning message's memory (delivery claims, snoozes), reminders and the weekly review.

May import: ``bot.store``, ``bot.rendering`` and every other package of the coach.
"""
