"""The files readers download, into the built site: the portfolio template written from the
model, and the PDFs and offline zip that `make downloads` staged."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from curriculum import LANGUAGES
from curriculum.downloads import copy_staged
from curriculum.hooks import inner_language_build, offline_build, project_root
from curriculum.layout import PORTFOLIO_PAGE, portfolio_file
from curriculum.loader import load_curriculum
from curriculum.render import Renderer


@event_priority(-200)  # after the i18n plugin has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if inner_language_build(config):
        return
    site, root = Path(config.site_dir), project_root(config)
    curriculum = load_curriculum(root)
    for language in LANGUAGES:
        target = site / portfolio_file(language)
        target.parent.mkdir(parents=True, exist_ok=True)
        markdown = Renderer(curriculum, language, PORTFOLIO_PAGE).portfolio_markdown()
        target.write_text(markdown, encoding="utf-8")
    if not offline_build(config):  # the offline copy would grow fivefold (downloads.staged)
        copy_staged(root, site)
