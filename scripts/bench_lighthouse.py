"""Lighthouse scores of each kind's typical page, mobile and desktop, through the gzip server.

Lighthouse is installed in bench/ (bench/package.json), apart from the tests' npm packages.
BENCH_LIGHTHOUSE=quick audits the English pages only.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from curriculum import DEFAULT_LANGUAGE, LANGUAGES
from curriculum.chromium import BROWSER, CHROMIUM_ARGS
from curriculum.layout import PROJECT_ROOT, page_url
from curriculum.serve import serve
from scripts.bench_common import Row, fail, progress

LIGHTHOUSE = PROJECT_ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Budgets in the order of CATEGORIES; Lighthouse's mobile run simulates a slow phone and network.
BUDGETS = {"mobile": (95, 100, 100, 100), "desktop": (100, 100, 100, 100)}


def _audit(url: str, form_factor: str) -> dict:
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
        f"--only-categories={','.join(CATEGORIES)}",
        # New headless, as root in a sandbox-less container, with the flags of curriculum/chromium.py.
        "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS]),
        *(["--preset=desktop"] if form_factor == "desktop" else []),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "CHROME_PATH": BROWSER})
    if done.returncode:
        fail(f"lighthouse failed on {url}:\n" + "\n".join(done.stderr.splitlines()[-20:]))
    report = json.loads(done.stdout)
    if report.get("runtimeError"):
        fail(f"lighthouse could not audit {url}: {report['runtimeError']}")
    return report


def _misses(report: dict) -> str:
    """The audits that cost points, for the progress log: what to look at first."""
    misses = []
    for name, category in report["categories"].items():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue") or audit["score"]
                misses.append(f"{name}/{ref['id']} {shown}")
    return "; ".join(misses) or "none"


def lighthouse(site: Path, typical: dict[str, str], port: int = 0) -> list[Row]:
    if not LIGHTHOUSE.is_file():
        fail(f"{LIGHTHOUSE.relative_to(PROJECT_ROOT)} is missing (`make bench` installs it from bench/package.json)")
    mode = os.environ.get("BENCH_LIGHTHOUSE", "all")
    if mode not in ("all", "quick"):
        fail(f"BENCH_LIGHTHOUSE={mode!r}: use 'quick' (English pages only) or leave it unset")
    languages = (DEFAULT_LANGUAGE,) if mode == "quick" else LANGUAGES
    rows = []
    with serve(site, port) as base:
        for form_factor, budgets in BUDGETS.items():
            for kind, key in sorted(typical.items()):
                for lang in languages:
                    report = _audit(base + page_url(key, lang), form_factor)
                    scores = [round(100 * (report["categories"][category]["score"] or 0)) for category in CATEGORIES]
                    where = f"{form_factor}, {kind}, {lang}"
                    progress(f"lighthouse {where}: {scores}; points lost on: {_misses(report)}")
                    rows.append(Row(f"lighthouse {where}: perf/a11y/bp/seo",
                                    "/".join(map(str, scores)), ">= " + "/".join(map(str, budgets)),
                                    all(s >= b for s, b in zip(scores, budgets, strict=True))))
    return rows
