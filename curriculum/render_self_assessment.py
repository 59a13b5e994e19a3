"""The self-assessment page's tool: the questions, the profile (drawn by its script as inline SVG,
with the same figures as a table), the recommended first sequence and the rules as text. Pure."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from curriculum import layout
from curriculum.render_learner import recommended_order

if TYPE_CHECKING:
    from curriculum.render import Renderer

_MESSAGES = ("answered", "total", "updated")


def self_assessment(renderer: Renderer) -> str:
    assessment = renderer.curriculum.self_assessment
    if assessment is None:
        raise LookupError("there is no data/self-assessment.yml")
    lang = renderer.lang
    modules = recommended_order(renderer.curriculum.modules.values(), renderer.nav, lang)
    areas = {area.id: area for area in assessment.areas}
    data = {
        "areas": [{"id": area.id, "label": area.label[lang]} for area in assessment.areas],
        "questions": [{"id": question.id, "area": question.area, "weights": [answer.weight for answer in question.answers]}
                      for question in assessment.questions],
        "rules": [{"area": rule.area, "below": rule.below, "modules": list(rule.modules), "because": rule.because[lang]}
                  for rule in assessment.rules],
        "always": list(assessment.always),
        "modules": {module.id: {"title": module.title[lang], "href": renderer.page_href(module),
                                "minutes": module.duration_minutes, "duration": renderer.duration(module.duration_minutes),
                                "position": index} for index, module in enumerate(modules)},
        "lang": lang,
        "messages": {name: renderer.label(f"assessment_{name}") for name in _MESSAGES},
    }
    return renderer._template(
        "self_assessment.html.j2", assessment=assessment, areas=areas,
        module_link=lambda module_id: renderer.module_link(module_id),
        data=json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/"),
        script=renderer.links.asset(layout.SELF_ASSESSMENT_SCRIPT),
    )
