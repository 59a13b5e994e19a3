"""The content model: a valid project loads; each kind of bad input gets its exact message."""

from __future__ import annotations

from pathlib import Path

import pytest

from curriculum.loader import load_curriculum
from curriculum.problems import CurriculumError
from tests.minimal_project import edit, problems_of

EN = "docs/modules/waste-walk.md"
SV = "docs/modules/waste-walk.sv.md"
CHECKLIST = "data/checklists/walk.yml"


def test_minimal_project_is_valid(project: Path) -> None:
    curriculum = load_curriculum(project)
    assert set(curriculum.modules) == {"waste-walk", "basics"}
    module = curriculum.modules["waste-walk"]
    assert module.title == {"en": "Waste walk", "sv": "Slöserivandring"}
    assert module.prerequisites == ("basics",)
    assert [item.id for item in curriculum.checklists["walk"].items] == ["leaks", "idle"]
    assert curriculum.followers("basics") == [module]


BAD_INPUT = [
    pytest.param(EN, "duration_minutes: 60\n", "", f"{EN}:2: duration_minutes: missing (add 'duration_minutes:' to the front matter)", id="missing-field"),
    pytest.param(EN, "duration_minutes: 60", "duration_minutes: an hour", f"{EN}:9: duration_minutes: expected a positive whole number, found 'an hour'", id="wrong-type"),
    pytest.param(EN, "id: waste-walk", "id: wastewalk", f"{EN}:3: id: 'wastewalk' must equal the file name 'waste-walk' (rename one of them)", id="id-not-stem"),
    pytest.param(EN, "prerequisites: [basics]", "prerequisites: [basic]", f"{EN}:12: prerequisites: unknown module 'basic' (did you mean 'basics'?)", id="unknown-prerequisite"),
    pytest.param(EN, "checklists: [walk]", "checklists: [wlak]", f"{EN}:17: checklists: unknown checklist 'wlak' (did you mean 'walk'?)", id="unknown-checklist"),
    pytest.param(EN, "sources: [epa-2006]", "sources: [epa-2007]", f"{EN}:19: sources: unknown source 'epa-2007' (did you mean 'epa-2006'?)", id="unknown-source"),
    pytest.param(EN, "programs: [kickstart]", "programs: [kikstart]", f"{EN}:6: programs: unknown program 'kikstart' (did you mean 'kickstart'?)", id="unknown-vocabulary"),
    pytest.param(SV, None, None, f"{EN}:1: translation: no Swedish version (create {SV} with the same sections)", id="missing-translation"),
    pytest.param(SV, "duration_minutes: 60", "duration_minutes: 90", f"{SV}:9: duration_minutes: differs from the English page (60 there, 90 here); language-neutral fields must be equal", id="neutral-field-differs"),
    pytest.param(SV, "## Förberedelser { #before-the-session }", "## Förberedelser", f"{SV}:38: headings: heading 3 is H2 #forberedelser but the English page has H2 {{ #before-the-session }} (give the heading the English id with {{ #id }})", id="heading-id-mismatch"),
    pytest.param(SV, "{{ module_facts() }}\n", "", f"{SV}:31: macro: macro calls differ from the English page: missing {{{{ module_facts() }}}}", id="macro-calls-differ"),
    pytest.param(EN, "## Exercises\n", "", f"{EN}:51: sections: missing section 'exercises' (add '## … {{ #exercises }}'; a module needs: why-it-matters, outcomes, before-the-session, how-to-run-it, exercises, checklist, follow-up, facilitator-notes, sources)", id="missing-section"),
    pytest.param(EN, "## Outcomes\n\nOutcomes.\n\n## Before the session\n\nPrepare.", "## Before the session\n\nPrepare.\n\n## Outcomes\n\nOutcomes.", f"{EN}:34: sections: section 'before-the-session' is out of order (expected order: why-it-matters, outcomes, before-the-session, how-to-run-it, exercises, checklist, follow-up, facilitator-notes, sources)", id="section-order"),
    pytest.param(EN, "Prepare.", "Prepare. ![image](walk.png)", f"{EN}:40: image: alt text 'image' of 'walk.png' says nothing; describe what the image shows", id="placeholder-alt"),
    pytest.param(EN, "Prepare.", "Prepare. ![](walk.png)", f"{EN}:40: image: 'walk.png' has no alt text (describe it, or mark pure decoration with {{ .decorative }})", id="missing-alt"),
    pytest.param(SV, "[modulkatalogen]", "[här]", f"{SV}:32: link: link text 'här' does not say where it goes; name the target (e.g. the page title)", id="vague-link-sv"),
    pytest.param(EN, "[the catalogue]", "[click here]", f"{EN}:32: link: link text 'click here' does not say where it goes; name the target (e.g. the page title)", id="vague-link-en"),
    pytest.param(EN, "owner: curriculum-team\n", "", f"{EN}:2: owner: missing (add 'owner:' to the front matter)", id="missing-owner"),
    pytest.param(EN, "last_reviewed: 2026-01-15", "last_reviewed: last spring", f"{EN}:21: last_reviewed: expected a date as YYYY-MM-DD, found 'last spring'", id="bad-date"),
    pytest.param(EN, "## Facilitator notes", "#### Facilitator notes", f"{EN}:60: headings: H4 'Facilitator notes' skips a level after H2 (use H3)", id="skipped-heading-level"),
    pytest.param(EN, "What you get from this page.", "# Another title", f"{EN}:26: headings: a page has exactly one H1 (the title); found 2", id="two-h1"),
    pytest.param(CHECKLIST, "text: {en: Listen for air leaks., sv: Lyssna efter luftläckor.}", "text: {en: Listen for air leaks.}", f"{CHECKLIST}:9: items.text.sv: missing translation (add the text in this language)", id="missing-data-translation"),
    pytest.param(CHECKLIST, "groups:", "groups: [", f"{CHECKLIST}:5: yaml: expected the node content, but found '-' (check the indentation, and quote text that contains ': ' or starts with a symbol)", id="malformed-yaml"),
    pytest.param(CHECKLIST, "id: walk\n", "id: walk\nid: walk\n", f"{CHECKLIST}:2: id: duplicate key (the later value would silently win; remove one)", id="duplicate-yaml-key"),
    pytest.param(EN, "2. Walk the line (40 min)", "2. Walk the line (45 min)", f"{EN}:9: duration_minutes: the steps in 'how-to-run-it' add up to 65 min but duration_minutes is 60 (fix a step's timing or the duration)", id="steps-do-not-add-up"),
    pytest.param(EN, "{{ module_facts() }}", "{{ module_fact() }}", f"{EN}:28: macro: unknown macro 'module_fact' (did you mean 'module_facts'?)", id="unknown-macro"),
    pytest.param(EN, '{{ checklist("walk") }}', "", f"{EN}:17: checklists: 'walk' is listed but the page never calls checklist('walk')", id="checklist-not-rendered"),
    pytest.param(EN, "level: introductory", "levle: introductory", f"{EN}:11: levle: unknown field (did you mean 'level'?)", id="unknown-front-matter-field"),
    pytest.param(CHECKLIST, "id: idle", "id: leaks", f"{CHECKLIST}:10: items.id: 'leaks' is used twice (also on line 8); ids must be unique", id="duplicate-item-id"),
    pytest.param(EN, "kind: module", "kind: modul", f"{EN}:2: kind: unknown kind 'modul' (did you mean 'module'?)", id="unknown-kind"),
    pytest.param(EN, "outcomes:\n  - List five wastes you saw.\n", "outcomes:\n", f"{EN}:13: outcomes: has 2 entries; 3–6 expected", id="too-few-outcomes"),
    pytest.param(EN, "Prepare.", "Prepare.\n\n```mermaid\ngraph TD\n  A --> B\n```", f"{EN}:42: diagram: Mermaid diagrams load a script from a CDN, a third-party request; draw an SVG under docs/assets/images/ and describe it in the text", id="mermaid-diagram"),
    pytest.param("data/glossary.yml", "term: {en: gemba, sv: gemba}", "term: {en: gemba, sv: gemba}\n    topics: [lean-basic]", "data/glossary.yml:2: terms.topics: term 'gemba': unknown topic 'lean-basic' (did you mean 'lean-basics'?)", id="glossary-unknown-topic"),
    pytest.param("data/glossary.yml", "term: {en: gemba, sv: gemba}", "term: {en: gemba, sv: gemba}\n    tooltip: sometimes", "data/glossary.yml:4: terms.tooltip: expected true or false, found 'sometimes'", id="glossary-tooltip-not-a-yes-or-no"),
    pytest.param("data/sources.yml", "sources:\n", "sources:\n  - key: unused-2020\n    type: report\n    language: en\n    group: research\n    authors: A\n    title: T\n    venue: V\n", "data/sources.yml:2: sources.key: 'unused-2020' is cited by no page (cite it where its fact is used, or remove it)", id="source-not-cited"),
    pytest.param("data/films.yml", "films: []", "films:\n  - id: intro\n    title: {en: Intro, sv: Intro}\n    summary: {en: S, sv: S}\n    language: en\n    duration_seconds: 60\n    poster: assets/images/none.png", "data/films.yml:2: films.id: film 'intro' is not used by any module or unit (add it to a page's 'films:' and call film('intro'))", id="film-not-used"),
    pytest.param("data/films.yml", "films: []", "films:\n  - id: intro\n    title: {en: Intro, sv: Intro}\n    summary: {en: S, sv: S}\n    language: en\n    duration_seconds: 60\n    poster: assets/images/none.png", "data/films.yml:7: films.poster: no file docs/assets/images/none.png (posters are local images under docs/assets/images/)", id="film-poster-missing"),
]


@pytest.mark.parametrize(("relative", "old", "new", "expected"), BAD_INPUT)
def test_bad_input_is_reported_with_file_and_line(project: Path, relative: str, old: str | None, new: str | None, expected: str) -> None:
    if old is None:
        (project / relative).unlink()
    else:
        edit(project, relative, old, new or "")
    problems = problems_of(project)
    assert expected in problems, "\n".join(problems)


def test_prerequisite_cycle_names_the_cycle(project: Path) -> None:
    edit(project, "docs/modules/basics.md", "prerequisites: []", "prerequisites: [waste-walk]")
    edit(project, "docs/modules/basics.sv.md", "prerequisites: []", "prerequisites: [waste-walk]")
    cycles = [p for p in problems_of(project) if "prerequisite cycle" in p]
    # At the line of the prerequisites that start the cycle, not at the top of the page.
    assert cycles == ["docs/modules/basics.md:12: prerequisites: prerequisite cycle: basics -> waste-walk -> basics (remove one of these prerequisites)"]


def test_a_module_that_is_its_own_prerequisite_is_reported_at_that_line(project: Path) -> None:
    for page in ("docs/modules/basics.md", "docs/modules/basics.sv.md"):
        edit(project, page, "prerequisites: []", "prerequisites: [basics]")
    assert problems_of(project) == ["docs/modules/basics.md:12: prerequisites: prerequisite cycle: basics -> basics (remove one of these prerequisites)"]


def test_every_problem_is_reported_not_only_the_first(project: Path) -> None:
    edit(project, EN, "programs: [kickstart]", "programs: [kikstart]")
    edit(project, CHECKLIST, "text: {en: Note idle machines., sv: Notera maskiner som står på i onödan.}", "text: {en: Note idle machines.}")
    edit(project, "data/sources.yml", "year: 2006", "year: soon")
    problems = problems_of(project)
    assert len(problems) >= 3
    assert {p.split(":")[0] for p in problems} >= {EN, CHECKLIST, "data/sources.yml"}


def test_load_curriculum_raises_one_error_listing_all(project: Path) -> None:
    edit(project, EN, "checklists: [walk]", "checklists: [wlak]")
    with pytest.raises(CurriculumError) as error:
        load_curriculum(project)
    report = str(error.value)
    assert report.splitlines()[0].endswith("content problems:") or report.splitlines()[0].endswith("content problem:")
    assert f"{EN}:17: checklists: unknown checklist 'wlak'" in report


def test_cache_notices_a_changed_file(project: Path) -> None:
    assert load_curriculum(project).modules["waste-walk"].duration_minutes == 60
    for relative in (EN, SV):
        edit(project, relative, "duration_minutes: 60", "duration_minutes: 65")
        edit(project, relative, "3. Agree actions (10 min)", "3. Agree actions (15 min)")
    import os
    for relative in (EN, SV):
        os.utime(project / relative, (1, 2_000_000_000))
    assert load_curriculum(project).modules["waste-walk"].duration_minutes == 65


def test_a_checklist_no_page_uses_is_reported(project: Path) -> None:
    walk = (project / "data/checklists/walk.yml").read_text(encoding="utf-8")
    (project / "data/checklists/spare.yml").write_text(walk.replace("id: walk", "id: spare"), encoding="utf-8")
    assert "data/checklists/spare.yml:1: id: checklist 'spare' is used by no module or unit (list it in a page's 'checklists:' or remove it)" in problems_of(project)


# -- the editor's checks --------------------------------------------------------------------

@pytest.mark.parametrize(("value", "found"), [("-2", "-2"), ("'a day'", "'a day'"), ("", "nothing"),
                                               ("1,5", "'1,5' (write the decimals after a point: 1.5)")])
def test_a_bad_work_between_estimate_is_reported(project: Path, value: str, found: str) -> None:
    edit(project, EN, "duration_minutes: 60\n", f"duration_minutes: 60\nwork_between_hours: {value}\n")
    edit(project, SV, "duration_minutes: 60\n", f"duration_minutes: 60\nwork_between_hours: {value}\n")
    expected = f"{EN}:10: work_between_hours: expected a number of hours, 0 or more (e.g. 6 or 1.5), found {found}"
    problems = problems_of(project)
    assert expected in problems, "\n".join(problems)


def test_the_work_between_estimate_must_be_equal_in_both_languages(project: Path) -> None:
    edit(project, EN, "duration_minutes: 60\n", "duration_minutes: 60\nwork_between_hours: 2\n")
    edit(project, SV, "duration_minutes: 60\n", "duration_minutes: 60\nwork_between_hours: 2.5\n")
    expected = f"{SV}:10: work_between_hours: differs from the English page (2 there, 2.5 here); language-neutral fields must be equal"
    problems = problems_of(project)
    assert expected in problems, "\n".join(problems)


def test_a_work_between_estimate_of_zero_loads(project: Path) -> None:
    edit(project, EN, "duration_minutes: 60\n", "duration_minutes: 60\nwork_between_hours: 0\n")
    edit(project, SV, "duration_minutes: 60\n", "duration_minutes: 60\nwork_between_hours: 0\n")
    curriculum = load_curriculum(project)
    assert curriculum.modules["waste-walk"].work_between_hours == 0.0
    assert curriculum.modules["basics"].work_between_hours is None
