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
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import pytest

from curriculum.searchindex import read_index
from scripts.url_manifest import (
    HOME,
    broken_urls,
    read_manifest,
    redirect_href,
    resolve,
)
from tests.browser import search, visit, watch
from tests.mike_deploy import BROKEN, NEW, OLD, PAGE, SITE, Published, publish, with_mike


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
                done = publish(Path(tempfile.mkdtemp(dir=shared)))
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
        docs = read_index(published.tree / version, "sv")["docs"]
        assert docs and all(doc["location"].startswith("sv/") for doc in docs)


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
    visit(page, SITE + "latest/" + PAGE)
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
    visit(page, f"{SITE}{NEW}/{PAGE}")
    page.evaluate(f"document.querySelector('.md-version__link[href$=\\'/{OLD}/\\']').click()")
    page.wait_for_url(f"{SITE}{OLD}/{PAGE}")
    page.wait_for_load_state("networkidle")

    # ...and in the reader's language.
    visit(page, f"{SITE}{NEW}/sv/{PAGE}")
    page.wait_for_selector(".md-version__list", state="attached")
    page.evaluate(f"document.querySelector('.md-version__link[href$=\\'/{OLD}/\\']').click()")
    page.wait_for_url(f"{SITE}{OLD}/sv/{PAGE}")
    page.wait_for_load_state("networkidle")

    # A Swedish page that the other version lacks: the reader lands on that version's Swedish home
    # (Material alone would fall back to its English root; ecoleap.js makes it Swedish).
    visit(page, f"{SITE}{NEW}/sv/{PAGE}")
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
    visit(page, SITE + missing)
    assert page.locator("h1").inner_text() == "Page not found"
    assert [f for f in seen.failed if not f.endswith(missing)] == [], seen.failed  # styles, scripts, logo load
    assert seen.csp_violations() == []
    modules = page.locator(".md-content a", has_text="All modules").evaluate("a => a.href")
    assert modules == f"{SITE}{NEW}/modules/"
    visit(page, modules)
    assert page.locator(".module-card").count() >= 1


@with_mike
@pytest.mark.browser
def test_progress_ticked_in_one_version_appears_in_the_next(page, published: Published) -> None:
    _serve_gh_pages(page, published.tree)
    visit(page, f"{SITE}{OLD}/coach-training/units/coach-role-and-contracting/")
    page.locator('.unit-finish input.progress-box').check()
    visit(page, f"{SITE}{NEW}/sv/coach-training/progress/")
    box = page.locator('.learning-path input[data-progress-key="unit:coach-role-and-contracting"]')
    assert box.is_checked()
    note = page.locator('.learning-path [data-progress-note="unit:coach-role-and-contracting"]').inner_text()
    assert "klar 20" in note and "ändrad" not in note  # the same content: not flagged as changed
    assert page.evaluate("window.ecoleapProgress.get('unit:coach-role-and-contracting').version") == OLD
