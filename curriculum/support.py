"""Dated, sourced entries a company reads on its own: public support (data/support.yml) and
published cases (data/cases.yml). Loaded and checked here, rendered by the macros.

Support changes: grants close, rates move. Every entry says when its facts were last checked,
and the check fails once that date is more than a year old, so stale advice cannot ship.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Protocol

from curriculum.model import Source, Text
from curriculum.problems import Problem, did_you_mean
from curriculum.reader import FieldReader
from curriculum.yamlload import LineMapping, load_yaml_file

MAX_AGE_DAYS = 365
SUPPORT_FILE = "data/support.yml"
CASES_FILE = "data/cases.yml"


@dataclass(frozen=True)
class SupportEntry:
    id: str
    name: Text
    offers: Text
    qualifies: Text
    status: Text
    sources: tuple[str, ...]
    checked_on: datetime.date
    # The source that is the organisation's own page on the offer: linked from the entry, so a
    # reader goes there in one step, not through the sources page.
    page: str | None = None
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Case:
    """A published case of a company, with its figures as the publisher gives them."""

    id: str
    company: str
    modules: tuple[str, ...]
    what: Text
    figures: Text
    sources: tuple[str, ...]
    checked_on: datetime.date
    line: int = field(default=0, compare=False)


def _entries(root: Path, relative: str, key: str, problems: list[Problem]) -> tuple[list[LineMapping], FieldReader]:
    reader = FieldReader(relative, problems)
    path = root / relative
    if not path.exists():
        reader.fail(1, "file", "missing (create it; see the contributors' guide)")
        return [], reader
    data, found = load_yaml_file(path, relative)
    problems += found
    if data is None:
        return [], reader
    top = reader.mapping(data, 1, "file")
    if top is None:
        return [], reader
    reader.unknown_keys(top, {key}, "")
    items = reader.sequence(top, key, key)
    result = []
    for index, item in enumerate(items):
        mapping = reader.mapping(item, items.line_of(index), f"{key}[{index}]")
        if mapping is not None:
            result.append(mapping)
    return result, reader


def _checked_on(reader: FieldReader, entry: LineMapping, field_name: str, today: datetime.date) -> datetime.date | None:
    value = entry.get("checked_on")
    line = entry.line_of("checked_on")
    if value is None:
        reader.fail(line, field_name, "missing (add the date you last checked the sources, as YYYY-MM-DD)")
        return None
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        reader.fail(line, field_name, f"expected a date as YYYY-MM-DD, found {value!r}")
        return None
    if value > today:
        reader.fail(line, field_name, f"{value} is in the future")
    elif (today - value).days > MAX_AGE_DAYS:
        reader.fail(line, field_name, f"{value} is more than a year before {today}: check the sources again "
                                      "and update the text and the date (or remove the entry)")
    return value


def _sources(reader: FieldReader, entry: LineMapping, field_name: str, known: set[str]) -> tuple[str, ...]:
    keys = reader.ids(entry, "sources", field_name)
    if not keys and isinstance(entry.get("sources"), list):  # not a list: reported as such
        reader.fail(entry.line_of("sources"), field_name, "name at least one source")
    listed = entry.get("sources") or []
    for index, key in enumerate(keys):
        if key not in known:
            line = listed.line_of(index) if hasattr(listed, "line_of") else entry.line_of("sources")
            reader.fail(line, field_name, f"unknown source '{key}'{did_you_mean(key, known)} (add it to data/sources.yml)")
    return keys


def load_support(root: Path, sources: set[str], problems: list[Problem],
                 today: datetime.date | None = None, linked: Collection[str] = ()) -> list[SupportEntry]:
    """`linked`: the sources that have a URL, which an entry's `page` must be."""
    today = today or datetime.date.today()
    entries, reader = _entries(root, SUPPORT_FILE, "support", problems)
    result: list[SupportEntry] = []
    seen: dict[str, int] = {}
    allowed = {"id", "name", "offers", "qualifies", "status", "sources", "page", "checked_on"}
    for entry in entries:
        reader.unknown_keys(entry, allowed, "support")
        entry_id = reader.identifier(entry, "id", "support.id")
        texts = [reader.text(entry, name, f"support.{name}") for name in ("name", "offers", "qualifies", "status")]
        keys = _sources(reader, entry, "support.sources", sources)
        page = _page(reader, entry, keys, linked)
        checked = _checked_on(reader, entry, "support.checked_on", today)
        if entry_id:
            reader.unique(seen, entry_id, entry.line_of("id"), "support.id")
        if entry_id and checked and all(texts):
            result.append(SupportEntry(entry_id, *texts, sources=keys, checked_on=checked, page=page, line=entry.line))
    return result


def _page(reader: FieldReader, entry: LineMapping, keys: tuple[str, ...], linked: Collection[str]) -> str | None:
    if "page" not in entry:
        return None
    key = reader.string(entry, "page", "support.page")
    if key and key not in keys:
        reader.fail(entry.line_of("page"), "support.page", f"'{key}' is not among the entry's sources{did_you_mean(key, keys)} "
                                                           "(the page is the source that is the organisation's own page: list it under sources)")
    elif key and key not in linked:
        reader.fail(entry.line_of("page"), "support.page", f"source '{key}' has no url in data/sources.yml (add the page's address there)")
    else:
        return key
    return None


def load_cases(root: Path, sources: set[str], modules: set[str], problems: list[Problem],
               today: datetime.date | None = None) -> list[Case]:
    today = today or datetime.date.today()
    entries, reader = _entries(root, CASES_FILE, "cases", problems)
    result: list[Case] = []
    seen: dict[str, int] = {}
    allowed = {"id", "company", "modules", "what", "figures", "sources", "checked_on"}
    for entry in entries:
        reader.unknown_keys(entry, allowed, "cases")
        case_id = reader.identifier(entry, "id", "cases.id")
        company = reader.string(entry, "company", "cases.company")
        module_ids = reader.ids(entry, "modules", "cases.modules")
        listed = entry.get("modules") or []
        for index, module_id in enumerate(module_ids):
            if module_id not in modules:
                line = listed.line_of(index) if hasattr(listed, "line_of") else entry.line_of("modules")
                reader.fail(line, "cases.modules", f"unknown module '{module_id}'{did_you_mean(module_id, modules)}")
        what = reader.text(entry, "what", "cases.what")
        figures = reader.text(entry, "figures", "cases.figures")
        keys = _sources(reader, entry, "cases.sources", sources)
        checked = _checked_on(reader, entry, "cases.checked_on", today)
        if case_id:
            reader.unique(seen, case_id, entry.line_of("id"), "cases.id")
        if case_id and company and checked and what and figures:
            result.append(Case(case_id, company, module_ids, what, figures, keys, checked, line=entry.line))
    return result


class _Citing(Protocol):
    lang: str

    def cite(self, *keys: str) -> str: ...

    def label(self, key: str, **values: object) -> str: ...

    def module_link(self, module_id: str) -> str: ...


def support_markdown(entries: list[SupportEntry], renderer: _Citing, sources: Mapping[str, Source]) -> str:
    """One block per entry: what it offers, who qualifies, its status, a link to the
    organisation's own page where it has one, sources and check date."""
    lang = renderer.lang
    blocks = []
    for entry in entries:
        lines = [
            f"### {entry.name[lang]} {{ #support-{entry.id} }}",
            "",
            f"**{renderer.label('support_offers')}** {entry.offers[lang]}",
            "",
            f"**{renderer.label('support_qualifies')}** {entry.qualifies[lang]}",
            "",
            f"**{renderer.label('support_status')}** {entry.status[lang]}",
            "",
        ]
        if entry.page:
            page = sources[entry.page]
            title = escape(page.title) if page.language == lang else f'<span lang="{page.language}">{escape(page.title)}</span>'
            lines += [f"**{renderer.label('support_page')}** [{title}]({page.url})", ""]
        lines.append(f"{renderer.label('support_sources')} {renderer.cite(*entry.sources)} · "
                     f"{renderer.label('support_checked_on')} {entry.checked_on.isoformat()}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def cases_markdown(cases: list[Case], renderer: _Citing) -> str:
    """A table of the published cases: company, what was done, the figures and where it is published."""
    lang = renderer.lang
    head = [renderer.label(key) for key in ("case_company", "case_what", "case_figures", "case_modules", "case_source")]
    rows = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for case in cases:
        modules = ", ".join(renderer.module_link(m) for m in case.modules)
        rows.append(f"| {case.company} | {case.what[lang]} | {case.figures[lang]} | {modules} | "
                    f"{renderer.cite(*case.sources)} {renderer.label('support_checked_on')} {case.checked_on.isoformat()} |")
    return "\n".join(rows)
