"""A search index as it is downloaded: its entries field by field, and each word once, with the
entries it is in.

gzip sees repeats within 32 kB only and codes what it finds byte by byte, so the shape of the file
decides much of its download. The packed index has no `docs`; its configuration holds:

- `ENTRIES`: the entries field by field, one list a field (`{"location": [...], "title": [...],
  "text": [...]}`), so like goes with like. A location on the page of the entry before it is
  written from its `#` on: a page's sections follow each other in the index.
- `WORD_LIST`: each word of the entries' `words` (curriculum/searchentry.py) once, in
  alphabetical order, separated by spaces. A word is written as the number of letters it shares
  with the word before (one digit) and the rest ("4s" after "tool" is "tools").
- `WORD_ENTRIES`: for each word in that order, the entries that have it, separated by spaces: their
  places in the list of entries, each as its distance from the one before, written with `DIGITS`
  five bits at a time: a digit of the first 32 ends a number, a digit of the last 32 is followed
  by more of it. A page's sections are neighbours and share many words, so most distances are a
  single digit. Words and entries apart compress better than side by side (2 to 3 % of the index).

Together over a quarter smaller than Material's own shape, and a tenth smaller than that shape
with only the words written once (a line a word, distances in base 36). The page's search worker stand-in
(docs/assets/javascripts/search-stand-in.js) unpacks it before lunr reads it, as `unpack_index`
does here, so search finds exactly what it found before (tests/test_searchwords.py compares them).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise
from typing import Any

from curriculum.searchentry import WORDS_FIELD

ENTRIES = "entries"  # the configuration's key for the entries, field by field
WORD_LIST = "word_list"  # for the words
WORD_ENTRIES = "word_entries"  # and for the entries that have each word
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
_HALF = 32
_LOCATION = "location"


def pack_index(index: dict[str, Any]) -> dict[str, Any]:
    """The index (Material's shape, entries with `words`) as it is downloaded."""
    docs = index["docs"]
    fields = list(dict.fromkeys(key for doc in docs for key in doc if key != WORDS_FIELD))
    columns = {field: [doc.get(field) for doc in docs] for field in fields}
    if _LOCATION in columns:
        columns[_LOCATION] = _short_locations(columns[_LOCATION])
    entries: dict[str, list[int]] = defaultdict(list)
    for number, doc in enumerate(docs):
        for word in dict.fromkeys(doc.get(WORDS_FIELD, "").split()):
            entries[word].append(number)
    words, places, before = [], [], ""
    for word in sorted(entries):
        shared = _shared_start(before, word)
        words.append(DIGITS[shared] + word[shared:])
        places.append("".join(_number(number - previous - 1) for previous, number in pairwise([-1, *entries[word]])))
        before = word
    config = {**index["config"], ENTRIES: columns, WORD_LIST: " ".join(words), WORD_ENTRIES: " ".join(places)}
    return {**index, "config": config, "docs": []}


def unpack_index(index: dict[str, Any]) -> dict[str, Any]:
    """The index as lunr reads it, each entry with its fields and its words written out (what the
    stand-in does); an index that is not packed is returned as it is."""
    if ENTRIES not in index["config"]:
        return index
    columns = index["config"][ENTRIES]
    locations = _full_locations(columns.get(_LOCATION, []))
    count = len(next(iter(columns.values()), []))
    docs = [{field: (locations[n] if field == _LOCATION else values[n]) for field, values in columns.items()
             if values[n] is not None} for n in range(count)]
    words: list[list[str]] = [[] for _ in docs]
    word = ""
    for written, places in zip(*(index["config"][key].split(" ") if index["config"][key] else []
                                 for key in (WORD_LIST, WORD_ENTRIES)), strict=True):
        word = word[:DIGITS.index(written[0])] + written[1:]
        number = -1
        for gap in _numbers(places):
            number += gap + 1
            words[number].append(word)
    config = {key: value for key, value in index["config"].items() if key not in (ENTRIES, WORD_LIST, WORD_ENTRIES)}
    docs = [{**doc, WORDS_FIELD: " ".join(found)} if found else doc for doc, found in zip(docs, words, strict=True)]
    return {**index, "config": config, "docs": docs}


def _short_locations(locations: list[str | None]) -> list[str | None]:
    written, page = [], ""
    for location in locations:
        here, _, anchor = (location or "").partition("#")
        written.append(f"#{anchor}" if location and anchor and here == page else location)
        page = here
    return written


def _full_locations(written: list[str | None]) -> list[str | None]:
    locations, page = [], ""
    for location in written:
        if location and location.startswith("#"):
            location = page + location
        page = (location or "").partition("#")[0]
        locations.append(location)
    return locations


def _shared_start(before: str, word: str) -> int:
    shared = 0
    while shared < min(len(before), len(word), len(DIGITS) - 1) and before[shared] == word[shared]:
        shared += 1
    return shared


def _number(number: int) -> str:
    digits = DIGITS[number % _HALF]
    number //= _HALF
    while number:
        digits = DIGITS[_HALF + number % _HALF] + digits
        number //= _HALF
    return digits


def _numbers(written: str) -> list[int]:
    numbers, number = [], 0
    for digit in map(DIGITS.index, written):
        number = number * _HALF + digit % _HALF
        if digit < _HALF:
            numbers.append(number)
            number = 0
    return numbers
