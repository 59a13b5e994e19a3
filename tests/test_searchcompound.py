"""A Swedish compound is found by its last part too: the page's search worker stand-in adds the
parts as it unpacks the index (search-stand-in.js `withCompoundParts`), as
`searchentry.with_compound_parts` does; the index does not carry them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from itertools import takewhile
from pathlib import Path
from urllib.parse import urlparse

from curriculum.searchentry import (
    COMPOUND_PART,
    WORDS_FIELD,
    finds,
    indexed_terms,
    stop_words,
    with_compound_parts,
)
from curriculum.searchindex import as_searched, read_packed
from curriculum.searchquery import shortened
from curriculum.searchwords import pack_index, unpack_index
from tests.browser import search, visit
from tests.stand_in import run_stand_in

SEPARATOR = re.compile(r"[\s\-]+")  # Material's default
TEXTS = ["En slöserivandring på golvet", "vandring mot slöseri", "tryckluftssystemet läcker",
         "tryckluft och systemet", "certifieringar", "ringar på vattnet", "undertecknad", "tecknad",
         "committen", "mitten"]


def _stand_in_adds_parts(index: dict) -> dict:
    return run_stand_in("withCompoundParts", "withCompoundParts(data)", index)


def test_a_swedish_compound_is_also_found_by_its_last_part() -> None:
    """Lunr matches the start of a term: "slöseri" found "slöserivandring", "vandring" did not."""
    docs = [{"location": f"sv/{n}/", "title": "T", "text": text} for n, text in enumerate(TEXTS)]
    assert with_compound_parts(docs, SEPARATOR, stop_words("sv")) == 2
    assert docs[0][WORDS_FIELD] == "vandring"
    assert docs[2][WORDS_FIELD] == "systemet"  # after the linking s of "trycklufts"
    # Not where the first side is no word of the index ("certifie"), a stop word ("under") or
    # shorter than four letters ("com").
    assert [doc for doc in docs if WORDS_FIELD in doc] == [docs[0], docs[2]]


def test_the_stand_in_adds_the_parts_as_python_does_where_the_index_says_so() -> None:
    docs = [{"location": f"sv/{n}/", "title": "T", "text": text} for n, text in enumerate(TEXTS)]
    docs[1][WORDS_FIELD] = "slöserisystemet"  # a word past the teaser is split too, and added after it
    config = {"separator": SEPARATOR.pattern, "stop_words": sorted(stop_words("sv")), COMPOUND_PART: 4}
    index = {"config": config, "docs": docs}
    added = as_searched(index)
    assert [doc.get(WORDS_FIELD) for doc in added["docs"][:3]] == ["vandring", "slöserisystemet systemet", "systemet"]
    assert _stand_in_adds_parts(index) == added
    assert index["docs"][0] == {"location": "sv/0/", "title": "T", "text": TEXTS[0]}  # as_searched copies
    # Without the setting (an English index), neither adds a part.
    english = {"config": {k: v for k, v in config.items() if k != COMPOUND_PART}, "docs": docs}
    assert as_searched(english) == english and _stand_in_adds_parts(english) == english


def test_the_built_swedish_index_leaves_the_parts_to_the_stand_in(built_site: Path) -> None:
    packed = read_packed(built_site, "sv")
    unpacked = unpack_index(packed)
    searched = as_searched(unpacked)
    assert _stand_in_adds_parts(unpacked) == searched
    added = sum(len(after.get(WORDS_FIELD, "").split()) - len(before.get(WORDS_FIELD, "").split())
                for before, after in zip(unpacked["docs"], searched["docs"], strict=True))
    assert added > 1000, added  # parts the download need not carry
    assert COMPOUND_PART not in read_packed(built_site, "en")["config"]
    # The stand-in reads the index packed; the packed index is as the words without the parts.
    assert pack_index(unpacked) == packed


def _found_only_by_a_part(site: Path) -> tuple[str, str]:
    """A part of a compound that finds an entry of the Swedish index only because the stand-in
    adds it, the one of fewest results; and that entry's location."""
    unpacked = unpack_index(read_packed(site, "sv"))
    searched = as_searched(unpacked)
    dropped = frozenset(unpacked["config"]["stop_words"])
    separator = re.compile(unpacked["config"]["separator"])
    entries: dict[str, set[int]] = defaultdict(set)  # each term, the entries it is in
    for number, doc in enumerate(searched["docs"]):
        for term in indexed_terms(doc, separator, dropped):
            entries[term].add(number)
    held = sorted(entries)

    def found_by(query: str) -> set[int]:  # search's start-of-term match, over the sorted terms
        start = bisect_left(held, query)
        return set().union(*(entries[term] for term in takewhile(lambda term: term.startswith(query), held[start:])))

    candidates = []
    for before, after in zip(unpacked["docs"], searched["docs"], strict=True):
        for part in sorted(set(after.get(WORDS_FIELD, "").split()) - set(before.get(WORDS_FIELD, "").split())):
            query = shortened(part, "sv")  # as the stand-in searches it
            if len(part) >= 6 and not finds(indexed_terms(before, separator, dropped), query):
                candidates.append((len(found_by(query)), part, after["location"]))
    assert candidates, "no compound part adds an entry to what search finds"
    _, part, location = min(candidates)
    return part, location


def test_search_finds_a_swedish_entry_by_the_last_part_of_a_compound(page, built_site: Path, site_url: str) -> None:
    part, location = _found_only_by_a_part(built_site)
    visit(page, site_url + "sv/")
    found = [(url.path, url.fragment) for url in map(urlparse, search(page, part))]
    expected = urlparse(site_url + location)
    assert (expected.path, expected.fragment) in found, (part, location, found)
