"""The local server of the tests, the PDFs and the bench sends what GitHub Pages sends (curriculum/serve.py)."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.request import Request, urlopen

from curriculum.serve import serve


def _get(url: str) -> tuple[dict[str, str], bytes]:
    with urlopen(Request(url, headers={"Accept-Encoding": "gzip"}), timeout=10) as response:
        return dict(response.headers), response.read()


def test_each_file_is_sent_fresh_for_ten_minutes_and_text_gzipped(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>Hem</title>", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with serve(tmp_path) as base:
        page, body = _get(base)
        image, raw = _get(base + "logo.png")
    assert page["Cache-Control"] == image["Cache-Control"] == "max-age=600"
    assert page["Content-Encoding"] == "gzip" and gzip.decompress(body).decode() == "<!doctype html><title>Hem</title>"
    assert "Content-Encoding" not in image and raw == b"\x89PNG\r\n\x1a\n"


def test_a_callers_header_is_added_and_may_replace_the_cache_lifetime(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>x</p>", encoding="utf-8")
    with serve(tmp_path, headers={"LinkChecker": "allow", "Cache-Control": "no-store"}) as base:
        headers, _ = _get(base)
    assert headers["LinkChecker"] == "allow"
    assert headers["Cache-Control"] == "no-store"
