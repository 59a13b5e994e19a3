"""The bibliography and each page's sources as the renderers write them: the entries, the
language of a title and of a venue."""

from __future__ import annotations

from pathlib import Path

from curriculum.loader import load_curriculum
from curriculum.render import Renderer


def test_the_bibliography_marks_each_type_and_lists_a_replaced_key_once(project: Path) -> None:
    sources = project / "data/sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("    group: green-methods", "    replaces: [epa-2005]\n    group: green-methods"), encoding="utf-8")
    curriculum = load_curriculum(project)
    html = Renderer(curriculum, "en", "about/sources.md").bibliography()
    assert html.count('<li id="src-epa-2006">') == 1 and "src-epa-2005" not in html
    assert '<span class="source-type">(official publication or standard)</span>' in html
    cite = Renderer(curriculum, "en", "modules/waste-walk.md").cite("epa-2005")
    assert 'href="../../about/sources/#src-epa-2006"' in cite


def test_a_sources_title_is_marked_with_its_language_on_the_other_languages_pages(project: Path) -> None:
    """WCAG 3.1.2 (language of parts): a screen reader reads an English title in English on a
    Swedish page, and the other way round; a title in the page's own language is not marked."""
    curriculum = load_curriculum(project)
    english_title = '<cite>Lean and Environment Toolkit</cite>'
    assert english_title in Renderer(curriculum, "en", "about/sources.md").bibliography()
    assert english_title in Renderer(curriculum, "en", "modules/waste-walk.md").page_sources()
    marked = '<cite lang="en">Lean and Environment Toolkit</cite>'
    assert marked in Renderer(curriculum, "sv", "about/sources.sv.md").bibliography()
    assert marked in Renderer(curriculum, "sv", "modules/waste-walk.sv.md").page_sources()


def test_a_venue_written_per_language_is_shown_in_the_pages_language(project: Path) -> None:
    """A name is written once and shown as it is; words a reader must understand ("archived",
    "read 2026") are written per language, and each page shows its own."""
    curriculum = load_curriculum(project)
    assert ". US Environmental Protection Agency.</li>" in Renderer(curriculum, "sv", "modules/waste-walk.sv.md").page_sources()
    sources = project / "data/sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").replace(
        "    venue: US Environmental Protection Agency\n",
        "    venue:\n      en: US EPA (archived)\n      sv: US EPA (arkiverad sida)\n"), encoding="utf-8")
    curriculum = load_curriculum(project)
    for language, shown, hidden in (("en", "US EPA (archived)", "arkiverad"), ("sv", "US EPA (arkiverad sida)", "archived")):
        suffix = ".md" if language == "en" else ".sv.md"
        for html in (Renderer(curriculum, language, f"about/sources{suffix}").bibliography(),
                     Renderer(curriculum, language, f"modules/waste-walk{suffix}").page_sources()):
            assert f". {shown}." in html and hidden not in html
