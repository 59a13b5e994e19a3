"""The films (`data/films.yml`): what each is, its poster, and once published its provider,
video id, captions and chapters. A film is never given an invented id: until it is recorded it has
neither provider nor video id, and its page shows a card that leads to its script."""

from __future__ import annotations

import re
from pathlib import Path

from curriculum.data import data_entries, read_data
from curriculum.model import Chapter, Film
from curriculum.problems import Problem, did_you_mean
from curriculum.reader import FieldReader
from curriculum.yamlload import LineMapping

PROVIDERS = ("youtube", "vimeo", "file")

_TIMESTAMP = re.compile(r"^\d{1,2}:[0-5]\d$")


def load_films(root: Path, problems: list[Problem]) -> dict[str, Film]:
    data, reader = read_data(root, "data/films.yml", problems)
    result: dict[str, Film] = {}
    seen: dict[str, int] = {}
    allowed = {"id", "title", "summary", "language", "duration_seconds", "poster", "provider",
               "video_id", "captions", "chapters"}
    for entry, _ in data_entries(reader, data, "films"):
        reader.unknown_keys(entry, allowed, "films")
        film_id = reader.identifier(entry, "id", "films.id")
        title = reader.text(entry, "title", "films.title")
        summary = reader.text(entry, "summary", "films.summary")
        language = reader.string(entry, "language", "films.language")
        if language and language not in ("en", "sv"):
            reader.fail(entry.line_of("language"), "films.language", f"'{language}' must be en or sv")
        duration = reader.integer(entry, "duration_seconds", "films.duration_seconds")
        poster = reader.string(entry, "poster", "films.poster")
        if poster and not (root / "docs" / poster).is_file():
            reader.fail(entry.line_of("poster"), "films.poster", f"no file docs/{poster} (posters are local images under docs/assets/images/)")
        provider = entry.get("provider")
        video_id = entry.get("video_id")
        if provider is not None and provider not in PROVIDERS:
            reader.fail(entry.line_of("provider"), "films.provider", f"unknown provider '{provider}'{did_you_mean(str(provider), PROVIDERS)}")
        if (provider is None) != (video_id is None):
            reader.fail(entry.line_of("video_id"), "films.video_id", "give both provider and video_id, or neither while the film is not published (never invent an id)")
        captions = reader.text(entry, "captions", "films.captions", required=video_id is not None)
        for lang, caption in captions.items():
            _check_caption(root, reader, entry.line_of("captions"), film_id, lang, caption)
        chapters = _chapters(reader, entry, duration)
        if film_id and language and duration and poster:
            reader.unique(seen, film_id, entry.line_of("id"), "films.id")
            result[film_id] = Film(film_id, title, summary, language, duration, poster,
                                   provider, str(video_id) if video_id is not None else None,
                                   captions, tuple(chapters), line=entry.line)
    return result


CAPTIONS_FOLDER = "assets/captions"  # below docs/: <film id>.<language>.vtt


def _check_caption(root: Path, reader: FieldReader, line: int, film_id: str | None, lang: str, caption: str) -> None:
    """A published film's captions: a WebVTT file per language, in the captions folder."""
    expected = f"{CAPTIONS_FOLDER}/{film_id}.{lang}.vtt"
    if film_id and caption != expected:
        reader.fail(line, f"films.captions.{lang}", f"'{caption}' should be '{expected}' (captions are WebVTT files in docs/{CAPTIONS_FOLDER}/, named <film id>.<language>.vtt)")
        return
    path = root / "docs" / caption
    if not path.is_file():
        reader.fail(line, f"films.captions.{lang}", f"no file docs/{caption} (add the {lang} captions as WebVTT)")
    elif not path.read_text(encoding="utf-8", errors="replace").lstrip("\ufeff").startswith("WEBVTT"):
        reader.fail(line, f"films.captions.{lang}", f"docs/{caption} is not a WebVTT file (its first line must be WEBVTT)")


def _chapters(reader: FieldReader, entry: LineMapping, duration: int | None) -> list[Chapter]:
    """The film's chapters: each starts at a time as m:ss, within the film's length, in the order
    they play. A chapter out of place is named, not every chapter after it."""
    chapters: list[Chapter] = []
    timed: list[tuple[int, str, int]] = []  # (seconds, start, line) of each well-formed start
    for chapter, _ in data_entries(reader, entry, "chapters"):
        start = str(chapter.get("start", ""))
        line = chapter.line_of("start")
        if not _TIMESTAMP.match(start):
            reader.fail(line, "films.chapters.start", f"'{start}' must be a time as m:ss or mm:ss")
        else:
            minutes, seconds = start.split(":")
            at = int(minutes) * 60 + int(seconds)
            if duration and at >= duration:
                reader.fail(line, "films.chapters.start", f"'{start}' is at or after the film's end, {duration // 60}:{duration % 60:02d} (duration_seconds: {duration})")
            else:
                timed.append((at, start, line))
        chapters.append(Chapter(start, reader.text(chapter, "title", "films.chapters.title")))
    in_order = _longest_rising([at for at, _, _ in timed])
    for index, (_, start, line) in enumerate(timed):
        if index not in in_order:
            reader.fail(line, "films.chapters.start", f"'{start}' is out of order (list the chapters in the order they play)")
    return chapters


def _longest_rising(values: list[int]) -> set[int]:
    """The positions of a longest strictly rising run of `values` (gaps allowed): those not in it
    are the ones out of place."""
    best: list[list[int]] = []
    for index, value in enumerate(values):
        before = [run for run in best if values[run[-1]] < value]
        best.append([*max(before, key=len, default=[]), index])
    return set(max(best, key=len, default=[]))
