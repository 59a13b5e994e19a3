"""The typed content model: what every page, renderer and test works from."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from curriculum.layout import MACRO_EXAMPLES_PAGE
from curriculum.problems import closest

if TYPE_CHECKING:
    from curriculum.factors import Factor
    from curriculum.worksheet_model import Worksheet

Text = dict[str, str]  # language code -> text
TextList = dict[str, list[str]]  # language code -> list of texts


@dataclass(frozen=True)
class Term:
    """An entry of a controlled vocabulary (program, topic, audience, ...)."""

    id: str
    label: Text
    weeks: int | None = None  # programs only: the length of the recommended outline


@dataclass(frozen=True)
class Source:
    key: str
    group: str
    authors: str
    title: str
    venue: Text  # the same name in every language, or words per language
    year: int | None = None
    url: str | None = None
    doi: str | None = None
    type: str = "web-page"  # peer-reviewed | official | book | report | web-page
    replaces: tuple[str, ...] = ()  # old keys that still resolve to this source
    language: str = "en"  # of its title: marked (lang) on the other language's pages, for screen readers
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: Text


@dataclass(frozen=True)
class ChecklistGroup:
    id: str
    title: Text
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class Checklist:
    id: str
    title: Text
    purpose: Text
    groups: tuple[ChecklistGroup, ...]

    @property
    def items(self) -> list[ChecklistItem]:
        return [item for group in self.groups for item in group.items]


@dataclass(frozen=True)
class Chapter:
    start: str  # "mm:ss"
    title: Text


@dataclass(frozen=True)
class Film:
    id: str
    title: Text
    summary: Text
    language: str
    duration_seconds: int
    poster: str  # path below docs/
    provider: str | None = None  # youtube | vimeo | file; None while not published
    video_id: str | None = None  # the provider's id, or the file path for `file`
    captions: Text = field(default_factory=dict)  # language -> caption file below docs/
    chapters: tuple[Chapter, ...] = ()
    line: int = field(default=0, compare=False)

    @property
    def published(self) -> bool:
        return self.video_id is not None


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: Text
    definition: Text
    abbr: Text = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    # An everyday word whose glossary sense is narrower ("reduce" as the R-ladder's R2, "flow" as
    # Lean's) stays in the glossary but is not marked on every page that uses the word.
    tooltip: bool = True
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class SwedishTerm:
    """A Swedish term this site uses, the variants it rejects, and why (data/terms.yml)."""

    english: str
    chosen: str
    rejected: tuple[str, ...]
    why: Text
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class CertificationStep:
    id: str
    title: Text
    requires: Text
    evidence: Text
    signed_off_by: Text
    time_allowed: Text
    units: tuple[str, ...] = ()
    line: int = field(default=0, compare=False)
    units_line: int = field(default=0, compare=False)  # of `units:`, where a unit's problem is


@dataclass(frozen=True)
class RubricLevel:
    """A level of the assessment rubric ("not yet", "meets", "strong") and what it leads to."""

    id: str
    label: Text
    leads_to: Text


@dataclass(frozen=True)
class RubricCriterion:
    """A criterion of the rubric with an observable indicator per level."""

    id: str
    title: Text
    must_pass: bool
    indicators: dict[str, Text]  # level id -> what the assessor sees at that level
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Rubric:
    """The one rubric of the coach certification (data/rubric.yml)."""

    levels: tuple[RubricLevel, ...]
    criteria: tuple[RubricCriterion, ...]


@dataclass(frozen=True)
class RegisterEntry:
    """A certified coach in the public register (data/register.yml)."""

    name: str
    certificate: str
    version: str
    valid_until: datetime.date
    line: int = field(default=0, compare=False)


@dataclass
class Page:
    """Any page, with its per-language title and source paths."""

    key: str  # docs-relative path of the English file, e.g. "modules/green-waste-walk.md"
    kind: str
    title: Text
    summary: Text
    sources: tuple[str, ...] = ()
    last_reviewed: datetime.date | None = None
    sections: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> H2 id -> text


@dataclass
class Module(Page):
    id: str = ""
    programs: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    format: str = ""
    duration_minutes: int = 0
    span_weeks: int | None = None
    work_between_hours: float | None = None  # estimate of the work before, between and after the sessions
    audience: tuple[str, ...] = ()
    level: str = ""
    prerequisites: tuple[str, ...] = ()
    checklists: tuple[str, ...] = ()
    films: tuple[str, ...] = ()
    outcomes: TextList = field(default_factory=dict)
    self_service: str = ""  # vocab self_service: can a company run it without a coach?


@dataclass
class Unit(Page):
    id: str = ""
    stage: str = ""
    mode: str = ""
    order: int = 0
    hours: float = 0
    prerequisites: tuple[str, ...] = ()
    checklists: tuple[str, ...] = ()
    films: tuple[str, ...] = ()
    questions: TextList = field(default_factory=dict)
    objectives: TextList = field(default_factory=dict)
    key_points: TextList = field(default_factory=dict)
    evidence: TextList = field(default_factory=dict)


class MissingLabel(LookupError):
    """A word the templates put on pages that data/labels.yml lacks (renamed or removed there)."""

    def __init__(self, key: str, labels: dict[str, Text]) -> None:
        super().__init__(f"data/labels.yml has no label '{key}'{closest(key, labels)}: the site's templates use it (add it, with en and sv)")


@dataclass
class Curriculum:
    vocabularies: dict[str, dict[str, Term]]
    labels: dict[str, Text]
    sources: dict[str, Source]
    checklists: dict[str, Checklist]
    films: dict[str, Film]
    glossary: dict[str, GlossaryTerm]
    certification: list[CertificationStep]
    pages: dict[str, Page]  # by key (English docs path)
    modules: dict[str, Module]
    units: dict[str, Unit]
    terms: list[SwedishTerm] = field(default_factory=list)
    support: list = field(default_factory=list)  # curriculum.support.SupportEntry, data/support.yml
    cases: list = field(default_factory=list)  # curriculum.support.Case, data/cases.yml
    # Worksheets (curriculum/worksheets.py) and factors (curriculum/factors.py), and which pages
    # call worksheet() for each worksheet (English page keys, in page order).
    worksheets: dict[str, Worksheet] = field(default_factory=dict)
    factors: dict[str, Factor] = field(default_factory=dict)
    worksheet_users: dict[str, list[str]] = field(default_factory=dict)
    checklist_pages: dict[str, list[str]] = field(default_factory=dict)  # which pages call checklist()
    rubric: Rubric | None = None
    register: tuple[RegisterEntry, ...] = ()
    calculators: dict = field(default_factory=dict)  # curriculum.calculators, data/calculators.yml
    self_checks: dict = field(default_factory=dict)  # curriculum.self_checks, data/self-checks/
    self_assessment: object = None  # curriculum.self_assessment.SelfAssessment, data/self-assessment.yml

    def label(self, key: str, language: str) -> str:
        try:
            return self.labels[key][language]
        except KeyError:
            raise MissingLabel(key, self.labels) from None

    def term(self, vocabulary: str, term_id: str, language: str) -> str:
        return self.vocabularies[vocabulary][term_id].label[language]

    def pages_using(self, keys: list[str]) -> list[Page]:
        """The pages (English keys, as `checklist_pages` and `worksheet_users` hold them) that use
        a checklist or worksheet in the curriculum: the contributors' guide only shows examples."""
        return [self.pages[key] for key in keys if key in self.pages and key != MACRO_EXAMPLES_PAGE]

    def followers(self, module_id: str) -> list[Module]:
        """Modules that name this one as a prerequisite: the reader's next steps."""
        return [module for module in self.modules.values() if module_id in module.prerequisites]

    def program_modules(self, program: str) -> list[Module]:
        """The modules a program is built from: those that name it first among their programs."""
        return [m for m in self.modules.values() if m.programs and m.programs[0] == program]

    def program_minutes(self, program: str) -> int:
        """Session time of a program: the sum of its modules' durations."""
        return sum(m.duration_minutes for m in self.program_modules(program))

    def program_work_between_hours(self, program: str) -> float:
        """Estimated work between sessions of a program: the sum of its modules' estimates."""
        return sum(m.work_between_hours or 0 for m in self.program_modules(program))

    def units_by_stage(self) -> dict[str, list[Unit]]:
        ordered: dict[str, list[Unit]] = {stage: [] for stage in self.vocabularies["stages"]}
        for unit in sorted(self.units.values(), key=lambda unit: (unit.order, unit.id)):
            ordered[unit.stage].append(unit)
        return ordered
