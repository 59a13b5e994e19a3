"""MkDocs' link warnings as `path:line` problems (curriculum/linkwarnings.py); the build that
shows them end to end is in test_build_failure.py."""

from __future__ import annotations

import logging
from pathlib import Path

from curriculum.linkwarnings import LinkWarningLines, line_of_link, rewrite
from tests.site_pages import ROOT

PAGE = """---
title: Page
---

# Page

See [the audit](#baseline-audti) and [the game][game].
<a href="other.md#gone">raw</a>

[game]: other.md#flow-gaem
"""


def _docs(tmp_path: Path) -> Path:
    (tmp_path / "modules").mkdir(exist_ok=True)
    (tmp_path / "modules/page.md").write_text(PAGE, encoding="utf-8")
    return tmp_path


def test_the_line_of_a_link_in_each_way_a_page_writes_one() -> None:
    assert line_of_link(PAGE, "#baseline-audti") == 7
    assert line_of_link(PAGE, "other.md#gone") == 8
    assert line_of_link(PAGE, "other.md#flow-gaem") == 10
    assert line_of_link(PAGE, "#made-by-a-macro") is None


def test_an_anchor_missing_on_the_page_itself_gets_its_line_and_the_nearest_anchor(tmp_path: Path) -> None:
    message = "Doc file 'modules/page.md' contains a link '#baseline-audti', but there is no such anchor on this page."
    anchors = {"modules/page.md": {"baseline-audit", "sources"}}
    assert rewrite(message, _docs(tmp_path), anchors) == (
        "docs/modules/page.md:7: link '#baseline-audti': no such anchor on this page (did you mean '#baseline-audit'?)")


def test_an_anchor_missing_on_another_page_names_that_page(tmp_path: Path) -> None:
    message = ("Doc file 'modules/page.md' contains a link 'other.md#flow-gaem', "
               "but the doc 'modules/other.md' does not contain an anchor '#flow-gaem'.")
    anchors = {"modules/other.md": {"flow-game"}}
    assert rewrite(message, _docs(tmp_path), anchors) == (
        "docs/modules/page.md:10: link 'other.md#flow-gaem': docs/modules/other.md has no anchor '#flow-gaem' "
        "(did you mean '#flow-game'?)")
    # Nothing near: no list of every id on the page.
    assert rewrite(message, _docs(tmp_path), {"modules/other.md": {"sources", "exercises"}}).endswith("no anchor '#flow-gaem'")


def test_a_link_no_line_names_is_said_to_come_from_a_macro_and_other_messages_stay(tmp_path: Path) -> None:
    message = "Doc file 'modules/page.md' contains a link '#made-by-a-macro', but there is no such anchor on this page."
    assert rewrite(message, _docs(tmp_path), {}) == (
        "docs/modules/page.md (a link a macro writes): link '#made-by-a-macro': no such anchor on this page")
    assert rewrite("Building documentation...", _docs(tmp_path), {}) == "Building documentation..."


def test_the_filter_rewrites_a_warning_and_lets_it_through(tmp_path: Path) -> None:
    lines = LinkWarningLines(_docs(tmp_path))
    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, __file__, 1,
                               "Doc file '%s' contains a link '#baseline-audti', but there is no such anchor on this page.",
                               ("modules/page.md",), None)
    assert lines.filter(record) is True
    assert record.getMessage() == "docs/modules/page.md:7: link '#baseline-audti': no such anchor on this page"


def test_configuring_again_as_make_serve_does_on_a_rebuild_leaves_one_filter(tmp_path: Path) -> None:
    """MkDocs loads a hook file by its path each time it reads the configuration: each rebuild of
    `make serve` runs a fresh copy of the hook, which must still find the earlier filter."""
    import importlib.util

    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig()
    config["docs_dir"] = str(_docs(tmp_path))
    logger = logging.getLogger(f"{type(config).__module__.split('.')[0]}.structure.pages")
    try:
        for _ in range(3):
            spec = importlib.util.spec_from_file_location("link_lines", ROOT / "curriculum/hooks/link_lines.py")
            assert spec is not None and spec.loader is not None
            hook = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(hook)
            hook.on_config(config)
        assert [type(found) for found in logger.filters].count(LinkWarningLines) == 1
    finally:
        for found in list(logger.filters):
            logger.removeFilter(found)
