"""Every source in the bibliography is cited, and every checklist and film in the data is used
by a page."""

from __future__ import annotations

from curriculum.model import Curriculum
from curriculum.pagesource import PageSource
from curriculum.problems import Problem
from curriculum.reader import FieldReader


def check_usage(curriculum: Curriculum, pages: list[PageSource], problems: list[Problem]) -> None:
    """Read from every page's front matter, loaded or not; while a page's front matter cannot be
    read at all, its use is unknown and nothing is reported (the unreadable page is)."""
    if any(not page.meta for page in pages):
        return

    def listed(field: str) -> set[str]:
        return {item for page in pages if isinstance(page.meta.get(field), list)
                for item in page.meta[field] if isinstance(item, str)}

    # Every bibliography entry is cited somewhere: an uncited source is either a forgotten
    # citation or dead weight in the bibliography. A key an entry `replaces` counts for it.
    cited = listed("sources") | {key for term in curriculum.glossary.values() for key in term.sources}
    cited |= {key for entry in [*curriculum.support, *curriculum.cases] for key in entry.sources}
    cited = {curriculum.sources[key].key for key in cited if key in curriculum.sources}
    reader = FieldReader("data/sources.yml", problems)
    for key, source in curriculum.sources.items():
        if key == source.key and source.key not in cited:
            reader.fail(source.line, "sources.key", f"'{source.key}' is cited by no page (cite it where its fact is used, or remove it)")
    in_use = listed("checklists")
    for checklist_id in sorted(set(curriculum.checklists) - in_use):
        FieldReader(f"data/checklists/{checklist_id}.yml", problems).fail(
            1, "id", f"checklist '{checklist_id}' is used by no module or unit (list it in a page's 'checklists:' or remove it)")
    reader = FieldReader("data/films.yml", problems)
    used = listed("films")
    for film in curriculum.films.values():
        if film.id not in used:
            reader.fail(film.line, "films.id", f"film '{film.id}' is not used by any module or unit (add it to a page's 'films:' and call film('{film.id}'))")
