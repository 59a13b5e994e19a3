"""MkDocs hooks: validate the whole curriculum before anything is built.

An invalid model stops the build with every problem as `path:line: field: message`.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from curriculum import CURRICULUM_VERSION, DEFAULT_LANGUAGE, LANGUAGES
from curriculum.csp import add_policy
from curriculum.downloads import SITE_FOLDER, STAGING, staged
from curriculum.loader import load_curriculum
from curriculum.problems import CurriculumError
from curriculum.redirects import write_language_redirects
from curriculum.render import Renderer, portfolio_download_path
from curriculum.searchindex import INDEX, exclude_repeated_text, split_by_language
from curriculum.sitemap import language_sitemap


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        load_curriculum(root)
    except CurriculumError as error:
        raise PluginError(error.report()) from None
    # One source for the version: the theme templates read it from here.
    config.extra["curriculum_release"] = CURRICULUM_VERSION
    # The search loader (overrides/main.html) finds a language's index by this.
    config.extra["default_language"] = DEFAULT_LANGUAGE
    _repository_links(config, os.environ)
    if offline_build(config):
        _local_worker_shim(config)
    return config


OFFLINE_PLUGIN = "material/offline"
WORKER_SHIM = "assets/javascripts/offline-worker.js"


def offline_build(config: MkDocsConfig) -> bool:
    """True for the downloadable copy that is opened from file:// (`make downloads`)."""
    plugin = config.plugins.get(OFFLINE_PLUGIN)
    return bool(plugin and plugin.config.enabled)


def _local_worker_shim(config: MkDocsConfig) -> None:
    """The offline plugin loads a search-worker shim from a CDN: a third-party request, which
    also fails offline and needs an inline script the CSP forbids. Use the site's own."""
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [*polyfills, WORKER_SHIM]


def _repository_links(config: MkDocsConfig, environ: os._Environ | dict[str, str]) -> None:
    """Edit links and site URL from the GitHub repository the build runs in.

    We do not hard-code a repository address: GitHub Actions tells us where we are.
    """
    if environ.get("SITE_URL") and not config.get("site_url"):
        config["site_url"] = environ["SITE_URL"]
    repository = environ.get("GITHUB_REPOSITORY")
    # The site's real address is known: links in <head> may name it (overrides/main.html).
    # Decided on the first call: the i18n plugin calls this again for each language, by which
    # time a local build carries the preview address set below.
    config.extra.setdefault("site_address_known", bool(config.get("site_url") or repository))
    if not repository or config.get("repo_url"):
        if not config.get("site_url"):
            config["site_url"] = "http://127.0.0.1:8000/"  # a local preview: what `make serve` uses
        return
    owner, _, name = repository.partition("/")
    config["repo_url"] = f"https://github.com/{repository}"
    config["repo_name"] = repository
    config["edit_uri"] = "edit/main/docs/"
    if not config.get("site_url"):
        config["site_url"] = f"https://{owner}.github.io/{name}/"


@event_priority(-200)  # after the i18n plugin has built every language
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    root = Path(config.config_file_path).parent
    _write_downloads(root, site)
    if not offline_build(config):
        _copy_staged_downloads(root, site)
        # The offline copy keeps Material's one index: it loads as a script from file://.
        if (site / INDEX).is_file():
            split_by_language(site)
    redirects = config.plugins.get("redirects")
    if redirects is not None:  # mkdocs-redirects writes English redirects only (its issue #33)
        write_language_redirects(site, redirects.config["redirect_maps"])
    root_sitemap = site / "sitemap.xml"
    if not root_sitemap.is_file():
        return
    for language in LANGUAGES:
        target = site / language / "sitemap.xml"
        if language != DEFAULT_LANGUAGE and target.parent.is_dir() and not target.exists():
            target.write_text(language_sitemap(root_sitemap.read_text(encoding="utf-8"), language), encoding="utf-8")



def _write_downloads(root: Path, site: Path) -> None:
    """Files generated from the model that readers download, such as the portfolio template."""
    curriculum = load_curriculum(root)
    for language in LANGUAGES:
        target = site / portfolio_download_path(language)
        target.parent.mkdir(parents=True, exist_ok=True)
        renderer = Renderer(curriculum, language, "coach-training/portfolio.md")
        target.write_text(renderer.portfolio_markdown(), encoding="utf-8")


def _copy_staged_downloads(root: Path, site: Path) -> None:
    """The PDFs and the offline zip that `make downloads` made (curriculum/downloads.py)."""
    for path in staged(root):
        target = site / SITE_FOLDER / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / STAGING / path, target)


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    return exclude_repeated_text(html, page.file.src_uri)


_ROOT_LANGUAGE_LINK = re.compile(r'href="(/[^"/][^"]*|/)" hreflang="')


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    """The i18n plugin gives home pages root-absolute language links ("/sv/"), which break
    under a project site's sub-path and under every published curriculum version."""
    start = page.url or "."

    def relative(match: re.Match[str]) -> str:
        target = posixpath.relpath(match.group(1).lstrip("/") or ".", start)
        target = "./" if target == "." else target.rstrip("/") + "/"
        return f'href="{target}" hreflang="'

    return add_policy(_ROOT_LANGUAGE_LINK.sub(relative, output))
