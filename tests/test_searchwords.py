"""The search index's words as numbers into one word list (curriculum/searchwords.py); that the
browser's search finds by them is tested in test_interactions.py."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from curriculum import LANGUAGES
from curriculum.layout import search_index_path
from curriculum.searchentry import WORDS_FIELD
from curriculum.searchwords import VOCABULARY, pack_words, unpack_words


def _index(*words: str | None) -> dict:
    docs = [{"location": f"page-{n}/", "title": "T", "text": "t", **({WORDS_FIELD: w} if w is not None else {})}
            for n, w in enumerate(words)]
    return {"config": {"lang": ["en"]}, "docs": docs}


def test_each_word_is_listed_once_the_most_used_first_and_entries_name_theirs_by_distance() -> None:
    packed = pack_words(_index("walk waste energy", "waste energy", None, ""))
    # energy and waste twice (alphabetical between them), walk once.
    assert packed["config"][VOCABULARY] == "energy waste walk"
    assert [doc.get(WORDS_FIELD) for doc in packed["docs"]] == ["0 0 0", "0 0", None, ""]
    assert packed["config"]["lang"] == ["en"]  # the rest of the configuration stays


def test_a_distance_is_written_in_base_36() -> None:
    common = " ".join(f"w{n:02}" for n in range(40))  # 40 words two entries have ...
    packed = pack_words(_index(common, common, "w05 rare"))  # ... and a third one of them and a word of its own
    vocabulary = packed["config"][VOCABULARY].split()
    assert (vocabulary[0], vocabulary[40]) == ("w05", "rare")  # w05 is the most used, rare the least
    # 0 for w05, then 39 numbers on to rare: 39 is "13" in base 36.
    assert packed["docs"][2][WORDS_FIELD] == "0 13"


def test_unpacked_each_entry_has_its_words_back() -> None:
    index = _index("walk waste energy", "waste energy", None, "ab", "")
    unpacked = unpack_words(pack_words(index))
    assert VOCABULARY not in unpacked["config"]
    assert [set((doc.get(WORDS_FIELD) or "").split()) for doc in unpacked["docs"]] == \
        [set((doc.get(WORDS_FIELD) or "").split()) for doc in index["docs"]]
    assert unpack_words(index) == index  # an index without a word list is read as it is


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_built_index_is_a_fifth_smaller_for_it(built_site: Path, language: str) -> None:
    packed = json.loads(search_index_path(built_site, language).read_text(encoding="utf-8"))
    assert VOCABULARY in packed["config"]
    as_words = json.dumps(unpack_words(packed), ensure_ascii=False, separators=(",", ":")).encode()
    saved = 1 - len(gzip.compress(json.dumps(packed, ensure_ascii=False, separators=(",", ":")).encode(), 9)) / \
        len(gzip.compress(as_words, 9))
    assert saved > 0.15, f"{language}: packing saves {saved:.0%}"
