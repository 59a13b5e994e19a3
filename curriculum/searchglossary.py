"""The glossary in search: an entry for each term, found by its words and shown with its explanation.

Material makes an index entry of each heading's section, and the glossary's terms are a
definition list under one heading. So the whole glossary was one entry of about 1,100 words: a
result for most common words, shown with the start of the page's introduction. Its list is left
out of Material's index (`data-search-exclude`, templates/glossary.html.j2); after the build,
each term becomes an entry of its own at its anchor (`#term-5s`), titled with the term and
showing its explanation, its source and its name in the other language, as the page does.
"""

from __future__ import annotations

import html as markup
import re

from curriculum.layout import GLOSSARY_PAGE, page_url

_TERM = re.compile(r'<dt id="(term-[^"]+)">(.*?)</dt>\s*<dd>(.*?)</dd>', re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>")
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def is_glossary(location: str, language: str) -> bool:
    """Whether a search entry is the glossary page's own (on the site, or in the offline copy)."""
    return location in (page_url(GLOSSARY_PAGE, language), page_url(GLOSSARY_PAGE, language, directory_urls=False))


def term_entries(html: str, location: str) -> list[dict[str, str]]:
    """One entry per term of the glossary page's HTML, at `location` (the page's) and the term's anchor.
    Text is escaped as Material escapes its entries' text: `&amp;`, `&lt;` and `&gt;` only."""
    return [{"location": f"{location}#{anchor}", "title": _plain(term), "text": _plain(_BREAK.sub(" ", explanation))}
            for anchor, term, explanation in _TERM.findall(html)]


def _plain(html: str) -> str:
    return markup.escape(markup.unescape(_SPACE.sub(" ", _TAG.sub("", html)).strip()), quote=False)
