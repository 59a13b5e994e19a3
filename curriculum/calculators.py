"""The calculators (`data/calculators.yml`): inputs, results, formula, factors and assumptions.

The browser computes (docs/assets/javascripts/calculators/); this module checks the data and
hands the factors' values to the page, so a calculator uses the same factors as the worksheets.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from curriculum import LANGUAGES
from curriculum.factors import Factor
from curriculum.model import Text
from curriculum.problems import Problem, did_you_mean
from curriculum.reader import FieldReader, open_data_file
from curriculum.yamlload import LineMapping

CALCULATORS_FILE = "data/calculators.yml"
_CALCULATOR_FIELDS = {"id", "groups", "factors", "results", "formula", "assumptions", "example"}
_INPUT_FIELDS = {"id", "label", "unit", "help", "required", "max", "factor", "choices"}
_RESULT_FIELDS = {"id", "label", "unit", "digits", "share"}


@dataclass(frozen=True)
class Choice:
    id: str
    label: Text


@dataclass(frozen=True)
class CalculatorInput:
    id: str  # also its name in the page address
    label: Text
    unit: Text = field(default_factory=dict)
    help: Text = field(default_factory=dict)
    required: bool = True
    max: float | None = None
    factor: str | None = None  # starts from this factor's value
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class InputGroup:
    title: Text
    inputs: tuple[CalculatorInput, ...]


@dataclass(frozen=True)
class CalculatorResult:
    id: str
    label: Text
    unit: Text
    digits: int = 0
    share: bool = False  # also show its share of the total


@dataclass(frozen=True)
class Calculator:
    id: str
    groups: tuple[InputGroup, ...]
    results: tuple[CalculatorResult, ...]
    factors: tuple[str, ...]  # every factor it uses: fixed ones, then those inputs start from
    formula: Text
    assumptions: tuple[Text, ...]
    example: dict[str, object]
    line: int = 0

    @property
    def inputs(self) -> tuple[CalculatorInput, ...]:
        return tuple(item for group in self.groups for item in group.inputs)


def load_calculators(root: Path, factors: dict[str, Factor], problems: list[Problem],
                     broken: Collection[str] = ()) -> dict[str, Calculator]:
    """The calculators; a factor in `broken` (named in data/factors.yml but failed to load) is
    reported there, not again by each calculator that uses it."""
    opened = open_data_file(root, CALCULATORS_FILE, {"calculators"}, problems)
    if opened is None:
        return {}
    reader, data = opened
    made = reader.entries(reader.sequence(data, "calculators", "calculators"), "calculators",
                          lambda entry: _calculator(reader, entry, factors, broken), lambda calculator: calculator.id)
    return {calculator.id: calculator for calculator in made}


def _calculator(reader: FieldReader, entry: LineMapping, factors: dict[str, Factor], broken: Collection[str]) -> Calculator | None:
    reader.unknown_keys(entry, _CALCULATOR_FIELDS, "calculators")
    calculator_id = reader.identifier(entry, "id", "calculators.id")
    groups = []
    lines: list[tuple[str, int]] = []
    groups_list = reader.sequence(entry, "groups", "calculators.groups")
    for index, item in enumerate(groups_list):
        group = reader.mapping(item, groups_list.line_of(index), "calculators.groups")
        if group is not None:
            reader.unknown_keys(group, {"title", "inputs"}, "calculators.groups")
            inputs_list = reader.sequence(group, "inputs", "calculators.inputs")
            inputs = [_input(reader, inputs_list.line_of(number), value, factors, broken) for number, value in enumerate(inputs_list)]
            lines += [(made.id, inputs_list.line_of(number)) for number, made in enumerate(inputs) if made]
            groups.append(InputGroup(reader.text(group, "title", "calculators.groups.title"),
                                     tuple(made for made in inputs if made)))
    input_ids = _unique_ids(reader, lines, "calculators.inputs.id")
    results_list = reader.sequence(entry, "results", "calculators.results")
    results = [_result(reader, results_list.line_of(index), value) for index, value in enumerate(results_list)]
    _unique_ids(reader, [(made.id, results_list.line_of(index)) for index, made in enumerate(results) if made], "calculators.results.id")
    fixed = reader.ids(entry, "factors", "calculators.factors", required=False)
    for index, key in enumerate(fixed):
        _known_factor(reader, key, entry["factors"].line_of(index), "calculators.factors", factors, broken)
    from_inputs = tuple(item.factor for group in groups for item in group.inputs if item.factor)
    formula = reader.text(entry, "formula", "calculators.formula")
    assumptions_list = reader.sequence(entry, "assumptions", "calculators.assumptions")
    assumptions = []
    for index, item in enumerate(assumptions_list):
        assumption = reader.mapping(item, assumptions_list.line_of(index), "calculators.assumptions")
        if assumption is not None:
            assumptions.append(_text_of(reader, assumption, "calculators.assumptions"))
    example = _example(reader, entry, {item.id: item for group in groups for item in group.inputs})
    if calculator_id and groups and input_ids is not None and results and all(results) and formula:
        return Calculator(calculator_id, tuple(groups), tuple(made for made in results if made),
                          tuple(dict.fromkeys((*fixed, *from_inputs))), formula, tuple(assumptions), example,
                          line=entry.line)
    return None


def _input(reader: FieldReader, line: int, value: object, factors: dict[str, Factor], broken: Collection[str]) -> CalculatorInput | None:
    entry = reader.mapping(value, line, "calculators.inputs")
    if entry is None:
        return None
    reader.unknown_keys(entry, _INPUT_FIELDS, "calculators.inputs")
    input_id = reader.identifier(entry, "id", "calculators.inputs.id")
    label = reader.text(entry, "label", "calculators.inputs.label")
    choices: list[Choice] = []
    if "choices" in entry:
        options = reader.sequence(entry, "choices", "calculators.inputs.choices")
        for index, item in enumerate(options):
            option = reader.mapping(item, options.line_of(index), "calculators.inputs.choices")
            if option is not None:
                reader.unknown_keys(option, {"id", "label"}, "calculators.inputs.choices")
                choice_id = reader.identifier(option, "id", "calculators.inputs.choices.id")
                choice_label = reader.text(option, "label", "calculators.inputs.choices.label")
                if choice_id and choice_label:
                    choices.append(Choice(choice_id, choice_label))
        if len(choices) < 2:
            reader.fail(entry.line_of("choices"), "calculators.inputs.choices", "a choice needs at least two options")
    unit = _unit(reader, entry, "calculators.inputs.unit", required=not choices)
    help_text = reader.text(entry, "help", "calculators.inputs.help", required=False)
    required = reader.flag(entry, "required", "calculators.inputs.required", default=True)
    maximum = reader.number(entry, "max", "calculators.inputs.max") if "max" in entry else None
    factor = entry.get("factor")
    if factor is not None and not _known_factor(reader, factor, entry.line_of("factor"), "calculators.inputs.factor", factors, broken):
        factor = None
    if factor is not None and "unit" in entry and any(text != factors[factor].unit for text in unit.values()):
        # The field starts at the factor's value, so it must say the unit the factor's source gives.
        reader.fail(entry.line_of("unit"), "calculators.inputs.unit",
                    f"'{next(iter(unit.values()))}' is not the unit of factor '{factor}' "
                    f"(use '{factors[factor].unit}', as in data/factors.yml)")
    if input_id and label:
        return CalculatorInput(input_id, label, unit, help_text, required, maximum, factor, tuple(choices))
    return None


def _result(reader: FieldReader, line: int, value: object) -> CalculatorResult | None:
    entry = reader.mapping(value, line, "calculators.results")
    if entry is None:
        return None
    reader.unknown_keys(entry, _RESULT_FIELDS, "calculators.results")
    result_id = reader.identifier(entry, "id", "calculators.results.id")
    label = reader.text(entry, "label", "calculators.results.label")
    unit = _unit(reader, entry, "calculators.results.unit", required=True)
    digits = entry.get("digits", 0)
    if not isinstance(digits, int) or isinstance(digits, bool) or not 0 <= digits <= 6:
        reader.fail(entry.line_of("digits"), "calculators.results.digits", f"expected a whole number of decimals from 0 to 6, found {digits!r}")
        digits = 0
    share = reader.flag(entry, "share", "calculators.results.share", default=False)
    if result_id and label and unit:
        return CalculatorResult(result_id, label, unit, digits, share)
    return None


def _unit(reader: FieldReader, entry: LineMapping, field_name: str, required: bool) -> Text:
    """A unit is the same text in every language ('kW') or a text per language ('h/year')."""
    value = entry.get("unit")
    if isinstance(value, str) and value.strip():
        return {lang: value.strip() for lang in LANGUAGES}
    if value is None and not required:
        return {}
    return reader.text(entry, "unit", field_name)


def _text_of(reader: FieldReader, mapping: LineMapping, field_name: str) -> Text:
    """A list item that is itself a text per language."""
    holder = LineMapping({"text": mapping})
    holder.line, holder.key_lines = mapping.line, {"text": mapping.line}
    return reader.text(holder, "text", field_name)


def _known_factor(reader: FieldReader, key: object, line: int, field_name: str, factors: dict[str, Factor],
                  broken: Collection[str]) -> bool:
    if isinstance(key, str) and key in factors:
        return True
    if key in broken:
        return False  # its entry's own problem is the cause
    reader.fail(line, field_name, f"unknown factor '{key}'{did_you_mean(str(key), factors)} (add it to data/factors.yml or use one of its keys)")
    return False


def _unique_ids(reader: FieldReader, ids: list[tuple[str, int]], field_name: str) -> set[str] | None:
    seen: dict[str, int] = {}
    clean = True
    for value, line in ids:
        if value in seen:
            reader.fail(line, field_name, f"'{value}' is used twice in one calculator; ids must be unique")
            clean = False
        seen[value] = line
    return set(seen) if clean else None


def _example(reader: FieldReader, entry: LineMapping, inputs: dict[str, CalculatorInput]) -> dict[str, object]:
    value = entry.get("example")
    if value is None:
        return {}
    example = reader.mapping(value, entry.line_of("example"), "calculators.example")
    if example is None:
        return {}
    result: dict[str, object] = {}
    for key, given in example.items():
        line = example.line_of(key)
        target = inputs.get(key)
        if target is None:
            reader.fail(line, "calculators.example", f"'{key}' is not an input of this calculator{did_you_mean(str(key), inputs)}")
        elif target.choices and given not in {choice.id for choice in target.choices}:
            reader.fail(line, "calculators.example", f"'{given}' is not a choice of '{key}' (use {', '.join(choice.id for choice in target.choices)})")
        elif not target.choices and (not isinstance(given, int | float) or isinstance(given, bool) or given < 0):
            reader.fail(line, "calculators.example", f"'{key}' needs a number of 0 or more, found {given!r}")
        else:
            result[str(key)] = given
    return result
