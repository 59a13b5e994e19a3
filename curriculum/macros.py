"""mkdocs-macros adapter: exposes the pure renderers as page macros. No logic lives here."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from curriculum import CURRICULUM_VERSION, DEFAULT_LANGUAGE, htmlstash
from curriculum.downloadnote import downloads_note
from curriculum.downloads import staged
from curriculum.loader import load_curriculum
from curriculum.macro_errors import MacroError
from curriculum.nav import nav_pages
from curriculum.problems import CurriculumError
from curriculum.render import Renderer
from curriculum.route import self_service_route
from curriculum.schema import MACROS
from curriculum.support import cases_markdown, support_markdown


def define_env(env: Any) -> None:
    root = Path(env.project_dir)
    # Loaded once per build (MkDocs calls this again for every rebuild under `mkdocs serve`):
    # asking the loader on every macro call would check every content file's date each time,
    # which grows with the square of the page count.
    try:
        env.curriculum = load_curriculum(root)
    except CurriculumError as error:
        # MkDocs prints a PluginError as its message alone and exits non-zero: the author sees
        # the list of problems, not the traceback through mkdocs-macros that led to it.
        raise PluginError(error.report()) from None
    # What `make downloads` staged before this build; the offline copy links none of it.
    env.staged = staged(root) if _directory_urls(env) else {}
    env.nav_order = nav_pages(root)

    def renderer() -> Renderer:
        page = env.page
        language = getattr(page.file, "locale", None) or DEFAULT_LANGUAGE
        made = Renderer(env.curriculum, language, page.file.src_uri, _directory_urls(env), env.nav_order)
        made.available_downloads = env.staged
        return made

    def bind(name: str):
        def macro(*args: str) -> str:
            try:
                return htmlstash.keep(getattr(renderer(), name)(*args))
            except LookupError as error:
                src = env.page.file.src_uri
                line = _line_of(root / "docs" / src, name)
                call = f"{name}({', '.join(repr(a) for a in args)})"
                raise MacroError(f"docs/{src}:{line}: {call}: {error}") from None

        macro.__name__ = name
        return macro

    for name in MACROS:
        if name not in ("curriculum_version", "downloads") and hasattr(Renderer, name):
            env.macro(bind(name), name)
    env.macro(lambda: CURRICULUM_VERSION, "curriculum_version")

    def downloads(section: str) -> str:
        # The files that `make downloads` staged; the offline copy (no directory URLs) has none.
        offline = not _directory_urls(env)
        try:
            return renderer().downloads(section, {} if offline else staged(root), offline)
        except LookupError as error:
            src = env.page.file.src_uri
            raise MacroError(f"docs/{src}:{_line_of(root / 'docs' / src, 'downloads')}: downloads({section!r}): {error}") from None

    env.macro(downloads, "downloads")
    env.macro(lambda: downloads_note(renderer(), {} if not _directory_urls(env) else staged(root),
                                     not _directory_urls(env), env.conf.get("repo_url")), "downloads_note")
    # Dated support entries and published cases (curriculum/support.py).
    env.macro(lambda: support_markdown(env.curriculum.support, renderer(), env.curriculum.sources), "support_table")
    env.macro(lambda: cases_markdown(env.curriculum.cases, renderer()), "case_table")
    env.macro(lambda *ids: self_service_route(env.curriculum, renderer(), *ids), "self_service_route")


def on_post_page_macros(env: Any) -> None:
    """Append the glossary as abbreviations, so Material shows a tooltip on each term."""
    page = env.page
    language = getattr(page.file, "locale", None) or DEFAULT_LANGUAGE
    renderer = Renderer(env.curriculum, language, page.file.src_uri, _directory_urls(env))
    definitions = renderer.glossary_abbreviations(env.markdown)
    env.markdown += "\n\n" + definitions + "\n"


def _directory_urls(env: Any) -> bool:
    """False in the offline copy: Material's offline plugin turns directory URLs off."""
    return bool(env.conf.get("use_directory_urls", True))


def _line_of(path: Path, name: str) -> int:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError:
        return 1
    pattern = re.compile(r"\{\{\s*" + re.escape(name) + r"\s*\(")
    return next((i for i, line in enumerate(lines, 1) if pattern.search(line)), 1)
