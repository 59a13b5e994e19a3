"""Worksheets, factors and their workbooks: every worksheet renders in both languages;
bad worksheet or factor data fails with its file and line; every workbook opens with openpyxl and
its formulas, evaluated by a formula engine, give what the Python reference computes."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from markupsafe import escape

from curriculum import LANGUAGES, layout
from curriculum.formula import FormulaError, evaluate, parse, to_excel, to_words
from curriculum.loader import load_curriculum
from curriculum.render import Renderer
from curriculum.render_sources import short_citation
from curriculum.worksheet_model import format_number, reference_values
from curriculum.worksheet_render import factor_table
from tests.minimal_project import ROOT, edit, problems_of

EXAMPLE_LABEL = {"en": "Example (illustrative)", "sv": "Exempel (fiktivt)"}
CURRICULUM = load_curriculum(ROOT)
SHEETS = sorted(CURRICULUM.worksheets)
TWELVE = {
    "a3-transition-report", "business-case", "baseline-data-collection", "evsm-data-box", "green-performance-map",
    "green-waste-walk", "energy-walk-log", "kaizen-event-charter", "improvement-kata-storyboard", "action-plan",
    "scope-1-2-footprint", "circular-opportunity-screen",
}

# A worksheet, factor file and page for the minimal project (tests/minimal_project.py).
FACTORS = """factors:
  - key: grid-mix
    kind: emission
    name: {en: Grid electricity, sv: El från nätet}
    value: 0.059
    unit: kg CO2/kWh
    region: {en: Nordic, sv: Norden}
    year: 2023
    source: epa-2006
"""
WORKSHEET = """id: leak-log
title: {en: Leak log, sv: Läcklogg}
purpose: {en: Log leaks., sv: Logga läckor.}
header: [company, area, date, people]
instructions:
  - {en: Walk at night., sv: Gå nattetid.}
sections:
  - id: leaks
    title: {en: Leaks, sv: Läckor}
    rows: 5
    columns:
      - id: place
        label: {en: Where, sv: Var}
        type: text
      - id: kw
        label: {en: Power, sv: Effekt}
        type: number
      - id: hours
        label: {en: Hours, sv: Timmar}
        type: number
      - id: kwh
        label: {en: Energy, sv: Energi}
        formula: "kw * hours"
        total: true
      - id: kg
        label: {en: CO2, sv: CO2}
        formula: "kwh * factor('grid-mix')"
    example:
      place: {en: Press 4, sv: Press 4}
      kw: 2
      hours: 100
  - id: summary
    title: {en: Summary, sv: Summering}
    fields:
      - id: total_kwh
        label: {en: Total energy, sv: Total energi}
        formula: "sum(kwh)"
"""
WS = "data/worksheets/leak-log.yml"
FACTOR_FILE = "data/factors.yml"
EN = "docs/modules/waste-walk.md"


@pytest.fixture
def sheet_project(project: Path) -> Path:
    (project / "data/worksheets").mkdir()
    (project / WS).write_text(WORKSHEET, encoding="utf-8")
    (project / FACTOR_FILE).write_text(FACTORS, encoding="utf-8")
    for page in (EN, EN.replace(".md", ".sv.md")):
        path = project / page
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('{{ checklist("walk") }}', '{{ checklist("walk") }}\n\n{{ worksheet("leak-log") }}'), encoding="utf-8")
    return project


def test_the_sheet_project_is_valid_and_knows_who_uses_each_worksheet(sheet_project: Path) -> None:
    c = load_curriculum(sheet_project)
    assert set(c.worksheets) == {"leak-log"}
    assert c.worksheet_users == {"leak-log": ["modules/waste-walk.md"]}
    assert c.factors["grid-mix"].value == 0.059
    assert reference_values(c.worksheets["leak-log"], c.factors) == pytest.approx({"kwh": 200.0, "kg": 11.8, "total_kwh": 200.0})


BAD_SHEETS = [
    pytest.param(WS, "        type: number\n      - id: hours", "        type: numbr\n      - id: hours", f"{WS}:17: sections.columns.type: unknown field type 'numbr' (did you mean 'number'?); use one of: choice, date, longtext, number, text", id="unknown-field-type"),
    pytest.param(WS, 'formula: "kw * hours"', 'formula: "kw * hourz"', f"{WS}:23: sections.columns.formula: 'kw * hourz' names 'hourz', which is no column of this table (did you mean 'hours'?)", id="formula-names-missing-column"),
    pytest.param(WS, "factor('grid-mix')", "factor('grid-mx')", f"{WS}:27: sections.columns.formula: 'kwh * factor('grid-mx')': factor('grid-mx') is not in data/factors.yml (did you mean 'grid-mix'?)", id="unknown-factor"),
    pytest.param(WS, 'formula: "sum(kwh)"', 'formula: "sum(kwhs)"', f"{WS}:37: sections.fields.formula: 'sum(kwhs)' sums 'kwhs', which is no table column of this worksheet (did you mean 'kwh'?)", id="sum-of-missing-column"),
    pytest.param(WS, 'formula: "kw * hours"', 'formula: "kw ** hours"', f"{WS}:23: sections.columns.formula: 'kw ** hours': only + - * / are allowed", id="operator-outside-the-language"),
    pytest.param(WS, "title: {en: Leak log, sv: Läcklogg}", "title: {en: Leak log}", f"{WS}:2: title.sv: missing translation (add the text in this language)", id="missing-swedish-title"),
    pytest.param(WS, "label: {en: Power, sv: Effekt}", "label: {en: Power}", f"{WS}:16: sections.columns.label.sv: missing translation (add the text in this language)", id="missing-swedish-label"),
    pytest.param(WS, "      kw: 2\n", "      kw: 2\n      kwh: 5\n", f"{WS}:31: sections.example: 'kwh' is computed by its formula; leave it out of the example", id="example-of-computed-column"),
    pytest.param(WS, "header: [company, area, date, people]", "header: [company, area, day, people]", f"{WS}:4: header: unknown header field 'day' (valid: area, company, date, people)", id="unknown-header-field"),
    pytest.param(WS, 'formula: "kw * hours"', 'formula: "kw * kg"', f"{WS}:23: sections.formula: 'kwh' depends on itself: kwh -> kg -> kwh (break the cycle)", id="formula-cycle"),
    pytest.param(WS, 'formula: "sum(kwh)"', 'formula: "total_kwh + 1"', f"{WS}:37: sections.formula: 'total_kwh' depends on itself: total_kwh -> total_kwh (break the cycle)", id="formula-names-itself"),
    pytest.param(FACTOR_FILE, "    source: epa-2006\n", "", f"{FACTOR_FILE}:2: factors.source: factor 'grid-mix' has no source (add the key of its entry in data/sources.yml)", id="factor-without-source"),
    pytest.param(FACTOR_FILE, "    year: 2023\n", "", f"{FACTOR_FILE}:2: factors.year: factor 'grid-mix' has no year (add the year the value describes, e.g. year: 2023)", id="factor-without-year"),
    pytest.param(FACTOR_FILE, "source: epa-2006", "source: epa-2007", f"{FACTOR_FILE}:9: factors.source: unknown source 'epa-2007' (did you mean 'epa-2006'?) (add it to data/sources.yml)", id="factor-source-not-in-bibliography"),
    pytest.param(FACTOR_FILE, "value: 0.059", "value: none", f"{FACTOR_FILE}:5: factors.value: expected a positive number, found 'none'", id="factor-value-not-a-number"),
    pytest.param(EN, '{{ worksheet("leak-log") }}', '{{ worksheet("leak-logs") }}', f"{EN}:56: macro: worksheet('leak-logs'): unknown worksheet (did you mean 'leak-log'?)", id="page-names-unknown-worksheet"),
]


@pytest.mark.parametrize(("relative", "old", "new", "expected"), BAD_SHEETS)
def test_bad_worksheet_data_is_reported_with_file_and_line(sheet_project: Path, relative: str, old: str, new: str, expected: str) -> None:
    edit(sheet_project, relative, old, new)
    assert expected in problems_of(sheet_project)


def test_a_factor_that_fails_to_load_is_reported_alone_with_the_fix_for_a_decimal_comma(sheet_project: Path) -> None:
    """Not also as "factor('grid-mix') is not in data/factors.yml" by the formula that uses it,
    which would send the author to add a factor that is there."""
    edit(sheet_project, FACTOR_FILE, "value: 0.059", "value: 0,059")
    assert problems_of(sheet_project) == [
        f"{FACTOR_FILE}:5: factors.value: expected a positive number, found '0,059' (write the decimals after a point: 0.059)"]


def test_sections_written_as_text_are_reported_once(sheet_project: Path) -> None:
    text = (sheet_project / WS).read_text(encoding="utf-8")
    (sheet_project / WS).write_text(text[:text.index("sections:")] + "sections: leaks and summary\n", encoding="utf-8")
    assert problems_of(sheet_project) == [f"{WS}:7: sections: expected a list, found text 'leaks and summary'"]


def test_a_worksheet_no_page_shows_fails(sheet_project: Path) -> None:
    for page in (EN, EN.replace(".md", ".sv.md")):
        edit(sheet_project, page, '{{ worksheet("leak-log") }}', "")
    assert problems_of(sheet_project) == [
        f'{WS}:1: id: worksheet \'leak-log\' is shown by no page (call {{{{ worksheet("leak-log") }}}} in the guide that uses it, or remove it)']


def test_the_formula_language_accepts_arithmetic_factors_and_sums_only() -> None:
    formula = parse("(kw * hours - 2) / (a - b) * factor('x') + sum(kg)")
    assert (formula.names, formula.factors, formula.sums) == (["kw", "hours", "a", "b"], ["x"], ["kg"])
    assert evaluate(formula, {"kw": 2, "hours": 3, "a": 5, "b": 3}, {"x": 0.5}, {"kg": 10}) == 11.0
    assert evaluate(parse("a / b"), {"a": 1, "b": None}, {}) is None  # a blank divisor: a blank cell
    assert to_excel(formula, lambda n: f"{n.upper()}9", lambda k: "F!$C$2", lambda c: "D9:D20") == "(KW9*HOURS9-2)/(A9-B9)*F!$C$2+SUM(D9:D20)"
    assert to_excel(parse("a - (b - c)"), str.upper, str) == "A-(B-C)"
    assert to_words(parse("a * (b + c)"), str.upper, str, lambda c: f"total {c}") == "A × (B + C)"
    for text, message in (("open(1)", "unknown function"), ("a ** 2", "only + - * /"), ("a +", "is not a formula"),
                          ("factor(x)", "factor('key')"), ("a[0]", "only numbers, names")):
        with pytest.raises(FormulaError, match=re.escape(message)):
            parse(text)


def test_numbers_are_written_the_way_each_language_writes_them() -> None:
    assert [format_number(v, "en") for v in (27717.733, 850000, 0.059, 1.5)] == ["27,717.7", "850,000", "0.059", "1.5"]
    assert [format_number(v, "sv") for v in (27717.733, 850000, 0.059, 1.5)] == ["27\u00a0717,7", "850\u00a0000", "0,059", "1,5"]


def test_the_twelve_worksheets_exist_and_each_is_shown_by_a_page() -> None:
    assert set(SHEETS) >= TWELVE
    assert all(CURRICULUM.worksheet_users[sheet_id] for sheet_id in SHEETS)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("sheet_id", SHEETS)
def test_every_worksheet_renders_with_its_fields_example_and_formulas(sheet_id: str, language: str) -> None:
    sheet = CURRICULUM.worksheets[sheet_id]
    html = Renderer(CURRICULUM, language, "worksheets/index.md").worksheet(sheet_id)
    assert f'id="worksheet-{sheet_id}"' in html
    assert escape(sheet.title[language]) in html and escape(sheet.purpose[language]) in html
    assert EXAMPLE_LABEL[language] in html
    for name in sheet.header:
        assert f'<th scope="row">{CURRICULUM.labels["worksheet_" + name][language]}</th>' in html
    for section in sheet.sections:
        assert escape(section.title[language]) in html
        for item in (*section.fields, *section.columns):
            assert escape(item.label[language]) in html
        # Every blank row of a table is there (the screen hides all but three; paper has all).
        if section.is_table:
            block = html.split(f'id="worksheet-{sheet_id}-{section.id}"')[1].split("</table>")[0]
            assert block.count("<tr") == 1 + section.rows + any(c.total for c in section.columns)
    computed = reference_values(sheet, CURRICULUM.factors)
    for item_id, value in computed.items():
        assert value is not None, f"{sheet_id}: the example leaves {item_id} blank"
        assert f"<td>{format_number(value, language)}</td>" in html, f"{sheet_id}: example value of {item_id}"
    for key in sheet.factor_keys:
        assert escape(CURRICULUM.factors[key].name[language]) in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_factor_table_shows_value_unit_region_year_source_and_age(language: str) -> None:
    renderer = Renderer(CURRICULUM, language, "methodology/emission-factors.md")
    html = factor_table(renderer, today=datetime.date(2030, 6, 1))
    for factor in CURRICULUM.factors.values():
        row = html.split(f'<tr id="factor-{factor.key}">')[1].split("</tr>")[0]
        assert escape(factor.name[language]) in row and escape(factor.region[language]) in row and f"<td>{factor.unit}</td>" in row
        assert f"<td>{factor.year}</td>" in row and f'<td class="factor-table__age">{2030 - factor.year}</td>' in row
        assert short_citation(CURRICULUM.sources[factor.source]) in row


def test_the_footprint_worksheet_uses_the_factor_file() -> None:
    keys = set(CURRICULUM.worksheets["scope-1-2-footprint"].factor_keys)
    assert {"electricity-nordic-location", "electricity-nordic-residual", "diesel-litre", "district-heating-example"} <= keys


@pytest.mark.parametrize("language", LANGUAGES)
def test_downloads_page_lists_worksheet_and_kit_files_that_were_made(language: str) -> None:
    made = {layout.worksheet_file("action-plan", language, "xlsx"): 9000, layout.kit_file("transition-a3", language, "pdf"): 800_000,
            layout.kit_file("transition-a3", language, "zip"): 20_000}
    renderer = Renderer(CURRICULUM, language, f"about/downloads{'' if language == 'en' else '.sv'}.md")
    sheets = renderer.downloads("worksheets", made)
    assert sheets.count("<li>") == 1 and "(XLSX, 9 kB)" in sheets and escape(CURRICULUM.worksheets["action-plan"].title[language]) in sheets
    kits = renderer.downloads("kits", made)
    assert kits.count("<li>") == 2 and "(PDF, 800 kB)" in kits and "(ZIP, 20 kB)" in kits


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_worksheet_links_its_pdf_and_workbook_once_they_are_made(language: str) -> None:
    renderer = Renderer(CURRICULUM, language, "modules/green-waste-walk.md" if language == "en" else "modules/green-waste-walk.sv.md")
    up = "../../" if language == "en" else "../../../"  # the Swedish pages sit below /sv/
    assert "worksheet__actions" not in renderer.worksheet("green-waste-walk")
    renderer.available_downloads = {layout.worksheet_file("green-waste-walk", language, "pdf"): 120_000,
                                     layout.worksheet_file("green-waste-walk", language, "xlsx"): 9_000}
    html = renderer.worksheet("green-waste-walk")
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a> <small>\(([^)]+)\)</small>', html.split('class="worksheet__actions"')[1])
    assert links == [(f"{up}assets/downloads/{layout.worksheet_file('green-waste-walk', language, 'pdf')}", "PDF", "120 kB"),
                     (f"{up}assets/downloads/{layout.worksheet_file('green-waste-walk', language, 'xlsx')}", "Excel (.xlsx)", "9 kB")]
