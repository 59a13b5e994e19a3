"""Content errors an author can act on: the real cause alone, at the line to fix.

Each test breaks the minimal project once and asserts the *whole* list of problems, so a
follow-on error that buries the cause fails the test as surely as a wrong message does.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.minimal_project import problems_of
from tests.site_pages import ROOT
from tests.test_model import EN, SV, edit

BASICS = "docs/modules/basics.md"


CAUSE_ALONE = [
    pytest.param(BASICS, "last_reviewed: 2026-01-15\n---", "last_reviewed: 2026-01-15\n",
                 f"{BASICS}:1: front matter: the --- block that starts here is never closed (add a line with --- after the last field)",
                 id="front-matter-not-closed"),
    pytest.param(BASICS, "duration_minutes: 60\n", "",
                 f"{BASICS}:2: duration_minutes: missing (add 'duration_minutes:' to the front matter)", id="missing-field"),
    pytest.param(BASICS, "id: basics", "id: Basics",
                 f"{BASICS}:3: id: 'Basics' must equal the file name 'basics' (rename one of them)", id="bad-id"),
    pytest.param(BASICS, "title: Waste walk", 'title: "Waste walk',
                 f"{BASICS}:4: yaml: a quoted text starts here and is never closed (add the closing quote)", id="unclosed-quote"),
    pytest.param(BASICS, "checklists: [walk]", "checklists: [walk",
                 f"{BASICS}:17: yaml: the [ that starts here is not closed before line 18 (add the closing ], or a comma between items)",
                 id="unclosed-bracket"),
    pytest.param(BASICS, "duration_minutes: 60", "\tduration_minutes: 60",
                 f"{BASICS}:9: yaml: a tab in the indentation: YAML indents with spaces (replace the tab with spaces)",
                 id="tab-in-front-matter"),
    pytest.param("data/glossary.yml", "    term:", "\tterm:",
                 "data/glossary.yml:3: yaml: a tab in the indentation: YAML indents with spaces (replace the tab with spaces)",
                 id="tab-in-data-file"),
    pytest.param(BASICS, "duration_minutes: 60", "duration_minutes:\u00a060",  # Option+Space on a Mac
                 f"{BASICS}:9: yaml: a non-breaking space after the colon (type an ordinary space after ':')",
                 id="non-breaking-space-after-key"),
    pytest.param("data/sources.yml", "title: Lean and Environment Toolkit", 'title: "Lean and Environment Toolkit',
                 "data/sources.yml:8: yaml: a quoted text starts here and is never closed (add the closing quote)",
                 id="sources-file-unreadable"),  # not "unknown source" on every page citing it
    pytest.param("docs/modules/waste-walk.md", "sources: [epa-2006]", "sources: {epa-2006: x}",
                 "docs/modules/waste-walk.md:19: sources: expected a list, found a mapping", id="list-written-as-mapping"),
    # A broken macro call: not also "listed but never calls" and "calls differ from the English page".
    pytest.param("docs/modules/waste-walk.md", '{{ checklist("walk") }}', '{{ checklist("walk") }',
                 "docs/modules/waste-walk.md:54: macro: '{{' is not closed on its line (end the macro call with '}}')", id="macro-not-closed"),
    pytest.param("docs/modules/waste-walk.md", '{{ checklist("walk") }}', '{{ checklist("walks") }}',
                 "docs/modules/waste-walk.md:54: macro: checklist('walks'): unknown checklist (did you mean 'walk'?)", id="macro-unknown-id"),
    pytest.param("docs/modules/waste-walk.sv.md", '{{ checklist("walk") }}', '{{ checklist("walk", "idle") }}',
                 "docs/modules/waste-walk.sv.md:54: macro: checklist() takes 1 argument(s), got 2", id="macro-too-many-arguments"),
    pytest.param("docs/modules/waste-walk.md", '{{ checklist("walk") }}', "{{ checklist(walk) }}",
                 "docs/modules/waste-walk.md:54: macro: {{ checklist(walk) }}: 'walk' is undefined (a page uses the macros in the "
                 "contributors' guide; an id is quoted: cite(\"key\"))", id="macro-id-without-quotes"),
    # A list written as text: not also "needs at least one item" (the pages using it still know it).
    pytest.param("data/checklists/walk.yml", None, "id: walk\ntitle: {en: Walk, sv: Vandring}\n"
                 "purpose: {en: What to look for., sv: Vad du letar efter.}\ngroups: look at the line\n",
                 "data/checklists/walk.yml:4: groups: expected a list, found text 'look at the line'", id="checklist-groups-as-text"),
    pytest.param("data/checklists/walk.yml", None, "",
                 "data/checklists/walk.yml:1: file: the file is empty (write its content, or delete the file)", id="empty-checklist"),
    pytest.param("data/glossary.yml", None, "",
                 "data/glossary.yml:1: file: the file is empty (write its content, or delete the file)", id="empty-glossary"),
    # libyaml reads `{en: Where is it done?, ...}`; PyYAML's own loader, which words the message,
    # stops there. The real error is further down.
    pytest.param("data/glossary.yml", None, "terms:\n  - id: gemba\n    term: {en: gemba, sv: gemba}\n"
                 "    definition: {en: Where is the work done?, sv: Var görs arbetet?}\n  - id: kaizen\n"
                 "    term: {en: kaizen, sv: kaizen}\n    definition: \"Small steps\n",
                 "data/glossary.yml:7: yaml: a quoted text starts here and is never closed (add the closing quote)",
                 id="error-below-a-question-mark-in-braces"),
]


@pytest.mark.parametrize(("relative", "old", "new", "expected"), CAUSE_ALONE)
def test_a_page_or_file_that_fails_to_load_is_reported_without_its_follow_on_errors(
        project: Path, relative: str, old: str | None, new: str, expected: str) -> None:
    """`waste-walk` names `basics` as prerequisite and both use the checklist `walk`: neither
    "unknown module 'basics'" nor "unknown checklist 'walk'" nor a Swedish difference may bury the cause."""
    if old is None:
        (project / relative).write_text(new, encoding="utf-8")
    else:
        edit(project, relative, old, new)
    assert problems_of(project) == [expected]


def test_a_missing_twin_is_reported_alone(project: Path) -> None:
    (project / "docs/modules/basics.sv.md").unlink()
    assert problems_of(project) == [
        f"{BASICS}:1: translation: no Swedish version (create docs/modules/basics.sv.md with the same sections)"]


def test_a_checklist_only_a_broken_page_uses_is_not_called_unused(project: Path) -> None:
    walk = (project / "data/checklists/walk.yml").read_text(encoding="utf-8")
    (project / "data/checklists/spare.yml").write_text(walk.replace("id: walk", "id: spare"), encoding="utf-8")
    for relative in (BASICS, "docs/modules/basics.sv.md"):
        edit(project, relative, "checklists: [walk]", "checklists: [walk, spare]")
        edit(project, relative, '{{ checklist("walk") }}', '{{ checklist("walk") }}\n\n{{ checklist("spare") }}')
        edit(project, relative, "duration_minutes: 60\n", "")
    assert [p for p in problems_of(project) if "spare" in p] == []


INVALID_UTF8 = b"Prep\xe9re."  # Latin-1 'é' in a file read as UTF-8


def _break_encoding(project: Path) -> int:
    page = project / BASICS
    data = page.read_bytes()
    page.write_bytes(data.replace(b"Prepare.", INVALID_UTF8, 1))
    return data[: data.index(b"Prepare.")].count(b"\n") + 1


def test_a_byte_that_is_not_utf8_is_reported_at_its_line(project: Path) -> None:
    line = _break_encoding(project)
    assert problems_of(project) == [f"{BASICS}:{line}: file: not UTF-8 (save the file as UTF-8)"]


def test_the_check_command_reports_a_byte_that_is_not_utf8_without_a_traceback(project: Path) -> None:
    line = _break_encoding(project)
    result = subprocess.run([sys.executable, "-m", "curriculum", str(project)], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stdout == f"{BASICS}:{line}: file: not UTF-8 (save the file as UTF-8)\n"
    assert "Traceback" not in result.stderr


def test_a_page_and_a_data_file_saved_with_a_byte_order_mark_read_as_without(project: Path) -> None:
    """Notepad saves UTF-8 with a byte order mark; MkDocs reads such a page, so the checks do too
    (they had called the page's front matter missing)."""
    for relative in (BASICS, "data/glossary.yml", "data/checklists/walk.yml"):
        path = project / relative
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert problems_of(project) == []
    edit(project, BASICS, "id: basics", "id: Basics")  # and a problem is still found, at its line
    assert problems_of(project) == [f"{BASICS}:3: id: 'Basics' must equal the file name 'basics' (rename one of them)"]


def test_a_data_file_that_is_not_utf8_is_reported_at_its_line(project: Path) -> None:
    path = project / "data/glossary.yml"
    path.write_bytes(path.read_bytes().replace("Där".encode(), b"D\xe4r"))
    assert problems_of(project) == ["data/glossary.yml:4: file: not UTF-8 (save the file as UTF-8)"]


PAGE_LINE = 40  # "Prepare." in the minimal module


def _an_image(project: Path) -> None:
    (project / "docs/assets/images").mkdir(parents=True)
    (project / "docs/assets/images/walk.svg").write_text("<svg/>", encoding="utf-8")


_RAW = "leads to no page or file of the site (MkDocs neither rewrites nor checks raw HTML links: fix the address, or use a Markdown link)"


@pytest.mark.parametrize(("markup", "expected"), [
    ('<a href="../missing/">the missing module</a>', f'link: <a href="../missing/"> {_RAW}'),
    ('<img src="../../assets/images/none.png" alt="A waste walk">', f'link: <img src="../../assets/images/none.png"> {_RAW}'),
    # MkDocs finds these too, but names no line and suggests nothing.
    ("[the basics](basic.md)", "link: 'basic.md' leads to no file: docs/modules/basic.md does not exist (did you mean 'basics.md'?)"),
    ("[the basics](../module/basics.md#outcomes)", "link: '../module/basics.md#outcomes' leads to no file: docs/module/basics.md does not exist"),
    ("![A waste walk](../assets/images/walk.png)", "image: '../assets/images/walk.png' leads to no file: docs/assets/images/walk.png does not exist (did you mean 'walk.svg'?)"),
], ids=["raw-link", "raw-image", "page", "folder", "image"])
def test_a_link_or_image_to_nothing_is_reported_at_its_source_line(project: Path, markup: str, expected: str) -> None:
    _an_image(project)
    edit(project, EN, "Prepare.", f"Prepare. {markup}")
    assert problems_of(project) == [f"{EN}:{PAGE_LINE}: {expected}"]


def test_links_to_pages_files_anchors_and_other_sites_pass(project: Path) -> None:
    _an_image(project)
    edit(project, EN, "Prepare.", 'Prepare. <a href="../basics/#outcomes">basics</a> <a href="../">modules</a> '
         '<img src="../../assets/images/walk.svg" alt="A walk"> <a href="https://example.org/">elsewhere</a> `<a href="../nowhere/">` '
         "[basics](basics.md#outcomes) [the list](index.md) [the outcomes](#outcomes) "
         "![A walk](../assets/images/walk.svg) [elsewhere](https://example.org/a.html) `[code](nowhere.md)`")
    edit(project, SV, "Prepare.", 'Prepare. <a href="../basics/">basics</a> <img src="../../../assets/images/walk.svg" alt="En runda">')
    assert problems_of(project) == []


@pytest.mark.parametrize(("expression", "expected"), [
    ("{{ version }}", "{{ version }}: 'version' is undefined (a page uses the macros in the contributors' guide; an id is quoted: cite(\"key\"))"),
    ("{{ curriculum_versoin }}", "{{ curriculum_versoin }}: 'curriculum_versoin' is undefined (did you mean 'curriculum_version'?)"),
    ("{{ cite(epa) }}", "{{ cite(epa) }}: 'epa' is undefined (a page uses the macros in the contributors' guide; an id is quoted: cite(\"key\"))"),
    ('{{ cite("epa-2006" }}', "{{ cite(\"epa-2006\" }}: unexpected '}', expected ')' (write a macro call such as {{ cite(\"key\") }})"),
], ids=["variable", "misspelt-macro-name", "unquoted-id", "syntax"])
def test_an_undefined_name_in_a_page_is_reported_at_the_pages_own_line(project: Path, expression: str, expected: str) -> None:
    edit(project, EN, "Prepare.", f"Prepare.\n\nVersion {expression}.")
    problems = problems_of(project)
    assert f"{EN}:{PAGE_LINE + 2}: macro: {expected}" in problems, "\n".join(problems)


def test_swedish_macro_calls_that_differ_point_at_the_call_that_differs(project: Path) -> None:
    edit(project, SV, "{{ page_sources() }}", "")
    lines = (project / SV).read_text(encoding="utf-8").splitlines()
    checklist_line = next(i for i, text in enumerate(lines, 1) if '{{ checklist("walk") }}' in text)
    assert problems_of(project) == [
        f"{SV}:{checklist_line}: macro: macro calls differ from the English page: missing {{{{ page_sources() }}}}"]


def test_swedish_macro_calls_in_another_order_point_at_the_first_difference(project: Path) -> None:
    edit(project, SV, "Waste costs money {{ cite(\"epa-2006\") }}.", "Waste costs money.")
    edit(project, SV, "Follow up.", "Follow up {{ cite(\"epa-2006\") }}.")
    lines = (project / SV).read_text(encoding="utf-8").splitlines()
    # English: module_facts, cite, checklist, page_sources; Swedish: the checklist comes second.
    checklist_line = next(i for i, text in enumerate(lines, 1) if '{{ checklist("walk") }}' in text)
    assert problems_of(project) == [
        f"{SV}:{checklist_line}: macro: macro calls differ from the English page: the order differs"]


def test_a_translation_that_fails_to_load_is_not_compared_with_the_english_page(project: Path) -> None:
    edit(project, SV, "kind: module\n", "kind: module\ntitle: [\n")
    assert problems_of(project) == [f"{SV}:3: yaml: the [ that starts here is not closed before line 5 (add the closing ], or a comma between items)"]


def test_every_data_file_and_front_matter_reads_alike_with_both_yaml_loaders() -> None:
    """The build reads YAML with libyaml; when a file fails, PyYAML's own loader reads it again
    for its clearer message. Text only libyaml accepts (`?` unquoted inside { }) would send
    that message to the wrong line, so the curriculum's YAML must read alike in both."""
    import yaml

    from curriculum.pagesource import split_front_matter

    texts = {str(path.relative_to(ROOT)): path.read_text(encoding="utf-8") for path in sorted((ROOT / "data").rglob("*.yml"))}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        front = split_front_matter(page.read_text(encoding="utf-8"))[0]
        if front is not None:
            texts[str(page.relative_to(ROOT))] = front
    assert len(texts) > 200  # the data files and every page
    for where, text in texts.items():
        try:
            pure = yaml.load(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as error:
            line = error.problem_mark.line + 1 if error.problem_mark else "?"
            pytest.fail(f"{where}:{line}: only libyaml reads this: {error.problem} (quote the text)")
        assert pure == yaml.load(text, Loader=yaml.CSafeLoader), where
