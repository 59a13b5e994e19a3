"""The bench's account of what a search index is made of (scripts/bench_weight.py)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from curriculum.searchwords import pack_index
from scripts.bench_common import KB
from scripts.bench_weight import search_index_parts


def test_the_parts_of_a_search_index_are_its_teasers_word_lines_and_addresses(tmp_path: Path) -> None:
    docs = [{"location": f"modules/m{n}/", "title": f"Module {n}", "text": "Energy walk " * 20, "words": f"kaizen w{n}"}
            for n in range(30)]
    index = tmp_path / "search_index.json"
    packed = pack_index({"config": {"lang": ["en"]}, "docs": docs})
    index.write_text(json.dumps(packed), encoding="utf-8")
    row = search_index_parts(index, "en")
    assert row.figure.startswith("search index, en: entries;") and row.ok is None
    entries, parts = row.value.split("; ")
    teasers, words, addresses = (float(part) for part in parts.split(", "))
    assert int(entries) == 30
    assert words == round(len(gzip.compress((packed["config"]["word_list"] + packed["config"]["word_entries"]).encode(), 6)) / KB, 1)
    assert 0 < teasers < 1 and 0 < addresses < 1  # 30 repeated teasers compress to well under a kilobyte
