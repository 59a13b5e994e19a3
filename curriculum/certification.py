"""Renderers for the certification data: the one rubric and the register of certified coaches.

Pure functions of the model and a page's Renderer (for language, labels and links); the macros
module binds them as `rubric()` and `coach_register()`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

if TYPE_CHECKING:
    from curriculum.render import Renderer

_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def rubric(r: Renderer) -> str:
    """The rubric: what each level leads to, then every criterion with its indicators."""
    if r.c.rubric is None:
        raise LookupError("there is no data/rubric.yml (create it; see the assessor's guide)")
    return _TEMPLATES.get_template("rubric.html.j2").render(r=r, lang=r.lang, rubric=r.c.rubric).strip()


def coach_register(r: Renderer) -> str:
    """The certified coaches, by name; an empty register says so."""
    entries = sorted(r.c.register, key=lambda e: (e.name.lower(), e.certificate))
    return _TEMPLATES.get_template("register.html.j2").render(r=r, lang=r.lang, entries=entries).strip()


# Macro name -> renderer; the macros module registers each of them.
MACROS = {"rubric": rubric, "coach_register": coach_register}
