from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from curriculum.core import build_command
from curriculum.serve import free_port, serve
from tests.minimal_project import ROOT, write_minimal_project

IN_CI = os.environ.get("CI") == "true"
TEST_REPOSITORY = "example-owner/ecoleap-production"  # GITHUB_REPOSITORY for the test build


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small valid project; a test breaks one thing and checks the message."""
    return write_minimal_project(tmp_path / "project")


@pytest.fixture(scope="session")
def site_port() -> int:
    """The port the test server will use, known before the build: the sitemap that Material's
    language switcher reads must carry the address the site is really served at."""
    return free_port()


def test_build_environment(site_port: int) -> dict[str, str]:
    """Built as GitHub Actions builds it for publishing: with edit links and the repository link."""
    return {**os.environ, "SITE_URL": f"http://127.0.0.1:{site_port}/", "GITHUB_REPOSITORY": TEST_REPOSITORY}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    """One strict build of the real site, shared by every test that reads the HTML."""
    site = tmp_path_factory.mktemp("site") / "site"
    environment = test_build_environment(site_port)
    result = subprocess.run(
        build_command("--strict", "--site-dir", str(site)),
        cwd=ROOT, capture_output=True, text=True, check=False, env=environment,
    )
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


def require_tool(path: str) -> str:
    """A tool the tests need: in CI its absence is a failure, never a skip."""
    found = shutil.which(path) or (path if Path(path).is_file() else None)
    if found:
        return found
    pytest.fail(f"{path} is missing; `make test` installs it (CI={IN_CI})")


@pytest.fixture(scope="session")
def site_url(built_site: Path, site_port: int):
    """The built site served on 127.0.0.1 with gzip, as GitHub Pages serves it."""
    # axe is loaded from the site's own origin: the pages' CSP rightly blocks inline scripts.
    tools = built_site / "__test-tools__"
    tools.mkdir(exist_ok=True)
    shutil.copy(ROOT / "node_modules/axe-core/axe.min.js", tools / "axe.min.js")
    with serve(built_site, port=site_port) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    from tests.browser import chromium

    with chromium() as instance:
        yield instance


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()
