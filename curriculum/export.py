"""`python -m curriculum render --out DIR`: the site as finished Markdown, one project per language.

Every macro is rendered by the project's own renderers, through the same `define_env` that
mkdocs-macros calls, so a page reads exactly as in the normal build, and no macros plugin, i18n
plugin or hook is needed to build it. This is the path to a generator without those plugins
(docs/about/platform.md):

    DIR/en/mkdocs.yml, DIR/en/docs/…   English pages and assets
    DIR/sv/mkdocs.yml, DIR/sv/docs/…   Swedish pages under their English file names
    DIR/<language>/downloads/…         files the build generates for readers (the portfolio
                                       template): they belong in the built site's
                                       `assets/downloads/`; kept out of docs/, where a
                                       generator would turn a `.md` download into a page

Each `mkdocs.yml` keeps the Markdown extensions and theme features, and drops the plugins and
hooks that the rendered pages no longer need.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, StrictUndefined

from curriculum import DEFAULT_LANGUAGE, LANGUAGES, htmlstash, layout
from curriculum.loader import load_curriculum
from curriculum.render import Renderer

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
# Folders below docs/ that hold no pages: copied as they are into every language.
_ASSETS = "assets"


@dataclass
class _File:
    src_uri: str
    locale: str


@dataclass
class _Page:
    file: _File


@dataclass
class _MacroHost:
    """What `curriculum.macros` asks of mkdocs-macros' environment, and nothing more."""

    project_dir: str
    conf: dict[str, Any]
    page: _Page | None = None
    markdown: str = ""
    macros: dict[str, Callable[..., str]] = field(default_factory=dict)

    def macro(self, function: Callable[..., str], name: str | None = None) -> None:
        self.macros[name or function.__name__] = function


def render_page(host: _MacroHost, jinja: Environment, src: str, language: str, text: str) -> str:
    """One page's Markdown with every macro rendered, as mkdocs-macros renders it."""
    from curriculum.macros import on_post_page_macros

    match = _FRONT_MATTER.match(text)
    front, body = (match.group(0), text[match.end():]) if match else ("", text)
    host.page = _Page(_File(src, language))
    # The blocks the macros kept from Markdown go straight back: this page is finished Markdown.
    host.markdown = htmlstash.restore(jinja.from_string(body).render(**host.macros))
    on_post_page_macros(host)
    return front + rebase(host.markdown, layout.page_url(src, language), language)


_URL_ATTRIBUTE = re.compile(r'(?P<attr>\b(?:href|src))="(?P<url>[^"]*)"')
_NOT_RELATIVE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#|$)", re.IGNORECASE)


def rebase(html: str, url: str, language: str) -> str:
    """Links that the renderers wrote for the page's place in the whole site (`sv/modules/x/`),
    rewritten for its place in the language's own project (`modules/x/`). Language-neutral
    files such as `assets/` sit at both roots, so only links out of the language folder change."""
    if language == DEFAULT_LANGUAGE:
        return html
    prefix = f"{language}/"
    folder = url if url.endswith("/") else posixpath.dirname(url) + "/"
    own_folder = folder.removeprefix(prefix)

    def one(match: re.Match[str]) -> str:
        link = match["url"]
        if _NOT_RELATIVE.match(link):
            return match.group(0)
        path, hash_mark, anchor = link.partition("#")
        target = posixpath.normpath(posixpath.join(folder, path))
        target = target.removeprefix(prefix) if target.startswith(prefix) or target == language else target
        relative = posixpath.relpath(target or ".", own_folder or ".")
        if path.endswith("/") and not relative.endswith("/"):
            relative += "/"
        return f'{match["attr"]}="{relative}{hash_mark}{anchor}"'

    return _URL_ATTRIBUTE.sub(one, html)


def _config(root: Path, language: str) -> dict[str, Any]:
    """The language's project settings: the normal ones less plugins, hooks and overrides."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    # The emoji extension's `!!python/name:` values are kept as written, for MkDocs to resolve.
    loader = type("_Keep", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda _l, suffix, _n: f"!!python/name:{suffix}")
    loader.add_constructor("!ENV", lambda _l, _n: None)
    normal = yaml.load(text, Loader=loader)
    i18n = next(p["i18n"] for p in normal["plugins"] if isinstance(p, dict) and "i18n" in p)
    settings = next(lang for lang in i18n["languages"] if lang["locale"] == language)
    theme = {k: v for k, v in normal["theme"].items() if k != "custom_dir"}
    theme["language"] = language
    return {
        "site_name": normal["site_name"],
        "site_description": settings.get("site_description", normal.get("site_description", "")).strip(),
        "copyright": normal.get("copyright", ""),
        "docs_dir": "docs",
        "theme": theme,
        "extra_css": normal.get("extra_css", []),
        "extra_javascript": normal.get("extra_javascript", []),
        "plugins": ["search"],
        "markdown_extensions": normal["markdown_extensions"],
        "nav": _translated_nav(normal["nav"], settings.get("nav_translations", {})),
    }


def _translated_nav(nav: Any, words: dict[str, str]) -> Any:
    if isinstance(nav, list):
        return [_translated_nav(item, words) for item in nav]
    if isinstance(nav, dict):
        return {words.get(key, key): _translated_nav(value, words) for key, value in nav.items()}
    return nav


def _dump_config(config: dict[str, Any]) -> str:
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)
    return re.sub(r"'(!!python/name:[^']+)'", r"\1", text)


def render_site(root: Path, out: Path) -> dict[str, int]:
    """Write every page of every language under `out`; the number of pages per language."""
    curriculum = load_curriculum(root)
    from curriculum.macros import define_env

    # As in the build (curriculum/hooks/site_config.py): GitHub Actions names the repository.
    repository = os.environ.get("GITHUB_REPOSITORY")
    conf = {"use_directory_urls": True, "repo_url": f"https://github.com/{repository}" if repository else None}
    host = _MacroHost(str(root), conf)
    define_env(host)
    jinja = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    docs = root / "docs"
    counts = dict.fromkeys(LANGUAGES, 0)
    for language in LANGUAGES:
        target = out / language
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(docs / _ASSETS, target / "docs" / _ASSETS)
        (target / "mkdocs.yml").write_text(_dump_config(_config(root, language)), encoding="utf-8")
        renderer = Renderer(curriculum, language, "coach-training/portfolio.md")
        download = target / "downloads" / Path(layout.portfolio_file(language)).name
        download.parent.mkdir(parents=True, exist_ok=True)
        download.write_text(renderer.portfolio_markdown(), encoding="utf-8")
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        language = layout.page_language(src)
        page = out / language / "docs" / layout.english_path(src)
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(render_page(host, jinja, src, language, path.read_text(encoding="utf-8-sig")), encoding="utf-8")
        counts[language] += 1
    return counts
