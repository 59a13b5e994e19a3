"""The one assessment rubric of the coach certification: load and validate `data/rubric.yml`.

Every criterion has an observable indicator for every level, in every language; the levels say
what each leads to. The portfolio page, the observed-module unit and the assessment unit render
it with the `rubric()` macro, so they cannot disagree.
"""

from __future__ import annotations

from pathlib import Path

from curriculum.model import Rubric, RubricCriterion, RubricLevel, Text
from curriculum.problems import Problem
from curriculum.reader import FieldReader, open_data_file
from curriculum.yamlload import LineMapping

RUBRIC_FILE = "data/rubric.yml"
LEVELS = ("not-yet", "meets", "strong")  # in rising order; the pages explain them in this order


def load_rubric(root: Path, problems: list[Problem]) -> Rubric | None:
    """The rubric, or None when the file is missing (a project without coach training)."""
    opened = open_data_file(root, RUBRIC_FILE, {"levels", "criteria"}, problems)
    if opened is None:
        return None
    reader, top = opened
    levels = _levels(reader, top)
    criteria = _criteria(reader, top)
    if not any(c.must_pass for c in criteria) and criteria:
        reader.fail(top.line_of("criteria"), "criteria", "no criterion is must-pass (mark contracting, safety and ethics with 'must_pass: true')")
    return Rubric(levels, criteria)


def _items(reader: FieldReader, parent: LineMapping, key: str) -> list[LineMapping]:
    items = reader.sequence(parent, key, key)
    found = [reader.mapping(item, items.line_of(i), f"{key}[{i}]") for i, item in enumerate(items)]
    return [item for item in found if item is not None]


def _levels(reader: FieldReader, top: LineMapping) -> tuple[RubricLevel, ...]:
    levels: list[RubricLevel] = []
    for entry in _items(reader, top, "levels"):
        reader.unknown_keys(entry, {"id", "label", "leads_to"}, "levels")
        level_id = reader.identifier(entry, "id", "levels.id")
        if level_id and level_id not in LEVELS:
            reader.fail(entry.line_of("id"), "levels.id", f"unknown level '{level_id}' (the levels are: {', '.join(LEVELS)})")
            continue
        label = reader.text(entry, "label", "levels.label")
        leads_to = reader.text(entry, "leads_to", "levels.leads_to")
        if level_id:
            levels.append(RubricLevel(level_id, label, leads_to))
    ids = [level.id for level in levels]
    if ids != list(LEVELS) and "levels" in top:
        reader.fail(top.line_of("levels"), "levels", f"the levels must be {', '.join(LEVELS)} in this order, found {', '.join(ids) or 'none'}")
    return tuple(levels)


def _criteria(reader: FieldReader, top: LineMapping) -> tuple[RubricCriterion, ...]:
    criteria: list[RubricCriterion] = []
    seen: dict[str, int] = {}
    for entry in _items(reader, top, "criteria"):
        reader.unknown_keys(entry, {"id", "title", "must_pass", "indicators"}, "criteria")
        criterion_id = reader.identifier(entry, "id", "criteria.id")
        title = reader.text(entry, "title", "criteria.title")
        must_pass = entry.get("must_pass", False)
        if not isinstance(must_pass, bool):
            reader.fail(entry.line_of("must_pass"), "criteria.must_pass", f"expected true or false, found {must_pass!r}")
            must_pass = False
        indicators = _indicators(reader, entry, criterion_id or "?")
        if criterion_id:
            reader.unique(seen, criterion_id, entry.line_of("id"), "criteria.id")
            criteria.append(RubricCriterion(criterion_id, title, must_pass, indicators, line=entry.line))
    return tuple(criteria)


def _indicators(reader: FieldReader, entry: LineMapping, criterion_id: str) -> dict[str, Text]:
    value = entry.get("indicators")
    if value is None:
        reader.fail(entry.line, "criteria.indicators", f"criterion '{criterion_id}' has no indicators (add one per level: {', '.join(LEVELS)})")
        return {}
    indicators = reader.mapping(value, entry.line_of("indicators"), "criteria.indicators")
    if indicators is None:
        return {}
    for extra in set(indicators) - set(LEVELS):
        reader.fail(indicators.line_of(extra), f"criteria.indicators.{extra}", f"unknown level (the levels are: {', '.join(LEVELS)})")
    result: dict[str, Text] = {}
    for level in LEVELS:
        if level not in indicators:
            reader.fail(entry.line_of("indicators"), "criteria.indicators", f"criterion '{criterion_id}' has no indicator for '{level}' (say what an assessor sees at that level)")
            continue
        result[level] = reader.text(indicators, level, f"criteria.indicators.{level}")
    return result
