"""Load and validate the whole curriculum: data files and every page, in both languages.

`collect()` returns the model and *all* problems; `load_curriculum()` raises one
`CurriculumError` listing them, and caches the result until a content file changes
(the i18n plugin builds the site once per language, so the model is asked for twice).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from curriculum import LANGUAGES, layout
from curriculum.calculators import load_calculators
from curriculum.crossrefs import (
    check_cycles,
    check_data_references,
    check_parity,
    check_references,
    entry_ids,
    file_ids,
    known_ids,
)
from curriculum.data import (
    load_certification,
    load_checklists,
    load_glossary,
    load_labels,
    load_sources,
    load_vocabularies,
)
from curriculum.datarefs import check_usage
from curriculum.editorial import (
    check_admonitions,
    check_guide_macros,
    check_sequences,
    check_swedish_terms,
    load_terms,
    swedish_data_texts,
)
from curriculum.factors import FACTORS_FILE, load_factors
from curriculum.films import load_films
from curriculum.model import Curriculum, Module, Page, Unit
from curriculum.pages import check_page, page_kind, read_pages
from curriculum.pagesource import PageSource, pages_calling
from curriculum.problems import CurriculumError, Problem
from curriculum.quotes import check_swedish_quotes
from curriculum.rawmarkup import check_expressions, check_links
from curriculum.reader import FieldReader
from curriculum.register import load_register
from curriculum.rubric import load_rubric
from curriculum.schema import MODULE, UNIT, PageKind
from curriculum.self_assessment import load_self_assessment
from curriculum.self_checks import SELF_CHECK_FOLDER, check_self_check_use, load_self_checks
from curriculum.steps import check_step_units
from curriculum.support import load_cases, load_support
from curriculum.worksheets import check_worksheet_use, load_worksheets

_LANGUAGE_NAMES = {"en": "English", "sv": "Swedish"}


def collect(root: Path, today: datetime.date | None = None) -> tuple[Curriculum, list[Problem]]:
    """`today` decides which support and case entries are too old to publish (tests set it)."""
    problems: list[Problem] = []
    vocabularies = load_vocabularies(root, problems)
    curriculum = Curriculum(
        vocabularies=vocabularies,
        labels=load_labels(root, problems),
        sources=load_sources(root, problems),
        checklists=load_checklists(root, problems),
        films=load_films(root, problems),
        glossary=load_glossary(root, problems, vocabularies["topics"]),
        certification=load_certification(root, problems),
        pages={},
        modules={},
        units={},
        terms=load_terms(root, problems),
        rubric=load_rubric(root, problems),
        register=load_register(root, problems, today),
    )
    curriculum.factors = load_factors(root, set(curriculum.sources), problems)
    # A factor entry that failed to load is reported itself, not again by every formula using it.
    broken_factors = entry_ids(root / FACTORS_FILE, "key") - set(curriculum.factors)
    curriculum.worksheets = load_worksheets(root, curriculum.factors, problems, broken_factors)
    curriculum.calculators = load_calculators(root, curriculum.factors, problems, broken_factors)
    page_files = read_pages(root, problems)
    kinds: dict[str, PageKind] = {}
    for page in page_files:
        reader = FieldReader(page.path, problems)
        kind = page_kind(page, reader)
        if kind:
            kinds[page.path] = kind
            check_page(page, kind, reader)
            check_expressions(page, reader)
    check_links(root, page_files, problems)
    twins = _pair_twins(page_files, problems)
    known = known_ids(root, curriculum, twins, kinds)
    for page in page_files:
        if page.path in kinds:
            reader = FieldReader(page.path, problems)
            check_references(page, kinds[page.path], known, reader)
    # A field already reported on the English page is not reported again as a difference.
    reported = {(problem.path, problem.field) for problem in problems}
    for key, languages in twins.items():
        # A translation that failed to load is reported itself; comparing it would only add noise.
        if all(lang in languages and languages[lang].path in kinds for lang in LANGUAGES):
            check_parity(languages, kinds[key], problems, reported)
            _add_page(curriculum, languages, kinds[key])
    check_cycles(curriculum.modules, "module", problems, page_files)
    curriculum.self_checks = load_self_checks(root, known["units"], page_files, problems)
    check_self_check_use(curriculum.self_checks, known["units"], page_files, problems,
                         file_ids(root / SELF_CHECK_FOLDER))
    curriculum.self_assessment = load_self_assessment(root, known["modules"], problems)
    check_cycles(curriculum.units, "unit", problems, page_files)
    curriculum.support = load_support(root, known["sources"], problems, today,
                                      linked={key for key, source in curriculum.sources.items() if source.url})
    curriculum.cases = load_cases(root, known["sources"], known["modules"], problems, today)
    check_data_references(root, curriculum, known, problems)
    check_usage(curriculum, page_files, problems)
    check_step_units(curriculum.certification, problems)
    check_sequences(page_files, curriculum.modules, problems)
    data_texts = swedish_data_texts(root)
    check_swedish_terms(root, curriculum.terms, problems, data_texts)
    check_admonitions(root, problems)
    check_swedish_quotes(root, problems, data_texts)
    check_guide_macros(root, problems)
    curriculum.worksheet_users = check_worksheet_use(curriculum.worksheets, page_files, problems)
    curriculum.checklist_pages = pages_calling(page_files, "checklist")
    return curriculum, sorted(set(problems))


_cache: dict[Path, tuple[tuple[tuple[str, float], ...], Curriculum]] = {}


def _fingerprint(root: Path) -> tuple[tuple[str, float], ...]:
    files = [*root.joinpath("data").rglob("*.y*ml"), *root.joinpath(layout.DOCS).rglob("*.md")]
    # The support and case dates age by the calendar, not by a file change.
    return (("today", float(datetime.date.today().toordinal())),
            *sorted((path.as_posix(), path.stat().st_mtime) for path in files))


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
    """Each page's files by language, keyed by the English file (as kinds are keyed)."""
    twins: dict[str, dict[str, PageSource]] = {}
    for page in pages:
        twins.setdefault(layout.source_file(page.twin_key), {})[page.language] = page
    for languages in twins.values():
        present = next(iter(languages.values()))
        for lang in LANGUAGES:
            if lang not in languages:
                expected = layout.source_file(layout.translation_path(present.twin_key, lang))
                problems.append(Problem(present.path, 1, "translation", f"no {_LANGUAGE_NAMES[lang]} version (create {expected} with the same sections)"))
    return twins


def _texts(languages: dict[str, PageSource], name: str) -> dict[str, object]:
    return {lang: page.meta.get(name) for lang, page in languages.items()}


def _add_page(curriculum: Curriculum, languages: dict[str, PageSource], kind: PageKind) -> None:
    english = languages["en"]
    meta = english.meta
    key = english.twin_key
    common = {
        "key": key,
        "kind": kind.name,
        "title": _texts(languages, "title"),
        "summary": _texts(languages, "summary"),
        "sources": tuple(meta.get("sources") or ()),
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
            work_between_hours=_hours(meta.get("work_between_hours")),
            audience=tuple(meta["audience"]),
            level=meta["level"],
            prerequisites=tuple(meta["prerequisites"]),
            checklists=tuple(meta["checklists"]),
            films=tuple(meta.get("films") or ()),
            outcomes=_texts(languages, "outcomes"),
            self_service=meta["self_service"],
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


def _hours(value: object) -> float | None:
    """A checked hours field as a float; a bad value is reported by check_page and left out."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0 else None


def _complete(meta, kind: PageKind) -> bool:
    return all(spec.name in meta for spec in kind.fields if spec.required)


