"""Helpers to read the built site: which pages there are and what they contain."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from curriculum import DEFAULT_LANGUAGE
from curriculum.layout import DOCS as DOCS_FOLDER
from curriculum.layout import PROJECT_ROOT, page_language, page_url

ROOT = PROJECT_ROOT
DOCS = ROOT / DOCS_FOLDER


def english_sources() -> list[str]:
    paths = (path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))
    return sorted(path for path in paths if page_language(path) == DEFAULT_LANGUAGE)


def built_page(site: Path, src: str, language: str) -> Path:
    return site / page_url(src, language) / "index.html"


def heading_ids(html: str, shown_only: bool = False) -> list[str]:
    """Ids of h2-h6 in the article, in order; with `shown_only`, not those of the headings only
    screen readers get (the checklist and worksheet libraries' one per sheet, in each language's
    alphabetical order of the titles)."""
    article = html.split('<article', 1)[-1].split("</article>", 1)[0]
    hidden = r'(?![^>]*class="visually-hidden")' if shown_only else ""
    return re.findall(r"<h[2-6]" + hidden + r"[^>]*\bid=\"([^\"]+)\"", article)


def copy_project(target: Path, names: tuple[str, ...]) -> Path:
    """A copy of parts of this repository (folders and files), for tests that change or publish it."""
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target
