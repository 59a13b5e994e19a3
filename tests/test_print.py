"""Print layout: content only, answers open, one checklist per sheet."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.browser import visit
from tests.pdf_text import PrintedText

A4 = (595.28, 841.89)  # points


def test_printed_module_has_no_site_chrome_and_opens_every_answer(page, site_url: str) -> None:
    visit(page, site_url + "modules/green-waste-walk/")
    answers = page.locator("details:not([open]) > :not(summary)")
    assert answers.count() >= 1
    assert not answers.first.is_visible()  # collapsed on screen
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".md-tabs"):
        locator = page.locator(chrome)
        assert locator.count() == 0 or not locator.first.is_visible(), chrome
    for index in range(answers.count()):
        assert answers.nth(index).is_visible()
    texts = [" ".join(answers.nth(index).inner_text().split()) for index in range(answers.count())]
    title = " ".join(page.locator("article h1").inner_text().split())
    made = page.pdf(format="A4")
    pdf = PdfReader(io.BytesIO(made))
    printed = " ".join(PrintedText(made).pages())
    assert all(abs(float(sheet.mediabox.width) - A4[0]) < 1 and abs(float(sheet.mediabox.height) - A4[1]) < 1 for sheet in pdf.pages)
    assert printed.startswith(title), printed[:200]  # no header, tabs or navigation before the content
    missing = [text[:60] for text in texts if " ".join(text.split()[:8]) not in printed]
    assert missing == [], "answers that do not reach the paper"


def test_print_button_prints_only_its_checklist(page, site_url: str) -> None:
    visit(page, site_url + "checklists/")
    page.evaluate("window.print = () => { window.__printed = Array.from(document.querySelectorAll('.checklist'))"
                  ".filter(c => getComputedStyle(c).display !== 'none').map(c => c.id); }")
    page.emulate_media(media="print")
    button = page.locator('#checklist-energy-walk [data-sheet-action="print-blank"]')
    button.evaluate("b => b.click()")  # the button itself is hidden in print media
    assert page.evaluate("window.__printed") == ["checklist-energy-walk"]
    assert page.evaluate("document.body.hasAttribute('data-print-only')") is False  # restored afterwards


def test_printed_checklist_fits_on_one_a4_page(page, site_url: str) -> None:
    visit(page, site_url + "checklists/")
    page.evaluate("""() => { document.body.setAttribute('data-print-only', 'x');
        document.getElementById('checklist-green-waste-walk').setAttribute('data-print-target', ''); }""")
    pdf = page.pdf(format="A4")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert pages == 1, f"the checklist took {pages} A4 pages"


@pytest.mark.parametrize(("sheet", "orientation"), [("action-plan", "landscape"), ("business-case", "portrait")])
def test_a_worksheet_prints_alone_in_its_orientation_with_its_guide_on_the_next_page(page, site_url: str, sheet: str, orientation: str) -> None:
    """The button prints the sheet as its PDF is made: nothing else of the page, the paper turned
    for a landscape sheet, and its instructions and example after a page break."""
    visit(page, site_url + "worksheets/")
    page.evaluate("""() => { window.print = () => { window.__printed = {
        shown: Array.from(document.querySelectorAll('.worksheet, .checklist'))
          .filter(c => getComputedStyle(c).display !== 'none').map(c => c.id),
        pages: Array.from(document.styleSheets).flatMap(s => Array.from(s.cssRules))
          .filter(r => r.cssText.startsWith('@page')).map(r => r.style.getPropertyValue('size')) }; }; }""")
    button = page.locator(f"#worksheet-{sheet} [data-print-worksheet]")
    assert button.is_visible(), "shown on screen once the script runs"
    page.emulate_media(media="print")
    button.evaluate("b => b.click()")  # hidden in print media
    printed = page.evaluate("window.__printed")
    assert printed["shown"] == [f"worksheet-{sheet}"]
    assert ("a4 landscape" in [size.lower() for size in printed["pages"]]) == (orientation == "landscape")
    assert page.evaluate("document.body.hasAttribute('data-print-only')") is False  # restored afterwards
    assert "landscape" not in page.evaluate(
        "Array.from(document.styleSheets).flatMap(s => Array.from(s.cssRules)).map(r => r.cssText).join()").lower()
    page.evaluate(f"""() => {{ document.body.setAttribute('data-print-only', '{sheet}');
        document.getElementById('worksheet-{sheet}').setAttribute('data-print-target', ''); }}""")
    texts = PrintedText(page.pdf(format="A4")).pages()
    guide = " ".join(page.locator(f"#worksheet-{sheet} .worksheet__guide-title").first.inner_text().split())
    assert guide not in texts[0] and any(guide in text for text in texts[1:]), "the guide starts on a page of its own"


def test_printed_text_reads_a_word_wrapped_after_its_hyphen_as_one_word(page) -> None:
    """PDFium marks a hyphen at a line's end as if it were a soft hyphen (tests/pdf_text.py)."""
    page.set_content('<p style="width: 4.5em; font: 16px sans-serif">See co-delivery now</p>')
    lines = page.evaluate("""() => { const r = document.createRange(), t = document.querySelector('p').firstChild;
      return [...'See co-delivery now'].map((_, i) => { r.setStart(t, i); r.setEnd(t, i + 1); return Math.round(r.getBoundingClientRect().top); }); }""")
    assert lines[len("See co-")] > lines[len("See co")], "the test text no longer wraps after the hyphen"
    printed = PrintedText(page.pdf(format="A4"))
    assert printed.text(1) == "See co-delivery now"
    with pytest.raises(IndexError, match="page 2 of a PDF of 1 pages"):
        printed.text(2)
