"""Rules across the certification steps (data/certification.yml)."""

from __future__ import annotations

from curriculum.model import CertificationStep
from curriculum.problems import Problem
from curriculum.reader import FieldReader


def check_step_units(steps: list[CertificationStep], problems: list[Problem]) -> None:
    """A unit prepares for one step: listed under two, the portfolio template would ask for its
    evidence twice (as it once did for the last two steps)."""
    reader = FieldReader("data/certification.yml", problems)
    first: dict[str, str] = {}
    for step in steps:
        for unit in step.units:
            if unit in first:
                reader.fail(step.units_line, "steps.units", f"step '{step.id}': unit '{unit}' is already listed under step '{first[unit]}' (list a unit under one step only, or the portfolio template repeats its evidence)")
            else:
                first[unit] = step.id
