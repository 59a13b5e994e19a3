"""One search index per language, fetched only when the reader reaches for search.

Material writes one index for the whole site (the i18n plugin merges both languages into it) and
every page fetches it as soon as it loads: about 400 kB gzip, most of a first visit, for a search
most readers never open, and with results in both languages. After the build we split it by
language; the inline loader in overrides/main.html holds Material's request until the reader
opens search and points it at the page's own language.

We also keep repeated text out of the index, with Material's `data-search-exclude`: each page's
own reference list (the sources page lists every reference once), each checklist and worksheet
but once (on the one page that shows it, or on its library page when several do:
`Renderer.checklist`, `Renderer.worksheet`), the certification rubric on the portfolio page only,
the learning path and the certification steps not again on the progress page, and the trainer pages
that collect every unit's key points and facilitator notes (each is indexed on its unit; the
collecting page keeps its title and introduction). The glossary's terms are entries of their own
(curriculum/searchglossary.py). And each entry's text loses Material's markup
(`<p>`, `<li>`, `<code>`): search matches words and the result shows them as text, so the tags
only cost download (about 5 % of the index).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from curriculum import LANGUAGES
from curriculum.layout import (
    SEARCH_INDEX,
    SOURCES_PAGE,
    built_file,
    english_path,
    language_of_url,
    search_index_path,
)
from curriculum.searchentry import (
    COMPOUND_PART,
    COMPOUNDING,
    SHORTEST_PART,
    WORDS_FIELD,
    searchable,
    stop_words,
    with_compound_parts,
    without_prefixes,
)
from curriculum.searchglossary import is_glossary, term_entries
from curriculum.searchquery import QUERY_ENDINGS, query_endings
from curriculum.searchwords import pack_index, unpack_index

_SOURCES_HEADING = re.compile(r'<h2 id="sources"(?=[ >])')
# Pages that repeat every unit's facilitator notes under one heading per unit: each such section
# is left out (key points are marked in their template, key_points.html.j2).
COLLECTED_FROM_UNITS = ("coach-training/facilitator-notes.md",)
_SECTION_HEADING = re.compile(r"<h([2-6]) id=")
# Material keeps these tags in an entry's text; the block ones separate words, the inline ones
# (`<code>`, `<sub>` in CO<sub>2</sub>e, `<sup>`) are inside a word or phrase.
_BLOCK_TAG = re.compile(r"</?(?:p|li|ol|ul|pre)>")
_INLINE_TAG = re.compile(r"</?(?:code|sub|sup)>")
_SPACE = re.compile(r"\s+")
# An index setting of ours beside Material's: the words its search leaves out of a query.
STOP_WORDS = "stop_words"
_SCRIPT_START = "var __index = "


def split_by_language(site: Path, script: bool = False) -> dict[str, int]:
    """Rewrite the site's merged index as one index per language; entries written per language.

    Each index names only its own language, so the search worker loads one stemmer. Each entry
    shows a teaser and is found by all its words (curriculum/searchentry.py). With `script` (the
    offline copy, opened from file://), each index is written as the script Material loads
    there, `search_index.js`, and the merged JSON is removed: nothing reads it from file://."""
    merged = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))
    # An entry seen twice (a rebuild that stacked them) is kept once: it would be a double result.
    unique = {(doc["location"], doc["title"], doc["text"]): doc for doc in merged["docs"]}
    config = merged["config"]
    separator = re.compile(config["separator"])
    # Each entry's terms beyond its teaser are searched as its text is (curriculum/searchentry.py).
    fields = {**config["fields"], WORDS_FIELD: config["fields"]["text"]}
    written = {}
    for language in LANGUAGES:
        dropped = stop_words(language) if "stopWordFilter" in config.get("pipeline", ()) else frozenset()
        docs = []
        for doc in unique.values():
            if language_of_url(doc["location"]) != language:
                continue
            docs.append(searchable({**doc, "text": plain_text(doc["text"])}, separator, dropped))
            if is_glossary(doc["location"], language):  # then an entry for each of its terms
                html = built_file(site, doc["location"]).read_text(encoding="utf-8")
                docs += [searchable(term, separator, dropped) for term in term_entries(html, doc["location"])]
        without_prefixes(docs, separator, dropped)
        # The stop words and the query endings, for the page's search worker to leave out of
        # queries (docs/assets/javascripts/search-stand-in.js, curriculum/searchquery.py), and
        # where words compound, the shortest part it adds to an entry's words (`as_searched`).
        settings = {**config, "lang": [language], "fields": fields, STOP_WORDS: sorted(dropped),
                    QUERY_ENDINGS: query_endings(language),
                    **({COMPOUND_PART: SHORTEST_PART} if language in COMPOUNDING else {})}
        index = pack_index({**merged, "config": settings, "docs": docs})
        target = search_index_path(site, language, script)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        # As Material's offline plugin writes it, and its bundle reads it (`__index`).
        target.write_text(f"{_SCRIPT_START}{data}" if script else data, encoding="utf-8")
        written[language] = len(docs)
    if script:
        (site / SEARCH_INDEX).unlink()
    return written


def read_index(site: Path, language: str, script: bool = False) -> dict[str, Any]:
    """A language's index as its search worker reads it: each entry's words written out."""
    return as_searched(unpack_index(read_packed(site, language, script)))


def read_packed(site: Path, language: str, script: bool = False) -> dict[str, Any]:
    """A language's index as it is downloaded (curriculum/searchwords.py)."""
    data = search_index_path(site, language, script).read_text(encoding="utf-8")
    return json.loads(data.removeprefix(_SCRIPT_START) if script else data)


def as_searched(index: dict[str, Any]) -> dict[str, Any]:
    """The unpacked index as the stand-in gives it to lunr (`withCompoundParts`): where the
    language compounds, each entry's words with the last parts of its compounds."""
    config = index["config"]
    if not config.get(COMPOUND_PART):
        return index
    docs = [dict(doc) for doc in index["docs"]]
    with_compound_parts(docs, re.compile(config["separator"]), frozenset(config.get(STOP_WORDS, ())),
                        config[COMPOUND_PART])
    return {**index, "docs": docs}


def plain_text(text: str) -> str:
    """An index entry's text without its markup: words, separated as the tags separated them.
    Character references (`&amp;`) stay, as the result list shows them."""
    return _SPACE.sub(" ", _INLINE_TAG.sub("", _BLOCK_TAG.sub(" ", text))).strip()


def indexed_on_library(shown_on: dict[str, list[str]]) -> set[str]:
    """The checklists or worksheets (by id, from the pages that show each) that search finds on
    their library page: those shown on several pages. The others are found on their one page."""
    return {item_id for item_id, pages in shown_on.items() if len(pages) > 1}


def exclude_repeated_text(html: str, src_uri: str) -> str:
    """Mark a page's reference list so the search plugin skips it; the sources page keeps its own.
    On a page that collects every unit's notes, every section below the title is skipped."""
    page = english_path(src_uri)
    if page in COLLECTED_FROM_UNITS:
        return _SECTION_HEADING.sub(r'<h\1 data-search-exclude id=', html)
    if page == SOURCES_PAGE:
        return html
    return _SOURCES_HEADING.sub('<h2 id="sources" data-search-exclude', html)

