"""How mkdocs-macros reports a page that fails while it renders: `path:line: message`, the line
counted in the page's own file.

Left alone, mkdocs-macros prints an exception with its Python traceback, and a template error
at `<template>, line N`, counted from below the front matter. Its `format_error` is a
`functools.singledispatch` function; the formatters registered here take over for our errors.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, UndefinedError
from mkdocs_macros.errors import format_error

from curriculum.pagesource import split_front_matter


class MacroError(Exception):
    """A macro failed; the message names the page file and line."""


def page_line(page: Any, template_line: int) -> str:
    """`docs/path:line` of a line of the template that mkdocs-macros rendered for `page`."""
    try:
        text = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    except (OSError, ValueError):
        body_start = 1
    else:
        # MkDocs hands mkdocs-macros the body without the front matter and the blank lines after it.
        _, body, body_start = split_front_matter(text)
        body_start += next((index for index, line in enumerate(body) if line), 0)
    return f"docs/{page.file.src_uri}:{template_line + body_start - 1}"


@format_error.register
def _macro_error(error: MacroError, markdown: str, page: Any) -> str:
    return str(error)


@format_error.register
def _undefined(error: UndefinedError, markdown: str, page: Any) -> str:
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == "<template>"]
    where = page_line(page, (frames[-1].lineno or 1) if frames else 1)
    return f"{where}: macro: {error.message} (a page uses the macros in the contributors' guide)"


@format_error.register
def _syntax_error(error: TemplateSyntaxError, markdown: str, page: Any) -> str:
    return f"{page_line(page, error.lineno)}: macro: {error.message}"
