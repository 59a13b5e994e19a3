"""The certification data: one rubric, the register of certified coaches, the forms and
the certification steps. Bad input gets its exact `path:line` message (the real data:
test_certification_content.py)."""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import pytest

from curriculum import CURRICULUM_VERSION
from curriculum.loader import load_curriculum
from curriculum.model import RegisterEntry
from curriculum.problems import Problem
from curriculum.register import load_register
from curriculum.render import Renderer
from tests.minimal_project import ROOT, edit, problems_of

RUBRIC = "data/rubric.yml"
REGISTER = "data/register.yml"

# Line numbers below are counted in this text: keep it as it is.
RUBRIC_YML = """levels:
  - id: not-yet
    label: {en: Not yet, sv: Inte än}
    leads_to: {en: Try again., sv: Försök igen.}
  - id: meets
    label: {en: Meets, sv: Uppfyller}
    leads_to: {en: Passed., sv: Godkänt.}
  - id: strong
    label: {en: Strong, sv: Starkt}
    leads_to: {en: Passed as a strength., sv: Godkänt som styrka.}
criteria:
  - id: safety
    title: {en: Safety, sv: Säkerhet}
    must_pass: true
    indicators:
      not-yet: {en: Rules broken., sv: Regler bryts.}
      meets: {en: Rules stated., sv: Regler anges.}
      strong: {en: Risks become actions., sv: Risker blir åtgärder.}
  - id: facilitation
    title: {en: Facilitation, sv: Processledning}
    indicators:
      not-yet: {en: No goal., sv: Inget mål.}
      meets: {en: Goal stated., sv: Målet anges.}
      strong: {en: Method changed when stuck., sv: Metoden byts vid behov.}
"""

REGISTER_ENTRY = f"""coaches:
  - name: A Coach
    certificate: ELP-2027-001
    version: '{CURRICULUM_VERSION}'
    valid_until: 2030-06-30
"""


@pytest.fixture
def with_rubric(project: Path) -> Path:
    (project / RUBRIC).write_text(RUBRIC_YML, encoding="utf-8")
    return project


# -- the rubric ------------------------------------------------------------------------------

def test_a_valid_rubric_loads_with_levels_and_must_pass_criteria(with_rubric: Path) -> None:
    curriculum = load_curriculum(with_rubric)
    assert curriculum.rubric is not None
    assert [level.id for level in curriculum.rubric.levels] == ["not-yet", "meets", "strong"]
    assert [(c.id, c.must_pass) for c in curriculum.rubric.criteria] == [("safety", True), ("facilitation", False)]
    assert curriculum.rubric.criteria[1].indicators["meets"] == {"en": "Goal stated.", "sv": "Målet anges."}


RUBRIC_BAD_INPUT = [
    pytest.param("      meets: {en: Goal stated., sv: Målet anges.}\n", "",
                 f"{RUBRIC}:21: criteria.indicators: criterion 'facilitation' has no indicator for 'meets' (say what an assessor sees at that level)",
                 id="criterion-without-a-level"),
    pytest.param("meets: {en: Rules stated., sv: Regler anges.}", "meets: {en: Rules stated.}",
                 f"{RUBRIC}:17: criteria.indicators.meets.sv: missing translation (add the text in this language)",
                 id="indicator-without-swedish"),
    pytest.param("    indicators:\n      not-yet: {en: No goal., sv: Inget mål.}\n      meets: {en: Goal stated., sv: Målet anges.}\n      strong: {en: Method changed when stuck., sv: Metoden byts vid behov.}\n", "",
                 f"{RUBRIC}:19: criteria.indicators: criterion 'facilitation' has no indicators (add one per level: not-yet, meets, strong)",
                 id="criterion-without-indicators"),
    pytest.param("      strong: {en: Risks become actions., sv: Risker blir åtgärder.}", "      strong: {en: Risks become actions., sv: Risker blir åtgärder.}\n      excellent: {en: More., sv: Mer.}",
                 f"{RUBRIC}:19: criteria.indicators.excellent: unknown level (the levels are: not-yet, meets, strong)",
                 id="unknown-indicator-level"),
    pytest.param("    must_pass: true\n", "",
                 f"{RUBRIC}:11: criteria: no criterion is must-pass (mark contracting, safety and ethics with 'must_pass: true')",
                 id="no-must-pass-criterion"),
    pytest.param("must_pass: true", "must_pass: yes please",
                 f"{RUBRIC}:14: criteria.must_pass: expected true or false, found 'yes please'",
                 id="must-pass-not-boolean"),
    pytest.param("  - id: meets\n    label: {en: Meets, sv: Uppfyller}\n    leads_to: {en: Passed., sv: Godkänt.}\n", "",
                 f"{RUBRIC}:1: levels: the levels must be not-yet, meets, strong in this order, found not-yet, strong",
                 id="level-missing"),
    pytest.param("leads_to: {en: Passed., sv: Godkänt.}", "leads_to: {en: Passed.}",
                 f"{RUBRIC}:7: levels.leads_to.sv: missing translation (add the text in this language)",
                 id="consequence-without-swedish"),
    pytest.param("  - id: facilitation", "  - id: safety",
                 f"{RUBRIC}:19: criteria.id: 'safety' is used twice (also on line 12); ids must be unique",
                 id="duplicate-criterion"),
]


@pytest.mark.parametrize(("old", "new", "expected"), RUBRIC_BAD_INPUT)
def test_bad_rubric_is_reported_with_file_and_line(with_rubric: Path, old: str, new: str, expected: str) -> None:
    edit(with_rubric, RUBRIC, old, new)
    problems = problems_of(with_rubric)
    assert expected in problems, "\n".join(problems)


def test_the_rubric_macro_without_a_rubric_file_names_the_file(project: Path) -> None:
    curriculum = load_curriculum(project)
    with pytest.raises(LookupError, match=r"there is no data/rubric\.yml"):
        Renderer(curriculum, "en", "coach-training/portfolio.md").rubric()


# -- the register -----------------------------------------------------------------------------

def test_an_empty_register_is_valid_and_the_page_says_so(project: Path) -> None:
    (project / REGISTER).write_text("coaches: []\n", encoding="utf-8")
    curriculum = load_curriculum(project)
    assert curriculum.register == ()
    html = Renderer(curriculum, "sv", "coach-training/register.sv.md").coach_register()
    assert "Ingen coach har certifierats" in html
    assert "<table" not in html


def test_a_register_entry_is_rendered_as_a_row(project: Path) -> None:
    (project / REGISTER).write_text(REGISTER_ENTRY, encoding="utf-8")
    curriculum = load_curriculum(project)
    assert curriculum.register == (RegisterEntry("A Coach", "ELP-2027-001", CURRICULUM_VERSION, datetime.date(2030, 6, 30)),)
    html = Renderer(curriculum, "en", "coach-training/register.md").coach_register()
    assert '<tr id="elp-2027-001"><td>A Coach</td>\n<td>ELP-2027-001</td>' in html
    assert "2030-06-30" in html


REGISTER_BAD_INPUT = [
    pytest.param(f"version: '{CURRICULUM_VERSION}'", "version: '2019.4'",
                 f"{REGISTER}:4: coaches.version: unknown curriculum version '2019.4' (valid: {CURRICULUM_VERSION})",
                 id="unknown-version"),
    pytest.param(f"version: '{CURRICULUM_VERSION}'", f"version: {CURRICULUM_VERSION}",
                 f"{REGISTER}:4: coaches.version: expected a version in quotes, e.g. '{CURRICULUM_VERSION}', found {float(CURRICULUM_VERSION)!r}",
                 id="version-not-quoted"),
    pytest.param("valid_until: 2030-06-30", "valid_until: 2020-06-30",
                 f"{REGISTER}:5: coaches.valid_until: 'ELP-2027-001' expired on 2020-06-30 (remove the entry, or renew it with a new date)",
                 id="expired"),
    pytest.param("valid_until: 2030-06-30", "valid_until: soon",
                 f"{REGISTER}:5: coaches.valid_until: expected a date as YYYY-MM-DD, found 'soon'",
                 id="not-a-date"),
    pytest.param("certificate: ELP-2027-001", "certificate: 42",
                 f"{REGISTER}:3: coaches.certificate: expected text, found int 42",
                 id="certificate-not-text"),
    pytest.param("certificate: ELP-2027-001", "certificate: CERT-1",
                 f"{REGISTER}:3: coaches.certificate: 'CERT-1' is not a certificate id (use ELP-<year>-<number>, e.g. ELP-2027-001)",
                 id="certificate-bad-format"),
    pytest.param("  - name: A Coach\n    certificate", "  - certificate",
                 f"{REGISTER}:2: coaches.name: missing (add it)",
                 id="no-name"),
    pytest.param("    valid_until: 2030-06-30\n", "    valid_until: 2030-06-30\n    email: a@example.org\n",
                 f"{REGISTER}:6: coaches.email: unknown field",
                 id="unknown-field"),
]


@pytest.mark.parametrize(("old", "new", "expected"), REGISTER_BAD_INPUT)
def test_bad_register_entry_is_reported_with_file_and_line(project: Path, old: str, new: str, expected: str) -> None:
    (project / REGISTER).write_text(REGISTER_ENTRY, encoding="utf-8")
    edit(project, REGISTER, old, new)
    problems = problems_of(project)
    assert any(p == expected or p.startswith(expected) for p in problems), "\n".join(problems)


def test_expiry_is_judged_against_an_injected_today(project: Path) -> None:
    (project / REGISTER).write_text(REGISTER_ENTRY, encoding="utf-8")
    on_the_day: list[Problem] = []
    assert len(load_register(project, on_the_day, today=datetime.date(2030, 6, 30))) == 1
    assert on_the_day == []
    day_after: list[Problem] = []
    assert load_register(project, day_after, today=datetime.date(2030, 7, 1)) == ()
    assert [str(p) for p in day_after] == [
        f"{REGISTER}:5: coaches.valid_until: 'ELP-2027-001' expired on 2030-06-30 (remove the entry, or renew it with a new date)"]


def test_a_version_from_the_changelog_is_known(project: Path) -> None:
    changelog = project / "docs/about/changelog.md"
    changelog.parent.mkdir(parents=True, exist_ok=True)
    changelog.write_text("# Changelog\n\n## 2099.3 { #v2099-3 }\n\nLater.\n", encoding="utf-8")
    (project / REGISTER).write_text(REGISTER_ENTRY.replace(f"'{CURRICULUM_VERSION}'", "'2099.3'"), encoding="utf-8")
    problems: list[Problem] = []
    assert [e.version for e in load_register(project, problems, today=datetime.date(2027, 1, 1))] == ["2099.3"]
    assert problems == []


def test_two_entries_with_one_certificate_id_fail(project: Path) -> None:
    entry = REGISTER_ENTRY.removeprefix("coaches:\n")
    (project / REGISTER).write_text("coaches:\n" + entry + entry, encoding="utf-8")
    assert f"{REGISTER}:7: coaches.certificate: 'ELP-2027-001' is used twice (also on line 3); ids must be unique" in problems_of(project)


# -- the forms and the steps --------------------------------------------------------------------

def test_a_form_without_its_swedish_text_fails(project: Path) -> None:
    form = "data/checklists/second-coach-kata.yml"
    shutil.copy(ROOT / form, project / form)
    text = (project / form).read_text(encoding="utf-8")
    swedish = re.search(r"^ +sv: .*coachar sedan coachen.*\n", text, re.MULTILINE)
    assert swedish, "the fixture line is gone from the form"
    line = text[: swedish.start()].count("\n") + 1
    (project / form).write_text(text.replace(swedish.group(0), ""), encoding="utf-8")
    assert f"{form}:{line - 1}: purpose.sv: missing translation (add the text in this language)" in problems_of(project)


def test_a_unit_listed_under_two_steps_fails(project: Path) -> None:
    unit = ROOT / "docs/coach-training/units/coach-role-and-contracting.md"
    for suffix in (".md", ".sv.md"):
        source = unit.with_name(unit.name.replace(".md", suffix))
        target = project / "docs/coach-training/units" / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    steps = """steps:
  - id: first
    title: {en: First, sv: Första}
    requires: {en: R, sv: R}
    evidence: {en: E, sv: E}
    signed_off_by: {en: S, sv: S}
    time_allowed: {en: T, sv: T}
    units: [coach-role-and-contracting]
  - id: again
    title: {en: Again, sv: Igen}
    requires: {en: R, sv: R}
    evidence: {en: E, sv: E}
    signed_off_by: {en: S, sv: S}
    time_allowed: {en: T, sv: T}
    units: [coach-role-and-contracting]
"""
    (project / "data/certification.yml").write_text(steps, encoding="utf-8")
    expected = ("data/certification.yml:15: steps.units: step 'again': unit 'coach-role-and-contracting' is already listed "
                "under step 'first' (list a unit under one step only, or the portfolio template repeats its evidence)")
    assert expected in problems_of(project)  # at the line that lists it again, not the step's first line
    edit(project, "data/certification.yml", "    units: [coach-role-and-contracting]\n  - id: again", "    units: [coach-role-and-contractng]\n  - id: again")
    assert ("data/certification.yml:8: steps.units: step 'first': unknown unit 'coach-role-and-contractng' "
            "(did you mean 'coach-role-and-contracting'?)") in problems_of(project)
