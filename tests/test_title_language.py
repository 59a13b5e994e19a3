"""A publication the text names keeps its own language (WCAG 3.1.2, language of parts): on a
Swedish page, "Learning to See" is written `<span lang="en">Learning to See</span>`, so a screen
reader says it in English. The sources page marks every title it lists (render_sources); this
holds the pages' own text to it (docs/about/contributing.md, "cite")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from curriculum import LANGUAGES
from curriculum.layout import translation_path
from curriculum.loader import load_curriculum
from tests.site_pages import DOCS, ROOT, english_sources

# Publications, not web pages: a web page's title is often a name (of a tool, a program or a
# project) that reads alike in both languages.
PUBLICATIONS = ("book", "report", "official", "peer-reviewed")
# Titles that are also the name of a method, written the same in both languages, and standards'
# designations.
NAMES = re.compile(r"Toyota Kata|Green Kaizen|ISO \d+")


def _titles(page_language: str) -> dict[str, str]:
    """The main titles (before a subtitle or an edition) of the publications in another
    language than the page's, with their language."""
    sources = load_curriculum(ROOT).sources.values()
    return {re.split(r":| \(", source.title)[0].strip(): source.language for source in sources
            if source.type in PUBLICATIONS and source.language != page_language}


def _page_sources(language: str) -> list[Path]:
    return [DOCS / translation_path(source, language) for source in english_sources()]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_title_in_the_other_language_is_marked_with_its_language(language: str) -> None:
    titles = {title: lang for title, lang in _titles(language).items() if not NAMES.fullmatch(title)}
    assert titles, "no publication in the other language: this test checks nothing"
    unmarked, marked = [], 0
    for path in _page_sources(language):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for title, lang in titles.items():
                for found in re.finditer(re.escape(title), line):
                    if line[:found.start()].endswith(f'<span lang="{lang}">'):
                        marked += 1
                    else:
                        unmarked.append(f'{path.relative_to(DOCS)}:{number}: write <span lang="{lang}">{title}</span>')
    assert unmarked == []
    assert marked >= 1, "no title marked: this test checks nothing"
