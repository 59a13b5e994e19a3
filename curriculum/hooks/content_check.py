"""Validate the whole curriculum before anything is built: an invalid model stops the build
with every problem as `path:line: field: message`."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from curriculum.hooks import project_root
from curriculum.loader import load_curriculum
from curriculum.problems import CurriculumError


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        load_curriculum(project_root(config))
    except CurriculumError as error:
        raise PluginError(error.report()) from None
    return config
