"""MkDocs hooks: validate the whole curriculum before anything is built.

An invalid model stops the build with every problem as `path:line: field: message`.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from curriculum.loader import load_curriculum
from curriculum.problems import CurriculumError


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        load_curriculum(root)
    except CurriculumError as error:
        raise PluginError(error.report()) from None
    _repository_links(config, os.environ)
    return config


def _repository_links(config: MkDocsConfig, environ: os._Environ | dict[str, str]) -> None:
    """Edit links and site URL from the GitHub repository the build runs in.

    We do not hard-code a repository address: GitHub Actions tells us where we are.
    """
    repository = environ.get("GITHUB_REPOSITORY")
    if not repository or config.get("repo_url"):
        return
    owner, _, name = repository.partition("/")
    config["repo_url"] = f"https://github.com/{repository}"
    config["repo_name"] = repository
    config["edit_uri"] = "edit/main/docs/"
    if not config.get("site_url"):
        config["site_url"] = f"https://{owner}.github.io/{name}/"
