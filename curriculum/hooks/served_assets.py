"""After the build, our stylesheets and scripts as a reader's browser needs them: without the
comments the sources keep (curriculum/cssmin.py, curriculum/jsmin.py). Material's own files are
left alone; they come minified."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from curriculum.cssmin import minify_files
from curriculum.jsmin import strip_files

OUR_SCRIPTS = "assets/javascripts"


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    minify_files(site, [str(sheet) for sheet in config.extra_css])
    ours = Path(config.docs_dir) / OUR_SCRIPTS
    strip_files(site, [f"{OUR_SCRIPTS}/{path.relative_to(ours).as_posix()}" for path in sorted(ours.rglob("*.js"))])
