"""The PDF books as HTML: which pages each book holds, in what order, and each page's article
composed into one document with the site's own stylesheets and a contents list (scripts/pdfs.py
prints it)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from playwright.sync_api import Page

from curriculum import CURRICULUM_VERSION
from curriculum.layout import (
    CERTIFICATION_PAGE,
    COACH_TRAINING_PAGE,
    PORTFOLIO_PAGE,
    PROJECT_ROOT,
    page_url,
)
from curriculum.model import Curriculum
from curriculum.nav import nav_pages
from curriculum.render import PROGRAMS_FOR_GROUPING

COACH_PAGES = (COACH_TRAINING_PAGE, CERTIFICATION_PAGE, "coach-training/governance.md",
               "coach-training/code-of-ethics.md", PORTFOLIO_PAGE)

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
.headerlink, .md-content__button, .checklist__actions, .worksheet__print, .catalogue__filters { display: none !important; }
"""

# Runs in each built page: the article, made to stand in a book (ids prefixed per chapter,
# links to other chapters made internal, other site links left as text, assets absolute).
EXTRACT_JS = r"""
({selector, prefix, chapters}) => {
  const source = document.querySelector(selector);
  if (!source) { return null; }
  const copy = source.cloneNode(true);
  copy.querySelectorAll(".headerlink, .md-content__button, .checklist__actions, .worksheet__print, script")
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


def books(curriculum: Curriculum, language: str) -> list[Book]:
    """The two books in one language: their chapters in reading order."""
    overview = curriculum.pages[COACH_PAGES[0]].title[language]
    coach = [Chapter(src, overview) for src in COACH_PAGES]
    for stage, units in curriculum.units_by_stage().items():
        coach += [Chapter(unit.key, curriculum.term("stages", stage, language)) for unit in units]
    # In the order a program runs them, as the navigation lists them.
    position = {src: index for index, src in enumerate(nav_pages(PROJECT_ROOT))}
    ordered = sorted(curriculum.modules.values(), key=lambda module: position.get(module.key, len(position)))
    modules = [Chapter(module.key, curriculum.term("programs", program, language))
               for program in PROGRAMS_FOR_GROUPING for module in ordered if module.programs[0] == program]
    return [Book("coach-handbook", curriculum.label("book_coach_handbook", language), tuple(coach)),
            Book("modules", curriculum.label("book_modules", language), tuple(modules))]


def extract(page: Page, selector: str, prefix: str, chapters: dict[str, str]) -> dict:
    found = page.evaluate(EXTRACT_JS, {"selector": selector, "prefix": prefix, "chapters": chapters})
    if not found:
        raise SystemExit(f"{page.url}: no {selector} on the page")
    return found


def document(language: str, title: str, first: dict, body: str) -> str:
    links = "\n".join(f'<link rel="stylesheet" href="{html.escape(href)}">' for href in first["styles"])
    return (
        f'<!doctype html>\n<html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>\n{links}\n<style>{BOOK_CSS}</style></head>\n"
        f'<body data-md-color-scheme="{first["scheme"]}" data-md-color-primary="{first["primary"]}"'
        f' data-md-color-accent="{first["accent"]}"><div class="md-content">\n{body}\n</div></body></html>'
    )


def compose_book(page: Page, base: str, curriculum: Curriculum, book: Book, language: str) -> str:
    """The book as one HTML document; the contents' page numbers are still empty."""
    chapters = {"/" + page_url(ch.src, language): ch.anchor for ch in book.chapters}
    parts, contents, current = [], [], None
    first: dict | None = None
    for chapter in book.chapters:
        page.goto(base + page_url(chapter.src, language), wait_until="domcontentloaded")
        found = extract(page, "article.md-content__inner", chapter.anchor, chapters)
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
    contents_title = html.escape(curriculum.label("book_contents", language))
    version = f'{curriculum.label("curriculum_version", language)} {CURRICULUM_VERSION}'
    front = (
        '<section class="md-typeset book-cover">'
        f'<h1>{html.escape(title)}</h1><p class="book-subtitle">EcoLeap Production · {version}</p>'
        f'<nav class="book-toc" aria-label="{contents_title}">'
        f'<h2>{contents_title}</h2><ol>{"".join(contents)}</ol></nav>'
        f'<p><small>{html.escape(curriculum.label("book_licence", language))}</small></p></section>'
    )
    return document(language, f"{title} · EcoLeap Production {CURRICULUM_VERSION}", first,
                     front + "\n".join(parts))
