"""Our scripts as the site serves them: without the comments that stand on lines of their own,
and without the indentation of each line.

The sources keep their comments, which say why the code does what it does, and their indentation;
a phone loading the page needs neither (together about a quarter of the gzip size). Only comments
that start a line go: a `/* … */` block or a `// …` line. Code, and a comment after code on the
same line, stay as written, so no statement, string or regular expression is touched. Both rest on
no line of our scripts starting inside a string: they have no template literals and no string
continued past a line's end by a backslash (tests/test_served_assets.py holds that).
"""

from __future__ import annotations

import re

_BLOCK = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*\n", re.DOTALL | re.MULTILINE)
_LINE = re.compile(r"^[ \t]*//.*\n", re.MULTILINE)
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def strip_comment_lines(script: str) -> str:
    return _LINE.sub("", _BLOCK.sub("", script))


def for_serving(script: str) -> str:
    """The script without its comment lines and without its lines' indentation."""
    return _INDENT.sub("", strip_comment_lines(script))
