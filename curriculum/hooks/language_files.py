"""After the build, the files each language needs beside its pages: its own search index, its
twins of the redirects, and its sitemap."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from curriculum.hooks import inner_language_build, offline_build
from curriculum.layout import SEARCH_INDEX
from curriculum.redirects import write_language_redirects
from curriculum.searchindex import split_by_language
from curriculum.sitemap import write_language_sitemaps


@event_priority(-200)  # after the i18n plugin has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if inner_language_build(config):
        return
    site = Path(config.site_dir)
    # The offline copy's indexes are scripts: from file:// Material loads the index as one.
    if (site / SEARCH_INDEX).is_file():
        split_by_language(site, script=offline_build(config))
    redirects = config.plugins.get("redirects")
    if redirects is not None:  # mkdocs-redirects writes English redirects only (its issue #33)
        write_language_redirects(site, redirects.config["redirect_maps"])
    write_language_sitemaps(site)
