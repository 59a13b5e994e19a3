"""Self-study progress in the browser: tick, reload, export, import, reset, print."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from curriculum import CURRICULUM_VERSION
from tests.browser import reload, visit

pytestmark = pytest.mark.browser

SOME_TEXT = re.compile(r"\S")  # Playwright's expect() polls from Python: a string predicate
# run in the page (wait_for_function) is eval, which the site's CSP rightly refuses.
UNIT_BOX = 'input[data-progress-key="unit:coach-role-and-contracting"]'


def _foundations_count(page) -> str:
    return page.locator('[data-progress-stage="foundations"] .progress-tools__count').inner_text()


def test_a_ticked_unit_survives_a_reload_and_shows_on_the_swedish_progress_page(page, site_url: str) -> None:
    visit(page, site_url + "coach-training/units/coach-role-and-contracting/")
    page.locator(UNIT_BOX).first.check()
    reload(page)
    assert page.locator(UNIT_BOX).first.is_checked()
    visit(page, site_url + "sv/coach-training/progress/")
    assert _foundations_count(page) == "1"
    assert page.locator(UNIT_BOX).first.is_checked()


def test_export_then_import_into_a_fresh_browser_profile(browser, site_url: str, tmp_path: Path) -> None:
    first = browser.new_context(accept_downloads=True)
    page = first.new_page()
    visit(page, site_url + "coach-training/progress/")
    page.locator(UNIT_BOX).first.check()
    page.locator('input[data-progress-key="step:foundations-complete"]').first.check()
    with page.expect_download() as download:
        page.click('[data-progress-action="export"]')
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    record = json.loads(exported.read_text(encoding="utf-8"))
    assert set(record["progress"]) == {"unit:coach-role-and-contracting", "step:foundations-complete"}
    unit = record["progress"]["unit:coach-role-and-contracting"]
    assert unit["done"] is True and unit["version"] == record["version"] and len(unit["digest"]) == 12
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", unit["date"])
    first.close()

    fresh = browser.new_context()
    other = fresh.new_page()
    visit(other, site_url + "sv/coach-training/progress/")
    assert not other.locator(UNIT_BOX).first.is_checked()
    other.set_input_files('input[data-progress-action="import"]', str(exported))
    expect(other.locator(".progress-tools__status")).to_have_text(SOME_TEXT)
    assert other.locator(UNIT_BOX).first.is_checked()
    assert other.locator('[data-progress-stage="certification"] .progress-tools__count').inner_text() == "1"
    reload(other)
    assert other.locator(UNIT_BOX).first.is_checked()
    fresh.close()


@pytest.mark.parametrize("lang", ["", "sv/"])
def test_import_takes_an_older_versions_export_and_refuses_a_newer_one(page, site_url: str, tmp_path: Path, lang: str) -> None:
    older = tmp_path / "old.json"  # the 2026.1 format: a date per key, steps named certification:
    older.write_text(json.dumps({"site": "ecoleap-production", "version": "2025.1", "progress": {
        "unit:coach-role-and-contracting": "2025-03-01", "certification:foundations-complete": "2025-04-01",
        "checklist:workshop-preparation:agree-goal": "2025-03-02"}}), encoding="utf-8")
    newer = tmp_path / "new.json"
    newer.write_text(json.dumps({"site": "ecoleap-production", "version": "2999.1",
                                 "progress": {"unit:green-toolkit": {"done": True, "date": "2999-01-01"}}}), encoding="utf-8")
    visit(page, site_url + lang + "coach-training/progress/")
    status = page.locator(".progress-tools__status")
    page.set_input_files('input[data-progress-action="import"]', str(newer))
    expect(status).to_have_text(SOME_TEXT)
    assert "2999.1" in status.inner_text()
    assert not page.locator('input[data-progress-key="unit:green-toolkit"]').first.is_checked()
    page.set_input_files('input[data-progress-action="import"]', str(older))
    expect(status).not_to_contain_text("2999")
    assert re.search(r"\b2\b", status.inner_text()), status.inner_text()  # the two self-study ticks
    assert page.locator(UNIT_BOX).first.is_checked()
    assert page.locator('input[data-progress-key="step:foundations-complete"]').first.is_checked()
    assert "2025-03-01" in page.locator('[data-progress-note="unit:coach-role-and-contracting"]').first.inner_text()


def test_reset_clears_every_tick_after_confirmation(page, site_url: str) -> None:
    visit(page, site_url + "coach-training/progress/")
    page.locator(UNIT_BOX).first.check()
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-progress-action="reset"]')
    assert not page.locator(UNIT_BOX).first.is_checked()
    assert _foundations_count(page) == "0"
    reload(page)
    assert not page.locator(UNIT_BOX).first.is_checked()


def test_progress_page_without_javascript_still_lists_units_and_steps(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "coach-training/progress/")
    assert page.locator(".progress-tools__noscript").is_visible()
    assert not page.locator(".progress-tools__buttons").is_visible()
    assert page.locator(".learning-path a").count() >= 12
    assert page.locator(".certification-step").count() >= 5
    context.close()


@pytest.mark.parametrize(("lang", "changed"), [("", "changed since you completed it"), ("sv/", "ändrad sedan du markerade den som klar")])
def test_ticks_of_the_old_per_version_store_move_into_the_one_store(browser, site_url: str, lang: str, changed: str) -> None:
    # The stores are in place before the first page runs. (Written from a page of the origin before
    # navigating, Chromium could hand the next page to a new renderer before the writes reached it.)
    legacy = {"unit:coach-role-and-contracting": "2025-06-01", "certification:foundations-complete": "2025-07-01",
              "checklist:workshop-preparation:agree-goal": "2025-06-02"}
    current = {"format": 2, "records": {"unit:green-toolkit":
               {"done": True, "date": "2025-08-01", "version": "2025.2", "digest": "not-the-same"}}}
    context = browser.new_context(storage_state={"cookies": [], "origins": [{"origin": site_url.rstrip("/"), "localStorage": [
        {"name": "ecoleap-progress:2025.2", "value": json.dumps(legacy)},
        {"name": "ecoleap-progress", "value": json.dumps(current)}]}]})
    page = context.new_page()
    visit(page, site_url + lang + "coach-training/progress/")
    assert page.locator(UNIT_BOX).first.is_checked()
    assert page.locator('input[data-progress-key="step:foundations-complete"]').first.is_checked()
    stored = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('ecoleap-progress')).sort()")
    assert stored == ["ecoleap-progress"]
    assert sorted(page.evaluate("Object.keys(window.ecoleapProgress.all())")) == [
        "step:foundations-complete", "unit:coach-role-and-contracting", "unit:green-toolkit"]
    # A unit whose content changed since it was ticked keeps its tick and says so.
    note = page.locator('[data-progress-note="unit:green-toolkit"]').first
    assert page.locator('input[data-progress-key="unit:green-toolkit"]').first.is_checked()
    assert changed in note.inner_text() and "2025-08-01" in note.inner_text()
    assert changed not in page.locator('[data-progress-note="unit:coach-role-and-contracting"]').first.inner_text()
    context.close()


def test_the_store_api_for_other_scripts(page, site_url: str) -> None:
    """The contract documented in docs/about/contributing.md#progress-store."""
    visit(page, site_url + "coach-training/units/green-toolkit/")
    result = page.evaluate("""() => { const p = window.ecoleapProgress;
        const set = p.set('selfcheck:green-toolkit', {digest: 'abc'});
        let refused = null; try { p.set('calculator', {}); } catch (e) { refused = e.message; }
        const out = {set, got: p.get('selfcheck:green-toolkit'), refused, keys: Object.keys(p.all())};
        const text = p.exportJSON(); p.remove('selfcheck:green-toolkit'); out.after = p.get('selfcheck:green-toolkit');
        out.imported = p.importJSON(text); out.back = p.get('selfcheck:green-toolkit'); out.bad = p.importJSON('nonsense');
        return out; }""")
    assert result["set"]["done"] is True and result["set"]["version"] == CURRICULUM_VERSION
    assert result["got"]["digest"] == "abc" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", result["got"]["date"])
    assert "bad key" in result["refused"]
    assert result["keys"] == ["selfcheck:green-toolkit"]
    assert result["after"] is None and result["imported"] == {"ok": True, "count": 1} and result["back"]["digest"] == "abc"
    assert result["bad"] == {"ok": False, "reason": "bad-file"}
