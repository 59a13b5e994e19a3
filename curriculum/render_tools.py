"""Renderers for the tools on a company's own figures and the coaches' self-checks: the
calculators, the self-assessment and the self-checks (their own modules do the work)."""

from __future__ import annotations

from curriculum.render_calculator import calculator as render_calculator
from curriculum.render_self_assessment import self_assessment as render_self_assessment
from curriculum.render_self_check import self_check as render_self_check
from curriculum.render_self_check import self_check_summary as render_self_check_summary


class ToolsRenderers:
    """Mixed into Renderer, whose model, language, labels and templates these use."""

    def calculator(self, calculator_id: str) -> str:
        """A calculator on a company's own figures (data/calculators.yml)."""
        return render_calculator(self, calculator_id)  # type: ignore[arg-type]

    def self_check(self) -> str:
        """The unit's self-check (data/self-checks/<unit id>.yml)."""
        return render_self_check(self, self._current(self.curriculum.units, "unit"))  # type: ignore[attr-defined, arg-type]

    def self_assessment(self) -> str:
        """The self-assessment "Where do we stand?" (data/self-assessment.yml)."""
        return render_self_assessment(self)

    def self_check_summary(self) -> str:
        """Every unit's self-check and whether it is done, for the progress page."""
        return render_self_check_summary(self)

