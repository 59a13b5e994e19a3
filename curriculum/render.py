"""Pure renderers: model -> HTML or Markdown for one page in one language.

No MkDocs import here: the macros module is a thin adapter, and the same functions can run
as a pre-build step if the site moves to another generator.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from curriculum import CURRICULUM_VERSION, progress
from curriculum import downloads as files
from curriculum.links import Linker
from curriculum.model import Curriculum, Module, Source, Unit

_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)
# The progress store's stable keys and content digests (curriculum/progress.py).
_TEMPLATES.globals.update(unit_key=progress.unit_key, step_key=progress.step_key, unit_digest=progress.unit_digest)

PROGRAMS_FOR_GROUPING = ("kickstart", "start", "in-depth")
_FILM_HOSTS = {"youtube": "youtube-nocookie.com", "vimeo": "player.vimeo.com"}


class UnknownId(LookupError):
    """An id a page asked for that the model does not have."""

    def __init__(self, what: str, value: str, valid: Iterable[str]) -> None:
        options = ", ".join(sorted(valid))
        super().__init__(f"unknown {what} '{value}' (valid: {options})")


class Renderer:
    """Renders for one page: knows the model, the language and where the page is."""

    def __init__(self, curriculum: Curriculum, language: str, page_src: str,
                 directory_urls: bool = True, nav: Sequence[str] = ()) -> None:
        self.c = curriculum
        self.lang = language
        self.links = Linker(page_src, language, directory_urls)
        self.page_key = _english_key(page_src, language)
        self.nav = tuple(nav)  # the navigation's pages in order: the recommended reading order

    # helpers ---------------------------------------------------------------------------
    def label(self, key: str, **values: object) -> str:
        """A label in the page's language; without values, placeholders stay for the browser to fill."""
        text = self.c.labels[key][self.lang]
        return text.format(**values) if values else text

    def term(self, vocabulary: str, term_id: str) -> str:
        return self.c.term(vocabulary, term_id, self.lang)

    def duration(self, minutes: int) -> str:
        hours, rest = divmod(minutes, 60)
        unit_h, unit_min = self.label("hours"), self.label("minutes")
        if not hours:
            return f"{rest} {unit_min}"
        return f"{hours} {unit_h}" + (f" {rest} {unit_min}" if rest else "")

    def _template(self, name: str, **context: object) -> str:
        return _TEMPLATES.get_template(name).render(r=self, lang=self.lang, **context).strip()

    def _get(self, table: dict, what: str, value: str):
        if value not in table:
            raise UnknownId(what, value, table)
        return table[value]

    # macros ----------------------------------------------------------------------------
    def checklist(self, checklist_id: str, searchable: bool = True) -> str:
        """A printable, tickable checklist. The library page shows every checklist again, so
        there it is left out of the search index (curriculum/searchindex.py)."""
        checklist = self._get(self.c.checklists, "checklist", checklist_id)
        return self._template("checklist.html.j2", checklist=checklist, version=CURRICULUM_VERSION,
                              searchable=searchable)

    def cite(self, *keys: str) -> str:
        parts = []
        for key in keys:
            source = self._get(self.c.sources, "source", key)
            href = self.links.href("about/sources.md", f"src-{key}")
            parts.append(f'<a class="citation" href="{href}">{_short_citation(source)}</a>')
        return "(" + "; ".join(parts) + ")"

    def module_link(self, module_id: str) -> str:
        module = self._get(self.c.modules, "module", module_id)
        return f'<a href="{self.links.href(self.c.module_page_path(module_id))}">{module.title[self.lang]}</a>'

    def unit_link(self, unit_id: str) -> str:
        unit = self._get(self.c.units, "unit", unit_id)
        return f'<a href="{self.links.href(self.c.unit_page_path(unit_id))}">{unit.title[self.lang]}</a>'

    def module_facts(self) -> str:
        module = self._current(self.c.modules, "module")
        return self._template("module_facts.html.j2", m=module, followers=self.c.followers(module.id))

    def module_catalogue(self) -> str:
        modules = recommended_order(self.c.modules.values(), self.nav, self.lang)
        groups = [(p, [m for m in modules if m.programs[0] == p]) for p in PROGRAMS_FOR_GROUPING]
        used = {"program": {p for m in modules for p in m.programs}, "topic": {t for m in modules for t in m.topics},
                "audience": {a for m in modules for a in m.audience}}
        return self._template(
            "module_catalogue.html.j2", groups=groups, vocab=self.c.vocabularies, used=used, bands=DURATION_BANDS,
        )

    def checklist_library(self) -> str:
        users = _checklist_users(self.c)
        return self._template(
            "checklist_library.html.j2", checklists=sorted(self.c.checklists.values(), key=lambda c: c.title[self.lang]),
            users=users,
        )

    def bibliography(self) -> str:
        groups: dict[str, list[Source]] = {}
        for source in sorted(self.c.sources.values(), key=lambda s: (s.authors.lower(), s.year or 0)):
            groups.setdefault(source.group, []).append(source)
        return self._template("bibliography.html.j2", groups=sorted(groups.items()), cited_by=_citations(self.c))

    def page_sources(self) -> str:
        page = self.c.pages.get(self.page_key)
        keys = page.sources if page else ()
        return self._template("page_sources.html.j2", sources=[self.c.sources[k] for k in keys])

    def glossary_table(self) -> str:
        terms = sorted(self.c.glossary.values(), key=lambda t: t.term[self.lang].lower())
        return self._template("glossary.html.j2", terms=terms)

    def certification_steps(self) -> str:
        return self._template("certification.html.j2", steps=self.c.certification, version=CURRICULUM_VERSION)

    def learning_path(self) -> str:
        stages = self.c.units_by_stage()
        return self._template("learning_path.html.j2", stages=stages,
                              totals={s: sum(u.hours for u in units) for s, units in stages.items()})

    def unit_overview(self) -> str:
        unit = self._current(self.c.units, "unit")
        return self._template("unit_overview.html.j2", u=unit)

    def unit_finish(self, unit_id: str) -> str:
        """The end of a unit page: "Mark as done" where the reader finishes, and the next unit."""
        units = [u for stage in self.c.units_by_stage().values() for u in stage]
        unit = self._get(self.c.units, "unit", unit_id)
        position = units.index(unit)
        following = units[position + 1] if position + 1 < len(units) else None
        progress_page = self.c.pages.get("coach-training/progress.md")
        return self._template("unit_finish.html.j2", u=unit, next=following,
                              progress_title=progress_page.title[self.lang] if progress_page else self.label("units"))

    def unit_key_points(self) -> str:
        unit = self._current(self.c.units, "unit")
        return self._template("key_points.html.j2", units=[unit], single=True)

    def all_key_points(self) -> str:
        units = [u for stage in self.c.units_by_stage().values() for u in stage]
        return self._template("key_points.html.j2", units=units, single=False)

    def all_facilitator_notes(self) -> str:
        units = [u for stage in self.c.units_by_stage().values() for u in stage]
        return "\n\n".join(
            f"## {u.title[self.lang]} {{ #{u.id} }}\n\n"
            f"{_demote(u.sections[self.lang].get('facilitator-notes', ''))}\n\n"
            f"{self.unit_link(u.id)}"
            for u in units
        )

    def portfolio_markdown(self) -> str:
        """The portfolio template as a Markdown file a coach downloads and fills in."""
        return self._template("portfolio.md.j2", steps=self.c.certification, units=self.c.units,
                              version=CURRICULUM_VERSION) + "\n"

    def portfolio_template(self) -> str:
        return self._template("portfolio.html.j2", steps=self.c.certification, units=self.c.units,
                              version=CURRICULUM_VERSION,
                              download=self.links.asset(portfolio_download_path(self.lang)))

    def downloads(self, section: str, available: dict[str, int], offline: bool = False) -> str:
        """Links to the download files of one section ('books', 'checklists', 'offline') that
        this build has (`available`: path below the downloads folder -> bytes)."""
        if section == "books":
            wanted = [(files.book_file(book, self.lang), self.label("book_" + book.replace("-", "_")))
                      for book in files.BOOKS]
        elif section == "checklists":
            checklists = sorted(self.c.checklists.values(), key=lambda c: c.title[self.lang])
            wanted = [(files.checklist_file(c.id, self.lang), c.title[self.lang]) for c in checklists]
        elif section == "offline":
            wanted = [(files.offline_file(), self.label("offline_copy"))]
        else:
            raise UnknownId("downloads section", section, ("books", "checklists", "offline"))
        items = [
            {"href": self.links.asset(f"{files.SITE_FOLDER}/{path}"), "title": title,
             "kind": path.rsplit(".", 1)[-1].upper(), "size": files.human_size(available[path], self.lang)}
            for path, title in wanted if path in available
        ]
        return self._template("downloads.html.j2", items=items,
                              missing=self.label("downloads_offline" if offline else "downloads_missing"))

    def progress_tools(self) -> str:
        return self._template("progress_tools.html.j2", stages=self.c.units_by_stage(),
                              steps=self.c.certification, version=CURRICULUM_VERSION)

    def start_finder(self) -> str:
        """The "where to start" finder: three questions over the page's own situations (each
        section's sequence line), with every module's length and audience for the browser."""
        modules = {m.id: {"title": m.title[self.lang], "href": self.page_href(m), "minutes": m.duration_minutes,
                          "audience": list(m.audience)} for m in self.c.modules.values()}
        audiences = [t for t in self.c.vocabularies["audiences"].values()
                     if any(t.id in m.audience for m in self.c.modules.values())]
        return self._template("start_finder.html.j2", modules=modules, audiences=audiences)

    def film(self, film_id: str) -> str:
        film = self._get(self.c.films, "film", film_id)
        host = _FILM_HOSTS.get(film.provider or "", "")
        # On the film's own page the poster is the largest thing in view: loading it lazily
        # would delay the page's first full paint. Elsewhere it may be far down the page.
        own_page = self.page_key.replace(f".{self.lang}.md", ".md") == self.c.film_page_path(film.id)
        return self._template("film.html.j2", f=film, host=host, lazy=not own_page, own_page=own_page)

    def film_catalogue(self) -> str:
        return self._template("film_catalogue.html.j2", films=sorted(self.c.films.values(), key=lambda f: f.title[self.lang]))

    def film_usage(self) -> str:
        film_id = self.page_key.removeprefix("films/").removesuffix(".md")
        users = [p for p in self.c.pages.values() if isinstance(p, Module | Unit) and film_id in p.films]
        return self._template("film_usage.html.j2", users=users)

    def glossary_abbreviations(self, text: str | None = None) -> str:
        """Markdown abbreviation definitions (`*[VSM]: …`) for Material's tooltips.

        Given the page text, only terms that occur in it: every definition costs the abbr
        extension a pass over the page, and most pages use few of the terms.
        """
        lines = []
        for term in self.c.glossary.values():
            definition = " ".join(term.definition[self.lang].split())
            for name in {term.abbr.get(self.lang), term.term[self.lang]} - {None}:
                if text is None or name in text:
                    lines.append(f"*[{name}]: {definition}")
        return "\n".join(sorted(lines))

    def _current(self, table, what: str):
        page = self.c.pages.get(self.page_key)
        for item in table.values():
            if item is page:
                return item
        raise LookupError(f"{what} macro used on '{self.page_key}', which is not a {what} page")

    def page_href(self, page: Module | Unit) -> str:
        return self.links.href(page.key)


def portfolio_download_path(language: str) -> str:
    """Where the build writes the downloadable portfolio template, below the site root."""
    return f"assets/downloads/portfolio-template-{language}.md"


def _english_key(src: str, language: str) -> str:
    suffix = f".{language}.md"
    return src[: -len(suffix)] + ".md" if src.endswith(suffix) else src


def _short_citation(source: Source) -> str:
    """'Kurdve & Bellgran 2021', 'Kurdve et al. 2015', or the organisation and year."""
    surnames = _SURNAME.findall(source.authors)
    if not surnames:
        who = source.authors
    elif len(surnames) == 1:
        who = surnames[0]
    elif len(surnames) == 2:
        who = f"{surnames[0]} & {surnames[1]}"
    else:
        who = f"{surnames[0]} et al."
    return f"{who} {source.year}" if source.year else who


_SURNAME = re.compile(r"((?:[a-z]+ )*[A-ZÅÄÖÉ][\w'’-]+(?: [A-Z][\w'’-]+)*),\s*(?:[A-ZÅÄÖÉ]\.\s*)+")


# The catalogue's duration filter: each band includes every shorter module ("up to a day" keeps
# the half-day ones); the browser compares a card's minutes with the band's limit.
DURATION_BANDS: tuple[tuple[str, int], ...] = (("short", 240), ("day", 480), ("two-days", 960))


def recommended_order(modules: Iterable[Module], nav: Sequence[str], language: str) -> list[Module]:
    """Modules in the navigation's order, which the programs also follow; any the navigation
    does not list come after, by program and title."""
    position = {path: index for index, path in enumerate(nav)}
    return sorted(modules, key=lambda m: (position.get(m.key, len(position)), m.programs[0], m.title[language]))


def _checklist_users(c: Curriculum) -> dict[str, list[Module | Unit]]:
    users: dict[str, list[Module | Unit]] = {cid: [] for cid in c.checklists}
    for page in c.pages.values():
        if isinstance(page, Module | Unit):
            for cid in page.checklists:
                users.setdefault(cid, []).append(page)
    return users


def _citations(c: Curriculum) -> dict[str, list]:
    cited: dict[str, list] = {key: [] for key in c.sources}
    for page in c.pages.values():
        for key in page.sources:
            cited.setdefault(key, []).append(page)
    return cited


def _demote(markdown: str) -> str:
    """Shift headings one level down so a unit's H3s sit under the aggregated page's H2."""
    return "\n".join(("#" + line) if line.startswith("###") else line for line in markdown.splitlines())
