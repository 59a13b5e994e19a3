"""Print the curriculum's PDFs from a built site with headless Chromium (`make downloads`).

    python -m scripts.pdfs SITE OUT    # e.g. .site-pdf build/downloads

Per language: the coach handbook (coach-training overview, certification, governance, code of
ethics, portfolio, then every
unit in learning-path order), the module guides (grouped by program, in catalogue order) and one
PDF per checklist; then the worksheets (PDF and workbook) and a facilitator kit per module
(scripts/worksheet_files.py). Each book is the pages' article content composed into one HTML document with
the site's own stylesheets, a contents list with page numbers, and page numbers in the footer.
File names come from curriculum/layout.py and titles from data/labels.yml, which the
downloads page uses too.
"""

from __future__ import annotations

import argparse
import html
import io
import time
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, PdfObject, TextStringObject

from curriculum import CURRICULUM_VERSION, LANGUAGES
from curriculum.chromium import CHROMIUM, CHROMIUM_ARGS
from curriculum.layout import (
    CHECKLIST_LIBRARY,
    PROJECT_ROOT,
    book_file,
    checklist_file,
    page_url,
)
from curriculum.loader import load_curriculum
from curriculum.model import Curriculum
from curriculum.serve import serve
from scripts import worksheet_files
from scripts.pdf_compose import books, compose_book, document, extract
from scripts.pdf_update import append_update

BOOK_PAGE = "__book__.html"  # the composed book, answered by a route: nothing is written to SITE
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}


def _footer(text: str) -> str:
    return (
        '<div style="font-size:8pt;width:100%;margin:0 15mm;display:flex;justify-content:space-between;'
        f'color:#444;font-family:sans-serif"><span>{html.escape(text)}</span>'
        '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>'
    )


def _pdf(page: Page, footer: str | None, tagged: bool = True) -> bytes:
    """Tagged (structure for screen readers, bookmarks from the headings) unless a draft."""
    return page.pdf(
        format="A4", print_background=True, margin=MARGIN, outline=tagged and footer is not None,
        tagged=tagged,
        display_header_footer=footer is not None, header_template="<span></span>",
        footer_template=footer or "<span></span>",
    )


def _show(page: Page, base: str, document: str) -> None:
    page.route(base + BOOK_PAGE, lambda route: route.fulfill(body=document, content_type="text/html; charset=utf-8"))
    page.goto(base + BOOK_PAGE, wait_until="load")
    page.unroute(base + BOOK_PAGE)


def print_book(page: Page, base: str, document: str, footer: str) -> bytes:
    """The book as Chromium prints it, with its bookmarks mended (`print_unmended`)."""
    return mend_outline(*print_unmended(page, base, document, footer))


def print_unmended(page: Page, base: str, document: str, footer: str,
                   guess: dict[str, int] | None = None) -> tuple[bytes, list[str]]:
    """The printed book and its headings, for `mend_titles`. Printed twice: the first print tells
    on which page each chapter starts. With a `guess` of those pages (a kit: one chapter after a
    one-page cover), printed once when the chapters start where guessed."""
    _show(page, base, document)
    headings = page.evaluate(
        "() => Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'), h => h.innerText.replace(/¶$/, ''))")
    if guess:
        _number_contents(page, guess)
        printed = _pdf(page, footer)
        started = chapter_pages(printed)
        if all(started.get(anchor) == number for anchor, number in guess.items()):
            return printed, headings
    _number_contents(page, chapter_pages(_pdf(page, footer, tagged=False)))
    return _pdf(page, footer), headings


def chapter_pages(pdf: bytes) -> dict[str, int]:
    """The page (from 1) on which each named destination (a chapter's anchor) starts."""
    reader = PdfReader(io.BytesIO(pdf))
    return {name.lstrip("/"): reader.get_destination_page_number(dest) + 1
            for name, dest in reader.named_destinations.items()}


def _number_contents(page: Page, numbers: dict[str, int]) -> None:
    page.evaluate(
        """numbers => document.querySelectorAll("[data-toc-for]").forEach(span => {
             span.textContent = numbers[span.dataset.tocFor] || ""; })""", numbers)


def _squeezed(text: str) -> str:
    return "".join(text.split())


def mend_outline(pdf: bytes, headings: list[str]) -> bytes:
    """Chromium drops the space where a long heading wraps when it makes the heading's bookmark
    ("Lean foundationswith green glasses"); give each bookmark its heading's own words back, in an
    update appended to the printed file."""
    reader = PdfReader(io.BytesIO(pdf))
    mended = _mend(reader.root_object.get("/Outlines"), headings)
    return append_update(pdf, reader, mended) if mended else pdf


def mend_titles(writer: PdfWriter, headings: list[str]) -> int:
    """`mend_outline` on a PDF being written (a kit, before its sheets are added); bookmarks mended."""
    return len(_mend(writer.root_object.get("/Outlines"), headings))


def _mend(outlines: PdfObject | None, headings: list[str]) -> list[DictionaryObject]:
    """The outline's items whose titles were mended, in place."""
    spelled = {_squeezed(text): " ".join(text.split()) for text in headings}
    mended = []
    pending = [outlines]
    while pending:
        item = pending.pop()
        if item is None:
            continue
        item = item.get_object()
        title = str(item.get("/Title", ""))
        if title and spelled.get(_squeezed(title), title) != title:
            item[NameObject("/Title")] = TextStringObject(spelled[_squeezed(title)])
            mended.append(item)
        pending += [item.get("/First"), item.get("/Next")]
    return mended


def print_checklists(reader: Page, page: Page, base: str, curriculum: Curriculum, language: str, out: Path) -> list[Path]:
    reader.goto(base + page_url(CHECKLIST_LIBRARY, language), wait_until="domcontentloaded")
    sheets = {checklist_id: extract(reader, f"#checklist-{checklist_id}", "checklist", {})
              for checklist_id in sorted(curriculum.checklists)}
    written = []
    for checklist_id, found in sheets.items():
        body = f'<article class="md-content__inner md-typeset">{found["html"]}</article>'
        title = f'{curriculum.checklists[checklist_id].title[language]} · EcoLeap Production {CURRICULUM_VERSION}'
        _show(page, base, document(language, title, found, body))
        target = out / checklist_file(checklist_id, language)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_pdf(page, None))
        written.append(target)
    return written


def write_pdfs(site: Path, out: Path, browser: Browser | None = None,
               languages: tuple[str, ...] = LANGUAGES) -> list[Path]:
    """Every PDF, in every language (or those given), into `out`; with a running browser, or one
    of its own."""
    if browser is None:
        with sync_playwright() as playwright:
            own = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                return write_pdfs(site, out, own, languages)
            finally:
                own.close()
    curriculum = load_curriculum(PROJECT_ROOT)
    written: list[Path] = []
    # The pages are complete without JavaScript: read what a reader without it gets, and only
    # the HTML (the printer loads stylesheets and images).
    reading, printing = browser.new_context(java_script_enabled=False), browser.new_context()
    reader, printer = reading.new_page(), printing.new_page()
    reader.route("**/*", lambda route: route.continue_() if route.request.resource_type == "document" else route.abort())
    with serve(site) as base:
        try:
            for language in languages:
                version = f'{curriculum.label("curriculum_version", language)} {CURRICULUM_VERSION}'
                for book in books(curriculum, language):
                    start = time.monotonic()
                    document = compose_book(reader, base, curriculum, book, language)
                    target = out / book_file(book.slug, language)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    footer = _footer(f"{book.title} · EcoLeap Production · {version}")
                    target.write_bytes(print_book(printer, base, document, footer))
                    written.append(target)
                    _report(target, start)
                start = time.monotonic()
                sheets = print_checklists(reader, printer, base, curriculum, language, out)
                written += sheets
                print(f"{len(sheets)} checklists ({language}) in {time.monotonic() - start:.0f} s")
                # Worksheets and the facilitator kits (scripts/worksheet_files.py).
                start = time.monotonic()
                written += worksheet_files.write_workbooks(curriculum, (language,), out)
                written += worksheet_files.print_worksheets(reader, printer, base, curriculum, language, out)
                kits = worksheet_files.print_kits(printer, reader, base, curriculum, language, PROJECT_ROOT, out)
                written += kits
                print(f"{len(curriculum.worksheets)} worksheets and {len(kits)} kit files ({language}) in {time.monotonic() - start:.0f} s")
        finally:
            reading.close()
            printing.close()
    return written


def _report(path: Path, start: float) -> None:
    pages = len(PdfReader(path).pages)
    print(f"{path.name}: {pages} pages, {path.stat().st_size / 1e6:.1f} MB, {time.monotonic() - start:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site, e.g. site/ after `make build`")
    parser.add_argument("out", type=Path, help="where the PDFs go, e.g. build/downloads")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site} is not a built site (no index.html)")
    start = time.monotonic()
    written = write_pdfs(args.site, args.out)
    size = sum(path.stat().st_size for path in written)
    print(f"{len(written)} PDFs, {size / 1e6:.1f} MB, in {time.monotonic() - start:.0f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
