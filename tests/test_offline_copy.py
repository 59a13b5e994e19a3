"""The offline copy readers download: one zipped folder opened from file://, links to files not
folders, search in the reader's language; and the downloads page, which links only what the
build has.

Making the copy takes a minute, so it is made once per test run and shared by the xdist workers
(`made_once` in conftest.py).
"""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from curriculum import LANGUAGES
from curriculum.downloads import staged
from curriculum.layout import (
    GLOSSARY_PAGE,
    Linker,
    book_file,
    checklist_file,
    offline_file,
    page_url,
)
from curriculum.loader import load_curriculum
from curriculum.render import Renderer
from curriculum.searchentry import ELLIPSIS, TEASER_CHARACTERS
from curriculum.searchindex import read_index
from scripts.offline_copy import build_offline, zip_site
from tests.browser import highlighted, longest_result_text, results_for, watch
from tests.conftest import made_once
from tests.site_pages import ROOT

OFFLINE_BUDGET = 8_000_000

# One worker builds the offline copy and runs every test of it; the others go on with the rest.
pytestmark = pytest.mark.xdist_group("offline-copy")


@pytest.fixture(scope="module")
def offline_copy(pytestconfig: pytest.Config) -> Path:
    """The offline zip, and beside it the folder it unzips to."""
    def make(folder: Path) -> None:
        build_offline(folder / "site")
        zip_site(folder / "site", folder / offline_file())
        with zipfile.ZipFile(folder / offline_file()) as archive:
            archive.extractall(folder / "unzipped")

    return made_once(pytestconfig, "offline", make)


def test_downloads_page_links_only_the_files_the_build_has(tmp_path: Path) -> None:
    curriculum = load_curriculum(ROOT)
    staging = tmp_path / "build" / "downloads"
    made = [book_file("modules", "sv"), checklist_file("green-5s-audit", "sv"), offline_file(),
            "ecoleap-modules-2025.9-sv.pdf"]  # an older version's file is never published again
    for name in made:
        (staging / name).parent.mkdir(parents=True, exist_ok=True)
        (staging / name).write_bytes(b"x" * 2_345_678)
    available = staged(tmp_path)
    assert sorted(available) == sorted(made[:3])

    renderer = Renderer(curriculum, "sv", "about/downloads.sv.md")
    books_html = renderer.downloads("books", available)
    assert re.findall(r'href="([^"]+)"', books_html) == [f"../../../assets/downloads/{book_file('modules', 'sv')}"]
    assert ">Modulguider</a> <small>(PDF, 2,3 MB)</small>" in books_html
    assert f'href="../../../assets/downloads/{checklist_file("green-5s-audit", "sv")}"' in renderer.downloads("checklists", available)
    assert "downloads__missing" in renderer.downloads("books", {})
    offline = Renderer(curriculum, "en", "about/downloads.md", directory_urls=False)
    assert f'href="../assets/downloads/{offline_file()}"' in offline.downloads("offline", available)
    assert "offline copy" in offline.downloads("offline", {}, offline=True)


@pytest.mark.parametrize(("current", "language", "target", "href"), [
    ("modules/x.md", "en", "modules/y.md", "y.html"),
    ("index.md", "en", "modules/index.md", "modules/index.html"),
    ("modules/x.sv.md", "sv", "about/sources.md", "../about/sources.html"),
    ("index.sv.md", "sv", "index.md", "index.html"),
])
def test_offline_links_name_html_files(current: str, language: str, target: str, href: str) -> None:
    """The offline copy has no directory URLs: the renderers link `.html` files there."""
    assert Linker(current, language, directory_urls=False).href(target) == href
    assert Linker("coach-training/portfolio.md", "en", directory_urls=False).asset("assets/x.md") == "../assets/x.md"


def test_offline_zip_is_one_folder_with_the_site_and_its_search(offline_copy: Path) -> None:
    archive = offline_copy / offline_file()
    assert archive.stat().st_size <= OFFLINE_BUDGET, f"{archive.name}: {archive.stat().st_size} bytes"
    folder = offline_file().removesuffix(".zip")
    with zipfile.ZipFile(archive) as opened:
        names = set(opened.namelist())
    assert all(name.startswith(folder + "/") for name in names)
    for needed in ("index.html", "sv/index.html", "modules/green-waste-walk.html", "sv/modules/green-waste-walk.html",
                   "search/search_index.js", "sv/search/search_index.js",
                   "assets/javascripts/offline-worker.js", "assets/javascripts/offline-worker-frame.js"):
        assert f"{folder}/{needed}" in names, needed
    assert not [name for name in names if name.endswith(".json") and "/search/" in name], "an index nothing reads from file://"
    assert not any(name.endswith(".pdf") for name in names), "the offline copy should not carry the PDFs"


def test_each_glossary_term_is_a_search_entry_of_its_own_offline_too(offline_copy: Path) -> None:
    """The offline pages' addresses end in .html, the site's in a slash (curriculum/searchglossary.py)."""
    site = offline_copy / "unzipped" / offline_file().removesuffix(".zip")
    terms = sorted(load_curriculum(ROOT).glossary)
    for language in LANGUAGES:
        glossary = page_url(GLOSSARY_PAGE, language, directory_urls=False) + "#term-"
        docs = read_index(site, language, script=True)["docs"]
        assert sorted(doc["location"].removeprefix(glossary) for doc in docs if doc["location"].startswith(glossary)) == terms


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and found.get("rel") == "alternate":
            return  # for search engines and Material's sitemap lookup, never opened by a reader
        for name, value in attrs:
            if value and ((name == "href" and tag in ("a", "link")) or (name == "src" and tag in ("img", "script"))):
                self.targets.append(value)


def test_offline_copy_links_open_files_not_folders(offline_copy: Path) -> None:
    """From file:// a link to a folder shows a file listing, not the page: every local link and
    asset in the copy must name a file that is there."""
    site = offline_copy / "unzipped" / offline_file().removesuffix(".zip")
    broken = []
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for target in parser.targets:
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            if page.name == "404.html":
                continue  # only shown by a web server, which resolves its root-absolute links
            resolved = (page.parent / unquote(parts.path)).resolve()
            if not resolved.is_file():
                broken.append(f"{page.relative_to(site)}: {target}")
    assert len(pages) > 100
    assert not broken, "\n".join(broken[:30])


# "a" and "en" are stop words, which search leaves out of a query.
@pytest.mark.parametrize(("start", "query", "expected", "stop_word"), [
    ("modules/green-waste-walk.html", "a waste walk", "/modules/green-waste-walk.html", "a"),
    ("sv/modules/green-waste-walk.html", "en slöserivandring", "/sv/modules/green-waste-walk.html", "en"),
])
def test_offline_copy_searches_from_file_in_the_readers_language(page, offline_copy: Path, start: str, query: str,
                                                                 expected: str, stop_word: str) -> None:
    """From file:// too, the results are the reader's language's, each shown as a teaser, and
    found without the query's stop words."""
    site = offline_copy / "unzipped" / offline_file().removesuffix(".zip")
    seen = watch(page)
    page.goto((site / start).as_uri(), wait_until="load")
    page.keyboard.press("/")  # Material's shortcut opens the search
    # From file:// the index loads only when the search opens; type once it is ready.
    expect(page.locator(".md-search-result__meta")).not_to_have_text(re.compile("Initiali"), timeout=20000)
    page.locator(".md-search__input").press_sequentially(query)
    results = results_for(page, query)
    assert any(url.split("?")[0].split("#")[0].endswith(expected) for url in results), results
    assert all(("/sv/" in url) == ("/sv/" in expected) for url in results), "a result in the other language"
    assert [url for url in results if stop_word in highlighted(url)] == []
    longest = longest_result_text(page)
    assert 0 < longest <= TEASER_CHARACTERS + len(ELLIPSIS) + 2, longest
    assert seen.csp_violations() == []
    assert [url for url in seen.requests if not url.startswith("file:")] == [], "a request left the computer"
    # From file:// the browser refuses XMLHttpRequests: Material's sitemap lookups are not sent.
    assert seen.errors == [] and not [url for url in seen.requests if url.endswith("sitemap.xml")]


def test_offline_copy_language_switcher_opens_the_twin_page(page, offline_copy: Path) -> None:
    site = offline_copy / "unzipped" / offline_file().removesuffix(".zip")
    page.goto((site / "modules/green-waste-walk.html").as_uri(), wait_until="load")
    page.evaluate("document.querySelector('a[hreflang=\"sv\"]').click()")
    page.wait_for_url("**/sv/modules/green-waste-walk.html*")
    assert page.locator("html").get_attribute("lang") == "sv"
