"""MkDocs and ProperDocs build this site to the same pages with the same text
(docs/about/platform.md): the same files, byte for byte, apart from the generator tag."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
from pathlib import Path

import pytest

from curriculum.core import CORES, build_command, core
from tests.conftest import AXE_SCRIPT, publishing_build_environment
from tests.site_pages import DOCS, ROOT

# One worker builds with the other core and runs every test of it.
pytestmark = [pytest.mark.site, pytest.mark.build, pytest.mark.xdist_group("other-core")]

VENVS = {"mkdocs": ROOT / ".venv", "properdocs": ROOT / ".venv-properdocs"}
GENERATOR = re.compile(rb'\s*<meta name="generator" content="[^"]*">')


def _other_core() -> str:
    return next(name for name in CORES if name != core())


@pytest.fixture(scope="module")
def other_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    """The same build as `built_site`, by the other core from its own venv (`make test` sets up both)."""
    name = _other_core()
    python = VENVS[name] / "bin" / "python"
    assert python.is_file(), f"{python} is missing: `make test` sets up both venvs"
    site = tmp_path_factory.mktemp("other-core") / "site"
    command = [str(python), *build_command("--strict", "--site-dir", str(site), name=name)[1:]]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False,
                            env=publishing_build_environment(site_port))
    assert result.returncode == 0, f"{name} build failed:\n{result.stdout}\n{result.stderr}"
    return site


def _files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}


def test_both_cores_build_the_same_pages_with_the_same_text(built_site: Path, other_site: Path) -> None:
    ours, theirs = _files(built_site), _files(other_site)
    ours.pop(AXE_SCRIPT, None)  # the browser tests' own copy, not built
    assert sorted(ours) == sorted(theirs)
    # Every page of both languages is among the compared files.
    assert sum(1 for name in ours if name.endswith(".html")) >= sum(1 for _ in DOCS.rglob("*.md"))
    different = [name for name in sorted(ours)
                 if GENERATOR.sub(b"", ours[name].read_bytes()) != GENERATOR.sub(b"", theirs[name].read_bytes())]
    assert different == [], f"the cores differ in: {different[:10]}"


def test_the_generator_tag_names_each_core(built_site: Path, other_site: Path) -> None:
    tags = {site: GENERATOR.search((site / "index.html").read_bytes()) for site in (built_site, other_site)}
    assert all(tags.values())
    assert tags[built_site].group(0) != tags[other_site].group(0)


def test_both_builds_carry_the_build_date_of_the_run(built_site: Path, other_site: Path) -> None:
    """The date comes from SOURCE_DATE_EPOCH, fixed for the whole run (conftest), not the clock."""
    day = datetime.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), datetime.UTC).date().isoformat()
    for site in (built_site, other_site):
        for sitemap in (site / "sitemap.xml", site / "sv/sitemap.xml"):
            assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap.read_text(encoding="utf-8"))) == {day}, sitemap
