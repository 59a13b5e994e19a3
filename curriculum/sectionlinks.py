"""The ¶ link after each heading, titled in the page's language.

Python-Markdown's toc extension gives every page the one `permalink_title` of mkdocs.yml, in
English, so a Swedish reader heard "Link to this section" on each heading. The title comes from
the label `section_link` (data/labels.yml) in the page's language instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape

from curriculum import LANGUAGES
from curriculum.model import Text

_HEADERLINK_TITLE = re.compile(r'(<a class="headerlink" href="[^"]*" title=")[^"]*(")')


def section_link_titles(labels: Mapping[str, Text]) -> dict[str, str]:
    """The title in each language, as it goes into an HTML attribute."""
    return {language: escape(labels["section_link"][language]) for language in LANGUAGES}


def localise_section_links(html: str, title: str) -> str:
    return _HEADERLINK_TITLE.sub(lambda match: match.group(1) + title + match.group(2), html)
