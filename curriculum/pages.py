"""Page rules: front matter per kind, headings, sections, images, links, macro calls.

Each check looks at one page in one language; checks that compare a page with its
translation or with other content live in `crossrefs.py`.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from curriculum import layout
from curriculum.pagesource import PageSource, read_page, step_minutes
from curriculum.problems import Problem, did_you_mean
from curriculum.reader import FieldReader
from curriculum.schema import (
    KINDS,
    MACROS,
    PLACEHOLDER_ALT,
    THEME_KEYS,
    VAGUE_LINK_TEXT,
    FieldSpec,
    PageKind,
    arguments_fit,
    arity,
    call_fits,
)

_CALL_START = re.compile(r"^([A-Za-z_]\w*)\s*\(")  # an expression that begins like a macro call


def read_pages(root: Path, problems: list[Problem]) -> list[PageSource]:
    """Every page below docs/, in both languages."""
    docs = root / layout.DOCS
    pages = []
    for path in sorted(docs.rglob("*.md")):
        docs_path = path.relative_to(docs).as_posix()
        page, found = read_page(path, layout.source_file(docs_path), layout.page_language(docs_path),
                                layout.english_path(docs_path))
        problems += found
        pages.append(page)
    return pages


def page_kind(page: PageSource, reader: FieldReader) -> PageKind | None:
    kind = page.meta.get("kind")
    if kind is None:
        if page.meta:
            reader.fail(1, "kind", f"missing (add 'kind:' with one of: {', '.join(KINDS)})")
        return None
    if kind not in KINDS:
        reader.fail(page.meta_line("kind"), "kind", f"unknown kind '{kind}'{did_you_mean(str(kind), KINDS)}")
        return None
    return KINDS[kind]


def check_page(page: PageSource, kind: PageKind, reader: FieldReader) -> None:
    _check_fields(page, kind, reader)
    _check_headings(page, kind, reader)
    _check_images_and_links(page, reader)
    _check_fences(page, reader)
    _check_macro_calls(page, reader)
    _check_steps(page, kind, reader)


def _check_fields(page: PageSource, kind: PageKind, reader: FieldReader) -> None:
    meta = page.meta
    allowed = {spec.name for spec in kind.fields} | THEME_KEYS
    reader.unknown_keys(meta, allowed, "")
    for spec in kind.fields:
        _check_field(meta, spec, reader)
    folder = layout.kind_folder(kind.name)
    if folder:
        if posixpath.dirname(page.twin_key) != folder:
            reader.fail(page.meta_line("kind"), "kind", f"a {kind.name} page belongs in docs/{folder}/ (move the file)")
        page_id = meta.get("id")
        stem = layout.page_id(page.twin_key)
        if isinstance(page_id, str) and page_id != stem:
            reader.fail(page.meta_line("id"), "id", f"'{page_id}' must equal the file name '{stem}' (rename one of them)")


def _check_field(meta, spec: FieldSpec, reader: FieldReader) -> None:
    name = spec.name
    if name not in meta:
        if spec.required:
            reader.fail(meta.line_of(name) if meta else 1, name, f"missing (add '{name}:' to the front matter)")
        return
    if spec.type == "str":
        reader.string(meta, name, name)
    elif spec.type == "int":
        reader.integer(meta, name, name)
    elif spec.type == "number":
        reader.number(meta, name, name)
    elif spec.type == "hours":
        reader.hours(meta, name, name)
    elif spec.type == "date":
        reader.date(meta, name, name)
    elif spec.type == "list":
        if spec.translated:
            items = reader.sequence(meta, name, name)
            for index, item in enumerate(items):
                if not (isinstance(item, str) and item.strip()):
                    reader.fail(items.line_of(index), name, f"item {index + 1} must be text")
        else:
            items = reader.ids(meta, name, name)
        count = len(items)
        if not isinstance(meta.get(name), list):
            return  # not a list at all: that is the problem already reported, not its length
        if count < spec.min_items or (spec.max_items is not None and count > spec.max_items):
            wanted = f"{spec.min_items}–{spec.max_items}" if spec.max_items else f"at least {spec.min_items}"
            reader.fail(meta.line_of(name), name, f"has {count} entries; {wanted} expected")


def _check_headings(page: PageSource, kind: PageKind, reader: FieldReader) -> None:
    headings = page.headings
    titles = [heading for heading in headings if heading.level == 1]
    if len(titles) != 1:
        line = titles[1].line if len(titles) > 1 else 1
        reader.fail(line, "headings", f"a page has exactly one H1 (the title); found {len(titles)}")
    previous = 0
    for heading in headings:
        if heading.level > previous + 1:
            reader.fail(heading.line, "headings", f"H{heading.level} '{heading.text}' skips a level after H{previous} (use H{previous + 1})")
        previous = heading.level
    present = [heading.id for heading in headings if heading.level == 2]
    position = 0
    for number, required in enumerate(kind.sections):
        if required not in present:
            reader.fail(_line_before(page, kind.sections[number + 1 :]), "sections", f"missing section '{required}' (add '## … {{ #{required} }}'; a {kind.name} needs: {', '.join(kind.sections)})")
            continue
        index = present.index(required)
        if index < position:
            heading = next(heading for heading in headings if heading.id == required)
            reader.fail(heading.line, "sections", f"section '{required}' is out of order (expected order: {', '.join(kind.sections)})")
        position = max(position, index)


def _line_before(page: PageSource, later_sections: tuple[str, ...]) -> int:
    """Where a missing section belongs: at the next required section that is present."""
    for heading in page.headings:
        if heading.level == 2 and heading.id in later_sections:
            return heading.line
    return max([heading.line for heading in page.headings] or [1])


def _check_fences(page: PageSource, reader: FieldReader) -> None:
    for line, info in page.fences:
        if info.split(" ")[0].lower() == "mermaid":
            reader.fail(line, "diagram", "Mermaid diagrams load a script from a CDN, a third-party request; "
                        "draw an SVG under docs/assets/images/ and describe it in the text")


def _check_images_and_links(page: PageSource, reader: FieldReader) -> None:
    for image, attributes in page.images:
        alt = image.text.strip()
        if not alt:
            if ".decorative" not in attributes:
                reader.fail(image.line, "image", f"'{image.target}' has no alt text (describe it, or mark pure decoration with {{ .decorative }})")
        elif alt.lower() in PLACEHOLDER_ALT or alt == Path(image.target).name:
            reader.fail(image.line, "image", f"alt text '{alt}' of '{image.target}' says nothing; describe what the image shows")
    for link in page.links:
        text = link.text.strip().strip("*_").lower()
        if text in VAGUE_LINK_TEXT:
            reader.fail(link.line, "link", f"link text '{link.text}' does not say where it goes; name the target (e.g. the page title)")


def macro_trouble(page: PageSource) -> bool:
    """True when a macro call on the page is broken: not closed, not a call the parser can read,
    an unknown macro or the wrong arguments. That call is reported at its line; checks that
    compare the page's calls (with its front matter, with its twin) would only repeat it."""
    misread = any((start := _CALL_START.match(text)) and start.group(1) in MACROS for _, text in page.expressions)
    return bool(page.unclosed) or misread or not all(call_fits(call.name, call.args) for call in page.macro_calls)


def _check_macro_calls(page: PageSource, reader: FieldReader) -> None:
    for line in page.unclosed:
        reader.fail(line, "macro", "'{{' is not closed on its line (end the macro call with '}}')")
    for call in page.macro_calls:
        if call.name not in MACROS:
            reader.fail(call.line, "macro", f"unknown macro '{call.name}'{did_you_mean(call.name, MACROS)}")
            continue
        if not arguments_fit(call.name, len(call.args)):
            fixed, variadic = arity(call.name)
            reader.fail(call.line, "macro", f"{call.name}() takes {fixed}{' or more' if variadic else ''} argument(s), got {len(call.args)}")
        for arg in call.args:
            if not isinstance(arg, str):
                reader.fail(call.line, "macro", f"{call.name}(): arguments are ids in quotes, got {arg!r}")


def _check_steps(page: PageSource, kind: PageKind, reader: FieldReader) -> None:
    if not kind.timed_section or kind.timed_section not in page.sections:
        return
    steps = step_minutes(page, kind.timed_section)
    duration = page.meta.get("duration_minutes")
    if not isinstance(duration, int):
        return
    total = sum(minutes for _, minutes in steps)
    if not steps:
        reader.fail(page.meta_line("duration_minutes"), "duration_minutes", f"section '{kind.timed_section}' has no timed steps ('1. Do this (30 min)')")
    elif total != duration:
        reader.fail(page.meta_line("duration_minutes"), "duration_minutes", f"the steps in '{kind.timed_section}' add up to {total} min but duration_minutes is {duration} (fix a step's timing or the duration)")
