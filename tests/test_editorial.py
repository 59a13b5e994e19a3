"""The editorial checks (curriculum/editorial.py and the source types): each bad input fails
with its file, line and message. Film captions: test_film_data.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from curriculum.loader import load_curriculum
from tests.minimal_project import edit, problems_of
from tests.test_model import CHECKLIST, EN, SV

SEQUENCE_PAGE = """---
kind: page
title: Where to start
summary: Sequences.
---

# Where to start

## Energy

- **Sequence:** {{ module_link("waste-walk") }} →
  {{ module_link("basics") }}
"""

PROGRAM_PAGE = """---
kind: page
title: Start program
summary: A program.
---

# Start program

## Modules { #modules }

1. {{ module_link("waste-walk") }}: the walk.
2. {{ module_link("basics") }}: the basics.
"""


TERMS = """terms:
  - english: curriculum
    chosen: utbildningsmaterial
    rejected: [kursplan]
    why: {en: a kursplan is a syllabus, sv: en kursplan styr en kurs}
"""


# Each source entry broken one way: the whole problem list, so a broken entry is reported alone
# (the pages citing it do not add "unknown source": crossrefs.known_ids).
BAD_SOURCES = [
    pytest.param("    type: official\n", "",
                 "data/sources.yml:2: sources.type: 'epa-2006' has no type (add 'type:' with one of: peer-reviewed, official, book, report, web-page)",
                 id="no-type"),
    pytest.param("type: official", "type: offical",
                 "data/sources.yml:3: sources.type: unknown type 'offical' (did you mean 'official'?)", id="unknown-type"),
    pytest.param("    language: en\n", "",
                 "data/sources.yml:2: sources.language: 'epa-2006' has no language (add 'language:' with the "
                 "language of its title, one of: en, sv; a screen reader then reads it in that language)", id="no-language"),
    pytest.param("language: en", "language: de",
                 "data/sources.yml:4: sources.language: 'de' is not a language of the site (use one of: en, sv)", id="language-the-site-lacks"),
    pytest.param("    venue: US Environmental Protection Agency\n", "    venue:\n      en: US EPA (archived)\n",
                 "data/sources.yml:10: sources.venue.sv: missing translation (add the text in this language)", id="venue-missing-a-language"),
    pytest.param("    venue: US Environmental Protection Agency\n", "    venue: {en: US EPA, sv: US EPA}\n",
                 "data/sources.yml:9: sources.venue: the same in every language: write it once, as a plain string", id="venue-same-in-every-language"),
]


@pytest.mark.parametrize(("old", "new", "expected"), BAD_SOURCES)
def test_a_broken_source_entry_is_reported_alone_at_its_line(project: Path, old: str, new: str, expected: str) -> None:
    edit(project, "data/sources.yml", old, new)
    assert problems_of(project) == [expected]


def test_an_old_source_key_resolves_through_replaces(project: Path) -> None:
    edit(project, "data/sources.yml", "    group: green-methods", "    replaces: [epa-2005]\n    group: green-methods")
    for relative in (EN, SV):
        edit(project, relative, "sources: [epa-2006]", "sources: [epa-2005]")
        edit(project, relative, 'cite("epa-2006")', 'cite("epa-2005")')
    curriculum = load_curriculum(project)
    assert curriculum.sources["epa-2005"] is curriculum.sources["epa-2006"]


def test_a_sequence_that_puts_a_module_before_its_prerequisite_fails(project: Path) -> None:
    (project / "docs/where-to-start.md").write_text(SEQUENCE_PAGE, encoding="utf-8")
    assert "docs/where-to-start.md:11: sequence: 'waste-walk' comes before 'basics', which it builds on (put 'basics' first, or correct the prerequisites in docs/modules/waste-walk.md)" in problems_of(project)


def test_a_sequence_in_prerequisite_order_passes(project: Path) -> None:
    text = SEQUENCE_PAGE.replace('module_link("waste-walk") }} →\n  {{ module_link("basics")', 'module_link("basics") }} →\n  {{ module_link("waste-walk")')
    (project / "docs/where-to-start.md").write_text(text, encoding="utf-8")
    assert not [p for p in problems_of(project) if "sequence" in p]


def test_a_program_order_that_puts_a_module_before_its_prerequisite_fails(project: Path) -> None:
    (project / "docs/programs").mkdir()
    (project / "docs/programs/start-program.md").write_text(PROGRAM_PAGE, encoding="utf-8")
    assert "docs/programs/start-program.md:11: program order: 'waste-walk' comes before 'basics', which it builds on (put 'basics' first, or correct the prerequisites in docs/modules/waste-walk.md)" in problems_of(project)


def test_a_rejected_swedish_term_on_a_swedish_page_fails(project: Path) -> None:
    (project / "data/terms.yml").write_text(TERMS, encoding="utf-8")
    edit(project, SV, "Prepare.", "Läs kursplanen.")
    assert f"{SV}:40: term: 'kursplan' is a rejected Swedish term; write 'utbildningsmaterial' (a kursplan is a syllabus)" in problems_of(project)


def test_a_rejected_swedish_term_in_a_data_text_fails(project: Path) -> None:
    (project / "data/terms.yml").write_text(TERMS, encoding="utf-8")
    edit(project, CHECKLIST, "sv: Lyssna efter luftläckor.", "sv: Lyssna efter luftläckor enligt kursplanen.")
    assert f"{CHECKLIST}:9: term: 'kursplan' is a rejected Swedish term; write 'utbildningsmaterial' (a kursplan is a syllabus)" in problems_of(project)


def test_rejected_variants_written_as_text_are_reported_once(project: Path) -> None:
    (project / "data/terms.yml").write_text(TERMS.replace("rejected: [kursplan]", "rejected: kursplan"), encoding="utf-8")
    assert problems_of(project) == ["data/terms.yml:4: terms.rejected: expected a list, found text 'kursplan'"]


def test_the_same_word_on_an_english_page_passes(project: Path) -> None:
    (project / "data/terms.yml").write_text(TERMS, encoding="utf-8")
    edit(project, EN, "Prepare.", "Prepare (a kursplan is a Swedish syllabus).")
    assert not [p for p in problems_of(project) if "term:" in p]


def test_an_admonition_without_title_on_a_swedish_page_fails(project: Path) -> None:
    edit(project, SV, "Prepare.", "!!! tip\n    Förbered dig.")
    assert f"{SV}:40: admonition: '!!! tip' has no title, so a Swedish reader sees Material's English 'Tip' (give it a Swedish title: !!! tip \"Tips\")" in problems_of(project)


def test_an_english_admonition_title_on_a_swedish_page_fails(project: Path) -> None:
    edit(project, SV, "Prepare.", '??? warning "Warning"\n    Se upp.')
    assert f"{SV}:40: admonition: the title 'Warning' is English on a Swedish page (write for example \"Varning\")" in problems_of(project)


def test_an_admonition_with_a_swedish_title_passes(project: Path) -> None:
    edit(project, SV, "Prepare.", '!!! tip "Tips"\n    Förbered dig.')
    assert not [p for p in problems_of(project) if "admonition" in p]


def test_an_admonition_whose_text_is_not_indented_fails(project: Path) -> None:
    edit(project, EN, "Prepare.", '!!! tip "Try it"\n\nPrepare.')
    assert f"{EN}:40: admonition: '!!!' has no text below it (indent its text 4 spaces, on the lines after it)" in problems_of(project)
    edit(project, EN, '!!! tip "Try it"\n\nPrepare.', '- A step\n\n    !!! tip "Try it"\n    Prepare.')  # inside a list item too
    assert f"{EN}:42: admonition: '!!!' has no text below it (indent its text 8 spaces, on the lines after it)" in problems_of(project)
    edit(project, EN, '    !!! tip "Try it"\n    Prepare.', '    !!! tip "Try it"\n\n        Prepare.\n\n=== "By hand"\nWrite it down.')
    assert [p for p in problems_of(project) if "admonition" in p] == [  # a content tab, the same way
        f"{EN}:46: admonition: '===' has no text below it (indent its text 4 spaces, on the lines after it)"]
    edit(project, EN, '=== "By hand"\nWrite it down.', '=== "By hand"\n    Write it down.')
    assert not [p for p in problems_of(project) if "admonition" in p]


def test_a_macro_missing_from_the_contributors_guide_fails(project: Path) -> None:
    from curriculum.schema import MACROS

    documented = "\n".join(f"`{name}()`" for name in MACROS if name != "film_usage")
    guide = f"---\nkind: page\ntitle: Guide\nsummary: S.\n---\n\n# Guide\n\n## Macros {{ #macros }}\n\n{{% raw %}}\n{documented}\n{{% endraw %}}\n"
    (project / "docs/about").mkdir()
    (project / "docs/about/contributing.md").write_text(guide, encoding="utf-8")
    problems = [p for p in problems_of(project) if ": macros:" in p]
    assert problems == ["docs/about/contributing.md:9: macros: macro 'film_usage' is not documented (show how to call film_usage(…) and what it renders)"]


def test_english_quotation_marks_in_swedish_text_fail_at_their_line(project: Path) -> None:
    edit(project, SV, "Prepare.", 'Säg "stopp" när det går.\n\nEller “vänta”.')
    assert [p for p in problems_of(project) if "quotes:" in p] == [
        f"{SV}:40: quotes: English quotation marks in Swedish text: 'Säg \"stopp\" när det går.' (Swedish quotes with ” at both ends: ”så här”)",
        f"{SV}:42: quotes: English quotation marks in Swedish text: 'Eller “vänta”.' (Swedish quotes with ” at both ends: ”så här”)",
    ]


def test_quotes_that_are_markdown_syntax_or_code_pass_on_a_swedish_page(project: Path) -> None:
    syntax = ('Säg ”stopp”. {{ cite("epa-2006") }} `kod "x"` [länk](../index.sv.md "titel") <span title="t">ord</span>\n\n'
              '!!! tip "Tips"\n    Förbered ”allt”.\n\n=== "Flik"\n\n    Text.\n\n'
              '```yaml\nsv: "kod"\n```\n\n## Rubrik { #rubrik data-x="y" }\n\n{{ cite(\n  "epa-2006") }} och ”mer”.')
    edit(project, SV, "Prepare.", syntax)
    assert [p for p in problems_of(project) if "quotes:" in p] == []


def test_english_quotation_marks_on_an_english_page_pass(project: Path) -> None:
    edit(project, EN, "Prepare.", 'Say "stop" when it runs.')
    assert [p for p in problems_of(project) if "quotes:" in p] == []


def test_english_quotation_marks_in_a_swedish_data_text_fail(project: Path) -> None:
    edit(project, CHECKLIST, "sv: Lyssna efter luftläckor.", 'sv: Lyssna efter "läckor".')
    assert [p for p in problems_of(project) if "quotes:" in p] == [
        f"{CHECKLIST}:9: quotes: English quotation marks in Swedish text: 'Lyssna efter \"läckor\".' (Swedish quotes with ” at both ends: ”så här”)"]
