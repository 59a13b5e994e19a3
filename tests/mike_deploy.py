"""Two versions of a copy of this project deployed with mike into a temporary Git repository
(nothing is pushed), and what the tests in test_publish.py read from it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest

from curriculum import CURRICULUM_VERSION
from scripts import release
from tests.site_pages import copy_project

MIKE = Path(sys.executable).with_name("mike")
PROJECT = ("curriculum", "data", "docs", "overrides", "scripts", "mkdocs.yml", "mkdocs.publish.yml", "pyproject.toml")
OLD = CURRICULUM_VERSION
_year, _release = release.parse_version(OLD) or (0, 0)
NEW = f"{_year}.{_release + 1}"
BROKEN = f"{_year}.{_release + 2}"
PAGE = "modules/green-waste-walk/"  # a page both versions have, in both languages


# --- two versions deployed with mike into a temporary repository -----------------------------

SITE = "http://ecoleap.test/"  # SITE_URL is SITE + version; the browser test routes it to gh-pages
# With `pytest -n N --dist loadgroup` these tests share one worker; with plain `-n N` the lock in
# the fixture still makes the deploys run once.
with_mike = pytest.mark.xdist_group("publish-with-mike")


@dataclass(frozen=True)
class Published:
    repo: Path
    tree: Path  # the gh-pages branch, checked out
    versions: list[dict]
    old_files_first: str  # `git ls-tree` of the old version: the blob hash of every file
    old_files_last: str
    broken_returncode: int
    broken_output: str
    heads_around_broken_deploy: list[str]
    release_check: list  # return code and output of the release check before deploying NEW


def _run(command: list[str], repo: Path, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=900)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def publish(workdir: Path) -> Published:
    repo = copy_project(workdir / "project", PROJECT)
    env = {
        **os.environ,
        "PATH": f"{MIKE.parent}{os.pathsep}{os.environ.get('PATH', '')}",  # mike runs `mkdocs`
        "PYTHONPATH": str(repo),  # the copy's own curriculum package, whatever .venv points at
        "NO_MKDOCS_2_WARNING": "1",
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }
    git = partial(_run, repo=repo, env=env)
    git(["git", "init", "--quiet", "--initial-branch", "main"])
    git(["git", "add", "--all"])
    git(["git", "commit", "--quiet", "--message", "the project"])

    def deploy(version: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return _run([str(MIKE), "deploy", "--config-file", "mkdocs.publish.yml", "--branch", "gh-pages",
                     "--update-aliases", version, "latest"], repo, {**env, "SITE_URL": f"{SITE}{version}/"}, check)

    def old_files() -> str:
        return git(["git", "ls-tree", "-r", "gh-pages", "--", OLD]).stdout

    deploy(OLD)
    git([str(MIKE), "set-default", "--config-file", "mkdocs.publish.yml", "--branch", "gh-pages", "latest"])
    old_files_first = old_files()

    # The next version, made as the maintainers' guide says (docs/about/maintainers.md#release):
    # the version in both places, a changelog entry in both languages, then the release check
    # that the publish workflow runs against what gh-pages holds.
    for file in (repo / "curriculum" / "__init__.py", repo / "pyproject.toml"):
        file.write_text(file.read_text(encoding="utf-8").replace(f'"{OLD}"', f'"{NEW}"'), encoding="utf-8")
    for changelog in release.CHANGELOGS:
        path = repo / changelog
        text = path.read_text(encoding="utf-8")
        first = text.index("\n## ") + 1
        entry = f"## {NEW} {{ #{release.heading_id(NEW)} }}\n\nA test release.\n\n"
        path.write_text(text[:first] + entry + text[first:], encoding="utf-8")
    git(["git", "commit", "--quiet", "--all", "--message", f"curriculum version {NEW}"])
    published_json = workdir / "versions.json"
    published_json.write_text(git(["git", "show", "gh-pages:versions.json"]).stdout, encoding="utf-8")
    check = _run([sys.executable, "-m", "scripts.release", NEW, "--check-only", "--published", str(published_json)],
                 repo, env, check=False)
    deploy(NEW)
    _run([sys.executable, "scripts/root_404.py", "--branch", "gh-pages"], repo, env)

    # A page whose macro fails: mike's build stops, and nothing may reach gh-pages.
    before = git(["git", "rev-parse", "gh-pages"]).stdout.strip()
    index = repo / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n{{ 1 / 0 }}\n", encoding="utf-8")
    broken = deploy(BROKEN, check=False)
    after = git(["git", "rev-parse", "gh-pages"]).stdout.strip()

    tree = workdir / "gh-pages"
    tree.mkdir()
    archive = subprocess.run(["git", "archive", "gh-pages"], cwd=repo, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return Published(
        repo=repo, tree=tree, versions=json.loads((tree / "versions.json").read_text(encoding="utf-8")),
        old_files_first=old_files_first, old_files_last=old_files(),
        broken_returncode=broken.returncode, broken_output=broken.stdout + broken.stderr,
        heads_around_broken_deploy=[before, after],
        release_check=[check.returncode, check.stdout + check.stderr],
    )
