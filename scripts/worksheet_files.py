"""The worksheets' downloads and the facilitator kits, made by `make downloads` through scripts/pdfs.py.

Per worksheet and language: an Excel workbook (curriculum/worksheet_xlsx.py) and an A4 PDF, the
sheet to fill in on page 1 and its instructions, example and formulas after it. Per module and
language: a facilitator kit, one PDF with the guide, then its checklists and worksheets in the
order the guide shows them, and a zip with the workbooks of those worksheets.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path

from playwright.sync_api import Page
from pypdf import PdfReader, PdfWriter

from curriculum import CURRICULUM_VERSION
from curriculum.layout import checklist_file, kit_file, page_url, worksheet_file
from curriculum.model import Curriculum, Module
from curriculum.render_sources import short_citation
from curriculum.worksheet_xlsx import save_workbook
from scripts import pdf_compose, pdfs

MIN_BODY_PT = 11  # body text on a printed worksheet
WORKSHEET_MARGIN = {"top": "12mm", "bottom": "12mm", "left": "12mm", "right": "12mm"}
SHEET_ROW = "8mm"  # a blank row: room to write by hand

WORKSHEET_CSS = f"""
@page {{ size: A4 portrait; margin: 12mm; }}
body {{ margin: 0; background: #fff; }}
.md-content {{ max-width: none; }}
.md-content__inner {{ margin: 0; padding: 0; }}
.md-content__inner::before {{ display: none; }}
.md-typeset, .md-typeset .worksheet table {{ font-size: 11pt !important; line-height: 1.25; }}
.md-typeset .worksheet ol, .md-typeset .worksheet ul {{ margin: 0 0 1mm 6mm; }}
.md-typeset .worksheet li {{ margin-bottom: .5mm; }}
.md-typeset .worksheet p {{ margin-top: 0; margin-bottom: 1mm; }}
.md-typeset .worksheet table {{ table-layout: fixed; }}
.md-typeset .worksheet table.worksheet__table--wide {{ min-width: 0; }}
.worksheet__scroll {{ overflow: visible; }}
.md-typeset .worksheet th, .md-typeset .worksheet td {{ padding: 1mm 1.5mm; border-color: #000; overflow-wrap: anywhere; hyphens: auto; }}
.md-typeset .worksheet__fields th {{ width: 38%; }}
.worksheet {{ margin: 0; }}
.worksheet__sheet {{ border: 0; padding: 0; }}
.worksheet__title {{ font-size: 14pt !important; margin: 0 0 1mm; }}
.worksheet__purpose {{ margin: 0 0 2mm; }}
.worksheet__section-title {{ margin: 3mm 0 1mm; }}
.worksheet__note {{ margin: 0 0 1mm; }}
.worksheet__blank {{ height: {SHEET_ROW}; }}
{"".join(f".worksheet__lines-{n} {{ height: calc({n} * {SHEET_ROW}); }}" for n in range(2, 7))}
.worksheet__print-row {{ display: table-row; }}
.worksheet__guide {{ break-before: page; border: 0; padding: 0; background: none; }}
.worksheet__guide-title {{ margin: 2mm 0 1mm; }}
.worksheet__instructions, .worksheet__formulas, .worksheet__factors {{ margin-top: 0; margin-bottom: 1mm; }}
.worksheet__actions, .headerlink {{ display: none !important; }}
.worksheet__footer {{ font-size: 9pt !important; }}
tr {{ break-inside: avoid; }}
.worksheet__examples--fields, .worksheet__factors {{ columns: 2; column-gap: 6mm; }}
.worksheet__example-block {{ break-inside: avoid; }}
.worksheet__example-section {{ margin: 1mm 0; }}
"""

# The smallest font size of any text in the sheet but its footer line, in points.
SMALLEST_TEXT_JS = """
() => {
  let smallest = 1000;
  for (const el of document.querySelectorAll(".worksheet *")) {
    if (el.closest(".worksheet__footer")) { continue; }
    const own = [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (own) { smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize) * 0.75); }
  }
  return smallest;
}
"""

_CALL = re.compile(r"\{\{\s*(checklist|worksheet)\(\s*[\"']([a-z0-9-]+)[\"']\s*\)\s*\}\}")


def write_workbooks(curriculum: Curriculum, languages: tuple[str, ...], out: Path) -> list[Path]:
    citations = {key: short_citation(source) for key, source in curriculum.sources.items()}
    return [
        save_workbook(sheet, curriculum.factors, curriculum.labels, citations, language, out / worksheet_file(sheet.id, language, "xlsx"))
        for language in languages for sheet in curriculum.worksheets.values()
    ]


def print_worksheets(reader: Page, page: Page, base: str, curriculum: Curriculum, language: str, out: Path) -> list[Path]:
    """One A4 PDF per worksheet, portrait or landscape as the sheet says."""
    reader.goto(base + page_url("worksheets/index.md", language), wait_until="domcontentloaded")
    written = []
    for sheet_id in sorted(curriculum.worksheets):
        sheet = curriculum.worksheets[sheet_id]
        found = pdf_compose.extract(reader, f"#worksheet-{sheet_id}", "worksheet", {})
        body = f'<article class="md-content__inner md-typeset">{found["html"]}</article>'
        title = f"{sheet.title[language]} · EcoLeap Production {CURRICULUM_VERSION}"
        css = WORKSHEET_CSS.replace("A4 portrait", f"A4 {sheet.orientation}")
        pdfs._show(page, base, pdf_compose.document(language, title, found, body).replace("</head>", f"<style>{css}</style></head>"))
        check_text_size(page, f"worksheet {sheet_id} ({language})")
        target = out / worksheet_file(sheet_id, language, "pdf")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.pdf(format="A4", landscape=sheet.orientation == "landscape", print_background=True,
                                    margin=WORKSHEET_MARGIN, tagged=True, prefer_css_page_size=True))
        written.append(target)
    return written


def check_text_size(page: Page, what: str) -> None:
    """Stop if any text of the shown sheet but its footer is smaller than MIN_BODY_PT."""
    smallest = page.evaluate(SMALLEST_TEXT_JS)
    if smallest < MIN_BODY_PT:
        raise SystemExit(f"{what}: text at {smallest:g} pt; a printed worksheet needs {MIN_BODY_PT} pt or more (check the print CSS)")


def running_order(root: Path, module: Module) -> list[tuple[str, str]]:
    """The checklists and worksheets in the order the module guide shows them."""
    text = (root / "docs" / module.key).read_text(encoding="utf-8")
    return list(dict.fromkeys((kind, item) for kind, item in _CALL.findall(text)))


def print_kits(page: Page, reader: Page, base: str, curriculum: Curriculum, language: str, root: Path, out: Path) -> list[Path]:
    """Per module: the guide, then each checklist and worksheet PDF in running order; and the
    worksheets' workbooks in one zip. Needs the checklists, worksheets and workbooks made first."""
    written = []
    kit = curriculum.label("kit_title", language)
    for module in sorted(curriculum.modules.values(), key=lambda m: m.id):
        book = pdf_compose.Book("kit", f"{kit}: {module.title[language]}", (pdf_compose.Chapter(module.key, kit),))
        order = running_order(root, module)
        # The cover lists the sheets that follow the guide; the PDF has a bookmark for each.
        sheets = "".join(
            f"<li>{html.escape(curriculum.label('kit_' + kind, language))}: "
            f"{html.escape((curriculum.checklists if kind == 'checklist' else curriculum.worksheets)[item].title[language])}</li>"
            for kind, item in order)
        document = pdf_compose.compose_book(reader, base, curriculum, book, language).replace(
            "</ol></nav>", f"</ol></nav><h2>{html.escape(curriculum.label('kit_sheets', language))}</h2><ol class=\"kit-sheets\">{sheets}</ol>", 1)
        footer = pdfs._footer(f"{book.title} · EcoLeap Production · {curriculum.label('curriculum_version', language)} {CURRICULUM_VERSION}")
        # The cover (contents and the list of sheets) fits on one page, so the guide starts on page 2.
        guide, headings = pdfs.print_unmended(page, base, document, footer, guess={book.chapters[0].anchor: 2})
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(guide)))  # read and written once
        pdfs.mend_titles(writer, headings)
        workbooks = []
        for kind, item in order:
            if kind == "checklist":
                part, name = out / checklist_file(item, language), curriculum.checklists[item].title[language]
            else:
                part, name = out / worksheet_file(item, language, "pdf"), curriculum.worksheets[item].title[language]
                workbooks.append(out / worksheet_file(item, language, "xlsx"))
            start = len(writer.pages)
            writer.append(PdfReader(part))
            writer.add_outline_item(title=name, page_number=start)
        target = out / kit_file(module.id, language, "pdf")
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            writer.write(handle)
        written.append(target)
        if workbooks:
            archive = out / kit_file(module.id, language, "zip")
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
                for workbook in workbooks:
                    bundle.write(workbook, workbook.name)
            written.append(archive)
    return written
