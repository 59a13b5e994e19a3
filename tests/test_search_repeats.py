"""Blocks that several pages show are found by search on one page (curriculum/searchindex.py):
the certification rubric on the portfolio page, the certification steps on the certification
page and the learning path on the coach training's start page, not again on the progress page.
A section holds a block when search finds its entry by every term of the block's text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from curriculum import LANGUAGES
from curriculum.layout import (
    CERTIFICATION_PAGE,
    COACH_TRAINING_PAGE,
    PORTFOLIO_PAGE,
    page_url,
)
from curriculum.loader import load_curriculum
from curriculum.searchentry import finds, indexed_terms, stop_words, terms
from curriculum.searchindex import read_index
from tests.site_pages import ROOT, built_page, english_sources

# Each block by the mark its template gives it.
_MARKS = {"rubric": '<div class="rubric"', "certification steps": '<ol class="certification-steps"',
          "learning path": "<div class=\"learning-path\" data-learning-path"}
_HEADING = re.compile(r'<h[2-6] id="([^"]+)"')


def _blocks(language: str) -> dict[str, tuple[str, str]]:
    """Each block's name -> (its text, the page search finds it on)."""
    curriculum = load_curriculum(ROOT)
    assert curriculum.rubric is not None
    rubric = " ".join(criterion.indicators[level.id][language]
                      for criterion in curriculum.rubric.criteria for level in curriculum.rubric.levels)
    steps = " ".join(f"{step.title[language]} {step.requires[language]} {step.evidence[language]} "
                     f"{step.signed_off_by[language]} {step.time_allowed[language]}" for step in curriculum.certification)
    path = " ".join(unit.title[language] for units in curriculum.units_by_stage().values() for unit in units)
    return {"rubric": (rubric, PORTFOLIO_PAGE), "certification steps": (steps, CERTIFICATION_PAGE),
            "learning path": (path, COACH_TRAINING_PAGE)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_block_several_pages_show_is_found_on_its_one_page(built_site: Path, language: str) -> None:
    """The entry of the section that shows the block holds all its terms on the block's page, and
    not all of them on each other page that shows it."""
    index = read_index(built_site, language)
    separator, stops = re.compile(index["config"]["separator"]), stop_words(language)
    held = {doc["location"]: indexed_terms(doc, separator, stops) for doc in index["docs"]}
    pages = {source: built_page(built_site, source, language).read_text(encoding="utf-8") for source in english_sources()}
    problems = []
    for name, (text, home) in _blocks(language).items():
        wanted = set(terms(text, separator)) - stops
        found, shown_on = [], []
        for source, html in pages.items():
            if (start := html.find(_MARKS[name])) < 0:
                continue
            shown_on.append(source)
            section = [*_HEADING.findall(html, 0, start)][-1]
            if all(finds(held[f"{page_url(source, language)}#{section}"], word) for word in wanted):
                found.append(source)
        assert home in shown_on and len(shown_on) > 1, f"the {name} is shown on {shown_on}"
        problems += [f"the {name}: found in its section on {found}"] if found != [home] else []
    assert problems == []
