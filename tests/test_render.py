"""Renderers are pure functions of the model: each picks the page's language and links right."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from curriculum.links import Linker, page_url
from curriculum.loader import load_curriculum
from curriculum.render import DURATION_BANDS, Renderer, UnknownId, recommended_order
from tests.site_pages import ROOT


@pytest.fixture
def renderers(project: Path) -> dict[str, Renderer]:
    curriculum = load_curriculum(project)
    return {
        "en": Renderer(curriculum, "en", "modules/waste-walk.md"),
        "sv": Renderer(curriculum, "sv", "modules/waste-walk.sv.md"),
    }


@pytest.mark.parametrize(
    ("src", "language", "url"),
    [
        ("index.md", "en", ""),
        ("index.sv.md", "sv", "sv/"),
        ("modules/index.md", "en", "modules/"),
        ("modules/x.sv.md", "sv", "sv/modules/x/"),
        ("coach-training/units/a.md", "en", "coach-training/units/a/"),
    ],
)
def test_page_url_follows_mkdocs_directory_urls(src: str, language: str, url: str) -> None:
    assert page_url(src, language) == url


def test_linker_makes_relative_links_within_the_language() -> None:
    assert Linker("modules/x.sv.md", "sv").href("about/sources.md", "src-a") == "../../about/sources/#src-a"
    assert Linker("index.md", "en").href("modules/index.md") == "modules/"
    assert Linker("modules/x.md", "en").href("modules/y.md") == "../y/"
    assert Linker("modules/x.md", "en").href("modules/x.md") == "./"
    assert Linker("modules/x.md", "en").asset("assets/images/p.svg") == "../../assets/images/p.svg"


def test_checklist_is_a_sheet_of_its_page_in_the_page_language(renderers: dict[str, Renderer]) -> None:
    english, swedish = renderers["en"].checklist("walk"), renderers["sv"].checklist("walk")
    assert "Listen for air leaks." in english and "Lyssna efter luftläckor." not in english
    assert "Lyssna efter luftläckor." in swedish and "Listen for air leaks." not in swedish
    for html in (english, swedish):
        # Ticks belong to this page's sheet: both languages of the page share it, no other page does.
        assert 'data-sheet="modules/waste-walk.md#walk"' in html
        assert 'data-sheet-item="leaks"' in html and 'data-sheet-item="idle"' in html
        assert "data-progress-key" not in html
        assert "<legend" in html
    assert "Company:" in english and "Företag:" in swedish and english.count("checklist__note-line") >= 3


def test_unknown_id_names_the_valid_ids(renderers: dict[str, Renderer]) -> None:
    with pytest.raises(UnknownId, match=r"unknown checklist 'wlak' \(valid: walk\)"):
        renderers["en"].checklist("wlak")


def test_cite_links_to_the_bibliography_entry(renderers: dict[str, Renderer]) -> None:
    html = renderers["sv"].cite("epa-2006")
    assert html == '(<a class="citation" href="../../about/sources/#src-epa-2006">US EPA 2006</a>)'


def test_module_facts_link_prerequisites_and_follow_ups(renderers: dict[str, Renderer], project: Path) -> None:
    basics = Renderer(load_curriculum(project), "sv", "modules/basics.sv.md").module_facts()
    assert '<a href="../waste-walk/">Slöserivandring</a>' in basics
    assert "Gör först</dt><dd>Inga" in basics
    walk = renderers["en"].module_facts()
    assert "1 h" in walk and "Kickstart Hållbarhet" in walk


def test_catalogue_cards_carry_the_filter_values(renderers: dict[str, Renderer]) -> None:
    html = renderers["en"].module_catalogue()
    assert html.count('class="module-card"') == 2
    assert 'data-program="kickstart" data-topic="waste" data-audience="operators" data-minutes="60"' in html
    # Only values that some module has are offered (no "Coaches" that matches nothing).
    audiences = html.split('name="audience"')[1].split("</select>")[0]
    assert audiences.count("<option") == 2 and 'value="operators"' in audiences
    # The filter is in the page from the start (no layout shift when scripts run); the
    # stylesheet hides it when JavaScript is off, where it could not work.
    form = html.split("<form")[1].split(">")[0]
    assert 'class="catalogue__filters"' in form and "hidden" not in form
    css = (ROOT / "docs/assets/stylesheets/ecoleap.css").read_text(encoding="utf-8")
    assert re.search(r"\.no-js \.catalogue__filters[^{]*\{\s*display:\s*none", css)


def test_duration_bands_grow_so_each_includes_the_shorter_modules() -> None:
    limits = [minutes for _, minutes in DURATION_BANDS]
    assert limits == sorted(limits) and limits[:2] == [240, 480]


def test_recommended_order_follows_the_navigation_then_the_title(project: Path) -> None:
    modules = load_curriculum(project).modules.values()
    keys = [m.key for m in modules]
    assert [m.key for m in recommended_order(modules, list(reversed(keys)), "en")] == list(reversed(keys))
    assert [m.key for m in recommended_order(modules, [], "en")] == sorted(
        keys, key=lambda k: next((m.programs[0], m.title["en"]) for m in modules if m.key == k))


def test_glossary_becomes_abbreviations_in_each_language(project: Path) -> None:
    curriculum = load_curriculum(project)
    assert Renderer(curriculum, "en", "index.md").glossary_abbreviations() == "*[gemba]: Where the work is done."
    assert Renderer(curriculum, "sv", "index.sv.md").glossary_abbreviations() == "*[gemba]: Där arbetet görs."
    # Given the page text, only the terms that occur in it are defined.
    assert Renderer(curriculum, "en", "index.md").glossary_abbreviations("Go to the gemba.") == "*[gemba]: Where the work is done."
    assert Renderer(curriculum, "en", "index.md").glossary_abbreviations("No term here.") == ""


def test_page_macro_on_the_wrong_kind_of_page_says_so(project: Path) -> None:
    renderer = Renderer(load_curriculum(project), "en", "modules/index.md")
    with pytest.raises(LookupError, match="not a module page"):
        renderer.module_facts()


def test_film_poster_loads_at_once_on_the_films_own_page_and_lazily_elsewhere() -> None:
    curriculum = load_curriculum(ROOT)
    # A copy with one film published (test data): the loaded model is shared by other tests.
    curriculum = replace(curriculum, films={**curriculum.films, "green-waste-walk": replace(
        curriculum.films["green-waste-walk"], provider="youtube", video_id="TESTVIDEO01")})
    for language, suffix in (("en", ".md"), ("sv", ".sv.md")):
        own = Renderer(curriculum, language, f"films/green-waste-walk{suffix}").film("green-waste-walk")
        elsewhere = Renderer(curriculum, language, f"modules/green-waste-walk{suffix}").film("green-waste-walk")
        assert 'class="film__poster"' in own and 'loading="lazy"' not in own
        assert 'loading="lazy"' in elsewhere


def test_a_film_not_yet_recorded_is_an_honest_card_that_leads_to_its_script() -> None:
    curriculum = load_curriculum(ROOT)
    assert not curriculum.films["green-waste-walk"].published
    for language, suffix, status, planned in (("en", ".md", "Film in production", "planned length about 4 min"),
                                              ("sv", ".sv.md", "Filmen är under produktion", "planerad längd cirka 4 min")):
        own = Renderer(curriculum, language, f"films/green-waste-walk{suffix}").film("green-waste-walk")
        elsewhere = Renderer(curriculum, language, f"modules/green-waste-walk{suffix}").film("green-waste-walk")
        for html in (own, elsewhere):
            assert status in html and planned in html
            assert "film__poster" not in html and "film__duration" not in html and "4:10" not in html
        assert 'href="#transcript"' in own
        assert 'href="../../films/green-waste-walk/#transcript"' in elsewhere
