"""One search index per language, fetched only when the reader reaches for search.

Material writes one index for the whole site (the i18n plugin merges both languages into it) and
every page fetches it as soon as it loads: about 400 kB gzip, most of a first visit, for a search
most readers never open, and with results in both languages. After the build we split it by
language; the inline loader in overrides/main.html holds Material's request until the reader
opens search and points it at the page's own language.

We also keep two kinds of repeated text out of the index, with Material's `data-search-exclude`:
each page's own reference list (the sources page lists every reference once) and the checklists
on the checklist library page (each is indexed on the module page that uses it).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from curriculum import LANGUAGES
from curriculum.layout import (
    SEARCH_INDEX,
    SOURCES_PAGE,
    english_path,
    language_of_url,
    search_index_path,
)

_SOURCES_HEADING = re.compile(r'<h2 id="sources"(?=[ >])')


def split_by_language(site: Path) -> dict[str, int]:
    """Rewrite the site's merged index as one index per language; entries written per language.

    Each index names only its own language, so the search worker loads one stemmer."""
    merged = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))
    # An entry seen twice (a rebuild that stacked them) is kept once: it would be a double result.
    unique = {(doc["location"], doc["title"], doc["text"]): doc for doc in merged["docs"]}
    written = {}
    for language in LANGUAGES:
        docs = [doc for doc in unique.values() if language_of_url(doc["location"]) == language]
        index = {**merged, "config": {**merged["config"], "lang": [language]}, "docs": docs}
        target = search_index_path(site, language)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        written[language] = len(docs)
    return written


def exclude_repeated_text(html: str, src_uri: str) -> str:
    """Mark a page's reference list so the search plugin skips it; the sources page keeps its own."""
    if english_path(src_uri) == SOURCES_PAGE:
        return html
    return _SOURCES_HEADING.sub('<h2 id="sources" data-search-exclude', html)

