"""After the build, our stylesheets without comments and runs of whitespace (curriculum/cssmin.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from curriculum.cssmin import minify_files


def on_post_build(config: MkDocsConfig) -> None:
    minify_files(Path(config.site_dir), [str(sheet) for sheet in config.extra_css])
