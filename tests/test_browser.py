"""Quality gates in a real browser: accessibility, privacy, console, behaviour."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from curriculum.links import page_url
from tests.browser import watch
from tests.site_pages import ROOT, english_sources

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
URLS = [page_url(src, lang) for src in english_sources() for lang in ("en", "sv")]


@pytest.mark.parametrize("path", URLS)
def test_page_has_no_axe_violation_no_console_error_and_no_third_party_request(page, site_url: str, path: str) -> None:
    seen = watch(page)
    page.goto(site_url + path, wait_until="networkidle")
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    assert seen.csp_violations() == [], "Content-Security-Policy violations"

    own = urlparse(site_url).netloc
    foreign = [url for url in seen.requests if urlparse(url).netloc not in (own, "") and not url.startswith("data:")]
    assert foreign == [], "requests to third parties on load"
    hints = page.eval_on_selector_all(
        "link[rel=preconnect], link[rel=dns-prefetch]", "links => links.map(l => l.href)"
    )
    assert [h for h in hints if urlparse(h).netloc != own] == []
    assert seen.errors == []
    assert seen.failed == []

    page.add_script_tag(url=site_url + "__test-tools__/axe.min.js")
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]
    assert violations == [], "\n".join(violations)


def test_a_sheets_ticks_survive_a_reload_and_are_shared_by_the_pages_two_languages(page, site_url: str) -> None:
    item = _first_item("workshop-preparation")
    box = f'#checklist-workshop-preparation input[data-sheet-item="{item}"]'
    page.goto(site_url + "checklists/", wait_until="networkidle")
    page.locator(box).check()
    page.reload(wait_until="networkidle")
    assert page.locator(box).is_checked()
    page.goto(site_url + "sv/checklists/", wait_until="networkidle")
    assert page.locator(box).is_checked()


def test_catalogue_filter_hides_modules_that_do_not_match(page, site_url: str) -> None:
    page.goto(site_url + "modules/", wait_until="networkidle")
    cards = page.locator(".module-card")
    total = cards.count()
    assert total >= 1
    assert page.locator(".catalogue__filters").is_visible()
    page.select_option(".catalogue__filters select[name=program]", "in-depth")
    visible = page.locator(".module-card:visible").count()
    expected = page.locator('.module-card[data-program~="in-depth"]').count()
    assert visible == expected < total or total == expected
    page.click(".catalogue__filters button[type=reset]")
    page.wait_for_timeout(50)
    assert page.locator(".module-card:visible").count() == total


def test_catalogue_without_javascript_is_a_plain_grouped_list(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "modules/")
    assert not tab.locator(".catalogue__filters").is_visible()
    assert tab.locator(".module-card:visible").count() == tab.locator(".module-card").count() >= 1
    context.close()


def test_language_switcher_keeps_the_reader_on_the_same_page(page, site_url: str) -> None:
    page.goto(site_url + "about/contributing/#macros", wait_until="networkidle")
    page.evaluate("document.querySelector('a[hreflang=\"sv\"]').click()")
    page.wait_for_url("**/sv/about/contributing/**")
    assert page.url.endswith("/sv/about/contributing/#macros")


def _first_item(checklist_id: str) -> str:
    from curriculum.loader import load_curriculum

    return load_curriculum(ROOT).checklists[checklist_id].items[0].id
