"""Glossary marking: first occurrence per page only, never in a heading or a link; in Chromium,
reachable by keyboard with a readable tooltip."""

from __future__ import annotations

import re

import pytest

from curriculum.learner_pages import first_terms_only
from tests.browser import visit


def test_only_the_first_occurrence_outside_headings_and_links_is_marked() -> None:
    html = ('<h1><abbr title="d">VSM</abbr></h1><p><a href="x"><abbr title="d">VSM</abbr></a> '
            '<abbr title="d">VSM</abbr> and <abbr title="d">VSM</abbr>, <abbr title="e">5S</abbr></p>'
            '<h2 id="x">About <abbr title="e">5S</abbr></h2><p><abbr title="e">5S</abbr></p>')
    assert first_terms_only(html) == (
        '<h1>VSM</h1><p><a href="x">VSM</a> <abbr title="d" tabindex="0">VSM</abbr> and VSM, '
        '<abbr title="e" tabindex="0">5S</abbr></p><h2 id="x">About 5S</h2><p>5S</p>')


def test_other_tags_that_start_like_a_or_h_are_left_alone() -> None:
    html = '<aside><hr><header><abbr title="d">VSM</abbr></header></aside>'
    assert first_terms_only(html) == '<aside><hr><header><abbr title="d" tabindex="0">VSM</abbr></header></aside>'


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["", "sv/"])
def test_glossary_terms_are_marked_once_reachable_by_keyboard_and_readable(page, site_url: str, built_site, lang: str) -> None:
    for path in ("", "coach-training/", "modules/green-waste-walk/"):
        visit(page, site_url + lang + path)
        terms = page.eval_on_selector_all(".md-content abbr", "as => as.map(a => a.textContent.trim().toLowerCase())")
        assert len(terms) == len(set(terms)), f"{path}: a term marked twice: {terms}"
        assert page.locator(".md-content :is(h1, h2, h3, h4, h5, h6, a) abbr").count() == 0, path
        assert page.locator(".md-header abbr").count() == 0
    visit(page, site_url + lang + "coach-training/")
    term = page.locator(".md-content abbr").first
    assert term.get_attribute("tabindex") == "0"
    # Material moves the title into its tooltip once mounted: read it from the built page.
    built = (built_site / lang / "coach-training" / "index.html").read_text(encoding="utf-8")
    title = re.search(r'<abbr title="([^"]+)" tabindex="0">', built).group(1)
    term.focus()
    tip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text=title[:20]).first
    tip.wait_for(state="visible", timeout=5000)
    size = tip.evaluate("t => parseFloat(getComputedStyle(t.querySelector('.md-tooltip2__inner, .md-tooltip__inner') || t).fontSize)")
    assert size >= 14, size
    visit(page, site_url + lang)
    home = (built_site / lang / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r'<abbr title="([^"]+)"', home.split("<article", 1)[1])
    assert not [t for t in titles if "pilot" in t and ("this site" not in t and "den här sajten" not in t)], titles
