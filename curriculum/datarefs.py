"""Checks between the data files and the pages: every id the data names exists, and every
source, checklist and film in the data is used by a page."""

from __future__ import annotations

from pathlib import Path

from curriculum.model import Curriculum
from curriculum.pagesource import PageSource
from curriculum.problems import Problem, did_you_mean
from curriculum.reader import Reader


def check_data_references(root: Path, curriculum: Curriculum, known: dict[str, set[str]], problems: list[Problem]) -> None:
    reader = Reader("data/glossary.yml", problems)
    for term in curriculum.glossary.values():
        for key in term.sources:
            if key not in known["sources"]:
                reader.fail(term.line, "terms.sources", f"term '{term.id}': unknown source '{key}'{did_you_mean(key, known['sources'])}")
        for topic in term.topics:
            if topic not in known["vocab:topics"]:
                reader.fail(term.line, "terms.topics", f"term '{term.id}': unknown topic '{topic}'{did_you_mean(topic, known['vocab:topics'])}")
    reader = Reader("data/certification.yml", problems)
    for step in curriculum.certification:
        for unit in step.units:
            if unit not in known["units"]:
                reader.fail(step.line, "steps.units", f"step '{step.id}': unknown unit '{unit}'{did_you_mean(unit, known['units'])}")
    reader = Reader("data/films.yml", problems)
    for film in curriculum.films.values():
        if not (root / "docs" / curriculum.film_page_path(film.id)).is_file():
            reader.fail(film.line, "films.id", f"film '{film.id}' has no page docs/{curriculum.film_page_path(film.id)} (its transcript lives there)")


def check_usage(curriculum: Curriculum, pages: list[PageSource], problems: list[Problem]) -> None:
    """Every source is cited, every checklist and film used. Read from every page's front matter, loaded
    or not; while a page's front matter cannot be read at all, its use is unknown and nothing
    is reported (the unreadable page is)."""
    if any(not page.meta for page in pages):
        return

    def listed(field: str) -> set[str]:
        return {item for page in pages if isinstance(page.meta.get(field), list) for item in page.meta[field] if isinstance(item, str)}

    # Every bibliography entry is cited somewhere: an uncited source is either a forgotten
    # citation or dead weight in the bibliography.
    cited = listed("sources") | {key for term in curriculum.glossary.values() for key in term.sources}
    reader = Reader("data/sources.yml", problems)
    for source in curriculum.sources.values():
        if source.key not in cited:
            reader.fail(source.line, "sources.key", f"'{source.key}' is cited by no page (cite it where its fact is used, or remove it)")
    in_use = listed("checklists")
    for checklist_id in sorted(set(curriculum.checklists) - in_use):
        Reader(f"data/checklists/{checklist_id}.yml", problems).fail(
            1, "id", f"checklist '{checklist_id}' is used by no module or unit (list it in a page's 'checklists:' or remove it)")
    reader = Reader("data/films.yml", problems)
    used = listed("films")
    for film in curriculum.films.values():
        if film.id not in used:
            reader.fail(film.line, "films.id", f"film '{film.id}' is not used by any module or unit (add it to a page's 'films:' and call film('{film.id}'))")
