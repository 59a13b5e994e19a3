"""Links between built pages, computed the way MkDocs lays out URLs (directory URLs,
the Swedish build under `sv/`), so renderers need no MkDocs import."""

from __future__ import annotations

import posixpath

from curriculum import DEFAULT_LANGUAGE


def page_url(src: str, language: str) -> str:
    """The site-relative URL of a docs page (`modules/x.md` -> `sv/modules/x/`)."""
    base = src.removesuffix(".md")
    if base.endswith(f".{language}"):
        base = base[: -len(language) - 1]
    is_index = base == "index" or base.endswith("/index")
    url = base[: -len("index")] if is_index else base + "/"
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    return prefix + url


class Linker:
    """Relative hrefs from one page to others, in the page's language."""

    def __init__(self, current_src: str, language: str) -> None:
        self.language = language
        self.current = page_url(current_src, language)

    def href(self, target_src: str, anchor: str | None = None) -> str:
        target = page_url(target_src, self.language)
        start = self.current or "."
        relative = posixpath.relpath(target or ".", start)
        relative = "./" if relative == "." else relative + "/"
        return relative + (f"#{anchor}" if anchor else "")

    def asset(self, docs_path: str) -> str:
        """A file below docs/ (images, captions), which is not translated."""
        start = self.current or "."
        return posixpath.relpath(docs_path, start)
