"""A built page without its templates' white space (curriculum/htmlspace.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from curriculum import LANGUAGES
from curriculum.htmlspace import KEPT, compact
from curriculum.layout import language_prefix
from curriculum.learner_pages import NOT_FOUND
from tests.site_pages import built_page, english_sources


def test_a_run_of_white_space_with_a_line_break_becomes_one_line_break() -> None:
    html = '<ul>\n    <li>\n\n      <a href="x">Home</a>\n    </li>\n</ul>\n  <p>two  spaces\xa0\n  stay</p>'
    assert compact(html) == '<ul>\n<li>\n<a href="x">Home</a>\n</li>\n</ul>\n<p>two  spaces\xa0\nstay</p>'


@pytest.mark.parametrize("element", KEPT)
def test_an_element_that_shows_its_white_space_keeps_it(element: str) -> None:
    html = f"<div>\n  <{element} class=\"a\">one\n    two\n\n  three</{element}>\n  </div>"
    assert compact(html) == f"<div>\n<{element} class=\"a\">one\n    two\n\n  three</{element}>\n</div>"


def test_an_attribute_value_with_a_line_break_is_kept_as_written() -> None:
    html = '<abbr title="one\n    two">x</abbr>\n    <a title=\'a > b\n  c\'>y</a>\n   <!-- a\n   comment -->\n  z'
    assert compact(html) == '<abbr title="one\n    two">x</abbr>\n<a title=\'a > b\n  c\'>y</a>\n<!-- a\n   comment -->\nz'


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_built_page_is_compact_and_its_scripts_are_as_the_policy_hashed_them(built_site: Path, language: str) -> None:
    not_found = built_site / language_prefix(language) / NOT_FOUND
    pages = [built_page(built_site, source, language) for source in english_sources()] + [not_found]
    assert [page for page in pages if compact(text := page.read_text(encoding="utf-8")) != text] == []
    # The template's indentation is gone from the nav; the page still has its line breaks.
    home = built_page(built_site, "index.md", language).read_text(encoding="utf-8")
    assert re.search(r"\n[ \t]+<", home) is None and home.count("\n") > 100


def test_only_the_kept_elements_show_white_space_as_written_in_our_and_materials_stylesheets(built_site: Path) -> None:
    """A stylesheet rule that keeps line breaks (`white-space: pre`, `pre-wrap`, `pre-line`,
    `break-spaces`) on an element whose white space the compaction changes would change how the
    page looks. The search box's suggestion is written by Material's script, not by a template."""
    filled_by_script = {".md-search__suggest"}
    keeping = re.compile(r"([^{}]+)\{[^{}]*white-space:\s*(?:pre|pre-wrap|pre-line|break-spaces)\b")
    seen, found = [], []
    for sheet in sorted((built_site / "assets/stylesheets").glob("*.css")):
        for selectors in keeping.findall(sheet.read_text(encoding="utf-8")):
            for selector in (part.strip() for part in selectors.split(",")):
                element = re.match(r"[a-z]*", re.split(r"[\s>+~]+", selector)[-1]).group(0)
                seen.append(selector)
                if selector not in filled_by_script and element not in KEPT:
                    found.append(f"{sheet.name}: {selector}")
    assert found == []
    assert ".md-typeset pre" in seen, "no rule that keeps white space found: this test reads nothing"
