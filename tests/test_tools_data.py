"""The calculators' and self-checks' data: loaded from the real files, rendered, and
every validation with its bad input and its exact message."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from curriculum import LANGUAGES
from curriculum.calculators import load_calculators
from curriculum.loader import load_curriculum
from curriculum.pages import read_pages
from curriculum.render import Renderer
from curriculum.self_assessment import load_self_assessment
from curriculum.self_checks import check_self_check_use, load_self_checks
from tests.site_pages import ROOT

CURRICULUM = load_curriculum(ROOT)
PAGES = read_pages(ROOT, [])


def _calculator_problems(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data/calculators.yml").write_text(text, encoding="utf-8")
    problems: list = []
    load_calculators(tmp_path, CURRICULUM.factors, problems)
    return [str(problem) for problem in problems]


GOOD_CALCULATOR = """calculators:
  - id: leaks
    groups:
      - title: {en: Leaks, sv: Läckor}
        inputs:
          - id: hours
            label: {en: Hours, sv: Timmar}
            unit: {en: h/year, sv: tim/år}
          - id: factor
            label: {en: Factor, sv: Faktor}
            unit: kg CO2/kWh
            factor: electricity-nordic-location
    results:
      - id: kwh
        label: {en: Energy, sv: Energi}
        unit: kWh
    formula: {en: "kWh = kW x h", sv: "kWh = kW x h"}
    assumptions:
      - {en: A plain definition., sv: En ren definition.}
    example: {hours: 6000}
"""


def test_the_four_calculators_load_with_factors_from_the_factor_file() -> None:
    assert set(CURRICULUM.calculators) == {"compressed-air", "idle-energy", "scope-footprint", "scrap-cost"}
    for calculator in CURRICULUM.calculators.values():
        assert set(calculator.factors) <= set(CURRICULUM.factors), calculator.id
        assert calculator.formula.keys() == set(LANGUAGES) and calculator.assumptions
    assert CURRICULUM.calculators["scope-footprint"].factors[:2] == ("diesel-litre", "petrol-litre")


def test_a_good_calculator_file_has_no_problem(tmp_path: Path) -> None:
    assert _calculator_problems(tmp_path, GOOD_CALCULATOR) == []


@pytest.mark.parametrize(("change", "message"), [
    (("factor: electricity-nordic-location", "factor: electricity-nordic-locaton"),
     "data/calculators.yml:12: calculators.inputs.factor: unknown factor 'electricity-nordic-locaton' (did you mean 'electricity-nordic-location'?) (add it to data/factors.yml or use one of its keys)"),
    (("unit: kg CO2/kWh", "unit: kg CO2e/kWh"),
     "data/calculators.yml:11: calculators.inputs.unit: 'kg CO2e/kWh' is not the unit of factor 'electricity-nordic-location' (use 'kg CO2/kWh', as in data/factors.yml)"),
    (("label: {en: Hours, sv: Timmar}", "label: {en: Hours}"),
     "data/calculators.yml:7: calculators.inputs.label.sv: missing translation (add the text in this language)"),
    (("example: {hours: 6000}", "example: {hour: 6000}"),
     "data/calculators.yml:20: calculators.example: 'hour' is not an input of this calculator (did you mean 'hours'?)"),
    (("          - id: factor\n", "          - id: hours\n"),
     "data/calculators.yml:9: calculators.inputs.id: 'hours' is used twice in one calculator; ids must be unique"),
    (("        unit: kWh\n", "        unit: kWh\n        digits: 9\n"),
     "data/calculators.yml:17: calculators.results.digits: expected a whole number of decimals from 0 to 6, found 9"),
])
def test_a_bad_calculator_file_fails_with_its_line(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    assert change[0] in GOOD_CALCULATOR
    assert message in _calculator_problems(tmp_path, GOOD_CALCULATOR.replace(*change, 1))


def test_a_factor_that_failed_to_load_is_not_reported_again_by_the_calculator_using_it(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data/calculators.yml").write_text(GOOD_CALCULATOR, encoding="utf-8")
    factors = {key: factor for key, factor in CURRICULUM.factors.items() if key != "electricity-nordic-location"}
    problems: list = []
    load_calculators(tmp_path, factors, problems, broken={"electricity-nordic-location"})
    assert problems == []
    load_calculators(tmp_path, factors, problems)
    assert [problem.field for problem in problems] == ["calculators.inputs.factor"]  # not named at all: reported


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_calculator_shows_formula_factors_with_source_and_year_and_hands_the_values_over(language: str) -> None:
    page = "tools/scope-1-2-footprint.md" if language == "en" else "tools/scope-1-2-footprint.sv.md"
    html = Renderer(CURRICULUM, language, page).calculator("scope-footprint")
    data = json.loads(unescape(re.search(r'<script type="application/json" class="calculator__data">(.*?)</script>', html, re.S)[1]))
    assert data["factors"]["diesel-litre"] == CURRICULUM.factors["diesel-litre"].value
    assert [item["id"] for item in data["inputs"] if item["default"] is not None] == ["district-heating-factor"]
    diesel = CURRICULUM.factors["diesel-litre"]
    row = html.split(diesel.name[language])[1].split("</tr>")[0]
    assert f"<td>{diesel.year}</td>" in row and "DESNZ" in row
    assert CURRICULUM.calculators["scope-footprint"].formula[language].splitlines()[0].split(" ")[0] in html
    assert html.count('<script src="') == 2 and "calculators/formulas.js" in html and "calculators/calculator.js" in html
    assert 'for="calc-diesel"' in html and 'id="calc-diesel-error"' in html


# --- self-checks ---------------------------------------------------------------------------

GOOD_CHECK = """unit: coach-role-and-contracting
questions:
  - id: one
    kind: single
    question: {en: "Who owns the change?", sv: "Vem äger förändringen?"}
    options:
      - text: {en: The coach, sv: Coachen}
      - text: {en: The company, sv: Företaget}
        right: true
    explanation: {en: "The company does.", sv: "Företaget gör det."}
    reread: what-a-coach-does
  - id: two
    kind: multiple
    question: {en: "Which?", sv: "Vilka?"}
    options:
      - text: {en: A, sv: A}
        right: true
      - text: {en: B, sv: B}
    explanation: {en: "A.", sv: "A."}
    reread: contracting
  - id: three
    kind: order
    question: {en: "Order them.", sv: "Ordna dem."}
    options:
      - text: {en: First, sv: Först}
      - text: {en: Second, sv: Sedan}
      - text: {en: Third, sv: Sist}
    explanation: {en: "In this order.", sv: "I den här ordningen."}
    reread: stance
"""


def _check_problems(tmp_path: Path, text: str, name: str = "coach-role-and-contracting") -> list[str]:
    folder = tmp_path / "data/self-checks"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    problems: list = []
    load_self_checks(tmp_path, set(CURRICULUM.units), PAGES, problems)
    return [str(problem) for problem in problems]


def test_every_unit_has_a_self_check_of_three_to_six_questions() -> None:
    assert set(CURRICULUM.self_checks) == set(CURRICULUM.units)
    for check in CURRICULUM.self_checks.values():
        assert 3 <= len(check.questions) <= 6
        for question in check.questions:
            assert question.answer and question.explanation.keys() == set(LANGUAGES)
            assert all(question.reread_title[lang] != question.reread for lang in LANGUAGES), "the section's own heading"


def test_a_good_self_check_has_no_problem(tmp_path: Path) -> None:
    assert _check_problems(tmp_path, GOOD_CHECK) == []


@pytest.mark.parametrize(("change", "message"), [
    (("      - text: {en: The coach, sv: Coachen}\n", "      - text: {en: The coach, sv: Coachen}\n        right: true\n"),
     "data/self-checks/coach-role-and-contracting.yml:6: questions.options: a single-choice question needs exactly one option with 'right: true', found 2"),
    (("      - text: {en: A, sv: A}\n        right: true\n", "      - text: {en: A, sv: A}\n"),
     "data/self-checks/coach-role-and-contracting.yml:15: questions.options: a multiple-choice question needs at least one right and one wrong option, found 0 right of 2"),
    (("    reread: stance", "    reread: stanse"),
     "data/self-checks/coach-role-and-contracting.yml:29: questions.reread: the unit has no section 'stanse' (did you mean 'stance'?) (give the id of one of its H2 headings)"),
    (('explanation: {en: "A.", sv: "A."}', 'explanation: {en: "A."}'),
     "data/self-checks/coach-role-and-contracting.yml:19: questions.explanation.sv: missing translation (add the text in this language)"),
    (("      - text: {en: First, sv: Först}\n", "      - text: {en: First, sv: Först}\n        right: true\n"),
     "data/self-checks/coach-role-and-contracting.yml:26: questions.options.right: an order question has no right option: write the options in the right order"),
    (("unit: coach-role-and-contracting", "unit: coach-role-and-contractin"),
     "data/self-checks/coach-role-and-contracting.yml:1: unit: unknown unit 'coach-role-and-contractin' (did you mean 'coach-role-and-contracting'?)"),
])
def test_a_bad_self_check_fails_with_its_line(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    assert change[0] in GOOD_CHECK
    assert message in _check_problems(tmp_path, GOOD_CHECK.replace(*change, 1))


def test_a_self_check_needs_three_questions(tmp_path: Path) -> None:
    two = GOOD_CHECK.split("  - id: three")[0]
    assert "data/self-checks/coach-role-and-contracting.yml:2: questions: 2 questions; a self-check has 3 to 6" in _check_problems(tmp_path, two)


def test_a_unit_without_a_self_check_fails() -> None:
    problems: list = []
    others = {key: value for key, value in CURRICULUM.self_checks.items() if key != "green-toolkit"}
    check_self_check_use(others, set(CURRICULUM.units), PAGES, problems)
    assert [str(problem) for problem in problems] == [
        "docs/coach-training/units/green-toolkit.md:1: self-check: unit 'green-toolkit' has no self-check (add data/self-checks/green-toolkit.yml with 3 to 6 questions)"]


def test_a_unit_whose_self_check_failed_to_load_is_not_also_said_to_have_none() -> None:
    """The file's own problem is the cause; "has no self-check" would send the author to add a
    file that is already there."""
    problems: list = []
    others = {key: value for key, value in CURRICULUM.self_checks.items() if key != "green-toolkit"}
    check_self_check_use(others, set(CURRICULUM.units), PAGES, problems, {"green-toolkit"})
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_self_check_renders_answers_feedback_and_reread_links(language: str) -> None:
    page = "coach-training/units/facilitation-basics.md" if language == "en" else "coach-training/units/facilitation-basics.sv.md"
    html = Renderer(CURRICULUM, language, page).self_check()
    check = CURRICULUM.self_checks["facilitation-basics"]
    assert html.count('class="self-check__question"') == len(check.questions)
    order = next(question for question in check.questions if question.kind == "order")
    assert f'data-answer="{" ".join(order.answer)}"' in html
    assert [option.id for option in order.shown()] != list(order.answer), "an order question is never shown solved"
    assert f'<a href="#{order.reread}">{order.reread_title[language]}</a>' in html
    assert f'data-digest="{check.digest()}"' in html and "self-check.js" in html


# --- the self-assessment -------------------------------------------------------------------

def _assessment_problems(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data/self-assessment.yml").write_text(text, encoding="utf-8")
    problems: list = []
    load_self_assessment(tmp_path, set(CURRICULUM.modules), problems)
    return [str(problem) for problem in problems]


REAL_ASSESSMENT = (ROOT / "data/self-assessment.yml").read_text(encoding="utf-8")


def test_the_self_assessment_has_twelve_to_fifteen_questions_over_six_areas() -> None:
    assessment = CURRICULUM.self_assessment
    assert 12 <= len(assessment.questions) <= 15
    assert {area.id for area in assessment.areas} == {question.area for question in assessment.questions}
    assert len(assessment.areas) == 6 and assessment.rules


@pytest.mark.parametrize(("change", "message"), [
    (("modules: [waste-flows-and-chemicals]", "modules: [waste-flow-and-chemicals]"),
     "data/self-assessment.yml:{line}: rules.modules: unknown module 'waste-flow-and-chemicals' (did you mean 'waste-flows-and-chemicals'?) (name a module of the catalogue)"),
    (("  - area: chemicals\n", "  - area: chemical\n"),
     "data/self-assessment.yml:{line}: rules.area: unknown area 'chemical' (did you mean 'chemicals'?)"),
    (("    below: 50\n    modules: [reporting-readiness]", "    below: 150\n    modules: [reporting-readiness]"),
     "data/self-assessment.yml:{line}: rules.below: expected a percentage from 1 to 100, found 150"),
    (('{text: {en: "No", sv: "Nej"}, weight: 0}', '{text: {en: "No", sv: "Nej"}, weight: low}'),
     "data/self-assessment.yml:{line}: questions.answers.weight: expected a whole number of 0 or more, found 'low'"),
    (("always: [why-green-why-now]", "always: [why-green]"),
     "data/self-assessment.yml:{line}: always: unknown module 'why-green' (did you mean 'why-green-why-now'?)"),
])
def test_a_bad_self_assessment_fails_with_its_line(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    assert change[0] in REAL_ASSESSMENT
    old, new = change
    changed = REAL_ASSESSMENT.replace(old, new, 1)
    offset = next(index for index, (before, after) in enumerate(zip(old.split("\n"), new.split("\n"), strict=True)) if before != after)
    line = REAL_ASSESSMENT[:REAL_ASSESSMENT.index(old)].count("\n") + 1 + offset
    assert message.format(line=line) in _assessment_problems(tmp_path, changed)


def test_an_area_without_a_question_fails(tmp_path: Path) -> None:
    changed = REAL_ASSESSMENT.replace("areas:\n", "areas:\n  - id: water\n    label: {en: Water, sv: Vatten}\n", 1)
    assert "data/self-assessment.yml:7: areas: area 'water' has no question (add one, or remove the area)" in _assessment_problems(tmp_path, changed)


def test_too_few_questions_fail(tmp_path: Path) -> None:
    head, rest = REAL_ASSESSMENT.split("\nalways:")
    kept = head.split("  - id: rules-known")[0].split("  - id: customer-questions")[0]
    problems = _assessment_problems(tmp_path, kept + "\nalways:" + rest)
    assert f"data/self-assessment.yml:{kept.count(chr(10)) - kept[kept.index('questions:'):].count(chr(10)) + 1}: questions: 11 questions; the self-assessment has 12 to 15" in problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_self_assessment_shows_the_rules_as_text_and_hands_modules_with_hours_over(language: str) -> None:
    page = "tools/self-assessment.md" if language == "en" else "tools/self-assessment.sv.md"
    html = Renderer(CURRICULUM, language, page).self_assessment()
    data = json.loads(unescape(re.search(r'<script type="application/json" class="assessment__data">(.*?)</script>', html, re.S)[1]))
    module = CURRICULUM.modules["green-waste-walk"]
    assert data["modules"]["green-waste-walk"]["minutes"] == module.duration_minutes
    assert module.title[language] in html.split('class="assessment__rules"')[1], "the rules name their modules as links"
    assert html.count('type="radio"') == sum(len(question.answers) for question in CURRICULUM.self_assessment.questions)
