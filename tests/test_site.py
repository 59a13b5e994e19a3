"""The strictly built site: both languages, switcher, rendered data, no leftovers."""

from __future__ import annotations

import re
from functools import partial
from html import unescape
from pathlib import Path

import pytest

from curriculum import CURRICULUM_VERSION, LANGUAGES
from curriculum.layout import language_of_url, page_url
from curriculum.loader import load_curriculum
from curriculum.searchentry import finds, indexed_terms, stop_words, terms
from curriculum.searchindex import read_index
from tests.conftest import TEST_REPOSITORY
from tests.site_pages import ROOT, built_page, english_sources, heading_ids

PAGES = english_sources()


@pytest.mark.parametrize("src", PAGES)
def test_every_page_is_built_in_both_languages(built_site: Path, src: str) -> None:
    english = built_page(built_site, src, "en").read_text(encoding="utf-8")
    swedish = built_page(built_site, src, "sv").read_text(encoding="utf-8")
    assert '<html lang="en"' in english
    assert '<html lang="sv"' in swedish
    # Switching language must keep the place: the same anchors, the headings shown in the same order.
    assert sorted(heading_ids(english)) == sorted(heading_ids(swedish))
    assert heading_ids(english, shown_only=True) == heading_ids(swedish, shown_only=True)
    assert "{{" not in re.sub(r"<code>.*?</code>", "", english + swedish, flags=re.DOTALL), "macro left unrendered"
    # The ¶ link after each heading is titled in the page's language (curriculum/sectionlinks.py).
    titles = {lang: set(re.findall(r'class="headerlink" href="[^"]*" title="([^"]*)"', html))
              for lang, html in (("en", english), ("sv", swedish))}
    assert titles in ({"en": {"Link to this section"}, "sv": {"Länk till det här avsnittet"}}, {"en": set(), "sv": set()})
    # But none after the page's title, where it made an empty line on a phone.
    page_titles = re.findall(r"<h1\b.*?</h1>", english + swedish, re.DOTALL)
    assert len(page_titles) == 2 and not any("headerlink" in title for title in page_titles), page_titles


@pytest.mark.parametrize("src", PAGES)
def test_language_switcher_points_at_the_twin(built_site: Path, src: str) -> None:
    english = built_page(built_site, src, "en").read_text(encoding="utf-8")
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="(en|sv)"', english)[::1])
    by_language = {lang: href for href, lang in re.findall(r'<a href="([^"]+)" hreflang="(en|sv)"', english)}
    assert links, "no language switcher on the page"
    target = (built_page(built_site, src, "en").parent / by_language["sv"]).resolve()
    assert target == built_page(built_site, src, "sv").parent.resolve()


def test_every_page_describes_itself_with_its_own_summary_in_each_language(built_site: Path) -> None:
    """Search engines and link previews show the meta description: each page's is its summary."""
    pages = load_curriculum(ROOT).pages
    for language in LANGUAGES:
        descriptions = {}
        for src, page in pages.items():
            html = built_page(built_site, src, language).read_text(encoding="utf-8")
            found = [unescape(text) for text in re.findall(r'<meta name="description" content="([^"]*)"', html)]
            assert found == [page.summary[language].strip()], f"{src} ({language})"
            descriptions[src] = found[0]
        assert len(set(descriptions.values())) == len(descriptions), f"two pages share a description ({language})"


@pytest.mark.parametrize("src", PAGES)
def test_edit_link_opens_the_pages_own_source_in_each_language(built_site: Path, src: str) -> None:
    """Built as GitHub Actions builds it (conftest sets GITHUB_REPOSITORY), every page links the
    file a reader would edit: the Swedish page its `.sv.md` twin."""
    base = f"https://github.com/{TEST_REPOSITORY}/edit/main/docs/"
    for language, source in (("en", src), ("sv", src.removesuffix(".md") + ".sv.md")):
        html = built_page(built_site, src, language).read_text(encoding="utf-8")
        edit = re.findall(r'<a href="([^"]+)"[^>]*rel="edit"', html)
        assert edit == [base + source], f"{language} {src}: edit links {edit}"


def test_repository_link_asks_no_third_party_for_its_facts(built_site: Path) -> None:
    """Material's `source` component fetches stars and forks from api.github.com on page load;
    overrides/partials/source.html leaves it out so the link is only a link."""
    html = built_page(built_site, "index.md", "en").read_text(encoding="utf-8")
    assert f'<a href="https://github.com/{TEST_REPOSITORY}"' in html
    assert 'data-md-component="source"' not in html


def test_checklists_and_sources_render_from_the_data(built_site: Path) -> None:
    curriculum = load_curriculum(ROOT)
    library_en = built_page(built_site, "checklists/index.md", "en").read_text(encoding="utf-8")
    library_sv = built_page(built_site, "checklists/index.md", "sv").read_text(encoding="utf-8")
    for checklist in curriculum.checklists.values():
        assert f'data-checklist="{checklist.id}"' in library_en
        assert checklist.title["en"].replace("&", "&amp;") in library_en
        assert checklist.title["sv"].replace("&", "&amp;") in library_sv
    sources = built_page(built_site, "about/sources.md", "sv").read_text(encoding="utf-8")
    for key in curriculum.sources:
        assert f'id="src-{key}"' in sources


def test_footer_words_come_from_the_labels(built_site: Path) -> None:
    labels = load_curriculum(ROOT).labels
    for language in LANGUAGES:
        html = built_page(built_site, "modules/index.md", language).read_text(encoding="utf-8")
        footer = html[html.index('<div class="md-copyright">'):]
        footer = footer[: footer.index("</footer>")] if "</footer>" in footer else footer
        expected = (f'{labels["footer_licence"][language]} {labels["curriculum_version"][language]} '
                    f"{CURRICULUM_VERSION}.")
        assert expected in footer
        assert f'>{labels["accessibility_statement"][language]}</a>' in footer
        assert f'>{labels["about_this_curriculum"][language]}</a>' in footer


_ABBR = re.compile(r'<abbr title="([^"]*)"[^>]*>([^<]+)</abbr>')
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def test_every_glossary_abbreviation_on_a_page_is_a_tooltip_once_with_its_definition(built_site: Path) -> None:
    """On every page in both languages: each tooltip shows its term's definition in that language,
    an abbreviation (VSM, VFA, KPI, ...) that stands in a paragraph has a tooltip on that page, and
    no term is marked twice on one page (curriculum/learner_pages.py marks the first occurrence)."""
    glossary = load_curriculum(ROOT).glossary.values()
    wrong, bare, twice, shown = [], [], [], 0
    for language in LANGUAGES:
        definitions = {name: " ".join(term.definition[language].split())
                       for term in glossary for name in {term.abbr.get(language), term.term[language]} - {None}}
        abbreviations = [term.abbr[language] for term in glossary if term.abbr.get(language)]
        for src in PAGES:
            html = built_page(built_site, src, language).read_text(encoding="utf-8")
            article = html.split("<article", 1)[-1].split("</article>", 1)[0]
            marked = [unescape(name) for _, name in _ABBR.findall(article)]
            for title, name in _ABBR.findall(article):
                shown += 1
                if definitions.get(unescape(name)) != unescape(title):
                    wrong.append(f"{language} {src}: {name}")
            twice += [f"{language} {src}: {name}" for name in set(marked) if marked.count(name) > 1]
            for paragraph in _PARAGRAPH.findall(article):
                outside = re.sub(r"<code>.*?</code>|<abbr\b.*?</abbr>|<a\b.*?</a>", "", paragraph, flags=re.DOTALL)
                text = unescape(re.sub(r"<[^>]+>", "", outside))
                for name in sorted(marked, key=len, reverse=True):  # "GHG" inside a marked "GHG Protocol"
                    text = text.replace(name, " ")
                bare += [f"{language} {src}: {a}" for a in abbreviations
                         if a not in marked and re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", text)]
    assert wrong == [], "tooltips whose text is not the term's definition"
    assert twice == [], "terms marked more than once on a page"
    assert bare == [], "glossary abbreviations in a paragraph with no tooltip on their page"
    assert shown > len(PAGES), "hardly any tooltips: is the glossary empty?"


def test_the_sources_page_marks_each_title_in_the_other_language(built_site: Path) -> None:
    sources = {source.key: source for source in load_curriculum(ROOT).sources.values()}
    for language in LANGUAGES:
        html = built_page(built_site, "about/sources.md", language).read_text(encoding="utf-8")
        titles = dict(re.findall(r'<li id="src-([^"]+)">.*?<cite([^>]*)>', html))
        assert titles.keys() == sources.keys()
        for key, attributes in titles.items():
            other = sources[key].language != language
            assert attributes == (f' lang="{sources[key].language}"' if other else ""), f"{key} ({language})"
        assert any(titles.values()), f"no title marked on the {language} sources page"


def test_swedish_sitemap_exists(built_site: Path) -> None:
    assert (built_site / "sitemap.xml").is_file()
    assert (built_site / "sv" / "sitemap.xml").is_file()


def test_each_language_has_its_own_search_index_with_every_page(built_site: Path) -> None:
    for language in LANGUAGES:
        index = read_index(built_site, language)
        assert index["config"]["lang"] == [language]
        locations = {doc["location"] for doc in index["docs"]}
        assert {language_of_url(location) for location in locations} == {language}
        missing = [src for src in PAGES if page_url(src, language) not in locations]
        assert missing == [], f"{language} pages missing from their search index"


def _finds(separator: re.Pattern[str], dropped: frozenset[str], doc: dict, text: str) -> bool:
    """Search finds the index entry `doc` by every word of `text` (curriculum/searchentry.py)."""
    held = indexed_terms(doc, separator, dropped)
    return all(finds(held, word) for word in set(terms(text, separator)) - dropped)


def test_repeated_text_is_kept_out_of_the_search_index(built_site: Path) -> None:
    for language in LANGUAGES:
        index = read_index(built_site, language)
        docs = {doc["location"]: doc for doc in index["docs"]}
        found_by = partial(_finds, re.compile(index["config"]["separator"]), stop_words(language))
        prefix = page_url("index.md", language)
        # A module's reference list is left out; the sources page keeps every reference.
        assert not [location for location in docs if location.endswith("/#sources")]
        assert f"{prefix}modules/green-5s/" in docs
        curriculum = load_curriculum(ROOT)
        # Each checklist is found once, on its page or the library (test_searchindex.py); the
        # library's list of checklists at the top is always found.
        checklist = next(iter(curriculum.checklists.values()))
        assert found_by(docs[f"{prefix}checklists/"], checklist.title[language])
        assert any(found_by(doc, "Kalemkerian") for location, doc in docs.items() if location.startswith(f"{prefix}about/sources/"))
        # The trainer pages that collect every unit's key points and facilitator notes keep only
        # their title and introduction; the units keep their own.
        for collected in ("coach-training/key-points/", "coach-training/facilitator-notes/"):
            assert [location for location in docs if location.startswith(prefix + collected)] == [prefix + collected]
        unit = next(iter(curriculum.units.values()))
        point = unit.key_points[language][0]
        assert not found_by(docs[f"{prefix}coach-training/key-points/"], point)
        unit_url = page_url(unit.key, language)
        assert any(found_by(doc, point) for location, doc in docs.items() if location.startswith(unit_url))
        assert "<p>" not in " ".join(doc["text"] for doc in docs.values())  # words, not Material's markup


def test_no_page_requests_a_font_host(built_site: Path) -> None:
    for html_file in built_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, html_file


def test_module_pages_exist_for_every_module(built_site: Path) -> None:
    curriculum = load_curriculum(ROOT)
    for module in curriculum.modules.values():
        for lang in ("en", "sv"):
            assert (built_site / page_url(module.key, lang) / "index.html").is_file()


def test_portfolio_template_download_lists_every_units_evidence(built_site: Path) -> None:
    from curriculum.loader import load_curriculum

    curriculum = load_curriculum(ROOT)
    for language in ("en", "sv"):
        template = (built_site / f"assets/downloads/portfolio-template-{language}.md").read_text(encoding="utf-8")
        for unit in curriculum.units.values():
            if any(unit.id in step.units for step in curriculum.certification):
                for evidence in unit.evidence[language]:
                    assert f"- [ ] {evidence}" in template, (language, unit.id)
        assert "&#39;" not in template and "&amp;" not in template  # plain Markdown, not HTML-escaped


def test_every_unit_is_prepared_by_a_certification_step() -> None:
    from curriculum.loader import load_curriculum

    curriculum = load_curriculum(ROOT)
    covered = {u for step in curriculum.certification for u in step.units}
    assert set(curriculum.units) <= covered


def test_footer_links_the_accessibility_statement_in_each_language(built_site: Path) -> None:
    en = (built_site / "modules/index.html").read_text(encoding="utf-8")
    sv = (built_site / "sv/modules/index.html").read_text(encoding="utf-8")
    assert 'href="../about/accessibility/"' in en
    assert 'href="../about/accessibility/"' in sv and "Tillgänglighetsredogörelse" in sv


@pytest.mark.parametrize("src", ["index.md", "modules/green-waste-walk.md"])
def test_hreflang_links_are_absolute_language_roots(built_site: Path, site_port: int, src: str) -> None:
    """hreflang wants absolute addresses; Material fetches sitemap.xml beside each of these links,
    so they name the language roots (the sitemaps then map every page to its twin)."""
    root = f"http://127.0.0.1:{site_port}/"
    for language in ("en", "sv"):
        html = built_page(built_site, src, language).read_text(encoding="utf-8")
        links = re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([a-z]+)">', html)
        assert links == [(root, "en"), (root + "sv/", "sv")], f"{language} {src}: {links}"
