"""`python -m curriculum render --out DIR`: finished Markdown per language that plain MkDocs and
Material build, without the macros plugin, the i18n plugin or our hooks, to pages with the same
text as the normal build (docs/about/platform.md)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from curriculum.core import build_command
from curriculum.export import rebase
from tests.conftest import TEST_REPOSITORY
from tests.site_pages import DOCS, ROOT

# One worker renders the Markdown and builds it plainly, once, and runs every test of it.
pytestmark = pytest.mark.xdist_group("export")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("rendered")
    # The repository the shared test build names (its edit links and the downloads note).
    environment = {**os.environ, "GITHUB_REPOSITORY": TEST_REPOSITORY}
    done = subprocess.run([sys.executable, "-m", "curriculum", "render", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, check=False, env=environment)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture(scope="module")
def rendered_sites(rendered: Path) -> dict[str, Path]:
    sites = {}
    for language in ("en", "sv"):
        project = rendered / language
        config = (project / "mkdocs.yml").read_text(encoding="utf-8")
        assert "macros" not in config and "i18n" not in config and "hooks" not in config
        done = subprocess.run(build_command("--strict", "--site-dir", str(project / "site")),
                              cwd=project, capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"plain build of {language} failed:\n{done.stdout}\n{done.stderr}"
        sites[language] = project / "site"
    return sites


def _article_text(page: Path) -> str:
    # Only the page's content is parsed, from Material's article to the last end of an article.
    html = page.read_text(encoding="utf-8")
    content = html[html.find('<article class="md-content__inner'):html.rfind("</article>") + len("</article>")]
    article = BeautifulSoup(content, "html.parser").select_one("article.md-content__inner")
    assert article is not None, page
    # What the theme and the hooks add around the content, not the page's own text: edit links
    # (only where the repository is known), the review date and suggestion link, a unit's end,
    # and the ¶ links after the headings (the hooks drop the title's: curriculum/sectionlinks.py).
    for added in article.select(".md-content__button, .page-meta, .unit-finish, .headerlink"):
        added.decompose()
    # No separator: an inline tag (a glossary mark on one page, not on the other) adds no space.
    return re.sub(r"\s+", " ", article.get_text("")).strip()


@pytest.mark.build
def test_rendered_markdown_has_no_macro_left(rendered: Path) -> None:
    pages = sorted(rendered.glob("*/docs/**/*.md"))
    assert len(pages) == sum(1 for _ in DOCS.rglob("*.md"))
    # Outside code: the contributors' guide shows macro calls as examples, in inline code.
    code = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)
    left = [p for p in pages if re.search(r"\{\{|\{%", code.sub("", p.read_text(encoding="utf-8")))]
    assert left == []


@pytest.mark.build
def test_swedish_pages_keep_their_english_file_names(rendered: Path) -> None:
    swedish = rendered / "sv/docs/modules/green-waste-walk.md"
    assert swedish.read_text(encoding="utf-8") != (rendered / "en/docs/modules/green-waste-walk.md").read_text(encoding="utf-8")
    assert list(rendered.glob("*/docs/**/*.sv.md")) == []
    assert (rendered / "sv/downloads/portfolio-template-sv.md").is_file()


@pytest.mark.site
@pytest.mark.build
def test_plain_builds_of_the_rendered_markdown_carry_the_same_text(built_site: Path, rendered_sites: dict[str, Path]) -> None:
    compared, different = 0, []
    for language, site in rendered_sites.items():
        normal = built_site if language == "en" else built_site / language
        for page in sorted(site.rglob("index.html")):
            relative = page.relative_to(site)
            compared += 1
            if _article_text(page) != _article_text(normal / relative):
                different.append(f"{language}/{relative}")
    assert compared == sum(1 for _ in DOCS.rglob("*.md"))
    assert different == []


@pytest.mark.parametrize(("html", "url", "language", "expected"), [
    ('<img src="../../../assets/images/a.svg">', "sv/modules/x/", "sv", '<img src="../../assets/images/a.svg">'),
    ('<a href="../y/#steps">', "sv/modules/x/", "sv", '<a href="../y/#steps">'),
    ('<a href="../../../assets/downloads/p.md" download>', "sv/coach-training/portfolio/", "sv",
     '<a href="../../assets/downloads/p.md" download>'),
    ('<a href="https://example.org/a">', "sv/modules/x/", "sv", '<a href="https://example.org/a">'),
    ('<a href="#top">', "sv/", "sv", '<a href="#top">'),
    ('<img src="../../assets/a.svg">', "modules/x/", "en", '<img src="../../assets/a.svg">'),
])
def test_links_are_rebased_from_the_whole_site_into_the_language_project(html: str, url: str, language: str, expected: str) -> None:
    assert rebase(html, url, language) == expected
