"""Checks that look across pages and data: references to ids, a page against its
translation, prerequisite cycles, and data that no page uses. Checks of one page alone live in
`pages.py`."""

from __future__ import annotations

import re
from pathlib import Path

from curriculum import layout
from curriculum.model import Curriculum, Module, Unit
from curriculum.pages import macro_trouble
from curriculum.pagesource import PageSource
from curriculum.problems import Problem, did_you_mean
from curriculum.reader import FieldReader
from curriculum.schema import KINDS, MACROS, MODULE, RENDERED_LISTS, UNIT, PageKind, call_fits


def known_ids(root: Path, curriculum: Curriculum, twins: dict[str, dict[str, PageSource]],
              kinds: dict[str, PageKind]) -> dict[str, set[str]]:
    """Ids that references may name. A page, checklist or worksheet file that exists but failed
    to load counts as known by its file name: its own problem is the cause, and "unknown module"
    on every page that names it would only bury that cause. So does a source, film or calculator
    entry that failed, by the id it names."""
    known: dict[str, set[str]] = {
        "checklists": set(curriculum.checklists) | file_ids(root / "data/checklists"),
        "worksheets": set(curriculum.worksheets) | file_ids(root / "data/worksheets"),
        "calculators": set(curriculum.calculators) | entry_ids(root / "data/calculators.yml", "id"),
        "films": set(curriculum.films) | entry_ids(root / "data/films.yml", "id"),
        "sources": set(curriculum.sources) | entry_ids(root / "data/sources.yml", "key"),
        "modules": set(),
        "units": set(),
        "kinds": set(KINDS),
    }
    for name, terms in curriculum.vocabularies.items():
        known[f"vocab:{name}"] = set(terms)
    for key, languages in twins.items():
        english = languages.get("en")
        kind = kinds.get(key)
        if english and kind in (MODULE, UNIT) and isinstance(english.meta.get("id"), str):
            known["modules" if kind is MODULE else "units"].add(english.meta["id"])
        for expected, ids in ((MODULE, known["modules"]), (UNIT, known["units"])):
            if key.startswith(layout.source_file(f"{layout.kind_folder(expected.name)}/")) and kind in (None, expected):
                ids.add(layout.page_id(key))
    return known


def file_ids(folder: Path) -> set[str]:
    """The ids a data folder's files name (`walk.yml` is `walk`), whether or not they load."""
    return {path.stem for path in folder.glob("*.y*ml")}


def entry_ids(path: Path, field: str) -> set[str]:
    """The ids a data file's entries name, read from its lines (`  - key: …`), whether or not
    the entries are valid."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return set()
    return set(re.findall(rf"^\s{{0,2}}-\s+{field}:\s*[\"']?([\w.-]+)", text, re.MULTILINE))


def check_references(page: PageSource, kind: PageKind, known: dict[str, set[str]], reader: FieldReader) -> None:
    meta = page.meta
    for spec in kind.fields:
        if not spec.refers_to or spec.name not in meta:
            continue
        valid = known[spec.refers_to]
        what = spec.refers_to.removeprefix("vocab:").rstrip("s")
        value = meta[spec.name]
        values = value if isinstance(value, list) else [value]
        for index, item in enumerate(values):
            if isinstance(item, str) and item not in valid:
                line = value.line_of(index) if isinstance(value, list) else meta.line_of(spec.name)
                reader.fail(line, spec.name, f"unknown {what} '{item}'{did_you_mean(item, valid)}")
    # A broken call, or one naming an unknown id, is reported at its line; comparing the calls
    # with the front matter's lists would only repeat it.
    broken = macro_trouble(page)
    for call in page.macro_calls:
        if not call_fits(call.name, call.args):
            continue  # reported as a call that does not fit the macro; its ids would only add noise
        spec_kinds = MACROS.get(call.name, ())
        for position, arg in enumerate(call.args):
            target = spec_kinds[min(position, len(spec_kinds) - 1)] if spec_kinds else None
            if target is None and spec_kinds:
                target = spec_kinds[0]
            if target and isinstance(arg, str) and arg not in known[target]:
                reader.fail(call.line, "macro", f"{call.name}('{arg}'): unknown {target.rstrip('s')}{did_you_mean(arg, known[target])}")
                broken = True
    for macro, field in RENDERED_LISTS.items():
        if not any(spec.name == field for spec in kind.fields) or broken:
            continue
        listed = meta.get(field) or []
        rendered = [arg for call in page.macro_calls if call.name == macro for arg in call.args]
        for item in listed:
            if item not in rendered:
                reader.fail(meta.line_of(field), field, f"'{item}' is listed but the page never calls {macro}('{item}')")
        for call in (call for call in page.macro_calls if call.name == macro):
            for arg in call.args:
                if arg not in listed:
                    reader.fail(call.line, field, f"{macro}('{arg}') is not listed in the front matter '{field}' (add it)")
    cited = [(call.line, arg) for call in page.macro_calls if call.name == "cite" for arg in call.args]
    listed_sources = meta.get("sources") or []
    for line, key in cited:
        if key not in listed_sources and key in known["sources"]:
            reader.fail(line, "sources", f"cite('{key}') but '{key}' is not in the front matter 'sources' (add it)")


def _neutral_fields(kind: PageKind) -> list[str]:
    return [spec.name for spec in kind.fields if not spec.translated]


def check_parity(languages: dict[str, PageSource], kind: PageKind, problems: list[Problem],
                 reported: set[tuple[str, str]]) -> None:
    """Neutral fields, heading ids and macro calls equal across languages; a field already
    reported on the English page is not reported again as a difference."""
    english = languages["en"]
    for lang, page in languages.items():
        if lang == "en":
            continue
        reader = FieldReader(page.path, problems)
        for name in _neutral_fields(kind):
            if (english.path, name) in reported:
                continue
            if english.meta.get(name) != page.meta.get(name):
                reader.fail(page.meta_line(name), name, f"differs from the English page ({english.meta.get(name)!r} there, {page.meta.get(name)!r} here); language-neutral fields must be equal")
        # The H1 is the title: it is translated and carries no id worth keeping.
        en_headings = [heading for heading in english.headings if heading.level > 1]
        headings = [heading for heading in page.headings if heading.level > 1]
        en_ids = [(heading.level, heading.id) for heading in en_headings]
        ids = [(heading.level, heading.id) for heading in headings]
        if en_ids != ids:
            index = next((i for i, (a, b) in enumerate(zip(en_ids, ids, strict=False)) if a != b), min(len(en_ids), len(ids)))
            line = headings[index].line if index < len(headings) else (headings[-1].line if headings else 1)
            wanted = f"H{en_ids[index][0]} {{ #{en_ids[index][1]} }}" if index < len(en_ids) else "no further heading"
            found = f"H{ids[index][0]} #{ids[index][1]}" if index < len(ids) else "nothing"
            reader.fail(line, "headings", f"heading {index + 1} is {found} but the English page has {wanted} (give the heading the English id with {{ #id }})")
        en_calls = [call.source for call in english.macro_calls]
        calls = [call.source for call in page.macro_calls]
        # A call already reported on either page (broken, or naming an unknown id) is not
        # reported again as a difference.
        if en_calls != calls and (english.path, "macro") not in reported and (page.path, "macro") not in reported:
            missing = [call for call in en_calls if call not in calls]
            extra = [call for call in calls if call not in en_calls]
            detail = f"missing {{{{ {missing[0]} }}}}" if missing else (f"extra {{{{ {extra[0]} }}}}" if extra else "the order differs")
            # The first call that differs, or the last call when this page only lacks calls at its end.
            index = next((i for i, (a, b) in enumerate(zip(en_calls, calls, strict=False)) if a != b), len(calls) - 1)
            line = page.macro_calls[index].line if page.macro_calls else 1
            reader.fail(line, "macro", f"macro calls differ from the English page: {detail}")


def check_cycles(items: dict[str, Module] | dict[str, Unit], kind: str, problems: list[Problem],
                 pages: list[PageSource] = ()) -> None:
    """No module or unit is its own prerequisite, however far round. A cycle is reported at the
    `prerequisites` line of the page it starts from, which names the next one in it."""
    state: dict[str, str] = {}
    lines = {page.meta["id"]: page.meta.line_of("prerequisites") for page in pages
             if page.language == "en" and page.meta and page.meta.get("kind") == kind and isinstance(page.meta.get("id"), str)}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for nxt in items[node].prerequisites:
            if nxt not in items:
                continue
            if state.get(nxt) == "open":
                cycle = [*trail[trail.index(nxt):], nxt] if nxt in trail else [node, nxt]
                problems.append(Problem(layout.source_file(layout.page_path(kind, cycle[0])), lines.get(cycle[0], 1), "prerequisites",
                                        f"prerequisite cycle: {' -> '.join(cycle)} (remove one of these prerequisites)"))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = "done"

    for node in sorted(items):
        if node not in state:
            visit(node, [node])


def check_data_references(root: Path, curriculum: Curriculum, known: dict[str, set[str]], problems: list[Problem]) -> None:
    reader = FieldReader("data/glossary.yml", problems)
    for term in curriculum.glossary.values():
        for key in term.sources:
            if key not in known["sources"]:
                reader.fail(term.line, "terms.sources", f"term '{term.id}': unknown source '{key}'{did_you_mean(key, known['sources'])}")
    reader = FieldReader("data/certification.yml", problems)
    for step in curriculum.certification:
        for unit in step.units:
            if unit not in known["units"]:
                reader.fail(step.units_line, "steps.units", f"step '{step.id}': unknown unit '{unit}'{did_you_mean(unit, known['units'])}")
    reader = FieldReader("data/films.yml", problems)
    for film in curriculum.films.values():
        page = layout.source_file(layout.page_path("film", film.id))
        if not (root / page).is_file():
            reader.fail(film.line, "films.id", f"film '{film.id}' has no page {page} (its transcript lives there)")
