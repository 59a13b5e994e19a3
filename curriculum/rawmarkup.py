"""What a page writes that MkDocs does not check, or checks without a line: template
expressions that are no plain macro call, raw HTML links and images, and the files Markdown
links and images lead to.

An undefined name would stop the build inside mkdocs-macros at a line of its template; a raw
HTML link is not rewritten or checked by MkDocs and would break only on the built site; a
Markdown link to a missing file gets a warning from MkDocs that names no line. All are reported
here at the page's own line.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, TemplateSyntaxError, meta

from curriculum import LANGUAGES
from curriculum.layout import page_url
from curriculum.pagesource import PageSource
from curriculum.problems import Problem, closest, did_you_mean
from curriculum.reader import FieldReader
from curriculum.schema import MACROS

# What mkdocs-macros itself defines for a page besides our macros.
RENDER_NAMES = frozenset({
    "config", "page", "extra", "environment", "plugin", "git", "macros", "filters",
    "filters_builtin", "navigation", "files", "context", "macros_info", "now", "fix_url",
})
_PARSER = Environment()


def check_expressions(page: PageSource, reader: FieldReader) -> None:
    """`{{ … }}` that is not a literal macro call: every name in it must exist when rendered."""
    for line, source in page.expressions:
        try:
            names = meta.find_undeclared_variables(_PARSER.parse("{{ " + source + " }}"))
        except TemplateSyntaxError as error:
            reader.fail(line, "macro", f"{{{{ {source} }}}}: {error.message} (write a macro call such as {{{{ cite(\"key\") }}}})")
            continue
        for name in sorted(names - set(MACROS) - RENDER_NAMES):
            hint = closest(name, MACROS) or " (a page uses the macros in the contributors' guide; an id is quoted: cite(\"key\"))"
            reader.fail(line, "macro", f"{{{{ {source} }}}}: '{name}' is undefined{hint}")


def check_links(root: Path, pages: list[PageSource], problems: list[Problem]) -> None:
    """Every raw HTML and Markdown link or image to the site leads to a page or file of it."""
    docs = root / "docs"
    files = {path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file()}
    _check_html_links(pages, {name for name in files if not name.endswith(".md")}, problems)
    _check_markdown_links(pages, files, problems)


def _check_html_links(pages: list[PageSource], files: set[str], problems: list[Problem]) -> None:
    """Every raw `<a href>` and `<img src>` to a site address leads to a built page or a file
    (not a `.md` source: MkDocs does not rewrite raw HTML)."""
    urls = {page_url(page.path.removeprefix("docs/"), page.language) for page in pages}
    for page in pages:
        here = page_url(page.path.removeprefix("docs/"), page.language)
        for link in page.html_links:
            target = _site_path(here, link.target)
            if target is None or _exists(target, urls, files):
                continue
            attribute = "href" if link.text == "a" else "src"
            problems.append(Problem(page.path, link.line, "link", (
                f'<{link.text} {attribute}="{link.target}"> leads to no page or file of the site '
                f"(MkDocs neither rewrites nor checks raw HTML links: fix the address, or use a Markdown link)")))


def _check_markdown_links(pages: list[PageSource], files: set[str], problems: list[Problem]) -> None:
    """Every Markdown link or image to a file of the site (a page's `.md`, an image, a download)
    finds it. MkDocs finds these too, but names no line and suggests nothing; the anchors after
    `#` are left to it, since macros write many of them."""
    for page in pages:
        folder = posixpath.dirname(page.path.removeprefix("docs/"))
        for link, kind in [(link, "link") for link in page.links] + [(image, "image") for image, _ in page.images]:
            parts = urlsplit(link.target)
            path = unquote(parts.path)
            if parts.scheme or parts.netloc or not path or "{{" in link.target or path.startswith("/") or not posixpath.splitext(path)[1]:
                continue
            target = posixpath.normpath(posixpath.join(folder, path))
            if target in files:
                continue
            near = {name for name in files if posixpath.dirname(name) == posixpath.dirname(target)}
            hint = did_you_mean(posixpath.basename(target), {posixpath.basename(name) for name in near})
            problems.append(Problem(page.path, link.line, kind, f"'{link.target}' leads to no file: docs/{target} does not exist{hint}"))


def _site_path(here: str, href: str) -> str | None:
    """The site-relative path a relative href opens from the page at `here`; None for other sites,
    in-page anchors and addresses a macro writes."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or "{{" in href or href.startswith("/"):
        return None
    joined = posixpath.normpath(posixpath.join(here, unquote(parts.path)))
    return "" if joined == "." else joined + ("/" if parts.path.endswith("/") else "")


def _exists(target: str, urls: set[str], files: set[str]) -> bool:
    if target.startswith(".."):
        return False
    page = target.removesuffix("index.html")
    if page in urls or f"{page.rstrip('/')}/" in urls:
        return True
    language = target.split("/", 1)[0]
    shared = target.split("/", 1)[1] if language in LANGUAGES and "/" in target else target
    return target in files or shared in files
