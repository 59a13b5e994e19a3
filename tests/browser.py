"""Headless Debian Chromium, driven by Playwright, against the site served on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Browser, BrowserType, Page, sync_playwright

from curriculum.chromium import CHROMIUM, CHROMIUM_ARGS
from curriculum.searchquery import shortened
from tests.conftest import AXE_SCRIPT, require_tool


def _launch(browser_type: BrowserType, *flags: str) -> Browser:
    """Debian's headless shell with the project's arguments (curriculum/chromium.py) and `flags`."""
    return browser_type.launch(executable_path=require_tool(CHROMIUM), args=[*CHROMIUM_ARGS, *flags], headless=True)


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = _launch(playwright.chromium)
        try:
            yield browser
        finally:
            browser.close()


# For tabs that run axe on page after page: V8 without its optimising compilers (Maglev,
# TurboFan). Each page runs axe's ~90 rules once, for about half a second, and is gone;
# optimising that code again on every page, on background threads, cost more CPU than it saved.
# The page-by-page run (180 pages, 4 workers, alternated twice on 2026-12-07): 186 and 191
# CPU-s against 155 and 156, 102 s against 87. The search tests showed no gain (four runs), so
# the tests that click and type keep the default browser.
AXE_JS_FLAGS = "--js-flags=--max-opt=1"


@contextmanager
def axe_chromium(browser: Browser) -> Iterator[Browser]:
    """A second Chromium from the same Playwright, with `AXE_JS_FLAGS`."""
    sibling = _launch(browser.browser_type, AXE_JS_FLAGS)
    try:
        yield sibling
    finally:
        sibling.close()


def settled(page: Page) -> None:
    """After a navigation that waited for "networkidle": wait for "load" too. Playwright's
    networkidle is 500 ms without a request, whether or not the page has loaded, so on a starved
    machine it can come before the page has even asked for its scripts; "load" comes after they ran."""
    page.wait_for_load_state("load")


# A navigation a test makes, waited for as `settled` says: quiet on the network, then loaded.
def visit(page: Page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    settled(page)


def reload(page: Page) -> None:
    page.reload(wait_until="networkidle")
    settled(page)


def go_back(page: Page) -> None:
    page.go_back(wait_until="networkidle")
    settled(page)


@dataclass
class PageWatch:
    """What a page did while a test used it: requests, console errors, failed responses, CSP."""

    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__csp")  # of the document now shown: the init script starts it empty

    def forget(self) -> None:
        """Start afresh before the next navigation of a tab that several tests share."""
        self.requests.clear()
        self.errors.clear()
        self.failed.clear()


def watch(page: Page) -> PageWatch:
    """Start watching a page; call before its first navigation."""
    seen = PageWatch(page)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("console", lambda message: seen.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    page.on("response", lambda response: seen.failed.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    page.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    return seen


def search(page: Page, query: str) -> list[str]:
    """Search as a reader does; the result links, best first."""
    page.keyboard.press("/")  # Material's shortcut opens the search
    # Typed key by key: Material searches on key events, not on a programmatic fill.
    page.locator(".md-search__input").press_sequentially(query, delay=20)
    return results_for(page, query)


def results_for(page: Page, query: str) -> list[str]:
    """The result links once they answer the whole query: Material searches at each keystroke,
    and on a busy machine the results of "become a coac" may still be shown. A result's link
    highlights the query's words it matched, so the answer to the whole query has its last word
    in some link; if none does in ten seconds, the results as they are."""
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    # As the page's search worker searches it: without its ending (curriculum/searchquery.py).
    language = "sv" if "/sv/" in urlsplit(page.url).path else "en"
    last = shortened(query, language).split()[-1]
    links: list[str] = []
    for _ in range(40):
        links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
        if any(last in (word.lower() for word in highlighted(link)) for link in links):
            break
        page.wait_for_timeout(250)
    page.wait_for_timeout(200)  # the list is drawn in parts; let the rest of it in
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")


def longest_result_text(page: Page) -> int:
    """The characters of the longest text the search results show, without their titles and
    their line of missing terms ("Missing: walk")."""
    return page.eval_on_selector_all(".md-search-result__article", """articles => Math.max(...articles.map(a =>
        a.innerText.length - [...a.querySelectorAll('h1, h2, .md-search-result__terms')].reduce((n, h) => n + h.innerText.length, 0)))""")


def teaser_lines(page: Page) -> list[tuple[int, str]]:
    """Each search result's teaser: the lines it takes on screen and its text (below its title)."""
    return [tuple(pair) for pair in page.eval_on_selector_all(".md-search-result__article", """articles => articles.map(a => {
        const range = document.createRange();
        range.setStartAfter(a.querySelector('h1, h2'));
        range.setEndAfter(a.lastChild);
        const tops = new Set([...range.getClientRects()].filter(r => r.height > 0).map(r => Math.round(r.top)));
        return [tops.size, range.toString().trim()];
    })""")]


def highlighted(url: str) -> list[str]:
    """The words a search result's link asks its page to highlight: the query's words it matched."""
    return parse_qs(urlsplit(url).query).get("h", [""])[0].split()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Only the violations leave the page, summarised: axe's full result (every pass, every node)
# is megabytes of JSON per page, and `resultTypes` and the `no-passes` reporter spare it the
# detail of what passed. Nor does axe fetch and parse the page's stylesheets again (`preload`,
# about a tenth of its time): only css-orientation-lock reads them, and every page has the same
# ones, so one test runs that rule with them (`axe_rule`, test_appearance.py); the pages have no
# audio or video for the others. A clean page is checked without the CSS selectors that name
# each node (`selectors`); only a page with violations is checked again to name them. Together
# about an eighth less time a page (measured over five long pages: 352 ms against 309).
_AXE_RUN = """tags => {
  const options = {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'], reporter: 'no-passes',
                   preload: false, selectors: false};
  return axe.run(document, options)
    .then(result => result.violations.length ? axe.run(document, {...options, selectors: true}) : result)
    .then(result => result.violations.map(v =>
      `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.nodes.slice(0, 3).map(n => n.target))}`));
}"""
_AXE_RULE = """rule => axe.run(document, {runOnly: {type: 'rule', values: [rule]}})
  .then(result => Object.fromEntries(['passes', 'violations', 'incomplete', 'inapplicable'].map(kind => [kind, result[kind].length])))"""


def axe_violations(page: Page, site_url: str) -> list[str]:
    """axe-core's WCAG 2.2 AA and best-practice rules on the page as it is now, one line a violation.
    axe comes from the site's own origin (conftest._build_site): the pages' CSP blocks inline scripts."""
    _load_axe(page, site_url)
    return page.evaluate(_AXE_RUN, AXE_TAGS)


def axe_rule(page: Page, site_url: str, rule: str) -> dict[str, int]:
    """One axe rule on the page, with the stylesheets it reads: how many checks passed, failed,
    could not be decided, or did not apply."""
    _load_axe(page, site_url)
    return page.evaluate(_AXE_RULE, rule)


def _load_axe(page: Page, site_url: str) -> None:
    page.add_script_tag(url=site_url + AXE_SCRIPT)


PHONE = {"width": 320, "height": 640}  # WCAG 1.4.10 (reflow): 320 CSS pixels wide
# What makes a page scroll sideways: each element that reaches past the viewport's right edge
# (its children do not) and sits in no box that scrolls or clips on its own, such as a table's.
_SIDEWAYS = """() => {
  const edge = innerWidth + 1, found = [];
  const boxed = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
    if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX) && p.getBoundingClientRect().right <= edge) return true;
    return false; };
  for (const e of document.querySelectorAll('body *')) {
    const box = e.getBoundingClientRect();
    if (box.width === 0 || box.right <= edge || boxed(e) || [...e.children].some(c => c.getBoundingClientRect().right > edge)) continue;
    found.push(`${e.tagName.toLowerCase()}${e.className ? '.' + [...e.classList].join('.') : ''} ${Math.round(box.right - innerWidth)} px past the edge: "${e.textContent.trim().slice(0, 40)}"`);
  }
  if (!found.length && document.documentElement.scrollWidth > innerWidth) found.push('the page scrolls sideways');
  return found.slice(0, 5);
}"""


def sideways(page: Page) -> list[str]:
    """What reaches past the screen's right edge on the page as it is now."""
    return page.evaluate(_SIDEWAYS)


# How far the page's title (`h1`) reaches below its last line of words that show: an element
# there that takes space but shows nothing (a hidden ¶ link) adds a line with no words.
_TITLE_GAP = """() => {
  const title = document.querySelector('article h1'), range = document.createRange();
  const shown = node => { for (let e = node.parentElement; e && e !== title.parentElement; e = e.parentElement) {
    const style = getComputedStyle(e); if (style.opacity === '0' || style.visibility === 'hidden') return false; } return true; };
  let bottom = title.getBoundingClientRect().top;
  const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || !shown(node)) continue;
    range.selectNodeContents(node);
    for (const box of range.getClientRects()) bottom = Math.max(bottom, box.bottom);
  }
  return (title.getBoundingClientRect().bottom - bottom) / parseFloat(getComputedStyle(title).lineHeight);
}"""


def title_gap(page: Page) -> float:
    """Between the title's last line of words and the bottom of its box, in lines: the half-leading
    under the words is a few pixels, an empty line one."""
    return page.evaluate(_TITLE_GAP)
