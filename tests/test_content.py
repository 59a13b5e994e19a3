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


def test_model_answers_carry_one_title_per_language() -> None:
    """A collapsed model answer (`??? success "..."`) is called the same on every page, so a reader
    learns one word for it: one term per thing."""
    import re

    titles: dict[str, set[str]] = {"en": set(), "sv": set()}
    for page in (ROOT / "docs").rglob("*.md"):
        language = "sv" if page.name.endswith(".sv.md") else "en"
        titles[language] |= set(re.findall(r'^\s*\?\?\?\+? success "([^"]+)"', page.read_text(encoding="utf-8"), re.MULTILINE))
    assert titles == {"en": {"Model answer"}, "sv": {"Förslag på svar"}}


def test_no_source_field_carries_the_remains_of_a_removed_line() -> None:
    """When the sources lost their `reliability: single-source` lines, eleven URLs and venues kept
    "-source" glued to their end: links to pages that do not exist, which the link checker (no
    internet in the tests) cannot see."""
    curriculum, _ = collect(ROOT)
    glued = sorted(f"{source.key}: {value}" for source in curriculum.sources.values()
                   for value in (source.url or "", *source.venue.values()) if value.endswith("-source"))
    assert glued == []
