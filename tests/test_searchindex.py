"""Splitting Material's merged search index by language, and what is kept out of it."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from material.plugins.search.plugin import void

from curriculum import LANGUAGES
from curriculum.layout import CHECKLIST_LIBRARY, WORKSHEET_LIBRARY, page_url, search_index_path
from curriculum.loader import load_curriculum
from curriculum.model import Curriculum
from curriculum.searchentry import (
    CUT_CHARACTERS,
    ELLIPSIS,
    SENTENCE_AT_LEAST,
    TEASER_CHARACTERS,
    WORDS_FIELD,
    entry_terms,
    finds,
    indexed_terms,
    stop_words,
    terms,
)
from curriculum.searchindex import (
    STOP_WORDS,
    exclude_repeated_text,
    indexed_on_library,
    plain_text,
    read_index,
    split_by_language,
)
from curriculum.searchquery import QUERY_ENDINGS, query_endings
from tests.site_pages import ROOT

SEPARATOR = re.compile(r"[\s\-]+")  # Material's default, which mkdocs.yml keeps


def _merged(site: Path, docs: list[dict]) -> None:
    config = {"lang": ["en", "sv"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
              "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}}
    (site / "search").mkdir(parents=True)
    (site / "search" / "search_index.json").write_text(json.dumps({"config": config, "docs": docs}), encoding="utf-8")


def test_the_merged_index_becomes_one_per_language_without_doubles(tmp_path: Path) -> None:
    english = {"location": "modules/green-5s/", "title": "Green 5S", "text": "sort workplace"}
    swedish = {"location": "sv/modules/green-5s/", "title": "Grön 5S", "text": "sortera golvytan"}
    home = {"location": "", "title": "Home", "text": "start place"}
    places = {"location": "sv/", "title": "Start", "text": "golv och ytan"}
    _merged(tmp_path, [english, swedish, home, dict(english), places])

    assert split_by_language(tmp_path) == {"en": 2, "sv": 2}
    en, sv = read_index(tmp_path, "en"), read_index(tmp_path, "sv")
    assert search_index_path(tmp_path, "sv") == tmp_path / "sv" / "search" / "search_index.json"
    # Compounds are split in Swedish only: "place" does not find "workplace".
    assert en["docs"] == [english, home] and sv["docs"] == [{**swedish, WORDS_FIELD: "ytan"}, places]
    assert (en["config"]["lang"], sv["config"]["lang"]) == (["en"], ["sv"])
    assert en["config"]["separator"] == "[\\s\\-]+"  # the rest of Material's settings stay
    # The stop words the page's search worker leaves out of a query: each language's own.
    assert (en["config"][STOP_WORDS], sv["config"][STOP_WORDS]) == (sorted(stop_words("en")), sorted(stop_words("sv")))
    # And the endings it takes off each query word: each language's own (curriculum/searchquery.py).
    assert (en["config"][QUERY_ENDINGS], sv["config"][QUERY_ENDINGS]) == (query_endings("en"), query_endings("sv"))
    # Search reads an entry's words beyond its teaser as it reads its text.
    assert en["config"]["fields"] == {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, WORDS_FIELD: {"boost": 1.0}}


def test_the_offline_copys_indexes_are_the_scripts_material_loads_from_file(tmp_path: Path) -> None:
    english = {"location": "modules/green-5s.html", "title": "Green 5S", "text": "sort workplace"}
    swedish = {"location": "sv/modules/green-5s.html", "title": "Grön 5S", "text": "sortera golvytan"}
    _merged(tmp_path, [english, swedish])

    assert split_by_language(tmp_path, script=True) == {"en": 1, "sv": 1}
    assert search_index_path(tmp_path, "sv", script=True) == tmp_path / "sv" / "search" / "search_index.js"
    for language, doc in (("en", english), ("sv", swedish)):
        script = search_index_path(tmp_path, language, script=True).read_text(encoding="utf-8")
        assert script.startswith("var __index = {")  # the global Material's bundle reads there
        index = read_index(tmp_path, language, script=True)
        assert (index["config"]["lang"], [d["location"] for d in index["docs"]]) == ([language], [doc["location"]])
    # Nothing reads JSON from file://: the merged index is gone and no language's is written.
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.json")) == []


def test_the_stop_words_are_those_of_the_installed_lunr_for_each_language() -> None:
    assert {"the", "and", "of"} <= stop_words("en") and "energy" not in stop_words("en")
    assert {"och", "att", "för"} <= stop_words("sv") and "energi" not in stop_words("sv")
    assert not stop_words("en") & {"och", "energi"}
    with pytest.raises(LookupError, match="no lunr stop word list for 'xx'"):
        stop_words("xx")


def test_a_pages_reference_list_is_marked_but_the_sources_page_keeps_its_own() -> None:
    html = '<h2 id="why">Why</h2><p>text</p><h2 id="sources">Sources<a class="headerlink"></a></h2><ul></ul>'
    marked = exclude_repeated_text(html, "modules/green-5s.sv.md")
    assert '<h2 id="sources" data-search-exclude>Sources' in marked
    assert '<h2 id="why">' in marked
    assert exclude_repeated_text(html, "about/sources.md") == html
    assert exclude_repeated_text(html, "about/sources.sv.md") == html


def test_an_entrys_text_keeps_its_words_without_materials_markup(tmp_path: Path) -> None:
    text = "<p>Count CO<sub>2</sub>e in <code>kWh</code> &amp; litres.</p> <ul>\n<li>sort</li><li>shine</li></ul>"
    assert plain_text(text) == "Count CO2e in kWh &amp; litres. sort shine"
    _merged(tmp_path, [{"location": "modules/green-5s/", "title": "Green 5S", "text": text}])
    split_by_language(tmp_path)
    [doc] = read_index(tmp_path, "en")["docs"]
    assert doc["text"] == "Count CO2e in kWh &amp; litres. sort shine"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_of_the_built_index_shows_at_most_a_teaser(built_site: Path, language: str) -> None:
    index = read_index(built_site, language)
    docs, separator = index["docs"], re.compile(index["config"]["separator"])
    assert max(len(doc["text"]) for doc in docs) <= TEASER_CHARACTERS + len(ELLIPSIS)
    long = [doc for doc in docs if WORDS_FIELD in doc]
    assert len(long) > len(docs) / 4, "hardly any entry is long: the teaser is untested on the real site"
    assert not any(set(doc[WORDS_FIELD].split()) & stop_words(language) for doc in long)
    if language == "sv":  # a compound is also found by its last part
        walks = [doc for doc in docs if "slöserivandring" in entry_terms(doc, separator)]
        assert walks and all(finds(entry_terms(doc, separator), "vandring") for doc in walks)
    # Punctuation separates words (mkdocs.yml), so "(Hernandez" and "air," are found as "hernandez"
    # and "air"; a full stop does so only before a letter, so 2.5 and 2026.1 stay whole.
    assert terms('leaks, (Hernandez-Herrera) ”hoppa” 2.5 kWh/år. 2026.1 ok', separator) == [
        "leaks", "hernandez", "herrera", "hoppa", "2.5", "kwh", "år", "2026.1", "ok"]
    glued = sorted({term for doc in long for term in doc[WORDS_FIELD].split() if re.search(r'[,;:()”"/]|\.$', term)})
    assert glued == []


def test_the_page_of_all_facilitator_notes_keeps_only_its_introduction() -> None:
    html = ('<h1 id="all-facilitator-notes">All facilitator notes</h1><p>Collected from every unit.</p>'
            '<h2 id="coach-role">Coach role</h2><p>note</p><h3 id="day-1">Day 1</h3><p>more</p>')
    marked = exclude_repeated_text(html, "coach-training/facilitator-notes.sv.md")
    assert '<h1 id="all-facilitator-notes">' in marked  # the title and introduction stay searchable
    assert '<h2 data-search-exclude id="coach-role">' in marked and '<h3 data-search-exclude id="day-1">' in marked
    # A unit's own facilitator notes stay in search.
    unit = html.replace("all-facilitator-notes", "coach-role-and-contracting")
    assert exclude_repeated_text(unit, "coach-training/units/coach-role-and-contracting.md") == unit


def _sheet_kinds(curriculum: Curriculum) -> tuple:
    """Checklists and worksheets: the sheets, the pages that show each, their library, the lines a
    sheet is found by (its items, or its instructions)."""
    return (
        (curriculum.checklists, curriculum.checklist_pages, CHECKLIST_LIBRARY, lambda item: [line.text for line in item.items]),
        (curriculum.worksheets, curriculum.worksheet_users, WORKSHEET_LIBRARY, lambda item: item.instructions),
    )


def _sheet_words(lines: list[dict[str, str]], language: str) -> str:
    """A sheet's lines in one language as the index holds them: spaces single, & as &amp;."""
    return html.escape(" ".join(" ".join(line[language] for line in lines).split()), quote=False)


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_each_checklist_and_worksheet_once_where_it_belongs(built_site: Path, language: str) -> None:
    """On the one page that shows it; on the library page when several pages show it. An entry
    holds a sheet when it holds the terms of all its items (or instructions)."""
    curriculum = load_curriculum(ROOT)
    index = read_index(built_site, language)
    docs, separator, stops = index["docs"], re.compile(index["config"]["separator"]), stop_words(language)
    shared = []
    for items, pages_of, library, lines in _sheet_kinds(curriculum):
        for item_id, item in items.items():
            words = _sheet_words(lines(item), language)
            wanted = set(terms(words, separator)) - stops
            found = sorted({doc["location"].split("#")[0] for doc in docs
                            if all(finds(held, word) for held in [indexed_terms(doc, separator, stops)] for word in wanted)})
            pages = pages_of[item_id]
            on_several = len(pages) > 1
            shared += [item_id] if on_several else []
            expected = library if on_several else pages[0]
            assert found == [page_url(expected, language)], f"{item_id}: {words!r} found on {found}"
    assert len(shared) >= 2, "no checklist or worksheet is shown on several pages: the library case is untested"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_sheet_a_library_holds_for_search_is_a_result_of_its_own(built_site: Path, language: str) -> None:
    """Under its own title, linked to its sheet, not the library page's top (checklist_library.html.j2,
    worksheet_library.html.j2)."""
    curriculum = load_curriculum(ROOT)
    index = read_index(built_site, language)
    separator = re.compile(index["config"]["separator"])
    for items, pages_of, library, lines in _sheet_kinds(curriculum):
        held = indexed_on_library(pages_of)
        assert held, f"no sheet is shown on several pages: {library} holds none for search"
        for item_id in held:
            item = items[item_id]
            [entry] = [doc for doc in index["docs"] if doc["location"] == f"{page_url(library, language)}#{item_id}"]
            assert entry["title"] == item.title[language]
            words = _sheet_words(lines(item), language)
            held = indexed_terms(entry, separator, stop_words(language))
            assert [word for word in set(terms(words, separator)) - stop_words(language) if not finds(held, word)] == [], item_id


class _NestedExclusions(HTMLParser):
    """Material's search parser tells elements apart by tag alone, so an element marked
    data-search-exclude stops being skipped where the first element of its own tag inside it
    ends (material/plugins/search/plugin.py, Element.__eq__): the rest of it reaches the index."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, bool]] = []  # (tag, marked) of the elements we are inside
        self.nested: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in void:  # as the parser this guards reads them
            return
        if any(marked and tag == outer for outer, marked in self.open):
            self.nested.append(f"line {self.getpos()[0]}: <{tag}> inside a <{tag} data-search-exclude>")
        self.open.append((tag, any(name == "data-search-exclude" for name, _ in attrs)))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return


def test_no_block_kept_out_of_search_holds_an_element_of_its_own_tag(built_site: Path) -> None:
    checked, nested = 0, []
    for page in sorted(built_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if "data-search-exclude" not in text:
            continue
        checked += 1
        parser = _NestedExclusions()
        parser.feed(text)
        nested += [f"{page.relative_to(built_site)}: {problem}" for problem in parser.nested]
    assert checked > 20
    assert nested == []


def test_no_table_cell_definition_or_option_runs_into_the_next(built_site: Path) -> None:
    """Search reads a page without its tags: "Format</dt><dd>Workshop" would be one word
    (Renderer._template keeps them apart)."""
    glued = re.compile(r"</(?:td|th|dt|dd|option)>(?:</?(?:tr|thead|tbody|tfoot)\b[^>]*>)*<(?:td|th|dt|dd|tr|option)\b")
    pages = sorted(built_site.rglob("*.html"))
    found = [f"{page.relative_to(built_site)}: {match[0]}" for page in pages
             for match in glued.finditer(page.read_text(encoding="utf-8"))]
    assert len(pages) > 150 and found[:5] == []


def test_the_contributors_guide_gives_the_teasers_length() -> None:
    """Authors are told how much of a section a result shows; the figure follows the code."""
    for page, figures in (("contributing.md", ("between the {least}th and the {most}th", "fit in {cut} characters")),
                          ("contributing.sv.md", ("mellan tecken {least} och {most}", "ryms på {cut} tecken"))):
        text = " ".join((ROOT / "docs/about" / page).read_text(encoding="utf-8").split())
        for words in figures:
            assert words.format(most=TEASER_CHARACTERS, least=SENTENCE_AT_LEAST, cut=CUT_CHARACTERS) in text, page
