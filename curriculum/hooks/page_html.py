"""Each page's HTML: repeated text kept out of search, the ¶ links titled in the page's language
(none after the title), relative language links, the Content-Security-Policy, and none of its
templates' white space."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from curriculum.csp import add_policy
from curriculum.htmlspace import compact
from curriculum.htmlstash import restore
from curriculum.layout import page_language, relative_language_links
from curriculum.searchindex import exclude_repeated_text
from curriculum.sectionlinks import localise_section_links, without_title_link


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    # Set with the theme's labels (hooks/site_config.py): read once a build, not once a page.
    title = config.extra["section_link_titles"][page_language(page.file.src_uri)]
    return exclude_repeated_text(localise_section_links(without_title_link(restore(html)), title), page.file.src_uri)


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    return compact(add_policy(relative_language_links(output, page.url)))
