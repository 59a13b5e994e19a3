"""The calculators in Chromium: type the inputs, read the results, reload from the
address, go Back, export CSV, Swedish number format, errors tied to their fields, no JavaScript."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

import pytest
from playwright.sync_api import expect

from tests.browser import axe_violations, go_back, reload, visit

NBSP = "\u00a0"
AIR = "tools/compressed-air-leaks/"
AIR_FIGURES = {"leak-flow": "1.5", "pressure": "7", "hours": "6000", "specific-power": "6.5", "price": "1.2"}


def _type(page, figures: dict[str, str]) -> None:
    for name, value in figures.items():
        page.fill(f"#calc-{name}", value)


def _query(page) -> dict[str, list[str]]:
    # From the page itself: Playwright learns of a replaceState only some time later.
    return parse_qs(page.evaluate("location.search.slice(1)"))


def _result(page, result_id: str) -> str:
    return page.locator(f'output[data-result="{result_id}"]').inner_text()


def _share(page, result_id: str) -> str:
    return page.locator(f'output[data-share="{result_id}"]').inner_text()


def test_compressed_air_typed_figures_give_kwh_cost_and_co2e(page, site_url: str) -> None:
    visit(page, site_url + AIR)
    # The factor field starts at the factor from data/factors.yml.
    expect(page.locator("#calc-factor")).to_have_value("0.059")
    _type(page, AIR_FIGURES)
    # 1.5 m³/min x 6.5 kW per m³/min = 9.75 kW; x 6000 h = 58 500 kWh; x 1.2 = 70 200; x 0.059 = 3451.5
    assert _result(page, "power-kw") == "9.8"
    assert _result(page, "kwh") == "58,500"
    assert _result(page, "cost") == "70,200"
    assert _result(page, "co2e") == "3,452"
    assert page.locator(".calculator__status").inner_text() == "Results updated."


def test_the_figures_live_in_the_address_and_come_back_on_reload_and_back(page, site_url: str) -> None:
    visit(page, site_url + AIR)
    _type(page, AIR_FIGURES)
    query = _query(page)
    assert query == {key: [value] for key, value in AIR_FIGURES.items()}, "the unchanged factor stays out of the address"
    reload(page)
    assert page.input_value("#calc-hours") == "6,000"
    assert _result(page, "kwh") == "58,500"
    visit(page, site_url + "tools/")
    go_back(page)
    assert _result(page, "cost") == "70,200"
    visit(page, site_url + AIR + "?leak-flow=2&pressure=7&hours=8000&specific-power=6&price=1&factor=0.5")
    assert page.input_value("#calc-factor") == "0.5", "a factor typed by the reader comes back from the address"
    assert _result(page, "co2e") == "48,000", "2 x 6 x 8000 x 0.5"


def test_swedish_page_reads_and_shows_decimal_comma_and_space_thousands(page, site_url: str) -> None:
    visit(page, site_url + "sv/" + AIR)
    assert page.input_value("#calc-factor") == "0,059"
    _type(page, {"leak-flow": "1,5", "pressure": "7", "hours": "6 000", "specific-power": "6,5", "price": "1,2"})
    assert _result(page, "kwh") == f"58{NBSP}500"
    assert _result(page, "cost") == f"70{NBSP}200"
    assert _result(page, "power-kw") == "9,8"
    assert _query(page)["leak-flow"] == ["1.5"], "the address holds plain numbers in both languages"
    assert page.locator(".calculator__status").inner_text() == "Resultaten är uppdaterade."


@pytest.mark.parametrize(("lang", "separator", "kwh_row"), [
    ("", ",", "Electricity for the leaks,58500,kWh/year,"),
    ("sv/", ";", "El till läckorna;58500;kWh/år;"),
])
def test_csv_export_has_inputs_and_results(page, site_url: str, tmp_path: Path, lang: str, separator: str, kwh_row: str) -> None:
    visit(page, site_url + lang + AIR + "?leak-flow=1.5&pressure=7&hours=6000&specific-power=6.5&price=1.2")
    with page.expect_download() as download_info:
        page.click('[data-calculator-action="csv"]')
    download = download_info.value
    assert download.suggested_filename == "compressed-air.csv"
    target = tmp_path / "export.csv"
    download.save_as(target)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 + 6 + 4, lines
    assert kwh_row in lines
    factor_row = "Emission factor of the electricity,0.059,kg CO2/kWh," if not lang else "Emissionsfaktor för elen;0,059;kg CO2/kWh;"
    assert factor_row in lines
    assert all(line.count(separator) == 3 for line in lines), lines


def test_errors_are_tied_to_their_fields_and_hold_back_the_results(page, site_url: str) -> None:
    visit(page, site_url + AIR)
    _type(page, {**AIR_FIGURES, "hours": "many"})
    hours = page.locator("#calc-hours")
    assert hours.get_attribute("aria-invalid") == "true"
    assert "calc-hours-error" in hours.get_attribute("aria-describedby").split()
    assert page.locator("#calc-hours-error").inner_text() == "Enter a number, for example 1250 or 12.5."
    assert _result(page, "kwh") == "–"
    assert page.locator(".calculator__status").inner_text() == "1 field(s) need a fix; the results wait for them."
    page.fill("#calc-hours", "9000")
    assert page.locator("#calc-hours-error").inner_text() == "Enter at most 8,784."
    page.fill("#calc-hours", "12,5.0")
    assert page.locator("#calc-hours-error").inner_text() == "Enter a number, for example 1250 or 12.5."
    # A decimal comma is read as one on the English page too (a Swedish phone's number pad may
    # offer nothing else); "6,000" groups thousands.
    page.fill("#calc-hours", "12,5")
    assert hours.get_attribute("aria-invalid") is None
    assert _result(page, "kwh") == "122", "12.5 h, not 125 h"
    page.fill("#calc-hours", "6,000")
    assert hours.get_attribute("aria-invalid") is None
    assert page.locator("#calc-hours-error").is_hidden()
    assert _result(page, "kwh") == "58,500"


def test_swedish_errors_are_in_swedish(page, site_url: str) -> None:
    visit(page, site_url + "sv/" + AIR + "?hours=-5")
    assert page.locator("#calc-hours-error").inner_text() == "Skriv 0 eller mer."
    assert page.locator("#calc-leak-flow-error").inner_text() == "Fyll i ett värde (0 om det inte finns något)."


def test_idle_energy_with_a_switch_off_routine(page, site_url: str) -> None:
    visit(page, site_url + "tools/idle-energy/")
    _type(page, {"idle-kw-1": "2", "idle-hours-1": "40", "idle-kw-2": "0.5", "idle-hours-2": "100",
                 "weeks": "46", "share": "50", "price": "1"})
    # (2 x 40 + 0.5 x 100) x 46 = 5980 kWh; half of it saved; x 0.059 kg CO2/kWh
    assert _result(page, "kwh") == "5,980"
    assert _result(page, "saved-kwh") == "2,990"
    assert _result(page, "saved-cost") == "2,990"
    assert _result(page, "co2e") == "353"
    page.fill("#calc-idle-kw-3", "4")
    assert page.locator("#calc-idle-hours-3-error").inner_text() == "Enter this too, or empty both fields of this machine."
    assert _result(page, "kwh") == "–"


def test_scope_footprint_by_scope_and_source_with_shares(page, site_url: str) -> None:
    visit(page, site_url + "tools/scope-1-2-footprint/")
    page.click(".calculator__example")
    page.wait_for_load_state("networkidle")
    # diesel 1000 l x 2.66155 = 2.66 t; gas 1000 m³ x 11.18 x 0.18449 = 2.06 t;
    # electricity 200 000 x 0.059 = 11.8 t; heating 100 000 x 0.044 = 4.4 t; total 20.92 t
    assert _result(page, "diesel") == "2.66"
    assert _result(page, "natural-gas") == "2.06"
    assert _result(page, "electricity") == "11.8"
    assert _result(page, "district-heating") == "4.4"
    assert _result(page, "scope-1") == "4.72"
    assert _result(page, "total") == "20.92"
    assert _share(page, "electricity") == "56.4%", "11.8 / 20.924"
    page.select_option("#calc-electricity-basis", "supplier")
    assert page.locator("#calc-supplier-factor-error").inner_text() == "Type your supplier's factor, or choose the Nordic mix."
    page.fill("#calc-supplier-factor", "0")
    assert _result(page, "electricity") == "0"
    assert _result(page, "total") == "9.12", "4.72 + 0 + 4.4"
    assert _query(page)["electricity-basis"] == ["supplier"]


def test_swedish_scope_footprint_shares(page, site_url: str) -> None:
    visit(page, site_url + "sv/tools/scope-1-2-footprint/?diesel=1000&electricity=200000&district-heating=100000")
    assert _result(page, "total") == "18,86"
    assert _share(page, "scope-2") == f"85,9{NBSP}%", "(11.8 + 4.4) / 18.86"


def test_scrap_cost_with_processing_fees_revenue_and_material_factor(page, site_url: str) -> None:
    visit(page, site_url + "tools/scrap-cost/")
    _type(page, {"parts": "1200", "kg-per-part": "2.5", "loose-kg": "500", "material-price": "30",
                 "processing-cost": "80", "disposal-fee": "0.5", "scrap-revenue": "2"})
    # 3500 kg x 30 + 1200 x 80 + 3500 x 0.5 - 3500 x 2 = 195 750
    assert _result(page, "kg") == "3,500"
    assert _result(page, "net-cost") == "195,750"
    assert _result(page, "co2e") == "–", "no material factor, no emissions"
    page.fill("#calc-material-factor", "1.6")
    assert _result(page, "co2e") == "5,600"


def test_without_javascript_the_method_is_the_page(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "sv/tools/scrap-cost/")
        assert page.locator(".calculator__form").is_hidden()
        assert page.locator(".calculator__no-script").is_visible()
        assert "kasserade detaljer (st/år) \u00d7 material i varje detalj" in page.locator(".calculator__formula").inner_text()
        assert page.locator("#assumptions").is_visible()
    finally:
        context.close()


def test_calculator_scripts_load_only_on_calculator_pages(built_site: Path) -> None:
    for url in ("tools/compressed-air-leaks", "sv/tools/scrap-cost"):
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        assert "calculators/calculator.js" in html and "calculators/formulas.js" in html, url
    for url in ("tools", "modules/green-waste-walk", "index.html"):
        path = built_site / url
        html = (path if path.suffix else path / "index.html").read_text(encoding="utf-8")
        assert "calculators/calculator.js" not in html and "calculators/formulas.js" not in html, url


@pytest.mark.parametrize("lang", ["", "sv/"])
def test_a_calculator_with_results_and_an_error_has_no_axe_violation(page, site_url: str, lang: str) -> None:
    visit(page, site_url + lang + "tools/scope-1-2-footprint/?diesel=1000&electricity=200000&electricity-basis=supplier")
    assert page.locator("#calc-supplier-factor-error").is_visible()
    violations = axe_violations(page, site_url)
    assert violations == [], "\n".join(violations)


def test_no_file_of_half_typed_figures_downloads(page, site_url: str) -> None:
    """While a field needs a fix there are no results, and the CSV would say NaN: the button
    says why nothing comes and takes the reader to the field to fix."""
    downloads: list[object] = []
    page.on("download", lambda download: downloads.append(download))
    visit(page, site_url + AIR + "?leak-flow=1.5&pressure=7&hours=many&specific-power=6.5&price=1.2")
    page.click('[data-calculator-action="csv"]')
    assert page.locator(".calculator__status").inner_text() == "The file waits for the results: fix or fill in the fields first."
    assert page.evaluate("document.activeElement.id") == "calc-hours"
    page.wait_for_timeout(300)
    assert downloads == []


def test_printed_results_say_when_and_where_the_figures_open_again(page, site_url: str) -> None:
    query = "?leak-flow=1.5&pressure=7&hours=6000&specific-power=6.5&price=1.2"
    visit(page, site_url + AIR + query)
    printed = page.locator(".calculator__printed")
    assert printed.is_hidden(), "on paper only"
    page.emulate_media(media="print")
    today = page.evaluate("new Date().toISOString().slice(0, 10)")
    assert printed.inner_text() == f"Calculated on {today}. These figures again: {site_url}{AIR}{query}"
    assert page.locator(".calculator__status").is_hidden(), "'Results updated.' means nothing on paper"
    page.emulate_media(media="screen")
    page.fill("#calc-hours", "5000")
    page.emulate_media(media="print")
    assert printed.inner_text().endswith(query.replace("6000", "5000")), "the address follows the figures"
