"""A built page without the white space of its templates: each run of spaces and line breaks in
the text between tags becomes one line break, except in the elements that show white space as
written.

Material's templates indent their markup and leave a blank line where each block tag stood: a
sixth to a quarter of a page's raw bytes (module pages' median 93.7 to 80.5 kB, the home page's
27.1 to 20.8), and 0.9 kB gzip of a unit page (the bench's median went from 14.9 to 14.0 kB,
against its 14). A browser shows a run of white space that holds a line break as one space
in running text, so the page reads and lays out as before. `pre`, `textarea`, `code`, `kbd` and
`samp` (printed with `white-space: pre-wrap`), `script` and `style` keep theirs, and no tag is
touched: attribute values stay as written. (mkdocs-minify-plugin does more, such as dropping the
quotes around attribute values, which our post-build steps and tests read.)
"""

from __future__ import annotations

import re

# The elements whose white space counts: each taken whole, up to its end tag.
KEPT = ("pre", "textarea", "code", "kbd", "samp", "script", "style")
_KEPT = re.compile(rf"<({'|'.join(KEPT)})\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_RUN = re.compile(r"\n[ \t\r\n]+")  # a line break and the white space after it (not a no-break space)
# An attribute value with a line break in it, which the quick way would change: then the text
# between tags is found first (a comment, or a tag whose quoted values may hold ">").
_VALUE_WITH_BREAK = re.compile(r"""=\s*(?:"[^"<>]*\n|'[^'<>]*\n)""")
_TAG = re.compile(r"""(<!--.*?-->|<(?:[^>"']|"[^"]*"|'[^']*')*>)""", re.DOTALL)


def compact(html: str) -> str:
    """`html` with each run of white space that holds a line break, outside tags and the `KEPT`
    elements, written as one line break."""
    between = _between_tags if _VALUE_WITH_BREAK.search(html) else _runs
    written, at = [], 0
    for kept in _KEPT.finditer(html):
        written += [between(html[at:kept.start()]), kept.group(0)]
        at = kept.end()
    written.append(between(html[at:]))
    return "".join(written)


def _runs(markup: str) -> str:
    return _RUN.sub("\n", markup)


def _between_tags(markup: str) -> str:
    parts = _TAG.split(markup)  # text, tag, text, tag, ...
    parts[::2] = [_runs(text) for text in parts[::2]]
    return "".join(parts)
