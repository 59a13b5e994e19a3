"""`make bench`: build time, pages per second and HTML weight per page kind, as figures.

Budgets are printed beside the figures; nothing here fails a test run.
"""

from __future__ import annotations

import gzip
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from curriculum.links import page_url  # noqa: E402
from curriculum.loader import load_curriculum  # noqa: E402

HTML_GZIP_BUDGET = 14 * 1024  # one first round trip


def build(site: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                   cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    curriculum = load_curriculum(ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        seconds = build(site)
        pages = list(site.rglob("*.html"))
        kinds: dict[str, list[tuple[int, int]]] = {}
        for key, page in curriculum.pages.items():
            kind = "home" if key == "index.md" else ("catalogue" if key == "modules/index.md" else page.kind)
            for lang in ("en", "sv"):
                html = (site / page_url(key, lang) / "index.html").read_bytes()
                kinds.setdefault(kind, []).append((len(html), len(gzip.compress(html))))
        print(f"{'figure':44} {'value':>12} {'budget':>12}")
        print(f"{'strict build, whole site (s)':44} {seconds:12.2f} {'':>12}")
        print(f"{'HTML pages built':44} {len(pages):12d} {'':>12}")
        print(f"{'pages per second':44} {len(pages) / seconds:12.1f} {'>= 35':>12}")
        for kind, sizes in sorted(kinds.items()):
            raw = statistics.median(s[0] for s in sizes)
            zipped = statistics.median(s[1] for s in sizes)
            worst = max(s[1] for s in sizes)
            print(f"{'HTML raw, median, ' + kind + ' (KB)':44} {raw / 1024:12.1f} {'':>12}")
            print(f"{'HTML gzip, median / max, ' + kind + ' (KB)':44} {f'{zipped / 1024:.1f} / {worst / 1024:.1f}':>12} {HTML_GZIP_BUDGET // 1024:>12}")


if __name__ == "__main__":
    main()
