"""The coaches' self-checks and the self-assessment "Where do we stand?", in Chromium
(the calculators are in test_tools.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from curriculum.layout import offline_file
from curriculum.loader import load_curriculum
from tests.browser import axe_violations, reload, visit, watch
from tests.site_pages import ROOT
from tests.test_offline_copy import offline_copy  # noqa: F401 (the fixture: the offline zip, unzipped)
from tests.test_tools import NBSP, _result

# --- self-checks ---------------------------------------------------------------------------

UNIT = "coach-training/units/facilitation-basics/"


def _answer_right(page, unit_id: str) -> None:
    """Answer every question of the page's self-check with the answer the page carries."""
    for question in page.locator(".self-check__question").all():
        answer = question.get_attribute("data-answer").split()
        question_id = question.get_attribute("data-question")
        if question.get_attribute("data-kind") == "order":
            for position, option in enumerate(answer, 1):
                question.locator(f"#sc-{question_id}-{option}").select_option(str(position))
        else:
            for option in answer:
                question.locator(f"#sc-{question_id}-{option}").check()
        question.locator('[data-self-check-action="check"]').click()


@pytest.mark.parametrize(("lang", "wrong", "right", "done"), [
    ("", "Not yet.", "Right.", "All questions right: the self-check is recorded in your progress."),
    ("sv/", "Inte än.", "Rätt.", "Alla frågor rätt: självtestet är sparat i dina framsteg."),
])
def test_a_self_check_gives_feedback_and_is_recorded_and_shown_on_the_progress_page(
        page, site_url: str, lang: str, wrong: str, right: str, done: str) -> None:
    visit(page, site_url + lang + UNIT)
    first = page.locator(".self-check__question").first
    answer = first.get_attribute("data-answer")
    other = next(value for value in first.locator("input").evaluate_all("inputs => inputs.map(i => i.value)") if value != answer)
    first.locator(f'input[value="{other}"]').check()
    first.locator('[data-self-check-action="check"]').click()
    feedback = first.locator(".self-check__feedback")
    assert feedback.inner_text().startswith(wrong)
    reread = feedback.locator("a")
    assert reread.get_attribute("href") == "#what-a-facilitator-does", "a wrong answer points to the section to reread"
    assert page.evaluate("window.ecoleapProgress.get('selfcheck:facilitation-basics')") is None
    _answer_right(page, "facilitation-basics")
    assert first.locator(".self-check__feedback").inner_text().startswith(right)
    assert page.locator(".self-check__result").inner_text() == done
    record = page.evaluate("window.ecoleapProgress.get('selfcheck:facilitation-basics')")
    assert record["done"] is True and record["digest"] == page.locator("[data-self-check]").get_attribute("data-digest")
    reload(page)  # back on the unit later: it says the self-check was passed, and when
    assert page.locator(".self-check__result").inner_text() == (
        f"You answered every question right on {record['date']}. Try again whenever you like." if not lang
        else f"Du svarade rätt på alla frågor {record['date']}. Gör testet igen när du vill.")
    visit(page, site_url + lang + "coach-training/progress/")
    row = page.locator('[data-self-check-unit="facilitation-basics"] .self-check-summary__state')
    assert row.inner_text() == ("Done " if not lang else "Klart ") + record["date"]
    other_row = page.locator('[data-self-check-unit="green-toolkit"] .self-check-summary__state')
    assert other_row.inner_text() == ("Not done yet" if not lang else "Inte gjort än")


def test_a_self_check_asks_for_an_answer_before_checking(page, site_url: str) -> None:
    visit(page, site_url + UNIT)
    first = page.locator(".self-check__question").first
    first.locator('[data-self-check-action="check"]').click()
    assert first.locator(".self-check__feedback").inner_text() == "Choose an answer first."


def test_without_javascript_a_self_check_shows_its_answers_in_fold_outs(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "sv/" + UNIT)
        assert page.locator(".self-check__actions").first.is_hidden()
        page.locator(".self-check__answer summary").first.click()
        assert "Rätt svar:" in page.locator(".self-check__answer").first.inner_text()
    finally:
        context.close()


# --- the self-assessment -------------------------------------------------------------------

ASSESSMENT = "tools/self-assessment/"


def _assessment_address(low_area: str) -> str:
    """Every question at its best answer, except those of one area at their first."""
    assessment = load_curriculum(ROOT).self_assessment
    return "?" + "&".join(f"{question.id}={0 if question.area == low_area else len(question.answers) - 1}"
                          for question in assessment.questions)


@pytest.mark.parametrize(("lang", "score", "total"), [("", "0%", "Total: "), ("sv/", f"0{NBSP}%", "Totalt: ")])
def test_the_self_assessment_gives_a_profile_and_a_first_sequence_from_the_address(
        page, site_url: str, lang: str, score: str, total: str) -> None:
    visit(page, site_url + lang + ASSESSMENT + _assessment_address("energy"))
    energy = page.locator('tr[data-area="energy"]')
    assert energy.locator(".assessment__score").inner_text() == score
    assert energy.locator(".assessment__points").inner_text() == "0 / 6"
    assert page.locator('tr[data-area="chemicals"] .assessment__score').inner_text().startswith("100")
    assert page.locator('.assessment__bar[data-area="energy"]').get_attribute("width") == "0"
    assert page.locator('.assessment__bar[data-area="chemicals"]').get_attribute("width") == "320"
    modules = page.locator(".assessment__sequence li").evaluate_all("items => items.map(i => i.dataset.module)")
    assert modules == ["why-green-why-now", "green-waste-walk", "energy-management-light"]
    minutes = sum(load_curriculum(ROOT).modules[module].duration_minutes for module in modules)
    hours = f"{round(minutes / 60, 1):g}"
    assert page.locator(".assessment__total").inner_text().startswith(total + (hours.replace(".", ",") if lang else hours))
    reload(page)
    assert page.locator(".assessment__sequence li").count() == 3, "the result comes back from the address"


def test_answering_changes_the_address_and_the_sequence(page, site_url: str) -> None:
    visit(page, site_url + ASSESSMENT + _assessment_address("energy"))
    page.check("#sa-chemicals-list-0")
    page.check("#sa-chemicals-reduce-0")
    assert "chemicals-list=0" in page.evaluate("location.search")
    modules = page.locator(".assessment__sequence li").evaluate_all("items => items.map(i => i.dataset.module)")
    assert "waste-flows-and-chemicals" in modules
    page.click('[data-assessment-action="clear"]')
    assert page.locator(".assessment__result").is_hidden()
    assert page.locator(".assessment__status").inner_text().startswith("0 of 13 questions answered")


def test_the_self_assessment_result_prints_on_one_a4_page(page, site_url: str) -> None:
    visit(page, site_url + ASSESSMENT + _assessment_address("leadership"))
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1


def test_the_self_assessment_with_a_result_has_no_axe_violation(page, site_url: str) -> None:
    visit(page, site_url + "sv/" + ASSESSMENT + _assessment_address("climate-data"))
    assert page.locator(".assessment__result").is_visible()
    violations = axe_violations(page, site_url)
    assert violations == [], "\n".join(violations)


def test_an_empty_required_field_is_pointed_out_once_the_reader_leaves_it(page, site_url: str) -> None:
    visit(page, site_url + "tools/scrap-cost/")
    assert page.locator("#calc-parts-error").is_hidden(), "no error before the reader has been there"
    assert page.locator(".calculator__status").inner_text() == "Fill in the fields to see the results."
    page.focus("#calc-parts")
    page.keyboard.press("Tab")
    assert page.locator("#calc-parts-error").inner_text() == "Enter a value (0 if there is none)."
    assert page.locator("#calc-parts").get_attribute("aria-invalid") == "true"


def test_the_offline_copy_runs_a_calculator_and_the_self_assessment_from_file(page, offline_copy: Path) -> None:  # noqa: F811
    site = offline_copy / "unzipped" / offline_file().removesuffix(".zip")
    seen = watch(page)
    page.goto((site / "sv/tools/compressed-air-leaks.html").as_uri() + "?leak-flow=1.5&hours=6000&specific-power=6.5&price=1.2&pressure=7",
              wait_until="load")
    assert _result(page, "kwh") == f"58{NBSP}500"
    page.fill("#calc-hours", "3000")
    assert _result(page, "kwh") == f"29{NBSP}250"
    page.goto((site / "tools/self-assessment.html").as_uri() + _assessment_address("demands"), wait_until="load")
    assert page.locator(".assessment__sequence li").count() == 2
    # Material's own XMLHttpRequests (sitemap, search) fail from file://; ours make none.
    assert [error for error in seen.errors if "XMLHttpRequest" not in error and "ERR_FAILED" not in error] == []
    assert seen.csp_violations() == []
    assert [url for url in seen.requests if not url.startswith("file:")] == [], "a request left the computer"


def test_the_progress_page_says_when_a_self_checks_questions_changed_since_it_was_done(page, site_url: str) -> None:
    visit(page, site_url + "coach-training/progress/")
    page.evaluate("window.ecoleapProgress.set('selfcheck:green-toolkit', {done: true, date: '2026-01-15', digest: 'older'})")
    reload(page)
    state = page.locator('[data-self-check-unit="green-toolkit"] .self-check-summary__state')
    assert state.inner_text() == "Done 2026-01-15; the questions have changed since"
    visit(page, site_url + "coach-training/units/green-toolkit/")
    assert page.locator(".self-check__result").inner_text() == (
        "You answered every question right on 2026-01-15; the questions have changed since, so try them again.")


def test_the_profile_chart_keeps_its_text_readable_on_a_phone(browser, site_url: str) -> None:
    """Scaled into a 390 px screen, a chart drawn 640 units wide had 7 px labels; drawn in its own
    width, each label stands above its bar at the text size the stylesheet asks for."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    visit(page, site_url + ASSESSMENT + _assessment_address("energy"))
    heights = page.locator(".assessment__chart svg text").evaluate_all("texts => texts.map(t => t.getBoundingClientRect().height)")
    assert len(heights) == 2 * len(load_curriculum(ROOT).self_assessment.areas)
    assert min(heights) >= 14, heights
    chart = page.locator(".assessment__chart svg").bounding_box()
    assert chart["x"] + chart["width"] <= 390
    context.close()
