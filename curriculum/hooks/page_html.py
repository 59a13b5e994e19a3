"""Each page's HTML: repeated text kept out of search, relative language links, and the
Content-Security-Policy."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from curriculum.csp import add_policy
from curriculum.htmlstash import restore
from curriculum.layout import relative_language_links
from curriculum.searchindex import exclude_repeated_text


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    return exclude_repeated_text(restore(html), page.file.src_uri)


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    return add_policy(relative_language_links(output, page.url))
