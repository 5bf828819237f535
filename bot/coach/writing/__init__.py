"""Writing: whole texts. A morning's steps in words (nudges, plans) and the notes the user sends (drafts), from
the planner's choices and saying's phrases, rendered through the templates.

May import: ``bot.store``, ``bot.coach.errors``, ``bot.rendering``, reading, saying, planning.
"""
