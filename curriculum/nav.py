"""The site's navigation as mkdocs.yml lists it: the order in which a reader meets the pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _TagBlindLoader(yaml.SafeLoader):
    """mkdocs.yml has `!!python/name:` and `!ENV` tags; only plain keys are read here."""


_TagBlindLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
_TagBlindLoader.add_multi_constructor("!", lambda *_: None)


def mkdocs_config(root: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data, its tagged values read as None."""
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TagBlindLoader) or {}


def _pages(entries: Any) -> list[str]:
    found: list[str] = []
    for entry in entries or ():
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            found += _pages(value)
        elif isinstance(value, str) and value.endswith(".md"):
            found.append(value)
    return found


def nav_pages(root: Path) -> list[str]:
    """Every page of the navigation (docs paths such as `modules/green-5s.md`), in nav order."""
    return _pages(mkdocs_config(root).get("nav"))
