"""Renderers for the certification data: the one rubric and the register of certified coaches.
Mixed into Renderer, which the macros module binds as `rubric()` and `coach_register()`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from curriculum import layout

if TYPE_CHECKING:
    from curriculum.model import Curriculum


class CertificationRenderers:
    """Uses the Renderer's model, language, labels and templates."""

    curriculum: Curriculum

    def rubric(self) -> str:
        """The rubric: what each level leads to, then every criterion with its indicators. Four
        pages show it; search finds it on the portfolio page, where a candidate prepares for it."""
        if self.curriculum.rubric is None:
            raise LookupError("there is no data/rubric.yml (create it; see the assessor's guide)")
        searchable = self.page_key == layout.PORTFOLIO_PAGE  # type: ignore[attr-defined]
        return self._template("rubric.html.j2", rubric=self.curriculum.rubric, searchable=searchable)  # type: ignore[attr-defined]

    def coach_register(self) -> str:
        """The certified coaches, by name; an empty register says so."""
        entries = sorted(self.curriculum.register, key=lambda entry: (entry.name.lower(), entry.certificate))
        return self._template("register.html.j2", entries=entries)  # type: ignore[attr-defined]
