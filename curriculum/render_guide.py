"""Renderers for the contributors' guide and the program pages: generated from the schema and
the model, so the guide cannot drift from what the build checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from curriculum.schema import KINDS

if TYPE_CHECKING:
    from curriculum.model import Curriculum


class GuideRenderers:
    """Mixed into Renderer, whose model, language, labels and templates these use."""

    curriculum: Curriculum
    lang: str

    def field_reference(self, kind: str) -> str:
        """The front-matter fields of a page kind, generated from curriculum/schema.py."""
        return self._template("field_reference.html.j2", kind=self._get(KINDS, "page kind", kind),  # type: ignore[attr-defined]
                              vocab=self.curriculum.vocabularies)

    def swedish_terms(self) -> str:
        """The Swedish term list (data/terms.yml): chosen term, rejected variants, why."""
        return self._template("swedish_terms.html.j2", terms=self.curriculum.terms)  # type: ignore[attr-defined]

    def program_load(self, program: str) -> str:
        """A program's session hours and its modules' estimated work between sessions, summed from
        its modules, their total, and the average weekly load of the total over the weeks of its
        outline (`weeks` in data/vocabularies.yml). The total, an estimate, is given in whole hours."""
        from curriculum.render import UnknownId

        programs = self.curriculum.vocabularies["programs"]
        modules = self.curriculum.program_modules(program)
        weeks = programs[program].weeks if program in programs else None
        if not modules or not weeks:
            raise UnknownId("program with modules and weeks", program, {p.id for p in programs.values() if p.weeks})
        unestimated = [module.id for module in modules if module.work_between_hours is None]
        if unestimated:
            raise LookupError(f"program '{program}': module(s) {', '.join(unestimated)} have no work_between_hours, "
                             "so the program's total time is unknown (add the estimate to their front matter)")
        minutes = self.curriculum.program_minutes(program)
        between = self.curriculum.program_work_between_hours(program)
        total = minutes / 60 + between
        hours = self.hours  # type: ignore[attr-defined]
        return self.label("program_load", time=self.duration(minutes), count=len(modules),  # type: ignore[attr-defined]
                          between=hours(between), total=int(total + 0.5), weeks=weeks, per_week=hours(total / weeks))
