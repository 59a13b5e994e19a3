"""Weight per page kind: HTML gzip, a first visit in Chromium, our own assets, search indexes."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Request, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from curriculum import DEFAULT_LANGUAGE, LANGUAGES
from curriculum.chromium import CHROMIUM, CHROMIUM_ARGS
from curriculum.layout import SEARCH_LOADER, SEARCH_STAND_IN, page_url, search_index_path
from curriculum.model import Curriculum
from curriculum.searchwords import ENTRIES, WORD_ENTRIES, WORD_LIST
from curriculum.serve import serve
from scripts.bench_common import KB, Row, at_most, fail, gzip_size, mkdocs_config, progress

HTML_GZIP_BUDGET = 14  # KB: the first round trip
FIRST_LOAD_BUDGET = 100  # KB gzip, images left out
REQUESTS_BUDGET = 20
OWN_BUDGETS = {"extra_javascript": ("our JS", 10), "extra_css": ("our CSS", 5)}  # KB gzip
# What every page loads of ours beside those settings: the search loader, before Material's bundle.
EVERY_PAGE_ALSO = {"extra_javascript": [SEARCH_LOADER], "extra_css": []}
SEARCH_INDEX_BUDGET = 150  # KB gzip, per language
# Kinds a page of which goes through the browser and Lighthouse (general pages vary too much).
TYPICAL_KINDS = ("home", "catalogue", "module", "unit", "film")


def page_kinds(curriculum: Curriculum) -> dict[str, list[str]]:
    """Page keys by kind; the home page and the module catalogue count as kinds of their own."""
    kinds: dict[str, list[str]] = {}
    for key, page in curriculum.pages.items():
        kind = {"index.md": "home", "modules/index.md": "catalogue"}.get(key, page.kind)
        kinds.setdefault(kind, []).append(key)
    return kinds


def html_weight(site: Path, kinds: dict[str, list[str]]) -> tuple[list[Row], dict[str, str]]:
    """HTML per kind over both languages, and for each kind the page of median gzip size, which
    stands for its kind in the browser and in Lighthouse."""
    rows, typical = [], {}
    for kind, keys in sorted(kinds.items()):
        sizes = {(key, lang): (site / page_url(key, lang) / "index.html").read_bytes()
                 for key in keys for lang in LANGUAGES}
        zipped = {where: gzip_size(html) for where, html in sizes.items()}
        rows.append(Row(f"HTML raw, median, {kind} (KB)",
                        f"{statistics.median(len(html) for html in sizes.values()) / KB:.1f}"))
        rows.append(at_most(f"HTML gzip, median, {kind} (KB)", statistics.median(zipped.values()) / KB, HTML_GZIP_BUDGET))
        largest = max(zipped, key=lambda where: zipped[where])
        rows.append(at_most(f"HTML gzip, largest, {kind} (KB)", zipped[largest] / KB, HTML_GZIP_BUDGET))
        progress(f"largest {kind} page: {page_url(*largest)}")
        english = sorted(keys, key=lambda key: zipped[(key, DEFAULT_LANGUAGE)])
        if kind in TYPICAL_KINDS:
            typical[kind] = english[len(english) // 2]
    return rows, typical


def asset_weight(site: Path) -> list[Row]:
    config = mkdocs_config()
    rows = []
    for setting, (name, budget) in OWN_BUDGETS.items():
        files = [*(str(entry) for entry in config.get(setting, [])), *EVERY_PAGE_ALSO[setting]]
        total = sum(gzip_size((site / path).read_bytes()) for path in files)
        rows.append(at_most(f"{name}, gzip ({', '.join(Path(file).name for file in files)}) (KB)", total / KB, budget))
    for lang in LANGUAGES:  # each language's pages load their own index (curriculum/searchindex.py)
        index = search_index_path(site, lang)
        rows.append(at_most(f"search index, {lang} ({index.relative_to(site)}), gzip (KB)",
                            gzip_size(index.read_bytes()) / KB, SEARCH_INDEX_BUDGET))
        rows.append(search_index_parts(index, lang))
    # Loaded with the index, by the search loader; no page loads it before the reader searches.
    rows.append(Row(f"search stand-in, gzip ({Path(SEARCH_STAND_IN).name}), loaded with the index (KB)",
                    f"{gzip_size((site / SEARCH_STAND_IN).read_bytes()) / KB:.1f}"))
    return rows


def search_index_parts(index: Path, lang: str) -> Row:
    """What a language's index is made of, each part gzipped on its own: what a reader sees of a
    result (its teaser), what search finds it by beyond that (the word lines,
    curriculum/searchwords.py), and where it leads (titles and addresses)."""
    config = json.loads(index.read_text(encoding="utf-8"))["config"]
    entries = config[ENTRIES]
    teasers = json.dumps(entries["text"], ensure_ascii=False)
    addresses = json.dumps([entries["title"], entries["location"]], ensure_ascii=False)
    parts = (gzip_size(text.encode()) / KB for text in (teasers, config[WORD_LIST] + config[WORD_ENTRIES], addresses))
    return Row(f"search index, {lang}: entries; gzip (KB) of teasers, word lines, titles and addresses",
               f"{len(entries['text'])}; " + ", ".join(f"{part:.1f}" for part in parts))


@dataclass(frozen=True)
class Visit:
    requests: int  # all of them, images too: each is a round trip
    weights: list[tuple[int, str]]  # encoded (gzip) body bytes and path, images left out, heaviest first


def _visit(browser: Browser, url: str) -> Visit:
    context = browser.new_context()  # a fresh one each time: nothing cached
    requests: list[Request] = []
    finished: list[Request] = []
    context.on("request", lambda request: requests.append(request))
    context.on("requestfinished", lambda request: finished.append(request))
    context.new_page().goto(url, wait_until="networkidle")
    weights = sorted(((request.sizes()["responseBodySize"], urlsplit(request.url).path) for request in finished
                      if request.resource_type != "image"), reverse=True)
    context.close()
    return Visit(len(requests), weights)


def first_load(site: Path, typical: dict[str, str], port: int = 0) -> list[Row]:
    """A first visit (empty cache) to each kind's typical page in each language, through the
    gzip server, until the network is idle, as a reader on a fresh browser would."""
    rows = []
    with serve(site, port) as base, sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        except PlaywrightError as error:
            fail(f"{CHROMIUM} did not start (`make browser` installs it): {error}")
        for kind, key in sorted(typical.items()):
            for lang in LANGUAGES:
                visit = _visit(browser, base + page_url(key, lang))
                weights = visit.weights
                # The progress log names what dominates the weight.
                heaviest = ", ".join(f"{path} {size / KB:.1f} KB" for size, path in weights[:3])
                progress(f"first load, {kind}, {lang}: {visit.requests} requests; heaviest: {heaviest}")
                rows.append(at_most(f"first load, {kind}, {lang}: KB gzip, no images", sum(s for s, _ in weights) / KB, FIRST_LOAD_BUDGET))
                rows.append(at_most(f"first load, {kind}, {lang}: requests", visit.requests, REQUESTS_BUDGET, "d"))
        browser.close()
    return rows
