"""The configuration the theme reads: the curriculum version, the default language, the
repository's edit links and site URL, and the offline copy's own search worker."""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import metadata

from mkdocs.config.defaults import MkDocsConfig

from curriculum import CURRICULUM_VERSION, DEFAULT_LANGUAGE
from curriculum.hooks import offline_build, project_root
from curriculum.layout import SEARCH_LOADER
from curriculum.loader import load_curriculum
from curriculum.sectionlinks import section_link_titles

WORKER_SHIM = "assets/javascripts/offline-worker.js"
# Labels (data/labels.yml) the theme's templates put on every page: the footer's words, and the
# review date and suggestion link at the end of each page.
THEME_LABELS = ("footer_licence", "curriculum_version", "accessibility_statement", "about_this_curriculum",
                "last_reviewed", "suggest_change", "issue_page", "issue_question")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # One source for the version: the theme templates read it from here.
    config.extra["curriculum_release"] = CURRICULUM_VERSION
    # The search loader (overrides/main.html, assets/javascripts/search-loader.js) finds a language's index by this.
    config.extra["default_language"] = DEFAULT_LANGUAGE
    config.extra["search_loader"] = SEARCH_LOADER
    # The generator tag of overrides/main.html, which copies Material's block that hard-codes it.
    config.extra["material_version"] = metadata.version("mkdocs-material")
    labels = load_curriculum(project_root(config)).labels
    config.extra["theme_labels"] = {key: labels[key] for key in THEME_LABELS}
    config.extra["section_link_titles"] = section_link_titles(labels)  # for hooks/page_html.py
    repository_links(config, os.environ)
    if offline_build(config):
        local_worker_shim(config)
    return config


def local_worker_shim(config: MkDocsConfig) -> None:
    """The offline plugin loads a search-worker shim from a CDN: a third-party request, which
    also fails offline and needs an inline script the CSP forbids. Use the site's own."""
    polyfills = [polyfill for polyfill in config.extra.get("polyfills", []) if "iframe-worker" not in str(polyfill)]
    config.extra["polyfills"] = [*polyfills, WORKER_SHIM]


def repository_links(config: MkDocsConfig, environ: Mapping[str, str]) -> None:
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
