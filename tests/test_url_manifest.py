"""URLs that never break: the URL manifest (data/published-urls.txt) against the shared strict
build and against small sites, and the Swedish twins of redirects."""

from __future__ import annotations

from pathlib import Path

from curriculum.redirects import html_file, write_language_redirects
from scripts.url_manifest import (
    HOME,
    add_new_urls,
    broken_urls,
    page_urls,
    read_manifest,
    resolve,
    write_manifest,
)
from tests.site_pages import ROOT

PAGE = "modules/green-waste-walk/"  # a page in both languages


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
    assert missing == [], f"data/published-urls.txt lacks {missing}: run `python -m scripts.url_manifest add`"


def test_page_urls_cover_both_languages_and_the_home_pages() -> None:
    urls = page_urls()
    assert {HOME, "sv/", PAGE, "sv/" + PAGE} <= set(urls)
