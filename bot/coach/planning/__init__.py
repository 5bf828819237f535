"""Planning: from what is known to what is due and what to suggest: the scores and thresholds, goals, tie
strength, give-first ideas, the digest row each contact keeps for it, and the choice of a morning's few steps.

May import: ``bot.store``, ``bot.coach.errors``, reading, saying.
"""
