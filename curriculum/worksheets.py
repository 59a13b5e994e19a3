"""Worksheets as data (`data/worksheets/<id>.yml`): one schema, read with line-aware checks.

A worksheet has a title, a purpose, header fields (company, area, date, people), instructions
and sections. A section holds either fields (one value each) or a table (columns, a number of
blank rows to fill in, and one example row labelled illustrative). A field or column with a
`formula` is computed (curriculum/formula.py); `reference_values()` computes the example with
the same formulas and factors, which the workbook's Excel formulas must reproduce.
"""

from __future__ import annotations

from collections.abc import Collection
from collections.abc import Mapping as MappingABC
from pathlib import Path

from curriculum import LANGUAGES
from curriculum.factors import Factor
from curriculum.formula import FormulaError, parse
from curriculum.model import Text
from curriculum.pagesource import PageSource, pages_calling
from curriculum.problems import Problem, did_you_mean
from curriculum.reader import FieldReader
from curriculum.worksheet_model import (
    FIELD_TYPES,
    FOLDER,
    HEADER_FIELDS,
    MAX_ROWS,
    NAME,
    ORIENTATIONS,
    Choice,
    Field,
    Section,
    Value,
    Worksheet,
    dependency_cycles,
)
from curriculum.yamlload import LineMapping, LineSequence, load_yaml_file


def load_worksheets(root: Path, factors: MappingABC[str, Factor], problems: list[Problem],
                    broken: Collection[str] = ()) -> dict[str, Worksheet]:
    """Every worksheet; a factor in `broken` (named in data/factors.yml but failed to load) is
    reported there, not again by each formula that uses it."""
    result: dict[str, Worksheet] = {}
    for path in sorted((root / FOLDER).glob("*.y*ml")):
        relative = path.relative_to(root).as_posix()
        reader = FieldReader(relative, problems)
        data, found = load_yaml_file(path, relative)
        problems += found
        data = reader.mapping(data, 1, "file") if data is not None else None
        if data is None:
            continue
        sheet = _worksheet(reader, data, path.stem, factors, broken)
        if sheet:
            result[sheet.id] = sheet
    return result


def _worksheet(reader: FieldReader, data: LineMapping, stem: str, factors: MappingABC[str, Factor],
               broken: Collection[str]) -> Worksheet | None:
    reader.unknown_keys(data, {"id", "title", "purpose", "orientation", "header", "instructions", "sections"}, "")
    sheet_id = reader.identifier(data, "id", "id")
    if sheet_id and sheet_id != stem:
        reader.fail(data.line_of("id"), "id", f"'{sheet_id}' must equal the file name '{stem}' (rename one of them)")
    title = reader.text(data, "title", "title")
    purpose = reader.text(data, "purpose", "purpose")
    orientation = reader.string(data, "orientation", "orientation", required=False) or "portrait"
    if orientation not in ORIENTATIONS:
        reader.fail(data.line_of("orientation"), "orientation", f"unknown orientation '{orientation}'; use portrait or landscape")
    header = reader.ids(data, "header", "header")
    header_list = data.get("header")
    for index, name in enumerate(header):
        if name not in HEADER_FIELDS:
            line = header_list.line_of(index) if isinstance(header_list, LineSequence) else data.line_of("header")
            reader.fail(line, "header", f"unknown header field '{name}'{did_you_mean(name, HEADER_FIELDS)}")
    instructions = []
    steps = reader.sequence(data, "instructions", "instructions")
    for index, step in enumerate(steps):
        holder = LineMapping({"step": step})
        holder.line, holder.key_lines = steps.line_of(index), {"step": steps.line_of(index)}
        instructions.append(reader.text(holder, "step", "instructions"))
    ids: dict[str, int] = {}  # field ids, unique across the sections
    entries = reader.sequence(data, "sections", "sections")
    sections = reader.entries(entries, "sections", lambda entry: _section(reader, entry, ids), lambda section: section.id)
    if not entries and isinstance(data.get("sections"), list):  # missing or not a list: reported as such
        reader.fail(data.line_of("sections"), "sections", "a worksheet needs at least one section")
    _check_formulas(reader, sections, entries, factors, broken)
    _check_cycles(reader, sections, entries)
    if sheet_id and title and purpose and sections:
        return Worksheet(sheet_id, title, purpose, orientation, header, tuple(instructions), tuple(sections), line=data.line)
    return None


def _section(reader: FieldReader, entry: LineMapping, ids: dict[str, int]) -> Section | None:
    reader.unknown_keys(entry, {"id", "title", "note", "fields", "columns", "rows", "example"}, "sections")
    section_id = reader.identifier(entry, "id", "sections.id")
    title = reader.text(entry, "title", "sections.title")
    note = reader.text(entry, "note", "sections.note", required=False)
    if ("fields" in entry) == ("columns" in entry):
        reader.fail(entry.line, "sections", "give a section either 'fields' (one value each) or 'columns' (a table), not both or neither")
        return None
    if "fields" in entry:
        if "rows" in entry or "example" in entry:
            reader.fail(entry.line_of("rows" if "rows" in entry else "example"), "sections", "'rows' and 'example' belong to a table (give each field its own 'example')")
        fields = _fields(reader, entry, "fields", ids, table=False)
        return Section(section_id or "", title, note, fields=fields) if section_id else None
    columns = _fields(reader, entry, "columns", ids, table=True)
    rows = reader.integer(entry, "rows", "sections.rows") or 1
    if rows > MAX_ROWS:
        reader.fail(entry.line_of("rows"), "sections.rows", f"{rows} rows; at most {MAX_ROWS}")
    example = entry.get("example")
    if not isinstance(example, LineMapping):
        reader.fail(entry.line_of("example"), "sections.example", "missing (add an example row: 'example:' with a value per input column, labelled illustrative on the sheet)")
        example = LineMapping()
        example.line, example.key_lines = entry.line, {}
    by_id = {c.id: c for c in columns}
    filled: list[Field] = []
    for key in example:
        column = by_id.get(str(key))
        if column is None:
            reader.fail(example.line_of(key), "sections.example", f"'{key}' is no column of this table{did_you_mean(str(key), by_id)}")
        elif column.computed:
            reader.fail(example.line_of(key), "sections.example", f"'{key}' is computed by its formula; leave it out of the example")
    for column in columns:
        value = _example_value(reader, example, column.id, column) if column.id in example else None
        filled.append(_with_example(column, value))
    return Section(section_id or "", title, note, columns=tuple(filled), rows=rows) if section_id else None


def _fields(reader: FieldReader, entry: LineMapping, key: str, ids: dict[str, int], table: bool) -> tuple[Field, ...]:
    result = []
    items = reader.sequence(entry, key, f"sections.{key}")
    allowed = {"id", "label", "type", "unit", "choices", "formula", "example", "lines", "width", "total"}
    for index, item in enumerate(items):
        spec = reader.mapping(item, items.line_of(index), f"sections.{key}[{index}]")
        if spec is None:
            continue
        reader.unknown_keys(spec, allowed if table else allowed - {"total", "width"}, f"sections.{key}")
        field_id = reader.string(spec, "id", f"sections.{key}.id")
        if field_id and not NAME.match(field_id):
            reader.fail(spec.line_of("id"), f"sections.{key}.id", f"'{field_id}' is not a valid name (lowercase letters, digits and _; a formula names it)")
            field_id = None
        if field_id:
            reader.unique(ids, field_id, spec.line_of("id"), f"sections.{key}.id")
        label = reader.text(spec, "label", f"sections.{key}.label")
        formula = None
        if "formula" in spec:
            try:
                formula = parse(str(spec["formula"]))
            except FormulaError as error:
                reader.fail(spec.line_of("formula"), f"sections.{key}.formula", str(error))
        kind = "number" if formula else reader.string(spec, "type", f"sections.{key}.type")
        if formula and "type" in spec and spec["type"] != "number":
            reader.fail(spec.line_of("type"), f"sections.{key}.type", "a computed field is a number (remove 'type' or make it number)")
        if kind and kind not in FIELD_TYPES:
            reader.fail(spec.line_of("type"), f"sections.{key}.type", f"unknown field type '{kind}'{did_you_mean(kind, FIELD_TYPES)}; use one of: {', '.join(FIELD_TYPES)}")
            kind = None
        unit = _unit(reader, spec, key)
        choices = _choices(reader, spec, key) if kind == "choice" else ()
        if kind != "choice" and "choices" in spec:
            reader.fail(spec.line_of("choices"), f"sections.{key}.choices", "only a field of type choice has choices")
        lines = reader.integer(spec, "lines", f"sections.{key}.lines", required=False) or 1
        width = reader.integer(spec, "width", f"sections.{key}.width", required=False) or 1
        total = spec.get("total", False) is True
        if total and kind != "number":
            reader.fail(spec.line_of("total"), f"sections.{key}.total", "only a number column has a total")
        if field_id and kind and label:
            made = Field(field_id, label, kind, unit, choices, formula, None, lines, width, total)
            if not table:
                if "example" in spec and formula:
                    reader.fail(spec.line_of("example"), f"sections.{key}.example", f"'{field_id}' is computed by its formula; leave out its example")
                elif "example" in spec:
                    made = _with_example(made, _example_value(reader, spec, "example", made))
            result.append(made)
    return tuple(result)


def _unit(reader: FieldReader, spec: LineMapping, key: str) -> Text:
    unit = spec.get("unit")
    if unit is None:
        return {}
    if isinstance(unit, str):
        return {"en": unit, "sv": unit}
    return reader.text(spec, "unit", f"sections.{key}.unit")


def _choices(reader: FieldReader, spec: LineMapping, key: str) -> tuple[Choice, ...]:
    result = []
    for entry in _mappings(reader, spec, "choices", f"sections.{key}.choices"):
        choice_id = reader.identifier(entry, "id", f"sections.{key}.choices.id")
        text = reader.text(entry, "text", f"sections.{key}.choices.text")
        if choice_id and text:
            result.append(Choice(choice_id, text))
    if len(result) < 2:
        reader.fail(spec.line_of("choices"), f"sections.{key}.choices", "a choice field needs at least two choices")
    return tuple(result)


def _mappings(reader: FieldReader, parent: LineMapping, key: str, name: str) -> list[LineMapping]:
    items = reader.sequence(parent, key, name)
    return [m for index, item in enumerate(items) if (m := reader.mapping(item, items.line_of(index), name)) is not None]


def _example_value(reader: FieldReader, holder: LineMapping, key: str, item: Field) -> Value:
    value = holder.get(key)
    line, name = holder.line_of(key), f"example.{item.id}"
    if item.type == "number":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        reader.fail(line, name, f"expected a number, found {value!r}")
        return None
    if item.type == "choice":
        if value in {c.id for c in item.choices}:
            return str(value)
        reader.fail(line, name, f"unknown choice {value!r}{did_you_mean(str(value), [c.id for c in item.choices])}")
        return None
    if item.type == "date":
        return str(value)
    if isinstance(value, LineMapping):
        return reader.text(holder, key, name)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return {lang: str(value) for lang in LANGUAGES}  # the same in every language, e.g. 'kWh'
    reader.fail(line, name, "expected a text per language ({en: …, sv: …})")
    return None


def _with_example(item: Field, value: Value) -> Field:
    return Field(item.id, item.label, item.type, item.unit, item.choices, item.formula, value, item.lines, item.width, item.total)


def _check_formulas(reader: FieldReader, sections: list[Section], entries: LineSequence, factors: MappingABC[str, Factor],
                    broken: Collection[str]) -> None:
    """Each name a formula reads exists where it may: a column of the same table, or a field."""
    columns = {c.id for s in sections for c in s.columns}
    number_fields = {f.id for s in sections for f in s.fields if f.type == "number"}
    for index, section in enumerate(sections):
        entry = entries[index] if index < len(entries) and isinstance(entries[index], LineMapping) else None
        own = {c.id for c in section.columns}
        for item in (*section.columns, *section.fields):
            if item.formula is None:
                continue
            line = _formula_line(entry, item.id)
            where = "sections.columns.formula" if section.is_table else "sections.fields.formula"
            text = item.formula.text
            for name in item.formula.names:
                if section.is_table and name not in own:
                    reader.fail(line, where, f"'{text}' names '{name}', which is no column of this table{did_you_mean(name, own)}")
                elif not section.is_table and name not in number_fields:
                    reader.fail(line, where, f"'{text}' names '{name}', which is no number field of this worksheet{did_you_mean(name, number_fields)}")
            for name in item.formula.sums:
                if section.is_table:
                    reader.fail(line, where, f"'{text}': sum() belongs in a field formula, not in a column (mark the column 'total: true')")
                elif name not in columns:
                    reader.fail(line, where, f"'{text}' sums '{name}', which is no table column of this worksheet{did_you_mean(name, columns)}")
            for key in item.formula.factors:
                if key not in factors and key not in broken:
                    reader.fail(line, where, f"'{text}': factor('{key}') is not in data/factors.yml{did_you_mean(key, factors)}")


def _check_cycles(reader: FieldReader, sections: list[Section], entries: LineSequence) -> None:
    """A computed value may not depend on itself, directly or through other computed values."""
    section_of = {item.id: index for index, section in enumerate(sections) for item in (*section.fields, *section.columns)}
    for cycle in dependency_cycles(sections):
        index = section_of[cycle[0]]
        entry = entries[index] if index < len(entries) and isinstance(entries[index], LineMapping) else None
        reader.fail(_formula_line(entry, cycle[0]), "sections.formula", f"'{cycle[0]}' depends on itself: {' -> '.join(cycle)} (break the cycle)")


def _formula_line(entry: LineMapping | None, field_id: str) -> int:
    if entry is None:
        return 1
    for key in ("columns", "fields"):
        items = entry.get(key)
        if isinstance(items, LineSequence):
            for item in items:
                if isinstance(item, LineMapping) and item.get("id") == field_id:
                    return item.line_of("formula")
    return entry.line


def check_worksheet_use(worksheets: MappingABC[str, Worksheet], pages: list[PageSource], problems: list[Problem]) -> dict[str, list[str]]:
    """Which English pages call worksheet() for each worksheet; a worksheet no page shows fails."""
    calling = pages_calling(pages, "worksheet")
    users = {sheet_id: calling.get(sheet_id, []) for sheet_id in worksheets}
    for sheet_id, keys in users.items():
        if not keys:
            FieldReader(f"{FOLDER}/{sheet_id}.yml", problems).fail(
                worksheets[sheet_id].line or 1, "id",
                f"worksheet '{sheet_id}' is shown by no page (call {{{{ worksheet(\"{sheet_id}\") }}}} in the guide that uses it, or remove it)")
    return users
