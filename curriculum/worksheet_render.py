"""Worksheets and factors as HTML: the sheet to fill in, its instructions and illustrative
example, the library of all sheets and the dated factor table. Called by render.Renderer."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from curriculum import CURRICULUM_VERSION, layout
from curriculum.downloads import human_size
from curriculum.factors import Factor
from curriculum.formula import to_words
from curriculum.searchindex import indexed_on_library
from curriculum.worksheet_model import Field, Worksheet, format_number, reference_values

if TYPE_CHECKING:
    from curriculum.render import Renderer

SCREEN_ROWS = 3  # blank table rows on screen; the printed sheet has all of them
WIDE_COLUMNS = 7  # a table with more columns scrolls sideways on screen instead of squeezing


def worksheet(renderer: Renderer, sheet: Worksheet, available: dict[str, int], searchable: bool = True) -> str:
    computed = reference_values(sheet, renderer.curriculum.factors)
    links = [
        (path, kind) for path, kind in (
            (layout.worksheet_file(sheet.id, renderer.lang, "pdf"), "PDF"),
            (layout.worksheet_file(sheet.id, renderer.lang, "xlsx"), "Excel (.xlsx)"),
        ) if path in available
    ]
    return renderer._template(
        "worksheet.html.j2", sheet=sheet, version=CURRICULUM_VERSION, searchable=searchable,
        screen_rows=SCREEN_ROWS, wide_columns=WIDE_COLUMNS, example=lambda item: example_text(renderer, item, computed),
        unit=lambda item: item.unit.get(renderer.lang, ""), formula=lambda item: describe(renderer, sheet, item),
        links=[{"href": renderer.links.asset(f"{layout.DOWNLOADS_FOLDER}/{path}"), "kind": kind,
                "size": human_size(available[path], renderer.lang)} for path, kind in links],
        factors=[renderer.curriculum.factors[key] for key in sheet.factor_keys],
        factor_value=lambda f: factor_value(f, renderer.lang),
    )


def example_text(renderer: Renderer, item: Field, computed: dict[str, float | None]) -> str:
    if item.computed:
        value = computed.get(item.id)
        return format_number(value, renderer.lang) if value is not None else ""
    return item.example_text(renderer.lang)


def describe(renderer: Renderer, sheet: Worksheet, item: Field) -> str:
    """'Power (times) Hours per year (times) F1': the formula in the sheet's own words, each factor
    by its number in the sheet's list of factors (F1, F2, ...)."""
    assert item.formula is not None
    labels = {f.id: f.label[renderer.lang] for s in sheet.sections for f in (*s.fields, *s.columns)}
    numbers = {key: f"F{index}" for index, key in enumerate(sheet.factor_keys, 1)}
    return to_words(item.formula, lambda name: labels[name], numbers.__getitem__,
                    lambda name: f"{renderer.label('worksheet_total_of')} {labels[name].lower()}")


def worksheet_library(renderer: Renderer) -> str:
    sheets = sorted(renderer.curriculum.worksheets.values(), key=lambda w: w.title[renderer.lang])
    users = {sheet_id: renderer.curriculum.pages_using(keys) for sheet_id, keys in renderer.curriculum.worksheet_users.items()}
    return renderer._template("worksheet_library.html.j2", sheets=sheets, users=users,
                              indexed_here=indexed_on_library(renderer.curriculum.worksheet_users))


def factor_table(renderer: Renderer, today: datetime.date | None = None) -> str:
    factors = sorted(renderer.curriculum.factors.values(), key=lambda f: (f.kind, f.key))
    year = (today or datetime.date.today()).year
    return renderer._template("factor_table.html.j2", factors=factors, year=year,
                       value=lambda f: factor_value(f, renderer.lang), cite=lambda f: renderer.cite(f.source))


def factor_value(factor: Factor, language: str) -> str:
    text = f"{factor.value:,}"
    return text.replace(",", "\u00a0").replace(".", ",") if language == "sv" else text
