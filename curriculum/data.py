"""Load the shared YAML data in `data/`: vocabularies, labels, sources, glossary,
checklists, films and certification steps. Every loader collects problems, never raises."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from curriculum import LANGUAGES
from curriculum.model import (
    CertificationStep,
    Checklist,
    ChecklistGroup,
    ChecklistItem,
    GlossaryTerm,
    Source,
    Term,
    Text,
)
from curriculum.problems import Problem, did_you_mean
from curriculum.reader import FieldReader
from curriculum.yamlload import LineMapping, load_yaml_file

VOCABULARIES = ("programs", "topics", "audiences", "formats", "levels", "stages", "modes", "owners",
                "self_service")
SOURCE_GROUPS = (
    "programmes", "research", "lean-methods", "green-methods", "circular-economy",
    "climate-and-reporting", "standards", "support-schemes", "coaching", "platform",
)
# What kind of publication a source is; its reliability label on the pages follows from it.
SOURCE_TYPES = ("peer-reviewed", "official", "book", "report", "web-page")
MAX_CHECKLIST_ITEMS = 16  # more does not print on one A4 page
MAX_ITEM_CHARS = 160


def read_data(root: Path, relative: str, problems: list[Problem], required: bool = True) -> tuple[LineMapping | None, FieldReader]:
    reader = FieldReader(relative, problems)
    path = root / relative
    if not path.exists():
        if required:
            reader.fail(1, "file", "missing (create it; see the contributors' guide)")
        return None, reader
    data, found = load_yaml_file(path, relative)
    problems += found
    if data is None:
        return None, reader
    return reader.mapping(data, 1, "file"), reader


def data_entries(reader: FieldReader, data: LineMapping | None, key: str) -> list[tuple[LineMapping, int]]:
    if data is None:
        return []
    items = reader.sequence(data, key, key)
    result = []
    for index, item in enumerate(items):
        mapping = reader.mapping(item, items.line_of(index), f"{key}[{index}]")
        if mapping is not None:
            result.append((mapping, index))
    return result


def load_vocabularies(root: Path, problems: list[Problem]) -> dict[str, dict[str, Term]]:
    data, reader = read_data(root, "data/vocabularies.yml", problems)
    result: dict[str, dict[str, Term]] = {name: {} for name in VOCABULARIES}
    if data is None:
        return result
    reader.unknown_keys(data, set(VOCABULARIES), "")
    for name in VOCABULARIES:
        seen: dict[str, int] = {}
        for entry, _ in data_entries(reader, data, name):
            reader.unknown_keys(entry, {"id", "label", "weeks"} if name == "programs" else {"id", "label"}, name)
            term_id = reader.identifier(entry, "id", f"{name}.id")
            label = reader.text(entry, "label", f"{name}.label")
            weeks = reader.integer(entry, "weeks", f"{name}.weeks", required=False)
            if term_id:
                reader.unique(seen, term_id, entry.line_of("id"), f"{name}.id")
                result[name][term_id] = Term(term_id, label, weeks)
    return result


def load_labels(root: Path, problems: list[Problem]) -> dict[str, Text]:
    data, reader = read_data(root, "data/labels.yml", problems)
    if data is None:
        return {}
    return {str(key): reader.text(data, key, str(key)) for key in data}


def load_sources(root: Path, problems: list[Problem]) -> dict[str, Source]:
    """The bibliography by key. A source's `replaces` keys resolve to it too, so a page that
    still cites an old key keeps working while it is updated."""
    data, reader = read_data(root, "data/sources.yml", problems)
    result: dict[str, Source] = {}
    seen: dict[str, int] = {}
    allowed = {"key", "type", "language", "group", "authors", "year", "title", "venue", "url", "doi", "replaces"}
    for entry, _ in data_entries(reader, data, "sources"):
        reader.unknown_keys(entry, allowed, "sources")
        key = reader.identifier(entry, "key", "sources.key")
        group = reader.string(entry, "group", "sources.group")
        if group and group not in SOURCE_GROUPS:
            reader.fail(entry.line_of("group"), "sources.group", f"unknown group '{group}'{did_you_mean(group, SOURCE_GROUPS)}")
        kind = entry.get("type")
        if kind is None:
            reader.fail(entry.line, "sources.type", f"'{key}' has no type (add 'type:' with one of: {', '.join(SOURCE_TYPES)})")
        elif kind not in SOURCE_TYPES:
            reader.fail(entry.line_of("type"), "sources.type", f"unknown type '{kind}'{did_you_mean(str(kind), SOURCE_TYPES)}")
        language = entry.get("language")
        if language is None:
            reader.fail(entry.line, "sources.language", f"'{key}' has no language (add 'language:' with the language of its title, "
                        f"one of: {', '.join(LANGUAGES)}; a screen reader then reads it in that language)")
        elif language not in LANGUAGES:
            reader.fail(entry.line_of("language"), "sources.language",
                        f"'{language}' is not a language of the site (use one of: {', '.join(LANGUAGES)})")
        url = reader.string(entry, "url", "sources.url", required=False)
        if url and not url.startswith("https://"):
            reader.fail(entry.line_of("url"), "sources.url", f"'{url}' must start with https://")
        year = reader.integer(entry, "year", "sources.year", required=False)
        fields = [reader.string(entry, name, f"sources.{name}") for name in ("authors", "title")]
        venue = _venue(reader, entry)
        replaces = reader.ids(entry, "replaces", "sources.replaces", required=False)
        if key and group and kind in SOURCE_TYPES and language in LANGUAGES and all(fields) and venue:
            reader.unique(seen, key, entry.line_of("key"), "sources.key")
            authors, title = (str(value) for value in fields)
            source = Source(key, group, authors, title, venue, year, url,
                            reader.string(entry, "doi", "sources.doi", required=False), str(kind),
                            replaces, str(language), line=entry.line_of("key"))
            result[key] = source
            for old in replaces:
                reader.unique(seen, old, entry.line_of("replaces"), "sources.replaces")
                result[old] = source
    return result


def _venue(reader: FieldReader, entry: LineMapping) -> Text:
    """Where a source appeared. A name (a publisher, a journal, a website) is written once and
    shown as it is on both languages' pages; a venue with words a reader must understand ("vendor
    blog", "adopted 30 July 2025") is written per language, as every other text the reader sees."""
    if isinstance(entry.get("venue"), LineMapping):
        venue = reader.text(entry, "venue", "sources.venue")
        if len(venue) == len(LANGUAGES) and len(set(venue.values())) == 1:
            reader.fail(entry.line_of("venue"), "sources.venue",
                        "the same in every language: write it once, as a plain string")
        return venue
    name = reader.string(entry, "venue", "sources.venue")
    return {language: str(name) for language in LANGUAGES} if name else {}


def load_glossary(root: Path, problems: list[Problem], topics: Collection[str]) -> dict[str, GlossaryTerm]:
    """The glossary; each term's topics (vocabulary ids) are checked here and not kept."""
    data, reader = read_data(root, "data/glossary.yml", problems)
    result: dict[str, GlossaryTerm] = {}
    seen: dict[str, int] = {}
    for entry, _ in data_entries(reader, data, "terms"):
        reader.unknown_keys(entry, {"id", "term", "abbr", "definition", "topics", "sources", "tooltip"}, "terms")
        term_id = reader.identifier(entry, "id", "terms.id")
        term = reader.text(entry, "term", "terms.term")
        definition = reader.text(entry, "definition", "terms.definition")
        abbr = reader.text(entry, "abbr", "terms.abbr", required=False)
        for topic in reader.ids(entry, "topics", "terms.topics", required=False):
            if topic not in topics:
                reader.fail(entry.line, "terms.topics", f"term '{term_id}': unknown topic '{topic}'{did_you_mean(topic, topics)}")
        if term_id:
            reader.unique(seen, term_id, entry.line_of("id"), "terms.id")
            result[term_id] = GlossaryTerm(
                term_id, term, definition, abbr,
                reader.ids(entry, "sources", "terms.sources", required=False),
                reader.flag(entry, "tooltip", "terms.tooltip", default=True),
                line=entry.line,
            )
    return result


def load_checklists(root: Path, problems: list[Problem]) -> dict[str, Checklist]:
    result: dict[str, Checklist] = {}
    folder = root / "data" / "checklists"
    for path in sorted(folder.glob("*.y*ml")):
        relative = path.relative_to(root).as_posix()
        data, reader = read_data(root, relative, problems)
        if data is None:
            continue
        checklist = _checklist(reader, data, path.stem)
        if checklist:
            result[checklist.id] = checklist
    return result


def _checklist(reader: FieldReader, data: LineMapping, stem: str) -> Checklist | None:
    reader.unknown_keys(data, {"id", "title", "purpose", "groups"}, "")
    checklist_id = reader.identifier(data, "id", "id")
    if checklist_id and checklist_id != stem:
        reader.fail(data.line_of("id"), "id", f"'{checklist_id}' must equal the file name '{stem}' (rename one of them)")
    title = reader.text(data, "title", "title")
    purpose = reader.text(data, "purpose", "purpose")
    groups: list[ChecklistGroup] = []
    item_ids: dict[str, int] = {}
    group_ids: dict[str, int] = {}
    for group, _ in data_entries(reader, data, "groups"):
        reader.unknown_keys(group, {"id", "title", "items"}, "groups")
        group_id = reader.identifier(group, "id", "groups.id")
        if group_id:
            reader.unique(group_ids, group_id, group.line_of("id"), "groups.id")
        items: list[ChecklistItem] = []
        for item, _ in data_entries(reader, group, "items"):
            reader.unknown_keys(item, {"id", "text"}, "items")
            item_id = reader.identifier(item, "id", "items.id")
            text = reader.text(item, "text", "items.text")
            for lang, value in text.items():
                if len(value) > MAX_ITEM_CHARS:
                    reader.fail(item.line_of("text"), f"items.text.{lang}", f"{len(value)} characters; keep an item under {MAX_ITEM_CHARS} so the checklist prints on one page")
            if item_id:
                reader.unique(item_ids, item_id, item.line_of("id"), "items.id")
                items.append(ChecklistItem(item_id, text))
        groups.append(ChecklistGroup(group_id or "", reader.text(group, "title", "groups.title"), tuple(items)))
    total = sum(len(group.items) for group in groups)
    if total > MAX_CHECKLIST_ITEMS:
        reader.fail(data.line_of("groups"), "groups", f"{total} items; at most {MAX_CHECKLIST_ITEMS} fit on one printed A4 page (split the checklist)")
    if checklist_id and total:
        return Checklist(checklist_id, title, purpose, tuple(groups))
    if checklist_id and not total and isinstance(data.get("groups"), list):  # not a list: reported as such
        reader.fail(data.line_of("groups"), "groups", "a checklist needs at least one item")
    return None


def load_certification(root: Path, problems: list[Problem]) -> list[CertificationStep]:
    data, reader = read_data(root, "data/certification.yml", problems)
    steps: list[CertificationStep] = []
    seen: dict[str, int] = {}
    allowed = {"id", "title", "requires", "evidence", "signed_off_by", "time_allowed", "units"}
    for entry, _ in data_entries(reader, data, "steps"):
        reader.unknown_keys(entry, allowed, "steps")
        step_id = reader.identifier(entry, "id", "steps.id")
        texts = [reader.text(entry, name, f"steps.{name}") for name in
                 ("title", "requires", "evidence", "signed_off_by", "time_allowed")]
        units = reader.ids(entry, "units", "steps.units", required=False)
        if step_id:
            reader.unique(seen, step_id, entry.line_of("id"), "steps.id")
            steps.append(CertificationStep(step_id, *texts, units=units, line=entry.line,
                                           units_line=entry.line_of("units") if "units" in entry else entry.line))
    return steps
