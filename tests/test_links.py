"""linkchecker over the served site: zero broken internal links or anchors."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from curriculum.serve import serve
from tests.site_pages import ROOT, english_sources


def test_linkchecker_finds_no_broken_internal_link_or_anchor(built_site: Path) -> None:
    linkchecker = Path(sys.executable).with_name("linkchecker")
    # The header lets linkchecker go past 10 requests a second to this host (tests/linkcheckerrc).
    with serve(built_site, headers={"LinkChecker": "allow"}) as base:
        result = subprocess.run(
            [str(linkchecker), "--config", str(ROOT / "tests/linkcheckerrc"), "--no-status",
             base, f"{base}sv/"],
            capture_output=True, text=True, check=False, timeout=600,
        )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report[-6000:]
    assert "0 errors found" in report or "no errors" in report.lower(), report[-3000:]
    summary = re.search(r"(\d+) links? in (\d+) URLs? checked", report)
    assert summary, report[-3000:]
    assert int(summary.group(2)) >= 2 * len(english_sources()), "linkchecker did not reach every page"


_HREF = re.compile(r'<a\b[^>]*\bhref="([^"]+)"')
_ID = re.compile(r'\bid="([^"]+)"')


def test_every_internal_anchor_points_at_an_id_on_its_target_page(built_site: Path) -> None:
    """Links with #fragments, including those that macros write as raw HTML, land on an element."""
    ids: dict[Path, set[str]] = {}

    def ids_of(page: Path) -> set[str]:
        if page not in ids:
            ids[page] = set(_ID.findall(page.read_text(encoding="utf-8")))
        return ids[page]

    broken = []
    checked = 0
    for page in built_site.rglob("*.html"):
        if "__test-tools__" in page.parts:
            continue
        for href in _HREF.findall(page.read_text(encoding="utf-8")):
            if "#" not in href or href.startswith(("http:", "https:", "mailto:")):
                continue
            path, _, anchor = href.partition("#")
            if not anchor:
                continue
            target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.is_file() or anchor not in ids_of(target):
                broken.append(f"{page.relative_to(built_site)}: {href}")
    assert checked > 1000, f"only {checked} anchored links found"
    assert broken == [], "\n".join(sorted(set(broken))[:40])
