"""A worksheet as an Excel workbook (openpyxl): the sheet to fill in, the same sheet with the
illustrative example filled in, and the factors on a sheet of their own that the formulas read.

Every computed field and column is a working Excel formula written from the worksheet's own
formula (curriculum/formula.py), so the workbook computes what the Python reference computes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet as Sheet

from curriculum import CURRICULUM_VERSION
from curriculum.factors import Factor
from curriculum.formula import to_excel
from curriculum.model import Text
from curriculum.worksheet_model import Field, Section, Worksheet

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_INPUT = PatternFill("solid", fgColor="FFFFFFFF")
_COMPUTED = PatternFill("solid", fgColor="FFE8F1E4")
_HEAD = PatternFill("solid", fgColor="FFDDE6D8")
_THIN = Side(style="thin", color="FF999999")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_NUMBER = "#,##0.00"
_FACTOR_COLUMNS = ("factor_name", "factor_value", "factor_unit", "factor_region", "factor_year", "factor_source")


@dataclass
class Layout:
    """Where a sheet put each field (its cell) and each table column (its cells, top to bottom)."""

    title: str
    cells: dict[str, str] = field(default_factory=dict)
    columns: dict[str, list[str]] = field(default_factory=dict)
    totals: dict[str, str] = field(default_factory=dict)


def build_workbook(sheet: Worksheet, factors: Mapping[str, Factor], labels: Mapping[str, Text],
                   citations: Mapping[str, str], language: str) -> tuple[Workbook, dict[str, Layout]]:
    """The workbook and, per sheet title, where its cells are (the tests read the example's)."""
    def label(key: str) -> str:
        return labels[key][language]

    book = Workbook()
    blank = book.active
    blank.title = label("worksheet_sheet")
    example = book.create_sheet(label("worksheet_example_sheet"))
    table = book.create_sheet(label("worksheet_factor_sheet"))
    factor_cells = _write_factors(table, sheet, factors, label, citations, language)
    layouts = {
        blank.title: _write_sheet(blank, sheet, factor_cells, label, language, filled=False),
        example.title: _write_sheet(example, sheet, factor_cells, label, language, filled=True),
    }
    return book, layouts


def save_workbook(sheet: Worksheet, factors: Mapping[str, Factor], labels: Mapping[str, Text],
                  citations: Mapping[str, str], language: str, target: Path) -> Path:
    book, _ = build_workbook(sheet, factors, labels, citations, language)
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    return target


def _write_factors(ws: Sheet, sheet: Worksheet, factors: Mapping[str, Factor], label, citations: Mapping[str, str],
                   language: str) -> dict[str, str]:
    ws.append(["key", *(label(name) for name in _FACTOR_COLUMNS)])
    for cell in ws[1]:
        cell.font, cell.fill = _BOLD, _HEAD
    where: dict[str, str] = {}
    for key in sheet.factor_keys:
        f = factors[key]
        ws.append([f.key, f.name[language], f.value, f.unit, f.region[language], f.year, citations.get(f.source, f.source)])
        where[key] = f"{quote_sheetname(ws.title)}!$C${ws.max_row}"
    for letter, width in zip("ABCDEFG", (28, 48, 10, 14, 48, 8, 40), strict=True):
        ws.column_dimensions[letter].width = width
    return where


def _write_sheet(ws: Sheet, sheet: Worksheet, factor_cells: dict[str, str], label, language: str, filled: bool) -> Layout:
    layout = Layout(ws.title)
    ws["A1"] = sheet.title[language]
    ws["A1"].font = _TITLE
    ws["A2"] = sheet.purpose[language]
    ws["A3"] = label("worksheet_example") if filled else f'{label("worksheet_version")} · {label("curriculum_version")} {CURRICULUM_VERSION}'
    if filled:
        ws["A3"].font = _BOLD
    row = 5
    for name in sheet.header:
        ws.cell(row, 1, label(f"worksheet_{name}")).font = _BOLD
        _box(ws.cell(row, 2), _INPUT)
        row += 1
    for section in sheet.sections:
        row += 1
        ws.cell(row, 1, section.title[language]).font = _BOLD
        row += 1
        if section.note:
            ws.cell(row, 1, section.note[language])
            row += 1
        if section.is_table:
            row = _write_table(ws, section, factor_cells, layout, language, filled, row, label)
        else:
            row = _write_fields(ws, section, layout, language, filled, row)
    # Fields' formulas last: a field may sum a table column placed below it.
    for section in sheet.sections:
        for item in section.fields:
            if item.formula:
                expression = to_excel(item.formula, layout.cells.__getitem__, factor_cells.__getitem__,
                                      lambda name: f"{layout.columns[name][0]}:{layout.columns[name][-1]}")
                ws[layout.cells[item.id]] = f'=IFERROR({expression},"")'
    widths = [0] * max([2, *(len(s.columns) for s in sheet.sections)])
    for section in sheet.sections:
        for index, column in enumerate(section.columns):
            widths[index] = max(widths[index], 10 + 8 * column.width)
    widths[0], widths[1] = max(widths[0], 42), max(widths[1], 22)
    for index, width in enumerate(widths):
        if width:
            ws.column_dimensions[get_column_letter(index + 1)].width = width
    ws.page_setup.orientation = sheet.orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return layout


def _write_fields(ws: Sheet, section: Section, layout: Layout, language: str, filled: bool, row: int) -> int:
    for item in section.fields:
        ws.cell(row, 1, item.label[language]).alignment = _WRAP
        cell = ws.cell(row, 2)
        layout.cells[item.id] = cell.coordinate
        _box(cell, _COMPUTED if item.computed else _INPUT)
        if item.unit:
            ws.cell(row, 3, item.unit[language])
        if item.type == "number":
            cell.number_format = _NUMBER
        if item.type == "choice":
            _choice_validation(ws, item, language, cell.coordinate)
        if filled and not item.computed and item.example is not None:
            cell.value = _excel_value(item, language)
        if item.type == "longtext":
            cell.alignment = _WRAP
            ws.row_dimensions[row].height = 15 * item.lines
        row += 1
    return row


def _write_table(ws: Sheet, section: Section, factor_cells: dict[str, str], layout: Layout, language: str,
                 filled: bool, row: int, label) -> int:
    for index, column in enumerate(section.columns, 1):
        unit = f" ({column.unit[language]})" if column.unit else ""
        cell = ws.cell(row, index, column.label[language] + unit)
        cell.font, cell.fill, cell.alignment = _BOLD, _HEAD, _WRAP
        cell.border = _BOX
    first = row + 1
    last = row + section.rows
    letters = {column.id: get_column_letter(index) for index, column in enumerate(section.columns, 1)}
    for column in section.columns:
        layout.columns[column.id] = [f"{letters[column.id]}{r}" for r in range(first, last + 1)]
        if column.type == "choice":
            _choice_validation(ws, column, language, f"{letters[column.id]}{first}:{letters[column.id]}{last}")
    for r in range(first, last + 1):
        for index, column in enumerate(section.columns, 1):
            cell = ws.cell(r, index)
            _box(cell, _COMPUTED if column.computed else _INPUT)
            if column.type == "number":
                cell.number_format = _NUMBER
            if column.formula:
                refs = ",".join(f"{letters[name]}{r}" for name in column.formula.names)
                expression = to_excel(column.formula, lambda name, r=r: f"{letters[name]}{r}", factor_cells.__getitem__)
                cell.value = f'=IF(COUNT({refs})=0,"",{expression})'
            elif filled and r == first and column.example is not None:
                cell.value = _excel_value(column, language)
            cell.alignment = _WRAP
    row = last + 1
    if any(column.total for column in section.columns):
        ws.cell(row, 1, label("worksheet_total")).font = _BOLD
        for column in section.columns:
            if column.total:
                cell = ws.cell(row, section.columns.index(column) + 1)
                cell.value = f"=SUM({letters[column.id]}{first}:{letters[column.id]}{last})"
                cell.number_format, cell.font = _NUMBER, _BOLD
                _box(cell, _COMPUTED)
                layout.totals[column.id] = cell.coordinate
        row += 1
    return row


def _choice_validation(ws: Sheet, item: Field, language: str, cells: str) -> None:
    options = ",".join(choice.text[language].replace(",", " ") for choice in item.choices)
    validation = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True)
    validation.add(cells)
    ws.add_data_validation(validation)


def _excel_value(item: Field, language: str) -> float | str:
    if item.type == "number" and isinstance(item.example, float):
        return item.example
    if item.type == "choice":
        return next(c.text[language].replace(",", " ") for c in item.choices if c.id == item.example)
    return item.example_text(language)


def _box(cell, fill: PatternFill) -> None:
    cell.border, cell.fill = _BOX, fill
