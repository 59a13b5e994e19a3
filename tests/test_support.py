"""Support entries, published cases and the self-service field: valid data loads and renders;
each kind of bad input gets its exact `path:line` message; an old check date fails."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from curriculum.downloadnote import downloads_note
from curriculum.loader import collect, load_curriculum
from curriculum.render import Renderer
from curriculum.route import self_service_route
from curriculum.support import cases_markdown, support_markdown
from tests.minimal_project import ROOT, edit

EN = "docs/modules/waste-walk.md"
SV = "docs/modules/waste-walk.sv.md"
SUPPORT = "data/support.yml"
CASES = "data/cases.yml"
TODAY = datetime.date(2026, 12, 5)

SUPPORT_YML = """support:
  - id: audit-grant
    name: {en: Audit grant, sv: Stöd för energikartläggning}
    offers: {en: Half the cost of an audit., sv: Halva kostnaden för en kartläggning.}
    qualifies: {en: SMEs above 300 MWh a year., sv: Småföretag över 300 MWh per år.}
    status: {en: Closed since 2020., sv: Stängt sedan 2020.}
    sources: [epa-2006]
    checked_on: 2026-06-01
"""

CASES_YML = """cases:
  - id: shop-lighting
    company: Example AB
    modules: [waste-walk]
    what: {en: Changed the lighting., sv: Bytte belysningen.}
    figures: {en: "SEK 100,000 a year.", sv: 100 000 kronor per år.}
    sources: [epa-2006]
    checked_on: 2026-06-01
"""


@pytest.fixture
def with_data(project: Path) -> Path:
    (project / SUPPORT).write_text(SUPPORT_YML, encoding="utf-8")
    (project / CASES).write_text(CASES_YML, encoding="utf-8")
    return project


def problems_of(project: Path, today: datetime.date = TODAY) -> list[str]:
    return [str(p) for p in collect(project, today)[1]]


def test_valid_support_and_cases_load(with_data: Path) -> None:
    curriculum, problems = collect(with_data, TODAY)
    assert problems == []
    [entry] = curriculum.support
    assert entry.id == "audit-grant"
    assert entry.name == {"en": "Audit grant", "sv": "Stöd för energikartläggning"}
    assert entry.sources == ("epa-2006",)
    assert entry.checked_on == datetime.date(2026, 6, 1)
    [case] = curriculum.cases
    assert (case.company, case.modules) == ("Example AB", ("waste-walk",))


BAD_INPUT = [
    pytest.param(SUPPORT, "checked_on: 2026-06-01", "checked_on: 2025-12-04",
                 f"{SUPPORT}:8: support.checked_on: 2025-12-04 is more than a year before 2026-12-05: check the sources again and update the text and the date (or remove the entry)",
                 id="support-checked-too-long-ago"),
    pytest.param(SUPPORT, "checked_on: 2026-06-01", "checked_on: 2026-12-06",
                 f"{SUPPORT}:8: support.checked_on: 2026-12-06 is in the future", id="support-checked-in-future"),
    pytest.param(SUPPORT, "checked_on: 2026-06-01", "checked_on: last spring",
                 f"{SUPPORT}:8: support.checked_on: expected a date as YYYY-MM-DD, found 'last spring'", id="support-checked-not-a-date"),
    pytest.param(SUPPORT, "    checked_on: 2026-06-01\n", "",
                 f"{SUPPORT}:2: support.checked_on: missing (add the date you last checked the sources, as YYYY-MM-DD)", id="support-checked-missing"),
    pytest.param(SUPPORT, "sources: [epa-2006]", "sources: [epa-2007]",
                 f"{SUPPORT}:7: support.sources: unknown source 'epa-2007' (did you mean 'epa-2006'?) (add it to data/sources.yml)", id="support-unknown-source"),
    pytest.param(SUPPORT, "sources: [epa-2006]", "sources: []",
                 f"{SUPPORT}:7: support.sources: name at least one source", id="support-no-source"),
    pytest.param(SUPPORT, "offers: {en: Half the cost of an audit., sv: Halva kostnaden för en kartläggning.}",
                 "offers: {en: Half the cost of an audit.}",
                 f"{SUPPORT}:4: support.offers.sv: missing translation (add the text in this language)", id="support-missing-swedish"),
    pytest.param(SUPPORT, "    status: {en: Closed since 2020., sv: Stängt sedan 2020.}\n", "",
                 f"{SUPPORT}:2: support.status: missing (add {{en: …, sv: …}})", id="support-missing-status"),
    pytest.param(SUPPORT, "    sources: [epa-2006]", "    source: [epa-2006]",
                 f"{SUPPORT}:7: support.source: unknown field (did you mean 'sources'?)", id="support-unknown-field"),
    pytest.param(CASES, "modules: [waste-walk]", "modules: [waste-wolk]",
                 f"{CASES}:4: cases.modules: unknown module 'waste-wolk' (did you mean 'waste-walk'?)", id="case-unknown-module"),
    pytest.param(CASES, "checked_on: 2026-06-01", "checked_on: 2024-01-01",
                 f"{CASES}:8: cases.checked_on: 2024-01-01 is more than a year before 2026-12-05: check the sources again and update the text and the date (or remove the entry)",
                 id="case-checked-too-long-ago"),
    pytest.param(CASES, 'figures: {en: "SEK 100,000 a year.", sv: 100 000 kronor per år.}', "figures: {sv: 100 000 kronor per år.}",
                 f"{CASES}:6: cases.figures.en: missing translation (add the text in this language)", id="case-missing-english"),
    pytest.param(EN, "self_service: alone", "self_service: alon",
                 f"{EN}:18: self_service: unknown self_service 'alon' (did you mean 'alone'?)", id="self-service-unknown"),
    pytest.param(EN, "self_service: alone\n", "",
                 f"{EN}:2: self_service: missing (add 'self_service:' to the front matter)", id="self-service-missing"),
    pytest.param(SV, "self_service: alone", "self_service: coach-led",
                 f"{SV}:18: self_service: differs from the English page ('alone' there, 'coach-led' here); language-neutral fields must be equal", id="self-service-differs"),
]


@pytest.mark.parametrize(("relative", "old", "new", "expected"), BAD_INPUT)
def test_bad_input_is_reported_with_file_and_line(with_data: Path, relative: str, old: str, new: str, expected: str) -> None:
    edit(with_data, relative, old, new)
    problems = problems_of(with_data)
    assert expected in problems, "\n".join(problems)


def test_sources_written_as_text_are_reported_once(with_data: Path) -> None:
    edit(with_data, SUPPORT, "sources: [epa-2006]", "sources: epa-2006")
    assert problems_of(with_data) == [f"{SUPPORT}:7: support.sources: expected a list, found text 'epa-2006'"]


def test_a_year_old_check_still_passes_and_a_day_more_fails(with_data: Path) -> None:
    checked = datetime.date(2026, 6, 1)
    assert problems_of(with_data, checked + datetime.timedelta(days=365)) == []
    late = problems_of(with_data, checked + datetime.timedelta(days=366))
    assert [p.split(": ")[1] for p in late] == ["cases.checked_on", "support.checked_on"]


def test_missing_support_file_is_named(project: Path) -> None:
    (project / SUPPORT).unlink()
    assert f"{SUPPORT}:1: file: missing (create it; see the contributors' guide)" in problems_of(project)


def test_source_used_only_by_a_support_entry_counts_as_cited(with_data: Path) -> None:
    for page in ("docs/modules/waste-walk.md", "docs/modules/waste-walk.sv.md", "docs/modules/basics.md", "docs/modules/basics.sv.md"):
        edit(with_data, page, "Waste costs money {{ cite(\"epa-2006\") }}.", "Waste costs money.")
        edit(with_data, page, "sources: [epa-2006]", "sources: []")
    problems = problems_of(with_data)
    assert not [p for p in problems if "cited by no page" in p], problems


def test_support_renders_each_entry_with_its_sources_and_date(with_data: Path) -> None:
    curriculum = load_curriculum(with_data)
    markdown = support_markdown(curriculum.support, Renderer(curriculum, "sv", "support.sv.md"), curriculum.sources)
    assert "### Stöd för energikartläggning { #support-audit-grant }" in markdown
    assert "Deras egen sida" not in markdown, "no page given, no link"
    assert "**Vad det ger:** Halva kostnaden för en kartläggning." in markdown
    # The page is served at support/, so the bibliography is one folder up.
    assert markdown.endswith('Källor: (<a class="citation" href="../about/sources/#src-epa-2006">US EPA 2006</a>) · kontrollerat 2026-06-01')


def test_cases_render_as_a_table_with_module_links(with_data: Path) -> None:
    curriculum = load_curriculum(with_data)
    markdown = cases_markdown(curriculum.cases, Renderer(curriculum, "en", "cases.md"))
    lines = markdown.splitlines()
    assert lines[0] == "| Company | What they did | Figures as published | Modules it illustrates | Source |"
    assert lines[2] == ('| Example AB | Changed the lighting. | SEK 100,000 a year. | <a href="../modules/waste-walk/">Waste walk</a> | '
                        '(<a class="citation" href="../about/sources/#src-epa-2006">US EPA 2006</a>) checked on 2026-06-01 |')


def test_fact_box_and_catalogue_card_say_whether_a_company_can_run_it_alone(project: Path) -> None:
    curriculum = load_curriculum(project)
    assert curriculum.modules["waste-walk"].self_service == "alone"
    facts = Renderer(curriculum, "sv", "modules/waste-walk.sv.md").module_facts()
    assert "<dt>Utan coach</dt>\n<dd>Ja, er egen förändringsledare kan leda den</dd>" in facts
    card = Renderer(curriculum, "en", "modules/index.md").module_catalogue()
    assert '<p class="module-card__self-service">Without a coach: Yes, your own change leader can run it</p>' in card


def test_route_lists_each_module_with_its_time_and_who_can_run_it(project: Path) -> None:
    edit(project, "docs/modules/basics.md", "self_service: alone", "self_service: coach-led")
    edit(project, "docs/modules/basics.sv.md", "self_service: alone", "self_service: coach-led")
    curriculum = load_curriculum(project)
    route = self_service_route(curriculum, Renderer(curriculum, "en", "where-to-start.md"), "waste-walk", "basics")
    assert route.splitlines() == [
        '- <a href="../modules/waste-walk/">Waste walk</a> (1 h): Yes, your own change leader can run it',
        '- <a href="../modules/basics/">Waste walk</a> (1 h): No, it needs an experienced coach or a company network',
        "",
        "Your own change leader can run 1 of these 2 modules without help.",
    ]
    with pytest.raises(LookupError, match="unknown module 'nope'"):
        self_service_route(curriculum, Renderer(curriculum, "en", "where-to-start.md"), "nope")


def test_route_with_an_unknown_module_is_a_content_problem(project: Path) -> None:
    for page in ("docs/modules/index.md", "docs/modules/index.sv.md"):
        edit(project, page, "{{ module_catalogue() }}", '{{ module_catalogue() }}\n\n{{ self_service_route("waste-walk", "wastewalk") }}')
    assert 'docs/modules/index.md:11: macro: self_service_route(\'wastewalk\'): unknown module (did you mean \'waste-walk\'?)' in problems_of(project)


def test_downloads_note_points_to_the_latest_release_only_when_the_build_has_no_files(project: Path) -> None:
    curriculum = load_curriculum(project)
    renderer = Renderer(curriculum, "en", "about/downloads.md")
    note = downloads_note(renderer, {}, False, "https://github.com/example-owner/ecoleap-production")
    assert note.splitlines() == [
        '!!! note "The files are not in this build"',
        "",
        "    The files are made when a curriculum version is published. The coach handbook, the module "
        "guides and the offline copy of the latest published version are attached to the repository's "
        "[latest release](https://github.com/example-owner/ecoleap-production/releases/latest); the "
        "checklist PDFs are on the downloads page of that version of the site.",
    ]
    assert "`make downloads`" in downloads_note(Renderer(curriculum, "sv", "about/downloads.sv.md"), {}, False, None)
    assert downloads_note(renderer, {"ecoleap-modules-2026.2-en.pdf": 10}, False, "https://github.com/o/r") == ""
    assert downloads_note(renderer, {}, True, "https://github.com/o/r") == ""


def test_fact_box_points_to_the_work_between_sessions(project: Path) -> None:
    curriculum = load_curriculum(project)
    facts = Renderer(curriculum, "en", "modules/waste-walk.md").module_facts()
    assert '<dd>1 h <a href="#follow-up">in sessions; the work between them is under follow-up</a></dd>' in facts


def test_a_support_entry_links_the_organisations_own_page(with_data: Path) -> None:
    """One step to the organisation, not two through the sources page; a title in another
    language than the page's is marked so a screen reader pronounces it right."""
    edit(with_data, "data/sources.yml", "    venue: US Environmental Protection Agency\n",
         "    venue: US Environmental Protection Agency\n    url: https://www.epa.gov/sustainability/lean-thinking-and-methods\n")
    edit(with_data, SUPPORT, "    sources: [epa-2006]\n", "    sources: [epa-2006]\n    page: epa-2006\n")
    curriculum = load_curriculum(with_data)
    swedish = support_markdown(curriculum.support, Renderer(curriculum, "sv", "support.sv.md"), curriculum.sources)
    assert ('**Deras egen sida:** [<span lang="en">Lean and Environment Toolkit</span>]'
            "(https://www.epa.gov/sustainability/lean-thinking-and-methods)") in swedish
    english = support_markdown(curriculum.support, Renderer(curriculum, "en", "support.md"), curriculum.sources)
    assert "**Their own page:** [Lean and Environment Toolkit](https://www.epa.gov/sustainability/lean-thinking-and-methods)" in english


@pytest.mark.parametrize(("page", "expected"), [
    ("epa-2007", f"{SUPPORT}:8: support.page: 'epa-2007' is not among the entry's sources (did you mean 'epa-2006'?) "
                 "(the page is the source that is the organisation's own page: list it under sources)"),
    ("epa-2006", f"{SUPPORT}:8: support.page: source 'epa-2006' has no url in data/sources.yml (add the page's address there)"),
])
def test_a_support_page_that_cannot_be_linked_is_reported(with_data: Path, page: str, expected: str) -> None:
    edit(with_data, SUPPORT, "    sources: [epa-2006]\n", f"    sources: [epa-2006]\n    page: {page}\n")
    assert problems_of(with_data) == [expected]


COMPANY_ENTRIES = ["where-to-start.md", "tools/self-assessment.md", "tools/index.md", "support-and-funding.md"]


@pytest.mark.parametrize("home", ["docs/index.md", "docs/index.sv.md"])
def test_the_home_pages_company_card_leads_to_the_route_the_self_assessment_the_tools_and_support(home: str) -> None:
    """A company on its own starts on the home page: its card names each way in, in both languages."""
    text = (ROOT / home).read_text(encoding="utf-8")
    card = text[text.index("\n- **", text.index("{ #start-here }")) + 1:]
    card = card[card.index("\n- **") + 1:card.index("</div>")]  # the second card: the company's
    links = re.findall(r"\]\(([^)#]+)\)", card)
    assert [link for link in links if link in COMPANY_ENTRIES] == COMPANY_ENTRIES, links
