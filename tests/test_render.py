"""Renderers are pure functions of the model: each picks the page's language and links right."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from markupsafe import escape

from curriculum.layout import CHECKLIST_LIBRARY, MACRO_EXAMPLES_PAGE, WORKSHEET_LIBRARY
from curriculum.loader import load_curriculum
from curriculum.model import MissingLabel
from curriculum.render import DURATION_BANDS, Renderer, UnknownId, recommended_order
from tests.minimal_project import edit
from tests.site_pages import ROOT


@pytest.fixture
def renderers(project: Path) -> dict[str, Renderer]:
    curriculum = load_curriculum(project)
    return {
        "en": Renderer(curriculum, "en", "modules/waste-walk.md"),
        "sv": Renderer(curriculum, "sv", "modules/waste-walk.sv.md"),
    }


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


def test_a_label_missing_from_the_data_is_named_with_the_fix(project: Path) -> None:
    curriculum = load_curriculum(project)
    curriculum.labels["formt"] = curriculum.labels.pop("format")  # renamed in data/labels.yml
    with pytest.raises(MissingLabel, match=r"^data/labels.yml has no label 'format' \(did you mean 'formt'\?\): the site's templates use it"):
        Renderer(curriculum, "sv", "modules/waste-walk.sv.md").module_facts()


def test_unknown_id_names_the_valid_ids(renderers: dict[str, Renderer]) -> None:
    with pytest.raises(UnknownId, match=r"unknown checklist 'wlak' \(valid: walk\)"):
        renderers["en"].checklist("wlak")


def test_cite_links_to_the_bibliography_entry(renderers: dict[str, Renderer]) -> None:
    html = renderers["sv"].cite("epa-2006")
    assert html == '(<a class="citation" href="../../about/sources/#src-epa-2006">US EPA 2006</a>)'


def test_module_facts_link_prerequisites_and_follow_ups(renderers: dict[str, Renderer], project: Path) -> None:
    basics = Renderer(load_curriculum(project), "sv", "modules/basics.sv.md").module_facts()
    assert '<a href="../waste-walk/">Slöserivandring</a>' in basics
    assert "Gör först</dt>\n<dd>Inget: du kan börja här</dd>" in basics
    walk = renderers["en"].module_facts()
    assert "1 h" in walk and "Kickstart Hållbarhet" in walk
    assert "Leads on to</dt>\n<dd>No module builds on this one; see the program page for what comes next</dd>" in walk
    assert ">None<" not in walk


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


def test_a_glossary_term_without_tooltip_is_not_marked_on_the_pages(project: Path) -> None:
    """An everyday word whose glossary sense is narrower ("flow", "reduce") stays in the glossary
    and gets no tooltip on the pages, where its other senses are common."""
    edit(project, "data/glossary.yml", "term: {en: gemba, sv: gemba}", "term: {en: gemba, sv: gemba}\n    tooltip: false")
    curriculum = load_curriculum(project)
    assert Renderer(curriculum, "en", "index.md").glossary_abbreviations("Go to the gemba.") == ""
    assert curriculum.glossary["gemba"].tooltip is False
    assert "gemba" in Renderer(curriculum, "en", "methodology/glossary.md").glossary_table()


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


def test_field_reference_lists_every_field_of_the_schema(renderers: dict[str, Renderer]) -> None:
    from curriculum.schema import KINDS

    for kind in KINDS.values():
        html = renderers["en"].field_reference(kind.name)
        assert re.findall(r"<tr><td><code>([\w_]+)</code>", html) == [f.name for f in kind.fields]
        for section in kind.sections:
            assert f"<code>{section}</code>" in html
    module = renderers["sv"].field_reference("module")
    assert "<code>kickstart</code>, <code>start</code>, <code>in-depth</code>" in module  # the programs vocabulary
    assert "egen text på varje språk" in module
    with pytest.raises(UnknownId, match="unknown page kind 'modul'"):
        renderers["en"].field_reference("modul")


def test_swedish_terms_render_the_term_list(project: Path) -> None:
    (project / "data/terms.yml").write_text(
        "terms:\n  - english: curriculum\n    chosen: utbildningsmaterial\n    rejected: [kursplan]\n"
        "    why: {en: a kursplan is a syllabus, sv: en kursplan styr en kurs}\n", encoding="utf-8")
    html = Renderer(load_curriculum(project), "sv", "about/contributing.sv.md").swedish_terms()
    assert '<td lang="sv"><strong>utbildningsmaterial</strong></td>\n<td lang="sv">kursplan</td>\n<td>en kursplan styr en kurs</td>' in html


def _estimate_work_between(project: Path, module: str, hours: str) -> None:
    for suffix in (".md", ".sv.md"):
        path = project / f"docs/modules/{module}{suffix}"
        text = path.read_text(encoding="utf-8")
        assert "duration_minutes: 60\n" in text
        path.write_text(text.replace("duration_minutes: 60\n", f"duration_minutes: 60\nwork_between_hours: {hours}\n", 1), encoding="utf-8")


def test_program_load_adds_sessions_and_work_between_and_divides_by_the_weeks(project: Path) -> None:
    vocabularies = project / "data/vocabularies.yml"
    assert "    weeks: 13" in vocabularies.read_text(encoding="utf-8")
    text = vocabularies.read_text(encoding="utf-8").replace("    weeks: 13\n", "    weeks: 4\n", 1)
    vocabularies.write_text(text, encoding="utf-8")
    _estimate_work_between(project, "waste-walk", "3")
    _estimate_work_between(project, "basics", "1.5")
    curriculum = load_curriculum(project)
    assert curriculum.program_minutes("kickstart") == 120  # the two 60-minute modules
    assert curriculum.program_work_between_hours("kickstart") == 4.5
    english = Renderer(curriculum, "en", "programs/kickstart.md").program_load("kickstart")
    assert english == ("2 h of sessions in 2 modules plus about 4.5 h of work outside them (estimate) makes about "
                       "7 h in total; spread over 4 weeks, that is about 1.6 hours a week")
    swedish = Renderer(curriculum, "sv", "programs/kickstart.sv.md").program_load("kickstart")
    assert swedish == ("2 tim i pass i 2 moduler plus cirka 4,5 tim arbete utanför passen (uppskattning) "
                       "blir cirka 7 tim totalt; fördelat på 4 veckor blir det ungefär 1,6 timmar i veckan")
    with pytest.raises(UnknownId, match="unknown program with modules and weeks 'start'"):
        Renderer(curriculum, "en", "programs/start.md").program_load("start")


def test_program_load_refuses_a_program_with_a_module_without_an_estimate(project: Path) -> None:
    _estimate_work_between(project, "waste-walk", "3")
    curriculum = load_curriculum(project)
    with pytest.raises(LookupError, match=r"^program 'kickstart': module\(s\) basics have no work_between_hours, so the "
                       r"program's total time is unknown \(add the estimate to their front matter\)$"):
        Renderer(curriculum, "en", "programs/kickstart.md").program_load("kickstart")


def test_fact_box_gives_sessions_work_outside_and_total_as_estimates(project: Path) -> None:
    _estimate_work_between(project, "waste-walk", "2.5")
    curriculum = load_curriculum(project)
    english = Renderer(curriculum, "en", "modules/waste-walk.md").module_facts()
    assert "<dt>In sessions</dt>\n<dd>1 h</dd>" in english
    assert ('<dt>Work outside the sessions</dt>\n<dd>about 2.5 h (estimate) '
            '<a href="#follow-up">what the work is: follow-up</a></dd>') in english
    assert "<dt>Total time</dt>\n<dd>about 3.5 h: sessions plus the work outside them (estimate)</dd>" in english
    assert "in sessions; the work between them is under follow-up" not in english
    swedish = Renderer(curriculum, "sv", "modules/waste-walk.sv.md").module_facts()
    assert "<dt>I pass</dt>\n<dd>1 tim</dd>" in swedish
    assert "<dd>cirka 2,5 tim (uppskattning) <a href=\"#follow-up\">vad arbetet är: uppföljning</a></dd>" in swedish
    assert "<dt>Total tid</dt>\n<dd>cirka 3,5 tim: passen plus arbetet utanför dem (uppskattning)</dd>" in swedish


def test_audiences_read_as_a_list_in_a_sentence_on_the_fact_box_and_the_card(project: Path) -> None:
    for suffix in (".md", ".sv.md"):
        path = project / f"docs/modules/waste-walk{suffix}"
        path.write_text(path.read_text(encoding="utf-8").replace("audience: [operators]", "audience: [change-team, operators]"), encoding="utf-8")
    curriculum = load_curriculum(project)
    assert "<dd>Change team, operators</dd>" in Renderer(curriculum, "en", "modules/waste-walk.md").module_facts()
    assert "<dd>Förändringsteam, operatörer</dd>" in Renderer(curriculum, "sv", "modules/waste-walk.sv.md").module_facts()
    assert " · Förändringsteam, operatörer</p>" in Renderer(curriculum, "sv", "modules/index.sv.md").module_catalogue()
    curriculum.vocabularies["audiences"]["operators"] = replace(curriculum.vocabularies["audiences"]["operators"],
                                                                label={"en": "EHS manager", "sv": "KMA-ansvarig"})
    assert "<dd>Change team, EHS manager</dd>" in Renderer(curriculum, "en", "modules/waste-walk.md").module_facts()


def test_fact_box_with_span_and_the_catalogue_card_show_the_total(project: Path) -> None:
    _estimate_work_between(project, "waste-walk", "0")
    for suffix in (".md", ".sv.md"):
        path = project / f"docs/modules/waste-walk{suffix}"
        path.write_text(path.read_text(encoding="utf-8").replace("work_between_hours: 0\n", "work_between_hours: 0\nspan_weeks: 3\n"), encoding="utf-8")
    curriculum = load_curriculum(project)
    english = Renderer(curriculum, "en", "modules/waste-walk.md").module_facts()
    assert "<dt>In sessions</dt>\n<dd>1 h, spread over 3 weeks</dd>" in english
    assert "<dd>about 1 h: sessions plus the work outside them (estimate)</dd>" in english
    catalogue = Renderer(curriculum, "sv", "modules/index.sv.md").module_catalogue()
    assert '<p class="module-card__facts">1 tim (1 tim totalt med arbetet utanför passen) · ' in catalogue
    assert catalogue.count("totalt med arbetet") == 1  # basics has no estimate: its card shows sessions only
    assert '<a class="module-card__title" href=' in catalogue


def test_film_chapters_come_from_the_data_in_the_pages_language() -> None:
    curriculum = load_curriculum(ROOT)
    film = curriculum.films["green-waste-walk"]
    for language, suffix in (("en", ".md"), ("sv", ".sv.md")):
        lines = Renderer(curriculum, language, f"films/green-waste-walk{suffix}").film_chapters().splitlines()
        assert lines == [f"- **{chapter.start}** {chapter.title[language]}" for chapter in film.chapters]
    assert lines[2] == "- **1:20** Ute i verksamheten"


def test_film_pages_take_their_chapters_from_the_data() -> None:
    """The chapters are written once, in data/films.yml: a list typed on the page would drift."""
    for page in sorted((ROOT / "docs" / "films").glob("*.md")):
        if page.name.startswith("index."):
            continue
        text = page.read_text(encoding="utf-8")
        assert "{{ film_chapters() }}" in text, f"{page.name}: call film_chapters() in the chapters section"
        typed = re.findall(r"^- \*\*\d+:\d\d\*\*", text, re.MULTILINE)
        assert typed == [], f"{page.name}: chapter lines typed by hand; data/films.yml has them"


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


@pytest.mark.parametrize("library", ["checklist", "worksheet"])
def test_a_library_entry_names_every_page_that_uses_it_and_not_the_macro_examples(library: str) -> None:
    curriculum = load_curriculum(ROOT)
    page_key = {"checklist": CHECKLIST_LIBRARY, "worksheet": WORKSHEET_LIBRARY}[library]
    html = getattr(Renderer(curriculum, "en", page_key), f"{library}_library")()
    shown_on = {"checklist": curriculum.checklist_pages, "worksheet": curriculum.worksheet_users}[library]
    entries = {re.match(rf'<li><a href="#{library}-([^"]+)"', entry)[1]: entry
               for entry in re.findall(rf'<li><a href="#{library}-[^"]+">.*?</li>', html)}
    assert set(entries) == set(shown_on), f"the {library} library lists other {library}s than the pages show"
    examples = escape(curriculum.pages[MACRO_EXAMPLES_PAGE].title["en"])
    beyond_modules = 0
    for item_id, keys in shown_on.items():
        for key in keys:
            title = escape(curriculum.pages[key].title["en"])
            if key == MACRO_EXAMPLES_PAGE:
                assert f">{examples}<" not in entries[item_id], f"{item_id}: the contributors' guide shows only an example"
            else:
                assert f">{title}</a>" in entries[item_id], f"{item_id} is used on {key}, which its entry does not name"
                beyond_modules += curriculum.pages[key].kind not in ("module", "unit")
    if library == "checklist":
        assert beyond_modules, "no checklist is used beyond modules and units: the case is untested"
