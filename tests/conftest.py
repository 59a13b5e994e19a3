"""Fixtures shared by the suite, and the markers that say what a test needs.

The real site is built once per test run and served once, by the process that runs pytest:
with `pytest -n N` (xdist) the first worker that asks builds it while the others wait on a
lock, and every worker reads the same folder and browses the same address. A test gets it
by asking for `built_site` (the folder) or `site_url` (the served address); `made_once`
does the same for any other expensive artefact (PDFs, the offline copy, the mike deploys).

A browser test asks for `page`: a new tab in its worker's one browser context, cleared of all the
test stored when it ends (`Tabs`). A test that needs other browser settings (JavaScript off, a
phone's screen) makes a context of its own from `browser`.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from curriculum.core import build_command
from curriculum.serve import free_port, serve
from tests.minimal_project import ROOT, write_minimal_project

IN_CI = os.environ.get("CI") == "true"
TEST_REPOSITORY = "example-owner/ecoleap-production"  # GITHUB_REPOSITORY for the test build
# Where the test build carries axe: the browser tests load it from the site's own origin.
AXE_SCRIPT = "__test-tools__/axe.min.js"
_SHARED = "ecoleap_shared_folder"  # workerinput keys: where shared artefacts go, the site's port
_PORT = "ecoleap_site_port"
_SHARED_KEY = pytest.StashKey[tuple[Path, int]]()
_SERVER_KEY = pytest.StashKey[ExitStack]()

# A test is marked by the fixtures it asks for, so `-m "not browser"` means what it says. Some
# fixtures ask for others only when they make their artefact, hence the explicit entries.
_MARKED_BY_FIXTURE = {
    "built_site": ("site",), "browser": ("browser",),
    "pdfs": ("site", "browser"),  # printed from the built site by Chromium
    "offline_copy": ("build",), "published": ("build",), "published_film_site": ("build",),
}


@pytest.hookimpl(trylast=True)  # after the tmp_path plugin has set up the base temporary folder
def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):
        return  # an xdist worker: the controller below serves the site for it
    # Every build of a run carries the same build date (the sitemaps' lastmod): a run that
    # crossed midnight UTC built the two cores' sites on different days, and they differed. A day
    # before the run, so a build that ignored it would show (test_core.py). The xdist workers,
    # started after this, inherit it.
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time()) - 86400))
    shared = config._tmp_path_factory.getbasetemp() / "shared"  # type: ignore[attr-defined]
    shared.mkdir(exist_ok=True)
    config.stash[_SHARED_KEY] = (shared, free_port())
    stack = ExitStack()
    # Served before it is built: the folder is filled by the first test that needs the site.
    stack.enter_context(serve(shared / "site", port=config.stash[_SHARED_KEY][1]))
    config.stash[_SERVER_KEY] = stack


def pytest_unconfigure(config: pytest.Config) -> None:
    stack = config.stash.get(_SERVER_KEY, None)
    if stack is not None:
        stack.close()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:  # xdist: tell each worker what the controller serves
    shared, port = node.config.stash[_SHARED_KEY]
    node.workerinput[_SHARED] = str(shared)
    node.workerinput[_PORT] = port


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for fixture, markers in _MARKED_BY_FIXTURE.items():
            if fixture in getattr(item, "fixturenames", ()):
                for marker in markers:
                    item.add_marker(marker)


@pytest.hookimpl(trylast=True)  # after pytest-xdist has given each grouped test its group
def pytest_collection_finish(session: pytest.Session) -> None:
    """A worker of `--dist loadgroup` whose grouped tests lost their group would spread a shared
    set-up (the PDFs, the mike deploys, vnu) over every worker and run it several times, silently
    (pytest 9.2 with pytest-xdist 3.8: pytest-dev/pytest-xdist#1386). Stop such a run instead."""
    if not getattr(session.config.option, "loadgroup", False):
        return
    lost = [item.nodeid for item in session.items if item.get_closest_marker("xdist_group") and "@" not in item.nodeid]
    if lost:
        raise pytest.UsageError(
            f"--dist loadgroup ignored the xdist_group of {len(lost)} tests (first: {lost[0]}); "
            "this pytest and pytest-xdist do not work together: see requirements.in")


def _shared(config: pytest.Config) -> tuple[Path, int]:
    if hasattr(config, "workerinput"):
        return Path(config.workerinput[_SHARED]), int(config.workerinput[_PORT])
    return config.stash[_SHARED_KEY]


def made_once(config: pytest.Config, name: str, make: Callable[[Path], None]) -> Path:
    """`make(folder)` once per test run, however many xdist workers ask: the first makes it while
    the others wait on a lock, then all read the same folder. A failure is kept and reported to
    every worker that asks, without trying again."""
    shared = _shared(config)[0]
    folder, done, failed = shared / name, shared / f"{name}.done", shared / f"{name}.failed"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not done.exists() and not failed.exists():
                try:
                    make(folder)
                except BaseException as error:
                    failed.write_text(json.dumps(f"{type(error).__name__}: {error}"), encoding="utf-8")
                    raise
                done.touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    if failed.exists():
        pytest.fail(f"making {name} failed:\n{json.loads(failed.read_text(encoding='utf-8'))}")
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small valid project; a test breaks one thing and checks the message."""
    return write_minimal_project(tmp_path / "project")


@pytest.fixture(scope="session")
def site_port(pytestconfig: pytest.Config) -> int:
    """The port the site is served at, known before the build: the sitemap that Material's
    language switcher reads must carry the address the site is really served at."""
    return _shared(pytestconfig)[1]


def publishing_build_environment(site_port: int) -> dict[str, str]:
    """Built as GitHub Actions builds it for publishing: with edit links and the repository link."""
    return {**os.environ, "SITE_URL": f"http://127.0.0.1:{site_port}/", "GITHUB_REPOSITORY": TEST_REPOSITORY}


def _build_site(site: Path, port: int) -> None:
    environment = publishing_build_environment(port)
    result = subprocess.run(
        build_command("--strict", "--site-dir", str(site)),
        cwd=ROOT, capture_output=True, text=True, check=False, env=environment,
    )
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    # axe is loaded from the site's own origin: the pages' CSP rightly blocks inline scripts.
    (site / AXE_SCRIPT).parent.mkdir()
    shutil.copy(ROOT / "node_modules/axe-core/axe.min.js", site / AXE_SCRIPT)


@pytest.fixture(scope="session")
def built_site(pytestconfig: pytest.Config, site_port: int) -> Path:
    """One strict build of the real site per test run, shared by every worker."""
    return made_once(pytestconfig, "site", lambda site: _build_site(site, site_port))


def require_tool(path: str) -> str:
    """A tool the tests need: in CI its absence is a failure, never a skip."""
    found = shutil.which(path) or (path if Path(path).is_file() else None)
    if found:
        return found
    pytest.fail(f"{path} is missing; `make test` installs it (CI={IN_CI})")


@pytest.fixture(scope="session")
def site_url(built_site: Path, site_port: int) -> str:
    """The built site on 127.0.0.1 with gzip, as GitHub Pages serves it (by the pytest controller)."""
    return f"http://127.0.0.1:{site_port}/"


@pytest.fixture(scope="session")
def browser():
    from tests.browser import chromium

    with chromium() as instance:
        yield instance


@pytest.fixture(scope="session")
def axe_browser(browser):
    """For tabs that open page after page and run axe on each (tests/browser.AXE_JS_FLAGS)."""
    from tests.browser import axe_chromium

    with axe_chromium(browser) as instance:
        yield instance


class Tabs:
    """One browser context per worker whose tabs the `page` fixture hands out, with a blank tab
    kept open in it. A fresh context for each test (or a context whose last tab has closed) made
    every page cost about 1.6 times the machine's CPU (measured on the module pages' axe run).
    Each test still starts clean: `forget` clears all a test stored."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context()
        self.keeper = self.context.new_page()
        self.session = self.context.new_cdp_session(self.keeper)
        self.origins: set[str] = set()  # of every request since the last clean-up
        self.context.on("request", self._note_origin)

    def _note_origin(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "file"):
            self.origins.add(f"{parts.scheme}://{parts.netloc}")

    def forget(self) -> None:
        """Close the test's tabs and clear what it stored (local and session storage, IndexedDB,
        cookies, caches, permissions) for every origin it reached, as a fresh context has it.
        The HTTP cache stays: the site is the same for every test, and a routed page bypasses it."""
        for tab in self.context.pages:
            if tab is not self.keeper:
                tab.close()
        for origin in sorted(self.origins):
            self.session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        self.origins.clear()
        self.context.clear_cookies()
        self.context.clear_permissions()


@pytest.fixture(scope="session")
def tabs(browser) -> Iterator[Tabs]:
    shared = Tabs(browser)
    yield shared
    shared.context.close()


@pytest.fixture
def page(tabs: Tabs):
    tab = tabs.context.new_page()
    # Shown with a failing test: a page whose script did not arrive fails in ways that hide why.
    tab.on("requestfailed", lambda request: print(f"request failed: {request.url} ({request.failure})"))
    yield tab
    tabs.forget()
