"""The coach: Nurture's brain. Plain Python with no Telegram import, so it can be tested and reused anywhere; time
is always a parameter.

Its packages follow the flow of a message, each importing only the ones before it (tests/test_architecture.py):

    reading   a typed line -> people and typed facts (capture, dates, names, places, shorthand)
    saying    one fact -> a phrase (grammar, the words of news, needs, offers, promises, debts)
    planning  facts -> what is due today and what to suggest (the rules, goals, tie strength, give-first)
    network   the network as a whole: its shape and picture, search, imports and exports
    writing   whole texts: a morning's steps in words, and the notes the user sends (drafts)
    journal   writing down what happened, and the morning message's memory

Below them all, ``bot.store`` keeps the records; ``errors`` are what the user can be told.
"""
