"""mkdocs-macros adapter: exposes the pure renderers as page macros. No logic lives here."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from curriculum import CURRICULUM_VERSION, DEFAULT_LANGUAGE
from curriculum import certification as certification_macros
from curriculum.downloads import staged
from curriculum.loader import load_curriculum
from curriculum.render import Renderer
from curriculum.schema import MACROS


class MacroError(Exception):
    """A macro failed; the message names the page file and line."""


def define_env(env: Any) -> None:
    root = Path(env.project_dir)
    # Loaded once per build (MkDocs calls this again for every rebuild under `mkdocs serve`):
    # asking the loader on every macro call would check every content file's date each time,
    # which grows with the square of the page count.
    env.curriculum = load_curriculum(root)

    def renderer() -> Renderer:
        page = env.page
        language = getattr(page.file, "locale", None) or DEFAULT_LANGUAGE
        return Renderer(env.curriculum, language, page.file.src_uri, _directory_urls(env))

    def bind(name: str):
        def macro(*args: str) -> str:
            try:
                if name in certification_macros.MACROS:
                    return certification_macros.MACROS[name](renderer(), *args)
                return getattr(renderer(), name)(*args)
            except LookupError as error:
                src = env.page.file.src_uri
                line = _line_of(root / "docs" / src, name)
                call = f"{name}({', '.join(repr(a) for a in args)})"
                raise MacroError(f"docs/{src}:{line}: {call}: {error}") from None

        macro.__name__ = name
        return macro

    for name in MACROS:
        if name not in ("curriculum_version", "downloads"):
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
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    pattern = re.compile(r"\{\{\s*" + re.escape(name) + r"\s*\(")
    return next((i for i, line in enumerate(lines, 1) if pattern.search(line)), 1)
