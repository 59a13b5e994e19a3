"""The files readers download: the PDFs printed from the real site, and the offline
copy opened from file:// with search in both languages.

Making them takes a minute or two, so each is made once per test run and shared by the xdist
workers (`made_once` in conftest.py).
"""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader, PdfWriter

from curriculum import CURRICULUM_VERSION, LANGUAGES
from curriculum.downloads import BOOKS, staged
from curriculum.layout import (
    Linker,
    book_file,
    checklist_file,
    kit_file,
    offline_file,
    translation_path,
    worksheet_file,
)
from curriculum.loader import load_curriculum
from curriculum.nav import nav_pages
from curriculum.render import Renderer
from scripts.offline_copy import build_offline, zip_site
from scripts.pdf_compose import books
from scripts.pdfs import mend_outline, write_pdfs
from scripts.worksheet_files import check_text_size, running_order
from tests.browser import watch
from tests.conftest import made_once
from tests.site_pages import ROOT

BOOK_PAGE_BUDGET = 36_000  # bytes a page; tagged PDFs (bookmarks, screen readers) with tables run 22-33 kB a page
CHECKLIST_BUDGET = 150_000
OFFLINE_BUDGET = 8_000_000
A4 = (595.28, 841.89)  # points
VERSION_WORDS = {"en": "Curriculum version", "sv": "Utbildningsversion"}


@pytest.fixture(scope="module")
def pdfs(request: pytest.FixtureRequest) -> Path:
    # Only the worker that makes the PDFs needs a built site; it prints with the session's browser.
    return made_once(request.config, "pdfs", lambda out: write_pdfs(
        request.getfixturevalue("built_site"), out, request.getfixturevalue("browser")))


@pytest.fixture(scope="module")
def offline_copy(pytestconfig: pytest.Config) -> Path:
    """The offline zip, and beside it the folder it unzips to."""
    def make(folder: Path) -> None:
        build_offline(folder / "site")
        zip_site(folder / "site", folder / offline_file())
        with zipfile.ZipFile(folder / offline_file()) as archive:
            archive.extractall(folder / "unzipped")

    return made_once(pytestconfig, "offline", make)


def _text(reader: PdfReader, page_number: int) -> str:
    return " ".join(reader.pages[page_number - 1].extract_text().split())


def _outline_titles(pdf: bytes) -> list[str]:
    return [item.title for item in PdfReader(io.BytesIO(pdf)).outline if not isinstance(item, list)]


def test_mend_outline_puts_back_the_space_chromium_drops_at_a_wrap() -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=A4[0], height=A4[1])
    writer.add_outline_item(title="Lean foundationswith green glasses", page_number=0)
    writer.add_outline_item(title="Sources", page_number=0)
    writer.add_outline_item(title="Not a heading", page_number=0)
    made = io.BytesIO()
    writer.write(made)
    mended = mend_outline(made.getvalue(), ["Lean foundations with\ngreen glasses", "Sources"])
    assert _outline_titles(mended) == ["Lean foundations with green glasses", "Sources", "Not a heading"]
    # Nothing to mend: the PDF is returned as Chromium made it.
    assert mend_outline(made.getvalue(), ["Other"]) == made.getvalue()


@pytest.mark.parametrize("language", LANGUAGES)
def test_module_book_runs_in_program_order_as_the_navigation_lists_the_modules(language: str) -> None:
    curriculum = load_curriculum(ROOT)
    modules_book = books(curriculum, language)[BOOKS.index("modules")]
    in_nav = [src for src in nav_pages(ROOT) if src in {m.key for m in curriculum.modules.values()}]
    assert [chapter.src for chapter in modules_book.chapters] == in_nav
    assert len(in_nav) == len(curriculum.modules), "a module guide is missing from the navigation"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("book_index", range(len(BOOKS)), ids=BOOKS)
def test_book_has_contents_page_numbers_and_every_chapter_in_order(pdfs: Path, book_index: int, language: str) -> None:
    curriculum = load_curriculum(ROOT)
    book = books(curriculum, language)[book_index]
    path = pdfs / book_file(book.slug, language)
    assert path.is_file(), f"{path.name} was not made"
    reader = PdfReader(path)
    pages = len(reader.pages)
    assert path.stat().st_size <= BOOK_PAGE_BUDGET * pages, f"{path.name}: {path.stat().st_size} bytes for {pages} pages"
    # At least the contents and one page a chapter; at most what the chapters' text fills at a
    # sparse 200 words an A4 page, plus two a chapter (its title and a part-filled last page).
    words = sum(len((ROOT / "docs" / translation_path(chapter.src, language)).read_text(encoding="utf-8").split())
                for chapter in book.chapters)
    assert len(book.chapters) + 1 <= pages <= words // 200 + 2 * len(book.chapters), f"{path.name}: {pages} pages for {words} words"
    assert all(abs(float(p.mediabox.width) - A4[0]) < 1 and abs(float(p.mediabox.height) - A4[1]) < 1 for p in reader.pages)

    starts = {name.lstrip("/"): reader.get_destination_page_number(dest) + 1
              for name, dest in reader.named_destinations.items()}
    contents = _text(reader, 1) + " " + _text(reader, 2)
    assert f"{VERSION_WORDS[language]} {CURRICULUM_VERSION}" in contents
    previous = 1
    for chapter in book.chapters:
        title = " ".join(curriculum.pages[chapter.src].title[language].split())
        start = starts.get(chapter.anchor)
        assert start, f"{path.name}: no destination for {chapter.src}"
        assert start > previous, f"{path.name}: {chapter.src} starts on page {start}, not after page {previous}"
        previous = start
        assert title in _text(reader, start), f"{path.name}: page {start} does not start {title!r}"
        assert f"{title} {start}" in contents, f"{path.name}: the contents do not list {title!r} on page {start}"
    assert f"1 / {pages}" in _text(reader, 1) and f"{pages} / {pages}" in _text(reader, pages)
    # Every chapter has a bookmark spelled as its title (mend_outline puts back the space that
    # Chromium drops where a long title wraps).
    bookmarks = {item.title for item in reader.outline if not isinstance(item, list)}
    missing = {" ".join(curriculum.pages[ch.src].title[language].split()) for ch in book.chapters} - bookmarks
    assert not missing, f"{path.name}: no bookmark spelled {sorted(missing)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_checklist_prints_on_one_a4_page(pdfs: Path, language: str) -> None:
    curriculum = load_curriculum(ROOT)
    for checklist in curriculum.checklists.values():
        path = pdfs / checklist_file(checklist.id, language)
        assert path.is_file(), f"{path.name} was not made"
        assert path.stat().st_size <= CHECKLIST_BUDGET, f"{path.name}: {path.stat().st_size} bytes"
        reader = PdfReader(path)
        assert len(reader.pages) == 1, f"{path.name}: {len(reader.pages)} pages"
        box = reader.pages[0].mediabox
        assert abs(float(box.width) - A4[0]) < 1 and abs(float(box.height) - A4[1]) < 1
        text = _text(reader, 1).replace("- ", "-")  # a line that wraps at "know-how" reads "know- how"
        for wanted in (checklist.title[language], checklist.items[0].text[language],
                       checklist.items[-1].text[language], f"{VERSION_WORDS[language]} {CURRICULUM_VERSION}"):
            assert " ".join(wanted.split()).replace("- ", "-") in text, f"{path.name}: {wanted!r} is missing"


WORKSHEET_WORDS = {"en": "EcoLeap Production worksheet", "sv": "Arbetsblad från EcoLeap Production"}
HOW_TO = {"en": "how to fill it in", "sv": "så fyller du i bladet"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_worksheet_prints_as_the_sheet_on_one_a4_page_and_its_instructions_on_the_next(pdfs: Path, language: str) -> None:
    c = load_curriculum(ROOT)
    for sheet in c.worksheets.values():
        path = pdfs / worksheet_file(sheet.id, language, "pdf")
        assert path.is_file(), f"{path.name} was not made"
        assert (pdfs / worksheet_file(sheet.id, language, "xlsx")).is_file()
        reader = PdfReader(path)
        assert len(reader.pages) == 2, f"{path.name}: {len(reader.pages)} pages"
        size = A4 if sheet.orientation == "portrait" else (A4[1], A4[0])
        for page in reader.pages:
            assert abs(float(page.mediabox.width) - size[0]) < 1 and abs(float(page.mediabox.height) - size[1]) < 1, path.name
        sheet_text, guide_text = _text(reader, 1), _text(reader, 2)
        # The whole sheet is on page 1: its title first, its last section and the footer on it.
        assert sheet_text.startswith(" ".join(sheet.title[language].split())), path.name
        assert " ".join(sheet.sections[-1].title[language].split()) in sheet_text, path.name
        assert f"{WORKSHEET_WORDS[language]} · {VERSION_WORDS[language]} {CURRICULUM_VERSION}" in sheet_text, path.name
        assert guide_text.startswith(f"{' '.join(sheet.title[language].split())}: {HOW_TO[language]}"), path.name
        assert ("Example (illustrative)" if language == "en" else "Exempel (fiktivt)") in guide_text


def test_a_worksheet_with_text_under_11_pt_is_not_printed(browser) -> None:
    page = browser.new_page()
    sheet = '<div class="worksheet"><p style="font-size: 12pt">Title</p><p class="worksheet__footer" style="font-size: 8pt">Footer</p>{}</div>'
    page.set_content(sheet.format('<table><tr><td style="font-size: 9pt">Small</td></tr></table>'))
    with pytest.raises(SystemExit, match=re.escape("worksheet x (en): text at 9 pt; a printed worksheet needs 11 pt or more (check the print CSS)")):
        check_text_size(page, "worksheet x (en)")
    page.set_content(sheet.format('<span style="font-size: 11pt">Big enough</span>'))
    check_text_size(page, "worksheet x (en)")  # the 8 pt footer does not count
    page.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_module_has_a_facilitator_kit_with_its_sheets_in_running_order(pdfs: Path, language: str) -> None:
    c = load_curriculum(ROOT)
    for module in c.modules.values():
        path = pdfs / kit_file(module.id, language, "pdf")
        assert path.is_file(), f"{path.name} was not made"
        kit = PdfReader(path)
        order = running_order(ROOT, module)
        assert {item for kind, item in order if kind == "checklist"} == set(module.checklists)
        parts = [PdfReader(pdfs / (checklist_file(item, language) if kind == "checklist" else worksheet_file(item, language, "pdf")))
                 for kind, item in order]
        guide_pages = len(kit.pages) - sum(len(part.pages) for part in parts)
        assert guide_pages >= 2, f"{path.name}: {guide_pages} pages before the sheets"  # the contents, then the guide
        cover = _text(kit, 1)
        assert " ".join(module.title[language].split()) in cover
        cover = cover.split(c.label("kit_sheets", language))[1]
        titles = [" ".join((c.checklists if kind == "checklist" else c.worksheets)[item].title[language].split()) for kind, item in order]
        positions = [cover.find(title) for title in titles]
        assert -1 not in positions and positions == sorted(positions), f"{path.name}: the cover does not list the sheets in order"
        assert all(abs(float(p.mediabox.width) - A4[0]) < 1 or abs(float(p.mediabox.width) - A4[1]) < 1 for p in kit.pages)
        page = guide_pages
        for part in parts:
            for number in range(1, len(part.pages) + 1):
                assert _text(kit, page + number) == _text(part, number), f"{path.name}: page {page + number}"
            page += len(part.pages)
        worksheets = [item for kind, item in order if kind == "worksheet"]
        archive = pdfs / kit_file(module.id, language, "zip")
        assert archive.is_file() == bool(worksheets), archive.name
        if worksheets:
            with zipfile.ZipFile(archive) as bundle:
                assert bundle.namelist() == [Path(worksheet_file(item, language, "xlsx")).name for item in worksheets]


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
                   "search/search_index.js", "assets/javascripts/offline-worker.js", "assets/javascripts/offline-worker-frame.js"):
        assert f"{folder}/{needed}" in names, needed
    assert not any(name.endswith(".pdf") for name in names), "the offline copy should not carry the PDFs"


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


@pytest.mark.parametrize(("start", "query", "expected"), [
    ("modules/green-waste-walk.html", "waste walk", "/modules/green-waste-walk.html"),
    ("sv/modules/green-waste-walk.html", "slöserivandring", "/sv/modules/green-waste-walk.html"),
])
def test_offline_copy_searches_from_file_in_the_readers_language(page, offline_copy: Path, start: str, query: str, expected: str) -> None:
    site = offline_copy / "unzipped" / offline_file().removesuffix(".zip")
    seen = watch(page)
    page.goto((site / start).as_uri(), wait_until="load")
    page.keyboard.press("/")  # Material's shortcut opens the search
    # From file:// the index loads only when the search opens; type once it is ready.
    expect(page.locator(".md-search-result__meta")).not_to_have_text(re.compile("Initiali"), timeout=20000)
    page.locator(".md-search__input").press_sequentially(query)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    results = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    assert any(url.split("?")[0].split("#")[0].endswith(expected) and ("/sv/" in url) == ("/sv/" in expected)
               for url in results), results
    assert seen.csp_violations() == []
    assert [url for url in seen.requests if not url.startswith("file:")] == [], "a request left the computer"


def test_offline_copy_language_switcher_opens_the_twin_page(page, offline_copy: Path) -> None:
    site = offline_copy / "unzipped" / offline_file().removesuffix(".zip")
    page.goto((site / "modules/green-waste-walk.html").as_uri(), wait_until="load")
    page.evaluate("document.querySelector('a[hreflang=\"sv\"]').click()")
    page.wait_for_url("**/sv/modules/green-waste-walk.html*")
    assert page.locator("html").get_attribute("lang") == "sv"
