"""A sitemap per language: Material's language switcher fetches `/sv/sitemap.xml`, and the
i18n plugin writes only the root one (whose entries carry every language's URL)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from curriculum import DEFAULT_LANGUAGE, LANGUAGES
from curriculum.layout import language_prefix

_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def language_sitemap(root_sitemap: str, language: str) -> str:
    tree = ET.fromstring(root_sitemap)
    urls = []
    for url in tree.findall("sm:url", _NS):
        for link in url.findall("xhtml:link", _NS):
            if link.get("hreflang") == language and link.get("href"):
                lastmod = url.findtext("sm:lastmod", default="", namespaces=_NS)
                urls.append((link.get("href"), lastmod))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for href, lastmod in urls:
        lines.append(f"  <url><loc>{href}</loc>" + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "") + "</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_language_sitemaps(site: Path) -> list[Path]:
    """A sitemap for each built language but the default one, unless it has its own."""
    root_sitemap = site / "sitemap.xml"
    if not root_sitemap.is_file():
        return []
    written = []
    for language in LANGUAGES:
        target = site / language_prefix(language) / "sitemap.xml"
        if language != DEFAULT_LANGUAGE and target.parent.is_dir() and not target.exists():
            target.write_text(language_sitemap(root_sitemap.read_text(encoding="utf-8"), language), encoding="utf-8")
            written.append(target)
    return written
