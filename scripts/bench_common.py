"""What the `make bench` modules share: table rows, progress, strict builds, mkdocs.yml."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from curriculum import nav
from curriculum.layout import PROJECT_ROOT

KB = 1024


@dataclass(frozen=True)
class Row:
    figure: str
    value: str
    budget: str = ""
    ok: bool | None = None  # None: a figure without a budget


def at_most(figure: str, value: float, limit: float, fmt: str = ".1f") -> Row:
    return Row(figure, format(value, fmt), f"<= {limit:g}", value <= limit)


def at_least(figure: str, value: float, limit: float, fmt: str = ".1f") -> Row:
    return Row(figure, format(value, fmt), f">= {limit:g}", value >= limit)


def progress(message: str) -> None:
    """To stderr, so stdout holds only the table."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


def fail(message: str) -> None:
    """A tool error, not a figure over budget: stop with a message that says what to do."""
    raise SystemExit(f"bench: error: {message}")


def gzip_size(data: bytes) -> int:
    # Level 6, as curriculum/serve.py and most web servers send it.
    return len(gzip.compress(data, compresslevel=6))


class TooSlow(Exception):
    """A build ran past its time limit and was stopped."""


def build(project: Path, site: Path, config: str = "mkdocs.yml", strict: bool = True,
          limit: float | None = None, site_url: str | None = None) -> float:
    """Wall time of one `mkdocs build`; a failed build stops the bench with its last lines."""
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", config, "--site-dir", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **({"SITE_URL": site_url} if site_url else {})}
    start = time.perf_counter()
    try:
        done = subprocess.run([*command, *(["--strict"] if strict else [])], cwd=project, env=env,
                              capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        raise TooSlow from None
    seconds = time.perf_counter() - start
    if done.returncode:
        fail(f"mkdocs build in {project} failed:\n" + "\n".join(done.stderr.splitlines()[-20:]))
    return seconds


def markdown_pages(docs: Path) -> int:
    return sum(1 for _ in docs.rglob("*.md"))


def mkdocs_config(root: Path = PROJECT_ROOT) -> dict[str, Any]:
    return nav.mkdocs_config(root)


# What a copy of the project leaves out: installs, builds, history and caches.
_NOT_COPIED = {".venv", "site", ".git", "node_modules", "bench", "build", ".pytest_cache",
               ".ruff_cache", ".helpers"}


def _not_copied(folder: str, names: list[str]) -> list[str]:
    top = Path(folder) == PROJECT_ROOT
    return [name for name in names
            if name == "__pycache__" or (top and (name in _NOT_COPIED or name.startswith(".site-")))]


def copy_project(target: Path) -> Path:
    """The project as the build sees it, to change in a temporary folder."""
    shutil.copytree(PROJECT_ROOT, target, ignore=_not_copied)
    return target
