"""Our scripts as the site serves them: without the comments that stand on lines of their own.

The sources keep their comments, which say why the code does what it does; a phone loading the
page needs none of them (about a fifth of the gzip size). Only comments that start a line go: a
`/* … */` block or a `// …` line. Code, and a comment after code on the same line, stay as written,
so no statement, string or regular expression is touched (our scripts have no template literals,
the one place a line could start inside a string; a test holds that).
"""

from __future__ import annotations

import re

_BLOCK = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*\n", re.DOTALL | re.MULTILINE)
_LINE = re.compile(r"^[ \t]*//.*\n", re.MULTILINE)


def strip_comment_lines(script: str) -> str:
    return _LINE.sub("", _BLOCK.sub("", script))

