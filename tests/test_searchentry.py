"""An index entry (curriculum/searchentry.py): its teaser, and its words, without the ones its longer
terms stand for and none that is a character reference."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from curriculum import LANGUAGES
from curriculum.searchentry import (
    CUT_CHARACTERS,
    ELLIPSIS,
    TEASER_CHARACTERS,
    WORDS_FIELD,
    entry_terms,
    finds,
    indexed_terms,
    searchable,
    stop_words,
    terms,
    without_prefixes,
)
from curriculum.searchindex import read_index, read_packed
from curriculum.searchwords import unpack_index

SEPARATOR = re.compile(r"[\s\-]+")  # Material's default, which mkdocs.yml keeps

LONG = ("Measure the leak flow with all users closed, then read the compressor's specific power on its "
        "data sheet and the calculator gives the electricity, the cost and the emissions of the leaks "
        "over a year. The guides show how to find the leaks: walk the network on a Sunday, listen, "
        "tag each leak and log it as an action with an owner. Ultrasound finds the quiet ones; the "
        "compressor's load meter shows what runs when nobody works, and that is the leakage.")


def test_a_long_entry_shows_a_teaser_and_is_found_by_each_of_its_other_words_once() -> None:
    doc = {"location": "tools/compressed-air-leaks/#how", "title": "How", "text": LONG}
    entry = searchable(doc, SEPARATOR, stop_words("en"))
    teaser = entry["text"].removesuffix(ELLIPSIS)
    # The first sentence, which ends past SENTENCE_AT_LEAST and before TEASER_CHARACTERS.
    assert entry["text"].endswith(ELLIPSIS) and teaser == LONG[:LONG.index(" year.") + len(" year.")]
    words = entry[WORDS_FIELD].split()
    assert len(words) == len(set(words)), "a word kept twice"
    assert not set(words) & set(terms(teaser, SEPARATOR)), "a word of the teaser kept again"
    assert {"ultrasound", "leakage.", "sunday,"} <= set(words) and "the" not in words
    # Search finds the entry by the same terms as before, stop words aside (lunr drops them).
    found_by = entry_terms(entry, SEPARATOR) - {ELLIPSIS.strip()} - stop_words("en")
    assert found_by == set(terms(LONG, SEPARATOR)) - stop_words("en")
    assert {k: v for k, v in entry.items() if k not in ("text", WORDS_FIELD)} == {"location": doc["location"], "title": "How"}


def _word_cut(text: str) -> str:
    """The text up to the last space that leaves at most CUT_CHARACTERS before it."""
    return text[:text.rfind(" ", 0, CUT_CHARACTERS + 1)]


@pytest.mark.parametrize(("text", "teaser"), [
    # No sentence ends in reach: cut between the last two words that fit.
    (LONG.replace(".", ",").replace(";", ","), _word_cut(LONG.replace(".", ",").replace(";", ","))),
    # A sentence that ends too early to show much, and the next ends too late: cut between words.
    ("Measure it. " + LONG, _word_cut("Measure it. " + LONG)),
    # The first sentence that ends past the shortest, though the next would fit too.
    ("Walk the compressed air network on a Sunday and tag each leak you hear. Log them. " + LONG,
     "Walk the compressed air network on a Sunday and tag each leak you hear."),
    # Abbreviations end no sentence; the sentence after them does.
    ("Ask a regional office, e.g. Energikontoren Sverige, t.ex. Almi or ca. 40 others for a walk. Then " + LONG,
     "Ask a regional office, e.g. Energikontoren Sverige, t.ex. Almi or ca. 40 others for a walk."),
    # A sentence ending in a figure or a citation's bracket ends there too.
    ("The leaks cost the plant about 300 MWh a year, by the data logger's count in 2025. " + LONG,
     "The leaks cost the plant about 300 MWh a year, by the data logger's count in 2025."),
    (LONG[:120] + " (Rother & Shook 1999). " + LONG, LONG[:120] + " (Rother & Shook 1999)."),
    # A word of two letters ends a sentence, unless it abbreviates ("et al. 2015").
    ("Walk the compressed air network, as in Example et al. 2015, and tag each leak as you go. Log them all. " + LONG,
     "Walk the compressed air network, as in Example et al. 2015, and tag each leak as you go."),
    # A sentence followed by its citation ends before the citation's bracket.
    ("Walk the compressed air network on a Sunday and tag each leak you hear. (Rother & Shook 1999) " + LONG,
     "Walk the compressed air network on a Sunday and tag each leak you hear."),
    ("A company that has done the start program can often shorten phase 1. " + LONG,
     "A company that has done the start program can often shorten phase 1."),
    # A numbered line is no sentence's end ("1." after a bracket): cut between two words instead.
    ("Write to the supplier, subject: footprint of part number [part no.] 1. " + LONG,
     _word_cut("Write to the supplier, subject: footprint of part number [part no.] 1. " + LONG)),
], ids=["no-sentence-end", "too-short-a-sentence", "first-of-two", "abbreviations", "ends-in-a-figure", "ends-in-a-bracket", "two-letter-word", "before-a-citation",
        "ends-in-a-digit-after-a-word", "numbered-line"])
def test_a_teaser_ends_with_the_first_sentence_that_ends_past_its_shortest(text: str, teaser: str) -> None:
    entry = searchable({"location": "a/", "title": "A", "text": text}, SEPARATOR, stop_words("en"))
    assert entry["text"] == teaser + ELLIPSIS
    assert len(teaser) <= TEASER_CHARACTERS
    # Every word past the teaser still finds the entry.
    assert entry_terms(entry, SEPARATOR) - {ELLIPSIS.strip()} - stop_words("en") == set(terms(text, SEPARATOR)) - stop_words("en")


def test_a_short_entry_or_one_that_would_split_a_word_stays_as_it_is() -> None:
    short = {"location": "a/", "title": "A", "text": LONG[:CUT_CHARACTERS]}
    one_word = {"location": "b/", "title": "B", "text": "x" * (TEASER_CHARACTERS + 50) + " end"}
    assert searchable(short, SEPARATOR, stop_words("en")) == short
    assert searchable(one_word, SEPARATOR, stop_words("en")) == one_word



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
    """In the index as downloaded: the compound parts the stand-in adds (test_searchcompound.py)
    may start with a word the index keeps, which costs no download."""
    index = unpack_index(read_packed(built_site, language))
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
