"""The ¶ links after the headings (curriculum/sectionlinks.py), without a build."""

from __future__ import annotations

from curriculum.sectionlinks import localise_section_links, without_title_link

# As Python-Markdown's toc extension writes a page's title and a section's heading.
TITLE = '<h1 id="idle">Idle energy<a class="headerlink" href="#idle" title="Link to this section">&para;</a></h1>'
SECTION = '<h2 id="calc">Calculate<a class="headerlink" href="#calc" title="Link to this section">&para;</a></h2>'


def test_the_links_are_titled_in_the_pages_language() -> None:
    swedish = localise_section_links(TITLE + SECTION, "Länk till det här avsnittet")
    assert swedish.count('title="Länk till det här avsnittet"') == 2 and "Link to this section" not in swedish


def test_the_title_loses_its_link_and_each_section_keeps_its_own() -> None:
    for html in (TITLE + SECTION, localise_section_links(TITLE + SECTION, "Länk till det här avsnittet")):
        kept = without_title_link(html)
        assert '<h1 id="idle">Idle energy</h1>' in kept
        assert kept.endswith(html.split("</h1>", 1)[1]), "a section's link went too"
    assert without_title_link(SECTION) == SECTION
