"""Each query word without its inflection ending (curriculum/searchquery.py), in Python and in the
page's search worker stand-in (docs/assets/javascripts/search-stand-in.js), run in Node on the same
words; that the browser's search then finds the other forms is tested in test_interactions.py."""

from __future__ import annotations

import re

import pytest

from curriculum import LANGUAGES
from curriculum.searchquery import ENDINGS, query_endings, shortened
from tests.site_pages import DOCS
from tests.stand_in import run_stand_in


def _stand_in_shortens(queries: list[str], language: str) -> list[str]:
    """What the stand-in's `shortened` makes of each query with the index's endings, in Node."""
    return run_stand_in("shortened", "data[0].map(q => shortened(q, data[1]))", [queries, query_endings(language)])


@pytest.mark.parametrize(("query", "language", "searched"), [
    ("improvements", "en", "improvement"), ("processes", "en", "process"), ("companies", "en", "compan"),
    ("Tools", "en", "tool"), ("reduced", "en", "reduc"), ("training", "en", "train"),
    ("kaizens energy", "en", "kaizen energy"),
    # Kept: what would be left is too short, or the s is no plural ending.
    ("uses", "en", "uses"), ("process", "en", "process"), ("status", "en", "status"), ("bring", "en", "bring"),
    ("värdeflödet", "sv", "värdeflöd"), ("checklistor", "sv", "checklist"), ("kunder", "sv", "kund"),
    ("mätningarna", "sv", "mätning"), ("energin", "sv", "energi"), ("företags", "sv", "företag"),
    ("energi", "sv", "energi"), ("målen", "sv", "målen"), ("under", "sv", "under"),
    # lunr's own syntax is searched as typed.
    ("+improvements", "en", "+improvements"), ('"green kaizens"', "en", '"green kaizens"'), ("kaizens~1", "en", "kaizens~1"),
])
def test_a_query_word_loses_its_ending_in_python_and_in_the_stand_in(query: str, language: str, searched: str) -> None:
    assert shortened(query, language) == searched
    assert _stand_in_shortens([query], language) == [searched]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_stand_in_shortens_every_word_of_the_content_as_python_does(language: str) -> None:
    pages = DOCS.rglob("*.sv.md") if language == "sv" else (page for page in DOCS.rglob("*.md") if not page.name.endswith(".sv.md"))
    words = sorted({word for page in pages for word in re.findall(r"[^\W\d_]+", page.read_text(encoding="utf-8"))})
    assert len(words) > 3000
    ours = [shortened(word, language) for word in words]
    assert _stand_in_shortens(words, language) == ours
    # Each is the start of its word, so it finds all the word found; many words lose an ending.
    assert [word for word, short in zip(words, ours, strict=True) if not word.lower().startswith(short)] == []
    changed = sum(word.lower() != short for word, short in zip(words, ours, strict=True))
    assert 0.1 < changed / len(words) < 0.6, changed / len(words)


def test_each_language_has_its_endings() -> None:
    assert set(ENDINGS) == set(LANGUAGES)
    assert all(query_endings(language)["rules"] for language in LANGUAGES)


def test_a_results_missing_words_are_named_as_typed_and_its_found_words_as_searched() -> None:
    """The stand-in maps each searched word back to the word typed for it, and renames a result's
    missing words by that map: "Missing: stakeholders", while the found "kaizen" stays as searched
    for the page's highlight."""
    typed = run_stand_in("typedWords", "data.map(([query, searched]) => typedWords(query, searched))", [
        ["Kaizen Stakeholders", "kaizen stakeholder"],
        ["how to start", "start"],  # a stop word left out is no word searched
        ["tool tools", "tool tool"],
    ])
    assert typed == [{"stakeholder": "stakeholders"}, {}, {}]
    result = {"items": [[{"location": "a/", "terms": {"kaizen": True, "stakeholder": False}}],
                        [{"location": "b/", "terms": {"kaizen": False, "stakeholder": True}}]], "suggest": []}
    renamed = run_stand_in("withTypedMissing", "withTypedMissing(data, {stakeholder: 'stakeholders'})", result)
    assert [item["terms"] for group in renamed["items"] for item in group] == [
        {"kaizen": True, "stakeholders": False}, {"kaizen": False, "stakeholder": True}]
    assert renamed["suggest"] == [] and renamed["items"][0][0]["location"] == "a/"
