"""Load and validate the whole curriculum: data files and every page, in both languages.

`collect()` returns the model and *all* problems; `load_curriculum()` raises one
`CurriculumError` listing them, and caches the result until a content file changes
(the i18n plugin builds the site once per language, so the model is asked for twice).
"""

from __future__ import annotations

from pathlib import Path

from curriculum import LANGUAGES
from curriculum.data import (
    load_certification,
    load_checklists,
    load_films,
    load_glossary,
    load_labels,
    load_sources,
    load_vocabularies,
)
from curriculum.editorial import (
    check_admonition_titles,
    check_guide_macros,
    check_sequences,
    check_swedish_terms,
    load_terms,
)
from curriculum.model import Curriculum, Module, Page, Unit
from curriculum.pages import check_page, page_kind, read_pages
from curriculum.pagesource import PageSource
from curriculum.problems import CurriculumError, Problem, did_you_mean
from curriculum.reader import Reader
from curriculum.register import load_register
from curriculum.rubric import load_rubric
from curriculum.schema import KINDS, MACROS, MODULE, RENDERED_LISTS, UNIT, PageKind
from curriculum.steps import check_step_units

_LANGUAGE_NAMES = {"en": "English", "sv": "Swedish"}


def collect(root: Path) -> tuple[Curriculum, list[Problem]]:
    problems: list[Problem] = []
    vocabularies = load_vocabularies(root, problems)
    curriculum = Curriculum(
        vocabularies=vocabularies,
        labels=load_labels(root, problems),
        sources=load_sources(root, problems),
        checklists=load_checklists(root, problems),
        films=load_films(root, problems),
        glossary=load_glossary(root, problems),
        certification=load_certification(root, problems),
        pages={},
        modules={},
        units={},
        terms=load_terms(root, problems),
        rubric=load_rubric(root, problems),
        register=load_register(root, problems),
    )
    sources = read_pages(root, problems)
    kinds: dict[str, PageKind] = {}
    for page in sources:
        reader = Reader(page.path, problems)
        kind = page_kind(page, reader)
        if kind:
            kinds[page.path] = kind
            check_page(page, kind, reader)
    twins = _pair_twins(sources, problems)
    known = _known_ids(curriculum, twins, kinds)
    for page in sources:
        if page.path in kinds:
            reader = Reader(page.path, problems)
            _check_references(page, kinds[page.path], known, reader)
    for key, languages in twins.items():
        if key in kinds and all(lang in languages for lang in LANGUAGES):
            _check_parity(languages, kinds[key], problems)
            _add_page(curriculum, languages, kinds[key])
    _check_cycles(curriculum.modules, "modules", problems)
    _check_cycles(curriculum.units, "coach-training/units", problems)
    _check_data_references(root, curriculum, known, problems)
    check_step_units(curriculum.certification, problems)
    check_sequences(sources, curriculum.modules, problems)
    check_swedish_terms(root, curriculum.terms, problems)
    check_admonition_titles(root, problems)
    check_guide_macros(root, problems)
    return curriculum, sorted(set(problems))


_cache: dict[Path, tuple[tuple[tuple[str, float], ...], Curriculum]] = {}


def _fingerprint(root: Path) -> tuple[tuple[str, float], ...]:
    files = [*root.joinpath("data").rglob("*.y*ml"), *root.joinpath("docs").rglob("*.md")]
    return tuple(sorted((f.as_posix(), f.stat().st_mtime) for f in files))


def load_curriculum(root: Path) -> Curriculum:
    """The validated model; raises CurriculumError with every problem."""
    root = root.resolve()
    fingerprint = _fingerprint(root)
    cached = _cache.get(root)
    if cached and cached[0] == fingerprint:
        return cached[1]
    curriculum, problems = collect(root)
    if problems:
        raise CurriculumError(problems)
    _cache[root] = (fingerprint, curriculum)
    return curriculum


def _pair_twins(pages: list[PageSource], problems: list[Problem]) -> dict[str, dict[str, PageSource]]:
    twins: dict[str, dict[str, PageSource]] = {}
    for page in pages:
        twins.setdefault(f"docs/{page.twin_key}", {})[page.language] = page
    for key, languages in twins.items():
        present = next(iter(languages.values()))
        for lang in LANGUAGES:
            if lang not in languages:
                expected = key if lang == "en" else key[: -len(".md")] + f".{lang}.md"
                problems.append(Problem(present.path, 1, "translation", f"no {_LANGUAGE_NAMES[lang]} version (create {expected} with the same sections)"))
    # Key twins by the English path so kinds (keyed by page path) line up.
    return twins


def _known_ids(curriculum: Curriculum, twins: dict[str, dict[str, PageSource]], kinds: dict[str, PageKind]) -> dict[str, set[str]]:
    known: dict[str, set[str]] = {
        "checklists": set(curriculum.checklists),
        "films": set(curriculum.films),
        "sources": set(curriculum.sources),
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
    return known


def _check_references(page: PageSource, kind: PageKind, known: dict[str, set[str]], reader: Reader) -> None:
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
    for call in page.macro_calls:
        spec_kinds = MACROS.get(call.name, ())
        for position, arg in enumerate(call.args):
            target = spec_kinds[min(position, len(spec_kinds) - 1)] if spec_kinds else None
            if target is None and spec_kinds:
                target = spec_kinds[0]
            if target and isinstance(arg, str) and arg not in known[target]:
                reader.fail(call.line, "macro", f"{call.name}('{arg}'): unknown {target.rstrip('s')}{did_you_mean(arg, known[target])}")
    for macro, field in RENDERED_LISTS.items():
        if not any(spec.name == field for spec in kind.fields):
            continue
        listed = meta.get(field) or []
        rendered = [arg for call in page.macro_calls if call.name == macro for arg in call.args]
        for item in listed:
            if item not in rendered:
                reader.fail(meta.line_of(field), field, f"'{item}' is listed but the page never calls {macro}('{item}')")
        for call in (c for c in page.macro_calls if c.name == macro):
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


def _check_parity(languages: dict[str, PageSource], kind: PageKind, problems: list[Problem]) -> None:
    english = languages["en"]
    for lang, page in languages.items():
        if lang == "en":
            continue
        reader = Reader(page.path, problems)
        for name in _neutral_fields(kind):
            if english.meta.get(name) != page.meta.get(name):
                reader.fail(page.meta_line(name), name, f"differs from the English page ({english.meta.get(name)!r} there, {page.meta.get(name)!r} here); language-neutral fields must be equal")
        # The H1 is the title: it is translated and carries no id worth keeping.
        en_headings = [h for h in english.headings if h.level > 1]
        headings = [h for h in page.headings if h.level > 1]
        en_ids = [(h.level, h.id) for h in en_headings]
        ids = [(h.level, h.id) for h in headings]
        if en_ids != ids:
            index = next((i for i, (a, b) in enumerate(zip(en_ids, ids, strict=False)) if a != b), min(len(en_ids), len(ids)))
            line = headings[index].line if index < len(headings) else (headings[-1].line if headings else 1)
            wanted = f"H{en_ids[index][0]} {{ #{en_ids[index][1]} }}" if index < len(en_ids) else "no further heading"
            found = f"H{ids[index][0]} #{ids[index][1]}" if index < len(ids) else "nothing"
            reader.fail(line, "headings", f"heading {index + 1} is {found} but the English page has {wanted} (give the heading the English id with {{ #id }})")
        en_calls = [call.source for call in english.macro_calls]
        calls = [call.source for call in page.macro_calls]
        if en_calls != calls:
            missing = [c for c in en_calls if c not in calls]
            extra = [c for c in calls if c not in en_calls]
            detail = f"missing {{{{ {missing[0]} }}}}" if missing else (f"extra {{{{ {extra[0]} }}}}" if extra else "the order differs")
            line = page.macro_calls[0].line if page.macro_calls else 1
            reader.fail(line, "macro", f"macro calls differ from the English page: {detail}")


def _texts(languages: dict[str, PageSource], name: str) -> dict[str, object]:
    return {lang: page.meta.get(name) for lang, page in languages.items()}


def _add_page(curriculum: Curriculum, languages: dict[str, PageSource], kind: PageKind) -> None:
    english = languages["en"]
    meta = english.meta
    key = english.path.removeprefix("docs/")
    common = {
        "key": key,
        "kind": kind.name,
        "title": _texts(languages, "title"),
        "summary": _texts(languages, "summary"),
        "sources": tuple(meta.get("sources") or ()),
        "owner": meta.get("owner"),
        "last_reviewed": meta.get("last_reviewed"),
        "sections": {lang: {sid: page.section_text(sid) for sid in page.sections} for lang, page in languages.items()},
    }
    if kind is MODULE:
        module = Module(
            **common,
            id=meta["id"],
            programs=tuple(meta["programs"]),
            topics=tuple(meta["topics"]),
            format=meta["format"],
            duration_minutes=meta["duration_minutes"],
            span_weeks=meta.get("span_weeks"),
            audience=tuple(meta["audience"]),
            level=meta["level"],
            prerequisites=tuple(meta["prerequisites"]),
            checklists=tuple(meta["checklists"]),
            films=tuple(meta.get("films") or ()),
            outcomes=_texts(languages, "outcomes"),
        ) if _complete(meta, kind) else None
        if module:
            curriculum.modules[module.id] = module
            curriculum.pages[key] = module
        return
    if kind is UNIT:
        unit = Unit(
            **common,
            id=meta["id"],
            stage=meta["stage"],
            mode=meta["mode"],
            order=meta["order"],
            hours=float(meta["hours"]),
            prerequisites=tuple(meta["prerequisites"]),
            checklists=tuple(meta.get("checklists") or ()),
            films=tuple(meta.get("films") or ()),
            questions=_texts(languages, "questions"),
            objectives=_texts(languages, "objectives"),
            key_points=_texts(languages, "key_points"),
            evidence=_texts(languages, "evidence"),
        ) if _complete(meta, kind) else None
        if unit:
            curriculum.units[unit.id] = unit
            curriculum.pages[key] = unit
        return
    curriculum.pages[key] = Page(**common)


def _complete(meta, kind: PageKind) -> bool:
    return all(spec.name in meta for spec in kind.fields if spec.required)


def _check_cycles(items: dict[str, Module] | dict[str, Unit], folder: str, problems: list[Problem]) -> None:
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for nxt in items[node].prerequisites:
            if nxt not in items:
                continue
            if state.get(nxt) == "open":
                cycle = [*trail[trail.index(nxt):], nxt] if nxt in trail else [node, nxt]
                problems.append(Problem(f"docs/{folder}/{nxt}.md", 1, "prerequisites", f"prerequisite cycle: {' -> '.join(cycle)} (remove one of these prerequisites)"))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = "done"

    for node in sorted(items):
        if node not in state:
            visit(node, [node])


def _check_data_references(root: Path, curriculum: Curriculum, known: dict[str, set[str]], problems: list[Problem]) -> None:
    reader = Reader("data/glossary.yml", problems)
    for term in curriculum.glossary.values():
        for key in term.sources:
            if key not in known["sources"]:
                reader.fail(term.line, "terms.sources", f"term '{term.id}': unknown source '{key}'{did_you_mean(key, known['sources'])}")
        for topic in term.topics:
            if topic not in known["vocab:topics"]:
                reader.fail(term.line, "terms.topics", f"term '{term.id}': unknown topic '{topic}'{did_you_mean(topic, known['vocab:topics'])}")
    reader = Reader("data/certification.yml", problems)
    for step in curriculum.certification:
        for unit in step.units:
            if unit not in known["units"]:
                reader.fail(step.line, "steps.units", f"step '{step.id}': unknown unit '{unit}'{did_you_mean(unit, known['units'])}")
    reader = Reader("data/films.yml", problems)
    for film in curriculum.films.values():
        if not (root / "docs" / curriculum.film_page_path(film.id)).is_file():
            reader.fail(film.line, "films.id", f"film '{film.id}' has no page docs/{curriculum.film_page_path(film.id)} (its transcript lives there)")
    # Every bibliography entry is cited somewhere: an uncited source is either a forgotten
    # citation or dead weight in the bibliography.
    cited = {key for page in curriculum.pages.values() for key in page.sources}
    cited |= {key for term in curriculum.glossary.values() for key in term.sources}
    cited = {curriculum.sources[key].key for key in cited if key in curriculum.sources}
    reader = Reader("data/sources.yml", problems)
    for key, source in curriculum.sources.items():
        if key == source.key and source.key not in cited:
            reader.fail(source.line, "sources.key", f"'{source.key}' is cited by no page (cite it where its fact is used, or remove it)")
    in_use = {cid for page in curriculum.pages.values() for cid in getattr(page, "checklists", ())}
    for checklist_id in sorted(set(curriculum.checklists) - in_use):
        Reader(f"data/checklists/{checklist_id}.yml", problems).fail(
            1, "id", f"checklist '{checklist_id}' is used by no module or unit (list it in a page's 'checklists:' or remove it)")
    reader = Reader("data/films.yml", problems)
    used = {film for page in curriculum.pages.values() for film in getattr(page, "films", ())}
    for film in curriculum.films.values():
        if film.id not in used:
            reader.fail(film.line, "films.id", f"film '{film.id}' is not used by any module or unit (add it to a page's 'films:' and call film('{film.id}'))")
