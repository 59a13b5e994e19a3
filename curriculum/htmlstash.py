"""Block HTML that a macro renders is kept away from Markdown and put back into the page after it.

Python-Markdown would only parse such a block to find where it ends and then copy it unchanged
(raw HTML is never processed as Markdown), yet that parse was a fifth of the build's Markdown
time: checklists, worksheets, catalogues and tables are most of a page's HTML. The macro leaves
a small raw `<div>` in its place, which Markdown copies through as it is; `restore` swaps the
block back in when the page's HTML is ready, before anything reads it (glossary marking, search).
The stand-in carries the block's ids (and `<a name>`s) as empty elements, so MkDocs still finds
every anchor a link may point at (`validation: anchors`).
"""

from __future__ import annotations

import itertools
import re

_PLACEHOLDER = re.compile(r'<div data-ecoleap-html="(\d+)">(?:<[ai] [^>]*></[ai]>)*</div>')
_ANCHOR = re.compile(r'\sid="([^"]+)"|<a\s[^>]*?\bname="([^"]+)"')
# A block: starts with an opening tag and spans lines. Inline HTML (a citation, a link) stays.
_BLOCK = re.compile(r"<(?:div|table|section|aside|figure|details|form|ul|ol|dl|nav)\b[^>]*>[\s\S]*\n", re.ASCII)
_kept: dict[int, str] = {}
_numbers = itertools.count()


def keep(html: str) -> str:
    """The placeholder for a block of macro HTML; any other output is returned unchanged."""
    if not _BLOCK.match(html):
        return html
    number = next(_numbers)
    _kept[number] = html
    anchors = "".join(f'<i id="{anchor}"></i>' if anchor else f'<a name="{name}"></a>'
                      for anchor, name in _ANCHOR.findall(html))
    return f'<div data-ecoleap-html="{number}">{anchors}</div>'


def restore(html: str) -> str:
    """The page's HTML with every kept block back in its place."""
    return _PLACEHOLDER.sub(lambda match: _kept.pop(int(match.group(1))), html)
