"""Self-study progress in the browser: tick, reload, export, import, reset, print."""

from __future__ import annotations

import json
from pathlib import Path

UNIT_BOX = 'input[data-progress-key="unit:coach-role-and-contracting"]'


def _foundations_count(page) -> str:
    return page.locator('[data-progress-stage="foundations"] .progress-tools__count').inner_text()


def test_a_ticked_unit_survives_a_reload_and_shows_on_the_swedish_progress_page(page, site_url: str) -> None:
    page.goto(site_url + "coach-training/units/coach-role-and-contracting/", wait_until="networkidle")
    page.locator(UNIT_BOX).first.check()
    page.reload(wait_until="networkidle")
    assert page.locator(UNIT_BOX).first.is_checked()
    page.goto(site_url + "sv/coach-training/progress/", wait_until="networkidle")
    assert _foundations_count(page) == "1"
    assert page.locator(UNIT_BOX).first.is_checked()


def test_export_then_import_into_a_fresh_browser_profile(browser, site_url: str, tmp_path: Path) -> None:
    first = browser.new_context(accept_downloads=True)
    page = first.new_page()
    page.goto(site_url + "coach-training/progress/", wait_until="networkidle")
    page.locator(UNIT_BOX).first.check()
    page.locator('input[data-progress-key="certification:foundations-complete"]').first.check()
    with page.expect_download() as download:
        page.click('[data-progress-action="export"]')
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    record = json.loads(exported.read_text(encoding="utf-8"))
    assert set(record["progress"]) == {"unit:coach-role-and-contracting", "certification:foundations-complete"}
    first.close()

    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(site_url + "sv/coach-training/progress/", wait_until="networkidle")
    assert not other.locator(UNIT_BOX).first.is_checked()
    other.set_input_files('input[data-progress-action="import"]', str(exported))
    other.wait_for_function("document.querySelector('.progress-tools__status').textContent.length > 0")
    assert other.locator(UNIT_BOX).first.is_checked()
    assert other.locator('[data-progress-stage="certification"] .progress-tools__count').inner_text() == "1"
    other.reload(wait_until="networkidle")
    assert other.locator(UNIT_BOX).first.is_checked()
    fresh.close()


def test_import_refuses_a_file_from_another_curriculum_version(page, site_url: str, tmp_path: Path) -> None:
    stale = tmp_path / "old.json"
    stale.write_text(json.dumps({"site": "ecoleap-production", "version": "1999.1",
                                 "progress": {"unit:coach-role-and-contracting": "2020-01-01"}}), encoding="utf-8")
    page.goto(site_url + "coach-training/progress/", wait_until="networkidle")
    page.set_input_files('input[data-progress-action="import"]', str(stale))
    page.wait_for_function("document.querySelector('.progress-tools__status').textContent.length > 0")
    assert "1999.1" in page.locator(".progress-tools__status").inner_text()
    assert not page.locator(UNIT_BOX).first.is_checked()


def test_reset_clears_every_tick_after_confirmation(page, site_url: str) -> None:
    page.goto(site_url + "coach-training/progress/", wait_until="networkidle")
    page.locator(UNIT_BOX).first.check()
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-progress-action="reset"]')
    assert not page.locator(UNIT_BOX).first.is_checked()
    assert _foundations_count(page) == "0"
    page.reload(wait_until="networkidle")
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
