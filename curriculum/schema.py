"""What each page kind must declare in its front matter and which sections it must have.

Where a kind's pages live is the site layout's to say (curriculum/layout.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str  # str | int | number | hours | date | list  (hours: a number, 0 or more)
    translated: bool = False  # True: each language file has its own value
    required: bool = True
    refers_to: str | None = None  # modules | units | checklists | films | sources | vocab:<name>
    min_items: int = 0
    max_items: int | None = None


@dataclass(frozen=True)
class PageKind:
    name: str
    fields: tuple[FieldSpec, ...]
    sections: tuple[str, ...] = ()  # required H2 ids, in this order (others may sit between)
    timed_section: str | None = None  # steps here must add up to duration_minutes


_TITLE = FieldSpec("title", "str", translated=True)
_SUMMARY = FieldSpec("summary", "str", translated=True)
_SOURCES = FieldSpec("sources", "list", refers_to="sources", required=False)
_OWNER = FieldSpec("owner", "str", refers_to="vocab:owners")
_REVIEWED = FieldSpec("last_reviewed", "date")

MODULE = PageKind(
    name="module",
    timed_section="how-to-run-it",
    fields=(
        FieldSpec("kind", "str"),
        FieldSpec("id", "str"),
        _TITLE,
        _SUMMARY,
        FieldSpec("programs", "list", refers_to="vocab:programs", min_items=1),
        FieldSpec("topics", "list", refers_to="vocab:topics", min_items=1),
        FieldSpec("format", "str", refers_to="vocab:formats"),
        FieldSpec("duration_minutes", "int"),
        FieldSpec("span_weeks", "int", required=False),
        # This curriculum's estimate of the participants' work before, between and after the sessions.
        FieldSpec("work_between_hours", "hours", required=False),
        FieldSpec("audience", "list", refers_to="vocab:audiences", min_items=1),
        FieldSpec("level", "str", refers_to="vocab:levels"),
        FieldSpec("prerequisites", "list", refers_to="modules"),
        FieldSpec("outcomes", "list", translated=True, min_items=3, max_items=6),
        FieldSpec("checklists", "list", refers_to="checklists", min_items=1),
        FieldSpec("films", "list", refers_to="films", required=False),
        FieldSpec("sources", "list", refers_to="sources", min_items=1),
        # Can a company's own change leader run it? alone | with-support | coach-led
        FieldSpec("self_service", "str", refers_to="vocab:self_service"),
        _OWNER,
        _REVIEWED,
    ),
    sections=(
        "why-it-matters",
        "outcomes",
        "before-the-session",
        "how-to-run-it",
        "exercises",
        "checklist",
        "follow-up",
        "facilitator-notes",
        "sources",
    ),
)

UNIT = PageKind(
    name="unit",
    fields=(
        FieldSpec("kind", "str"),
        FieldSpec("id", "str"),
        _TITLE,
        _SUMMARY,
        FieldSpec("stage", "str", refers_to="vocab:stages"),
        FieldSpec("mode", "str", refers_to="vocab:modes"),
        FieldSpec("order", "int"),
        FieldSpec("hours", "number"),
        FieldSpec("prerequisites", "list", refers_to="units"),
        FieldSpec("questions", "list", translated=True, min_items=1, max_items=5),
        FieldSpec("objectives", "list", translated=True, min_items=2, max_items=6),
        FieldSpec("key_points", "list", translated=True, min_items=2, max_items=6),
        FieldSpec("evidence", "list", translated=True, min_items=1, max_items=4),
        FieldSpec("checklists", "list", refers_to="checklists", required=False),
        FieldSpec("films", "list", refers_to="films", required=False),
        _SOURCES,
        _OWNER,
        _REVIEWED,
    ),
    sections=("overview", "exercises", "key-points", "facilitator-notes", "sources"),
)

FILM = PageKind(
    name="film",
    fields=(
        FieldSpec("kind", "str"),
        FieldSpec("id", "str", refers_to="films"),
        _TITLE,
        _SUMMARY,
        _SOURCES,
    ),
    sections=("watch", "chapters", "transcript", "used-in"),
)

GENERAL = PageKind(
    name="page",
    fields=(
        FieldSpec("kind", "str"),
        _TITLE,
        _SUMMARY,
        _SOURCES,
        FieldSpec("owner", "str", refers_to="vocab:owners", required=False),
        FieldSpec("last_reviewed", "date", required=False),
    ),
)

KINDS: dict[str, PageKind] = {kind.name: kind for kind in (MODULE, UNIT, FILM, GENERAL)}

# Front-matter keys Material for MkDocs itself understands; allowed on any page.
THEME_KEYS = frozenset({"hide", "search", "template", "icon", "status", "tags", "description"})

# Macros a page may call, and what their positional arguments refer to.
# `None` as the last entry: any number of further arguments of the same kind.
MACROS: dict[str, tuple[str | None, ...]] = {
    "checklist": ("checklists",),
    "worksheet": ("worksheets",),
    "worksheet_library": (),
    "calculator": ("calculators",),
    "factor_table": (),
    "film": ("films",),
    "cite": ("sources", None),
    "module_link": ("modules",),
    "unit_link": ("units",),
    "module_facts": (),
    "module_catalogue": (),
    "checklist_library": (),
    "bibliography": (),
    "glossary_table": (),
    "certification_steps": (),
    "learning_path": (),
    "unit_overview": (),
    "unit_key_points": (),
    "self_check": (),
    "self_check_summary": (),
    "self_assessment": (),
    "all_key_points": (),
    "all_facilitator_notes": (),
    "film_catalogue": (),
    "film_chapters": (),
    "film_usage": (),
    "page_sources": (),
    "portfolio_template": (),
    "progress_tools": (),
    "start_finder": (),
    "downloads": (None,),
    "downloads_note": (),
    "support_table": (),
    "case_table": (),
    "self_service_route": ("modules", None),
    "curriculum_version": (),
    "field_reference": ("kinds",),
    "swedish_terms": (),
    "program_load": ("vocab:programs",),
    "rubric": (),
    "coach_register": (),
}


def arity(name: str) -> tuple[int, bool]:
    """How many arguments a macro takes, and whether more of the last kind may follow."""
    spec = MACROS[name]
    return len([kind for kind in spec if kind is not None]), bool(spec) and spec[-1] is None


def arguments_fit(name: str, count: int) -> bool:
    fixed, variadic = arity(name)
    return fixed <= count and (variadic or count == fixed)


def call_fits(name: str, args: tuple[object, ...]) -> bool:
    """A call of a macro that exists, with as many arguments as it takes, each an id in quotes."""
    return name in MACROS and arguments_fit(name, len(args)) and all(isinstance(arg, str) for arg in args)


# Macros that render what the front matter lists: the page must call them for every entry.
RENDERED_LISTS = {"checklist": "checklists", "film": "films"}

PLACEHOLDER_ALT = frozenset(
    {"image", "img", "alt", "alt text", "alt_text", "picture", "photo", "figure", "screenshot",
     "bild", "foto", "figur", "todo", "tbd", "placeholder"}
)
VAGUE_LINK_TEXT = frozenset(
    {"here", "click here", "this link", "link", "read more", "more", "this page", "this",
     "här", "klicka här", "denna länk", "länk", "läs mer", "mer", "den här sidan"}
)
