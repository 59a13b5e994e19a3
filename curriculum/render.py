"""Pure renderers: model -> HTML or Markdown for one page in one language.

No MkDocs import here: the macros module is a thin adapter, and the same functions can run
as a pre-build step if the site moves to another generator.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from curriculum import CURRICULUM_VERSION, layout, progress, worksheet_render
from curriculum.certification import CertificationRenderers
from curriculum.downloads import BOOKS, human_size
from curriculum.layout import Linker
from curriculum.model import Curriculum, Module, Page, Source, Unit
from curriculum.render_glossary import GlossaryRenderers
from curriculum.render_guide import GuideRenderers
from curriculum.render_learner import DURATION_BANDS, LearnerRenderers, recommended_order
from curriculum.render_sources import citations, distinct_sources, short_citation
from curriculum.render_tools import ToolsRenderers
from curriculum.searchindex import indexed_on_library

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
# The end of a table cell, a definition list's term or description, or a list box's option, where
# the next one starts straight after it. Search reads a page's text without those tags, so
# "Format</dt><dd>Workshop" was one word, "formatworkshop", which a search for "workshop" does not
# find: a line break keeps the words apart (a browser ignores it there).
_CELL_END = re.compile(r"(</(?:td|th|dt|dd|option)>)(?=(?:</?(?:tr|thead|tbody|tfoot)\b[^>]*>)*<(?:td|th|dt|dd|tr|option)\b)")
_FILM_HOSTS = {"youtube": "youtube-nocookie.com", "vimeo": "player.vimeo.com"}


class UnknownId(LookupError):
    """An id a page asked for that the model does not have."""

    def __init__(self, what: str, value: str, valid: Iterable[str]) -> None:
        options = ", ".join(sorted(valid))
        super().__init__(f"unknown {what} '{value}' (valid: {options})")


class Renderer(GuideRenderers, LearnerRenderers, CertificationRenderers, ToolsRenderers, GlossaryRenderers):
    """Renders for one page: knows the model, the language and where the page is."""

    def __init__(self, curriculum: Curriculum, language: str, page_src: str,
                 directory_urls: bool = True, nav: Sequence[str] = ()) -> None:
        self.curriculum = curriculum
        self.lang = language
        self.links = Linker(page_src, language, directory_urls)
        self.page_key = layout.english_path(page_src)
        # Files `make downloads` staged (path below the downloads folder -> bytes); the macros
        # adapter sets them, so a worksheet links its PDF and workbook once they exist.
        self.available_downloads: dict[str, int] = {}
        self.nav = tuple(nav)  # the navigation's pages in order: the recommended reading order

    # helpers ---------------------------------------------------------------------------
    def label(self, key: str, **values: object) -> str:
        """A label in the page's language; without values, placeholders stay for the browser to fill."""
        text = self.curriculum.label(key, self.lang)
        return text.format(**values) if values else text

    def term(self, vocabulary: str, term_id: str) -> str:
        return self.curriculum.term(vocabulary, term_id, self.lang)

    def term_list(self, vocabulary: str, term_ids: Iterable[str]) -> str:
        """Terms in a running list, capitalised as a list in a sentence is: "Change team,
        operators, change leader". A term that starts with an abbreviation (EHS) keeps it."""
        terms = [self.term(vocabulary, term_id) for term_id in term_ids]
        return ", ".join(terms[:1] + [_lower_first(term) for term in terms[1:]])

    def duration(self, minutes: int) -> str:
        hours, rest = divmod(minutes, 60)
        unit_h, unit_min = self.label("hours"), self.label("minutes")
        if not hours:
            return f"{rest} {unit_min}"
        return f"{hours} {unit_h}" + (f" {rest} {unit_min}" if rest else "")

    def hours(self, value: float) -> str:
        """A number of hours to one decimal, without a trailing ",0"; decimal comma in Swedish."""
        text = f"{value:.1f}".removesuffix(".0")
        return text.replace(".", ",") if self.lang == "sv" else text

    def _template(self, name: str, **context: object) -> str:
        html = _TEMPLATES.get_template(name).render(renderer=self, lang=self.lang, **context).strip()
        return _CELL_END.sub("\\1\n", html)

    def _get(self, table: dict, what: str, value: str):
        if value not in table:
            raise UnknownId(what, value, table)
        return table[value]

    # macros ----------------------------------------------------------------------------
    def checklist(self, checklist_id: str, searchable: bool | None = None) -> str:
        """A printable, tickable checklist. Search finds it once: on the one page that uses it, or
        on the library page when several do (31 pages show the workshop preparation)."""
        checklist = self._get(self.curriculum.checklists, "checklist", checklist_id)
        if searchable is None:
            searchable = checklist_id not in indexed_on_library(self.curriculum.checklist_pages)
        return self._template("checklist.html.j2", checklist=checklist, version=CURRICULUM_VERSION,
                              searchable=searchable)

    def worksheet(self, worksheet_id: str, searchable: bool | None = None) -> str:
        """A worksheet to fill in, with its instructions, example and download links; found by
        search once, as a checklist is."""
        sheet = self._get(self.curriculum.worksheets, "worksheet", worksheet_id)
        if searchable is None:
            searchable = worksheet_id not in indexed_on_library(self.curriculum.worksheet_users)
        return worksheet_render.worksheet(self, sheet, self.available_downloads, searchable)

    def worksheet_library(self) -> str:
        return worksheet_render.worksheet_library(self)

    def factor_table(self) -> str:
        return worksheet_render.factor_table(self)

    def cite(self, *keys: str) -> str:
        parts = []
        for key in keys:
            source = self._get(self.curriculum.sources, "source", key)
            href = self.links.href(layout.SOURCES_PAGE, f"src-{source.key}")
            parts.append(f'<a class="citation" href="{href}">{short_citation(source)}</a>')
        return "(" + "; ".join(parts) + ")"

    def module_link(self, module_id: str) -> str:
        module = self._get(self.curriculum.modules, "module", module_id)
        return f'<a href="{self.links.href(layout.page_path("module", module_id))}">{module.title[self.lang]}</a>'

    def unit_link(self, unit_id: str) -> str:
        unit = self._get(self.curriculum.units, "unit", unit_id)
        return f'<a href="{self.links.href(layout.page_path("unit", unit_id))}">{unit.title[self.lang]}</a>'

    def module_facts(self) -> str:
        module = self._current(self.curriculum.modules, "module")
        return self._template("module_facts.html.j2", module=module, followers=self.curriculum.followers(module.id))

    def module_catalogue(self) -> str:
        modules = recommended_order(self.curriculum.modules.values(), self.nav, self.lang)
        groups = [(program, [module for module in modules if module.programs[0] == program])
                  for program in PROGRAMS_FOR_GROUPING]
        used = {"program": {program for module in modules for program in module.programs},
                "topic": {topic for module in modules for topic in module.topics},
                "audience": {audience for module in modules for audience in module.audience}}
        return self._template(
            "module_catalogue.html.j2", groups=groups, vocab=self.curriculum.vocabularies, used=used,
            bands=DURATION_BANDS,
        )

    def checklist_library(self) -> str:
        users = {cid: self.curriculum.pages_using(self.curriculum.checklist_pages.get(cid, [])) for cid in self.curriculum.checklists}
        return self._template(
            "checklist_library.html.j2", checklists=sorted(self.curriculum.checklists.values(), key=lambda checklist: checklist.title[self.lang]),
            users=users,
            indexed_here=indexed_on_library(self.curriculum.checklist_pages),
        )

    def bibliography(self) -> str:
        groups: dict[str, list[Source]] = {}
        for source in sorted(distinct_sources(self.curriculum), key=lambda source: (source.authors.lower(), source.year or 0)):
            groups.setdefault(source.group, []).append(source)
        return self._template("bibliography.html.j2", groups=sorted(groups.items()), cited_by=citations(self.curriculum))

    def page_sources(self) -> str:
        page = self.curriculum.pages.get(self.page_key)
        keys = page.sources if page else ()
        return self._template("page_sources.html.j2", sources=[self.curriculum.sources[key] for key in keys])

    def glossary_table(self) -> str:
        terms = sorted(self.curriculum.glossary.values(), key=lambda term: term.term[self.lang].lower())
        return self._template("glossary.html.j2", terms=terms)

    # The progress page shows both of these again, with the reader's ticks: search finds each on
    # its own page (the certification page, the coach training's start page).
    def certification_steps(self) -> str:
        return self._template("certification.html.j2", steps=self.curriculum.certification, version=CURRICULUM_VERSION,
                              searchable=self.page_key != layout.PROGRESS_PAGE)

    def learning_path(self) -> str:
        stages = self.curriculum.units_by_stage()
        return self._template("learning_path.html.j2", stages=stages, searchable=self.page_key != layout.PROGRESS_PAGE,
                              totals={stage: sum(unit.hours for unit in units) for stage, units in stages.items()})

    def unit_overview(self) -> str:
        unit = self._current(self.curriculum.units, "unit")
        return self._template("unit_overview.html.j2", unit=unit)

    def unit_key_points(self) -> str:
        unit = self._current(self.curriculum.units, "unit")
        return self._template("key_points.html.j2", units=[unit], single=True)

    def all_key_points(self) -> str:
        units = [unit for stage in self.curriculum.units_by_stage().values() for unit in stage]
        return self._template("key_points.html.j2", units=units, single=False)

    def all_facilitator_notes(self) -> str:
        units = [unit for stage in self.curriculum.units_by_stage().values() for unit in stage]
        return "\n\n".join(
            f"## {unit.title[self.lang]} {{ #{unit.id} }}\n\n"
            f"{_demote(unit.sections[self.lang].get('facilitator-notes', ''))}\n\n"
            f"{self.unit_link(unit.id)}"
            for unit in units
        )

    def portfolio_markdown(self) -> str:
        """The portfolio template as a Markdown file a coach downloads and fills in."""
        return self._template("portfolio.md.j2", steps=self.curriculum.certification, units=self.curriculum.units,
                              rubric=self.curriculum.rubric, version=CURRICULUM_VERSION) + "\n"

    def portfolio_template(self) -> str:
        return self._template("portfolio.html.j2", steps=self.curriculum.certification, units=self.curriculum.units,
                              version=CURRICULUM_VERSION,
                              download=self.links.asset(layout.portfolio_file(self.lang)))

    def downloads(self, section: str, available: dict[str, int], offline: bool = False) -> str:
        """Links to the download files of one section ('books', 'checklists', 'offline') that
        this build has (`available`: path below the downloads folder -> bytes)."""
        if section == "books":
            wanted = [(layout.book_file(book, self.lang), self.label("book_" + book.replace("-", "_")))
                      for book in BOOKS]
        elif section == "checklists":
            checklists = sorted(self.curriculum.checklists.values(), key=lambda checklist: checklist.title[self.lang])
            wanted = [(layout.checklist_file(checklist.id, self.lang), checklist.title[self.lang]) for checklist in checklists]
        elif section == "worksheets":
            sheets = sorted(self.curriculum.worksheets.values(), key=lambda sheet: sheet.title[self.lang])
            wanted = [(layout.worksheet_file(sheet.id, self.lang, ext), sheet.title[self.lang]) for sheet in sheets for ext in ("pdf", "xlsx")]
        elif section == "kits":
            modules = sorted(self.curriculum.modules.values(), key=lambda module: module.title[self.lang])
            wanted = [(layout.kit_file(module.id, self.lang, ext), module.title[self.lang]) for module in modules for ext in ("pdf", "zip")]
        elif section == "offline":
            wanted = [(layout.offline_file(), self.label("offline_copy"))]
        else:
            raise UnknownId("downloads section", section, ("books", "checklists", "worksheets", "kits", "offline"))
        items = [
            {"href": self.links.asset(f"{layout.DOWNLOADS_FOLDER}/{path}"), "title": title,
             "kind": path.rsplit(".", 1)[-1].upper(), "size": human_size(available[path], self.lang)}
            for path, title in wanted if path in available
        ]
        return self._template("downloads.html.j2", items=items,
                              missing=self.label("downloads_offline" if offline else "downloads_missing"))

    def progress_tools(self) -> str:
        return self._template("progress_tools.html.j2", stages=self.curriculum.units_by_stage(),
                              steps=self.curriculum.certification, version=CURRICULUM_VERSION)

    def film(self, film_id: str) -> str:
        film = self._get(self.curriculum.films, "film", film_id)
        host = _FILM_HOSTS.get(film.provider or "", "")
        # On the film's own page the poster is the largest thing in view: loading it lazily
        # would delay the page's first full paint. Elsewhere it may be far down the page.
        own_page = self.page_key == layout.page_path("film", film.id)
        return self._template("film.html.j2", film=film, host=host, lazy=not own_page, own_page=own_page)

    def film_catalogue(self) -> str:
        return self._template("film_catalogue.html.j2", films=sorted(self.curriculum.films.values(), key=lambda film: film.title[self.lang]))

    def film_chapters(self) -> str:
        """The chapters of the page's film, from data/films.yml, as a Markdown list."""
        film = self._get(self.curriculum.films, "film", layout.page_id(self.page_key))
        return "\n".join(f"- **{chapter.start}** {chapter.title[self.lang]}" for chapter in film.chapters)

    def film_usage(self) -> str:
        film_id = layout.page_id(self.page_key)
        users = [page for page in self.curriculum.pages.values()
                 if isinstance(page, Module | Unit) and film_id in page.films]
        return self._template("film_usage.html.j2", users=users)

    def _current(self, table, what: str):
        page = self.curriculum.pages.get(self.page_key)
        for item in table.values():
            if item is page:
                return item
        raise LookupError(f"{what} macro used on '{self.page_key}', which is not a {what} page")

    def page_href(self, page: Page) -> str:
        return self.links.href(page.key)


def _demote(markdown: str) -> str:
    """Shift headings one level down so a unit's H3s sit under the aggregated page's H2."""
    return "\n".join(("#" + line) if line.startswith("###") else line for line in markdown.splitlines())


def _lower_first(term: str) -> str:
    return term[0].lower() + term[1:] if term[1:2].islower() else term
