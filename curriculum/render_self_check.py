"""Self-checks on the page: a unit's questions with instant feedback, and on the progress page the
list of units with their self-check state. Pure: model -> HTML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from curriculum import layout
from curriculum.model import Unit

if TYPE_CHECKING:
    from curriculum.render import Renderer


def self_check(renderer: Renderer, unit: Unit) -> str:
    check = renderer.curriculum.self_checks.get(unit.id)
    if check is None:
        raise LookupError(f"unit '{unit.id}' has no self-check (add data/self-checks/{unit.id}.yml)")
    return renderer._template("self_check.html.j2", unit=unit, check=check,
                              script=renderer.links.asset(layout.SELF_CHECK_SCRIPT))


def self_check_summary(renderer: Renderer) -> str:
    units = [unit for stage in renderer.curriculum.units_by_stage().values() for unit in stage
             if unit.id in renderer.curriculum.self_checks]
    return renderer._template("self_check_summary.html.j2", units=units, checks=renderer.curriculum.self_checks,
                              script=renderer.links.asset(layout.SELF_CHECK_SCRIPT))
