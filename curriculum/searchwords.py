"""The `words` of a search index's entries, written word by word: each word once, with the entries
it is in.

Each entry's `words` (curriculum/searchentry.py) are most of a search index, and gzip, which
sees repeats within 32 kB only, finds little to share between the entries of a 700 kB index. So
the index lists each word once, in its configuration (`WORD_ENTRIES`, one line a word, the most
used first), followed by the entries that have it: their places in the index's list of entries,
each written as its distance from the one before, in base 36. A page's sections are neighbours
in that list and share many words, so the distances are mostly 0 and 1. The download is about a
quarter smaller than with the words written out in each entry. The page's search worker stand-in
(overrides/partials/search_worker.js.html) writes each entry's words back before lunr reads the
index, so search finds exactly what it found before.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from curriculum.searchentry import WORDS_FIELD

WORD_ENTRIES = "word_entries"  # the index's configuration names its word lines by this
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def pack_words(index: dict[str, Any]) -> dict[str, Any]:
    """The index with its entries' words moved into word lines in its configuration."""
    entries: dict[str, list[int]] = defaultdict(list)
    for number, doc in enumerate(index["docs"]):
        for word in dict.fromkeys(doc.get(WORDS_FIELD, "").split()):
            entries[word].append(number)
    # The most used words first; ties in alphabetical order, for a stable file.
    words = sorted(entries, key=lambda word: (-len(entries[word]), word))
    lines = [" ".join([word, *(_base36(number - before - 1) for before, number in
                               zip([-1, *entries[word]], entries[word], strict=False))]) for word in words]
    config = {**index["config"], WORD_ENTRIES: "\n".join(lines)}
    docs = [{key: value for key, value in doc.items() if key != WORDS_FIELD} for doc in index["docs"]]
    return {**index, "config": config, "docs": docs}


def unpack_words(index: dict[str, Any]) -> dict[str, Any]:
    """The index as lunr reads it: each entry's words written out (what the stand-in does)."""
    if WORD_ENTRIES not in index["config"]:
        return index
    words: list[list[str]] = [[] for _ in index["docs"]]
    for line in filter(None, index["config"][WORD_ENTRIES].split("\n")):
        word, *gaps = line.split(" ")
        number = -1
        for gap in gaps:
            number += int(gap, 36) + 1
            words[number].append(word)
    config = {key: value for key, value in index["config"].items() if key != WORD_ENTRIES}
    docs = [{**doc, WORDS_FIELD: " ".join(found)} if found else doc for doc, found in zip(index["docs"], words, strict=True)]
    return {**index, "config": config, "docs": docs}


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = _DIGITS[digit] + digits
        if not number:
            return digits
