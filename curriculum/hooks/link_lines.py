"""MkDocs' warnings about links, at the page's own line (curriculum/linkwarnings.py does the work)."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from curriculum.linkwarnings import LinkWarningLines

_lines: LinkWarningLines | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _lines
    # The logger of the core that is building: mkdocs or properdocs (curriculum/core.py).
    pages_log = logging.getLogger(f"{type(config).__module__.split('.')[0]}.structure.pages")
    # `make serve` configures again on every rebuild, and may load this file afresh: the filter
    # class lives in the package, so a filter from an earlier build is found by it.
    for earlier in [found for found in pages_log.filters if isinstance(found, LinkWarningLines)]:
        pages_log.removeFilter(earlier)
    _lines = LinkWarningLines(Path(config.docs_dir))
    pages_log.addFilter(_lines)
    return config


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    # The ids MkDocs found on the rendered page, for the anchor a broken link most likely meant.
    if _lines is not None:
        _lines.anchors[page.file.src_uri] = set(page.present_anchor_ids or ())
    return output
