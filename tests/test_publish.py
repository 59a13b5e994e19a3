"""Publishing: curriculum versions with mike, and URLs that never break.

Two versions of a copy of this project are deployed with mike into a temporary Git repository
(nothing is pushed); the tests read the resulting gh-pages branch. The URL manifest is checked
against the shared strict build.
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
from curriculum.redirects import html_file
from scripts import release
from scripts.url_manifest import (
    HOME,
    add_new_urls,
    broken_urls,
    page_urls,
    read_manifest,
    redirect_href,
    resolve,
    write_language_redirects,
    write_manifest,
)
from tests.browser import search, watch
from tests.site_pages import ROOT, copy_project

MIKE = Path(sys.executable).with_name("mike")
PROJECT = ("curriculum", "data", "docs", "overrides", "scripts", "mkdocs.yml", "mkdocs.publish.yml", "pyproject.toml")
OLD = CURRICULUM_VERSION
_year, _release = release.parse_version(OLD) or (0, 0)
NEW = f"{_year}.{_release + 1}"
BROKEN = f"{_year}.{_release + 2}"
PAGE = "modules/green-waste-walk/"  # a page both versions have, in both languages


# --- the URL manifest against the shared strict build -------------------------------------


def test_every_published_url_has_a_page_or_a_redirect(built_site: Path) -> None:
    urls = read_manifest()
    assert len(urls) >= 2, "data/published-urls.txt lists no URLs"
    problems = broken_urls(built_site, urls)
    assert problems == [], "published URLs that no longer work (add a redirect, see docs/about/maintainers.md):\n" + "\n".join(problems)


def test_manifest_lists_every_url_in_both_languages() -> None:
    urls = set(read_manifest())
    english = {url for url in urls if not url.startswith("sv/")}
    swedish = {url.removeprefix("sv/") or HOME for url in urls if url.startswith("sv/")}
    assert english - swedish == set(), "English URLs without their Swedish twin"
    assert swedish - english == set(), "Swedish URLs without their English twin"


def test_redirects_are_written_with_english_sources_only() -> None:
    """mkdocs-redirects does not understand the i18n suffix (mkdocs/mkdocs-redirects#33)."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    redirect_maps = config.plugins["redirects"].config["redirect_maps"]
    for old, new in redirect_maps.items():
        for path in (old, new):
            assert not path.startswith("sv/") and not path.endswith(".sv.md"), f"{old}: {new}: use English sources"
        assert not (ROOT / "docs" / old).exists(), f"{old} is still a page; a redirect would hide it"
        if not new.startswith(("http://", "https://")):
            assert (ROOT / "docs" / new.split("#")[0]).is_file(), f"{old}: {new} does not exist"


# --- the URL manifest and redirect checks on small sites ----------------------------------


def _page(site: Path, url: str) -> None:
    path = html_file(site, url)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("<!doctype html><html><body>page</body></html>", encoding="utf-8")


def _redirect(site: Path, old: str, new: str) -> None:
    """A redirect written exactly as mkdocs-redirects writes it."""
    from mkdocs.structure.files import File
    from mkdocs_redirects.plugin import get_html_path, get_relative_html_path, write_html

    target = File(new, "", "", use_directory_urls=True).url
    write_html(str(site), get_html_path(old, True), get_relative_html_path(old, target, True))


def test_check_names_a_url_without_page_or_redirect(tmp_path: Path) -> None:
    _page(tmp_path, "modules/kept/")
    assert broken_urls(tmp_path, ["modules/kept/", "sv/modules/gone/"]) == [
        "sv/modules/gone/: no page and no redirect"
    ]


def test_check_follows_redirects_and_names_broken_ones(tmp_path: Path) -> None:
    _page(tmp_path, "modules/new/")
    _redirect(tmp_path, "modules/old.md", "modules/new.md")
    _redirect(tmp_path, "modules/older.md", "modules/missing.md")
    assert resolve(tmp_path, "modules/old/").target == "modules/new/"
    assert broken_urls(tmp_path, ["modules/old/", "modules/older/"]) == [
        "modules/older/: redirects to 'modules/missing/', which does not exist"
    ]


def test_check_names_a_swedish_url_that_lands_on_an_english_page(tmp_path: Path) -> None:
    _page(tmp_path, "modules/new/")
    _redirect(tmp_path, "sv/modules/old.md", "modules/new.md")  # what `sv/old.md: new.md` gives
    assert broken_urls(tmp_path, ["sv/modules/old/"]) == [
        "sv/modules/old/: redirects to 'modules/new/', a page in another language"
    ]


def test_every_redirect_gets_a_swedish_twin(tmp_path: Path) -> None:
    for url in ("modules/new/", "sv/modules/new/", HOME, "sv/"):
        _page(tmp_path, url)
    redirect_maps = {"modules/old.md": "modules/new.md", "start.md": "index.md"}
    for old, new in redirect_maps.items():
        _redirect(tmp_path, old, new)
    written = write_language_redirects(tmp_path, redirect_maps)
    assert len(written) == 2
    assert resolve(tmp_path, "sv/modules/old/").target == "sv/modules/new/"
    assert resolve(tmp_path, "sv/start/").target == "sv/"
    assert broken_urls(tmp_path, ["modules/old/", "sv/modules/old/", "start/", "sv/start/"]) == []


def test_adding_urls_never_removes_one(tmp_path: Path) -> None:
    manifest = tmp_path / "published-urls.txt"
    write_manifest(["modules/moved-away/", "sv/modules/moved-away/"], manifest)
    added = add_new_urls(["modules/new/", "sv/modules/new/"], manifest)
    assert added == ["modules/new/", "sv/modules/new/"]
    assert read_manifest(manifest) == ["modules/moved-away/", "modules/new/", "sv/modules/moved-away/", "sv/modules/new/"]
    assert add_new_urls(["modules/new/"], manifest) == []


def test_manifest_lists_every_page_of_the_site() -> None:
    """A page must be in the manifest before it is published, or its URL could later break unseen."""
    missing = sorted(set(page_urls(ROOT)) - set(read_manifest()))
    assert missing == [], f"data/published-urls.txt lacks {missing}: run `python scripts/url_manifest.py add`"


def test_release_notes_are_the_changelog_entry_with_links_to_the_versions_pages() -> None:
    notes = release.release_notes(ROOT, CURRICULUM_VERSION, "https://owner.github.io/repo/")
    base = f"https://owner.github.io/repo/{CURRICULUM_VERSION}/"
    assert notes.startswith("The first version") or CURRICULUM_VERSION != "2026.1"
    assert f"]({base}modules/)" in notes and f"]({base}about/downloads/)" in notes
    assert ".md)" not in notes, "a link still points at a Markdown file"
    assert f"({base}sv/about/changelog/)" in notes
    assert "\n## " not in notes, "the notes run into the next version's entry"


def test_release_notes_fail_for_a_version_without_an_entry() -> None:
    with pytest.raises(SystemExit, match=r"no entry for 2099\.1"):
        release.release_notes(ROOT, "2099.1", "https://owner.github.io/repo/")


def test_page_urls_cover_both_languages_and_the_home_pages() -> None:
    urls = page_urls()
    assert {HOME, "sv/", PAGE, "sv/" + PAGE} <= set(urls)


# --- the release script ---------------------------------------------------------------------


def _release_root(root: Path, constant: str = "2026.2", entry: str = "2026.2") -> Path:
    (root / "curriculum").mkdir(parents=True)
    (root / "curriculum" / "__init__.py").write_text(f'CURRICULUM_VERSION = "{constant}"\n', encoding="utf-8")
    (root / "pyproject.toml").write_text(f'[project]\nname = "x"\nversion = "{constant}"\n', encoding="utf-8")
    (root / "docs" / "about").mkdir(parents=True)
    ident = release.heading_id(entry)
    (root / "docs" / "about" / "changelog.md").write_text(f"# Changelog\n\n## {entry} {{ #{ident} }}\n", encoding="utf-8")
    (root / "docs" / "about" / "changelog.sv.md").write_text(f"# Ändringslogg\n\n## {entry} {{ #{ident} }}\n", encoding="utf-8")
    (root / "data").mkdir()
    write_manifest(page_urls(root), root / "data" / "published-urls.txt")
    return root


def _valid(_root: Path) -> list[str]:
    return []


def test_release_accepts_a_ready_version(tmp_path: Path) -> None:
    assert release.check_release(_release_root(tmp_path), "2026.2", validate=_valid) == []
    assert release.commands("2026.2") == [
        'git tag --annotate v2026.2 --message "Curriculum version 2026.2"', "git push origin v2026.2"]


def test_release_refuses_a_version_not_written_yyyy_n(tmp_path: Path) -> None:
    root = _release_root(tmp_path)
    for wrong in ("2026.02", "26.2", "2026-2", "v2026.2", "2026.0", "2026"):
        assert release.check_release(root, wrong, validate=_valid) == [
            f"version '{wrong}' is not written YYYY.N (for example 2026.2)"]


def test_release_names_everything_that_is_missing(tmp_path: Path) -> None:
    root = _release_root(tmp_path, constant="2026.1", entry="2026.1")
    (root / "docs" / "modules").mkdir()
    (root / "docs" / "modules" / "new.md").write_text("# New\n", encoding="utf-8")
    problems = release.check_release(root, "2026.2", validate=lambda _root: ["docs/x.md:3: kind: missing"])
    assert problems[0].startswith("curriculum/__init__.py: CURRICULUM_VERSION is '2026.1', not '2026.2': bump it")
    assert problems[1].startswith("pyproject.toml: version is '2026.1'")
    assert problems[2].startswith("docs/about/changelog.md: no entry for 2026.2: add '## 2026.2 { #v2026-2 }'")
    assert problems[3].startswith("docs/about/changelog.sv.md: no entry for 2026.2")
    assert problems[4] == ("data/published-urls.txt: 1 page URL(s) not listed (first: modules/new/): "
                           "run `python scripts/url_manifest.py add`")
    assert problems[5] == "content: docs/x.md:3: kind: missing"


def test_a_published_version_is_never_deployed_again_and_latest_only_moves_forward() -> None:
    published = json.dumps([{"version": "2026.2", "title": "2026.2", "aliases": ["latest"]},
                            {"version": "2026.1", "title": "2026.1", "aliases": []},
                            {"version": "dev", "title": "dev", "aliases": []}])
    assert release.check_published("2026.3", published) == []
    assert release.check_published("2027.1", "[]") == []
    assert "already published" in release.check_published("2026.1", published)[0]
    assert "older than the newest release 2026.2" in release.check_published("2025.4", published)[0]


def test_this_repository_has_a_changelog_entry_for_its_version() -> None:
    problems = [p for p in release.check_release(ROOT, CURRICULUM_VERSION, validate=_valid)
                if not p.startswith("data/published-urls.txt")]
    assert problems == []


# --- the publish configuration ----------------------------------------------------------------


def test_publish_config_is_the_site_config_plus_the_version_selector() -> None:
    from mkdocs.config import load_config

    plain = load_config(str(ROOT / "mkdocs.yml"))
    publish = load_config(str(ROOT / "mkdocs.publish.yml"))
    assert "version" not in plain.extra, "the plain build must not fetch ../versions.json"
    assert publish.extra["version"]["provider"] == "mike"
    assert publish.strict is True
    assert list(publish.plugins) == list(plain.plugins)
    assert publish.plugins["mike"].config["alias_type"] == "redirect"  # GitHub Pages rejects symlinks
    assert publish.plugins["mike"].config["canonical_version"] == ""
    assert publish.nav == plain.nav


def test_publish_workflow_deploys_only_after_every_test() -> None:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    push = workflow[True]["push"]  # YAML reads the key `on` as true
    assert push["branches"] == ["main"] and push["tags"] == ["v[0-9][0-9][0-9][0-9].[0-9]+"]
    assert workflow["concurrency"]["cancel-in-progress"] is False
    jobs = workflow["jobs"]
    assert any(step.get("run") == "make test" for step in jobs["test"]["steps"])
    assert jobs["deploy"]["needs"] == "test"
    assert jobs["deploy"]["permissions"] == {"contents": "write"}
    for job in jobs.values():
        checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@"))
        assert checkout["with"]["fetch-depth"] == 0
        assert any(step.get("uses", "").startswith("actions/cache@") for step in job["steps"])
    scripts = "\n".join(step.get("run", "") for step in jobs["deploy"]["steps"])
    assert 'git config --global user.name' in scripts
    # The books and the offline copy go with the GitHub release, after `make downloads` made them.
    steps = jobs["deploy"]["steps"]
    made = next(i for i, step in enumerate(steps) if step.get("run") == "make downloads")
    attach = next(i for i, step in enumerate(steps) if step.get("uses", "").startswith("softprops/action-gh-release@"))
    assert made < attach and steps[attach]["if"] == steps[made]["if"] == "github.ref_type == 'tag'"
    files = steps[attach]["with"]["files"].split()
    assert {"build/downloads/ecoleap-*.pdf", "build/downloads/ecoleap-offline-*.zip"} <= set(files)
    assert steps[attach]["with"]["fail_on_unmatched_files"] is True
    assert "--notes " + steps[attach]["with"]["body_path"] in scripts
    deploys = [line for line in scripts.splitlines() if "mike deploy" in line]
    assert len(deploys) == 2
    # After each deploy, the root 404 page (GitHub Pages serves only the branch root's).
    assert scripts.count("scripts/root_404.py --branch gh-pages --alias latest --push") == 2
    assert all(line.strip().startswith("SITE_URL=") and "--config-file mkdocs.publish.yml" in line for line in deploys)


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
    check = _run([sys.executable, "scripts/release.py", NEW, "--check-only", "--published", str(published_json)],
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
