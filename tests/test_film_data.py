"""The film data (curriculum/films.py): chapters in the order they play, within the film."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.minimal_project import problems_of

FILM = """films:
  - id: intro
    title: {en: Intro, sv: Intro}
    summary: {en: S, sv: S}
    language: en
    duration_seconds: 100
    poster: assets/images/poster.svg
    chapters:
"""


def _chapter_problems(project: Path, starts: list[str]) -> list[str]:
    (project / "docs/assets/images").mkdir(parents=True)
    (project / "docs/assets/images/poster.svg").write_text("<svg/>", encoding="utf-8")
    chapters = "".join(f'      - start: "{start}"\n        title: {{en: C{n}, sv: K{n}}}\n' for n, start in enumerate(starts))
    (project / "data/films.yml").write_text(FILM + chapters, encoding="utf-8")
    return [problem for problem in problems_of(project) if "films.chapters" in problem]


@pytest.mark.parametrize(("starts", "expected"), [
    (["0:00", "0:30", "1:10"], []),
    # One chapter moved: that one is named, not each chapter after it. Lines: 9, 11, 13, 15.
    (["0:00", "1:20", "0:30", "1:10"], ["data/films.yml:11: films.chapters.start: '1:20' is out of order (list the chapters in the order they play)"]),
    (["0:00", "0:30", "0:30"], ["data/films.yml:13: films.chapters.start: '0:30' is out of order (list the chapters in the order they play)"]),
    (["0:00", "1:40", "1:50"], ["data/films.yml:11: films.chapters.start: '1:40' is at or after the film's end, 1:40 (duration_seconds: 100)",
                                "data/films.yml:13: films.chapters.start: '1:50' is at or after the film's end, 1:40 (duration_seconds: 100)"]),
    (["0:00", "0:75"], ["data/films.yml:11: films.chapters.start: '0:75' must be a time as m:ss or mm:ss"]),
], ids=["in-order", "one-moved", "same-time-twice", "past-the-end", "not-a-time"])
def test_chapters_play_in_order_within_the_film(project: Path, starts: list[str], expected: list[str]) -> None:
    assert _chapter_problems(project, starts) == expected
