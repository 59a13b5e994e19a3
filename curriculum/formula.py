"""The worksheets' formula language, its Python reference evaluator and its Excel translation.

A formula is arithmetic (+ - * / and brackets) on numbers and names, plus two functions:

    kwh_per_year = kw * hours_per_week * weeks_per_year
    kg_co2e      = kwh * factor('electricity-nordic-location')   # a factor of data/factors.yml
    total_kg     = sum(kg_co2e)                                   # a table column, summed

In a table column a name is another column of the same row; in a field a name is another field
of the sheet, and `sum(column)` is a table column's total. A blank input counts as 0, as in a
spreadsheet. Parsing uses Python's own parser and accepts only the nodes above.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass

_OPERATORS: dict[type, tuple[str, Callable[[float, float], float]]] = {
    ast.Add: ("+", lambda a, b: a + b),
    ast.Sub: ("-", lambda a, b: a - b),
    ast.Mult: ("*", lambda a, b: a * b),
    ast.Div: ("/", lambda a, b: a / b),
}


class FormulaError(ValueError):
    """A formula that is not in the language; the message says what is wrong."""


@dataclass(frozen=True)
class Formula:
    text: str
    tree: ast.expr

    @property
    def names(self) -> list[str]:
        """The field or column names it reads, in order of appearance, without those inside sum()."""
        calls = [node for node in _in_text_order(self.tree) if _call(node)]
        skip = {id(node.func) for node in calls} | {id(node.args[0]) for node in calls if _call(node) == "sum"}  # type: ignore[attr-defined]
        return _unique(node.id for node in _in_text_order(self.tree) if isinstance(node, ast.Name) and id(node) not in skip)

    @property
    def factors(self) -> list[str]:
        return _unique(node.args[0].value for node in _in_text_order(self.tree) if _call(node) == "factor")  # type: ignore[attr-defined]

    @property
    def sums(self) -> list[str]:
        return _unique(node.args[0].id for node in _in_text_order(self.tree) if _call(node) == "sum")  # type: ignore[attr-defined]


def parse(text: str) -> Formula:
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError:
        raise FormulaError(f"'{text}' is not a formula (write arithmetic such as 'kw * hours')") from None
    for node in ast.walk(tree):
        _check_node(node, text)
    return Formula(text.strip(), tree)


def _check_node(node: ast.AST, text: str) -> None:
    if isinstance(node, ast.BinOp):
        if type(node.op) not in _OPERATORS:
            raise FormulaError(f"'{text}': only + - * / are allowed")
    elif isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, ast.USub):
            raise FormulaError(f"'{text}': only + - * / are allowed")
    elif isinstance(node, ast.Constant):
        if not isinstance(node.value, int | float | str) or isinstance(node.value, bool):
            raise FormulaError(f"'{text}': {node.value!r} is not a number")
    elif isinstance(node, ast.Call):
        name = _call(node)
        if name == "factor":
            if len(node.args) != 1 or not isinstance(node.args[0], ast.Constant) or not isinstance(node.args[0].value, str) or node.keywords:
                raise FormulaError(f"'{text}': write factor('key') with the key of a factor in quotes")
        elif name == "sum":
            if len(node.args) != 1 or not isinstance(node.args[0], ast.Name) or node.keywords:
                raise FormulaError(f"'{text}': write sum(column) with the id of a table column")
        else:
            raise FormulaError(f"'{text}': unknown function (only factor('key') and sum(column))")
    elif not isinstance(node, ast.Name | ast.Load | ast.expr_context | ast.operator | ast.unaryop):
        raise FormulaError(f"'{text}': only numbers, names, + - * /, brackets, factor() and sum() are allowed")


def evaluate(formula: Formula, values: Mapping[str, float | None], factors: Mapping[str, float],
             sums: Mapping[str, float] | None = None) -> float | None:
    """The reference value: blanks count as 0; a division by zero gives None (a blank cell)."""
    def walk(node: ast.expr) -> float:
        if isinstance(node, ast.Constant):
            return float(node.value)
        if isinstance(node, ast.Name):
            value = values.get(node.id)
            return float(value) if value is not None else 0.0
        if isinstance(node, ast.UnaryOp):
            return -walk(node.operand)
        if isinstance(node, ast.BinOp):
            return _OPERATORS[type(node.op)][1](walk(node.left), walk(node.right))
        if _call(node) == "factor":
            return factors[node.args[0].value]  # type: ignore[attr-defined]
        return (sums or {})[node.args[0].id]  # type: ignore[attr-defined]

    try:
        return walk(formula.tree)
    except ZeroDivisionError:
        return None


_EXCEL = {"+": "+", "-": "-", "*": "*", "/": "/"}
_WORDS = {"+": " + ", "-": " − ", "*": " × ", "/": " ÷ "}


def to_excel(formula: Formula, cell: Callable[[str], str], factor_cell: Callable[[str], str],
             column_range: Callable[[str], str] | None = None) -> str:
    """The formula as Excel writes it, without the leading '='."""
    return _write(formula, cell, factor_cell, lambda name: f"SUM({column_range(name)})" if column_range else "", _EXCEL)


def to_words(formula: Formula, name: Callable[[str], str], factor: Callable[[str], str],
             total: Callable[[str], str]) -> str:
    """The formula for a reader: 'Power (times) Hours per year (times) Electricity factor'."""
    return _write(formula, name, factor, total, _WORDS)


def _write(formula: Formula, cell: Callable[[str], str], factor_cell: Callable[[str], str],
           total: Callable[[str], str], symbols: dict[str, str]) -> str:
    def walk(node: ast.expr, parent: int = 0) -> str:
        if isinstance(node, ast.Constant):
            return repr(node.value) if isinstance(node.value, float) else str(node.value)
        if isinstance(node, ast.Name):
            return cell(node.id)
        if isinstance(node, ast.UnaryOp):
            return f"-{walk(node.operand, 3)}"
        if isinstance(node, ast.BinOp):
            symbol = _OPERATORS[type(node.op)][0]
            rank = 1 if symbol in "+-" else 2
            # The right operand of - and / needs its brackets even at the same rank.
            right_rank = rank + 1 if symbol in "-/" else rank
            text = f"{walk(node.left, rank)}{symbols[symbol]}{walk(node.right, right_rank)}"
            return f"({text})" if rank < parent else text
        if _call(node) == "factor":
            return factor_cell(node.args[0].value)  # type: ignore[attr-defined]
        return total(node.args[0].id)  # type: ignore[attr-defined]

    return walk(formula.tree)


def _in_text_order(tree: ast.expr) -> list[ast.AST]:
    return sorted((node for node in ast.walk(tree) if hasattr(node, "col_offset")), key=lambda n: (n.lineno, n.col_offset))  # type: ignore[attr-defined]


def _call(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id
    return None


def _unique(items) -> list:
    return list(dict.fromkeys(items))
