"""Verbs as a promise is kept: the action in its plain form ("writing the intro" -> "write the intro", "he reviews
mine" -> "review"), and whether a word names a thing ("draft", "lunch") whatever else it can be.

A promise is said back in the second person ("You told Ana you'd write the intro", "Ana said they'd review your
portfolio"), which needs the plain form of its verb. English has too many verbs, and too many irregular ones
("putting", "making", "writing", "sends"), for a hand-kept table: lemminflect's dictionary knows them. It loads in
about half a second, so it is read the first time a verb needs it, never at import.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def plain_verb(word: str) -> str:
    """The plain form of ``word`` when it is a verb ("writing" -> "write", "sends" -> "send", "review" -> "review"),
    else "" ("beers", "feedback", "coffee")."""
    low = word.lower()
    if not low.isalpha() or len(low) < 2:
        return ""
    from lemminflect import getAllLemmas  # loaded on first use: see the module's docstring

    lemmas = getAllLemmas(low, upos="VERB").get("VERB", ())
    return lemmas[0] if lemmas else ""


def is_plain_verb(word: str) -> bool:
    """True for a verb in its plain form ("design", "send"), false for "sends", "writing" or "beers"."""
    return plain_verb(word) == word.lower() != ""


def is_inflected(word: str) -> bool:
    """True for a verb said in another form than its plain one ("booked", "went", "hosting"), false for "book"."""
    return plain_verb(word) not in ("", word.lower())


@lru_cache(maxsize=4096)
def is_thing(word: str) -> bool:
    """True for a word that names a thing ("draft", "lunch", "design"), whatever else it can be."""
    from lemminflect import getAllLemmas  # loaded on first use: see the module's docstring

    return bool(getAllLemmas(word.lower(), upos="NOUN"))


@lru_cache(maxsize=4096)
def is_a_word(word: str) -> bool:
    """True for a word the English dictionary knows ("afterwards", "coordinator"), false for "Ishita" or "Aarav"."""
    from lemminflect import getAllLemmas  # loaded on first use: see the module's docstring

    return bool(getAllLemmas(word.lower()))


@lru_cache(maxsize=4096)
def describes_only(word: str) -> bool:
    """True for a word that only describes ("legal", "amazing"), not one that names a thing or a field ("platform",
    "policy", "design")."""
    from lemminflect import getAllLemmas  # loaded on first use: see the module's docstring

    lemmas = getAllLemmas(word.lower())
    return "ADJ" in lemmas and "NOUN" not in lemmas and "PROPN" not in lemmas


@lru_cache(maxsize=4096)
def gerund(word: str) -> str:
    """The -ing form of a verb in its plain form ("hike" -> "hiking", "swim" -> "swimming"), else ""."""
    if not is_plain_verb(word):
        return ""
    from lemminflect import getInflection  # loaded on first use: see the module's docstring

    forms = getInflection(word.lower(), tag="VBG")
    return forms[0] if forms else ""
