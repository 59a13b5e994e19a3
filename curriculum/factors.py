"""Emission and conversion factors (`data/factors.yml`): written once, used by every sheet.

Each factor has a value, a unit, a region, the year it describes and the key of its source in
the bibliography; a factor without a source or a year fails the build. The factor table
(`factor_table()`) shows each with its age, and the worksheets' formulas read them by key.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from curriculum.model import Text
from curriculum.problems import Problem, did_you_mean
from curriculum.reader import FieldReader, open_data_file
from curriculum.yamlload import LineMapping

FACTORS_FILE = "data/factors.yml"
KINDS = ("emission", "conversion")
_FIELDS = {"key", "kind", "name", "value", "unit", "region", "year", "source", "note"}


@dataclass(frozen=True)
class Factor:
    key: str
    kind: str  # emission | conversion
    name: Text
    value: float
    unit: str
    region: Text
    year: int
    source: str  # key in data/sources.yml
    note: Text = field(default_factory=dict)
    line: int = field(default=0, compare=False)

    def age(self, today: datetime.date | None = None) -> int:
        """Whole years between the year the factor describes and this year."""
        return (today or datetime.date.today()).year - self.year


def load_factors(root: Path, sources: set[str], problems: list[Problem]) -> dict[str, Factor]:
    """The factors, checked against the bibliography keys; the file is optional."""
    opened = open_data_file(root, FACTORS_FILE, {"factors"}, problems)
    if opened is None:
        return {}
    reader, data = opened
    made = reader.entries(reader.sequence(data, "factors", "factors"), "factors",
                          lambda entry: _factor(reader, entry, sources), lambda factor: factor.key, id_key="key")
    return {factor.key: factor for factor in made}


def _factor(reader: FieldReader, entry: LineMapping, sources: set[str]) -> Factor | None:
    reader.unknown_keys(entry, _FIELDS, "factors")
    key = reader.identifier(entry, "key", "factors.key")
    kind = reader.string(entry, "kind", "factors.kind")
    if kind and kind not in KINDS:
        reader.fail(entry.line_of("kind"), "factors.kind", f"unknown kind '{kind}'{did_you_mean(kind, KINDS)}; use emission or conversion")
    name = reader.text(entry, "name", "factors.name")
    value = reader.number(entry, "value", "factors.value")
    unit = reader.string(entry, "unit", "factors.unit")
    region = reader.text(entry, "region", "factors.region")
    note = reader.text(entry, "note", "factors.note", required=False)
    year = entry.get("year")
    if year is None:
        reader.fail(entry.line, "factors.year", f"factor '{key}' has no year (add the year the value describes, e.g. year: 2023)")
    elif not isinstance(year, int) or isinstance(year, bool) or not 1990 <= year <= datetime.date.today().year:
        reader.fail(entry.line_of("year"), "factors.year", f"expected a year such as 2023, found {year!r}")
        year = None
    source = entry.get("source")
    if source is None:
        reader.fail(entry.line, "factors.source", f"factor '{key}' has no source (add the key of its entry in data/sources.yml)")
    elif source not in sources:
        reader.fail(entry.line_of("source"), "factors.source", f"unknown source '{source}'{did_you_mean(str(source), sources)} (add it to data/sources.yml)")
        source = None
    if key and kind in KINDS and value and unit and year and source and name and region:
        return Factor(key, kind, name, value, unit, region, year, str(source), note, line=entry.line)
    return None
