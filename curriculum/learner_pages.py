"""The learner's path, for the MkDocs hooks in curriculum/hooks/learner_path.py:

- the trainer pages stay out of the learner's next/previous sequence;
- each unit ends with "Mark as done" and the next unit;
- a glossary term is marked once per page, never in a heading or a link;
- a 404 page per language, in that language, with the same Content-Security-Policy as every page
  and a language switcher that leads to the other language's home page.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from curriculum import DEFAULT_LANGUAGE, layout
from curriculum.csp import add_policy
from curriculum.htmlspace import compact
from curriculum.loader import load_curriculum
from curriculum.model import Curriculum
from curriculum.render import Renderer

# Pages for trainers: in the navigation under "For trainers", never a learner's "Next".
TRAINER_PAGES = ("coach-training/key-points.md", "coach-training/facilitator-notes.md",
                 "coach-training/assessors-guide.md", "coach-training/supervisor-guide.md")
NOT_FOUND = "404.html"


def _is_trainer_page(page) -> bool:
    return page is not None and getattr(page, "file", None) is not None and layout.english_path(page.file.src_uri) in TRAINER_PAGES


def on_page_context(context: dict, page, config: MkDocsConfig, nav) -> dict:
    if _is_trainer_page(page):
        page.previous_page = page.next_page = None
        return context
    while _is_trainer_page(page.next_page):
        page.next_page = page.next_page.next_page
    while _is_trainer_page(page.previous_page):
        page.previous_page = page.previous_page.previous_page
    return context


_MARKUP = re.compile(r"<(/?)(h[1-6]|a|abbr)\b([^>]*)>", re.IGNORECASE)


def first_terms_only(html: str) -> str:
    """Glossary terms marked once per page: the first occurrence outside headings and links keeps
    its <abbr> (made reachable by keyboard, so its tooltip shows on focus); every other one is
    plain text."""
    out: list[str] = []
    position = heading = link = 0
    seen: set[str] = set()
    kept: list[bool] = []
    for match in _MARKUP.finditer(html):
        closing, tag, attributes = match.group(1), match.group(2).lower(), match.group(3)
        out.append(html[position:match.start()])
        position = match.end()
        if tag == "abbr":
            if closing:
                if kept.pop() if kept else True:
                    out.append(match.group(0))
                continue
            end = html.find("</abbr>", match.end())
            term = html[match.end():end].strip().lower()
            keep = not heading and not link and term not in seen
            kept.append(keep)
            if keep:
                seen.add(term)
                out.append(f"<abbr{attributes} tabindex=\"0\">")
            continue
        if tag == "a":
            link = max(0, link + (-1 if closing else 1))
        else:
            heading = max(0, heading + (-1 if closing else 1))
        out.append(match.group(0))
    out.append(html[position:])
    return "".join(out)


# The model of the build under way, taken once per build (and per language) in on_pre_build:
# asking the loader on every page would check every content file's date each time.
_model: dict[str, Curriculum] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    _model["current"] = load_curriculum(Path(config.config_file_path).parent)


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    html = first_terms_only(html)
    return _unit_finish(html, page, config)


def _unit_finish(html: str, page, config: MkDocsConfig) -> str:
    """A unit ends with its own "Mark as done" and the next unit, before its sources."""
    curriculum = _model["current"]
    key = layout.english_path(page.file.src_uri)
    unit = next((u for u in curriculum.units.values() if u.key == key), None)
    if unit is None:
        return html
    language = getattr(page.file, "locale", None) or DEFAULT_LANGUAGE
    block = Renderer(curriculum, language, page.file.src_uri, config.use_directory_urls).unit_finish(unit.id)
    marker = html.find('<h2 id="sources"')
    return html[:marker] + block + "\n" + html[marker:] if marker >= 0 else html + "\n" + block


_SELECT_LINK = re.compile(r'<a href="[^"]*" hreflang="([a-z]{2})" class="md-select__link">')


def _language_links_home(html: str, base: str) -> str:
    """The 404 page's language switcher leads to each language's home page, not to the last page
    the build happened to render (the i18n plugin sets the switcher per page)."""
    def home(match: re.Match[str]) -> str:
        language = match.group(1)
        target = base if language == DEFAULT_LANGUAGE else f"{base}{language}/"
        return f'<a href="{target}" hreflang="{language}" class="md-select__link">'

    return _SELECT_LINK.sub(home, html)


_english_not_found: dict[str, str] = {}


@event_priority(50)  # before the i18n plugin (-100) builds the next language over the same 404.html
def on_post_build(config: MkDocsConfig) -> None:
    """Each language's build writes 404.html at the site root; keep each in its language's folder
    (the Swedish one at sv/404.html), with the CSP that every page has."""
    site = Path(config.site_dir)
    written = site / NOT_FOUND
    if not written.is_file():
        return
    language = config.theme["language"]
    text = written.read_text(encoding="utf-8")
    base = urlsplit(config.site_url or "/").path or "/"
    html = _language_links_home(text, base)
    html = html if "Content-Security-Policy" in html else add_policy(html)
    html = compact(html)  # MkDocs writes it past the page hook, which compacts every other page
    if language == DEFAULT_LANGUAGE:
        _english_not_found[str(site)] = html
        written.write_text(html, encoding="utf-8")
        return
    target = site / language / NOT_FOUND
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    if str(site) in _english_not_found:
        written.write_text(_english_not_found[str(site)], encoding="utf-8")
