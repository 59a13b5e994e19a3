"""MkDocs hooks, one file per job; mkdocs.yml lists them (`hooks:`) in the order they run.

They are thin adapters: the rules, the rendering and the site layout live in the package, and a
hook only hands MkDocs' events to them. MkDocs loads each file by its path, so the files import
the package absolutely (`from curriculum...`), never relatively.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

OFFLINE_PLUGIN = "material/offline"
I18N_PLUGIN = "i18n"


def project_root(config: MkDocsConfig) -> Path:
    """The folder of the mkdocs.yml being built (a test's copy of the project, too)."""
    return Path(config.config_file_path).parent


def inner_language_build(config: MkDocsConfig) -> bool:
    """True in a language's build that the i18n plugin runs inside the first one's post-build
    event; the first build's own post-build comes after them all, when every language is written.
    Work on the whole site waits for that one: done in each, it was done twice (0.7 s of 8.5 here)."""
    plugin = config.plugins.get(I18N_PLUGIN)
    return bool(getattr(plugin, "building", False))


def offline_build(config: MkDocsConfig) -> bool:
    """True for the downloadable copy that is opened from file:// (`make downloads`)."""
    plugin = config.plugins.get(OFFLINE_PLUGIN)
    return bool(plugin and plugin.config.enabled)
