"""Our stylesheets as the site serves them: without comments and runs of whitespace.

The sources keep their comments, which say why each rule is there; a reader's phone needs none of
them (a third of the gzip size). Only comments and whitespace go: strings are left as written, and
a space that separates two parts of a selector (`.md-typeset :is(a)`) stays one space, so no rule
changes meaning. A full minifier (mkdocs-minify-plugin, csscompressor) would save a little more
for a new dependency and a rewriter we would have to trust with every selector.
"""

from __future__ import annotations

import re

# Read left to right, so a quote inside a comment ("Material's") starts no string.
_TOKEN = re.compile(r'(?P<string>"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\')|/\*.*?\*/|\s+', re.DOTALL)
_SPACE_AROUND = re.compile(r" ?([{};,>]) ?")  # around these a space never matters


def minify(css: str) -> str:
    parts: list[str] = []  # code and strings by turns: code at even places
    code, position = [], 0
    for match in _TOKEN.finditer(css):
        code.append(css[position:match.start()])
        position = match.end()
        if match.group("string"):
            parts += ["".join(code), match.group("string")]
            code = []
        else:
            code.append(" ")  # a comment or whitespace separates at most
    parts.append("".join([*code, css[position:]]))
    for index in range(0, len(parts), 2):
        parts[index] = _SPACE_AROUND.sub(r"\1", re.sub(" {2,}", " ", parts[index]))
    return "".join(parts).strip() + "\n"

