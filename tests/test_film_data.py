"""The film data (curriculum/films.py): chapters in the order they play, within the film, and a
published film's captions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.minimal_project import problems_of

# A film not yet published: no provider, no video id (never an invented one).
FILM = """films:
  - id: intro
    title: {en: Intro, sv: Intro}
    summary: {en: S, sv: S}
    language: en
    duration_seconds: 100
    poster: assets/images/poster.svg
"""
PUBLISHED_FILM = FILM + "    provider: youtube\n    video_id: TESTVIDEO01\n"


def _poster(project: Path) -> None:
    (project / "docs/assets/images").mkdir(parents=True)
    (project / "docs/assets/images/poster.svg").write_text("<svg/>", encoding="utf-8")


def _chapter_problems(project: Path, starts: list[str]) -> list[str]:
    _poster(project)
    chapters = "".join(f'      - start: "{start}"\n        title: {{en: C{n}, sv: K{n}}}\n' for n, start in enumerate(starts))
    (project / "data/films.yml").write_text(FILM + "    chapters:\n" + chapters, encoding="utf-8")
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


def _published_film(project: Path, captions: str | None) -> None:
    _poster(project)
    (project / "data/films.yml").write_text(PUBLISHED_FILM + (f"    captions: {captions}\n" if captions else ""), encoding="utf-8")


def test_a_published_film_without_captions_fails(project: Path) -> None:
    _published_film(project, None)
    assert "data/films.yml:2: films.captions: missing (add {en: …, sv: …})" in problems_of(project)


def test_a_caption_file_outside_the_captions_folder_fails(project: Path) -> None:
    _published_film(project, "{en: intro.en.vtt, sv: assets/captions/intro.sv.vtt}")
    assert "data/films.yml:10: films.captions.en: 'intro.en.vtt' should be 'assets/captions/intro.en.vtt' (captions are WebVTT files in docs/assets/captions/, named <film id>.<language>.vtt)" in problems_of(project)


def test_a_caption_file_that_is_not_webvtt_fails(project: Path) -> None:
    _published_film(project, "{en: assets/captions/intro.en.vtt, sv: assets/captions/intro.sv.vtt}")
    folder = project / "docs/assets/captions"
    folder.mkdir(parents=True)
    (folder / "intro.en.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n", encoding="utf-8")
    (folder / "intro.sv.vtt").write_text("1\n00:00:00,000 --> 00:00:01,000\nHej\n", encoding="utf-8")
    problems = problems_of(project)
    assert "data/films.yml:10: films.captions.sv: docs/assets/captions/intro.sv.vtt is not a WebVTT file (its first line must be WEBVTT)" in problems
    assert not [p for p in problems if "captions.en" in p]
