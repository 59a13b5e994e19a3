"""Renderers for the learner's path: the end of a unit, the where-to-start finder, and the
catalogue's order and duration bands."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from curriculum.model import Curriculum, Module

# The catalogue's duration filter: each band includes every shorter module ("up to a day" keeps
# the half-day ones); the browser compares a card's minutes with the band's limit.
DURATION_BANDS: tuple[tuple[str, int], ...] = (("short", 240), ("day", 480), ("two-days", 960))


def recommended_order(modules: Iterable[Module], nav: Sequence[str], language: str) -> list[Module]:
    """Modules in the navigation's order, which the programs also follow; any the navigation
    does not list come after, by program and title."""
    position = {path: index for index, path in enumerate(nav)}
    return sorted(modules, key=lambda module: (position.get(module.key, len(position)), module.programs[0], module.title[language]))


class LearnerRenderers:
    """Mixed into Renderer, whose model, language, labels and templates these use."""

    curriculum: Curriculum
    lang: str

    def unit_finish(self, unit_id: str) -> str:
        """The end of a unit page: "Mark as done" where the reader finishes, and the next unit."""
        units = [unit for stage in self.curriculum.units_by_stage().values() for unit in stage]
        unit = self._get(self.curriculum.units, "unit", unit_id)  # type: ignore[attr-defined]
        position = units.index(unit)
        following = units[position + 1] if position + 1 < len(units) else None
        progress_page = self.curriculum.pages.get("coach-training/progress.md")
        return self._template("unit_finish.html.j2", unit=unit, next=following,  # type: ignore[attr-defined]
                              progress_title=progress_page.title[self.lang] if progress_page else self.label("units"))  # type: ignore[attr-defined]

    def start_finder(self) -> str:
        """The "where to start" finder: three questions over the page's own situations (each
        section's sequence line), with every module's length and audience for the browser."""
        modules = {module.id: {"title": module.title[self.lang], "href": self.page_href(module),  # type: ignore[attr-defined]
                               "minutes": module.duration_minutes, "audience": list(module.audience)}
                   for module in self.curriculum.modules.values()}
        audiences = [term for term in self.curriculum.vocabularies["audiences"].values()
                     if any(term.id in module.audience for module in self.curriculum.modules.values())]
        return self._template("start_finder.html.j2", modules=modules, audiences=audiences)  # type: ignore[attr-defined]
