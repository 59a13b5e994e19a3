"""Search, keyboard and the language switcher, with the CSP watched throughout."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import pytest

from curriculum.layout import language_of_url
from curriculum.searchentry import ELLIPSIS, TEASER_CHARACTERS, WORDS_FIELD
from curriculum.searchindex import read_index
from curriculum.searchquery import shortened
from tests.browser import highlighted, longest_result_text, search, teaser_lines, visit, watch

SEARCH_WORKER = "/assets/javascripts/workers/search."
# What the stand-in does to the index and the queries, loaded with the index (search-loader.js).
STAND_IN = "/assets/javascripts/search-stand-in.js"


@pytest.mark.parametrize(("start", "query", "expected"), [
    ("sv/modules/green-waste-walk/", "slöserivandring", "/sv/modules/green-waste-walk/"),
    ("modules/green-waste-walk/", "waste walk", "/modules/green-waste-walk/"),
])
def test_search_finds_the_page_in_the_readers_language(page, site_url: str, start: str, query: str, expected: str) -> None:
    seen = watch(page)
    visit(page, site_url + start)
    # A page loads without the search index, without Material's search worker (its script) and
    # without the stand-in's functions; they come when the reader opens search (overrides/main.html).
    assert [url for url in seen.requests if "search_index" in url or SEARCH_WORKER in url or STAND_IN in url] == []
    paths = [urlparse(url).path for url in search(page, query)]
    assert len([url for url in seen.requests if SEARCH_WORKER in url]) == 1
    assert len([url for url in seen.requests if url.endswith(STAND_IN)]) == 1
    assert expected in paths, paths
    # Each language has its own index, so every result is in the reader's language.
    assert all(path.startswith("/sv/") == expected.startswith("/sv/") for path in paths), paths
    language_folder = "sv/" if expected.startswith("/sv/") else ""
    assert [urlparse(url).path for url in seen.requests if "search_index" in url] == [
        f"/{language_folder}search/search_index.json"]
    assert seen.csp_violations() == [] and seen.errors == [] and seen.failed == []


def test_a_search_worker_ended_before_the_stand_in_arrives_starts_no_worker(page, site_url: str) -> None:
    """A message to the search worker waits for the stand-in's functions (search-stand-in.js); if
    the worker is ended meanwhile, the message starts none."""
    seen = watch(page)
    visit(page, site_url)
    page.evaluate("""() => {
      const worker = new Worker(new URL(JSON.parse(document.getElementById("__config").textContent).search, document.baseURI));
      worker.postMessage({type: 0, data: {config: {}, docs: []}});
      worker.terminate();
    }""")
    page.wait_for_function("() => window.ecoleapSearch")
    page.wait_for_timeout(500)
    assert [url for url in seen.requests if url.endswith(STAND_IN)] != []
    assert [url for url in seen.requests if SEARCH_WORKER in url] == []


@pytest.mark.parametrize(("start", "query", "base", "expected"), [
    ("", "kaizens", "kaizen", "/methodology/glossary/"),  # "kaizens" alone found nothing
    ("sv/", "kunderna", "kund", "/sv/modules/why-green-why-now/"),  # "kunderna" alone: 46 entries, "kund" 163
])
def test_search_finds_the_other_forms_of_a_word(page, site_url: str, start: str, query: str, base: str, expected: str) -> None:
    """Each word of a query loses its ending first (curriculum/searchquery.py), so a plural or a
    definite form finds what the word's other forms find."""
    visit(page, site_url + start)
    found = search(page, query)
    assert expected in [urlparse(url).path for url in found], found
    visit(page, site_url + start)
    assert search(page, base) == found


@pytest.mark.parametrize(("start", "query", "missing"), [
    ("", "kaizen stakeholders", "stakeholders"),  # searched as "stakeholder"
    ("sv/", "energi kunderna", "kunderna"),  # searched as "kund"
])
def test_a_result_names_the_word_it_lacks_as_the_reader_typed_it(page, site_url: str, start: str, query: str, missing: str) -> None:
    """A result that lacks a word of the query says so ("Missing: stakeholders") with the word
    as typed, not as it was searched without its ending."""
    visit(page, site_url + start)
    search(page, query)
    named = page.eval_on_selector_all(".md-search-result__terms del", "words => words.map(w => w.textContent)")
    assert missing in named, named
    assert shortened(missing, language_of_url(start)) not in named, named


@pytest.mark.parametrize("start", ["modules/green-waste-walk/", "sv/"])
def test_a_page_loads_without_materials_sitemaps_and_its_language_link_still_leads_to_the_twin(page, site_url: str, start: str) -> None:
    """Material fetches the sitemap beside each alternate link as it starts, to find a page's twin
    when the reader switches language; our language links point at the twin already, so
    overrides/main.html does not send those requests (5 kB gzip of a first visit)."""
    seen = watch(page)
    visit(page, site_url + start)
    assert [url for url in seen.requests if url.endswith("sitemap.xml")] == []
    twin = "sv/" + start if not start.startswith("sv/") else start.removeprefix("sv/")
    page.evaluate("document.querySelector('a[hreflang]:not([hreflang=\"%s\"])').click()" % ("sv" if start.startswith("sv/") else "en"))
    page.wait_for_url(site_url + twin)
    assert seen.errors == [] and seen.failed == [] and seen.csp_violations() == []


def _word_only_past_a_teaser(site: Path, language: str) -> tuple[str, str]:
    """A word that is in one entry's `words` and in no entry's title or teaser, and that entry."""
    docs = read_index(site, language)["docs"]
    shown = {word for doc in docs for word in (doc["title"] + " " + doc["text"]).lower().split()}
    counts = Counter(word for doc in docs for word in doc.get(WORDS_FIELD, "").split())
    word = min(w for w, n in counts.items() if n == 1 and len(w) >= 9 and re.fullmatch(r"[a-zåäö]+", w) and w not in shown)
    [doc] = [doc for doc in docs if word in doc.get(WORDS_FIELD, "").split()]
    return word, doc["location"]


@pytest.mark.parametrize("language", ["en", "sv"])
def test_search_finds_a_section_by_a_word_past_its_teaser_and_shows_only_teasers(page, built_site: Path, site_url: str, language: str) -> None:
    """Each entry's words beyond the start of its text are in a field of their own, which the
    search worker must index (curriculum/searchentry.py); a result shows the start alone."""
    word, location = _word_only_past_a_teaser(built_site, language)
    visit(page, site_url + ("sv/" if language == "sv" else ""))
    found = [(url.path, url.fragment) for url in map(urlparse, search(page, word))]
    expected = urlparse(site_url + location)
    assert (expected.path, expected.fragment) in found, (word, found)
    longest = longest_result_text(page)
    assert 0 < longest <= TEASER_CHARACTERS + len(ELLIPSIS) + 2, longest


# Stop words in lunr's lists: "a" (en); "hur" and "man" (sv).
@pytest.mark.parametrize(("language", "query", "without", "stop_words"), [
    ("en", "become a coach", "become coach", {"a"}),
    ("sv", "hur man börjar", "börjar", {"hur", "man"}),
])
def test_search_leaves_the_stop_words_out_of_a_query(page, site_url: str, language: str, query: str, without: str,
                                                    stop_words: set[str]) -> None:
    """Each word is searched as the start of a word: "a" found "assessor" and "accessibility".
    The page's search worker leaves stop words out (docs/assets/javascripts/search-stand-in.js)."""
    home = site_url + ("sv/" if language == "sv" else "")
    visit(page, home)
    found = search(page, query)
    assert not [url for url in found if stop_words & set(highlighted(url))]
    visit(page, home)
    assert found == search(page, without)


def test_a_query_of_stop_words_alone_is_searched_as_typed(page, site_url: str) -> None:
    """"to" may be the start of "tools" being typed: a query of nothing else stays."""
    visit(page, site_url)
    assert "/tools/" in [urlparse(url).path for url in search(page, "to")]


def test_search_opened_from_the_header_button_on_a_phone(browser, site_url: str) -> None:
    """On a narrow screen search sits behind a button; a tap must fetch the index and search.
    Each result's teaser fits in four lines (curriculum/searchentry.py)."""
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True)
    page = context.new_page()
    seen = watch(page)
    visit(page, site_url + "sv/")
    assert [url for url in seen.requests if "search_index" in url or SEARCH_WORKER in url] == []
    page.locator('label.md-header__button[for="__search"]').tap()
    page.locator(".md-search__input").press_sequentially("energirond", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    paths = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => new URL(a.href).pathname)")
    assert paths and all(path.startswith("/sv/") for path in paths), paths
    teasers = teaser_lines(page)
    assert [text for _, text in teasers if text.endswith(ELLIPSIS.strip())], teasers  # some cut short
    assert max(lines for lines, _ in teasers) <= 4, teasers
    assert seen.errors == [] and seen.failed == []
    context.close()


def test_language_switcher_keeps_the_heading_and_raises_no_csp_violation(page, site_url: str) -> None:
    seen = watch(page)
    visit(page, site_url + "modules/green-waste-walk/#how-to-run-it")
    page.evaluate("document.querySelector('a[hreflang=\"sv\"]').click()")
    page.wait_for_url("**/sv/modules/green-waste-walk/**")
    assert page.url.endswith("/sv/modules/green-waste-walk/#how-to-run-it")
    assert page.locator("#how-to-run-it").count() == 1
    assert seen.csp_violations() == []


@pytest.mark.parametrize(("start", "twin"), [
    ("tools/compressed-air-leaks/?leak-flow=2.5&hours=6000#results", "sv/tools/compressed-air-leaks/"),
    ("sv/modules/?program=start", "modules/"),
])
def test_the_other_language_keeps_the_readers_figures_and_filters(page, site_url: str, start: str, twin: str) -> None:
    """A calculator's figures and the catalogue's filters live in the address, under the same
    names in both languages: switching language keeps them, and the twin page shows them."""
    seen = watch(page)
    visit(page, site_url + start)
    query = "?" + start.split("?")[1]
    other = "sv" if not start.startswith("sv/") else "en"
    page.evaluate(f"document.querySelector('a[hreflang=\"{other}\"]').click()")
    page.wait_for_url(site_url + twin + query)
    if "leak-flow" in query:
        assert page.locator("input[name=leak-flow]").input_value() == "2,5"  # as the Swedish page writes it
        assert page.locator("input[name=hours]").input_value() == "6\u00a0000"
    else:
        assert page.locator("select[name=program]").input_value() == "start"
    assert seen.errors == [] and seen.csp_violations() == []


# Each control gets a probe number: Material adds classes on focus, so markup is no identity.
FOCUSABLE = """() => Array.from(document.querySelectorAll(
  'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])'))
  .filter(e => !e.disabled && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden'
               && e.closest('.md-content'))
  .map((e, i) => { e.dataset.tabProbe = String(i); return e.outerHTML.slice(0, 80); })"""


# Each focus is recorded as it happens (probe number, visible indicator), so the test presses Tab
# without a round trip to the page after every key.
RECORD_FOCUS = """() => { window.__focused = [];
  document.addEventListener('focusin', e => { const s = getComputedStyle(e.target);
    window.__focused.push([e.target.dataset.tabProbe ?? null,
      (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none']); }); }"""


@pytest.mark.parametrize("path", ["", "sv/coach-training/progress/", "modules/", "checklists/", "worksheets/"])
def test_every_control_in_the_content_is_reached_by_tab_and_shows_focus(page, site_url: str, path: str) -> None:
    visit(page, site_url + path)
    controls = page.evaluate(FOCUSABLE)
    wanted = set(range(len(controls)))
    assert wanted
    page.evaluate(RECORD_FOCUS)
    reached: set[int] = set()
    unmarked: list[str] = []
    presses = 0
    while presses < len(wanted) + 200 and not wanted <= reached:
        for _ in range(20):
            page.keyboard.press("Tab")
        presses += 20
        for probe, marked in page.evaluate("() => window.__focused.splice(0)"):
            if probe is not None:
                reached.add(int(probe))
                if not marked:
                    unmarked.append(controls[int(probe)])
    assert [controls[i] for i in sorted(wanted - reached)] == [], "not reachable by Tab"
    assert unmarked == [], "focused without a visible focus indicator"


@pytest.mark.parametrize("lang", ["", "sv/"])
def test_a_reader_walks_the_site_by_its_navigation_without_csp_violation(page, site_url: str, lang: str) -> None:
    """Tabs, the sidebar and the footer's next-page link, each followed by a click as a reader would."""
    seen = watch(page)
    visit(page, site_url + lang)
    steps = [
        ".md-tabs__link[href*='modules/']",  # the module tab
        ".md-nav--primary .md-nav__link[href*='green-waste-walk/']",  # a guide in the sidebar
        ".md-footer__link--next",  # the next page
    ]
    visited = [page.url]
    for selector in steps:
        link = page.locator(selector).first
        link.click()
        page.wait_for_url(lambda url: url != visited[-1])
        page.wait_for_load_state("networkidle")
        visited.append(page.url)
        assert seen.csp_violations() == [], f"after {selector} on {page.url}"
        assert urlparse(page.url).path.startswith("/" + lang), f"{selector} left the language: {page.url}"
    assert len(set(visited)) == len(steps) + 1, visited
    assert seen.errors == [] and seen.failed == [], (seen.errors, seen.failed)
