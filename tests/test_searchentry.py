"""An index entry's words: without the ones its longer terms stand for (curriculum/searchentry.py), and
none that is a character reference."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from curriculum import LANGUAGES
from curriculum.searchentry import (
    WORDS_FIELD,
    finds,
    indexed_terms,
    stop_words,
    without_prefixes,
)
from curriculum.searchindex import read_index

SEPARATOR = re.compile(r"[\s\-]+")


def test_a_word_that_starts_a_longer_term_of_its_entry_is_left_out_and_the_entry_is_still_found_by_it() -> None:
    stops = stop_words("en")
    doc = {"location": "a/#b", "title": "Tools", "text": "Every toolbox holds …",
           WORDS_FIELD: "tool walk walked walking energy energyuse ever plan planning"}
    before = dict(doc)
    assert without_prefixes([doc], SEPARATOR, stops) == 4
    # "tool" starts "tools" and "toolbox", "walk" starts "walked", "energy" starts "energyuse",
    # "plan" starts "planning"; "walked" starts no other term. "ever" stays: the term it starts, "every", is a stop word and not in the index.
    assert doc[WORDS_FIELD] == "walked walking energyuse ever planning"
    queries = {term[:n] for term in indexed_terms(before, SEPARATOR, stops) for n in range(1, len(term) + 1)}
    held = indexed_terms(doc, SEPARATOR, stops)
    assert [query for query in sorted(queries) if not finds(held, query)] == []


def test_an_entry_without_words_stays_as_it_is() -> None:
    docs = [{"location": "a/", "title": "A", "text": "tool tools"}, {"location": "b/", "title": "B", "text": "x", WORDS_FIELD: ""}]
    assert without_prefixes(docs, SEPARATOR, stop_words("en")) == 0
    assert docs == [{"location": "a/", "title": "A", "text": "tool tools"}, {"location": "b/", "title": "B", "text": "x", WORDS_FIELD: ""}]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_word_of_the_built_index_starts_another_term_of_its_entry(built_site: Path, language: str) -> None:
    index = read_index(built_site, language)
    separator, stops = re.compile(index["config"]["separator"]), stop_words(language)
    found = []
    for doc in index["docs"]:
        held = indexed_terms(doc, separator, stops)
        found += [f"{doc['location']}: {word}" for word in doc.get(WORDS_FIELD, "").split()
                  if any(term != word and term.startswith(word) for term in held)]
    assert found[:5] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_term_of_the_built_index_is_a_character_reference(built_site: Path, language: str) -> None:
    """The entries' text is HTML, which shows "Rother &amp; Shook" as "Rother & Shook": the
    separator (mkdocs.yml) splits at a character reference, so "&amp" is no word of the index."""
    index = read_index(built_site, language)
    separator = re.compile(index["config"]["separator"])
    reference = re.compile(r"&(#x?[0-9a-f]+|[a-z]+);?")
    held = {term for doc in index["docs"] for term in indexed_terms(doc, separator, frozenset())}
    assert sorted(term for term in held if reference.search(term)) == []
    assert any("&amp;" in doc["text"] for doc in index["docs"]), "no reference left in the text: this test checks nothing"
    assert {"rother", "shook"} <= held
