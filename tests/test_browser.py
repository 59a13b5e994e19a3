"""Quality gates in a real browser: accessibility, privacy, console, behaviour."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from curriculum.layout import page_url
from tests.browser import PageWatch, axe_violations, reload, visit, watch
from tests.site_pages import ROOT, english_sources

URLS = [page_url(src, lang) for src in english_sources() for lang in ("en", "sv")]


@pytest.fixture(scope="module")
def tab(axe_browser) -> Iterator[PageWatch]:
    """One watched tab for the page-by-page run, each page opened in it as a reader's link would:
    the site's CSS, JavaScript and axe come from the cache after the first page, and the tab keeps
    its renderer. A new tab for each page cost about a quarter more CPU (measured over 60 pages
    with axe: 1.24 s a page against 0.95). Nothing a test counts carries over: `forget` empties
    the lists, and the CSP log starts afresh with each document."""
    context = axe_browser.new_context()
    yield watch(context.new_page())
    context.close()


@pytest.mark.parametrize("path", URLS)
def test_page_has_no_axe_violation_no_console_error_and_no_third_party_request(tab: PageWatch, site_url: str, path: str) -> None:
    seen, page = tab, tab.page
    seen.forget()
    visit(page, site_url + path)
    assert page.url == site_url + path
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    assert seen.csp_violations() == [], "Content-Security-Policy violations"

    own = urlparse(site_url).netloc
    foreign = [url for url in seen.requests if urlparse(url).netloc not in (own, "") and not url.startswith("data:")]
    assert foreign == [], "requests to third parties on load"
    assert site_url + path in seen.requests, "the page's own request was not watched"
    hints = page.eval_on_selector_all(
        "link[rel=preconnect], link[rel=dns-prefetch]", "links => links.map(l => l.href)"
    )
    assert [h for h in hints if urlparse(h).netloc != own] == []
    assert seen.errors == []
    assert seen.failed == []

    violations = axe_violations(page, site_url)
    assert violations == [], "\n".join(violations)


def test_the_axe_run_names_each_violation_and_the_nodes_it_found(page, site_url: str) -> None:
    """The page-by-page gate can fail: two faults put into a real page are reported by rule and node."""
    visit(page, site_url + "methodology/")
    page.evaluate("""() => {
      const article = document.querySelector('article');
      article.insertAdjacentHTML('beforeend', '<p id="faint" style="color:#ccc;background:#fff">Faint text</p><img id="bare" src="x.png">');
    }""")
    violations = axe_violations(page, site_url)
    assert [line.split(" ", 1)[0] for line in violations] == ["color-contrast", "image-alt"], violations
    assert '[["#faint"]]' in violations[0] and '[["#bare"]]' in violations[1], violations


def test_a_sheets_ticks_survive_a_reload_and_are_shared_by_the_pages_two_languages(page, site_url: str) -> None:
    item = _first_item("workshop-preparation")
    box = f'#checklist-workshop-preparation input[data-sheet-item="{item}"]'
    visit(page, site_url + "checklists/")
    # A damaged store (edited by hand) does not stop the tick from being kept.
    sheet = page.locator("#checklist-workshop-preparation").get_attribute("data-sheet")
    page.evaluate("""sheet => localStorage.setItem("ecoleap-sheets", JSON.stringify({[sheet]: "text", other: 5}))""", sheet)
    page.locator(box).check()
    reload(page)
    assert page.locator(box).is_checked()
    visit(page, site_url + "sv/checklists/")
    assert page.locator(box).is_checked()


VISIBLE_CARDS = "cards => cards.filter(c => c.checkVisibility()).map(c => c.querySelector('a').getAttribute('href'))"


def test_catalogue_filter_shows_exactly_the_modules_of_the_chosen_program(page, site_url: str) -> None:
    from curriculum.layout import Linker
    from curriculum.loader import load_curriculum

    modules = load_curriculum(ROOT).modules.values()
    linker = Linker("modules/index.md", "en")
    every = sorted(linker.href(m.key) for m in modules)
    in_depth = sorted(linker.href(m.key) for m in modules if "in-depth" in m.programs)
    assert 0 < len(in_depth) < len(every), "the data no longer lets this filter show its effect"
    visit(page, site_url + "modules/")
    assert page.locator(".catalogue__filters").is_visible()
    assert sorted(page.eval_on_selector_all(".module-card", VISIBLE_CARDS)) == every
    page.select_option(".catalogue__filters select[name=program]", "in-depth")
    assert sorted(page.eval_on_selector_all(".module-card", VISIBLE_CARDS)) == in_depth
    page.click(".catalogue__filters button[type=reset]")
    expect(page.locator(".module-card").filter(visible=True)).to_have_count(len(every))


def test_an_empty_catalogue_offers_to_drop_each_filter_with_what_that_would_show(page, site_url: str) -> None:
    from curriculum.loader import load_curriculum

    modules = list(load_curriculum(ROOT).modules.values())
    # A program and a topic that no module shares, each of which some module has.
    program, topic = next((p, t) for p in sorted({p for m in modules for p in m.programs})
                          for t in sorted({t for m in modules for t in m.topics})
                          if not [m for m in modules if p in m.programs and t in m.topics])
    with_program = len([m for m in modules if program in m.programs])
    with_topic = len([m for m in modules if topic in m.topics])
    visit(page, site_url + f"modules/?program={program}&topic={topic}")
    empty = page.locator(".catalogue__empty")
    expect(empty).to_be_visible()
    buttons = empty.locator("button")
    assert buttons.all_inner_texts() == [f"Drop program ({page.locator('select[name=program] option:checked').inner_text().lower()}) to see {with_topic}",
                                         f"Drop topic ({page.locator('select[name=topic] option:checked').inner_text().lower()}) to see {with_program}"]
    buttons.nth(1).click()
    expect(page.locator(".module-card").filter(visible=True)).to_have_count(with_program)
    assert page.url == site_url + f"modules/?program={program}"
    assert page.evaluate("document.activeElement.name") == "topic"
    expect(empty).to_be_hidden()


def test_catalogue_without_javascript_is_a_plain_grouped_list(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "modules/")
    assert not tab.locator(".catalogue__filters").is_visible()
    assert tab.locator(".module-card:visible").count() == tab.locator(".module-card").count() >= 1
    context.close()


def test_language_switcher_keeps_the_reader_on_the_same_page(page, site_url: str) -> None:
    visit(page, site_url + "about/contributing/#macros")
    page.evaluate("document.querySelector('a[hreflang=\"sv\"]').click()")
    page.wait_for_url("**/sv/about/contributing/**")
    assert page.url.endswith("/sv/about/contributing/#macros")


def _first_item(checklist_id: str) -> str:
    from curriculum.loader import load_curriculum

    return load_curriculum(ROOT).checklists[checklist_id].items[0].id


def test_what_one_test_stores_is_gone_for_the_next(browser, site_url: str) -> None:
    """The `page` fixture's shared context (conftest.Tabs) starts each test as a fresh one would."""
    from tests.conftest import Tabs

    tabs = Tabs(browser)
    try:
        tab = tabs.context.new_page()
        tab.goto(site_url + "checklists/")
        tab.evaluate("localStorage.setItem('left-behind', '1'); document.cookie = 'left-behind=1; path=/'")
        assert tab.evaluate("localStorage.getItem('left-behind')") == "1"
        tabs.forget()
        assert tabs.context.pages == [tabs.keeper]
        fresh = tabs.context.new_page()
        fresh.goto(site_url + "checklists/")
        assert fresh.evaluate("[localStorage.getItem('left-behind'), document.cookie.includes('left-behind')]") == [None, False]
    finally:
        tabs.context.close()


def test_an_empty_catalogue_where_no_single_filter_helps_offers_them_all(page, site_url: str) -> None:
    from curriculum.loader import load_curriculum

    modules = list(load_curriculum(ROOT).modules.values())
    chosen = {"program": "in-depth", "topic": "funding", "audience": "network", "duration": 240}

    def matching(skip: str) -> int:
        return len([m for m in modules if (skip == "program" or chosen["program"] in m.programs)
                    and (skip == "topic" or chosen["topic"] in m.topics)
                    and (skip == "audience" or chosen["audience"] in m.audience)
                    and (skip == "duration" or m.duration_minutes <= chosen["duration"])])
    assert [matching(name) for name in chosen] == [0, 0, 0, 0], "the data no longer gives a case where no single filter helps"
    visit(page, site_url + "modules/?program=in-depth&topic=funding&audience=network&duration=short")
    buttons = page.locator(".catalogue__empty button")
    assert buttons.all_inner_texts() == ["Show all modules"]
    buttons.first.click()
    expect(page.locator(".module-card").filter(visible=True)).to_have_count(len(modules))
    assert page.evaluate("document.activeElement.name") == "program"
