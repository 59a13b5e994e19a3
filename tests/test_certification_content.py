"""The real certification content: the rubric's must-pass criteria, the same rubric on every page
that shows it, the empty register, the portfolio template, the steps, the forms and the ethics unit."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from curriculum.layout import PORTFOLIO_PAGE
from curriculum.loader import load_curriculum
from curriculum.render import Renderer
from tests.minimal_project import ROOT

REGISTER = "data/register.yml"


RUBRIC_PAGES = (PORTFOLIO_PAGE, "coach-training/units/lead-module-observed.md",
                "coach-training/units/portfolio-and-assessment.md", "coach-training/assessors-guide.md")


@pytest.fixture(scope="module")
def real():
    return load_curriculum(ROOT)


def test_the_real_rubric_has_contracting_safety_and_ethics_as_must_pass(real) -> None:
    assert real.rubric is not None
    assert {c.id for c in real.rubric.criteria if c.must_pass} == {"contracting", "safety", "ethics"}
    assert all(set(c.indicators) == {"not-yet", "meets", "strong"} for c in real.rubric.criteria)


@pytest.mark.parametrize("language", ["en", "sv"])
def test_every_rubric_page_renders_the_same_rubric_from_the_data(real, language: str) -> None:
    rendered, searched = set(), []
    for page in RUBRIC_PAGES:
        source = page if language == "en" else page.replace(".md", ".sv.md")
        text = (ROOT / "docs" / source).read_text(encoding="utf-8")
        assert "{{ rubric() }}" in text, f"{source} does not render the rubric from data"
        assert not re.search(r"^\| *(Criterion|Kriterium) *\|", text, re.MULTILINE), f"{source} still has a hand-written rubric table"
        html = Renderer(real, language, source).rubric()
        searched += [] if "data-search-exclude" in html else [page]
        rendered.add(html.replace(" data-search-exclude", ""))
    assert len(rendered) == 1
    assert searched == [PORTFOLIO_PAGE]  # search finds it there only (test_search_repeats.py)
    html = rendered.pop()
    for criterion in real.rubric.criteria:
        assert str(escape(criterion.title[language])) in html
        for level in ("not-yet", "meets", "strong"):
            assert str(escape(criterion.indicators[level][language])) in html
    marker = f"<em>{escape(real.labels['rubric_must_pass'][language])}</em>"
    assert html.count(marker) == 3


def test_the_real_register_is_empty_until_the_first_certification(real) -> None:
    assert real.register == ()
    assert (ROOT / REGISTER).read_text(encoding="utf-8").rstrip().endswith("coaches: []")


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_portfolio_template_lists_each_unit_once(real, language: str) -> None:
    """Each unit once: the last step used to repeat the evidence of the step before it."""
    page = "coach-training/portfolio.md" if language == "en" else "coach-training/portfolio.sv.md"
    renderer = Renderer(real, language, page)
    markdown = renderer.portfolio_markdown()
    steps = markdown[:markdown.index(f"\n## {real.labels['portfolio_rubric'][language]}\n")]
    unit_headings = re.findall(r"^### (.+)$", steps, re.MULTILINE)
    assert sorted(unit_headings) == sorted(unit.title[language] for unit in real.units.values())
    html = renderer.portfolio_template()
    for unit in real.units.values():
        assert html.count(f">{unit.title[language]}</a>") == 1, unit.id


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_portfolio_download_carries_the_rubric_the_pages_show(real, language: str) -> None:
    """A candidate fills in the downloaded file offline: it ends with the rubric, from the same data."""
    markdown = Renderer(real, language, PORTFOLIO_PAGE).portfolio_markdown()
    rubric = markdown[markdown.index(f"\n## {real.labels['portfolio_rubric'][language]}\n"):]
    must_pass = real.labels["rubric_must_pass"][language]
    for level in real.rubric.levels:
        assert f"- **{level.label[language]}**: {level.leads_to[language]}\n" in rubric
    for criterion in real.rubric.criteria:
        heading = f"### {criterion.title[language]}" + (f" ({must_pass})" if criterion.must_pass else "")
        block = rubric[rubric.index(heading + "\n"):]
        assert block.splitlines()[2:5] == [
            f"- {level.label[language]}: {criterion.indicators[level.id][language]}" for level in real.rubric.levels]
    assert rubric.count(f"({must_pass})") == 3
    assert "&#39;" not in rubric and "&amp;" not in rubric  # plain Markdown, not HTML-escaped


def test_the_steps_reference_the_field_practice_and_renewal(real) -> None:
    steps = {step.id: step for step in real.certification}
    assert "kata-coaching-in-the-field" in steps["kata-cycles-practised"].units
    assert "twelve" in steps["kata-cycles-practised"].requires["en"]
    assert "management team" in steps["observed-delivery-passed"].requires["en"]
    assert "three years" in steps["staying-current"].requires["en"]
    assert "peer observation" in steps["staying-current"].requires["en"] or "observed by a fellow" in steps["staying-current"].requires["en"]


def test_the_forms_are_used_on_a_unit(real) -> None:
    forms = {"shadowing-log", "observation-feedback", "second-coach-kata", "supervision-agreement", "change-leader-feedback"}
    used = {cid for unit in real.units.values() for cid in unit.checklists}
    assert forms <= set(real.checklists)
    assert forms <= used


def test_the_ethics_unit_chains_into_the_path(real) -> None:
    assert real.units["ethics-and-conduct"].prerequisites == ("coach-role-and-contracting",)
    assert "ethics-and-conduct" in real.units["shadow-kickstart"].prerequisites
    assert "kata-coaching-in-the-field" in real.units["lead-module-observed"].prerequisites
