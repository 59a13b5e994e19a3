"""Checklist sheets in Chromium, in both languages: a tick belongs to one page's sheet, printing
blank or with ticks, and the printed sheet's fields to fill in."""

from __future__ import annotations

import pytest

from tests.browser import reload, visit

pytestmark = pytest.mark.browser

LANGS = ["", "sv/"]
SHEET = '.checklist[data-checklist="workshop-preparation"]'


def _first_box(page):
    return page.locator(f"{SHEET} input[type=checkbox]").first


# --- checklist ticks belong to one page's sheet -------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_tick_on_one_pages_checklist_does_not_appear_on_another_page(page, site_url: str, lang: str) -> None:
    visit(page, site_url + lang + "modules/green-waste-walk/")
    _first_box(page).check()
    reload(page)
    assert _first_box(page).is_checked(), "the sheet forgot its own tick"
    for other in ("coach-training/units/coach-role-and-contracting/", "checklists/", "modules/green-kaizen-event/"):
        visit(page, site_url + lang + other)
        assert page.locator(SHEET).count() >= 1, other
        assert not _first_box(page).is_checked(), f"the tick leaked to {other}"
    other_lang = "sv/" if lang == "" else ""
    visit(page, site_url + other_lang + "coach-training/units/coach-role-and-contracting/")
    assert not _first_box(page).is_checked()


PRINT_PROBE = """() => { window.__printed = [];
  window.print = () => { window.__printed.push(Array.from(document.querySelectorAll('.checklist'))
    .filter(c => getComputedStyle(c).display !== 'none')
    .map(c => [c.id, c.querySelectorAll('input[type=checkbox]:checked').length])); }; }"""


@pytest.mark.parametrize("lang", LANGS)
def test_print_blank_prints_no_ticks_and_print_with_ticks_keeps_them(page, site_url: str, lang: str) -> None:
    visit(page, site_url + lang + "modules/green-waste-walk/")
    _first_box(page).check()
    page.evaluate(PRINT_PROBE)
    page.emulate_media(media="print")  # the buttons themselves are hidden on paper: click them by script
    page.locator(f'{SHEET} [data-sheet-action="print-blank"]').evaluate("b => b.click()")
    page.locator(f'{SHEET} [data-sheet-action="print-ticks"]').evaluate("b => b.click()")
    page.emulate_media(media="screen")
    printed = page.evaluate("window.__printed")
    assert printed == [[["checklist-workshop-preparation", 0]], [["checklist-workshop-preparation", 1]]]
    assert _first_box(page).is_checked(), "printing blank cleared the reader's ticks"
    page.locator(f'{SHEET} [data-sheet-action="clear"]').click()
    assert not _first_box(page).is_checked()
    reload(page)
    assert not _first_box(page).is_checked()


@pytest.mark.parametrize(("lang", "words"), [("", ["Company", "Area or line", "Date", "Who took part", "Notes"]),
                                             ("sv/", ["Företag", "Område eller linje", "Datum", "Vilka deltog", "Anteckningar"])])
def test_the_printed_sheet_has_fields_to_fill_in_at_eleven_points(page, site_url: str, lang: str, words: list[str]) -> None:
    visit(page, site_url + lang + "modules/green-waste-walk/")
    page.emulate_media(media="print")
    sheet = page.locator(SHEET)
    text = sheet.inner_text()
    for word in words:
        assert word in text, word
    sizes = sheet.evaluate("""s => Array.from(s.querySelectorAll('label, li, p, legend, dt, dd, span'))
        .filter(e => e.getClientRects().length && e.textContent.trim())
        .map(e => parseFloat(getComputedStyle(e).fontSize))""")
    assert sizes and min(sizes) >= 11 * 96 / 72 - 0.01, f"smallest printed text {min(sizes)} px"
    assert page.locator(f"{SHEET} .checklist__note-line").count() >= 3
