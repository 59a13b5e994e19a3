"""Print the curriculum's PDFs from a built site with headless Chromium (`make downloads`).

    python scripts/pdfs.py SITE OUT    # e.g. .site-pdf build/downloads

Per language: the coach handbook (coach-training overview, certification, governance, code of
ethics, portfolio, then every unit in learning-path order), the module guides (grouped by
program, in catalogue order) and one PDF per checklist. Each book is the pages' article content composed into one HTML document with
the site's own stylesheets, a contents list with page numbers, and page numbers in the footer.
File names and titles come from curriculum/downloads.py and data/labels.yml, which the
downloads page uses too.
"""

from __future__ import annotations

import argparse
import html
import io
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from curriculum import CURRICULUM_VERSION, LANGUAGES  # noqa: E402
from curriculum.downloads import book_file, checklist_file  # noqa: E402
from curriculum.links import page_url  # noqa: E402
from curriculum.loader import load_curriculum  # noqa: E402
from curriculum.model import Curriculum  # noqa: E402
from curriculum.nav import nav_pages  # noqa: E402
from curriculum.render import PROGRAMS_FOR_GROUPING  # noqa: E402
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from scripts.serve import serve  # noqa: E402

COACH_PAGES = ("coach-training/index.md", "coach-training/certification.md", "coach-training/governance.md",
               "coach-training/code-of-ethics.md", "coach-training/portfolio.md")
BOOK_PAGE = "__book__.html"  # the composed book, answered by a route: nothing is written to SITE
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}

BOOK_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm; }
body { margin: 0; background: #fff; }
.md-content { max-width: none; }
.md-content__inner { margin: 0; padding: 0; }
.md-content__inner::before { display: none; }
.book-cover h1 { font-size: 2.2em; margin: 0 0 .3em; }
.book-cover .book-subtitle { font-size: 1.1em; margin: 0 0 2em; }
.book-toc ol { list-style: none; margin: 0; padding: 0; }
.book-toc li { display: flex; gap: .5em; margin: 0 0 .25em; }
.book-toc li.book-toc__part { font-weight: 700; margin-top: .8em; }
.book-toc a { flex: 1; color: inherit; text-decoration: none; }
.book-toc .book-toc__page { min-width: 2em; text-align: right; }
.book-chapter { break-before: page; }
.book-part { font-size: .8em; text-transform: uppercase; letter-spacing: .08em; margin: 0 0 .5em; color: #555; }
.md-typeset h2, .md-typeset h3, .md-typeset h4 { break-after: avoid; }
.md-typeset figure, .md-typeset img, .md-typeset tr, .checklist__sheet { break-inside: avoid; }
.headerlink, .md-content__button, .checklist__actions, .catalogue__filters { display: none !important; }
"""

# Runs in each built page: the article, made to stand in a book (ids prefixed per chapter,
# links to other chapters made internal, other site links left as text, assets absolute).
EXTRACT_JS = r"""
({selector, prefix, chapters}) => {
  const source = document.querySelector(selector);
  if (!source) { return null; }
  const copy = source.cloneNode(true);
  copy.querySelectorAll(".headerlink, .md-content__button, .checklist__actions, script")
    .forEach(el => el.remove());
  copy.querySelectorAll("details").forEach(el => { el.open = true; });
  // A downloaded sheet carries no print date: the reader writes the date on the paper.
  copy.querySelectorAll(".checklist__date").forEach(el => {
    const before = el.previousSibling;
    if (before && before.nodeType === Node.TEXT_NODE) {
      before.textContent = before.textContent.replace(/\s*·\s*$/, "");
    }
    el.remove();
  });
  const local = id => `${prefix}--${id}`;
  copy.querySelectorAll("[id]").forEach(el => { el.id = local(el.id); });
  for (const name of ["for", "aria-labelledby", "aria-describedby", "aria-controls"]) {
    copy.querySelectorAll(`[${name}]`).forEach(el => {
      el.setAttribute(name, el.getAttribute(name).split(/\s+/).map(local).join(" "));
    });
  }
  copy.querySelectorAll("input[name]").forEach(el => { el.name = local(el.name); });
  const here = location.pathname;
  copy.querySelectorAll("a[href]").forEach(a => {
    const url = new URL(a.getAttribute("href"), location.href);
    if (url.origin !== location.origin) { return; }
    const hash = decodeURIComponent(url.hash.slice(1));
    const target = url.pathname === here ? prefix : chapters[url.pathname];
    if (target) {
      a.setAttribute("href", "#" + (hash ? `${target}--${hash}` : target));
    } else {
      const text = document.createElement("span");
      text.append(...a.childNodes);
      a.replaceWith(text);
    }
  });
  copy.querySelectorAll("[src]").forEach(el => { el.setAttribute("src", el.src); el.removeAttribute("loading"); });
  copy.querySelectorAll("[poster]").forEach(el => { el.setAttribute("poster", new URL(el.getAttribute("poster"), location.href).href); });
  const h1 = copy.querySelector("h1");
  if (h1) { h1.id = prefix; }
  return {
    html: copy.outerHTML,
    title: h1 ? h1.textContent.trim() : document.title,
    styles: [...document.querySelectorAll('link[rel="stylesheet"]')].map(l => l.href),
    scheme: document.body.getAttribute("data-md-color-scheme") || "default",
    primary: document.body.getAttribute("data-md-color-primary") || "",
    accent: document.body.getAttribute("data-md-color-accent") || "",
  };
}
"""


@dataclass(frozen=True)
class Chapter:
    src: str  # docs path of the English page, e.g. "modules/green-5s.md"
    part: str  # the group the chapter opens, shown above its title and in the contents

    @property
    def anchor(self) -> str:
        return "ch-" + self.src.removesuffix(".md").replace("/", "-")


@dataclass(frozen=True)
class Book:
    slug: str  # one of curriculum.downloads.BOOKS
    title: str
    chapters: tuple[Chapter, ...]


def books(c: Curriculum, language: str) -> list[Book]:
    """The two books in one language: their chapters in reading order."""
    overview = c.pages[COACH_PAGES[0]].title[language]
    coach = [Chapter(src, overview) for src in COACH_PAGES]
    for stage, units in c.units_by_stage().items():
        coach += [Chapter(unit.key, c.term("stages", stage, language)) for unit in units]
    # In the order a program runs them, as the navigation lists them.
    position = {src: index for index, src in enumerate(nav_pages(ROOT))}
    ordered = sorted(c.modules.values(), key=lambda m: position.get(m.key, len(position)))
    modules = [Chapter(m.key, c.term("programs", p, language))
               for p in PROGRAMS_FOR_GROUPING for m in ordered if m.programs[0] == p]
    return [Book("coach-handbook", c.label("book_coach_handbook", language), tuple(coach)),
            Book("modules", c.label("book_modules", language), tuple(modules))]


def _extract(page: Page, selector: str, prefix: str, chapters: dict[str, str]) -> dict:
    found = page.evaluate(EXTRACT_JS, {"selector": selector, "prefix": prefix, "chapters": chapters})
    if not found:
        raise SystemExit(f"{page.url}: no {selector} on the page")
    return found


def _document(language: str, title: str, first: dict, body: str) -> str:
    links = "\n".join(f'<link rel="stylesheet" href="{html.escape(href)}">' for href in first["styles"])
    return (
        f'<!doctype html>\n<html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>\n{links}\n<style>{BOOK_CSS}</style></head>\n"
        f'<body data-md-color-scheme="{first["scheme"]}" data-md-color-primary="{first["primary"]}"'
        f' data-md-color-accent="{first["accent"]}"><div class="md-content">\n{body}\n</div></body></html>'
    )


def compose_book(page: Page, base: str, c: Curriculum, book: Book, language: str) -> str:
    """The book as one HTML document; the contents' page numbers are still empty."""
    chapters = {"/" + page_url(ch.src, language): ch.anchor for ch in book.chapters}
    parts, contents, current = [], [], None
    first: dict | None = None
    for chapter in book.chapters:
        page.goto(base + page_url(chapter.src, language), wait_until="domcontentloaded")
        found = _extract(page, "article.md-content__inner", chapter.anchor, chapters)
        first = first or found
        opener = ""
        if chapter.part != current:
            current = chapter.part
            opener = f'<p class="book-part">{html.escape(current)}</p>'
            contents.append(f'<li class="book-toc__part">{html.escape(current)}</li>')
        contents.append(f'<li><a href="#{chapter.anchor}">{html.escape(found["title"])}</a>'
                        f'<span class="book-toc__page" data-toc-for="{chapter.anchor}"></span></li>')
        body = found["html"].replace('<article class="', '<article class="book-chapter ', 1)
        parts.append(body.replace(">", ">" + opener, 1) if opener else body)
    assert first is not None
    title = book.title
    contents_title = html.escape(c.label("book_contents", language))
    version = f'{c.label("curriculum_version", language)} {CURRICULUM_VERSION}'
    front = (
        '<section class="md-typeset book-cover">'
        f'<h1>{html.escape(title)}</h1><p class="book-subtitle">EcoLeap Production · {version}</p>'
        f'<nav class="book-toc" aria-label="{contents_title}">'
        f'<h2>{contents_title}</h2><ol>{"".join(contents)}</ol></nav>'
        f'<p><small>{html.escape(c.label("book_licence", language))}</small></p></section>'
    )
    return _document(language, f"{title} · EcoLeap Production {CURRICULUM_VERSION}", first,
                     front + "\n".join(parts))


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
    """Print twice: the first print tells on which page each chapter starts."""
    _show(page, base, document)
    first = PdfReader(io.BytesIO(_pdf(page, footer, tagged=False)))
    numbers = {name.lstrip("/"): first.get_destination_page_number(dest) + 1
               for name, dest in first.named_destinations.items()}
    page.evaluate(
        """numbers => document.querySelectorAll("[data-toc-for]").forEach(span => {
             span.textContent = numbers[span.dataset.tocFor] || ""; })""", numbers)
    headings = page.evaluate(
        "() => Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'), h => h.innerText.replace(/¶$/, ''))")
    return mend_outline(_pdf(page, footer), headings)


def _squeezed(text: str) -> str:
    return "".join(text.split())


def mend_outline(pdf: bytes, headings: list[str]) -> bytes:
    """Chromium drops the space where a long heading wraps when it makes the heading's bookmark
    ("Lean foundationswith green glasses"); give each bookmark its heading's own words back."""
    spelled = {_squeezed(text): " ".join(text.split()) for text in headings}
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    mended = 0
    pending = [writer.root_object.get("/Outlines")]
    while pending:
        item = pending.pop()
        if item is None:
            continue
        item = item.get_object()
        title = str(item.get("/Title", ""))
        if title and spelled.get(_squeezed(title), title) != title:
            item[NameObject("/Title")] = TextStringObject(spelled[_squeezed(title)])
            mended += 1
        pending += [item.get("/First"), item.get("/Next")]
    if not mended:
        return pdf
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def print_checklists(reader: Page, page: Page, base: str, c: Curriculum, language: str, out: Path) -> list[Path]:
    reader.goto(base + page_url("checklists/index.md", language), wait_until="domcontentloaded")
    sheets = {checklist_id: _extract(reader, f"#checklist-{checklist_id}", "checklist", {})
              for checklist_id in sorted(c.checklists)}
    written = []
    for checklist_id, found in sheets.items():
        body = f'<article class="md-content__inner md-typeset">{found["html"]}</article>'
        title = f'{c.checklists[checklist_id].title[language]} · EcoLeap Production {CURRICULUM_VERSION}'
        _show(page, base, _document(language, title, found, body))
        target = out / checklist_file(checklist_id, language)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_pdf(page, None))
        written.append(target)
    return written


def write_pdfs(site: Path, out: Path, browser: Browser | None = None) -> list[Path]:
    """Every PDF, in every language, into `out`; with a running browser, or one of its own."""
    if browser is None:
        with sync_playwright() as playwright:
            own = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                return write_pdfs(site, out, own)
            finally:
                own.close()
    c = load_curriculum(ROOT)
    written: list[Path] = []
    # The pages are complete without JavaScript: read what a reader without it gets, and only
    # the HTML (the printer loads stylesheets and images).
    reading, printing = browser.new_context(java_script_enabled=False), browser.new_context()
    reader, printer = reading.new_page(), printing.new_page()
    reader.route("**/*", lambda route: route.continue_() if route.request.resource_type == "document" else route.abort())
    with serve(site) as base:
        try:
            for language in LANGUAGES:
                version = f'{c.label("curriculum_version", language)} {CURRICULUM_VERSION}'
                for book in books(c, language):
                    start = time.monotonic()
                    document = compose_book(reader, base, c, book, language)
                    target = out / book_file(book.slug, language)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    footer = _footer(f"{book.title} · EcoLeap Production · {version}")
                    target.write_bytes(print_book(printer, base, document, footer))
                    written.append(target)
                    _report(target, start)
                start = time.monotonic()
                sheets = print_checklists(reader, printer, base, c, language, out)
                written += sheets
                print(f"{len(sheets)} checklists ({language}) in {time.monotonic() - start:.0f} s")
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
