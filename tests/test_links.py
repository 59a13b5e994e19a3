"""linkchecker over the served site: zero broken internal links or anchors."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.serve import serve
from tests.site_pages import ROOT, english_sources


def test_linkchecker_finds_no_broken_internal_link_or_anchor(built_site: Path) -> None:
    linkchecker = Path(sys.executable).with_name("linkchecker")
    with serve(built_site) as base:
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
