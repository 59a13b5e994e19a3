"""How the site looks in Chromium, in both languages: the focus ring against what is behind it,
the dark colour scheme (axe on it, and the palette toggle that switches to it), and a phone's
screen (a module's facts stacked, nothing that makes a page scroll sideways, no empty line under the
title, axe at that size, no stylesheet that locks the orientation)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser import PHONE, axe_rule, axe_violations, sideways, title_gap, visit

pytestmark = pytest.mark.browser

LANGS = ["", "sv/"]
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="(?:\.\./)*([^"]+)"')
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL)


# --- visible focus against the rendered background ------------------------------------------

CONTRAST = """sel => {
  const e = document.querySelector(sel);
  e.focus();
  const s = getComputedStyle(e);
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  let n = e.parentElement, bg = null;
  while (n) { const c = rgb(getComputedStyle(n).backgroundColor); if (c.length === 3 || c[3] > 0.5) { bg = c; break; } n = n.parentElement; }
  bg = bg || [255, 255, 255];
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const a = lum(rgb(s.outlineColor)), b = lum(bg);
  return {width: parseFloat(s.outlineWidth), style: s.outlineStyle, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
          active: document.activeElement === e};
}"""

FOCUS_PLACES = {
    "header": ".md-header a.md-logo",
    "tabs": ".md-tabs__link",
    "content": ".md-content a[href]",
    "footer navigation": ".md-footer__link",
    "footer": ".md-copyright a",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
def test_focus_ring_contrasts_three_to_one_with_what_is_behind_it(page, site_url: str, lang: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    visit(page, site_url + lang + "modules/green-waste-walk/")
    page.keyboard.press("Tab")  # keyboard modality: focus() then shows :focus-visible
    for place, selector in FOCUS_PLACES.items():
        found = page.evaluate(CONTRAST, selector)
        assert found["active"], place
        assert found["style"] != "none" and found["width"] >= 2, f"{place}: no focus outline"
        assert found["ratio"] >= 3, f"{place}: focus outline contrast {found['ratio']:.2f}:1"

# --- dark mode ------------------------------------------------------------------------------

DARK_PAGES = ["", "sv/coach-training/", "coach-training/progress/", "sv/modules/", "modules/green-waste-walk/",
              "sv/checklists/", "films/green-waste-walk/", "coach-training/units/green-toolkit/", "sv/404.html",
              "about/maintainers/"]  # highlighted code


@pytest.mark.parametrize("path", DARK_PAGES)
def test_the_dark_scheme_passes_axe(page, site_url: str, path: str) -> None:
    page.emulate_media(color_scheme="dark")
    visit(page, site_url + path)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    violations = axe_violations(page, site_url)
    assert violations == [], "\n".join(violations)


def test_the_palette_toggle_cycles_automatic_light_and_dark(page, site_url: str) -> None:
    visit(page, site_url)
    schemes = []
    for _ in range(3):
        page.locator("form[data-md-component=palette] label:visible").first.click()
        schemes.append(page.locator("body").get_attribute("data-md-color-scheme"))
    assert {"default", "slate"} <= set(schemes), schemes


# --- a module's facts on a phone ------------------------------------------------------------

FACT_PLACES = """() => [...document.querySelectorAll('.module-facts dt')].slice(0, 3).map(dt => {
  const name = dt.getBoundingClientRect(), value = dt.nextElementSibling.getBoundingClientRect();
  const box = dt.closest('dl').getBoundingClientRect();
  return {nameLeft: name.left, valueLeft: value.left, valueTop: value.top, nameBottom: name.bottom,
          valueWidth: value.width, boxWidth: box.width};
})"""


@pytest.mark.parametrize("lang", LANGS)
def test_a_modules_facts_stack_on_a_phone_and_sit_side_by_side_on_a_desktop(page, site_url: str, lang: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    visit(page, site_url + lang + "modules/green-waste-walk/")
    facts = page.evaluate(FACT_PLACES)
    assert len(facts) == 3
    for fact in facts:  # the value under its name, across the box's whole width
        assert fact["valueTop"] >= fact["nameBottom"] - 1 and abs(fact["valueLeft"] - fact["nameLeft"]) < 1
        assert fact["valueWidth"] >= fact["boxWidth"] - 1
    page.set_viewport_size({"width": 1280, "height": 800})
    for fact in page.evaluate(FACT_PLACES):  # the value beside its name
        assert fact["valueLeft"] > fact["nameLeft"] + 50 and fact["valueTop"] < fact["nameBottom"]


# --- nothing scrolls sideways on a phone (WCAG 1.4.10) ---------------------------------------

# A page for each thing that once reached past a 320 px screen: the finder's and the catalogue's
# selects, a calculator's select in its fieldset and its factor table, a checklist's long Swedish
# title, worksheets (their tables, and the library), the contributors' field reference, and the
# tables of three module guides.
REFLOW_PAGES = ["where-to-start/", "modules/", "tools/scope-1-2-footprint/", "tools/idle-energy/", "checklists/",
                "coach-training/supervisor-guide/", "worksheets/", "about/contributing/",
                "modules/green-performance-map/", "modules/transition-a3/", "modules/improvement-kata-green/"]


@pytest.fixture(scope="module")
def phone(axe_browser) -> Iterator[Page]:
    """One tab at a phone's size for the reflow pages, each opened in it as a reader's link would
    (as the page-by-page run in test_browser.py does, in the same browser); nothing is stored or clicked."""
    context = axe_browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", REFLOW_PAGES)
def test_nothing_makes_the_page_scroll_sideways_on_a_phone_and_axe_passes_there(phone: Page, site_url: str, lang: str, path: str) -> None:
    """What scrolls in its own box instead must be reachable by keyboard (axe's
    scrollable-region-focusable, WCAG 2.1.1): the per-page axe run sees a desktop's screen,
    where these tables fit. Nor does the title end in an empty line (curriculum/sectionlinks.py)."""
    visit(phone, site_url + lang + path)
    found = sideways(phone)
    assert found == [], "\n".join(found)
    assert title_gap(phone) < 0.5, "the title ends in a line without words"
    violations = axe_violations(phone, site_url)
    assert violations == [], "\n".join(violations)


def test_no_stylesheet_locks_the_screen_to_one_orientation(phone: Page, built_site: Path, site_url: str) -> None:
    """WCAG 1.3.4: axe's css-orientation-lock reads the stylesheets, which every page shares; the
    page-by-page run leaves it out (tests/browser.py), so it runs here, on a module guide."""
    linked, styled = set(), []
    for built in built_site.rglob("*.html"):
        text = built.read_text(encoding="utf-8")
        linked.add(tuple(sorted(href.lstrip("/") for href in _STYLESHEET.findall(text))))
        styled += [str(built.relative_to(built_site)) for style in _STYLE.findall(text) if "orientation" in style]
    assert len(linked) == 1 and len(next(iter(linked))) >= 3, linked
    assert styled == []
    visit(phone, site_url + "modules/green-5s/")
    assert axe_rule(phone, site_url, "css-orientation-lock") == {"passes": 1, "violations": 0, "incomplete": 0, "inapplicable": 0}


def test_a_table_that_starts_scrolling_when_the_window_narrows_becomes_reachable_by_keyboard(page: Page, site_url: str) -> None:
    """A phone turned on its side, or a window made narrow: the tables that now scroll get their
    tab stop then, not only those that scrolled when the page loaded, and lose it when widened."""
    page.set_viewport_size({"width": 1280, "height": 800})
    visit(page, site_url + "worksheets/")
    tables = ".md-typeset table.worksheet__table"
    assert page.locator(f"{tables}[tabindex]").count() == 0  # nothing scrolls on a desktop
    page.set_viewport_size(PHONE)
    expect(page.locator(f'{tables}[tabindex="0"]').first).to_be_attached()  # polled from Python: the CSP refuses eval
    assert page.evaluate(f"""[...document.querySelectorAll('{tables}')]
        .filter(t => t.scrollWidth > t.clientWidth && t.getAttribute('tabindex') !== '0').length""") == 0
    page.set_viewport_size({"width": 1280, "height": 800})  # and back: no tab stop on what no longer scrolls
    expect(page.locator(f"{tables}[tabindex]")).to_have_count(0)


@pytest.mark.parametrize("lang", LANGS)
def test_the_catalogues_cards_line_up_with_its_headings_on_a_phone(phone: Page, site_url: str, lang: str) -> None:
    """Material indents a list's items; the cards keep the whole width, flush with the headings."""
    visit(phone, site_url + lang + "modules/")
    lefts = phone.evaluate("""() => [document.querySelector('.md-content h2'), ...document.querySelectorAll('.module-card')]
                                      .map(e => Math.round(e.getBoundingClientRect().left))""")
    assert len(lefts) > 2 and set(lefts) == {lefts[0]}


CHECKLIST_LINES = """() => [...document.querySelectorAll('.checklist__items label')].map(label => {
  const text = [...label.childNodes].find(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
  const range = document.createRange();
  range.selectNodeContents(text);
  return {item: Math.round(label.closest('li').getBoundingClientRect().left),
          group: Math.round(label.closest('fieldset').getBoundingClientRect().left),
          lines: [...range.getClientRects()].map(line => Math.round(line.left))};
})"""


@pytest.mark.parametrize("lang", LANGS)
def test_a_checklists_items_sit_flush_and_their_wrapped_lines_hang_beside_the_box_on_a_phone(
        phone: Page, site_url: str, lang: str) -> None:
    visit(phone, site_url + lang + "checklists/")
    items = phone.evaluate(CHECKLIST_LINES)
    assert sum(len(item["lines"]) > 1 for item in items) > 10, "too few wrapped items to tell"
    for item in items:
        assert item["item"] == item["group"]  # no list indent inside the sheet
        assert set(item["lines"]) == {item["lines"][0]}  # every line starts where the text does
