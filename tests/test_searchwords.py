"""The search index's words listed once each, with the entries that have them
(curriculum/searchwords.py); that the browser's search finds by them is tested in
test_interactions.py."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from curriculum import LANGUAGES
from curriculum.layout import search_index_path
from curriculum.searchentry import WORDS_FIELD
from curriculum.searchwords import WORD_ENTRIES, pack_words, unpack_words


def _index(*words: str | None) -> dict:
    docs = [{"location": f"page-{n}/", "title": "T", "text": "t", **({WORDS_FIELD: w} if w is not None else {})}
            for n, w in enumerate(words)]
    return {"config": {"lang": ["en"]}, "docs": docs}


def test_each_word_is_listed_once_the_most_used_first_with_the_entries_that_have_it() -> None:
    packed = pack_words(_index("walk waste energy", "waste energy", None, ""))
    # energy and waste in entries 0 and 1 (alphabetical between them), walk in entry 0 alone.
    assert packed["config"][WORD_ENTRIES] == "energy 0 0\nwaste 0 0\nwalk 0"
    assert all(WORDS_FIELD not in doc for doc in packed["docs"])
    assert packed["config"]["lang"] == ["en"]  # the rest of the configuration stays


def test_a_distance_between_entries_is_written_in_base_36() -> None:
    entries = ["energy" if n in (2, 42, 43) else "" for n in range(44)]
    packed = pack_words(_index(*entries))
    # Entry 2 is 2 on from the start, entry 42 39 on from entry 2 ("13" in base 36), entry 43 next to it.
    assert packed["config"][WORD_ENTRIES] == "energy 2 13 0"


def test_unpacked_each_entry_has_its_words_back() -> None:
    index = _index("walk waste energy", "waste energy", None, "ab", "")
    unpacked = unpack_words(pack_words(index))
    assert WORD_ENTRIES not in unpacked["config"]
    assert [set((doc.get(WORDS_FIELD) or "").split()) for doc in unpacked["docs"]] == \
        [set((doc.get(WORDS_FIELD) or "").split()) for doc in index["docs"]]
    assert unpack_words(index) == index  # an index without word lines is read as it is


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_built_index_is_a_fifth_smaller_for_it_at_least(built_site: Path, language: str) -> None:
    packed = json.loads(search_index_path(built_site, language).read_text(encoding="utf-8"))
    assert WORD_ENTRIES in packed["config"]
    as_words = json.dumps(unpack_words(packed), ensure_ascii=False, separators=(",", ":")).encode()
    saved = 1 - len(gzip.compress(json.dumps(packed, ensure_ascii=False, separators=(",", ":")).encode(), 9)) / \
        len(gzip.compress(as_words, 9))
    assert saved > 0.2, f"{language}: packing saves {saved:.0%}"
