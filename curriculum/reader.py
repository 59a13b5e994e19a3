"""Typed field access on line-aware YAML that records a problem instead of raising."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from curriculum import LANGUAGES
from curriculum.model import Text
from curriculum.problems import Problem, did_you_mean
from curriculum.yamlload import LineMapping, LineSequence, load_yaml_file

Entry = TypeVar("Entry")

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def open_data_file(root: Path, relative: str, fields: set[str], problems: list[Problem]) -> tuple[FieldReader, LineMapping] | None:
    """An optional data file's top-level mapping, its fields checked, and a reader for the rest;
    None when the file is missing, or empty or unreadable (then `problems` says why)."""
    path = root / relative
    if not path.exists():
        return None
    reader = FieldReader(relative, problems)
    data, found = load_yaml_file(path, relative)
    problems += found
    top = reader.mapping(data, 1, "file") if data is not None else None
    if top is None:
        return None
    reader.unknown_keys(top, fields, "")
    return reader, top


class FieldReader:
    """Reads fields of one file, collecting every problem with its line."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems

    def fail(self, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, field, message))

    def mapping(self, value: Any, line: int, field: str) -> LineMapping | None:
        if isinstance(value, LineMapping):
            return value
        self.fail(line, field, f"expected a mapping of 'key: value' lines, found {_kind(value)}")
        return None

    def sequence(self, parent: LineMapping, key: str, field: str, required: bool = True) -> LineSequence:
        value = parent.get(key)
        if value is None:
            if required:
                self.fail(parent.line_of(key), field, "missing (add a list of entries)")
            return LineSequence()
        if isinstance(value, LineSequence):
            return value
        self.fail(parent.line_of(key), field, f"expected a list, found {_kind(value)}")
        return LineSequence()

    def string(self, parent: LineMapping, key: str, field: str, required: bool = True) -> str | None:
        value = parent.get(key)
        if value is None:
            if required:
                self.fail(parent.line_of(key), field, "missing (add it)")
            return None
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.fail(parent.line_of(key), field, f"expected text, found {_kind(value)}")
        return None

    def identifier(self, parent: LineMapping, key: str, field: str) -> str | None:
        value = self.string(parent, key, field)
        if value is not None and not ID_PATTERN.match(value):
            self.fail(parent.line_of(key), field, f"'{value}' is not a valid id (use lowercase words joined by hyphens)")
            return None
        return value

    def integer(self, parent: LineMapping, key: str, field: str, required: bool = True) -> int | None:
        value = parent.get(key)
        if value is None:
            if required:
                self.fail(parent.line_of(key), field, "missing (add a whole number)")
            return None
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
        self.fail(parent.line_of(key), field, f"expected a positive whole number, found {value!r}")
        return None

    def flag(self, parent: LineMapping, key: str, field: str, default: bool) -> bool:
        """`true` or `false`; `default` when the key is absent or (reported) not a yes/no."""
        value = parent.get(key, default)
        if isinstance(value, bool):
            return value
        self.fail(parent.line_of(key), field, f"expected true or false, found {value!r}")
        return default

    def number(self, parent: LineMapping, key: str, field: str) -> float | None:
        value = parent.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
            return float(value)
        found = "nothing" if value is None else repr(value)
        self.fail(parent.line_of(key), field, f"expected a positive number, found {found}{_decimal_point(value)}")
        return None

    def hours(self, parent: LineMapping, key: str, field: str) -> float | None:
        """A number of hours that may be zero, e.g. an estimate of work between sessions."""
        value = parent.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
            return float(value)
        found = "nothing" if value is None else repr(value)
        self.fail(parent.line_of(key), field, f"expected a number of hours, 0 or more (e.g. 6 or 1.5), found {found}{_decimal_point(value)}")
        return None

    def date(self, parent: LineMapping, key: str, field: str, required: bool = True) -> datetime.date | None:
        value = parent.get(key)
        if value is None:
            if required:
                self.fail(parent.line_of(key), field, "missing (add the date of the last review as YYYY-MM-DD)")
            return None
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            if value > datetime.date.today():
                self.fail(parent.line_of(key), field, f"{value} is in the future")
            return value
        self.fail(parent.line_of(key), field, f"expected a date as YYYY-MM-DD, found {value!r}")
        return None

    def ids(self, parent: LineMapping, key: str, field: str, required: bool = True) -> tuple[str, ...]:
        items = self.sequence(parent, key, field, required)
        result: list[str] = []
        for index, item in enumerate(items):
            if isinstance(item, str) and ID_PATTERN.match(item):
                if item in result:
                    self.fail(items.line_of(index), field, f"'{item}' is listed twice")
                result.append(item)
            else:
                self.fail(items.line_of(index), field, f"{item!r} is not a valid id (use lowercase words joined by hyphens)")
        return tuple(result)

    def text(self, parent: LineMapping, key: str, field: str, required: bool = True) -> Text:
        """A translated text: a mapping with a non-empty string for every language."""
        value = parent.get(key)
        if value is None:
            if required:
                self.fail(parent.line_of(key), field, f"missing (add {{{', '.join(f'{lang}: …' for lang in LANGUAGES)}}})")
            return {}
        if not isinstance(value, LineMapping):
            self.fail(parent.line_of(key), field, f"expected a text per language ({', '.join(LANGUAGES)}), found {_kind(value)}")
            return {}
        result: Text = {}
        for lang in LANGUAGES:
            text = value.get(lang)
            if isinstance(text, str) and text.strip():
                result[lang] = text.strip()
            else:
                self.fail(value.line_of(lang), f"{field}.{lang}", "missing translation (add the text in this language)")
        for extra in set(value) - set(LANGUAGES):
            self.fail(value.line_of(extra), f"{field}.{extra}", f"unknown language{did_you_mean(str(extra), LANGUAGES)}")
        return result

    def unknown_keys(self, parent: LineMapping, allowed: set[str] | frozenset[str], prefix: str) -> None:
        for key in parent:
            if key not in allowed:
                name = f"{prefix}.{key}" if prefix else str(key)
                self.fail(parent.line_of(key), name, f"unknown field{did_you_mean(str(key), allowed)}")

    def entries(self, items: LineSequence, field: str, build: Callable[[LineMapping], Entry | None],
                id_of: Callable[[Entry], str], id_key: str = "id") -> list[Entry]:
        """Each mapping in `items` made by `build` (None when it has problems), in order; ids unique."""
        made: list[Entry] = []
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            entry = self.mapping(item, items.line_of(index), f"{field}[{index}]")
            value = build(entry) if entry is not None else None
            if entry is not None and value:
                self.unique(seen, id_of(value), entry.line_of(id_key), f"{field}.{id_key}")
                made.append(value)
        return made

    def unique(self, seen: dict[str, int], value: str, line: int, field: str) -> None:
        if value in seen:
            self.fail(line, field, f"'{value}' is used twice (also on line {seen[value]}); ids must be unique")
        else:
            seen[value] = line


def _decimal_point(value: object) -> str:
    """The hint for a decimal comma, as Swedish writes numbers: YAML reads '0,059' as text."""
    if isinstance(value, str) and re.fullmatch(r"\d+,\d+", value.strip()):
        return f" (write the decimals after a point: {value.strip().replace(',', '.')})"
    return ""


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"{type(value).__name__} {value!r}"
