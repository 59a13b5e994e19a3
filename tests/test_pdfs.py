"""The PDFs readers download, printed from the real site: the books, the checklists, the
worksheets and each module's facilitator kit (the offline copy: test_offline_copy.py).

Making them takes a minute or two, so each is made once per test run and shared by the xdist
workers (`made_once` in conftest.py).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from curriculum import CURRICULUM_VERSION, LANGUAGES
from curriculum.downloads import BOOKS
from curriculum.layout import (
    book_file,
    checklist_file,
    kit_file,
    translation_path,
    worksheet_file,
)
from curriculum.loader import load_curriculum
from curriculum.nav import nav_pages
from scripts.pdf_compose import books
from scripts.pdf_update import append_update
from scripts.pdfs import mend_outline, write_pdfs
from scripts.worksheet_files import check_text_size, running_order
from tests.conftest import made_once
from tests.pdf_text import PrintedText
from tests.site_pages import ROOT

BOOK_PAGE_BUDGET = 36_000  # bytes a page; tagged PDFs (bookmarks, screen readers) with tables run 22-33 kB a page
CHECKLIST_BUDGET = 150_000
A4 = (595.28, 841.89)  # points
VERSION_WORDS = {"en": "Curriculum version", "sv": "Utbildningsversion"}

# Per language, one worker makes the PDFs and runs every test of them: the two languages are made
# side by side, and the other workers go on with the rest.
IN_GROUPS = [pytest.param(language, marks=pytest.mark.xdist_group(f"pdfs-{language}")) for language in LANGUAGES]


@pytest.fixture
def pdfs(request: pytest.FixtureRequest, language: str) -> Path:
    """The PDFs of the test's language, printed by the worker's browser. Only the worker that
    makes them needs a built site."""
    return made_once(request.config, f"pdfs-{language}", lambda out: write_pdfs(
        request.getfixturevalue("built_site"), out, request.getfixturevalue("browser"), (language,)))


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
    # An update appended to the file: the printed bytes stay as they were, and a strict reader
    # finds the mended bookmark.
    assert mended.startswith(made.getvalue())
    assert PdfReader(io.BytesIO(mended), strict=True).outline[0].title == "Lean foundations with green glasses"
    # Nothing to mend: the PDF is returned as Chromium made it.
    assert mend_outline(made.getvalue(), ["Other"]) == made.getvalue()


def test_an_update_needs_the_classic_cross_reference_table_chromium_writes() -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=A4[0], height=A4[1])
    made = io.BytesIO()
    writer.write(made)
    pdf = made.getvalue()
    # As if the last cross-reference section were a stream: startxref points elsewhere than "xref".
    elsewhere = re.sub(rb"startxref\s+\d+", b"startxref\n0", pdf)
    with pytest.raises(ValueError, match="classic cross-reference table"):
        append_update(elsewhere, PdfReader(io.BytesIO(pdf)), [])
    assert append_update(pdf, PdfReader(io.BytesIO(pdf)), []).startswith(pdf)


@pytest.mark.parametrize("language", LANGUAGES)
def test_module_book_runs_in_program_order_as_the_navigation_lists_the_modules(language: str) -> None:
    curriculum = load_curriculum(ROOT)
    modules_book = books(curriculum, language)[BOOKS.index("modules")]
    in_nav = [src for src in nav_pages(ROOT) if src in {m.key for m in curriculum.modules.values()}]
    assert [chapter.src for chapter in modules_book.chapters] == in_nav
    assert len(in_nav) == len(curriculum.modules), "a module guide is missing from the navigation"


@pytest.mark.parametrize("language", IN_GROUPS)
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
    printed = PrintedText(path)
    contents = printed.text(1) + " " + printed.text(2)
    assert f"{VERSION_WORDS[language]} {CURRICULUM_VERSION}" in contents
    previous = 1
    for chapter in book.chapters:
        title = " ".join(curriculum.pages[chapter.src].title[language].split())
        start = starts.get(chapter.anchor)
        assert start, f"{path.name}: no destination for {chapter.src}"
        assert start > previous, f"{path.name}: {chapter.src} starts on page {start}, not after page {previous}"
        previous = start
        assert title in printed.text(start), f"{path.name}: page {start} does not start {title!r}"
        assert f"{title} {start}" in contents, f"{path.name}: the contents do not list {title!r} on page {start}"
    assert f"1 / {pages}" in printed.text(1) and f"{pages} / {pages}" in printed.text(pages)
    # Every chapter has a bookmark spelled as its title (mend_outline puts back the space that
    # Chromium drops where a long title wraps).
    bookmarks = {item.title for item in reader.outline if not isinstance(item, list)}
    missing = {" ".join(curriculum.pages[ch.src].title[language].split()) for ch in book.chapters} - bookmarks
    assert not missing, f"{path.name}: no bookmark spelled {sorted(missing)}"
    # Tagged, for screen readers: a structure tree, and marked content that follows it.
    root = reader.trailer["/Root"]
    marked = root.get("/MarkInfo", {}).get("/Marked")  # a pypdf BooleanObject, true or false
    assert "/StructTreeRoot" in root and marked is not None and marked.value is True, f"{path.name} is not tagged"


@pytest.mark.parametrize("language", IN_GROUPS)
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
        # A title's "Miljö- och" is compared as "Miljö-och": where a line wraps after a hyphen, the
        # printed text has no space after it.
        text = PrintedText(path).text(1).replace("- ", "-")
        for wanted in (checklist.title[language], checklist.items[0].text[language],
                       checklist.items[-1].text[language], f"{VERSION_WORDS[language]} {CURRICULUM_VERSION}"):
            assert " ".join(wanted.split()).replace("- ", "-") in text, f"{path.name}: {wanted!r} is missing"


WORKSHEET_WORDS = {"en": "EcoLeap Production worksheet", "sv": "Arbetsblad från EcoLeap Production"}
HOW_TO = {"en": "how to fill it in", "sv": "så fyller du i bladet"}


@pytest.mark.parametrize("language", IN_GROUPS)
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
        sheet_text, guide_text = PrintedText(path).pages()
        # The whole sheet is on page 1: its title first, its last section and the footer on it.
        assert sheet_text.startswith(" ".join(sheet.title[language].split())), path.name
        assert " ".join(sheet.sections[-1].title[language].split()) in sheet_text, path.name
        assert f"{WORKSHEET_WORDS[language]} · {VERSION_WORDS[language]} {CURRICULUM_VERSION}" in sheet_text, path.name
        assert guide_text.startswith(f"{' '.join(sheet.title[language].split())}: {HOW_TO[language]}"), path.name
        assert ("Example (illustrative)" if language == "en" else "Exempel (fiktivt)") in guide_text
        # The page's own print button stays on the page.
        assert ("Print this sheet" if language == "en" else "Skriv ut arbetsbladet") not in sheet_text + guide_text, path.name


def test_a_worksheet_with_text_under_11_pt_is_not_printed(browser) -> None:
    page = browser.new_page()
    sheet = '<div class="worksheet"><p style="font-size: 12pt">Title</p><p class="worksheet__footer" style="font-size: 8pt">Footer</p>{}</div>'
    page.set_content(sheet.format('<table><tr><td style="font-size: 9pt">Small</td></tr></table>'))
    with pytest.raises(SystemExit, match=re.escape("worksheet x (en): text at 9 pt; a printed worksheet needs 11 pt or more (check the print CSS)")):
        check_text_size(page, "worksheet x (en)")
    page.set_content(sheet.format('<span style="font-size: 11pt">Big enough</span>'))
    check_text_size(page, "worksheet x (en)")  # the 8 pt footer does not count
    page.close()


@pytest.mark.parametrize("language", IN_GROUPS)
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
        cover = PrintedText(path).text(1)
        assert " ".join(module.title[language].split()) in cover
        cover = cover.split(c.label("kit_sheets", language))[1]
        titles = [" ".join((c.checklists if kind == "checklist" else c.worksheets)[item].title[language].split()) for kind, item in order]
        positions = [cover.find(title) for title in titles]
        assert -1 not in positions and positions == sorted(positions), f"{path.name}: the cover does not list the sheets in order"
        assert all(abs(float(p.mediabox.width) - A4[0]) < 1 or abs(float(p.mediabox.width) - A4[1]) < 1 for p in kit.pages)
        # After the guide, each sheet's pages as printed on their own, in running order: the same
        # drawing, compared as content streams (a hundredth of the time of extracting their text).
        page = guide_pages
        for part in parts:
            for number, printed in enumerate(part.pages, start=1):
                assert kit.pages[page + number - 1].get_contents().get_data() == printed.get_contents().get_data(), \
                    f"{path.name}: page {page + number} is not the sheet's page {number}"
            page += len(part.pages)
        worksheets = [item for kind, item in order if kind == "worksheet"]
        archive = pdfs / kit_file(module.id, language, "zip")
        assert archive.is_file() == bool(worksheets), archive.name
        if worksheets:
            with zipfile.ZipFile(archive) as bundle:
                assert bundle.namelist() == [Path(worksheet_file(item, language, "xlsx")).name for item in worksheets]
