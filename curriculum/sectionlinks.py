"""The ¶ link after each heading, titled in the page's language, and none after the page's title.

Python-Markdown's toc extension gives every page the one `permalink_title` of mkdocs.yml, in
English, so a Swedish reader heard "Link to this section" on each heading. The title comes from
the label `section_link` (data/labels.yml) in the page's language instead.

The toc extension links every heading, the page's title (`h1`) too, whose link is the page's own
address. Material hides the link until it is pointed at, but it still takes its place in the
line: on a phone, a title that just fills its line pushed the hidden ¶ onto a line of its own,
an empty line under the title (24 of the 180 pages at 390 pixels wide). So the title has none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape

from curriculum import LANGUAGES
from curriculum.model import Text

_HEADERLINK_TITLE = re.compile(r'(<a class="headerlink" href="[^"]*" title=")[^"]*(")')
_TITLE_LINK = re.compile(r'<a class="headerlink" href="[^"]*" title="[^"]*">(?:&para;|¶)</a>(?=</h1>)')


def section_link_titles(labels: Mapping[str, Text]) -> dict[str, str]:
    """The title in each language, as it goes into an HTML attribute."""
    return {language: escape(labels["section_link"][language]) for language in LANGUAGES}


def localise_section_links(html: str, title: str) -> str:
    return _HEADERLINK_TITLE.sub(lambda match: match.group(1) + title + match.group(2), html)


def without_title_link(html: str) -> str:
    """The page's HTML without the ¶ link at the end of its title (`h1`)."""
    return _TITLE_LINK.sub("", html)
