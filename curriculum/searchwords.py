"""The `words` of a search index's entries, written as numbers into one word list.

Each entry's `words` (curriculum/searchentry.py) are most of a search index, and gzip, which
sees repeats within 32 kB only, finds little to share between the entries of a 700 kB index. So
the index lists each word once, in its configuration (`VOCABULARY`, the most used first), and
an entry's words become their places in that list: sorted, each written as its distance from the
one before, in base 36. The download shrinks by about a fifth. The page's search worker stand-in
(overrides/partials/search_worker.js.html) writes the words back before lunr reads the index, so
search finds exactly what it found before.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from curriculum.searchentry import WORDS_FIELD

VOCABULARY = "vocabulary"  # the index's configuration names its word list by this
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def pack_words(index: dict[str, Any]) -> dict[str, Any]:
    """The index with its entries' words as numbers, and the word list in its configuration."""
    counts = Counter(word for doc in index["docs"] for word in doc.get(WORDS_FIELD, "").split())
    # The most used words get the smallest numbers; ties in alphabetical order, for a stable file.
    vocabulary = sorted(counts, key=lambda word: (-counts[word], word))
    place = {word: number for number, word in enumerate(vocabulary)}

    def packed(doc: dict[str, Any]) -> dict[str, Any]:
        if not doc.get(WORDS_FIELD):
            return doc
        numbers = sorted({place[word] for word in doc[WORDS_FIELD].split()})
        gaps = [number - before - 1 for before, number in zip([-1, *numbers], numbers, strict=False)]
        return {**doc, WORDS_FIELD: " ".join(_base36(gap) for gap in gaps)}

    config = {**index["config"], VOCABULARY: " ".join(vocabulary)}
    return {**index, "config": config, "docs": [packed(doc) for doc in index["docs"]]}


def unpack_words(index: dict[str, Any]) -> dict[str, Any]:
    """The index as lunr reads it: each entry's words written out (what the stand-in does)."""
    if VOCABULARY not in index["config"]:
        return index
    vocabulary = index["config"][VOCABULARY].split(" ")

    def unpacked(doc: dict[str, Any]) -> dict[str, Any]:
        if not doc.get(WORDS_FIELD):
            return doc
        words, number = [], -1
        for gap in doc[WORDS_FIELD].split(" "):
            number += int(gap, 36) + 1
            words.append(vocabulary[number])
        return {**doc, WORDS_FIELD: " ".join(words)}

    config = {key: value for key, value in index["config"].items() if key != VOCABULARY}
    return {**index, "config": config, "docs": [unpacked(doc) for doc in index["docs"]]}


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = _DIGITS[digit] + digits
        if not number:
            return digits
