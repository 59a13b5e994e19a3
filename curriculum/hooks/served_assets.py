"""After the build, our stylesheets and scripts as a reader's browser needs them: without the
comments the sources keep, and the scripts without their indentation (curriculum/cssmin.py,
curriculum/jsmin.py). Material's own files are left alone; they come minified. `mkdocs serve`
serves them as written: an author reading them in the browser's tools sees the comments."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from curriculum.cssmin import minify
from curriculum.hooks import inner_language_build
from curriculum.jsmin import for_serving

OUR_SCRIPTS = "assets/javascripts"
_serving = False  # set once per process: MkDocs' first event names the command


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_post_build(config: MkDocsConfig) -> None:
    if _serving or inner_language_build(config):
        return
    site = Path(config.site_dir)
    rewrite(site, [str(sheet) for sheet in config.extra_css], minify)
    ours = Path(config.docs_dir) / OUR_SCRIPTS
    rewrite(site, [f"{OUR_SCRIPTS}/{path.relative_to(ours).as_posix()}" for path in sorted(ours.rglob("*.js"))],
            for_serving)


def rewrite(site: Path, files: Iterable[str], change: Callable[[str], str]) -> None:
    """Each built file (a path relative to the site) rewritten in place; one not built is skipped."""
    for relative in files:
        path = site / relative
        if path.is_file():
            path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
