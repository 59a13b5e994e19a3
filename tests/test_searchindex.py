"""Splitting Material's merged search index by language, and what is kept out of it."""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from material.plugins.search.plugin import void

from curriculum import LANGUAGES
from curriculum.layout import CHECKLIST_LIBRARY, WORKSHEET_LIBRARY, page_url, search_index_path
from curriculum.loader import load_curriculum
from curriculum.searchindex import exclude_repeated_text, plain_text, split_by_language
from tests.site_pages import ROOT


def _merged(site: Path, docs: list[dict]) -> None:
    config = {"lang": ["en", "sv"], "separator": "[\\s\\-]+"}
    (site / "search").mkdir(parents=True)
    (site / "search" / "search_index.json").write_text(json.dumps({"config": config, "docs": docs}), encoding="utf-8")


def test_the_merged_index_becomes_one_per_language_without_doubles(tmp_path: Path) -> None:
    english = {"location": "modules/green-5s/", "title": "Green 5S", "text": "sort"}
    swedish = {"location": "sv/modules/green-5s/", "title": "Grön 5S", "text": "sortera"}
    home = {"location": "", "title": "Home", "text": "start"}
    _merged(tmp_path, [english, swedish, home, dict(english)])

    assert split_by_language(tmp_path) == {"en": 2, "sv": 1}
    en = json.loads(search_index_path(tmp_path, "en").read_text(encoding="utf-8"))
    sv = json.loads(search_index_path(tmp_path, "sv").read_text(encoding="utf-8"))
    assert search_index_path(tmp_path, "sv") == tmp_path / "sv" / "search" / "search_index.json"
    assert en["docs"] == [english, home] and sv["docs"] == [swedish]
    assert (en["config"]["lang"], sv["config"]["lang"]) == (["en"], ["sv"])
    assert en["config"]["separator"] == "[\\s\\-]+"  # the rest of Material's settings stay


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
    [doc] = json.loads(search_index_path(tmp_path, "en").read_text(encoding="utf-8"))["docs"]
    assert doc["text"] == "Count CO2e in kWh &amp; litres. sort shine"


def test_the_page_of_all_facilitator_notes_keeps_only_its_introduction() -> None:
    html = ('<h1 id="all-facilitator-notes">All facilitator notes</h1><p>Collected from every unit.</p>'
            '<h2 id="coach-role">Coach role</h2><p>note</p><h3 id="day-1">Day 1</h3><p>more</p>')
    marked = exclude_repeated_text(html, "coach-training/facilitator-notes.sv.md")
    assert '<h1 id="all-facilitator-notes">' in marked  # the title and introduction stay searchable
    assert '<h2 data-search-exclude id="coach-role">' in marked and '<h3 data-search-exclude id="day-1">' in marked
    # A unit's own facilitator notes stay in search.
    unit = html.replace("all-facilitator-notes", "coach-role-and-contracting")
    assert exclude_repeated_text(unit, "coach-training/units/coach-role-and-contracting.md") == unit


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_each_checklist_and_worksheet_once_where_it_belongs(built_site: Path, language: str) -> None:
    """On the one page that shows it; on the library page when several pages show it."""
    curriculum = load_curriculum(ROOT)
    docs = json.loads(search_index_path(built_site, language).read_text(encoding="utf-8"))["docs"]
    shared = []
    kinds = (
        (curriculum.checklists, curriculum.checklist_pages, CHECKLIST_LIBRARY, lambda item: item.items[-1].text),
        (curriculum.worksheets, curriculum.worksheet_users, WORKSHEET_LIBRARY, lambda item: item.instructions[-1]),
    )
    for items, pages_of, library, last_words in kinds:
        for item_id, item in items.items():
            words = html.escape(" ".join(last_words(item)[language].split()), quote=False)
            found = sorted({doc["location"].split("#")[0] for doc in docs if words in doc["text"]})
            pages = pages_of[item_id]
            on_several = len(pages) > 1
            shared += [item_id] if on_several else []
            expected = library if on_several else pages[0]
            assert found == [page_url(expected, language)], f"{item_id}: {words!r} found on {found}"
    assert len(shared) >= 2, "no checklist or worksheet is shown on several pages: the library case is untested"


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
