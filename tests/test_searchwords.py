"""The search index as it is downloaded (curriculum/searchwords.py), and the page's stand-in that
unpacks it (docs/assets/javascripts/search-stand-in.js), run in Node on the same index; that the
browser's search finds by the words is tested in test_interactions.py."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from curriculum import LANGUAGES
from curriculum.searchentry import WORDS_FIELD
from curriculum.searchindex import read_packed
from curriculum.searchwords import (
    DIGITS,
    ENTRIES,
    WORD_ENTRIES,
    WORD_LIST,
    pack_index,
    unpack_index,
)
from tests.stand_in import run_stand_in


def _index(*words: str | None) -> dict:
    docs = [{"location": f"page-{n}/", "title": "T", "text": "t", **({WORDS_FIELD: w} if w is not None else {})}
            for n, w in enumerate(words)]
    return {"config": {"lang": ["en"]}, "docs": docs}


def _stand_in_unpacks(packed: dict) -> dict:
    """What the stand-in's `unpacked` makes of `packed`, run in Node."""
    return run_stand_in("unpacked", "unpacked(data)", packed)


def test_each_word_is_listed_once_in_alphabetical_order_with_the_entries_that_have_it() -> None:
    packed = pack_index(_index("walk waste energy", "waste energy", None, ""))
    # energy and waste in entries 0 and 1 (0, then 0 on), walk in entry 0; "walk" and "waste" share "wa".
    assert packed["config"][WORD_LIST] == "0energy 0walk 2ste"
    assert packed["config"][WORD_ENTRIES] == "00 0 00"
    assert packed["docs"] == []
    assert packed["config"]["lang"] == ["en"]  # the rest of the configuration stays


def test_the_entries_are_written_field_by_field_a_page_s_sections_from_their_anchor() -> None:
    docs = [{"location": "modules/a/", "title": "A", "text": "a"},
            {"location": "modules/a/#why", "title": "Why", "text": "b"},
            {"location": "modules/b/#how", "title": "How", "text": "c", "words": "kaizen"},
            {"location": "#intro", "title": "Home", "text": "d"}]  # the home page's section
    columns = pack_index({"config": {}, "docs": docs})["config"][ENTRIES]
    assert columns == {"location": ["modules/a/", "#why", "modules/b/#how", "#intro"],
                       "title": ["A", "Why", "How", "Home"], "text": ["a", "b", "c", "d"]}


def test_a_distance_between_entries_is_written_five_bits_a_digit() -> None:
    entries = ["energy" if n in (2, 42, 43, 1100) else "" for n in range(1101)]
    packed = pack_index(_index(*entries))
    # 2; 39 = 1 * 32 + 7: a digit of the last 32 for the 1, then "7"; 0; 1056 = 1 * 32 * 32 + 1 * 32 + 0.
    assert packed["config"][WORD_ENTRIES] == "2" + DIGITS[33] + "70" + DIGITS[33] + DIGITS[33] + "0"


def test_unpacked_each_entry_is_as_it_was() -> None:
    index = _index("walk waste energy", "waste energy", None, "ab", "")
    index["docs"][1]["location"] = "page-0/#second"
    unpacked = unpack_index(pack_index(index))
    assert not {ENTRIES, WORD_LIST, WORD_ENTRIES} & set(unpacked["config"])
    assert [{**doc, WORDS_FIELD: set(doc.get(WORDS_FIELD, "").split())} for doc in unpacked["docs"]] == \
        [{**doc, WORDS_FIELD: set(doc.get(WORDS_FIELD, "").split())} for doc in index["docs"]]
    assert unpack_index(index) == index  # an index that is not packed is read as it is


def test_the_stand_in_unpacks_as_python_does() -> None:
    index = _index("walk waste energy", "waste energy", None, "ab", "", *(["energy"] * 40), "energy-use")
    index["docs"][1]["location"] = "page-0/#second"
    packed = pack_index(index)
    assert _stand_in_unpacks(packed) == unpack_index(packed)
    assert _stand_in_unpacks(index) == index


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_built_index_is_unpacked_alike_and_over_a_quarter_smaller_for_it(built_site: Path, language: str) -> None:
    packed = read_packed(built_site, language)
    unpacked = unpack_index(packed)
    assert _stand_in_unpacks(packed) == unpacked
    assert len(unpacked["docs"]) > 500 and sum(WORDS_FIELD in doc for doc in unpacked["docs"]) > 300

    def size(index: dict) -> int:
        return len(gzip.compress(json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode(), 6))

    saved = 1 - size(packed) / size(unpacked)
    assert saved > 0.25, f"{language}: packing saves {saved:.0%}"
