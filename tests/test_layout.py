"""The site layout: one answer for a page's language, twin, id, URL and folder, and for where
downloads and search indexes go."""

from __future__ import annotations

from pathlib import Path

import pytest

from curriculum import CURRICULUM_VERSION, layout
from curriculum.layout import Linker, page_url


@pytest.mark.parametrize(
    ("docs_path", "language", "english"),
    [
        ("index.md", "en", "index.md"),
        ("index.sv.md", "sv", "index.md"),
        ("index.en.md", "en", "index.md"),
        ("modules/green-5s.sv.md", "sv", "modules/green-5s.md"),
        ("coach-training/units/a.md", "en", "coach-training/units/a.md"),
        # Dots that are not a language suffix belong to the name.
        ("about/v2.1.md", "en", "about/v2.1.md"),
        ("about/notes.de.md", "en", "about/notes.de.md"),
    ],
)
def test_language_and_english_twin_of_a_docs_path(docs_path: str, language: str, english: str) -> None:
    assert layout.page_language(docs_path) == language
    assert layout.english_path(docs_path) == english


def test_translation_path_is_the_inverse_of_english_path() -> None:
    assert layout.translation_path("modules/x.md", "sv") == "modules/x.sv.md"
    assert layout.translation_path("modules/x.sv.md", "en") == "modules/x.md"
    assert layout.translation_path("modules/x.sv.md", "sv") == "modules/x.sv.md"
    for path in ("index.md", "modules/x.md", "coach-training/units/a.md"):
        assert layout.english_path(layout.translation_path(path, "sv")) == path


def test_kind_folders_and_page_paths() -> None:
    assert layout.page_path("module", "green-5s") == "modules/green-5s.md"
    assert layout.page_path("unit", "shadow-kickstart") == "coach-training/units/shadow-kickstart.md"
    assert layout.page_path("film", "scopes-1-2-3") == "films/scopes-1-2-3.md"
    assert layout.kind_folder("unit") == "coach-training/units"
    assert layout.kind_folder("page") is None
    assert layout.page_id("films/scopes-1-2-3.sv.md") == "scopes-1-2-3"
    assert layout.source_file("modules/x.sv.md") == "docs/modules/x.sv.md"


@pytest.mark.parametrize(
    ("docs_path", "language", "url"),
    [
        ("index.md", "en", ""),
        ("index.sv.md", "sv", "sv/"),
        ("modules/index.md", "en", "modules/"),
        ("modules/x.sv.md", "sv", "sv/modules/x/"),
        # The English path asked for in Swedish: the same URL as its twin's.
        ("modules/x.md", "sv", "sv/modules/x/"),
        ("coach-training/units/a.md", "en", "coach-training/units/a/"),
    ],
)
def test_page_url_follows_mkdocs_directory_urls(docs_path: str, language: str, url: str) -> None:
    assert page_url(docs_path, language) == url


def test_page_url_without_directory_urls_as_in_the_offline_copy() -> None:
    assert page_url("modules/x.sv.md", "sv", directory_urls=False) == "sv/modules/x.html"
    assert page_url("index.md", "en", directory_urls=False) == "index.html"


@pytest.mark.parametrize(
    ("url", "language"),
    [("sv/modules/x/", "sv"), ("sv/", "sv"), ("modules/sv/", "en"), ("", "en"), ("en/x/", "en")],
)
def test_language_of_url(url: str, language: str) -> None:
    assert layout.language_of_url(url) == language


def test_every_page_url_names_its_own_language() -> None:
    for path in ("index.md", "modules/x.md", "about/sources.md"):
        for language in ("en", "sv"):
            assert layout.language_of_url(page_url(path, language)) == language


def test_linker_makes_relative_links_within_the_language() -> None:
    assert Linker("modules/x.sv.md", "sv").href("about/sources.md", "src-a") == "../../about/sources/#src-a"
    assert Linker("index.md", "en").href("modules/index.md") == "modules/"
    assert Linker("modules/x.md", "en").href("modules/y.md") == "../y/"
    assert Linker("modules/x.md", "en").href("modules/x.md") == "./"
    assert Linker("modules/x.md", "en").asset("assets/images/p.svg") == "../../assets/images/p.svg"
    assert Linker("modules/x.sv.md", "sv", directory_urls=False).href("index.md") == "../index.html"


def test_download_and_search_index_paths(tmp_path: Path) -> None:
    assert layout.book_file("modules", "sv") == f"ecoleap-modules-{CURRICULUM_VERSION}-sv.pdf"
    assert layout.checklist_file("green-5s-audit", "en") == (
        f"checklists/ecoleap-checklist-green-5s-audit-{CURRICULUM_VERSION}-en.pdf")
    assert layout.offline_file() == f"ecoleap-offline-{CURRICULUM_VERSION}.zip"
    assert layout.portfolio_file("sv") == "assets/downloads/portfolio-template-sv.md"
    assert layout.search_index_path(tmp_path, "en") == tmp_path / "search" / "search_index.json"
    assert layout.search_index_path(tmp_path, "sv") == tmp_path / "sv" / "search" / "search_index.json"


@pytest.mark.parametrize(
    ("html", "url", "expected"),
    [
        ('<a href="/sv/" hreflang="sv">', "", '<a href="sv/" hreflang="sv">'),
        ('<a href="/" hreflang="en">', "sv/", '<a href="../" hreflang="en">'),
        ('<a href="/sv/modules/x/" hreflang="sv">', "modules/x/", '<a href="../../sv/modules/x/" hreflang="sv">'),
        # Relative links are left alone.
        ('<a href="../sv/" hreflang="sv">', "modules/", '<a href="../sv/" hreflang="sv">'),
    ],
)
def test_root_absolute_language_links_become_relative(html: str, url: str, expected: str) -> None:
    assert layout.relative_language_links(html, url) == expected


def test_project_root_holds_the_site_configuration() -> None:
    assert (layout.PROJECT_ROOT / "mkdocs.yml").is_file()
    named = (layout.HOME_PAGE, layout.SOURCES_PAGE, layout.CHECKLIST_LIBRARY, layout.COACH_TRAINING_PAGE,
             layout.CERTIFICATION_PAGE, layout.PORTFOLIO_PAGE)
    for page in named:
        for language in ("en", "sv"):
            path = layout.PROJECT_ROOT / layout.source_file(layout.translation_path(page, language))
            assert path.is_file(), f"{path} is named in curriculum/layout.py but does not exist"
    for folder in layout.KIND_FOLDERS.values():
        assert (layout.PROJECT_ROOT / layout.DOCS / folder).is_dir(), folder


def test_a_url_is_served_from_its_folders_index_or_the_offline_copys_html_file(tmp_path: Path) -> None:
    assert layout.built_file(tmp_path, "sv/methodology/glossary/") == tmp_path / "sv/methodology/glossary/index.html"
    assert layout.built_file(tmp_path, "modules/x") == tmp_path / "modules/x/index.html"
    assert layout.built_file(tmp_path, "") == tmp_path / "index.html"
    assert layout.built_file(tmp_path, "methodology/glossary.html") == tmp_path / "methodology/glossary.html"
