"""The worksheet model: sheets, sections and fields, and the reference computation of a sheet's
example with its formulas and factors (the values the workbook's Excel formulas must give)."""

from __future__ import annotations

import re
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass, field

from curriculum.factors import Factor
from curriculum.formula import Formula, evaluate
from curriculum.model import Text

FOLDER = "data/worksheets"
FIELD_TYPES = ("choice", "date", "longtext", "number", "text")
HEADER_FIELDS = ("company", "area", "date", "people")
ORIENTATIONS = ("portrait", "landscape")
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
MAX_ROWS = 40

Value = float | str | Text | None


@dataclass(frozen=True)
class Choice:
    id: str
    text: Text


@dataclass(frozen=True)
class Field:
    """A field of a section, or a column of a table."""

    id: str
    label: Text
    type: str
    unit: Text = field(default_factory=dict)
    choices: tuple[Choice, ...] = ()
    formula: Formula | None = None
    example: Value = None
    lines: int = 1  # writing lines on paper (longtext)
    width: int = 1  # relative column width on paper
    total: bool = False  # a table column summed below the rows

    @property
    def computed(self) -> bool:
        return self.formula is not None

    def example_text(self, language: str) -> str:
        """The example value as printed; choices by their text in the language."""
        value = self.example
        if value is None:
            return ""
        if isinstance(value, dict):
            return value[language]
        if self.type == "choice":
            return next(c.text[language] for c in self.choices if c.id == value)
        return format_number(value, language) if isinstance(value, float | int) else str(value)


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    note: Text = field(default_factory=dict)
    fields: tuple[Field, ...] = ()
    columns: tuple[Field, ...] = ()
    rows: int = 0  # blank rows of a table

    @property
    def is_table(self) -> bool:
        return bool(self.columns)


@dataclass(frozen=True)
class Worksheet:
    id: str
    title: Text
    purpose: Text
    orientation: str
    header: tuple[str, ...]
    instructions: tuple[Text, ...]
    sections: tuple[Section, ...]
    line: int = field(default=0, compare=False)

    @property
    def factor_keys(self) -> list[str]:
        keys = [k for s in self.sections for f in (*s.fields, *s.columns) if f.formula for k in f.formula.factors]
        return list(dict.fromkeys(keys))

    @property
    def computes(self) -> bool:
        return any(f.computed for s in self.sections for f in (*s.fields, *s.columns))


def format_number(value: float, language: str) -> str:
    """1234.5 -> '1,234.5' (English) or '1 234,5' (Swedish): whole numbers as they are, one
    decimal from 100, two from 1, three significant below."""
    if value == int(value):
        text = f"{value:,.0f}"
    elif abs(value) >= 100:
        text = f"{value:,.1f}"
    elif abs(value) >= 1:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:.3g}"
    if language == "sv":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text


def reference_values(sheet: Worksheet, factors: MappingABC[str, Factor]) -> dict[str, float | None]:
    """Every computed field and column of the example, computed in Python from the example inputs.

    Table columns are computed on the example row; a `sum(column)` is that row's value, since
    the example is the only row filled in.
    """
    values = {k: f.value for k, f in factors.items()}
    result: dict[str, float | None] = {}
    inputs: dict[str, float | None] = {}
    for section in sheet.sections:
        for item in (*section.fields, *section.columns):
            if not item.computed and isinstance(item.example, int | float):
                inputs[item.id] = float(item.example)
    ordered = _in_dependency_order([f for s in sheet.sections for f in (*s.columns, *s.fields) if f.formula])
    for item in ordered:
        assert item.formula is not None
        known = {**inputs, **result}
        sums = {name: known.get(name) or 0.0 for name in item.formula.sums}
        result[item.id] = evaluate(item.formula, known, values, sums)
    return result


def _in_dependency_order(items: list[Field]) -> list[Field]:
    by_id = {f.id: f for f in items}
    done: dict[str, Field] = {}
    open_: set[str] = set()

    def visit(item: Field) -> None:
        if item.id in done or item.id in open_:
            return
        open_.add(item.id)
        assert item.formula is not None
        for name in (*item.formula.names, *item.formula.sums):
            if name in by_id:
                visit(by_id[name])
        done[item.id] = item

    for item in items:
        visit(item)
    return list(done.values())


# loading ------------------------------------------------------------------------------------


def dependency_cycles(sections: list[Section]) -> list[list[str]]:
    """Computed values that depend on themselves, directly or through other computed values:
    each cycle once, as the path of field ids from its first field back to it."""
    computed = {item.id: item.formula for section in sections for item in (*section.fields, *section.columns) if item.formula}

    def cycle_from(path: list[str]) -> list[str] | None:
        formula = computed[path[-1]]
        for name in (*formula.names, *formula.sums):
            if name == path[0]:
                return [*path, name]
            if name in computed and name not in path:
                found = cycle_from([*path, name])
                if found:
                    return found
        return None

    cycles: list[list[str]] = []
    reported: set[str] = set()
    for start in computed:
        cycle = cycle_from([start])
        if cycle and not reported & set(cycle):
            reported |= set(cycle)
            cycles.append(cycle)
    return cycles
