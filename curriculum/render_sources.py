"""Citations and the bibliography: how a source is named and which pages cite it."""

from __future__ import annotations

import re

from curriculum.model import Curriculum, Source


def short_citation(source: Source) -> str:
    """'Kurdve & Bellgran 2021', 'Kurdve et al. 2015', or the organisation and year."""
    surnames = _SURNAME.findall(source.authors)
    if not surnames:
        who = source.authors
    elif len(surnames) == 1:
        who = surnames[0]
    elif len(surnames) == 2:
        who = f"{surnames[0]} & {surnames[1]}"
    else:
        who = f"{surnames[0]} et al."
    return f"{who} {source.year}" if source.year else who


_SURNAME = re.compile(r"((?:[a-z]+ )*[A-ZÅÄÖÉ][\w'’-]+(?: [A-Z][\w'’-]+)*),\s*(?:[A-ZÅÄÖÉ]\.\s*)+")


def distinct_sources(curriculum: Curriculum) -> list[Source]:
    """Each source once: a key a source `replaces` points at the same entry."""
    return [source for key, source in curriculum.sources.items() if key == source.key]


def citations(curriculum: Curriculum) -> dict[str, list]:
    """The pages that cite each source, under the source's own key."""
    cited: dict[str, list] = {source.key: [] for source in distinct_sources(curriculum)}
    for page in curriculum.pages.values():
        for key in page.sources:
            key = curriculum.sources[key].key if key in curriculum.sources else key
            if page not in cited.setdefault(key, []):
                cited[key].append(page)
    return cited
