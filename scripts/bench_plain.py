"""The English pages built with plain Material: what our macros, i18n, hooks and checks cost.

The plain build gets the same content as ours: the English pages as finished Markdown, every
macro already rendered (`python -m curriculum render`, curriculum/export.py), so the comparison
is machinery against machinery. (Until 2026.2 the plain build got the sources with each macro
replaced by two words, so the tables, guides and lists that macros write counted against us.)
Compared per page, since our build makes both languages and the plain one English only.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from curriculum import DEFAULT_LANGUAGE
from curriculum.export import render_site
from curriculum.layout import PROJECT_ROOT, page_language
from scripts.bench_common import build, fail, markdown_pages, mkdocs_config, progress

# Jinja expressions, statements and comments: their output needs our macros, so plain text
# stands in for them.
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


def _markdown_extensions(config_text: str) -> str:
    """mkdocs.yml's markdown_extensions block verbatim: its `!!python/name` tags must survive,
    and none of the extensions needs our code."""
    block = re.search(r"^markdown_extensions:\n(?:[ #].*\n|\n)*", config_text, re.MULTILINE)
    if not block:
        fail("mkdocs.yml has no markdown_extensions block")
    return block.group(0)


def plain_build(rendered: bool = True, runs: int = 1) -> tuple[int, float]:
    """Pages and seconds (the fastest of `runs` builds) of a non-strict build with theme
    material, the search plugin and our Markdown extensions; no hooks, macros, i18n, overrides
    or nav. Of the rendered English pages, or (`rendered=False`, the baseline before 2026.2) of
    the English sources with each macro replaced by plain words."""
    theme = mkdocs_config()["theme"]
    with tempfile.TemporaryDirectory(prefix="bench-plain-") as tmp:
        docs = Path(tmp) / "docs"
        if rendered:
            render_site(PROJECT_ROOT, Path(tmp) / "rendered")
            shutil.copytree(Path(tmp) / "rendered" / DEFAULT_LANGUAGE / "docs", docs)
        else:
            shutil.copytree(PROJECT_ROOT / "docs", docs)
            for page in list(docs.rglob("*.md")):
                if page_language(page.relative_to(docs).as_posix()) != DEFAULT_LANGUAGE:
                    page.unlink()
                else:
                    page.write_text(MACRO.sub("macro output", page.read_text(encoding="utf-8")), encoding="utf-8")
        features = "".join(f"    - {feature}\n" for feature in theme.get("features", []))
        config = (
            "site_name: EcoLeap Production (plain)\n"
            "docs_dir: docs\n"
            "theme:\n  name: material\n  language: en\n  font: false\n  features:\n" + features
            + "plugins:\n  - search\n"
            + _markdown_extensions((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
        )
        (Path(tmp) / "mkdocs.yml").write_text(config, encoding="utf-8")
        pages = markdown_pages(docs)
        progress(f"plain Material build of the {pages} English pages ({'rendered' if rendered else 'sources, macros as words'})")
        return pages, min(build(Path(tmp), Path(tmp) / "site", strict=False) for _ in range(runs))
