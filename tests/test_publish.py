"""Publishing: curriculum versions deployed with mike.

Two versions of a copy of this project are deployed with mike into a temporary Git repository
(nothing is pushed); the tests read the resulting gh-pages branch. The URL manifest and the
release script have their own tests (test_url_manifest.py, test_release.py).
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import urlparse

import pytest

from curriculum import CURRICULUM_VERSION
from scripts import release
from scripts.url_manifest import (
    HOME,
    broken_urls,
    read_manifest,
    redirect_href,
    resolve,
)
from tests.browser import search, watch
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


def _publish(workdir: Path) -> Published:
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


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    """The deploys run once per test run: under pytest-xdist, the first worker that needs them
    deploys while the others wait on a lock, then all read the same result."""
    base = tmp_path_factory.getbasetemp()
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "publish-with-mike"
    shared.mkdir(exist_ok=True)
    result = shared / "published.json"
    with (shared / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not result.exists():
            try:
                done = _publish(Path(tempfile.mkdtemp(dir=shared)))
            except Exception as error:
                result.write_text(json.dumps({"error": str(error)}), encoding="utf-8")
                raise
            fields = {**done.__dict__, "repo": str(done.repo), "tree": str(done.tree)}
            result.write_text(json.dumps(fields), encoding="utf-8")
    data = json.loads(result.read_text(encoding="utf-8"))
    if "error" in data:
        pytest.fail(f"publishing with mike failed:\n{data['error']}")
    return Published(**{**data, "repo": Path(data["repo"]), "tree": Path(data["tree"])})


@with_mike
def test_the_next_version_made_as_the_guide_says_passes_the_release_check(published: Published) -> None:
    code, output = published.release_check
    assert code == 0, output
    assert f"{NEW} is ready to release" in output


@with_mike
def test_versions_json_lists_both_versions_and_latest_is_the_newer(published: Published) -> None:
    by_version = {entry["version"]: entry["aliases"] for entry in published.versions}
    assert by_version == {NEW: ["latest"], OLD: []}


@with_mike
def test_the_older_version_is_unchanged_by_the_newer_deploy(published: Published) -> None:
    assert published.old_files_first.count("\n") > 100
    assert published.old_files_last == published.old_files_first


@with_mike
def test_latest_redirects_to_the_newer_version_in_both_languages(published: Published) -> None:
    for url in ("latest/", "latest/" + PAGE, "latest/sv/" + PAGE):
        found = resolve(published.tree, url)
        assert found.problem is None, f"{url}: {found.problem}"
        assert found.target == url.replace("latest/", f"{NEW}/", 1)


@with_mike
def test_the_site_root_redirects_to_latest(published: Published) -> None:
    assert redirect_href((published.tree / "index.html").read_text(encoding="utf-8")) == "latest/"
    assert resolve(published.tree, HOME).target == f"{NEW}/"


@with_mike
def test_aliases_are_redirect_pages_not_symlinks(published: Published) -> None:
    listing = subprocess.run(["git", "ls-tree", "-r", "gh-pages"], cwd=published.repo,
                             capture_output=True, text=True, check=True).stdout
    assert " 120000 " not in f" {listing}", "GitHub Pages rejects symlinks"
    assert (published.tree / ".nojekyll").is_file()


@with_mike
def test_every_published_url_works_in_both_languages_under_every_version(published: Published) -> None:
    urls = read_manifest()
    for version in (OLD, NEW):
        problems = broken_urls(published.tree / version, urls)
        assert problems == [], f"{version}:\n" + "\n".join(problems)
        index = (published.tree / version / "sv" / "search" / "search_index.json").read_text(encoding="utf-8")
        assert '"location":"sv/' in index.replace(" ", "")


@with_mike
def test_swedish_sitemap_carries_the_version_path(published: Published) -> None:
    for version in (OLD, NEW):
        base = f"{SITE}{version}/"
        sitemap = (published.tree / version / "sv" / "sitemap.xml").read_text(encoding="utf-8")
        locations = [line.split("<loc>")[1].split("</loc>")[0] for line in sitemap.splitlines() if "<loc>" in line]
        assert f"{base}sv/{PAGE}" in locations
        assert [loc for loc in locations if not loc.startswith(f"{base}sv/")] == []
        page = (published.tree / version / "sv" / PAGE / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{base}sv/{PAGE}">' in page


@with_mike
def test_a_broken_build_is_not_deployed(published: Published) -> None:
    assert published.broken_returncode != 0
    assert "ZeroDivisionError" in published.broken_output
    before, after = published.heads_around_broken_deploy
    assert before == after, "gh-pages got a commit from a failed build"
    assert BROKEN not in {entry["version"] for entry in published.versions}


@with_mike
@pytest.mark.browser
def test_version_selector_and_language_switcher_work_under_mike(page, published: Published) -> None:
    def serve_gh_pages(route) -> None:  # as GitHub Pages serves the branch, at SITE
        path = urlparse(route.request.url).path.lstrip("/")
        file = published.tree / path / "index.html" if path.endswith("/") or not path else published.tree / path
        if file.is_file():
            route.fulfill(path=str(file))
        else:
            route.fulfill(status=404, body="not found")

    page.route(SITE + "**", serve_gh_pages)
    seen = watch(page)
    page.goto(SITE + "latest/" + PAGE, wait_until="networkidle")
    assert page.url == f"{SITE}{NEW}/{PAGE}"
    page.wait_for_selector(".md-version__list", state="attached")
    links = page.eval_on_selector_all(".md-version__link", "links => links.map(l => l.href)")
    assert links == [f"{SITE}{NEW}/", f"{SITE}{OLD}/"]
    assert seen.csp_violations() == [], "the Content-Security-Policy blocks the version selector"

    # The language switcher lands on the same page in Swedish (Material may look it up in the
    # Swedish sitemap, which must carry the version path).
    page.evaluate("document.querySelector('a[hreflang=sv]').click()")
    page.wait_for_url(f"{SITE}{NEW}/sv/{PAGE}")
    page.wait_for_load_state("networkidle")

    # Search works under the version path, in the reader's language.
    found = [urlparse(url).path for url in search(page, "slöserivandring")]
    assert f"/{NEW}/sv/{PAGE}" in found and found[0].startswith(f"/{NEW}/sv/"), found

    # The version selector keeps the reader on the same page.
    page.goto(f"{SITE}{NEW}/{PAGE}", wait_until="networkidle")
    page.evaluate(f"document.querySelector('.md-version__link[href$=\\'/{OLD}/\\']').click()")
    page.wait_for_url(f"{SITE}{OLD}/{PAGE}")
    page.wait_for_load_state("networkidle")

    # ...and in the reader's language.
    page.goto(f"{SITE}{NEW}/sv/{PAGE}", wait_until="networkidle")
    page.wait_for_selector(".md-version__list", state="attached")
    page.evaluate(f"document.querySelector('.md-version__link[href$=\\'/{OLD}/\\']').click()")
    page.wait_for_url(f"{SITE}{OLD}/sv/{PAGE}")
    page.wait_for_load_state("networkidle")

    # A Swedish page that the other version lacks: the reader lands on that version's Swedish home
    # (Material alone would fall back to its English root; ecoleap.js makes it Swedish).
    page.goto(f"{SITE}{NEW}/sv/{PAGE}", wait_until="networkidle")
    page.wait_for_selector(".md-version__list", state="attached")
    page.route(f"{SITE}{OLD}/sitemap.xml", lambda route: route.fulfill(
        status=200, content_type="application/xml",
        body='<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'))
    page.evaluate(f"document.querySelector('.md-version__link[href$=\\'/{OLD}/\\']').click()")
    page.wait_for_url(f"{SITE}{OLD}/sv/")
    page.wait_for_load_state("networkidle")
    assert seen.errors == []
    assert seen.failed == []


def _serve_gh_pages(page, tree: Path) -> None:
    """As GitHub Pages serves the branch at SITE: a missing address gets the root's 404.html."""
    def answer(route) -> None:
        path = urlparse(route.request.url).path.lstrip("/")
        file = tree / path / "index.html" if path.endswith("/") or not path else tree / path
        if file.is_file():
            route.fulfill(path=str(file))
        else:
            route.fulfill(status=404, path=str(tree / "404.html"))

    page.route(SITE + "**", answer)


@with_mike
def test_the_branch_root_has_a_404_page_from_the_latest_version(published: Published) -> None:
    root = (published.tree / "404.html").read_text(encoding="utf-8")
    assert root == (published.tree / NEW / "404.html").read_text(encoding="utf-8")
    assert (published.tree / NEW / "sv" / "404.html").is_file()
    assert 'Content-Security-Policy' in root and f'href="/{NEW}/modules/"' in root


@with_mike
@pytest.mark.browser
@pytest.mark.parametrize("missing", ["no/such/page/", f"{OLD}/modules/no-such-module/", f"{NEW}/sv/nothing-here/"])
def test_a_missing_address_shows_the_sites_404_page_that_leads_on(page, published: Published, missing: str) -> None:
    _serve_gh_pages(page, published.tree)
    seen = watch(page)
    page.goto(SITE + missing, wait_until="networkidle")
    assert page.locator("h1").inner_text() == "Page not found"
    assert [f for f in seen.failed if not f.endswith(missing)] == [], seen.failed  # styles, scripts, logo load
    assert seen.csp_violations() == []
    modules = page.locator(".md-content a", has_text="All modules").evaluate("a => a.href")
    assert modules == f"{SITE}{NEW}/modules/"
    page.goto(modules, wait_until="networkidle")
    assert page.locator(".module-card").count() >= 1


@with_mike
@pytest.mark.browser
def test_progress_ticked_in_one_version_appears_in_the_next(page, published: Published) -> None:
    _serve_gh_pages(page, published.tree)
    page.goto(f"{SITE}{OLD}/coach-training/units/coach-role-and-contracting/", wait_until="networkidle")
    page.locator('.unit-finish input.progress-box').check()
    page.goto(f"{SITE}{NEW}/sv/coach-training/progress/", wait_until="networkidle")
    box = page.locator('.learning-path input[data-progress-key="unit:coach-role-and-contracting"]')
    assert box.is_checked()
    note = page.locator('.learning-path [data-progress-note="unit:coach-role-and-contracting"]').inner_text()
    assert "klar 20" in note and "ändrad" not in note  # the same content: not flagged as changed
    assert page.evaluate("window.ecoleapProgress.get('unit:coach-role-and-contracting').version") == OLD
