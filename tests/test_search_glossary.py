"""The glossary in search: each term an entry of its own (curriculum/searchglossary.py)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from curriculum import LANGUAGES
from curriculum.layout import GLOSSARY_PAGE, built_file, page_url
from curriculum.loader import load_curriculum
from curriculum.searchentry import WORDS_FIELD, entry_terms
from curriculum.searchglossary import is_glossary, term_entries
from curriculum.searchindex import read_index, split_by_language
from tests.browser import search, visit
from tests.site_pages import ROOT

GLOSSARY_HTML = """<h1 id="glossary">Glossary</h1><p>The words we use.</p>
<dl class="glossary" data-search-exclude>
<dt id="term-5s">5S</dt>
<dd>Five steps: sort &amp; &#39;shine&#39;. (<a class="citation" href="../../about/sources/#src-epa">EPA</a>)<br><small>Swedish: <span lang="sv">5S</span></small></dd>
<dt id="term-energy-baseline">energy baseline (EnB)</dt>
<dd>A reference
   for energy use.<br/><small>Swedish: <span lang="sv">energibaslinje</span></small></dd>
</dl>"""


def test_each_term_is_an_entry_at_its_anchor_with_its_explanation_as_text() -> None:
    assert term_entries(GLOSSARY_HTML, "methodology/glossary/") == [
        {"location": "methodology/glossary/#term-5s", "title": "5S",
         "text": "Five steps: sort &amp; 'shine'. (EPA) Swedish: 5S"},
        {"location": "methodology/glossary/#term-energy-baseline", "title": "energy baseline (EnB)",
         "text": "A reference for energy use. Swedish: energibaslinje"},
    ]


def test_the_glossary_is_known_by_its_location_on_the_site_and_in_the_offline_copy() -> None:
    assert is_glossary("methodology/glossary/", "en") and is_glossary("sv/methodology/glossary/", "sv")
    assert is_glossary("methodology/glossary.html", "en") and is_glossary("sv/methodology/glossary.html", "sv")
    assert not is_glossary("methodology/glossary/", "sv") and not is_glossary("methodology/glossary/#term-5s", "en")


def test_the_terms_follow_the_glossarys_own_entry_in_its_languages_index(tmp_path: Path) -> None:
    config = {"lang": ["en", "sv"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
              "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}}
    docs = [{"location": "methodology/glossary/", "title": "Glossary", "text": "<p>The words we use.</p>"},
            {"location": "modules/x/", "title": "X", "text": "<p>x</p>"},
            {"location": "sv/modules/x/", "title": "X", "text": "<p>x</p>"}]
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.json").write_text(json.dumps({"config": config, "docs": docs}), encoding="utf-8")
    (tmp_path / "methodology/glossary").mkdir(parents=True)
    (tmp_path / "methodology/glossary/index.html").write_text(GLOSSARY_HTML, encoding="utf-8")
    split_by_language(tmp_path)
    assert [doc["location"] for doc in read_index(tmp_path, "en")["docs"]] == [
        "methodology/glossary/", "methodology/glossary/#term-5s", "methodology/glossary/#term-energy-baseline", "modules/x/"]
    assert [doc["location"] for doc in read_index(tmp_path, "sv")["docs"]] == ["sv/modules/x/"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_built_index_has_an_entry_for_each_term_and_the_glossary_page_only_its_introduction(
        built_site: Path, language: str) -> None:
    glossary = load_curriculum(ROOT).glossary
    docs = read_index(built_site, language)["docs"]
    location = page_url(GLOSSARY_PAGE, language)
    entries = {doc["location"].removeprefix(location + "#term-"): doc for doc in docs if doc["location"].startswith(location + "#")}
    assert sorted(entries) == sorted(glossary)
    page = built_file(built_site, location).read_text(encoding="utf-8")
    separator = re.compile(r"[\s\-]+")
    for term_id, term in glossary.items():
        entry = entries[term_id]
        assert f'id="term-{term_id}"' in page
        assert entry["title"].startswith(term.term[language]), entry
        assert html.unescape(entry["text"]).startswith(term.definition[language][:40]), entry
    # The page's own entry is its introduction: no term's explanation is found there twice.
    [own] = [doc for doc in docs if doc["location"] == location]
    assert len(own["text"]) < 400 and len(own.get(WORDS_FIELD, "").split()) < 20, own
    assert "seiketsu" not in entry_terms(own, separator)  # a word of 5S's explanation alone


@pytest.mark.parametrize(("language", "query"), [("en", "takt time"), ("sv", "taktid")])
def test_search_finds_a_terms_explanation_in_the_glossary(page, site_url: str, language: str, query: str) -> None:
    visit(page, site_url + ("sv/" if language == "sv" else ""))
    found = [urlparse(link) for link in search(page, query)]
    assert ("/" + page_url(GLOSSARY_PAGE, language), "term-takt-time") in [(link.path, link.fragment) for link in found], found
    shown = page.locator(".md-search-result__article", has_text=load_curriculum(ROOT).glossary["takt-time"].definition[language][:30])
    assert shown.count() >= 1
