"""The worksheets' Excel workbooks (curriculum/worksheet_xlsx.py): they open with openpyxl with
their header fields, units, drop-down lists and factors, and every formula, evaluated by the
`formulas` engine on the example row, gives what the Python reference computes."""

from __future__ import annotations

import math
from pathlib import Path

import formulas
import pytest
from openpyxl import load_workbook

from curriculum import LANGUAGES
from curriculum.render_sources import short_citation
from curriculum.worksheet_model import reference_values
from curriculum.worksheet_xlsx import build_workbook
from tests.test_worksheets import CURRICULUM, SHEETS


def _solved(path: Path) -> dict[str, object]:
    solution = formulas.ExcelModel().loads(str(path)).finish().calculate()
    return {key.upper(): value for key, value in solution.items()}


def _value(solution: dict[str, object], book: str, sheet: str, cell: str) -> object:
    found = solution[f"'[{book.upper()}]{sheet.upper()}'!{cell}"]
    return found.value[0, 0]  # type: ignore[attr-defined]


@pytest.mark.build  # a formula engine evaluates each workbook: about 90 s in all, too slow for test-fast
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("sheet_id", [s for s in SHEETS if CURRICULUM.worksheets[s].computes])
def test_workbook_formulas_give_what_the_python_reference_computes(sheet_id: str, language: str, tmp_path: Path) -> None:
    sheet = CURRICULUM.worksheets[sheet_id]
    citations = {key: short_citation(source) for key, source in CURRICULUM.sources.items()}
    book, layouts = build_workbook(sheet, CURRICULUM.factors, CURRICULUM.labels, citations, language)
    path = tmp_path / f"{sheet_id}.xlsx"
    book.save(path)
    example = CURRICULUM.labels["worksheet_example_sheet"][language]
    layout = layouts[example]
    reference = reference_values(sheet, CURRICULUM.factors)
    solution = _solved(path)
    checked = 0
    for section in sheet.sections:
        for item in (*section.fields, *section.columns):
            if not item.computed:
                continue
            cell = layout.cells.get(item.id) or layout.columns[item.id][0]
            got = _value(solution, path.name, example, cell)
            assert math.isclose(float(got), reference[item.id], rel_tol=1e-9), f"{sheet_id} {item.id} at {cell}: {got} != {reference[item.id]}"
            checked += 1
            if item.total:
                total = _value(solution, path.name, example, layout.totals[item.id])
                assert math.isclose(float(total), reference[item.id], rel_tol=1e-9), f"{sheet_id} total of {item.id}"
    assert checked == sum(1 for s in sheet.sections for f in (*s.fields, *s.columns) if f.computed)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("sheet_id", SHEETS)
def test_every_workbook_opens_with_header_units_validation_formulas_and_factors(sheet_id: str, language: str, tmp_path: Path) -> None:
    sheet = CURRICULUM.worksheets[sheet_id]
    book, layouts = build_workbook(sheet, CURRICULUM.factors, CURRICULUM.labels, {}, language)
    path = tmp_path / f"{sheet_id}.xlsx"
    book.save(path)
    opened = load_workbook(path)
    label = {key: text[language] for key, text in CURRICULUM.labels.items()}
    blank, example, factors = (opened[label[k]] for k in ("worksheet_sheet", "worksheet_example_sheet", "worksheet_factor_sheet"))
    texts = {str(c.value) for row in blank.iter_rows() for c in row if c.value is not None}
    assert sheet.title[language] in texts and all(label[f"worksheet_{name}"] in texts for name in sheet.header)
    assert label["worksheet_example"] in {str(c.value) for row in example.iter_rows() for c in row if c.value}
    for section in sheet.sections:
        for column in section.columns:
            unit = f" ({column.unit[language]})" if column.unit else ""
            assert column.label[language] + unit in texts
    choices = sum(1 for s in sheet.sections for f in (*s.fields, *s.columns) if f.type == "choice")
    assert len(blank.data_validations.dataValidation) == choices
    layout = layouts[blank.title]
    for section in sheet.sections:
        for item in (*section.fields, *section.columns):
            cells = [layout.cells[item.id]] if item.id in layout.cells else layout.columns[item.id]
            for cell in cells:
                value = blank[cell].value
                assert (isinstance(value, str) and value.startswith("=")) == item.computed, f"{sheet_id} {item.id} {cell}: {value!r}"
                if item.computed:
                    assert example[cell].value == value  # the same formula on both sheets
                elif value is not None:
                    pytest.fail(f"{sheet_id} {item.id} {cell}: the blank sheet holds {value!r}")
    keys = [row[0].value for row in factors.iter_rows(min_row=2)]
    assert keys == sheet.factor_keys
    for row in factors.iter_rows(min_row=2):
        assert row[2].value == CURRICULUM.factors[row[0].value].value and row[5].value == CURRICULUM.factors[row[0].value].year
