"""A synthetic site: N module guides per language cloned from a real one, built strictly.

It shows how the build and each page's HTML scale with the size of the curriculum.
"""

from __future__ import annotations

import os
import re
import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path

from curriculum import LANGUAGES
from curriculum.layout import DOCS, page_path, page_url, translation_path
from scripts.bench_common import (
    TooSlow,
    build,
    copy_project,
    fail,
    gzip_size,
    markdown_pages,
    mkdocs_config,
    progress,
)

TEMPLATE = "green-waste-walk"
# The nav lists every page and a strict build rejects a page left out, so the clones get a
# section of their own right after the module catalogue, in groups of GROUP modules, as our
# program sections group the real ones. A page carries its own group's links and the other
# groups' names (navigation.prune leaves out the links of groups the reader is not in); one
# flat section of 1,000 would put 1,000 links on every module page and make each page's build
# time grow with the size of the curriculum.
NAV_ANCHOR = "      - modules/index.md\n"
GROUP = int(os.environ.get("BENCH_SYNTHETIC_GROUP", 25))
# A build that takes longer is stopped and reported as at least this slow, so that the bench
# ends in reasonable time (the 1,000-module build: 40 min while macros re-read the model on each
# call, 7 min once they loaded it once per build). 0: no limit.
LIMIT = float(os.environ.get("BENCH_SYNTHETIC_LIMIT", 1500)) or None


@dataclass(frozen=True)
class Synthetic:
    modules: int  # per language
    pages: int  # Markdown pages, both languages
    seconds: float  # the build's, or the time limit it ran past
    finished: bool  # False: stopped at the time limit, so `seconds` is a lower bound
    module_html_gzip: float | None  # median bytes of the module pages written; None if none were
    pruned: bool  # navigation.prune on: each page carries only its part of the nav

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds


def _clone(text: str, clone_id: str, number: int) -> str:
    """The template under a new id (which must equal the file stem) and a title of its own."""
    text = re.sub(rf"^id: {TEMPLATE}$", f"id: {clone_id}", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^(title: .*)$", rf"\1 {number}", text, count=1, flags=re.MULTILINE)
    return re.sub(r"^(# .*)$", rf"\1 {number}", text, count=1, flags=re.MULTILINE)


def _add_modules(project: Path, count: int) -> list[str]:
    docs = project / DOCS
    keys = []
    for number in range(1, count + 1):
        clone_id = f"bench-{number:04d}"
        key = page_path("module", clone_id)
        for language in LANGUAGES:
            text = (docs / translation_path(page_path("module", TEMPLATE), language)).read_text(encoding="utf-8")
            (docs / translation_path(key, language)).write_text(_clone(text, clone_id, number), encoding="utf-8")
        keys.append(key)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if NAV_ANCHOR not in text:
        fail(f"mkdocs.yml has no nav line {NAV_ANCHOR.strip()!r} to add the synthetic modules after")
    groups = [keys[start:start + GROUP] for start in range(0, len(keys), GROUP)]
    section = "      - Synthetic:\n" + "".join(
        f"          - Group {number}:\n" + "".join(f"              - {key}\n" for key in group)
        for number, group in enumerate(groups, start=1)
    )
    config.write_text(text.replace(NAV_ANCHOR, NAV_ANCHOR + section, 1), encoding="utf-8")
    return keys


def synthetic(count: int) -> Synthetic:
    with tempfile.TemporaryDirectory(prefix="bench-synthetic-") as tmp:
        project, site = copy_project(Path(tmp) / "project"), Path(tmp) / "site"
        keys = _add_modules(project, count)
        pages = markdown_pages(project / "docs")
        progress(f"synthetic site, {count} modules per language: building {pages} pages (limit {LIMIT or 'none'} s)")
        try:
            seconds, finished = build(project, site, limit=LIMIT), True
        except TooSlow:
            seconds, finished = LIMIT or 0.0, False
        # A stopped build may have written one language: its pages still show the HTML size.
        built = [site / page_url(key, lang) / "index.html" for key in keys for lang in LANGUAGES]
        sizes = [gzip_size(path.read_bytes()) for path in built if path.is_file()]
        progress(f"synthetic site, {count} modules per language: {seconds:.0f} s{'' if finished else ', stopped'}")
        pruned = "navigation.prune" in mkdocs_config(project)["theme"].get("features", [])
        return Synthetic(count, pages, seconds, finished, statistics.median(sizes) if sizes else None, pruned)
