"""The Nu HTML Checker (vnu-jar from npm, run with Java) finds no error in the built site.

vnu runs once over every HTML file of the build, both languages and the redirect pages. The only
errors let through are the few in FILTERS below: markup that Material for MkDocs writes itself and
that we cannot change without copying its templates. Anything from our own markup (overrides/,
the curriculum templates, the Markdown, docs/assets) is fixed, never filtered. A filter that no
longer matches anything fails the second test, so stale filters are removed.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from tests.conftest import IN_CI, require_tool
from tests.site_pages import ROOT, english_sources

VNU_JAR = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
# One short run of a few seconds: the JIT's first tier alone halves the CPU (about 11 s to 5.5 s
# for the whole site, the same report). That tier needs more stack than the default, as vnu's own
# StackOverflowError message says; one garbage collector thread is enough for the run.
JAVA_FLAGS = ("-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
SHOWN = 50  # errors listed in a failure; the count says how many more there are

# With `pytest -n N --dist loadgroup` both tests run on one worker and vnu runs once.
pytestmark = pytest.mark.xdist_group("html-validity")


@dataclass(frozen=True)
class Filter:
    """An error that Material's own markup causes: its message, and the markup it is found in
    (vnu's `extract`), so that the same message from our markup is still reported."""

    name: str
    message: re.Pattern[str]
    extract: re.Pattern[str]
    why: str

    def matches(self, error: dict) -> bool:
        return bool(self.message.search(error.get("message", ""))
                    and self.extract.search(error.get("extract", "")))


FILTERS = (
    # Material's partials/nav-item.html writes `tabindex="{{ tabindex }}"` on every navigation
    # label and sets the value only for labels that are not sections
    # (`{% set tabindex = "0" if not is_section %}`). With the navigation.sections feature the
    # section headings in the sidebar get `tabindex=""`. Harmless: a tabindex that does not parse
    # as an integer is ignored by browsers (HTML, "rules for parsing integers"), so those labels
    # stay unfocusable, which is what Material means for a section heading that does not collapse.
    Filter(
        name="nav-section-label-tabindex",
        message=re.compile(r"^Bad value “” for attribute “tabindex” on element “label”"),
        extract=re.compile(r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" '
                           r'id="__nav_[0-9_]+_label" tabindex="">'),
        why="Material nav-item.html: empty tabindex on navigation section labels",
    ),
    # Material's base.html keeps the state of the mobile drawer and of the search overlay in two
    # hidden checkboxes (`<input class="md-toggle" data-md-toggle="drawer|search" type="checkbox"
    # autocomplete="off">`). autocomplete="off" stops Firefox from restoring their checked state
    # when a page is reloaded or reached with Back, which would reopen the drawer or the search.
    # The HTML spec does not allow the attribute on checkboxes; browsers simply apply it, and it
    # carries no meaning for assistive technology.
    Filter(
        name="toggle-checkbox-autocomplete",
        message=re.compile(r"^Attribute “autocomplete” is only allowed when the input type is "),
        extract=re.compile(r'<input class="md-toggle" data-md-toggle="(?:drawer|search)" '
                           r'type="checkbox" id="__(?:drawer|search)" autocomplete="off">'),
        why="Material base.html: autocomplete=off on the drawer and search toggle checkboxes",
    ),
)


@dataclass(frozen=True)
class Report:
    errors: list[dict]  # every error vnu reported, filtered or not
    html_files: int
    seconds: float


def _java() -> str:
    java = require_tool("java")
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR.relative_to(ROOT)} is missing: `make test` installs it with "
                    f"`npm ci` (package.json pins vnu-jar; CI={IN_CI})")
    return java


@pytest.fixture(scope="module")
def vnu(built_site: Path) -> Report:
    """vnu once over the whole built site; its JSON messages that are errors."""
    java = _java()
    started = time.monotonic()
    result = subprocess.run(
        [java, *JAVA_FLAGS, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--errors-only",
         "--skip-non-html", str(built_site)],
        capture_output=True, text=True, check=False, timeout=600,
    )
    seconds = time.monotonic() - started
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError) as problem:
        pytest.fail(f"vnu gave no JSON report ({problem}); exit {result.returncode}\n"
                    f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    # --errors-only leaves "error" and "non-document-error" (a file vnu could not read).
    errors = [message for message in messages if message.get("type") != "info"]
    html_files = sum(1 for _ in built_site.rglob("*.html"))
    print(f"vnu checked {html_files} HTML files in {seconds:.1f} s: {len(errors)} errors before filters")
    return Report(errors, html_files, seconds)


def _where(error: dict, site: Path) -> str:
    url = error.get("url", "")
    path = Path(unquote(urlparse(url).path)) if url.startswith("file:") else None
    try:
        shown = path.relative_to(site).as_posix() if path else url
    except ValueError:
        shown = url
    line = error.get("firstLine", error.get("lastLine", "?"))
    column = error.get("firstColumn", error.get("lastColumn", "?"))
    return f"{shown}:{line}:{column}: {error.get('message', '').strip()}"


def test_vnu_finds_no_html_error_outside_the_documented_filters(vnu: Report, built_site: Path) -> None:
    assert vnu.html_files >= 2 * len(english_sources()), "the build has fewer pages than sources"
    unfiltered = [error for error in vnu.errors if not any(f.matches(error) for f in FILTERS)]
    listed = "\n".join(_where(error, built_site.resolve()) for error in unfiltered[:SHOWN])
    more = f"\n... and {len(unfiltered) - SHOWN} more" if len(unfiltered) > SHOWN else ""
    assert not unfiltered, (
        f"the Nu HTML Checker found {len(unfiltered)} errors in the built site "
        f"(fix our markup; filter only Material's own, in FILTERS):\n{listed}{more}"
    )


@pytest.mark.parametrize("html_filter", FILTERS, ids=[f.name for f in FILTERS])
def test_every_html_filter_still_matches_an_error(vnu: Report, html_filter: Filter) -> None:
    """A filter that matches nothing is stale (Material fixed its markup, or we stopped using it):
    remove it so that it cannot hide a new error."""
    assert any(html_filter.matches(error) for error in vnu.errors), (
        f"stale vnu filter, remove it from FILTERS: {html_filter.name} ({html_filter.why})"
    )
