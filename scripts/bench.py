"""`make bench`: one table of figures, each beside its budget, measured in one run.

Build speed (ours against plain Material, and a synthetic site of 100 and 1,000 modules per
language), weight per page kind (HTML, a first visit in Chromium, our assets, the search
index) and Lighthouse scores. A figure over budget is marked OVER; nothing here fails on a
budget, but a missing or failing tool stops the run. Progress goes to stderr, the table to
stdout. BENCH_LIGHTHOUSE=quick audits English pages only; BENCH_SYNTHETIC_LIMIT sets the
seconds after which a synthetic build is stopped (default 1500, 0 for none).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from curriculum.chromium import BROWSER, CHROMIUM
from curriculum.loader import load_curriculum
from curriculum.serve import free_port
from scripts.bench_common import (
    PROJECT_ROOT,
    Row,
    at_least,
    at_most,
    build,
    fail,
    markdown_pages,
    progress,
)
from scripts.bench_lighthouse import LIGHTHOUSE, lighthouse
from scripts.bench_plain import plain_build
from scripts.bench_synthetic import synthetic
from scripts.bench_weight import (
    HTML_GZIP_BUDGET,
    asset_weight,
    first_load,
    html_weight,
    page_kinds,
)

PAGES_PER_SECOND_BUDGET = 35
OVERHEAD_BUDGET = 1.3  # our time per page against plain Material's
# Each build speed is the fastest of this many builds: on the 2-core machine one build's time
# swings by a fifth, and the overhead with it (1.13 to 1.37 for the same code).
TIMED_RUNS = 3
SCALING_BUDGET = 1.2  # time per page at 1,000 modules against at 100
SYNTHETIC_SIZES = (100, 1000)  # modules per language


def build_rows(site: Path, site_url: str) -> list[Row]:
    progress("strict build of the site")
    seconds = min(build(PROJECT_ROOT, site, site_url=site_url) for _ in range(TIMED_RUNS))
    pages = markdown_pages(PROJECT_ROOT / "docs")
    plain_pages, plain_seconds = plain_build(runs=TIMED_RUNS)
    stub_pages, stub_seconds = plain_build(rendered=False, runs=TIMED_RUNS)
    ours, plain = seconds / pages, plain_seconds / plain_pages
    return [
        Row(f"strict build, whole site, fastest of {TIMED_RUNS} (s)", f"{seconds:.1f}"),
        Row("Markdown pages built (both languages)", str(pages)),
        Row("HTML files written", str(sum(1 for _ in site.rglob("*.html")))),
        at_least("pages per second", pages / seconds, PAGES_PER_SECOND_BUDGET),
        Row("time per page, ours (ms)", f"{1000 * ours:.0f}"),
        Row(f"time per page, plain Material, the {plain_pages} English pages rendered (ms)", f"{1000 * plain:.0f}"),
        at_most("our overhead: time per page, ours / plain", ours / plain, OVERHEAD_BUDGET, ".2f"),
        Row("the same against the sources with macros as words (the baseline before 2026.2)",
            f"{ours / (stub_seconds / stub_pages):.2f}"),
    ]


def synthetic_rows() -> list[Row]:
    small, large = (synthetic(count) for count in SYNTHETIC_SIZES)
    rows = []
    for result in (small, large):
        name = f"synthetic, {result.modules} modules/language"
        # A build stopped at the time limit gives bounds (at least that long, at most that fast),
        # which at any sensible limit already miss the budget.
        seconds, speed = ("", "") if result.finished else ("> ", "< ")
        html = f"{name}: module HTML gzip, median (KB)"
        rows += [
            Row(f"{name}: pages, build (s)", f"{result.pages}, {seconds}{result.seconds:.0f}"),
            Row(f"{name}: pages per second", f"{speed}{result.pages_per_second:.1f}",
                f">= {PAGES_PER_SECOND_BUDGET}", result.pages_per_second >= PAGES_PER_SECOND_BUDGET),
            Row(html, "n/a") if result.module_html_gzip is None
            else at_most(html, result.module_html_gzip / 1024, HTML_GZIP_BUDGET),
        ]
    ratio = small.pages_per_second / large.pages_per_second
    bound = "" if large.finished else "> "
    return [*rows,
            Row(f"synthetic: time per page, {large.modules} / {small.modules} modules", f"{bound}{ratio:.2f}",
                f"<= {SCALING_BUDGET}", ratio <= SCALING_BUDGET),
            Row("synthetic: theme feature navigation.prune", "on" if large.pruned else "off")]


def print_table(rows: list[Row]) -> None:
    header = Row("figure", "value", "budget")
    widths = [max(len(getattr(row, name)) for row in [header, *rows]) for name in ("figure", "value", "budget")]
    for row in [header, *rows]:
        mark = "mark" if row is header else {True: "ok", False: "OVER", None: ""}[row.ok]
        print(f"{row.figure:<{widths[0]}}  {row.value:>{widths[1]}}  {row.budget:>{widths[2]}}  {mark}".rstrip())


def main() -> None:
    # Check the tools first: a missing one should not cost the builds before it is needed.
    for tool, hint in ((Path(CHROMIUM), "run `make browser`"), (Path(BROWSER), "run `make browser`"), (LIGHTHOUSE, "run `make bench`, which installs bench/")):
        if not tool.is_file():
            fail(f"{tool} is missing ({hint})")
    start = time.perf_counter()
    curriculum = load_curriculum(PROJECT_ROOT)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        site = Path(tmp) / "site"
        # Built for the address it is served at, as a published site is (absolute hreflang links).
        port = free_port()
        rows = build_rows(site, f"http://127.0.0.1:{port}/")
        rows += synthetic_rows()
        weight, typical = html_weight(site, page_kinds(curriculum))
        rows += weight + asset_weight(site)
        rows += first_load(site, typical, port)
        rows += lighthouse(site, typical, port)
    progress(f"done in {(time.perf_counter() - start) / 60:.1f} min")
    print_table(rows)


if __name__ == "__main__":
    main()
