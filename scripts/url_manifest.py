"""The URL manifest: every page URL the site has published, in both languages.

A published URL must keep working in every later curriculum version: either the page is still
there, or a redirect (mkdocs-redirects `redirect_maps` in mkdocs.yml) sends the reader on.

    python -m scripts.url_manifest add           # add the URLs of new pages; never removes one
    python -m scripts.url_manifest check SITE    # every listed URL has a page or a redirect in SITE
    python -m scripts.url_manifest missing       # pages whose URLs are not listed yet (exit 1 if any)

URLs are paths below a version's root, one per line: `modules/green-waste-walk/`,
`sv/modules/green-waste-walk/`; the English home page is `./`, the Swedish one `sv/`.
"""

from __future__ import annotations

import argparse
import posixpath
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from curriculum.layout import DOCS, PROJECT_ROOT, language_of_url, page_language, page_url
from curriculum.redirects import (
    HOME,
    html_file,
)

MANIFEST = PROJECT_ROOT / "data" / "published-urls.txt"
HEADER = """\
# Every page URL this site has published, in both languages, one per line (see
# docs/about/maintainers.md). Never delete a line: a page that moves or goes away keeps its URL
# through a redirect in mkdocs.yml (plugins > redirects > redirect_maps), and
# tests/test_publish.py fails for a URL that has neither a page nor a redirect.
# New pages: `python -m scripts.url_manifest add`. The English home page is `./`.
"""

_REFRESH = re.compile(r'<meta http-equiv="refresh" content="\d+;\s*url=([^"]+)"', re.IGNORECASE)
_MAX_HOPS = 5


def url_of(relative: str) -> str:
    """The manifest form of a docs page's URL (`index.md` -> `./`)."""
    return page_url(relative, page_language(relative)) or HOME


def page_urls(root: Path = PROJECT_ROOT) -> list[str]:
    """The URL of every page in docs/, both languages."""
    docs = root / DOCS
    return sorted(url_of(path.relative_to(docs).as_posix()) for path in docs.rglob("*.md"))


def read_manifest(path: Path = MANIFEST) -> list[str]:
    if not path.is_file():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def write_manifest(urls: Iterable[str], path: Path = MANIFEST) -> None:
    path.write_text(HEADER + "".join(f"{url}\n" for url in sorted(set(urls))), encoding="utf-8")


def add_new_urls(urls: Iterable[str], path: Path = MANIFEST) -> list[str]:
    """Add the URLs the manifest does not list yet; every listed URL stays. Returns the added."""
    listed = read_manifest(path)
    added = sorted(set(urls) - set(listed))
    if added or not path.is_file():
        write_manifest([*listed, *added], path)
    return added


@dataclass(frozen=True)
class Resolution:
    url: str
    target: str | None  # the page the URL finally shows, as a manifest URL; None: nothing
    redirected: bool
    problem: str | None


def redirect_href(html: str) -> str | None:
    """The link of a redirect page (mkdocs-redirects' or mike's), or None for a real page."""
    match = _REFRESH.search(html)
    return match.group(1) if match else None


def resolve(site: Path, url: str) -> Resolution:
    """Follow a URL through the built site: a page, a redirect to a page, or nothing."""
    current = url
    for _hop in range(_MAX_HOPS):
        page_file = html_file(site, current)
        if not page_file.is_file():
            if current == url:
                return Resolution(url, None, False, "no page and no redirect")
            return Resolution(url, None, True, f"redirects to '{current}', which does not exist")
        href = redirect_href(page_file.read_text(encoding="utf-8", errors="replace"))
        if href is None:
            return Resolution(url, current, current != url, None)
        href = href.split("#", 1)[0]
        if href.startswith(("http://", "https://", "//")):
            return Resolution(url, href, True, None)  # another site: not ours to check
        base = "" if current == HOME else current
        joined = posixpath.normpath(posixpath.join(base, href))
        if joined.startswith(".."):
            return Resolution(url, None, True, f"redirects outside the site ('{href}')")
        current = HOME if joined == "." else joined.rstrip("/") + "/"
    return Resolution(url, None, True, "redirect loop")


def broken_urls(site: Path, urls: Iterable[str]) -> list[str]:
    """One message per listed URL that a reader of the built site could not follow."""
    messages = []
    for url in urls:
        found = resolve(site, url)
        if found.problem:
            messages.append(f"{url}: {found.problem}")
        elif found.redirected and found.target and "://" not in found.target:
            wanted = language_of_url(url)
            if language_of_url(found.target) != wanted:
                messages.append(f"{url}: redirects to '{found.target}', a page in another language")
    return messages


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("add", help="add the URLs of pages the manifest does not list yet")
    commands.add_parser("missing", help="list pages whose URLs are not in the manifest")
    check = commands.add_parser("check", help="check every listed URL against a built site")
    check.add_argument("site", type=Path, help="a built site, e.g. site/ after `make build`")
    args = parser.parse_args(argv)

    if args.command == "add":
        added = add_new_urls(page_urls())
        for url in added:
            print(f"added {url}")
        print(f"{len(added)} URL{'s' if len(added) != 1 else ''} added to {MANIFEST.relative_to(PROJECT_ROOT)}")
        return 0
    if args.command == "missing":
        missing = sorted(set(page_urls()) - set(read_manifest()))
        for url in missing:
            print(f"not in the manifest: {url}")
        if missing:
            print("run `python -m scripts.url_manifest add`", file=sys.stderr)
        return 1 if missing else 0
    problems = broken_urls(args.site, read_manifest())
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
