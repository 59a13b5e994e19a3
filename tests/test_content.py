"""Content rules over the real content: the model loads cleanly and every reference resolves."""

from __future__ import annotations

from curriculum.loader import collect
from tests.site_pages import ROOT


def test_real_content_has_no_problems() -> None:
    curriculum, problems = collect(ROOT)
    assert [str(p) for p in problems] == []
    assert curriculum.modules and curriculum.units and curriculum.checklists and curriculum.sources


def test_every_used_id_exists() -> None:
    curriculum, _ = collect(ROOT)
    for page in curriculum.pages.values():
        assert set(page.sources) <= set(curriculum.sources), page.key
    for item in [*curriculum.modules.values(), *curriculum.units.values()]:
        assert set(item.checklists) <= set(curriculum.checklists), item.key
        assert set(item.films) <= set(curriculum.films), item.key
    for step in curriculum.certification:
        assert set(step.units) <= set(curriculum.units), step.id
