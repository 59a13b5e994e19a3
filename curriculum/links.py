"""Links between built pages, computed the way MkDocs lays out URLs (directory URLs, or
`.html` files in the offline copy; the Swedish build under `sv/`), so renderers need no
MkDocs import."""

from __future__ import annotations

import posixpath

from curriculum import DEFAULT_LANGUAGE, LANGUAGES


def language_of_url(url: str) -> str:
    """The language of a site-relative URL or search location (`sv/modules/x/` -> `sv`)."""
    first = url.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def page_url(src: str, language: str, directory_urls: bool = True) -> str:
    """The site-relative URL of a docs page (`modules/x.md` -> `sv/modules/x/`; without
    directory URLs, as in the offline copy, `sv/modules/x.html`)."""
    base = src.removesuffix(".md")
    if base.endswith(f".{language}"):
        base = base[: -len(language) - 1]
    if not directory_urls:
        url = base + ".html"
    elif base == "index" or base.endswith("/index"):
        url = base[: -len("index")]
    else:
        url = base + "/"
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    return prefix + url


class Linker:
    """Relative hrefs from one page to others, in the page's language."""

    def __init__(self, current_src: str, language: str, directory_urls: bool = True) -> None:
        self.language = language
        self.directory_urls = directory_urls
        self.current = page_url(current_src, language, directory_urls)
        # Relative links start from the page's own URL, or from its file's folder.
        self.folder = (self.current if directory_urls else posixpath.dirname(self.current)) or "."

    def href(self, target_src: str, anchor: str | None = None) -> str:
        target = page_url(target_src, self.language, self.directory_urls)
        relative = posixpath.relpath(target or ".", self.folder)
        if self.directory_urls:
            relative = "./" if relative == "." else relative + "/"
        return relative + (f"#{anchor}" if anchor else "")

    def asset(self, docs_path: str) -> str:
        """A file below docs/ (images, captions), which is not translated."""
        return posixpath.relpath(docs_path, self.folder)
