"""MkDocs' warnings about a page's links, given the page's line and, for an anchor, a suggestion.

MkDocs checks a link's anchor only once every page is rendered (macros write many anchors), and
warns "Doc file 'modules/x.md' contains a link '#y', but there is no such anchor on this page":
no line, no hint. `rewrite` turns that into `docs/modules/x.md:12: link '#y': no such anchor on
this page (did you mean '#z'?)`, in the form of every other content problem. The warning keeps
its level, so a strict build still stops on it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from pathlib import Path

from curriculum.problems import closest

_WARNING = re.compile(r"^Doc file '(?P<page>[^']+)' contains (?P<rest>.*?'(?P<link>[^']+)'.*)$", re.DOTALL)
_OWN_ANCHOR = re.compile(r"^a link '[^']+', but there is no such anchor on this page\.(?P<context>.*)$", re.DOTALL)
_OTHER_ANCHOR = re.compile(r"^a link '[^']+', but the doc '(?P<doc>[^']+)' does not contain an anchor '#(?P<anchor>[^']+)'\.$")


def line_of_link(text: str, link: str) -> int | None:
    """The first line where a Markdown link, a reference definition or a raw HTML link names
    `link`; None when no line does (a macro wrote it)."""
    written = (f"]({link})", f"]({link} ", f"]: {link}", f'href="{link}"', f"href='{link}'")
    for number, line in enumerate(text.splitlines(), start=1):
        if any(form in line for form in written):
            return number
    return None


def rewrite(message: str, docs: Path, anchors: Mapping[str, set[str]]) -> str:
    """A link warning of MkDocs' as `docs/PAGE:LINE: link 'L': problem`; other messages as they are.
    `anchors` holds the ids each rendered page has, by its path below docs/."""
    found = _WARNING.match(message)
    if not found:
        return message
    page, link, rest = found["page"], found["link"], found["rest"]
    try:
        line = line_of_link((docs / page).read_text(encoding="utf-8-sig"), link)
    except (OSError, UnicodeDecodeError):
        line = None
    where = f"docs/{page}:{line}" if line else f"docs/{page} (a link a macro writes)"
    anchor = link.partition("#")[2]
    if own := _OWN_ANCHOR.match(rest):
        return f"{where}: link '{link}': no such anchor on this page{_close(anchor, anchors.get(page, set()))}{own['context']}"
    if other := _OTHER_ANCHOR.match(rest):
        target, anchor = other["doc"], other["anchor"]
        return f"{where}: link '{link}': docs/{target} has no anchor '#{anchor}'{_close(anchor, anchors.get(target, set()))}"
    return f"{where}: {rest}"


def _close(anchor: str, present: set[str]) -> str:
    """' (did you mean '#x'?)' for a near miss; nothing otherwise (a page has too many ids to list)."""
    return closest(anchor, present).replace("'", "'#", 1)


class LinkWarningLines(logging.Filter):
    """Installed on the core's `structure.pages` logger: rewrites its link warnings in place."""

    def __init__(self, docs: Path) -> None:
        super().__init__()
        self.docs = docs
        self.anchors: dict[str, set[str]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            record.msg, record.args = rewrite(record.getMessage(), self.docs, self.anchors), ()
        return True
