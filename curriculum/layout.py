"""The site's layout, in one place: where each page's file lives, its language and English
twin, its URL, the folder of each page kind, and where downloads and search indexes go.

Docs paths are relative to docs/ and follow the suffix layout of mkdocs-static-i18n: the
English page is `modules/x.md`, its Swedish twin `modules/x.sv.md`. URLs are computed the way
MkDocs lays them out (directory URLs, or `.html` files in the offline copy), with every
language but the default one under its own folder (`sv/`), so renderers need no MkDocs import.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from curriculum import CURRICULUM_VERSION, DEFAULT_LANGUAGE, LANGUAGES

PROJECT_ROOT = Path(__file__).resolve().parent.parent  # the checkout: mkdocs.yml, docs/, data/
DOCS = "docs"  # below the project root

# Pages of these kinds live in one folder each, named by their id (`modules/green-5s.md`).
KIND_FOLDERS: dict[str, str] = {
    "module": "modules",
    "unit": "coach-training/units",
    "film": "films",
}

# Pages that other pages, the build and the books name.
HOME_PAGE = "index.md"
SOURCES_PAGE = "about/sources.md"
GLOSSARY_PAGE = "methodology/glossary.md"
CHECKLIST_LIBRARY = "checklists/index.md"
WORKSHEET_LIBRARY = "worksheets/index.md"
COACH_TRAINING_PAGE = "coach-training/index.md"
CERTIFICATION_PAGE = "coach-training/certification.md"
PORTFOLIO_PAGE = "coach-training/portfolio.md"
# The coach's own progress: it repeats the learning path and the certification steps, with ticks.
PROGRESS_PAGE = "coach-training/progress.md"
# The contributors' guide shows the macros at work: a checklist there is an example, not a use.
MACRO_EXAMPLES_PAGE = "about/contributing.md"

# Downloads: staged by `make downloads` below the project root, copied below the site root.
DOWNLOADS_STAGING = "build/downloads"
DOWNLOADS_FOLDER = "assets/downloads"

# Material's one search index, which the build splits into one per language.
SEARCH_INDEX = "search/search_index.json"
# The same index as a script that sets `__index`: what Material loads from file:// (the offline copy).
SEARCH_SCRIPT = "search/search_index.js"

# Scripts below the site root that only the pages using them load (not in extra_javascript).
CALCULATOR_SCRIPTS = ("assets/javascripts/calculators/formulas.js", "assets/javascripts/calculators/calculator.js")
SELF_CHECK_SCRIPT = "assets/javascripts/self-check.js"
SELF_ASSESSMENT_SCRIPT = "assets/javascripts/self-assessment.js"
# The search loader (with the search worker stand-in) every page loads just before Material's bundle
# (overrides/main.html): it must run first, so it is not in extra_javascript either.
SEARCH_LOADER = "assets/javascripts/search-loader.js"
# What the stand-in does to the index and the queries, which it loads beside it.
SEARCH_STAND_IN = "assets/javascripts/search-stand-in.js"


# docs paths -------------------------------------------------------------------------------
def kind_folder(kind: str) -> str | None:
    """The folder of a page kind (`unit` -> `coach-training/units`); None: pages of that kind
    may live anywhere."""
    return KIND_FOLDERS.get(kind)


def page_path(kind: str, page_id: str) -> str:
    """The English docs path of a module, unit or film page (`module`, `green-5s` ->
    `modules/green-5s.md`)."""
    return f"{KIND_FOLDERS[kind]}/{page_id}.md"


def _language_suffix(docs_path: str) -> str | None:
    """The language a file name names (`x.sv.md` -> `sv`, also `x.en.md` -> `en`), or None."""
    parts = posixpath.basename(docs_path).split(".")
    if len(parts) == 3 and parts[1] in LANGUAGES and parts[2] == "md":
        return parts[1]
    return None


def page_language(docs_path: str) -> str:
    """The language of a docs path: `modules/x.sv.md` -> `sv`, `modules/x.md` -> `en`."""
    return _language_suffix(docs_path) or DEFAULT_LANGUAGE


def english_path(docs_path: str) -> str:
    """The English twin of a docs path, which keys the page in the model (`x.sv.md` -> `x.md`)."""
    suffix = _language_suffix(docs_path)
    return docs_path if suffix is None else docs_path.removesuffix(f".{suffix}.md") + ".md"


def translation_path(docs_path: str, language: str) -> str:
    """The docs path of a page in a language (`modules/x.md`, `sv` -> `modules/x.sv.md`)."""
    english = english_path(docs_path)
    if language == DEFAULT_LANGUAGE:
        return english
    return english.removesuffix(".md") + f".{language}.md"


def page_id(docs_path: str) -> str:
    """The id a module, unit or film page carries: its English file name without `.md`."""
    return posixpath.basename(english_path(docs_path)).removesuffix(".md")


def source_file(docs_path: str) -> str:
    """The page's file as problems name it, below the project root (`docs/modules/x.md`)."""
    return f"{DOCS}/{docs_path}"


# URLs -------------------------------------------------------------------------------------
def language_of_url(url: str) -> str:
    """The language of a site-relative URL or search location (`sv/modules/x/` -> `sv`)."""
    first = url.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def page_url(docs_path: str, language: str, directory_urls: bool = True) -> str:
    """The site-relative URL of a page in a language (`modules/x.md` or `modules/x.sv.md`,
    `sv` -> `sv/modules/x/`; without directory URLs, as in the offline copy,
    `sv/modules/x.html`). The home page's URL is the empty string."""
    base = english_path(docs_path).removesuffix(".md")
    if not directory_urls:
        url = base + ".html"
    elif base == "index" or base.endswith("/index"):
        url = base[: -len("index")]
    else:
        url = base + "/"
    return language_prefix(language) + url


def language_prefix(language: str) -> str:
    """The folder a language's pages are built under: none for the default language."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


class Linker:
    """Relative hrefs from one page to others, in the page's language."""

    def __init__(self, current_path: str, language: str, directory_urls: bool = True) -> None:
        self.language = language
        self.directory_urls = directory_urls
        self.current = page_url(current_path, language, directory_urls)
        # Relative links start from the page's own URL, or from its file's folder.
        self.folder = (self.current if directory_urls else posixpath.dirname(self.current)) or "."

    def href(self, target_path: str, anchor: str | None = None) -> str:
        target = page_url(target_path, self.language, self.directory_urls)
        relative = posixpath.relpath(target or ".", self.folder)
        if self.directory_urls:
            relative = "./" if relative == "." else relative + "/"
        return relative + (f"#{anchor}" if anchor else "")

    def asset(self, site_path: str) -> str:
        """A file below the site root (images, captions, downloads), which is not translated."""
        return posixpath.relpath(site_path, self.folder)


_ROOT_LANGUAGE_LINK = re.compile(r'href="(/[^"/][^"]*|/)" hreflang="')


def relative_language_links(html: str, url: str) -> str:
    """The i18n plugin gives home pages root-absolute language links ("/sv/"), which break
    under a project site's sub-path and under every published curriculum version: make them
    relative to the page's URL."""
    start = url or "."

    def relative(match: re.Match[str]) -> str:
        target = posixpath.relpath(match.group(1).lstrip("/") or ".", start)
        target = "./" if target == "." else target.rstrip("/") + "/"
        return f'href="{target}" hreflang="'

    return _ROOT_LANGUAGE_LINK.sub(relative, html)


# Downloads --------------------------------------------------------------------------------
def book_file(book: str, language: str) -> str:
    """A PDF book, below the downloads folder."""
    return f"ecoleap-{book}-{CURRICULUM_VERSION}-{language}.pdf"


def checklist_file(checklist_id: str, language: str) -> str:
    """A checklist's PDF, below the downloads folder."""
    return f"checklists/ecoleap-checklist-{checklist_id}-{CURRICULUM_VERSION}-{language}.pdf"


def worksheet_file(worksheet_id: str, language: str, extension: str) -> str:
    """The printable sheet (pdf) or the workbook (xlsx) of a worksheet."""
    return f"worksheets/ecoleap-worksheet-{worksheet_id}-{CURRICULUM_VERSION}-{language}.{extension}"


def kit_file(module_id: str, language: str, extension: str) -> str:
    """A module's facilitator kit: the guide, checklists and worksheets (pdf), its workbooks (zip)."""
    return f"kits/ecoleap-kit-{module_id}-{CURRICULUM_VERSION}-{language}.{extension}"


def offline_file() -> str:
    """The zipped offline copy, below the downloads folder."""
    return f"ecoleap-offline-{CURRICULUM_VERSION}.zip"


def portfolio_file(language: str) -> str:
    """The portfolio template the build writes from the model, below the site root."""
    return f"{DOWNLOADS_FOLDER}/portfolio-template-{language}.md"


def built_file(site: Path, url: str) -> Path:
    """The built HTML file a site-relative URL is served from: `x/` -> `x/index.html`, the home
    page's empty URL -> `index.html`, an offline copy's `x.html` as it is."""
    return site / url if url.endswith(".html") else site / url / "index.html"


# Search -----------------------------------------------------------------------------------
def search_index_path(site: Path, language: str, script: bool = False) -> Path:
    """Where a language's pages find their search index: the site's own for the default
    language, `sv/search/search_index.json` for Swedish; with `script`, the offline copy's
    `search_index.js` in the same folder."""
    return site / language_prefix(language) / (SEARCH_SCRIPT if script else SEARCH_INDEX)
