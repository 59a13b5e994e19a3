"""Built-site URLs and the Swedish twins of redirects.

mkdocs-redirects knows nothing of the i18n plugin, so the build hook gives every English redirect
its twin under each other language. The URL manifest (scripts/url_manifest.py) reads the same URLs.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from curriculum import DEFAULT_LANGUAGE, LANGUAGES
from curriculum.layout import built_file, language_of_url, page_language, page_url

HOME = "./"  # the English home page's URL in the manifest


def html_file(site: Path, url: str) -> Path:
    """The file a site-relative URL (`modules/x/`, `./`) is served from."""
    return built_file(site, "" if url == HOME else url)


def redirect_html_path(src: str) -> str:
    """Where mkdocs-redirects writes the redirect for a `redirect_maps` key (directory URLs)."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def write_language_redirects(site: Path, redirect_maps: Mapping[str, str]) -> list[Path]:
    """Give every redirect its twin in the other languages.

    `old.md: new.md` makes mkdocs-redirects write `old/` -> `new/` for English only, and a Swedish
    target (`new.sv.md`) becomes a wrong `new.sv/` link (mkdocs/mkdocs-redirects#33). The suffix
    layout mirrors the English tree under `sv/`, so the English redirect page, with its relative
    link, is also the right Swedish one. To be called after every language is built, with the
    plugin's `redirect_maps`.
    """
    written = []
    for old, new in redirect_maps.items():
        if page_language(old) != DEFAULT_LANGUAGE or language_of_url(old) != DEFAULT_LANGUAGE:
            continue  # an explicit entry for one language: the plugin already wrote it
        english = site / redirect_html_path(old)
        if not english.is_file():
            continue
        html = english.read_text(encoding="utf-8")
        external = new.lower().startswith(("http://", "https://"))
        for language in LANGUAGES:
            if language == DEFAULT_LANGUAGE:
                continue
            if not external:
                target = page_url(new.split("#", 1)[0], language)
                if not html_file(site, target or HOME).is_file():
                    continue  # no translation to send the reader to; the check names the URL
            twin = site / language / redirect_html_path(old)
            twin.parent.mkdir(parents=True, exist_ok=True)
            twin.write_text(html.replace('<html lang="en">', f'<html lang="{language}">', 1), encoding="utf-8")
            written.append(twin)
    return written
