"""Read a Markdown page: its front matter and what the rules look at in its body.

Code fences are skipped for headings, links and images (they are examples there), but not
for macro calls: mkdocs-macros renders `{{ }}` inside fences too.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown.extensions.toc import slugify

from curriculum.problems import Problem
from curriculum.yamlload import LineMapping, parse_yaml, read_text

FENCE = re.compile(r"^\s*(```|~~~)")  # a code fence opening or closing
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)(\{[^}]*\})?")
_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_MACRO = re.compile(r"\{\{\s*(.*?)\s*\}\}")
_CALL = re.compile(r"^([A-Za-z_]\w*)\s*\((.*)\)$", re.DOTALL)
_RAW = re.compile(r"\{%\s*raw\s*%\}.*?\{%\s*endraw\s*%\}")
_HTML_TARGET = re.compile(r"<(a|img)\b[^>]*?\b(?:href|src)\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
_CODE_SPAN = re.compile(r"`[^`]*`")
_STEP = re.compile(r"^\d+\.\s+.*\((\d+)\s*min\)")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str
    line: int


@dataclass(frozen=True)
class Link:
    text: str
    target: str
    line: int


@dataclass(frozen=True)
class MacroCall:
    source: str
    name: str
    args: tuple[object, ...]
    line: int


@dataclass
class PageSource:
    path: str
    language: str
    twin_key: str  # the path without the language suffix: pairs a page with its translation
    meta: LineMapping
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[tuple[Link, str]] = field(default_factory=list)  # (image, attribute list)
    macro_calls: list[MacroCall] = field(default_factory=list)
    expressions: list[tuple[int, str]] = field(default_factory=list)  # (line, text) of a {{ }} that is no plain macro call
    html_links: list[Link] = field(default_factory=list)  # raw HTML <a href> and <img src>; text is the tag
    unclosed: list[int] = field(default_factory=list)  # lines with a {{ that the line does not close
    fences: list[tuple[int, str]] = field(default_factory=list)  # (line, info string) of code fences
    sections: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # H2 id -> lines

    def section_text(self, section_id: str) -> str:
        return "\n".join(text for _, text in self.sections.get(section_id, []))

    def meta_line(self, key: str) -> int:
        return self.meta.line_of(key) if self.meta else 1


def heading_id(text: str) -> tuple[str, str]:
    """The visible heading text and its id: an explicit `{ #id }` or the toc slug."""
    explicit = _ATTR_ID.search(text)
    if explicit:
        return text[: explicit.start()].strip(), explicit.group(1)
    visible = re.sub(r"\{[^}]*\}\s*$", "", text).strip()
    plain = re.sub(r"[`*_]|\[([^\]]*)\]\([^)]*\)", r"\1", visible)
    return visible, slugify(plain, "-")


def parse_macro_call(source: str) -> tuple[str, tuple[object, ...]] | None:
    match = _CALL.match(source.strip())
    if not match:
        return None
    try:
        args = ast.literal_eval(f"({match.group(2)},)") if match.group(2).strip() else ()
    except (ValueError, SyntaxError):
        return None
    return match.group(1), tuple(args)


def split_front_matter(text: str) -> tuple[str | None, list[str], int]:
    """Front matter text, the body lines, and the 1-based line number where the body starts."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                return "\n".join(lines[1:index]), lines[index + 1 :], index + 2
    return None, lines, 1


def read_page(path: Path, shown_as: str, language: str, twin_key: str) -> tuple[PageSource, list[Problem]]:
    text, problems = read_text(path, shown_as)
    meta = LineMapping()
    meta.line, meta.key_lines = 1, {}
    if text is None:
        return PageSource(shown_as, language, twin_key, meta), problems
    front, body, body_start = split_front_matter(text)
    if front is None and text.split("\n", 1)[0].strip() == "---":
        problems.append(Problem(shown_as, 1, "front matter", "the --- block that starts here is never closed (add a line with --- after the last field)"))
    elif front is None:
        problems.append(Problem(shown_as, 1, "front matter", "missing (start the file with a --- block that has at least 'kind' and 'title')"))
    else:
        data, yaml_problems = parse_yaml(front, shown_as, offset=1)
        problems += yaml_problems
        if isinstance(data, LineMapping):
            meta = data
        elif data is not None or not yaml_problems:
            problems.append(Problem(shown_as, 2, "front matter", "must be a mapping of 'field: value' lines"))
    page = PageSource(shown_as, language, twin_key, meta)
    _scan_body(page, body, body_start)
    return page, problems


def _scan_body(page: PageSource, body: list[str], start: int) -> None:
    in_fence = False
    section: str | None = None
    for offset, raw in enumerate(body):
        number = start + offset
        unraw = _RAW.sub("", raw)
        for match in _MACRO.finditer(unraw):
            parsed = parse_macro_call(match.group(1))
            if parsed:
                page.macro_calls.append(MacroCall(match.group(1).strip(), *parsed, number))
            else:
                page.expressions.append((number, match.group(1).strip()))
        if "{{" in _MACRO.sub("", unraw):
            page.unclosed.append(number)
        if FENCE.match(raw):
            if not in_fence:
                page.fences.append((number, raw.strip().lstrip("`~").strip()))
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = _HEADING.match(raw)
        if heading:
            visible, hid = heading_id(heading.group(2))
            level = len(heading.group(1))
            page.headings.append(Heading(level, visible, hid, number))
            if level == 2:
                section = hid
                page.sections[section] = []
            continue
        if section is not None:
            page.sections[section].append((number, raw))
        prose = _CODE_SPAN.sub("", raw)  # a link shown as code is no link
        for image in _IMAGE.finditer(prose):
            page.images.append((Link(image.group(1), image.group(2), number), image.group(3) or ""))
        for link in _LINK.finditer(prose):
            page.links.append(Link(link.group(1), link.group(2), number))
        for tag in _HTML_TARGET.finditer(prose):
            page.html_links.append(Link(tag.group(1).lower(), tag.group(2), number))


def pages_calling(pages: list[PageSource], macro: str) -> dict[str, list[str]]:
    """For each first argument of `macro`, the English pages (keys, in page order) that call it."""
    users: dict[str, list[str]] = {}
    for page in pages:
        if page.language != "en":
            continue
        for call in page.macro_calls:
            if call.name == macro and call.args and isinstance(call.args[0], str):
                keys = users.setdefault(call.args[0], [])
                key = page.path.removeprefix("docs/")
                if key not in keys:
                    keys.append(key)
    return users


def step_minutes(page: PageSource, section_id: str) -> list[tuple[int, int]]:
    """(line, minutes) of each timed top-level step in a section."""
    return [
        (number, int(match.group(1)))
        for number, text in page.sections.get(section_id, [])
        if (match := _STEP.match(text))
    ]
