"""The learner's experience in Chromium: the learning path's checkboxes, the catalogue, the
coach's path and dashboard, the 404 page, film pages and the finder, in both languages
(checklist sheets: test_checklist_sheets.py; focus and dark mode: test_appearance.py; glossary
marking: test_learner_glossary.py)."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlparse, urlsplit

import pytest

from curriculum import CURRICULUM_VERSION
from curriculum.layout import page_url
from curriculum.loader import load_curriculum
from curriculum.nav import nav_pages
from curriculum.render import Renderer
from tests.browser import go_back, settled, visit, watch
from tests.site_pages import ROOT

pytestmark = pytest.mark.browser

LANGS = ["", "sv/"]


# --- the learning path's checkboxes ---------------------------------------------------------


@pytest.mark.parametrize(("lang", "label"), [("", "Mark as done"), ("sv/", "Markera som klar")])
def test_learning_path_checkboxes_have_unique_names_and_no_visible_label_text(page, site_url: str, lang: str, label: str) -> None:
    units = len(load_curriculum(ROOT).units)
    visit(page, site_url + lang + "coach-training/")
    path = page.locator(".learning-path").first
    widths = path.evaluate("""(p, label) => Array.from(p.querySelectorAll('label *'))
        .filter(e => e.textContent.includes(label)).map(e => e.getBoundingClientRect().width)""", label)
    assert len(widths) == units and max(widths) <= 1, f"'{label}' is shown: {widths}"
    snapshot = path.aria_snapshot()  # YAML: a name with an apostrophe comes quoted, '' for '
    names = [n.replace("''", "'") for n in re.findall(r"""- '?checkbox "(.+?)"'?(?: \[.*\])?$""", snapshot, re.M)]
    titles = path.locator("li li a").all_inner_texts()
    assert len(titles) == units
    assert len(names) == len(set(names)) == units, names
    assert all(title in name for title, name in zip(titles, names, strict=True)), names


# --- defects 2 and 3: the module catalogue ------------------------------------------------


def _visible_titles(page) -> list[str]:
    return page.locator(".module-card:visible .module-card__title").all_inner_texts()


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_filter_is_in_the_address_and_back_restores_it(page, site_url: str, lang: str) -> None:
    visit(page, site_url + lang + "modules/")
    page.select_option(".catalogue__filters select[name=topic]", "chemicals")
    assert "topic=chemicals" in page.url
    chemicals = page.locator('.module-card[data-topic~="chemicals"]').count()
    assert 0 < len(_visible_titles(page)) == chemicals < page.locator(".module-card").count()
    with page.expect_navigation(wait_until="networkidle"):
        page.locator(".module-card:visible .module-card__title").first.click()
    settled(page)
    assert "/modules/" in page.url and "topic=" not in page.url
    go_back(page)
    assert "topic=chemicals" in page.url
    assert page.locator(".catalogue__filters select[name=topic]").input_value() == "chemicals"
    assert len(_visible_titles(page)) == chemicals
    shared = page.url
    fresh = page.context.new_page()
    visit(fresh, shared)
    assert fresh.locator(".catalogue__filters select[name=topic]").input_value() == "chemicals"
    assert fresh.locator(".module-card:visible").count() == chemicals
    fresh.close()


@pytest.mark.parametrize(("lang", "count"), [("", r"^(\d+) of (\d+) modules$"), ("sv/", r"^(\d+) av (\d+) moduler$")])
def test_catalogue_options_say_what_they_do(page, site_url: str, lang: str, count: str) -> None:
    visit(page, site_url + lang + "modules/")
    total = page.locator(".module-card").count()
    assert re.match(count, page.locator(".catalogue__count").inner_text()).groups() == (str(total), str(total))
    # Every audience offered matches at least one module.
    for value in page.eval_on_selector_all("select[name=audience] option", "os => os.map(o => o.value).filter(v => v)"):
        assert page.locator(f'.module-card[data-audience~="{value}"]').count() >= 1, value
    # "Up to a day" includes the half-day modules.
    page.select_option("select[name=duration]", "day")
    minutes = page.eval_on_selector_all(".module-card", "cs => cs.map(c => Number(c.dataset.minutes))")
    assert len(_visible_titles(page)) == len([m for m in minutes if m <= 480]) > len([m for m in minutes if m <= 240])
    match = re.match(count, page.locator(".catalogue__count").inner_text())
    assert match and match.group(1) == str(len([m for m in minutes if m <= 480]))
    page.select_option("select[name=duration]", "")
    # The cards follow the recommended order of the navigation; a sort control changes it.
    nav = ["/" + page_url(src, "sv" if lang else "en") for src in nav_pages(ROOT)]
    cards = page.eval_on_selector_all(".module-card .module-card__title", "links => links.map(a => new URL(a.href).pathname)")
    assert cards == [p for p in nav if p in cards] and len(cards) == total
    page.select_option("select[name=sort]", "title")
    titles = _visible_titles(page)
    assert titles == sorted(titles, key=str.lower) and "sort=title" in page.url
    # Targets of at least 24 px (WCAG 2.2, 2.5.8).
    for box in page.locator(".catalogue__filters select, .catalogue__filters button").all():
        assert box.bounding_box()["height"] >= 24


def test_no_console_error_on_the_catalogue_and_the_dashboard(page, site_url: str) -> None:
    seen = watch(page)
    for path in ("modules/?topic=chemicals&duration=day", "sv/coach-training/progress/", "coach-training/"):
        visit(page, site_url + path)
    assert seen.errors == [] and seen.failed == [] and seen.csp_violations() == []


# --- the coach's path and the dashboard ----------------------------------------------------


@pytest.mark.parametrize(("lang", "start", "cont"), [("", "Start with", "Continue with"), ("sv/", "Börja med", "Fortsätt med")])
def test_the_coach_path_leads_from_the_start_page_through_the_units(page, site_url: str, lang: str, start: str, cont: str) -> None:
    visit(page, site_url + lang + "coach-training/")
    first = page.locator(".learning-path__unit a").first
    first_title, first_href = first.inner_text(), first.evaluate("a => a.href")
    button = page.locator(".learning-path [data-continue]")
    assert button.inner_text() == f"{start}: {first_title}" and button.evaluate("a => a.href") == first_href
    # "Next" from the start page is the first unit, not the trainer pages.
    assert page.locator(".md-footer__link--next").evaluate("a => a.href") == first_href
    button.click()
    page.wait_for_load_state("networkidle")
    # "Mark as done" also where the reader finishes the unit, before its sources.
    finish = page.locator(".unit-finish input.progress-box")
    assert finish.count() == 1
    order = page.evaluate("""() => { const f = document.querySelector('.unit-finish'), s = document.getElementById('sources');
        return !!(f.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING); }""")
    assert order, "the unit's end block must come before its sources"
    finish.check()
    second = page.locator(".unit-finish a").first
    second_title = second.inner_text()
    note = page.locator(".unit-finish .progress-note").inner_text()
    assert re.search(r"\d{4}-\d{2}-\d{2}", note), note
    # The sidebar shows the unit as done.
    assert page.locator(".md-sidebar--primary .md-nav__link--active .nav-done, .md-sidebar--primary a[href='./'] .nav-done").count() >= 1
    # The start page and the dashboard now lead to the second unit, with the completion date.
    for path in ("coach-training/", "coach-training/progress/"):
        visit(page, site_url + lang + path)
        assert page.locator(".learning-path [data-continue]").first.inner_text() == f"{cont}: {second_title}"
        assert re.search(r"\d{4}-\d{2}-\d{2}", page.locator(".learning-path .progress-note").first.inner_text())
        hours = page.locator(".learning-path [data-stage-hours]").first.inner_text()
        assert re.search(r"\b4 (h|tim)\b", hours), hours  # the first unit's four hours are done


@pytest.mark.parametrize("lang", LANGS)
def test_trainer_pages_are_out_of_the_learners_next_and_previous(page, site_url: str, lang: str) -> None:
    for path in ("coach-training/key-points/", "coach-training/facilitator-notes/"):
        visit(page, site_url + lang + path)
        assert page.locator(".md-footer__link").count() == 0, path
    for path in ("coach-training/portfolio/", "coach-training/units/portfolio-and-assessment/", "films/"):
        visit(page, site_url + lang + path)
        hrefs = page.eval_on_selector_all(".md-footer__link", "links => links.map(a => a.href)")
        assert not [h for h in hrefs if "key-points" in h or "facilitator-notes" in h], (path, hrefs)


@pytest.mark.parametrize(("lang", "reviewed", "suggest", "issue_body"), [
    ("", "Last reviewed: ", "Suggest a change", ["Page: ", "Curriculum version ", "What should change, and why?"]),
    ("sv/", "Senast granskad: ", "Föreslå en ändring", ["Sida: ", "Utbildningsversion ", "Vad bör ändras, och varför?"]),
])
def test_content_pages_show_last_reviewed_and_a_plain_suggest_link(page, site_url: str, lang: str, reviewed: str,
                                                                   suggest: str, issue_body: list[str]) -> None:
    seen = watch(page)
    visit(page, site_url + lang + "modules/green-waste-walk/")
    meta = page.locator(".page-meta")
    assert re.search(reviewed + r"\d{4}-\d{2}-\d{2}", meta.inner_text())
    link = meta.locator("a", has_text=suggest)
    href = link.get_attribute("href")
    assert href.startswith("https://github.com/example-owner/ecoleap-production/issues/new?title=")
    assert "green-waste-walk" in href
    # The prefilled issue is written in the page's language and names the curriculum version.
    body = parse_qs(urlsplit(href).query)["body"][0]
    assert body.startswith(issue_body[0])
    assert issue_body[1] + CURRICULUM_VERSION in body and issue_body[2] in body
    assert [url for url in seen.requests if "github.com" in url] == []


# --- a 404 page per language ---------------------------------------------------------------


@pytest.mark.parametrize(("lang", "heading", "links"), [
    ("", "Page not found", ["Home page", "All modules", "Where to start"]),
    ("sv/", "Sidan finns inte", ["Startsidan", "Alla moduler", "Var ska vi börja?"]),
])
def test_the_404_page_speaks_the_readers_language_and_leads_on(page, site_url: str, built_site, lang: str, heading: str, links: list[str]) -> None:
    not_found = (built_site / lang / "404.html").read_text(encoding="utf-8")

    def github_pages(route) -> None:  # GitHub Pages answers a missing address with the 404 page
        route.fulfill(status=404, body=not_found, content_type="text/html")

    seen = watch(page)
    page.route("**/no-such-page/**", github_pages)
    visit(page, site_url + lang + "modules/no-such-page/deeper/")
    assert page.locator("html").get_attribute("lang") == ("sv" if lang else "en")
    assert page.locator("h1").inner_text() == heading
    assert page.locator(".md-search__input").count() == 1
    for name in links:
        page.locator(".md-content a", has_text=name).first.click()
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").count() == 1 and page.url.startswith(site_url + lang), page.url
        go_back(page)
    other = "sv" if not lang else "en"
    assert page.locator(f'a.md-select__link[hreflang="{other}"]').evaluate("a => a.href") == site_url + ("sv/" if other == "sv" else "")
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    assert seen.csp_violations() == []
    assert [f for f in seen.failed if "no-such-page" not in f] == []


# --- honest film pages ---------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "status"), [("", "Film in production"), ("sv/", "Filmen är under produktion")])
def test_a_film_not_yet_recorded_shows_a_card_that_leads_to_its_script(page, site_url: str, lang: str, status: str) -> None:
    visit(page, site_url + lang + "films/green-waste-walk/")
    card = page.locator(".film").first
    assert card.locator(".film--planned__status").inner_text() == status
    assert card.is_visible() and card.bounding_box()["y"] < 900, "the card is above the fold"
    assert page.locator(".film__poster, .film__duration, .film__play").count() == 0
    script = card.locator("a.film--planned__script")
    script.click()
    assert page.url.endswith("#transcript") and urlparse(page.url).path == urlparse(site_url).path + lang + "films/green-waste-walk/"
    visit(page, site_url + lang + "films/")
    listing = page.locator(".film-catalogue").inner_text()
    assert not re.search(r"\b\d:\d\d\b", listing), "running times for films that do not exist yet"


# --- the "where to start" finder --------------------------------------------------------------


@pytest.mark.parametrize(("lang", "total", "first"), [
    ("", "4 h in sessions", "Choose your situation first"),
    ("sv/", "4 tim i pass", "Välj först er situation"),
])
def test_the_finder_gives_a_sequence_with_hours_and_an_address_to_share(page, site_url: str, lang: str, total: str, first: str) -> None:
    visit(page, site_url + lang + "where-to-start/")
    finder = page.locator("[data-finder]")
    options = finder.locator("select[name=situation] option").all_inner_texts()
    assert len(options) >= 5 and not [o for o in options if "¶" in o]
    result = finder.locator(".finder__result")
    # The time chosen before the situation: the finder says what it still needs.
    page.select_option("[data-finder] select[name=time]", "8")
    assert result.inner_text().startswith(first)
    page.select_option("[data-finder] select[name=situation]", "energy-costs")
    assert result.locator(".finder__total").inner_text() == total
    # With no time limit, every module and the total are written as the module pages write a
    # duration ("16 h 15 min"), never as a decimal ("16.3").
    page.select_option("[data-finder] select[name=time]", "")
    modules = json.loads(finder.locator(".finder__modules").text_content())
    minutes = {module["href"]: module["minutes"] for module in modules.values()}
    renderer = Renderer(load_curriculum(ROOT), lang.rstrip("/") or "en", "where-to-start.md")
    items = result.locator("ol").first.locator("li")
    assert items.count() >= 3
    hrefs = [items.nth(i).locator("a").get_attribute("href") for i in range(items.count())]
    assert items.all_inner_texts() == [f"{items.nth(i).locator('a').inner_text()} ({renderer.duration(minutes[h])})" for i, h in enumerate(hrefs)]
    whole = renderer.duration(sum(minutes[href] for href in hrefs))
    assert result.locator(".finder__total").inner_text() == renderer.label("finder_total").replace("{duration}", whole)
    page.select_option("[data-finder] select[name=time]", "8")
    links = result.locator("ol").first.locator("a")
    assert links.count() == 1 and "green-waste-walk" in links.first.get_attribute("href")
    assert result.locator("ol").count() == 2, "the rest of the sequence comes later"
    assert "situation=energy-costs" in page.url and "time=8" in page.url
    shared = page.context.new_page()
    visit(shared, page.url)
    assert shared.locator(".finder__result .finder__total").inner_text() == total
    shared.locator(".finder__result a[href='#energy-costs']").click()
    assert shared.url.endswith("#energy-costs")
    shared.close()


def test_without_javascript_where_to_start_is_the_long_page(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "where-to-start/")
    assert not page.locator("[data-finder]").is_visible()
    assert page.locator("h2#energy-costs").is_visible()
    context.close()


@pytest.mark.parametrize(("lang", "name", "printed"), [("", "Name:", "Printed on: "), ("sv/", "Namn:", "Utskriven: ")])
def test_the_printed_progress_has_name_date_version_and_completion_dates(page, site_url: str, lang: str, name: str, printed: str) -> None:
    visit(page, site_url + lang + "coach-training/units/coach-role-and-contracting/")
    page.locator(".unit-finish input.progress-box").check()
    visit(page, site_url + lang + "coach-training/progress/")
    page.emulate_media(media="print")
    header = page.locator(".progress-tools__print-header")
    assert header.is_visible()
    text = header.inner_text()
    assert name in text and re.search(printed + r"\d{4}-\d{2}-\d{2}", text) and CURRICULUM_VERSION in text, text
    note = page.locator('.learning-path [data-progress-note="unit:coach-role-and-contracting"]')
    assert note.is_visible() and re.search(r"\d{4}-\d{2}-\d{2}", note.inner_text())
    assert not page.locator(".learning-path__continue").is_visible()
