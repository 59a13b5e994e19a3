"""A calculator page's tool: the form, the results table, the formula, the factors with their
source and year, the assumptions, and the data block its script reads. Pure: model -> HTML."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from curriculum import layout
from curriculum.calculators import Calculator
from curriculum.worksheet_render import factor_value

if TYPE_CHECKING:
    from curriculum.render import Renderer

_MESSAGES = ("error_number", "error_required", "error_negative", "error_max", "error_pair",
             "error_supplier", "status_errors", "status_missing", "status_ok", "csv_wait", "printed", "input", "result",
             "value", "unit", "share")


def calculator(renderer: Renderer, calculator_id: str) -> str:
    tool: Calculator = renderer._get(renderer.curriculum.calculators, "calculator", calculator_id)
    lang = renderer.lang
    factors = [renderer.curriculum.factors[key] for key in tool.factors]
    data = {
        "id": tool.id,
        "lang": lang,
        "inputs": [{"id": item.id, "label": item.label[lang], "unit": item.unit.get(lang, ""),
                    "required": item.required, "max": item.max,
                    "default": renderer.curriculum.factors[item.factor].value if item.factor else None,
                    "choices": [choice.id for choice in item.choices]} for item in tool.inputs],
        "results": [{"id": result.id, "label": result.label[lang], "unit": result.unit[lang],
                     "digits": result.digits, "share": result.share} for result in tool.results],
        "factors": {factor.key: factor.value for factor in factors},
        "messages": {name: renderer.label(f"calc_{name}") for name in _MESSAGES},
    }
    return renderer._template(
        "calculator.html.j2", tool=tool, factors=factors,
        factor_value=lambda factor: factor_value(factor, lang),
        cite=lambda factor: renderer.cite(factor.source),
        example_query="?" + urlencode(tool.example) if tool.example else "",
        data=json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/"),
        scripts=[renderer.links.asset(script) for script in layout.CALCULATOR_SCRIPTS],
    )
