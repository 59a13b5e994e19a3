"""Swedish quotation marks: Swedish text quotes with ” at both ends (”så här”), never with the
English "…" or “…”, on Swedish pages and in the Swedish texts of the data files. Only the text a
reader sees counts: Markdown syntax that needs straight quotes (admonition and tab titles,
attribute lists, link titles), macro calls, inline code, HTML tags, code blocks and the front
matter are left alone.
"""

from __future__ import annotations

import re
from pathlib import Path

from curriculum.pagesource import FENCE, split_front_matter
from curriculum.problems import Problem

# Admonition (`!!! tip "Tips"`, `??? note`) and content-tab (`=== "Flik"`) lines: their quotes are syntax.
_TITLED_BLOCK = re.compile(r'^\s*(?:!!!|\?\?\?\+?|===[+!]*)\s')
# Spans whose quotes are syntax or code, removed before the line is read as text.
_NOT_TEXT = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}"        # macro calls and statements on one line
    r"|`[^`]*`"                     # inline code
    r"|<[^>]*>"                     # HTML tags and their attributes
    r"|\{\s*[:#.][^}]*\}"           # attribute lists: { #id .class key="value" }
    r"|\]\([^)]*\)"                 # link and image targets, with their titles
)
_ENGLISH_QUOTE = re.compile(r'["“]')


def check_swedish_quotes(root: Path, problems: list[Problem], data_texts: list[tuple[str, int, str]]) -> None:
    """Each line of a Swedish page, and each `sv:` text of a data file (`swedish_data_texts`),
    that quotes the English way."""
    def report(path: str, line: int, text: str) -> None:
        problems.append(Problem(path, line, "quotes", f"English quotation marks in Swedish text: {text.strip()[:60]!r} "
                                                      "(Swedish quotes with ” at both ends: ”så här”)"))

    for page in sorted((root / "docs").rglob("*.sv.md")):
        relative = f"docs/{page.relative_to(root / 'docs').as_posix()}"
        for number, text in english_quote_lines(page.read_text(encoding="utf-8-sig", errors="replace")):
            report(relative, number, text)
    for relative, line, text in data_texts:
        if _ENGLISH_QUOTE.search(_NOT_TEXT.sub(" ", text)):
            report(relative, line, text)


def english_quote_lines(page: str) -> list[tuple[int, str]]:
    """The lines (number, text) of a page's body whose reader-visible text has " or “."""
    _, body, start = split_front_matter(page)
    found: list[tuple[int, str]] = []
    in_fence = in_macro = False
    for number, text in enumerate(body, start):
        if FENCE.match(text):
            in_fence = not in_fence
            continue
        if in_fence or _TITLED_BLOCK.match(text):
            continue
        if in_macro:  # a macro call that runs over several lines: its arguments are code
            if "}}" not in text:
                continue
            text, in_macro = text.split("}}", 1)[1], False
        visible = _NOT_TEXT.sub(" ", text)
        if "{{" in visible:
            visible, in_macro = visible.split("{{", 1)[0], True
        if _ENGLISH_QUOTE.search(visible):
            found.append((number, text))
    return found

