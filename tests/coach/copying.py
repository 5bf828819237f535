"""What the draft and facts tests measure a copy with: the longest stretch of a text found in a source."""

from __future__ import annotations


def longest_copied_run(text: str, source: str) -> int:
    """Length of the longest stretch of ``text`` that appears in ``source``, ignoring case."""
    a, b = text.lower(), source.lower()
    best = 0
    for i in range(len(a)):
        j = i + best + 1
        while j <= len(a) and a[i:j] in b:
            best = j - i
            j += 1
    return best
