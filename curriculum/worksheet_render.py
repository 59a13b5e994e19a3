"""Worksheets and factors as HTML: the sheet to fill in, its instructions and illustrative
example, the library of all sheets and the dated factor table. Called by render.Renderer."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from curriculum import CURRICULUM_VERSION
from curriculum import downloads as files
from curriculum.factors import Factor
from curriculum.formula import to_words
from curriculum.worksheets import Field, Worksheet, format_number, reference_values

if TYPE_CHECKING:
    from curriculum.render import Renderer

SCREEN_ROWS = 3  # blank table rows on screen; the printed sheet has all of them
WIDE_COLUMNS = 7  # a table with more columns scrolls sideways on screen instead of squeezing


def worksheet(r: Renderer, sheet: Worksheet, available: dict[str, int], searchable: bool = True) -> str:
    computed = reference_values(sheet, r.c.factors)
    links = [
        (path, kind) for path, kind in (
            (files.worksheet_file(sheet.id, r.lang, "pdf"), "PDF"),
            (files.worksheet_file(sheet.id, r.lang, "xlsx"), "Excel (.xlsx)"),
        ) if path in available
    ]
    return r._template(
        "worksheet.html.j2", w=sheet, version=CURRICULUM_VERSION, searchable=searchable,
        screen_rows=SCREEN_ROWS, wide_columns=WIDE_COLUMNS, example=lambda item: example_text(r, item, computed),
        unit=lambda item: item.unit.get(r.lang, ""), formula=lambda item: describe(r, sheet, item),
        links=[{"href": r.links.asset(f"{files.SITE_FOLDER}/{path}"), "kind": kind,
                "size": files.human_size(available[path], r.lang)} for path, kind in links],
        factors=[r.c.factors[key] for key in sheet.factor_keys],
        factor_value=lambda f: factor_value(f, r.lang),
    )


def example_text(r: Renderer, item: Field, computed: dict[str, float | None]) -> str:
    if item.computed:
        value = computed.get(item.id)
        return format_number(value, r.lang) if value is not None else ""
    return item.example_text(r.lang)


def describe(r: Renderer, sheet: Worksheet, item: Field) -> str:
    """'Power (times) Hours per year (times) F1': the formula in the sheet's own words, each factor
    by its number in the sheet's list of factors (F1, F2, ...)."""
    assert item.formula is not None
    labels = {f.id: f.label[r.lang] for s in sheet.sections for f in (*s.fields, *s.columns)}
    numbers = {key: f"F{index}" for index, key in enumerate(sheet.factor_keys, 1)}
    return to_words(item.formula, lambda name: labels[name], numbers.__getitem__,
                    lambda name: f"{r.label('worksheet_total_of')} {labels[name].lower()}")


def worksheet_library(r: Renderer) -> str:
    sheets = sorted(r.c.worksheets.values(), key=lambda w: w.title[r.lang])
    users = {sheet_id: [r.c.pages[key] for key in keys if key in r.c.pages] for sheet_id, keys in r.c.worksheet_users.items()}
    return r._template("worksheet_library.html.j2", sheets=sheets, users=users)


def factor_table(r: Renderer, today: datetime.date | None = None) -> str:
    factors = sorted(r.c.factors.values(), key=lambda f: (f.kind, f.key))
    year = (today or datetime.date.today()).year
    return r._template("factor_table.html.j2", factors=factors, year=year,
                       value=lambda f: factor_value(f, r.lang), cite=lambda f: r.cite(f.source))


def factor_value(factor: Factor, language: str) -> str:
    text = f"{factor.value:,}"
    return text.replace(",", "\u00a0").replace(".", ",") if language == "sv" else text
